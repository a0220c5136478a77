use expect_test::expect;

use super::check_error;
use crate::yaml::read::{MAX_DEPTH, from_str};

#[test]
fn refuses_anchors_aliases_tags_and_directives() {
    check_error(
        "a: &x 1\n",
        expect!["line 1: anchors ('&') are not read; write the value out"],
    );
    check_error(
        "a: 1\nb: *x\n",
        expect!["line 2: aliases ('*') are not read; write the value out"],
    );
    check_error(
        "a: !!str 1\n",
        expect!["line 1: tags ('!') are not read; remove the tag"],
    );
    check_error(
        "- !custom {}\n",
        expect!["line 1: tags ('!') are not read; remove the tag"],
    );
    check_error(
        "%YAML 1.2\n---\na: 1\n",
        expect!["line 1: directives (%YAML, %TAG) are not read; remove the line"],
    );
    check_error(
        "? [complex]\n: key\n",
        expect!["line 1: a collection as a mapping key is not read; keys are text"],
    );
    check_error(": no key\n", expect!["line 1: a ':' with no key before it"]);
}

#[test]
fn refuses_more_than_one_document() {
    check_error(
        "a: 1\n---\nb: 2\n",
        expect!["line 2: a second document starts here; give one object, not several"],
    );
    check_error(
        "a: 1\n...\nb: 2\n",
        expect!["line 3: a second document starts here; give one object, not several"],
    );
    check_error(
        "--- a: 1\n",
        expect![
            "line 1: mapping values are not allowed in this context; a nested mapping starts on its own line, indented under its key, and text with ': ' must be quoted"
        ],
    );
}

