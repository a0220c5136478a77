//! The real `csrcraft` binary: output shapes, files, permissions, refusals.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Stdio};

use common::{TUTORIAL_SPEC, csrcraft, files_in, stderr};

fn json_line(stdout: &[u8]) -> serde_json::Map<String, serde_json::Value> {
    let text = std::str::from_utf8(stdout).unwrap();
    assert_eq!(text.matches('\n').count(), 1, "one line: {text}");
    serde_json::from_str(text).unwrap()
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// The public key openssl reads from a key or CSR file.
fn openssl_public_key(args: &[&str], dir: &Path) -> String {
    let output = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("openssl runs (scripts/setup installs it)");
    assert!(
        output.status.success(),
        "openssl {args:?}: {}",
        stderr(&output)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn assert_csr_matches_key(dir: &Path, csr: &str, key: &str) {
    let verify = Command::new("openssl")
        .args(["req", "-verify", "-noout", "-in", csr])
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        verify.status.success(),
        "openssl req -verify: {}",
        stderr(&verify)
    );
    assert_eq!(
        openssl_public_key(&["req", "-in", csr, "-noout", "-pubkey"], dir),
        openssl_public_key(&["pkey", "-in", key, "-pubout"], dir),
    );
}

#[test]
fn genkey_prints_one_json_line_like_cfssl() {
    let dir = tempfile::tempdir().unwrap();
    let output = csrcraft(dir.path(), &["genkey", "-"], TUTORIAL_SPEC);
    assert!(output.status.success(), "{}", stderr(&output));
    let fields = json_line(&output.stdout);
    let keys: Vec<&String> = fields.keys().collect();
    assert_eq!(keys, ["csr", "key"]);
    assert!(
        fields["csr"]
            .as_str()
            .unwrap()
            .starts_with("-----BEGIN CERTIFICATE REQUEST-----\n")
    );
    assert!(
        fields["key"]
            .as_str()
            .unwrap()
            .starts_with("-----BEGIN EC PRIVATE KEY-----\n")
    );
    assert_eq!(stderr(&output), "", "the tutorial's spec is clean");
    assert!(
        files_in(dir.path()).is_empty(),
        "stdout mode writes no file"
    );
}

#[test]
fn genkey_reads_a_spec_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("server-csr.json"), TUTORIAL_SPEC).unwrap();
    let output = csrcraft(dir.path(), &["genkey", "server-csr.json"], "");
    assert!(output.status.success(), "{}", stderr(&output));
    json_line(&output.stdout);
}

#[test]
fn warnings_go_to_stderr_and_output_still_comes() {
    let dir = tempfile::tempdir().unwrap();
    let spec = r#"{"CN": "web.example.com", "hosts": ["web:8443"], "usages": ["server auth"]}"#;
    let output = csrcraft(dir.path(), &["genkey", "-"], spec);
    assert!(output.status.success());
    json_line(&output.stdout);
    let warnings = stderr(&output);
    assert!(
        warnings.contains("csrcraft: warning: hosts[0]: \"web:8443\" looks like host:port"),
        "{warnings}"
    );
    assert!(
        warnings.contains("csrcraft: warning: usages: ignored: key usages are not part of the CSR"),
        "{warnings}"
    );
    assert!(
        warnings.contains("csrcraft: warning: CN: \"web.example.com\" is not in hosts"),
        "{warnings}"
    );
}

#[test]
fn bare_writes_csr_0644_and_key_0600_that_match() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("spec.json"), TUTORIAL_SPEC).unwrap();
    // Under the usual umask 022, as cfssljson's files are.
    let script = format!(
        "umask 022 && exec '{}' genkey --bare server spec.json",
        env!("CARGO_BIN_EXE_csrcraft")
    );
    let output = Command::new("bash")
        .args(["-c", &script])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
    assert_eq!(
        files_in(dir.path()),
        ["server-key.pem", "server.csr", "spec.json"]
    );
    assert_eq!(mode(&dir.path().join("server.csr")), 0o644);
    assert_eq!(mode(&dir.path().join("server-key.pem")), 0o600);
    assert_csr_matches_key(dir.path(), "server.csr", "server-key.pem");
}

