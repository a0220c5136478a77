//! Private keys: generation, PEM forms, reading back, and never showing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csrcraft::{EcdsaCurve, KeyAlgorithm, KeyFormat, PrivateKey};

const ALGORITHMS: [KeyAlgorithm; 5] = [
    KeyAlgorithm::Ecdsa(EcdsaCurve::P256),
    KeyAlgorithm::Ecdsa(EcdsaCurve::P384),
    KeyAlgorithm::Ecdsa(EcdsaCurve::P521),
    KeyAlgorithm::Rsa { bits: 2048 },
    KeyAlgorithm::Ed25519,
];

fn label(pem: &str) -> &str {
    pem.lines()
        .next()
        .unwrap()
        .trim_start_matches("-----BEGIN ")
        .trim_end_matches("-----")
}

#[test]
fn pem_labels_are_cfssls_or_pkcs8() {
    let expected = [
        "EC PRIVATE KEY",
        "EC PRIVATE KEY",
        "EC PRIVATE KEY",
        "RSA PRIVATE KEY",
        "PRIVATE KEY",
    ];
    for (algorithm, cfssl_label) in ALGORITHMS.into_iter().zip(expected) {
        let key = PrivateKey::generate(algorithm, &mut getrandom::SysRng).unwrap();
        assert_eq!(key.algorithm(), algorithm);
        assert_eq!(
            label(key.to_pem(KeyFormat::Cfssl).unwrap().as_str()),
            cfssl_label,
            "{algorithm}"
        );
        assert_eq!(
            label(key.to_pem(KeyFormat::Pkcs8).unwrap().as_str()),
            "PRIVATE KEY",
            "{algorithm}"
        );
    }
}

#[test]
fn every_form_reads_back_to_the_same_key() {
    for algorithm in ALGORITHMS {
        let key = PrivateKey::generate(algorithm, &mut getrandom::SysRng).unwrap();
        for format in [KeyFormat::Cfssl, KeyFormat::Pkcs8] {
            let pem = key.to_pem(format).unwrap();
            let read = PrivateKey::from_pem(pem.as_str()).unwrap();
            assert_eq!(read.algorithm(), algorithm);
            assert_eq!(
                read.public_key_der().unwrap(),
                key.public_key_der().unwrap(),
                "{algorithm} {format:?}"
            );
        }
    }
}

#[test]
fn two_keys_differ() {
    let a = PrivateKey::generate(KeyAlgorithm::Ed25519, &mut getrandom::SysRng).unwrap();
    let b = PrivateKey::generate(KeyAlgorithm::Ed25519, &mut getrandom::SysRng).unwrap();
    assert_ne!(a.public_key_der().unwrap(), b.public_key_der().unwrap());
}

#[test]
fn debug_never_shows_key_material() {
    let key = PrivateKey::generate(
        KeyAlgorithm::Ecdsa(EcdsaCurve::P256),
        &mut getrandom::SysRng,
    )
    .unwrap();
    let pem = key.to_pem(KeyFormat::Cfssl).unwrap();
    assert_eq!(format!("{key:?}"), "PrivateKey(ecdsa-256)");
    assert_eq!(format!("{pem:?}"), "KeyPem(..)");
}

#[test]
fn unusable_key_text_is_a_clear_error() {
    let cases = [
        (
            "",
            "key: no private key found; expected a PEM block EC PRIVATE KEY, RSA PRIVATE KEY or PRIVATE KEY",
        ),
        (
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMAA=\n-----END ENCRYPTED PRIVATE KEY-----\n",
            "passphrase: the key is encrypted (ENCRYPTED PRIVATE KEY) and no passphrase was given; give the passphrase it was encrypted with",
        ),
        (
            "-----BEGIN DSA PRIVATE KEY-----\nMAA=\n-----END DSA PRIVATE KEY-----\n",
            "key: DSA PRIVATE KEY keys are not supported; expected EC PRIVATE KEY, RSA PRIVATE KEY or PRIVATE KEY",
        ),
        (
            "-----BEGIN RSA PRIVATE KEY-----\nMAA=\n-----END RSA PRIVATE KEY-----\n",
            "key: the RSA PRIVATE KEY block is malformed",
        ),
    ];
    for (text, expected) in cases {
        let error = PrivateKey::from_pem(text).unwrap_err().to_string();
        assert!(error.starts_with(expected), "{error}");
    }
}

#[test]
fn two_keys_in_one_input_are_refused() {
    let a = PrivateKey::generate(KeyAlgorithm::Ed25519, &mut getrandom::SysRng)
        .unwrap()
        .to_pem(KeyFormat::Cfssl)
        .unwrap();
    let twice = format!("{}{}", a.as_str(), a.as_str());
    assert_eq!(
        PrivateKey::from_pem(&twice).unwrap_err().to_string(),
        "key: more than one private key in the input; give exactly one"
    );
}

#[test]
fn generating_rsa_outside_the_allowed_sizes_fails_without_panicking() {
    let error =
        PrivateKey::generate(KeyAlgorithm::Rsa { bits: 1024 }, &mut getrandom::SysRng).unwrap_err();
    assert_eq!(
        error.to_string(),
        "generating an rsa-1024 key failed: 1024 bits is outside 2048..=8192"
    );
}
