//! Plain and quoted scalars, with YAML's line folding: a single line break
//! inside a scalar reads as a space, each empty line as a `\n`, and the blanks
//! around a break are dropped.

use super::{Reader, Result};
use crate::yaml::SyntaxError;

impl<'a> Reader<'a> {
    /// Whether a plain scalar may start at the cursor: not at an indicator,
    /// except `-` (and, outside flow collections, `?` and `:`) before a
    /// non-blank, as in `-1` or `:x`.
    pub(super) fn plain_can_start(&self, flow: bool) -> bool {
        match self.cursor.peek() {
            None | Some(b' ' | b'\t' | b'\n') => false,
            Some(b'-') => !self.cursor.blank_or_end_at(1),
            Some(b'?' | b':') => !flow && !self.cursor.blank_or_end_at(1),
            Some(c) => !b",[]{}#&*!|>'\"%@`".contains(&c),
        }
    }

    /// A plain scalar, which may go on over more lines indented past
    /// `parent_indent` (any line inside a flow collection). The cursor stops
    /// after its last non-blank character.
    pub(super) fn plain_scalar(&mut self, parent_indent: isize, flow: bool) -> Result<String> {
        let start = self.cursor.mark();
        self.plain_word(flow)?;
        let mut text = self.cursor.since(start).to_owned();
        loop {
            let end = self.cursor.mark();
            self.cursor.skip_blanks();
            let blanks = self.cursor.since(end);
            let breaks = if self.cursor.peek() == Some(b'\n') {
                self.plain_continuation(parent_indent, flow)?.unwrap_or(0)
            } else {
                0
            };
            let ends = self.cursor.at_line_end()
                || self.cursor.peek() == Some(b'#')
                || self.plain_stops_here(flow)?;
            if ends {
                self.cursor.reset(end);
                return Ok(text);
            }
            match breaks {
                0 => text.push_str(blanks),
                1 => text.push(' '),
                _ => text.extend(std::iter::repeat_n('\n', breaks - 1)),
            }
            let word = self.cursor.mark();
            self.plain_word(flow)?;
            text.push_str(self.cursor.since(word));
        }
    }

