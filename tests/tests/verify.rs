//! `csrcraft::verify` on real certificates: CAs made by `cfssl gencert
//! -initca` (P-256, P-384, P-521, RSA-2048) signing csrcraft's CSRs with
//! `cfssl sign`, and CAs made by openssl (the same four plus Ed25519, which
//! cfssl 1.2 lacks) signing with `openssl x509 -req`. For each: every check
//! passes for the right CA, key, CSR and host inside the validity period, and
//! each way of being wrong fails the check it should, never passing the
//! whole: another CA, a flipped signature or TBS byte, expired, not yet
//! valid, another key, a CSR for another key, another host.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use csrcraft::{
    Certificate, CertificateRequest, Check, KeyAlgorithm, Outcome, PrivateKey, UnixTime,
    VerifyInput, VerifyReport, read_certificates,
};
use csrcraft_interop::{Workdir, arg, generate, openssl, parse_spec, run, with_key};

/// The leaf's spec: a name, a wildcard, an IPv4 and an IPv6 address.
const SPEC: &str = r#"{
  "CN": "web.example.com",
  "hosts": ["web.example.com", "*.example.com", "10.0.0.1", "2001:db8::1"],
  "names": [{"O": "example"}]
}"#;

/// What a CA needs to sign with: its certificate and key files.
struct Ca {
    cert: std::path::PathBuf,
    key: std::path::PathBuf,
    /// `cfssl` or `openssl`: who signs with it.
    tool: &'static str,
}

