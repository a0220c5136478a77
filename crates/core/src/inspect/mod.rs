//! `inspect`: show what a CSR, a certificate or chain, or a Kubernetes
//! CertificateSigningRequest object holds, as text for people and as JSON for
//! machines.
//!
//! The input is recognized by its shape ([`InputFormat`]): PEM (a CSR and/or
//! certificates, leaf first), DER, the base64 of either (what `spec.request`
//! and `status.certificate` hold), or a whole `kubectl get csr NAME -o yaml`
//! or `-o json` object. A list of objects (`kubectl get csr -o yaml` without
//! a name) is refused, naming the objects in it.
//!
//! The time the validity periods are judged at comes in as an argument.

mod detect;
mod json;
mod object;
mod text;
mod view;

pub use self::detect::InputFormat;
pub(crate) use self::detect::decode;
pub use self::object::{ConditionView, KubernetesView};
pub use self::view::{
    AltNamesView, AttributeView, BasicConstraintsView, CertificateView, CheckView, ExtensionView,
    FingerprintsView, IssuerCheckView, NameConstraintsView, NameView, PublicKeyView, RequestView,
    ValidityState, ValidityView,
};
use crate::{Result, SignatureQuestion, SignatureVerifier, UnixTime};

/// Everything the input holds. As JSON ([`Inspection::to_json`]), it is `csrcraft inspect --json`'s
/// published format: every field is always present (`null` or `[]` when
/// there is nothing).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Inspection {
    /// The form the input was recognized in.
    pub input: InputFormat,
    /// The time validity was judged at, RFC 3339.
    pub at: String,
    /// The CertificateSigningRequest object's own fields, when the input was one.
    pub kubernetes: Option<KubernetesView>,
    /// The CSR, when the input holds one (a Kubernetes object always does).
    pub request: Option<RequestView>,
    /// The certificates in input order (a chain is leaf first).
    pub certificates: Vec<CertificateView>,
}

/// Reads `input` in whichever supported form it is in, and judges validity
/// periods at `now`.
///
/// ```
/// # fn main() -> Result<(), csrcraft::Error> {
/// let pem = include_str!("../../tests/data/tutorial-p256.csr");
/// let inspection = csrcraft::inspect(pem.as_bytes(), csrcraft::UnixTime(1_780_000_000))?;
/// assert_eq!(inspection.request.map(|r| r.self_signature.ok), Some(true));
/// # Ok(())
/// # }
/// ```
#[cfg(feature = "software")]
pub fn inspect(input: &[u8], now: UnixTime) -> Result<Inspection> {
    inspect_checked(input, now, &crate::SoftwareVerifier)
}

/// [`inspect`] with the signatures checked by `verifier`.
pub fn inspect_checked(
    input: &[u8],
    now: UnixTime,
    verifier: &dyn SignatureVerifier,
) -> Result<Inspection> {
    let decoded = detect::decode(input)?;
    let request_info = decoded
        .request
        .as_ref()
        .map(|request| request.info_checked(verifier))
        .transpose()?;
    Ok(Inspection {
        input: decoded.format,
        at: now.to_rfc3339(),
        kubernetes: decoded.object,
        request: request_info.as_ref().map(view::request_view),
        certificates: view::certificate_views(
            &decoded.certificates,
            request_info.as_ref(),
            now,
            verifier,
        ),
    })
}

/// The signature checks [`inspect_checked`] asks for on `input` (the first
/// phase of a [`SignatureAnswers`](crate::SignatureAnswers) check): the CSR's
/// self-signature and each certificate's by the next. None when the input
/// cannot be read (then `inspect_checked` asks nothing either).
pub fn inspect_signature_questions(input: &[u8]) -> Vec<SignatureQuestion> {
    let Ok(decoded) = detect::decode(input) else {
        return Vec::new();
    };
    let mut questions: Vec<SignatureQuestion> = decoded
        .request
        .iter()
        .flat_map(crate::CertificateRequest::signature_questions)
        .collect();
    questions.extend(view::issuer_questions(&decoded.certificates));
    questions
}

impl Inspection {
    /// The text view, for people: the shapes of `kubectl describe csr`,
    /// `openssl req -text` and `openssl x509 -text`, aligned, with validity in
    /// RFC 3339 and the time left, SANs by type, and fingerprints.
    pub fn to_text(&self) -> String {
        text::render(self)
    }

    /// The JSON view, for machines: pretty-printed, ending in a newline.
    pub fn to_json(&self) -> Result<String> {
        let mut json = crate::json::to_string_pretty(&crate::json::Value::from(self));
        json.push('\n');
        Ok(json)
    }
}
