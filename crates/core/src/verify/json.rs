//! The verify report as JSON, a published format.

use serde::Serialize;

use super::{Outcome, VerifyReport};
use crate::{Error, Result, UnixTime};

impl VerifyReport {
    /// Pretty-printed JSON: `verified`, `at`, `failed`, and each check's
    /// `name`, `outcome` (`pass`, `fail`, `skip`), `detail` and `notes`.
    pub fn to_json(&self, at: UnixTime) -> Result<String> {
        let report = JsonReport {
            verified: self.passed(),
            at: at.to_rfc3339(),
            failed: self.failures(),
            checks: self
                .checks
                .iter()
                .map(|check| JsonCheck {
                    name: check.name,
                    outcome: match check.outcome {
                        Outcome::Pass => "pass",
                        Outcome::Fail => "fail",
                        Outcome::Skipped => "skip",
                    },
                    detail: &check.detail,
                    notes: &check.notes,
                })
                .collect(),
        };
        let mut text = serde_json::to_string_pretty(&report)
            .map_err(|e| Error::encoding("the verify report", e))?;
        text.push('\n');
        Ok(text)
    }
}

#[derive(Serialize)]
struct JsonReport<'a> {
    verified: bool,
    at: String,
    failed: usize,
    checks: Vec<JsonCheck<'a>>,
}

#[derive(Serialize)]
struct JsonCheck<'a> {
    name: &'static str,
    outcome: &'static str,
    detail: &'a str,
    notes: &'a [String],
}
