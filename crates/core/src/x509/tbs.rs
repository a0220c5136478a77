//! A certificate's `TBSCertificate` (RFC 5280 §4.1.2), read field by field in
//! encoded order.

use super::extensions::{Extension, read_extensions};
use super::name::{DistinguishedName, read_name};
use super::signed::read_algorithm;
use crate::der::read::Result;
use crate::der::{Tlv, tag};
use crate::key::{PublicKeyInfo, read_public_key};
use crate::time::UnixTime;
use crate::time::read_time;

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
    /// The subject exactly as encoded.
    pub(crate) subject_der: &'a [u8],
    pub(crate) public_key: PublicKeyInfo,
    pub(crate) extensions: Vec<Extension<'a>>,
}

impl<'a> Tbs<'a> {
    /// Reads the `TBSCertificate` SEQUENCE.
    pub(crate) fn read(tbs: Tlv<'a>) -> Result<Self> {
        let mut reader = tbs.expect(tag::SEQUENCE)?.contents()?;
        let version = match reader.optional(tag::context(0, true))? {
            Some(explicit) => explicit.inner()?.version(2)?, // v1 to v3
            None => 0,
        };
        // Negative and zero serials occur in the wild (RFC 5280 §4.1.2.2
        // asks readers to take them); a non-minimal encoding is not DER.
        let serial = reader.read(tag::INTEGER)?.integer()?;
        read_algorithm(&mut reader)?;
        let issuer = read_name(reader.read_any()?)?;
        let mut validity = reader.read(tag::SEQUENCE)?.contents()?;
        let not_before = read_time(validity.read_any()?)?;
        let not_after = read_time(validity.read_any()?)?;
        validity.finish()?;
        let subject_tlv = reader.read_any()?;
        let subject = read_name(subject_tlv)?;
        let public_key = read_public_key(reader.read_any()?)?;
        // issuerUniqueID and subjectUniqueID, unused since RFC 3280
        reader.optional(tag::context(1, false))?;
        reader.optional(tag::context(2, false))?;
        let extensions = match reader.optional(tag::context(3, true))? {
            Some(explicit) => read_extensions(explicit.inner()?)?,
            None => Vec::new(),
        };
        reader.finish()?;
        Ok(Self {
            version,
            serial,
            issuer,
            not_before,
            not_after,
            subject,
            subject_der: subject_tlv.der,
            public_key,
            extensions,
        })
    }
}