/// A CA made by `cfssl gencert -initca` with the cfssl `key` object.
fn cfssl_ca(dir: &Workdir, name: &str, key: &str) -> Ca {
    let spec = format!(r#"{{"CN": "{name}", "key": {key}}}"#);
    let output = run("cfssl", &["gencert", "-initca", "-"], Some(spec.as_bytes()));
    let json: serde_json::Value = serde_json::from_str(&output.stdout)
        .unwrap_or_else(|e| panic!("cfssl gencert printed no JSON ({e}): {}", output.stderr));
    Ca {
        cert: dir.write(&format!("{name}.pem"), json["cert"].as_str().unwrap()),
        key: dir.write(&format!("{name}-key.pem"), json["key"].as_str().unwrap()),
        tool: "cfssl",
    }
}

/// `openssl genpkey` arguments for a key kind.
fn genpkey(kind: &str) -> &'static [&'static str] {
    match kind {
        "P-256" => &["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
        "P-384" => &["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"],
        "P-521" => &["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-521"],
        "RSA-2048" => &["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"],
        "Ed25519" => &["-algorithm", "ED25519"],
        other => panic!("unknown key kind {other}"),
    }
}

/// A CA made by openssl, named `name`, with a `kind` key; `extra` is added
/// to `openssl req` (e.g. to make it a non-CA).
fn openssl_ca(dir: &Workdir, name: &str, kind: &str, ca: bool) -> Ca {
    let key = dir.path(&format!("{name}-key.pem"));
    let cert = dir.path(&format!("{name}.pem"));
    let mut args = vec!["genpkey"];
    args.extend_from_slice(genpkey(kind));
    args.extend_from_slice(&["-out", arg(&key)]);
    openssl(&args);
    let subject = format!("/O=csrcraft tests/CN={name}");
    let constraints = if ca {
        "basicConstraints=critical,CA:TRUE"
    } else {
        "basicConstraints=critical,CA:FALSE"
    };
    openssl(&[
        "req",
        "-x509",
        "-key",
        arg(&key),
        "-out",
        arg(&cert),
        "-subj",
        &subject,
        "-days",
        "30",
        "-addext",
        constraints,
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign,digitalSignature",
    ]);
    Ca {
        cert,
        key,
        tool: "openssl",
    }
}

/// Issues a certificate for the CSR at `csr` with the CA's tool; openssl
/// copies the requested SANs and sets the usages from `eku` as a Kubernetes
/// signer would. Returns the PEM.
fn issue(dir: &Workdir, ca: &Ca, csr: &Path, eku: &str) -> String {
    if ca.tool == "cfssl" {
        let output = run(
            "cfssl",
            &[
                "sign",
                "-ca",
                arg(&ca.cert),
                "-ca-key",
                arg(&ca.key),
                arg(csr),
            ],
            None,
        );
        let json: serde_json::Value = serde_json::from_str(&output.stdout)
            .unwrap_or_else(|e| panic!("cfssl sign printed no JSON ({e}): {}", output.stderr));
        return json["cert"].as_str().unwrap().to_owned();
    }
    static SERIAL: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(7000);
    let serial = SERIAL
        .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        .to_string();
    let ext = dir.write(
        &format!("ext-{serial}.cnf"),
        format!(
            "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage={eku}\n"
        ),
    );
    let out = dir.path(&format!("issued-{serial}.pem"));
    openssl(&[
        "x509",
        "-req",
        "-in",
        arg(csr),
        "-CA",
        arg(&ca.cert),
        "-CAkey",
        arg(&ca.key),
        "-set_serial",
        &serial,
        "-days",
        "2",
        "-copy_extensions",
        "copy",
        "-extfile",
        arg(&ext),
        "-out",
        arg(&out),
    ]);
    std::fs::read_to_string(out).unwrap()
}

/// Everything one verification needs, made for real.
struct Issued {
    ca: Vec<Certificate>,
    chain: Vec<Certificate>,
    pem: String,
    key: PrivateKey,
    key_public: csrcraft::PublicKeyInfo,
    request: CertificateRequest,
    /// A time inside the validity of the leaf and the CA.
    inside: UnixTime,
}

impl Issued {
    /// `leaf_key` is the cfssl `key` object of the leaf.
    fn new(dir: &Workdir, ca: &Ca, leaf_key: &str) -> Self {
        let made = generate(&parse_spec(&with_key(SPEC, leaf_key)));
        let csr = dir.write("leaf.csr", made.request.pem());
        let pem = issue(dir, ca, &csr, "serverAuth,clientAuth");
        let ca_certificates = read(&std::fs::read(&ca.cert).unwrap());
        let chain = read(pem.as_bytes());
        let starts = [&chain[0], &ca_certificates[0]].map(|c| c.info().not_before);
        let inside = UnixTime(starts.iter().map(|t| t.0).max().unwrap() + 60);
        Self {
            ca: ca_certificates,
            chain,
            pem,
            key_public: made.key.public_key_info().unwrap(),
            key: made.key,
            request: made.request,
            inside,
        }
    }

    /// Verifies with everything right, then `change` applied.
    fn verify<'a>(&'a self, change: impl FnOnce(&mut VerifyInput<'a>)) -> VerifyReport {
        let mut input = VerifyInput {
            chain: &self.chain,
            trust: &self.ca,
            key: Some(&self.key_public),
            request: Some(&self.request),
            host: Some("web.example.com"),
            purpose: None,
            at: self.inside,
            signatures: &csrcraft::SoftwareVerifier,
            domains: &csrcraft::Idna,
        };
        change(&mut input);
        csrcraft::verify(&input).unwrap_or_else(|e| panic!("verify refused its input: {e}"))
    }

    fn leaf(&self) -> &Certificate {
        &self.chain[0]
    }
}

fn read(input: &[u8]) -> Vec<Certificate> {
    read_certificates(input).unwrap_or_else(|e| panic!("cannot read certificates: {e}"))
}

/// Every check passed.
#[track_caller]
fn assert_all_pass(report: &VerifyReport, context: &str) {
    for check in &report.checks {
        assert_eq!(check.outcome, Outcome::Pass, "{context}:\n{report}");
    }
    assert_eq!(report.checks.len(), 6, "{context}:\n{report}");
    assert!(report.passed(), "{context}:\n{report}");
    assert!(report.to_string().ends_with("\nverified"), "{report}");
}

/// The check `name` failed, saying `why`, and the report is not verified.
#[track_caller]
fn assert_fails(report: &VerifyReport, name: &str, why: &str, context: &str) {
    assert!(!report.passed(), "{context}: said OK:\n{report}");
    assert!(
        report.to_string().contains("NOT verified"),
        "{context}:\n{report}"
    );
    let check = report.check(name).unwrap();
    assert_eq!(check.outcome, Outcome::Fail, "{context}:\n{report}");
    assert!(
        check.detail.contains(why),
        "{context}: {name} should say {why:?}:\n{report}"
    );
}

/// `der` with the byte at `index` inverted, read back through PEM as
/// openssl re-encodes it.
fn tampered(dir: &Workdir, der: &[u8], index: usize) -> Vec<Certificate> {
    let mut bytes = der.to_vec();
    bytes[index] ^= 0x01;
    let der_path = dir.write("tampered.der", &bytes);
    let pem = openssl(&["x509", "-inform", "DER", "-in", arg(&der_path)]);
    read(pem.as_bytes())
}

/// Where `needle` starts in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .position(|w| w == needle)
        .unwrap_or_else(|| panic!("{needle:?} not found"))
}

