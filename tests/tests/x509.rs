//! The core's X.509 reading layer against openssl (here, not in crates/core/tests, which run no
//! other program): certificates made by openssl (every CA key type and digest, incl. a P-256
//! CA signing with SHA-384) verify against their CA and fail when tampered with; CSRs made by
//! openssl read with their label and extensions; names, times, fingerprints and extensions read
//! as openssl shows them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use csrcraft::{
    BasicConstraints, Certificate, CertificateRequest, EcdsaCurve, Error, GeneralSubtree, Host,
    KeyAlgorithm, SignatureAlgorithm, SignatureError, Spec,
};

// ---- helpers -----------------------------------------------------------------

/// A scratch directory for openssl's files, removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "csrcraft-x509-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }

    fn path(&self, name: &str) -> String {
        self.0.join(name).to_str().unwrap().to_owned()
    }

    fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.0.join(name)).unwrap()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs openssl with `args` in `dir`, returns stdout.
#[track_caller]
fn openssl(dir: &Path, args: &[&str]) -> String {
    let output = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("cannot run openssl ({e}); run scripts/setup"));
    assert!(
        output.status.success(),
        "openssl {args:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// `openssl genpkey` arguments for a key kind.
fn genpkey_args(kind: &str) -> Vec<&'static str> {
    match kind {
        "P-256" => vec!["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
        "P-384" => vec!["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"],
        "P-521" => vec!["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-521"],
        "secp256k1" => vec![
            "-algorithm",
            "EC",
            "-pkeyopt",
            "ec_paramgen_curve:secp256k1",
        ],
        "RSA-2048" => vec!["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"],
        "Ed25519" => vec!["-algorithm", "ED25519"],
        other => panic!("unknown key kind {other}"),
    }
}

fn genkey(scratch: &Scratch, kind: &str, file: &str) {
    let mut args = vec!["genpkey"];
    args.extend(genpkey_args(kind));
    args.extend(["-out", file]);
    openssl(&scratch.0, &args);
}

/// A self-signed CA of `kind` signed with `digest` (empty for Ed25519), in `NAME.key`/`NAME.pem`.
fn make_ca(scratch: &Scratch, name: &str, kind: &str, digest: &str) -> Certificate {
    let (key, pem) = (format!("{name}.key"), format!("{name}.pem"));
    genkey(scratch, kind, &key);
    let subject = format!("/CN={name}");
    let mut args = vec![
        "req", "-x509", "-new", "-key", &key, "-subj", &subject, "-days", "2", "-out", &pem,
    ];
    if !digest.is_empty() {
        args.push(digest);
    }
    openssl(&scratch.0, &args);
    only(Certificate::chain_from_pem(&scratch.read(&pem)).unwrap())
}

/// A P-256 leaf `CN=leaf` signed by the CA `ca` with `digest`, plus `extra` arguments.
fn make_leaf(scratch: &Scratch, ca: &str, digest: &str, extra: &[&str]) -> Certificate {
    genkey(scratch, "P-256", "leaf.key");
    openssl(
        &scratch.0,
        &[
            "req", "-new", "-key", "leaf.key", "-subj", "/CN=leaf", "-out", "leaf.csr",
        ],
    );
    let (ca_pem, ca_key) = (format!("{ca}.pem"), format!("{ca}.key"));
    let mut args = vec![
        "x509",
        "-req",
        "-in",
        "leaf.csr",
        "-CA",
        &ca_pem,
        "-CAkey",
        &ca_key,
        "-set_serial",
        "0x1f2e3d4c5b6a79880102",
        "-days",
        "1",
        "-out",
        "leaf.pem",
    ];
    if !digest.is_empty() {
        args.push(digest);
    }
    args.extend(extra);
    openssl(&scratch.0, &args);
    only(Certificate::chain_from_pem(&scratch.read("leaf.pem")).unwrap())
}

#[track_caller]
fn only(mut certificates: Vec<Certificate>) -> Certificate {
    assert_eq!(certificates.len(), 1);
    certificates.remove(0)
}

#[track_caller]
fn flip_in(der: &[u8], needle: &[u8]) -> Vec<u8> {
    let at = der
        .windows(needle.len())
        .position(|w| w == needle)
        .unwrap_or_else(|| panic!("{needle:?} not found"));
    let mut tampered = der.to_vec();
    tampered[at] ^= 0x01;
    tampered
}

fn spki(certificate: &Certificate) -> &[u8] {
    &certificate.info().public_key.spki_der
}

fn decode_problem(error: Error) -> String {
    match error {
        Error::Decode { what, problem } => format!("{what}: {problem}"),
        other => panic!("expected Error::Decode, got {other:?}"),
    }
}

// ---- certificate signatures --------------------------------------------------

/// (CA key, digest flag, algorithm the leaf is signed with)
const CA_CASES: &[(&str, &str, SignatureAlgorithm)] = &[
    ("P-256", "-sha256", SignatureAlgorithm::EcdsaSha256),
    ("P-256", "-sha384", SignatureAlgorithm::EcdsaSha384),
    ("P-256", "-sha512", SignatureAlgorithm::EcdsaSha512),
    ("P-384", "-sha384", SignatureAlgorithm::EcdsaSha384),
    ("P-384", "-sha256", SignatureAlgorithm::EcdsaSha256),
    ("P-521", "-sha512", SignatureAlgorithm::EcdsaSha512),
    ("P-521", "-sha256", SignatureAlgorithm::EcdsaSha256),
    ("RSA-2048", "-sha256", SignatureAlgorithm::RsaSha256),
    ("RSA-2048", "-sha384", SignatureAlgorithm::RsaSha384),
    ("RSA-2048", "-sha512", SignatureAlgorithm::RsaSha512),
    ("Ed25519", "", SignatureAlgorithm::Ed25519),
];

#[test]
fn certificates_signed_by_each_ca_key_and_digest_verify() {
    for (kind, digest, algorithm) in CA_CASES {
        let case = format!("{kind} {digest}");
        let scratch = Scratch::new();
        let ca = make_ca(&scratch, "ca", kind, digest);
        let other_ca = make_ca(&scratch, "other", kind, digest);
        let leaf = make_leaf(&scratch, "ca", digest, &[]);
        assert_eq!(&leaf.info().signature_algorithm, algorithm, "{case}");
        assert_eq!(leaf.info().issuer.common_name(), Some("ca"), "{case}");

        assert_eq!(
            leaf.verify_signed_by(spki(&ca), &csrcraft::SoftwareVerifier),
            Ok(()),
            "{case}"
        );
        assert_eq!(
            ca.verify_signed_by(spki(&ca), &csrcraft::SoftwareVerifier),
            Ok(()),
            "{case}: self-signed CA"
        );
        assert_eq!(
            leaf.verify_signed_by(spki(&other_ca), &csrcraft::SoftwareVerifier),
            Err(SignatureError::Invalid),
            "{case}: another CA's key"
        );

        let tampered_tbs = Certificate::from_der(&flip_in(leaf.der(), b"leaf")).unwrap();
        assert_eq!(tampered_tbs.info().subject.common_name(), Some("meaf"));
        assert_eq!(
            tampered_tbs.verify_signed_by(spki(&ca), &csrcraft::SoftwareVerifier),
            Err(SignatureError::Invalid),
            "{case}: flipped TBS byte"
        );

        let mut tampered = leaf.der().to_vec();
        *tampered.last_mut().unwrap() ^= 0x01;
        let tampered_signature = Certificate::from_der(&tampered).unwrap();
        assert_eq!(
            tampered_signature.verify_signed_by(spki(&ca), &csrcraft::SoftwareVerifier),
            Err(SignatureError::Invalid),
            "{case}: flipped signature byte"
        );
    }
}

#[test]
fn algorithm_and_key_of_different_kinds_is_a_mismatch() {
    let scratch = Scratch::new();
    let ca = make_ca(&scratch, "ca", "P-256", "-sha256");
    let ed = make_ca(&scratch, "ed", "Ed25519", "");
    let rsa = make_ca(&scratch, "rsa", "RSA-2048", "-sha256");
    let Err(SignatureError::KeyMismatch(why)) =
        ca.verify_signed_by(spki(&ed), &csrcraft::SoftwareVerifier)
    else {
        panic!("an ecdsa signature checked with an ed25519 key");
    };
    assert_eq!(why, "an ecdsa signature, but the signer's key is ed25519");
    assert!(matches!(
        rsa.verify_signed_by(spki(&ca), &csrcraft::SoftwareVerifier),
        Err(SignatureError::KeyMismatch(_))
    ));
    assert!(matches!(
        ed.verify_signed_by(spki(&rsa), &csrcraft::SoftwareVerifier),
        Err(SignatureError::KeyMismatch(_))
    ));
    assert!(matches!(
        ca.verify_signed_by(b"not a key", &csrcraft::SoftwareVerifier),
        Err(SignatureError::BadKey(_))
    ));
}

#[test]
fn sha1_signatures_are_refused_as_insecure() {
    let scratch = Scratch::new();
    let ca = make_ca(&scratch, "ca", "RSA-2048", "-sha1");
    assert_eq!(
        ca.info().signature_algorithm,
        SignatureAlgorithm::Other("sha1WithRSAEncryption".into())
    );
    let Err(SignatureError::Unsupported(why)) =
        ca.verify_signed_by(spki(&ca), &csrcraft::SoftwareVerifier)
    else {
        panic!("sha1 must not verify");
    };
    assert!(why.contains("insecure"), "{why}");
    assert_eq!(
        SignatureError::Unsupported(why.clone()).to_string(),
        format!("the signature cannot be checked: {why}")
    );
}

#[test]
fn public_keys_are_described() {
    let cases: &[(&str, Option<KeyAlgorithm>, &str)] = &[
        (
            "P-256",
            Some(KeyAlgorithm::Ecdsa(EcdsaCurve::P256)),
            "ecdsa P-256",
        ),
        (
            "P-384",
            Some(KeyAlgorithm::Ecdsa(EcdsaCurve::P384)),
            "ecdsa P-384",
        ),
        (
            "P-521",
            Some(KeyAlgorithm::Ecdsa(EcdsaCurve::P521)),
            "ecdsa P-521",
        ),
        (
            "RSA-2048",
            Some(KeyAlgorithm::Rsa { bits: 2048 }),
            "rsa 2048 bits",
        ),
        ("Ed25519", Some(KeyAlgorithm::Ed25519), "ed25519"),
        ("secp256k1", None, "ec secp256k1"),
    ];
    for (kind, algorithm, description) in cases {
        let scratch = Scratch::new();
        let ca = make_ca(&scratch, "ca", kind, "");
        assert_eq!(ca.info().public_key.algorithm, *algorithm, "{kind}");
        assert_eq!(ca.info().public_key.description, *description, "{kind}");
    }
}

// ---- certificate fields --------------------------------------------------------

#[test]
fn fingerprints_serial_and_dates_match_openssl() {
    let scratch = Scratch::new();
    make_ca(&scratch, "ca", "P-256", "-sha256");
    let leaf = make_leaf(&scratch, "ca", "-sha256", &[]);
    let info = leaf.info();
    let sha256 = openssl(
        &scratch.0,
        &[
            "x509",
            "-in",
            "leaf.pem",
            "-noout",
            "-fingerprint",
            "-sha256",
        ],
    );
    let sha1 = openssl(
        &scratch.0,
        &["x509", "-in", "leaf.pem", "-noout", "-fingerprint", "-sha1"],
    );
    // "sha256 Fingerprint=AB:..." (the prefix's case varies with the openssl version)
    let after_equals = |line: &str| line.trim().split_once('=').unwrap().1.to_owned();
    assert_eq!(after_equals(&sha256), leaf.fingerprint_sha256());
    assert_eq!(after_equals(&sha1), leaf.fingerprint_sha1());
    assert_eq!(info.serial_hex, "1f:2e:3d:4c:5b:6a:79:88:01:02");
    let serial = openssl(
        &scratch.0,
        &["x509", "-in", "leaf.pem", "-noout", "-serial"],
    );
    assert_eq!(
        serial.trim(),
        format!("serial={}", info.serial_hex.replace(':', "").to_uppercase())
    );
    // openssl 3.0 makes a v1 certificate here, later versions a v3 one.
    let text = openssl(&scratch.0, &["x509", "-in", "leaf.pem", "-noout", "-text"]);
    assert!(
        text.contains(&format!("Version: {} (0x", info.version)),
        "{text}"
    );

    let dates = openssl(
        &scratch.0,
        &[
            "x509", "-in", "leaf.pem", "-noout", "-dates", "-dateopt", "iso_8601",
        ],
    );
    let expected = format!(
        "notBefore={}\nnotAfter={}\n",
        info.not_before.to_rfc3339().replace('T', " "),
        info.not_after.to_rfc3339().replace('T', " ")
    );
    assert_eq!(dates, expected);
    assert_eq!(info.not_after.0 - info.not_before.0, 86_400);
}

#[test]
fn extensions_read_as_kubernetes_names_them() {
    let scratch = Scratch::new();
    make_ca(&scratch, "ca", "P-256", "-sha256");
    std::fs::write(
        scratch.path("ext.cnf"),
        "keyUsage = critical, digitalSignature, keyEncipherment, keyCertSign\n\
         extendedKeyUsage = clientAuth, serverAuth, 1.2.3.4\n\
         basicConstraints = critical, CA:TRUE, pathlen:2\n\
         subjectAltName = DNS:web.example.com, IP:10.0.0.1, IP:2001:db8::1, email:a@example.com, \
         URI:spiffe://cluster.local/ns/a, otherName:1.2.3.4;UTF8:hello, RID:1.2.3.5\n",
    )
    .unwrap();
    let leaf = make_leaf(&scratch, "ca", "-sha256", &["-extfile", "ext.cnf"]);
    let info = leaf.info();
    assert_eq!(
        info.key_usage,
        ["digital signature", "key encipherment", "cert sign"]
    );
    assert_eq!(
        info.extended_key_usage,
        ["client auth", "server auth", "1.2.3.4"]
    );
    assert_eq!(
        info.basic_constraints,
        Some(BasicConstraints {
            ca: true,
            path_len: Some(2)
        })
    );
    assert_eq!(
        info.subject_alt_names,
        [
            Host::Dns("web.example.com".into()),
            Host::Ip("10.0.0.1".parse().unwrap()),
            Host::Ip("2001:db8::1".parse().unwrap()),
            Host::Email("a@example.com".into()),
            Host::Uri("spiffe://cluster.local/ns/a".into()),
        ]
    );
    assert_eq!(
        info.other_alt_names,
        ["othername:1.2.3.4", "Registered ID:1.2.3.5"]
    );
    let extensions: Vec<String> = info.extensions.iter().map(ToString::to_string).collect();
    for expected in [
        "keyUsage (critical)",
        "extendedKeyUsage",
        "basicConstraints (critical)",
        "subjectAltName",
    ] {
        assert!(
            extensions.iter().any(|e| e == expected),
            "{expected} in {extensions:?}"
        );
    }
}

const CONSTRAINED_CA: &str =
    include_str!("../../crates/core/tests/data/inspect/constrained-ca.pem");
const UNKNOWN_CRITICAL: &str =
    include_str!("../../crates/core/tests/data/inspect/unknown-critical.pem");

/// The fixture's file name in the inspect fixtures.
fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../crates/core/tests/data/inspect")
        .join(name)
}

