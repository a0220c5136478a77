//! `verify` on a mutated certificate under a fixed CA: the input is the DER of the leaf
//! (the seed is the original, crates/core/tests/data/inspect/leaf.der, issued by `ca.pem`),
//! and the report passes only if the bytes are the original's.
#![no_main]

use std::sync::LazyLock;

use csrcraft::{Certificate, Idna, SoftwareVerifier, UnixTime, VerifyInput, verify};
use libfuzzer_sys::fuzz_target;

const LEAF: &[u8] = include_bytes!("../../crates/core/tests/data/inspect/leaf.der");

/// The CA, read once.
static CA: LazyLock<Vec<Certificate>> = LazyLock::new(|| {
    let pem = include_str!("../../crates/core/tests/data/inspect/ca.pem");
    // A fixture the core reads in its own tests: a failure is a broken fixture, not a finding.
    #[allow(clippy::expect_used)]
    Certificate::chain_from_pem(pem).expect("the test CA reads")
});

fuzz_target!(|data: &[u8]| {
    let Ok(leaf) = Certificate::from_der(data) else {
        return;
    };
    let chain = [leaf];
    let input = VerifyInput {
        chain: &chain,
        trust: &CA,
        key: None,
        request: None,
        host: None,
        purpose: None,
        // 2026-05-28, within the leaf's validity.
        at: UnixTime(1_780_000_000),
        signatures: &SoftwareVerifier,
        domains: &Idna,
    };
    if let Ok(report) = verify(&input) {
        // The finding: a certificate that is not the CA's leaf byte for byte, verified.
        assert!(
            !report.passed() || data == LEAF,
            "a mutated certificate verified: {data:?}\n{report:?}"
        );
    }
});
