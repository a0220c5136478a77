//! The outer shape certificates and CSRs share (RFC 5280 §4.1.1,
//! RFC 2986 §4.2): the to-be-signed SEQUENCE, the signature algorithm and
//! the signature.

use der::asn1::{AnyRef, BitStringRef};
use der::{Decode, Reader, SliceReader, Tag, Tagged};
use spki::{AlgorithmIdentifierRef, ObjectIdentifier};

/// A signed structure as encoded.
pub(crate) struct Signed<'a> {
    /// The to-be-signed SEQUENCE.
    pub(crate) to_be_signed: AnyRef<'a>,
    /// Its DER, the bytes the signature covers.
    pub(crate) to_be_signed_der: &'a [u8],
    /// The signature algorithm.
    pub(crate) algorithm: ObjectIdentifier,
    /// The signature.
    pub(crate) signature: BitStringRef<'a>,
}

impl<'a> Signed<'a> {
    /// Reads the SEQUENCE at the start of `der`; also returns how many bytes
    /// follow it.
    pub(crate) fn read(der: &'a [u8]) -> der::Result<(Self, usize)> {
        let mut reader = SliceReader::new(der)?;
        let signed = reader.sequence(|reader| {
            let to_be_signed_der = reader.tlv_bytes()?;
            let to_be_signed = AnyRef::from_der(to_be_signed_der)?;
            to_be_signed.tag().assert_eq(Tag::Sequence)?;
            let algorithm = AlgorithmIdentifierRef::decode(reader)?.oid;
            let signature = BitStringRef::decode(reader)?;
            Ok::<_, der::Error>(Self {
                to_be_signed,
                to_be_signed_der,
                algorithm,
                signature,
            })
        })?;
        let rest = usize::try_from(reader.remaining_len())?;
        Ok((signed, rest))
    }

    /// The signature's bytes; empty when it has unused bits (it cannot verify).
    pub(crate) fn signature_bytes(&self) -> &'a [u8] {
        self.signature.as_bytes().unwrap_or_default()
    }
}
