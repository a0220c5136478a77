//! `csrcraft inspect`: the real binary on the core's inspect fixtures.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use common::{csrcraft, stderr};

const AT: &str = "2026-06-01T12:00:00Z";

/// The fixtures shared with the core's tests.
fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/data/inspect")
}

fn fixture(name: &str) -> String {
    data().join(name).to_str().unwrap().to_owned()
}

/// What the core shows for the same input and time.
fn core_text(name: &str) -> String {
    let bytes = std::fs::read(data().join(name)).unwrap();
    let at = csrcraft::UnixTime::parse_rfc3339(AT).unwrap();
    csrcraft::inspect(&bytes, at).unwrap().to_text()
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn prints_the_text_view_of_a_file() {
    for name in [
        "chain.pem",
        "leaf.der",
        "kubectl-issued.json",
        "constrained-ca.pem",
        "unknown-critical.pem",
    ] {
        let output = csrcraft(&data(), &["inspect", "--at", AT, &fixture(name)], "");
        assert!(output.status.success(), "{name}: {}", stderr(&output));
        assert_eq!(stdout(&output), core_text(name), "{name}");
        assert!(output.stderr.is_empty());
    }
}

#[test]
fn reads_standard_input() {
    let yaml = std::fs::read_to_string(data().join("kubectl-failed.yaml")).unwrap();
    let output = csrcraft(&data(), &["inspect", "--at", AT, "-"], &yaml);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("Kubernetes CertificateSigningRequest\n"),
        "{text}"
    );
    assert!(
        text.contains("subject organization is not system:nodes"),
        "{text}"
    );
}

#[test]
fn json_for_machines() {
    let output = csrcraft(
        &data(),
        &[
            "inspect",
            "--json",
            "--at",
            AT,
            &fixture("kubectl-issued.json"),
        ],
        "",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["input"], "kubernetes-json");
    assert_eq!(json["at"], AT);
    assert_eq!(json["kubernetes"]["signer_name"], "example.com/serving");
    assert_eq!(json["request"]["self_signature"]["ok"], true);
    assert_eq!(json["certificates"].as_array().unwrap().len(), 2);
    assert_eq!(
        json["certificates"][0]["validity"]["summary"],
        "expires in 213d 12h"
    );
}

