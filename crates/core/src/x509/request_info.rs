//! A CSR's `CertificationRequestInfo` (RFC 2986 §4.1), read field by field:
//! the subject, the public key and the extensions of its `extensionRequest`
//! attributes (PKCS#9, RFC 2985 §5.4.2).

use super::extensions::{Extension, read_extensions};
use super::name::{DistinguishedName, read_name};
use crate::der::oid::EXTENSION_REQUEST;
use crate::der::read::Result;
use crate::der::{Tlv, tag};
use crate::key::{PublicKeyInfo, read_public_key};

/// What the requester signed.
pub(crate) struct RequestedInfo<'a> {
    pub(crate) subject: DistinguishedName,
    pub(crate) public_key: PublicKeyInfo,
    /// The extensions of every `extensionRequest`, in encoded order.
    pub(crate) extensions: Vec<Extension<'a>>,
}

impl<'a> RequestedInfo<'a> {
    /// Reads the `CertificationRequestInfo` SEQUENCE.
    pub(crate) fn read(info: Tlv<'a>) -> Result<Self> {
        let mut reader = info.expect(tag::SEQUENCE)?.contents()?;
        reader.read(tag::INTEGER)?.version(0)?; // RFC 2986: v1 only
        let subject = read_name(reader.read_any()?)?;
        let public_key = read_public_key(reader.read_any()?)?;
        let extensions = match reader.optional(tag::context(0, true))? {
            Some(attributes) => requested_extensions(attributes)?,
            None => Vec::new(),
        };
        reader.finish()?;
        Ok(Self {
            subject,
            public_key,
            extensions,
        })
    }
}

/// The extensions of every `extensionRequest` among `attributes` (a
/// `[0] IMPLICIT SET OF Attribute`), in encoded order.
fn requested_extensions(attributes: Tlv<'_>) -> Result<Vec<Extension<'_>>> {
    let mut extensions = Vec::new();
    for attribute in attributes.children(tag::context(0, true))? {
        let mut reader = attribute.expect(tag::SEQUENCE)?.contents()?;
        let oid = reader.read_any()?.oid()?;
        // `values SET OF`, for every attribute, as openssl and x509-parser read it.
        let values = reader.read(tag::SET)?;
        reader.finish()?;
        if oid != *EXTENSION_REQUEST {
            continue;
        }
        for value in values.children(tag::SET)? {
            extensions.extend(read_extensions(value)?);
        }
    }
    Ok(extensions)
}
