//! The RustCrypto [`PrivateKey`] as PEM text: written as cfssl writes keys
//! (or PKCS#8), read through [`KeyDocument`].

use ed25519_dalek::pkcs8::KeypairBytes;
use rand_core::TryCryptoRng;
use rsa::pkcs1::EncodeRsaPrivateKey;
use rsa::pkcs8::{DecodePrivateKey, EncodePrivateKey, SecretDocument};
use zeroize::Zeroizing;

use super::der::sec1;
use super::document::curve_oid;
use super::pbes2::encrypt_pkcs8;
use super::{KeyDocument, KeyFormat, KeyPem, PrivateKey, Secret};
use crate::pem;
use crate::{EcdsaCurve, Error, KeyAlgorithm, Result};

impl PrivateKey {
    /// Writes the key as PEM in the given format, with `\n` line endings.
    pub fn to_pem(&self, format: KeyFormat) -> Result<KeyPem> {
        let (label, der) = match (&self.0, format) {
            (Secret::P256(key), KeyFormat::Cfssl) => (
                SEC1_LABEL,
                ec(
                    &key.to_bytes(),
                    &key.verifying_key().to_sec1_bytes(),
                    EcdsaCurve::P256,
                ),
            ),
            (Secret::P384(key), KeyFormat::Cfssl) => (
                SEC1_LABEL,
                ec(
                    &key.to_bytes(),
                    &key.verifying_key().to_sec1_bytes(),
                    EcdsaCurve::P384,
                ),
            ),
            (Secret::P521(key), KeyFormat::Cfssl) => (
                SEC1_LABEL,
                ec(
                    &key.to_bytes(),
                    &key.verifying_key().to_sec1_bytes(),
                    EcdsaCurve::P521,
                ),
            ),
            (Secret::Rsa(key), KeyFormat::Cfssl) => (
                "RSA PRIVATE KEY",
                key.to_pkcs1_der()
                    .map(|document| Zeroizing::new(document.as_bytes().to_vec()))
                    .map_err(|e| e.to_string()),
            ),
            // Go writes Ed25519 as PKCS#8 v1 without the optional public key;
            // so do we, as some readers refuse v2 (RFC 8410 §7).
            (_, KeyFormat::Pkcs8) | (Secret::Ed25519(_), KeyFormat::Cfssl) => {
                (PKCS8_LABEL, self.pkcs8_bytes())
            }
        };
        let der = der.map_err(|reason| Error::encoding("the private key", reason))?;
        Ok(KeyPem(Zeroizing::new(pem::encode(label, &der))))
    }

    /// Writes the key as an `ENCRYPTED PRIVATE KEY` (PKCS#8, whatever the
    /// key's kind) under `passphrase`: PBKDF2-HMAC-SHA256 of
    /// [`crate::PBKDF2_ITERATIONS`] iterations over a random 16-byte salt,
    /// and AES-256-CBC with a random IV, as [`crate::EncryptedKey::encrypt`] does.
    pub fn to_encrypted_pem<R: TryCryptoRng + ?Sized>(
        &self,
        passphrase: &[u8],
        rng: &mut R,
    ) -> Result<KeyPem> {
        let der = self
            .pkcs8_bytes()
            .map_err(|reason| Error::encoding("the private key", reason))?;
        Ok(encrypt_pkcs8(&der, passphrase, rng)?.to_pem())
    }

    /// Reads an `ENCRYPTED PRIVATE KEY` and decrypts it with `passphrase`
    /// ([`KeyDocument::from_pem_with_passphrase`]); a plain key is refused.
    pub fn from_pem_with_passphrase(text: &str, passphrase: &[u8]) -> Result<Self> {
        Self::from_document(&KeyDocument::from_pem_with_passphrase(text, passphrase)?)
    }

    /// Reads a private key from PEM text: `EC PRIVATE KEY` (SEC1, P-256/384/521),
    /// `RSA PRIVATE KEY` (PKCS#1) or `PRIVATE KEY` (PKCS#8, any of those and
    /// Ed25519). Other blocks, such as openssl's `EC PARAMETERS`, are skipped.
    /// An `ENCRYPTED PRIVATE KEY` is refused with an [`Error::Passphrase`]:
    /// read it with [`PrivateKey::from_pem_with_passphrase`].
    pub fn from_pem(text: &str) -> Result<Self> {
        Self::from_document(&KeyDocument::from_pem(text)?)
    }

    /// The key a [`KeyDocument`] holds, its numbers checked by the backend.
    pub fn from_document(document: &KeyDocument) -> Result<Self> {
        let der = document.pkcs8_der();
        let malformed = |e: rsa::pkcs8::Error| {
            Error::key_input(format!("the {} block is malformed: {e}", document.label()))
        };
        let secret = match document.algorithm() {
            KeyAlgorithm::Ecdsa(EcdsaCurve::P256) => {
                Secret::P256(p256::ecdsa::SigningKey::from_pkcs8_der(der).map_err(malformed)?)
            }
            KeyAlgorithm::Ecdsa(EcdsaCurve::P384) => {
                Secret::P384(p384::ecdsa::SigningKey::from_pkcs8_der(der).map_err(malformed)?)
            }
            KeyAlgorithm::Ecdsa(EcdsaCurve::P521) => {
                Secret::P521(p521::ecdsa::SigningKey::from_pkcs8_der(der).map_err(malformed)?)
            }
            KeyAlgorithm::Rsa { .. } => Secret::Rsa(Box::new(
                rsa::PrivateKey::from_pkcs8_der(der).map_err(malformed)?,
            )),
            KeyAlgorithm::Ed25519 => Secret::Ed25519(Box::new(
                ed25519_dalek::SigningKey::from_pkcs8_der(der).map_err(malformed)?,
            )),
        };
        Ok(Self(secret))
    }
}

impl PrivateKey {
    /// The key as DER PKCS#8 (Ed25519 as v1, without the public key).
    fn pkcs8_bytes(&self) -> Result<Zeroizing<Vec<u8>>, String> {
        match &self.0 {
            Secret::P256(key) => bytes(key.to_pkcs8_der()),
            Secret::P384(key) => bytes(key.to_pkcs8_der()),
            Secret::P521(key) => bytes(key.to_pkcs8_der()),
            Secret::Rsa(key) => bytes(key.to_pkcs8_der()),
            Secret::Ed25519(key) => bytes(
                KeypairBytes {
                    secret_key: key.to_bytes(),
                    public_key: None,
                }
                .to_pkcs8_der(),
            ),
        }
    }
}

/// SEC1 `ECPrivateKey` (RFC 5915) with the curve and the public key, as Go
/// writes it. Built from the key's cached public point: the backends' own SEC1
/// writer would compute the point again (a scalar multiplication).
fn ec(secret: &[u8], point: &[u8], curve: EcdsaCurve) -> Result<Zeroizing<Vec<u8>>, String> {
    let secret = Zeroizing::new(secret.to_vec());
    Ok(sec1(&secret, Some(curve_oid(curve)), Some(point)))
}

/// A backend's DER document as bytes, its error as text.
fn bytes(
    document: Result<SecretDocument, rsa::pkcs8::Error>,
) -> Result<Zeroizing<Vec<u8>>, String> {
    document
        .map(|document| Zeroizing::new(document.as_bytes().to_vec()))
        .map_err(|e| e.to_string())
}

const SEC1_LABEL: &str = "EC PRIVATE KEY";
const PKCS8_LABEL: &str = "PRIVATE KEY";