/// The lines of `openssl x509 -text` for `fixture`, trimmed.
fn openssl_text_lines(fixture: &str) -> Vec<String> {
    let path = fixture_path(fixture);
    let text = openssl(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/core"),
        &["x509", "-noout", "-text", "-in", path.to_str().unwrap()],
    );
    text.lines().map(|line| line.trim().to_owned()).collect()
}

/// The Permitted and Excluded subtrees under openssl's `X509v3 Name
/// Constraints:`, with its `DirName:O = x, OU = y` written as ours,
/// `DirName:O=x, OU=y`.
fn openssl_name_constraints(lines: &[String]) -> (Vec<String>, Vec<String>) {
    let start = lines
        .iter()
        .position(|l| l.starts_with("X509v3 Name Constraints:"))
        .expect("openssl shows name constraints");
    let (mut permitted, mut excluded) = (Vec::new(), Vec::new());
    let mut list = None;
    for line in &lines[start + 1..] {
        match line.as_str() {
            "Permitted:" => list = Some(&mut permitted),
            "Excluded:" => list = Some(&mut excluded),
            _ if line.contains(": ") || line.ends_with(':') && !line.starts_with("DirName") => {
                break;
            }
            subtree => list
                .as_mut()
                .expect("a subtree follows Permitted: or Excluded:")
                .push(subtree.replace(" = ", "=")),
        }
    }
    (permitted, excluded)
}

