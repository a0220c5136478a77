//! `inspect` on what Debian's cfssl issues (here, not in crates/core/tests, which run no other
//! program).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;
use std::time::{SystemTime, UNIX_EPOCH};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use csrcraft::{InputFormat, UnixTime, ValidityState, inspect};

const CSR: &str = include_str!("../../crates/core/tests/data/tutorial-p256.csr");
const CA: &str = include_str!("../../crates/core/tests/data/inspect/ca.pem");
/// Debian's cfssl signs the tutorial CSR with the test CA; inspect reads what
/// it issued as `status.certificate` would hold it.
#[test]
fn a_certificate_issued_by_cfssl_sign() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/core/tests/data/inspect");
    let output = Command::new("cfssl")
        .args([
            "sign",
            "-ca",
            "ca.pem",
            "-ca-key",
            "ca-key.pem",
            "../tutorial-p256.csr",
        ])
        .current_dir(&dir)
        .output()
        .unwrap_or_else(|e| {
            panic!("cfssl sign: {e}; run scripts/setup (it installs golang-cfssl)")
        });
    assert!(
        output.status.success(),
        "cfssl sign: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let signed: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let chain = format!("{}{CA}", signed["cert"].as_str().unwrap());
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let now = UnixTime(i64::try_from(seconds).unwrap());
    let both = format!("{CSR}{chain}");
    let inspection = inspect(STANDARD.encode(&both).as_bytes(), now).unwrap();
    assert_eq!(inspection.input, InputFormat::Base64Pem);
    let request = inspection.request.as_ref().unwrap();
    let leaf = &inspection.certificates[0];
    assert_eq!(leaf.validity.state, ValidityState::Valid);
    assert_eq!(leaf.validity.lifetime_seconds, 8760 * 3600);
    assert_eq!(leaf.subject, request.subject);
    assert_eq!(leaf.subject_alt_names, request.subject_alt_names);
    assert_eq!(leaf.key_matches_request, Some(true));
    assert_eq!(leaf.issuer.text, "O=csrcraft, CN=csrcraft test CA");
    let link = leaf.issuer_signature.as_ref().unwrap();
    assert_eq!((link.signed_by.as_str(), link.ok), ("certificate 2", true));
    assert_eq!(leaf.key_usage, ["digital signature", "key encipherment"]);
    assert_eq!(leaf.extended_key_usage, ["server auth", "client auth"]);
    assert_eq!(leaf.basic_constraints.map(|bc| bc.ca), Some(false));
    let text = inspection.to_text();
    assert!(
        text.contains("  Validity:             expires in 364d 23h"),
        "{text}"
    );
}
