//! The outer shape certificates and CSRs share (RFC 5280 §4.1.1,
//! RFC 2986 §4.2): the to-be-signed SEQUENCE, the signature algorithm and
//! the signature.

use crate::der::read::{BitString, Result};
use crate::der::{Oid, Reader, Tlv, tag};

/// A signed structure as encoded.
pub(crate) struct Signed<'a> {
    /// The to-be-signed SEQUENCE; its `der` is the bytes the signature covers.
    pub(crate) to_be_signed: Tlv<'a>,
    /// The signature algorithm.
    pub(crate) algorithm: Oid<'a>,
    /// The signature.
    pub(crate) signature: BitString<'a>,
}

impl<'a> Signed<'a> {
    /// Reads the SEQUENCE at the start of `der`; also returns how many bytes
    /// follow it.
    pub(crate) fn read(der: &'a [u8]) -> Result<(Self, usize)> {
        let mut outer = Reader::new(der);
        let signed = outer.read(tag::SEQUENCE)?;
        crate::der::read::check_nesting(&signed)?;
        let mut reader = signed.contents()?;
        let to_be_signed = reader.read(tag::SEQUENCE)?;
        let algorithm = read_algorithm(&mut reader)?;
        let signature = reader.read_any()?.bit_string()?;
        reader.finish()?;
        Ok((
            Self {
                to_be_signed,
                algorithm,
                signature,
            },
            outer.rest().len(),
        ))
    }

    /// The signature's bytes; empty when it has unused bits (it cannot verify).
    pub(crate) fn signature_bytes(&self) -> &'a [u8] {
        self.signature.whole_bytes().unwrap_or_default()
    }
}

/// An `AlgorithmIdentifier`'s OID.
pub(crate) fn read_algorithm<'a>(reader: &mut Reader<'a>) -> Result<Oid<'a>> {
    Ok(reader.read_any()?.algorithm_identifier()?.0)
}
