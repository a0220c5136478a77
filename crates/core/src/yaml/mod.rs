//! The YAML csrcraft writes (the manifest) and reads (`kubectl get csr -o
//! yaml`). Values are the core's own `json::Value`s on both sides.
//!
//! The writer ([`to_string`]) is by hand: it writes block mappings and
//! sequences, with scalars quoted exactly as `yaml_serde` quotes them, so
//! manifests are byte for byte what they were (a YAML library was the
//! largest third-party part of the wasm).
//!
//! The reader ([`from_str`]) takes one document through `saphyr-parser`, a
//! YAML 1.2 parser: issue 13 measured it at 15,145 bytes gzip more in the
//! JS/TS API than the hand-written reader it replaced, within the 20 KB the
//! issue allows a maintained reader. Plain scalars are typed here, as YAML
//! 1.2's core schema as `yaml_serde` types them (`resolve.rs`): `null`, `~`,
//! booleans, integers (decimal, `0x`, `0o`, `0b`) and floats become JSON
//! values (floats as JSON text, never parsed; infinity and NaN as `null`),
//! the rest text. Keys are always text, as in JSON.
//!
//! It refuses, naming the line: anchors and aliases, tags, directives, a
//! collection or an empty plain scalar as a key, a second document, a key
//! given twice, nesting deeper than [`read::MAX_DEPTH`], NEL, LS and PS
//! (line breaks to kubectl's YAML 1.1), and what the parser finds is not
//! YAML.

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
