//! The core's PEM framing (pem.rs) and base64 (base64.rs) on any text: no panic, and round
//! trips. Every block read, written back with the core's PEM writer, reads as the same label
//! and bytes; base64 the core decodes, encoded again, is the text without its whitespace
//! (the core takes canonical base64 only) and decodes to the same bytes.
#![no_main]

use csrcraft::support::fuzzing::{base64_decode, base64_encode, pem_blocks, pem_encode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(blocks) = pem_blocks(text) {
        for (label, contents) in blocks {
            let written = pem_encode(&label, &contents);
            assert_eq!(
                pem_blocks(&written),
                Ok(vec![(label.clone(), contents.clone())]),
                "the {label:?} block of {text:?}, written as {written:?}, reads differently"
            );
        }
    }
    if let Ok(bytes) = base64_decode(text) {
        let written = base64_encode(&bytes);
        let canonical: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(written, canonical, "{text:?} decoded and encoded again");
        assert_eq!(
            base64_decode(&written),
            Ok(bytes),
            "{written:?} does not decode back"
        );
    }
});
