//! Standard base64 with `=` padding (RFC 4648 §4), as PEM bodies and the
//! Kubernetes API's `spec.request` and `status.certificate` hold it, through
//! the `base64` crate.
//!
//! What is ours: whitespace anywhere is skipped (the crate takes none), the
//! bytes pass only through zeroizing buffers (a PEM body may be a key), and a
//! problem is given with its offset in the text as the caller wrote it.

use std::fmt;

use base64::Engine as _;
use base64::alphabet;
use base64::engine::DecodePaddingMode;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::{DecodeError, DecodeSliceError};
use zeroize::Zeroizing;

/// What is wrong with some base64.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Base64Problem {
    /// A character outside the base64 alphabet.
    Character(char),
    /// `=` padding before the last group, or in the wrong place in it.
    Padding,
    /// The characters do not fill whole groups of four.
    Length(usize),
    /// The bits the padding leaves over are not zero (not canonical base64).
    TrailingBits,
}

impl fmt::Display for Base64Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Character(c) if c.is_ascii_graphic() => {
                write!(f, "'{c}' is not a base64 character ({ALLOWED})")
            }
            Self::Character(c) => write!(
                f,
                "U+{:04X} is not a base64 character ({ALLOWED})",
                u32::from(*c)
            ),
            Self::Padding => f.write_str("'=' padding before the end"),
            Self::Length(n) => write!(
                f,
                "{n} characters, which is not a whole number of 4-character groups; is it cut short?"
            ),
            Self::TrailingBits => f.write_str("its last group has bits set past the data"),
        }
    }
}

const ALLOWED: &str = "A-Z, a-z, 0-9, +, / and = padding";

/// The standard alphabet, padding written and required, no stray bits.
const CANONICAL: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::RequireCanonical),
);

/// Decodes canonical base64, ignoring whitespace anywhere. A problem comes
/// with its byte offset in `text`.
pub(crate) fn decode(text: &str) -> Result<Zeroizing<Vec<u8>>, (usize, Base64Problem)> {
    // The text without whitespace, in a buffer of its final size.
    let mut symbols = Zeroizing::new(Vec::with_capacity(text.len()));
    let mut char_buffer = [0u8; 4];
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        symbols.extend_from_slice(c.encode_utf8(&mut char_buffer).as_bytes());
    }
    let mut out = Zeroizing::new(vec![0; base64::decoded_len_estimate(symbols.len())]);
    let written = match CANONICAL.decode_slice(symbols.as_slice(), out.as_mut_slice()) {
        Ok(written) => written,
        Err(error) => return Err(problem(text, symbols.len(), error)),
    };
    out.truncate(written);
    Ok(out)
}

/// The crate's error as a [`Base64Problem`] at an offset in `text`, whose
/// non-whitespace bytes number `symbols`.
fn problem(text: &str, symbols: usize, error: DecodeSliceError) -> (usize, Base64Problem) {
    let last = symbols.saturating_sub(1);
    let (at, problem) = match error {
        DecodeSliceError::DecodeError(DecodeError::InvalidByte(at, b'=')) => {
            (at, Base64Problem::Padding)
        }
        DecodeSliceError::DecodeError(DecodeError::InvalidByte(at, byte)) => {
            (at, Base64Problem::Character(char::from(byte)))
        }
        DecodeSliceError::DecodeError(DecodeError::InvalidLastSymbol(..)) => {
            (last, Base64Problem::TrailingBits)
        }
        // Missing or partial padding, or a group of one: either way the
        // characters do not make whole groups of four.
        DecodeSliceError::DecodeError(
            DecodeError::InvalidLength(_) | DecodeError::InvalidPadding,
        )
        // The output buffer is decoded_len_estimate's, which the crate
        // promises is enough; were it not, this is the closest account.
        | DecodeSliceError::OutputSliceTooSmall => {
            if symbols.is_multiple_of(4) {
                (last, Base64Problem::Padding)
            } else {
                (last, Base64Problem::Length(symbols))
            }
        }
    };
    let offset = offset_in(text, at);
    let problem = match problem {
        // The whole character, which may be more than the byte reported.
        Base64Problem::Character(byte) => Base64Problem::Character(
            text.get(offset..)
                .and_then(|rest| rest.chars().next())
                .unwrap_or(byte),
        ),
        other => other,
    };
    (offset, problem)
}

