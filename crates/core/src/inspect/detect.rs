//! What the input is: PEM, DER, base64 of either, or a Kubernetes object.

use super::object::{self, KubernetesView, Object};
use crate::{Certificate, CertificateRequest, Error, Result};

/// The form the input was recognized in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum InputFormat {
    /// PEM text: one CSR and/or certificates.
    Pem,
    /// A DER certificate or CSR.
    Der,
    /// The base64 of PEM text, as `spec.request` and `status.certificate` hold it.
    Base64Pem,
    /// The base64 of a DER certificate or CSR.
    Base64Der,
    /// A `kubectl get csr NAME -o yaml` object.
    KubernetesYaml,
    /// A `kubectl get csr NAME -o json` object.
    KubernetesJson,
}

/// The input taken apart.
pub(crate) struct Decoded {
    pub(crate) format: InputFormat,
    pub(crate) object: Option<KubernetesView>,
    pub(crate) request: Option<CertificateRequest>,
    pub(crate) certificates: Vec<Certificate>,
}

/// What was tried, for the message when nothing fits.
const TRIED: &str = "not a PEM block, DER certificate or CSR, base64 PEM, or a Kubernetes \
    CertificateSigningRequest object; give a CSR or certificate (PEM, DER or base64 of either) \
    or the output of `kubectl get csr NAME -o yaml`";

pub(crate) fn decode(input: &[u8]) -> Result<Decoded> {
    let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    if input.first() == Some(&DER_SEQUENCE) {
        // An ASCII text may start with `0` too: only binary input stops here.
        match decode_der(input, InputFormat::Der) {
            Err(error) if !input.is_ascii() => return Err(error),
            Err(_) => {}
            decoded => return decoded,
        }
    }
    let text = std::str::from_utf8(input).map_err(|_| unrecognized())?;
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(Error::decode("input", "it is empty"));
    }
    if trimmed.starts_with('{') {
        return object::from_json(trimmed).map(|o| from_object(o, InputFormat::KubernetesJson));
    }
    // Before PEM: an object's annotations may quote PEM text.
    if looks_like_yaml_object(text) {
        return object::from_yaml(text).map(|o| from_object(o, InputFormat::KubernetesYaml));
    }
    if text.contains("-----BEGIN ") {
        return decode_pem(text, InputFormat::Pem);
    }
    decode_base64(trimmed)
}

fn from_object(object: Object, format: InputFormat) -> Decoded {
    Decoded {
        format,
        object: Some(object.view),
        request: Some(object.request),
        certificates: object.certificates,
    }
}

/// Reads PEM text: at most one CSR, and any number of certificates (a chain,
/// leaf first). Other blocks (e.g. a private key) are left alone.
fn decode_pem(text: &str, format: InputFormat) -> Result<Decoded> {
    let blocks = crate::pem::parse(text)
        .map_err(|e| Error::decode("PEM input", format!("it is malformed: {e}")))?;
    let has = |labels: &[&str]| blocks.iter().any(|b| labels.contains(&b.label()));
    let has_request = has(&["CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST"]);
    let has_certificate = has(&["CERTIFICATE"]);
    if !has_request && !has_certificate {
        let labels: Vec<&str> = blocks.iter().map(crate::pem::Block::label).collect();
        return Err(Error::decode(
            "PEM input",
            format!(
                "found {}, but no CERTIFICATE REQUEST or CERTIFICATE block",
                if labels.is_empty() {
                    "no complete block".to_owned()
                } else {
                    labels.join(", ")
                }
            ),
        ));
    }
    let request = if has_request {
        Some(CertificateRequest::from_blocks(&blocks)?)
    } else {
        None
    };
    let certificates = if has_certificate {
        Certificate::chain_from_blocks(&blocks)?
    } else {
        Vec::new()
    };
    Ok(Decoded {
        format,
        object: None,
        request,
        certificates,
    })
}

/// The tag of a DER SEQUENCE, which both a certificate and a CSR are.
const DER_SEQUENCE: u8 = 0x30;

fn decode_der(der: &[u8], format: InputFormat) -> Result<Decoded> {
    let certificate = match Certificate::from_der(der) {
        Ok(certificate) => certificate,
        Err(certificate_error) => {
            let request = CertificateRequest::from_der(der).map_err(|request_error| {
                Error::decode(
                    "DER input",
                    format!(
                        "neither a certificate ({}) nor a certificate request ({})",
                        problem(&certificate_error),
                        problem(&request_error)
                    ),
                )
            })?;
            return Ok(Decoded {
                format,
                object: None,
                request: Some(request),
                certificates: Vec::new(),
            });
        }
    };
    Ok(Decoded {
        format,
        object: None,
        request: None,
        certificates: vec![certificate],
    })
}

/// The base64 of PEM or DER, with any whitespace or line breaks inside.
fn decode_base64(text: &str) -> Result<Decoded> {
    let bytes = crate::base64::decode(text).map_err(|_| unrecognized())?;
    if bytes.first() == Some(&DER_SEQUENCE) {
        return decode_der(&bytes, InputFormat::Base64Der);
    }
    match std::str::from_utf8(&bytes) {
        Ok(decoded) if decoded.contains("-----BEGIN ") => {
            decode_pem(decoded, InputFormat::Base64Pem)
        }
        _ => Err(unrecognized()),
    }
}

/// A YAML mapping with `apiVersion` or `kind` at the top level.
fn looks_like_yaml_object(text: &str) -> bool {
    text.lines()
        .any(|line| line.starts_with("apiVersion:") || line.starts_with("kind:"))
}

fn unrecognized() -> Error {
    Error::decode("input", TRIED)
}

/// The problem part of a decode error, without the `what` prefix.
fn problem(error: &Error) -> String {
    match error {
        Error::Decode { problem, .. } => problem.clone(),
        other => other.to_string(),
    }
}
