//! The core's own DER (X.690): a non-generic TLV reader with typed errors
//! ([`read`]), a small writer ([`write`]) and OIDs as DER byte constants
//! ([`oid`]); PEM is [`crate::pem`]'s. Strict DER only: definite, minimal
//! lengths, low tag numbers, no trailing data, bounded nesting.

pub(crate) mod oid;
pub(crate) mod read;
pub(crate) mod write;

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;

pub(crate) use self::oid::Oid;
pub(crate) use self::read::{DerError, Reader, Tlv, parse};

/// Universal tags, as their identifier octets.
pub(crate) mod tag {
    pub(crate) const BOOLEAN: u8 = 0x01;
    pub(crate) const INTEGER: u8 = 0x02;
    pub(crate) const BIT_STRING: u8 = 0x03;
    pub(crate) const OCTET_STRING: u8 = 0x04;
    pub(crate) const NULL: u8 = 0x05;
    pub(crate) const OID: u8 = 0x06;
    pub(crate) const UTF8_STRING: u8 = 0x0c;
    pub(crate) const NUMERIC_STRING: u8 = 0x12;
    pub(crate) const PRINTABLE_STRING: u8 = 0x13;
    pub(crate) const TELETEX_STRING: u8 = 0x14;
    pub(crate) const IA5_STRING: u8 = 0x16;
    pub(crate) const UTC_TIME: u8 = 0x17;
    pub(crate) const GENERALIZED_TIME: u8 = 0x18;
    pub(crate) const VISIBLE_STRING: u8 = 0x1a;
    pub(crate) const UNIVERSAL_STRING: u8 = 0x1c;
    pub(crate) const BMP_STRING: u8 = 0x1e;
    pub(crate) const SEQUENCE: u8 = 0x30;
    pub(crate) const SET: u8 = 0x31;

    /// The context-specific tag `[number]` (`number` below 31).
    pub(crate) const fn context(number: u8, constructed: bool) -> u8 {
        0x80 | if constructed { 0x20 } else { 0 } | (number & 0x1f)
    }

    /// A tag's name for messages: `SEQUENCE`, `[0]`, ...
    pub(crate) fn name(tag: u8) -> String {
        let universal = match tag {
            0x00 => "end-of-contents",
            BOOLEAN => "BOOLEAN",
            INTEGER => "INTEGER",
            BIT_STRING => "BIT STRING",
            OCTET_STRING => "OCTET STRING",
            NULL => "NULL",
            OID => "OBJECT IDENTIFIER",
            0x0a => "ENUMERATED",
            UTF8_STRING => "UTF8String",
            NUMERIC_STRING => "NumericString",
            PRINTABLE_STRING => "PrintableString",
            TELETEX_STRING => "TeletexString",
            IA5_STRING => "IA5String",
            UTC_TIME => "UTCTime",
            GENERALIZED_TIME => "GeneralizedTime",
            VISIBLE_STRING => "VisibleString",
            UNIVERSAL_STRING => "UniversalString",
            BMP_STRING => "BMPString",
            SEQUENCE => "SEQUENCE",
            SET => "SET",
            _ => "",
        };
        if !universal.is_empty() {
            return universal.to_owned();
        }
        let class = match tag >> 6 {
            0 => "universal ",
            1 => "application ",
            2 => "",
            _ => "private ",
        };
        let form = if tag & 0x20 != 0 {
            " (constructed)"
        } else {
            ""
        };
        format!("{class}[{}]{form}", tag & 0x1f)
    }
}
