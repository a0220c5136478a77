//! The private key structures, read and written with the core's DER layer:
//! PKCS#8 `PrivateKeyInfo` (RFC 5208, RFC 5958), SEC1 `ECPrivateKey`
//! (RFC 5915) and PKCS#1 `RSAPrivateKey` (RFC 8017 §A.1.2). Buffers that
//! hold key material are `Zeroizing`.

use zeroize::Zeroizing;

use crate::der::read::Result;
use crate::der::{Oid, Tlv, parse, tag, write};

/// A PKCS#8 `PrivateKeyInfo`, version 1 or 2; attributes and the v2 public
/// key are skipped.
pub(super) struct PrivateKeyInfo<'a> {
    /// The `privateKeyAlgorithm`'s OID.
    pub(super) algorithm: Oid<'a>,
    /// Its parameters (an EC key's curve), if any.
    pub(super) parameters: Option<Tlv<'a>>,
    /// The whole `privateKeyAlgorithm` `AlgorithmIdentifier`, as encoded.
    pub(super) algorithm_der: &'a [u8],
    /// The `privateKey` OCTET STRING's contents (SEC1, PKCS#1, or an Ed25519 seed).
    pub(super) private_key: &'a [u8],
}

impl<'a> PrivateKeyInfo<'a> {
    /// Reads DER `PrivateKeyInfo`; nothing may follow it.
    pub(super) fn read(der: &'a [u8]) -> Result<Self> {
        let mut reader = parse(der)?.expect(tag::SEQUENCE)?.contents()?;
        let version = reader.read_any()?;
        let v2 = match version.u32()? {
            0 => false,
            1 => true,
            _ => return Err(version.malformed()),
        };
        let identifier = reader.read_any()?;
        let (algorithm, parameters) = identifier.algorithm_identifier()?;
        let private_key = reader.read_any()?.octets()?;
        reader.optional(tag::context(0, true))?;
        // Only version 2 carries the public key, and it must then be there.
        if reader.optional(tag::context(1, false))?.is_some() != v2 {
            return Err(version.malformed());
        }
        // Later versions may add fields, all context-specific.
        while let Some(next) = reader.peek_tag() {
            if next & 0xc0 != 0x80 {
                break;
            }
            reader.read_any()?;
        }
        reader.finish()?;
        Ok(Self {
            algorithm,
            parameters,
            algorithm_der: identifier.der,
            private_key,
        })
    }
}

/// A SEC1 `ECPrivateKey`, version 1.
pub(super) struct EcPrivateKey<'a> {
    /// The private scalar, big-endian.
    pub(super) private_key: &'a [u8],
    /// The named curve of `[0] parameters`, if present.
    pub(super) curve: Option<Oid<'a>>,
    /// The uncompressed or compressed point of `[1] publicKey`, if present.
    pub(super) public_key: Option<&'a [u8]>,
}

impl<'a> EcPrivateKey<'a> {
    /// Reads DER `ECPrivateKey`; nothing may follow it.
    pub(super) fn read(der: &'a [u8]) -> Result<Self> {
        let mut reader = parse(der)?.expect(tag::SEQUENCE)?.contents()?;
        let version = reader.read_any()?;
        if version.u32()? != 1 {
            return Err(version.malformed());
        }
        let private_key = reader.read_any()?.octets()?;
        let curve = match reader.optional(tag::context(0, true))? {
            Some(parameters) => Some(parameters.inner()?.oid()?),
            None => None,
        };
        let public_key = match reader.optional(tag::context(1, true))? {
            Some(explicit) => {
                let bits = explicit.inner()?;
                Some(
                    bits.bit_string()?
                        .whole_bytes()
                        .ok_or_else(|| bits.malformed())?,
                )
            }
            None => None,
        };
        reader.finish()?;
        Ok(Self {
            private_key,
            curve,
            public_key,
        })
    }
}

/// A PKCS#1 `RSAPrivateKey` with two primes (version 0), each INTEGER checked.
pub(super) struct RsaPrivateKey<'a> {
    /// `n`, as encoded.
    pub(super) modulus: Tlv<'a>,
    /// `e`, as encoded.
    pub(super) public_exponent: Tlv<'a>,
}

impl<'a> RsaPrivateKey<'a> {
    /// Reads DER `RSAPrivateKey`; nothing may follow it. Multi-prime keys
    /// (version 1) are refused.
    pub(super) fn read(der: &'a [u8]) -> Result<Self> {
        let mut reader = parse(der)?.expect(tag::SEQUENCE)?.contents()?;
        let version = reader.read_any()?;
        if version.u32()? != 0 {
            return Err(version.malformed());
        }
        let mut numbers = Vec::with_capacity(8);
        for _ in 0..8 {
            let number = reader.read_any()?;
            number.unsigned()?;
            numbers.push(number);
        }
        reader.finish()?;
        let (Some(modulus), Some(public_exponent)) = (numbers.first(), numbers.get(1)) else {
            return Err(version.malformed());
        };
        Ok(Self {
            modulus: *modulus,
            public_exponent: *public_exponent,
        })
    }
}

/// DER PKCS#8 v1: `algorithm` (a whole `AlgorithmIdentifier`) and the key.
pub(super) fn pkcs8(algorithm: &[u8], private_key: &[u8]) -> Zeroizing<Vec<u8>> {
    let octets = Zeroizing::new(write::tlv(tag::OCTET_STRING, &[private_key]));
    Zeroizing::new(write::sequence(&[
        &[tag::INTEGER, 1, 0],
        algorithm,
        &octets,
    ]))
}

/// DER SEC1 `ECPrivateKey` with the curve (contents octets of its OID) and
/// the public point when given, as Go's `x509.MarshalECPrivateKey` writes it.
pub(crate) fn sec1(
    private_key: &[u8],
    curve: Option<&[u8]>,
    public_key: Option<&[u8]>,
) -> Zeroizing<Vec<u8>> {
    let scalar = Zeroizing::new(write::tlv(tag::OCTET_STRING, &[private_key]));
    let curve = curve
        .map(|oid| write::tlv(tag::context(0, true), &[&write::tlv(tag::OID, &[oid])]))
        .unwrap_or_default();
    let public_key = public_key
        .map(|point| write::tlv(tag::context(1, true), &[&write::bit_string(point)]))
        .unwrap_or_default();
    Zeroizing::new(write::sequence(&[
        &[tag::INTEGER, 1, 1],
        &scalar,
        &curve,
        &public_key,
    ]))
}
