//! The issued certificates field by field: the test CA against `cfssl gencert
//! -initca` with the same key, and the signer's certificate against what
//! kube-controller-manager's signer sets (upstream `authority.go`,
//! `policies.go`, `signer.go`), read with x509-parser; and the signer's
//! refusals against lint's.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csrcraft::kubernetes::{LintOptions, Severity, SignerName, lint};
use csrcraft::{
    CaOptions, Certificate, CertificateAuthority, CertificateRequest, KeyFormat, PrivateKey,
    SignOptions, SignerOutcome, UnixTime, UnsignedCertificate, sign_request,
};
use csrcraft_interop::{Workdir, arg, generate, key_pem, openssl, parse_spec, run};
use x509_parser::prelude::{FromDer, X509Certificate};

const CA_SPEC: &str = r#"{"CN": "example CA", "hosts": ["ca.example.com"], "key": {"algo": "ecdsa", "size": 256}, "names": [{"C": "CN", "ST": "Beijing", "O": "example", "OU": "ca"}]}"#;

fn now() -> UnixTime {
    UnixTime::parse_rfc3339("2026-12-06T12:00:00Z").unwrap()
}

/// A CA made by csrcraft for `key`.
fn ca_for(key: &PrivateKey, spec: &str) -> Certificate {
    let options = CaOptions::new(now(), [0x5a; 20]);
    UnsignedCertificate::ca(&parse_spec(spec), &key.public_key_der().unwrap(), &options)
        .unwrap()
        .sign(key, &mut getrandom::SysRng)
        .unwrap()
}

/// An extension as (OID, critical, value).
type Extension = (String, bool, Vec<u8>);

fn extensions(der: &[u8]) -> Vec<Extension> {
    let (_, certificate) = X509Certificate::from_der(der).unwrap();
    certificate
        .extensions()
        .iter()
        .map(|e| (e.oid.to_id_string(), e.critical, e.value.to_vec()))
        .collect()
}

#[test]
fn the_test_ca_is_cfssls_initca_for_the_same_key() {
    let dir = Workdir::new();
    for key_spec in [
        r#"{"algo": "ecdsa", "size": 256}"#,
        r#"{"algo": "ecdsa", "size": 384}"#,
        r#"{"algo": "rsa", "size": 2048}"#,
        r#"{"algo": "rsa", "size": 4096}"#,
    ] {
        let spec = CA_SPEC.replace(r#"{"algo": "ecdsa", "size": 256}"#, key_spec);
        let made = generate(&parse_spec(&spec));
        let ours = ca_for(&made.key, &spec);
        let key_file = dir.write("ca-key.pem", key_pem(&made.key, KeyFormat::Cfssl));
        let spec_file = dir.write("ca-csr.json", &spec);
        let output = run(
            "cfssl",
            &[
                "gencert",
                "-initca",
                "-ca-key",
                arg(&key_file),
                arg(&spec_file),
            ],
            None,
        );
        let json: serde_json::Value = serde_json::from_str(&output.stdout).unwrap();
        let theirs = Certificate::chain_from_pem(json["cert"].as_str().unwrap())
            .unwrap()
            .remove(0);
        let (_, a) = X509Certificate::from_der(ours.der()).unwrap();
        let (_, b) = X509Certificate::from_der(theirs.der()).unwrap();
        assert_eq!(a.version(), b.version(), "{key_spec}");
        assert_eq!(
            a.subject().as_raw(),
            b.subject().as_raw(),
            "{key_spec}: subject"
        );
        assert_eq!(
            a.issuer().as_raw(),
            b.issuer().as_raw(),
            "{key_spec}: issuer"
        );
        assert_eq!(a.public_key().raw, b.public_key().raw, "{key_spec}: key");
        assert_eq!(
            a.signature_algorithm, b.signature_algorithm,
            "{key_spec}: signature algorithm"
        );
        assert_eq!(
            extensions(ours.der()),
            extensions(theirs.der()),
            "{key_spec}: extensions"
        );
        let lifetime = |c: &X509Certificate<'_>| {
            c.validity().not_after.timestamp() - c.validity().not_before.timestamp()
        };
        assert_eq!(lifetime(&a), lifetime(&b), "{key_spec}: lifetime");
        // cfssl's serial: 20 random bytes, the top bit cleared.
        assert_eq!(a.raw_serial(), [[0x5a; 20]].concat().as_slice());
    }
}

