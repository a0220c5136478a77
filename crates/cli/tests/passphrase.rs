//! `--passphrase-file`: the real binary and the real openssl, both ways.
//! openssl reads every kind of key csrcraft encrypts; csrcraft reads what
//! openssl encrypts (its defaults and the PBES2 variants); and every refusal
//! exits 2 with its message, prints nothing and writes nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};

use common::{csrcraft, files_in, stderr};

const PASSPHRASE: &str = "correct horse battery staple\n";

/// Runs openssl in `dir`; it must succeed. Its stdout.
fn openssl(dir: &Path, args: &[&str]) -> String {
    let output = try_openssl(dir, args);
    assert!(
        output.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn try_openssl(dir: &Path, args: &[&str]) -> Output {
    Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("openssl runs (scripts/setup installs it)")
}

/// The public key (PEM SPKI) openssl reads from an encrypted key file.
fn key_public(dir: &Path, key: &str) -> String {
    openssl(
        dir,
        &["pkey", "-in", key, "-passin", "file:pass", "-pubout"],
    )
}

/// The public key openssl reads from a CSR file.
fn csr_public(dir: &Path, csr: &str) -> String {
    openssl(dir, &["req", "-in", csr, "-pubkey", "-noout"])
}

fn spec(algo: &str, size: u32) -> String {
    format!(
        r#"{{"CN": "web.example.com", "hosts": ["web.example.com"], "key": {{"algo": "{algo}", "size": {size}}}}}"#
    )
}

const KINDS: [(&str, u32); 5] = [
    ("ecdsa", 256),
    ("ecdsa", 384),
    ("ecdsa", 521),
    ("rsa", 2048),
    ("ed25519", 0),
];

#[track_caller]
fn assert_ok(output: &Output) {
    assert!(output.status.success(), "{}", stderr(output));
}

/// What openssl's asn1parse shows of csrcraft's encryption parameters.
#[track_caller]
fn check_parameters(dir: &Path, key: &str) {
    let dump = openssl(dir, &["asn1parse", "-in", key]);
    for expected in [
        ":PBES2",
        ":PBKDF2",
        ":hmacWithSHA256",
        ":aes-256-cbc",
        // 600,000 iterations
        "prim: INTEGER           :0927C0",
    ] {
        assert!(dump.contains(expected), "{expected} in\n{dump}");
    }
    // The 16-byte salt and the 16-byte IV.
    let sixteen = dump
        .lines()
        .filter(|l| l.contains("l=  16 prim: OCTET STRING"))
        .count();
    assert_eq!(sixteen, 2, "{dump}");
}

#[test]
fn openssl_reads_every_kind_of_key_genkey_encrypts() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    std::fs::write(dir.join("pass"), PASSPHRASE).unwrap();
    for (algo, size) in KINDS {
        let name = format!("{algo}-{size}");
        let output = csrcraft(
            dir,
            &["genkey", "--bare", &name, "--passphrase-file", "pass", "-"],
            &spec(algo, size),
        );
        assert_ok(&output);
        assert!(output.stdout.is_empty());
        let key = format!("{name}-key.pem");
        let pem = std::fs::read_to_string(dir.join(&key)).unwrap();
        assert!(
            pem.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"),
            "{name}: {pem}"
        );
        let mode = std::fs::metadata(dir.join(&key))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{name}");
        check_parameters(dir, &key);
        let csr = format!("{name}.csr");
        assert_eq!(key_public(dir, &key), csr_public(dir, &csr), "{name}");
        // A wrong passphrase does not open it in openssl either.
        std::fs::write(dir.join("wrong"), "correct horse\n").unwrap();
        let wrong = try_openssl(
            dir,
            &["pkey", "-in", &key, "-passin", "file:wrong", "-noout"],
        );
        assert!(!wrong.status.success(), "{name}");

        // csrcraft reads its own back: gencsr and verify.
        let again = csrcraft(
            dir,
            &[
                "gencsr",
                "--key",
                &key,
                "--passphrase-file",
                "pass",
                "--bare",
                "again",
                "-",
            ],
            &spec(algo, size),
        );
        assert_ok(&again);
        assert_eq!(
            csr_public(dir, "again.csr"),
            csr_public(dir, &csr),
            "{name}"
        );
    }
}

#[test]
fn with_a_passphrase_every_key_format_and_manifest_write_encrypted_pkcs8() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    std::fs::write(dir.join("pass"), PASSPHRASE).unwrap();
    for format in ["cfssl", "pkcs8"] {
        let name = format!("format-{format}");
        let output = csrcraft(
            dir,
            &[
                "genkey",
                "--bare",
                &name,
                "--key-format",
                format,
                "--passphrase-file",
                "pass",
                "-",
            ],
            &spec("rsa", 2048),
        );
        assert_ok(&output);
        let key = format!("{name}-key.pem");
        let pem = std::fs::read_to_string(dir.join(&key)).unwrap();
        assert!(pem.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"));
        assert_eq!(
            key_public(dir, &key),
            csr_public(dir, &format!("{name}.csr"))
        );
    }
    let output = csrcraft(
        dir,
        &[
            "manifest",
            "--signer",
            "example.com/serving",
            "--bare",
            "made",
            "--passphrase-file",
            "pass",
            "-",
        ],
        &spec("ecdsa", 256),
    );
    assert_ok(&output);
    check_parameters(dir, "made-key.pem");
    assert_eq!(key_public(dir, "made-key.pem"), csr_public(dir, "made.csr"));
    assert!(dir.join("made.yaml").exists());

    // Without --bare, genkey prints the encrypted key in cfssl's JSON line.
    let output = csrcraft(
        dir,
        &["genkey", "--passphrase-file", "pass", "-"],
        &spec("ed25519", 0),
    );
    assert_ok(&output);
    let line: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let key = line["key"].as_str().unwrap();
    assert!(key.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"));
    std::fs::write(dir.join("printed-key.pem"), key).unwrap();
    std::fs::write(dir.join("printed.csr"), line["csr"].as_str().unwrap()).unwrap();
    assert_eq!(
        key_public(dir, "printed-key.pem"),
        csr_public(dir, "printed.csr")
    );
}

#[test]
fn gencsr_and_verify_read_what_openssl_encrypts() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    std::fs::write(dir.join("pass"), PASSPHRASE).unwrap();
    let plain = |name: &str, generator: &[&str]| {
        let mut args = vec!["genpkey"];
        args.extend_from_slice(generator);
        args.extend(["-out", name]);
        openssl(dir, &args);
    };
    plain(
        "p384.pem",
        &["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"],
    );
    plain(
        "p521.pem",
        &["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-521"],
    );
    plain(
        "rsa.pem",
        &["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"],
    );
    plain("ed25519.pem", &["-algorithm", "ED25519"]);
    let topk8 = |input: &str, output: &str, options: &[&str]| {
        let mut args = vec!["pkcs8", "-topk8", "-in", input, "-passout", "file:pass"];
        args.extend_from_slice(options);
        args.extend(["-out", output]);
        openssl(dir, &args);
    };
    // openssl genpkey ... -aes256: PBES2, PBKDF2-hmacWithSHA256, AES-256-CBC.
    openssl(
        dir,
        &[
            "genpkey",
            "-algorithm",
            "EC",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-aes256",
            "-pass",
            "file:pass",
            "-out",
            "genpkey-p256.pem",
        ],
    );
    // openssl pkcs8 -topk8's defaults, and -v2 with each cipher and PRF.
    topk8("ed25519.pem", "topk8-default-ed25519.pem", &[]);
    topk8("rsa.pem", "topk8-default-rsa.pem", &[]);
    topk8("p384.pem", "v2-aes256-p384.pem", &["-v2", "aes-256-cbc"]);
    topk8("rsa.pem", "v2-aes256-rsa.pem", &["-v2", "aes-256-cbc"]);
    topk8(
        "p521.pem",
        "v2-aes128-sha1-p521.pem",
        &["-v2", "aes-128-cbc", "-v2prf", "hmacWithSHA1"],
    );
    topk8(
        "ed25519.pem",
        "v2-aes192-sha512-ed25519.pem",
        &["-v2", "aes-192-cbc", "-v2prf", "hmacWithSHA512"],
    );
    topk8(
        "p384.pem",
        "v2-aes256-sha384-p384.pem",
        &["-v2", "aes-256-cbc", "-v2prf", "hmacWithSHA384"],
    );
    for key in [
        "genpkey-p256.pem",
        "topk8-default-ed25519.pem",
        "topk8-default-rsa.pem",
        "v2-aes256-p384.pem",
        "v2-aes256-rsa.pem",
        "v2-aes128-sha1-p521.pem",
        "v2-aes192-sha512-ed25519.pem",
        "v2-aes256-sha384-p384.pem",
    ] {
        let output = csrcraft(
            dir,
            &[
                "gencsr",
                "--key",
                key,
                "--passphrase-file",
                "pass",
                "--bare",
                "theirs",
                "-",
            ],
            r#"{"CN": "web.example.com"}"#,
        );
        assert!(output.status.success(), "{key}: {}", stderr(&output));
        assert_eq!(key_public(dir, key), csr_public(dir, "theirs.csr"), "{key}");
    }

    // verify --key: a certificate openssl makes for the encrypted key.
    openssl(
        dir,
        &[
            "req",
            "-x509",
            "-new",
            "-key",
            "genpkey-p256.pem",
            "-passin",
            "file:pass",
            "-subj",
            "/CN=web.example.com",
            "-days",
            "2",
            "-out",
            "cert.pem",
        ],
    );
    openssl(
        dir,
        &[
            "genpkey",
            "-algorithm",
            "ED25519",
            "-aes256",
            "-pass",
            "file:pass",
            "-out",
            "other.pem",
        ],
    );
    for (key, outcome) in [
        ("genpkey-p256.pem", "PASS  key match"),
        ("other.pem", "FAIL  key match"),
    ] {
        std::fs::write(dir.join("wrong"), "x\n").unwrap();
        let wrong = csrcraft(
            dir,
            &[
                "verify",
                "cert.pem",
                "--ca",
                "cert.pem",
                "--key",
                key,
                "--passphrase-file",
                "wrong",
            ],
            "",
        );
        assert_eq!(wrong.status.code(), Some(2), "{key}");
        assert!(wrong.stdout.is_empty());
        assert_eq!(
            stderr(&wrong),
            "csrcraft: error: --passphrase-file wrong: the passphrase does not decrypt the key: it is not the one the key was encrypted with, or the key is damaged; give the right passphrase\n"
        );
        let output = csrcraft(
            dir,
            &[
                "verify",
                "cert.pem",
                "--ca",
                "cert.pem",
                "--key",
                key,
                "--passphrase-file",
                "pass",
            ],
            "",
        );
        let report = String::from_utf8_lossy(&output.stdout);
        assert!(
            report.lines().any(|l| l.starts_with(outcome)),
            "{key}: {report}{}",
            stderr(&output)
        );
    }
}

/// openssl 3's `file:` keeps the `\r` of a `\r\n` line, which is why
/// csrcraft refuses such a file instead of stripping it.
#[test]
fn openssl_keeps_the_carriage_return_of_a_crlf_passphrase_file() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    std::fs::write(dir.join("crlf"), "abc\r\n").unwrap();
    openssl(
        dir,
        &[
            "genpkey",
            "-algorithm",
            "ED25519",
            "-aes256",
            "-pass",
            "file:crlf",
            "-out",
            "k.pem",
        ],
    );
    let typed = try_openssl(
        dir,
        &["pkey", "-in", "k.pem", "-passin", "pass:abc", "-noout"],
    );
    assert!(!typed.status.success(), "openssl now strips the \\r");
    openssl(
        dir,
        &["pkey", "-in", "k.pem", "-passin", "pass:abc\r", "-noout"],
    );
}

