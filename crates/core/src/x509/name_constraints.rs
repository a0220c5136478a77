//! The nameConstraints extension (RFC 5280 §4.2.1.10): the names a CA's
//! subordinate certificates may and may not hold, shown as openssl shows them.

use std::fmt;

use super::general_name::{GeneralName, read_general_name};
use super::name::DistinguishedName;
use crate::der::read::Result;
use crate::der::{Tlv, parse, tag};

/// The nameConstraints extension (RFC 5280 §4.2.1.10), subtrees in encoded order.
///
/// ```text
/// NameConstraints ::= SEQUENCE {
///      permittedSubtrees       [0]     GeneralSubtrees OPTIONAL,
///      excludedSubtrees        [1]     GeneralSubtrees OPTIONAL }
///
/// GeneralSubtrees ::= SEQUENCE SIZE (1..MAX) OF GeneralSubtree
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct NameConstraints {
    /// `permittedSubtrees`: when a kind of name has any, a name of that kind
    /// must be within one of them. Empty when absent.
    pub permitted: Vec<GeneralSubtree>,
    /// `excludedSubtrees`: no name may be within any of them. Empty when absent.
    pub excluded: Vec<GeneralSubtree>,
}

/// One subtree of [`NameConstraints`]: its `base`, a `GeneralName`.
///
/// ```text
/// GeneralSubtree ::= SEQUENCE {
///      base                    GeneralName,
///      minimum         [0]     BaseDistance DEFAULT 0,
///      maximum         [1]     BaseDistance OPTIONAL }
///
/// BaseDistance ::= INTEGER (0..MAX)
/// ```
///
/// `minimum` and `maximum` are checked to be well-formed and then dropped:
/// RFC 5280 fixes them (minimum 0, maximum absent) and path validation
/// ignores them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GeneralSubtree {
    /// A `dNSName`: the name and every name below it (`example.com`), or,
    /// with a leading dot, only the names below it.
    Dns(String),
    /// An `iPAddress`: a network, as an address and a mask of the same
    /// length (4 octets each for IPv4, 16 for IPv6).
    Ip {
        /// The network's address.
        address: Vec<u8>,
        /// The mask: the bits set are the ones an address must share.
        mask: Vec<u8>,
    },
    /// An `rfc822Name`: a mailbox (`root@example.com`), every mailbox at a
    /// host (`example.com`), or at any host in a domain (`.example.com`).
    Email(String),
    /// A `uniformResourceIdentifier`: the host part a URI must have
    /// (`host.example.com`), or a domain it must be in (`.example.com`).
    Uri(String),
    /// A `directoryName`: the names whose leading RDNs are these.
    Directory(DistinguishedName),
    /// Any other kind (`othername:1.2.3.4`, `Registered ID:1.2.3.4`,
    /// `X400Name`, `EdiPartyName`), or an `iPAddress` whose length is neither
    /// 8 nor 32 octets (`IP Address:#` and its hex), as openssl shows it.
    Other(String),
}

impl fmt::Display for GeneralSubtree {
    /// As `openssl x509 -text` shows it: `DNS:example.com`,
    /// `IP:10.0.0.0/255.0.0.0`, `IP:2001:DB8:0:0:0:0:0:0/FFFF:FFFF:0:0:0:0:0:0`,
    /// `email:example.com`, `URI:.example.com`, `DirName:O=csrcraft`; only
    /// `DirName` differs, showing the name as `CN=x, O=y` where openssl
    /// writes `CN = x, O = y`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Dns(dns) => write!(f, "DNS:{dns}"),
            Self::Ip { address, mask } => {
                f.write_str("IP:")?;
                write_ip(f, address)?;
                f.write_str("/")?;
                write_ip(f, mask)
            }
            Self::Email(email) => write!(f, "email:{email}"),
            Self::Uri(uri) => write!(f, "URI:{uri}"),
            Self::Directory(name) => write!(f, "DirName:{name}"),
            Self::Other(text) => f.write_str(text),
        }
    }
}

