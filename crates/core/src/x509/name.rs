//! Distinguished names (RFC 5280 §4.1.2.4) as read from a certificate or CSR:
//! the only place that knows attribute type OIDs by their short names.

use std::fmt;

use crate::der::read::Result;
use crate::der::{Tlv, tag};

/// A subject or issuer name, in encoded order.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
#[non_exhaustive]
pub struct DistinguishedName {
    /// The relative distinguished names in encoded order; each holds one
    /// attribute, or several for a multi-valued RDN such as `O=dev + O=ops`.
    pub rdns: Vec<Vec<NameAttribute>>,
}

/// One attribute of a distinguished name, e.g. `CN=web.example.com`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[non_exhaustive]
pub struct NameAttribute {
    /// The attribute type as a dotted OID, e.g. `2.5.4.3`.
    pub oid: String,
    /// openssl's short name for the type (`C`, `ST`, `L`, `O`, `OU`, `CN`,
    /// `serialNumber`, `emailAddress`, `street`, ...), when it has one.
    pub short_name: Option<&'static str>,
    /// The value as text. String types are decoded (BMPString as UTF-16,
    /// UniversalString as UTF-32, TeletexString as Latin-1, bytes that are not
    /// valid UTF-8 as U+FFFD); any other type is `#` and the hex of its
    /// content octets.
    pub value: String,
}

impl DistinguishedName {
    /// The first common name (`CN`), if any.
    pub fn common_name(&self) -> Option<&str> {
        self.values(COMMON_NAME).into_iter().next()
    }

    /// Every organization (`O`) value, in order; Kubernetes reads them as the
    /// user's groups.
    pub fn organizations(&self) -> Vec<&str> {
        self.values(ORGANIZATION)
    }

    /// Every value of the attribute type with the dotted OID `oid_dotted`, in order.
    pub fn values(&self, oid_dotted: &str) -> Vec<&str> {
        self.attributes()
            .filter(|a| a.oid == oid_dotted)
            .map(|a| a.value.as_str())
            .collect()
    }

    /// True when the name has no attribute at all (an empty SEQUENCE).
    pub fn is_empty(&self) -> bool {
        self.attributes().next().is_none()
    }

    /// Every attribute in encoded order, multi-valued RDNs flattened.
    pub fn attributes(&self) -> impl Iterator<Item = &NameAttribute> {
        self.rdns.iter().flatten()
    }
}

impl fmt::Display for DistinguishedName {
    /// One line in encoded order, as `openssl x509 -subject` shows it:
    /// `C=CN, ST=Beijing, O=dev + O=ops, CN=web`. Types without a short name
    /// show as their dotted OID. Characters RFC 4514 reserves (`,+"\<>;`, a
    /// leading `#` or space, a trailing space) are escaped with `\`, and
    /// control characters as `\XX` hex.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, rdn) in self.rdns.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            for (j, attribute) in rdn.iter().enumerate() {
                if j > 0 {
                    f.write_str(" + ")?;
                }
                fmt::Display::fmt(attribute, f)?;
            }
        }
        Ok(())
    }
}

impl fmt::Display for NameAttribute {
    /// `TYPE=value`, escaped as in [`DistinguishedName`]'s `Display`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.short_name.unwrap_or(&self.oid))?;
        f.write_str("=")?;
        let last = self.value.chars().count().saturating_sub(1);
        for (i, c) in self.value.chars().enumerate() {
            let edge_space = c == ' ' && (i == 0 || i == last);
            if matches!(c, ',' | '+' | '"' | '\\' | '<' | '>' | ';')
                || edge_space
                || (c == '#' && i == 0)
            {
                write!(f, "\\{c}")?;
            } else if c.is_control() {
                let mut buffer = [0; 4];
                for byte in c.encode_utf8(&mut buffer).bytes() {
                    write!(f, "\\{byte:02X}")?;
                }
            } else {
                write!(f, "{c}")?;
            }
        }
        Ok(())
    }
}

