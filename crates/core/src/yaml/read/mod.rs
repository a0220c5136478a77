//! Reading one YAML document into a JSON value: the document and what the
//! other parts share here, mappings and sequences in `block.rs`, plain and
//! quoted scalars in `scalars.rs`, `|` and `>` in `block_scalar.rs`, `[...]`
//! and `{...}` in `flow.rs`.
//!
//! Every function that reads a node starts at its first character and stops
//! at the first content of the next line that is not its own (or at the end),
//! so the caller can compare that line's column with its own.

mod block;
mod block_scalar;
mod cursor;
mod flow;
mod scalars;
#[cfg(test)]
mod tests;

use std::borrow::Cow;

use crate::json::{Map, Value};

use self::cursor::Cursor;
use super::SyntaxError;

/// How deep collections may nest, so that hostile input cannot exhaust the
/// stack. A CertificateSigningRequest object nests about 8 deep.
pub(crate) const MAX_DEPTH: usize = 64;

type Result<T, E = SyntaxError> = std::result::Result<T, E>;

/// Reads `text`, one YAML document, as a JSON value. An empty document is
/// `null`.
pub(crate) fn from_str(text: &str) -> Result<Value> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let text = unix_line_ends(text);
    check_characters(&text)?;
    Reader {
        cursor: Cursor::new(&text),
        depth: 0,
    }
    .document()
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
/// 1.1 reads as line breaks and 1.2 does not.
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

/// The mapping with `members`, given in input order, each with its index
/// there, their keys on `lines`; `read` tells whether reading the mapping
/// went through. A key given twice among the members is the error even when
/// reading stopped at a later one: it comes first in the text, and is the
/// error a reader checking each key as it came would report. A member goes
/// in before its value is read, so that this holds also when the value is
/// wrong.
fn mapping(
    members: Vec<(String, usize, Value)>,
    lines: &[usize],
    read: Result<()>,
) -> Result<Value> {
    match Map::from_read(members) {
        Ok(map) => read.map(|()| Value::Object(map)),
        // The places are indexes in `lines`: one line per member.
        Err(duplicate) => Err(duplicate_key(
            &duplicate.key,
            lines[duplicate.at],
            lines[duplicate.first],
        )),
    }
}

/// The error for a mapping's `key` given again on `line`.
fn duplicate_key(key: &str, line: usize, first: usize) -> SyntaxError {
    SyntaxError {
        line,
        problem: format!(
            "the key {} is given twice (first on line {first}); keep one",
            crate::quoted(key)
        ),
    }
}

struct Reader<'a> {
    cursor: Cursor<'a>,
    /// Collections open around the cursor.
    depth: usize,
}

impl Reader<'_> {
    /// The document: an optional `---`, one node, an optional `...`.
    fn document(&mut self) -> Result<Value> {
        self.skip_to_content()?;
        if self.cursor.column() == 0 && self.cursor.peek() == Some(b'%') {
            return Err(self
                .cursor
                .error("directives (%YAML, %TAG) are not read; remove the line"));
        }
        if self.at_marker("---") {
            self.cursor.skip(3);
            self.end_marker_line("---")?;
        }
        let value = if self.cursor.at_end() || self.cursor.at_document_marker() {
            Value::Null
        } else {
            self.block_node(-1)?
        };
        let ended = self.at_marker("...");
        if ended {
            self.cursor.skip(3);
            self.end_marker_line("...")?;
        }
        if self.cursor.at_end() {
            Ok(value)
        } else if self.at_marker("---") || ended {
            Err(self
                .cursor
                .error("a second document starts here; give one object, not several"))
        } else {
            Err(self
                .cursor
                .error("this line is outside the document's structure; check its indentation"))
        }
    }

    fn at_marker(&self, marker: &str) -> bool {
        self.cursor.at_document_marker() && self.cursor.rest().starts_with(marker)
    }

    /// After `---` or `...`: nothing more on the line but a comment.
    fn end_marker_line(&mut self, marker: &str) -> Result<()> {
        self.cursor.skip_blanks();
        if !self.at_comment_or_line_end() {
            return Err(self.cursor.error(format!(
                "text after '{marker}' on the same line is not read; start it on the next line"
            )));
        }
        self.end_line()?;
        self.skip_to_content()
    }

    /// Runs `read` one collection deeper, refusing to go past [`MAX_DEPTH`].
    fn nested<T>(&mut self, read: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        if self.depth >= MAX_DEPTH {
            return Err(self.cursor.error(format!(
                "collections are nested more than {MAX_DEPTH} deep; this reader stops there"
            )));
        }
        self.depth += 1;
        let result = read(self);
        self.depth -= 1;
        result
    }

    fn at_comment_or_line_end(&self) -> bool {
        matches!(self.cursor.peek(), None | Some(b'\n' | b'#'))
    }

    /// Finishes the line after a node: blanks and a comment may follow.
    fn end_line(&mut self) -> Result<()> {
        self.cursor.skip_blanks();
        if self.cursor.peek() == Some(b'#') {
            self.cursor.skip_to_line_end();
        }
        match self.cursor.peek() {
            None => Ok(()),
            Some(b'\n') => {
                self.cursor.skip(1);
                Ok(())
            }
            Some(b':') => Err(self.cursor.error(
                "a ': ' after a value; a nested mapping starts on its own line, indented under its key, and text with ': ' must be quoted",
            )),
            Some(_) => {
                let rest: String = self.cursor.rest().chars().take(20).collect();
                Err(self.cursor.error(format!(
                    "unexpected {} after the value; quote the whole value",
                    crate::quoted(rest.lines().next().unwrap_or_default())
                )))
            }
        }
    }

    /// Moves past blank and comment lines to the next content, from the
    /// start of a line or its indentation. Tabs may not indent content.
    fn skip_to_content(&mut self) -> Result<()> {
        loop {
            while self.cursor.peek() == Some(b' ') {
                self.cursor.skip(1);
            }
            if self.cursor.peek() == Some(b'\t') {
                self.cursor.skip_blanks();
                if !self.at_comment_or_line_end() {
                    return Err(self
                        .cursor
                        .error("a tab in the indentation; indent with spaces only"));
                }
            }
            if self.cursor.peek() == Some(b'#') {
                self.cursor.skip_to_line_end();
            }
            if self.cursor.peek() != Some(b'\n') {
                return Ok(());
            }
            self.cursor.skip(1);
        }
    }

    /// The error for a character that starts no node this reader takes.
    fn cannot_start_node(&self) -> SyntaxError {
        let problem = match self.cursor.peek() {
            Some(b'-') => {
                "a '- ' item cannot start here; a sequence starts on its own line, below its key"
                    .to_owned()
            }
            Some(b'&') => "anchors ('&') are not read; write the value out".to_owned(),
            Some(b'*') => "aliases ('*') are not read; write the value out".to_owned(),
            Some(b'!') => "tags ('!') are not read; remove the tag".to_owned(),
            Some(b'?') => "complex keys ('? ') are not read; write 'key: value'".to_owned(),
            Some(b':') => "a ':' with no key before it".to_owned(),
            Some(c @ (b',' | b']' | b'}')) => format!("unexpected '{}'", char::from(c)),
            Some(c) => format!(
                "'{}' cannot start a plain value; quote the value",
                self.cursor.rest().chars().next().unwrap_or(char::from(c))
            ),
            None => "unexpected end of the text".to_owned(),
        };
        self.cursor.error(problem)
    }
}
