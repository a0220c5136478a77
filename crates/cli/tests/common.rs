//! Helpers shared by the CLI tests: run the real binary.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Kubernetes versions whose schema the manifests must pass: 1.33, the oldest
/// csrcraft writes for, and the newest kubernetes-validate ships.
pub const SCHEMA_VERSIONS: [&str; 2] = ["1.33.0", "1.37.0"];

/// Runs `csrcraft ARGS` in `dir` with `stdin`, returning its output.
pub fn csrcraft(dir: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_csrcraft"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the csrcraft binary starts");
    let written = child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin.as_bytes());
    // A command that fails on its arguments may exit before reading stdin.
    if let Err(e) = written {
        assert_eq!(
            e.kind(),
            std::io::ErrorKind::BrokenPipe,
            "writing stdin: {e}"
        );
    }
    child.wait_with_output().expect("csrcraft finishes")
}

/// The text a command printed on stderr.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The file names in `dir`, sorted.
pub fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("dir is readable")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// The Kubernetes TLS tutorial's spec.
pub const TUTORIAL_SPEC: &str = r#"{
  "hosts": [
    "my-svc.my-namespace.svc.cluster.local",
    "my-pod.my-namespace.pod.cluster.local",
    "172.168.0.24",
    "10.0.34.2"
  ],
  "CN": "my-pod.my-namespace.pod.cluster.local",
  "key": { "algo": "ecdsa", "size": 256 },
  "names": [
    { "C": "CN", "ST": "Beijing", "L": "Beijing", "O": "example", "OU": "example" }
  ]
}"#;

/// Runs `kubernetes-validate --strict` (PyPI) on `file` in `dir` against the
/// schema of a Kubernetes version it ships, offline.
pub fn kubernetes_validate(dir: &Path, file: &str, version: &str) -> Output {
    // As a module: works whether or not pip's script directory is on PATH.
    Command::new("python3")
        .args([
            "-m",
            "kubernetes_validate",
            "--strict",
            "--kubernetes-version",
            version,
            file,
        ])
        .current_dir(dir)
        .output()
        .expect("kubernetes-validate runs (scripts/setup installs it from PyPI)")
}
