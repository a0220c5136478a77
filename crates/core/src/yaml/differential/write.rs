//! The writer against `yaml_serde`: manifests carrying exotic and
//! generated strings.

use super::from_str;
use super::{Generator, yaml_serde_reads};
use crate::json::compat::to_serde;
use crate::kubernetes::object::{CertificateSigningRequest, Condition, ObjectMeta, Spec, Status};
use crate::yaml::quote::{is_yaml11_bool, is_yaml11_timestamp};
use crate::yaml::to_string;

/// Pieces of strings that stress quoting: indicators, blanks, things that
/// read as other types, controls, breaks and non-ASCII.
const EXOTIC_PIECES: &[&str] = &[
    "a",
    "Z",
    "0",
    "1",
    "9",
    " ",
    "  ",
    "-",
    "?",
    ":",
    ",",
    "[",
    "]",
    "{",
    "}",
    "#",
    "&",
    "*",
    "!",
    "|",
    ">",
    "'",
    "\"",
    "%",
    "@",
    "`",
    ".",
    "/",
    "\\",
    "~",
    "_",
    "+",
    "=",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "\0",
    "\u{7}",
    "\u{1B}",
    "\u{7F}",
    "\u{85}",
    "\u{A0}",
    "\u{2028}",
    "\u{2029}",
    "\u{FEFF}",
    "\u{FFFD}",
    "é",
    "☃",
    "\u{1F600}",
    ": ",
    " #",
    "- ",
    "---",
    "...",
    "true",
    "null",
    "~",
    "0x1F",
    "0o7",
    "0b1",
    "1e3",
    ".inf",
    ".nan",
    "0123",
    "1.5",
    "yes",
];

/// The strings a user may put in a name, signer or usage, written out.
const EXOTIC: &[&str] = &[
    "",
    " ",
    "  ",
    "true",
    "True",
    "false",
    "null",
    "Null",
    "~",
    "yes",
    "no",
    "on",
    "off",
    "y",
    "n",
    "0",
    "1",
    "-1",
    "+1",
    "0x1F",
    "0o17",
    "0b11",
    "1.5",
    "1e3",
    "1E3",
    "-.inf",
    ".NaN",
    "0123",
    "-007",
    "18446744073709551616",
    "1_000",
    "a: b",
    "a:",
    ":",
    ": a",
    "a #b",
    "a#b",
    "#a",
    "-",
    "- a",
    "-a",
    "?",
    "? a",
    "?a",
    ",a",
    "[a]",
    "]",
    "{a}",
    "}",
    "&a",
    "*a",
    "!a",
    "|",
    "|a",
    ">a",
    "'a'",
    "\"a\"",
    "%a",
    "@a",
    "`a",
    " leading",
    "trailing ",
    "---",
    "--- a",
    "...",
    "...a",
    "it's",
    "say \"hi\"",
    "back\\slash",
    "tab\there",
    "line\nbreak",
    "two\n\n",
    "\nlead",
    "trail\n",
    "cr\rlf",
    "nul\0",
    "bell\u{7}",
    "del\u{7F}",
    "nel\u{85}",
    "nbsp\u{A0}",
    "ls\u{2028}",
    "ps\u{2029}",
    "\u{FEFF}bom",
    "Jürgen",
    "☃",
    "\u{1F600}",
    "日本語",
    "a  b",
    "system:masters",
    "example.com/serving",
    "digital signature",
    "k:{\"type\":\"x\"}",
    "kubernetes.io/kube-apiserver-client",
    "a\u{FFFD}b",
    "\u{D7FF}\u{E000}",
];

/// A manifest with `text` wherever a user's string can go.
fn manifest_with(text: &str) -> CertificateSigningRequest {
    CertificateSigningRequest {
        metadata: ObjectMeta {
            name: Some(text.to_owned()),
            ..ObjectMeta::default()
        },
        spec: Spec {
            expiration_seconds: Some(600),
            groups: Some(vec![text.to_owned(), "system:authenticated".to_owned()]),
            request: "LS0tLS1CRUdJTg==".to_owned(),
            signer_name: text.to_owned(),
            usages: Some(vec!["digital signature".to_owned(), text.to_owned()]),
            ..Spec::default()
        },
        status: Some(Status {
            certificate: None,
            conditions: Some(vec![Condition {
                message: Some(text.to_owned()),
                status: "True".to_owned(),
                kind: "Approved".to_owned(),
                ..Condition::default()
            }]),
        }),
    }
}

fn is_break(c: char) -> bool {
    matches!(c, '\n' | '\u{2028}' | '\u{2029}')
}

/// Writes a manifest carrying `text`: byte for byte what yaml_serde writes
/// (except for line breaks, which yaml_serde writes as a `|` block, and YAML
/// 1.1 booleans and timestamps, which it leaves plain), and read back as the same value by
/// both readers.
#[track_caller]
fn check_written(text: &str) {
    let object = manifest_with(text).to_value();
    let value = to_serde(&object);
    let ours = to_string(&object);
    if !text.contains(is_break) && !is_yaml11_bool(text) && !is_yaml11_timestamp(text) {
        let theirs = yaml_serde::to_string(&value).unwrap();
        assert_eq!(ours, theirs, "{text:?}");
    }
    assert_eq!(from_str(&ours).as_ref(), Ok(&value), "{text:?} as\n{ours}");
    assert_eq!(yaml_serde_reads(&ours), Ok(value), "{text:?} as\n{ours}");
}

#[test]
fn writes_exotic_strings_as_yaml_serde_does() {
    for text in EXOTIC {
        check_written(text);
    }
}

#[test]
fn writes_generated_strings_as_yaml_serde_does() {
    let mut generator = Generator(0x5eed_cafe_f00d_d00d);
    for _ in 0..3000 {
        check_written(&generator.string(EXOTIC_PIECES, 6));
    }
}
