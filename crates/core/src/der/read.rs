//! Reading DER one TLV at a time: [`Reader`] walks the elements of a value,
//! [`Tlv`] is one element with typed accessors, [`parse`] reads exactly one.
//! Every refusal is a [`DerError`] with the byte offset it happened at.

use std::fmt;

use super::oid::Oid;
use super::tag;

/// How deep constructed values may nest (a certificate needs about 8).
pub(crate) const MAX_DEPTH: u8 = 32;

/// Why DER input was refused, and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct DerError {
    /// The offset in the input of the element (or byte) at fault.
    pub(crate) at: usize,
    pub(crate) problem: Problem,
}

/// What was wrong with DER input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Problem {
    /// The input ends inside a tag, length or value.
    Truncated,
    /// The BER indefinite-length form (`0x80`).
    IndefiniteLength,
    /// A length not in its shortest form.
    NonMinimalLength,
    /// A length of more than four octets.
    LengthTooLarge,
    /// A tag number of 31 or more (the multi-octet form).
    HighTagNumber,
    /// A universal tag with the wrong constructed bit (DER strings are primitive).
    WrongForm(u8),
    /// Another tag than the one expected (`None`: no tag fits here).
    UnexpectedTag { expected: Option<u8>, got: u8 },
    /// Bytes after the last element.
    TrailingData(usize),
    /// A value its type does not allow (non-minimal INTEGER, BOOLEAN not 0 or FF, ...).
    Malformed(u8),
    /// Nested deeper than [`MAX_DEPTH`]: the input may be well-formed, but
    /// csrcraft does not read it.
    TooDeep,
    /// A version number above the highest the format defines. (Small fields:
    /// every `Result` of this module carries a `Problem`.)
    UnknownVersion { got: u32, highest: u8 },
}

impl fmt::Display for DerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.problem, self.at)?;
        match self.problem {
            // The limit is csrcraft's, not DER's: the input may well be valid.
            Problem::TooDeep => write!(
                f,
                "; csrcraft reads at most {MAX_DEPTH} (a certificate needs about 8)"
            ),
            Problem::UnknownVersion { highest: 0, .. } => {
                f.write_str("; this format's only version is encoded as 0")
            }
            Problem::UnknownVersion { highest, .. } => {
                write!(f, "; this format's versions are encoded as 0 to {highest}")
            }
            _ => Ok(()),
        }
    }
}

impl std::error::Error for DerError {}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::Truncated => f.write_str("the input ends inside a DER element"),
            Self::IndefiniteLength => f.write_str("indefinite length (BER), which DER forbids"),
            Self::NonMinimalLength => f.write_str("length not in its shortest form"),
            Self::LengthTooLarge => f.write_str("length of more than four octets"),
            Self::HighTagNumber => f.write_str("tag number of 31 or more, which is not supported"),
            Self::WrongForm(got) => write!(f, "{} with the wrong constructed bit", tag::name(got)),
            Self::UnexpectedTag {
                expected: Some(expected),
                got,
            } => write!(
                f,
                "unexpected ASN.1 DER tag: expected {}, got {}",
                tag::name(expected),
                tag::name(got)
            ),
            Self::UnexpectedTag {
                expected: None,
                got,
            } => write!(f, "unexpected ASN.1 DER tag: {}", tag::name(got)),
            Self::TrailingData(count) => write!(f, "{count} bytes of trailing data"),
            Self::Malformed(got) => write!(f, "malformed {}", tag::name(got)),
            Self::TooDeep => write!(f, "DER nesting deeper than {MAX_DEPTH} levels"),
            Self::UnknownVersion { got, .. } => write!(f, "unknown version, encoded as {got},"),
        }
    }
}

/// The result of reading DER.
pub(crate) type Result<T, E = DerError> = std::result::Result<T, E>;

/// Reads `der` as exactly one element; nothing may follow it.
pub(crate) fn parse(der: &[u8]) -> Result<Tlv<'_>> {
    let mut reader = Reader::new(der);
    let element = reader.read_any()?;
    check_nesting(&element)?;
    reader.finish()?;
    Ok(element)
}

/// `Err` ([`Problem::TooDeep`]) when constructed values nest deeper than
/// [`MAX_DEPTH`] anywhere inside `element`.
///
/// The typed readers stop at the first element out of place, which in a deep
/// value is usually a missing one, and would report that instead of the depth.
/// Other faults are left to them: the walk stops where the structure does not
/// parse. Each element is visited once; the recursion is at most `MAX_DEPTH` deep.
pub(crate) fn check_nesting(element: &Tlv<'_>) -> Result<()> {
    if element.tag & 0x20 == 0 {
        // Primitive: no elements inside.
        return Ok(());
    }
    let mut reader = match element.contents() {
        Ok(reader) => reader,
        Err(e) if e.problem == Problem::TooDeep => return Err(e),
        Err(_) => return Ok(()),
    };
    while !reader.is_empty() {
        match reader.read_any() {
            Ok(child) => check_nesting(&child)?,
            Err(_) => return Ok(()),
        }
    }
    Ok(())
}

