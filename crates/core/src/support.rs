//! Helpers for csrcraft's own crates: the CLI, the JS/TS API, the WebCrypto
//! backend and the web app. They are public only so that those crates share
//! the core's code instead of copying it; they are not part of the API that
//! csrcraft keeps stable, and may change in any release.

pub use crate::key::curve_field_bytes;
pub use crate::quote::{Quoted, QuotedChar, quoted, quoted_char};
pub use crate::x509::{ecdsa_der_to_fixed, ecdsa_fixed_to_der};

/// The core's internal readers and writers, for its fuzz targets (`fuzz/`),
/// which check them against reference crates and round trips. A refusal
/// comes as its message.
pub mod fuzzing {
    use crate::json::Value;

    /// The YAML reader (`kubectl get csr -o yaml`): one document as a JSON
    /// value.
    pub fn yaml_from_str(text: &str) -> Result<Value, String> {
        crate::yaml::from_str(text).map_err(|e| e.to_string())
    }

    /// The YAML writer (the manifest).
    pub fn yaml_to_string(value: &Value) -> String {
        crate::yaml::to_string(value)
    }

    /// Every PEM block in `text`: (label, decoded contents), in order.
    pub fn pem_blocks(text: &str) -> Result<Vec<(String, Vec<u8>)>, String> {
        crate::pem::parse(text)
            .map(|blocks| {
                blocks
                    .iter()
                    .map(|b| (b.label().to_owned(), b.contents().to_vec()))
                    .collect()
            })
            .map_err(|e| e.to_string())
    }

    /// `der` as a PEM block labelled `label`.
    pub fn pem_encode(label: &str, der: &[u8]) -> String {
        crate::pem::encode(label, der)
    }

    /// Canonical base64, whitespace ignored; a refusal names its offset.
    pub fn base64_decode(text: &str) -> Result<Vec<u8>, String> {
        crate::base64::decode(text)
            .map(|bytes| bytes.to_vec())
            .map_err(|(at, problem)| format!("{problem} at byte {at}"))
    }

    /// `bytes` as canonical base64.
    pub fn base64_encode(bytes: &[u8]) -> String {
        crate::base64::encode(bytes)
    }
}
