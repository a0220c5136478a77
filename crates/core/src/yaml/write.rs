//! Block-style YAML from a JSON value, laid out as libyaml's emitter lays it
//! out for `yaml_serde`: two-space indents, a mapping's sequences at the
//! mapping's own indent (`- ` under the key), and empty collections as `{}`
//! and `[]`.

use crate::json::{Map, Value};

use super::quote::write_string;

/// The spaces each nested mapping adds.
const INDENT: usize = 2;

/// `value` as a YAML document ending in a newline. Keys come in the map's
/// order, and each key is written as a scalar on its own line.
pub(crate) fn to_string(value: &Value) -> String {
    let mut out = String::new();
    match value {
        Value::Object(map) if !map.is_empty() => write_mapping(&mut out, map, 0, false),
        Value::Array(items) if !items.is_empty() => write_sequence(&mut out, items, 0, false),
        scalar => {
            write_scalar(&mut out, scalar);
            out.push('\n');
        }
    }
    out
}

/// A block mapping at `indent`. With `inline`, the first key continues the
/// current line (after a sequence's `- `).
fn write_mapping(out: &mut String, map: &Map, indent: usize, inline: bool) {
    for (i, (key, value)) in map.iter().enumerate() {
        if i > 0 || !inline {
            push_indent(out, indent);
        }
        write_string(out, key);
        out.push(':');
        match value {
            Value::Object(map) if !map.is_empty() => {
                out.push('\n');
                write_mapping(out, map, indent + INDENT, false);
            }
            Value::Array(items) if !items.is_empty() => {
                out.push('\n');
                write_sequence(out, items, indent, false);
            }
            scalar => {
                out.push(' ');
                write_scalar(out, scalar);
                out.push('\n');
            }
        }
    }
}

/// A block sequence at `indent`: one `- ` item a line, nested collections
/// starting on the item's line.
fn write_sequence(out: &mut String, items: &[Value], indent: usize, inline: bool) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 || !inline {
            push_indent(out, indent);
        }
        out.push_str("- ");
        match item {
            Value::Object(map) if !map.is_empty() => {
                write_mapping(out, map, indent + INDENT, true);
            }
            Value::Array(items) if !items.is_empty() => {
                write_sequence(out, items, indent + INDENT, true);
            }
            scalar => {
                write_scalar(out, scalar);
                out.push('\n');
            }
        }
    }
}

/// A scalar or an empty collection.
fn write_scalar(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(value) => out.push_str(if *value { "true" } else { "false" }),
        // Integers in decimal, other numbers as their JSON text (with a `.`
        // or an exponent), so each reads back as the number it was.
        Value::Number(number) => out.push_str(&number.to_string()),
        Value::String(text) => write_string(out, text),
        Value::Array(_) => out.push_str("[]"),
        Value::Object(_) => out.push_str("{}"),
    }
}

fn push_indent(out: &mut String, indent: usize) {
    out.extend(std::iter::repeat_n(' ', indent));
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::to_string;
    use crate::json::compat::from_serde;

    #[track_caller]
    fn check(value: Value, expect: &str) {
        assert_eq!(to_string(&from_serde(&value)), expect);
    }

    #[test]
    fn lays_out_blocks_as_kubectl_apply_reads_them() {
        check(
            json!({
                "apiVersion": "certificates.k8s.io/v1",
                "metadata": {"name": "web"},
                "spec": {"expirationSeconds": 600, "usages": ["digital signature", "server auth"]},
            }),
            "apiVersion: certificates.k8s.io/v1\n\
             metadata:\n  name: web\n\
             spec:\n  expirationSeconds: 600\n  usages:\n  - digital signature\n  - server auth\n",
        );
    }

    #[test]
    fn nests_collections_in_sequences_on_the_item_line() {
        check(
            json!({"conditions": [{"status": "True", "type": "Approved"}, [1, [2]], []]}),
            "conditions:\n- status: 'True'\n  type: Approved\n- - 1\n  - - 2\n- []\n",
        );
    }

    #[test]
    fn writes_scalars_and_empty_collections() {
        check(json!({}), "{}\n");
        check(json!([]), "[]\n");
        check(json!("text"), "text\n");
        check(
            json!({"a": null, "b": true, "c": -1, "d": 1.5, "e": {}, "f": []}),
            "a: null\nb: true\nc: -1\nd: 1.5\ne: {}\nf: []\n",
        );
    }
}
