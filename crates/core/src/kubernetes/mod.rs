//! The Kubernetes vocabulary: `certificates.k8s.io/v1` CertificateSigningRequests,
//! their signers and usages. The only module that knows Kubernetes names.

mod expiration;
mod signer;
mod usage;

pub use self::expiration::Expiration;
pub use self::signer::{KnownSigner, SignerName, default_usages};
pub use self::usage::{KeyUsage, UnknownUsage, split_usages};
