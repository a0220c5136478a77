//! The reader and the writer against `yaml_serde` (a dev-dependency only),
//! which did this work before: the same values from the same YAML
//! (`read.rs`), the same bytes for the same manifest and round trips for any
//! string (`write.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod read;
mod write;

use serde_json::Value;

use crate::json::compat::to_serde;

/// The reader's value as serde_json holds it, to compare with yaml_serde's.
fn from_str(yaml: &str) -> Result<Value, crate::yaml::SyntaxError> {
    crate::yaml::from_str(yaml).map(|value| to_serde(&value))
}

fn yaml_serde_reads(yaml: &str) -> Result<Value, String> {
    yaml_serde::from_str(yaml).map_err(|e| e.to_string())
}

/// A small, fixed pseudo-random sequence (xorshift), so generated cases are
/// the same on every run.
struct Generator(u64);

impl Generator {
    fn next(&mut self, below: usize) -> usize {
        crate::testing::xorshift(&mut self.0, below)
    }

    /// A string of up to `max` pieces from `pieces`.
    fn string(&mut self, pieces: &[&str], max: usize) -> String {
        let count = self.next(max + 1);
        (0..count)
            .map(|_| pieces[self.next(pieces.len())])
            .collect()
    }
}
