//! A position in the text, with its line for errors and its column for
//! indentation. The text has `\n` line ends only (the reader turns CRLF into
//! LF first), and every byte the reader looks at to decide is ASCII, so
//! columns count bytes and slices fall on character boundaries.

use crate::yaml::SyntaxError;

/// Where a cursor is, to come back to after looking ahead.
#[derive(Clone, Copy, Debug)]
pub(super) struct Mark {
    pos: usize,
    line: usize,
    line_start: usize,
}

#[derive(Debug)]
pub(super) struct Cursor<'a> {
    text: &'a str,
    mark: Mark,
}

impl<'a> Cursor<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Self {
            text,
            mark: Mark {
                pos: 0,
                line: 1,
                line_start: 0,
            },
        }
    }

    pub(super) fn mark(&self) -> Mark {
        self.mark
    }

    pub(super) fn reset(&mut self, mark: Mark) {
        self.mark = mark;
    }

    /// The 1-based line of the cursor.
    pub(super) fn line(&self) -> usize {
        self.mark.line
    }

    /// The 0-based column of the cursor.
    pub(super) fn column(&self) -> usize {
        self.mark.pos - self.mark.line_start
    }

    pub(super) fn at_end(&self) -> bool {
        self.mark.pos >= self.text.len()
    }

    pub(super) fn peek(&self) -> Option<u8> {
        self.peek_at(0)
    }

    pub(super) fn peek_at(&self, offset: usize) -> Option<u8> {
        self.text.as_bytes().get(self.mark.pos + offset).copied()
    }

    /// The text from the cursor on.
    pub(super) fn rest(&self) -> &'a str {
        self.text.get(self.mark.pos..).unwrap_or_default()
    }

    /// The text between `from` and the cursor.
    pub(super) fn since(&self, from: Mark) -> &'a str {
        self.text.get(from.pos..self.mark.pos).unwrap_or_default()
    }

    /// The text between two marks.
    pub(super) fn between(&self, from: Mark, to: Mark) -> &'a str {
        self.text.get(from.pos..to.pos).unwrap_or_default()
    }

    /// A space or a tab at `offset`.
    pub(super) fn blank_at(&self, offset: usize) -> bool {
        matches!(self.peek_at(offset), Some(b' ' | b'\t'))
    }

    /// A space, a tab, a line end or the end of the text at `offset`: what
    /// must follow `-`, `?` and `:` for them to be indicators.
    pub(super) fn blank_or_end_at(&self, offset: usize) -> bool {
        matches!(self.peek_at(offset), None | Some(b' ' | b'\t' | b'\n'))
    }

    /// At the end of a line or of the text.
    pub(super) fn at_line_end(&self) -> bool {
        matches!(self.peek(), None | Some(b'\n'))
    }

    /// `---` or `...` at the start of a line, alone or before a blank.
    pub(super) fn at_document_marker(&self) -> bool {
        self.column() == 0
            && (self.rest().starts_with("---") || self.rest().starts_with("..."))
            && self.blank_or_end_at(3)
    }

    /// Moves past the character at the cursor, returning it.
    pub(super) fn bump(&mut self) -> Option<char> {
        let c = self.rest().chars().next()?;
        self.mark.pos += c.len_utf8();
        if c == '\n' {
            self.mark.line += 1;
            self.mark.line_start = self.mark.pos;
        }
        Some(c)
    }

    /// Moves past `count` ASCII bytes on the current line.
    pub(super) fn skip(&mut self, count: usize) {
        for _ in 0..count {
            self.bump();
        }
    }

    /// Moves past spaces and tabs.
    pub(super) fn skip_blanks(&mut self) {
        while self.blank_at(0) {
            self.bump();
        }
    }

    /// Moves to the end of the line (before its `\n`).
    pub(super) fn skip_to_line_end(&mut self) {
        while !self.at_line_end() {
            self.bump();
        }
    }

    pub(super) fn error(&self, problem: impl Into<String>) -> SyntaxError {
        SyntaxError {
            line: self.line(),
            problem: problem.into(),
        }
    }
}
