//! The subject distinguished name, laid out and encoded exactly as Go's
//! `crypto/x509` (and so cfssl) does it.

use std::fmt;

use crate::der::oid::{MAX_LEN, dotted, from_dotted};
use crate::der::{tag, write};
use crate::{Error, Result};

/// One object of cfssl's `names` array; empty strings mean "not set".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NameEntry {
    /// `C`: two-letter country code.
    pub country: String,
    /// `ST`: state or province.
    pub state: String,
    /// `L`: locality (city).
    pub locality: String,
    /// `O`: organization; for Kubernetes client certificates, a group.
    pub organization: String,
    /// `OU`: organizational unit.
    pub organizational_unit: String,
    /// `E`: emailAddress attribute.
    pub email: String,
    /// `OID`: further attributes by object identifier, in the spec's order.
    pub oids: Vec<(ObjectId, String)>,
}

impl NameEntry {
    /// True when the entry sets no attribute at all.
    pub fn is_empty(&self) -> bool {
        [
            &self.country,
            &self.state,
            &self.locality,
            &self.organization,
            &self.organizational_unit,
            &self.email,
        ]
        .iter()
        .all(|s| s.is_empty())
            && self.oids.is_empty()
    }
}

/// A checked dotted object identifier such as `2.5.4.9` (streetAddress).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ObjectId {
    /// The DER contents octets, in the first `len` bytes.
    der: [u8; MAX_LEN],
    len: u8,
}

impl ObjectId {
    /// Parses a dotted OID found at `field`; refuses the OIDs that have their own
    /// cfssl field, since Go would then silently drop that field's values.
    pub fn parse(field: &str, text: &str) -> Result<Self> {
        let bytes = from_dotted(text).ok_or_else(|| {
            Error::field(
                field,
                format!(
                    "{} is not a dotted object identifier such as \"2.5.4.9\"",
                    crate::quoted(text)
                ),
            )
        })?;
        if let Some((_, cfssl_field)) = STANDARD_ATTRIBUTES.iter().find(|(o, _)| *o == bytes) {
            return Err(Error::field(
                field,
                format!("{text} has its own field; use \"{cfssl_field}\" instead of OID"),
            ));
        }
        let mut der = [0; MAX_LEN];
        for (slot, byte) in der.iter_mut().zip(&bytes) {
            *slot = *byte;
        }
        Ok(Self {
            der,
            // `from_dotted` returns at most MAX_LEN (39) octets.
            len: u8::try_from(bytes.len()).unwrap_or_default(),
        })
    }

    /// The DER contents octets.
    fn as_bytes(&self) -> &[u8] {
        self.der.get(..usize::from(self.len)).unwrap_or_default()
    }
}

impl fmt::Display for ObjectId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&dotted(self.as_bytes()))
    }
}

// The attribute types (X.520 and PKCS#9) as DER contents octets.
const COUNTRY: &[u8] = &[0x55, 0x04, 0x06];
const STATE: &[u8] = &[0x55, 0x04, 0x08];
const LOCALITY: &[u8] = &[0x55, 0x04, 0x07];
const ORGANIZATION: &[u8] = &[0x55, 0x04, 0x0a];
const ORGANIZATIONAL_UNIT: &[u8] = &[0x55, 0x04, 0x0b];
const COMMON_NAME: &[u8] = &[0x55, 0x04, 0x03];
const SERIAL_NUMBER: &[u8] = &[0x55, 0x04, 0x05];
const STREET_ADDRESS: &[u8] = &[0x55, 0x04, 0x09];
const POSTAL_CODE: &[u8] = &[0x55, 0x04, 0x11];
const EMAIL_ADDRESS: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x01];

/// Attributes cfssl sets through a named field.
const STANDARD_ATTRIBUTES: [(&[u8], &str); 8] = [
    (COUNTRY, "C"),
    (STATE, "ST"),
    (LOCALITY, "L"),
    (ORGANIZATION, "O"),
    (ORGANIZATIONAL_UNIT, "OU"),
    (COMMON_NAME, "CN"),
    (SERIAL_NUMBER, "serialnumber"),
    (EMAIL_ADDRESS, "E"),
];

/// Refuses text that has no place in a certificate (control characters, NUL).
pub(crate) fn check_text(field: &str, text: &str) -> Result<()> {
    match text.chars().find(|c| c.is_control()) {
        Some(c) => Err(Error::field(
            field,
            format!(
                "contains the control character U+{:04X}; remove it",
                u32::from(c)
            ),
        )),
        None => Ok(()),
    }
}

