//! Writing a [`Value`] as JSON text, byte for byte as `serde_json::to_string`
//! (compact) and `to_string_pretty` (two-space indents) write it.

use super::{Map, Value};

/// The spaces each nesting level adds in pretty output.
const INDENT: usize = 2;

/// `value` on one line, without spaces.
pub fn to_string(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value, None);
    out
}

/// `value` with one member or item a line, indented two spaces a level; empty
/// collections as `{}` and `[]`. No final newline.
pub fn to_string_pretty(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value, Some(0));
    out
}

/// Writes `value`; `indent` is the current level's indent in pretty output,
/// `None` in compact output.
fn write_value(out: &mut String, value: &Value, indent: Option<usize>) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(value) => out.push_str(if *value { "true" } else { "false" }),
        Value::Number(number) => out.push_str(&number.to_string()),
        Value::String(text) => write_string(out, text),
        Value::Array(items) => write_array(out, items, indent),
        Value::Object(map) => write_object(out, map, indent),
    }
}

fn write_array(out: &mut String, items: &[Value], indent: Option<usize>) {
    if items.is_empty() {
        out.push_str("[]");
        return;
    }
    out.push('[');
    let inner = indent.map(|indent| indent + INDENT);
    for (i, item) in items.iter().enumerate() {
        separate(out, i, inner);
        write_value(out, item, inner);
    }
    close(out, indent);
    out.push(']');
}

fn write_object(out: &mut String, map: &Map, indent: Option<usize>) {
    if map.is_empty() {
        out.push_str("{}");
        return;
    }
    out.push('{');
    let inner = indent.map(|indent| indent + INDENT);
    for (i, (key, value)) in map.iter().enumerate() {
        separate(out, i, inner);
        write_string(out, key);
        out.push_str(if inner.is_some() { ": " } else { ":" });
        write_value(out, value, inner);
    }
    close(out, indent);
    out.push('}');
}

/// Before the `i`th item or member: a comma after the first, and in pretty
/// output a line break and the indent.
fn separate(out: &mut String, i: usize, indent: Option<usize>) {
    if i > 0 {
        out.push(',');
    }
    if let Some(indent) = indent {
        out.push('\n');
        out.extend(std::iter::repeat_n(' ', indent));
    }
}

/// Before a closing bracket in pretty output: a line break and the indent.
fn close(out: &mut String, indent: Option<usize>) {
    if let Some(indent) = indent {
        out.push('\n');
        out.extend(std::iter::repeat_n(' ', indent));
    }
}

/// A string in double quotes: `"` and `\` escaped, control characters as
/// `\n`, `\t`, `\r`, `\b`, `\f` or `\u00XX`; everything else (`/`, non-ASCII)
/// as it is.
pub fn write_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                // Below 0x20: both hex digits index into HEX.
                let code = u32::from(c) as usize;
                out.push_str("\\u00");
                out.push(char::from(HEX[code >> 4]));
                out.push(char::from(HEX[code & 0xF]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
