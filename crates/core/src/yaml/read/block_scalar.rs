//! `|` (literal) and `>` (folded) block scalars, as kubectl writes
//! `kubectl.kubernetes.io/last-applied-configuration`. The rules are libyaml's:
//! the indentation is the first content line's unless the header gives it,
//! and the chomping indicator (`-` strip, `+` keep, none clip) says what
//! becomes of the final line breaks.

use super::{Reader, Result};

/// What happens to the line breaks at the end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Chomping {
    /// `-`: none kept.
    Strip,
    /// No indicator: the last content line's break only.
    Clip,
    /// `+`: all kept.
    Keep,
}

/// The `|` or `>` line: the chomping and the indentation increment (0 when
/// the content decides).
struct Header {
    literal: bool,
    chomping: Chomping,
    increment: usize,
}

impl Reader<'_> {
    /// A block scalar from its `|` or `>`; `parent_indent` is the column of
    /// the collection it is in (-1 at the top).
    pub(super) fn block_scalar(&mut self, parent_indent: isize) -> Result<String> {
        let header = self.block_scalar_header()?;
        let mut indent = match (header.increment, usize::try_from(parent_indent)) {
            (0, _) => 0,
            (increment, Ok(parent)) => parent + increment,
            (increment, Err(_)) => increment,
        };
        let mut trailing = self.block_scalar_breaks(&mut indent, parent_indent)?;
        let mut text = String::new();
        // Whether the last content line ended in a line break, and began with a blank.
        let mut leading_break = false;
        let mut leading_blank = false;
        while self.cursor.column() == indent && !self.cursor.at_end() {
            let trailing_blank = self.cursor.blank_at(0);
            let folds = !header.literal && leading_break && !leading_blank && !trailing_blank;
            if folds && trailing == 0 {
                text.push(' ');
            } else if leading_break && !folds {
                text.push('\n');
            }
            text.extend(std::iter::repeat_n('\n', trailing));
            leading_blank = trailing_blank;
            let line = self.cursor.mark();
            self.cursor.skip_to_line_end();
            text.push_str(self.cursor.since(line));
            leading_break = self.cursor.peek() == Some(b'\n');
            if leading_break {
                self.cursor.skip(1);
            }
            trailing = self.block_scalar_breaks(&mut indent, parent_indent)?;
        }
        if leading_break && header.chomping != Chomping::Strip {
            text.push('\n');
        }
        if header.chomping == Chomping::Keep {
            text.extend(std::iter::repeat_n('\n', trailing));
        }
        self.skip_to_content()?;
        Ok(text)
    }

    /// Reads `|` or `>`, then the indicators in either order, then up to the
    /// line end (a comment may follow).
    fn block_scalar_header(&mut self) -> Result<Header> {
        let literal = self.cursor.peek() == Some(b'|');
        self.cursor.skip(1);
        let mut chomping = None;
        let mut increment = None;
        loop {
            match self.cursor.peek() {
                Some(b'-') if chomping.is_none() => chomping = Some(Chomping::Strip),
                Some(b'+') if chomping.is_none() => chomping = Some(Chomping::Keep),
                Some(b'0') if increment.is_none() => {
                    return Err(self.cursor.error(
                        "a block scalar's indentation indicator is 1 to 9, not 0; leave it out to take the first line's",
                    ));
                }
                Some(digit @ b'1'..=b'9') if increment.is_none() => {
                    increment = Some(usize::from(digit - b'0'));
                }
                _ => break,
            }
            self.cursor.skip(1);
        }
        self.cursor.skip_blanks();
        if self.cursor.peek() == Some(b'#') {
            self.cursor.skip_to_line_end();
        }
        match self.cursor.peek() {
            None => {}
            Some(b'\n') => self.cursor.skip(1),
            Some(_) => {
                return Err(self.cursor.error(
                    "text after a block scalar's '|' or '>' on its line; the text starts on the next line, indented",
                ));
            }
        }
        Ok(Header {
            literal,
            chomping: chomping.unwrap_or(Chomping::Clip),
            increment: increment.unwrap_or(0),
        })
    }

    /// Moves past empty lines and up to `indent` spaces of the next one,
    /// returning how many empty lines there were. With `indent` 0 it is
    /// found here: the most spaces seen, at least one more than the parent's.
    fn block_scalar_breaks(&mut self, indent: &mut usize, parent_indent: isize) -> Result<usize> {
        let mut most_spaces = 0;
        let mut breaks = 0;
        loop {
            let within = |column: usize, indent: usize| indent == 0 || column < indent;
            while within(self.cursor.column(), *indent) && self.cursor.peek() == Some(b' ') {
                self.cursor.skip(1);
            }
            most_spaces = most_spaces.max(self.cursor.column());
            if within(self.cursor.column(), *indent) && self.cursor.peek() == Some(b'\t') {
                return Err(self.cursor.error(
                    "a tab where a block scalar's indentation needs spaces; indent with spaces",
                ));
            }
            if self.cursor.peek() != Some(b'\n') {
                break;
            }
            self.cursor.skip(1);
            breaks += 1;
        }
        if *indent == 0 {
            let below_parent = usize::try_from(parent_indent + 1).unwrap_or(0);
            *indent = most_spaces.max(below_parent).max(1);
        }
        Ok(breaks)
    }
}