#[test]
fn name_constraints_read_as_openssl_shows_them() {
    let ca = only(Certificate::chain_from_pem(CONSTRAINED_CA).unwrap());
    let constraints = ca
        .info()
        .name_constraints
        .clone()
        .expect("name constraints");
    let shown = |subtrees: &[GeneralSubtree]| -> Vec<String> {
        subtrees.iter().map(ToString::to_string).collect()
    };
    let (permitted, excluded) = openssl_name_constraints(&openssl_text_lines("constrained-ca.pem"));
    assert_eq!(shown(&constraints.permitted), permitted);
    assert_eq!(shown(&constraints.excluded), excluded);
    // And exactly what make-constraint-fixtures.sh asked for.
    assert_eq!(
        permitted,
        [
            "DNS:example.com",
            "DNS:.cluster.local",
            "IP:10.0.0.0/255.0.0.0",
            "IP:2001:DB8:0:0:0:0:0:0/FFFF:FFFF:0:0:0:0:0:0",
            "email:example.com",
            "URI:.example.com",
            "DirName:O=csrcraft",
        ]
    );
    assert_eq!(
        excluded,
        [
            "DNS:bad.example.com",
            "IP:10.66.0.0/255.255.0.0",
            "IP:2001:DB8:BAD:0:0:0:0:0/FFFF:FFFF:FFFF:0:0:0:0:0",
            "email:root@example.com",
            "URI:bad.example.com",
            "DirName:O=csrcraft, OU=revoked",
        ]
    );
    assert_eq!(
        constraints.permitted[2],
        GeneralSubtree::Ip {
            address: vec![10, 0, 0, 0],
            mask: vec![255, 0, 0, 0],
        }
    );
    let GeneralSubtree::Directory(name) = &constraints.excluded[5] else {
        panic!("{:?} is not a DirName", constraints.excluded[5]);
    };
    assert_eq!(name.values("2.5.4.11"), ["revoked"]);
}

