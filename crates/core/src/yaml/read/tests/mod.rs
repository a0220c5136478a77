//! What the reader reads (here) and what it refuses (`refusals.rs`).
#![allow(clippy::unwrap_used, clippy::panic)]

mod refusals;
mod suite;

use expect_test::Expect;
use serde_json::{Value, json};

use crate::json::compat::to_serde;

/// The reader's value as serde_json holds it, to compare with `json!`.
fn from_str(yaml: &str) -> Result<Value, crate::yaml::SyntaxError> {
    super::from_str(yaml).map(|value| to_serde(&value))
}

#[track_caller]
fn check(yaml: &str, expected: Value) {
    match from_str(yaml) {
        Ok(value) => assert_eq!(value, expected, "{yaml:?}"),
        Err(error) => panic!("{yaml:?}: {error}"),
    }
}

#[track_caller]
fn check_error(yaml: &str, expect: Expect) {
    match from_str(yaml) {
        Ok(value) => panic!("{yaml:?} read as {value}"),
        Err(error) => expect.assert_eq(&error.to_string()),
    }
}

#[test]
fn reads_kubectl_block_layout() {
    check(
        "metadata:\n  name: web\nspec:\n  groups:\n  - system:masters\n  - system:authenticated\n  usages:\n  - digital signature\n",
        json!({
            "metadata": {"name": "web"},
            "spec": {
                "groups": ["system:masters", "system:authenticated"],
                "usages": ["digital signature"],
            },
        }),
    );
    check(
        "conditions:\n- type: Approved\n  status: \"True\"\n-   type: Failed\n    reason: X\n",
        json!({"conditions": [
            {"type": "Approved", "status": "True"},
            {"type": "Failed", "reason": "X"},
        ]}),
    );
    check("- - a\n  - b\n- c\n", json!([["a", "b"], "c"]));
    check("a:\n  - 1\n  - 2\nb: x\n", json!({"a": [1, 2], "b": "x"}));
    check("a:\nb:\n-\n", json!({"a": null, "b": [null]}));
}

#[test]
fn reads_managed_fields_keys() {
    check(
        "f:status:\n  f:conditions:\n    .: {}\n    k:{\"type\":\"Approved\"}:\n      f:reason: {}\n",
        json!({"f:status": {"f:conditions": {
            ".": {},
            "k:{\"type\":\"Approved\"}": {"f:reason": {}},
        }}}),
    );
}

#[test]
fn types_plain_scalars_and_keeps_quoted_ones_as_text() {
    check(
        "a: 1\nb: \"1\"\nc: '1'\nd: true\ne: ~\nf:\ng: 1.5\nh: 0x10\ni: 0123\nj: yes\n",
        json!({"a": 1, "b": "1", "c": "1", "d": true, "e": null, "f": null, "g": 1.5,
               "h": 16, "i": "0123", "j": "yes"}),
    );
    check("1: one\nnull: x\n", json!({"1": "one", "null": "x"}));
}

#[test]
fn folds_multi_line_plain_scalars() {
    check(
        "message: a long message\n  that kubectl wrapped\n\n  after an empty line\nnext: x\n",
        json!({"message": "a long message that kubectl wrapped\nafter an empty line", "next": "x"}),
    );
    check(
        "- item # a comment\n  # a comment line ends it\n",
        json!(["item"]),
    );
    check("a: b#c d  # comment\n", json!({"a": "b#c d"}));
}

#[test]
fn reads_quoted_scalars() {
    check(
        r#"a: "tab\there \"q\" \\ \x41\u00e9\U0001F600 \/ \N\_\L\P\0""#,
        json!({"a": "tab\there \"q\" \\ Aé\u{1F600} / \u{85}\u{A0}\u{2028}\u{2029}\0"}),
    );
    check(
        "a: 'it''s # not a comment'\n",
        json!({"a": "it's # not a comment"}),
    );
    check(
        "a: \"folded \n   over\n\n  lines\"\nb: 'x\n  y'\n",
        json!({"a": "folded over\nlines", "b": "x y"}),
    );
    check("a: \"joined\\\n   here\"\n", json!({"a": "joinedhere"}));
    check(
        "\"quoted key\": 1\n'other': 2\n",
        json!({"quoted key": 1, "other": 2}),
    );
}

#[test]
fn reads_block_scalars() {
    let json_text = "{\"apiVersion\":\"v1\"}";
    check(
        &format!("annotations:\n  last-applied: |\n    {json_text}\n  other: x\n"),
        json!({"annotations": {"last-applied": format!("{json_text}\n"), "other": "x"}}),
    );
    check("a: |\n  one\n\n   two\n", json!({"a": "one\n\n two\n"}));
    check("a: |-\n  text\n\n", json!({"a": "text"}));
    check(
        "a: |+\n  text\n\n\nb: 1\n",
        json!({"a": "text\n\n\n", "b": 1}),
    );
    check(
        "a: >\n  folded\n  text\n\n  para\n    kept\n  end\n",
        json!({"a": "folded text\npara\n  kept\nend\n"}),
    );
    check("a: |2\n    two more\n", json!({"a": "  two more\n"}));
    check("- |\n  in a list\n- >-\n  x\n", json!(["in a list\n", "x"]));
    // The last line keeps a line break at the end of the text too, as the
    // yaml-test-suite has it (L24T/01, JEF9/02); libyaml drops it.
    check("a: |\n  no final break", json!({"a": "no final break\n"}));
    check("a: | # comment\n  x\n", json!({"a": "x\n"}));
}

#[test]
fn reads_flow_collections() {
    check(
        "a: {}\nb: []\nc: [x, 'y', \"z\", 1, [2]]\nd: {k: v, n: 1, e: , f}\n",
        json!({"a": {}, "b": [], "c": ["x", "y", "z", 1, [2]],
               "d": {"k": "v", "n": 1, "e": null, "f": null}}),
    );
    check(
        "a: [one,\n  two, # comment\n  three,\n]\n",
        json!({"a": ["one", "two", "three"]}),
    );
    check(
        "a: {\"k\":1, url: http://x}\n",
        json!({"a": {"k": 1, "url": "http://x"}}),
    );
    check("[a b, c]", json!(["a b", "c"]));
    // YAML 1.2: a single pair in [ ] is a mapping ([150] ns-flow-pair), and
    // ':' or '?' before a safe character starts a plain scalar ([126]
    // ns-plain-first).
    check("a: [x: 1]\n", json!({"a": [{"x": 1}]}));
    check("[?x, :y]\n", json!(["?x", ":y"]));
}

#[test]
fn reads_the_document_frame() {
    check("", Value::Null);
    check("# only a comment\n", Value::Null);
    check("---\n", Value::Null);
    check("\u{FEFF}--- # start\na: 1\n...\n# after\n", json!({"a": 1}));
    check("a: 1\r\nb:\r\n- x\r\n", json!({"a": 1, "b": ["x"]}));
    check("a: |\r\n  x\r\n  y\r\n", json!({"a": "x\ny\n"}));
    check("a: \t1 \t# tabs as separators\n", json!({"a": 1}));
    check("plain", json!("plain"));
    check("? explicit\n: key\n", json!({"explicit": "key"}));
}
