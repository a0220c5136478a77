//! What checking a signature of a certificate or CSR takes (the algorithms
//! are `crate::key`'s): the [`SignatureVerifier`] that answers (RustCrypto's
//! `SoftwareVerifier` with feature `software`, or e.g. a page's WebCrypto),
//! the key and hash a check needs ([`SignatureCheck::plan`]), and ECDSA's two
//! signature encodings.

use crate::KeyAlgorithm;
use crate::der::{parse, tag, write};
use crate::key::{HashAlgorithm, PublicKeyInfo, SignatureAlgorithm, parse_spki};

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

/// One signature to check: `signature` (the contents of the signature BIT
/// STRING; DER for ECDSA) over `signed` (e.g. the DER of a TBSCertificate),
/// made as `algorithm` says by the holder of `signer_spki_der` (a DER
/// `SubjectPublicKeyInfo`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SignatureCheck<'a> {
    /// The signed bytes.
    pub signed: &'a [u8],
    /// The algorithm the certificate or CSR names.
    pub algorithm: &'a SignatureAlgorithm,
    /// The signature bytes.
    pub signature: &'a [u8],
    /// The signer's public key, a DER `SubjectPublicKeyInfo`.
    pub signer_spki_der: &'a [u8],
}

/// Checks signatures for `inspect`, `verify`, `lint` and `manifest`; the core
/// itself never does crypto through anything else.
pub trait SignatureVerifier: Sync {
    /// `Ok(())` when the signature verifies, else why not.
    fn verify(&self, check: &SignatureCheck<'_>) -> Result<(), SignatureError>;
}

/// What checking one signature takes, once the algorithm and the key agree.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct SignaturePlan {
    /// The signer's key.
    pub key: PublicKeyInfo,
    /// The signer's kind of key, which the algorithm needs.
    pub key_algorithm: KeyAlgorithm,
    /// The hash, for ECDSA and RSA; `None` for Ed25519, which hashes itself.
    pub hash: Option<HashAlgorithm>,
}

impl SignatureCheck<'_> {
    /// The key and hash this check needs, or why it cannot be made: the
    /// algorithm is insecure or unknown, the key is unreadable, or it is the
    /// wrong kind for the algorithm. Every [`SignatureVerifier`] starts here,
    /// so all give the same reasons.
    pub fn plan(&self) -> Result<SignaturePlan, SignatureError> {
        let key = parse_spki(self.signer_spki_der).ok_or_else(|| {
            SignatureError::BadKey("it is not a DER SubjectPublicKeyInfo".to_owned())
        })?;
        let needs = match self.algorithm {
            SignatureAlgorithm::EcdsaSha256
            | SignatureAlgorithm::EcdsaSha384
            | SignatureAlgorithm::EcdsaSha512 => "ecdsa",
            SignatureAlgorithm::RsaSha256
            | SignatureAlgorithm::RsaSha384
            | SignatureAlgorithm::RsaSha512 => "rsa",
            SignatureAlgorithm::Ed25519 => "ed25519",
            SignatureAlgorithm::Other(name) => {
                return Err(SignatureError::Unsupported(unsupported(name)));
            }
        };
        let hash = self.algorithm.hash();
        let fits = match (needs, key.algorithm) {
            ("ecdsa", Some(KeyAlgorithm::Ecdsa(_))) => true,
            ("rsa", Some(KeyAlgorithm::Rsa { .. })) => true,
            ("ed25519", Some(KeyAlgorithm::Ed25519)) => true,
            ("ecdsa", None) if key.description.starts_with("ec ") => {
                return Err(SignatureError::Unsupported(format!(
                    "ecdsa with an {} key is not supported; only P-256, P-384 and P-521 are",
                    key.description
                )));
            }
            _ => false,
        };
        match key.algorithm {
            Some(key_algorithm) if fits => Ok(SignaturePlan {
                key,
                key_algorithm,
                hash,
            }),
            _ => Err(SignatureError::KeyMismatch(format!(
                "an {needs} signature, but the signer's key is {}",
                key.description
            ))),
        }
    }
}

/// An ECDSA signature's DER `Ecdsa-Sig-Value` (as X.509 holds it) as the
/// fixed-width `r || s` (as WebCrypto takes it), each `field_bytes` long
/// (32, 48, 66 for P-256, P-384, P-521). `None` when it is not such DER or a
/// number does not fit.
pub fn ecdsa_der_to_fixed(der: &[u8], field_bytes: usize) -> Option<Vec<u8>> {
    let value = parse(der).ok()?.expect(tag::SEQUENCE).ok()?;
    let mut reader = value.contents().ok()?;
    let r = reader.read_any().ok()?.unsigned().ok()?;
    let s = reader.read_any().ok()?.unsigned().ok()?;
    reader.finish().ok()?;
    let mut fixed = vec![0; 2 * field_bytes];
    for (number, half) in [r, s].iter().zip(fixed.chunks_mut(field_bytes)) {
        let offset = field_bytes.checked_sub(number.len())?;
        half[offset..].copy_from_slice(number);
    }
    Some(fixed)
}

/// The inverse of [`ecdsa_der_to_fixed`]: a fixed-width `r || s` (even
/// length) as DER. `None` for an odd or empty length.
pub fn ecdsa_fixed_to_der(fixed: &[u8]) -> Option<Vec<u8>> {
    if fixed.is_empty() || !fixed.len().is_multiple_of(2) {
        return None;
    }
    let (r, s) = fixed.split_at(fixed.len() / 2);
    Some(write::sequence(&[&write::unsigned(r), &write::unsigned(s)]))
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
