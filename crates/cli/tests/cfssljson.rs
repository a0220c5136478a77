//! `csrcraft genkey SPEC | cfssljson -bare NAME` gives what
//! `cfssl genkey SPEC | cfssljson -bare NAME` gives: the same files, modes and
//! PEM labels. Needs Debian's golang-cfssl (scripts/setup installs it).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;
use std::process::Command;

use common::files_in;

/// Runs `GENERATOR genkey spec.json | cfssljson -bare server` in `dir`.
fn genkey_into_cfssljson(generator: &str, dir: &Path) {
    let script = format!(
        "set -o pipefail; umask 022; '{generator}' genkey spec.json | cfssljson -bare server"
    );
    let output = Command::new("bash")
        .args(["-c", &script])
        .current_dir(dir)
        .output()
        .expect("bash runs");
    assert!(
        output.status.success(),
        "{generator} genkey | cfssljson failed (run scripts/setup to install golang-cfssl): {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// File name → (mode, first line).
fn describe(dir: &Path) -> Vec<(String, u32, String)> {
    use std::os::unix::fs::PermissionsExt;
    files_in(dir)
        .into_iter()
        .map(|name| {
            let path = dir.join(&name);
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            let first_line = std::fs::read_to_string(&path)
                .unwrap()
                .lines()
                .next()
                .unwrap_or_default()
                .to_owned();
            (name, mode, first_line)
        })
        .collect()
}

#[test]
fn cfssljson_gets_the_same_files_from_csrcraft_as_from_cfssl() {
    for key in [
        r#"{"algo": "ecdsa", "size": 256}"#,
        r#"{"algo": "ecdsa", "size": 384}"#,
        r#"{"algo": "rsa", "size": 2048}"#,
    ] {
        let spec = format!(
            r#"{{"CN": "my-pod.my-namespace.pod.cluster.local", "hosts": ["my-pod.my-namespace.pod.cluster.local", "10.0.34.2"], "key": {key}}}"#
        );
        let ours = tempfile::tempdir().unwrap();
        let theirs = tempfile::tempdir().unwrap();
        for dir in [ours.path(), theirs.path()] {
            std::fs::write(dir.join("spec.json"), &spec).unwrap();
        }
        genkey_into_cfssljson(env!("CARGO_BIN_EXE_csrcraft"), ours.path());
        genkey_into_cfssljson("cfssl", theirs.path());
        let described = describe(ours.path());
        assert_eq!(described, describe(theirs.path()), "key {key}");
        let names: Vec<&str> = described.iter().map(|(name, _, _)| name.as_str()).collect();
        assert_eq!(names, ["server-key.pem", "server.csr", "spec.json"]);
    }
}
