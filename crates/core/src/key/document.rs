//! Private keys as PEM documents, read and written without doing any crypto:
//! the forms cfssl and openssl write (SEC1, PKCS#1, PKCS#8) are rearranged as
//! DER. A key made elsewhere (e.g. by the browser's WebCrypto, exported as
//! PKCS#8) is written as cfssl writes keys, and a key file is read into the
//! PKCS#8 that WebCrypto imports.

use std::fmt;

use der::asn1::{AnyRef, ObjectIdentifier, OctetStringRef};
use der::pem::LineEnding;
use der::{Decode, Encode, SecretDocument};
use pkcs8::PrivateKeyInfoRef;
use spki::AlgorithmIdentifierRef;
use zeroize::Zeroizing;

use super::algorithm::check_rsa_bits;
use crate::{EcdsaCurve, Error, KeyAlgorithm, Result};

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
pub struct KeyPem(pub(super) Zeroizing<String>);

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

/// A private key held as its PKCS#8 DER, with its kind; zeroized when dropped.
#[derive(Clone)]
pub struct KeyDocument {
    algorithm: KeyAlgorithm,
    pkcs8: Zeroizing<Vec<u8>>,
    /// The PEM label it was read with, for messages about it.
    label: &'static str,
}

impl KeyDocument {
    /// Reads a private key from PEM text: `EC PRIVATE KEY` (SEC1, P-256/384/521),
    /// `RSA PRIVATE KEY` (PKCS#1) or `PRIVATE KEY` (PKCS#8, any of those and
    /// Ed25519). Other blocks, such as openssl's `EC PARAMETERS`, are skipped.
    /// The structure is checked; the numbers in it are not (that needs crypto).
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
        match label.as_str() {
            SEC1_LABEL => from_sec1(&der),
            PKCS1_LABEL => from_pkcs1(&der),
            PKCS8_LABEL => Self::from_pkcs8_der(&der),
            "ENCRYPTED PRIVATE KEY" => Err(encrypted()),
            "OPENSSH PRIVATE KEY" => Err(Error::key_input(
                "OpenSSH keys are not supported; convert a copy with `ssh-keygen -p -m PKCS8 -f KEY`",
            )),
            other => Err(Error::key_input(format!(
                "{other} keys are not supported; expected EC PRIVATE KEY, RSA PRIVATE KEY or PRIVATE KEY"
            ))),
        }
    }

    /// Reads a DER PKCS#8 `PrivateKeyInfo` (e.g. WebCrypto's `exportKey("pkcs8")`).
    pub fn from_pkcs8_der(der: &[u8]) -> Result<Self> {
        let label = PKCS8_LABEL;
        let info = PrivateKeyInfoRef::from_der(der).map_err(|e| malformed(label, e))?;
        let oid = info.algorithm.oid;
        let algorithm = if oid == RSA_ENCRYPTION {
            rsa_algorithm(info.private_key.as_bytes(), label)?
        } else if oid == ED25519 {
            ed25519_seed(info.private_key.as_bytes(), label)?;
            KeyAlgorithm::Ed25519
        } else if oid == EC_PUBLIC_KEY {
            let curve = info.algorithm.parameters_oid().map_err(|_| {
                Error::key_input("the EC key in PRIVATE KEY does not name its curve")
            })?;
            let curve = curve_of(curve)?;
            let inner = sec1::EcPrivateKey::from_der(info.private_key.as_bytes())
                .map_err(|e| malformed(label, e))?;
            check_scalar(inner.private_key, curve, label)?;
            KeyAlgorithm::Ecdsa(curve)
        } else {
            return Err(Error::key_input(format!(
                "PRIVATE KEY of algorithm {oid} is not supported; use an ecdsa (P-256, P-384, P-521), rsa or ed25519 key"
            )));
        };
        Ok(Self {
            algorithm,
            pkcs8: Zeroizing::new(der.to_vec()),
            label,
        })
    }

    /// What kind of key this is.
    pub fn algorithm(&self) -> KeyAlgorithm {
        self.algorithm
    }

    /// The key as DER PKCS#8, as read or as rewritten from SEC1 or PKCS#1.
    pub fn pkcs8_der(&self) -> &[u8] {
        &self.pkcs8
    }

    /// The DER `SubjectPublicKeyInfo` of the public half, when the document
    /// carries it: an EC key with its `publicKey` (Go, openssl and WebCrypto
    /// write it) or an RSA key (`n` and `e`). `None` for Ed25519, whose
    /// PKCS#8 v1 holds only the seed, and for an EC key without it: those
    /// need crypto to derive.
    pub fn public_key_der(&self) -> Option<Vec<u8>> {
        let info = PrivateKeyInfoRef::from_der(&self.pkcs8).ok()?;
        let inner = info.private_key.as_bytes();
        let (algorithm, key): (AlgorithmIdentifierRef<'_>, Vec<u8>) = match self.algorithm {
            KeyAlgorithm::Ecdsa(_) => {
                let point = sec1::EcPrivateKey::from_der(inner).ok()?.public_key?;
                (info.algorithm, point.to_vec())
            }
            KeyAlgorithm::Rsa { .. } => {
                let private = pkcs1::RsaPrivateKeyRef::from_der(inner).ok()?;
                let public = pkcs1::RsaPublicKey {
                    modulus: private.modulus,
                    public_exponent: private.public_exponent,
                };
                (info.algorithm, public.to_der().ok()?)
            }
            KeyAlgorithm::Ed25519 => return None,
        };
        let spki = spki::SubjectPublicKeyInfoRef {
            algorithm,
            subject_public_key: der::asn1::BitStringRef::from_bytes(&key).ok()?,
        };
        spki.to_der().ok()
    }

    /// The PEM label the key was read with (`PRIVATE KEY` when read as DER).
    pub fn label(&self) -> &'static str {
        self.label
    }

    /// Writes the key as PEM in the given format, with `\n` line endings: for
    /// [`KeyFormat::Cfssl`] as Go's `x509.MarshalECPrivateKey` (with the curve,
    /// and the public key when the document holds it) and
    /// `MarshalPKCS1PrivateKey` write; Ed25519 always as PKCS#8 v1 without the
    /// public key, as Go writes it (some readers refuse v2, RFC 8410 §7).
    pub fn to_pem(&self, format: KeyFormat) -> Result<KeyPem> {
        let failed = |e: der::Error| Error::encoding("the private key", e);
        let info = PrivateKeyInfoRef::from_der(&self.pkcs8).map_err(failed)?;
        let inner = info.private_key.as_bytes();
        let document = match (self.algorithm, format) {
            (KeyAlgorithm::Ed25519, _) => {
                let seed = ed25519_seed(inner, self.label)?;
                let seed_der = Zeroizing::new(
                    OctetStringRef::new(seed)
                        .map_err(failed)?
                        .to_der()
                        .map_err(failed)?,
                );
                let v1 = PrivateKeyInfoRef::new(
                    info.algorithm,
                    OctetStringRef::new(&seed_der).map_err(failed)?,
                );
                (
                    PKCS8_LABEL,
                    SecretDocument::encode_msg(&v1).map_err(failed)?,
                )
            }
            (_, KeyFormat::Pkcs8) => (
                PKCS8_LABEL,
                SecretDocument::try_from(self.pkcs8.as_slice()).map_err(failed)?,
            ),
            (KeyAlgorithm::Rsa { .. }, KeyFormat::Cfssl) => (
                PKCS1_LABEL,
                SecretDocument::try_from(inner).map_err(failed)?,
            ),
            (KeyAlgorithm::Ecdsa(curve), KeyFormat::Cfssl) => {
                let parsed = sec1::EcPrivateKey::from_der(inner).map_err(failed)?;
                let sec1 = sec1::EcPrivateKey {
                    private_key: parsed.private_key,
                    parameters: Some(sec1::EcParameters::NamedCurve(curve_oid(curve))),
                    public_key: parsed.public_key,
                };
                (
                    SEC1_LABEL,
                    SecretDocument::encode_msg(&sec1).map_err(failed)?,
                )
            }
        };
        let (label, document) = document;
        document
            .to_pem(label, LineEnding::LF)
            .map(KeyPem)
            .map_err(failed)
    }
}

