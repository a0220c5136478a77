//! Path validation's rules on chains openssl makes: each chain breaks one
//! rule, `verify` refuses it, and the refusal names the rule, the name or
//! extension, and the certificate, as the issue's example does ("name
//! constraints: DNS:evil.example is excluded by ..."). The same chain with
//! the fault left out verifies, so each refusal is the rule's doing.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use csrcraft::{Certificate, Check, Outcome, Purpose, UnixTime, VerifyInput, read_certificates};
use csrcraft_interop::{Workdir, arg, openssl};

/// A certificate and its key, made by openssl.
struct Made {
    cert: PathBuf,
    key: PathBuf,
}

fn new_key(dir: &Workdir, name: &str, rsa_bits: Option<u32>) -> PathBuf {
    let key = dir.path(&format!("{name}-key.pem"));
    let bits = rsa_bits.map(|b| format!("rsa_keygen_bits:{b}"));
    let mut args = vec!["genpkey", "-out", arg(&key)];
    match &bits {
        Some(bits) => args.extend_from_slice(&["-algorithm", "RSA", "-pkeyopt", bits]),
        None => {
            args.extend_from_slice(&["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"])
        }
    }
    openssl(&args);
    key
}

/// A self-signed CA `CN=name` with `extensions` (openssl config lines) after
/// the CA's own basicConstraints and keyUsage.
fn root(dir: &Workdir, name: &str, extensions: &[&str], rsa_bits: Option<u32>) -> Made {
    let key = new_key(dir, name, rsa_bits);
    let cert = dir.path(&format!("{name}.pem"));
    let mut args = vec!["req", "-x509", "-key", arg(&key), "-out", arg(&cert)];
    let subject = format!("/CN={name}");
    args.extend_from_slice(&["-subj", &subject, "-days", "30"]);
    let mut lines = vec![
        "basicConstraints=critical,CA:TRUE",
        "keyUsage=critical,keyCertSign,cRLSign",
    ];
    lines.extend_from_slice(extensions);
    for line in &lines {
        args.extend_from_slice(&["-addext", line]);
    }
    openssl(&args);
    Made { cert, key }
}

/// `CN=name` issued by `issuer` with exactly `extensions`.
fn issue(dir: &Workdir, name: &str, issuer: &Made, extensions: &[&str]) -> Made {
    let key = new_key(dir, name, None);
    let csr = dir.path(&format!("{name}.csr"));
    let subject = format!("/CN={name}");
    openssl(&[
        "req",
        "-new",
        "-key",
        arg(&key),
        "-subj",
        &subject,
        "-out",
        arg(&csr),
    ]);
    let ext = dir.write(&format!("{name}.cnf"), extensions.join("\n") + "\n");
    let cert = dir.path(&format!("{name}.pem"));
    openssl(&[
        "x509",
        "-req",
        "-in",
        arg(&csr),
        "-CA",
        arg(&issuer.cert),
        "-CAkey",
        arg(&issuer.key),
        "-set_serial",
        "7",
        "-days",
        "5",
        "-extfile",
        arg(&ext),
        "-out",
        arg(&cert),
    ]);
    Made { cert, key }
}

const LEAF: &[&str] = &[
    "basicConstraints=critical,CA:FALSE",
    "keyUsage=critical,digitalSignature",
    "extendedKeyUsage=serverAuth,clientAuth",
    "subjectAltName=DNS:www.evil.example,DNS:web.good.example",
];

const INTERMEDIATE: &[&str] = &[
    "basicConstraints=critical,CA:TRUE",
    "keyUsage=critical,keyCertSign",
];

fn read(path: &PathBuf) -> Vec<Certificate> {
    read_certificates(&std::fs::read(path).unwrap()).unwrap()
}

/// The chain check's outcome and detail for `chain` (leaf first) under `root`.
fn chain_check(chain: &[&Made], root: &Made, purpose: Option<Purpose>) -> (Outcome, String) {
    let chain: Vec<Certificate> = chain.iter().flat_map(|m| read(&m.cert)).collect();
    let trust = read(&root.cert);
    let at = UnixTime(chain[0].info().not_before.0 + 60);
    let report = csrcraft::verify(&VerifyInput {
        chain: &chain,
        trust: &trust,
        key: None,
        request: None,
        host: None,
        purpose,
        at,
        signatures: &csrcraft::SoftwareVerifier,
        domains: &csrcraft::Idna,
    })
    .unwrap();
    let check = report.check(Check::SIGNATURE_CHAIN).unwrap();
    (check.outcome, check.detail.clone())
}

#[track_caller]
fn assert_refused(got: (Outcome, String), expected: &str) {
    assert_eq!(got.0, Outcome::Fail, "{}", got.1);
    assert_eq!(got.1, expected);
}

