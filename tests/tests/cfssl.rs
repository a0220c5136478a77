//! csrcraft against cfssl (Debian's golang-cfssl, 1.2): `cfssl sign` issues
//! certificates for csrcraft's CSRs, and for the specs that old cfssl
//! understands, `cfssl genkey` and csrcraft make CSRs and key files of the
//! same structure, byte for byte outside the key and signature.
//!
//! Ed25519 is left out: cfssl 1.2 neither generates Ed25519 keys ("invalid
//! algorithm") nor signs Ed25519 CSRs ("x509: cannot verify signature:
//! algorithm unimplemented"); tests/openssl.rs covers it with openssl.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csrcraft::KeyFormat;
use csrcraft_interop::{
    Algorithm, CASES, Case, TestCa, Workdir, algorithm, assert_same_lines, csr_structure, generate,
    key_pem, key_structure, parse_spec, pem_label, public_key_of, request, run, san_critical, sans,
    subject, text, with_key,
};

/// For `name`: one key made by csrcraft from the tutorial spec; for every case,
/// a CSR that cfssl signs; for the cases cfssl 1.2 can generate itself, the
/// structure comparison (all of them for ECDSA and rsa-2048, only the tutorial
/// spec for the slow rsa-3072 and rsa-4096).
fn check_algorithm(name: &str) {
    let alg = algorithm(name);
    assert!(alg.cfssl, "{name} is not one cfssl 1.2 supports");
    let ca = TestCa::new();
    let dir = Workdir::new();

    let made = generate(&parse_spec(&with_key(CASES[0].spec, alg.key)));
    assert_eq!(made.key.algorithm().to_string(), alg.name);
    for (i, case) in CASES.iter().enumerate() {
        let spec = parse_spec(&with_key(case.spec, alg.key));
        let csr = if i == 0 {
            made.request.clone()
        } else {
            request(&spec, &made.key)
        };
        let path = dir.write(&format!("case-{i}.csr"), csr.pem());
        check_cfssl_signs(&ca, &alg, case, &path);

        let compare = case.cfssl_genkey
            && (i == 0 || !alg.name.starts_with("rsa-") || alg.name == "rsa-2048");
        if compare {
            compare_with_cfssl_genkey(
                &dir,
                &alg,
                case,
                i,
                &path,
                &key_pem(&made.key, KeyFormat::Cfssl),
            );
        }
    }
}

/// `cfssl sign` issues a certificate for the CSR at `csr` that openssl verifies
/// and that carries the CSR's public key, subject and subjectAltNames (less
/// what cfssl 1.2 drops, see [`Case`]).
fn check_cfssl_signs(ca: &TestCa, alg: &Algorithm, case: &Case, csr: &std::path::Path) {
    let ctx = format!("{} / {}: cfssl sign", alg.name, case.name);
    let cert = ca.sign_with_cfssl(csr);
    ca.verify(&cert);
    assert_eq!(
        public_key_of("x509", &cert),
        public_key_of("req", csr),
        "{ctx}: public key"
    );
    assert_eq!(
        subject("x509", &cert),
        case.cfssl_issued_subject.unwrap_or(case.subject),
        "{ctx}: subject"
    );
    let issued = text("x509", &cert);
    assert_eq!(
        sans(&issued),
        case.cfssl_issued_sans.unwrap_or(case.sans),
        "{ctx}: subjectAltNames"
    );
    // Go marks the subjectAltName critical when the subject is empty (RFC 5280
    // section 4.2.1.6).
    let expected_critical = (!case.sans.is_empty()).then_some(case.subject.is_empty());
    assert_eq!(
        san_critical(&issued),
        expected_critical,
        "{ctx}: SAN criticality"
    );
}

/// `cfssl genkey` on the same spec makes a CSR of the same structure (only the
/// key, the signature and lengths that follow from them may differ) and a key
/// file of the same shape.
fn compare_with_cfssl_genkey(
    dir: &Workdir,
    alg: &Algorithm,
    case: &Case,
    index: usize,
    ours_csr: &std::path::Path,
    ours_key: &str,
) {
    let ctx = format!("{} / {}", alg.name, case.name);
    // The spec goes in on stdin, as `cfssl genkey -` reads it.
    let spec = with_key(case.spec, alg.key);
    let output = run("cfssl", &["genkey", "-"], Some(spec.as_bytes()));
    let json: serde_json::Value = serde_json::from_str(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "{ctx}: cfssl genkey printed no JSON ({e})\n{}\n{}",
            output.stdout, output.stderr
        )
    });
    let their_csr_pem = json["csr"].as_str().expect("cfssl genkey prints \"csr\"");
    let their_key_pem = json["key"].as_str().expect("cfssl genkey prints \"key\"");
    let theirs_csr = dir.write(&format!("case-{index}.cfssl.csr"), their_csr_pem);
    let theirs_key = dir.write(&format!("case-{index}.cfssl-key.pem"), their_key_pem);
    let ours_key_path = dir.write(&format!("case-{index}.csrcraft-key.pem"), ours_key);

    // The table's expectations are cfssl's own behaviour too.
    assert_eq!(
        subject("req", &theirs_csr),
        case.subject,
        "{ctx}: cfssl's subject"
    );
    assert_eq!(
        sans(&text("req", &theirs_csr)),
        case.sans,
        "{ctx}: cfssl's SANs"
    );

    assert_same_lines(
        &format!("{ctx}: CSR (asn1parse of csrcraft's vs cfssl genkey's)"),
        &csr_structure(ours_csr),
        &csr_structure(&theirs_csr),
    );

    assert_eq!(
        pem_label(ours_key),
        pem_label(their_key_pem),
        "{ctx}: key PEM label"
    );
    // EC key files have fixed lengths (Go pads the scalar to the field size);
    // RSA integers vary in length from key to key.
    let lengths = !alg.name.starts_with("rsa-");
    assert_same_lines(
        &format!("{ctx}: key file (asn1parse of csrcraft's vs cfssl genkey's)"),
        &key_structure(&ours_key_path, lengths),
        &key_structure(&theirs_key, lengths),
    );
}

#[test]
fn ecdsa_256() {
    check_algorithm("ecdsa-256");
}

#[test]
fn ecdsa_384() {
    check_algorithm("ecdsa-384");
}

#[test]
fn ecdsa_521() {
    check_algorithm("ecdsa-521");
}

#[test]
fn rsa_2048() {
    check_algorithm("rsa-2048");
}

#[test]
fn rsa_3072() {
    check_algorithm("rsa-3072");
}

#[test]
fn rsa_4096() {
    check_algorithm("rsa-4096");
}
