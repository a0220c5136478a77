//! The parts a page uses with its own crypto (WebCrypto): `KeyDocument`,
//! `UnsignedRequest`, ECDSA signature encodings and `SignatureCheck::plan`.
//! RustCrypto (feature `software`) stands in for the page's crypto, so each
//! result is compared with what the software path makes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csrcraft::support::{ecdsa_der_to_fixed, ecdsa_fixed_to_der};
use csrcraft::{
    CertificateRequest, EcdsaCurve, KeyAlgorithm, KeyDocument, KeyFormat, PrivateKey,
    SignatureAlgorithm, SignatureCheck, SignatureError, SignatureVerifier, SoftwareVerifier, Spec,
    UnsignedRequest,
};

const ALGORITHMS: [KeyAlgorithm; 7] = [
    KeyAlgorithm::Ecdsa(EcdsaCurve::P256),
    KeyAlgorithm::Ecdsa(EcdsaCurve::P384),
    KeyAlgorithm::Ecdsa(EcdsaCurve::P521),
    KeyAlgorithm::Rsa { bits: 2048 },
    KeyAlgorithm::Rsa { bits: 3072 },
    KeyAlgorithm::Rsa { bits: 4096 },
    KeyAlgorithm::Ed25519,
];

fn key(algorithm: KeyAlgorithm) -> PrivateKey {
    PrivateKey::generate(algorithm, &mut getrandom::SysRng).unwrap()
}

fn spec() -> Spec {
    Spec::from_json(
        r#"{"CN": "web.example.com", "hosts": ["web.example.com", "10.0.0.1"],
            "names": [{"O": "dev"}, {"O": "ops"}]}"#,
    )
    .unwrap()
    .value
}

#[test]
fn a_key_document_writes_what_the_software_key_writes() {
    for algorithm in ALGORITHMS {
        let key = key(algorithm);
        for read_from in [KeyFormat::Pkcs8, KeyFormat::Cfssl] {
            let input = key.to_pem(read_from).unwrap();
            let document = KeyDocument::from_pem(input.as_str()).unwrap();
            assert_eq!(document.algorithm(), algorithm);
            for format in [KeyFormat::Cfssl, KeyFormat::Pkcs8] {
                assert_eq!(
                    document.to_pem(format).unwrap(),
                    key.to_pem(format).unwrap(),
                    "{algorithm}, read as {read_from:?}, written as {format:?}"
                );
            }
            // The public half it carries, without crypto (Ed25519's seed carries none).
            let expected =
                (algorithm != KeyAlgorithm::Ed25519).then(|| key.public_key_der().unwrap());
            assert_eq!(
                document.public_key_der(),
                expected,
                "{algorithm}, read as {read_from:?}"
            );
            let again = PrivateKey::from_document(&document).unwrap();
            assert_eq!(
                again.public_key_der().unwrap(),
                key.public_key_der().unwrap()
            );
        }
    }
}

#[test]
fn a_key_document_refuses_what_is_not_a_usable_key() {
    let cases = [
        ("", "no private key found"),
        (
            "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
            "the PRIVATE KEY block is malformed",
        ),
        (
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n",
            "the key is encrypted",
        ),
    ];
    for (input, expected) in cases {
        let error = KeyDocument::from_pem(input).unwrap_err().to_string();
        assert!(error.contains(expected), "{input:?}: {error}");
    }
}

#[test]
fn an_unsigned_request_signed_elsewhere_is_the_software_request() {
    for algorithm in ALGORITHMS {
        let key = key(algorithm);
        let made = CertificateRequest::new(&spec(), &key, &mut getrandom::SysRng).unwrap();
        let unsigned = UnsignedRequest::new(&spec(), &key.public_key_der().unwrap()).unwrap();
        assert_eq!(unsigned.key_algorithm(), algorithm);
        assert_eq!(
            unsigned.signature_algorithm(),
            &algorithm.signature_algorithm()
        );
        // ECDSA (RFC 6979) and Ed25519 sign deterministically, RSA PKCS#1 v1.5
        // too: the same key signs the same bytes alike.
        let signature = made_signature(&made);
        let signed = unsigned.sign_with(&signature).unwrap();
        assert_eq!(signed.der(), made.der(), "{algorithm}");
        assert_eq!(signed.info().unwrap().signature, Ok(()), "{algorithm}");
    }
}

/// The contents of a CSR's signature BIT STRING.
fn made_signature(request: &CertificateRequest) -> Vec<u8> {
    use der::Decode;
    let parsed = x509_cert::request::CertReq::from_der(request.der()).unwrap();
    parsed.signature.raw_bytes().to_vec()
}