/// A cursor over consecutive DER elements: the input, or a value's contents.
#[derive(Clone, Debug)]
pub(crate) struct Reader<'a> {
    input: &'a [u8],
    position: usize,
    /// The offset of `input` in the outermost input, for messages.
    base: usize,
    depth: u8,
}

impl<'a> Reader<'a> {
    /// A reader over the outermost input.
    pub(crate) fn new(input: &'a [u8]) -> Self {
        Self {
            input,
            position: 0,
            base: 0,
            depth: 0,
        }
    }

    /// True when every element has been read.
    pub(crate) fn is_empty(&self) -> bool {
        self.position >= self.input.len()
    }

    /// The bytes not read yet.
    pub(crate) fn rest(&self) -> &'a [u8] {
        self.input.get(self.position..).unwrap_or_default()
    }

    /// The next element's tag, if there is one.
    pub(crate) fn peek_tag(&self) -> Option<u8> {
        self.rest().first().copied()
    }

    /// `Err` unless every element has been read.
    pub(crate) fn finish(&self) -> Result<()> {
        match self.rest().len() {
            0 => Ok(()),
            count => Err(self.error_here(Problem::TrailingData(count))),
        }
    }

    /// The next element, whatever its tag.
    pub(crate) fn read_any(&mut self) -> Result<Tlv<'a>> {
        let start = self.position;
        let at = self.base + start;
        let rest = self.rest();
        let fail = |problem| Err(DerError { at, problem });
        let Some(&identifier) = rest.first() else {
            return fail(Problem::Truncated);
        };
        if identifier & 0x1f == 0x1f {
            return fail(Problem::HighTagNumber);
        }
        if identifier == 0 {
            return fail(Problem::UnexpectedTag {
                expected: None,
                got: 0,
            });
        }
        if identifier & 0xc0 == 0 {
            let number = identifier & 0x1f;
            let constructed = identifier & 0x20 != 0;
            if constructed != matches!(number, 0x10 | 0x11) {
                return fail(Problem::WrongForm(identifier));
            }
        }
        let Some(&first) = rest.get(1) else {
            return fail(Problem::Truncated);
        };
        let (length, header) = match first {
            0..=0x7f => (usize::from(first), 2),
            0x80 => return fail(Problem::IndefiniteLength),
            _ => {
                let count = usize::from(first & 0x7f);
                if count > 4 {
                    return fail(Problem::LengthTooLarge);
                }
                let Some(octets) = rest.get(2..2 + count) else {
                    return fail(Problem::Truncated);
                };
                let length = octets
                    .iter()
                    .fold(0usize, |length, &b| (length << 8) | usize::from(b));
                if octets.first() == Some(&0) || length < 0x80 {
                    return fail(Problem::NonMinimalLength);
                }
                (length, 2 + count)
            }
        };
        let Some(der) = rest.get(..header.saturating_add(length)) else {
            return fail(Problem::Truncated);
        };
        self.position = start + der.len();
        Ok(Tlv {
            tag: identifier,
            value: der.get(header..).unwrap_or_default(),
            der,
            at,
            depth: self.depth,
        })
    }

    /// The next element, which must have the tag `expected`.
    pub(crate) fn read(&mut self, expected: u8) -> Result<Tlv<'a>> {
        self.read_any()?.expect(expected)
    }

    /// The next element if it has the tag `expected` (an OPTIONAL field), else `None`.
    pub(crate) fn optional(&mut self, expected: u8) -> Result<Option<Tlv<'a>>> {
        if self.peek_tag() == Some(expected) {
            self.read_any().map(Some)
        } else {
            Ok(None)
        }
    }

    fn error_here(&self, problem: Problem) -> DerError {
        DerError {
            at: self.base + self.position,
            problem,
        }
    }
}

/// One DER element: its tag, its value and its whole encoding.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tlv<'a> {
    /// The identifier octet.
    pub(crate) tag: u8,
    /// The contents octets.
    pub(crate) value: &'a [u8],
    /// The whole element: tag, length and value.
    pub(crate) der: &'a [u8],
    /// The element's offset in the outermost input.
    pub(crate) at: usize,
    depth: u8,
}

impl<'a> Tlv<'a> {
    /// `self`, when its tag is `expected`.
    pub(crate) fn expect(self, expected: u8) -> Result<Self> {
        if self.tag == expected {
            Ok(self)
        } else {
            Err(self.error(Problem::UnexpectedTag {
                expected: Some(expected),
                got: self.tag,
            }))
        }
    }

