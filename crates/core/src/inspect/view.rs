//! The published shape of an inspection: plain structs that `json.rs` writes
//! as the stable `--json` format. They are built from the `x509` reading
//! layer.

use sha2::{Digest, Sha256};

use crate::{
    Certificate, CertificateInfo, DistinguishedName, EcdsaCurve, Host, KeyAlgorithm, PublicKeyInfo,
    RequestInfo, SignatureQuestion, SignatureVerifier, UnixTime,
};

/// A certificate signing request, as read.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RequestView {
    /// The PEM label (`CERTIFICATE REQUEST` or `NEW CERTIFICATE REQUEST`);
    /// `None` when read as DER.
    pub pem_label: Option<String>,
    /// The subject name.
    pub subject: NameView,
    /// The public key to be certified.
    pub public_key: PublicKeyView,
    /// openssl's name of the signature algorithm, e.g. `ecdsa-with-SHA256`.
    pub signature_algorithm: String,
    /// The self-signature checked with the CSR's own key.
    pub self_signature: CheckView,
    /// The requested subjectAltNames, by type.
    pub subject_alt_names: AltNamesView,
    /// The names (`subjectAltName`, ...) or dotted OIDs of the requested extensions.
    pub requested_extensions: Vec<String>,
}

/// One certificate, as read, with its validity judged at the inspection's time.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CertificateView {
    /// The X.509 version: 1, 2 or 3.
    pub version: u32,
    /// The serial number as lowercase hex bytes separated by `:`.
    pub serial: String,
    /// The subject name.
    pub subject: NameView,
    /// The issuer name.
    pub issuer: NameView,
    /// The validity period and where the inspection's time falls in it.
    pub validity: ValidityView,
    /// The subject's public key.
    pub public_key: PublicKeyView,
    /// openssl's name of the signature algorithm, e.g. `ecdsa-with-SHA256`.
    pub signature_algorithm: String,
    /// The issuer's signature, checked when the issuer is in the input (the
    /// next certificate of a chain) or the certificate is self-issued; `None`
    /// when the issuer's key is not at hand.
    pub issuer_signature: Option<IssuerCheckView>,
    /// For the first certificate, when the input also holds a CSR (as a
    /// Kubernetes object does): whether it certifies the CSR's public key.
    pub key_matches_request: Option<bool>,
    /// The subjectAltNames, by type.
    pub subject_alt_names: AltNamesView,
    /// The keyUsage bits set, by Kubernetes' names (`digital signature`, ...).
    pub key_usage: Vec<String>,
    /// The extendedKeyUsage purposes, by Kubernetes' names (`server auth`, ...)
    /// or as dotted OIDs.
    pub extended_key_usage: Vec<String>,
    /// The basicConstraints extension, if present.
    pub basic_constraints: Option<BasicConstraintsView>,
    /// The nameConstraints extension, if present.
    pub name_constraints: Option<NameConstraintsView>,
    /// Every extension, in encoded order.
    pub extensions: Vec<ExtensionView>,
    /// Fingerprints of the DER certificate.
    pub fingerprints: FingerprintsView,
}

/// A distinguished name.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct NameView {
    /// One line in encoded order, e.g. `C=CN, O=dev + O=ops, CN=web`.
    pub text: String,
    /// Every attribute in encoded order, multi-valued RDNs flattened.
    pub attributes: Vec<AttributeView>,
}

/// One attribute of a distinguished name.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct AttributeView {
    /// openssl's short name (`CN`, `O`, ...), or the dotted OID.
    pub kind: String,
    /// The dotted OID, e.g. `2.5.4.3`.
    pub oid: String,
    /// The value as text.
    pub value: String,
}

/// A public key.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct PublicKeyView {
    /// `ecdsa`, `rsa` or `ed25519`; for other keys, csrcraft's description
    /// (`ec secp256k1`, `dsa`, or the dotted OID).
    pub algorithm: String,
    /// The curve of an ECDSA key: `P-256`, `P-384` or `P-521`.
    pub curve: Option<String>,
    /// The key size in bits, when known.
    pub bits: Option<usize>,
    /// SHA-256 of the DER `SubjectPublicKeyInfo`, lowercase hex: equal values
    /// mean the same key (e.g. in a CSR and the certificate issued for it).
    pub spki_sha256: String,
}

