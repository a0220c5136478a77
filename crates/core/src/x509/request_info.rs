//! A CSR's `CertificationRequestInfo` (RFC 2986 §4.1), read field by field:
//! the subject, the public key and the extensions of its `extensionRequest`
//! attributes (PKCS#9, RFC 2985 §5.4.2).

use der::asn1::{AnyRef, ObjectIdentifier};
use der::{Decode, Reader, SliceReader, Tag, Tagged};

use super::der_read::{children, context, optional};
use super::extensions::{Extension, read_extensions};
use super::name::{DistinguishedName, read_name};
use super::public_key::{PublicKeyInfo, read_public_key};

/// What the requester signed.
pub(crate) struct RequestedInfo<'a> {
    pub(crate) subject: DistinguishedName,
    pub(crate) public_key: PublicKeyInfo,
    /// The extensions of every `extensionRequest`, in encoded order.
    pub(crate) extensions: Vec<Extension<'a>>,
}

impl<'a> RequestedInfo<'a> {
    /// Reads the `CertificationRequestInfo` SEQUENCE.
    pub(crate) fn read(info: AnyRef<'a>) -> der::Result<Self> {
        info.sequence(|reader| {
            AnyRef::decode(reader)?.tag().assert_eq(Tag::Integer)?;
            let subject = read_name(AnyRef::decode(reader)?)?;
            let public_key = read_public_key(reader.tlv_bytes()?)?;
            let extensions = match optional(reader, context(0, true))? {
                Some(attributes) => requested_extensions(attributes)?,
                None => Vec::new(),
            };
            Ok(Self {
                subject,
                public_key,
                extensions,
            })
        })
    }
}

/// The extensions of every `extensionRequest` among `attributes` (a
/// `[0] IMPLICIT SET OF Attribute`), in encoded order.
fn requested_extensions(attributes: AnyRef<'_>) -> der::Result<Vec<Extension<'_>>> {
    let mut extensions = Vec::new();
    for attribute in children(attributes, context(0, true))? {
        let (oid, values) = attribute.sequence(|reader: &mut SliceReader<'_>| {
            let oid = ObjectIdentifier::decode(reader)?;
            Ok::<_, der::Error>((oid, AnyRef::decode(reader)?))
        })?;
        if oid != EXTENSION_REQUEST {
            continue;
        }
        for value in children(values, Tag::Set)? {
            extensions.extend(read_extensions(value)?);
        }
    }
    Ok(extensions)
}

/// `pkcs-9-at-extensionRequest`.
const EXTENSION_REQUEST: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.14");
