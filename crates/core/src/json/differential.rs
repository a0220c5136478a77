//! The reader and the writers against `serde_json` (a dev-dependency only),
//! which did this work before: the same values from the same texts, the same
//! refusals (except for what this reader refuses by design: a key given
//! twice, nesting deeper than [`MAX_DEPTH`]), and the same bytes written.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::compat::{from_serde, to_serde};
use super::read::MAX_DEPTH;
use super::{from_str, to_string, to_string_pretty};

/// A small, fixed pseudo-random sequence (xorshift), so generated cases are
/// the same on every run.
struct Generator(u64);

impl Generator {
    fn next(&mut self, below: usize) -> usize {
        crate::testing::xorshift(&mut self.0, below)
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.next(from.len())]
    }

    fn string(&mut self) -> String {
        let count = self.next(5);
        (0..count).map(|_| self.pick(STRING_PIECES)).collect()
    }

    fn number(&mut self) -> serde_json::Value {
        match self.next(6) {
            0 => serde_json::Value::from(self.0),
            1 => serde_json::Value::from(-((self.0 >> 1) as i64)),
            2 => serde_json::Value::from(self.next(1000)),
            3 => serde_json::Value::from(f64::from_bits(self.0 >> 2)),
            4 => serde_json::Value::from(self.next(100_000) as f64 / 7.0),
            _ => serde_json::Value::from(-(self.next(1000) as f64) * 1e-5),
        }
    }

    /// A value nested at most `depth` deep.
    fn value(&mut self, depth: usize) -> serde_json::Value {
        match self.next(if depth == 0 { 4 } else { 6 }) {
            0 => [
                serde_json::Value::Null,
                serde_json::Value::Bool(true),
                serde_json::Value::Bool(false),
            ][self.next(3)]
            .clone(),
            1 => self.number(),
            2 | 3 => serde_json::Value::String(self.string()),
            4 => (0..self.next(4)).map(|_| self.value(depth - 1)).collect(),
            _ => serde_json::Value::Object(
                (0..self.next(4))
                    .map(|_| (self.string(), self.value(depth - 1)))
                    .collect(),
            ),
        }
    }
}

/// Pieces of strings that stress escaping.
const STRING_PIECES: &[&str] = &[
    "a", "key", " ", "\"", "\\", "/", "\n", "\t", "\r", "\u{8}", "\u{c}", "\u{0}", "\u{1f}",
    "\u{7f}", "é", "\u{2028}", "😀", "\u{FEFF}", "null", "1",
];

/// Pieces the mangler puts into valid texts.
const MANGLE_PIECES: &[&str] = &[
    ",",
    ":",
    "{",
    "}",
    "[",
    "]",
    "\"",
    "\\",
    "\\u",
    "\\ud800",
    "\\udc00",
    "\\x",
    "0",
    "-",
    "01",
    ".",
    "e",
    "E+",
    "1e400",
    "-0",
    "true",
    "tru",
    "nul",
    "NaN",
    " ",
    "\n",
    "\t",
    "\u{0}",
    "\u{1}",
    "'",
    "/",
    "é",
    "\u{FEFF}",
    "18446744073709551616",
    "-9223372036854775809",
];

/// Where this reader and serde_json may disagree on purpose.
fn refused_by_design(problem: &str) -> bool {
    problem.contains("is given twice") || problem.contains("nest more than")
}

#[track_caller]
fn check_reads(text: &str) {
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    match (from_str(text), theirs) {
        (Ok(ours), Ok(theirs)) => assert_eq!(to_serde(&ours), theirs, "{text:?}"),
        (Err(ours), Err(_)) => {
            assert!(ours.line >= 1 && ours.column >= 1, "{text:?}: {ours}");
        }
        (Err(ours), Ok(_)) if refused_by_design(&ours.problem) => {}
        (Err(ours), Ok(theirs)) => {
            panic!("{text:?}: we refuse ({ours}), serde_json reads {theirs}")
        }
        (Ok(ours), Err(theirs)) => {
            panic!(
                "{text:?}: we read {}, serde_json refuses ({theirs})",
                to_serde(&ours)
            )
        }
    }
}

