//! What a plain (unquoted) scalar means: YAML 1.2's core schema, resolved the
//! way `yaml_serde` resolves it, so that a manifest reads back as it did there.
//!
//! The reader types plain scalars with [`plain_value`]; the writer quotes a
//! string whenever [`reads_as_text`] says it would not read back as that text.

use crate::json::{Number, Value};

/// What a plain scalar resolves to.
#[derive(Clone, Debug, PartialEq)]
enum Plain {
    Null,
    Bool(bool),
    /// Fits a JSON number (`u64` or `i64`).
    Int(Number),
    /// An integer outside 64 bits, within 128.
    WideInt,
    /// A float as JSON text; `None` for infinity and NaN, which JSON has no
    /// number for.
    Float(Option<Number>),
    Text,
}

/// The JSON value of a plain scalar; `Err` for an integer that does not fit
/// in 64 bits (`yaml_serde` refuses those too).
pub(super) fn plain_value(text: &str) -> Result<Value, String> {
    Ok(match classify(text) {
        Plain::Null => Value::Null,
        Plain::Bool(value) => Value::Bool(value),
        Plain::Int(number) => Value::Number(number),
        Plain::WideInt => {
            return Err(format!(
                "the integer {text} does not fit in 64 bits; quote it to keep it as text"
            ));
        }
        // Infinity and NaN have no JSON number: they read as null, as in yaml_serde.
        Plain::Float(float) => float.map_or(Value::Null, Value::Number),
        Plain::Text => Value::String(text.to_owned()),
    })
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
        "true" | "True" | "TRUE" => return Plain::Bool(true),
        "false" | "False" | "FALSE" => return Plain::Bool(false),
        _ => {}
    }
    match integer(text) {
        Some((false, magnitude)) => {
            return match u64::try_from(magnitude) {
                Ok(int) => Plain::Int(Number::from(int)),
                Err(_) => Plain::WideInt,
            };
        }
        // i128's range ends at -2^127; below that it reads as a float.
        Some((true, magnitude)) if magnitude <= 1 << 127 => {
            return match u64::try_from(magnitude) {
                Ok(int) if int <= 1 << 63 => {
                    Plain::Int(Number::from(0i64.wrapping_sub_unsigned(int)))
                }
                _ => Plain::WideInt,
            };
        }
        _ => {}
    }
    if !digits_but_not_number(text)
        && let Some(float) = float(text)
    {
        return Plain::Float(float);
    }
    Plain::Text
}

/// The radix prefixes YAML 1.2 gives integers.
const PREFIXES: [(&str, u32); 3] = [("0x", 16), ("0o", 8), ("0b", 2)];

/// An integer's sign (`true` for negative) and magnitude, if `text` is one
/// that fits 128 bits: an optional `+` or `-`, then decimal digits, or `0x`,
/// `0o` or `0b` and digits of that radix. Decimal digits with a leading zero
/// are not (YAML 1.1 read them as octal). What Rust's `from_str_radix` reads,
/// in one loop for every width.
fn integer(text: &str) -> Option<(bool, u128)> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    for (prefix, radix) in PREFIXES {
        if let Some(digits) = unsigned.strip_prefix(prefix) {
            return Some((negative, magnitude(digits, radix)?));
        }
    }
    if digits_but_not_number(text) {
        return None;
    }
    Some((negative, magnitude(unsigned, 10)?))
}

/// At least one digit of `radix`, and nothing else, as a number; `None` past
/// 128 bits.
fn magnitude(digits: &str, radix: u32) -> Option<u128> {
    if digits.is_empty() {
        return None;
    }
    digits.chars().try_fold(0u128, |value, c| {
        value
            .checked_mul(u128::from(radix))?
            .checked_add(u128::from(c.to_digit(radix)?))
    })
}

/// A float as Rust's `str::parse::<f64>` reads it when finite (as JSON
/// text, without parsing it), or `.inf`, `-.inf` and `.nan` in YAML's three
/// spellings each (as `None`).
fn float(text: &str) -> Option<Option<Number>> {
    let unsigned = match text.strip_prefix('+') {
        Some(rest) if rest.starts_with(['+', '-']) => return None,
        Some(rest) => rest,
        None => text,
    };
    if matches!(unsigned, ".inf" | ".Inf" | ".INF")
        || matches!(text, "-.inf" | "-.Inf" | "-.INF" | ".nan" | ".NaN" | ".NAN")
    {
        return Some(None);
    }
    json_float(unsigned).map(Some)
}

