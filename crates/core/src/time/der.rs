//! A certificate's validity times (RFC 5280 §4.1.2.5): UTCTime
//! (`YYMMDDHHMMSSZ`, years 1950 to 2049) and GeneralizedTime
//! (`YYYYMMDDHHMMSS[.fff]Z`), read by hand so that any year reads.

use super::UnixTime;
use super::civil::Civil;
use crate::der::read::{Problem, Result};
use crate::der::{Tlv, tag};

/// Reads a UTCTime or GeneralizedTime.
pub(crate) fn read_time(time: Tlv<'_>) -> Result<UnixTime> {
    let parsed = match time.tag {
        tag::UTC_TIME => utc_time(time.value),
        tag::GENERALIZED_TIME => generalized_time(time.value),
        got => {
            return Err(time.error(Problem::UnexpectedTag {
                expected: Some(tag::UTC_TIME),
                got,
            }));
        }
    };
    parsed
        .and_then(Civil::checked)
        .map(|civil| UnixTime(civil.unix_seconds()))
        .ok_or_else(|| time.malformed())
}

fn utc_time(text: &[u8]) -> Option<Civil> {
    let (digits, zone) = text.split_at_checked(12)?;
    if zone != b"Z" {
        return None;
    }
    let two_digit_year = number(digits.get(..2)?)?;
    let year = if two_digit_year < 50 {
        2000 + two_digit_year
    } else {
        1900 + two_digit_year
    };
    date_time(year, digits.get(2..)?)
}

fn generalized_time(text: &[u8]) -> Option<Civil> {
    let (digits, rest) = text.split_at_checked(14)?;
    let fraction = rest.strip_suffix(b"Z")?;
    if let Some(fraction) = fraction.strip_prefix(b".") {
        if fraction.is_empty() || !fraction.iter().all(u8::is_ascii_digit) {
            return None;
        }
    } else if !fraction.is_empty() {
        return None;
    }
    date_time(number(digits.get(..4)?)?, digits.get(4..)?)
}

/// `MMDDHHMMSS` after the year.
fn date_time(year: u32, digits: &[u8]) -> Option<Civil> {
    let field = |at: usize| number(digits.get(at..at + 2)?);
    if digits.len() != 10 {
        return None;
    }
    Some(Civil {
        year: i64::from(year),
        month: field(0)?,
        day: field(2)?,
        hour: field(4)?,
        minute: field(6)?,
        second: field(8)?,
    })
}

/// ASCII digits as a number (at most four here).
fn number(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0, |value: u32, digit| {
        digit
            .is_ascii_digit()
            .then(|| value * 10 + u32::from(digit - b'0'))
    })
}
