//! `csrcraft manifest`, the real binary: the manifest on stdout or in files, a
//! spec's key and CSR made with it, refusals that write nothing, and the
//! manifests checked against the Kubernetes schema by `kubernetes-validate`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Output;

use base64::Engine as _;
use common::{SCHEMA_VERSIONS, TUTORIAL_SPEC, csrcraft, files_in, kubernetes_validate, stderr};

const TUTORIAL_CSR: &str = include_str!("../../core/tests/data/tutorial-p256.csr");

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[track_caller]
fn assert_ok(output: &Output) {
    assert!(output.status.success(), "{}", stderr(output));
}

/// Exit status 2, exactly `message` on stderr, nothing on stdout.
#[track_caller]
fn assert_refused(output: &Output, message: &str) {
    assert_eq!(output.status.code(), Some(2), "{}", stderr(output));
    assert_eq!(stderr(output), format!("csrcraft: error: {message}\n"));
    assert!(output.stdout.is_empty(), "{}", stdout(output));
}

/// A temporary directory holding the tutorial's CSR as `server.csr`.
fn dir_with_csr() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("server.csr"), TUTORIAL_CSR).unwrap();
    dir
}

/// What `spec.request` holds, decoded.
fn decoded_request(json: &str) -> String {
    let value: serde_json::Value = serde_json::from_str(json).unwrap();
    let encoded = value["spec"]["request"].as_str().unwrap();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(encoded)
        .unwrap();
    String::from_utf8(bytes).unwrap()
}

#[test]
fn prints_the_yaml_manifest_for_a_csr() {
    let dir = dir_with_csr();
    let output = csrcraft(
        dir.path(),
        &["manifest", "--signer", "example.com/serving", "server.csr"],
        "",
    );
    assert_ok(&output);
    let yaml = stdout(&output);
    let lines: Vec<&str> = yaml.lines().collect();
    assert_eq!(
        lines[..5],
        [
            "apiVersion: certificates.k8s.io/v1",
            "kind: CertificateSigningRequest",
            "metadata:",
            "  name: my-pod.my-namespace.pod.cluster.local",
            "spec:",
        ]
    );
    assert!(lines[5].starts_with("  request: LS0tLS1CRUdJTi"), "{yaml}");
    // ECDSA P-256 with DNS names: no key encipherment, server auth.
    assert_eq!(
        lines[6..],
        [
            "  signerName: example.com/serving",
            "  usages:",
            "  - digital signature",
            "  - server auth",
        ]
    );
    assert_eq!(files_in(dir.path()), ["server.csr"]);
}

#[test]
fn prints_json_from_standard_input_with_the_tutorials_choices() {
    let dir = tempfile::tempdir().unwrap();
    let output = csrcraft(
        dir.path(),
        &[
            "manifest",
            "--format",
            "json",
            "--name",
            "my-svc.my-namespace",
            "--signer",
            "kubernetes.io/kubelet-serving",
            "--usages",
            "digital signature, key encipherment,server auth",
            "--expiration",
            "90d",
            "-",
        ],
        TUTORIAL_CSR,
    );
    assert_ok(&output);
    let json = stdout(&output);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["metadata"]["name"], "my-svc.my-namespace");
    assert_eq!(value["spec"]["signerName"], "kubernetes.io/kubelet-serving");
    assert_eq!(
        value["spec"]["usages"],
        serde_json::json!(["digital signature", "key encipherment", "server auth"])
    );
    assert_eq!(value["spec"]["expirationSeconds"], 7_776_000);
    assert_eq!(decoded_request(&json), TUTORIAL_CSR);
    assert!(files_in(dir.path()).is_empty());
}

