//! The RustCrypto [`PrivateKey`] as PEM text: written as cfssl writes keys
//! (or PKCS#8), read through [`KeyDocument`].

use std::fmt;

use der::asn1::ObjectIdentifier;
use der::pem::LineEnding;
use ed25519_dalek::pkcs8::KeypairBytes;
use pkcs8::{DecodePrivateKey, EncodePrivateKey};
use rsa::pkcs1::EncodeRsaPrivateKey;
use zeroize::Zeroizing;

use super::document::curve_oid;
use super::{KeyDocument, KeyFormat, KeyPem, PrivateKey, Secret};
use crate::{EcdsaCurve, Error, KeyAlgorithm, Result};

impl PrivateKey {
    /// Writes the key as PEM in the given format, with `\n` line endings.
    pub fn to_pem(&self, format: KeyFormat) -> Result<KeyPem> {
        let lf = LineEnding::LF;
        let pem = match (&self.0, format) {
            (Secret::P256(key), KeyFormat::Cfssl) => sec1_pem(
                &key.to_bytes(),
                &key.verifying_key().to_sec1_bytes(),
                curve_oid(EcdsaCurve::P256),
            ),
            (Secret::P384(key), KeyFormat::Cfssl) => sec1_pem(
                &key.to_bytes(),
                &key.verifying_key().to_sec1_bytes(),
                curve_oid(EcdsaCurve::P384),
            ),
            (Secret::P521(key), KeyFormat::Cfssl) => sec1_pem(
                &key.to_bytes(),
                &key.verifying_key().to_sec1_bytes(),
                curve_oid(EcdsaCurve::P521),
            ),
            (Secret::P256(key), KeyFormat::Pkcs8) => text(key.to_pkcs8_pem(lf)),
            (Secret::P384(key), KeyFormat::Pkcs8) => text(key.to_pkcs8_pem(lf)),
            (Secret::P521(key), KeyFormat::Pkcs8) => text(key.to_pkcs8_pem(lf)),
            (Secret::Rsa(key), KeyFormat::Cfssl) => text(key.to_pkcs1_pem(lf)),
            (Secret::Rsa(key), KeyFormat::Pkcs8) => text(key.to_pkcs8_pem(lf)),
            // Go writes PKCS#8 v1 without the optional public key; so do we, as
            // some readers refuse v2 (RFC 8410 §7).
            (Secret::Ed25519(key), _) => text(
                KeypairBytes {
                    secret_key: key.to_bytes(),
                    public_key: None,
                }
                .to_pkcs8_pem(lf),
            ),
        };
        pem.map(KeyPem)
            .map_err(|reason| Error::encoding("the private key", reason))
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
        let malformed = |e: pkcs8::Error| {
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
fn sec1_pem(
    secret: &[u8],
    public_point: &[u8],
    curve: ObjectIdentifier,
) -> Result<Zeroizing<String>, String> {
    let secret = Zeroizing::new(secret.to_vec());
    let key = sec1::EcPrivateKey {
        private_key: &secret,
        parameters: Some(sec1::EcParameters::NamedCurve(curve)),
        public_key: Some(public_point),
    };
    let document = der::SecretDocument::encode_msg(&key).map_err(|e| e.to_string())?;
    document
        .to_pem("EC PRIVATE KEY", LineEnding::LF)
        .map_err(|e| e.to_string())
}

/// The backends' encode results, with their errors as text.
fn text<E: fmt::Display>(
    result: Result<Zeroizing<String>, E>,
) -> Result<Zeroizing<String>, String> {
    result.map_err(|e| e.to_string())
}
