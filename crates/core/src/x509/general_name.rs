//! The subjectAltName extension (RFC 5280 §4.2.1.6): its `GeneralName`s
//! split into the kinds a spec's `hosts` can hold and the rest.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::asn1::read::{Problem, Result};
use super::asn1::{Oid, Tlv, parse, tag};
use super::name::read_name;
use crate::Host;

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
        let unexpected = || {
            name.error(Problem::UnexpectedTag {
                expected: None,
                got: name.tag,
            })
        };
        if name.tag & 0xc0 != 0x80 {
            return Err(unexpected());
        }
        let value = name.value;
        let text = || {
            std::str::from_utf8(value)
                .map(str::to_owned)
                .map_err(|_| name.malformed())
        };
        match name.tag & 0x1f {
            0 => {
                // The type-id leads the [0] IMPLICIT OtherName SEQUENCE.
                let oid = name.contents()?.read_any()?.oid()?;
                self.other.push(format!("othername:{oid}"));
            }
            1 => self.hosts.push(Host::Email(text()?)),
            2 => self.hosts.push(Host::Dns(text()?)),
            3 => self.other.push("X400Name".to_owned()),
            4 => {
                let directory_name = read_name(name.inner()?)?;
                self.other.push(format!("DirName:{directory_name}"));
            }
            5 => self.other.push("EdiPartyName".to_owned()),
            6 => self.hosts.push(Host::Uri(text()?)),
            7 => match ip_address(value) {
                Some(ip) => self.hosts.push(Host::Ip(ip)),
                None => self.other.push(format!("IP Address:#{}", hex(value))),
            },
            8 => {
                let oid = Oid::from_der_value(value).ok_or_else(|| name.malformed())?;
                self.other.push(format!("Registered ID:{oid}"));
            }
            _ => return Err(unexpected()),
        }
        Ok(())
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

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
