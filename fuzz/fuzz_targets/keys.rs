//! Private key documents (SEC1, PKCS#1, PKCS#8) through `KeyDocument` and `PrivateKey`: no
//! panic, and what the core reads, written back as PEM (as cfssl writes it and as PKCS#8),
//! reads as the same kind of key, and writing that again gives the same text.
//!
//! The first byte picks how the rest is given: as PEM text, or as DER in a `PRIVATE KEY`,
//! `EC PRIVATE KEY` or `RSA PRIVATE KEY` block, or to `KeyDocument::from_pkcs8_der`. The
//! rest is also read as an `EncryptedPrivateKeyInfo` (`EncryptedKey::from_der`, no crypto):
//! what reads, written back, reads as the same parts.
#![no_main]

use csrcraft::support::fuzzing::pem_encode;
use csrcraft::{EncryptedKey, KeyDocument, KeyFormat, PrivateKey};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&how, rest)) = data.split_first() else {
        return;
    };
    if let Ok(encrypted) = EncryptedKey::from_der(rest) {
        match EncryptedKey::from_der(&encrypted.to_der()) {
            Ok(again) => assert_eq!(again, encrypted, "encrypted key written back"),
            Err(e) => panic!("an encrypted key read from {data:?} does not read back: {e}"),
        }
    }
    let read = match how % 5 {
        0 => match std::str::from_utf8(rest) {
            Ok(text) => KeyDocument::from_pem(text),
            Err(_) => return,
        },
        1 => KeyDocument::from_pem(&pem_encode("PRIVATE KEY", rest)),
        2 => KeyDocument::from_pem(&pem_encode("EC PRIVATE KEY", rest)),
        3 => KeyDocument::from_pem(&pem_encode("RSA PRIVATE KEY", rest)),
        _ => KeyDocument::from_pkcs8_der(rest),
    };
    let Ok(document) = read else {
        return;
    };
    let _ = document.public_key_der();
    for format in [KeyFormat::Cfssl, KeyFormat::Pkcs8] {
        // Writing a key the core has read may refuse (e.g. an Ed25519 seed of the wrong
        // length), never panic.
        let Ok(pem) = document.to_pem(format) else {
            continue;
        };
        // The findings: a key the core wrote that it cannot read, or reads differently.
        let again = match KeyDocument::from_pem(pem.as_str()) {
            Ok(again) => again,
            Err(e) => panic!("{format:?} PEM of a key read from {data:?} does not read back: {e}"),
        };
        assert_eq!(again.algorithm(), document.algorithm(), "{format:?}");
        let Ok(twice) = again.to_pem(format) else {
            panic!("{format:?} PEM read back cannot be written again");
        };
        assert_eq!(
            twice.as_str(),
            pem.as_str(),
            "{format:?} PEM is not a fixed point"
        );
    }
    // The key's numbers checked by RustCrypto: refused or read, never a panic.
    if let Ok(key) = PrivateKey::from_document(&document) {
        let _ = key.public_key_der();
    }
});