#[test]
fn bare_with_a_csr_writes_only_the_manifest() {
    let dir = dir_with_csr();
    let args = [
        "manifest",
        "--signer",
        "example.com/serving",
        "--bare",
        "server",
    ];
    let output = csrcraft(dir.path(), &[&args[..], &["server.csr"]].concat(), "");
    assert_ok(&output);
    assert!(output.stdout.is_empty());
    assert_eq!(files_in(dir.path()), ["server.csr", "server.yaml"]);
    assert_eq!(mode(&dir.path().join("server.yaml")), 0o644);
    let json_args = [&args[..], &["--format", "json", "server.csr"]].concat();
    assert_ok(&csrcraft(dir.path(), &json_args, ""));
    assert_eq!(
        files_in(dir.path()),
        ["server.csr", "server.json", "server.yaml"]
    );
    let json = std::fs::read_to_string(dir.path().join("server.json")).unwrap();
    assert_eq!(decoded_request(&json), TUTORIAL_CSR);
}

#[test]
fn a_spec_with_bare_writes_the_key_the_csr_and_the_manifest() {
    let dir = tempfile::tempdir().unwrap();
    let output = csrcraft(
        dir.path(),
        &[
            "manifest",
            "--signer",
            "example.com/serving",
            "--format",
            "json",
            "--bare",
            "server",
            "-",
        ],
        TUTORIAL_SPEC,
    );
    assert_ok(&output);
    assert!(output.stdout.is_empty());
    assert_eq!(
        files_in(dir.path()),
        ["server-key.pem", "server.csr", "server.json"]
    );
    let path = |name: &str| dir.path().join(name);
    assert_eq!(mode(&path("server.csr")), 0o644);
    assert_eq!(mode(&path("server-key.pem")), 0o600);
    assert_eq!(mode(&path("server.json")), 0o644);
    let csr = std::fs::read_to_string(path("server.csr")).unwrap();
    let json = std::fs::read_to_string(path("server.json")).unwrap();
    assert_eq!(decoded_request(&json), csr);
    // The CSR is signed by the key written beside it.
    let key = std::fs::read_to_string(path("server-key.pem")).unwrap();
    assert!(key.starts_with("-----BEGIN EC PRIVATE KEY-----"), "{key}");
    let key = csrcraft::PrivateKey::from_pem(&key).unwrap();
    let request = csrcraft::CertificateRequest::from_pem(&csr).unwrap();
    assert_eq!(
        request.info().unwrap().public_key.spki_der,
        key.public_key_der().unwrap()
    );
}

#[test]
fn a_spec_without_bare_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let output = csrcraft(
        dir.path(),
        &["manifest", "--signer", "example.com/serving", "-"],
        TUTORIAL_SPEC,
    );
    assert_refused(
        &output,
        "given a spec, manifest makes a new key; add --bare NAME to keep it in NAME-key.pem",
    );
    assert!(files_in(dir.path()).is_empty());
}

#[test]
fn an_existing_key_is_kept_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("server-key.pem"), "mine").unwrap();
    let args = [
        "manifest",
        "--signer",
        "example.com/serving",
        "--bare",
        "server",
        "-",
    ];
    let output = csrcraft(dir.path(), &args, TUTORIAL_SPEC);
    assert_refused(
        &output,
        "server-key.pem already exists; csrcraft never overwrites a private key: choose another --bare NAME, or add --force",
    );
    assert_eq!(files_in(dir.path()), ["server-key.pem"]);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("server-key.pem")).unwrap(),
        "mine"
    );
    let forced = [&args[..5], &["--force", "-"]].concat();
    assert_ok(&csrcraft(dir.path(), &forced, TUTORIAL_SPEC));
    assert_eq!(
        files_in(dir.path()),
        ["server-key.pem", "server.csr", "server.yaml"]
    );
    assert_eq!(mode(&dir.path().join("server-key.pem")), 0o600);
}

