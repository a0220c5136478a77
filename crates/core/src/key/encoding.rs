//! The RustCrypto [`PrivateKey`] as PEM text: written as cfssl writes keys
//! (or PKCS#8), read through [`KeyDocument`].

use ed25519_dalek::pkcs8::KeypairBytes;
use rsa::pkcs1::EncodeRsaPrivateKey;
use rsa::pkcs8::{DecodePrivateKey, EncodePrivateKey, SecretDocument};
use zeroize::Zeroizing;

use super::der::sec1;
use super::document::curve_oid;
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
            (Secret::P256(key), KeyFormat::Pkcs8) => (PKCS8_LABEL, bytes(key.to_pkcs8_der())),
            (Secret::P384(key), KeyFormat::Pkcs8) => (PKCS8_LABEL, bytes(key.to_pkcs8_der())),
            (Secret::P521(key), KeyFormat::Pkcs8) => (PKCS8_LABEL, bytes(key.to_pkcs8_der())),
            (Secret::Rsa(key), KeyFormat::Cfssl) => (
                "RSA PRIVATE KEY",
                key.to_pkcs1_der()
                    .map(|document| Zeroizing::new(document.as_bytes().to_vec()))
                    .map_err(|e| e.to_string()),
            ),
            (Secret::Rsa(key), KeyFormat::Pkcs8) => (PKCS8_LABEL, bytes(key.to_pkcs8_der())),
            // Go writes PKCS#8 v1 without the optional public key; so do we, as
            // some readers refuse v2 (RFC 8410 §7).
            (Secret::Ed25519(key), _) => (
                PKCS8_LABEL,
                bytes(
                    KeypairBytes {
                        secret_key: key.to_bytes(),
                        public_key: None,
                    }
                    .to_pkcs8_der(),
                ),
            ),
        };
        let der = der.map_err(|reason| Error::encoding("the private key", reason))?;
        Ok(KeyPem(Zeroizing::new(pem::encode(label, &der))))
    }

    /// Reads a private key from PEM text: `EC PRIVATE KEY` (SEC1, P-256/384/521),
    /// `RSA PRIVATE KEY` (PKCS#1) or `PRIVATE KEY` (PKCS#8, any of those and
    /// Ed25519). Other blocks, such as openssl's `EC PARAMETERS`, are skipped.
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
