//! Extensions (RFC 5280 §4.2) shared by certificates and CSRs: the only
//! place that knows extension and extended key usage OIDs by name.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use x509_parser::asn1_rs::Oid;
use x509_parser::extensions::{GeneralName, KeyUsage, ParsedExtension, X509Extension};
use x509_parser::prelude::FromDer;

use super::name::read_name;
use crate::Host;

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

/// The names of an extension.
pub(crate) fn extension_info(extension: &X509Extension<'_>) -> ExtensionInfo {
    let oid = extension.oid.to_id_string();
    ExtensionInfo {
        name: extension_name(&oid).map_or_else(|| oid.clone(), str::to_owned),
        oid,
        critical: extension.critical,
    }
}

/// Alternative names split into the kinds a spec's `hosts` can hold and the rest.
#[derive(Default)]
pub(crate) struct AltNames {
    pub(crate) hosts: Vec<Host>,
    pub(crate) other: Vec<String>,
}

/// Collects the alternative names of every subjectAltName extension, in
/// encoded order; `Err` names the problem when one is malformed.
pub(crate) fn alt_names<'a>(
    extensions: impl IntoIterator<Item = &'a X509Extension<'a>>,
) -> Result<AltNames, String> {
    let mut names = AltNames::default();
    for extension in extensions {
        match extension.parsed_extension() {
            ParsedExtension::SubjectAlternativeName(san) => {
                for name in &san.general_names {
                    read_general_name(name, &mut names);
                }
            }
            ParsedExtension::ParseError { error } if extension.oid.to_id_string() == SAN => {
                return Err(format!(
                    "the subjectAltName extension is malformed ({error})"
                ));
            }
            _ => {}
        }
    }
    Ok(names)
}

fn read_general_name(name: &GeneralName<'_>, names: &mut AltNames) {
    match name {
        GeneralName::DNSName(dns) => names.hosts.push(Host::Dns((*dns).to_owned())),
        GeneralName::RFC822Name(email) => names.hosts.push(Host::Email((*email).to_owned())),
        GeneralName::URI(uri) => names.hosts.push(Host::Uri((*uri).to_owned())),
        GeneralName::IPAddress(bytes) => match ip_address(bytes) {
            Some(ip) => names.hosts.push(Host::Ip(ip)),
            None => names.other.push(format!("IP Address:#{}", hex(bytes))),
        },
        GeneralName::OtherName(oid, _) => names.other.push(format!("othername:{oid}")),
        GeneralName::DirectoryName(dn) => names.other.push(format!("DirName:{}", read_name(dn))),
        GeneralName::RegisteredID(oid) => names.other.push(format!("Registered ID:{oid}")),
        GeneralName::X400Address(_) => names.other.push("X400Name".to_owned()),
        GeneralName::EDIPartyName(_) => names.other.push("EdiPartyName".to_owned()),
        GeneralName::Invalid(tag, bytes) => {
            names
                .other
                .push(format!("invalid name (tag {}): #{}", tag.0, hex(bytes)))
        }
    }
}

fn ip_address(bytes: &[u8]) -> Option<IpAddr> {
    if let Ok(v4) = <[u8; 4]>::try_from(bytes) {
        return Some(IpAddr::V4(Ipv4Addr::from(v4)));
    }
    <[u8; 16]>::try_from(bytes)
        .ok()
        .map(|v6| IpAddr::V6(Ipv6Addr::from(v6)))
}

/// The keyUsage bits set, by the names Kubernetes (and cfssl) use, in bit order.
pub(crate) fn key_usage_names(usage: &KeyUsage) -> Vec<&'static str> {
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
    NAMES
        .iter()
        .enumerate()
        .filter(|(bit, _)| (usage.flags >> bit) & 1 == 1)
        .map(|(_, name)| *name)
        .collect()
}

/// The extendedKeyUsage purposes in encoded order, by the names Kubernetes
/// uses (`server auth`, `client auth`, ...) or as dotted OIDs.
pub(crate) fn extended_key_usage_names(extension_value: &[u8]) -> Result<Vec<String>, String> {
    let (_, oids) = <Vec<Oid<'_>>>::from_der(extension_value)
        .map_err(|e| format!("the extendedKeyUsage extension is malformed ({e})"))?;
    Ok(oids
        .iter()
        .map(|oid| {
            let dotted = oid.to_id_string();
            EKU_NAMES
                .iter()
                .find(|(o, _)| *o == dotted)
                .map_or(dotted, |(_, name)| (*name).to_owned())
        })
        .collect())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
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