/// Runs every positive and negative case for a CA of `kind` made by `tool`,
/// whose leaf key is the cfssl `leaf_key` object.
fn check_ca(tool: &str, kind: &str, cfssl_key: &str, leaf_key: &str) {
    let context = format!("{tool} {kind} CA");
    let dir = Workdir::new();
    let name = format!("{tool} {kind} test CA");
    let make = |name: &str| match tool {
        "cfssl" => cfssl_ca(&dir, name, cfssl_key),
        _ => openssl_ca(&dir, name, kind, true),
    };
    let ca = make(&name);
    let issued = Issued::new(&dir, &ca, leaf_key);
    let leaf = issued.leaf().info().clone();

    // Right CA, key, CSR and host, inside the validity period.
    let report = issued.verify(|_| {});
    assert_all_pass(&report, &context);
    let chain = report.check(Check::SIGNATURE_CHAIN).unwrap();
    assert!(
        chain.detail.starts_with("leaf signed by \"") && chain.detail.contains(&name),
        "{context}: {}",
        chain.detail
    );
    assert!(
        chain
            .detail
            .ends_with(&format!("({})", leaf.signature_algorithm)),
        "{}",
        chain.detail
    );
    // The same through status.certificate's base64 (of the PEM).
    let b64 = run("base64", &["-w0"], Some(issued.pem.as_bytes())).stdout;
    assert_eq!(
        read(b64.as_bytes()),
        issued.chain,
        "{context}: base64 of PEM"
    );
    assert_all_pass(&issued.verify(|i| i.host = Some("a.example.com")), &context);
    assert_all_pass(&issued.verify(|i| i.host = Some("10.0.0.1")), &context);
    assert_all_pass(&issued.verify(|i| i.host = Some("[2001:DB8::1]")), &context);
    // Both ends of the validity period are inclusive.
    assert_all_pass(&issued.verify(|i| i.at = leaf.not_after), &context);

    // Another CA with the same name: the signature does not verify.
    let other_dir = Workdir::new();
    let impostor = match tool {
        "cfssl" => cfssl_ca(&other_dir, &name, cfssl_key),
        _ => openssl_ca(&other_dir, &name, kind, true),
    };
    let impostor = read(&std::fs::read(&impostor.cert).unwrap());
    assert_eq!(impostor[0].info().subject, issued.ca[0].info().subject);
    let report = issued.verify(|i| i.trust = &impostor);
    assert_fails(
        &report,
        Check::SIGNATURE_CHAIN,
        "does not verify against CA",
        &context,
    );
    // Another CA by another name: the issuer is not found.
    let stranger = read(&std::fs::read(make("another CA").cert).unwrap());
    let report = issued.verify(|i| i.trust = &stranger);
    assert_fails(
        &report,
        Check::SIGNATURE_CHAIN,
        "not found among the CAs (\"",
        &context,
    );
    // Trusting both the impostor and the real CA finds the real one.
    let both = [impostor[0].clone(), issued.ca[0].clone()];
    assert_all_pass(&issued.verify(|i| i.trust = &both), &context);

    // One flipped byte in the signature (its last byte), in the serial, in a SAN.
    let der = issued.leaf().der();
    for (what, index) in [
        ("signature", der.len() - 1),
        ("serial", serial_last_byte(der, &leaf.serial_hex)),
        ("SAN", find(der, b"web.example.com") + 1),
    ] {
        let chain = tampered(&dir, der, index);
        let report = issued.verify(|i| i.chain = &chain);
        assert_fails(
            &report,
            Check::SIGNATURE_CHAIN,
            "signature of the leaf does not verify",
            &format!("{context}, flipped {what} byte"),
        );
    }

    // Expired three days ago; not valid yet.
    let expired = UnixTime(leaf.not_after.0 + 3 * 86_400);
    let report = issued.verify(|i| i.at = expired);
    assert_fails(&report, Check::VALIDITY, "leaf expired 3d", &context);
    assert!(
        report
            .check(Check::VALIDITY)
            .unwrap()
            .detail
            .contains(&format!("(not after {})", leaf.not_after.to_rfc3339())),
        "{report}"
    );
    let report = issued.verify(|i| i.at = UnixTime(leaf.not_before.0 - 1));
    assert_fails(&report, Check::VALIDITY, "leaf not valid yet", &context);

    // Another key; a CSR for another key.
    let algorithm = issued.key.algorithm();
    let other_key = PrivateKey::generate(algorithm, &mut getrandom::SysRng).unwrap();
    let other_key = other_key.public_key_info().unwrap();
    let report = issued.verify(|i| i.key = Some(&other_key));
    assert_fails(
        &report,
        Check::KEY_MATCH,
        "the certificate is for another key",
        &context,
    );
    let other = generate(&parse_spec(&with_key(SPEC, leaf_key)));
    let report = issued.verify(|i| i.request = Some(&other.request));
    assert_fails(
        &report,
        Check::REQUEST_MATCH,
        "another key than the CSR's",
        &context,
    );

    // Hosts the certificate does not serve.
    for host in [
        "www.example.org",
        "a.b.example.com",
        "example.com",
        "10.0.0.2",
    ] {
        let report = issued.verify(|i| i.host = Some(host));
        assert_fails(
            &report,
            Check::HOSTNAME,
            "matches none of",
            &format!("{context}, host {host}"),
        );
    }
    assert_eq!(
        matches!(algorithm, KeyAlgorithm::Ed25519),
        leaf.public_key.description == "ed25519"
    );
}

