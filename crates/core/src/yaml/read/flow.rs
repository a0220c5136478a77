//! Flow collections: `[a, b]` and `{a: 1, b: 2}`, nested, over any number of
//! lines, with trailing commas. kubectl writes `{}` and `[]` for empty ones.

use crate::json::Value;

use super::{Reader, Result};
use crate::yaml::SyntaxError;

impl Reader<'_> {
    /// A flow sequence or mapping, from its `[` or `{`.
    pub(super) fn flow_collection(&mut self) -> Result<Value> {
        self.nested(|reader| {
            if reader.cursor.peek() == Some(b'[') {
                reader.flow_sequence()
            } else {
                reader.flow_mapping()
            }
        })
    }

    fn flow_sequence(&mut self) -> Result<Value> {
        let start = self.cursor.line();
        self.cursor.skip(1);
        let mut items = Vec::new();
        loop {
            self.skip_flow_space(start, '[')?;
            if self.cursor.peek() == Some(b']') {
                break;
            }
            items.push(self.flow_node()?);
            self.skip_flow_space(start, '[')?;
            match self.cursor.peek() {
                Some(b',') => self.cursor.skip(1),
                Some(b']') => break,
                Some(b':') => {
                    return Err(self.cursor.error(
                        "a 'key: value' pair inside [ ] is not read; write it as {key: value}",
                    ));
                }
                _ => return Err(self.expected_in_flow(start, ']')),
            }
        }
        self.cursor.skip(1);
        Ok(Value::Array(items))
    }

    fn flow_mapping(&mut self) -> Result<Value> {
        let start = self.cursor.line();
        self.cursor.skip(1);
        let mut members = Vec::new();
        let mut lines = Vec::new();
        let read = self.flow_members(start, &mut members, &mut lines);
        super::mapping(members, &lines, read)
    }

    /// The members of the flow mapping whose `{` is on line `start`, through
    /// its `}`, into `members` (in input order, each with its index) and
    /// their keys' lines.
    fn flow_members(
        &mut self,
        start: usize,
        members: &mut Vec<(String, usize, Value)>,
        lines: &mut Vec<usize>,
    ) -> Result<()> {
        loop {
            self.skip_flow_space(start, '{')?;
            if self.cursor.peek() == Some(b'}') {
                break;
            }
            let line = self.cursor.line();
            let key = self.flow_key()?;
            members.push((key, lines.len(), Value::Null));
            lines.push(line);
            self.skip_flow_space(start, '{')?;
            if self.cursor.peek() == Some(b':') {
                self.cursor.skip(1);
                self.skip_flow_space(start, '{')?;
                if !matches!(self.cursor.peek(), Some(b',' | b'}')) {
                    let value = self.flow_node()?;
                    if let Some(member) = members.last_mut() {
                        member.2 = value;
                    }
                    self.skip_flow_space(start, '{')?;
                }
            }
            match self.cursor.peek() {
                Some(b',') => self.cursor.skip(1),
                Some(b'}') => break,
                _ => return Err(self.expected_in_flow(start, '}')),
            }
        }
        self.cursor.skip(1);
        Ok(())
    }

    /// A key in a flow mapping: a plain or quoted scalar, taken as text.
    fn flow_key(&mut self) -> Result<String> {
        match self.cursor.peek() {
            Some(b'"' | b'\'') => self.quoted_scalar(),
            Some(b'[' | b'{') => Err(self
                .cursor
                .error("a collection as a mapping key is not read; keys are text")),
            _ if self.plain_can_start(true) => self.plain_scalar(-1, true),
            _ => Err(self.cannot_start_node()),
        }
    }

    /// An entry of a flow collection.
    fn flow_node(&mut self) -> Result<Value> {
        let line = self.cursor.line();
        match self.cursor.peek() {
            Some(b'"' | b'\'') => self.quoted_scalar().map(Value::String),
            Some(b'[' | b'{') => self.flow_collection(),
            Some(b'|' | b'>') => Err(self
                .cursor
                .error("a block scalar ('|' or '>') cannot be inside [ ] or { }")),
            _ if self.plain_can_start(true) => {
                let text = self.plain_scalar(-1, true)?;
                super::super::resolve::plain_value(&text)
                    .map_err(|problem| SyntaxError { line, problem })
            }
            _ => Err(self.cannot_start_node()),
        }
    }

    /// Moves past blanks, line breaks and comments inside the collection
    /// that `open` started on line `start`.
    fn skip_flow_space(&mut self, start: usize, open: char) -> Result<()> {
        loop {
            match self.cursor.peek() {
                Some(b' ' | b'\t') => self.cursor.skip(1),
                Some(b'#') => self.cursor.skip_to_line_end(),
                Some(b'\n') => {
                    self.cursor.skip(1);
                    if self.cursor.at_document_marker() {
                        return Err(self.unclosed(start, open));
                    }
                }
                None => return Err(self.unclosed(start, open)),
                Some(_) => return Ok(()),
            }
        }
    }

    fn unclosed(&self, start: usize, open: char) -> SyntaxError {
        let close = if open == '[' { ']' } else { '}' };
        SyntaxError {
            line: start,
            problem: format!("the '{open}' here is never closed; end it with '{close}'"),
        }
    }

    fn expected_in_flow(&self, start: usize, close: char) -> SyntaxError {
        self.cursor.error(format!(
            "expected ',' or '{close}' in the collection that starts on line {start}"
        ))
    }
}
