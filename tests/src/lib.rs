//! Shared helpers for csrcraft's interop tests: running `openssl` and `cfssl`,
//! temporary work directories, a throwaway test CA, and the table of specs and
//! key algorithms every interop test walks through.
//!
//! The tools are installed by `scripts/setup`; a test that cannot find one
//! fails (it never skips), saying so.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};

pub use tempfile::TempDir;

pub mod x509_compare;

/// What a finished command printed.
#[derive(Debug)]
pub struct Output {
    /// Whether it exited with status 0.
    pub success: bool,
    /// Its standard output.
    pub stdout: String,
    /// Its standard error.
    pub stderr: String,
}

/// Runs `program args...`, feeding `stdin` (if any), and returns what it printed,
/// whatever its exit status. Panics if the program cannot be started; a missing
/// program gets a message pointing at `scripts/setup`.
pub fn try_run(program: &str, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(program)
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                panic!(
                    "`{program}` is not installed (not found on PATH); the interop tests need openssl and cfssl: run scripts/setup"
                )
            }
            panic!("cannot start `{program}`: {e}")
        });
    // Write stdin from another thread so a chatty child cannot deadlock us.
    let writer = stdin.map(|input| {
        let input = input.to_vec();
        let mut pipe = child.stdin.take().expect("stdin is piped");
        std::thread::spawn(move || pipe.write_all(&input))
    });
    let output = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("waiting for `{program}` failed: {e}"));
    if let Some(writer) = writer {
        // A child may exit without reading all its input; its output says why.
        let _ = writer.join();
    }
    Output {
        success: output.status.success(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Runs `program args...` and returns its output; panics, showing the command
/// line, stdout and stderr, unless it exits with status 0.
pub fn run(program: &str, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let output = try_run(program, args, stdin);
    assert!(
        output.success,
        "`{program} {}` failed\n--- stdout ---\n{}\n--- stderr ---\n{}",
        args.join(" "),
        output.stdout,
        output.stderr
    );
    output
}

/// `openssl args...`, which must succeed; returns its stdout.
pub fn openssl(args: &[&str]) -> String {
    run("openssl", args, None).stdout
}

/// Path as `&str` for a command line (our temp paths are UTF-8).
pub fn arg(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8")
}

/// A temporary directory, removed when dropped.
#[derive(Debug)]
pub struct Workdir {
    dir: TempDir,
}

impl Workdir {
    /// Makes a fresh temporary directory.
    pub fn new() -> Self {
        Self {
            dir: tempfile::Builder::new()
                .prefix("csrcraft-interop-")
                .tempdir()
                .expect("create a temporary directory"),
        }
    }

    /// The path of `name` inside the directory.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes `contents` to `name` and returns its path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, contents).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        path
    }
}

impl Default for Workdir {
    fn default() -> Self {
        Self::new()
    }
}

/// A throwaway certificate authority (P-256, PKCS#8 key) made with openssl,
/// which both `cfssl sign` and `openssl x509 -req` can use.
#[derive(Debug)]
pub struct TestCa {
    dir: Workdir,
    /// The CA certificate, PEM.
    pub cert: PathBuf,
    /// The CA private key, PEM (PKCS#8).
    pub key: PathBuf,
}

static SERIAL: AtomicU64 = AtomicU64::new(1000);

impl TestCa {
    /// Makes a new CA in its own temporary directory.
    pub fn new() -> Self {
        let dir = Workdir::new();
        let cert = dir.path("ca.pem");
        let key = dir.path("ca-key.pem");
        openssl(&[
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-keyout",
            arg(&key),
            "-out",
            arg(&cert),
            "-subj",
            "/O=csrcraft interop tests/CN=csrcraft interop test CA",
            "-days",
            "30",
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,keyCertSign,cRLSign",
        ]);
        Self { dir, cert, key }
    }

    /// Issues a certificate for the CSR at `csr` with `cfssl sign` (default
    /// policy: the CSR's subject and SANs) and returns the path of the PEM.
    pub fn sign_with_cfssl(&self, csr: &Path) -> PathBuf {
        let output = run(
            "cfssl",
            &[
                "sign",
                "-ca",
                arg(&self.cert),
                "-ca-key",
                arg(&self.key),
                arg(csr),
            ],
            None,
        );
        let json: serde_json::Value = serde_json::from_str(&output.stdout).unwrap_or_else(|e| {
            panic!(
                "cfssl sign printed no JSON ({e})\n--- stdout ---\n{}\n--- stderr ---\n{}",
                output.stdout, output.stderr
            )
        });
        let pem = json["cert"]
            .as_str()
            .unwrap_or_else(|| panic!("cfssl sign printed no \"cert\": {}", output.stdout));
        assert!(pem.starts_with("-----BEGIN CERTIFICATE-----"), "{pem}");
        self.write_cert(pem)
    }

    /// Issues a certificate for the CSR at `csr` with `openssl x509 -req`,
    /// copying all its requested extensions, and returns the path of the PEM.
    pub fn sign_with_openssl(&self, csr: &Path) -> PathBuf {
        let out = self.next_cert_path();
        let serial = SERIAL.fetch_add(1, Ordering::Relaxed).to_string();
        openssl(&[
            "x509",
            "-req",
            "-in",
            arg(csr),
            "-CA",
            arg(&self.cert),
            "-CAkey",
            arg(&self.key),
            "-set_serial",
            &serial,
            "-days",
            "1",
            "-copy_extensions",
            "copy",
            "-out",
            arg(&out),
        ]);
        out
    }

    /// Asserts that `openssl verify` accepts `cert` as issued by this CA.
    pub fn verify(&self, cert: &Path) {
        let output = run(
            "openssl",
            &["verify", "-CAfile", arg(&self.cert), arg(cert)],
            None,
        );
        assert_eq!(
            output.stdout.trim(),
            format!("{}: OK", cert.display()),
            "openssl verify: {}",
            output.stderr
        );
    }

    fn next_cert_path(&self) -> PathBuf {
        let n = SERIAL.fetch_add(1, Ordering::Relaxed);
        self.dir.path(&format!("issued-{n}.pem"))
    }

    fn write_cert(&self, pem: &str) -> PathBuf {
        let path = self.next_cert_path();
        std::fs::write(&path, pem).expect("write the issued certificate");
        path
    }
}

impl Default for TestCa {
    fn default() -> Self {
        Self::new()
    }
}

// ---------------------------------------------------------------------------
// openssl's view of CSRs, certificates and keys.

/// The `-nameopt` for subjects: one line, forward RDN order, UTF-8 shown as
/// is, each value with its ASN.1 string type (`O = PRINTABLESTRING:dev`).
pub const NAMEOPT: &str = "oneline,-esc_msb,show_type";

/// `openssl req|x509 -text` of `file` (`kind` is `req` or `x509`).
pub fn text(kind: &str, file: &Path) -> String {
    openssl(&[
        kind,
        "-in",
        arg(file),
        "-noout",
        "-text",
        "-nameopt",
        NAMEOPT,
    ])
}

/// The subject of a CSR or certificate, as `openssl -subject -nameopt NAMEOPT`
/// prints it, without the `subject=` prefix.
pub fn subject(kind: &str, file: &Path) -> String {
    let out = openssl(&[
        kind,
        "-in",
        arg(file),
        "-noout",
        "-subject",
        "-nameopt",
        NAMEOPT,
    ]);
    out.trim_end()
        .strip_prefix("subject=")
        .unwrap_or_else(|| panic!("unexpected -subject output: {out:?}"))
        .to_owned()
}

/// The subjectAltNames in an `openssl -text` dump, as openssl names them
/// (`DNS:a.example`, `IP Address:10.0.0.1`); empty when there are none.
pub fn sans(text: &str) -> Vec<String> {
    let mut lines = text.lines();
    if lines
        .find(|l| l.contains("X509v3 Subject Alternative Name:"))
        .is_none()
    {
        return Vec::new();
    }
    let values = lines.next().expect("a line of names after the header");
    values.trim().split(", ").map(str::to_owned).collect()
}

/// Whether the subjectAltName extension in an `openssl -text` dump is marked
/// critical; `None` when there is none.
pub fn san_critical(text: &str) -> Option<bool> {
    let header = text
        .lines()
        .find(|l| l.contains("X509v3 Subject Alternative Name:"))?;
    Some(header.trim_end().ends_with("critical"))
}

/// The one signature algorithm an `openssl req -text` dump names.
pub fn signature_algorithm(text: &str) -> String {
    let mut found: Vec<&str> = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix("Signature Algorithm: "))
        .collect();
    found.dedup();
    assert_eq!(
        found.len(),
        1,
        "one signature algorithm expected in:\n{text}"
    );
    found[0].to_owned()
}

