//! Points in time. The core never reads the clock: callers pass "now" in as a
//! [`UnixTime`].

use std::fmt;

mod civil;
mod der;

use self::civil::{Civil, days_in_month};
pub(crate) use self::der::{read_time, write_time};
use crate::{Error, Result};

/// Seconds since 1970-01-01T00:00:00Z, leap seconds not counted (POSIX time).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnixTime(pub i64);

impl UnixTime {
    /// Parses an RFC 3339 time such as `2026-11-28T15:56:32Z` or
    /// `2026-11-28T16:56:32+01:00`; fractions of a second are dropped.
    pub fn parse_rfc3339(text: &str) -> Result<Self> {
        parse(text.trim().as_bytes()).map(Self).map_err(|problem| {
            Error::decode(
                "time",
                format!(
                    "{} is not an RFC 3339 time such as \"2026-11-28T15:56:32Z\" ({problem})",
                    crate::quoted(text)
                ),
            )
        })
    }

    /// The time in UTC as RFC 3339 with whole seconds, e.g. `2026-11-28T15:56:32Z`.
    ///
    /// RFC 3339 has four-digit years only; a time outside years 0000 to 9999
    /// (never one read from a certificate) is written as `@` and the seconds,
    /// e.g. `@-99999999999`.
    pub fn to_rfc3339(self) -> String {
        let t = Civil::from_unix_seconds(self.0);
        if !(0..=9999).contains(&t.year) {
            return format!("@{}", self.0);
        }
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            t.year, t.month, t.day, t.hour, t.minute, t.second
        )
    }
}

impl fmt::Display for UnixTime {
    /// Same as [`UnixTime::to_rfc3339`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rfc3339())
    }
}

/// `YYYY-MM-DD?HH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)`, the separator `?` any
/// one character (RFC 3339 §5.6 allows a space for `T`), `Z` in either case.
/// A leap second (`:60`) counts as the second before it, and only at the end
/// of a month in UTC.
fn parse(text: &[u8]) -> Result<i64, &'static str> {
    let mut input = Input(text);
    let year = input
        .digits(4)
        .ok_or("it does not start with a 4-digit year")?;
    input.literal(b'-')?;
    let month = input.digits(2).ok_or("bad month")?;
    input.literal(b'-')?;
    let day = input.digits(2).ok_or("bad day")?;
    input.skip_one().ok_or("no time")?;
    let hour = input.digits(2).ok_or("bad hour")?;
    input.literal(b':')?;
    let minute = input.digits(2).ok_or("bad minute")?;
    input.literal(b':')?;
    let second = input.digits(2).ok_or("bad second")?;
    if input.eat(b'.') {
        input.digits(1).ok_or("bad fraction of a second")?;
        while input.digits(1).is_some() {}
    }
    let offset = input.offset()?;
    if !input.0.is_empty() {
        return Err("unexpected text after the time");
    }
    if !(1..=12).contains(&month) {
        return Err("the month is not 01 to 12");
    }
    if !(1..=days_in_month(i64::from(year), month)).contains(&day) {
        return Err("that month has no such day");
    }
    if hour > 23 || minute > 59 || second > 60 {
        return Err("the hour, minute or second is out of range (00-23, 00-59, 00-60)");
    }
    let leap = second == 60;
    let civil = Civil {
        year: i64::from(year),
        month,
        day,
        hour,
        minute,
        second: if leap { 59 } else { second },
    }
    .checked()
    .ok_or("a field is out of range")?;
    let seconds = civil.unix_seconds() - offset;
    if leap {
        let utc = Civil::from_unix_seconds(seconds);
        let last_of_month = utc.day == days_in_month(utc.year, utc.month);
        if !(last_of_month && utc.hour == 23 && utc.minute == 59) {
            return Err("a leap second is only at the end of a month in UTC");
        }
    }
    Ok(seconds)
}

/// The bytes not read yet.
struct Input<'a>(&'a [u8]);

impl Input<'_> {
    /// `n` ASCII digits as a number.
    fn digits(&mut self, n: usize) -> Option<u32> {
        let (digits, rest) = self.0.split_at_checked(n)?;
        if !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.0 = rest;
        Some(
            digits
                .iter()
                .fold(0, |value, digit| value * 10 + u32::from(digit - b'0')),
        )
    }

    fn eat(&mut self, byte: u8) -> bool {
        match self.0.split_first() {
            Some((&first, rest)) if first == byte => {
                self.0 = rest;
                true
            }
            _ => false,
        }
    }

    fn literal(&mut self, byte: u8) -> Result<(), &'static str> {
        if self.eat(byte) {
            Ok(())
        } else {
            Err("a separator is missing")
        }
    }

    fn skip_one(&mut self) -> Option<()> {
        self.0 = self.0.get(1..)?;
        Some(())
    }

    /// `Z` (or `z`) as 0, or `+HH:MM` / `-HH:MM` as seconds east of UTC.
    fn offset(&mut self) -> Result<i64, &'static str> {
        if self.eat(b'Z') || self.eat(b'z') {
            return Ok(0);
        }
        let sign = if self.eat(b'+') {
            1
        } else if self.eat(b'-') {
            -1
        } else {
            return Err("no offset such as Z or +01:00");
        };
        let hours = self
            .digits(2)
            .filter(|h| *h <= 23)
            .ok_or("bad offset hour")?;
        self.literal(b':')?;
        let minutes = self
            .digits(2)
            .filter(|m| *m <= 59)
            .ok_or("bad offset minute")?;
        Ok(sign * (i64::from(hours) * 3_600 + i64::from(minutes) * 60))
    }
}
