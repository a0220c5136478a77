//! PEM text. Reading (RFC 7468, and RFC 1421's headers for encrypted keys):
//! every block in it, in order, with any text around and between the blocks
//! ignored. Writing: one block as Go and openssl write it, base64 in lines of
//! 64 characters with `\n` line endings. The base64 is the `base64` crate's
//! (through [`crate::base64`]).
//!
//! The framing is our own, not the `pem` crate's, for what that crate cannot
//! do: its errors name neither the block nor the line (ours say "the
//! CERTIFICATE block is not valid base64: '!' at line 4"), and it decodes and
//! encodes through buffers of its own that are freed without being zeroized,
//! where a block may be a private key.

use std::fmt;

use zeroize::{Zeroize, Zeroizing};

use crate::base64::{self, Base64Problem};

/// One `-----BEGIN LABEL-----` ... `-----END LABEL-----` block, decoded.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Block<'a> {
    label: &'a str,
    /// The RFC 1421 header lines (`Proc-Type: 4,ENCRYPTED`), if any.
    headers: &'a str,
    /// Zeroized on drop: the scanner does not know which blocks are keys.
    contents: Zeroizing<Vec<u8>>,
}

impl<'a> Block<'a> {
    /// The label, e.g. `CERTIFICATE`.
    pub(crate) fn label(&self) -> &'a str {
        self.label
    }

    /// The value of the last header named `name`, trimmed.
    pub(crate) fn header(&self, name: &str) -> Option<&'a str> {
        self.headers
            .lines()
            .filter_map(|line| line.split_once(':'))
            .filter(|(key, _)| key.trim() == name)
            .map(|(_, value)| value.trim())
            .next_back()
    }

    /// The decoded bytes.
    pub(crate) fn contents(&self) -> &[u8] {
        &self.contents
    }

    /// The decoded bytes, owned. They were written once, into a buffer of
    /// their final size, so no copy of them is left behind.
    pub(crate) fn into_contents(self) -> Zeroizing<Vec<u8>> {
        self.contents
    }
}

/// Why PEM text cannot be read; the caller says what it was reading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Malformed {
    /// `-----BEGIN -----` or `-----END -----`.
    EmptyLabel { line: usize },
    /// A BEGIN or END line without the `-----` that closes its label.
    Unclosed { marker: &'static str, line: usize },
    /// A BEGIN line with no END line after it: the text is cut short.
    Unterminated { label: String, line: usize },
    /// The END line names another label than the BEGIN line.
    Mismatched { begin: String, end: String },
    /// A header line (before the blank line that ends the headers) without `:`.
    Header { label: String, line: usize },
    /// The body is not base64.
    Base64 {
        label: String,
        line: usize,
        problem: Base64Problem,
    },
}

impl fmt::Display for Malformed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::EmptyLabel { line } => write!(f, "line {line} has an empty PEM label"),
            Self::Unclosed { marker, line } => {
                write!(
                    f,
                    "the -----{marker} line (line {line}) does not end in -----"
                )
            }
            Self::Unterminated { label, line } => write!(
                f,
                "the -----BEGIN {label}----- block (line {line}) has no -----END {label}----- line; \
                 is the text cut short?"
            ),
            Self::Mismatched { begin, end } => {
                write!(f, "-----BEGIN {begin}----- ends with -----END {end}-----")
            }
            Self::Header { label, line } => write!(
                f,
                "the {label} block's line {line} is neither base64 nor a `Name: value` header"
            ),
            Self::Base64 {
                label,
                line,
                problem,
            } => {
                write!(f, "the {label} block is not valid base64: ")?;
                match problem {
                    Base64Problem::Character(c) => {
                        write!(f, "{} at line {line}", crate::quoted_char(*c))
                    }
                    Base64Problem::Padding => write!(f, "'=' padding before the end (line {line})"),
                    Base64Problem::Length(n) => write!(
                        f,
                        "{n} characters, which is not a whole number of 4-character groups; \
                         is the block cut short?"
                    ),
                    Base64Problem::TrailingBits => {
                        write!(f, "its last group has bits set past the data (line {line})")
                    }
                }
            }
        }
    }
}