/// Builds the subject as Go's `pkix.Name.ToRDNSequence` does: C, ST, L, O, OU,
/// CN, SERIALNUMBER, each type one RDN holding all its values (so two `O`
/// entries become `O=a+O=b`), then every `OID` and `E` as an RDN of its own.
/// Returns the DER `Name` of a spec's `CN`, `serialnumber` and `names`.
pub(crate) fn subject_name(common_name: &str, serial_number: &str, names: &[NameEntry]) -> Vec<u8> {
    let mut rdns: Vec<Vec<u8>> = Vec::new();
    let pick = |field: fn(&NameEntry) -> &String| -> Vec<&str> {
        names
            .iter()
            .map(|n| field(n).as_str())
            .filter(|s| !s.is_empty())
            .collect()
    };
    let multi_valued: [(&[u8], Vec<&str>); 7] = [
        (COUNTRY, pick(|n| &n.country)),
        (STATE, pick(|n| &n.state)),
        (LOCALITY, pick(|n| &n.locality)),
        (ORGANIZATION, pick(|n| &n.organization)),
        (ORGANIZATIONAL_UNIT, pick(|n| &n.organizational_unit)),
        (COMMON_NAME, non_empty(common_name)),
        (SERIAL_NUMBER, non_empty(serial_number)),
    ];
    for (oid, values) in multi_valued {
        if !values.is_empty() {
            rdns.push(rdn(oid, &values));
        }
    }
    for entry in names {
        for (oid, value) in &entry.oids {
            rdns.push(rdn(oid.as_bytes(), &[value]));
        }
        if !entry.email.is_empty() {
            rdns.push(rdn(EMAIL_ADDRESS, &[&entry.email]));
        }
    }
    let parts: Vec<&[u8]> = rdns.iter().map(Vec::as_slice).collect();
    write::sequence(&parts)
}

/// The name Go writes for a certificate whose subject is copied from a CSR
/// (`pkix.Name` filled from the CSR's attributes, then `ToRDNSequence`), as
/// kube-controller-manager's signer copies it: C, ST, L, street, postalCode,
/// O, OU, each one RDN holding all its values in order, then the last CN and
/// the last serialNumber. Every other attribute type is dropped.
/// `attributes` are (dotted OID, value) pairs in encoded order.
pub(crate) fn go_copied_name<'a>(attributes: impl Iterator<Item = (&'a str, &'a str)>) -> Vec<u8> {
    const MULTI_VALUED: [(&str, &[u8]); 7] = [
        ("2.5.4.6", COUNTRY),
        ("2.5.4.8", STATE),
        ("2.5.4.7", LOCALITY),
        ("2.5.4.9", STREET_ADDRESS),
        ("2.5.4.17", POSTAL_CODE),
        ("2.5.4.10", ORGANIZATION),
        ("2.5.4.11", ORGANIZATIONAL_UNIT),
    ];
    let mut values: [Vec<&str>; 7] = Default::default();
    let (mut common_name, mut serial_number) = ("", "");
    for (oid, value) in attributes {
        match oid {
            "2.5.4.3" => common_name = value,
            "2.5.4.5" => serial_number = value,
            _ => {
                if let Some(i) = MULTI_VALUED.iter().position(|(dotted, _)| *dotted == oid)
                    && let Some(list) = values.get_mut(i)
                {
                    list.push(value);
                }
            }
        }
    }
    let mut rdns: Vec<Vec<u8>> = MULTI_VALUED
        .iter()
        .zip(&values)
        .filter(|(_, values)| !values.is_empty())
        .map(|((_, oid), values)| rdn(oid, values))
        .collect();
    for (oid, value) in [(COMMON_NAME, common_name), (SERIAL_NUMBER, serial_number)] {
        if !value.is_empty() {
            rdns.push(rdn(oid, &[value]));
        }
    }
    let parts: Vec<&[u8]> = rdns.iter().map(Vec::as_slice).collect();
    write::sequence(&parts)
}

fn non_empty(text: &str) -> Vec<&str> {
    if text.is_empty() { vec![] } else { vec![text] }
}

/// One RDN holding `values` of type `oid`: a SET OF AttributeTypeAndValue,
/// sorted by encoding as DER (and Go) sort it.
fn rdn(oid: &[u8], values: &[&str]) -> Vec<u8> {
    let oid = write::tlv(tag::OID, &[oid]);
    let mut attributes: Vec<Vec<u8>> = values
        .iter()
        .map(|value| write::sequence(&[&oid, &go_string(value)]))
        .collect();
    attributes.sort();
    let parts: Vec<&[u8]> = attributes.iter().map(Vec::as_slice).collect();
    write::tlv(tag::SET, &parts)
}

/// Go's rule: PrintableString when every character allows it (Go also refuses
/// `*` and `&` there), else UTF8String.
fn go_string(value: &str) -> Vec<u8> {
    let printable = value.chars().all(|c| {
        c.is_ascii_alphanumeric()
            || matches!(
                c,
                ' ' | '\'' | '(' | ')' | '+' | ',' | '-' | '.' | '/' | ':' | '=' | '?'
            )
    });
    let string_tag = if printable {
        tag::PRINTABLE_STRING
    } else {
        tag::UTF8_STRING
    };
    write::tlv(string_tag, &[value.as_bytes()])
}
