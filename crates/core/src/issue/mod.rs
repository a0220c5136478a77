//! Issuing certificates without a cluster: a test CA as `cfssl gencert
//! -initca` makes it (`ca.rs`), and the certificate kube-controller-manager's
//! signer issues for a CSR (`signer.rs`). Both are laid out as Go's
//! `x509.CreateCertificate` lays them out (`certificate.rs`, `extensions.rs`,
//! `subject.rs`) and signed by whoever holds the CA's key.

mod ca;
mod certificate;
mod extensions;
mod signer;
mod subject;

pub use self::ca::{CA_DEFAULT_SECONDS, CaOptions};
pub use self::certificate::UnsignedCertificate;
pub use self::signer::{
    CLUSTER_SIGNING_DEFAULT_SECONDS, CertificateAuthority, SignOptions, SignerOutcome,
    custom_signer_note, sign_request,
};