impl fmt::Debug for KeyDocument {
    /// Shows the kind of key, never its material.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "KeyDocument({})", self.algorithm)
    }
}

/// SEC1 `ECPrivateKey` (RFC 5915) as PKCS#8, the curve moved to the algorithm.
fn from_sec1(der: &[u8]) -> Result<KeyDocument> {
    let label = SEC1_LABEL;
    let parsed = sec1::EcPrivateKey::from_der(der).map_err(|e| malformed(label, e))?;
    let curve = parsed
        .parameters
        .and_then(|p| p.named_curve())
        .ok_or_else(|| {
            Error::key_input(
                "the EC PRIVATE KEY does not name its curve; rewrite it with `openssl pkey -in KEY -out KEY.pkcs8.pem`",
            )
        })?;
    let curve_name = curve_of(curve)?;
    check_scalar(parsed.private_key, curve_name, label)?;
    let inner = sec1::EcPrivateKey {
        parameters: None,
        ..parsed
    };
    let failed = |e: der::Error| malformed(label, e);
    let inner_der = Zeroizing::new(inner.to_der().map_err(failed)?);
    let curve_der = curve.to_der().map_err(failed)?;
    let algorithm = AlgorithmIdentifierRef {
        oid: EC_PUBLIC_KEY,
        parameters: Some(AnyRef::from_der(&curve_der).map_err(failed)?),
    };
    wrap(
        algorithm,
        &inner_der,
        KeyAlgorithm::Ecdsa(curve_name),
        label,
    )
}