/// The public key of a CSR or certificate (`kind` `req` or `x509`), PEM SPKI.
pub fn public_key_of(kind: &str, file: &Path) -> String {
    openssl(&[kind, "-in", arg(file), "-noout", "-pubkey"])
}

/// The public key of a private key file, PEM SPKI, as openssl derives it.
pub fn public_key_of_private_key(key: &Path) -> String {
    openssl(&["pkey", "-in", arg(key), "-pubout"])
}

/// The label of the first PEM block in `pem`.
pub fn pem_label(pem: &str) -> &str {
    pem.lines()
        .next()
        .and_then(|l| l.strip_prefix("-----BEGIN "))
        .and_then(|l| l.strip_suffix("-----"))
        .unwrap_or_else(|| panic!("not PEM: {pem:?}"))
}

// ---------------------------------------------------------------------------
// `openssl asn1parse`, normalised for comparing structures.

/// One line of `openssl asn1parse`, without its offset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Asn1Line {
    /// Nesting depth (`d=`).
    pub depth: usize,
    /// Header length (`hl=`).
    pub header_len: usize,
    /// Content length (`l=`).
    pub len: usize,
    /// `cons` or `prim`.
    pub form: String,
    /// The type as openssl names it: `SEQUENCE`, `PRINTABLESTRING`, `cont [ 0 ]`.
    pub tag: String,
    /// What follows the type's colon: an OID's name, a string, a hex dump.
    pub value: String,
}