/// The result of a signature check.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CheckView {
    /// Whether the signature verifies.
    pub ok: bool,
    /// Why it does not, when it does not.
    pub problem: Option<String>,
}

/// A certificate's signature checked with its issuer's key.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct IssuerCheckView {
    /// Whose key was used: `certificate N` (1-based, in input order) or `itself`.
    pub signed_by: String,
    /// Whether the issuer name matches that certificate's subject and the signature verifies.
    pub ok: bool,
    /// Why not, when not.
    pub problem: Option<String>,
}

/// The validity period (RFC 5280 §4.1.2.5, both ends inclusive).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ValidityView {
    /// notBefore, RFC 3339 in UTC.
    pub not_before: String,
    /// notAfter, RFC 3339 in UTC.
    pub not_after: String,
    /// Where the inspection's time falls.
    pub state: ValidityState,
    /// Seconds from the inspection's time to notAfter (negative once expired).
    pub seconds_left: i64,
    /// Seconds from notBefore to notAfter.
    pub lifetime_seconds: i64,
    /// In words: `expires in 364d 23h`, `EXPIRED 3d ago` or
    /// `not yet valid: starts in 2h`.
    pub summary: String,
}

/// Where a time falls in a validity period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValidityState {
    /// Before notBefore.
    NotYetValid,
    /// Within the period.
    Valid,
    /// After notAfter.
    Expired,
}

/// Alternative names by type, each in encoded order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct AltNamesView {
    /// DNS names.
    pub dns: Vec<String>,
    /// IP addresses.
    pub ip: Vec<String>,
    /// Email addresses (`rfc822Name`).
    pub email: Vec<String>,
    /// URIs.
    pub uri: Vec<String>,
    /// Any other kind, as openssl would show it (`othername:1.2.3.4`, ...).
    pub other: Vec<String>,
}

/// The basicConstraints extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct BasicConstraintsView {
    /// Whether the key may sign certificates.
    pub ca: bool,
    /// How many intermediate CAs may follow, if limited.
    pub path_len: Option<u32>,
}

/// The nameConstraints extension: subtrees in encoded order, as openssl
/// shows them (`DNS:example.com`, `IP:10.0.0.0/255.0.0.0`, `email:...`,
/// `URI:...`, `DirName:O=x`, ...).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct NameConstraintsView {
    /// The permitted subtrees; empty when absent.
    pub permitted: Vec<String>,
    /// The excluded subtrees; empty when absent.
    pub excluded: Vec<String>,
}

/// One extension of a certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ExtensionView {
    /// openssl's short name, or the dotted OID.
    pub name: String,
    /// The dotted OID.
    pub oid: String,
    /// Whether it is marked critical.
    pub critical: bool,
    /// False only for a critical extension that path validation does not
    /// understand, for which a verifier refuses the certificate (see
    /// [`CertificateInfo::unhandled_critical_extensions`]).
    pub understood: bool,
}

/// Fingerprints, uppercase hex bytes separated by `:` as openssl shows them.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct FingerprintsView {
    /// SHA-256 of the DER.
    pub sha256: String,
    /// SHA-1 of the DER (an identifier only).
    pub sha1: String,
}

impl AltNamesView {
    /// True when there is no name of any type.
    pub fn is_empty(&self) -> bool {
        self.dns.is_empty()
            && self.ip.is_empty()
            && self.email.is_empty()
            && self.uri.is_empty()
            && self.other.is_empty()
    }
}

pub(super) fn request_view(info: &RequestInfo) -> RequestView {
    RequestView {
        pem_label: info.pem_label.clone(),
        subject: name_view(&info.subject),
        public_key: public_key_view(&info.public_key),
        signature_algorithm: info.signature_algorithm.to_string(),
        self_signature: CheckView {
            ok: info.signature.is_ok(),
            problem: info.signature.as_ref().err().map(ToString::to_string),
        },
        subject_alt_names: alt_names_view(&info.subject_alt_names, &info.other_alt_names),
        requested_extensions: info.requested_extensions.clone(),
    }
}

