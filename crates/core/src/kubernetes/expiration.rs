//! `spec.expirationSeconds`: the requested certificate lifetime.

use std::fmt;

use crate::{Error, Result};

/// A requested lifetime, at least 600 seconds as the API requires.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Expiration(u32);

impl Expiration {
    /// The API's minimum, in seconds.
    pub const MINIMUM_SECONDS: u32 = 600;
    /// kube-controller-manager's default `--cluster-signing-duration` (8760h).
    pub const DEFAULT_SIGNING_DURATION_SECONDS: u32 = 8760 * 3600;

    /// Parses `3600`, `600s`, `90m`, `24h`, `90d` or sums such as `1h30m`,
    /// and checks the result as [`Expiration::from_seconds`] does.
    pub fn parse(text: &str) -> Result<Self> {
        Self::from_seconds(parse_duration_seconds(text)?)
    }

    /// Checks a number of seconds against the API's rules.
    pub fn from_seconds(seconds: u64) -> Result<Self> {
        if seconds < u64::from(Self::MINIMUM_SECONDS) {
            return Err(Error::field(
                "expiration",
                format!(
                    "Invalid value: {seconds}: may not specify a duration less than 600 seconds (10 minutes); ask for 600 or more"
                ),
            ));
        }
        // The API field is an int32.
        let seconds = u32::try_from(seconds)
            .ok()
            .filter(|&s| i32::try_from(s).is_ok())
            .ok_or_else(|| {
                Error::field(
                    "expiration",
                    format!("{seconds}s is more than the API's int32 field holds; ask for at most 2147483647 seconds"),
                )
            })?;
        Ok(Self(seconds))
    }

    /// The lifetime in seconds.
    pub fn seconds(self) -> u32 {
        self.0
    }
}

/// Parses a duration as [`Expiration::parse`] does (`3600`, `600s`, `90m`,
/// `24h`, `90d`, `1h30m`), without the API's limits: lint reports a short or
/// huge one as a finding rather than refusing it.
pub fn parse_duration_seconds(text: &str) -> Result<u64> {
    let bad = || {
        Error::field(
            "expiration",
            format!(
                "{} is not a duration; write seconds (3600) or a number with s, m, h or d (24h, 90d, 1h30m)",
                crate::quoted(text)
            ),
        )
    };
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(bad());
    }
    if trimmed.bytes().all(|b| b.is_ascii_digit()) {
        return trimmed.parse::<u64>().map_err(|_| bad());
    }
    let mut total: u64 = 0;
    let mut number = String::new();
    for c in trimmed.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let unit: u64 = match c {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            _ => return Err(bad()),
        };
        let value: u64 = number.parse().map_err(|_| bad())?;
        total = value
            .checked_mul(unit)
            .and_then(|v| total.checked_add(v))
            .ok_or_else(bad)?;
        number.clear();
    }
    if !number.is_empty() {
        return Err(bad());
    }
    Ok(total)
}

impl fmt::Display for Expiration {
    /// The largest whole unit: `90d`, `24h`, `90m`, or seconds.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&duration_text(u64::from(self.0)))
    }
}

/// A number of seconds in the largest whole unit: `90d`, `24h`, `90m`, or `601s`.
pub fn duration_text(seconds: u64) -> String {
    match () {
        () if seconds == 0 => "0s".to_owned(),
        () if seconds.is_multiple_of(86_400) => format!("{}d", seconds / 86_400),
        () if seconds.is_multiple_of(3600) => format!("{}h", seconds / 3600),
        () if seconds.is_multiple_of(60) => format!("{}m", seconds / 60),
        () => format!("{seconds}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::{Expiration, parse_duration_seconds};

    #[test]
    fn parses_the_usual_forms() {
        for (text, seconds) in [
            ("600", 600),
            ("24h", 86_400),
            ("90d", 7_776_000),
            ("1h30m", 5400),
            ("600s", 600),
            ("10m", 600),
        ] {
            assert_eq!(
                Expiration::parse(text).map(Expiration::seconds),
                Ok(seconds),
                "{text}"
            );
        }
    }

    #[test]
    fn refuses_short_and_malformed_durations() {
        for text in [
            "599",
            "5m",
            "",
            "h",
            "24x",
            "1.5h",
            "-600",
            "99999999999999999999d",
        ] {
            assert!(Expiration::parse(text).is_err(), "{text}");
        }
        assert_eq!(
            Expiration::parse("5m").map_err(|e| e.to_string()),
            Err("expiration: Invalid value: 300: may not specify a duration less than 600 seconds (10 minutes); ask for 600 or more".to_owned())
        );
    }

    #[test]
    fn parses_durations_without_the_api_limits() {
        assert_eq!(parse_duration_seconds("5m"), Ok(300));
        assert_eq!(parse_duration_seconds("0"), Ok(0));
        assert_eq!(parse_duration_seconds("1000d"), Ok(86_400_000));
        assert!(parse_duration_seconds("5 m").is_err());
    }

    #[test]
    fn displays_in_the_largest_whole_unit() {
        assert_eq!(
            Expiration::parse("86400").map(|e| e.to_string()),
            Ok("1d".to_owned())
        );
        assert_eq!(
            Expiration::parse("1h30m").map(|e| e.to_string()),
            Ok("90m".to_owned())
        );
        assert_eq!(
            Expiration::parse("601").map(|e| e.to_string()),
            Ok("601s".to_owned())
        );
    }
}