#[test]
fn name_constraints_and_unknown_critical_extensions() {
    let output = csrcraft(
        &data(),
        &["inspect", "--at", AT, &fixture("constrained-ca.pem")],
        "",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    for line in [
        "  Basic Constraints:    CA:TRUE, pathlen:1 (critical)\n",
        "  Name Constraints:     (critical)\n",
        "    Permitted:          DNS:example.com\n",
        "                        IP:2001:DB8:0:0:0:0:0:0/FFFF:FFFF:0:0:0:0:0:0\n",
        "    Excluded:           DNS:bad.example.com\n",
        "                        DirName:O=csrcraft, OU=revoked\n",
    ] {
        assert!(text.contains(line), "{line:?} in\n{text}");
    }

    let output = csrcraft(
        &data(),
        &[
            "inspect",
            "--json",
            "--at",
            AT,
            &fixture("unknown-critical.pem"),
        ],
        "",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let certificate = &json["certificates"][0];
    assert_eq!(certificate["name_constraints"], serde_json::Value::Null);
    let unknown: Vec<&serde_json::Value> = certificate["extensions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["understood"] == false)
        .collect();
    assert_eq!(unknown.len(), 1, "{certificate}");
    assert_eq!(unknown[0]["oid"], "1.3.6.1.4.1.32473.1");
    assert_eq!(unknown[0]["critical"], true);
    let text = core_text("unknown-critical.pem");
    assert!(
        text.contains("1.3.6.1.4.1.32473.1 (critical, not understood by path validation)\n"),
        "{text}"
    );
}

#[test]
fn a_malformed_name_constraints_extension_exits_2() {
    // constrained-ca.pem with its first permitted dNSName's tag made constructed.
    let pem = std::fs::read_to_string(data().join("constrained-ca.pem")).unwrap();
    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let mut der = base64::Engine::decode(&base64::engine::general_purpose::STANDARD, body).unwrap();
    let needle = [&[0x82, 0x0b][..], b"example.com"].concat();
    let at = der.windows(needle.len()).position(|w| w == needle).unwrap();
    der[at] = 0xa2;
    let tampered = format!(
        "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n",
        base64::Engine::encode(&base64::engine::general_purpose::STANDARD, &der)
    );
    let output = csrcraft(&data(), &["inspect", "-"], &tampered);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert_eq!(
        stderr(&output),
        "csrcraft: error: certificate: the nameConstraints extension is malformed \
         (unexpected ASN.1 DER tag: [2] (constructed) at byte 9)\n"
    );
}

#[test]
fn without_at_validity_is_judged_now() {
    let output = csrcraft(&data(), &["inspect", "--json", &fixture("leaf.pem")], "");
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let at = csrcraft::UnixTime::parse_rfc3339(json["at"].as_str().unwrap()).unwrap();
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    assert!((i64::try_from(now).unwrap() - at.0).abs() < 60, "{at:?}");
}

#[test]
fn bad_input_exits_2_with_what_was_tried() {
    let output = csrcraft(&data(), &["inspect", "-"], "hello world\n");
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert_eq!(
        stderr(&output),
        "csrcraft: error: input: not a PEM block, DER certificate or CSR, base64 PEM, or a \
         Kubernetes CertificateSigningRequest object; give a CSR or certificate (PEM, DER or \
         base64 of either) or the output of `kubectl get csr NAME -o yaml`\n"
    );
    let list = "apiVersion: v1\nkind: List\nitems: []\n";
    let output = csrcraft(&data(), &["inspect", "-"], list);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("a List of no objects"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn unreadable_file_and_bad_time_exit_2() {
    let output = csrcraft(&data(), &["inspect", "no-such-file.pem"], "");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with("csrcraft: error: cannot read no-such-file.pem: "),
        "{}",
        stderr(&output)
    );
    let output = csrcraft(
        &data(),
        &["inspect", "--at", "tomorrow", &fixture("leaf.pem")],
        "",
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("is not an RFC 3339 time"),
        "{}",
        stderr(&output)
    );
}

/// A complete DER value nested `depth` SEQUENCEs deep around a NULL.
fn nested_der(depth: usize) -> Vec<u8> {
    let mut der = vec![0x05, 0x00];
    for _ in 0..depth {
        let len = der.len();
        let mut outer = vec![0x30];
        match len {
            0..=0x7f => outer.push(len as u8),
            0x80..=0xff => outer.extend([0x81, len as u8]),
            _ => outer.extend([0x82, (len >> 8) as u8, len as u8]),
        }
        outer.extend(der);
        der = outer;
    }
    der
}

#[test]
fn a_deeply_nested_der_value_is_refused_for_its_depth() {
    // Issue 14: this complete value read "the input ends inside a DER element
    // at byte 11833".
    let dir = std::env::temp_dir().join(format!(
        "csrcraft-nested-{}-{}",
        std::process::id(),
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("deep.der"), nested_der(3_000)).unwrap();
    let output = csrcraft(&dir, &["inspect", "deep.der"], "");
    let nesting = "DER nesting deeper than 32 levels at byte 128; csrcraft reads at most 32 \
                   (a certificate needs about 8)";
    assert_eq!(
        stderr(&output),
        format!(
            "csrcraft: error: DER input: neither a certificate (not a valid X.509 certificate \
             ({nesting})) nor a certificate request (not a valid PKCS#10 certificate signing \
             request ({nesting}))\n"
        )
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    // Cut short, a value still ends inside an element.
    let mut truncated = nested_der(3_000);
    truncated.truncate(100);
    std::fs::write(dir.join("short.der"), truncated).unwrap();
    let output = csrcraft(&dir, &["inspect", "short.der"], "");
    assert!(stderr(&output).contains("the input ends inside a DER element at byte 0"));
    assert!(!stderr(&output).contains("nesting"));
    assert_eq!(output.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}
