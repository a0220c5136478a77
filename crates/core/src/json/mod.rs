//! JSON, by hand: the cfssl spec and `kubectl get csr -o json` objects are
//! read with [`from_str`], the published `--json` formats and the manifest
//! are written with [`to_string_pretty`]. `serde_json` was one of the
//! largest third-party parts of the wasm, with float parsing and formatting
//! that csrcraft never needs.
//!
//! - [`Value`] is `null`, a boolean, a [`Number`], a string, an array or an
//!   object ([`Map`]). Integers are exact in 64 bits; other numbers keep their
//!   JSON text, so no float code is needed.
//! - The reader takes RFC 8259 JSON as `serde_json` does, and refuses, naming
//!   the line and column and what to do: a key given twice in one object
//!   (Go and `serde_json` keep the last), nesting deeper than
//!   64 levels, numbers a 64-bit float cannot hold, lone UTF-16
//!   surrogates. Objects come out sorted by key, as from `serde_json`.
//! - The writers write byte for byte what `serde_json` writes, except for
//!   non-integer numbers, which are written as they were read.
//! - Code builds values with [`Map::with`] and `From`/`collect`.
//!
//! Public for csrcraft's own front ends (the web app reads and writes the spec
//! form's JSON with it), so that no product carries a second JSON stack.

mod number;
mod read;
mod value;
mod write;

#[cfg(test)]
pub(crate) mod compat;
#[cfg(test)]
mod differential;
#[cfg(test)]
mod tests;

use std::fmt;

pub use self::number::Number;
pub use self::read::from_str;
pub use self::value::{Map, Value};
pub use self::write::{to_string, to_string_pretty, write_string};

/// Why a text is not JSON, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// 1-based line of the problem.
    pub line: usize,
    /// 1-based column of the problem, in characters.
    pub column: usize,
    /// What is wrong and how to fix it.
    pub problem: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.problem, self.line, self.column
        )
    }
}