/// The offset in `text` of its `index`th non-whitespace byte.
fn offset_in(text: &str, index: usize) -> usize {
    text.char_indices()
        .filter(|(_, c)| !c.is_whitespace())
        .flat_map(|(at, c)| at..at + c.len_utf8())
        .nth(index)
        .unwrap_or(text.len())
}

/// `bytes` in standard base64 with padding, on one line.
pub(crate) fn encode(bytes: &[u8]) -> String {
    let mut out = vec![0; bytes.len().div_ceil(3) * 4];
    encode_into(bytes, &mut out);
    // Base64 is ASCII.
    String::from_utf8(out).unwrap_or_default()
}

/// Encodes `bytes` into the start of `out`, which must hold
/// `bytes.len().div_ceil(3) * 4` bytes; returns that length. Nothing passes
/// through another buffer, so a secret stays where the caller put it.
pub(crate) fn encode_into(bytes: &[u8], out: &mut [u8]) -> usize {
    CANONICAL.encode_slice(bytes, out).unwrap_or_default()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(bytes: &[u8], text: &str) {
        assert_eq!(encode(bytes), text);
        assert_eq!(decode(text).unwrap().as_slice(), bytes);
    }

    #[test]
    fn rfc_4648_test_vectors() {
        check(b"", "");
        check(b"f", "Zg==");
        check(b"fo", "Zm8=");
        check(b"foo", "Zm9v");
        check(b"foob", "Zm9vYg==");
        check(b"fooba", "Zm9vYmE=");
        check(b"foobar", "Zm9vYmFy");
        check(&[0xfb, 0xff, 0xfe], "+//+");
    }

    #[track_caller]
    fn check_error(text: &str, offset: usize, problem: Base64Problem) {
        assert_eq!(decode(text).unwrap_err(), (offset, problem));
    }

    #[test]
    fn refusals_with_their_offsets() {
        check_error("Zm9v!", 4, Base64Problem::Character('!'));
        check_error("Zm9vé", 4, Base64Problem::Character('é'));
        check_error(" Zm 9v\n\u{a0}é", 9, Base64Problem::Character('é'));
        check_error("Zm=v", 2, Base64Problem::Padding);
        check_error("Z===", 1, Base64Problem::Padding);
        check_error("Zm9vY", 4, Base64Problem::Length(5));
        check_error("Zm9", 2, Base64Problem::Length(3));
        check_error("Zg=", 2, Base64Problem::Length(3));
        check_error("Zh==", 3, Base64Problem::TrailingBits);
        check_error("Zm9=", 3, Base64Problem::TrailingBits);
    }

    #[test]
    fn whitespace_is_skipped() {
        assert_eq!(decode(" Zm\n9v\tYg =\u{a0}= ").unwrap().as_slice(), b"foob");
    }

    #[test]
    fn encode_into_writes_in_place() {
        let mut out = [0u8; 8];
        assert_eq!(encode_into(b"fooba", &mut out), 8);
        assert_eq!(&out, b"Zm9vYmE=");
    }

    #[test]
    fn problems_read_as_advice() {
        assert_eq!(
            Base64Problem::Character('!').to_string(),
            "'!' is not a base64 character (A-Z, a-z, 0-9, +, / and = padding)"
        );
        assert_eq!(
            Base64Problem::Character('\u{200b}').to_string(),
            "U+200B is not a base64 character (A-Z, a-z, 0-9, +, / and = padding)"
        );
    }
}
