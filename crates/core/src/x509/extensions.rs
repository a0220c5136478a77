//! Extensions (RFC 5280 §4.2) shared by certificates and CSRs: the only
//! place that knows extension and extended key usage OIDs by name.

use std::fmt;

use der::asn1::{AnyRef, BitStringRef, ObjectIdentifier};
use der::{Decode, Reader, Tag, Tagged};

use super::der_read::{children, optional};
use super::general_name::AltNames;

/// One extension of a certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExtensionInfo {
    /// openssl's short name (`subjectAltName`, `keyUsage`, `basicConstraints`,
    /// ...) or, for one not known here, the dotted OID.
    pub name: String,
    /// The dotted OID, e.g. `2.5.29.17`.
    pub oid: String,
    /// Whether the extension is marked critical.
    pub critical: bool,
}

impl fmt::Display for ExtensionInfo {
    /// The name, then ` (critical)` when critical.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)?;
        if self.critical {
            f.write_str(" (critical)")?;
        }
        Ok(())
    }
}

/// The basicConstraints extension (RFC 5280 §4.2.1.9).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BasicConstraints {
    /// `cA`: the key may sign certificates.
    pub ca: bool,
    /// `pathLenConstraint`: how many intermediate CAs may follow, if limited.
    pub path_len: Option<u32>,
}

/// One extension as encoded: its OID, criticality and DER value.
pub(crate) struct Extension<'a> {
    pub(crate) oid: ObjectIdentifier,
    pub(crate) critical: bool,
    pub(crate) value: &'a [u8],
}

/// Reads a DER `Extensions` (SEQUENCE OF Extension) in encoded order.
pub(crate) fn read_extensions(list: AnyRef<'_>) -> der::Result<Vec<Extension<'_>>> {
    children(list, Tag::Sequence)?
        .into_iter()
        .map(|extension| {
            extension.sequence(|reader| {
                let oid = reader.decode()?;
                let critical = optional(reader, Tag::Boolean)?
                    .map(|flag| flag.decode_as::<bool>())
                    .transpose()?
                    .unwrap_or(false);
                let value = AnyRef::decode(reader)?;
                value.tag().assert_eq(Tag::OctetString)?;
                Ok(Extension {
                    oid,
                    critical,
                    value: value.value(),
                })
            })
        })
        .collect()
}

/// The names of an extension.
pub(crate) fn extension_info(extension: &Extension<'_>) -> ExtensionInfo {
    let oid = extension.oid.to_string();
    ExtensionInfo {
        name: extension_name(&oid).map_or_else(|| oid.clone(), str::to_owned),
        oid,
        critical: extension.critical,
    }
}

/// Collects the alternative names of every subjectAltName extension, in
/// encoded order; `Err` names the problem when one is malformed.
pub(crate) fn alt_names<'a>(
    extensions: impl IntoIterator<Item = &'a Extension<'a>>,
) -> Result<AltNames, String> {
    let mut names = AltNames::default();
    for extension in extensions {
        if extension.oid == ObjectIdentifier::new_unwrap(SAN) {
            names
                .read(extension.value)
                .map_err(|e| format!("the subjectAltName extension is malformed ({e})"))?;
        }
    }
    Ok(names)
}

/// The keyUsage bits set, by the names Kubernetes (and cfssl) use, in bit
/// order; `None` when the value is not a BIT STRING.
pub(crate) fn key_usage_names(extension_value: &[u8]) -> Option<Vec<&'static str>> {
    const NAMES: [&str; 9] = [
        "digital signature",
        "content commitment",
        "key encipherment",
        "data encipherment",
        "key agreement",
        "cert sign",
        "crl sign",
        "encipher only",
        "decipher only",
    ];
    let bits = BitStringRef::from_der(extension_value).ok()?;
    let bytes = bits.raw_bytes();
    let set = |bit: usize| {
        bytes
            .get(bit / 8)
            .is_some_and(|byte| byte & (0x80 >> (bit % 8)) != 0)
    };
    Some(
        NAMES
            .iter()
            .enumerate()
            .filter(|(bit, _)| set(*bit))
            .map(|(_, name)| *name)
            .collect(),
    )
}

