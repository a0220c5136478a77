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
    SignOptions, SignerOutcome, UnsignedCertificate, custom_signer_note, sign_request,
};
/// A passphrase-protected key (PEM `ENCRYPTED PRIVATE KEY`, PKCS#8 PBES2 with
/// PBKDF2 and AES-CBC) read into its parts; with feature `software` it decrypts
/// and encrypts through the pkcs5 crate.
pub use crate::key::EncryptedKey;
/// The AES-CBC cipher of an [`EncryptedKey`].
pub use crate::key::KeyCipher;
/// The most PBKDF2 iterations csrcraft does to read a key (10,000,000).
pub use crate::key::MAX_PBKDF2_ITERATIONS;
/// The longest PBKDF2 salt csrcraft reads (32 bytes).
pub use crate::key::MAX_SALT_LEN;
/// The PBKDF2 iteration count csrcraft encrypts with (600,000, OWASP's).
pub use crate::key::PBKDF2_ITERATIONS;
/// The PBES2 parameters of an [`EncryptedKey`]: PRF, salt, iteration count, cipher and IV.
pub use crate::key::Pbes2Params;
/// PBKDF2's pseudorandom function (HMAC-SHA-1/256/384/512).
pub use crate::key::Prf;
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
