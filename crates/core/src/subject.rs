//! The subject distinguished name, laid out and encoded exactly as Go's
//! `crypto/x509` (and so cfssl) does it.

use std::fmt;

use der::asn1::{Any, ObjectIdentifier, PrintableStringRef, SetOfVec, Utf8StringRef};
use der::{Decode, Encode};
use x509_cert::attr::AttributeTypeAndValue;
use x509_cert::name::{Name, RdnSequence, RelativeDistinguishedName};

use crate::spec::Spec;
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
pub struct ObjectId(ObjectIdentifier);

impl ObjectId {
    /// Parses a dotted OID found at `field`; refuses the OIDs that have their own
    /// cfssl field, since Go would then silently drop that field's values.
    pub fn parse(field: &str, text: &str) -> Result<Self> {
        let oid = ObjectIdentifier::new(text).map_err(|_| {
            Error::field(
                field,
                format!("{text:?} is not a dotted object identifier such as \"2.5.4.9\""),
            )
        })?;
        if let Some((_, cfssl_field)) = STANDARD_ATTRIBUTES.iter().find(|(o, _)| *o == oid) {
            return Err(Error::field(
                field,
                format!("{text} has its own field; use \"{cfssl_field}\" instead of OID"),
            ));
        }
        Ok(Self(oid))
    }
}

impl fmt::Display for ObjectId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

const COUNTRY: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.6");
const STATE: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.8");
const LOCALITY: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.7");
const ORGANIZATION: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.10");
const ORGANIZATIONAL_UNIT: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.11");
const COMMON_NAME: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.3");
const SERIAL_NUMBER: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.5");
const EMAIL_ADDRESS: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.1");

/// Attributes cfssl sets through a named field.
const STANDARD_ATTRIBUTES: [(ObjectIdentifier, &str); 8] = [
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
pub(crate) fn subject_name(spec: &Spec) -> Result<Name> {
    let mut rdns = RdnSequence::default();
    let pick = |field: fn(&NameEntry) -> &String| -> Vec<&str> {
        spec.names
            .iter()
            .map(|n| field(n).as_str())
            .filter(|s| !s.is_empty())
            .collect()
    };
    let multi_valued: [(ObjectIdentifier, Vec<&str>); 7] = [
        (COUNTRY, pick(|n| &n.country)),
        (STATE, pick(|n| &n.state)),
        (LOCALITY, pick(|n| &n.locality)),
        (ORGANIZATION, pick(|n| &n.organization)),
        (ORGANIZATIONAL_UNIT, pick(|n| &n.organizational_unit)),
        (COMMON_NAME, non_empty(&spec.common_name)),
        (SERIAL_NUMBER, non_empty(&spec.serial_number)),
    ];
    for (oid, values) in multi_valued {
        if !values.is_empty() {
            rdns.push(rdn(oid, &values)?);
        }
    }
    for entry in &spec.names {
        for (oid, value) in &entry.oids {
            rdns.push(rdn(oid.0, &[value])?);
        }
        if !entry.email.is_empty() {
            rdns.push(rdn(EMAIL_ADDRESS, &[&entry.email])?);
        }
    }
    // Round-tripping through DER lets x509-cert check the name as it would read one.
    let der = rdns
        .to_der()
        .map_err(|e| Error::encoding("the subject", e))?;
    Name::from_der(&der).map_err(|e| Error::encoding("the subject", e))
}

fn non_empty(text: &str) -> Vec<&str> {
    if text.is_empty() { vec![] } else { vec![text] }
}

/// One RDN holding `values` of type `oid`. DER sorts the SET, as Go does.
fn rdn(oid: ObjectIdentifier, values: &[&str]) -> Result<RelativeDistinguishedName> {
    let mut set = SetOfVec::new();
    for value in values {
        let atv = AttributeTypeAndValue {
            oid,
            value: go_string(value)?,
        };
        set.insert(atv)
            .map_err(|e| Error::encoding(format!("subject attribute {oid}"), e))?;
    }
    RelativeDistinguishedName::try_from(set.into_vec())
        .map_err(|e| Error::encoding(format!("subject attribute {oid}"), e))
}

/// Go's rule: PrintableString when every character allows it (Go also refuses
/// `*` and `&` there), else UTF8String.
fn go_string(value: &str) -> Result<Any> {
    let printable = value.chars().all(|c| {
        c.is_ascii_alphanumeric()
            || matches!(
                c,
                ' ' | '\'' | '(' | ')' | '+' | ',' | '-' | '.' | '/' | ':' | '=' | '?'
            )
    });
    let encoded = if printable {
        PrintableStringRef::new(value).and_then(|s| Any::encode_from(&s))
    } else {
        Utf8StringRef::new(value).and_then(|s| Any::encode_from(&s))
    };
    encoded.map_err(|e| Error::encoding(format!("subject value {value:?}"), e))
}
