//! The only modules that touch browser APIs (through web-sys, and WebCrypto through
//! csrcraft-webcrypto). Each is small and does one thing; everything else in the app is plain
//! Rust over the core.

pub mod clipboard;
pub mod clock;
pub mod crypto;
pub mod domains;
pub mod download;
pub mod files;
pub mod page;
pub mod task;
