//! The YAML csrcraft writes (the manifest), by hand: a YAML library was the
//! largest third-party part of the wasm. Values are `serde_json::Value`s.
//!
//! The writer ([`to_string`]) writes block mappings and sequences, with
//! scalars quoted exactly as `yaml_serde` quotes them, so manifests are byte
//! for byte what they were.

mod quote;
mod resolve;
mod write;

#[cfg(test)]
mod differential;

pub(crate) use write::to_string;
