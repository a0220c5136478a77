//! Small helpers over `der`'s reader for the structures read by hand.

use der::asn1::AnyRef;
use der::{Decode, Reader, SliceReader, Tag, Tagged};

/// The elements of a SEQUENCE OF or SET OF `constructed` (tagged `tag`), in
/// encoded order.
pub(crate) fn children(constructed: AnyRef<'_>, tag: Tag) -> der::Result<Vec<AnyRef<'_>>> {
    constructed.tag().assert_eq(tag)?;
    let mut reader = SliceReader::new(constructed.value())?;
    let mut elements = Vec::new();
    while !reader.is_finished() {
        elements.push(AnyRef::decode(&mut reader)?);
    }
    Ok(elements)
}

/// The next element if it has the tag `tag`, else `None` (for OPTIONAL fields).
pub(crate) fn optional<'a>(
    reader: &mut SliceReader<'a>,
    tag: Tag,
) -> der::Result<Option<AnyRef<'a>>> {
    if reader.is_finished() || Tag::peek(reader)? != tag {
        return Ok(None);
    }
    AnyRef::decode(reader).map(Some)
}

/// The context-specific tag `[number]`.
pub(crate) fn context(number: u32, constructed: bool) -> Tag {
    Tag::ContextSpecific {
        constructed,
        number: der::TagNumber(number),
    }
}