/// Parses the output of `openssl asn1parse`.
pub fn asn1parse(der_or_pem_file: &Path, inform: &str) -> Vec<Asn1Line> {
    let out = openssl(&["asn1parse", "-inform", inform, "-in", arg(der_or_pem_file)]);
    out.lines().map(parse_asn1_line).collect()
}

fn parse_asn1_line(line: &str) -> Asn1Line {
    fn unexpected<T>(line: &str) -> T {
        panic!("unexpected asn1parse line {line:?}")
    }
    /// Reads `key` then a number, e.g. `l= 229`; returns it and the rest.
    fn number<'a>(line: &str, rest: &'a str, key: &str) -> (usize, &'a str) {
        let rest = rest.trim_start();
        let rest = rest
            .strip_prefix(key)
            .unwrap_or_else(|| unexpected(line))
            .trim_start();
        let end = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let n = rest[..end].parse().unwrap_or_else(|_| unexpected(line));
        (n, &rest[end..])
    }
    // "   13:d=4  hl=2 l=  10 cons: SEQUENCE          "
    let (_offset, rest) = line.split_once(':').unwrap_or_else(|| unexpected(line));
    let (depth, rest) = number(line, rest, "d=");
    let (header_len, rest) = number(line, rest, "hl=");
    let (len, rest) = number(line, rest, "l=");
    let (form, rest) = rest
        .trim_start()
        .split_once(':')
        .unwrap_or_else(|| unexpected(line));
    let (tag, value) = rest.split_once(':').unwrap_or((rest, ""));
    Asn1Line {
        depth,
        header_len,
        len,
        form: form.to_owned(),
        tag: tag.trim().to_owned(),
        value: value.trim_end().to_owned(),
    }
}

/// A CSR's `asn1parse` dump as lines `d=.. hl=.. l=.. form TYPE :value`,
/// leaving out only what depends on the key's randomness: every offset, the
/// outer SEQUENCE's lengths, and the signature BIT STRING's lengths (an ECDSA
/// signature's DER length varies). Everything else — version, subject (RDN
/// order, string types, multi-valued RDNs), public key algorithm and size,
/// attributes (hex dump of the subjectAltName extension), and signature
/// algorithm — must match byte for byte.
pub fn csr_structure(csr_pem: &Path) -> Vec<String> {
    let lines = asn1parse(csr_pem, "PEM");
    let last = lines.len() - 1;
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let key_dependent = i == 0 || (i == last && l.depth == 1 && l.tag == "BIT STRING");
            let lengths = if key_dependent {
                "hl=* l=*".to_owned()
            } else {
                format!("hl={} l={}", l.header_len, l.len)
            };
            let value = if l.value.is_empty() {
                String::new()
            } else {
                format!(" :{}", l.value)
            };
            format!("d={} {lengths} {} {}{value}", l.depth, l.form, l.tag)
        })
        .collect()
}

