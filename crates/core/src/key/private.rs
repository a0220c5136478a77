//! Private keys in pure Rust (RustCrypto; feature `software`): generation,
//! public key, signing.

use std::fmt;

use crypto_common::Generate;
use rand_core::TryCryptoRng;
use rsa::pkcs8::EncodePublicKey;
use rsa::traits::PublicKeyParts;
use sha2::{Digest, Sha256, Sha384, Sha512};
use zeroize::Zeroizing;

use super::algorithm::check_rsa_bits;
use crate::{EcdsaCurve, Error, KeyAlgorithm, PublicKeyInfo, Result, SignatureAlgorithm};

/// A private key; its secret material is zeroized when it is dropped.
pub struct PrivateKey(pub(super) Secret);

/// Each backend type zeroizes itself on drop.
pub(super) enum Secret {
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

    /// The public half, as certificates and CSRs describe keys (e.g. for
    /// [`VerifyInput::key`](crate::VerifyInput::key)).
    pub fn public_key_info(&self) -> Result<PublicKeyInfo> {
        let der = self.public_key_der()?;
        PublicKeyInfo::from_der(&der).ok_or_else(|| {
            Error::encoding(
                "the public key",
                "its SubjectPublicKeyInfo does not read back",
            )
        })
    }

    /// The signature algorithm cfssl pairs with this key.
    pub(crate) fn signature_algorithm(&self) -> SignatureAlgorithm {
        self.algorithm().signature_algorithm()
    }

    /// Signs `message` (the DER to be signed) as [`Self::signature_algorithm`]
    /// says; `rng` blinds RSA. Returns the bytes of the signature BIT STRING.
    pub(crate) fn sign<R: TryCryptoRng + ?Sized>(
        &self,
        message: &[u8],
        rng: &mut R,
    ) -> Result<Vec<u8>> {
        self.sign_as(message, self.signature_algorithm(), rng)
    }

    /// [`Self::sign`] with an RSA key's hash chosen by `algorithm` (Go's
    /// `x509.CreateCertificate` signs with SHA-256 whatever the RSA key's size);
    /// ECDSA keys hash with their curve's hash, Ed25519 is pure.
    pub(crate) fn sign_as<R: TryCryptoRng + ?Sized>(
        &self,
        message: &[u8],
        algorithm: SignatureAlgorithm,
        rng: &mut R,
    ) -> Result<Vec<u8>> {
        use signature::Signer;
        let signature = match (&self.0, algorithm) {
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