/// The views of `certificates` (a chain, leaf first), each signature checked
/// with the next certificate's key; the first is matched against `request`.
pub(super) fn certificate_views(
    certificates: &[Certificate],
    request: Option<&RequestInfo>,
    now: UnixTime,
    verifier: &dyn SignatureVerifier,
) -> Vec<CertificateView> {
    certificates
        .iter()
        .enumerate()
        .map(|(i, certificate)| {
            let info = certificate.info();
            let key_matches_request = match (i, request) {
                (0, Some(request)) => Some(request.public_key.spki_der == info.public_key.spki_der),
                _ => None,
            };
            CertificateView {
                version: info.version,
                serial: info.serial_hex.clone(),
                subject: name_view(&info.subject),
                issuer: name_view(&info.issuer),
                validity: validity_view(info, now),
                public_key: public_key_view(&info.public_key),
                signature_algorithm: info.signature_algorithm.to_string(),
                issuer_signature: issuer_check(certificate, i, certificates.get(i + 1), verifier),
                key_matches_request,
                subject_alt_names: alt_names_view(&info.subject_alt_names, &info.other_alt_names),
                key_usage: info.key_usage.iter().map(|u| (*u).to_owned()).collect(),
                extended_key_usage: info.extended_key_usage.clone(),
                basic_constraints: info.basic_constraints.map(|bc| BasicConstraintsView {
                    ca: bc.ca,
                    path_len: bc.path_len,
                }),
                name_constraints: info
                    .name_constraints
                    .as_ref()
                    .map(|nc| NameConstraintsView {
                        permitted: nc.permitted.iter().map(ToString::to_string).collect(),
                        excluded: nc.excluded.iter().map(ToString::to_string).collect(),
                    }),
                extensions: extension_views(info),
                fingerprints: FingerprintsView {
                    sha256: certificate.fingerprint_sha256(),
                    sha1: certificate.fingerprint_sha1(),
                },
            }
        })
        .collect()
}

/// Checks `certificate` (at 0-based `index`) against the next one in the
/// input, or against itself when it is self-issued and last.
fn issuer_check(
    certificate: &Certificate,
    index: usize,
    next: Option<&Certificate>,
    verifier: &dyn SignatureVerifier,
) -> Option<IssuerCheckView> {
    let info = certificate.info();
    let (issuer, signed_by) = match next {
        Some(next) => (next, format!("certificate {}", index + 2)),
        None => (claimed_issuer(certificate, next)?, "itself".to_owned()),
    };
    let issuer_info = issuer.info();
    let problem = if issuer_info.subject != info.issuer {
        Some(format!(
            "the issuer name is not {signed_by}'s subject ({})",
            issuer_info.subject
        ))
    } else {
        certificate
            .verify_signed_by(&issuer_info.public_key.spki_der, verifier)
            .err()
            .map(|e| e.to_string())
    };
    Some(IssuerCheckView {
        signed_by,
        ok: problem.is_none(),
        problem,
    })
}

/// The certificate `certificate` is checked against: the next one in the
/// input, or itself when it is self-issued and last.
fn claimed_issuer<'a>(
    certificate: &'a Certificate,
    next: Option<&'a Certificate>,
) -> Option<&'a Certificate> {
    let info = certificate.info();
    next.or_else(|| (info.issuer == info.subject).then_some(certificate))
}

/// The signature checks [`certificate_views`] asks for: each certificate
/// against the one it is checked against, when the names agree.
pub(super) fn issuer_questions(certificates: &[Certificate]) -> Vec<SignatureQuestion> {
    certificates
        .iter()
        .enumerate()
        .filter_map(|(i, certificate)| {
            let issuer = claimed_issuer(certificate, certificates.get(i + 1))?;
            (issuer.info().subject == certificate.info().issuer)
                .then(|| certificate.signed_by_question(&issuer.info().public_key.spki_der))
        })
        .collect()
}

fn name_view(name: &DistinguishedName) -> NameView {
    NameView {
        text: name.to_string(),
        attributes: name
            .attributes()
            .map(|a| AttributeView {
                kind: a.short_name.unwrap_or(&a.oid).to_owned(),
                oid: a.oid.clone(),
                value: a.value.clone(),
            })
            .collect(),
    }
}

