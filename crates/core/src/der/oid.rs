//! OBJECT IDENTIFIERs (X.690 §8.19) as their DER contents octets: the
//! constants the core matches, a checked [`Oid`] read from input, and the
//! dotted text for display and for specs.

use std::fmt;

/// An OBJECT IDENTIFIER's contents octets, checked to be well-formed DER.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Oid<'a>(&'a [u8]);

impl<'a> Oid<'a> {
    /// Checks contents octets: not empty, each arc minimal base 128 (no
    /// leading `0x80`), the last arc complete, every arc within 64 bits.
    pub(crate) fn from_der_value(value: &'a [u8]) -> Option<Self> {
        arcs(value).all(|arc| arc.is_some()).then_some(())?;
        (!value.is_empty()).then_some(Self(value))
    }

    /// The contents octets.
    pub(crate) fn as_bytes(&self) -> &'a [u8] {
        self.0
    }
}

impl PartialEq<[u8]> for Oid<'_> {
    fn eq(&self, other: &[u8]) -> bool {
        self.0 == other
    }
}

impl fmt::Display for Oid<'_> {
    /// Dotted text, e.g. `2.5.29.17`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&dotted(self.0))
    }
}

/// The dotted text of contents octets; empty when they are malformed.
pub(crate) fn dotted(value: &[u8]) -> String {
    let mut text = String::new();
    for (i, arc) in arcs(value).enumerate() {
        let Some(arc) = arc else {
            return String::new();
        };
        if i == 0 {
            // The first subidentifier holds two arcs: 40 * first + second.
            let first = (arc / 40).min(2);
            text.push_str(&format!("{first}.{}", arc - 40 * first));
        } else {
            text.push_str(&format!(".{arc}"));
        }
    }
    text
}

/// The subidentifiers of contents octets; `None` for a malformed one.
fn arcs(value: &[u8]) -> impl Iterator<Item = Option<u64>> + '_ {
    let mut rest = value;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        if rest.first() == Some(&0x80) {
            rest = &[];
            return Some(None);
        }
        let mut arc: u64 = 0;
        for (i, &byte) in rest.iter().enumerate() {
            let Some(shifted) = arc.checked_mul(128) else {
                rest = &[];
                return Some(None);
            };
            arc = shifted | u64::from(byte & 0x7f);
            if byte & 0x80 == 0 {
                rest = rest.get(i + 1..).unwrap_or_default();
                return Some(Some(arc));
            }
        }
        rest = &[];
        Some(None)
    })
}

/// The contents octets of a dotted OID as specs write them (`2.5.4.9`): at
/// least two arcs, the first 0 to 2, the second 0 to 39, each within 32
/// bits, and at most [`MAX_LEN`] octets. `None` when it is not one.
pub(crate) fn from_dotted(text: &str) -> Option<Vec<u8>> {
    let mut numbers = text.split('.').map(|arc| {
        if arc.is_empty() || !arc.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        arc.parse::<u32>().ok()
    });
    let first = numbers.next()??;
    let second = numbers.next()??;
    if first > 2 || second > 39 {
        return None;
    }
    let mut bytes = vec![u8::try_from(first * 40 + second).ok()?];
    for arc in numbers {
        push_base128(&mut bytes, arc?);
    }
    (bytes.len() <= MAX_LEN).then_some(bytes)
}

/// The longest OID [`from_dotted`] accepts, in octets (as `const-oid` did).
pub(crate) const MAX_LEN: usize = 39;

fn push_base128(bytes: &mut Vec<u8>, arc: u32) {
    let groups = (1..5).take_while(|i| arc >> (7 * i) != 0).count();
    for i in (0..=groups).rev() {
        let group = ((arc >> (7 * i)) & 0x7f) as u8;
        bytes.push(if i == 0 { group } else { group | 0x80 });
    }
}