/// openssl's form of an address in a constraint: IPv4 dotted, anything else
/// as 16-bit groups of uppercase hex without leading zeros, all of them
/// written (`2001:DB8:0:0:0:0:0:0`).
fn write_ip(f: &mut fmt::Formatter<'_>, octets: &[u8]) -> fmt::Result {
    if let [a, b, c, d] = octets {
        return write!(f, "{a}.{b}.{c}.{d}");
    }
    for (i, group) in octets.chunks(2).enumerate() {
        if i > 0 {
            f.write_str(":")?;
        }
        let value = group.iter().fold(0u16, |n, &b| (n << 8) | u16::from(b));
        write!(f, "{value:X}")?;
    }
    Ok(())
}

/// Reads a nameConstraints extension's DER value. An empty `GeneralSubtrees`
/// (the ASN.1 says `SIZE (1..MAX)`) and a negative or non-minimal
/// `BaseDistance` are refused as malformed.
pub(crate) fn read_name_constraints(extension_value: &[u8]) -> Result<NameConstraints> {
    let mut reader = parse(extension_value)?.expect(tag::SEQUENCE)?.contents()?;
    let mut subtrees = |number| -> Result<Vec<GeneralSubtree>> {
        match reader.optional(tag::context(number, true))? {
            Some(list) => read_subtrees(list),
            None => Ok(Vec::new()),
        }
    };
    let permitted = subtrees(0)?;
    let excluded = subtrees(1)?;
    reader.finish()?;
    Ok(NameConstraints {
        permitted,
        excluded,
    })
}

/// `[n] IMPLICIT GeneralSubtrees`: one or more `GeneralSubtree` SEQUENCEs.
fn read_subtrees(list: Tlv<'_>) -> Result<Vec<GeneralSubtree>> {
    let mut reader = list.contents()?;
    if reader.is_empty() {
        return Err(list.malformed());
    }
    let mut subtrees = Vec::new();
    while !reader.is_empty() {
        subtrees.push(read_subtree(reader.read(tag::SEQUENCE)?)?);
    }
    Ok(subtrees)
}