fn public_key_view(key: &PublicKeyInfo) -> PublicKeyView {
    let (algorithm, curve, bits) = match key.algorithm {
        Some(KeyAlgorithm::Ecdsa(curve)) => {
            let (name, bits) = match curve {
                EcdsaCurve::P256 => ("P-256", 256),
                EcdsaCurve::P384 => ("P-384", 384),
                EcdsaCurve::P521 => ("P-521", 521),
            };
            ("ecdsa".to_owned(), Some(name.to_owned()), Some(bits))
        }
        Some(KeyAlgorithm::Rsa { bits }) => ("rsa".to_owned(), None, Some(bits)),
        Some(KeyAlgorithm::Ed25519) => ("ed25519".to_owned(), None, Some(256)),
        None => (key.description.clone(), None, None),
    };
    PublicKeyView {
        algorithm,
        curve,
        bits,
        spki_sha256: Sha256::digest(&key.spki_der)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect(),
    }
}

fn alt_names_view(hosts: &[Host], other: &[String]) -> AltNamesView {
    let mut view = AltNamesView {
        other: other.to_vec(),
        ..AltNamesView::default()
    };
    for host in hosts {
        let list = match host {
            Host::Dns(_) => &mut view.dns,
            Host::Ip(_) => &mut view.ip,
            Host::Email(_) => &mut view.email,
            Host::Uri(_) => &mut view.uri,
        };
        list.push(host.value());
    }
    view
}

fn extension_views(info: &CertificateInfo) -> Vec<ExtensionView> {
    let unhandled = info.unhandled_critical_extensions();
    info.extensions
        .iter()
        .map(|extension| ExtensionView {
            name: extension.name.clone(),
            oid: extension.oid.clone(),
            critical: extension.critical,
            understood: !unhandled.iter().any(|u| std::ptr::eq(*u, extension)),
        })
        .collect()
}

fn validity_view(info: &CertificateInfo, now: UnixTime) -> ValidityView {
    let (not_before, not_after) = (info.not_before.0, info.not_after.0);
    let (state, summary) = if now.0 < not_before {
        let starts = not_before.saturating_sub(now.0);
        (
            ValidityState::NotYetValid,
            format!("not yet valid: starts in {}", duration_text(starts)),
        )
    } else if now.0 > not_after {
        let ago = now.0.saturating_sub(not_after);
        (
            ValidityState::Expired,
            format!("EXPIRED {} ago", duration_text(ago)),
        )
    } else {
        let left = not_after.saturating_sub(now.0);
        (
            ValidityState::Valid,
            format!("expires in {}", duration_text(left)),
        )
    };
    ValidityView {
        not_before: info.not_before.to_rfc3339(),
        not_after: info.not_after.to_rfc3339(),
        state,
        seconds_left: not_after.saturating_sub(now.0),
        lifetime_seconds: not_after.saturating_sub(not_before),
        summary,
    }
}

/// A non-negative number of seconds in its two largest units, the second left
/// out when zero: `364d 23h`, `3d`, `2h 5m`, `45s`.
pub(crate) fn duration_text(seconds: i64) -> String {
    const UNITS: [(i64, &str); 4] = [(86_400, "d"), (3_600, "h"), (60, "m"), (1, "s")];
    let seconds = seconds.max(0);
    let Some(first) = UNITS.iter().position(|(size, _)| seconds >= *size) else {
        return "0s".to_owned();
    };
    let mut rest = seconds;
    let mut parts = Vec::with_capacity(2);
    for (size, unit) in UNITS.iter().skip(first).take(2) {
        let count = rest / size;
        rest %= size;
        if count > 0 {
            parts.push(format!("{count}{unit}"));
        }
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::duration_text;

    #[test]
    fn durations_show_two_units() {
        assert_eq!(duration_text(0), "0s");
        assert_eq!(duration_text(-5), "0s");
        assert_eq!(duration_text(45), "45s");
        assert_eq!(duration_text(2 * 3600), "2h");
        assert_eq!(duration_text(2 * 3600 + 5 * 60 + 7), "2h 5m");
        assert_eq!(duration_text(3 * 86_400 + 59), "3d");
        assert_eq!(duration_text(365 * 86_400 - 3600), "364d 23h");
    }
}