/// A private key's `asn1parse` dump reduced to its shape: depth, form and type
/// of each element, OIDs and (with `lengths`) element lengths; key material
/// (INTEGER values, hex dumps) left out.
pub fn key_structure(key_pem: &Path, lengths: bool) -> Vec<String> {
    asn1parse(key_pem, "PEM")
        .iter()
        .map(|l| {
            let value = if l.tag == "OBJECT" {
                format!(" :{}", l.value)
            } else {
                String::new()
            };
            let len = if lengths {
                format!(" l={}", l.len)
            } else {
                String::new()
            };
            format!("d={}{len} {} {}{value}", l.depth, l.form, l.tag)
        })
        .collect()
}

/// Panics, showing both dumps and where they part, unless they are equal.
pub fn assert_same_lines(what: &str, ours: &[String], theirs: &[String]) {
    if ours == theirs {
        return;
    }
    let at = ours
        .iter()
        .zip(theirs)
        .position(|(a, b)| a != b)
        .unwrap_or(ours.len().min(theirs.len()));
    let show = |lines: &[String]| {
        lines
            .iter()
            .enumerate()
            .map(|(i, l)| format!("{}{i:3} {l}", if i == at { ">" } else { " " }))
            .collect::<Vec<_>>()
            .join("\n")
    };
    panic!(
        "{what}: structures differ from line {at}\n--- ours (csrcraft) ---\n{}\n--- theirs ---\n{}",
        show(ours),
        show(theirs)
    );
}

// ---------------------------------------------------------------------------
// What csrcraft makes.

/// Parses `spec` (panicking with csrcraft's message if it is refused).
pub fn parse_spec(spec: &str) -> csrcraft::Spec {
    csrcraft::Spec::from_json(spec)
        .unwrap_or_else(|e| panic!("csrcraft refused the spec {spec}: {e}"))
        .value
}

/// `spec` (a JSON object) with its `key` set to `key` (a JSON object).
pub fn with_key(spec: &str, key: &str) -> String {
    let mut value: serde_json::Value = serde_json::from_str(spec).expect("spec is JSON");
    value["key"] = serde_json::from_str(key).expect("key is JSON");
    value.to_string()
}

/// Generates a key and CSR for `spec` with the system RNG.
pub fn generate(spec: &csrcraft::Spec) -> csrcraft::KeyAndRequest {
    csrcraft::generate(spec, &mut getrandom::SysRng)
        .unwrap_or_else(|e| panic!("csrcraft::generate failed: {e}"))
}

/// Makes the CSR for `spec` with an existing `key`.
pub fn request(spec: &csrcraft::Spec, key: &csrcraft::PrivateKey) -> csrcraft::CertificateRequest {
    csrcraft::CertificateRequest::new(spec, key, &mut getrandom::SysRng)
        .unwrap_or_else(|e| panic!("csrcraft::CertificateRequest::new failed: {e}"))
}

/// The key as PEM text in `format`.
pub fn key_pem(key: &csrcraft::PrivateKey, format: csrcraft::KeyFormat) -> String {
    key.to_pem(format)
        .unwrap_or_else(|e| panic!("to_pem({format:?}) failed: {e}"))
        .as_str()
        .to_owned()
}

// ---------------------------------------------------------------------------
// The table every interop test walks through.

/// A key algorithm as a spec asks for it, and how openssl shows its CSRs.
#[derive(Clone, Copy, Debug)]
pub struct Algorithm {
    /// csrcraft's name for it (`KeyAlgorithm`'s Display), e.g. `ecdsa-256`.
    pub name: &'static str,
    /// The spec's `key` object.
    pub key: &'static str,
    /// The CSR signature algorithm openssl reports.
    pub signature: &'static str,
    /// Lines `openssl req -text` shows for the public key.
    pub public_key: &'static [&'static str],
    /// The PEM label of the key written as cfssl writes it.
    pub cfssl_label: &'static str,
    /// Whether Debian's cfssl 1.2 can generate and sign it (it has no Ed25519).
    pub cfssl: bool,
}

