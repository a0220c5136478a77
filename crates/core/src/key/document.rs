//! Private keys as PEM documents, read and written without doing any crypto:
//! the forms cfssl and openssl write (SEC1, PKCS#1, PKCS#8) are rearranged as
//! DER. A key made elsewhere (e.g. by the browser's WebCrypto, exported as
//! PKCS#8) is written as cfssl writes keys, and a key file is read into the
//! PKCS#8 that WebCrypto imports.

use std::fmt;

use zeroize::Zeroizing;

use super::algorithm::check_rsa_bits;
use super::der::{EcPrivateKey, PrivateKeyInfo, RsaPrivateKey, pkcs8, sec1};
use crate::der::oid::{EC_PUBLIC_KEY, ED25519, P256, P384, P521, RSA_ENCRYPTION, dotted};
use crate::der::{parse, tag, write};
use crate::pem::encode as pem_encode;
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
        let block = key_block(text)?;
        let label = block.label();
        let der = block.into_contents();
        match label {
            SEC1_LABEL => from_sec1(&der),
            PKCS1_LABEL => from_pkcs1(&der),
            PKCS8_LABEL => Self::from_pkcs8_der(&der),
            ENCRYPTED_LABEL => Err(Error::passphrase(
                "the key is encrypted (ENCRYPTED PRIVATE KEY) and no passphrase was given; give the passphrase it was encrypted with",
            )),
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
        let info = PrivateKeyInfo::read(der).map_err(|e| malformed(label, e))?;
        let algorithm = match info.algorithm.as_bytes() {
            RSA_ENCRYPTION => rsa_algorithm(info.private_key, label)?,
            ED25519 => {
                ed25519_seed(info.private_key, label)?;
                KeyAlgorithm::Ed25519
            }
            EC_PUBLIC_KEY => {
                let curve = info.parameters.and_then(|p| p.oid().ok()).ok_or_else(|| {
                    Error::key_input("the EC key in PRIVATE KEY does not name its curve")
                })?;
                let curve = curve_of(curve.as_bytes())?;
                let inner =
                    EcPrivateKey::read(info.private_key).map_err(|e| malformed(label, e))?;
                check_scalar(inner.private_key, curve, label)?;
                KeyAlgorithm::Ecdsa(curve)
            }
            other => {
                return Err(Error::key_input(format!(
                    "PRIVATE KEY of algorithm {} is not supported; use an ecdsa (P-256, P-384, P-521), rsa or ed25519 key",
                    dotted(other)
                )));
            }
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
        let info = PrivateKeyInfo::read(&self.pkcs8).ok()?;
        let key = match self.algorithm {
            KeyAlgorithm::Ecdsa(_) => EcPrivateKey::read(info.private_key)
                .ok()?
                .public_key?
                .to_vec(),
            KeyAlgorithm::Rsa { .. } => {
                let private = RsaPrivateKey::read(info.private_key).ok()?;
                // RSAPublicKey (RFC 8017 §A.1.1): the INTEGERs as encoded.
                write::sequence(&[private.modulus.der, private.public_exponent.der])
            }
            KeyAlgorithm::Ed25519 => return None,
        };
        Some(write::sequence(&[
            info.algorithm_der,
            &write::bit_string(&key),
        ]))
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
        let info =
            PrivateKeyInfo::read(&self.pkcs8).map_err(|e| Error::encoding("the private key", e))?;
        let inner = info.private_key;
        let (label, der) = match (self.algorithm, format) {
            (KeyAlgorithm::Ed25519, _) | (_, KeyFormat::Pkcs8) => {
                (PKCS8_LABEL, self.pkcs8_to_write()?)
            }
            (KeyAlgorithm::Rsa { .. }, KeyFormat::Cfssl) => {
                (PKCS1_LABEL, Zeroizing::new(inner.to_vec()))
            }
            (KeyAlgorithm::Ecdsa(curve), KeyFormat::Cfssl) => {
                let parsed =
                    EcPrivateKey::read(inner).map_err(|e| Error::encoding("the private key", e))?;
                let sec1 = sec1(
                    parsed.private_key,
                    Some(curve_oid(curve)),
                    parsed.public_key,
                );
                (SEC1_LABEL, sec1)
            }
        };
        Ok(KeyPem(Zeroizing::new(pem_encode(label, &der))))
    }
}

impl KeyDocument {
    /// The DER PKCS#8 that [`KeyDocument::to_pem`] writes: as read, except
    /// Ed25519 always as v1 without the public key.
    pub(super) fn pkcs8_to_write(&self) -> Result<Zeroizing<Vec<u8>>> {
        if self.algorithm != KeyAlgorithm::Ed25519 {
            return Ok(self.pkcs8.clone());
        }
        let info =
            PrivateKeyInfo::read(&self.pkcs8).map_err(|e| Error::encoding("the private key", e))?;
        let seed = ed25519_seed(info.private_key, self.label)?;
        let seed_der = Zeroizing::new(write::tlv(tag::OCTET_STRING, &[seed]));
        Ok(pkcs8(info.algorithm_der, &seed_der))
    }
}

impl fmt::Debug for KeyDocument {
    /// Shows the kind of key, never its material.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "KeyDocument({})", self.algorithm)
    }
}

