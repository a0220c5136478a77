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

/// The time `--at RFC3339` gives, or now without it.
pub fn at_or_now(at: Option<&str>) -> Result<UnixTime, csrcraft::Error> {
    match at {
        Some(text) => UnixTime::parse_rfc3339(text).map_err(|e| e.named("--at")),
        None => Ok(now()),
    }
}