/// Every algorithm csrcraft generates except rsa-8192 (too slow to generate
/// in a debug build for every CI run; its only difference from rsa-4096 is
/// the size, and 4096 already takes the sha512WithRSAEncryption branch).
pub const ALGORITHMS: [Algorithm; 7] = [
    Algorithm {
        name: "ecdsa-256",
        key: r#"{"algo": "ecdsa", "size": 256}"#,
        signature: "ecdsa-with-SHA256",
        public_key: &[
            "Public Key Algorithm: id-ecPublicKey",
            "Public-Key: (256 bit)",
            "NIST CURVE: P-256",
        ],
        cfssl_label: "EC PRIVATE KEY",
        cfssl: true,
    },
    Algorithm {
        name: "ecdsa-384",
        key: r#"{"algo": "ecdsa", "size": 384}"#,
        signature: "ecdsa-with-SHA384",
        public_key: &[
            "Public Key Algorithm: id-ecPublicKey",
            "Public-Key: (384 bit)",
            "NIST CURVE: P-384",
        ],
        cfssl_label: "EC PRIVATE KEY",
        cfssl: true,
    },
    Algorithm {
        name: "ecdsa-521",
        key: r#"{"algo": "ecdsa", "size": 521}"#,
        signature: "ecdsa-with-SHA512",
        public_key: &[
            "Public Key Algorithm: id-ecPublicKey",
            "Public-Key: (521 bit)",
            "NIST CURVE: P-521",
        ],
        cfssl_label: "EC PRIVATE KEY",
        cfssl: true,
    },
    Algorithm {
        name: "rsa-2048",
        key: r#"{"algo": "rsa", "size": 2048}"#,
        signature: "sha256WithRSAEncryption",
        public_key: &[
            "Public Key Algorithm: rsaEncryption",
            "Public-Key: (2048 bit)",
            "Exponent: 65537 (0x10001)",
        ],
        cfssl_label: "RSA PRIVATE KEY",
        cfssl: true,
    },
    Algorithm {
        name: "rsa-3072",
        key: r#"{"algo": "rsa", "size": 3072}"#,
        signature: "sha384WithRSAEncryption",
        public_key: &[
            "Public Key Algorithm: rsaEncryption",
            "Public-Key: (3072 bit)",
            "Exponent: 65537 (0x10001)",
        ],
        cfssl_label: "RSA PRIVATE KEY",
        cfssl: true,
    },
    Algorithm {
        name: "rsa-4096",
        key: r#"{"algo": "rsa", "size": 4096}"#,
        signature: "sha512WithRSAEncryption",
        public_key: &[
            "Public Key Algorithm: rsaEncryption",
            "Public-Key: (4096 bit)",
            "Exponent: 65537 (0x10001)",
        ],
        cfssl_label: "RSA PRIVATE KEY",
        cfssl: true,
    },
    Algorithm {
        name: "ed25519",
        key: r#"{"algo": "ed25519"}"#,
        signature: "ED25519",
        public_key: &["Public Key Algorithm: ED25519", "ED25519 Public-Key:"],
        cfssl_label: "PRIVATE KEY",
        cfssl: false,
    },
];

/// The algorithm named `name` in [`ALGORITHMS`].
pub fn algorithm(name: &str) -> Algorithm {
    *ALGORITHMS
        .iter()
        .find(|a| a.name == name)
        .unwrap_or_else(|| panic!("no algorithm {name}"))
}

