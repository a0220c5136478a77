//! `csrcraft::inspect` on any input: what it is detected as (PEM or DER certificates and CSRs,
//! base64 PEM, `kubectl get csr -o yaml` and `-o json` objects), read, and shown as text and
//! JSON, never panics.
#![no_main]

use csrcraft::UnixTime;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // 2026-05-28: within the validity of the fixtures the corpus starts from.
    if let Ok(inspection) = csrcraft::inspect(data, UnixTime(1_780_000_000)) {
        let _ = inspection.to_text();
        let _ = inspection.to_json();
    }
});
