//! `csrcraft lint`, the real binary: the tutorial's request refused for the
//! same reasons the cluster gives, from a spec and from the CSR genkey wrote;
//! a clean client certificate; JSON; exit statuses 0, 1 and 2.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;
use std::process::Output;

use common::{TUTORIAL_SPEC, csrcraft, stderr};

const SERVING: &str = "kubernetes.io/kubelet-serving";
const TUTORIAL_USAGES: &str = "digital signature,key encipherment,server auth";

/// What `csrcraft lint` prints for the tutorial's request (the key is not
/// shown, so the text is the same for every key).
const TUTORIAL_TEXT: &str = r#"Signer:       kubernetes.io/kubelet-serving
              kubelet serving certificates (O=system:nodes, CN=system:node:NAME, DNS/IP SANs); never auto-approved
Subject:      C=CN, ST=Beijing, L=Beijing, O=example, OU=example, CN=my-pod.my-namespace.pod.cluster.local
  Common Name:    my-pod.my-namespace.pod.cluster.local
  Groups (O):     example
Subject Alternative Names:
  DNS Names:      my-svc.my-namespace.svc.cluster.local
                  my-pod.my-namespace.pod.cluster.local
  IP Addresses:   172.168.0.24
                  10.0.34.2
Key:          ecdsa P-256
Usages:       digital signature, key encipherment, server auth

error: subject organization is not system:nodes
  fix: kubernetes.io/kubelet-serving signs only kubelets' own serving certificates (O=system:nodes, CN=system:node:NODE); for a workload's serving certificate use a custom signer such as example.com/serving with your own CA (csrcraft lint --signer example.com/serving shows the steps), or beta.eks.amazonaws.com/app-serving on EKS; as it is, approving it ends Approved,Failed (SignerValidationFailure) with no certificate
error: subject common name does not begin with system:node:
  fix: change the signer, as for the organization: CN=system:node:NODE is only for a kubelet; as it is, approving it ends Approved,Failed (SignerValidationFailure) with no certificate
warning: "key encipherment" is requested for an ecdsa P-256 key, which cannot encipher (RFC 5480; kubernetes/kubernetes#109077): the certificate would carry a key usage its key cannot have
  fix: drop "key encipherment": --usages "digital signature, server auth" (every built-in signer accepts that)
note: kubernetes.io/kubelet-serving CSRs are never auto-approved by kube-controller-manager: it stays Pending
  fix: approve it: kubectl certificate approve NAME (or run an approver such as kubelet-csr-approver)
note: approving needs verb approve on signers/kubernetes.io/kubelet-serving (API group certificates.k8s.io)
  fix: give the approver a ClusterRole with the rules {apiGroups: [certificates.k8s.io], resources: [signers], resourceNames: [kubernetes.io/kubelet-serving], verbs: [approve]} and {apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests/approval], verbs: [update]} (cluster-admin has both)
note: on Amazon EKS, a workload's serving certificate comes from the beta.eks.amazonaws.com/app-serving signer, not kubernetes.io/kubelet-serving
  fix: on EKS: csrcraft lint --signer beta.eks.amazonaws.com/app-serving CSR; elsewhere use a custom signer such as example.com/serving with your own CA
2 errors, 1 warning, 3 notes
"#;

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn lint_tutorial(dir: &Path, input: &str, stdin: &str) -> Output {
    csrcraft(
        dir,
        &[
            "lint",
            "--signer",
            SERVING,
            "--usages",
            TUTORIAL_USAGES,
            input,
        ],
        stdin,
    )
}

#[test]
fn the_tutorials_spec_is_refused_as_the_cluster_would() {
    let dir = tempfile::tempdir().unwrap();
    let output = lint_tutorial(dir.path(), "-", TUTORIAL_SPEC);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(stdout(&output), TUTORIAL_TEXT);
    assert_eq!(stderr(&output), "");
    // The throwaway key is written nowhere.
    assert!(common::files_in(dir.path()).is_empty());
}

#[test]
fn the_tutorials_csr_from_genkey_gives_the_same_answer() {
    let dir = tempfile::tempdir().unwrap();
    let made = csrcraft(
        dir.path(),
        &["genkey", "--bare", "server", "-"],
        TUTORIAL_SPEC,
    );
    assert!(made.status.success(), "{}", stderr(&made));
    let output = lint_tutorial(dir.path(), "server.csr", "");
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(stdout(&output), TUTORIAL_TEXT);
    // And with the fix applied: only the organization and common name remain.
    let fixed = csrcraft(dir.path(), &["lint", "--signer", SERVING, "server.csr"], "");
    assert_eq!(fixed.status.code(), Some(1));
    let text = stdout(&fixed);
    assert!(
        text.contains(
            "Usages:       digital signature, server auth (default for this signer and key)\n"
        ),
        "{text}"
    );
    assert!(text.ends_with("2 errors, 0 warnings, 3 notes\n"), "{text}");
}

