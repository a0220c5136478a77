//! The reader's messages and the writers' layout.
#![allow(clippy::unwrap_used, clippy::panic)]

use expect_test::{Expect, expect};

use super::{Map, Number, Value, from_str, to_string, to_string_pretty};

#[track_caller]
fn check_error(text: &str, expect: Expect) {
    match from_str(text) {
        Ok(value) => panic!("{text:?} read as {value:?}"),
        Err(error) => expect.assert_eq(&error.to_string()),
    }
}

#[test]
fn names_the_place_and_the_fix() {
    check_error(
        "{\n  \"CN\": \"a\",\n  \"hosts\": [\"x\"]\n  \"key\": {}\n}",
        expect![[
            r#"expected ',' or '}' after an object member, found '"'; is a ',' missing before it? at line 4 column 3"#
        ]],
    );
    check_error(
        r#"{"CN": "a",}"#,
        expect!["a ',' before '}': remove the trailing comma at line 1 column 12"],
    );
    check_error(
        "[1, 2,]",
        expect!["a ',' before ']': remove the trailing comma at line 1 column 7"],
    );
    check_error(
        "[1 2]",
        expect![
            "expected ',' or ']' after an array item, found '2'; is a ',' missing before it? at line 1 column 4"
        ],
    );
    check_error(
        r#"{"CN" "a"}"#,
        expect![[r#"expected ':' after the key "CN", found '"' at line 1 column 7"#]],
    );
    check_error(
        "{CN: 1}",
        expect!["expected a key in double quotes, found 'C' at line 1 column 2"],
    );
    check_error(
        "{'CN': 1}",
        expect!["expected a key in double quotes, found a single quote (') at line 1 column 2"],
    );
    check_error(
        r#"{"a": 'x'}"#,
        expect![[
            r#"expected a value (an object, array, string, number, true, false or null), found a single quote ('); strings take double quotes: "text" at line 1 column 7"#
        ]],
    );
    check_error(
        r#"{"a": web}"#,
        expect![[
            r#"expected a value (an object, array, string, number, true, false or null), found 'w'; put text in double quotes ("text"); the only bare words are true, false and null at line 1 column 7"#
        ]],
    );
    check_error(
        r#"{"a": True}"#,
        expect![[
            r#"expected a value (an object, array, string, number, true, false or null), found 'T'; put text in double quotes ("text"); the only bare words are true, false and null at line 1 column 7"#
        ]],
    );
    check_error(
        r#"[tru]"#,
        expect![
            "unknown word `tru`; the only bare words are true, false and null (lowercase): put text in double quotes at line 1 column 2"
        ],
    );
    check_error(
        "",
        expect!["the text is empty; give one JSON value, e.g. an object {...} at line 1 column 1"],
    );
    check_error(
        "{\"a\": [1,\n  2",
        expect![
            "the text ends inside the array opened at line 1 column 7; close it with ']' at line 2 column 4"
        ],
    );
    check_error(
        "{\"a\": 1",
        expect![
            "the text ends inside the object opened at line 1 column 1; close it with '}' at line 1 column 8"
        ],
    );
    check_error(
        "\"abc",
        expect![[
            r#"the text ends inside the string opened at line 1 column 1; close it with '"' at line 1 column 5"#
        ]],
    );
    check_error(
        "{} {}",
        expect![
            "'{' after the JSON value; remove it (the text holds one value; put several in an array [...]) at line 1 column 4"
        ],
    );
    check_error(
        "\"a\tb\"",
        expect![[
            r#"the control character U+0009 cannot appear inside a string as it is; write it as \t at line 1 column 3"#
        ]],
    );
    check_error(
        r#""C:\dir""#,
        expect![[
            r#"unknown escape \d; use \" \\ \/ \b \f \n \r \t or \uXXXX (write \\ for a backslash) at line 1 column 4"#
        ]],
    );
    check_error(
        r#""\u12x""#,
        expect![[r#"expected four hex digits after \u, found 'x' at line 1 column 6"#]],
    );
    check_error(
        r#""\ud800 x""#,
        expect![[
            r#"\uD800 is half of a UTF-16 surrogate pair without its other half; write the character itself or both halves (e.g. \uD83D\uDE00) at line 1 column 2"#
        ]],
    );
    check_error(
        "[01]",
        expect![
            "a number cannot start with 0 followed by digits (JSON has no octal or zero padding); remove the leading zeros, or quote the value to keep it as text at line 1 column 2"
        ],
    );
    check_error(
        "[1.]",
        expect![
            "expected a digit after the decimal point (write 1.0, not 1.), found ']' at line 1 column 4"
        ],
    );
    check_error(
        "[-x]",
        expect!["expected a digit after '-', found 'x' at line 1 column 3"],
    );
    check_error(
        "[1e+]",
        expect!["expected a digit in the exponent (e.g. 1e5), found ']' at line 1 column 5"],
    );
    check_error(
        "[1e400]",
        expect![
            "the number 1e400 is too large (beyond a 64-bit float); quote it to keep it as text at line 1 column 2"
        ],
    );
    check_error(
        "{\n  \"a\": 1,\n  \"b\": 2,\n  \"a\": 3\n}",
        expect![[r#"the key "a" is given twice in this object; keep one at line 4 column 3"#]],
    );
    check_error(
        &"[".repeat(100),
        expect!["arrays and objects nest more than 64 deep; flatten the data at line 1 column 65"],
    );
    check_error(
        "[\"é\", x]",
        expect![[
            r#"expected a value (an object, array, string, number, true, false or null), found 'x'; put text in double quotes ("text"); the only bare words are true, false and null at line 1 column 7"#
        ]],
    );
}

/// The key given twice that a reader checking each key as it came would
/// meet first: the earliest second occurrence, before any later error.
#[test]
fn names_the_first_key_given_twice() {
    check_error(
        r#"{"b":1,"a":2,"a":3,"b":4}"#,
        expect![[r#"the key "a" is given twice in this object; keep one at line 1 column 14"#]],
    );
    check_error(
        r#"{"a":1,"b":1,"a":2,"b":2,"a":3}"#,
        expect![[r#"the key "a" is given twice in this object; keep one at line 1 column 14"#]],
    );
    check_error(
        r#"{"a":1,"a":2,"#,
        expect![[r#"the key "a" is given twice in this object; keep one at line 1 column 8"#]],
    );
    check_error(
        r#"{"a":1,"a":2,"b":[x]}"#,
        expect![[r#"the key "a" is given twice in this object; keep one at line 1 column 8"#]],
    );
    check_error(
        r#"{"a":{"c":1,"c":2},"a":1}"#,
        expect![[r#"the key "c" is given twice in this object; keep one at line 1 column 13"#]],
    );
    check_error(
        r#"{"a":1,"a":2,"b":{"c":1,"c":2}}"#,
        expect![[r#"the key "a" is given twice in this object; keep one at line 1 column 8"#]],
    );
    check_error(
        r#"{"a":1,"b":{"c":1,"c":2},"a":1}"#,
        expect![[r#"the key "c" is given twice in this object; keep one at line 1 column 19"#]],
    );
    check_error(
        r#"{"a":1,"a" 2}"#,
        expect![[r#"expected ':' after the key "a", found '2' at line 1 column 12"#]],
    );
    check_error(
        r#"{"a":1,"a":2,}"#,
        expect![[r#"the key "a" is given twice in this object; keep one at line 1 column 8"#]],
    );
    check_error(
        r#"{"a":1,"a":[1,2}"#,
        expect!["expected ',' or ']' after an array item, found '}' at line 1 column 16"],
    );
}

#[test]
fn reads_large_objects_quickly() {
    let members: Vec<String> = (0..100_000).map(|i| format!("\"k{i}\":{i}")).collect();
    let text = format!("{{{}}}", members.join(","));
    let Value::Object(map) = from_str(&text).unwrap() else {
        panic!("not an object");
    };
    assert_eq!(map.len(), 100_000);
    assert!(map.iter().map(|(key, _)| key).is_sorted());
    let text = format!("{{{},\"k5\":0}}", members.join(","));
    assert!(
        from_str(&text)
            .unwrap_err()
            .problem
            .contains("\"k5\" is given twice")
    );
}

#[test]
fn never_overflows_the_stack() {
    for open in ["[", "{\"a\":", "[{\"a\":"] {
        assert!(from_str(&open.repeat(100_000)).is_err());
    }
}

#[test]
fn keeps_numbers_exact_without_floats() {
    let value = from_str(
        "[0, 18446744073709551615, -9223372036854775808, 1.50, -0, 1E+2, 18446744073709551616]",
    )
    .unwrap();
    assert_eq!(
        value,
        Value::Array(vec![
            Value::from(0u8),
            Value::from(u64::MAX),
            Value::from(i64::MIN),
            Value::Number(Number::decimal("1.50").unwrap()),
            Value::Number(Number::decimal("-0").unwrap()),
            Value::Number(Number::decimal("1E+2").unwrap()),
            Value::Number(Number::decimal("18446744073709551616").unwrap()),
        ])
    );
    assert_eq!(
        to_string(&value),
        "[0,18446744073709551615,-9223372036854775808,1.50,-0,1E+2,18446744073709551616]"
    );
    assert_eq!(value.as_array().unwrap()[3].as_u64(), None);
    assert_eq!(Number::decimal("1e400"), None);
    assert_eq!(Number::decimal("01"), None);
    assert_eq!(Number::decimal(" 1"), None);
}

#[test]
fn reads_objects_sorted_and_builds_them_in_order() {
    let read = from_str(r#"{"b": 1, "a": {"d": null, "c": []}}"#).unwrap();
    assert_eq!(to_string(&read), r#"{"a":{"c":[],"d":null},"b":1}"#);
    let built: Value = Map::new()
        .with("verified", true)
        .with("at", "now")
        .with_some("skipped", None::<u32>)
        .with("none", None::<u32>)
        .with("list", vec!["x", "y"])
        .with("empty", Map::new())
        .into();
    assert_eq!(
        to_string(&built),
        r#"{"verified":true,"at":"now","none":null,"list":["x","y"],"empty":{}}"#
    );
    assert_eq!(
        to_string_pretty(&built),
        "{\n  \"verified\": true,\n  \"at\": \"now\",\n  \"none\": null,\n  \"list\": [\n    \"x\",\n    \"y\"\n  ],\n  \"empty\": {}\n}"
    );
}

#[test]
fn escapes_as_serde_json_does() {
    let value = Value::from("\"\\/\n\t\r\u{8}\u{c}\u{0}\u{1f}\u{7f}é\u{2028}😀");
    assert_eq!(
        to_string(&value),
        r#""\"\\/\n\t\r\b\f\u0000\u001f"#.to_owned() + "\u{7f}é\u{2028}😀\""
    );
}

#[test]
fn fields_match_as_go_finds_struct_fields() {
    let Value::Object(mut map) =
        from_str(r#"{"cn": 1, "CN": 2, "Key": 3, "kEY": 4, "x": 5}"#).unwrap()
    else {
        panic!("not an object")
    };
    assert_eq!(map.get_field("CN"), Some(&Value::from(2u64)), "exact first");
    // The reader sorts the keys: "CN" comes before "cn".
    assert_eq!(
        map.get_field("Cn"),
        Some(&Value::from(2u64)),
        "else the first up to case"
    );
    assert_eq!(map.get_field("cn"), Some(&Value::from(1u64)), "exact first");
    assert_eq!(map.get_field("key"), Some(&Value::from(3u64)));
    assert_eq!(map.get_field("names"), None);
    assert_eq!(
        map.remove_field("KEY"),
        Some(Value::from(4u64)),
        "the last removed"
    );
    assert_eq!(map.remove_field("key"), None);
    assert_eq!(to_string(&Value::Object(map)), r#"{"CN":2,"cn":1,"x":5}"#);
}
