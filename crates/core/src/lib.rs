//! csrcraft: craft X.509 certificate signing requests where the private key is
//! born and stays.
//!
//! Pure: no IO, no clock, no global randomness. Randomness comes in as a
//! [`rand_core::TryCryptoRng`]; text comes in and goes out as strings.
//!
//! ```
//! # fn main() -> Result<(), csrcraft::Error> {
//! # let mut rng = getrandom::SysRng;
//! let parsed = csrcraft::Spec::from_json(r#"{"CN": "web.example.com", "hosts": ["web.example.com"]}"#)?;
//! let made = csrcraft::generate(&parsed.value, &mut rng)?;
//! assert!(made.request.pem().starts_with("-----BEGIN CERTIFICATE REQUEST-----"));
//! assert!(made.key.to_pem(csrcraft::KeyFormat::Cfssl)?.as_str().starts_with("-----BEGIN EC PRIVATE KEY-----"));
//! # Ok(())
//! # }
//! ```

mod csr;
mod error;
mod inspect;
mod key;
pub mod kubernetes;
mod spec;
mod subject;
mod verify;
mod warning;
mod x509;

pub use crate::csr::{CertificateRequest, KeyAndRequest, generate};
pub use crate::error::{Error, Result};
pub use crate::inspect::{
    AltNamesView, AttributeView, BasicConstraintsView, CertificateView, CheckView, ConditionView,
    ExtensionView, FingerprintsView, InputFormat, Inspection, IssuerCheckView, KubernetesView,
    NameView, PublicKeyView, RequestView, ValidityState, ValidityView, inspect,
};
pub use crate::key::{EcdsaCurve, KeyAlgorithm, KeyFormat, KeyPem, PrivateKey};
pub use crate::spec::{Host, Parsed, Spec};
pub use crate::subject::{NameEntry, ObjectId};
pub use crate::verify::{Check, Outcome, VerifyInput, VerifyReport, read_certificates, verify};
pub use crate::warning::Warning;
pub use crate::x509::{
    BasicConstraints, Certificate, CertificateInfo, DistinguishedName, ExtensionInfo,
    NameAttribute, PublicKeyInfo, RequestInfo, SignatureAlgorithm, SignatureError, UnixTime,
    verify_signature,
};
pub use rand_core;