/// A spec and exactly what openssl must show for the CSR made from it.
#[derive(Clone, Copy, Debug)]
pub struct Case {
    /// A short name for messages.
    pub name: &'static str,
    /// The cfssl CSR JSON, without `key` (each algorithm adds its own).
    pub spec: &'static str,
    /// The subject as `-nameopt` [`NAMEOPT`] prints it.
    pub subject: &'static str,
    /// The subjectAltNames as openssl prints them, in the CSR's order (Go's:
    /// DNS names, emails, IPs, URIs).
    pub sans: &'static [&'static str],
    /// The subject of the certificate Debian's cfssl 1.2 issues, where it
    /// differs from the CSR's: it re-encodes the subject from Go's `pkix.Name`,
    /// which drops attributes it has no field for (emailAddress) and moves
    /// those it has (street) into its own order.
    pub cfssl_issued_subject: Option<&'static str>,
    /// The subjectAltNames in the certificate cfssl 1.2 issues, where they
    /// differ from the CSR's: cfssl 1.2 predates URI SANs and drops them.
    pub cfssl_issued_sans: Option<&'static [&'static str]>,
    /// Whether Debian's cfssl 1.2 `genkey` understands everything in the spec
    /// (it has no `E` or `OID` names, no URI or internationalized hosts), so
    /// that the two CSRs can be compared structure for structure.
    pub cfssl_genkey: bool,
}

