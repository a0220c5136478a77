//! Flow collections: `[a, b]` and `{a: 1, b: 2}`, nested, over any number of
//! lines, with trailing commas. kubectl writes `{}` and `[]` for empty ones.

use std::collections::BTreeMap;

use crate::json::{Map, Value};

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
        let mut map = BTreeMap::new();
        let mut key_lines = BTreeMap::new();
        loop {
            self.skip_flow_space(start, '{')?;
            if self.cursor.peek() == Some(b'}') {
                break;
            }
            let line = self.cursor.line();
            let key = self.flow_key()?;
            if let Some(first) = key_lines.insert(key.clone(), line) {
                return Err(super::duplicate_key(&key, line, first));
            }
            self.skip_flow_space(start, '{')?;
            let mut value = Value::Null;
            if self.cursor.peek() == Some(b':') {
                self.cursor.skip(1);
                self.skip_flow_space(start, '{')?;
                if !matches!(self.cursor.peek(), Some(b',' | b'}')) {
                    value = self.flow_node()?;
                    self.skip_flow_space(start, '{')?;
                }
            }
            map.insert(key, value);
            match self.cursor.peek() {
                Some(b',') => self.cursor.skip(1),
                Some(b'}') => break,
                _ => return Err(self.expected_in_flow(start, '}')),
            }
        }
        self.cursor.skip(1);
        Ok(Value::Object(Map::from(map)))
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
