//! csrcraft: craft X.509 certificate signing requests where the private key is
//! born and stays.
//!
//! Pure: no IO, no clock, no global randomness. Randomness comes in as a
//! [`rand_core::TryCryptoRng`]; text comes in and goes out as strings.
//!
//! ```
//! # #[cfg(not(all(feature = "software", feature = "idna")))]
//! # fn main() {} // the example needs the default features
//! # #[cfg(all(feature = "software", feature = "idna"))]
//! # fn main() -> Result<(), csrcraft::Error> {
//! # let mut rng = getrandom::SysRng;
//! let parsed = csrcraft::Spec::from_json(r#"{"CN": "web.example.com", "hosts": ["web.example.com"]}"#)?;
//! let made = csrcraft::generate(&parsed.value, &mut rng)?;
//! assert!(made.request.pem().starts_with("-----BEGIN CERTIFICATE REQUEST-----"));
//! assert!(made.key.to_pem(csrcraft::KeyFormat::Cfssl)?.as_str().starts_with("-----BEGIN EC PRIVATE KEY-----"));
//! # Ok(())
//! # }
//! ```

mod base64;
mod csr;
mod domain;
mod error;
mod inspect;
pub mod json;
mod key;
pub mod kubernetes;
mod pem;
mod quote;
mod spec;
mod subject;
#[cfg(test)]
mod testing;
mod verify;
mod warning;
mod x509;
mod yaml;

pub use crate::csr::{CertificateRequest, UnsignedRequest};
#[cfg(feature = "software")]
pub use crate::csr::{KeyAndRequest, generate};
pub use crate::domain::DomainToAscii;
#[cfg(feature = "idna")]
pub use crate::domain::Idna;
pub use crate::error::{Error, Result};
#[cfg(feature = "software")]
pub use crate::inspect::inspect;
pub use crate::inspect::{
    AltNamesView, AttributeView, BasicConstraintsView, CertificateView, CheckView, ConditionView,
    ExtensionView, FingerprintsView, InputFormat, Inspection, IssuerCheckView, KubernetesView,
    NameConstraintsView, NameView, PublicKeyView, RequestView, ValidityState, ValidityView,
    inspect_checked,
};
#[cfg(feature = "software")]
pub use crate::key::PrivateKey;
pub use crate::key::{EcdsaCurve, KeyAlgorithm, KeyDocument, KeyFormat, KeyPem};
pub use crate::quote::{Quoted, QuotedChar, quoted, quoted_char};
pub use crate::spec::{Host, Parsed, Spec};
pub use crate::subject::{NameEntry, ObjectId};
pub use crate::verify::{
    Check, Outcome, Purpose, VerifyInput, VerifyReport, read_certificates, verify,
};
pub use crate::warning::Warning;
pub use crate::x509::{
    BasicConstraints, Certificate, CertificateInfo, DistinguishedName, ExtensionInfo,
    GeneralSubtree, HashAlgorithm, NameAttribute, NameConstraints, PublicKeyInfo, RequestInfo,
    SignatureAlgorithm, SignatureCheck, SignatureError, SignaturePlan, SignatureVerifier, UnixTime,
    curve_field_bytes, ecdsa_der_to_fixed, ecdsa_fixed_to_der,
};
#[cfg(feature = "software")]
pub use crate::x509::{SoftwareVerifier, verify_signature};
#[cfg(feature = "software")]
pub use rand_core;
