//! The key sizes cfssl takes for each `key.algo`: the one it picks when `key.size` is left
//! out, and the usual ones to offer (a form's choices). The spec reader (`read_key`) applies
//! the same rules; the test here holds the two together.

/// The default algorithm, when a spec names none.
pub const DEFAULT_ALGO: &str = "ecdsa";

/// What `key.size` can be for one `key.algo`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeySizes {
    /// The size cfssl picks when `key.size` is left out; `None` for ed25519 (one size).
    pub default: Option<u64>,
    /// The sizes to offer: every ECDSA curve, the usual RSA moduli; none for ed25519.
    pub offered: &'static [u64],
}

const ECDSA: KeySizes = KeySizes {
    default: Some(256),
    offered: &[256, 384, 521],
};
const RSA: KeySizes = KeySizes {
    default: Some(2048),
    offered: &[2048, 3072, 4096, 8192],
};
const ED25519: KeySizes = KeySizes {
    default: None,
    offered: &[],
};

/// The sizes for `algo` (`ecdsa`, `rsa` or `ed25519`, in any case, as the spec reads it);
/// `None` for an algorithm csrcraft does not make.
pub fn key_sizes(algo: &str) -> Option<KeySizes> {
    match algo.to_ascii_lowercase().as_str() {
        "ecdsa" => Some(ECDSA),
        "rsa" => Some(RSA),
        "ed25519" => Some(ED25519),
        _ => None,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::spec::Spec;
    use crate::{DomainToAscii, EcdsaCurve, KeyAlgorithm};

    /// The specs here have no hosts.
    struct AsciiOnly;

    impl DomainToAscii for AsciiOnly {
        fn to_ascii(&self, _: &str) -> Option<String> {
            None
        }
    }

    /// A spec that leaves `key.size` out gets the default size, and each offered size reads.
    #[test]
    fn defaults_and_offered_sizes_are_what_the_spec_reader_takes() {
        let read = |key: &str| {
            let json = format!(r#"{{"CN": "a", "key": {key}}}"#);
            Spec::from_json_with(&json, &AsciiOnly)
                .unwrap()
                .value
                .key_algorithm()
        };
        assert_eq!(
            read(r#"{"algo": "ecdsa"}"#),
            KeyAlgorithm::Ecdsa(EcdsaCurve::P256)
        );
        assert_eq!(read(r#"{"algo": "RSA"}"#), KeyAlgorithm::Rsa { bits: 2048 });
        assert_eq!(read("{}").to_string(), "ecdsa-256");
        for algo in ["ecdsa", "rsa"] {
            let sizes = key_sizes(algo).unwrap();
            assert!(sizes.offered.contains(&sizes.default.unwrap()));
            for size in sizes.offered {
                let made = read(&format!(r#"{{"algo": "{algo}", "size": {size}}}"#));
                assert_eq!(made.to_string(), format!("{algo}-{size}"));
            }
        }
        assert_eq!(read(r#"{"algo": "ed25519"}"#), KeyAlgorithm::Ed25519);
        assert_eq!(key_sizes("Ed25519"), Some(ED25519));
        assert_eq!(key_sizes("dsa"), None);
    }
}
