//! `csrcraft verify`: the real binary on a certificate openssl issues for a
//! CSR csrcraft made. Exit status 0 when every check passes, 1 when one
//! fails, 2 on bad input; one `PASS`/`FAIL`/`SKIP` line per check.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{TUTORIAL_SPEC, csrcraft, stderr};

/// Runs openssl in `dir`; it must succeed.
#[track_caller]
fn openssl(dir: &Path, args: &[&str]) {
    let output = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("openssl runs (run scripts/setup to install it)");
    assert!(
        output.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// In `dir`: ca.pem / ca-key.pem (P-256), other-ca.pem, server.csr and
/// server-key.pem from the tutorial spec, and server.pem issued for it with
/// serving usages, valid for two days from now.
fn setup(dir: &Path) {
    for name in ["ca", "other-ca"] {
        openssl(
            dir,
            &[
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
                "-keyout",
                &format!("{name}-key.pem"),
                "-out",
                &format!("{name}.pem"),
                "-subj",
                "/CN=test CA",
                "-days",
                "30",
                "-addext",
                "basicConstraints=critical,CA:TRUE",
            ],
        );
    }
    let made = csrcraft(dir, &["genkey", "--bare", "server", "-"], TUTORIAL_SPEC);
    assert!(made.status.success(), "{}", stderr(&made));
    std::fs::write(
        dir.join("ext.cnf"),
        "keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n",
    )
    .unwrap();
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca-key.pem",
            "-set_serial",
            "1",
            "-days",
            "2",
            "-copy_extensions",
            "copy",
            "-extfile",
            "ext.cnf",
            "-out",
            "server.pem",
        ],
    );
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[track_caller]
fn assert_status(output: &Output, code: i32) {
    assert_eq!(
        output.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        stdout(output),
        stderr(output)
    );
}

/// The first word of each line that starts with one, and the check names.
fn outcomes(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| l.starts_with("PASS") || l.starts_with("FAIL") || l.starts_with("SKIP"))
        .map(|l| {
            let (outcome, rest) = l.split_at(4);
            let name: String = rest.trim_start().split("  ").next().unwrap().to_owned();
            format!("{outcome} {name}")
        })
        .collect()
}

#[test]
fn everything_right_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let out = csrcraft(
        dir.path(),
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
        ],
        "",
    );
    assert_status(&out, 0);
    let text = stdout(&out);
    assert_eq!(
        outcomes(&text),
        [
            "PASS signature chain",
            "PASS validity",
            "PASS key match",
            "PASS request match",
            "PASS hostname",
            "PASS usage",
        ],
        "{text}"
    );
    assert!(
        text.starts_with(
            "PASS  signature chain  leaf signed by \"CN=test CA\" (ecdsa-with-SHA256)\n"
        ),
        "{text}"
    );
    assert!(text.ends_with("\nverified\n"), "{text}");
    assert!(
        text.contains(
            "PASS  hostname         \"my-svc.my-namespace.svc.cluster.local\" matches DNS:my-svc.my-namespace.svc.cluster.local\n"
        ),
        "{text}"
    );
}

