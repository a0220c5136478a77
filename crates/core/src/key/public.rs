//! The subject public key of a certificate or CSR (RFC 5280 §4.1.2.7).

use crate::der::oid::{
    DSA, EC_PUBLIC_KEY, ED448, ED25519, P256, P384, P521, RSA_ENCRYPTION, RSASSA_PSS, SECP256K1,
    X448, X25519, dotted,
};
use crate::der::read::{BitString, Result};
use crate::der::{Tlv, parse, tag};
use crate::{EcdsaCurve, KeyAlgorithm};

/// A public key as read from a certificate or CSR.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct PublicKeyInfo {
    /// The kind of key, when it is one csrcraft knows (ECDSA on P-256, P-384 or
    /// P-521, RSA, Ed25519); `None` for others, e.g. secp256k1 or DSA. An RSA
    /// key read from input has its actual modulus size, which may be outside
    /// the range csrcraft generates.
    pub algorithm: Option<KeyAlgorithm>,
    /// Human words for the key: `ecdsa P-256`, `rsa 2048 bits`, `ed25519`, or
    /// for keys csrcraft does not know e.g. `ec secp256k1`, `dsa`, or the
    /// algorithm's dotted OID.
    pub description: String,
    /// The DER `SubjectPublicKeyInfo`, as encoded in the input.
    pub spki_der: Vec<u8>,
}

impl PublicKeyInfo {
    /// Reads a DER `SubjectPublicKeyInfo` on its own; `None` when it is not one.
    pub fn from_der(der: &[u8]) -> Option<Self> {
        parse_spki(der)
    }
}

/// Reads a DER `SubjectPublicKeyInfo` on its own (e.g. an issuer's key).
pub(crate) fn parse_spki(der: &[u8]) -> Option<PublicKeyInfo> {
    read_public_key(parse(der).ok()?).ok()
}

/// Reads a `SubjectPublicKeyInfo` element.
pub(crate) fn read_public_key(spki: Tlv<'_>) -> Result<PublicKeyInfo> {
    let mut reader = spki.expect(tag::SEQUENCE)?.contents()?;
    let (oid, parameters) = reader.read_any()?.algorithm_identifier()?;
    let key = reader.read_any()?.bit_string()?;
    reader.finish()?;
    // Matched as OIDs: formatting each as dotted text first costs more than the parse.
    let (algorithm, description) = match oid.as_bytes() {
        EC_PUBLIC_KEY => match parameters.and_then(|p| p.oid().ok()).map(|c| c.as_bytes()) {
            Some(P256) => known(KeyAlgorithm::Ecdsa(EcdsaCurve::P256), "ecdsa P-256"),
            Some(P384) => known(KeyAlgorithm::Ecdsa(EcdsaCurve::P384), "ecdsa P-384"),
            Some(P521) => known(KeyAlgorithm::Ecdsa(EcdsaCurve::P521), "ecdsa P-521"),
            Some(SECP256K1) => (None, "ec secp256k1".to_owned()),
            Some(other) => (None, format!("ec on curve {}", dotted(other))),
            None => (
                None,
                "ec with explicit or missing curve parameters".to_owned(),
            ),
        },
        RSA_ENCRYPTION => match rsa_modulus(key) {
            Some(modulus) => {
                let bits = modulus_bits(modulus);
                (Some(KeyAlgorithm::Rsa { bits }), format!("rsa {bits} bits"))
            }
            None => (None, "rsa (malformed key)".to_owned()),
        },
        ED25519 => known(KeyAlgorithm::Ed25519, "ed25519"),
        ED448 => (None, "ed448".to_owned()),
        X25519 => (None, "x25519".to_owned()),
        X448 => (None, "x448".to_owned()),
        DSA => (None, "dsa".to_owned()),
        RSASSA_PSS => (None, "rsassa-pss".to_owned()),
        _ => (None, oid.to_string()),
    };
    Ok(PublicKeyInfo {
        algorithm,
        description,
        spki_der: spki.der.to_vec(),
    })
}

/// The modulus of a PKCS#1 `RSAPublicKey` (RFC 8017 §A.1.1), sign byte and all.
fn rsa_modulus(key: BitString<'_>) -> Option<&[u8]> {
    let key = parse(key.whole_bytes()?).ok()?;
    let mut reader = key.expect(tag::SEQUENCE).ok()?.contents().ok()?;
    let modulus = reader.read(tag::INTEGER).ok()?;
    reader.read(tag::INTEGER).ok()?;
    reader.finish().ok()?;
    Some(modulus.value)
}

fn known(algorithm: KeyAlgorithm, description: &str) -> (Option<KeyAlgorithm>, String) {
    (Some(algorithm), description.to_owned())
}

/// The bit length of a big-endian unsigned integer.
fn modulus_bits(modulus: &[u8]) -> usize {
    let start = modulus
        .iter()
        .position(|&b| b != 0)
        .unwrap_or(modulus.len());
    match modulus.get(start) {
        Some(first) => (modulus.len() - start) * 8 - first.leading_zeros() as usize,
        None => 0,
    }
}