/// Every block in `text`, in order, and the text around them ignored.
///
/// The framing is found as the `pem` crate finds it, so the same texts are
/// read: a label runs from `-----BEGIN ` to the next `-----`
/// and from `-----END ` to the next `-----`. A BEGIN or END line without its
/// closing `-----`, and a BEGIN line with no END line after it, are refused:
/// the `pem` crate ignored them, and so a chain cut short inside its last
/// certificate read as a shorter chain.
pub(crate) fn parse(text: &str) -> Result<Vec<Block<'_>>, Malformed> {
    let mut blocks = Vec::new();
    let mut at = 0;
    while let Some(begin) = find(text, at, BEGIN) {
        let Some(label) = label_at(text, begin + BEGIN.len()) else {
            return Err(Malformed::Unclosed {
                marker: "BEGIN",
                line: line_of(text, begin),
            });
        };
        let body_start = begin + BEGIN.len() + label.len() + DASHES.len();
        let Some(end) = find(text, body_start, END) else {
            let line = line_of(text, begin);
            return Err(if label.contains('\n') {
                Malformed::Unclosed {
                    marker: "BEGIN",
                    line,
                }
            } else {
                Malformed::Unterminated {
                    label: label.to_owned(),
                    line,
                }
            });
        };
        let Some(end_label) = label_at(text, end + END.len()) else {
            return Err(Malformed::Unclosed {
                marker: "END",
                line: line_of(text, end),
            });
        };
        if label.is_empty() || end_label.is_empty() {
            return Err(Malformed::EmptyLabel {
                line: line_of(text, if label.is_empty() { begin } else { end }),
            });
        }
        if label != end_label {
            // A label over several lines is a BEGIN or END line whose closing
            // `-----` is missing.
            return Err(if label.contains('\n') {
                Malformed::Unclosed {
                    marker: "BEGIN",
                    line: line_of(text, begin),
                }
            } else if end_label.contains('\n') {
                Malformed::Unclosed {
                    marker: "END",
                    line: line_of(text, end),
                }
            } else {
                Malformed::Mismatched {
                    begin: label.to_owned(),
                    end: end_label.to_owned(),
                }
            });
        }
        blocks.push(read_body(text, label, body_start, end)?);
        at = end + END.len() + end_label.len() + DASHES.len();
    }
    Ok(blocks)
}

const BEGIN: &str = "-----BEGIN ";
const END: &str = "-----END ";
const DASHES: &str = "-----";

/// The first `pattern` (which starts with `-`) in `text` at or after byte
/// `from`. Base64 has no `-`, so this skips a block's body byte by byte.
fn find(text: &str, from: usize, pattern: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = from;
    loop {
        at += bytes.get(at..)?.iter().position(|&b| b == b'-')?;
        if bytes.get(at..)?.starts_with(pattern.as_bytes()) {
            return Some(at);
        }
        at += 1;
    }
}

/// The text from byte `start` up to the next `-----`.
fn label_at(text: &str, start: usize) -> Option<&str> {
    let rest = text.get(start..)?;
    rest.get(..rest.find(DASHES)?)
}

/// The 1-based line of byte `at`.
fn line_of(text: &str, at: usize) -> usize {
    let before = text.get(..at).unwrap_or(text);
    before.bytes().filter(|&b| b == b'\n').count() + 1
}

/// The block whose body is `text[start..end]`: headers (when its first line
/// has a `:`) up to a blank line, then base64 with any whitespace in it.
fn read_body<'a>(
    text: &'a str,
    label: &'a str,
    start: usize,
    end: usize,
) -> Result<Block<'a>, Malformed> {
    // `start` and `end` are where ASCII markers end and begin, so they are
    // character boundaries, and `parse` found `end` at or after `start`.
    let body = &text[start..end];
    let first_line = body.trim_start().lines().next().unwrap_or_default();
    let (headers, base64_start) = if first_line.contains(':') {
        let headers_start = start + (body.len() - body.trim_start().len());
        let headers_end = blank_line(text, headers_start, end).unwrap_or(end);
        let headers = &text[headers_start..headers_end];
        if let Some(bad) = headers.lines().position(|line| !line.contains(':')) {
            return Err(Malformed::Header {
                label: label.to_owned(),
                line: line_of(text, headers_start) + bad,
            });
        }
        (headers, headers_end)
    } else {
        ("", start)
    };
    let contents = base64::decode(&text[base64_start..end]).map_err(|(offset, problem)| {
        Malformed::Base64 {
            label: label.to_owned(),
            line: line_of(text, base64_start + offset),
            problem,
        }
    })?;
    Ok(Block {
        label,
        headers,
        contents,
    })
}

