//! The extensions of an issued certificate, each as Go's
//! `x509.CreateCertificate` writes it (`buildCertExtensions`), in its order:
//! keyUsage, extKeyUsage, basicConstraints, subjectKeyIdentifier,
//! authorityKeyIdentifier, subjectAltName.

use sha1::{Digest, Sha1};

use crate::der::{parse, tag, write};
use crate::{Error, Host, Result};

/// `keyUsage`'s named bits (RFC 5280 §4.2.1.3), bit 0 first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum KeyUsageBit {
    DigitalSignature = 0,
    ContentCommitment = 1,
    KeyEncipherment = 2,
    DataEncipherment = 3,
    KeyAgreement = 4,
    CertSign = 5,
    CrlSign = 6,
    EncipherOnly = 7,
    DecipherOnly = 8,
}

/// `extKeyUsage` purposes in Go's `x509.ExtKeyUsage` order, which is the
/// order kube-controller-manager sorts them in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ExtendedKeyUsage {
    Any,
    ServerAuth,
    ClientAuth,
    CodeSigning,
    EmailProtection,
    IpsecEndSystem,
    IpsecTunnel,
    IpsecUser,
    TimeStamping,
    OcspSigning,
    MicrosoftServerGatedCrypto,
    NetscapeServerGatedCrypto,
}

impl ExtendedKeyUsage {
    /// Every purpose, in Go's order.
    pub(crate) const ALL: [ExtendedKeyUsage; 12] = [
        Self::Any,
        Self::ServerAuth,
        Self::ClientAuth,
        Self::CodeSigning,
        Self::EmailProtection,
        Self::IpsecEndSystem,
        Self::IpsecTunnel,
        Self::IpsecUser,
        Self::TimeStamping,
        Self::OcspSigning,
        Self::MicrosoftServerGatedCrypto,
        Self::NetscapeServerGatedCrypto,
    ];

    /// The purpose's OID, as DER contents octets.
    fn oid(self) -> &'static [u8] {
        match self {
            Self::Any => &[0x55, 0x1d, 0x25, 0x00],
            Self::ServerAuth => &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x01],
            Self::ClientAuth => &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x02],
            Self::CodeSigning => &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x03],
            Self::EmailProtection => &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x04],
            Self::IpsecEndSystem => &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x05],
            Self::IpsecTunnel => &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x06],
            Self::IpsecUser => &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x07],
            Self::TimeStamping => &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x08],
            Self::OcspSigning => &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x09],
            Self::MicrosoftServerGatedCrypto => {
                &[0x2b, 0x06, 0x01, 0x04, 0x01, 0x82, 0x37, 0x0a, 0x03, 0x03]
            }
            Self::NetscapeServerGatedCrypto => {
                &[0x60, 0x86, 0x48, 0x01, 0x86, 0xf8, 0x42, 0x04, 0x01]
            }
        }
    }
}

const KEY_USAGE: &[u8] = &[0x55, 0x1d, 0x0f];
const EXTENDED_KEY_USAGE: &[u8] = &[0x55, 0x1d, 0x25];
const BASIC_CONSTRAINTS: &[u8] = &[0x55, 0x1d, 0x13];
const SUBJECT_KEY_IDENTIFIER: &[u8] = &[0x55, 0x1d, 0x0e];
const AUTHORITY_KEY_IDENTIFIER: &[u8] = &[0x55, 0x1d, 0x23];
const SUBJECT_ALT_NAME: &[u8] = &[0x55, 0x1d, 0x11];

/// One `Extension` SEQUENCE; `critical` is written only when true (DER
/// leaves a default out).
fn extension(oid: &[u8], critical: bool, value: &[u8]) -> Vec<u8> {
    let oid = write::tlv(tag::OID, &[oid]);
    let critical: &[u8] = if critical {
        &[tag::BOOLEAN, 1, 0xff]
    } else {
        &[]
    };
    write::sequence(&[&oid, critical, &write::tlv(tag::OCTET_STRING, &[value])])
}

/// keyUsage, critical, as a named BIT STRING: trailing zero bits dropped
/// (X.690 §11.2.2); `None` when no bit is set (Go then leaves it out).
pub(crate) fn key_usage(bits: &[KeyUsageBit]) -> Option<Vec<u8>> {
    let mask: u16 = bits.iter().fold(0, |mask, bit| mask | 1 << (*bit as u16));
    if mask == 0 {
        return None;
    }
    // Bit 0 is the first octet's most significant bit.
    let reversed = mask.reverse_bits();
    let octets = reversed.to_be_bytes();
    let length = if octets[1] == 0 { 1 } else { 2 };
    let used = &octets[..length];
    let unused = used.last().map_or(0, |last| last.trailing_zeros() as u8);
    let value = write::tlv(tag::BIT_STRING, &[&[unused], used]);
    Some(extension(KEY_USAGE, true, &value))
}