#[test]
fn a_client_certificate_in_two_groups_is_clean_and_shows_both_groups() {
    let dir = tempfile::tempdir().unwrap();
    let spec = r#"{"CN": "alice", "names": [{"O": "dev"}, {"O": "ops"}]}"#;
    let output = csrcraft(
        dir.path(),
        &[
            "lint",
            "--signer",
            "kubernetes.io/kube-apiserver-client",
            "--usages",
            "digital signature, client auth",
            "-",
        ],
        spec,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("  Common Name:    alice\n  Groups (O):     dev\n                  ops\n"),
        "{text}"
    );
    assert!(
        !text.contains("error:") && !text.contains("warning:"),
        "{text}"
    );
    assert!(text.ends_with("0 errors, 0 warnings, 2 notes\n"), "{text}");
}

#[test]
fn json_lists_the_findings() {
    let dir = tempfile::tempdir().unwrap();
    let output = csrcraft(
        dir.path(),
        &[
            "lint",
            "--signer",
            SERVING,
            "--usages",
            TUTORIAL_USAGES,
            "--json",
            "-",
        ],
        TUTORIAL_SPEC,
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["signer"], SERVING);
    assert_eq!(report["errors"], 2);
    assert_eq!(report["warnings"], 1);
    assert_eq!(report["notes"], 3);
    let first = &report["findings"][0];
    assert_eq!(first["severity"], "error");
    assert_eq!(first["rule"], "kubelet-serving/organization");
    assert_eq!(first["message"], "subject organization is not system:nodes");
    assert!(
        first["fix"]
            .as_str()
            .unwrap()
            .contains("example.com/serving")
    );
}

#[test]
fn refusals_on_create_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let made = csrcraft(
        dir.path(),
        &["genkey", "--bare", "server", "-"],
        TUTORIAL_SPEC,
    );
    assert!(made.status.success(), "{}", stderr(&made));
    let csr = std::fs::read_to_string(dir.path().join("server.csr")).unwrap();
    std::fs::write(
        dir.path().join("old.csr"),
        csr.replace("CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST"),
    )
    .unwrap();
    for (args, expected) in [
        (
            vec!["--signer", "example.com/serving", "old.csr"],
            "error: PEM block type must be CERTIFICATE REQUEST\n",
        ),
        (
            vec!["--signer", "kubernetes.io/legacy-unknown", "server.csr"],
            "error: spec.signerName: Invalid value: \"kubernetes.io/legacy-unknown\": the legacy signerName is not allowed via this API version\n",
        ),
        (
            vec!["--signer", "serving", "server.csr"],
            "error: spec.signerName: Invalid value: \"serving\": must be a fully qualified domain and path of the form 'example.com/signer-name'\n",
        ),
        (
            vec![
                "--signer",
                "example.com/serving",
                "--expiration",
                "5m",
                "server.csr",
            ],
            "error: spec.expirationSeconds: Invalid value: 300: may not specify a duration less than 600 seconds (10 minutes)\n",
        ),
        (
            vec![
                "--signer",
                "example.com/serving",
                "--usages",
                "server-auth",
                "server.csr",
            ],
            "error: spec.usages[0]: Unsupported value: \"server-auth\": supported values: \"any\", ",
        ),
    ] {
        let output = csrcraft(dir.path(), &[&["lint"], args.as_slice()].concat(), "");
        assert_eq!(
            output.status.code(),
            Some(1),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(
            stdout(&output).contains(expected),
            "{args:?}: {}",
            stdout(&output)
        );
    }
}

#[test]
fn a_custom_signer_passes_and_says_how_to_sign() {
    let dir = tempfile::tempdir().unwrap();
    let output = csrcraft(
        dir.path(),
        &[
            "lint",
            "--signer",
            "example.com/serving",
            "--expiration",
            "90d",
            "-",
        ],
        TUTORIAL_SPEC,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("Signer:       example.com/serving\n              custom signer"),
        "{text}"
    );
    assert!(
        text.contains("Expiration:   7776000 seconds (90d)\n"),
        "{text}"
    );
    assert!(
        text.contains("cfssl sign -ca ca.pem -ca-key ca-key.pem server.csr"),
        "{text}"
    );
    assert!(text.ends_with("0 errors, 0 warnings, 3 notes\n"), "{text}");
}

#[test]
fn bad_input_exits_2_with_nothing_on_stdout() {
    let dir = tempfile::tempdir().unwrap();
    for (args, stdin, expected) in [
        (
            vec!["--signer", SERVING, "missing.csr"],
            "",
            "csrcraft: error: cannot read missing.csr",
        ),
        (
            vec!["--signer", SERVING, "-"],
            "{\"CN\": ",
            "csrcraft: error: spec is not valid JSON",
        ),
        (
            vec!["--signer", SERVING, "--expiration", "1.5h", "-"],
            TUTORIAL_SPEC,
            "csrcraft: error: --expiration: \"1.5h\" is not a duration",
        ),
        (
            vec!["--signer", SERVING, "-"],
            "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n",
            "csrcraft: error: certificate request: ",
        ),
    ] {
        let output = csrcraft(dir.path(), &[&["lint"], args.as_slice()].concat(), stdin);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(output.stdout.is_empty(), "{args:?}");
        assert!(
            stderr(&output).starts_with(expected),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    // No --signer: clap's usage error, also 2.
    let output = csrcraft(dir.path(), &["lint", "-"], TUTORIAL_SPEC);
    assert_eq!(output.status.code(), Some(2));
}