/// Reads a DER `Name` (an RDNSequence) in encoded order, multi-valued RDNs
/// as encoded (not re-sorted).
pub(crate) fn read_name(name: Tlv<'_>) -> Result<DistinguishedName> {
    let rdns = name
        .children(tag::SEQUENCE)?
        .into_iter()
        .map(|rdn| {
            rdn.children(tag::SET)?
                .into_iter()
                .map(read_attribute)
                .collect()
        })
        .collect::<Result<_>>()?;
    Ok(DistinguishedName { rdns })
}

/// One `AttributeTypeAndValue`.
fn read_attribute(attribute: Tlv<'_>) -> Result<NameAttribute> {
    let mut reader = attribute.expect(tag::SEQUENCE)?.contents()?;
    let oid = reader.read_any()?.oid()?.to_string();
    let value = reader.read_any()?;
    reader.finish()?;
    Ok(NameAttribute {
        short_name: short_name(&oid),
        value: value_text(value),
        oid,
    })
}

/// The text of one DER value.
fn value_text(value: Tlv<'_>) -> String {
    let data = value.value;
    match value.tag {
        tag::UTF8_STRING
        | tag::PRINTABLE_STRING
        | tag::IA5_STRING
        | tag::NUMERIC_STRING
        | tag::VISIBLE_STRING => String::from_utf8_lossy(data).into_owned(),
        tag::TELETEX_STRING => data.iter().map(|&b| char::from(b)).collect(),
        tag::UNIVERSAL_STRING => utf32(data),
        tag::BMP_STRING => {
            let units = data.chunks(2).map(|c| match *c {
                [high, low] => u16::from_be_bytes([high, low]),
                [high] => u16::from_be_bytes([high, 0]),
                _ => 0,
            });
            char::decode_utf16(units)
                .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                .collect()
        }
        _ => format!("#{}", hex_lower(data)),
    }
}

/// UTF-32BE, a short last word padded with zeros, invalid words as U+FFFD.
fn utf32(data: &[u8]) -> String {
    data.chunks(4)
        .map(|c| {
            let word = c
                .iter()
                .chain(std::iter::repeat(&0))
                .take(4)
                .fold(0u32, |word, &b| (word << 8) | u32::from(b));
            char::from_u32(word).unwrap_or(char::REPLACEMENT_CHARACTER)
        })
        .collect()
}

fn hex_lower(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

const COMMON_NAME: &str = "2.5.4.3";
const ORGANIZATION: &str = "2.5.4.10";

/// openssl's short names (`crypto/objects/objects.txt`) for the attribute
/// types seen in subjects.
fn short_name(oid: &str) -> Option<&'static str> {
    Some(match oid {
        "2.5.4.3" => "CN",
        "2.5.4.4" => "SN",
        "2.5.4.5" => "serialNumber",
        "2.5.4.6" => "C",
        "2.5.4.7" => "L",
        "2.5.4.8" => "ST",
        "2.5.4.9" => "street",
        "2.5.4.10" => "O",
        "2.5.4.11" => "OU",
        "2.5.4.12" => "title",
        "2.5.4.13" => "description",
        "2.5.4.15" => "businessCategory",
        "2.5.4.17" => "postalCode",
        "2.5.4.41" => "name",
        "2.5.4.42" => "GN",
        "2.5.4.43" => "initials",
        "2.5.4.44" => "generationQualifier",
        "2.5.4.46" => "dnQualifier",
        "2.5.4.65" => "pseudonym",
        "2.5.4.97" => "organizationIdentifier",
        "1.2.840.113549.1.9.1" => "emailAddress",
        "0.9.2342.19200300.100.1.1" => "UID",
        "0.9.2342.19200300.100.1.25" => "DC",
        "1.3.6.1.4.1.311.60.2.1.1" => "jurisdictionL",
        "1.3.6.1.4.1.311.60.2.1.2" => "jurisdictionST",
        "1.3.6.1.4.1.311.60.2.1.3" => "jurisdictionC",
        _ => return None,
    })
}
