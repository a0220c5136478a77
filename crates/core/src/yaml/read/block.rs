//! Block collections: mappings of `key: value` lines and sequences of `- `
//! items, nested by indentation.

use crate::json::Value;

use super::{Reader, Result};
use crate::yaml::SyntaxError;

impl Reader<'_> {
    /// A node in block context, at the cursor's column: a sequence, a
    /// mapping, or what [`Reader::inline_node`] reads. `parent_indent` is the
    /// column of the collection around it (-1 at the top).
    pub(super) fn block_node(&mut self, parent_indent: isize) -> Result<Value> {
        let column = self.cursor.column();
        if self.at_sequence_item() {
            return self.nested(|reader| reader.block_sequence(column));
        }
        if self.at_implicit_key()? {
            return self.nested(|reader| reader.block_mapping(column));
        }
        self.inline_node(parent_indent)
    }

    /// A node that starts on the current line and is not a block collection:
    /// a scalar (plain ones may continue on more indented lines), a flow
    /// collection, or a `|` or `>` block scalar.
    fn inline_node(&mut self, parent_indent: isize) -> Result<Value> {
        let line = self.cursor.line();
        let value = match self.cursor.peek() {
            Some(b'|' | b'>') => return self.block_scalar(parent_indent).map(Value::String),
            Some(b'"' | b'\'') => Value::String(self.quoted_scalar()?),
            Some(b'[' | b'{') => self.flow_collection()?,
            _ if self.plain_can_start(false) => {
                let text = self.plain_scalar(parent_indent, false)?;
                crate::yaml::resolve::plain_value(&text)
                    .map_err(|problem| SyntaxError { line, problem })?
            }
            _ => return Err(self.cannot_start_node()),
        };
        self.end_line()?;
        self.skip_to_content()?;
        Ok(value)
    }

    /// A block mapping whose keys are at `column`.
    fn block_mapping(&mut self, column: usize) -> Result<Value> {
        let mut members = Vec::new();
        let mut lines = Vec::new();
        let read = self.block_members(column, &mut members, &mut lines);
        super::mapping(members, &lines, read)
    }

    /// The members of a block mapping whose keys are at `column`, into
    /// `members` (in input order, each with its index) and their lines.
    fn block_members(
        &mut self,
        column: usize,
        members: &mut Vec<(String, usize, Value)>,
        lines: &mut Vec<usize>,
    ) -> Result<()> {
        loop {
            let mark = self.cursor.mark();
            let line = self.cursor.line();
            let Some(key) = self.implicit_key()? else {
                self.cursor.reset(mark);
                return Err(self.expected_key());
            };
            members.push((key, lines.len(), Value::Null));
            lines.push(line);
            let value = self.mapping_value(column)?;
            if let Some(member) = members.last_mut() {
                member.2 = value;
            }
            if !self.continues_at(column)? {
                return Ok(());
            }
        }
    }

    /// The value after a block mapping's `key:`: on the same line, or on the
    /// lines below, more indented (a `- ` sequence may also sit at the key's
    /// own column, as kubectl writes it), or `null` when there is none.
    fn mapping_value(&mut self, column: usize) -> Result<Value> {
        let indent = column as isize;
        self.cursor.skip_blanks();
        if !self.at_comment_or_line_end() {
            return self.inline_node(indent);
        }
        self.end_line()?;
        self.skip_to_content()?;
        if self.cursor.at_end() || self.cursor.at_document_marker() {
            return Ok(Value::Null);
        }
        let below = self.cursor.column();
        if below > column {
            self.block_node(indent)
        } else if below == column && self.at_sequence_item() {
            self.nested(|reader| reader.block_sequence(column))
        } else {
            Ok(Value::Null)
        }
    }

    /// A block sequence whose `- ` items are at `column`.
    fn block_sequence(&mut self, column: usize) -> Result<Value> {
        let mut items = Vec::new();
        loop {
            self.cursor.skip(1);
            self.cursor.skip_blanks();
            let item = if self.at_comment_or_line_end() {
                self.end_line()?;
                self.skip_to_content()?;
                if self.at_more_indented(column) {
                    self.block_node(column as isize)?
                } else {
                    Value::Null
                }
            } else {
                self.block_node(column as isize)?
            };
            items.push(item);
            if !self.continues_at(column)? || !self.at_sequence_item() {
                return Ok(Value::Array(items));
            }
        }
    }

    /// Whether the collection at `column` goes on at the cursor: the line is
    /// at that column. A line more indented than it is an error: nothing in
    /// the collection took it.
    fn continues_at(&self, column: usize) -> Result<bool> {
        if self.cursor.at_end() || self.cursor.at_document_marker() {
            return Ok(false);
        }
        let here = self.cursor.column();
        if here > column {
            return Err(self.cursor.error(format!(
                "this line's indentation (column {}) does not line up with the lines above it (column {}); line it up with its siblings",
                here + 1,
                column + 1
            )));
        }
        Ok(here == column)
    }

    fn at_more_indented(&self, column: usize) -> bool {
        !self.cursor.at_end() && !self.cursor.at_document_marker() && self.cursor.column() > column
    }

    fn at_sequence_item(&self) -> bool {
        self.cursor.peek() == Some(b'-') && self.cursor.blank_or_end_at(1)
    }

    /// Whether a `key:` starts at the cursor; the cursor does not move.
    fn at_implicit_key(&mut self) -> Result<bool> {
        let mark = self.cursor.mark();
        let key = self.implicit_key();
        self.cursor.reset(mark);
        key.map(|key| key.is_some())
    }

    /// A block mapping's key and its `:`, all on one line; `None` (with the
    /// cursor anywhere) when the line does not start with one.
    fn implicit_key(&mut self) -> Result<Option<String>> {
        let line = self.cursor.line();
        let key = match self.cursor.peek() {
            Some(b'"' | b'\'') => {
                let key = self.quoted_scalar()?;
                if self.cursor.line() != line {
                    return Ok(None);
                }
                key
            }
            _ if self.plain_can_start(false) => match self.plain_key()? {
                Some(key) => key.to_owned(),
                None => return Ok(None),
            },
            _ => return Ok(None),
        };
        self.cursor.skip_blanks();
        if self.cursor.peek() == Some(b':') && self.cursor.blank_or_end_at(1) {
            self.cursor.skip(1);
            Ok(Some(key))
        } else {
            Ok(None)
        }
    }

    /// The error for a line at a block mapping's column that is not a key.
    fn expected_key(&self) -> SyntaxError {
        if self.at_sequence_item() {
            self.cursor.error(
                "a '- ' item where the mapping expects a key; indent the items under their key",
            )
        } else {
            self.cursor.error(
                "expected a 'key: value' here, at the mapping's indentation; quote text that holds ': '",
            )
        }
    }
}
