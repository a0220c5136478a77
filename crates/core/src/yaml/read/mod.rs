//! Reading one YAML document into a JSON value, through `saphyr-parser`'s
//! events (a YAML 1.2 parser that passes the yaml-test-suite).
//!
//! Issue 13 measured it against the hand-written reader it replaced, in the
//! JS/TS API built by `scripts/wasm-pkg` on Debian's toolchain: 178,940 bytes
//! gzip as built here instead of 163,795 (+15,145; the bare parser +13,846),
//! within the 20 KB the issue allows a maintained reader. (saphyr's own
//! loader cost +41,090, yaml_serde +58,982.) What stays here is what the parser does not decide: the typing
//! of plain scalars (`resolve.rs`, shared with the writer), the JSON shape
//! (keys are text), and the refusals below, each naming its line.

use std::borrow::Cow;

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError};

use crate::json::{Map, Value};

use super::SyntaxError;

#[cfg(test)]
mod tests;

/// How deep collections may nest. A CertificateSigningRequest object nests
/// about 8 deep; the parser itself keeps a stack per level.
pub(crate) const MAX_DEPTH: usize = 64;

type Result<T, E = SyntaxError> = std::result::Result<T, E>;

/// Reads `text`, one YAML document, as a JSON value. An empty document is
/// `null`. Refused, naming the line: anchors and aliases, tags, directives,
/// a collection or an empty plain scalar as a key, a second document, a key
/// given twice, nesting deeper than [`MAX_DEPTH`], characters YAML 1.1 and
/// 1.2 read differently, and what the parser finds is not YAML.
pub(crate) fn from_str(text: &str) -> Result<Value> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let text = unix_line_ends(text);
    check_characters(&text)?;
    check_directives(&text)?;
    let mut reader = Reader::default();
    match reader.read(&text) {
        Ok(()) => Ok(reader.root.unwrap_or(Value::Null)),
        // A key given twice comes first in the text: it is the error a
        // reader checking each key as it came would report. An outer mapping's
        // before an inner one's, as its key came first.
        Err(error) => Err(reader
            .open
            .into_iter()
            .find_map(|open| match open {
                Open::Mapping(members) => duplicate(members).err(),
                Open::Sequence(_) => None,
            })
            .unwrap_or(error)),
    }
}

/// The text with CRLF line ends as LF.
fn unix_line_ends(text: &str) -> Cow<'_, str> {
    if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Refuses characters YAML does not allow in a text (controls other than tab
/// and line feed, a lone CR, U+FFFE, U+FFFF), and NEL, LS and PS, which YAML
/// 1.1 (kubectl's) reads as line breaks and 1.2 does not.
fn check_characters(text: &str) -> Result<()> {
    for (index, line) in text.split('\n').enumerate() {
        let Some(c) = line.chars().find(|&c| {
            (c.is_control() && c != '\t')
                || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FFFE}' | '\u{FFFF}')
        }) else {
            continue;
        };
        let problem = if c == '\r' {
            "a carriage return that does not end a line; end lines with LF or CRLF".to_owned()
        } else {
            format!(
                "the character U+{code:04X} cannot appear as it is; write it as \"\\u{code:04X}\" inside double quotes",
                code = u32::from(c)
            )
        };
        return Err(SyntaxError {
            line: index + 1,
            problem,
        });
    }
    Ok(())
}

/// Refuses a directive (`%YAML`, `%TAG`) before the document: the first line
/// that is not blank or a comment starts with `%`.
fn check_directives(text: &str) -> Result<()> {
    let first = text
        .split('\n')
        .enumerate()
        .find(|(_, line)| !line.trim_start().is_empty() && !line.trim_start().starts_with('#'));
    match first {
        Some((index, line)) if line.starts_with('%') => Err(SyntaxError {
            line: index + 1,
            problem: "directives (%YAML, %TAG) are not read; remove the line".to_owned(),
        }),
        _ => Ok(()),
    }
}

/// A collection being read.
enum Open {
    Sequence(Vec<Value>),
    /// The members so far, in input order, each with its index there and
    /// its key's line. A key goes in (with a `null` value) as soon as it is
    /// read, so that a key given twice is found also when its value is wrong.
    Mapping(Vec<(String, usize, Value)>),
}

#[derive(Default)]
struct Reader {
    /// The collections open around the parser's position, outermost first.
    open: Vec<Open>,
    /// Whether the innermost mapping waits for a value to its last key.
    value_due: bool,
    /// The document's value, once read.
    root: Option<Value>,
    /// The documents begun so far.
    documents: usize,
}

impl Reader {
    fn read(&mut self, text: &str) -> Result<()> {
        for event in Parser::new_from_str(text) {
            let (event, span) = event.map_err(scan_error)?;
            self.event(event, span.start.line())?;
        }
        Ok(())
    }

