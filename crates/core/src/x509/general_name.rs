//! The subjectAltName extension (RFC 5280 §4.2.1.6): its `GeneralName`s
//! split into the kinds a spec's `hosts` can hold and the rest.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use der::asn1::{AnyRef, ObjectIdentifier};
use der::{Decode, SliceReader, Tag, Tagged};

use super::der_read::children;
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
    pub(crate) fn read(&mut self, extension_value: &[u8]) -> der::Result<()> {
        let names = AnyRef::from_der(extension_value)?;
        for name in children(names, Tag::Sequence)? {
            self.read_one(name)?;
        }
        Ok(())
    }

    fn read_one(&mut self, name: AnyRef<'_>) -> der::Result<()> {
        let Tag::ContextSpecific { number, .. } = name.tag() else {
            return Err(name.tag().unexpected_error(None).into());
        };
        let value = name.value();
        let text = || {
            std::str::from_utf8(value)
                .map(str::to_owned)
                .map_err(|_| der::Error::from(Tag::Ia5String.value_error()))
        };
        match number.value() {
            0 => {
                let oid: ObjectIdentifier =
                    ObjectIdentifier::decode(&mut SliceReader::new(value)?)?;
                self.other.push(format!("othername:{oid}"));
            }
            1 => self.hosts.push(Host::Email(text()?)),
            2 => self.hosts.push(Host::Dns(text()?)),
            3 => self.other.push("X400Name".to_owned()),
            4 => {
                let directory_name = read_name(AnyRef::from_der(value)?)?;
                self.other.push(format!("DirName:{directory_name}"));
            }
            5 => self.other.push("EdiPartyName".to_owned()),
            6 => self.hosts.push(Host::Uri(text()?)),
            7 => match ip_address(value) {
                Some(ip) => self.hosts.push(Host::Ip(ip)),
                None => self.other.push(format!("IP Address:#{}", hex(value))),
            },
            8 => {
                let oid: ObjectIdentifier = ObjectIdentifier::from_bytes(value)
                    .map_err(|_| der::Error::from(Tag::ObjectIdentifier.value_error()))?;
                self.other.push(format!("Registered ID:{oid}"));
            }
            _ => return Err(name.tag().unexpected_error(None).into()),
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