#[test]
fn refusals_exit_2_print_nothing_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    std::fs::write(dir.join("pass"), PASSPHRASE).unwrap();
    std::fs::write(dir.join("wrong"), "Correct horse battery staple\n").unwrap();
    std::fs::write(dir.join("empty"), "").unwrap();
    std::fs::write(dir.join("newline"), "\n").unwrap();
    std::fs::write(dir.join("lines"), "one\ntwo\n").unwrap();
    std::fs::write(dir.join("crlf"), "one\r\n").unwrap();
    std::fs::write(dir.join("spec.json"), spec("ecdsa", 256)).unwrap();
    openssl(
        dir,
        &[
            "genpkey",
            "-algorithm",
            "ED25519",
            "-aes256",
            "-pass",
            "file:pass",
            "-out",
            "enc.pem",
        ],
    );
    openssl(
        dir,
        &[
            "genpkey",
            "-algorithm",
            "EC",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-out",
            "plain.pem",
        ],
    );
    openssl(
        dir,
        &[
            "pkey",
            "-in",
            "plain.pem",
            "-traditional",
            "-aes256",
            "-passout",
            "file:pass",
            "-out",
            "legacy-ec.pem",
        ],
    );
    openssl(
        dir,
        &[
            "genpkey",
            "-algorithm",
            "RSA",
            "-pkeyopt",
            "rsa_keygen_bits:2048",
            "-out",
            "rsa.pem",
        ],
    );
    openssl(
        dir,
        &[
            "rsa",
            "-in",
            "rsa.pem",
            "-traditional",
            "-aes256",
            "-passout",
            "file:pass",
            "-out",
            "legacy-rsa.pem",
        ],
    );
    openssl(
        dir,
        &[
            "pkcs8",
            "-topk8",
            "-scrypt",
            "-in",
            "plain.pem",
            "-passout",
            "file:pass",
            "-out",
            "scrypt.pem",
        ],
    );
    openssl(
        dir,
        &[
            "pkcs8",
            "-topk8",
            "-v1",
            "PBE-SHA1-3DES",
            "-in",
            "plain.pem",
            "-passout",
            "file:pass",
            "-out",
            "pbes1.pem",
        ],
    );
    let csr = csrcraft(dir, &["genkey", "spec.json"], "");
    assert_ok(&csr);
    let line: serde_json::Value = serde_json::from_slice(&csr.stdout).unwrap();
    std::fs::write(dir.join("request.csr"), line["csr"].as_str().unwrap()).unwrap();

    let wrong = "--passphrase-file wrong: the passphrase does not decrypt the key: it is not the one the key was encrypted with, or the key is damaged; give the right passphrase";
    let empty = |file: &str| {
        format!(
            "--passphrase-file {file}: the passphrase is empty; give a passphrase of at least one character"
        )
    };
    let legacy = |label: &str| {
        format!(
            "key: the {label} is encrypted in OpenSSL's legacy PEM form (Proc-Type: 4,ENCRYPTED, DEK-Info), which csrcraft does not read; convert it to PKCS#8 with `openssl pkcs8 -topk8 -v2 aes-256-cbc -in KEY -out KEY.p8`"
        )
    };
    let unsupported = |what: &str| {
        format!(
            "key: the ENCRYPTED PRIVATE KEY is encrypted with {what}, which csrcraft does not read; re-encrypt it with PBES2, PBKDF2 and AES-256-CBC: `openssl pkcs8 -topk8 -v2 aes-256-cbc -in KEY -out KEY.p8`"
        )
    };
    let gencsr = |key: &'static str, pass: Option<&'static str>| {
        let mut args = vec!["gencsr", "--key", key, "--bare", "out"];
        if let Some(pass) = pass {
            args.extend(["--passphrase-file", pass]);
        }
        args.push("spec.json");
        args
    };
    let cases: Vec<(Vec<&str>, String)> = vec![
        (gencsr("enc.pem", Some("wrong")), wrong.to_owned()),
        (gencsr("enc.pem", Some("empty")), empty("empty")),
        (gencsr("enc.pem", Some("newline")), empty("newline")),
        (
            gencsr("enc.pem", None),
            "--passphrase-file: the key is encrypted (ENCRYPTED PRIVATE KEY) and no passphrase was given; give the passphrase it was encrypted with".to_owned(),
        ),
        (
            gencsr("plain.pem", Some("pass")),
            "--passphrase-file pass: the key is not encrypted (PRIVATE KEY), so it takes no passphrase; leave the passphrase out, or encrypt the key first with `openssl pkcs8 -topk8 -v2 aes-256-cbc -in KEY -out KEY.p8`".to_owned(),
        ),
        (gencsr("legacy-ec.pem", Some("pass")), legacy("EC PRIVATE KEY")),
        (gencsr("legacy-rsa.pem", Some("pass")), legacy("RSA PRIVATE KEY")),
        (gencsr("legacy-rsa.pem", None), legacy("RSA PRIVATE KEY")),
        (gencsr("scrypt.pem", Some("pass")), unsupported("scrypt")),
        (
            gencsr("pbes1.pem", Some("pass")),
            unsupported("PKCS#12 PBE (1.2.840.113549.1.12.1.3)"),
        ),
        (
            gencsr("enc.pem", Some("lines")),
            "--passphrase-file lines: holds more than one line; openssl's file: reads only the first, so put the passphrase alone on one line".to_owned(),
        ),
        (
            gencsr("enc.pem", Some("crlf")),
            "--passphrase-file crlf: the line ends in \\r\\n (a Windows line ending), and openssl's file: keeps the \\r as part of the passphrase; save the file with a \\n line ending, or none".to_owned(),
        ),
        (
            gencsr("enc.pem", Some("missing")),
            "cannot read missing: No such file or directory (os error 2)".to_owned(),
        ),
        (
            vec!["genkey", "--bare", "out", "--passphrase-file", "empty", "spec.json"],
            empty("empty"),
        ),
        (
            vec!["genkey", "--bare", "out", "--passphrase-file", "lines", "spec.json"],
            "--passphrase-file lines: holds more than one line; openssl's file: reads only the first, so put the passphrase alone on one line".to_owned(),
        ),
        (
            vec![
                "manifest", "--signer", "example.com/serving", "--bare", "out",
                "--passphrase-file", "newline", "spec.json",
            ],
            empty("newline"),
        ),
        (
            vec![
                "manifest", "--signer", "example.com/serving", "--bare", "out",
                "--passphrase-file", "pass", "request.csr",
            ],
            "--passphrase-file is given, but given a CSR, manifest makes no key; leave it out".to_owned(),
        ),
        (
            vec!["verify", "request.csr", "--ca", "request.csr", "--passphrase-file", "pass"],
            "--passphrase-file is given, but verify reads no key without --key; leave it out".to_owned(),
        ),
    ];
    let before = files_in(dir);
    for (args, message) in cases {
        let output = csrcraft(dir, &args, "");
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(output.stdout.is_empty(), "{args:?}");
        assert_eq!(
            stderr(&output),
            format!("csrcraft: error: {message}\n"),
            "{args:?}"
        );
        assert_eq!(files_in(dir), before, "{args:?} wrote a file");
    }
}