#[test]
fn excluded_and_permitted_subtrees_name_the_name_and_the_ca() {
    let dir = Workdir::new();
    let excluding = root(
        &dir,
        "Excluding CA",
        &["nameConstraints=critical,excluded;DNS:evil.example"],
        None,
    );
    let leaf = issue(&dir, "leaf", &excluding, LEAF);
    assert_refused(
        chain_check(&[&leaf], &excluding, None),
        "name constraints: DNS:www.evil.example of the leaf \"CN=leaf\" is excluded by the CA \
         \"CN=Excluding CA\"'s excludedSubtrees DNS:evil.example",
    );

    let permitting = root(
        &dir,
        "Permitting CA",
        &["nameConstraints=critical,permitted;DNS:good.example,permitted;IP:10.0.0.0/255.0.0.0"],
        None,
    );
    let leaf = issue(&dir, "leaf2", &permitting, LEAF);
    assert_refused(
        chain_check(&[&leaf], &permitting, None),
        "name constraints: DNS:www.evil.example of the leaf \"CN=leaf2\" is outside the CA \
         \"CN=Permitting CA\"'s permittedSubtrees DNS:good.example",
    );

    let mut good = LEAF.to_vec();
    good[3] = "subjectAltName=DNS:web.good.example,IP:10.1.2.3";
    let leaf = issue(&dir, "leaf3", &permitting, &good);
    assert_eq!(chain_check(&[&leaf], &permitting, None).0, Outcome::Pass);
}

#[test]
fn path_length_basic_constraints_and_critical_extensions() {
    let dir = Workdir::new();
    let ca = root(&dir, "Root CA", &[], None);
    let limited = issue(
        &dir,
        "Limited CA",
        &ca,
        &[
            "basicConstraints=critical,CA:TRUE,pathlen:0",
            "keyUsage=critical,keyCertSign",
        ],
    );
    let below = issue(&dir, "Below CA", &limited, INTERMEDIATE);
    let leaf = issue(&dir, "leaf", &below, LEAF);
    assert_refused(
        chain_check(&[&leaf, &below, &limited], &ca, None),
        "path length: intermediate \"CN=Limited CA\" allows 0 intermediate CAs below it \
         (pathLenConstraint 0), but 1 are",
    );
    let direct = issue(&dir, "direct leaf", &limited, LEAF);
    assert_eq!(
        chain_check(&[&direct, &limited], &ca, None).0,
        Outcome::Pass
    );

    let mut ca_leaf = LEAF.to_vec();
    ca_leaf[0] = "basicConstraints=critical,CA:TRUE";
    let leaf = issue(&dir, "CA leaf", &ca, &ca_leaf);
    assert_refused(
        chain_check(&[&leaf], &ca, None),
        "basic constraints: the leaf \"CN=CA leaf\" is a CA (basicConstraints CA:TRUE), which a \
         TLS client does not accept as a server's or client's own certificate",
    );

    let mut critical = LEAF.to_vec();
    critical.push("1.3.6.1.4.1.55555.1=critical,ASN1:NULL");
    let leaf = issue(&dir, "odd leaf", &ca, &critical);
    assert_refused(
        chain_check(&[&leaf], &ca, None),
        "critical extension: the leaf \"CN=odd leaf\" marks 1.3.6.1.4.1.55555.1 critical, which \
         path validation does not understand, so a TLS client refuses it",
    );
}

#[test]
fn extended_key_usage_chains_through_intermediates_for_the_purpose() {
    let dir = Workdir::new();
    let ca = root(&dir, "Root CA", &[], None);
    let clients_only = issue(
        &dir,
        "Client CA",
        &ca,
        &[INTERMEDIATE, &["extendedKeyUsage=clientAuth"]].concat(),
    );
    let leaf = issue(&dir, "leaf", &clients_only, LEAF);
    assert_refused(
        chain_check(&[&leaf, &clients_only], &ca, Some(Purpose::Server)),
        "extended key usage: intermediate \"CN=Client CA\" allows only client auth, not server auth",
    );
    assert_eq!(
        chain_check(&[&leaf, &clients_only], &ca, Some(Purpose::Client)).0,
        Outcome::Pass
    );
}

#[test]
fn rsa_keys_under_2048_bits_are_refused_on_issuers() {
    let dir = Workdir::new();
    let weak = root(&dir, "Weak CA", &[], Some(1024));
    let leaf = issue(&dir, "leaf", &weak, LEAF);
    let (outcome, detail) = chain_check(&[&leaf], &weak, None);
    assert_eq!(outcome, Outcome::Fail, "{detail}");
    assert!(
        detail.starts_with("key size: the CA \"CN=Weak CA\"'s key is RSA")
            && detail.ends_with("path validation accepts RSA keys of at least 2048 bits"),
        "{detail}"
    );
    let strong = root(&dir, "Strong CA", &[], Some(2048));
    let leaf = issue(&dir, "leaf2", &strong, LEAF);
    assert_eq!(chain_check(&[&leaf], &strong, None).0, Outcome::Pass);
}
