//! What a plain (unquoted) scalar means: YAML 1.2's core schema, resolved the
//! way `yaml_serde` resolves it, so that a manifest reads back as it did there.
//!
//! The writer quotes a string whenever [`reads_as_text`] says it would not
//! read back as that text.

/// What a plain scalar resolves to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Plain {
    Null,
    Bool,
    /// Fits a JSON number (`u64` or `i64`).
    Int,
    /// An integer outside 64 bits, within 128.
    WideInt,
    Float,
    Text,
}

/// Whether `text` written plain reads back as the same text: not null, a
/// boolean or a number, and not digits with a leading zero (`0123`, which YAML
/// 1.1 reads as octal).
pub(super) fn reads_as_text(text: &str) -> bool {
    classify(text) == Plain::Text && !digits_but_not_number(text)
}

fn classify(text: &str) -> Plain {
    if matches!(text, "" | "~" | "null" | "Null" | "NULL") {
        return Plain::Null;
    }
    match text {
        "true" | "True" | "TRUE" | "false" | "False" | "FALSE" => return Plain::Bool,
        _ => {}
    }
    if unsigned(text, u64::from_str_radix).is_some()
        || negative(text, i64::from_str_radix).is_some()
    {
        return Plain::Int;
    }
    if unsigned(text, u128::from_str_radix).is_some()
        || negative(text, i128::from_str_radix).is_some()
    {
        return Plain::WideInt;
    }
    if !digits_but_not_number(text) && float(text).is_some() {
        return Plain::Float;
    }
    Plain::Text
}

type Radix<T> = fn(&str, u32) -> Result<T, std::num::ParseIntError>;

/// The radix prefixes YAML 1.2 gives integers.
const PREFIXES: [(&str, u32); 3] = [("0x", 16), ("0o", 8), ("0b", 2)];

/// A non-negative integer: decimal, `0x`, `0o` or `0b`, with an optional `+`.
fn unsigned<T>(text: &str, parse: Radix<T>) -> Option<T> {
    let unsigned = text.strip_prefix('+').unwrap_or(text);
    for (prefix, radix) in PREFIXES {
        if let Some(digits) = unsigned.strip_prefix(prefix) {
            if digits.starts_with(['+', '-']) {
                return None;
            }
            if let Ok(int) = parse(digits, radix) {
                return Some(int);
            }
        }
    }
    if unsigned.starts_with(['+', '-']) || digits_but_not_number(text) {
        return None;
    }
    parse(unsigned, 10).ok()
}

/// A negative integer: `-` then decimal, `0x`, `0o` or `0b` digits.
fn negative<T>(text: &str, parse: Radix<T>) -> Option<T> {
    for (prefix, radix) in PREFIXES {
        if let Some(digits) = text.strip_prefix('-').and_then(|t| t.strip_prefix(prefix))
            && let Ok(int) = parse(&format!("-{digits}"), radix)
        {
            return Some(int);
        }
    }
    if digits_but_not_number(text) {
        return None;
    }
    parse(text, 10).ok()
}

/// A finite float as Rust reads it, or `.inf`, `-.inf` and `.nan` in YAML's
/// three spellings each.
fn float(text: &str) -> Option<f64> {
    let unsigned = match text.strip_prefix('+') {
        Some(rest) if rest.starts_with(['+', '-']) => return None,
        Some(rest) => rest,
        None => text,
    };
    if matches!(unsigned, ".inf" | ".Inf" | ".INF") {
        return Some(f64::INFINITY);
    }
    if matches!(text, "-.inf" | "-.Inf" | "-.INF") {
        return Some(f64::NEG_INFINITY);
    }
    if matches!(text, ".nan" | ".NaN" | ".NAN") {
        return Some(f64::NAN);
    }
    unsigned
        .parse::<f64>()
        .ok()
        .filter(|float| float.is_finite())
}

/// Digits with a leading zero and an optional sign, e.g. `0123`: a string in
/// YAML 1.2.
fn digits_but_not_number(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    digits.len() > 1 && digits.starts_with('0') && digits.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::reads_as_text;

    #[test]
    fn knows_what_reads_as_another_type() {
        for other in [
            "",
            "~",
            "null",
            "Null",
            "NULL",
            "true",
            "FALSE",
            "0",
            "+12",
            "-12",
            "0x1F",
            "-0x10",
            "0o17",
            "0b101",
            "18446744073709551615",
            "18446744073709551616",
            "1.5",
            "1e3",
            ".5",
            "-.inf",
            ".NaN",
        ] {
            assert!(!reads_as_text(other), "{other:?}");
        }
    }

    #[test]
    fn keeps_what_is_not_a_number_as_text() {
        for text in [
            "yes",
            "on",
            "nULL",
            "tRUE",
            "0x",
            "0x+1",
            "+-1",
            "1_000",
            "inf",
            "nan",
            "infinity",
            "1.2.3",
            "system:masters",
            "1e",
            "--1",
            "++1",
            ".",
            "-",
            "+",
        ] {
            assert!(reads_as_text(text), "{text:?}");
        }
    }

    #[test]
    fn digits_with_a_leading_zero_are_not_written_plain() {
        // YAML 1.1 readers take them for octal numbers.
        for text in ["0123", "-007", "00"] {
            assert!(!reads_as_text(text), "{text:?}");
        }
    }
}
