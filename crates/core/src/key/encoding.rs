//! Private keys as PEM text: written as cfssl writes them (or PKCS#8), read
//! from any of the usual forms.

use std::fmt;

use der::pem::LineEnding;
use der::{Decode, asn1::ObjectIdentifier};
use ed25519_dalek::pkcs8::KeypairBytes;
use pkcs8::{DecodePrivateKey, EncodePrivateKey, PrivateKeyInfoRef};
use rsa::pkcs1::{DecodeRsaPrivateKey, EncodeRsaPrivateKey};
use zeroize::Zeroizing;

use super::{PrivateKey, Secret};
use crate::{Error, Result};

/// How to write a private key.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum KeyFormat {
    /// As cfssl: `EC PRIVATE KEY` (SEC1), `RSA PRIVATE KEY` (PKCS#1), and for
    /// Ed25519, which has no older form, `PRIVATE KEY` (PKCS#8).
    #[default]
    Cfssl,
    /// `PRIVATE KEY` (PKCS#8, RFC 5208) for every kind of key.
    Pkcs8,
}

/// PEM text of a private key; zeroized when dropped.
#[derive(Clone, PartialEq, Eq)]
pub struct KeyPem(Zeroizing<String>);

impl KeyPem {
    /// The PEM text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for KeyPem {
    /// Never prints the key.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("KeyPem(..)")
    }
}