/// The one private key block in PEM `text` (a label ending in `PRIVATE KEY`),
/// other blocks skipped. OpenSSL's legacy encrypted PEM (`Proc-Type:
/// 4,ENCRYPTED` headers) is refused, with the command that converts it.
pub(super) fn key_block(text: &str) -> Result<crate::pem::Block<'_>> {
    let blocks = crate::pem::parse(text).map_err(|e| {
        Error::key_input(format!(
            "not readable as PEM ({e}); give the key file as PEM text"
        ))
    })?;
    let others: Vec<&str> = blocks.iter().map(crate::pem::Block::label).collect();
    let others = others.join(", ");
    let mut keys = blocks
        .into_iter()
        .filter(|b| b.label().contains("PRIVATE KEY"));
    let Some(block) = keys.next() else {
        let found = if others.is_empty() {
            "no private key found".to_owned()
        } else {
            format!("found {others} but no private key")
        };
        return Err(Error::key_input(format!(
            "{found}; expected a PEM block EC PRIVATE KEY, RSA PRIVATE KEY or PRIVATE KEY"
        )));
    };
    if keys.next().is_some() {
        return Err(Error::key_input(
            "more than one private key in the input; give exactly one",
        ));
    }
    if block
        .header("Proc-Type")
        .is_some_and(|v| v.contains("ENCRYPTED"))
    {
        return Err(Error::key_input(format!(
            "the {} is encrypted in OpenSSL's legacy PEM form (Proc-Type: 4,ENCRYPTED, DEK-Info), which csrcraft does not read; convert it to PKCS#8 with `openssl pkcs8 -topk8 -v2 aes-256-cbc -in KEY -out KEY.p8`",
            block.label()
        )));
    }
    Ok(block)
}

/// SEC1 `ECPrivateKey` (RFC 5915) as PKCS#8, the curve moved to the algorithm.
fn from_sec1(der: &[u8]) -> Result<KeyDocument> {
    let label = SEC1_LABEL;
    let parsed = EcPrivateKey::read(der).map_err(|e| malformed(label, e))?;
    let curve = parsed.curve.ok_or_else(|| {
        Error::key_input(
            "the EC PRIVATE KEY does not name its curve; rewrite it with `openssl pkey -in KEY -out KEY.pkcs8.pem`",
        )
    })?;
    let curve_name = curve_of(curve.as_bytes())?;
    check_scalar(parsed.private_key, curve_name, label)?;
    let inner = sec1(parsed.private_key, None, parsed.public_key);
    let algorithm = write::sequence(&[
        &write::tlv(tag::OID, &[EC_PUBLIC_KEY]),
        &write::tlv(tag::OID, &[curve.as_bytes()]),
    ]);
    Ok(KeyDocument {
        algorithm: KeyAlgorithm::Ecdsa(curve_name),
        pkcs8: pkcs8(&algorithm, &inner),
        label,
    })
}

/// PKCS#1 `RSAPrivateKey` (RFC 8017) as PKCS#8.
fn from_pkcs1(der: &[u8]) -> Result<KeyDocument> {
    let label = PKCS1_LABEL;
    let algorithm = rsa_algorithm(der, label)?;
    // RFC 8017 A.1: rsaEncryption carries an explicit NULL.
    let identifier = write::sequence(&[&write::tlv(tag::OID, &[RSA_ENCRYPTION]), &[tag::NULL, 0]]);
    Ok(KeyDocument {
        algorithm,
        pkcs8: pkcs8(&identifier, der),
        label,
    })
}

/// The size of a PKCS#1 key, which must be one cfssl accepts.
fn rsa_algorithm(pkcs1_der: &[u8], label: &str) -> Result<KeyAlgorithm> {
    let key = RsaPrivateKey::read(pkcs1_der).map_err(|e| malformed(label, e))?;
    let modulus = key.modulus.unsigned().map_err(|e| malformed(label, e))?;
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
    let seed = parse(private_key)
        .and_then(|seed| seed.octets())
        .map_err(|e| malformed(label, e))?;
    match seed {
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
    let width = super::curve_field_bytes(curve);
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

fn curve_of(oid: &[u8]) -> Result<EcdsaCurve> {
    match oid {
        P256 => Ok(EcdsaCurve::P256),
        P384 => Ok(EcdsaCurve::P384),
        P521 => Ok(EcdsaCurve::P521),
        other => Err(Error::key_input(format!(
            "the EC key is on curve {}, which is not supported; use P-256, P-384 or P-521",
            dotted(other)
        ))),
    }
}

/// A curve's OID, as DER contents octets.
pub(super) fn curve_oid(curve: EcdsaCurve) -> &'static [u8] {
    match curve {
        EcdsaCurve::P256 => P256,
        EcdsaCurve::P384 => P384,
        EcdsaCurve::P521 => P521,
    }
}

pub(super) fn malformed(label: &str, error: impl fmt::Display) -> Error {
    Error::key_input(format!("the {label} block is malformed: {error}"))
}

const SEC1_LABEL: &str = "EC PRIVATE KEY";
const PKCS1_LABEL: &str = "RSA PRIVATE KEY";
pub(super) const PKCS8_LABEL: &str = "PRIVATE KEY";
pub(super) const ENCRYPTED_LABEL: &str = "ENCRYPTED PRIVATE KEY";
