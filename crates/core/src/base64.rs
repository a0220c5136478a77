//! Standard base64 with `=` padding (RFC 4648 §4), as PEM bodies and the
//! Kubernetes API's `spec.request` and `status.certificate` hold it.
//!
//! Our own rather than the `base64` crate: its generic engine costs the wasm
//! about 5 KB for what is here a table and two loops.

use std::fmt;

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

/// Decodes canonical base64, ignoring whitespace anywhere. A problem comes
/// with its byte offset in `text`. The output never outgrows its first
/// buffer, so no partial copy of a secret is left behind.
pub(crate) fn decode(text: &str) -> Result<Zeroizing<Vec<u8>>, (usize, Base64Problem)> {
    let bytes = text.as_bytes();
    let mut out = Zeroizing::new(Vec::with_capacity(bytes.len() / 4 * 3));
    let mut group = 0u32;
    let mut filled = 0; // sextets in `group`
    let mut symbols = 0; // base64 characters, padding included
    let mut padding = 0;
    let mut last = 0; // offset of the last character read
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        let offset = at;
        at += 1;
        let value = SEXTETS[usize::from(byte)];
        if value == NOT_BASE64 {
            if byte == b'=' {
                // Padding completes a group of two or three characters, and
                // nothing but more of it may follow.
                if filled < 2 || filled + padding >= 4 {
                    return Err((offset, Base64Problem::Padding));
                }
                padding += 1;
                symbols += 1;
                last = offset;
                continue;
            }
            // Whitespace is skipped, ASCII or not.
            let c = text.get(offset..).and_then(|t| t.chars().next());
            match c {
                Some(c) if c.is_whitespace() => at = offset + c.len_utf8(),
                Some(c) => return Err((offset, Base64Problem::Character(c))),
                None => return Err((offset, Base64Problem::Character(char::from(byte)))),
            }
            continue;
        }
        if padding > 0 {
            return Err((offset, Base64Problem::Padding));
        }
        symbols += 1;
        last = offset;
        group = group << 6 | u32::from(value);
        filled += 1;
        if filled == 4 {
            out.extend_from_slice(&group.to_be_bytes()[1..]);
            group = 0;
            filled = 0;
        }
    }
    if symbols % 4 != 0 {
        return Err((last, Base64Problem::Length(symbols)));
    }
    match filled {
        0 => {}
        // 12 bits, of which 8 are data.
        2 if group & 0xf == 0 => out.push((group >> 4) as u8),
        // 18 bits, of which 16 are data.
        3 if group & 0x3 == 0 => out.extend_from_slice(&((group >> 2) as u16).to_be_bytes()),
        _ => return Err((last, Base64Problem::TrailingBits)),
    }
    Ok(out)
}

/// `bytes` in base64, appended to `out`.
pub(crate) fn encode_into(bytes: &[u8], out: &mut String) {
    out.reserve(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let group = chunk
            .iter()
            .enumerate()
            .fold(0u32, |group, (i, &b)| group | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                let sextet = (group >> (18 - 6 * i)) & 0x3f;
                // `sextet` is below 64, the alphabet's length.
                out.push(char::from(ALPHABET[sextet as usize]));
            } else {
                out.push('=');
            }
        }
    }
}

/// `bytes` in standard base64 with padding, on one line.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::new();
    encode_into(bytes, &mut out);
    out
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// The value of each byte as a base64 character, or [`NOT_BASE64`].
const SEXTETS: [u8; 256] = {
    let mut table = [NOT_BASE64; 256];
    let mut value = 0;
    while value < ALPHABET.len() {
        table[ALPHABET[value] as usize] = value as u8;
        value += 1;
    }
    table
};

const NOT_BASE64: u8 = 0xff;

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

    #[test]
    fn every_byte_and_length_round_trips() {
        let data: Vec<u8> = (0..=255).rev().chain(0..=255).collect();
        for len in 0..100 {
            let bytes = &data[len * 3..len * 4 + 7];
            assert_eq!(decode(&encode(bytes)).unwrap().as_slice(), bytes);
        }
    }

    #[track_caller]
    fn check_error(text: &str, offset: usize, problem: Base64Problem) {
        assert_eq!(decode(text).unwrap_err(), (offset, problem));
    }

    #[test]
    fn refusals_with_their_offsets() {
        check_error("Zm9v!", 4, Base64Problem::Character('!'));
        check_error("Zm9vé", 4, Base64Problem::Character('é'));
        check_error("Zm=v", 3, Base64Problem::Padding);
        check_error("Z===", 1, Base64Problem::Padding);
        check_error("Zm9vY", 4, Base64Problem::Length(5));
        check_error("Zh==", 3, Base64Problem::TrailingBits);
        check_error("Zm9=", 3, Base64Problem::TrailingBits);
    }

    #[test]
    fn whitespace_is_skipped() {
        assert_eq!(decode(" Zm\n9v\tYg =\u{a0}= ").unwrap().as_slice(), b"foob");
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
