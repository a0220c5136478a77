//! Keys: their kinds ([`KeyAlgorithm`]) and the signature algorithms they
//! sign with ([`SignatureAlgorithm`]), public keys ([`PublicKeyInfo`]), PEM documents read and written
//! without crypto ([`KeyDocument`]), passphrase-protected keys as a structure
//! ([`EncryptedKey`]; decrypted and encrypted with `software`), and, with feature `software`, the
//! RustCrypto [`PrivateKey`] that generates and signs. The only module (with
//! its children) that knows the crypto backend.

mod algorithm;
mod der;
mod document;
#[cfg(feature = "software")]
mod encoding;
mod encrypted;
#[cfg(feature = "software")]
mod pbes2;
#[cfg(feature = "software")]
mod private;
mod public;

pub(crate) use self::algorithm::check_rsa_bits;
pub use self::algorithm::{
    EcdsaCurve, HashAlgorithm, KeyAlgorithm, SignatureAlgorithm, curve_field_bytes,
};
pub use self::document::{KeyDocument, KeyFormat, KeyPem};
pub use self::encrypted::{
    EncryptedKey, KeyCipher, MAX_PBKDF2_ITERATIONS, MAX_SALT_LEN, PBKDF2_ITERATIONS, Pbes2Params,
    Prf,
};
#[cfg(feature = "software")]
pub use self::private::PrivateKey;
#[cfg(feature = "software")]
use self::private::Secret;
pub use self::public::PublicKeyInfo;
pub(crate) use self::public::{parse_spki, read_public_key};
