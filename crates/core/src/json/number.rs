//! JSON numbers without floating point: integers exactly in 64 bits, as
//! `serde_json` keeps them, and any other number as its JSON text, so that
//! neither float parsing nor float formatting ends up in the wasm.

use std::fmt;

/// A JSON number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Number {
    /// An integer from 0 to `u64::MAX`.
    Unsigned(u64),
    /// An integer from `i64::MIN` to -1.
    Negative(i64),
    /// Any other finite number (a fraction, an exponent, an integer beyond 64
    /// bits, `-0`) as JSON text, e.g. `1.5` or `-2e10`. Made only by
    /// the core's number reader, so it always is valid JSON.
    Decimal(String),
}

impl Number {
    /// The number `text` is, if it is a whole JSON number (RFC 8259's grammar)
    /// that a 64-bit float holds without overflowing (`serde_json` refuses
    /// `1e400` too).
    pub(crate) fn decimal(text: &str) -> Option<Self> {
        let scanned = scan(text.as_bytes()).ok()?;
        if scanned.len != text.len() || overflows(text) {
            return None;
        }
        Some(Self::from_scanned(text, scanned.integer))
    }

    /// `text`, already checked by [`scan`] and [`overflows`].
    pub(super) fn from_scanned(text: &str, integer: bool) -> Self {
        if integer {
            if let Ok(int) = text.parse::<u64>() {
                return Self::Unsigned(int);
            }
            // `-0` is a float in serde_json (negative zero), so it stays text.
            if let Ok(int) = text.parse::<i64>()
                && int < 0
            {
                return Self::Negative(int);
            }
        }
        Self::Decimal(text.to_owned())
    }

    /// The number as a `u64`, if it is an integer in its range.
    pub(crate) fn as_u64(&self) -> Option<u64> {
        match self {
            Self::Unsigned(int) => Some(*int),
            _ => None,
        }
    }

    /// The number as an `i64`, if it is an integer in its range.
    pub(crate) fn as_i64(&self) -> Option<i64> {
        match self {
            Self::Unsigned(int) => i64::try_from(*int).ok(),
            Self::Negative(int) => Some(*int),
            Self::Decimal(_) => None,
        }
    }

    /// The number as the nearest float: for tests that compare with readers
    /// that keep floats.
    #[cfg(test)]
    pub(crate) fn as_f64(&self) -> f64 {
        match self {
            #[allow(clippy::cast_precision_loss)]
            Self::Unsigned(int) => *int as f64,
            #[allow(clippy::cast_precision_loss)]
            Self::Negative(int) => *int as f64,
            Self::Decimal(text) => text.parse().unwrap_or(f64::NAN),
        }
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unsigned(int) => write!(f, "{int}"),
            Self::Negative(int) => write!(f, "{int}"),
            Self::Decimal(text) => f.write_str(text),
        }
    }
}

impl From<u64> for Number {
    fn from(int: u64) -> Self {
        Self::Unsigned(int)
    }
}

impl From<i64> for Number {
    fn from(int: i64) -> Self {
        u64::try_from(int).map_or(Self::Negative(int), Self::Unsigned)
    }
}

/// Why [`scan`] found no number.
#[derive(Clone, Copy, Debug)]
pub(super) enum ScanError {
    /// Something else where this was expected.
    Expected(&'static str),
    /// A `0` followed by digits.
    LeadingZero,
}

/// A number found by [`scan`].
#[derive(Clone, Copy, Debug)]
pub(super) struct Scanned {
    /// Its length in bytes.
    pub(super) len: usize,
    /// Whether it has neither a fraction nor an exponent.
    pub(super) integer: bool,
}

/// The JSON number at the start of `bytes`: `-`? (`0` | `[1-9][0-9]*`)
/// (`.` `[0-9]+`)? (`[eE]` `[+-]`? `[0-9]+`)?. `Err` holds the offset of the
/// first byte that does not fit and what was expected there (or, for a
/// leading zero, the whole problem).
pub(super) fn scan(bytes: &[u8]) -> Result<Scanned, (usize, ScanError)> {
    let digits_from = |start: usize| {
        bytes
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let mut pos = usize::from(bytes.first() == Some(&b'-'));
    let whole = digits_from(pos);
    if whole == 0 {
        return Err((pos, ScanError::Expected("a digit after '-'")));
    }
    if whole > 1 && bytes.get(pos) == Some(&b'0') {
        return Err((pos, ScanError::LeadingZero));
    }
    pos += whole;
    let mut integer = true;
    if bytes.get(pos) == Some(&b'.') {
        integer = false;
        let fraction = digits_from(pos + 1);
        if fraction == 0 {
            return Err((
                pos + 1,
                ScanError::Expected("a digit after the decimal point (write 1.0, not 1.)"),
            ));
        }
        pos += 1 + fraction;
    }
    if matches!(bytes.get(pos), Some(b'e' | b'E')) {
        integer = false;
        pos += 1;
        if matches!(bytes.get(pos), Some(b'+' | b'-')) {
            pos += 1;
        }
        let exponent = digits_from(pos);
        if exponent == 0 {
            return Err((
                pos,
                ScanError::Expected("a digit in the exponent (e.g. 1e5)"),
            ));
        }
        pos += exponent;
    }
    Ok(Scanned { len: pos, integer })
}

/// The smallest magnitude that a 64-bit float rounds to infinity: 2^1024 -
/// 2^970, halfway between `f64::MAX` and 2^1024, as the digits after `0.` of
/// a number whose decimal exponent is [`LIMIT_EXPONENT`].
const LIMIT_DIGITS: &str = "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792";

/// The limit is 0.LIMIT_DIGITS × 10^309.
const LIMIT_EXPONENT: i64 = 309;

/// Whether the number `text` (valid by [`scan`]) is too large for a 64-bit
/// float, compared digit by digit with the limit rather than parsed.
pub(super) fn overflows(text: &str) -> bool {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(cut) => unsigned.split_at(cut),
        None => (unsigned, ""),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let exponent = exponent.get(1..).unwrap_or_default();
    let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
    let exponent: i64 = match exponent.parse() {
        Ok(exponent) => exponent,
        Err(_) if exponent.is_empty() => 0,
        // Beyond i64: a huge negative exponent is a tiny number.
        Err(_) => {
            return !exponent.starts_with('-') && mantissa.bytes().any(|b| b != b'0' && b != b'.');
        }
    };
    let digits: String = whole.chars().chain(fraction.chars()).collect();
    let significant = digits.trim_start_matches('0');
    if significant.is_empty() {
        return false;
    }
    let Ok(fraction_len) = i64::try_from(fraction.len()) else {
        return false;
    };
    let Ok(significant_len) = i64::try_from(significant.len()) else {
        return true;
    };
    let decimal_exponent = significant_len
        .saturating_add(exponent)
        .saturating_sub(fraction_len);
    match decimal_exponent.cmp(&LIMIT_EXPONENT) {
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Equal => significant.trim_end_matches('0') >= LIMIT_DIGITS,
    }
}