/// The offset of the last byte of the serial number in `der`.
fn serial_last_byte(der: &[u8], serial_hex: &str) -> usize {
    let serial: Vec<u8> = serial_hex
        .split(':')
        .map(|b| u8::from_str_radix(b, 16).unwrap())
        .collect();
    find(der, &serial) + serial.len() - 1
}

const P256: &str = r#"{"algo": "ecdsa", "size": 256}"#;
const P384: &str = r#"{"algo": "ecdsa", "size": 384}"#;
const P521: &str = r#"{"algo": "ecdsa", "size": 521}"#;
const RSA2048: &str = r#"{"algo": "rsa", "size": 2048}"#;
const ED25519: &str = r#"{"algo": "ed25519"}"#;

#[test]
fn cfssl_p256_ca() {
    check_ca("cfssl", "P-256", P256, P256);
}

#[test]
fn cfssl_p384_ca() {
    check_ca("cfssl", "P-384", P384, P384);
}

#[test]
fn cfssl_p521_ca() {
    check_ca("cfssl", "P-521", P521, P521);
}

#[test]
fn cfssl_rsa2048_ca() {
    check_ca("cfssl", "RSA-2048", RSA2048, RSA2048);
}

#[test]
fn openssl_p256_ca() {
    check_ca("openssl", "P-256", P256, RSA2048);
}