/// The specs every algorithm is tried with.
pub const CASES: &[Case] = &[
    Case {
        name: "kubernetes tutorial",
        spec: r#"{
            "CN": "my-pod.my-namespace.pod.cluster.local",
            "hosts": [
                "my-svc.my-namespace.svc.cluster.local",
                "my-pod.my-namespace.pod.cluster.local",
                "172.168.0.24",
                "10.0.34.2"
            ],
            "names": [{"C": "CN", "ST": "Beijing", "L": "Beijing", "O": "example", "OU": "example"}]
        }"#,
        subject: "C = PRINTABLESTRING:CN, ST = PRINTABLESTRING:Beijing, L = PRINTABLESTRING:Beijing, \
                  O = PRINTABLESTRING:example, OU = PRINTABLESTRING:example, \
                  CN = PRINTABLESTRING:my-pod.my-namespace.pod.cluster.local",
        sans: &[
            "DNS:my-svc.my-namespace.svc.cluster.local",
            "DNS:my-pod.my-namespace.pod.cluster.local",
            "IP Address:172.168.0.24",
            "IP Address:10.0.34.2",
        ],
        cfssl_issued_subject: None,
        cfssl_issued_sans: None,
        cfssl_genkey: true,
    },
    Case {
        name: "kubernetes client, two groups",
        spec: r#"{"CN": "alice", "names": [{"O": "dev"}, {"O": "ops"}]}"#,
        subject: "O = PRINTABLESTRING:dev + O = PRINTABLESTRING:ops, CN = PRINTABLESTRING:alice",
        sans: &[],
        cfssl_issued_subject: None,
        cfssl_issued_sans: None,
        cfssl_genkey: true,
    },
    Case {
        // DER sorts a SET OF by encoding, shorter first: "dev" before
        // "system:masters" whatever the spec's order.
        name: "kubernetes client, groups out of DER order",
        spec: r#"{"CN": "bob", "names": [{"O": "system:masters", "OU": "b"}, {"O": "dev", "OU": "a"}]}"#,
        subject: "O = PRINTABLESTRING:dev + O = PRINTABLESTRING:system:masters, \
                  OU = PRINTABLESTRING:a + OU = PRINTABLESTRING:b, CN = PRINTABLESTRING:bob",
        sans: &[],
        cfssl_issued_subject: None,
        cfssl_issued_sans: None,
        cfssl_genkey: true,
    },
    Case {
        name: "IPv6 hosts",
        spec: r#"{"CN": "v6.example.com", "hosts": ["2001:db8::1", "v6.example.com", "::1", "::ffff:10.0.0.1"]}"#,
        subject: "CN = PRINTABLESTRING:v6.example.com",
        sans: &[
            "DNS:v6.example.com",
            "IP Address:2001:DB8:0:0:0:0:0:1",
            "IP Address:0:0:0:0:0:0:0:1",
            "IP Address:10.0.0.1",
        ],
        cfssl_issued_subject: None,
        cfssl_issued_sans: None,
        cfssl_genkey: true,
    },
    Case {
        name: "email and URI hosts",
        spec: r#"{
            "CN": "web",
            "hosts": ["spiffe://cluster.local/ns/default/sa/web", "10.1.2.3", "admin@example.com", "web.default.svc"]
        }"#,
        subject: "CN = PRINTABLESTRING:web",
        sans: &[
            "DNS:web.default.svc",
            "email:admin@example.com",
            "IP Address:10.1.2.3",
            "URI:spiffe://cluster.local/ns/default/sa/web",
        ],
        cfssl_issued_subject: None,
        cfssl_issued_sans: Some(&[
            "DNS:web.default.svc",
            "email:admin@example.com",
            "IP Address:10.1.2.3",
        ]),
        cfssl_genkey: false,
    },
    Case {
        name: "email host without URI",
        spec: r#"{"CN": "mail", "hosts": ["admin@example.com", "mail.example.com", "192.0.2.7"]}"#,
        subject: "CN = PRINTABLESTRING:mail",
        sans: &[
            "DNS:mail.example.com",
            "email:admin@example.com",
            "IP Address:192.0.2.7",
        ],
        cfssl_issued_subject: None,
        cfssl_issued_sans: None,
        cfssl_genkey: true,
    },
    Case {
        // '&' is not PrintableString; Go (so cfssl) then uses UTF8String.
        name: "Unicode subject",
        spec: r#"{
            "CN": "Bücher-Service",
            "names": [{"C": "DE", "L": "北京", "O": "Bücher GmbH", "OU": "Einkauf & Vertrieb"}]
        }"#,
        subject: "C = PRINTABLESTRING:DE, L = UTF8STRING:北京, O = UTF8STRING:Bücher GmbH, \
                  OU = UTF8STRING:Einkauf & Vertrieb, CN = UTF8STRING:Bücher-Service",
        sans: &[],
        cfssl_issued_subject: None,
        cfssl_issued_sans: None,
        cfssl_genkey: true,
    },
    Case {
        // '*' is not PrintableString for Go either.
        name: "wildcard host",
        spec: r#"{"CN": "*.apps.example.com", "hosts": ["*.apps.example.com", "apps.example.com"]}"#,
        subject: "CN = UTF8STRING:*.apps.example.com",
        sans: &["DNS:*.apps.example.com", "DNS:apps.example.com"],
        cfssl_issued_subject: None,
        cfssl_issued_sans: None,
        cfssl_genkey: true,
    },
    Case {
        name: "internationalized DNS name",
        spec: r#"{"CN": "bücher.example", "hosts": ["bücher.example", "*.bücher.example", "info@bücher.example"]}"#,
        subject: "CN = UTF8STRING:bücher.example",
        sans: &[
            "DNS:xn--bcher-kva.example",
            "DNS:*.xn--bcher-kva.example",
            "email:info@xn--bcher-kva.example",
        ],
        cfssl_issued_subject: None,
        cfssl_issued_sans: None,
        cfssl_genkey: false,
    },
    Case {
        name: "serial number",
        spec: r#"{"CN": "device", "serialnumber": "SN-0042", "names": [{"C": "US", "O": "Example Inc"}]}"#,
        subject: "C = PRINTABLESTRING:US, O = PRINTABLESTRING:Example Inc, CN = PRINTABLESTRING:device, \
                  serialNumber = PRINTABLESTRING:SN-0042",
        sans: &[],
        cfssl_issued_subject: None,
        cfssl_issued_sans: None,
        cfssl_genkey: true,
    },
    Case {
        // E and OID values each get an RDN of their own after the standard ones.
        name: "email address and OID attributes",
        spec: r#"{
            "CN": "device-7",
            "serialnumber": "7",
            "names": [{"O": "Example Inc", "E": "admin@example.com", "OID": {"2.5.4.9": "1 Main St"}}]
        }"#,
        subject: "O = PRINTABLESTRING:Example Inc, CN = PRINTABLESTRING:device-7, \
                  serialNumber = PRINTABLESTRING:7, street = PRINTABLESTRING:1 Main St, \
                  emailAddress = UTF8STRING:admin@example.com",
        sans: &[],
        cfssl_issued_subject: Some(
            "street = PRINTABLESTRING:1 Main St, O = PRINTABLESTRING:Example Inc, \
             CN = PRINTABLESTRING:device-7, serialNumber = PRINTABLESTRING:7",
        ),
        cfssl_issued_sans: None,
        cfssl_genkey: false,
    },
    Case {
        name: "hosts only, empty subject",
        spec: r#"{"hosts": ["only.example.com"]}"#,
        subject: "",
        sans: &["DNS:only.example.com"],
        cfssl_issued_subject: None,
        cfssl_issued_sans: None,
        cfssl_genkey: true,
    },
];
