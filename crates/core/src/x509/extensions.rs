//! Extensions (RFC 5280 §4.2) shared by certificates and CSRs: the only
//! place that knows extension and extended key usage OIDs by name.

use std::fmt;

use super::general_name::AltNames;
use crate::der::oid::SUBJECT_ALT_NAME;
use crate::der::read::Result as DerResult;
use crate::der::{Oid, Tlv, parse, tag};

/// One extension of a certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
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
    pub(crate) oid: Oid<'a>,
    pub(crate) critical: bool,
    pub(crate) value: &'a [u8],
}

/// Reads a DER `Extensions` (SEQUENCE OF Extension) in encoded order.
pub(crate) fn read_extensions(list: Tlv<'_>) -> DerResult<Vec<Extension<'_>>> {
    list.children(tag::SEQUENCE)?
        .into_iter()
        .map(|extension| {
            let mut reader = extension.expect(tag::SEQUENCE)?.contents()?;
            let oid = reader.read_any()?.oid()?;
            let critical = match reader.optional(tag::BOOLEAN)? {
                Some(flag) => flag.boolean()?,
                None => false,
            };
            let value = reader.read(tag::OCTET_STRING)?.value;
            reader.finish()?;
            Ok(Extension {
                oid,
                critical,
                value,
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
        if extension.oid == *SUBJECT_ALT_NAME {
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
    let bits = parse(extension_value).ok()?.bit_string().ok()?;
    let bytes = bits.bytes;
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
    let read = || -> DerResult<BasicConstraints> {
        let mut reader = parse(extension_value)?.expect(tag::SEQUENCE)?.contents()?;
        let ca = match reader.optional(tag::BOOLEAN)? {
            Some(flag) => flag.boolean()?,
            None => false,
        };
        let path_len = reader
            .optional(tag::INTEGER)?
            .map(|length| length.u32())
            .transpose()?;
        reader.finish()?;
        Ok(BasicConstraints { ca, path_len })
    };
    read().ok()
}

/// The extendedKeyUsage purposes in encoded order, by the names Kubernetes
/// uses (`server auth`, `client auth`, ...) or as dotted OIDs.
pub(crate) fn extended_key_usage_names(extension_value: &[u8]) -> Result<Vec<String>, String> {
    let read = parse(extension_value).and_then(|value| {
        value
            .children(tag::SEQUENCE)?
            .into_iter()
            .map(|oid| oid.oid())
            .collect::<DerResult<Vec<_>>>()
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
pub(crate) const NAME_CONSTRAINTS: &str = "2.5.29.30";
const CRL_DISTRIBUTION_POINTS: &str = "2.5.29.31";
const SCT_LIST: &str = "1.3.6.1.4.1.11129.2.4.2";

/// The extensions path validation understands, so that it accepts them
/// marked critical; it refuses a certificate with any other critical
/// extension (RFC 5280 §4.2: "A certificate-using system MUST reject the
/// certificate if it encounters a critical extension it does not
/// recognize").
///
/// Exactly what rustls-webpki 0.103.17 accepts critical, from
/// `remember_cert_extension` in its `src/cert.rs`: keyUsage, subjectAltName,
/// basicConstraints, nameConstraints, cRLDistributionPoints and
/// extendedKeyUsage (the `id-ce` arcs it matches), and the signed certificate
/// timestamp list, which it reads whatever its criticality (0.103.13 did
/// not know it yet, and refused it critical). Any other extension critical is
/// `Error::UnsupportedCriticalExtension` there, including
/// subjectKeyIdentifier, authorityKeyIdentifier, certificatePolicies and
/// authorityInfoAccess. webpki reads a trust anchor with
/// `UnknownExtensionPolicy::IgnoreCritical`, so the list matters for leaves
/// and intermediates.
pub(crate) const UNDERSTOOD_BY_PATH_VALIDATION: &[&str] = &[
    KEY_USAGE,
    SAN,
    BASIC_CONSTRAINTS,
    NAME_CONSTRAINTS,
    CRL_DISTRIBUTION_POINTS,
    EXTENDED_KEY_USAGE,
    SCT_LIST,
];

/// openssl's short names (`crypto/objects/objects.txt`) of common extensions.
fn extension_name(oid: &str) -> Option<&'static str> {
    Some(match oid {
        "2.5.29.14" => "subjectKeyIdentifier",
        KEY_USAGE => "keyUsage",
        SAN => "subjectAltName",
        "2.5.29.18" => "issuerAltName",
        BASIC_CONSTRAINTS => "basicConstraints",
        NAME_CONSTRAINTS => "nameConstraints",
        CRL_DISTRIBUTION_POINTS => "crlDistributionPoints",
        "2.5.29.32" => "certificatePolicies",
        "2.5.29.33" => "policyMappings",
        "2.5.29.35" => "authorityKeyIdentifier",
        "2.5.29.36" => "policyConstraints",
        EXTENDED_KEY_USAGE => "extendedKeyUsage",
        "2.5.29.54" => "inhibitAnyPolicy",
        "1.3.6.1.5.5.7.1.1" => "authorityInfoAccess",
        "1.3.6.1.5.5.7.1.11" => "subjectInfoAccess",
        "1.3.6.1.5.5.7.1.24" => "tlsfeature",
        SCT_LIST => "ct_precert_scts",
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