#[test]
fn bare_never_overwrites_a_key_without_force() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("server-key.pem"), "precious").unwrap();
    let output = csrcraft(
        dir.path(),
        &["genkey", "--bare", "server", "-"],
        TUTORIAL_SPEC,
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with("csrcraft: error: server-key.pem already exists;"),
        "{}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("--force"));
    assert_eq!(
        files_in(dir.path()),
        ["server-key.pem"],
        "no CSR, no temporary file"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("server-key.pem")).unwrap(),
        "precious"
    );

    let forced = csrcraft(
        dir.path(),
        &["genkey", "--bare", "server", "--force", "-"],
        TUTORIAL_SPEC,
    );
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert_eq!(files_in(dir.path()), ["server-key.pem", "server.csr"]);
    assert_csr_matches_key(dir.path(), "server.csr", "server-key.pem");
}

#[test]
fn bare_into_a_missing_directory_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let output = csrcraft(
        dir.path(),
        &["genkey", "--bare", "no/such/dir/server", "-"],
        TUTORIAL_SPEC,
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with("csrcraft: error: cannot write no/such/dir/server.csr:"),
        "{}",
        stderr(&output)
    );
    assert!(files_in(dir.path()).is_empty());
}

#[test]
fn key_format_pkcs8_writes_private_key_for_every_algorithm() {
    for (algo, size, cfssl_label) in [
        ("ecdsa", 384, "EC PRIVATE KEY"),
        ("rsa", 2048, "RSA PRIVATE KEY"),
        ("ed25519", 0, "PRIVATE KEY"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let spec = format!(r#"{{"CN": "a", "key": {{"algo": "{algo}", "size": {size}}}}}"#);
        for (format, label) in [("cfssl", cfssl_label), ("pkcs8", "PRIVATE KEY")] {
            let output = csrcraft(dir.path(), &["genkey", "--key-format", format, "-"], &spec);
            assert!(output.status.success(), "{}", stderr(&output));
            let key = json_line(&output.stdout)["key"]
                .as_str()
                .unwrap()
                .to_owned();
            assert!(
                key.starts_with(&format!("-----BEGIN {label}-----\n")),
                "{algo} {format}: {key}"
            );
        }
    }
}

#[test]
fn gencsr_keeps_the_key_of_genkey_in_both_formats() {
    let dir = tempfile::tempdir().unwrap();
    for format in ["cfssl", "pkcs8"] {
        let made = csrcraft(
            dir.path(),
            &[
                "genkey",
                "--force",
                "--key-format",
                format,
                "--bare",
                "old",
                "-",
            ],
            TUTORIAL_SPEC,
        );
        assert!(made.status.success(), "{}", stderr(&made));
        let renewed = csrcraft(
            dir.path(),
            &["gencsr", "--key", "old-key.pem", "--bare", "new", "-"],
            TUTORIAL_SPEC,
        );
        assert!(renewed.status.success(), "{}", stderr(&renewed));
        assert!(renewed.stdout.is_empty());
        assert!(
            !dir.path().join("new-key.pem").exists(),
            "gencsr writes no key"
        );
        assert_csr_matches_key(dir.path(), "new.csr", "old-key.pem");
    }
}

#[test]
fn gencsr_prints_only_the_csr() {
    let dir = tempfile::tempdir().unwrap();
    let made = csrcraft(dir.path(), &["genkey", "--bare", "k", "-"], TUTORIAL_SPEC);
    assert!(made.status.success());
    let output = csrcraft(
        dir.path(),
        &["gencsr", "--key", "k-key.pem", "-"],
        TUTORIAL_SPEC,
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let fields = json_line(&output.stdout);
    assert_eq!(fields.keys().collect::<Vec<_>>(), ["csr"]);
}

#[test]
fn gencsr_reads_keys_made_by_openssl() {
    let dir = tempfile::tempdir().unwrap();
    let keys: [(&str, &[&str]); 5] = [
        // `openssl ecparam -genkey` writes an EC PARAMETERS block before the key.
        (
            "ec-params.pem",
            &[
                "ecparam",
                "-name",
                "prime256v1",
                "-genkey",
                "-out",
                "ec-params.pem",
            ],
        ),
        (
            "p521.pem",
            &[
                "genpkey",
                "-algorithm",
                "EC",
                "-pkeyopt",
                "ec_paramgen_curve:P-521",
                "-out",
                "p521.pem",
            ],
        ),
        (
            "rsa-pkcs8.pem",
            &[
                "genpkey",
                "-algorithm",
                "RSA",
                "-pkeyopt",
                "rsa_keygen_bits:3072",
                "-out",
                "rsa-pkcs8.pem",
            ],
        ),
        (
            "rsa-pkcs1.pem",
            &["genrsa", "-traditional", "-out", "rsa-pkcs1.pem", "2048"],
        ),
        (
            "ed25519.pem",
            &["genpkey", "-algorithm", "ED25519", "-out", "ed25519.pem"],
        ),
    ];
    for (file, args) in keys {
        let made = Command::new("openssl")
            .args(args)
            .current_dir(dir.path())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(made.success(), "openssl {args:?}");
        let output = csrcraft(
            dir.path(),
            &["gencsr", "--key", file, "--bare", file, "-"],
            r#"{"CN": "renewed.example.com", "hosts": ["renewed.example.com"]}"#,
        );
        assert!(output.status.success(), "{file}: {}", stderr(&output));
        assert_csr_matches_key(dir.path(), &format!("{file}.csr"), file);
    }
}

#[test]
fn gencsr_says_when_the_spec_asks_for_another_key() {
    let dir = tempfile::tempdir().unwrap();
    assert!(
        csrcraft(
            dir.path(),
            &["genkey", "--bare", "k", "-"],
            r#"{"CN": "a"}"#
        )
        .status
        .success()
    );
    let spec = r#"{"CN": "a", "key": {"algo": "rsa", "size": 2048}}"#;
    let output = csrcraft(dir.path(), &["gencsr", "--key", "k-key.pem", "-"], spec);
    assert!(output.status.success());
    assert_eq!(
        stderr(&output),
        "csrcraft: warning: key: ignored: the spec asks for rsa-2048 but the key given is ecdsa-256; the CSR is for the key given\n"
    );
}

#[test]
fn gencsr_refuses_unusable_keys_without_output() {
    let dir = tempfile::tempdir().unwrap();
    let encrypt = Command::new("openssl")
        .args([
            "genpkey",
            "-algorithm",
            "EC",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-aes256",
            "-pass",
            "pass:x",
            "-out",
            "enc.pem",
        ])
        .current_dir(dir.path())
        .status()
        .unwrap();
    assert!(encrypt.success());
    std::fs::write(
        dir.path().join("cert.pem"),
        "-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("junk.pem"),
        "-----BEGIN EC PRIVATE KEY-----\nMAA=\n-----END EC PRIVATE KEY-----\n",
    )
    .unwrap();
    let cases = [
        (
            "enc.pem",
            "csrcraft: error: --passphrase-file: the key is encrypted (ENCRYPTED PRIVATE KEY) and no passphrase was given",
        ),
        (
            "cert.pem",
            "csrcraft: error: key: found CERTIFICATE but no private key",
        ),
        (
            "junk.pem",
            "csrcraft: error: key: the EC PRIVATE KEY block is malformed",
        ),
        ("missing.pem", "csrcraft: error: cannot read missing.pem:"),
    ];
    for (file, expected) in cases {
        let output = csrcraft(
            dir.path(),
            &["gencsr", "--key", file, "--bare", "out", "-"],
            r#"{"CN": "a"}"#,
        );
        assert_eq!(output.status.code(), Some(2), "{file}");
        assert!(
            stderr(&output).starts_with(expected),
            "{file}: {}",
            stderr(&output)
        );
        assert!(output.stdout.is_empty());
        assert!(!dir.path().join("out.csr").exists());
    }
}

#[test]
fn missing_spec_file_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let output = csrcraft(dir.path(), &["genkey", "nope.json"], "");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with("csrcraft: error: cannot read nope.json: "),
        "{}",
        stderr(&output)
    );
}

#[test]
fn binary_spec_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("spec.bin"), [0xff, 0xfe, 0x00]).unwrap();
    let output = csrcraft(dir.path(), &["genkey", "spec.bin"], "");
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "csrcraft: error: spec.bin is not UTF-8 text; give the spec as JSON and keys as PEM\n"
    );
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("spec.json");
    std::fs::write(&spec, TUTORIAL_SPEC).unwrap();
    let script = format!(
        "'{}' genkey '{}' | true; echo \"status ${{PIPESTATUS[0]}}\"",
        env!("CARGO_BIN_EXE_csrcraft"),
        spec.display()
    );
    let output = Command::new("bash").args(["-c", &script]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&output.stdout), "status 0\n");
    assert_eq!(stderr(&output), "");
}

#[test]
fn help_shows_the_tutorial_flow() {
    let dir = tempfile::tempdir().unwrap();
    let output = csrcraft(dir.path(), &["genkey", "--help"], "");
    assert!(output.status.success());
    let help = String::from_utf8(output.stdout).unwrap();
    assert!(
        help.contains("csrcraft genkey server-csr.json | cfssljson -bare server"),
        "{help}"
    );
    assert!(help.contains("--key-format"));
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let output = csrcraft(dir.path(), &["genkey", "--key-format", "der", "-"], "{}");
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
}
