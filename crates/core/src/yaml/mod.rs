//! The YAML csrcraft writes (the manifest) and reads (`kubectl get csr -o
//! yaml`), by hand: a YAML library was the largest third-party part of the
//! wasm. Values are the core's own `json::Value`s on both sides.
//!
//! The writer ([`to_string`]) writes block mappings and sequences, with
//! scalars quoted exactly as `yaml_serde` quotes them, so manifests are byte
//! for byte what they were.
//!
//! The reader ([`from_str`]) takes one document of:
//!
//! - block mappings and sequences, including `- ` items at their key's own
//!   column, as kubectl writes them;
//! - plain scalars (over several lines too), typed as YAML 1.2's core schema
//!   as `yaml_serde` types them: `null`, `~`, booleans, integers (decimal,
//!   `0x`, `0o`, `0b`) and floats become JSON values (floats as JSON text,
//!   never parsed; infinity and NaN as `null`), the rest text;
//! - single- and double-quoted scalars with their escapes, and `|` and `>`
//!   block scalars with chomping and indentation indicators;
//! - flow collections (`{}`, `[a, b]`, `{a: 1}`), comments, a leading `---`
//!   and a trailing `...`, LF or CRLF line ends.
//!
//! It refuses, naming the line: anchors and aliases, tags, directives, `?`
//! complex keys, a second document, a key given twice, tabs in indentation,
//! bad indentation, unclosed quotes and brackets, and nesting deeper than
//! [`read::MAX_DEPTH`]. Keys are always text, as in JSON.

mod quote;
mod read;
mod resolve;
mod write;

#[cfg(test)]
mod differential;

use std::fmt;

pub(crate) use read::from_str;
pub(crate) use write::to_string;

/// Why a text is not YAML the reader takes, and on which line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    /// 1-based line of the problem (for an unclosed quote or bracket, of its
    /// opening).
    pub(crate) line: usize,
    /// What is wrong and how to fix it.
    pub(crate) problem: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.problem)
    }
}