#[test]
fn openssl_p384_ca() {
    check_ca("openssl", "P-384", P384, ED25519);
}

#[test]
fn openssl_p521_ca() {
    check_ca("openssl", "P-521", P521, P256);
}

#[test]
fn openssl_rsa2048_ca() {
    check_ca("openssl", "RSA-2048", RSA2048, P521);
}

#[test]
fn openssl_ed25519_ca() {
    check_ca("openssl", "Ed25519", ED25519, ED25519);
}

/// A root, an intermediate and a leaf: the chain given with the leaf is
/// followed; an intermediate that is not a CA breaks it.
#[test]
fn intermediates_are_followed_and_must_be_cas() {
    let dir = Workdir::new();
    let root = openssl_ca(&dir, "root CA", "P-384", true);
    for (is_ca, expect) in [(true, None), (false, Some("is not a CA"))] {
        let name = if is_ca { "intermediate" } else { "not a CA" };
        let key = dir.path(&format!("{name}-key.pem"));
        let mut args = vec!["genpkey"];
        args.extend_from_slice(genpkey("P-256"));
        args.extend_from_slice(&["-out", arg(&key)]);
        openssl(&args);
        let csr = dir.path(&format!("{name}.csr"));
        openssl(&[
            "req",
            "-new",
            "-key",
            arg(&key),
            "-subj",
            &format!("/CN={name}"),
            "-out",
            arg(&csr),
        ]);
        let ext = dir.write(
            &format!("{name}.cnf"),
            format!(
                "basicConstraints=critical,CA:{}\nkeyUsage=critical,keyCertSign,digitalSignature\n",
                if is_ca { "TRUE" } else { "FALSE" }
            ),
        );
        let cert = dir.path(&format!("{name}.pem"));
        openssl(&[
            "x509",
            "-req",
            "-in",
            arg(&csr),
            "-CA",
            arg(&root.cert),
            "-CAkey",
            arg(&root.key),
            "-set_serial",
            "42",
            "-days",
            "5",
            "-extfile",
            arg(&ext),
            "-out",
            arg(&cert),
        ]);
        let intermediate = Ca {
            cert: cert.clone(),
            key,
            tool: "openssl",
        };
        let issued = Issued::new(&dir, &intermediate, P256);
        let pem = format!("{}{}", issued.pem, std::fs::read_to_string(&cert).unwrap());
        let chain = read(pem.as_bytes());
        let trust = read(&std::fs::read(&root.cert).unwrap());
        let report = issued.verify(|i| {
            i.chain = &chain;
            i.trust = &trust;
        });
        match expect {
            None => {
                assert_all_pass(&report, "root → intermediate → leaf");
                let detail = &report.check(Check::SIGNATURE_CHAIN).unwrap().detail;
                assert_eq!(
                    detail,
                    "leaf signed by \"CN=intermediate\" (ecdsa-with-SHA256), \
                     \"CN=intermediate\" signed by CA \"O=csrcraft tests, CN=root CA\" (ecdsa-with-SHA256)"
                );
            }
            Some(why) => {
                assert_fails(&report, Check::SIGNATURE_CHAIN, why, "non-CA intermediate");
            }
        }
        // Without the intermediate, the leaf's issuer is not found.
        let report = issued.verify(|i| i.trust = &trust);
        assert_fails(
            &report,
            Check::SIGNATURE_CHAIN,
            "not found among the CAs",
            "no intermediate",
        );
    }
}

