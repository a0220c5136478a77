//! Private keys: generation, public key, signing. The only module (with its
//! children) that knows the crypto backend (RustCrypto).

mod encoding;

use std::fmt;

use crypto_common::Generate;
use der::asn1::{AnyRef, ObjectIdentifier};
use rand_core::TryCryptoRng;
use rsa::traits::PublicKeyParts;
use sha2::{Digest, Sha256, Sha384, Sha512};
use spki::{AlgorithmIdentifierOwned, EncodePublicKey, SubjectPublicKeyInfoOwned};
use zeroize::Zeroizing;

pub use self::encoding::{KeyFormat, KeyPem};
use crate::{Error, Result, SignatureAlgorithm};

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

/// A private key; its secret material is zeroized when it is dropped.
pub struct PrivateKey(Secret);

/// Each backend type zeroizes itself on drop.
enum Secret {
    P256(p256::ecdsa::SigningKey),
    P384(p384::ecdsa::SigningKey),
    P521(p521::ecdsa::SigningKey),
    Rsa(Box<rsa::PrivateKey>),
    Ed25519(Box<ed25519_dalek::SigningKey>),
}

impl PrivateKey {
    /// Generates a new key of the given kind with randomness from `rng`.
    pub fn generate<R: TryCryptoRng + ?Sized>(
        algorithm: KeyAlgorithm,
        rng: &mut R,
    ) -> Result<Self> {
        let failed = |reason: String| Error::Crypto {
            operation: format!("generating an {algorithm} key"),
            reason,
        };
        let rng_failed = |e: R::Error| failed(format!("the random number generator failed: {e}"));
        let secret = match algorithm {
            KeyAlgorithm::Ecdsa(EcdsaCurve::P256) => {
                Secret::P256(Generate::try_generate_from_rng(rng).map_err(rng_failed)?)
            }
            KeyAlgorithm::Ecdsa(EcdsaCurve::P384) => {
                Secret::P384(Generate::try_generate_from_rng(rng).map_err(rng_failed)?)
            }
            KeyAlgorithm::Ecdsa(EcdsaCurve::P521) => {
                Secret::P521(Generate::try_generate_from_rng(rng).map_err(rng_failed)?)
            }
            KeyAlgorithm::Ed25519 => {
                // RFC 8032 §5.1.5: the private key is 32 random bytes.
                let mut seed = Zeroizing::new(ed25519_dalek::SecretKey::default());
                rng.try_fill_bytes(seed.as_mut_slice())
                    .map_err(rng_failed)?;
                Secret::Ed25519(Box::new(ed25519_dalek::SigningKey::from_bytes(&seed)))
            }
            KeyAlgorithm::Rsa { bits } => {
                check_rsa_bits(bits).map_err(failed)?;
                let key = rsa::PrivateKey::new(rng, bits).map_err(|e| failed(e.to_string()))?;
                Secret::Rsa(Box::new(key))
            }
        };
        Ok(Self(secret))
    }

    /// What kind of key this is.
    pub fn algorithm(&self) -> KeyAlgorithm {
        match &self.0 {
            Secret::P256(_) => KeyAlgorithm::Ecdsa(EcdsaCurve::P256),
            Secret::P384(_) => KeyAlgorithm::Ecdsa(EcdsaCurve::P384),
            Secret::P521(_) => KeyAlgorithm::Ecdsa(EcdsaCurve::P521),
            Secret::Rsa(key) => KeyAlgorithm::Rsa {
                bits: key.n().bit_width() as usize,
            },
            Secret::Ed25519(_) => KeyAlgorithm::Ed25519,
        }
    }

    /// The DER `SubjectPublicKeyInfo` of the public half.
    pub fn public_key_der(&self) -> Result<Vec<u8>> {
        let document = match &self.0 {
            Secret::P256(key) => key.verifying_key().to_public_key_der(),
            Secret::P384(key) => key.verifying_key().to_public_key_der(),
            Secret::P521(key) => key.verifying_key().to_public_key_der(),
            Secret::Rsa(key) => key.to_public_key().to_public_key_der(),
            Secret::Ed25519(key) => key.verifying_key().to_public_key_der(),
        };
        document
            .map(|d| d.into_vec())
            .map_err(|e| Error::encoding("the public key", e))
    }

