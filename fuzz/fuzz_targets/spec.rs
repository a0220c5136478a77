//! A cfssl JSON spec, read by `Spec::from_json`, and on to an unsigned CSR for a fixed P-256
//! public key, signed with a dummy signature and read back: whatever the text, no panic, and a
//! spec that reads makes a request that reads back with the spec's subject alt names.
#![no_main]

use std::sync::LazyLock;

use csrcraft::{CertificateRequest, KeyDocument, Spec, UnsignedRequest};
use libfuzzer_sys::fuzz_target;

/// The public key of the core's P-256 test key (a fixture, read once).
static PUBLIC_KEY: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let pem = include_str!("../../crates/core/tests/data/test-p256-key.pem");
    // The fixture is a valid key: a failure here is a broken fixture, not a finding.
    #[allow(clippy::expect_used)]
    KeyDocument::from_pem(pem)
        .ok()
        .and_then(|key| key.public_key_der())
        .expect("the P-256 test key has a public key")
});

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(parsed) = Spec::from_json(text) else {
        return;
    };
    let spec = parsed.value;
    // The spec read: making its request may still refuse (e.g. a name too long for the
    // certificate's ASN.1), but whatever it makes must read back.
    let Ok(unsigned) = UnsignedRequest::new(&spec, &PUBLIC_KEY) else {
        return;
    };
    let Ok(request): Result<CertificateRequest, _> =
        unsigned.sign_with(&[0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01])
    else {
        return;
    };
    // The finding: a request the core wrote that it cannot read, or whose SANs are not the spec's.
    let info = match request.info() {
        Ok(info) => info,
        Err(e) => panic!("the request made from {text:?} does not read back: {e}"),
    };
    assert_eq!(info.subject_alt_names.len(), spec.hosts.len(), "{text:?}");
    for host in &spec.hosts {
        assert!(
            info.subject_alt_names.contains(host),
            "{text:?}: {host:?} lost"
        );
    }
});
