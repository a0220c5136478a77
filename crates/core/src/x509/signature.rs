//! Signature algorithms of certificates and CSRs, and checking a signature
//! with the signer's public key. Verification uses the same RustCrypto
//! backend as signing (pure Rust, builds for wasm32).

use std::fmt;

use sha2::{Digest, Sha256, Sha384, Sha512};
use signature::hazmat::PrehashVerifier;
use spki::DecodePublicKey;

use super::public_key::{PublicKeyInfo, parse_spki};
use crate::{EcdsaCurve, KeyAlgorithm};

/// The algorithm a certificate or CSR says it was signed with.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum SignatureAlgorithm {
    /// `ecdsa-with-SHA256` (1.2.840.10045.4.3.2), RFC 5758.
    EcdsaSha256,
    /// `ecdsa-with-SHA384` (1.2.840.10045.4.3.3), RFC 5758.
    EcdsaSha384,
    /// `ecdsa-with-SHA512` (1.2.840.10045.4.3.4), RFC 5758.
    EcdsaSha512,
    /// `sha256WithRSAEncryption` (1.2.840.113549.1.1.11), PKCS #1 v1.5, RFC 4055.
    RsaSha256,
    /// `sha384WithRSAEncryption` (1.2.840.113549.1.1.12), PKCS #1 v1.5, RFC 4055.
    RsaSha384,
    /// `sha512WithRSAEncryption` (1.2.840.113549.1.1.13), PKCS #1 v1.5, RFC 4055.
    RsaSha512,
    /// `ED25519` (1.3.101.112), pure Ed25519, RFC 8410.
    Ed25519,
    /// Any other algorithm: openssl's name when it is one of the few known here
    /// (`sha1WithRSAEncryption`, `rsassaPss`, ...), else the dotted OID.
    Other(String),
}

/// The algorithms checked (and, for CSRs, made) here, by dotted OID.
const KNOWN: [(&str, SignatureAlgorithm); 7] = [
    ("1.2.840.10045.4.3.2", SignatureAlgorithm::EcdsaSha256),
    ("1.2.840.10045.4.3.3", SignatureAlgorithm::EcdsaSha384),
    ("1.2.840.10045.4.3.4", SignatureAlgorithm::EcdsaSha512),
    ("1.2.840.113549.1.1.11", SignatureAlgorithm::RsaSha256),
    ("1.2.840.113549.1.1.12", SignatureAlgorithm::RsaSha384),
    ("1.2.840.113549.1.1.13", SignatureAlgorithm::RsaSha512),
    ("1.3.101.112", SignatureAlgorithm::Ed25519),
];

impl SignatureAlgorithm {
    /// The algorithm named by a dotted OID.
    pub fn from_oid(oid: &str) -> Self {
        if let Some((_, known)) = KNOWN.iter().find(|(o, _)| *o == oid) {
            return known.clone();
        }
        Self::Other(
            OTHER_NAMES
                .iter()
                .find(|(o, _)| *o == oid)
                .map_or(oid, |(_, name)| name)
                .to_owned(),
        )
    }

    /// The dotted OID, for the algorithms known here.
    pub fn oid(&self) -> Option<&'static str> {
        KNOWN.iter().find(|(_, a)| a == self).map(|(o, _)| *o)
    }
}

impl fmt::Display for SignatureAlgorithm {
    /// openssl's name: `ecdsa-with-SHA256`, `sha256WithRSAEncryption`, `ED25519`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::EcdsaSha256 => "ecdsa-with-SHA256",
            Self::EcdsaSha384 => "ecdsa-with-SHA384",
            Self::EcdsaSha512 => "ecdsa-with-SHA512",
            Self::RsaSha256 => "sha256WithRSAEncryption",
            Self::RsaSha384 => "sha384WithRSAEncryption",
            Self::RsaSha512 => "sha512WithRSAEncryption",
            Self::Ed25519 => "ED25519",
            Self::Other(name) => name,
        })
    }
}

/// Why a signature was not accepted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SignatureError {
    /// The signature does not verify: the signed bytes, the signature or the
    /// key is not what the signer used.
    #[error("the signature does not verify")]
    Invalid,
    /// The algorithm cannot be checked here; the reason says why (insecure
    /// like SHA-1, or not implemented like RSA-PSS).
    #[error("the signature cannot be checked: {0}")]
    Unsupported(String),
    /// The signature algorithm needs another kind of key than the signer's.
    #[error("the signature algorithm does not match the key: {0}")]
    KeyMismatch(String),
    /// The signer's public key cannot be read or used.
    #[error("the signer's public key is unusable: {0}")]
    BadKey(String),
}

/// Checks `signature` (the contents of the signature BIT STRING) over
/// `signed` (e.g. the DER of a TBSCertificate) with the signer's public key,
/// given as a DER `SubjectPublicKeyInfo`.
///
/// ECDSA accepts any of SHA-256/384/512 on any of P-256/384/521 (the digest
/// is truncated or zero-extended to the curve order, as ECDSA specifies); the
/// signature is DER. Ed25519 is checked strictly (RFC 8032 §5.1.7, no weak
/// keys or non-canonical encodings).
pub fn verify_signature(
    signed: &[u8],
    algorithm: &SignatureAlgorithm,
    signature: &[u8],
    signer_spki_der: &[u8],
) -> Result<(), SignatureError> {
    let key = parse_spki(signer_spki_der)
        .ok_or_else(|| SignatureError::BadKey("it is not a DER SubjectPublicKeyInfo".to_owned()))?;
    match algorithm {
        SignatureAlgorithm::EcdsaSha256 => verify_ecdsa(&key, &Sha256::digest(signed), signature),
        SignatureAlgorithm::EcdsaSha384 => verify_ecdsa(&key, &Sha384::digest(signed), signature),
        SignatureAlgorithm::EcdsaSha512 => verify_ecdsa(&key, &Sha512::digest(signed), signature),
        SignatureAlgorithm::RsaSha256 => verify_rsa(
            &key,
            rsa::Pkcs1v15Sign::new::<Sha256>(),
            &Sha256::digest(signed),
            signature,
        ),
        SignatureAlgorithm::RsaSha384 => verify_rsa(
            &key,
            rsa::Pkcs1v15Sign::new::<Sha384>(),
            &Sha384::digest(signed),
            signature,
        ),
        SignatureAlgorithm::RsaSha512 => verify_rsa(
            &key,
            rsa::Pkcs1v15Sign::new::<Sha512>(),
            &Sha512::digest(signed),
            signature,
        ),
        SignatureAlgorithm::Ed25519 => verify_ed25519(&key, signed, signature),
        SignatureAlgorithm::Other(name) => Err(SignatureError::Unsupported(unsupported(name))),
    }
}