// Key algorithms (RFC 5480, RFC 8017, RFC 8410) and curves (RFC 5480).
/// `id-ecPublicKey`, 1.2.840.10045.2.1.
pub(crate) const EC_PUBLIC_KEY: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
/// `rsaEncryption`, 1.2.840.113549.1.1.1.
pub(crate) const RSA_ENCRYPTION: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
/// `id-RSASSA-PSS`, 1.2.840.113549.1.1.10.
pub(crate) const RSASSA_PSS: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a];
/// `id-Ed25519`, 1.3.101.112.
pub(crate) const ED25519: &[u8] = &[0x2b, 0x65, 0x70];
/// `id-Ed448`, 1.3.101.113.
pub(crate) const ED448: &[u8] = &[0x2b, 0x65, 0x71];
/// `id-X25519`, 1.3.101.110.
pub(crate) const X25519: &[u8] = &[0x2b, 0x65, 0x6e];
/// `id-X448`, 1.3.101.111.
pub(crate) const X448: &[u8] = &[0x2b, 0x65, 0x6f];
/// `id-dsa`, 1.2.840.10040.4.1.
pub(crate) const DSA: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x38, 0x04, 0x01];
/// `secp256r1` (P-256), 1.2.840.10045.3.1.7.
pub(crate) const P256: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];
/// `secp384r1` (P-384), 1.3.132.0.34.
pub(crate) const P384: &[u8] = &[0x2b, 0x81, 0x04, 0x00, 0x22];
/// `secp521r1` (P-521), 1.3.132.0.35.
pub(crate) const P521: &[u8] = &[0x2b, 0x81, 0x04, 0x00, 0x23];
/// `secp256k1`, 1.3.132.0.10.
pub(crate) const SECP256K1: &[u8] = &[0x2b, 0x81, 0x04, 0x00, 0x0a];

// PKCS#9 (RFC 2985) and X.509 (RFC 5280).
/// `pkcs-9-at-extensionRequest`, 1.2.840.113549.1.9.14.
pub(crate) const EXTENSION_REQUEST: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x0e];
/// `id-ce-subjectAltName`, 2.5.29.17.
pub(crate) const SUBJECT_ALT_NAME: &[u8] = &[0x55, 0x1d, 0x11];

// Password-based encryption of private keys (RFC 8018, RFC 7914, NIST's AES arcs).
/// The arc of PKCS#5 (`pkcs-5`), 1.2.840.113549.1.5: PBES1's schemes sit under it.
pub(crate) const PKCS5_ARC: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05];
/// The arc of PKCS#12's PBE schemes (`pkcs-12PbeIds`), 1.2.840.113549.1.12.1.
pub(crate) const PKCS12_PBE_ARC: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x01];
/// `id-PBES2`, 1.2.840.113549.1.5.13.
pub(crate) const PBES2: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0d];
/// `id-PBKDF2`, 1.2.840.113549.1.5.12.
pub(crate) const PBKDF2: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0c];
/// `id-scrypt`, 1.3.6.1.4.1.11591.4.11 (RFC 7914 §7).
pub(crate) const SCRYPT: &[u8] = &[0x2b, 0x06, 0x01, 0x04, 0x01, 0xda, 0x47, 0x04, 0x0b];
/// `id-hmacWithSHA1`, 1.2.840.113549.2.7.
pub(crate) const HMAC_WITH_SHA1: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x07];
/// `id-hmacWithSHA256`, 1.2.840.113549.2.9.
pub(crate) const HMAC_WITH_SHA256: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x09];
/// `id-hmacWithSHA384`, 1.2.840.113549.2.10.
pub(crate) const HMAC_WITH_SHA384: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x0a];
/// `id-hmacWithSHA512`, 1.2.840.113549.2.11.
pub(crate) const HMAC_WITH_SHA512: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x0b];
/// `aes128-CBC-PAD`, 2.16.840.1.101.3.4.1.2.
pub(crate) const AES128_CBC: &[u8] = &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x02];
/// `aes192-CBC-PAD`, 2.16.840.1.101.3.4.1.22.
pub(crate) const AES192_CBC: &[u8] = &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x16];
/// `aes256-CBC-PAD`, 2.16.840.1.101.3.4.1.42.
pub(crate) const AES256_CBC: &[u8] = &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x2a];