/// extKeyUsage, not critical, in the order given; `None` when empty.
pub(crate) fn extended_key_usage(purposes: &[ExtendedKeyUsage]) -> Option<Vec<u8>> {
    if purposes.is_empty() {
        return None;
    }
    let oids: Vec<Vec<u8>> = purposes
        .iter()
        .map(|purpose| write::tlv(tag::OID, &[purpose.oid()]))
        .collect();
    let oids: Vec<&[u8]> = oids.iter().map(Vec::as_slice).collect();
    Some(extension(
        EXTENDED_KEY_USAGE,
        false,
        &write::sequence(&oids),
    ))
}

/// basicConstraints, critical: `cA` only when true, no path length (Go's
/// `MaxPathLen` -1), so an end entity's is an empty SEQUENCE.
pub(crate) fn basic_constraints(ca: bool) -> Vec<u8> {
    let ca: &[u8] = if ca { &[tag::BOOLEAN, 1, 0xff] } else { &[] };
    extension(BASIC_CONSTRAINTS, true, &write::sequence(&[ca]))
}

/// The key identifier of RFC 5280 §4.2.1.2 method 1, as cfssl computes it:
/// the SHA-1 of the subjectPublicKey BIT STRING's bytes.
pub(crate) fn key_identifier(spki_der: &[u8]) -> Result<Vec<u8>> {
    let invalid = |e: crate::der::DerError| {
        Error::key_input(format!(
            "the public key is not a DER SubjectPublicKeyInfo ({e})"
        ))
    };
    let mut reader = parse(spki_der)
        .map_err(invalid)?
        .contents()
        .map_err(invalid)?;
    reader.read(tag::SEQUENCE).map_err(invalid)?;
    let key = reader
        .read(tag::BIT_STRING)
        .map_err(invalid)?
        .bit_string()
        .map_err(invalid)?;
    Ok(Sha1::digest(key.bytes).to_vec())
}

/// subjectKeyIdentifier, not critical.
pub(crate) fn subject_key_identifier(key_id: &[u8]) -> Vec<u8> {
    extension(
        SUBJECT_KEY_IDENTIFIER,
        false,
        &write::tlv(tag::OCTET_STRING, &[key_id]),
    )
}

/// authorityKeyIdentifier, not critical: `[0] keyIdentifier` only.
pub(crate) fn authority_key_identifier(key_id: &[u8]) -> Vec<u8> {
    let id = write::tlv(tag::context(0, false), &[key_id]);
    extension(AUTHORITY_KEY_IDENTIFIER, false, &write::sequence(&[&id]))
}

/// subjectAltName, critical when the subject is empty (RFC 5280 §4.2.1.6, as
/// Go marks it); `None` without hosts.
pub(crate) fn subject_alt_name(hosts: &[Host], subject_is_empty: bool) -> Result<Option<Vec<u8>>> {
    if hosts.is_empty() {
        return Ok(None);
    }
    let value = crate::csr::alt_names_value(hosts)?;
    Ok(Some(extension(SUBJECT_ALT_NAME, subject_is_empty, &value)))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn key_usage_bits_are_named_bits_with_trailing_zeros_dropped() {
        use KeyUsageBit::*;
        // The value of Go's cfssl CA (cert sign, crl sign): 03 02 01 06.
        assert_eq!(
            hex(&key_usage(&[CertSign, CrlSign]).unwrap()),
            "300e0603551d0f0101ff040403020106"
        );
        // digital signature, key encipherment: 03 02 05 a0.
        assert!(
            hex(&key_usage(&[DigitalSignature, KeyEncipherment]).unwrap()).ends_with("030205a0")
        );
        assert!(hex(&key_usage(&[DigitalSignature]).unwrap()).ends_with("03020780"));
        // decipher only is bit 8: a second octet.
        assert!(
            hex(&key_usage(&[DigitalSignature, DecipherOnly]).unwrap()).ends_with("0303078080")
        );
        assert_eq!(key_usage(&[]), None);
    }

    #[test]
    fn an_end_entity_has_empty_basic_constraints() {
        assert_eq!(
            hex(&basic_constraints(false)),
            "300c0603551d130101ff04023000"
        );
        assert_eq!(
            hex(&basic_constraints(true)),
            "300f0603551d130101ff040530030101ff"
        );
    }
}
