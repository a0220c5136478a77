//! Helpers for csrcraft's own crates: the CLI, the JS/TS API, the WebCrypto
//! backend and the web app. They are public only so that those crates share
//! the core's code instead of copying it; they are not part of the API that
//! csrcraft keeps stable, and may change in any release.

pub use crate::key::curve_field_bytes;
pub use crate::quote::{Quoted, QuotedChar, quoted, quoted_char};
pub use crate::x509::{ecdsa_der_to_fixed, ecdsa_fixed_to_der};