#[test]
fn path_len_reads_as_openssl_shows_it() {
    let ca = only(Certificate::chain_from_pem(CONSTRAINED_CA).unwrap());
    let lines = openssl_text_lines("constrained-ca.pem");
    let at = lines
        .iter()
        .position(|l| l == "X509v3 Basic Constraints: critical")
        .unwrap();
    assert_eq!(lines[at + 1], "CA:TRUE, pathlen:1");
    assert_eq!(
        ca.info().basic_constraints,
        Some(BasicConstraints {
            ca: true,
            path_len: Some(1)
        })
    );
}

#[test]
fn critical_extensions_path_validation_does_not_understand() {
    let leaf = only(Certificate::chain_from_pem(UNKNOWN_CRITICAL).unwrap());
    let info = leaf.info();
    assert_eq!(info.name_constraints, None);
    // openssl lists it critical, by its OID.
    let lines = openssl_text_lines("unknown-critical.pem");
    assert!(
        lines.iter().any(|l| l == "1.3.6.1.4.1.32473.1: critical"),
        "{lines:#?}"
    );
    let unhandled: Vec<String> = info
        .unhandled_critical_extensions()
        .iter()
        .map(|e| e.to_string())
        .collect();
    assert_eq!(unhandled, ["1.3.6.1.4.1.32473.1 (critical)"]);
    // Its critical basicConstraints and keyUsage are understood.
    assert_eq!(info.extensions.iter().filter(|e| e.critical).count(), 3);
    // The CA's critical extensions (basicConstraints, keyUsage, nameConstraints) all are.
    let ca = only(Certificate::chain_from_pem(CONSTRAINED_CA).unwrap());
    assert_eq!(
        ca.info().extensions.iter().filter(|e| e.critical).count(),
        3
    );
    assert!(ca.info().unhandled_critical_extensions().is_empty());
}