macro_rules! ecdsa_verify {
    ($curve:ident, $spki:expr, $digest:expr, $signature:expr) => {{
        let key = $curve::ecdsa::VerifyingKey::from_public_key_der($spki)
            .map_err(|e| SignatureError::BadKey(e.to_string()))?;
        let signature = $curve::ecdsa::DerSignature::from_bytes($signature)
            .map_err(|_| SignatureError::Invalid)?;
        PrehashVerifier::<$curve::ecdsa::DerSignature>::verify_prehash(&key, $digest, &signature)
            .map_err(|_| SignatureError::Invalid)
    }};
}

fn verify_ecdsa(
    key: &PublicKeyInfo,
    digest: &[u8],
    signature: &[u8],
) -> Result<(), SignatureError> {
    let spki = key.spki_der.as_slice();
    match key.algorithm {
        Some(KeyAlgorithm::Ecdsa(EcdsaCurve::P256)) => ecdsa_verify!(p256, spki, digest, signature),
        Some(KeyAlgorithm::Ecdsa(EcdsaCurve::P384)) => ecdsa_verify!(p384, spki, digest, signature),
        Some(KeyAlgorithm::Ecdsa(EcdsaCurve::P521)) => ecdsa_verify!(p521, spki, digest, signature),
        None if key.description.starts_with("ec ") => Err(SignatureError::Unsupported(format!(
            "ecdsa with an {} key is not supported; only P-256, P-384 and P-521 are",
            key.description
        ))),
        _ => Err(mismatch("ecdsa", key)),
    }
}

fn verify_rsa(
    key: &PublicKeyInfo,
    padding: rsa::Pkcs1v15Sign,
    digest: &[u8],
    signature: &[u8],
) -> Result<(), SignatureError> {
    let Some(KeyAlgorithm::Rsa { bits }) = key.algorithm else {
        return Err(mismatch("rsa", key));
    };
    let public = rsa::PublicKey::from_public_key_der(&key.spki_der).map_err(|e| {
        SignatureError::BadKey(format!(
            "rsa {bits} bits ({e}); keys of {} to {} bits are supported",
            rsa::PublicKey::MIN_SIZE,
            rsa::PublicKey::MAX_SIZE
        ))
    })?;
    public
        .verify(padding, digest, signature)
        .map_err(|_| SignatureError::Invalid)
}

fn verify_ed25519(
    key: &PublicKeyInfo,
    signed: &[u8],
    signature: &[u8],
) -> Result<(), SignatureError> {
    if key.algorithm != Some(KeyAlgorithm::Ed25519) {
        return Err(mismatch("ed25519", key));
    }
    let public = ed25519_dalek::VerifyingKey::from_public_key_der(&key.spki_der)
        .map_err(|e| SignatureError::BadKey(e.to_string()))?;
    let signature =
        ed25519_dalek::Signature::from_slice(signature).map_err(|_| SignatureError::Invalid)?;
    public
        .verify_strict(signed, &signature)
        .map_err(|_| SignatureError::Invalid)
}

fn mismatch(needs: &str, key: &PublicKeyInfo) -> SignatureError {
    SignatureError::KeyMismatch(format!(
        "an {needs} signature, but the signer's key is {}",
        key.description
    ))
}

/// Why an algorithm outside the enum is not checked.
fn unsupported(name: &str) -> String {
    match name {
        "sha1WithRSAEncryption" | "ecdsa-with-SHA1" | "dsaWithSHA1" => {
            format!(
                "{name} is insecure (SHA-1 collisions are practical); re-sign with SHA-256 or better"
            )
        }
        "md5WithRSAEncryption" => {
            format!("{name} is insecure (MD5 is broken); re-sign with SHA-256 or better")
        }
        "rsassaPss" => format!("{name} (RSA-PSS) signatures are not supported"),
        _ => format!("{name} is not a supported signature algorithm"),
    }
}

/// openssl's names for the signature algorithms not in the enum, so messages
/// and views can name them.
const OTHER_NAMES: &[(&str, &str)] = &[
    ("1.2.840.113549.1.1.4", "md5WithRSAEncryption"),
    ("1.2.840.113549.1.1.5", "sha1WithRSAEncryption"),
    ("1.2.840.113549.1.1.10", "rsassaPss"),
    ("1.2.840.113549.1.1.14", "sha224WithRSAEncryption"),
    ("1.2.840.10045.4.1", "ecdsa-with-SHA1"),
    ("1.2.840.10045.4.3.1", "ecdsa-with-SHA224"),
    ("1.2.840.10040.4.3", "dsaWithSHA1"),
    ("2.16.840.1.101.3.4.3.2", "dsa_with_SHA256"),
    ("1.3.101.113", "ED448"),
];
