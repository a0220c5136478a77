//! A certificate's `TBSCertificate` (RFC 5280 §4.1.2), read field by field in
//! encoded order.

use der::asn1::AnyRef;
use der::{Decode, Reader, Tag, Tagged};
use spki::AlgorithmIdentifierRef;

use super::asn1_time::read_time;
use super::der_read::{context, optional};
use super::extensions::{Extension, read_extensions};
use super::name::{DistinguishedName, read_name};
use super::public_key::{PublicKeyInfo, read_public_key};
use super::time::UnixTime;

/// What the issuer signed.
pub(crate) struct Tbs<'a> {
    /// The encoded version: 0, 1 or 2 (v1 to v3).
    pub(crate) version: u32,
    /// The serial's INTEGER content octets.
    pub(crate) serial: &'a [u8],
    pub(crate) issuer: DistinguishedName,
    pub(crate) not_before: UnixTime,
    pub(crate) not_after: UnixTime,
    pub(crate) subject: DistinguishedName,
    pub(crate) public_key: PublicKeyInfo,
    pub(crate) extensions: Vec<Extension<'a>>,
}

impl<'a> Tbs<'a> {
    /// Reads the `TBSCertificate` SEQUENCE.
    pub(crate) fn read(tbs: AnyRef<'a>) -> der::Result<Self> {
        tbs.sequence(|reader| {
            let version = match optional(reader, context(0, true))? {
                Some(explicit) => u32::from_der(explicit.value())?,
                None => 0,
            };
            if version > 2 {
                return Err(Tag::Integer.value_error().into());
            }
            let serial = AnyRef::decode(reader)?;
            serial.tag().assert_eq(Tag::Integer)?;
            AlgorithmIdentifierRef::decode(reader)?;
            let issuer = read_name(AnyRef::decode(reader)?)?;
            let (not_before, not_after) = AnyRef::decode(reader)?.sequence(|validity| {
                let not_before = read_time(AnyRef::decode(validity)?)?;
                let not_after = read_time(AnyRef::decode(validity)?)?;
                Ok::<_, der::Error>((not_before, not_after))
            })?;
            let subject = read_name(AnyRef::decode(reader)?)?;
            let public_key = read_public_key(reader.tlv_bytes()?)?;
            // issuerUniqueID and subjectUniqueID, unused since RFC 3280
            optional(reader, context(1, false))?;
            optional(reader, context(2, false))?;
            let extensions = match optional(reader, context(3, true))? {
                Some(explicit) => read_extensions(AnyRef::from_der(explicit.value())?)?,
                None => Vec::new(),
            };
            Ok(Self {
                version,
                serial: serial.value(),
                issuer,
                not_before,
                not_after,
                subject,
                public_key,
                extensions,
            })
        })
    }
}