#[test]
fn critical_extensions_webpki_refuses_are_not_understood() {
    let scratch = Scratch::new();
    make_ca(&scratch, "ca", "P-256", "-sha256");
    std::fs::write(
        scratch.path("ext.cnf"),
        "subjectKeyIdentifier = critical, hash
         authorityKeyIdentifier = critical, keyid
         certificatePolicies = critical, 2.23.140.1.2.1
         crlDistributionPoints = critical, URI:http://crl.example.com/ca.crl
         authorityInfoAccess = critical, OCSP;URI:http://ocsp.example.com
         subjectAltName = critical, DNS:leaf.example.com
",
    )
    .unwrap();
    let leaf = make_leaf(&scratch, "ca", "-sha256", &["-extfile", "ext.cnf"]);
    let unhandled: Vec<&str> = leaf
        .info()
        .unhandled_critical_extensions()
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(
        unhandled,
        [
            "subjectKeyIdentifier",
            "authorityKeyIdentifier",
            "certificatePolicies",
            "authorityInfoAccess",
        ]
    );
}

#[test]
fn malformed_name_constraints_are_a_decode_error() {
    let scratch = Scratch::new();
    make_ca(&scratch, "ca", "P-256", "-sha256");
    let cases = [
        // permittedSubtrees present but empty (SIZE (1..MAX))
        ("DER:30:02:a0:00", "malformed [0] (constructed) at byte 2"),
        // a negative minimum
        (
            "DER:30:0b:a0:09:30:07:82:02:61:62:80:01:ff",
            "malformed INTEGER at byte 10",
        ),
        // truncated
        (
            "DER:30:05:a0:03:30:01",
            "the input ends inside a DER element at byte 0",
        ),
        // a dNSName that is not UTF-8
        (
            "DER:30:08:a1:06:30:04:82:02:ff:fe",
            "malformed [2] at byte 6",
        ),
    ];
    for (value, problem) in cases {
        std::fs::write(
            scratch.path("ext.cnf"),
            format!("2.5.29.30 = critical, {value}\n"),
        )
        .unwrap();
        genkey(&scratch, "P-256", "leaf.key");
        openssl(
            &scratch.0,
            &[
                "req", "-new", "-key", "leaf.key", "-subj", "/CN=leaf", "-out", "leaf.csr",
            ],
        );
        openssl(
            &scratch.0,
            &[
                "x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-days",
                "1", "-extfile", "ext.cnf", "-out", "leaf.pem",
            ],
        );
        let error = Certificate::chain_from_pem(&scratch.read("leaf.pem")).unwrap_err();
        assert_eq!(
            decode_problem(error),
            format!("certificate: the nameConstraints extension is malformed ({problem})"),
            "{value}"
        );
    }
}

