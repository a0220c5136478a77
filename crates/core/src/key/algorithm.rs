//! The kinds of key csrcraft makes and reads, as cfssl names them, and the
//! signature algorithm cfssl pairs with each.

use std::fmt;

use crate::SignatureAlgorithm;

/// Elliptic curves for ECDSA keys, named by cfssl's `key.size`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EcdsaCurve {
    /// NIST P-256 (secp256r1), cfssl's default.
    P256,
    /// NIST P-384 (secp384r1).
    P384,
    /// NIST P-521 (secp521r1).
    P521,
}

/// The kind of key to generate, as cfssl's `key{algo,size}` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KeyAlgorithm {
    /// ECDSA on a NIST curve.
    Ecdsa(EcdsaCurve),
    /// RSA with a modulus of `bits` bits and exponent 65537.
    Rsa {
        /// Modulus size, within [`KeyAlgorithm::RSA_MIN_BITS`]..=[`KeyAlgorithm::RSA_MAX_BITS`].
        bits: usize,
    },
    /// Ed25519 (RFC 8410).
    Ed25519,
}

impl KeyAlgorithm {
    /// The smallest RSA modulus accepted, as cfssl.
    pub const RSA_MIN_BITS: usize = 2048;
    /// The largest RSA modulus accepted, as cfssl.
    pub const RSA_MAX_BITS: usize = 8192;
}

impl fmt::Display for KeyAlgorithm {
    /// cfssl's own naming: `ecdsa-256`, `rsa-2048`, `ed25519`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyAlgorithm::Ecdsa(EcdsaCurve::P256) => f.write_str("ecdsa-256"),
            KeyAlgorithm::Ecdsa(EcdsaCurve::P384) => f.write_str("ecdsa-384"),
            KeyAlgorithm::Ecdsa(EcdsaCurve::P521) => f.write_str("ecdsa-521"),
            KeyAlgorithm::Rsa { bits } => write!(f, "rsa-{bits}"),
            KeyAlgorithm::Ed25519 => f.write_str("ed25519"),
        }
    }
}

impl KeyAlgorithm {
    /// The signature algorithm cfssl (Go) pairs with this kind of key: RSA ≥
    /// 4096 bits SHA-512, ≥ 3072 SHA-384, else SHA-256; each curve its own
    /// hash; Ed25519 pure.
    pub fn signature_algorithm(self) -> SignatureAlgorithm {
        match self {
            KeyAlgorithm::Ecdsa(EcdsaCurve::P256) => SignatureAlgorithm::EcdsaSha256,
            KeyAlgorithm::Ecdsa(EcdsaCurve::P384) => SignatureAlgorithm::EcdsaSha384,
            KeyAlgorithm::Ecdsa(EcdsaCurve::P521) => SignatureAlgorithm::EcdsaSha512,
            KeyAlgorithm::Rsa { bits } if bits >= 4096 => SignatureAlgorithm::RsaSha512,
            KeyAlgorithm::Rsa { bits } if bits >= 3072 => SignatureAlgorithm::RsaSha384,
            KeyAlgorithm::Rsa { .. } => SignatureAlgorithm::RsaSha256,
            KeyAlgorithm::Ed25519 => SignatureAlgorithm::Ed25519,
        }
    }
}

/// `Err` with the reason when `bits` is outside the RSA sizes cfssl accepts.
pub(crate) fn check_rsa_bits(bits: usize) -> Result<(), String> {
    if (KeyAlgorithm::RSA_MIN_BITS..=KeyAlgorithm::RSA_MAX_BITS).contains(&bits) {
        Ok(())
    } else {
        Err(format!(
            "{bits} bits is outside {}..={}",
            KeyAlgorithm::RSA_MIN_BITS,
            KeyAlgorithm::RSA_MAX_BITS
        ))
    }
}