/// Where the first blank line after byte `from` (and before `end`) begins.
fn blank_line(text: &str, from: usize, end: usize) -> Option<usize> {
    let mut at = from;
    for line in text[from..end].split_inclusive('\n') {
        if at > from && line.trim().is_empty() {
            return Some(at);
        }
        at += line.len();
    }
    None
}

/// `der` as a PEM block labelled `label`. The text is built in place, in a
/// buffer of its final size, so a caller holding a secret can zeroize the
/// one copy.
pub(crate) fn encode(label: &str, der: &[u8]) -> String {
    let lines = der.len().div_ceil(48);
    let mut text = Vec::with_capacity(2 * label.len() + 33 + der.len().div_ceil(3) * 4 + lines);
    text.extend_from_slice(b"-----BEGIN ");
    text.extend_from_slice(label.as_bytes());
    text.extend_from_slice(b"-----\n");
    for chunk in der.chunks(48) {
        let start = text.len();
        text.resize(start + chunk.len().div_ceil(3) * 4, 0);
        base64::encode_into(chunk, &mut text[start..]);
        text.push(b'\n');
    }
    text.extend_from_slice(b"-----END ");
    text.extend_from_slice(label.as_bytes());
    text.extend_from_slice(b"-----\n");
    // The label is text and base64 is ASCII, so this cannot fail; if it did,
    // the bytes are wiped rather than left behind.
    String::from_utf8(text).unwrap_or_else(|not_text| {
        not_text.into_bytes().zeroize();
        String::new()
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, expect: &[(&str, &[u8])]) {
        let blocks = parse(text).unwrap();
        let got: Vec<(&str, &[u8])> = blocks.iter().map(|b| (b.label(), b.contents())).collect();
        assert_eq!(got, expect);
    }

    #[track_caller]
    fn check_error(text: &str, expect: &str) {
        assert_eq!(parse(text).unwrap_err().to_string(), expect);
    }

    #[test]
    fn blocks_in_order_with_text_around_them() {
        check("", &[]);
        check("no PEM here", &[]);
        check(
            "Certificate:\n  Data: ...\n-----BEGIN CERTIFICATE-----\nAQID\n-----END CERTIFICATE-----\n\
             between\r\n-----BEGIN EC PRIVATE KEY-----\r\nBAU=\r\n-----END EC PRIVATE KEY-----",
            &[("CERTIFICATE", &[1, 2, 3]), ("EC PRIVATE KEY", &[4, 5])],
        );
        // An empty body; a BEGIN without an END after it is a text cut short.
        check("-----BEGIN X-----\n-----END X-----\n", &[("X", &[])]);
        check_error(
            "-----BEGIN X-----\n-----END X-----\n-----BEGIN Y-----\nAQID\n",
            "the -----BEGIN Y----- block (line 3) has no -----END Y----- line; \
             is the text cut short?",
        );
        // A BEGIN or END line not closed by `-----`, after a whole block.
        let one = "-----BEGIN A-----\nAQID\n-----END A-----\n";
        for (broken, marker) in [
            (
                "-----BEGIN CERTIFICATE\nAQID\n-----END CERTIFICATE-----\n",
                "BEGIN",
            ),
            (
                "-----BEGIN CERTIFICATE----\nAQID\n-----END CERTIFICATE-----\n",
                "BEGIN",
            ),
            ("-----BEGIN CERTIFICATE\nAQID\n", "BEGIN"),
            (
                "-----BEGIN CERTIFICATE-----\nAQID\n-----END CERTIFICATE\n",
                "END",
            ),
        ] {
            let line = if marker == "BEGIN" { 4 } else { 6 };
            check_error(
                &format!("{one}{broken}"),
                &format!("the -----{marker} line (line {line}) does not end in -----"),
            );
        }
    }

    #[test]
    fn whitespace_anywhere_in_the_base64() {
        check(
            "-----BEGIN A----- AQ\tI D\n\n  Ag==\u{a0}\n\n-----END A-----",
            &[("A", &[1, 2, 3, 2])],
        );
        check("-----BEGIN A-----AQ==-----END A-----", &[("A", &[1])]);
    }

    #[test]
    fn every_length_and_byte_round_trips() {
        let data: Vec<u8> = (0..=255).collect();
        for len in 0..70 {
            let bytes = &data[len..len * 2 + 40];
            let text = format!(
                "-----BEGIN B-----\n{}\n-----END B-----\n",
                base64::encode(bytes)
            );
            check(&text, &[("B", bytes)]);
        }
    }

    #[test]
    fn headers_of_an_encrypted_key() {
        let text = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n\
                    DEK-Info: AES-128-CBC,00\n\nAQID\n-----END RSA PRIVATE KEY-----\n";
        let blocks = parse(text).unwrap();
        assert_eq!(blocks[0].header("Proc-Type"), Some("4,ENCRYPTED"));
        assert_eq!(blocks[0].header("DEK-Info"), Some("AES-128-CBC,00"));
        assert_eq!(blocks[0].header("Other"), None);
        assert_eq!(blocks[0].contents(), [1, 2, 3]);
        assert_eq!(
            parse("-----BEGIN A-----\nAQID\n-----END A-----").unwrap()[0].header("A"),
            None
        );
    }

    #[test]
    fn refusals_name_the_block_and_the_problem() {
        check_error(
            "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n",
            "the CERTIFICATE block is not valid base64: 9 characters, which is not a whole \
             number of 4-character groups; is the block cut short?",
        );
        check_error(
            "x\n-----BEGIN A-----\nAQID\nAQ!D\n-----END A-----\n",
            "the A block is not valid base64: '!' at line 4",
        );
        check_error(
            "-----BEGIN A-----\nAQ==AQID\n-----END A-----\n",
            "the A block is not valid base64: '=' padding before the end (line 2)",
        );
        check_error(
            "-----BEGIN A-----\nA===\n-----END A-----\n",
            "the A block is not valid base64: '=' padding before the end (line 2)",
        );
        check_error(
            "-----BEGIN A-----\nAR==\n-----END A-----\n",
            "the A block is not valid base64: its last group has bits set past the data (line 2)",
        );
        check_error(
            "-----BEGIN A-----\nAQID\n-----END B-----\n",
            "-----BEGIN A----- ends with -----END B-----",
        );
        check_error(
            "-----BEGIN -----\nAQID\n-----END -----\n",
            "line 1 has an empty PEM label",
        );
        check_error(
            "-----BEGIN A-----\nAQID\n-----END -----\n",
            "line 3 has an empty PEM label",
        );
        // Reported where the `pem` crate refused them; it ignored them at the end.
        let one = "-----BEGIN A-----\nAQID\n-----END A-----\n";
        check_error(
            &format!("-----BEGIN A----\nAQID\n-----END A-----\n{one}"),
            "the -----BEGIN line (line 1) does not end in -----",
        );
        check_error(
            &format!("{one}-----BEGIN A-----\nAQID\n-----END A\n{one}"),
            "the -----END line (line 6) does not end in -----",
        );
        check_error(
            &format!("{one}-----BEGIN A-----\nAQID\n"),
            "the -----BEGIN A----- block (line 4) has no -----END A----- line; is the text cut short?",
        );
        check_error(
            "-----BEGIN A-----\nProc-Type: 4,ENCRYPTED\nAQID\n-----END A-----\n",
            "the A block's line 3 is neither base64 nor a `Name: value` header",
        );
        check_error(
            "-----BEGIN A-----\nProc-Type: 4,ENCRYPTED\nAQID\n\nAQID\n-----END A-----\n",
            "the A block's line 3 is neither base64 nor a `Name: value` header",
        );
    }
}
