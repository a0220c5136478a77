//! The kinds of key csrcraft makes and reads, as cfssl names them, the
//! signature algorithms of certificates and CSRs, and the one cfssl pairs
//! with each kind of key.

use std::fmt;

/// Elliptic curves for ECDSA keys, named by cfssl's `key.size`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EcdsaCurve {
    /// NIST P-256 (secp256r1), cfssl's default.
    P256,
    /// NIST P-384 (secp384r1).
    P384,
    /// NIST P-521 (secp521r1).
    P521,
}

/// The kind of key to generate, as cfssl's `key{algo,size}` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KeyAlgorithm {
    /// ECDSA on a NIST curve.
    Ecdsa(EcdsaCurve),
    /// RSA with a modulus of `bits` bits and exponent 65537.
    Rsa {
        /// Modulus size, within [`KeyAlgorithm::RSA_MIN_BITS`]..=[`KeyAlgorithm::RSA_MAX_BITS`].
        bits: usize,
    },
    /// Ed25519 (RFC 8410).
    Ed25519,
}

impl KeyAlgorithm {
    /// The smallest RSA modulus accepted, as cfssl.
    pub const RSA_MIN_BITS: usize = 2048;
    /// The largest RSA modulus accepted, as cfssl.
    pub const RSA_MAX_BITS: usize = 8192;
}

impl fmt::Display for KeyAlgorithm {
    /// cfssl's own naming: `ecdsa-256`, `rsa-2048`, `ed25519`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyAlgorithm::Ecdsa(EcdsaCurve::P256) => f.write_str("ecdsa-256"),
            KeyAlgorithm::Ecdsa(EcdsaCurve::P384) => f.write_str("ecdsa-384"),
            KeyAlgorithm::Ecdsa(EcdsaCurve::P521) => f.write_str("ecdsa-521"),
            KeyAlgorithm::Rsa { bits } => write!(f, "rsa-{bits}"),
            KeyAlgorithm::Ed25519 => f.write_str("ed25519"),
        }
    }
}

impl KeyAlgorithm {
    /// The signature algorithm cfssl (Go) pairs with this kind of key: RSA ≥
    /// 4096 bits SHA-512, ≥ 3072 SHA-384, else SHA-256; each curve its own
    /// hash; Ed25519 pure.
    pub fn signature_algorithm(self) -> SignatureAlgorithm {
        match self {
            KeyAlgorithm::Ecdsa(EcdsaCurve::P256) => SignatureAlgorithm::EcdsaSha256,
            KeyAlgorithm::Ecdsa(EcdsaCurve::P384) => SignatureAlgorithm::EcdsaSha384,
            KeyAlgorithm::Ecdsa(EcdsaCurve::P521) => SignatureAlgorithm::EcdsaSha512,
            KeyAlgorithm::Rsa { bits } if bits >= 4096 => SignatureAlgorithm::RsaSha512,
            KeyAlgorithm::Rsa { bits } if bits >= 3072 => SignatureAlgorithm::RsaSha384,
            KeyAlgorithm::Rsa { .. } => SignatureAlgorithm::RsaSha256,
            KeyAlgorithm::Ed25519 => SignatureAlgorithm::Ed25519,
        }
    }
}

/// `Err` with the reason when `bits` is outside the RSA sizes cfssl accepts.
pub(crate) fn check_rsa_bits(bits: usize) -> Result<(), String> {
    if (KeyAlgorithm::RSA_MIN_BITS..=KeyAlgorithm::RSA_MAX_BITS).contains(&bits) {
        Ok(())
    } else {
        Err(format!(
            "{bits} bits is outside {}..={}",
            KeyAlgorithm::RSA_MIN_BITS,
            KeyAlgorithm::RSA_MAX_BITS
        ))
    }
}

/// The byte width of a curve's field elements and scalars.
pub fn curve_field_bytes(curve: EcdsaCurve) -> usize {
    match curve {
        EcdsaCurve::P256 => 32,
        EcdsaCurve::P384 => 48,
        EcdsaCurve::P521 => 66,
    }
}

/// The algorithm a certificate or CSR says it was signed with.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
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

    /// The hash it signs with; `None` for Ed25519 (which hashes itself) and
    /// for algorithms not known here.
    pub fn hash(&self) -> Option<HashAlgorithm> {
        match self {
            Self::EcdsaSha256 | Self::RsaSha256 => Some(HashAlgorithm::Sha256),
            Self::EcdsaSha384 | Self::RsaSha384 => Some(HashAlgorithm::Sha384),
            Self::EcdsaSha512 | Self::RsaSha512 => Some(HashAlgorithm::Sha512),
            Self::Ed25519 | Self::Other(_) => None,
        }
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

/// The hash a signature algorithm signs with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HashAlgorithm {
    /// SHA-256 (FIPS 180-4).
    Sha256,
    /// SHA-384 (FIPS 180-4).
    Sha384,
    /// SHA-512 (FIPS 180-4).
    Sha512,
}

impl HashAlgorithm {
    /// The standard name: `SHA-256`, `SHA-384`, `SHA-512` (also WebCrypto's).
    pub fn name(self) -> &'static str {
        match self {
            Self::Sha256 => "SHA-256",
            Self::Sha384 => "SHA-384",
            Self::Sha512 => "SHA-512",
        }
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