#[test]
fn chain_reads_every_certificate_in_order() {
    let scratch = Scratch::new();
    let ca = make_ca(&scratch, "ca", "P-384", "-sha384");
    let leaf = make_leaf(&scratch, "ca", "-sha384", &[]);
    let text = format!(
        "leaf:\n{}\n{}the CA:\n{}",
        scratch.read("leaf.pem"),
        scratch.read("leaf.key"),
        scratch.read("ca.pem")
    );
    let chain = Certificate::chain_from_pem(&text).unwrap();
    assert_eq!(chain, [leaf, ca]);
    assert_eq!(
        chain[0].verify_signed_by(spki(&chain[1]), &csrcraft::SoftwareVerifier),
        Ok(())
    );
}

#[test]
fn bad_certificate_input_is_named() {
    let scratch = Scratch::new();
    genkey(&scratch, "P-256", "k.key");
    let cases: &[(&str, &str)] = &[
        (
            "",
            "certificate: no PEM block found; expected one starting with -----BEGIN CERTIFICATE-----",
        ),
        (
            &scratch.read("k.key"),
            "certificate: found a PRIVATE KEY, not a CERTIFICATE",
        ),
        (
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
            "certificate: not a valid X.509 certificate",
        ),
    ];
    for (input, expected) in cases {
        let problem = decode_problem(Certificate::chain_from_pem(input).unwrap_err());
        assert!(
            problem.starts_with(expected),
            "{problem:?} should start with {expected:?}"
        );
    }
    let csr = csrcraft::generate(&spec(r#"{"CN": "x"}"#), &mut getrandom::SysRng).unwrap();
    let problem = decode_problem(Certificate::chain_from_pem(&csr.request.pem()).unwrap_err());
    assert_eq!(
        problem,
        "certificate: found a CERTIFICATE REQUEST, not a CERTIFICATE"
    );
    assert!(Certificate::from_der(b"\x30\x03\x02\x01\x00").is_err());
}

// ---- CSRs ------------------------------------------------------------------------

fn spec(json: &str) -> Spec {
    Spec::from_json(json).unwrap().value
}

#[test]
fn csr_made_by_openssl_is_read_with_its_label_and_extensions() {
    let scratch = Scratch::new();
    genkey(&scratch, "P-521", "k.key");
    openssl(
        &scratch.0,
        &[
            "req",
            "-new",
            "-key",
            "k.key",
            "-sha256",
            "-out",
            "r.csr",
            "-subj",
            "/O=a\\, b/CN= x",
            "-addext",
            "subjectAltName=DNS:x.example,otherName:1.2.3.4;UTF8:y",
            "-addext",
            "keyUsage=digitalSignature",
            "-addext",
            "basicConstraints=CA:FALSE",
        ],
    );
    let pem = scratch
        .read("r.csr")
        .replace("CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST");
    let info = CertificateRequest::from_pem(&format!("made by openssl:\n{pem}"))
        .unwrap()
        .info()
        .unwrap();
    assert_eq!(info.pem_label.as_deref(), Some("NEW CERTIFICATE REQUEST"));
    assert_eq!(info.signature_algorithm, SignatureAlgorithm::EcdsaSha256);
    assert_eq!(info.signature, Ok(()));
    assert_eq!(info.subject.to_string(), "O=a\\, b, CN=\\ x");
    assert_eq!(info.subject_alt_names, [Host::Dns("x.example".into())]);
    assert_eq!(info.other_alt_names, ["othername:1.2.3.4"]);
    assert_eq!(
        info.requested_extensions,
        ["subjectAltName", "keyUsage", "basicConstraints"]
    );
}

#[test]
fn bad_csr_input_is_named() {
    let scratch = Scratch::new();
    make_ca(&scratch, "ca", "P-256", "-sha256");
    let csr = csrcraft::generate(&spec(r#"{"CN": "x"}"#), &mut getrandom::SysRng)
        .unwrap()
        .request
        .pem();
    let cases: &[(&str, &str)] = &[
        (
            "",
            "certificate request: no PEM block found; expected one starting with -----BEGIN CERTIFICATE REQUEST-----",
        ),
        (
            &scratch.read("ca.pem"),
            "certificate request: found a CERTIFICATE, not a CERTIFICATE REQUEST",
        ),
        (
            &format!("{csr}{csr}"),
            "certificate request: found 2 certificate requests; give one at a time",
        ),
        (
            "-----BEGIN CERTIFICATE REQUEST-----\nMAA=\n-----END CERTIFICATE REQUEST-----\n",
            "certificate request: not a valid PKCS#10 certificate signing request",
        ),
    ];
    for (input, expected) in cases {
        let problem = decode_problem(CertificateRequest::from_pem(input).unwrap_err());
        assert!(
            problem.starts_with(expected),
            "{problem:?} should start with {expected:?}"
        );
    }
    let mut trailing = CertificateRequest::from_pem(&csr).unwrap().der().to_vec();
    trailing.push(0);
    assert_eq!(
        decode_problem(CertificateRequest::from_der(&trailing).unwrap_err()),
        "certificate request: 1 bytes follow the DER certificate request"
    );
}

// ---- time ------------------------------------------------------------------------

// ---- robustness ------------------------------------------------------------------

#[test]
fn truncated_or_flipped_input_never_panics() {
    let scratch = Scratch::new();
    let ca = make_ca(&scratch, "ca", "P-256", "-sha256");
    let leaf = make_leaf(&scratch, "ca", "-sha256", &[]);
    let request = CertificateRequest::from_pem(include_str!(
        "../../crates/core/tests/data/tutorial-p256.csr"
    ))
    .unwrap();
    let mut inputs = Vec::new();
    for der in [leaf.der(), request.der()] {
        for cut in 0..der.len() {
            inputs.push(der[..cut].to_vec());
        }
        for at in 0..der.len() {
            for bit in [0x01, 0x80] {
                let mut flipped = der.to_vec();
                flipped[at] ^= bit;
                inputs.push(flipped);
            }
        }
    }
    for input in &inputs {
        if let Ok(certificate) = Certificate::from_der(input) {
            let _ = certificate.info().subject.to_string();
            let _ = certificate.verify_signed_by(spki(&ca), &csrcraft::SoftwareVerifier);
            let _ = certificate.verify_signed_by(input, &csrcraft::SoftwareVerifier);
        }
        if let Ok(request) = CertificateRequest::from_der(input) {
            let _ = request.info();
        }
    }
}
