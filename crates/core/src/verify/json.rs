//! The verify report as JSON, a published format.

use super::{Outcome, VerifyReport};
use crate::json::{Map, Value};
use crate::{Result, UnixTime};

impl VerifyReport {
    /// Pretty-printed JSON: `verified`, `at`, `failed`, and each check's
    /// `name`, `outcome` (`pass`, `fail`, `skip`), `detail` and `notes`.
    pub fn to_json(&self, at: UnixTime) -> Result<String> {
        let checks: Value = self
            .checks
            .iter()
            .map(|check| {
                Map::new()
                    .with("name", check.name)
                    .with(
                        "outcome",
                        match check.outcome {
                            Outcome::Pass => "pass",
                            Outcome::Fail => "fail",
                            Outcome::Skipped => "skip",
                        },
                    )
                    .with("detail", &check.detail)
                    .with("notes", check.notes.as_slice())
            })
            .collect();
        let report = Map::new()
            .with("verified", self.passed())
            .with("at", at.to_rfc3339())
            .with("failed", self.failures())
            .with("checks", checks);
        let mut text = crate::json::to_string_pretty(&report.into());
        text.push('\n');
        Ok(text)
    }
}