#[test]
fn an_unsigned_request_refuses_keys_csrcraft_does_not_make() {
    // secp256k1, from `openssl ecparam -name secp256k1 -genkey | openssl ec -pubout -outform DER`.
    let secp256k1 = [
        0x30, 0x56, 0x30, 0x10, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x05,
        0x2b, 0x81, 0x04, 0x00, 0x0a, 0x03, 0x42, 0x00, 0x04,
    ];
    let mut spki = secp256k1.to_vec();
    spki.extend([1u8; 64]);
    let error = UnsignedRequest::new(&spec(), &spki)
        .unwrap_err()
        .to_string();
    assert!(error.contains("ec secp256k1"), "{error}");
    let error = UnsignedRequest::new(&spec(), b"not a key")
        .unwrap_err()
        .to_string();
    assert!(error.contains("not a DER SubjectPublicKeyInfo"), "{error}");
}

#[test]
fn ecdsa_signatures_convert_both_ways() {
    for (curve, width) in [
        (EcdsaCurve::P256, 32),
        (EcdsaCurve::P384, 48),
        (EcdsaCurve::P521, 66),
    ] {
        let key = key(KeyAlgorithm::Ecdsa(curve));
        for round in 0..20u8 {
            let request = CertificateRequest::new(
                &Spec::from_json(&format!(r#"{{"CN": "n{round}"}}"#))
                    .unwrap()
                    .value,
                &key,
                &mut getrandom::SysRng,
            )
            .unwrap();
            let der = made_signature(&request);
            let fixed = ecdsa_der_to_fixed(&der, width).unwrap();
            assert_eq!(fixed.len(), 2 * width);
            assert_eq!(ecdsa_fixed_to_der(&fixed).unwrap(), der, "{curve:?}");
        }
    }
    // Leading zeros are dropped in DER, and a high bit gets a zero byte.
    let fixed = [[0u8; 31].as_slice(), &[5], &[0x80], &[0u8; 31]].concat();
    let der = ecdsa_fixed_to_der(&fixed).unwrap();
    assert_eq!(
        der,
        [0x30, 0x26, 0x02, 0x01, 0x05, 0x02, 0x21, 0x00, 0x80]
            .into_iter()
            .chain([0u8; 31])
            .collect::<Vec<_>>()
    );
    assert_eq!(ecdsa_der_to_fixed(&der, 32).unwrap(), fixed);
    assert_eq!(
        ecdsa_der_to_fixed(&der, 16),
        None,
        "r || s wider than the curve"
    );
    assert_eq!(ecdsa_fixed_to_der(&[1, 2, 3]), None);
    assert_eq!(ecdsa_der_to_fixed(b"junk", 32), None);
}

#[test]
fn a_plan_names_the_key_and_hash_or_why_not() {
    let p256 = key(KeyAlgorithm::Ecdsa(EcdsaCurve::P256))
        .public_key_der()
        .unwrap();
    let rsa = key(KeyAlgorithm::Rsa { bits: 2048 })
        .public_key_der()
        .unwrap();
    let check = |algorithm: &SignatureAlgorithm, spki: &[u8]| {
        SignatureCheck {
            signed: b"x",
            algorithm,
            signature: b"y",
            signer_spki_der: spki,
        }
        .plan()
    };
    let plan = check(&SignatureAlgorithm::EcdsaSha384, &p256).unwrap();
    assert_eq!(plan.key_algorithm, KeyAlgorithm::Ecdsa(EcdsaCurve::P256));
    assert_eq!(plan.hash.map(|h| h.name()), Some("SHA-384"));
    assert!(matches!(
        check(&SignatureAlgorithm::RsaSha256, &p256),
        Err(SignatureError::KeyMismatch(_))
    ));
    assert!(matches!(
        check(&SignatureAlgorithm::Ed25519, &rsa),
        Err(SignatureError::KeyMismatch(_))
    ));
    let sha1 = SignatureAlgorithm::from_oid("1.2.840.113549.1.1.5");
    match check(&sha1, &rsa) {
        Err(SignatureError::Unsupported(reason)) => {
            assert!(reason.contains("insecure"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        check(&SignatureAlgorithm::RsaSha256, b"junk"),
        Err(SignatureError::BadKey(_))
    ));
    // The software verifier starts from the same plan.
    assert!(matches!(
        SoftwareVerifier.verify(&SignatureCheck {
            signed: b"x",
            algorithm: &SignatureAlgorithm::RsaSha256,
            signature: b"y",
            signer_spki_der: &p256,
        }),
        Err(SignatureError::KeyMismatch(_))
    ));
}
