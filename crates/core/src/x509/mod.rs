//! Reading X.509: certificates, certificate chains and CSRs, parsed with
//! x509-parser, and their signatures checked with the RustCrypto backend.
//! The base of `inspect`, `lint` and `verify`.
//!
//! Pure like the rest of the core: text or DER comes in, and time is an
//! argument ([`UnixTime`]); nothing here reads the clock.

mod certificate;
mod extensions;
mod name;
mod public_key;
mod request;
mod signature;
mod time;

pub use self::certificate::{Certificate, CertificateInfo};
pub use self::extensions::{BasicConstraints, ExtensionInfo};
pub use self::name::{DistinguishedName, NameAttribute};
pub use self::public_key::PublicKeyInfo;
pub use self::request::RequestInfo;
pub use self::signature::{SignatureAlgorithm, SignatureError, verify_signature};
pub use self::time::UnixTime;

/// The problem when a PEM text has no block labelled `wanted`: what it has instead.
fn missing_block(blocks: &[::pem::Pem], wanted: &str) -> String {
    let Some(first) = blocks.first() else {
        return format!("no PEM block found; expected one starting with -----BEGIN {wanted}-----");
    };
    if blocks.len() == 1 {
        let article = if first.tag().starts_with(['A', 'E', 'I', 'O', 'U']) {
            "an"
        } else {
            "a"
        };
        return format!("found {article} {}, not a {wanted}", first.tag());
    }
    let labels = blocks.iter().map(|b| b.tag()).collect::<Vec<_>>();
    format!("found {}, but no {wanted}", labels.join(", "))
}