/// PKCS#1 `RSAPrivateKey` (RFC 8017) as PKCS#8.
fn from_pkcs1(der: &[u8]) -> Result<KeyDocument> {
    let label = PKCS1_LABEL;
    let algorithm = rsa_algorithm(der, label)?;
    let identifier = AlgorithmIdentifierRef {
        oid: RSA_ENCRYPTION,
        // RFC 8017 A.1: rsaEncryption carries an explicit NULL.
        parameters: Some(AnyRef::NULL),
    };
    wrap(identifier, der, algorithm, label)
}

fn wrap(
    algorithm: AlgorithmIdentifierRef<'_>,
    private_key: &[u8],
    kind: KeyAlgorithm,
    label: &'static str,
) -> Result<KeyDocument> {
    let failed = |e: der::Error| malformed(label, e);
    let info: PrivateKeyInfoRef<'_> =
        PrivateKeyInfoRef::new(algorithm, OctetStringRef::new(private_key).map_err(failed)?);
    let pkcs8 = Zeroizing::new(info.to_der().map_err(failed)?);
    Ok(KeyDocument {
        algorithm: kind,
        pkcs8,
        label,
    })
}

/// The size of a PKCS#1 key, which must be one cfssl accepts.
fn rsa_algorithm(pkcs1_der: &[u8], label: &str) -> Result<KeyAlgorithm> {
    let key = pkcs1::RsaPrivateKeyRef::from_der(pkcs1_der).map_err(|e| malformed(label, e))?;
    let modulus = key.modulus.as_bytes();
    let bits = match modulus.first() {
        Some(first) => modulus.len() * 8 - first.leading_zeros() as usize,
        None => 0,
    };
    check_rsa_bits(bits).map_err(|problem| {
        Error::key_input(format!(
            "rsa key of {problem}; use a key of 2048 to 8192 bits"
        ))
    })?;
    Ok(KeyAlgorithm::Rsa { bits })
}

/// The 32-byte seed in an Ed25519 PKCS#8 `privateKey` (an OCTET STRING in
/// the OCTET STRING, RFC 8410 §7).
fn ed25519_seed<'a>(private_key: &'a [u8], label: &str) -> Result<&'a [u8]> {
    let seed = <&OctetStringRef>::from_der(private_key).map_err(|e| malformed(label, e))?;
    match seed.as_bytes() {
        bytes if bytes.len() == 32 => Ok(bytes),
        bytes => Err(malformed(
            label,
            format!("an ed25519 key is 32 bytes, not {}", bytes.len()),
        )),
    }
}

/// A private scalar is one field element wide (Go and openssl pad it so) and
/// not zero; whether it is below the group order is left to the crypto.
fn check_scalar(scalar: &[u8], curve: EcdsaCurve, label: &str) -> Result<()> {
    let width = crate::curve_field_bytes(curve);
    if scalar.len() > width || scalar.iter().all(|&b| b == 0) {
        return Err(malformed(
            label,
            format!(
                "the private scalar must be 1 to {width} bytes and not zero, not {} bytes",
                scalar.len()
            ),
        ));
    }
    Ok(())
}

fn curve_of(oid: ObjectIdentifier) -> Result<EcdsaCurve> {
    match oid {
        P256 => Ok(EcdsaCurve::P256),
        P384 => Ok(EcdsaCurve::P384),
        P521 => Ok(EcdsaCurve::P521),
        other => Err(Error::key_input(format!(
            "the EC key is on curve {other}, which is not supported; use P-256, P-384 or P-521"
        ))),
    }
}

pub(super) fn curve_oid(curve: EcdsaCurve) -> ObjectIdentifier {
    match curve {
        EcdsaCurve::P256 => P256,
        EcdsaCurve::P384 => P384,
        EcdsaCurve::P521 => P521,
    }
}

fn malformed(label: &str, error: impl fmt::Display) -> Error {
    Error::key_input(format!("the {label} block is malformed: {error}"))
}

fn encrypted() -> Error {
    Error::key_input(
        "the key is encrypted; csrcraft reads plain keys only: decrypt a copy with `openssl pkey -in KEY -out KEY.plain.pem`",
    )
}

const SEC1_LABEL: &str = "EC PRIVATE KEY";
const PKCS1_LABEL: &str = "RSA PRIVATE KEY";
const PKCS8_LABEL: &str = "PRIVATE KEY";

const EC_PUBLIC_KEY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const RSA_ENCRYPTION: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const ED25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");
const P256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
const P384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.34");
const P521: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.35");