/// The basicConstraints extension; `None` when it is malformed.
pub(crate) fn basic_constraints(extension_value: &[u8]) -> Option<BasicConstraints> {
    let read = AnyRef::from_der(extension_value).and_then(|value| {
        value.sequence(|reader| {
            let ca = optional(reader, Tag::Boolean)?
                .map(|flag| flag.decode_as::<bool>())
                .transpose()?
                .unwrap_or(false);
            let path_len = optional(reader, Tag::Integer)?
                .map(|length| length.decode_as::<u32>())
                .transpose()?;
            Ok(BasicConstraints { ca, path_len })
        })
    });
    read.ok()
}

/// The extendedKeyUsage purposes in encoded order, by the names Kubernetes
/// uses (`server auth`, `client auth`, ...) or as dotted OIDs.
pub(crate) fn extended_key_usage_names(extension_value: &[u8]) -> Result<Vec<String>, String> {
    let read = AnyRef::from_der(extension_value).and_then(|value| {
        children(value, Tag::Sequence)?
            .into_iter()
            .map(|oid| oid.decode_as::<ObjectIdentifier>())
            .collect::<der::Result<Vec<_>>>()
    });
    let oids = read.map_err(|e| format!("the extendedKeyUsage extension is malformed ({e})"))?;
    Ok(oids
        .iter()
        .map(|oid| {
            let dotted = oid.to_string();
            EKU_NAMES
                .iter()
                .find(|(o, _)| *o == dotted)
                .map_or(dotted, |(_, name)| (*name).to_owned())
        })
        .collect())
}

pub(crate) const SAN: &str = "2.5.29.17";
pub(crate) const KEY_USAGE: &str = "2.5.29.15";
pub(crate) const EXTENDED_KEY_USAGE: &str = "2.5.29.37";
pub(crate) const BASIC_CONSTRAINTS: &str = "2.5.29.19";

/// openssl's short names (`crypto/objects/objects.txt`) of common extensions.
fn extension_name(oid: &str) -> Option<&'static str> {
    Some(match oid {
        "2.5.29.14" => "subjectKeyIdentifier",
        KEY_USAGE => "keyUsage",
        SAN => "subjectAltName",
        "2.5.29.18" => "issuerAltName",
        BASIC_CONSTRAINTS => "basicConstraints",
        "2.5.29.30" => "nameConstraints",
        "2.5.29.31" => "crlDistributionPoints",
        "2.5.29.32" => "certificatePolicies",
        "2.5.29.33" => "policyMappings",
        "2.5.29.35" => "authorityKeyIdentifier",
        "2.5.29.36" => "policyConstraints",
        EXTENDED_KEY_USAGE => "extendedKeyUsage",
        "2.5.29.54" => "inhibitAnyPolicy",
        "1.3.6.1.5.5.7.1.1" => "authorityInfoAccess",
        "1.3.6.1.5.5.7.1.11" => "subjectInfoAccess",
        "1.3.6.1.5.5.7.1.24" => "tlsfeature",
        "1.3.6.1.4.1.11129.2.4.2" => "ct_precert_scts",
        "1.3.6.1.4.1.11129.2.4.3" => "ct_precert_poison",
        "2.16.840.1.113730.1.1" => "nsCertType",
        "2.16.840.1.113730.1.13" => "nsComment",
        _ => return None,
    })
}

/// Kubernetes' names (`certificates.k8s.io` `KeyUsage`) of extended key usages.
const EKU_NAMES: &[(&str, &str)] = &[
    ("2.5.29.37.0", "any"),
    ("1.3.6.1.5.5.7.3.1", "server auth"),
    ("1.3.6.1.5.5.7.3.2", "client auth"),
    ("1.3.6.1.5.5.7.3.3", "code signing"),
    ("1.3.6.1.5.5.7.3.4", "email protection"),
    ("1.3.6.1.5.5.7.3.5", "ipsec end system"),
    ("1.3.6.1.5.5.7.3.6", "ipsec tunnel"),
    ("1.3.6.1.5.5.7.3.7", "ipsec user"),
    ("1.3.6.1.5.5.7.3.8", "timestamping"),
    ("1.3.6.1.5.5.7.3.9", "ocsp signing"),
    ("1.3.6.1.4.1.311.10.3.3", "microsoft sgc"),
    ("2.16.840.1.113730.4.1", "netscape sgc"),
];