    pub(crate) fn public_key_info(&self) -> Result<SubjectPublicKeyInfoOwned> {
        use der::Decode;
        SubjectPublicKeyInfoOwned::from_der(&self.public_key_der()?)
            .map_err(|e| Error::encoding("the public key", e))
    }

    /// The signature algorithm cfssl (Go) pairs with this key: RSA ≥ 4096 bits
    /// SHA-512, ≥ 3072 SHA-384, else SHA-256; each curve its own hash; Ed25519 pure.
    pub(crate) fn signature_algorithm(&self) -> SignatureAlgorithm {
        match self.algorithm() {
            KeyAlgorithm::Ecdsa(EcdsaCurve::P256) => SignatureAlgorithm::EcdsaSha256,
            KeyAlgorithm::Ecdsa(EcdsaCurve::P384) => SignatureAlgorithm::EcdsaSha384,
            KeyAlgorithm::Ecdsa(EcdsaCurve::P521) => SignatureAlgorithm::EcdsaSha512,
            KeyAlgorithm::Rsa { bits } if bits >= 4096 => SignatureAlgorithm::RsaSha512,
            KeyAlgorithm::Rsa { bits } if bits >= 3072 => SignatureAlgorithm::RsaSha384,
            KeyAlgorithm::Rsa { .. } => SignatureAlgorithm::RsaSha256,
            KeyAlgorithm::Ed25519 => SignatureAlgorithm::Ed25519,
        }
    }

    /// [`Self::signature_algorithm`] as the `AlgorithmIdentifier` of a CSR.
    pub(crate) fn signature_algorithm_identifier(&self) -> Result<AlgorithmIdentifierOwned> {
        let algorithm = self.signature_algorithm();
        let oid = algorithm
            .oid()
            .and_then(|oid| ObjectIdentifier::new(oid).ok())
            .ok_or_else(|| {
                Error::encoding("the signature algorithm", format!("{algorithm} has no OID"))
            })?;
        let rsa = matches!(
            algorithm,
            SignatureAlgorithm::RsaSha256
                | SignatureAlgorithm::RsaSha384
                | SignatureAlgorithm::RsaSha512
        );
        Ok(AlgorithmIdentifierOwned {
            oid,
            // RFC 4055 §5: RSA signature algorithms carry an explicit NULL.
            parameters: rsa.then(|| AnyRef::NULL.into()),
        })
    }

    /// Signs `message` (the DER to be signed) as [`Self::signature_algorithm`]
    /// says; `rng` blinds RSA. Returns the bytes of the signature BIT STRING.
    pub(crate) fn sign<R: TryCryptoRng + ?Sized>(
        &self,
        message: &[u8],
        rng: &mut R,
    ) -> Result<Vec<u8>> {
        use signature::Signer;
        let signature = match (&self.0, self.signature_algorithm()) {
            (Secret::P256(key), _) => Signer::<p256::ecdsa::Signature>::sign(key, message)
                .to_der()
                .to_bytes()
                .into_vec(),
            (Secret::P384(key), _) => Signer::<p384::ecdsa::Signature>::sign(key, message)
                .to_der()
                .to_bytes()
                .into_vec(),
            (Secret::P521(key), _) => Signer::<p521::ecdsa::Signature>::sign(key, message)
                .to_der()
                .to_bytes()
                .into_vec(),
            (Secret::Ed25519(key), _) => key.sign(message).to_bytes().to_vec(),
            (Secret::Rsa(key), hash) => {
                let (padding, digest) = match hash {
                    SignatureAlgorithm::RsaSha512 => (
                        rsa::Pkcs1v15Sign::new::<Sha512>(),
                        Sha512::digest(message).to_vec(),
                    ),
                    SignatureAlgorithm::RsaSha384 => (
                        rsa::Pkcs1v15Sign::new::<Sha384>(),
                        Sha384::digest(message).to_vec(),
                    ),
                    _ => (
                        rsa::Pkcs1v15Sign::new::<Sha256>(),
                        Sha256::digest(message).to_vec(),
                    ),
                };
                key.sign_with_rng(rng, padding, &digest)
                    .map_err(|e| Error::Crypto {
                        operation: "signing with the rsa key".to_owned(),
                        reason: e.to_string(),
                    })?
            }
        };
        Ok(signature)
    }
}

impl fmt::Debug for PrivateKey {
    /// Shows the kind of key, never its material.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PrivateKey({})", self.algorithm())
    }
}

fn check_rsa_bits(bits: usize) -> Result<(), String> {
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
