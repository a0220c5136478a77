//! Points in time. The core never reads the clock: callers pass "now" in as a
//! [`UnixTime`].

use std::fmt;

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::{Error, Result};

/// Seconds since 1970-01-01T00:00:00Z, leap seconds not counted (POSIX time).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnixTime(pub i64);

impl UnixTime {
    /// Parses an RFC 3339 time such as `2026-11-28T15:56:32Z` or
    /// `2026-11-28T16:56:32+01:00`; fractions of a second are dropped.
    pub fn parse_rfc3339(text: &str) -> Result<Self> {
        let parsed = OffsetDateTime::parse(text.trim(), &Rfc3339).map_err(|e| {
            Error::decode(
                "time",
                format!("{text:?} is not an RFC 3339 time such as \"2026-11-28T15:56:32Z\" ({e})"),
            )
        })?;
        Ok(Self(parsed.unix_timestamp()))
    }

    /// The time in UTC as RFC 3339 with whole seconds, e.g. `2026-11-28T15:56:32Z`.
    ///
    /// RFC 3339 has four-digit years only; a time outside years 0000 to 9999
    /// (never one read from a certificate) is written as `@` and the seconds,
    /// e.g. `@-99999999999`.
    pub fn to_rfc3339(self) -> String {
        OffsetDateTime::from_unix_timestamp(self.0)
            .ok()
            .and_then(|t| t.format(&Rfc3339).ok())
            .unwrap_or_else(|| format!("@{}", self.0))
    }
}

impl fmt::Display for UnixTime {
    /// Same as [`UnixTime::to_rfc3339`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rfc3339())
    }
}
