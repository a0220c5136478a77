//! Keys: their kinds ([`KeyAlgorithm`]), PEM documents read and written
//! without crypto ([`KeyDocument`]), and, with feature `software`, the
//! RustCrypto [`PrivateKey`] that generates and signs. The only module (with
//! its children) that knows the crypto backend.

mod algorithm;
mod der;
mod document;
#[cfg(feature = "software")]
mod encoding;
#[cfg(feature = "software")]
mod private;

pub(crate) use self::algorithm::check_rsa_bits;
pub use self::algorithm::{EcdsaCurve, KeyAlgorithm};
pub use self::document::{KeyDocument, KeyFormat, KeyPem};
#[cfg(feature = "software")]
pub use self::private::PrivateKey;
#[cfg(feature = "software")]
use self::private::Secret;
