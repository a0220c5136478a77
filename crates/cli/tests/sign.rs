//! `csrcraft ca init`, `sign`, `secret` and `ca-bundle`, the real binary: the
//! tutorial's flow without a cluster, checked with openssl, kubectl (`create
//! --dry-run=client`), kubernetes-validate and csrcraft's own inspect and verify.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};

use common::{SCHEMA_VERSIONS, TUTORIAL_SPEC, csrcraft, files_in, kubernetes_validate, stderr};

const CA_SPEC: &str = r#"{"CN": "example CA", "key": {"algo": "ecdsa", "size": 256}, "names": [{"C": "CN", "O": "example"}]}"#;
/// A time inside the CA's and the certificates' lifetimes made with `--at` below.
const AT: &str = "2026-12-06T12:00:00Z";

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[track_caller]
fn assert_ok(output: &Output) -> String {
    assert!(output.status.success(), "{}", stderr(output));
    stdout(output)
}

/// Exit status `code`, exactly `message` on stderr, nothing on stdout.
#[track_caller]
fn assert_fails(output: &Output, code: i32, message: &str) {
    assert_eq!(output.status.code(), Some(code), "{}", stderr(output));
    assert_eq!(stderr(output), message);
    assert!(output.stdout.is_empty(), "{}", stdout(output));
}

fn tool(program: &str, args: &[&str], dir: &Path) -> String {
    let output = Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("{program} runs (scripts/setup installs it): {e}"));
    assert!(
        output.status.success(),
        "{program} {args:?}: {}",
        stderr(&output)
    );
    stdout(&output)
}

/// `file` in `dir` passes `kubernetes-validate --strict` for every schema version tested.
#[track_caller]
fn assert_schema_valid(dir: &Path, file: &str) {
    for version in SCHEMA_VERSIONS {
        let checked = kubernetes_validate(dir, file, version);
        assert!(
            checked.status.success(),
            "{file}, {version}: {}",
            stdout(&checked)
        );
    }
}

fn openssl(dir: &Path, args: &[&str]) -> String {
    tool("openssl", args, dir)
}

/// A directory with a test CA (`ca.pem`, `ca-key.pem`) and the tutorial's key and CSR
/// (`server-key.pem`, `server.csr`).
fn flow_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path();
    std::fs::write(path.join("ca-csr.json"), CA_SPEC).unwrap();
    std::fs::write(path.join("server-csr.json"), TUTORIAL_SPEC).unwrap();
    assert_ok(&csrcraft(
        path,
        &[
            "ca",
            "init",
            "--bare",
            "ca",
            "--at",
            "2026-01-01T00:00:00Z",
            "ca-csr.json",
        ],
        "",
    ));
    assert_ok(&csrcraft(
        path,
        &["genkey", "--bare", "server", "server-csr.json"],
        "",
    ));
    dir
}

fn sign(dir: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "sign",
        "--ca",
        "ca.pem",
        "--ca-key",
        "ca-key.pem",
        "--at",
        AT,
    ];
    args.extend_from_slice(extra);
    csrcraft(dir, &args, "")
}

#[test]
fn ca_init_writes_what_cfssljson_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path();
    std::fs::write(path.join("ca-csr.json"), CA_SPEC).unwrap();
    assert_ok(&csrcraft(
        path,
        &["ca", "init", "--bare", "ca", "ca-csr.json"],
        "",
    ));
    assert_eq!(
        files_in(path),
        ["ca-csr.json", "ca-key.pem", "ca.csr", "ca.pem"]
    );
    let mode = std::fs::metadata(path.join("ca-key.pem"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    let text = openssl(path, &["x509", "-in", "ca.pem", "-noout", "-text"]);
    for line in [
        "Issuer: C = CN, O = example, CN = example CA",
        "Subject: C = CN, O = example, CN = example CA",
        "X509v3 Key Usage: critical",
        "Certificate Sign, CRL Sign",
        "X509v3 Basic Constraints: critical",
        "CA:TRUE",
        "X509v3 Subject Key Identifier",
    ] {
        assert!(text.contains(line), "{line} in\n{text}");
    }
    assert_eq!(
        openssl(path, &["verify", "-CAfile", "ca.pem", "ca.pem"]),
        "ca.pem: OK\n"
    );
    // The CSR is the CA key's, as cfssl's initca also prints it.
    let ca_key = openssl(path, &["x509", "-in", "ca.pem", "-noout", "-pubkey"]);
    assert_eq!(
        openssl(path, &["req", "-in", "ca.csr", "-noout", "-pubkey"]),
        ca_key
    );
    assert_eq!(
        openssl(path, &["pkey", "-in", "ca-key.pem", "-pubout"]),
        ca_key
    );

    // Without --bare: cfssl's one line, {"cert","csr","key"}.
    let line = assert_ok(&csrcraft(path, &["ca", "init", "-"], CA_SPEC));
    let value: serde_json::Value = serde_json::from_str(&line).unwrap();
    let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["cert", "csr", "key"]);
    assert!(
        value["cert"]
            .as_str()
            .unwrap()
            .starts_with("-----BEGIN CERTIFICATE-----\n")
    );
}

