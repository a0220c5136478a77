//! csrcraft's keys and CSRs as openssl sees them: every algorithm with every
//! spec of the table; a test CA made with openssl issues a certificate for each.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csrcraft::{KeyFormat, PrivateKey};
use csrcraft_interop::{
    Algorithm, CASES, Case, TestCa, Workdir, algorithm, arg, generate, key_pem, openssl,
    parse_spec, pem_label, public_key_of, public_key_of_private_key, request, run, san_critical,
    sans, signature_algorithm, subject, text, with_key,
};

/// Generates one key for `alg` (through the tutorial spec with that `key`), then
/// makes and checks a CSR for every case with it.
fn check_algorithm(name: &str) {
    let alg = algorithm(name);
    let ca = TestCa::new();
    let dir = Workdir::new();

    let first = &CASES[0];
    let made = generate(&parse_spec(&with_key(first.spec, alg.key)));
    assert_eq!(made.key.algorithm().to_string(), alg.name, "generated key");
    check_key_files(&dir, &alg, &made.key, &made.request);

    for (i, case) in CASES.iter().enumerate() {
        let spec = parse_spec(&with_key(case.spec, alg.key));
        assert_eq!(spec.key_algorithm(), made.key.algorithm());
        let csr = if i == 0 {
            made.request.clone()
        } else {
            request(&spec, &made.key)
        };
        check_csr(&dir, &ca, &alg, case, i, &csr);
    }
}

/// The key, written both ways, is one openssl reads and finds valid, and is the
/// key of the CSR.
fn check_key_files(
    dir: &Workdir,
    alg: &Algorithm,
    key: &PrivateKey,
    csr: &csrcraft::CertificateRequest,
) {
    let csr_path = dir.write("key-check.csr", csr.pem());
    let csr_public_key = public_key_of("req", &csr_path);
    for (format, label) in [
        (KeyFormat::Cfssl, alg.cfssl_label),
        (KeyFormat::Pkcs8, "PRIVATE KEY"),
    ] {
        let ctx = format!("{} key as {format:?}", alg.name);
        let pem = key_pem(key, format);
        assert_eq!(pem_label(&pem), label, "{ctx}");
        let path = dir.write(&format!("key-{format:?}.pem"), &pem);
        assert_eq!(
            public_key_of_private_key(&path),
            csr_public_key,
            "{ctx}: openssl's public key of the key file is not the CSR's"
        );
        let check = openssl(&["pkey", "-in", arg(&path), "-check", "-noout"]);
        assert_eq!(check.trim(), "Key is valid", "{ctx}");
        // And csrcraft reads back what it wrote.
        let again = PrivateKey::from_pem(&pem).unwrap_or_else(|e| panic!("{ctx}: {e}"));
        assert_eq!(key_pem(&again, format), pem, "{ctx}: round trip");
    }
    // Encrypted (PKCS#8 PBES2): openssl opens it with the passphrase file,
    // finds the CSR's key in it, and finds it valid.
    let ctx = format!("{} key encrypted", alg.name);
    let passphrase = dir.write("passphrase", "interop passphrase\n");
    let encrypted = key
        .to_encrypted_pem(b"interop passphrase", &mut getrandom::SysRng)
        .unwrap();
    assert_eq!(
        pem_label(encrypted.as_str()),
        "ENCRYPTED PRIVATE KEY",
        "{ctx}"
    );
    let path = dir.write("key-encrypted.pem", encrypted.as_str());
    let passin = format!("file:{}", arg(&passphrase));
    let opened = openssl(&["pkey", "-in", arg(&path), "-passin", &passin, "-pubout"]);
    assert_eq!(opened, csr_public_key, "{ctx}: openssl's public key");
    let check = openssl(&[
        "pkey",
        "-in",
        arg(&path),
        "-passin",
        &passin,
        "-check",
        "-noout",
    ]);
    assert_eq!(check.trim(), "Key is valid", "{ctx}");
}

fn check_csr(
    dir: &Workdir,
    ca: &TestCa,
    alg: &Algorithm,
    case: &Case,
    index: usize,
    csr: &csrcraft::CertificateRequest,
) {
    let ctx = format!("{} / {}", alg.name, case.name);
    let pem = csr.pem();
    let path = dir.write(&format!("case-{index}.csr"), &pem);
    let der = dir.write(&format!("case-{index}.der"), csr.der());

    // The PEM is exactly openssl's PEM of the DER (label, base64, 64 columns).
    let reencoded = openssl(&["req", "-inform", "DER", "-in", arg(&der), "-outform", "PEM"]);
    assert_eq!(
        pem, reencoded,
        "{ctx}: PEM is not the DER as openssl writes it"
    );

    let verify = run(
        "openssl",
        &["req", "-verify", "-noout", "-in", arg(&path)],
        None,
    );
    assert!(
        format!("{}{}", verify.stdout, verify.stderr).contains("verify OK"),
        "{ctx}: openssl req -verify: {verify:?}"
    );

    let dump = text("req", &path);
    assert!(dump.contains("Version: 1 (0x0)"), "{ctx}: version\n{dump}");
    assert_eq!(subject("req", &path), case.subject, "{ctx}: subject");
    assert_eq!(sans(&dump), case.sans, "{ctx}: subjectAltNames\n{dump}");
    // Go never marks the requested subjectAltName critical, even for an empty
    // subject (the issuer decides that for the certificate).
    let expected_critical = (!case.sans.is_empty()).then_some(false);
    assert_eq!(
        san_critical(&dump),
        expected_critical,
        "{ctx}: critical\n{dump}"
    );
    assert_eq!(signature_algorithm(&dump), alg.signature, "{ctx}\n{dump}");
    let shown: Vec<&str> = dump.lines().map(str::trim).collect();
    for line in alg.public_key {
        assert!(shown.contains(line), "{ctx}: no line {line:?} in\n{dump}");
    }
    if case.sans.is_empty() {
        assert!(
            !dump.contains("X509v3"),
            "{ctx}: extensions without hosts\n{dump}"
        );
    }

    // An issuer that copies the requested extensions keeps everything.
    let cert = ca.sign_with_openssl(&path);
    ca.verify(&cert);
    assert_eq!(
        public_key_of("x509", &cert),
        public_key_of("req", &path),
        "{ctx}: issued certificate's public key"
    );
    assert_eq!(
        subject("x509", &cert),
        case.subject,
        "{ctx}: issued subject"
    );
    let issued = text("x509", &cert);
    assert_eq!(sans(&issued), case.sans, "{ctx}: issued subjectAltNames");
    assert_eq!(
        san_critical(&issued),
        expected_critical,
        "{ctx}: copied as is"
    );
}