/// A CSR made by openssl with every attribute Go's `pkix.Name` knows and some
/// it drops, and requested extensions besides the subjectAltName.
fn openssl_csr(dir: &Workdir) -> CertificateRequest {
    let key = dir.path("leaf-key.pem");
    let csr = dir.path("leaf.csr");
    openssl(&[
        "genpkey",
        "-algorithm",
        "EC",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-out",
        arg(&key),
    ]);
    openssl(&[
        "req",
        "-new",
        "-key",
        arg(&key),
        "-out",
        arg(&csr),
        "-subj",
        "/CN=first/O=ops/C=CN/emailAddress=ops@example.com/street=1 Main St/postalCode=100000/O=dev/L=Beijing/CN=web.example.com",
        "-addext",
        "subjectAltName=IP:10.0.0.1,DNS:web.example.com,URI:spiffe://example.com/web,email:ops@example.com",
        "-addext",
        "keyUsage=critical,cRLSign",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
    ]);
    CertificateRequest::from_pem(&std::fs::read_to_string(&csr).unwrap()).unwrap()
}

#[test]
fn the_signer_sets_what_upstream_sets() {
    let dir = Workdir::new();
    let ca_key = PrivateKey::generate(
        csrcraft::KeyAlgorithm::Rsa { bits: 2048 },
        &mut getrandom::SysRng,
    )
    .unwrap();
    let ca = CertificateAuthority::new(ca_for(
        &ca_key,
        &CA_SPEC.replace(
            r#""algo": "ecdsa", "size": 256"#,
            r#""algo": "rsa", "size": 2048"#,
        ),
    ))
    .unwrap();
    let request = openssl_csr(&dir);
    let info = request.info().unwrap();
    let options = LintOptions {
        signer: SignerName::new("example.com/serving"),
        usages: Some(vec![
            "digital signature".into(),
            "client auth".into(),
            "server auth".into(),
            "server auth".into(),
        ]),
        expiration_seconds: None,
    };
    // Repeated usages are refused on create; once each, it issues.
    let SignerOutcome::Refused(finding) = sign_request(
        &ca,
        &info,
        &SignOptions::new(options.clone(), now(), [1; 16]),
    )
    .unwrap() else {
        panic!("a repeated usage is refused on create")
    };
    assert!(finding.message.contains("Duplicate value"), "{finding:?}");
    let mut options = options;
    options.usages.as_mut().unwrap().pop();
    let serial = [0x00, 0x00, 0x7f, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
    let SignerOutcome::Issued(unsigned) =
        sign_request(&ca, &info, &SignOptions::new(options, now(), serial)).unwrap()
    else {
        panic!("issued")
    };
    // kube-controller-manager signs with SHA-256 for an RSA CA.
    assert_eq!(
        unsigned.signature_algorithm().to_string(),
        "sha256WithRSAEncryption"
    );
    let issued = unsigned.sign(&ca_key, &mut getrandom::SysRng).unwrap();
    let (_, cert) = X509Certificate::from_der(issued.der()).unwrap();
    assert_eq!(cert.version().0, 2, "v3");
    // rand.Int(2^128): at most 16 bytes, minimal.
    assert_eq!(cert.raw_serial(), &serial[2..]);
    let (_, ca_cert) = X509Certificate::from_der(ca.certificate().der()).unwrap();
    assert_eq!(cert.issuer().as_raw(), ca_cert.subject().as_raw());
    // Go's pkix.Name copy: C, L, street, postalCode, O (both, one RDN), the last CN; no emailAddress.
    assert_eq!(
        cert.subject().to_string(),
        "C=CN, L=Beijing, streetAddress=1 Main St, postalCode=100000, O=dev + O=ops, CN=web.example.com"
    );
    assert_eq!(
        cert.public_key().raw,
        x509_parser::x509::SubjectPublicKeyInfo::from_der(&info.public_key.spki_der)
            .unwrap()
            .1
            .raw
    );
    let v = cert.validity();
    assert_eq!(
        v.not_before.timestamp(),
        now().0 - 300,
        "backdated 5 minutes"
    );
    assert_eq!(
        v.not_after.timestamp(),
        now().0 + 8760 * 3600 - 300,
        "8760h less the backdate"
    );
    let oids: Vec<(String, bool)> = extensions(issued.der())
        .into_iter()
        .map(|(oid, critical, _)| (oid, critical))
        .collect();
    assert_eq!(
        oids,
        [
            ("2.5.29.15".to_owned(), true),  // keyUsage
            ("2.5.29.37".to_owned(), false), // extKeyUsage
            ("2.5.29.19".to_owned(), true),  // basicConstraints
            ("2.5.29.35".to_owned(), false), // authorityKeyIdentifier
            ("2.5.29.17".to_owned(), false), // subjectAltName
        ],
        "no requested extension but the names"
    );
    let text = openssl(&[
        "x509",
        "-in",
        arg(&dir.write("leaf.pem", issued.pem())),
        "-noout",
        "-text",
    ]);
    for line in [
        "X509v3 Key Usage: critical\n                Digital Signature\n",
        "TLS Web Server Authentication, TLS Web Client Authentication\n",
        "CA:FALSE",
        // Go's order: DNS, email, IP, URI.
        "DNS:web.example.com, email:ops@example.com, IP Address:10.0.0.1, URI:spiffe://example.com/web",
    ] {
        assert!(text.contains(line), "{line:?} in\n{text}");
    }
    let ski = ca_cert
        .extensions()
        .iter()
        .find(|e| e.oid.to_id_string() == "2.5.29.14")
        .unwrap();
    let aki = cert
        .extensions()
        .iter()
        .find(|e| e.oid.to_id_string() == "2.5.29.35")
        .unwrap();
    assert_eq!(
        &aki.value[4..],
        &ski.value[2..],
        "the AKI is the CA's key identifier"
    );
    let ca_file = dir.write("ca.pem", ca.certificate().pem());
    let leaf = dir.path("leaf.pem");
    assert_eq!(
        openssl(&[
            "verify",
            "-attime",
            "1796558400",
            "-CAfile",
            arg(&ca_file),
            arg(&leaf)
        ])
        .trim(),
        format!("{}: OK", arg(&leaf))
    );
}

#[test]
fn short_and_capped_lifetimes() {
    let ca_key = PrivateKey::generate(
        csrcraft::KeyAlgorithm::Ecdsa(csrcraft::EcdsaCurve::P256),
        &mut getrandom::SysRng,
    )
    .unwrap();
    let ca = CertificateAuthority::new(ca_for(&ca_key, CA_SPEC)).unwrap();
    let made = generate(&parse_spec(r#"{"CN": "alice", "names": [{"O": "dev"}]}"#));
    let info = made.request.info().unwrap();
    let lifetime = |expiration: Option<u64>, cluster: u64| {
        let options = LintOptions {
            signer: SignerName::new("kubernetes.io/kube-apiserver-client"),
            usages: None,
            expiration_seconds: expiration,
        };
        let mut sign = SignOptions::new(options, now(), [7; 16]);
        sign.cluster_signing_seconds = cluster;
        let SignerOutcome::Issued(unsigned) = sign_request(&ca, &info, &sign).unwrap() else {
            panic!("issued")
        };
        let issued = unsigned.sign(&ca_key, &mut getrandom::SysRng).unwrap();
        (
            issued.info().not_before.0 - now().0,
            issued.info().not_after.0 - now().0,
        )
    };
    assert_eq!(lifetime(None, 8760 * 3600), (-300, 8760 * 3600 - 300));
    assert_eq!(
        lifetime(Some(3600), 8760 * 3600),
        (-300, 3600),
        "short: not after not backdated"
    );
    assert_eq!(
        lifetime(Some(8 * 3600), 8760 * 3600),
        (-300, 8 * 3600 - 300),
        "8h is not short"
    );
    assert_eq!(
        lifetime(Some(30 * 86400), 86400),
        (-300, 86400 - 300),
        "capped at the cluster duration"
    );
    // The CA's own not after (5 years from its backdated start) caps a longer one.
    let ca_not_after = ca.certificate().info().not_after.0 - now().0;
    assert_eq!(lifetime(None, 10 * 8760 * 3600).1, ca_not_after);
}

#[test]
fn the_signer_fails_exactly_what_lint_says_it_fails() {
    let specs = [
        r#"{"CN": "system:node:worker-1", "hosts": ["worker-1.example.com", "10.0.0.5"], "names": [{"O": "system:nodes"}]}"#,
        r#"{"CN": "system:node:worker-1", "names": [{"O": "system:nodes"}]}"#,
        r#"{"CN": "worker-1", "hosts": ["worker-1.example.com"], "names": [{"O": "system:nodes"}]}"#,
        r#"{"CN": "system:node:worker-1", "hosts": ["ops@example.com", "worker-1"], "names": [{"O": "system:nodes"}]}"#,
        r#"{"CN": "alice", "names": [{"O": "dev"}, {"O": "system:masters"}]}"#,
        r#"{"CN": "my-pod.my-namespace.pod.cluster.local", "hosts": ["my-svc.my-namespace.svc.cluster.local", "172.168.0.24"], "names": [{"O": "example"}]}"#,
    ];
    let usage_sets: [Option<&[&str]>; 5] = [
        None,
        Some(&["digital signature", "server auth"]),
        Some(&["digital signature", "key encipherment", "client auth"]),
        Some(&["client auth", "server auth"]),
        Some(&["digital signature"]),
    ];
    let signers = [
        "kubernetes.io/kubelet-serving",
        "kubernetes.io/kube-apiserver-client-kubelet",
        "kubernetes.io/kube-apiserver-client",
        "example.com/serving",
    ];
    let ca_key = PrivateKey::generate(
        csrcraft::KeyAlgorithm::Ecdsa(csrcraft::EcdsaCurve::P256),
        &mut getrandom::SysRng,
    )
    .unwrap();
    let ca = CertificateAuthority::new(ca_for(&ca_key, CA_SPEC)).unwrap();
    let (mut refused, mut failed, mut issued) = (0, 0, 0);
    for spec in specs {
        let info = generate(&parse_spec(spec)).request.info().unwrap();
        for usages in usage_sets {
            for signer in signers {
                let options = LintOptions {
                    signer: SignerName::new(signer),
                    usages: usages.map(|u| u.iter().map(|s| (*s).to_owned()).collect()),
                    expiration_seconds: None,
                };
                let errors: Vec<_> = lint(&info, &options)
                    .into_iter()
                    .filter(|f| f.severity == Severity::Error)
                    .collect();
                let create = errors
                    .iter()
                    .find(|f| f.rule.starts_with("api/") || f.rule.starts_with("admission/"));
                let outcome =
                    sign_request(&ca, &info, &SignOptions::new(options, now(), [3; 16])).unwrap();
                let case = format!("{spec} {usages:?} {signer}");
                match (create, errors.first(), outcome) {
                    (Some(expected), _, SignerOutcome::Refused(finding)) => {
                        assert_eq!(finding.message, expected.message, "{case}");
                        refused += 1;
                    }
                    (None, Some(expected), SignerOutcome::Failed(finding)) => {
                        assert_eq!(finding.message, expected.message, "{case}");
                        failed += 1;
                    }
                    (None, None, SignerOutcome::Issued(_)) => issued += 1,
                    (_, _, outcome) => {
                        panic!("{case}: lint found {errors:?}, sign gave {outcome:?}")
                    }
                }
            }
        }
    }
    // Every branch is exercised.
    assert!(
        refused > 0 && failed > 0 && issued > 0,
        "refused {refused}, failed {failed}, issued {issued}"
    );
}