    /// A reader over the elements inside this (constructed) value.
    pub(crate) fn contents(&self) -> Result<Reader<'a>> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error(Problem::TooDeep));
        }
        Ok(Reader {
            input: self.value,
            position: 0,
            base: self.at + (self.der.len() - self.value.len()),
            depth: self.depth + 1,
        })
    }

    /// The elements inside, when the tag is `expected` (a SEQUENCE OF or SET OF).
    pub(crate) fn children(&self, expected: u8) -> Result<Vec<Tlv<'a>>> {
        let mut reader = self.expect(expected)?.contents()?;
        let mut elements = Vec::new();
        while !reader.is_empty() {
            elements.push(reader.read_any()?);
        }
        Ok(elements)
    }

    /// The one element inside this value (an EXPLICIT tag, or DER in an OCTET STRING).
    pub(crate) fn inner(&self) -> Result<Tlv<'a>> {
        let mut reader = self.contents()?;
        let inner = reader.read_any()?;
        reader.finish()?;
        Ok(inner)
    }

    /// An OBJECT IDENTIFIER.
    pub(crate) fn oid(&self) -> Result<Oid<'a>> {
        let value = self.expect(tag::OID)?.value;
        Oid::from_der_value(value).ok_or_else(|| self.malformed())
    }

    /// An `AlgorithmIdentifier` (RFC 5280 §4.1.1.2): the OID, and the
    /// parameters if any.
    pub(crate) fn algorithm_identifier(&self) -> Result<(Oid<'a>, Option<Tlv<'a>>)> {
        let mut reader = self.expect(tag::SEQUENCE)?.contents()?;
        let oid = reader.read_any()?.oid()?;
        let parameters = if reader.is_empty() {
            None
        } else {
            Some(reader.read_any()?)
        };
        reader.finish()?;
        Ok((oid, parameters))
    }

    /// A BOOLEAN: one octet, `00` or `FF`.
    pub(crate) fn boolean(&self) -> Result<bool> {
        match self.expect(tag::BOOLEAN)?.value {
            [0x00] => Ok(false),
            [0xff] => Ok(true),
            _ => Err(self.malformed()),
        }
    }

    /// An INTEGER's content octets, two's complement, in DER's minimal
    /// encoding (X.690 §8.3.2): not empty, and no leading `00` or `FF`
    /// octet that only repeats the next octet's sign bit.
    pub(crate) fn integer(&self) -> Result<&'a [u8]> {
        match self.expect(tag::INTEGER)?.value {
            [] => Err(self.malformed()),
            [0, next, ..] if *next < 0x80 => Err(self.malformed()),
            [0xff, next, ..] if *next >= 0x80 => Err(self.malformed()),
            bytes => Ok(bytes),
        }
    }

    /// A non-negative INTEGER's magnitude, big-endian, without the sign
    /// octet (`[0]` for zero). The encoding must be minimal.
    pub(crate) fn unsigned(&self) -> Result<&'a [u8]> {
        match self.integer()? {
            [first, ..] if *first >= 0x80 => Err(self.malformed()),
            [0, rest @ ..] if !rest.is_empty() => Ok(rest),
            bytes => Ok(bytes),
        }
    }

    /// A non-negative INTEGER that fits in 32 bits.
    pub(crate) fn u32(&self) -> Result<u32> {
        let bytes = self.unsigned()?;
        if bytes.len() > 4 {
            return Err(self.malformed());
        }
        Ok(bytes.iter().fold(0, |n, &b| (n << 8) | u32::from(b)))
    }

    /// A version INTEGER of at most `highest`.
    pub(crate) fn version(&self, highest: u8) -> Result<u32> {
        match self.u32()? {
            got if got > u32::from(highest) => {
                Err(self.error(Problem::UnknownVersion { got, highest }))
            }
            version => Ok(version),
        }
    }

    /// A BIT STRING: the unused-bit count and the octets.
    pub(crate) fn bit_string(&self) -> Result<BitString<'a>> {
        match self.expect(tag::BIT_STRING)?.value {
            // DER (X.690 §11.2.2): the unused bits of the last byte are zero.
            [unused, bytes @ ..]
                if *unused <= 7
                    && (*unused == 0
                        || bytes
                            .last()
                            .is_some_and(|last| last & ((1 << *unused) - 1) == 0)) =>
            {
                Ok(BitString {
                    unused_bits: *unused,
                    bytes,
                })
            }
            _ => Err(self.malformed()),
        }
    }

    /// An OCTET STRING's octets.
    pub(crate) fn octets(&self) -> Result<&'a [u8]> {
        Ok(self.expect(tag::OCTET_STRING)?.value)
    }

    /// The error `problem` at this element.
    pub(crate) fn error(&self, problem: Problem) -> DerError {
        DerError {
            at: self.at,
            problem,
        }
    }

    /// A value its tag does not allow.
    pub(crate) fn malformed(&self) -> DerError {
        self.error(Problem::Malformed(self.tag))
    }
}

/// A BIT STRING's contents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct BitString<'a> {
    /// How many bits of the last octet are not part of the string (0 to 7).
    pub(crate) unused_bits: u8,
    /// The octets, padding bits included.
    pub(crate) bytes: &'a [u8],
}

impl<'a> BitString<'a> {
    /// The octets when the string is a whole number of them (keys, signatures).
    pub(crate) fn whole_bytes(&self) -> Option<&'a [u8]> {
        (self.unused_bits == 0).then_some(self.bytes)
    }
}