#[test]
fn ecdsa_256() {
    check_algorithm("ecdsa-256");
}

#[test]
fn ecdsa_384() {
    check_algorithm("ecdsa-384");
}

#[test]
fn ecdsa_521() {
    check_algorithm("ecdsa-521");
}

#[test]
fn rsa_2048() {
    check_algorithm("rsa-2048");
}

#[test]
fn rsa_3072() {
    check_algorithm("rsa-3072");
}

#[test]
fn rsa_4096() {
    check_algorithm("rsa-4096");
}

#[test]
fn ed25519() {
    check_algorithm("ed25519");
}

/// A spec without `key` gets cfssl's default, ecdsa P-256.
#[test]
fn default_key_is_ecdsa_256() {
    let made = generate(&parse_spec(CASES[0].spec));
    assert_eq!(made.key.algorithm().to_string(), "ecdsa-256");
    let dir = Workdir::new();
    let path = dir.write("default.csr", made.request.pem());
    assert_eq!(
        signature_algorithm(&text("req", &path)),
        "ecdsa-with-SHA256"
    );
}

/// Keys that openssl wrote, in each of its usual forms, are read by csrcraft,
/// and the CSR it makes for them carries their public key.
#[test]
fn reads_keys_openssl_writes() {
    let dir = Workdir::new();
    let spec = parse_spec(CASES[0].spec);
    let generators: [(&str, &[&str]); 5] = [
        (
            "ecdsa-256",
            &["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
        ),
        (
            "ecdsa-384",
            &["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"],
        ),
        (
            "ecdsa-521",
            &["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-521"],
        ),
        (
            "rsa-2048",
            &["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"],
        ),
        ("ed25519", &["-algorithm", "ED25519"]),
    ];
    for (name, generator) in generators {
        let pkcs8 = dir.path(&format!("{name}.pkcs8.pem"));
        let mut args = vec!["genpkey"];
        args.extend_from_slice(generator);
        args.extend(["-out", arg(&pkcs8)]);
        openssl(&args);
        let expected = public_key_of_private_key(&pkcs8);

        let mut forms = vec![("PKCS#8", std::fs::read_to_string(&pkcs8).unwrap())];
        if name != "ed25519" {
            // EC PRIVATE KEY (SEC1) / RSA PRIVATE KEY (PKCS#1).
            let traditional = openssl(&["pkey", "-in", arg(&pkcs8), "-traditional"]);
            forms.push(("traditional", traditional));
        }
        if name.starts_with("ecdsa") {
            // `openssl ecparam -genkey` style: EC PARAMETERS, then EC PRIVATE KEY.
            let sec1 = openssl(&["pkey", "-in", arg(&pkcs8), "-traditional"]);
            let curve = openssl(&["pkey", "-in", arg(&pkcs8), "-noout", "-text"]);
            let curve = curve
                .lines()
                .find_map(|l| l.trim().strip_prefix("ASN1 OID: "))
                .unwrap()
                .to_owned();
            let params = openssl(&["ecparam", "-name", &curve]);
            forms.push(("EC PARAMETERS + EC PRIVATE KEY", format!("{params}{sec1}")));
        }
        for (form, pem) in forms {
            let ctx = format!("openssl {name} key, {form}");
            let key = PrivateKey::from_pem(&pem).unwrap_or_else(|e| panic!("{ctx}: {e}"));
            assert_eq!(key.algorithm().to_string(), name, "{ctx}");
            let csr = dir.write("theirs.csr", request(&spec, &key).pem());
            run(
                "openssl",
                &["req", "-verify", "-noout", "-in", arg(&csr)],
                None,
            );
            assert_eq!(public_key_of("req", &csr), expected, "{ctx}: public key");
        }
    }
}

/// csrcraft's Ed25519 key file has the shape of openssl's (PKCS#8 v1 without
/// the optional public key, as Go writes it too).
#[test]
fn ed25519_key_file_has_openssls_shape() {
    let dir = Workdir::new();
    let theirs = dir.path("openssl-ed25519.pem");
    openssl(&["genpkey", "-algorithm", "ED25519", "-out", arg(&theirs)]);
    let made = generate(&parse_spec(&with_key(
        CASES[0].spec,
        r#"{"algo":"ed25519"}"#,
    )));
    let ours = dir.write("csrcraft-ed25519.pem", key_pem(&made.key, KeyFormat::Cfssl));
    csrcraft_interop::assert_same_lines(
        "ed25519 PKCS#8 key (csrcraft vs openssl)",
        &csrcraft_interop::key_structure(&ours, true),
        &csrcraft_interop::key_structure(&theirs, true),
    );
}