    /// A block mapping's plain key, on one line up to `: `; the cursor stops
    /// at the `:`. `None` when the line has no `: ` outside a comment.
    pub(super) fn plain_key(&mut self) -> Result<Option<&'a str>> {
        let start = self.cursor.mark();
        loop {
            self.plain_word(false)?;
            let end = self.cursor.mark();
            self.cursor.skip_blanks();
            if self.plain_stops_here(false)? {
                return Ok(Some(self.cursor.between(start, end)));
            }
            if self.cursor.at_line_end() || self.cursor.peek() == Some(b'#') {
                return Ok(None);
            }
        }
    }

    /// Moves past the non-blank characters of a plain scalar up to where it
    /// stops.
    fn plain_word(&mut self, flow: bool) -> Result<()> {
        while !self.cursor.blank_or_end_at(0) && !self.plain_stops_here(flow)? {
            self.cursor.bump();
        }
        Ok(())
    }

    /// Whether a plain scalar ends at the cursor: at `: ` (in a flow
    /// collection, also at `,`, `[`, `]`, `{` and `}`).
    fn plain_stops_here(&self, flow: bool) -> Result<bool> {
        let next = self.cursor.peek_at(1);
        Ok(match self.cursor.peek() {
            Some(b':') if self.cursor.blank_or_end_at(1) => true,
            Some(b':') if flow && matches!(next, Some(b',' | b'?' | b'[' | b']' | b'{' | b'}')) => {
                return Err(self.cursor.error(
                    "a ':' right before ',', '?', a bracket or a brace inside [ ] or { }; quote the text or put a space after the ':'",
                ));
            }
            Some(b',' | b'[' | b']' | b'{' | b'}') => flow,
            _ => false,
        })
    }

    /// At a line end inside a plain scalar: whether the scalar goes on, and
    /// after how many line breaks. If so the cursor is at its next word;
    /// if not it has not moved.
    fn plain_continuation(&mut self, parent_indent: isize, flow: bool) -> Result<Option<usize>> {
        let end = self.cursor.mark();
        let mut breaks = 0;
        while self.cursor.peek() == Some(b'\n') {
            self.cursor.skip(1);
            breaks += 1;
            while self.cursor.peek() == Some(b' ') {
                self.cursor.skip(1);
            }
            let indented = self.cursor.column() as isize > parent_indent;
            if self.cursor.peek() == Some(b'\t') && !flow && !indented {
                self.cursor.skip_blanks();
                if !self.cursor.at_line_end() {
                    return Err(self
                        .cursor
                        .error("a tab in the indentation; indent with spaces only"));
                }
            }
            self.cursor.skip_blanks();
        }
        let goes_on = !self.cursor.at_end()
            && !self.cursor.at_document_marker()
            && self.cursor.peek() != Some(b'#')
            && (flow || self.cursor.column() as isize > parent_indent);
        if !goes_on {
            self.cursor.reset(end);
            return Ok(None);
        }
        Ok(Some(breaks))
    }

    /// A `'single'` or `"double"`-quoted scalar, which may span lines.
    pub(super) fn quoted_scalar(&mut self) -> Result<String> {
        let single = self.cursor.peek() == Some(b'\'');
        let start = self.cursor.line();
        self.cursor.skip(1);
        let mut text = String::new();
        loop {
            match self.cursor.peek() {
                None => return Err(self.unterminated(start, single)),
                Some(b'\'') if single => {
                    self.cursor.skip(1);
                    if self.cursor.peek() != Some(b'\'') {
                        return Ok(text);
                    }
                    text.push('\'');
                    self.cursor.skip(1);
                }
                Some(b'"') if !single => {
                    self.cursor.skip(1);
                    return Ok(text);
                }
                Some(b'\\') if !single && self.cursor.peek_at(1) == Some(b'\n') => {
                    self.cursor.skip(1);
                    self.quoted_line_break(start, single, &mut text, true)?;
                }
                Some(b'\\') if !single => text.push(self.escape()?),
                Some(b' ' | b'\t') => {
                    let blanks = self.cursor.mark();
                    self.cursor.skip_blanks();
                    // Blanks before a line break are dropped.
                    if self.cursor.peek() != Some(b'\n') {
                        text.push_str(self.cursor.since(blanks));
                    }
                }
                Some(b'\n') => self.quoted_line_break(start, single, &mut text, false)?,
                Some(_) => text.extend(self.cursor.bump()),
            }
        }
    }

    /// Folds the line breaks at the cursor, and the blanks that start the
    /// next line, into `text`. After an `escaped` break (`\` at the end of
    /// the line) the first break adds nothing.
    fn quoted_line_break(
        &mut self,
        start: usize,
        single: bool,
        text: &mut String,
        escaped: bool,
    ) -> Result<()> {
        let mut breaks = 0;
        while self.cursor.peek() == Some(b'\n') {
            self.cursor.skip(1);
            breaks += 1;
            if self.cursor.at_document_marker() {
                return Err(self.unterminated(start, single));
            }
            self.cursor.skip_blanks();
        }
        if breaks == 1 && !escaped {
            text.push(' ');
        } else {
            text.extend(std::iter::repeat_n('\n', breaks - 1));
        }
        Ok(())
    }

    fn unterminated(&self, start: usize, single: bool) -> SyntaxError {
        let quote = if single { "'" } else { "\"" };
        SyntaxError {
            line: start,
            problem: format!(
                "the {quote} that opens a string here is never closed; end the string with {quote}"
            ),
        }
    }

    /// A double-quoted string's escape, from its `\`.
    fn escape(&mut self) -> Result<char> {
        self.cursor.skip(1);
        let Some(letter) = self.cursor.bump() else {
            return Err(self.cursor.error("a '\\' at the end of the text"));
        };
        Ok(match letter {
            '0' => '\0',
            'a' => '\u{7}',
            'b' => '\u{8}',
            't' | '\t' => '\t',
            'n' => '\n',
            'v' => '\u{B}',
            'f' => '\u{C}',
            'r' => '\r',
            'e' => '\u{1B}',
            ' ' => ' ',
            '"' => '"',
            '/' => '/',
            '\\' => '\\',
            'N' => '\u{85}',
            '_' => '\u{A0}',
            'L' => '\u{2028}',
            'P' => '\u{2029}',
            'x' => self.hex_escape(2)?,
            'u' => self.hex_escape(4)?,
            'U' => self.hex_escape(8)?,
            other => {
                return Err(self.cursor.error(format!(
                    "'\\{other}' is not an escape YAML knows; write '\\\\' for a backslash"
                )));
            }
        })
    }

    /// The character `\x`, `\u` or `\U` names with `digits` hex digits.
    fn hex_escape(&mut self, digits: usize) -> Result<char> {
        let hex = self.cursor.rest().get(..digits).unwrap_or_default();
        if hex.len() != digits || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(self.cursor.error(format!(
                "an escape that needs {digits} hex digits has fewer"
            )));
        }
        let character = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
        let Some(character) = character else {
            return Err(self
                .cursor
                .error(format!("the escape for {hex} is not a Unicode character")));
        };
        self.cursor.skip(digits);
        Ok(character)
    }
}
