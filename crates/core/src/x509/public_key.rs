//! The subject public key of a certificate or CSR (RFC 5280 §4.1.2.7).

use der::asn1::{AnyRef, BitStringRef, ObjectIdentifier};
use der::{Decode, Tag, Tagged};
use spki::SubjectPublicKeyInfoRef;

use crate::{EcdsaCurve, KeyAlgorithm};

/// A public key as read from a certificate or CSR.
#[derive(Clone, Debug, PartialEq, Eq)]
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
    read_public_key(der).ok()
}

/// Reads a DER `SubjectPublicKeyInfo`; nothing may follow it.
pub(crate) fn read_public_key(der: &[u8]) -> der::Result<PublicKeyInfo> {
    let spki = SubjectPublicKeyInfoRef::from_der(der)?;
    // Matched as OIDs: formatting each as dotted text first costs more than the parse.
    let oid = spki.algorithm.oid;
    let (algorithm, description) = match oid {
        EC_PUBLIC_KEY => {
            let curve = spki
                .algorithm
                .parameters
                .and_then(|p| p.decode_as::<ObjectIdentifier>().ok());
            match curve {
                Some(P256) => known(KeyAlgorithm::Ecdsa(EcdsaCurve::P256), "ecdsa P-256"),
                Some(P384) => known(KeyAlgorithm::Ecdsa(EcdsaCurve::P384), "ecdsa P-384"),
                Some(P521) => known(KeyAlgorithm::Ecdsa(EcdsaCurve::P521), "ecdsa P-521"),
                Some(SECP256K1) => (None, "ec secp256k1".to_owned()),
                Some(other) => (None, format!("ec on curve {other}")),
                None => (
                    None,
                    "ec with explicit or missing curve parameters".to_owned(),
                ),
            }
        }
        RSA_ENCRYPTION => match rsa_modulus(spki.subject_public_key) {
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
        spki_der: der.to_vec(),
    })
}

/// The modulus of a PKCS#1 `RSAPublicKey` (RFC 8017 §A.1.1), sign byte and all.
fn rsa_modulus(key: BitStringRef<'_>) -> Option<&[u8]> {
    let key = AnyRef::from_der(key.as_bytes()?).ok()?;
    key.sequence(|reader| {
        let modulus = AnyRef::decode(reader)?;
        modulus.tag().assert_eq(Tag::Integer)?;
        let exponent = AnyRef::decode(reader)?;
        exponent.tag().assert_eq(Tag::Integer)?;
        Ok::<_, der::Error>(modulus.value())
    })
    .ok()
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

pub(crate) const EC_PUBLIC_KEY: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
pub(crate) const RSA_ENCRYPTION: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
pub(crate) const ED25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");
const ED448: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.113");
const X25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.110");
const X448: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.111");
const DSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10040.4.1");
const RSASSA_PSS: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.10");
pub(crate) const P256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
pub(crate) const P384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.34");
pub(crate) const P521: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.35");
const SECP256K1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.10");
