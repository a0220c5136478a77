//! A certificate's validity times (RFC 5280 §4.1.2.5): UTCTime
//! (`YYMMDDHHMMSSZ`, years 1950 to 2049) and GeneralizedTime
//! (`YYYYMMDDHHMMSS[.fff]Z`), read by hand so that any year reads, and
//! written as Go's `crypto/x509` writes them.

use super::UnixTime;
use super::civil::Civil;
use crate::der::read::{Problem, Result};
use crate::der::{Tlv, tag, write};

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

/// Writes `time` as RFC 5280 §4.1.2.5 asks (and Go does): UTCTime for the
/// years 1950 to 2049, else GeneralizedTime; `None` outside the years 0 to 9999.
pub(crate) fn write_time(time: UnixTime) -> Option<Vec<u8>> {
    let civil = Civil::from_unix_seconds(time.0);
    if !(0..=9999).contains(&civil.year) {
        return None;
    }
    let rest = format!(
        "{:02}{:02}{:02}{:02}{:02}Z",
        civil.month, civil.day, civil.hour, civil.minute, civil.second
    );
    Some(if (1950..2050).contains(&civil.year) {
        let text = format!("{:02}{rest}", civil.year % 100);
        write::tlv(tag::UTC_TIME, &[text.as_bytes()])
    } else {
        let text = format!("{:04}{rest}", civil.year);
        write::tlv(tag::GENERALIZED_TIME, &[text.as_bytes()])
    })
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::der::parse;

    #[track_caller]
    fn check(rfc3339: &str, der_text: &str) {
        let time = UnixTime::parse_rfc3339(rfc3339).unwrap();
        let der = write_time(time).unwrap();
        assert_eq!(std::str::from_utf8(&der[2..]).unwrap(), der_text);
        assert_eq!(read_time(parse(&der).unwrap()).unwrap(), time);
    }

    #[test]
    fn writes_utc_time_from_1950_to_2049_and_generalized_time_around_it() {
        check("1950-01-01T00:00:00Z", "500101000000Z");
        check("2026-12-06T21:23:00Z", "261206212300Z");
        check("2049-12-31T23:59:59Z", "491231235959Z");
        check("2050-01-01T00:00:00Z", "20500101000000Z");
        check("1949-12-31T23:59:59Z", "19491231235959Z");
        check("9999-12-31T23:59:59Z", "99991231235959Z");
        assert_eq!(write_time(UnixTime(253_402_300_800)), None); // year 10000
    }
}