#[test]
fn refusals_name_the_field_and_write_nothing() {
    let dir = dir_with_csr();
    let cases: [(&[&str], &str); 5] = [
        (
            &["--signer", "kubernetes.io/legacy-unknown"],
            "spec.signerName: Invalid value: \"kubernetes.io/legacy-unknown\": the legacy signerName is not allowed via this API version",
        ),
        (
            &["--signer", "serving"],
            "spec.signerName: Invalid value: \"serving\": must be a fully qualified domain and path of the form 'example.com/signer-name'; a signer name is domain/path, e.g. example.com/serving",
        ),
        (
            &[
                "--signer",
                "example.com/x",
                "--usages",
                "server auth,server auth",
            ],
            "spec.usages[1]: Duplicate value: \"server auth\"; list each usage once",
        ),
        (
            &["--signer", "example.com/x", "--usages", "serverAuth"],
            "spec.usages[0]: Unsupported value: \"serverAuth\": supported values: \"any\", ",
        ),
        (
            &["--signer", "example.com/x", "--name", "a/b"],
            "metadata.name: Invalid value: \"a/b\": may not contain '/'",
        ),
    ];
    for (args, message) in cases {
        for bare in [&[][..], &["--bare", "out"][..]] {
            let all = [&["manifest"][..], args, bare, &["server.csr"]].concat();
            let output = csrcraft(dir.path(), &all, "");
            assert_eq!(
                output.status.code(),
                Some(2),
                "{all:?}: {}",
                stderr(&output)
            );
            assert!(
                stderr(&output).starts_with(&format!("csrcraft: error: {message}")),
                "{all:?}: {}",
                stderr(&output)
            );
            assert!(output.stdout.is_empty());
            assert_eq!(files_in(dir.path()), ["server.csr"]);
        }
    }
    // A spec is refused before any key is made.
    let output = csrcraft(
        dir.path(),
        &[
            "manifest",
            "--signer",
            "example.com/x",
            "--expiration",
            "5m",
            "--bare",
            "new",
            "-",
        ],
        TUTORIAL_SPEC,
    );
    assert_refused(
        &output,
        "--expiration: Invalid value: 300: may not specify a duration less than 600 seconds (10 minutes); ask for 600 or more",
    );
    let output = csrcraft(
        dir.path(),
        &[
            "manifest",
            "--signer",
            "kubernetes.io/legacy-unknown",
            "--bare",
            "new",
            "-",
        ],
        TUTORIAL_SPEC,
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(files_in(dir.path()), ["server.csr"]);
}

#[test]
fn manifests_pass_the_kubernetes_schema() {
    let dir = dir_with_csr();
    for (format, file) in [("yaml", "server.yaml"), ("json", "server.json")] {
        let args = [
            "manifest",
            "--signer",
            "kubernetes.io/kube-apiserver-client",
            "--expiration",
            "24h",
            "--format",
            format,
            "--bare",
            "server",
            "server.csr",
        ];
        assert_ok(&csrcraft(dir.path(), &args, ""));
        for version in SCHEMA_VERSIONS {
            let output = kubernetes_validate(dir.path(), file, version);
            assert!(
                output.status.success(),
                "{file} against {version}: {}{}",
                stdout(&output),
                stderr(&output)
            );
        }
    }
    // A spec's manifest too.
    let args = [
        "manifest",
        "--signer",
        "example.com/serving",
        "--bare",
        "new",
        "-",
    ];
    assert_ok(&csrcraft(dir.path(), &args, TUTORIAL_SPEC));
    let output = kubernetes_validate(dir.path(), "new.yaml", SCHEMA_VERSIONS[0]);
    assert!(output.status.success(), "{}", stdout(&output));
}

/// The negative control: kubernetes-validate does refuse what the schema
/// does not allow, so the test above can fail.
#[test]
fn kubernetes_validate_refuses_a_manifest_with_a_bogus_field() {
    let dir = dir_with_csr();
    let args = ["manifest", "--signer", "example.com/serving", "server.csr"];
    let output = csrcraft(dir.path(), &args, "");
    assert_ok(&output);
    let bogus = stdout(&output).replace("  usages:\n", "  bogus: true\n  usages:\n");
    std::fs::write(dir.path().join("bogus.yaml"), bogus).unwrap();
    let output = kubernetes_validate(dir.path(), "bogus.yaml", SCHEMA_VERSIONS[0]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("'bogus' was unexpected")
            || stderr(&output).contains("'bogus' was unexpected"),
        "{}{}",
        stdout(&output),
        stderr(&output)
    );
}