#[test]
fn refuses_duplicate_keys() {
    check_error(
        "metadata:\n  name: a\n  uid: u\n  name: b\n",
        expect![[r#"line 4: the key "name" is given twice (first on line 2); keep one"#]],
    );
    check_error(
        "a: {k: 1,\n  k: 2}\n",
        expect![[r#"line 2: the key "k" is given twice (first on line 1); keep one"#]],
    );
    check_error(
        "'a': 1\n\"a\": 2\n",
        expect![[r#"line 2: the key "a" is given twice (first on line 1); keep one"#]],
    );
}

/// The key given twice that a reader checking each key as it came would
/// meet first: the earliest second occurrence, before any later error.
#[test]
fn names_the_first_key_given_twice() {
    check_error(
        "{a: 1, b: 2, b: 3, a: 4}",
        expect![[r#"line 1: the key "b" is given twice (first on line 1); keep one"#]],
    );
    check_error(
        "a: 1\na: [x\n",
        expect![[r#"line 2: the key "a" is given twice (first on line 1); keep one"#]],
    );
    check_error(
        "a: 1\nb: 2\na: {c: 1, c: 2}\n",
        expect![[r#"line 3: the key "a" is given twice (first on line 1); keep one"#]],
    );
    check_error(
        "a: {c: 1, c: 2}\na: 1\n",
        expect![[r#"line 1: the key "c" is given twice (first on line 1); keep one"#]],
    );
    check_error(
        "{a: 1, a",
        expect![[r#"line 1: the key "a" is given twice (first on line 1); keep one"#]],
    );
    check_error(
        "a: 1\nb:\n  c: 1\n  c: 2\na: 3\n",
        expect![[r#"line 4: the key "c" is given twice (first on line 3); keep one"#]],
    );
    check_error(
        "a: 1\nb: 1\na: 2\nb: 2\n",
        expect![[r#"line 3: the key "a" is given twice (first on line 1); keep one"#]],
    );
    check_error(
        "{a: 1, a: }",
        expect![[r#"line 1: the key "a" is given twice (first on line 1); keep one"#]],
    );
    check_error(
        "a: 1\na:\n  - x\n  y\n",
        expect![[r#"line 2: the key "a" is given twice (first on line 1); keep one"#]],
    );
    check_error(
        "a: 1\na: 2\n  b: 3\n",
        expect![[r#"line 2: the key "a" is given twice (first on line 1); keep one"#]],
    );
}

#[test]
fn refuses_bad_indentation() {
    check_error(
        "a:\n  b:\n    c: 1\n   d: 2\n",
        expect![
            "line 4: while parsing a block mapping, did not find expected key; line the key up with its siblings, and quote text that holds ': '"
        ],
    );
    check_error(
        "a:\n  - b: 1\n   - 2\n",
        expect!["line 3: while parsing a block collection, did not find expected '-' indicator"],
    );
    check_error(
        "a: 1\n- b\n",
        expect![
            "line 2: while parsing a block mapping, did not find expected key; line the key up with its siblings, and quote text that holds ': '"
        ],
    );
    check_error(
        "a:\n  b: 1\n c: 2\n",
        expect![
            "line 3: while parsing a block mapping, did not find expected key; line the key up with its siblings, and quote text that holds ': '"
        ],
    );
    check_error(
        "a: b: c\n",
        expect![
            "line 1: mapping values are not allowed in this context; a nested mapping starts on its own line, indented under its key, and text with ': ' must be quoted"
        ],
    );
    check_error(
        "a: b\n  c: d\n",
        expect![
            "line 2: mapping values are not allowed in this context; a nested mapping starts on its own line, indented under its key, and text with ': ' must be quoted"
        ],
    );
    check_error(
        "a: - b\n",
        expect!["line 1: block sequence entries are not allowed in this context"],
    );
    check_error(
        "a: 1\nplain text\n",
        expect!["line 3: simple key expect ':'"],
    );
}

#[test]
fn refuses_tabs_in_indentation() {
    check_error(
        "a:\n\tb: 1\n",
        expect![
            "line 2: tabs disallowed within this context (block indentation); indent with spaces only"
        ],
    );
    check_error(
        "a: |\n\ttext\n",
        expect!["line 1: a block scalar content cannot start with a tab"],
    );
}

#[test]
fn refuses_unclosed_quotes_and_brackets() {
    check_error(
        "a: 1\nb: \"open\n  still open\n",
        expect![
            "line 2: while scanning a quoted scalar, found unexpected end of stream; a quote is never closed; end the string with the quote that opens it"
        ],
    );
    check_error(
        "a: 'open\n---\n",
        expect![
            "line 1: while scanning a quoted scalar, found unexpected document indicator; a quote is never closed; end the string with the quote that opens it"
        ],
    );
    check_error(
        "a: [1,\n  2\n",
        expect![
            "line 3: while parsing a flow sequence, expected ',' or ']'; a bracket or brace is never closed, or an entry lacks its ','"
        ],
    );
    check_error(
        "a: {k: v\n",
        expect![
            "line 2: while parsing a flow mapping, did not find expected ',' or '}'; a bracket or brace is never closed, or an entry lacks its ','"
        ],
    );
    check_error(
        "a: [1 2}\n",
        expect![
            "line 1: while parsing a flow sequence, expected ',' or ']'; a bracket or brace is never closed, or an entry lacks its ','"
        ],
    );
}

#[test]
fn refuses_bad_escapes_and_characters() {
    check_error(
        "a: \"\\q\"\n",
        expect![[
            r#"line 1: while parsing a quoted scalar, found unknown escape character; write '\\' for a backslash"#
        ]],
    );
    check_error(
        "a: \"\\u12\"\n",
        expect!["line 1: while parsing a quoted scalar, did not find expected hexadecimal number"],
    );
    check_error(
        "a: \"\\uD800\"\n",
        expect![
            "line 1: while parsing a quoted scalar, found invalid Unicode character escape code"
        ],
    );
    check_error(
        "a: 1\nb: bell\u{7}\n",
        expect![[
            r#"line 2: the character U+0007 cannot appear as it is; write it as "\u0007" inside double quotes"#
        ]],
    );
    check_error(
        "a: x\u{2028}y\n",
        expect![[
            r#"line 1: the character U+2028 cannot appear as it is; write it as "\u2028" inside double quotes"#
        ]],
    );
    check_error(
        "a: 1\rb: 2\n",
        expect!["line 1: a carriage return that does not end a line; end lines with LF or CRLF"],
    );
    check_error(
        "a: 18446744073709551616\n",
        expect![
            "line 1: the integer 18446744073709551616 does not fit in 64 bits; quote it to keep it as text"
        ],
    );
    check_error(
        "a: |0\n  x\n",
        expect!["line 1: while scanning a block scalar, found an indentation indicator equal to 0"],
    );
    check_error(
        "a: | x\n",
        expect![
            "line 1: while scanning a block scalar, did not find expected comment or line break"
        ],
    );
    check_error(
        "a: \"x\" y\n",
        expect!["line 1: invalid trailing content after double-quoted scalar"],
    );
    check_error("a: @x\n", expect!["line 1: unexpected character: `@'"]);
    // saphyr-parser refuses a tab right after a key's ':' (YAML 1.2 takes it
    // as a separator, as libyaml did).
    check_error(
        "a:\t1\n",
        expect!["line 1: ':' must be followed by a valid YAML whitespace"],
    );
    check_error(
        "a: {[x]: 1}\n",
        expect!["line 1: a collection as a mapping key is not read; keys are text"],
    );
}

#[test]
fn bounds_nesting_depth() {
    let deep = |levels: usize| format!("{}{}", "[".repeat(levels), "]".repeat(levels));
    assert!(from_str(&deep(MAX_DEPTH)).is_ok());
    check_error(
        &deep(MAX_DEPTH + 1),
        expect!["line 1: collections are nested more than 64 deep; this reader stops there"],
    );
    let block: String = (0..=MAX_DEPTH)
        .map(|level| format!("{}k:\n", "  ".repeat(level)))
        .collect();
    check_error(
        &block,
        expect!["line 65: collections are nested more than 64 deep; this reader stops there"],
    );
    // Hostile depth fails fast instead of overflowing the stack.
    assert!(from_str(&deep(100_000)).is_err());
    assert!(from_str(&"- ".repeat(100_000)).is_err());
}
