//! The clock: read here and only here (the core takes time as an argument).

use std::time::{SystemTime, UNIX_EPOCH};

use csrcraft::UnixTime;

/// Now, from the system clock.
pub fn now() -> UnixTime {
    let seconds = match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(since) => i64::try_from(since.as_secs()).unwrap_or(i64::MAX),
        Err(before) => i64::try_from(before.duration().as_secs()).map_or(i64::MIN, |s| -s),
    };
    UnixTime(seconds)
}

/// clap's parser for `--at RFC3339`.
pub fn parse_time(text: &str) -> Result<UnixTime, String> {
    UnixTime::parse_rfc3339(text).map_err(|e| e.to_string())
}