#[test]
fn status_certificate_base64_on_stdin_and_skips_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let pem = std::fs::read_to_string(dir.path().join("server.pem")).unwrap();
    let base64 = Command::new("base64")
        .args(["-w0", "server.pem"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(pem.starts_with("-----BEGIN CERTIFICATE-----"));
    let out = csrcraft(
        dir.path(),
        &["verify", "-", "--ca", "ca.pem", "--host", "172.168.0.24"],
        &String::from_utf8(base64.stdout).unwrap(),
    );
    assert_status(&out, 0);
    assert_eq!(
        outcomes(&stdout(&out)),
        [
            "PASS signature chain",
            "PASS validity",
            "SKIP key match",
            "SKIP request match",
            "PASS hostname",
            "PASS usage",
        ]
    );
    assert!(stdout(&out).contains("SKIP  key match        no private key given\n"));
}

#[test]
fn failures_exit_1_and_say_why() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    // Another CA of the same name.
    let out = csrcraft(
        dir.path(),
        &["verify", "server.pem", "--ca", "other-ca.pem"],
        "",
    );
    assert_status(&out, 1);
    let text = stdout(&out);
    assert!(
        text.starts_with(
            "FAIL  signature chain  the signature of the leaf does not verify against CA \"CN=test CA\""
        ),
        "{text}"
    );
    assert!(text.ends_with("\nNOT verified: 1 check failed\n"), "{text}");

    // Expired, another key, another host: three failures.
    let out = csrcraft(
        dir.path(),
        &[
            "verify",
            "server.pem",
            "--ca",
            "ca.pem",
            "--key",
            "other-ca-key.pem",
            "--host",
            "www.example.org",
            "--at",
            "2100-01-01T00:00:00Z",
        ],
        "",
    );
    assert_status(&out, 1);
    let text = stdout(&out);
    assert_eq!(
        outcomes(&text),
        [
            "PASS signature chain",
            "FAIL validity",
            "FAIL key match",
            "SKIP request match",
            "FAIL hostname",
            "PASS usage",
        ],
        "{text}"
    );
    assert!(
        text.contains("FAIL  validity         at 2100-01-01T00:00:00Z: leaf expired "),
        "{text}"
    );
    assert!(
        text.ends_with("\nNOT verified: 3 checks failed\n"),
        "{text}"
    );

    // Before notBefore.
    let out = csrcraft(
        dir.path(),
        &[
            "verify",
            "server.pem",
            "--ca",
            "ca.pem",
            "--at",
            "2000-01-01T00:00:00Z",
        ],
        "",
    );
    assert_status(&out, 1);
    assert!(
        stdout(&out).contains("leaf not valid yet"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn json_report() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let out = csrcraft(
        dir.path(),
        &[
            "verify",
            "server.pem",
            "--ca",
            "ca.pem",
            "--host",
            "10.0.34.3",
            "--json",
        ],
        "",
    );
    assert_status(&out, 1);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["verified"], false);
    assert_eq!(json["failed"], 1);
    let hostname = &json["checks"][4];
    assert_eq!(hostname["name"], "hostname");
    assert_eq!(hostname["outcome"], "fail");
    assert!(
        hostname["detail"]
            .as_str()
            .unwrap()
            .starts_with("\"10.0.34.3\" matches none of ")
    );
    assert_eq!(json["checks"][2]["outcome"], "skip");
}

#[test]
fn bad_input_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    for (args, message) in [
        (
            &["verify", "server.csr", "--ca", "ca.pem"][..],
            "csrcraft: error: certificate: this is a certificate request, not a certificate",
        ),
        (
            &["verify", "missing.pem", "--ca", "ca.pem"][..],
            "csrcraft: error: cannot read missing.pem",
        ),
        (
            &[
                "verify",
                "server.pem",
                "--ca",
                "ca.pem",
                "--at",
                "yesterday",
            ][..],
            "csrcraft: error: --at: \"yesterday\" is not an RFC 3339 time",
        ),
        (
            &[
                "verify",
                "server.pem",
                "--ca",
                "ca.pem",
                "--key",
                "server.csr",
            ][..],
            "csrcraft: error: key: ",
        ),
        (&["verify", "server.pem"][..], "--ca <CA>"),
        (
            &[
                "verify",
                "server.pem",
                "--ca",
                "ca.pem",
                "--purpose",
                "both",
            ][..],
            "csrcraft: error: --purpose: \"both\" is not a purpose; use server or client",
        ),
    ] {
        let out = csrcraft(dir.path(), args, "");
        assert_status(&out, 2);
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
        assert_eq!(stdout(&out), "", "{args:?}");
    }
}

/// The serving certificate (extendedKeyUsage serverAuth) verifies as a
/// server's and is refused as a client's, by path validation and by usage.
#[test]
fn purpose_client_refuses_a_serving_certificate() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let verify = |purpose: &str| {
        csrcraft(
            dir.path(),
            &[
                "verify",
                "server.pem",
                "--ca",
                "ca.pem",
                "--purpose",
                purpose,
            ],
            "",
        )
    };
    assert_status(&verify("server"), 0);
    let out = verify("client");
    assert_status(&out, 1);
    let text = stdout(&out);
    assert_eq!(
        outcomes(&text),
        [
            "FAIL signature chain",
            "PASS validity",
            "SKIP key match",
            "SKIP request match",
            "SKIP hostname",
            "FAIL usage",
        ],
        "{text}"
    );
    assert!(
        text.contains("extended key usage: the leaf \"C=CN, ST=Beijing, L=Beijing, O=example, OU=example, CN=my-pod.my-namespace.pod.cluster.local\" allows only server auth, not client auth"),
        "{text}"
    );
}
