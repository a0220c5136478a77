//! The published `--json` shape of an inspection: each view as a JSON object
//! whose members are its fields, in declaration order, by their Rust names
//! (`type` for `kind`); every field is present (`null` or `[]` when empty).

use super::{
    AltNamesView, AttributeView, BasicConstraintsView, CertificateView, CheckView, ConditionView,
    ExtensionView, FingerprintsView, InputFormat, Inspection, IssuerCheckView, KubernetesView,
    NameConstraintsView, NameView, PublicKeyView, RequestView, ValidityState, ValidityView,
};
use crate::json::{Map, Value};

impl From<&Inspection> for Value {
    fn from(inspection: &Inspection) -> Self {
        Map::new()
            .with("input", inspection.input)
            .with("at", &inspection.at)
            .with("kubernetes", inspection.kubernetes.as_ref())
            .with("request", inspection.request.as_ref())
            .with("certificates", Value::from_iter(&inspection.certificates))
            .into()
    }
}

impl From<InputFormat> for Value {
    fn from(format: InputFormat) -> Self {
        Value::from(match format {
            InputFormat::Pem => "pem",
            InputFormat::Der => "der",
            InputFormat::Base64Pem => "base64-pem",
            InputFormat::Base64Der => "base64-der",
            InputFormat::KubernetesYaml => "kubernetes-yaml",
            InputFormat::KubernetesJson => "kubernetes-json",
        })
    }
}

impl From<&KubernetesView> for Value {
    fn from(view: &KubernetesView) -> Self {
        Map::new()
            .with("name", &view.name)
            .with("uid", view.uid.as_ref())
            .with("created", view.created.as_ref())
            .with("signer_name", &view.signer_name)
            .with("username", view.username.as_ref())
            .with("groups", Value::from_iter(&view.groups))
            .with("usages", Value::from_iter(&view.usages))
            .with("expiration_seconds", view.expiration_seconds)
            .with("status", &view.status)
            .with("conditions", Value::from_iter(&view.conditions))
            .into()
    }
}

impl From<&ConditionView> for Value {
    fn from(view: &ConditionView) -> Self {
        Map::new()
            .with("type", &view.kind)
            .with("status", &view.status)
            .with("reason", view.reason.as_ref())
            .with("message", view.message.as_ref())
            .with("last_update_time", view.last_update_time.as_ref())
            .with("last_transition_time", view.last_transition_time.as_ref())
            .into()
    }
}

impl From<&RequestView> for Value {
    fn from(view: &RequestView) -> Self {
        Map::new()
            .with("pem_label", view.pem_label.as_ref())
            .with("subject", &view.subject)
            .with("public_key", &view.public_key)
            .with("signature_algorithm", &view.signature_algorithm)
            .with("self_signature", &view.self_signature)
            .with("subject_alt_names", &view.subject_alt_names)
            .with(
                "requested_extensions",
                Value::from_iter(&view.requested_extensions),
            )
            .into()
    }
}

impl From<&CertificateView> for Value {
    fn from(view: &CertificateView) -> Self {
        Map::new()
            .with("version", view.version)
            .with("serial", &view.serial)
            .with("subject", &view.subject)
            .with("issuer", &view.issuer)
            .with("validity", &view.validity)
            .with("public_key", &view.public_key)
            .with("signature_algorithm", &view.signature_algorithm)
            .with("issuer_signature", view.issuer_signature.as_ref())
            .with("key_matches_request", view.key_matches_request)
            .with("subject_alt_names", &view.subject_alt_names)
            .with("key_usage", Value::from_iter(&view.key_usage))
            .with(
                "extended_key_usage",
                Value::from_iter(&view.extended_key_usage),
            )
            .with("basic_constraints", view.basic_constraints.as_ref())
            .with("name_constraints", view.name_constraints.as_ref())
            .with("extensions", Value::from_iter(&view.extensions))
            .with("fingerprints", &view.fingerprints)
            .into()
    }
}

impl From<&NameView> for Value {
    fn from(view: &NameView) -> Self {
        Map::new()
            .with("text", &view.text)
            .with("attributes", Value::from_iter(&view.attributes))
            .into()
    }
}

impl From<&AttributeView> for Value {
    fn from(view: &AttributeView) -> Self {
        Map::new()
            .with("type", &view.kind)
            .with("oid", &view.oid)
            .with("value", &view.value)
            .into()
    }
}

impl From<&PublicKeyView> for Value {
    fn from(view: &PublicKeyView) -> Self {
        Map::new()
            .with("algorithm", &view.algorithm)
            .with("curve", view.curve.as_ref())
            .with("bits", view.bits)
            .with("spki_sha256", &view.spki_sha256)
            .into()
    }
}

impl From<&CheckView> for Value {
    fn from(view: &CheckView) -> Self {
        Map::new()
            .with("ok", view.ok)
            .with("problem", view.problem.as_ref())
            .into()
    }
}

impl From<&IssuerCheckView> for Value {
    fn from(view: &IssuerCheckView) -> Self {
        Map::new()
            .with("signed_by", &view.signed_by)
            .with("ok", view.ok)
            .with("problem", view.problem.as_ref())
            .into()
    }
}

impl From<&ValidityView> for Value {
    fn from(view: &ValidityView) -> Self {
        Map::new()
            .with("not_before", &view.not_before)
            .with("not_after", &view.not_after)
            .with("state", view.state)
            .with("seconds_left", view.seconds_left)
            .with("lifetime_seconds", view.lifetime_seconds)
            .with("summary", &view.summary)
            .into()
    }
}

impl From<ValidityState> for Value {
    fn from(state: ValidityState) -> Self {
        Value::from(match state {
            ValidityState::NotYetValid => "not_yet_valid",
            ValidityState::Valid => "valid",
            ValidityState::Expired => "expired",
        })
    }
}

impl From<&AltNamesView> for Value {
    fn from(view: &AltNamesView) -> Self {
        Map::new()
            .with("dns", Value::from_iter(&view.dns))
            .with("ip", Value::from_iter(&view.ip))
            .with("email", Value::from_iter(&view.email))
            .with("uri", Value::from_iter(&view.uri))
            .with("other", Value::from_iter(&view.other))
            .into()
    }
}

impl From<&BasicConstraintsView> for Value {
    fn from(view: &BasicConstraintsView) -> Self {
        Map::new()
            .with("ca", view.ca)
            .with("path_len", view.path_len)
            .into()
    }
}

impl From<&ExtensionView> for Value {
    fn from(view: &ExtensionView) -> Self {
        Map::new()
            .with("name", &view.name)
            .with("oid", &view.oid)
            .with("critical", view.critical)
            .with("understood", view.understood)
            .into()
    }
}

impl From<&NameConstraintsView> for Value {
    fn from(view: &NameConstraintsView) -> Self {
        Map::new()
            .with("permitted", Value::from_iter(&view.permitted))
            .with("excluded", Value::from_iter(&view.excluded))
            .into()
    }
}

impl From<&FingerprintsView> for Value {
    fn from(view: &FingerprintsView) -> Self {
        Map::new()
            .with("sha256", &view.sha256)
            .with("sha1", &view.sha1)
            .into()
    }
}
