//! The Kubernetes vocabulary: `certificates.k8s.io/v1` CertificateSigningRequests,
//! their signers and usages. The only module that knows Kubernetes names.

mod expiration;
mod lint;
mod manifest;
pub(crate) mod object;
mod signer;
mod usage;

pub use self::expiration::{Expiration, parse_duration_seconds};
pub use self::lint::{Finding, LintOptions, LintReport, Severity, lint};
#[cfg(feature = "software")]
pub use self::manifest::render_manifest;
pub use self::manifest::{Manifest, ManifestFormat, ManifestOptions};
pub use self::signer::{KnownSigner, SIGNER_NAME_FIELD, SignerName, default_usages};
pub use self::usage::{KeyUsage, UnknownUsage, split_usages};