#[test]
fn ca_init_lifetime_follows_cfssl() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path();
    let args = [
        "ca",
        "init",
        "--bare",
        "ca",
        "--at",
        "2026-12-06T21:27:57Z",
        "-",
    ];
    assert_ok(&csrcraft(path, &args, CA_SPEC));
    // Rounded to the minute, less five minutes; 43800h later (cfssl's default).
    let dates = openssl(path, &["x509", "-in", "ca.pem", "-noout", "-dates"]);
    assert_eq!(
        dates,
        "notBefore=Dec  6 21:23:00 2026 GMT\nnotAfter=Dec  5 21:23:00 2031 GMT\n"
    );
    let args = [
        "ca",
        "init",
        "--bare",
        "b",
        "--duration",
        "24h",
        "--at",
        "2026-12-06T21:27:29Z",
        "-",
    ];
    assert_ok(&csrcraft(path, &args, CA_SPEC));
    let dates = openssl(path, &["x509", "-in", "b.pem", "-noout", "-dates"]);
    assert_eq!(
        dates,
        "notBefore=Dec  6 21:22:00 2026 GMT\nnotAfter=Dec  7 21:22:00 2026 GMT\n"
    );
}

#[test]
fn ca_init_makes_every_key_type_genkey_makes() {
    for (key, signature) in [
        (r#"{"algo": "ecdsa", "size": 384}"#, "ecdsa-with-SHA384"),
        (r#"{"algo": "ecdsa", "size": 521}"#, "ecdsa-with-SHA512"),
        (
            r#"{"algo": "rsa", "size": 2048}"#,
            "sha256WithRSAEncryption",
        ),
        (r#"{"algo": "ed25519"}"#, "ED25519"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path();
        let spec = format!(r#"{{"CN": "example CA", "key": {key}}}"#);
        assert_ok(&csrcraft(path, &["ca", "init", "--bare", "ca", "-"], &spec));
        let text = openssl(path, &["x509", "-in", "ca.pem", "-noout", "-text"]);
        assert!(
            text.contains(&format!("Signature Algorithm: {signature}")),
            "{key}:\n{text}"
        );
        assert_eq!(
            openssl(path, &["verify", "-CAfile", "ca.pem", "ca.pem"]),
            "ca.pem: OK\n",
            "{key}"
        );
        // It signs: a certificate for the tutorial's CSR that openssl verifies.
        assert_ok(&csrcraft(
            path,
            &["genkey", "--bare", "server", "-"],
            TUTORIAL_SPEC,
        ));
        let pem = assert_ok(&csrcraft(
            path,
            &[
                "sign",
                "--ca",
                "ca.pem",
                "--ca-key",
                "ca-key.pem",
                "--signer",
                "example.com/serving",
                "server.csr",
            ],
            "",
        ));
        std::fs::write(path.join("server.pem"), pem).unwrap();
        assert_eq!(
            openssl(path, &["verify", "-CAfile", "ca.pem", "server.pem"]),
            "server.pem: OK\n",
            "{key}"
        );
        // kube-controller-manager signs with SHA-256 for any RSA key (Go's CreateCertificate).
        let leaf = openssl(path, &["x509", "-in", "server.pem", "-noout", "-text"]);
        assert!(
            leaf.contains(&format!("Signature Algorithm: {signature}")),
            "{key}:\n{leaf}"
        );
    }
}

#[test]
fn signs_the_tutorial_csr_as_the_signer_would() {
    let dir = flow_dir();
    let path = dir.path();
    let output = sign(path, &["--signer", "example.com/serving", "server.csr"]);
    let pem = assert_ok(&output);
    assert_eq!(
        stderr(&output),
        "csrcraft: note: kube-controller-manager does not sign for example.com/serving: this is the certificate a signer with its policy issues; in a cluster, example.com/serving's own controller decides\n"
    );
    std::fs::write(path.join("server.pem"), &pem).unwrap();
    assert_eq!(
        openssl(
            path,
            &[
                "verify",
                "-attime",
                "1796558400",
                "-CAfile",
                "ca.pem",
                "server.pem"
            ]
        ),
        "server.pem: OK\n"
    );
    let text = openssl(path, &["x509", "-in", "server.pem", "-noout", "-text"]);
    for line in [
        "Issuer: C = CN, O = example, CN = example CA",
        "Subject: C = CN, ST = Beijing, L = Beijing, O = example, OU = example, CN = my-pod.my-namespace.pod.cluster.local",
        "Not Before: Dec  6 11:55:00 2026 GMT",
        "Not After : Dec  6 11:55:00 2027 GMT",
        "X509v3 Key Usage: critical\n                Digital Signature\n",
        "X509v3 Extended Key Usage: \n                TLS Web Server Authentication\n",
        "X509v3 Basic Constraints: critical\n                CA:FALSE\n",
        "X509v3 Authority Key Identifier",
        "DNS:my-svc.my-namespace.svc.cluster.local, DNS:my-pod.my-namespace.pod.cluster.local, IP Address:172.168.0.24, IP Address:10.0.34.2",
    ] {
        assert!(text.contains(line), "{line:?} in\n{text}");
    }
    assert!(!text.contains("Subject Key Identifier"), "{text}");
    // csrcraft's own verify agrees, key, CSR and name included.
    let verified = csrcraft(
        path,
        &[
            "verify",
            "server.pem",
            "--ca",
            "ca.pem",
            "--key",
            "server-key.pem",
            "--csr",
            "server.csr",
            "--host",
            "my-svc.my-namespace.svc.cluster.local",
            "--at",
            AT,
        ],
        "",
    );
    assert_ok(&verified);
}

#[test]
fn usages_become_key_usage_and_extended_key_usage() {
    let dir = flow_dir();
    let path = dir.path();
    let cases: [(&str, &[&str], &[&str]); 4] = [
        (
            "digital signature,key encipherment,server auth",
            &["Digital Signature, Key Encipherment"],
            &["TLS Web Server Authentication"],
        ),
        (
            "signing,client auth,server auth",
            &["Digital Signature"],
            &["TLS Web Server Authentication, TLS Web Client Authentication"],
        ),
        ("server auth", &[], &["TLS Web Server Authentication"]),
        (
            "content commitment,key agreement,data encipherment,code signing,email protection,s/mime,timestamping,ocsp signing",
            &["Non Repudiation, Data Encipherment, Key Agreement"],
            &["Code Signing, E-mail Protection, Time Stamping, OCSP Signing"],
        ),
    ];
    for (usages, key_usage, extended) in cases {
        let pem = assert_ok(&sign(
            path,
            &[
                "--signer",
                "example.com/serving",
                "--usages",
                usages,
                "server.csr",
            ],
        ));
        std::fs::write(path.join("u.pem"), &pem).unwrap();
        let text = openssl(
            path,
            &[
                "x509",
                "-in",
                "u.pem",
                "-noout",
                "-ext",
                "keyUsage,extendedKeyUsage",
            ],
        );
        let shown: Vec<&str> = text
            .lines()
            .filter(|l| l.starts_with("    "))
            .map(str::trim)
            .collect();
        let expected: Vec<&str> = key_usage.iter().chain(extended).copied().collect();
        assert_eq!(shown, expected, "{usages}:\n{text}");
    }
}

#[test]
fn lifetime_is_the_signers() {
    let dir = flow_dir();
    let path = dir.path();
    let dates = |extra: &[&str]| {
        let mut args = vec!["--signer", "example.com/serving"];
        args.extend_from_slice(extra);
        args.push("server.csr");
        let pem = assert_ok(&sign(path, &args));
        std::fs::write(path.join("d.pem"), pem).unwrap();
        openssl(path, &["x509", "-in", "d.pem", "-noout", "-dates"])
    };
    // Short (below 8h): not after is not backdated.
    assert_eq!(
        dates(&["--expiration", "1h"]),
        "notBefore=Dec  6 11:55:00 2026 GMT\nnotAfter=Dec  6 13:00:00 2026 GMT\n"
    );
    // Long: both backdated five minutes.
    assert_eq!(
        dates(&["--expiration", "10d"]),
        "notBefore=Dec  6 11:55:00 2026 GMT\nnotAfter=Dec 16 11:55:00 2026 GMT\n"
    );
    // A request longer than --cluster-signing-duration gets that duration.
    assert_eq!(
        dates(&["--expiration", "30d", "--duration", "48h"]),
        "notBefore=Dec  6 11:55:00 2026 GMT\nnotAfter=Dec  8 11:55:00 2026 GMT\n"
    );
    // Never past the CA's own not after (2031-01-01 less 5 min... from its --at).
    let ca_not_after = openssl(path, &["x509", "-in", "ca.pem", "-noout", "-enddate"]);
    let long = dates(&["--duration", "87600h"]);
    assert_eq!(
        long.lines().nth(1).unwrap(),
        ca_not_after.trim_end(),
        "{long}"
    );
}

#[test]
fn a_signer_that_would_fail_the_csr_issues_nothing() {
    let dir = flow_dir();
    let path = dir.path();
    let args = ["--signer", "kubernetes.io/kubelet-serving", "server.csr"];
    let output = sign(path, &args);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
    assert!(
        stderr(&output).starts_with("csrcraft: kubernetes.io/kubelet-serving fails this CSR after approval (condition Failed, reason SignerValidationFailure): subject organization is not system:nodes\n  fix: "),
        "{}",
        stderr(&output)
    );
    // With --object: the object as the cluster leaves it.
    let output = sign(
        path,
        &[
            "--object",
            "--signer",
            "kubernetes.io/kubelet-serving",
            "server.csr",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let yaml = stdout(&output);
    assert!(yaml.contains(
        "  - lastTransitionTime: '2026-12-06T12:00:00Z'\n    lastUpdateTime: '2026-12-06T12:00:00Z'\n    message: subject organization is not system:nodes\n    reason: SignerValidationFailure\n    status: 'True'\n    type: Failed\n"
    ), "{yaml}");
    assert!(yaml.contains("    reason: KubectlApprove\n"), "{yaml}");
    assert!(!yaml.contains("certificate:"), "{yaml}");
    std::fs::write(path.join("failed.yaml"), &yaml).unwrap();
    let inspected = assert_ok(&csrcraft(path, &["inspect", "--json", "failed.yaml"], ""));
    let view: serde_json::Value = serde_json::from_str(&inspected).unwrap();
    assert_eq!(
        view["kubernetes"]["status"], "Approved,Failed",
        "{inspected}"
    );
    assert_schema_valid(path, "failed.yaml");
    // Signing that object again: the signer ignores a failed CSR.
    let again = sign(path, &["failed.yaml"]);
    assert_fails(
        &again,
        2,
        "csrcraft: error: status: the CSR is Failed (subject organization is not system:nodes): the signer ignores it; make a new CertificateSigningRequest\n",
    );
}

#[test]
fn the_object_carries_the_certificate_to_inspect_and_verify() {
    let dir = flow_dir();
    let path = dir.path();
    let manifest = assert_ok(&csrcraft(
        path,
        &["manifest", "--signer", "example.com/serving", "server.csr"],
        "",
    ));
    let output = csrcraft(
        path,
        &[
            "sign",
            "--ca",
            "ca.pem",
            "--ca-key",
            "ca-key.pem",
            "--at",
            AT,
            "--object",
            "-",
        ],
        &manifest,
    );
    let yaml = assert_ok(&output);
    assert!(
        yaml.starts_with(&manifest),
        "the manifest's fields come first:\n{yaml}"
    );
    assert!(
        yaml.contains("\nstatus:\n  certificate: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t"),
        "{yaml}"
    );
    std::fs::write(path.join("signed.yaml"), &yaml).unwrap();
    let inspected = assert_ok(&csrcraft(path, &["inspect", "--json", "signed.yaml"], ""));
    let view: serde_json::Value = serde_json::from_str(&inspected).unwrap();
    assert_eq!(
        view["kubernetes"]["status"], "Approved,Issued",
        "{inspected}"
    );
    assert_ok(&csrcraft(
        path,
        &[
            "verify",
            "signed.yaml",
            "--ca",
            "ca.pem",
            "--key",
            "server-key.pem",
            "--csr",
            "server.csr",
            "--at",
            AT,
        ],
        "",
    ));
    assert_schema_valid(path, "signed.yaml");
    // JSON too, and an issued object is not signed twice.
    let json = assert_ok(&csrcraft(
        path,
        &[
            "sign",
            "--ca",
            "ca.pem",
            "--ca-key",
            "ca-key.pem",
            "--at",
            AT,
            "--object",
            "--format",
            "json",
            "-",
        ],
        &manifest,
    ));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["status"]["conditions"][0]["type"], "Approved");
    assert_fails(
        &sign(path, &["signed.yaml"]),
        2,
        "csrcraft: error: status: status.certificate is already set: the signer issued this CSR already; inspect or verify it instead\n",
    );
}

#[test]
fn what_the_api_server_refuses_is_refused_before_signing() {
    let dir = flow_dir();
    let path = dir.path();
    let output = sign(
        path,
        &[
            "--signer",
            "example.com/serving",
            "--usages",
            "server auth,server auth",
            "server.csr",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert!(
        stderr(&output).starts_with(
            "csrcraft: the API server would refuse this CertificateSigningRequest on create: "
        ),
        "{}",
        stderr(&output)
    );
}

#[test]
fn refuses_what_cannot_be_signed() {
    let dir = flow_dir();
    let path = dir.path();
    assert_fails(
        &sign(path, &["server.csr"]),
        2,
        "csrcraft: error: given a CSR, sign needs --signer, e.g. --signer example.com/serving or --signer kubernetes.io/kube-apiserver-client\n",
    );
    let manifest = assert_ok(&csrcraft(
        path,
        &["manifest", "--signer", "example.com/serving", "server.csr"],
        "",
    ));
    std::fs::write(path.join("csr.yaml"), manifest).unwrap();
    assert_fails(
        &sign(path, &["--signer", "example.com/serving", "csr.yaml"]),
        2,
        "csrcraft: error: --signer is for a CSR: given a CertificateSigningRequest object, sign reads its spec; drop --signer\n",
    );
    assert_fails(
        &csrcraft(
            path,
            &[
                "sign",
                "--ca",
                "ca.pem",
                "--ca-key",
                "server-key.pem",
                "--signer",
                "example.com/serving",
                "server.csr",
            ],
            "",
        ),
        2,
        "csrcraft: error: signer: private key does not match public key: the CA key is not the key of the CA certificate; give the ca-key.pem made with this ca.pem\n",
    );
    // A CA past its not after.
    assert_ok(&csrcraft(
        path,
        &[
            "ca",
            "init",
            "--bare",
            "old",
            "--duration",
            "24h",
            "--at",
            "2020-01-01T00:00:00Z",
            "ca-csr.json",
        ],
        "",
    ));
    assert_fails(
        &csrcraft(
            path,
            &[
                "sign",
                "--ca",
                "old.pem",
                "--ca-key",
                "old-key.pem",
                "--signer",
                "example.com/serving",
                "--at",
                AT,
                "server.csr",
            ],
            "",
        ),
        2,
        "csrcraft: error: signer: the signer has expired: NotAfter=2020-01-01 23:55:00 +0000 UTC; make a new CA (csrcraft ca init) or sign at an earlier --at\n",
    );
}

#[test]
fn the_secret_is_kubectls() {
    let dir = flow_dir();
    let path = dir.path();
    let pem = assert_ok(&sign(
        path,
        &["--signer", "example.com/serving", "server.csr"],
    ));
    std::fs::write(path.join("server.pem"), pem).unwrap();
    let ours = assert_ok(&csrcraft(
        path,
        &[
            "secret",
            "--name",
            "my-svc-tls",
            "--namespace",
            "my-namespace",
            "--cert",
            "server.pem",
            "--key",
            "server-key.pem",
        ],
        "",
    ));
    let kubectl = tool(
        "kubectl",
        &[
            "create",
            "secret",
            "tls",
            "my-svc-tls",
            "-n",
            "my-namespace",
            "--cert",
            "server.pem",
            "--key",
            "server-key.pem",
            "--dry-run=client",
            "-o",
            "yaml",
        ],
        path,
    );
    assert_eq!(ours, kubectl);
    let ours_json = assert_ok(&csrcraft(
        path,
        &[
            "secret",
            "--name",
            "my-svc-tls",
            "--cert",
            "server.pem",
            "--key",
            "server-key.pem",
            "--format",
            "json",
        ],
        "",
    ));
    let kubectl_json = tool(
        "kubectl",
        &[
            "create",
            "secret",
            "tls",
            "my-svc-tls",
            "--cert",
            "server.pem",
            "--key",
            "server-key.pem",
            "--dry-run=client",
            "-o",
            "json",
        ],
        path,
    );
    let read = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
    assert_eq!(read(&ours_json), read(&kubectl_json));
    // With the CA: ca.crt beside tls.crt and tls.key.
    let with_ca = assert_ok(&csrcraft(
        path,
        &[
            "secret",
            "--name",
            "my-svc-tls",
            "--cert",
            "server.pem",
            "--key",
            "server-key.pem",
            "--ca",
            "ca.pem",
            "--format",
            "json",
        ],
        "",
    ));
    let keys: Vec<String> = read(&with_ca)["data"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    assert_eq!(keys, ["ca.crt", "tls.crt", "tls.key"]);
    std::fs::write(path.join("secret.yaml"), &ours).unwrap();
    assert_schema_valid(path, "secret.yaml");
    assert_fails(
        &csrcraft(
            path,
            &[
                "secret",
                "--name",
                "x",
                "--cert",
                "server.pem",
                "--key",
                "ca-key.pem",
            ],
            "",
        ),
        2,
        "csrcraft: error: key: the key is not the certificate's (private key does not match public key); give the key the CSR was made with\n",
    );
    assert_fails(
        &csrcraft(
            path,
            &[
                "secret",
                "--name",
                "My_TLS",
                "--cert",
                "server.pem",
                "--key",
                "server-key.pem",
            ],
            "",
        ),
        2,
        "csrcraft: error: metadata.name: Invalid value: \"My_TLS\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n",
    );
}

#[test]
fn the_ca_bundle_is_kubectls() {
    let dir = flow_dir();
    let path = dir.path();
    let ours = assert_ok(&csrcraft(
        path,
        &[
            "ca-bundle",
            "--name",
            "example-serving-ca",
            "--ca",
            "ca.pem",
            "--format",
            "json",
        ],
        "",
    ));
    let kubectl = tool(
        "kubectl",
        &[
            "create",
            "configmap",
            "example-serving-ca",
            "--from-file",
            "ca.crt=ca.pem",
            "--dry-run=client",
            "-o",
            "json",
        ],
        path,
    );
    let read = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
    assert_eq!(read(&ours), read(&kubectl));
    let yaml = assert_ok(&csrcraft(
        path,
        &[
            "ca-bundle",
            "--name",
            "example-serving-ca",
            "--namespace",
            "my-namespace",
            "--ca",
            "ca.pem",
        ],
        "",
    ));
    std::fs::write(path.join("ca.yaml"), &yaml).unwrap();
    assert_schema_valid(path, "ca.yaml");
}

#[test]
fn ca_and_server_keys_with_a_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path();
    std::fs::write(path.join("pass.txt"), "correct horse\n").unwrap();
    let args = [
        "ca",
        "init",
        "--bare",
        "ca",
        "--passphrase-file",
        "pass.txt",
        "-",
    ];
    assert_ok(&csrcraft(path, &args, CA_SPEC));
    let key = std::fs::read_to_string(path.join("ca-key.pem")).unwrap();
    assert!(
        key.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"),
        "{key}"
    );
    let ca_key = openssl(path, &["x509", "-in", "ca.pem", "-noout", "-pubkey"]);
    let read = openssl(
        path,
        &[
            "pkey",
            "-in",
            "ca-key.pem",
            "-passin",
            "file:pass.txt",
            "-pubout",
        ],
    );
    assert_eq!(read, ca_key);
    let args = [
        "genkey",
        "--bare",
        "server",
        "--passphrase-file",
        "pass.txt",
        "-",
    ];
    assert_ok(&csrcraft(path, &args, TUTORIAL_SPEC));
    let sign_args = [
        "sign",
        "--ca",
        "ca.pem",
        "--ca-key",
        "ca-key.pem",
        "--signer",
        "example.com/serving",
        "server.csr",
    ];
    // Without the passphrase: refused, saying what to give.
    assert_fails(
        &csrcraft(path, &sign_args, ""),
        2,
        "csrcraft: error: --passphrase-file: the key is encrypted (ENCRYPTED PRIVATE KEY) and no passphrase was given; give the passphrase it was encrypted with\n",
    );
    let mut with_passphrase = sign_args.to_vec();
    with_passphrase.extend(["--passphrase-file", "pass.txt"]);
    let pem = assert_ok(&csrcraft(path, &with_passphrase, ""));
    std::fs::write(path.join("server.pem"), pem).unwrap();
    assert_eq!(
        openssl(path, &["verify", "-CAfile", "ca.pem", "server.pem"]),
        "server.pem: OK\n"
    );
    // The Secret holds the key decrypted, the certificate's.
    let args = [
        "secret",
        "--name",
        "tls",
        "--cert",
        "server.pem",
        "--key",
        "server-key.pem",
        "--passphrase-file",
        "pass.txt",
        "--format",
        "json",
    ];
    let secret: serde_json::Value =
        serde_json::from_str(&assert_ok(&csrcraft(path, &args, ""))).unwrap();
    use base64::Engine as _;
    let key = base64::engine::general_purpose::STANDARD
        .decode(secret["data"]["tls.key"].as_str().unwrap())
        .unwrap();
    let key = String::from_utf8(key).unwrap();
    assert!(key.starts_with("-----BEGIN PRIVATE KEY-----\n"), "{key}");
    std::fs::write(path.join("plain-key.pem"), key).unwrap();
    assert_eq!(
        openssl(path, &["pkey", "-in", "plain-key.pem", "-pubout"]),
        openssl(path, &["x509", "-in", "server.pem", "-noout", "-pubkey"])
    );
}

/// README.md's "The whole flow without a cluster", run as written (with the
/// tutorial's spec as server-csr.json), with this binary as `csrcraft`.
#[test]
fn the_readmes_flow_without_a_cluster_runs() {
    let readme = include_str!("../../../README.md");
    let section = readme
        .split("### The whole flow without a cluster")
        .nth(1)
        .expect("README.md has the section");
    let script = section
        .split("```sh\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .expect("the section has a sh block");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("server-csr.json"), TUTORIAL_SPEC).unwrap();
    let bin = Path::new(env!("CARGO_BIN_EXE_csrcraft")).parent().unwrap();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    let output = Command::new("bash")
        .args(["-euo", "pipefail", "-c", script])
        .current_dir(dir.path())
        .env("PATH", path)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}\n{}",
        stdout(&output),
        stderr(&output)
    );
    assert!(
        stdout(&output).contains("server.pem: OK\n"),
        "{}",
        stdout(&output)
    );
    let signed = std::fs::read_to_string(dir.path().join("signed.yaml")).unwrap();
    assert!(signed.contains("\n  certificate: "), "{signed}");
    for file in ["secret.yaml", "ca.yaml", "signed.yaml"] {
        let checked = kubernetes_validate(dir.path(), file, SCHEMA_VERSIONS[1]);
        assert!(checked.status.success(), "{file}: {}", stdout(&checked));
    }
}

#[test]
fn an_ed25519_key_goes_into_a_secret() {
    let dir = flow_dir();
    let path = dir.path();
    let spec = r#"{"CN": "web", "hosts": ["web.example.com"], "key": {"algo": "ed25519"}}"#;
    assert_ok(&csrcraft(path, &["genkey", "--bare", "web", "-"], spec));
    let pem = assert_ok(&sign(path, &["--signer", "example.com/serving", "web.csr"]));
    std::fs::write(path.join("web.pem"), pem).unwrap();
    let args = [
        "secret",
        "--name",
        "web-tls",
        "--cert",
        "web.pem",
        "--key",
        "web-key.pem",
    ];
    let ours = assert_ok(&csrcraft(path, &args, ""));
    let kubectl = tool(
        "kubectl",
        &[
            "create",
            "secret",
            "tls",
            "web-tls",
            "--cert",
            "web.pem",
            "--key",
            "web-key.pem",
            "--dry-run=client",
            "-o",
            "yaml",
        ],
        path,
    );
    assert_eq!(ours, kubectl);
    // Another Ed25519 key is not the certificate's.
    assert_ok(&csrcraft(path, &["genkey", "--bare", "other", "-"], spec));
    let args = [
        "secret",
        "--name",
        "web-tls",
        "--cert",
        "web.pem",
        "--key",
        "other-key.pem",
    ];
    assert_fails(
        &csrcraft(path, &args, ""),
        2,
        "csrcraft: error: key: the key is not the certificate's (private key does not match public key); give the key the CSR was made with\n",
    );
}
