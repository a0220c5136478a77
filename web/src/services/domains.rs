//! Internationalized host names to punycode by the browser's URL parser (csrcraft-webcrypto's
//! `UrlIdna`), so the wasm carries no UTS #46 tables. The native tests have no browser: they
//! use the core's idna crate instead, as they use its RustCrypto for signatures.

use csrcraft::DomainToAscii;

/// The conversion the core is given for `hosts` and the host to verify.
pub fn domains() -> &'static dyn DomainToAscii {
    #[cfg(not(test))]
    let domains = &csrcraft_webcrypto::UrlIdna;
    #[cfg(test)]
    let domains = &csrcraft::Idna;
    domains
}