/// A certificate with the IP written as a DNS SAN does not serve that IP;
/// one for client auth only does not fit a server; the CN is never used.
#[test]
fn ip_as_dns_name_client_only_and_cn_only() {
    let dir = Workdir::new();
    let ca = openssl_ca(&dir, "CA", "P-256", true);
    let issued = Issued::new(&dir, &ca, P256);
    let key = dir.write(
        "leaf-key.pem",
        issued
            .key
            .to_pem(csrcraft::KeyFormat::Pkcs8)
            .unwrap()
            .as_str(),
    );
    let csr = dir.path("odd.csr");
    openssl(&[
        "req",
        "-new",
        "-key",
        arg(&key),
        "-subj",
        "/CN=only-in-cn.example.com",
        "-addext",
        "subjectAltName=DNS:10.0.0.2",
        "-out",
        arg(&csr),
    ]);
    let pem = issue(&dir, &ca, &csr, "clientAuth");
    let chain = read(pem.as_bytes());

    let report = issued.verify(|i| {
        i.chain = &chain;
        i.request = None;
        i.host = Some("10.0.0.2");
    });
    assert_fails(
        &report,
        Check::HOSTNAME,
        "TLS clients match an IP address against IP SANs only",
        "IP vs DNS SAN",
    );
    assert_fails(
        &report,
        Check::USAGE,
        "does not fit TLS server use",
        "client-only",
    );
    let report = issued.verify(|i| {
        i.chain = &chain;
        i.request = None;
        i.host = Some("only-in-cn.example.com");
    });
    assert_fails(
        &report,
        Check::HOSTNAME,
        "TLS clients ignore the CN",
        "CN only",
    );
    // Without a host, client use is enough.
    let report = issued.verify(|i| {
        i.chain = &chain;
        i.request = None;
        i.host = None;
    });
    assert!(report.passed(), "{report}");
    assert_eq!(
        report.check(Check::HOSTNAME).unwrap().outcome,
        Outcome::Skipped
    );
    assert!(
        report
            .check(Check::USAGE)
            .unwrap()
            .detail
            .starts_with("fits: client ("),
        "{report}"
    );
}

/// The CSR asked for names the certificate lacks: request match fails with a
/// diff; names issued but not requested are only notes.
#[test]
fn request_match_is_a_diff_of_names() {
    let dir = Workdir::new();
    let ca = openssl_ca(&dir, "CA", "P-256", true);
    let issued = Issued::new(&dir, &ca, P256);
    // A CSR for the same key asking for one more name and one fewer.
    let spec = r#"{"CN": "web.example.com", "names": [{"O": "example"}],
        "hosts": ["web.example.com", "*.example.com", "10.0.0.1", "api.example.com"]}"#;
    let request =
        CertificateRequest::new(&parse_spec(spec), &issued.key, &mut getrandom::SysRng).unwrap();
    let report = issued.verify(|i| i.request = Some(&request));
    assert_fails(
        &report,
        Check::REQUEST_MATCH,
        "1 requested subjectAltName is missing",
        "missing SAN",
    );
    let notes = &report.check(Check::REQUEST_MATCH).unwrap().notes;
    assert!(
        notes.contains(&"- DNS:api.example.com (requested, missing)".to_owned()),
        "{notes:?}"
    );
    assert!(
        notes.contains(&"+ IP Address:2001:db8::1 (issued only)".to_owned()),
        "{notes:?}"
    );

    // Only extra names issued: a pass, with the extras as notes.
    let spec =
        r#"{"CN": "web.example.com", "names": [{"O": "example"}], "hosts": ["web.example.com"]}"#;
    let request =
        CertificateRequest::new(&parse_spec(spec), &issued.key, &mut getrandom::SysRng).unwrap();
    let report = issued.verify(|i| i.request = Some(&request));
    assert!(report.passed(), "{report}");
    assert!(
        report
            .check(Check::REQUEST_MATCH)
            .unwrap()
            .notes
            .contains(&"+ DNS:*.example.com (issued only)".to_owned()),
        "{report}"
    );

    // Another group (O) is another identity: a failure.
    let spec = r#"{"CN": "web.example.com", "names": [{"O": "admins"}],
        "hosts": ["web.example.com", "*.example.com", "10.0.0.1", "2001:db8::1"]}"#;
    let request =
        CertificateRequest::new(&parse_spec(spec), &issued.key, &mut getrandom::SysRng).unwrap();
    let report = issued.verify(|i| i.request = Some(&request));
    assert_fails(&report, Check::REQUEST_MATCH, "CN or O differs", "other O");
}