    /// Takes one event, which starts on `line`.
    fn event(&mut self, event: Event<'_>, line: usize) -> Result<()> {
        let error = |problem: &str| SyntaxError {
            line,
            problem: problem.to_owned(),
        };
        let value = match event {
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(error(
                        "a second document starts here; give one object, not several",
                    ));
                }
                return Ok(());
            }
            Event::Alias(_) => {
                return Err(error("aliases ('*') are not read; write the value out"));
            }
            Event::Scalar(_, _, anchor, _)
            | Event::SequenceStart(anchor, _)
            | Event::MappingStart(anchor, _)
                if anchor != 0 =>
            {
                return Err(error("anchors ('&') are not read; write the value out"));
            }
            Event::Scalar(_, _, _, Some(_))
            | Event::SequenceStart(_, Some(_))
            | Event::MappingStart(_, Some(_)) => {
                return Err(error("tags ('!') are not read; remove the tag"));
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                if self.at_key() {
                    return Err(error(
                        "a collection as a mapping key is not read; keys are text",
                    ));
                }
                if self.open.len() >= MAX_DEPTH {
                    return Err(error(&format!(
                        "collections are nested more than {MAX_DEPTH} deep; this reader stops there"
                    )));
                }
                self.open
                    .push(if matches!(event, Event::SequenceStart(..)) {
                        Open::Sequence(Vec::new())
                    } else {
                        Open::Mapping(Vec::new())
                    });
                self.value_due = false;
                return Ok(());
            }
            Event::Scalar(text, style, ..) => {
                if self.at_key() {
                    // Only the empty node is an empty plain scalar.
                    if style == ScalarStyle::Plain && text.is_empty() {
                        return Err(error("a ':' with no key before it"));
                    }
                    return self.key(text.into_owned(), line);
                }
                if style == ScalarStyle::Plain {
                    // [126] ns-plain-first: an indicator other than `-`, `?`
                    // and `:` starts no plain scalar; saphyr-parser takes
                    // `|` and `>` inside [ ] and { } as text.
                    if let Some(first) = text.chars().next()
                        && "|>".contains(first)
                    {
                        return Err(error(&format!(
                            "'{first}' cannot start a plain value; quote the value"
                        )));
                    }
                    super::resolve::plain_value(&text)
                        .map_err(|problem| SyntaxError { line, problem })?
                } else {
                    Value::String(text.into_owned())
                }
            }
            Event::SequenceEnd | Event::MappingEnd => match self.open.pop() {
                Some(Open::Sequence(items)) => Value::Array(items),
                Some(Open::Mapping(members)) => Value::Object(duplicate(members)?),
                None => return Ok(()),
            },
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {
                return Ok(());
            }
        };
        self.value(value);
        Ok(())
    }

    /// Whether the next node is a key of the innermost mapping.
    fn at_key(&self) -> bool {
        matches!(self.open.last(), Some(Open::Mapping(_))) && !self.value_due
    }

    fn key(&mut self, key: String, line: usize) -> Result<()> {
        if let Some(Open::Mapping(members)) = self.open.last_mut() {
            members.push((key, line, Value::Null));
        }
        self.value_due = true;
        Ok(())
    }

    /// Puts a finished node where it belongs: the document, the sequence
    /// around it, or its mapping's last key.
    fn value(&mut self, value: Value) {
        match self.open.last_mut() {
            None => self.root = Some(value),
            Some(Open::Sequence(items)) => items.push(value),
            Some(Open::Mapping(members)) => {
                if let Some(member) = members.last_mut() {
                    member.2 = value;
                }
                self.value_due = false;
            }
        }
    }
}

/// The mapping with `members` (each with its key's line), or the error for
/// its first key given twice: the earliest second occurrence in the text.
fn duplicate(members: Vec<(String, usize, Value)>) -> Result<Map> {
    let lines: Vec<usize> = members.iter().map(|member| member.1).collect();
    let indexed = members
        .into_iter()
        .enumerate()
        .map(|(index, (key, _, value))| (key, index, value))
        .collect();
    Map::from_read(indexed).map_err(|duplicate| {
        let line = |index: usize| lines.get(index).copied().unwrap_or_default();
        SyntaxError {
            line: line(duplicate.at),
            problem: format!(
                "the key {} is given twice (first on line {}); keep one",
                crate::quoted(&duplicate.key),
                line(duplicate.first)
            ),
        }
    })
}

/// The parser's error, on its line, with what to do for the common ones.
fn scan_error(error: ScanError) -> SyntaxError {
    let info = error.info();
    let problem = match HINTS.iter().find(|(words, _)| info.contains(words)) {
        Some((_, "")) => "aliases ('*') are not read; write the value out".to_owned(),
        Some((_, hint)) => format!("{info}; {hint}"),
        None => info.to_owned(),
    };
    SyntaxError {
        line: error.marker().line(),
        problem,
    }
}

/// Words of saphyr-parser's messages, and what to do about each (empty: our
/// own message replaces it). A message that changes wording in a later
/// version loses its hint, nothing else.
const HINTS: [(&str, &str); 7] = [
    ("unknown anchor", ""),
    ("tabs disallowed", "indent with spaces only"),
    (
        "did not find expected key",
        "line the key up with its siblings, and quote text that holds ': '",
    ),
    (
        "mapping values are not allowed",
        "a nested mapping starts on its own line, indented under its key, and text with ': ' must be quoted",
    ),
    (
        "while scanning a quoted scalar",
        "a quote is never closed; end the string with the quote that opens it",
    ),
    ("unknown escape character", "write '\\\\' for a backslash"),
    (
        "expected ','",
        "a bracket or brace is never closed, or an entry lacks its ','",
    ),
];
