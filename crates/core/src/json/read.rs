//! Reading JSON text (RFC 8259) into a [`Value`]: what `serde_json` takes,
//! except that an object may not give a key twice and nesting stops at
//! [`MAX_DEPTH`].

use super::number::{ScanError, overflows, scan};
use super::{Map, Number, SyntaxError, Value};

/// How deep arrays and objects may nest, so that hostile input cannot
/// exhaust the stack. A cfssl spec nests 3 deep, a Kubernetes object about 8.
pub(crate) const MAX_DEPTH: usize = 64;

type Result<T, E = SyntaxError> = std::result::Result<T, E>;

/// Reads `text`, one JSON value with optional whitespace around it.
pub fn from_str(text: &str) -> Result<Value> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        depth: 0,
    };
    reader.skip_whitespace();
    if reader.pos == reader.bytes.len() {
        return Err(reader.error("the text is empty; give one JSON value, e.g. an object {...}"));
    }
    let value = reader.value()?;
    reader.skip_whitespace();
    if reader.pos < reader.bytes.len() {
        return Err(reader.error(format!(
            "{} after the JSON value; remove it (the text holds one value; put several in an array [...])",
            reader.found()
        )));
    }
    Ok(value)
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// The byte offset of the next character.
    pos: usize,
    /// Arrays and objects open around `pos`.
    depth: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// An error at the current position.
    fn error(&self, problem: impl Into<String>) -> SyntaxError {
        self.error_at(self.pos, problem)
    }

    /// An error at byte `pos`, with its 1-based line and column (in
    /// characters).
    fn error_at(&self, pos: usize, problem: impl Into<String>) -> SyntaxError {
        let before = self.text.get(..pos).unwrap_or(self.text);
        let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
        SyntaxError {
            line: before.matches('\n').count() + 1,
            column: before.get(line_start..).unwrap_or_default().chars().count() + 1,
            problem: problem.into(),
        }
    }

    /// What is at the current position, for messages: `'x'` or the end.
    fn found(&self) -> String {
        match self
            .text
            .get(self.pos..)
            .and_then(|rest| rest.chars().next())
        {
            None => "the end of the text".to_owned(),
            Some('\'') => "a single quote (')".to_owned(),
            Some(c) if c.is_control() => format!("the character U+{:04X}", u32::from(c)),
            Some(c) => format!("'{c}'"),
        }
    }

    /// The error for something other than `expected` at the current position.
    fn expected(&self, expected: &str) -> SyntaxError {
        self.error(format!("expected {expected}, found {}", self.found()))
    }

    /// The error for something other than `expected` between two members or
    /// items, which is most often a forgotten comma.
    fn missing_comma(&self, expected: &str) -> SyntaxError {
        let hint = match self.peek() {
            Some(b'"' | b'{' | b'[' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n') => {
                "; is a ',' missing before it?"
            }
            _ => "",
        };
        self.error(format!("expected {expected}, found {}{hint}", self.found()))
    }

    fn value(&mut self) -> Result<Value> {
        match self.peek() {
            Some(b'{') => self.nested(Self::object),
            Some(b'[') => self.nested(Self::array),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            _ => Err(self.value_expected()),
        }
    }

    fn value_expected(&self) -> SyntaxError {
        let hint = match self.peek() {
            Some(b'\'') => "; strings take double quotes: \"text\"",
            Some(b'a'..=b'z' | b'A'..=b'Z' | b'_') => {
                "; put text in double quotes (\"text\"); the only bare words are true, false and null"
            }
            _ => "",
        };
        self.error(format!(
            "expected a value (an object, array, string, number, true, false or null), found {}{hint}",
            self.found()
        ))
    }

    /// Reads a collection one level deeper, refusing to go past [`MAX_DEPTH`].
    fn nested(&mut self, read: fn(&mut Self) -> Result<Value>) -> Result<Value> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error(format!(
                "arrays and objects nest more than {MAX_DEPTH} deep; flatten the data"
            )));
        }
        self.depth += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value> {
        let end = self.pos + word.len();
        if self.bytes.get(self.pos..end) == Some(word.as_bytes()) {
            self.pos = end;
            return Ok(value);
        }
        let bare: String = self
            .text
            .get(self.pos..)
            .unwrap_or_default()
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .take(20)
            .collect();
        Err(self.error(format!(
            "unknown word `{bare}`; the only bare words are true, false and null (lowercase): put text in double quotes"
        )))
    }

    fn object(&mut self) -> Result<Value> {
        let start = self.pos;
        self.pos += 1; // `{`
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(Map::new()));
        }
        let mut members = Vec::new();
        let read = self.members(start, &mut members);
        // A key given twice among the members read is the error even when
        // reading stopped at a later one: it comes first in the text, and is
        // the error a reader checking each key as it came would report.
        match Map::from_read(members) {
            Ok(map) => read.map(|()| Value::Object(map)),
            Err(duplicate) => Err(self.error_at(
                duplicate.at,
                format!(
                    "the key {} is given twice in this object; keep one",
                    crate::quoted(&duplicate.key)
                ),
            )),
        }
    }

    /// The members of the object that the `{` at `start` opens, from the
    /// first one through the closing `}`, into `members` in input order, each
    /// with where its key starts.
    fn members(&mut self, start: usize, members: &mut Vec<(String, usize, Value)>) -> Result<()> {
        loop {
            let key_pos = self.pos;
            let key = match self.peek() {
                Some(b'"') => self.string()?,
                Some(b'}') => {
                    return Err(self.error("a ',' before '}': remove the trailing comma"));
                }
                None => return Err(self.unclosed(start, "object", '}')),
                _ => return Err(self.expected("a key in double quotes")),
            };
            self.skip_whitespace();
            if self.peek() != Some(b':') {
                return Err(self.expected(&format!("':' after the key {}", crate::quoted(&key))));
            }
            self.pos += 1;
            self.skip_whitespace();
            let value = self.value()?;
            members.push((key, key_pos, value));
            if self.after_item(start, "object", b'}', "',' or '}' after an object member")? {
                return Ok(());
            }
        }
    }

    /// After an object member or array item (of the collection opened at
    /// `start`): a `,` and the whitespace after it (`false`: more follows), or
    /// `close` (`true`: the collection ends); anything else is an error that
    /// says `expected`.
    fn after_item(&mut self, start: usize, kind: &str, close: u8, expected: &str) -> Result<bool> {
        self.skip_whitespace();
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                self.skip_whitespace();
                Ok(false)
            }
            Some(byte) if byte == close => {
                self.pos += 1;
                Ok(true)
            }
            None => Err(self.unclosed(start, kind, char::from(close))),
            _ => Err(self.missing_comma(expected)),
        }
    }

    fn array(&mut self) -> Result<Value> {
        let start = self.pos;
        self.pos += 1; // `[`
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            match self.peek() {
                Some(b']') => {
                    return Err(self.error("a ',' before ']': remove the trailing comma"));
                }
                None => return Err(self.unclosed(start, "array", ']')),
                _ => items.push(self.value()?),
            }
            if self.after_item(start, "array", b']', "',' or ']' after an array item")? {
                return Ok(Value::Array(items));
            }
        }
    }

    /// The error for a collection opened at `start` that the text does not close.
    fn unclosed(&self, start: usize, what: &str, close: char) -> SyntaxError {
        let opened = self.error_at(start, "");
        self.error(format!(
            "the text ends inside the {what} opened at line {} column {}; close it with '{close}'",
            opened.line, opened.column
        ))
    }

    /// A string, from its opening quote to past its closing one.
    fn string(&mut self) -> Result<String> {
        let start = self.pos;
        self.pos += 1; // `"`
        let mut text = String::new();
        loop {
            let run = self.bytes.get(self.pos..).unwrap_or_default();
            let plain = run
                .iter()
                .take_while(|&&b| b != b'"' && b != b'\\' && b >= 0x20)
                .count();
            // Both ends are at ASCII bytes (or the end), so on character boundaries.
            text.push_str(
                self.text
                    .get(self.pos..self.pos + plain)
                    .unwrap_or_default(),
            );
            self.pos += plain;
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(text);
                }
                Some(b'\\') => text.push(self.escape()?),
                Some(byte) => {
                    let escape = match byte {
                        b'\n' => "\\n".to_owned(),
                        b'\t' => "\\t".to_owned(),
                        b'\r' => "\\r".to_owned(),
                        other => format!("\\u{other:04x}"),
                    };
                    return Err(self.error(format!(
                        "the control character U+{byte:04X} cannot appear inside a string as it is; write it as {escape}"
                    )));
                }
                None => {
                    let opened = self.error_at(start, "");
                    return Err(self.error(format!(
                        "the text ends inside the string opened at line {} column {}; close it with '\"'",
                        opened.line, opened.column
                    )));
                }
            }
        }
    }

    /// One escape, from its `\`.
    fn escape(&mut self) -> Result<char> {
        let start = self.pos;
        self.pos += 1; // `\`
        let Some(byte) = self.peek() else {
            return Err(self
                .error("the text ends inside an escape; finish it or write \\\\ for a backslash"));
        };
        self.pos += 1;
        Ok(match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(start),
            _ => {
                self.pos -= 1;
                return Err(self.error_at(
                    start,
                    format!(
                        "unknown escape \\{}; use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX (write \\\\ for a backslash)",
                        self.found().trim_matches('\'')
                    ),
                ));
            }
        })
    }

    /// The rest of a `\uXXXX` escape that starts at `start`, with the low half
    /// of a surrogate pair after a high half.
    fn unicode_escape(&mut self, start: usize) -> Result<char> {
        let high = self.hex4()?;
        let code = match high {
            0xD800..=0xDBFF => {
                if self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u") {
                    return Err(self.lone_surrogate(start, high));
                }
                self.pos += 2;
                let low = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(self.lone_surrogate(start, high));
                }
                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.lone_surrogate(start, high)),
            _ => high,
        };
        char::from_u32(code).ok_or_else(|| self.lone_surrogate(start, high))
    }

    fn lone_surrogate(&self, start: usize, code: u32) -> SyntaxError {
        self.error_at(
            start,
            format!(
                "\\u{code:04X} is half of a UTF-16 surrogate pair without its other half; write the character itself or both halves (e.g. \\uD83D\\uDE00)"
            ),
        )
    }

    fn hex4(&mut self) -> Result<u32> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = self.peek().and_then(|b| char::from(b).to_digit(16));
            let Some(digit) = digit else {
                return Err(self.expected("four hex digits after \\u"));
            };
            code = code * 16 + digit;
            self.pos += 1;
        }
        Ok(code)
    }

    fn number(&mut self) -> Result<Value> {
        let start = self.pos;
        let scanned = scan(self.bytes.get(start..).unwrap_or_default()).map_err(|(at, why)| {
            let at = start + at;
            match why {
                ScanError::Expected(wanted) => {
                    let found = Reader { pos: at, ..*self }.found();
                    self.error_at(at, format!("expected {wanted}, found {found}"))
                }
                ScanError::LeadingZero => self.error_at(
                    at,
                    "a number cannot start with 0 followed by digits (JSON has no octal or zero padding); remove the leading zeros, or quote the value to keep it as text",
                ),
            }
        })?;
        self.pos += scanned.len;
        // The number is ASCII, so its ends are character boundaries.
        let text = self.text.get(start..self.pos).unwrap_or_default();
        if overflows(text) {
            return Err(self.error_at(
                start,
                format!("the number {text} is too large (beyond a 64-bit float); quote it to keep it as text"),
            ));
        }
        Ok(Value::Number(Number::from_scanned(text, scanned.integer)))
    }
}
