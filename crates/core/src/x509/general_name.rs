//! `GeneralName` (RFC 5280 §4.2.1.6), read once for the subjectAltName
//! extension, split into the kinds a spec's `hosts` can hold and the rest, and
//! for the name constraints' subtrees (`name_constraints.rs`).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::name::{DistinguishedName, read_name};
use crate::Host;
use crate::der::read::{Problem, Result};
use crate::der::{Oid, Tlv, parse, tag};

/// One `GeneralName`, as encoded.
///
/// ```text
/// GeneralName ::= CHOICE {
///      otherName                 [0]  OtherName,
///      rfc822Name                [1]  IA5String,
///      dNSName                   [2]  IA5String,
///      x400Address               [3]  ORAddress,
///      directoryName             [4]  Name,
///      ediPartyName              [5]  EDIPartyName,
///      uniformResourceIdentifier [6]  IA5String,
///      iPAddress                 [7]  OCTET STRING,
///      registeredID              [8]  OBJECT IDENTIFIER }
/// ```
pub(crate) enum GeneralName<'a> {
    /// `otherName`: its type-id.
    Other(Oid<'a>),
    /// `rfc822Name`.
    Email(String),
    /// `dNSName`.
    Dns(String),
    /// `x400Address`, not read further.
    X400,
    /// `directoryName`.
    Directory(DistinguishedName),
    /// `ediPartyName`, not read further.
    EdiParty,
    /// `uniformResourceIdentifier`.
    Uri(String),
    /// `iPAddress`: the octets, of whatever length.
    Ip(&'a [u8]),
    /// `registeredID`.
    RegisteredId(Oid<'a>),
}

/// Reads one `GeneralName` (the module's tags are IMPLICIT, except for the
/// CHOICE `directoryName`, which is EXPLICIT). The strings are IA5String,
/// read as UTF-8; the forms are DER's (constructed for `[0]`, `[3]`, `[4]`
/// and `[5]`, primitive for the rest).
pub(crate) fn read_general_name(name: Tlv<'_>) -> Result<GeneralName<'_>> {
    let unexpected = || {
        name.error(Problem::UnexpectedTag {
            expected: None,
            got: name.tag,
        })
    };
    let number = name.tag & 0x1f;
    let constructed = matches!(number, 0 | 3 | 4 | 5);
    if name.tag != tag::context(number, constructed) || number > 8 {
        return Err(unexpected());
    }
    let value = name.value;
    let text = || {
        std::str::from_utf8(value)
            .map(str::to_owned)
            .map_err(|_| name.malformed())
    };
    Ok(match number {
        // The type-id leads the [0] IMPLICIT OtherName SEQUENCE.
        0 => GeneralName::Other(name.contents()?.read_any()?.oid()?),
        1 => GeneralName::Email(text()?),
        2 => GeneralName::Dns(text()?),
        3 => GeneralName::X400,
        4 => GeneralName::Directory(read_name(name.inner()?)?),
        5 => GeneralName::EdiParty,
        6 => GeneralName::Uri(text()?),
        7 => GeneralName::Ip(value),
        _ => GeneralName::RegisteredId(Oid::from_der_value(value).ok_or_else(|| name.malformed())?),
    })
}

impl GeneralName<'_> {
    /// The name as a [`Host`]: a DNS name, an email address, a URI, or an
    /// IPv4 or IPv6 address (4 or 16 octets).
    pub(crate) fn host(&self) -> Option<Host> {
        Some(match self {
            Self::Email(email) => Host::Email(email.clone()),
            Self::Dns(dns) => Host::Dns(dns.clone()),
            Self::Uri(uri) => Host::Uri(uri.clone()),
            Self::Ip(octets) => Host::Ip(ip_address(octets)?),
            _ => return None,
        })
    }

    /// The name as openssl shows it: `DNS:x`, `email:x`, `URI:x`,
    /// `othername:1.2.3.4`, `X400Name`, `DirName:CN=x`, `EdiPartyName`,
    /// `Registered ID:1.2.3.4`, and an `iPAddress` as `IP Address:#` and the
    /// hex of its octets.
    pub(crate) fn openssl_text(&self) -> String {
        match self {
            Self::Other(oid) => format!("othername:{oid}"),
            Self::Email(email) => format!("email:{email}"),
            Self::Dns(dns) => format!("DNS:{dns}"),
            Self::X400 => "X400Name".to_owned(),
            Self::Directory(directory_name) => format!("DirName:{directory_name}"),
            Self::EdiParty => "EdiPartyName".to_owned(),
            Self::Uri(uri) => format!("URI:{uri}"),
            Self::Ip(octets) => format!("IP Address:#{}", hex(octets)),
            Self::RegisteredId(oid) => format!("Registered ID:{oid}"),
        }
    }
}

/// Alternative names split into the kinds a spec's `hosts` can hold and the rest.
#[derive(Default)]
pub(crate) struct AltNames {
    pub(crate) hosts: Vec<Host>,
    pub(crate) other: Vec<String>,
}

impl AltNames {
    /// Adds the names of a subjectAltName extension's DER value, in encoded order.
    pub(crate) fn read(&mut self, extension_value: &[u8]) -> Result<()> {
        for name in parse(extension_value)?.children(tag::SEQUENCE)? {
            self.read_one(name)?;
        }
        Ok(())
    }

    fn read_one(&mut self, name: Tlv<'_>) -> Result<()> {
        let name = read_general_name(name)?;
        match name.host() {
            Some(host) => self.hosts.push(host),
            None => self.other.push(name.openssl_text()),
        }
        Ok(())
    }
}

/// An IPv4 (4 octets) or IPv6 (16 octets) address.
fn ip_address(bytes: &[u8]) -> Option<IpAddr> {
    if let Ok(v4) = <[u8; 4]>::try_from(bytes) {
        return Some(IpAddr::V4(Ipv4Addr::from(v4)));
    }
    <[u8; 16]>::try_from(bytes)
        .ok()
        .map(|v6| IpAddr::V6(Ipv6Addr::from(v6)))
}

/// Lowercase hex, no separators.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