#[test]
fn reads_edge_cases_as_serde_json_does() {
    for text in [
        "",
        " ",
        "-",
        "01",
        "1.",
        ".5",
        "1e",
        "1e+",
        "-0",
        "-0.0",
        "0e0",
        "1E-2",
        "1e400",
        "-1e400",
        "1e-400",
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "1.7976931348623159e308",
        "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "[1,]",
        "{\"a\":1,}",
        "[,1]",
        "{,}",
        "\"\\ud800\"",
        "\"\\udc00\"",
        "\"\\ud800\\u0041\"",
        "\"\\ud83d\\ude00\"",
        "\"\\uD83D\\uDE00\"",
        "\"\t\"",
        "\"\\x\"",
        "tru",
        "nulll",
        "[",
        "{",
        "{\"a\"}",
        "{\"a\" 1}",
        "{1:2}",
        "\u{feff}{}",
        "NaN",
        "Infinity",
        "+1",
        "0x10",
        "[1 2]",
        "\"abc",
        "\"\\",
        "\"\\u12\"",
        "1 2",
        "{}x",
        "\"\u{7f}\"",
        "\"é\"",
        "[[[]]]",
        " {\"a\" : [ 1 , {\"b\":null} ] } ",
        "\"\\/\\b\\f\\n\\r\\t\\\"\\\\\"",
        "[1e5,1E+5,1e-5,-1.25e-3]",
        "[\"\\u0000\"]",
        "{\"\":\"\"}",
        "\n\r\t[]\n",
        "[] ",
        "[\u{a0}]",
        "True",
        "[-]",
        "[--1]",
        "[1.e1]",
        "[1.0e]",
        "\"\\u00e9\"",
    ] {
        check_reads(text);
    }
}

#[test]
fn reads_generated_and_mangled_texts_as_serde_json_does() {
    let mut generator = Generator(0x0ddb_a11c_0ffe_e000);
    for _ in 0..4000 {
        let value = generator.value(4);
        let mut text = if generator.next(2) == 0 {
            serde_json::to_string(&value).unwrap()
        } else {
            serde_json::to_string_pretty(&value).unwrap()
        };
        check_reads(&text);
        for _ in 0..3 {
            let mut cut = generator.next(text.len() + 1);
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            match generator.next(3) {
                0 => text.insert_str(cut, generator.pick(MANGLE_PIECES)),
                1 => {
                    let mut end = cut + 1;
                    while end < text.len() && !text.is_char_boundary(end) {
                        end += 1;
                    }
                    text.replace_range(cut..end.min(text.len()), "");
                }
                _ => text.truncate(cut),
            }
            check_reads(&text);
        }
    }
}

#[test]
fn refuses_on_purpose_what_serde_json_reads() {
    for text in [r#"{"a": 1, "a": 2}"#, r#"[{"b": {"k": 1, "k": 1}}]"#] {
        let error = from_str(text).unwrap_err();
        assert!(
            error.problem.contains("is given twice"),
            "{text:?}: {error}"
        );
        assert!(serde_json::from_str::<serde_json::Value>(text).is_ok());
    }
    let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
    assert!(
        from_str(&deep)
            .unwrap_err()
            .problem
            .contains("nest more than")
    );
    assert!(serde_json::from_str::<serde_json::Value>(&deep).is_ok());
    let deep = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert!(from_str(&deep).is_ok());
}

#[test]
fn writes_generated_values_as_serde_json_does() {
    let mut generator = Generator(0x05ee_d0f1_a50b_5e55);
    for _ in 0..4000 {
        let theirs = generator.value(4);
        let ours = from_serde(&theirs);
        assert_eq!(to_string(&ours), serde_json::to_string(&theirs).unwrap());
        let pretty = to_string_pretty(&ours);
        assert_eq!(pretty, serde_json::to_string_pretty(&theirs).unwrap());
        // And reads back as it was.
        assert_eq!(from_str(&pretty).map(|v| to_serde(&v)), Ok(theirs));
    }
}