impl PrivateKey {
    /// Writes the key as PEM in the given format, with `\n` line endings.
    pub fn to_pem(&self, format: KeyFormat) -> Result<KeyPem> {
        let lf = LineEnding::LF;
        let pem = match (&self.0, format) {
            (Secret::P256(key), KeyFormat::Cfssl) => sec1_pem(
                &key.to_bytes(),
                &key.verifying_key().to_sec1_bytes(),
                SECP256R1,
            ),
            (Secret::P384(key), KeyFormat::Cfssl) => sec1_pem(
                &key.to_bytes(),
                &key.verifying_key().to_sec1_bytes(),
                SECP384R1,
            ),
            (Secret::P521(key), KeyFormat::Cfssl) => sec1_pem(
                &key.to_bytes(),
                &key.verifying_key().to_sec1_bytes(),
                SECP521R1,
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
        let blocks = pem::parse_many(text).map_err(|e| {
            Error::key_input(format!(
                "not readable as PEM ({e}); give the key file as PEM text"
            ))
        })?;
        let mut keys = blocks
            .into_iter()
            .filter(|b| b.tag().contains("PRIVATE KEY"));
        let Some(block) = keys.next() else {
            return Err(Error::key_input(
                "no private key found; expected a PEM block EC PRIVATE KEY, RSA PRIVATE KEY or PRIVATE KEY",
            ));
        };
        if keys.next().is_some() {
            return Err(Error::key_input(
                "more than one private key in the input; give exactly one",
            ));
        }
        if block
            .headers()
            .get("Proc-Type")
            .is_some_and(|v| v.contains("ENCRYPTED"))
        {
            return Err(encrypted());
        }
        let label = block.tag().to_owned();
        let der = Zeroizing::new(block.into_contents());
        let secret = match label.as_str() {
            "EC PRIVATE KEY" => read_sec1(&der)?,
            "RSA PRIVATE KEY" => Secret::Rsa(Box::new(
                rsa::PrivateKey::from_pkcs1_der(&der).map_err(|e| malformed(&label, e))?,
            )),
            "PRIVATE KEY" => read_pkcs8(&der)?,
            "ENCRYPTED PRIVATE KEY" => return Err(encrypted()),
            "OPENSSH PRIVATE KEY" => {
                return Err(Error::key_input(
                    "OpenSSH keys are not supported; convert a copy with `ssh-keygen -p -m PKCS8 -f KEY`",
                ));
            }
            other => {
                return Err(Error::key_input(format!(
                    "{other} keys are not supported; expected EC PRIVATE KEY, RSA PRIVATE KEY or PRIVATE KEY"
                )));
            }
        };
        let key = Self(secret);
        if let super::KeyAlgorithm::Rsa { bits } = key.algorithm() {
            super::check_rsa_bits(bits).map_err(|problem| {
                Error::key_input(format!(
                    "rsa key of {problem}; use a key of 2048 to 8192 bits"
                ))
            })?;
        }
        Ok(key)
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

const ID_EC_PUBLIC_KEY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const RSA_ENCRYPTION: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const ID_ED25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");
const SECP256R1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
const SECP384R1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.34");
const SECP521R1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.35");

fn read_sec1(der: &[u8]) -> Result<Secret> {
    let label = "EC PRIVATE KEY";
    let parsed = sec1::EcPrivateKey::from_der(der).map_err(|e| malformed(label, e))?;
    let curve = parsed
        .parameters
        .and_then(|p| p.named_curve())
        .ok_or_else(|| {
            Error::key_input(
                "the EC PRIVATE KEY does not name its curve; rewrite it with `openssl pkey -in KEY -out KEY.pkcs8.pem`",
            )
        })?;
    Ok(match curve {
        SECP256R1 => Secret::P256(
            p256::SecretKey::from_sec1_der(der)
                .map_err(|e| malformed(label, e))?
                .into(),
        ),
        SECP384R1 => Secret::P384(
            p384::SecretKey::from_sec1_der(der)
                .map_err(|e| malformed(label, e))?
                .into(),
        ),
        SECP521R1 => Secret::P521(
            p521::SecretKey::from_sec1_der(der)
                .map_err(|e| malformed(label, e))?
                .into(),
        ),
        other => return Err(unsupported_curve(other)),
    })
}

fn read_pkcs8(der: &[u8]) -> Result<Secret> {
    let label = "PRIVATE KEY";
    let info = PrivateKeyInfoRef::from_der(der).map_err(|e| malformed(label, e))?;
    let algorithm = info.algorithm.oid;
    Ok(if algorithm == RSA_ENCRYPTION {
        Secret::Rsa(Box::new(
            rsa::PrivateKey::from_pkcs8_der(der).map_err(|e| malformed(label, e))?,
        ))
    } else if algorithm == ID_ED25519 {
        Secret::Ed25519(Box::new(
            ed25519_dalek::SigningKey::from_pkcs8_der(der).map_err(|e| malformed(label, e))?,
        ))
    } else if algorithm == ID_EC_PUBLIC_KEY {
        let curve = info
            .algorithm
            .parameters_oid()
            .map_err(|_| Error::key_input("the EC key in PRIVATE KEY does not name its curve"))?;
        match curve {
            SECP256R1 => Secret::P256(
                p256::ecdsa::SigningKey::from_pkcs8_der(der).map_err(|e| malformed(label, e))?,
            ),
            SECP384R1 => Secret::P384(
                p384::ecdsa::SigningKey::from_pkcs8_der(der).map_err(|e| malformed(label, e))?,
            ),
            SECP521R1 => Secret::P521(
                p521::ecdsa::SigningKey::from_pkcs8_der(der).map_err(|e| malformed(label, e))?,
            ),
            other => return Err(unsupported_curve(other)),
        }
    } else {
        return Err(Error::key_input(format!(
            "PRIVATE KEY of algorithm {algorithm} is not supported; use an ecdsa (P-256, P-384, P-521), rsa or ed25519 key"
        )));
    })
}

fn malformed(label: &str, error: impl fmt::Display) -> Error {
    Error::key_input(format!("the {label} block is malformed: {error}"))
}

fn encrypted() -> Error {
    Error::key_input(
        "the key is encrypted; csrcraft reads plain keys only: decrypt a copy with `openssl pkey -in KEY -out KEY.plain.pem`",
    )
}

fn unsupported_curve(oid: ObjectIdentifier) -> Error {
    Error::key_input(format!(
        "the EC key is on curve {oid}, which is not supported; use P-256, P-384 or P-521"
    ))
}
