//! The pure-Rust [`SignatureVerifier`]: RustCrypto, the same backend that
//! signs (feature `software`).

use rsa::pkcs8::DecodePublicKey;
use sha2::{Digest, Sha256, Sha384, Sha512};
use signature::hazmat::PrehashVerifier;

use super::signature::{SignatureCheck, SignatureError, SignatureVerifier};
use crate::key::{EcdsaCurve, HashAlgorithm, KeyAlgorithm, SignatureAlgorithm};

/// Checks signatures with RustCrypto ([`verify_signature`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct SoftwareVerifier;

impl SignatureVerifier for SoftwareVerifier {
    fn verify(&self, check: &SignatureCheck<'_>) -> Result<(), SignatureError> {
        let plan = check.plan()?;
        let spki = plan.key.spki_der.as_slice();
        let digest = |hash| match hash {
            Some(HashAlgorithm::Sha256) => Sha256::digest(check.signed).to_vec(),
            Some(HashAlgorithm::Sha384) => Sha384::digest(check.signed).to_vec(),
            Some(HashAlgorithm::Sha512) | None => Sha512::digest(check.signed).to_vec(),
        };
        match plan.key_algorithm {
            KeyAlgorithm::Ecdsa(curve) => {
                verify_ecdsa(curve, spki, &digest(plan.hash), check.signature)
            }
            KeyAlgorithm::Rsa { bits } => {
                let padding = match plan.hash {
                    Some(HashAlgorithm::Sha384) => rsa::Pkcs1v15Sign::new::<Sha384>(),
                    Some(HashAlgorithm::Sha512) => rsa::Pkcs1v15Sign::new::<Sha512>(),
                    _ => rsa::Pkcs1v15Sign::new::<Sha256>(),
                };
                verify_rsa(bits, spki, padding, &digest(plan.hash), check.signature)
            }
            KeyAlgorithm::Ed25519 => verify_ed25519(spki, check.signed, check.signature),
        }
    }
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
    SoftwareVerifier.verify(&SignatureCheck {
        signed,
        algorithm,
        signature,
        signer_spki_der,
    })
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
    curve: EcdsaCurve,
    spki: &[u8],
    digest: &[u8],
    signature: &[u8],
) -> Result<(), SignatureError> {
    match curve {
        EcdsaCurve::P256 => ecdsa_verify!(p256, spki, digest, signature),
        EcdsaCurve::P384 => ecdsa_verify!(p384, spki, digest, signature),
        EcdsaCurve::P521 => ecdsa_verify!(p521, spki, digest, signature),
    }
}

fn verify_rsa(
    bits: usize,
    spki: &[u8],
    padding: rsa::Pkcs1v15Sign,
    digest: &[u8],
    signature: &[u8],
) -> Result<(), SignatureError> {
    let public = rsa::PublicKey::from_public_key_der(spki).map_err(|e| {
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

fn verify_ed25519(spki: &[u8], signed: &[u8], signature: &[u8]) -> Result<(), SignatureError> {
    let public = ed25519_dalek::VerifyingKey::from_public_key_der(spki)
        .map_err(|e| SignatureError::BadKey(e.to_string()))?;
    let signature =
        ed25519_dalek::Signature::from_slice(signature).map_err(|_| SignatureError::Invalid)?;
    public
        .verify_strict(signed, &signature)
        .map_err(|_| SignatureError::Invalid)
}