fn read_subtree(subtree: Tlv<'_>) -> Result<GeneralSubtree> {
    let mut reader = subtree.contents()?;
    let base = read_general_name(reader.read_any()?)?;
    // minimum [0], then maximum [1], both IMPLICIT BaseDistance.
    for number in [0, 1] {
        if let Some(mut distance) = reader.optional(tag::context(number, false))? {
            distance.tag = tag::INTEGER;
            distance.unsigned()?;
        }
    }
    reader.finish()?;
    Ok(match base {
        GeneralName::Dns(dns) => GeneralSubtree::Dns(dns),
        GeneralName::Email(email) => GeneralSubtree::Email(email),
        GeneralName::Uri(uri) => GeneralSubtree::Uri(uri),
        GeneralName::Directory(name) => GeneralSubtree::Directory(name),
        GeneralName::Ip(octets) if matches!(octets.len(), 8 | 32) => {
            let (address, mask) = octets.split_at(octets.len() / 2);
            GeneralSubtree::Ip {
                address: address.to_vec(),
                mask: mask.to_vec(),
            }
        }
        other => GeneralSubtree::Other(other.openssl_text()),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::{GeneralSubtree, NameConstraints, read_name_constraints};

    /// `NameConstraints` with `permitted` as its `[0]` contents.
    fn permitted(subtrees: &[u8]) -> Vec<u8> {
        let mut list = vec![0xa0, u8::try_from(subtrees.len()).unwrap()];
        list.extend_from_slice(subtrees);
        let mut der = vec![0x30, u8::try_from(list.len()).unwrap()];
        der.extend(list);
        der
    }

    #[track_caller]
    fn check_error(der: &[u8], expected: &str) {
        let error = read_name_constraints(der).unwrap_err();
        assert_eq!(error.to_string(), expected);
    }

    #[test]
    fn distances_are_read_and_dropped() {
        // DNS:a, minimum 0, maximum 5
        let der = permitted(&[
            0x30, 0x09, 0x82, 0x01, b'a', 0x80, 0x01, 0x00, 0x81, 0x01, 0x05,
        ]);
        assert_eq!(
            read_name_constraints(&der).unwrap(),
            NameConstraints {
                permitted: vec![GeneralSubtree::Dns("a".into())],
                excluded: vec![],
            }
        );
    }

    #[test]
    fn an_empty_name_constraints_has_no_subtrees() {
        assert_eq!(
            read_name_constraints(&[0x30, 0x00]).unwrap(),
            NameConstraints::default()
        );
    }

    #[test]
    fn malformed_encodings_are_refused() {
        // an empty permittedSubtrees
        check_error(
            &[0x30, 0x02, 0xa0, 0x00],
            "malformed [0] (constructed) at byte 2",
        );
        // a negative minimum
        check_error(
            &permitted(&[0x30, 0x06, 0x82, 0x01, b'a', 0x80, 0x01, 0xff]),
            "malformed INTEGER at byte 9",
        );
        // a non-minimal maximum
        check_error(
            &permitted(&[0x30, 0x07, 0x82, 0x01, b'a', 0x81, 0x02, 0x00, 0x05]),
            "malformed INTEGER at byte 9",
        );
        // maximum before minimum
        check_error(
            &permitted(&[
                0x30, 0x09, 0x82, 0x01, b'a', 0x81, 0x01, 0x05, 0x80, 0x01, 0x00,
            ]),
            "3 bytes of trailing data at byte 12",
        );
        // excluded before permitted
        check_error(
            &[
                0x30, 0x0c, 0xa1, 0x04, 0x30, 0x02, 0x82, 0x00, 0xa0, 0x04, 0x30, 0x02, 0x82, 0x00,
            ],
            "6 bytes of trailing data at byte 8",
        );
        // a dNSName with the constructed bit
        check_error(
            &permitted(&[0x30, 0x03, 0xa2, 0x01, b'a']),
            "unexpected ASN.1 DER tag: [2] (constructed) at byte 6",
        );
        // a GeneralName tag past [8]
        check_error(
            &permitted(&[0x30, 0x03, 0x89, 0x01, b'a']),
            "unexpected ASN.1 DER tag: [9] at byte 6",
        );
        // trailing bytes after the extension
        check_error(&[0x30, 0x00, 0x00], "1 bytes of trailing data at byte 2");
    }

    #[test]
    fn odd_ip_lengths_are_shown_as_openssl_shows_other_names() {
        let der = permitted(&[0x30, 0x06, 0x87, 0x04, 10, 0, 0, 0]);
        let constraints = read_name_constraints(&der).unwrap();
        assert_eq!(
            constraints.permitted,
            [GeneralSubtree::Other("IP Address:#0a000000".into())]
        );
    }

    #[test]
    fn display_is_openssls() {
        let v6 = GeneralSubtree::Ip {
            address: vec![
                0x20, 0x01, 0x0d, 0xb8, 0x0b, 0xad, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            ],
            mask: vec![
                0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            ],
        };
        assert_eq!(
            v6.to_string(),
            "IP:2001:DB8:BAD:0:0:0:0:0/FFFF:FFFF:FFFF:0:0:0:0:0"
        );
        let v4 = GeneralSubtree::Ip {
            address: vec![10, 0, 0, 0],
            mask: vec![255, 0, 0, 0],
        };
        assert_eq!(v4.to_string(), "IP:10.0.0.0/255.0.0.0");
        assert_eq!(GeneralSubtree::Dns(".a".into()).to_string(), "DNS:.a");
        assert_eq!(GeneralSubtree::Email("a".into()).to_string(), "email:a");
        assert_eq!(GeneralSubtree::Uri("a".into()).to_string(), "URI:a");
    }
}