/// `text` (an optional `-`, then digits with an optional `.` and exponent, as
/// Rust reads floats) as a JSON number: `.5` is `0.5`, `1.` is `1.0`, `007.5`
/// is `7.5`. `None` when it is not such a float or overflows 64 bits (Rust
/// reads that as infinity).
fn json_float(text: &str) -> Option<Number> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(cut) => unsigned.split_at(cut),
        None => (unsigned, ""),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (mantissa, None),
    };
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    let exponent_digits = exponent.get(1..).unwrap_or_default();
    let exponent_digits = exponent_digits
        .strip_prefix(['+', '-'])
        .unwrap_or(exponent_digits);
    if !digits(whole)
        || !fraction.is_none_or(digits)
        || (whole.is_empty() && fraction.is_none_or(str::is_empty))
        || (!exponent.is_empty() && (exponent_digits.is_empty() || !digits(exponent_digits)))
    {
        return None;
    }
    let mut json = String::with_capacity(text.len() + 2);
    if negative {
        json.push('-');
    }
    match whole.trim_start_matches('0') {
        "" => json.push('0'),
        whole => json.push_str(whole),
    }
    match fraction {
        Some("") => json.push_str(".0"),
        Some(fraction) => {
            json.push('.');
            json.push_str(fraction);
        }
        None => {}
    }
    json.push_str(exponent);
    Number::decimal(&json)
}

/// Digits with a leading zero and an optional sign, e.g. `0123`: a string in
/// YAML 1.2.
fn digits_but_not_number(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    digits.len() > 1 && digits.starts_with('0') && digits.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use serde_json::{Value, json};

    use super::reads_as_text;
    use crate::json::compat::to_serde;

    /// The value as serde_json holds it, to compare with `json!`.
    fn plain_value(text: &str) -> Result<Value, String> {
        super::plain_value(text).map(|value| to_serde(&value))
    }

    #[track_caller]
    fn check(text: &str, expect: Value) {
        assert_eq!(plain_value(text), Ok(expect), "{text:?}");
        assert!(!reads_as_text(text), "{text:?}");
    }

    #[test]
    fn resolves_the_core_schema() {
        for null in ["", "~", "null", "Null", "NULL"] {
            check(null, Value::Null);
        }
        check("true", json!(true));
        check("FALSE", json!(false));
        check("0", json!(0));
        check("+12", json!(12));
        check("-12", json!(-12));
        check("0x1F", json!(31));
        check("-0x10", json!(-16));
        check("0o17", json!(15));
        check("0b101", json!(5));
        check("18446744073709551615", json!(u64::MAX));
        check("-9223372036854775808", json!(i64::MIN));
        check("1.5", json!(1.5));
        check("1e3", json!(1000.0));
        check(".5", json!(0.5));
        check("-.inf", Value::Null);
        check(".NaN", Value::Null);
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
            assert_eq!(plain_value(text), Ok(json!(text)), "{text:?}");
        }
    }

    #[test]
    fn floats_read_as_rust_reads_them_without_parsing() {
        const PIECES: [&str; 14] = [
            "0", "1", "9", "00", ".", "e", "E", "-", "+", "308", "5e", "_", "inf", "nan",
        ];
        let mut state = 0x1234_5678_9abc_def0_u64;
        let mut texts: Vec<String> = [
            "1.", ".5", "-.5", "1.e5", "007.5", "1e308", "1.8e308", "1e309", "-1e400",
            "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791",
            "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792",
            "0.0000001e316", "1e-99999999999999999999", "1e99999999999999999999", "0e99999999999999999999",
        ]
        .map(str::to_owned)
        .to_vec();
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..=(state % 5) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(PIECES[(state % PIECES.len() as u64) as usize]);
            }
            texts.push(text);
        }
        // `float` strips one `+` before calling `json_float`.
        for text in texts.iter().filter(|text| !text.starts_with('+')) {
            let rust = text.parse::<f64>().ok().filter(|float| float.is_finite());
            let ours = super::json_float(text).map(|number| number.as_f64());
            assert_eq!(ours.map(f64::to_bits), rust.map(f64::to_bits), "{text:?}");
        }
    }

    #[test]
    fn digits_with_a_leading_zero_are_text_but_not_written_plain() {
        // YAML 1.1 readers take them for octal numbers.
        for text in ["0123", "-007", "00"] {
            assert_eq!(plain_value(text), Ok(json!(text)), "{text:?}");
            assert!(!reads_as_text(text), "{text:?}");
        }
    }

    #[test]
    fn refuses_integers_wider_than_64_bits() {
        let error = plain_value("18446744073709551616").unwrap_err();
        assert_eq!(
            error,
            "the integer 18446744073709551616 does not fit in 64 bits; quote it to keep it as text"
        );
        assert!(plain_value("-9223372036854775809").is_err());
        assert!(!reads_as_text("18446744073709551616"));
        // Past 128 bits, Rust reads it as a float, and so does yaml_serde.
        assert_eq!(plain_value(&"9".repeat(40)), Ok(json!(1e40)));
    }
}
