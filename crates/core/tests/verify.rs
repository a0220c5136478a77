//! `verify`'s input handling without certificates to check: what is refused
//! as bad input (never a report that passes). Real certificates, made by
//! openssl and cfssl, are verified in the interop crate (tests/tests/verify.rs).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csrcraft::{Error, UnixTime, VerifyInput, read_certificates, verify};

#[track_caller]
fn problem(error: Error) -> String {
    match error {
        Error::Decode { what, problem } => format!("{what}: {problem}"),
        other => panic!("expected a decode error, got {other:?}"),
    }
}

#[test]
fn an_empty_chain_or_trust_list_is_bad_input() {
    let none = VerifyInput {
        chain: &[],
        trust: &[],
        key: None,
        request: None,
        host: None,
        purpose: None,
        at: UnixTime(0),
        signatures: &csrcraft::SoftwareVerifier,
        domains: &csrcraft::Idna,
    };
    assert!(problem(verify(&none).unwrap_err()).starts_with("certificate: no certificate given"));
}

#[test]
fn unrecognized_certificate_input_is_named() {
    let csr = include_bytes!("data/tutorial-p256.csr");
    for (input, expect) in [
        (&b""[..], "input: it is empty"),
        (b"  \n", "input: it is empty"),
        (
            b"hello world",
            "input: not a PEM block, DER certificate or CSR, base64 PEM",
        ),
        (b"\x30\x03\x02\x01\xff", "DER input: neither a certificate"),
        // base64 of "-----BEGIN X-----\n-----END X-----\n"
        (
            b"LS0tLS1CRUdJTiBYLS0tLS0KLS0tLS1FTkQgWC0tLS0tCg==",
            "PEM input: found X, but no CERTIFICATE REQUEST or CERTIFICATE block",
        ),
        (
            csr,
            "certificate: this is a certificate request, not a certificate",
        ),
    ] {
        let got = problem(read_certificates(input).unwrap_err());
        assert!(got.starts_with(expect), "{input:?}: {got}");
    }
}
