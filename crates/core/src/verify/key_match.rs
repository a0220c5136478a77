//! Key match: the certificate certifies the private key's public half.

use sha2::{Digest, Sha256};

use super::Check;
use crate::{Certificate, PublicKeyInfo};

/// Compares the leaf's `SubjectPublicKeyInfo` with the key's, byte for byte.
pub(super) fn check(leaf: &Certificate, key: Option<&PublicKeyInfo>) -> Check {
    let Some(key) = key else {
        return Check::skipped(Check::KEY_MATCH, "no private key given");
    };
    let key_spki = &key.spki_der;
    let certified = &leaf.info().public_key;
    if certified.spki_der == *key_spki {
        Check::pass(
            Check::KEY_MATCH,
            format!(
                "the certificate's public key ({}, {}) is the private key's",
                certified.description,
                spki_id(key_spki)
            ),
        )
    } else {
        Check::fail(
            Check::KEY_MATCH,
            format!(
                "the certificate is for another key: it certifies {}, the private key is {} ({})",
                describe(certified),
                key.description,
                spki_id(key_spki)
            ),
        )
    }
}

/// `ecdsa P-256 (spki sha256 1a2b3c4d...)`.
pub(super) fn describe(key: &PublicKeyInfo) -> String {
    format!("{} ({})", key.description, spki_id(&key.spki_der))
}

/// A short identifier of a public key: the first 8 bytes of the SHA-256 of
/// its DER `SubjectPublicKeyInfo`, e.g. `spki sha256 1a2b3c4d5e6f7081...`.
pub(super) fn spki_id(spki_der: &[u8]) -> String {
    let digest = Sha256::digest(spki_der);
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    format!("spki sha256 {hex}...")
}
