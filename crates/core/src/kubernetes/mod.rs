//! The Kubernetes vocabulary: `certificates.k8s.io/v1` CertificateSigningRequests,
//! their signers and usages. The only module that knows Kubernetes names.

mod approval;
mod expiration;
mod lint;
mod manifest;
mod names;
pub(crate) mod object;
mod secret;
mod signer;
mod usage;

pub use self::approval::SigningRequest;
pub use self::expiration::{Expiration, parse_duration_seconds};
pub use self::lint::{Finding, LintOptions, LintReport, Severity, Verdict, lint, verdict};
#[cfg(feature = "software")]
pub use self::manifest::render_manifest;
pub use self::manifest::{Manifest, ManifestFormat, ManifestOptions};
pub use self::secret::{TlsSecret, ca_bundle};
pub use self::signer::{KnownSigner, SIGNER_NAME_FIELD, SignerName, default_usages};
pub use self::usage::{KeyUsage, UnknownUsage, split_usages};
