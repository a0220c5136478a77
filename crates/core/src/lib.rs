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

#![deny(missing_docs)]

mod base64;
mod cfssl;
mod csr;
mod der;
mod domain;
mod error;
mod inspect;
mod issue;
pub mod json;
mod key;
pub mod kubernetes;
mod pem;
mod quote;
mod repeats;
mod spec;
mod subject;
pub mod support;
#[cfg(test)]
mod testing;
mod time;
mod verify;
mod warning;
mod x509;
mod yaml;

pub use crate::cfssl::{cfssl_ca_json_line, cfssl_json_line};
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
    inspect_checked, inspect_signature_questions,
};
pub use crate::issue::{
    CA_DEFAULT_SECONDS, CLUSTER_SIGNING_DEFAULT_SECONDS, CaOptions, CertificateAuthority,
    SignOptions, SignerOutcome, UnsignedCertificate, sign_request,
};
#[cfg(feature = "software")]
pub use crate::key::PrivateKey;
pub use crate::key::{
    EcdsaCurve, HashAlgorithm, KeyAlgorithm, KeyDocument, KeyFormat, KeyPem, PublicKeyInfo,
    SignatureAlgorithm,
};
pub(crate) use crate::quote::{quoted, quoted_char};
pub use crate::spec::{DEFAULT_ALGO, Host, KeySizes, Parsed, Spec, key_sizes};
pub use crate::subject::{NameEntry, ObjectId};
pub use crate::time::UnixTime;
pub use crate::verify::{
    Check, Outcome, Purpose, VerifyInput, VerifyReport, read_certificates, verify,
    verify_signature_questions,
};
pub use crate::warning::Warning;
pub use crate::x509::{
    BasicConstraints, Certificate, CertificateInfo, DistinguishedName, ExtensionInfo,
    GeneralSubtree, NameAttribute, NameConstraints, RequestInfo, SignatureAnswers, SignatureCheck,
    SignatureError, SignaturePlan, SignatureQuestion, SignatureVerifier, Unanswered,
};
#[cfg(feature = "software")]
pub use crate::x509::{SoftwareVerifier, verify_signature};
#[cfg(feature = "software")]
pub use rand_core;
