//! A `kubectl get csr NAME -o yaml|json` object: what the cluster says about
//! the request, read with the Kubernetes module's object types.

use crate::json::Value;
use crate::kubernetes::object::{
    CertificateSigningRequest, Condition, base64_field, json_value, pem_text, read_object,
    yaml_value,
};
use crate::{Certificate, CertificateRequest, Result, UnixTime};

/// What a CertificateSigningRequest object says besides its request and
/// certificate, in the words of `kubectl describe csr`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct KubernetesView {
    /// `metadata.name`.
    pub name: String,
    /// `metadata.uid`.
    pub uid: Option<String>,
    /// `metadata.creationTimestamp`, RFC 3339.
    pub created: Option<String>,
    /// `spec.signerName`.
    pub signer_name: String,
    /// `spec.username`: the requesting user, set by the API server.
    pub username: Option<String>,
    /// `spec.groups`: the requesting user's groups.
    pub groups: Vec<String>,
    /// `spec.usages`.
    pub usages: Vec<String>,
    /// `spec.expirationSeconds`: the requested lifetime, if any.
    pub expiration_seconds: Option<i32>,
    /// kubectl's CONDITION column: `Pending`, `Approved`, `Denied`, then
    /// `,Failed` and `,Issued` when they apply (e.g. `Approved,Failed`).
    pub status: String,
    /// `status.conditions`, in order.
    pub conditions: Vec<ConditionView>,
}

/// One entry of `status.conditions`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ConditionView {
    /// `Approved`, `Denied` or `Failed`.
    pub kind: String,
    /// `True`, `False` or `Unknown`.
    pub status: String,
    /// A machine word, e.g. `SignerValidationFailure`.
    pub reason: Option<String>,
    /// The human message, e.g. `subject organization is not system:nodes`.
    pub message: Option<String>,
    /// `lastUpdateTime`, RFC 3339.
    pub last_update_time: Option<String>,
    /// `lastTransitionTime`, RFC 3339.
    pub last_transition_time: Option<String>,
}

/// A CertificateSigningRequest object taken apart: what it says, its CSR, and
/// the certificates it was issued, if any.
pub(super) struct Object {
    pub(super) view: KubernetesView,
    pub(super) request: CertificateRequest,
    pub(super) certificates: Vec<Certificate>,
}

pub(super) fn from_json(text: &str) -> Result<Object> {
    from_value(&json_value(text)?)
}

pub(super) fn from_yaml(text: &str) -> Result<Object> {
    from_value(&yaml_value(text)?)
}

fn from_value(value: &Value) -> Result<Object> {
    let object = read_object(value)?;
    let request = base64_field(&object.spec.request, "spec.request")?;
    let certificate = object
        .status
        .as_ref()
        .and_then(|s| s.certificate.as_deref())
        .map(|text| base64_field(text, "status.certificate"))
        .transpose()?
        .filter(|c| !c.is_empty());
    let view = view(&object, certificate.is_some())?;
    let request = CertificateRequest::from_pem(&pem_text(request, "spec.request")?)
        .map_err(|e| e.within("spec.request"))?;
    let certificates = match certificate {
        Some(bytes) => Certificate::chain_from_pem(&pem_text(bytes, "status.certificate")?)
            .map_err(|e| e.within("status.certificate"))?,
        None => Vec::new(),
    };
    Ok(Object {
        view,
        request,
        certificates,
    })
}

fn view(object: &CertificateSigningRequest, issued: bool) -> Result<KubernetesView> {
    let spec = &object.spec;
    let conditions: &[Condition] = object
        .status
        .as_ref()
        .and_then(|s| s.conditions.as_deref())
        .unwrap_or_default();
    let time = |text: &Option<String>, field: &str| {
        text.as_deref().map(|text| rfc3339(text, field)).transpose()
    };
    Ok(KubernetesView {
        name: object.metadata.name.clone().unwrap_or_default(),
        uid: object.metadata.uid.clone(),
        created: time(
            &object.metadata.creation_timestamp,
            "metadata.creationTimestamp",
        )?,
        signer_name: spec.signer_name.clone(),
        username: spec.username.clone(),
        groups: spec.groups.clone().unwrap_or_default(),
        usages: spec.usages.clone().unwrap_or_default(),
        expiration_seconds: spec.expiration_seconds,
        status: status_column(conditions, issued),
        conditions: conditions
            .iter()
            .enumerate()
            .map(|(i, c)| {
                Ok(ConditionView {
                    kind: c.kind.clone(),
                    status: c.status.clone(),
                    reason: c.reason.clone(),
                    message: c.message.clone(),
                    last_update_time: time(
                        &c.last_update_time,
                        &format!("status.conditions[{i}].lastUpdateTime"),
                    )?,
                    last_transition_time: time(
                        &c.last_transition_time,
                        &format!("status.conditions[{i}].lastTransitionTime"),
                    )?,
                })
            })
            .collect::<Result<_>>()?,
    })
}

/// kubectl's CONDITION column (`extractCSRStatus` in kubectl's printers):
/// Denied wins over Approved, else Pending; then `,Failed`, then `,Issued`.
fn status_column(conditions: &[Condition], issued: bool) -> String {
    let has = |kind: &str| conditions.iter().any(|c| c.kind == kind);
    let mut status = if has("Denied") {
        "Denied"
    } else if has("Approved") {
        "Approved"
    } else {
        "Pending"
    }
    .to_owned();
    if has("Failed") {
        status.push_str(",Failed");
    }
    if issued {
        status.push_str(",Issued");
    }
    status
}

/// A timestamp in UTC with whole seconds, as the API writes it.
fn rfc3339(text: &str, field: &str) -> Result<String> {
    UnixTime::parse_rfc3339(text)
        .map(UnixTime::to_rfc3339)
        .map_err(|e| e.within(field))
}
