//! Reading X.509: certificates, certificate chains and CSRs, parsed field by
//! field with the core's own DER reader (`crate::der`), and their signatures
//! checked by a [`SignatureVerifier`].
//! The base of `inspect`, `lint` and `verify`.
//!
//! Pure like the rest of the core: text or DER comes in, and time is an
//! argument ([`UnixTime`]); nothing here reads the clock.

mod answers;
mod certificate;
mod extensions;
mod general_name;
mod name;
mod name_constraints;
mod request;
mod request_info;
mod signature;
mod signed;
#[cfg(feature = "software")]
mod software_verifier;
mod tbs;

pub use self::answers::{SignatureAnswers, SignatureQuestion, Unanswered};
pub use self::certificate::{Certificate, CertificateInfo};
pub use self::extensions::{BasicConstraints, ExtensionInfo};
pub(crate) use self::name::read_name;
pub use self::name::{DistinguishedName, NameAttribute};
pub use self::name_constraints::{GeneralSubtree, NameConstraints};
pub use self::request::RequestInfo;
pub use self::signature::{
    SignatureCheck, SignatureError, SignaturePlan, SignatureVerifier, ecdsa_der_to_fixed,
    ecdsa_fixed_to_der,
};
#[cfg(feature = "software")]
pub use self::software_verifier::{SoftwareVerifier, verify_signature};

/// The problem when a PEM text has no block labelled `wanted`: what it has instead.
fn missing_block(blocks: &[crate::pem::Block<'_>], wanted: &str) -> String {
    let Some(first) = blocks.first() else {
        return format!("no PEM block found; expected one starting with -----BEGIN {wanted}-----");
    };
    if blocks.len() == 1 {
        let article = if first.label().starts_with(['A', 'E', 'I', 'O', 'U']) {
            "an"
        } else {
            "a"
        };
        return format!("found {article} {}, not a {wanted}", first.label());
    }
    let labels = blocks.iter().map(|b| b.label()).collect::<Vec<_>>();
    format!("found {}, but no {wanted}", labels.join(", "))
}
