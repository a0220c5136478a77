//! `inspect`: input detection, the text view (snapshots: run with
//! `UPDATE_EXPECT=1` after a deliberate change and read the diff), the JSON
//! view, refusals, and a certificate signed by Debian's cfssl.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use csrcraft::{Error, InputFormat, UnixTime, ValidityState, inspect};
use expect_test::{Expect, expect};

const CSR: &str = include_str!("data/tutorial-p256.csr");
const CSR_ED25519: &str = include_str!("data/tutorial-ed25519.csr");
const CA: &str = include_str!("data/inspect/ca.pem");
const LEAF: &str = include_str!("data/inspect/leaf.pem");
const LEAF_DER: &[u8] = include_bytes!("data/inspect/leaf.der");
const CHAIN: &str = include_str!("data/inspect/chain.pem");
const KUBECTL_FAILED: &str = include_str!("data/inspect/kubectl-failed.yaml");
const KUBECTL_ISSUED: &str = include_str!("data/inspect/kubectl-issued.json");
const KUBECTL_ISSUED_FULL: &str = include_str!("data/inspect/kubectl-issued-full.yaml");
const CONSTRAINED_CA: &str = include_str!("data/inspect/constrained-ca.pem");
const UNKNOWN_CRITICAL: &str = include_str!("data/inspect/unknown-critical.pem");

/// The fixed "now" of the snapshots: the leaf (2026-01-01 to 2027-01-01) is valid.
fn now() -> UnixTime {
    at("2026-06-01T12:00:00Z")
}

fn at(time: &str) -> UnixTime {
    UnixTime::parse_rfc3339(time).unwrap()
}

#[track_caller]
fn check(input: &[u8], expect: Expect) {
    let inspection = inspect(input, now()).unwrap_or_else(|e| panic!("inspect: {e}"));
    expect.assert_eq(&inspection.to_text());
}

#[track_caller]
fn check_error(input: &[u8], expect: Expect) {
    let error = inspect(input, now()).expect_err("the input is refused");
    assert!(matches!(error, Error::Decode { .. }), "{error:?}");
    expect.assert_eq(&error.to_string());
}

fn base64_lines(bytes: &[u8]) -> String {
    let encoded = STANDARD.encode(bytes);
    let lines: Vec<&str> = encoded
        .as_bytes()
        .chunks(76)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect();
    lines.join("\n") + "\n"
}

#[test]
fn csr_pem() {
    check(
        CSR.as_bytes(),
        expect![[r#"
        Certificate Request (PEM CERTIFICATE REQUEST)
          Subject:              C=CN, ST=Beijing, L=Beijing, O=example, OU=example, CN=my-pod.my-namespace.pod.cluster.local
          Public Key:           ECDSA P-256 (256 bits)
          Signature Algorithm:  ecdsa-with-SHA256
          Self-Signature:       ok
          Subject Alt Names:
            DNS:                my-svc.my-namespace.svc.cluster.local
                                my-pod.my-namespace.pod.cluster.local
            IP:                 172.168.0.24
                                10.0.34.2
          Requested Extensions: subjectAltName
    "#]],
    );
}

#[test]
fn csr_ed25519() {
    check(
        CSR_ED25519.as_bytes(),
        expect![[r#"
        Certificate Request (PEM CERTIFICATE REQUEST)
          Subject:              C=CN, ST=Beijing, L=Beijing, O=example, OU=example, CN=my-pod.my-namespace.pod.cluster.local
          Public Key:           Ed25519 (256 bits)
          Signature Algorithm:  ED25519
          Self-Signature:       ok
          Subject Alt Names:
            DNS:                my-svc.my-namespace.svc.cluster.local
                                my-pod.my-namespace.pod.cluster.local
            IP:                 172.168.0.24
                                10.0.34.2
          Requested Extensions: subjectAltName
    "#]],
    );
}

#[test]
fn certificate_pem() {
    check(
        LEAF.as_bytes(),
        expect![[r#"
        Certificate (PEM)
          Subject:              C=CN, ST=Beijing, L=Beijing, O=example, OU=example, CN=my-pod.my-namespace.pod.cluster.local
          Issuer:               O=csrcraft, CN=csrcraft test CA
          Serial:               2a:3b:4c:5d:6e:7f:01:02
          Version:              3
          Validity:             expires in 213d 12h
            Not Before:         2026-01-01T00:00:00Z
            Not After:          2027-01-01T00:00:00Z
            Lifetime:           365d
          Public Key:           ECDSA P-256 (256 bits)
          Signature Algorithm:  ecdsa-with-SHA256
          Signed By:            not checked: the issuer is not in the input
          Subject Alt Names:
            DNS:                my-svc.my-namespace.svc.cluster.local
                                my-pod.my-namespace.pod.cluster.local
            IP:                 172.168.0.24
                                10.0.34.2
          Key Usage:            digital signature (critical)
          Extended Key Usage:   server auth
          Basic Constraints:    CA:FALSE (critical)
          Extensions:           basicConstraints (critical)
                                keyUsage (critical)
                                extendedKeyUsage
                                authorityKeyIdentifier
                                subjectAltName
                                subjectKeyIdentifier
          SHA-256 Fingerprint:  F4:6C:C3:E7:26:B9:D4:C8:AD:89:AF:77:EE:C6:40:3F:19:7B:3C:69:D5:8B:6D:31:2B:2D:7E:1E:C8:74:92:C8
          SHA-1 Fingerprint:    70:77:30:F1:7C:3F:99:C6:46:DA:C8:A0:B2:19:AE:32:B0:DA:F8:24
    "#]],
    );
}

#[test]
fn self_signed_ca() {
    check(
        CA.as_bytes(),
        expect![[r#"
        Certificate (PEM)
          Subject:              O=csrcraft, CN=csrcraft test CA
          Issuer:               O=csrcraft, CN=csrcraft test CA
          Serial:               10:00
          Version:              3
          Validity:             expires in 3135d 12h
            Not Before:         2025-01-01T00:00:00Z
            Not After:          2035-01-01T00:00:00Z
            Lifetime:           3652d
          Public Key:           ECDSA P-256 (256 bits)
          Signature Algorithm:  ecdsa-with-SHA256
          Signed By:            itself (self-signed), signature ok
          Subject Alt Names:    <none>
          Key Usage:            cert sign, crl sign (critical)
          Extended Key Usage:   <none>
          Basic Constraints:    CA:TRUE, pathlen:0 (critical)
          Extensions:           basicConstraints (critical)
                                keyUsage (critical)
                                subjectKeyIdentifier
          SHA-256 Fingerprint:  68:37:C3:71:55:B3:56:BC:4C:87:34:2A:EF:B0:DB:76:37:AA:08:DF:97:C9:01:C9:1C:98:7C:4A:F5:80:62:B8
          SHA-1 Fingerprint:    0F:9D:14:A3:98:9D:7B:B8:2A:33:F4:4C:3E:91:54:7E:EA:95:AE:D7
    "#]],
    );
}

#[test]
fn name_constraints_and_path_length() {
    check(
        CONSTRAINED_CA.as_bytes(),
        expect![[r#"
        Certificate (PEM)
          Subject:              O=csrcraft, CN=csrcraft constrained CA
          Issuer:               O=csrcraft, CN=csrcraft constrained CA
          Serial:               20:01
          Version:              3
          Validity:             expires in 3135d 12h
            Not Before:         2025-01-01T00:00:00Z
            Not After:          2035-01-01T00:00:00Z
            Lifetime:           3652d
          Public Key:           Ed25519 (256 bits)
          Signature Algorithm:  ED25519
          Signed By:            itself (self-signed), signature ok
          Subject Alt Names:    <none>
          Key Usage:            cert sign, crl sign (critical)
          Extended Key Usage:   <none>
          Basic Constraints:    CA:TRUE, pathlen:1 (critical)
          Name Constraints:     (critical)
            Permitted:          DNS:example.com
                                DNS:.cluster.local
                                IP:10.0.0.0/255.0.0.0
                                IP:2001:DB8:0:0:0:0:0:0/FFFF:FFFF:0:0:0:0:0:0
                                email:example.com
                                URI:.example.com
                                DirName:O=csrcraft
            Excluded:           DNS:bad.example.com
                                IP:10.66.0.0/255.255.0.0
                                IP:2001:DB8:BAD:0:0:0:0:0/FFFF:FFFF:FFFF:0:0:0:0:0
                                email:root@example.com
                                URI:bad.example.com
                                DirName:O=csrcraft, OU=revoked
          Extensions:           basicConstraints (critical)
                                keyUsage (critical)
                                subjectKeyIdentifier
                                nameConstraints (critical)
          SHA-256 Fingerprint:  AD:74:96:ED:7A:02:CA:59:B8:F5:04:79:D3:45:39:34:51:D1:9B:21:D2:8E:FE:8C:A5:C5:15:8E:5D:CD:7D:16
          SHA-1 Fingerprint:    C5:15:0D:FA:B5:78:03:2C:B4:CF:B1:9E:96:71:97:A2:CD:31:DA:66
    "#]],
    );
}

#[test]
fn a_critical_extension_path_validation_does_not_understand() {
    let chain = format!("{UNKNOWN_CRITICAL}{CONSTRAINED_CA}");
    let inspection = inspect(chain.as_bytes(), now()).unwrap();
    let text = inspection.to_text();
    let leaf = text.split("\n\n").next().unwrap();
    expect![[r#"
        Certificate 1 of 2 (PEM)
          Subject:              O=csrcraft, CN=web.example.com
          Issuer:               O=csrcraft, CN=csrcraft constrained CA
          Serial:               20:02
          Version:              3
          Validity:             expires in 213d 12h
            Not Before:         2026-01-01T00:00:00Z
            Not After:          2027-01-01T00:00:00Z
            Lifetime:           365d
          Public Key:           Ed25519 (256 bits)
          Signature Algorithm:  ED25519
          Signed By:            certificate 2, signature ok
          Subject Alt Names:
            DNS:                web.example.com
          Key Usage:            digital signature (critical)
          Extended Key Usage:   server auth
          Basic Constraints:    CA:FALSE (critical)
          Extensions:           basicConstraints (critical)
                                keyUsage (critical)
                                extendedKeyUsage
                                subjectAltName
                                authorityKeyIdentifier
                                1.3.6.1.4.1.32473.1 (critical, not understood by path validation)
                                subjectKeyIdentifier
          SHA-256 Fingerprint:  05:FB:40:58:8A:08:15:12:6B:B7:DE:A2:D5:4C:0B:49:73:9D:38:74:98:75:0B:2A:DC:B4:AA:9B:DB:DC:9E:5E
          SHA-1 Fingerprint:    3C:26:60:93:D7:F8:A4:3F:3A:D6:41:6D:9D:50:4E:C5:10:11:8C:C7"#]].assert_eq(leaf);
    let extensions = &inspection.certificates[0].extensions;
    let not_understood: Vec<&str> = extensions
        .iter()
        .filter(|e| !e.understood)
        .map(|e| e.oid.as_str())
        .collect();
    assert_eq!(not_understood, ["1.3.6.1.4.1.32473.1"]);
    assert!(
        inspection.certificates[1]
            .extensions
            .iter()
            .all(|e| e.understood)
    );
}

#[test]
fn json_view_of_name_constraints() {
    // The published format, members in declaration order.
    let inspection = inspect(CONSTRAINED_CA.as_bytes(), now()).unwrap();
    expect![[r#"
        {
          "input": "pem",
          "at": "2026-06-01T12:00:00Z",
          "kubernetes": null,
          "request": null,
          "certificates": [
            {
              "version": 3,
              "serial": "20:01",
              "subject": {
                "text": "O=csrcraft, CN=csrcraft constrained CA",
                "attributes": [
                  {
                    "type": "O",
                    "oid": "2.5.4.10",
                    "value": "csrcraft"
                  },
                  {
                    "type": "CN",
                    "oid": "2.5.4.3",
                    "value": "csrcraft constrained CA"
                  }
                ]
              },
              "issuer": {
                "text": "O=csrcraft, CN=csrcraft constrained CA",
                "attributes": [
                  {
                    "type": "O",
                    "oid": "2.5.4.10",
                    "value": "csrcraft"
                  },
                  {
                    "type": "CN",
                    "oid": "2.5.4.3",
                    "value": "csrcraft constrained CA"
                  }
                ]
              },
              "validity": {
                "not_before": "2025-01-01T00:00:00Z",
                "not_after": "2035-01-01T00:00:00Z",
                "state": "valid",
                "seconds_left": 270907200,
                "lifetime_seconds": 315532800,
                "summary": "expires in 3135d 12h"
              },
              "public_key": {
                "algorithm": "ed25519",
                "curve": null,
                "bits": 256,
                "spki_sha256": "b72e33e04943f2411b8fa5838df5983231f73f093af464775310353133823603"
              },
              "signature_algorithm": "ED25519",
              "issuer_signature": {
                "signed_by": "itself",
                "ok": true,
                "problem": null
              },
              "key_matches_request": null,
              "subject_alt_names": {
                "dns": [],
                "ip": [],
                "email": [],
                "uri": [],
                "other": []
              },
              "key_usage": [
                "cert sign",
                "crl sign"
              ],
              "extended_key_usage": [],
              "basic_constraints": {
                "ca": true,
                "path_len": 1
              },
              "name_constraints": {
                "permitted": [
                  "DNS:example.com",
                  "DNS:.cluster.local",
                  "IP:10.0.0.0/255.0.0.0",
                  "IP:2001:DB8:0:0:0:0:0:0/FFFF:FFFF:0:0:0:0:0:0",
                  "email:example.com",
                  "URI:.example.com",
                  "DirName:O=csrcraft"
                ],
                "excluded": [
                  "DNS:bad.example.com",
                  "IP:10.66.0.0/255.255.0.0",
                  "IP:2001:DB8:BAD:0:0:0:0:0/FFFF:FFFF:FFFF:0:0:0:0:0",
                  "email:root@example.com",
                  "URI:bad.example.com",
                  "DirName:O=csrcraft, OU=revoked"
                ]
              },
              "extensions": [
                {
                  "name": "basicConstraints",
                  "oid": "2.5.29.19",
                  "critical": true,
                  "understood": true
                },
                {
                  "name": "keyUsage",
                  "oid": "2.5.29.15",
                  "critical": true,
                  "understood": true
                },
                {
                  "name": "subjectKeyIdentifier",
                  "oid": "2.5.29.14",
                  "critical": false,
                  "understood": true
                },
                {
                  "name": "nameConstraints",
                  "oid": "2.5.29.30",
                  "critical": true,
                  "understood": true
                }
              ],
              "fingerprints": {
                "sha256": "AD:74:96:ED:7A:02:CA:59:B8:F5:04:79:D3:45:39:34:51:D1:9B:21:D2:8E:FE:8C:A5:C5:15:8E:5D:CD:7D:16",
                "sha1": "C5:15:0D:FA:B5:78:03:2C:B4:CF:B1:9E:96:71:97:A2:CD:31:DA:66"
              }
            }
          ]
        }
    "#]]
    .assert_eq(&inspection.to_json().unwrap());
    let leaf = inspect(UNKNOWN_CRITICAL.as_bytes(), now()).unwrap();
    let json: serde_json::Value = serde_json::from_str(&leaf.to_json().unwrap()).unwrap();
    let certificate = &json["certificates"][0];
    assert_eq!(certificate["name_constraints"], serde_json::Value::Null);
    let not_understood: Vec<&serde_json::Value> = certificate["extensions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["understood"] == false)
        .collect();
    assert_eq!(
        not_understood,
        [&serde_json::json!({
            "name": "1.3.6.1.4.1.32473.1",
            "oid": "1.3.6.1.4.1.32473.1",
            "critical": true,
            "understood": false,
        })]
    );
}

#[test]
fn malformed_name_constraints_are_refused() {
    // The first permitted dNSName, `example.com`, with the constructed bit set.
    let der = pem_der(CONSTRAINED_CA);
    let needle = [&[0x82, 0x0b][..], b"example.com"].concat();
    let at = der.windows(needle.len()).position(|w| w == needle).unwrap();
    let mut tampered = der.clone();
    tampered[at] = 0xa2;
    check_error(
        &tampered,
        expect![
            "DER input: neither a certificate (the nameConstraints extension is malformed (unexpected ASN.1 DER tag: [2] (constructed) at byte 9)) nor a certificate request (not a valid PKCS#10 certificate signing request (unexpected ASN.1 DER tag: expected INTEGER, got [0] (constructed) at byte 8))"
        ],
    );
    check_error(
        pem_block("CERTIFICATE", &tampered).as_bytes(),
        expect![
            "certificate: the nameConstraints extension is malformed (unexpected ASN.1 DER tag: [2] (constructed) at byte 9)"
        ],
    );
}

#[test]
fn chain_of_two() {
    check(
        CHAIN.as_bytes(),
        expect![[r#"
        Certificate 1 of 2 (PEM)
          Subject:              C=CN, ST=Beijing, L=Beijing, O=example, OU=example, CN=my-pod.my-namespace.pod.cluster.local
          Issuer:               O=csrcraft, CN=csrcraft test CA
          Serial:               2a:3b:4c:5d:6e:7f:01:02
          Version:              3
          Validity:             expires in 213d 12h
            Not Before:         2026-01-01T00:00:00Z
            Not After:          2027-01-01T00:00:00Z
            Lifetime:           365d
          Public Key:           ECDSA P-256 (256 bits)
          Signature Algorithm:  ecdsa-with-SHA256
          Signed By:            certificate 2, signature ok
          Subject Alt Names:
            DNS:                my-svc.my-namespace.svc.cluster.local
                                my-pod.my-namespace.pod.cluster.local
            IP:                 172.168.0.24
                                10.0.34.2
          Key Usage:            digital signature (critical)
          Extended Key Usage:   server auth
          Basic Constraints:    CA:FALSE (critical)
          Extensions:           basicConstraints (critical)
                                keyUsage (critical)
                                extendedKeyUsage
                                authorityKeyIdentifier
                                subjectAltName
                                subjectKeyIdentifier
          SHA-256 Fingerprint:  F4:6C:C3:E7:26:B9:D4:C8:AD:89:AF:77:EE:C6:40:3F:19:7B:3C:69:D5:8B:6D:31:2B:2D:7E:1E:C8:74:92:C8
          SHA-1 Fingerprint:    70:77:30:F1:7C:3F:99:C6:46:DA:C8:A0:B2:19:AE:32:B0:DA:F8:24

        Certificate 2 of 2 (PEM)
          Subject:              O=csrcraft, CN=csrcraft test CA
          Issuer:               O=csrcraft, CN=csrcraft test CA
          Serial:               10:00
          Version:              3
          Validity:             expires in 3135d 12h
            Not Before:         2025-01-01T00:00:00Z
            Not After:          2035-01-01T00:00:00Z
            Lifetime:           3652d
          Public Key:           ECDSA P-256 (256 bits)
          Signature Algorithm:  ecdsa-with-SHA256
          Signed By:            itself (self-signed), signature ok
          Subject Alt Names:    <none>
          Key Usage:            cert sign, crl sign (critical)
          Extended Key Usage:   <none>
          Basic Constraints:    CA:TRUE, pathlen:0 (critical)
          Extensions:           basicConstraints (critical)
                                keyUsage (critical)
                                subjectKeyIdentifier
          SHA-256 Fingerprint:  68:37:C3:71:55:B3:56:BC:4C:87:34:2A:EF:B0:DB:76:37:AA:08:DF:97:C9:01:C9:1C:98:7C:4A:F5:80:62:B8
          SHA-1 Fingerprint:    0F:9D:14:A3:98:9D:7B:B8:2A:33:F4:4C:3E:91:54:7E:EA:95:AE:D7
    "#]],
    );
}

#[test]
fn der_certificate() {
    check(
        LEAF_DER,
        expect![[r#"
        Certificate (DER)
          Subject:              C=CN, ST=Beijing, L=Beijing, O=example, OU=example, CN=my-pod.my-namespace.pod.cluster.local
          Issuer:               O=csrcraft, CN=csrcraft test CA
          Serial:               2a:3b:4c:5d:6e:7f:01:02
          Version:              3
          Validity:             expires in 213d 12h
            Not Before:         2026-01-01T00:00:00Z
            Not After:          2027-01-01T00:00:00Z
            Lifetime:           365d
          Public Key:           ECDSA P-256 (256 bits)
          Signature Algorithm:  ecdsa-with-SHA256
          Signed By:            not checked: the issuer is not in the input
          Subject Alt Names:
            DNS:                my-svc.my-namespace.svc.cluster.local
                                my-pod.my-namespace.pod.cluster.local
            IP:                 172.168.0.24
                                10.0.34.2
          Key Usage:            digital signature (critical)
          Extended Key Usage:   server auth
          Basic Constraints:    CA:FALSE (critical)
          Extensions:           basicConstraints (critical)
                                keyUsage (critical)
                                extendedKeyUsage
                                authorityKeyIdentifier
                                subjectAltName
                                subjectKeyIdentifier
          SHA-256 Fingerprint:  F4:6C:C3:E7:26:B9:D4:C8:AD:89:AF:77:EE:C6:40:3F:19:7B:3C:69:D5:8B:6D:31:2B:2D:7E:1E:C8:74:92:C8
          SHA-1 Fingerprint:    70:77:30:F1:7C:3F:99:C6:46:DA:C8:A0:B2:19:AE:32:B0:DA:F8:24
    "#]],
    );
}

#[test]
fn base64_of_pem_as_status_certificate_holds_it() {
    let inspection = inspect(base64_lines(CHAIN.as_bytes()).as_bytes(), now()).unwrap();
    assert_eq!(inspection.input, InputFormat::Base64Pem);
    let direct = inspect(CHAIN.as_bytes(), now()).unwrap();
    assert_eq!(inspection.certificates, direct.certificates);
    // One line, as `kubectl get csr -o jsonpath='{.status.certificate}'` prints it.
    let one_line = STANDARD.encode(CSR);
    check(
        one_line.as_bytes(),
        expect![[r#"
        Certificate Request (base64 of PEM CERTIFICATE REQUEST)
          Subject:              C=CN, ST=Beijing, L=Beijing, O=example, OU=example, CN=my-pod.my-namespace.pod.cluster.local
          Public Key:           ECDSA P-256 (256 bits)
          Signature Algorithm:  ecdsa-with-SHA256
          Self-Signature:       ok
          Subject Alt Names:
            DNS:                my-svc.my-namespace.svc.cluster.local
                                my-pod.my-namespace.pod.cluster.local
            IP:                 172.168.0.24
                                10.0.34.2
          Requested Extensions: subjectAltName
    "#]],
    );
}

#[test]
fn a_full_kubectl_yaml_dump_reads_as_its_json() {
    // Annotations (one wrapped, one a `|` block of JSON), labels, managedFields
    // with `k:{...}` keys, spec.extra and spec.uid: the view ignores them.
    let from_yaml = inspect(KUBECTL_ISSUED_FULL.as_bytes(), now()).unwrap();
    let from_json = inspect(KUBECTL_ISSUED.as_bytes(), now()).unwrap();
    assert_eq!(from_yaml.input, InputFormat::KubernetesYaml);
    let mut expected = from_json;
    expected.input = InputFormat::KubernetesYaml;
    assert_eq!(from_yaml, expected);
}

#[test]
fn base64_of_der() {
    let inspection = inspect(STANDARD.encode(LEAF_DER).as_bytes(), now()).unwrap();
    assert_eq!(inspection.input, InputFormat::Base64Der);
    assert_eq!(inspection.certificates.len(), 1);
}

#[test]
fn kubectl_yaml_approved_then_failed() {
    check(
        KUBECTL_FAILED.as_bytes(),
        expect![[r#"
        Kubernetes CertificateSigningRequest
          Name:                 my-svc.my-namespace
          Created:              2026-05-31T09:00:00Z
          Requesting User:      kubernetes-admin
          Groups:               system:masters, system:authenticated
          Signer:               kubernetes.io/kubelet-serving
          Usages:               digital signature, key encipherment, server auth
          Expiration:           <none>
          Status:               Approved,Failed
          Conditions:
            Type      Status  Reason                   Last Update           Message
            Approved  True    KubectlApprove           2026-05-31T09:05:12Z  This CSR was approved by kubectl certificate approve.
            Failed    True    SignerValidationFailure  2026-05-31T09:05:12Z  subject organization is not system:nodes

        Certificate Request (spec.request)
          Subject:              C=CN, ST=Beijing, L=Beijing, O=example, OU=example, CN=my-pod.my-namespace.pod.cluster.local
          Public Key:           ECDSA P-256 (256 bits)
          Signature Algorithm:  ecdsa-with-SHA256
          Self-Signature:       ok
          Subject Alt Names:
            DNS:                my-svc.my-namespace.svc.cluster.local
                                my-pod.my-namespace.pod.cluster.local
            IP:                 172.168.0.24
                                10.0.34.2
          Requested Extensions: subjectAltName
    "#]],
    );
}

#[test]
fn kubectl_json_issued() {
    check(
        KUBECTL_ISSUED.as_bytes(),
        expect![[r#"
        Kubernetes CertificateSigningRequest
          Name:                 my-svc.my-namespace
          Created:              2026-05-31T10:00:00Z
          Requesting User:      jane@example.com
          Groups:               system:authenticated
          Signer:               example.com/serving
          Usages:               digital signature, server auth
          Expiration:           31536000s (365d)
          Status:               Approved,Issued
          Conditions:
            Type      Status  Reason          Last Update           Message
            Approved  True    KubectlApprove  2026-05-31T10:01:40Z  This CSR was approved by kubectl certificate approve.

        Certificate Request (spec.request)
          Subject:              C=CN, ST=Beijing, L=Beijing, O=example, OU=example, CN=my-pod.my-namespace.pod.cluster.local
          Public Key:           ECDSA P-256 (256 bits)
          Signature Algorithm:  ecdsa-with-SHA256
          Self-Signature:       ok
          Subject Alt Names:
            DNS:                my-svc.my-namespace.svc.cluster.local
                                my-pod.my-namespace.pod.cluster.local
            IP:                 172.168.0.24
                                10.0.34.2
          Requested Extensions: subjectAltName

        Certificate 1 of 2 (status.certificate)
          Subject:              C=CN, ST=Beijing, L=Beijing, O=example, OU=example, CN=my-pod.my-namespace.pod.cluster.local
          Issuer:               O=csrcraft, CN=csrcraft test CA
          Serial:               2a:3b:4c:5d:6e:7f:01:02
          Version:              3
          Validity:             expires in 213d 12h
            Not Before:         2026-01-01T00:00:00Z
            Not After:          2027-01-01T00:00:00Z
            Lifetime:           365d
          Public Key:           ECDSA P-256 (256 bits)
          Key Matches CSR:      yes, the CSR's public key
          Signature Algorithm:  ecdsa-with-SHA256
          Signed By:            certificate 2, signature ok
          Subject Alt Names:
            DNS:                my-svc.my-namespace.svc.cluster.local
                                my-pod.my-namespace.pod.cluster.local
            IP:                 172.168.0.24
                                10.0.34.2
          Key Usage:            digital signature (critical)
          Extended Key Usage:   server auth
          Basic Constraints:    CA:FALSE (critical)
          Extensions:           basicConstraints (critical)
                                keyUsage (critical)
                                extendedKeyUsage
                                authorityKeyIdentifier
                                subjectAltName
                                subjectKeyIdentifier
          SHA-256 Fingerprint:  F4:6C:C3:E7:26:B9:D4:C8:AD:89:AF:77:EE:C6:40:3F:19:7B:3C:69:D5:8B:6D:31:2B:2D:7E:1E:C8:74:92:C8
          SHA-1 Fingerprint:    70:77:30:F1:7C:3F:99:C6:46:DA:C8:A0:B2:19:AE:32:B0:DA:F8:24

        Certificate 2 of 2 (status.certificate)
          Subject:              O=csrcraft, CN=csrcraft test CA
          Issuer:               O=csrcraft, CN=csrcraft test CA
          Serial:               10:00
          Version:              3
          Validity:             expires in 3135d 12h
            Not Before:         2025-01-01T00:00:00Z
            Not After:          2035-01-01T00:00:00Z
            Lifetime:           3652d
          Public Key:           ECDSA P-256 (256 bits)
          Signature Algorithm:  ecdsa-with-SHA256
          Signed By:            itself (self-signed), signature ok
          Subject Alt Names:    <none>
          Key Usage:            cert sign, crl sign (critical)
          Extended Key Usage:   <none>
          Basic Constraints:    CA:TRUE, pathlen:0 (critical)
          Extensions:           basicConstraints (critical)
                                keyUsage (critical)
                                subjectKeyIdentifier
          SHA-256 Fingerprint:  68:37:C3:71:55:B3:56:BC:4C:87:34:2A:EF:B0:DB:76:37:AA:08:DF:97:C9:01:C9:1C:98:7C:4A:F5:80:62:B8
          SHA-1 Fingerprint:    0F:9D:14:A3:98:9D:7B:B8:2A:33:F4:4C:3E:91:54:7E:EA:95:AE:D7
    "#]],
    );
}

#[test]
fn validity_is_judged_at_the_time_given() {
    let summary = |time: &str| {
        let inspection = inspect(LEAF.as_bytes(), at(time)).unwrap();
        let validity = &inspection.certificates[0].validity;
        (validity.state, validity.summary.clone())
    };
    assert_eq!(
        summary("2025-12-31T22:00:00Z"),
        (
            ValidityState::NotYetValid,
            "not yet valid: starts in 2h".to_owned()
        )
    );
    assert_eq!(
        summary("2026-01-01T00:00:00Z"),
        (ValidityState::Valid, "expires in 365d".to_owned())
    );
    assert_eq!(
        summary("2027-01-01T00:00:00Z"),
        (ValidityState::Valid, "expires in 0s".to_owned())
    );
    assert_eq!(
        summary("2027-01-04T00:00:01Z"),
        (ValidityState::Expired, "EXPIRED 3d ago".to_owned())
    );
    let expired = inspect(LEAF.as_bytes(), at("2027-01-04T05:00:00Z")).unwrap();
    assert_eq!(
        expired.certificates[0].validity.seconds_left,
        -(3 * 86_400 + 5 * 3600)
    );
    assert!(
        expired
            .to_text()
            .contains("  Validity:             EXPIRED 3d 5h ago\n")
    );
}

/// PEM text of one block.
fn pem_block(label: &str, der: &[u8]) -> String {
    format!(
        "-----BEGIN {label}-----\n{}-----END {label}-----\n",
        base64_lines(der)
    )
}

/// The DER inside the first PEM block of `text`.
fn pem_der(text: &str) -> Vec<u8> {
    let body: String = text
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .take_while(|l| !l.is_empty())
        .collect();
    STANDARD.decode(body).unwrap()
}

#[test]
fn a_tampered_csr_fails_its_self_signature() {
    let mut der = pem_der(CSR);
    let at = der.windows(7).position(|w| w == b"Beijing").unwrap();
    der[at + 6] = b'h';
    let inspection = inspect(&der, now()).unwrap();
    assert_eq!(inspection.input, InputFormat::Der);
    let request = inspection.request.unwrap();
    assert!(!request.self_signature.ok);
    let text = inspect(&der, now()).unwrap().to_text();
    assert!(
        text.contains("  Self-Signature:       FAILED: the signature does not verify\n"),
        "{text}"
    );
}

#[test]
fn a_chain_link_that_does_not_hold_is_shown() {
    // The last byte of the leaf's signature changed.
    let mut der = pem_der(LEAF);
    let last = der.len() - 1;
    der[last] ^= 0x01;
    let tampered = pem_block("CERTIFICATE", &der) + CA;
    let inspection = inspect(tampered.as_bytes(), now()).unwrap();
    let link = inspection.certificates[0].issuer_signature.clone().unwrap();
    assert!(!link.ok);
    assert!(inspection.to_text().contains(
        "  Signed By:            certificate 2? FAILED: the signature does not verify\n"
    ));
    // A second certificate that is not the issuer at all.
    let unrelated = format!("{LEAF}{LEAF}");
    let inspection = inspect(unrelated.as_bytes(), now()).unwrap();
    let link = inspection.certificates[0].issuer_signature.clone().unwrap();
    assert_eq!(
        link.problem.as_deref(),
        Some(
            "the issuer name is not certificate 2's subject (C=CN, ST=Beijing, L=Beijing, \
             O=example, OU=example, CN=my-pod.my-namespace.pod.cluster.local)"
        )
    );
}

#[test]
fn a_csr_and_its_certificate_in_one_pem() {
    let both = format!("{CSR}{CHAIN}");
    let inspection = inspect(both.as_bytes(), now()).unwrap();
    assert!(inspection.request.is_some());
    assert_eq!(inspection.certificates.len(), 2);
    assert_eq!(inspection.certificates[0].key_matches_request, Some(true));
    assert_eq!(inspection.certificates[1].key_matches_request, None);
    let other_key = format!("{CSR_ED25519}{LEAF}");
    let inspection = inspect(other_key.as_bytes(), now()).unwrap();
    assert_eq!(inspection.certificates[0].key_matches_request, Some(false));
}

#[test]
fn the_old_new_certificate_request_label_is_read_and_shown() {
    let old = CSR.replace("CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST");
    let inspection = inspect(old.as_bytes(), now()).unwrap();
    assert_eq!(
        inspection.request.as_ref().unwrap().pem_label.as_deref(),
        Some("NEW CERTIFICATE REQUEST")
    );
    assert!(
        inspection
            .to_text()
            .starts_with("Certificate Request (PEM NEW CERTIFICATE REQUEST)\n")
    );
}

#[test]
fn a_pending_object_has_no_conditions() {
    // Without a signer either: the API server would refuse it, but show what is there.
    let pending = KUBECTL_FAILED.replace("  signerName: kubernetes.io/kubelet-serving\n", "");
    let pending = pending.split("status:").next().unwrap();
    assert!(
        inspect(pending.as_bytes(), now())
            .unwrap()
            .to_text()
            .contains("  Signer:               <none>\n")
    );
    let pending = KUBECTL_FAILED.split("status:").next().unwrap();
    let inspection = inspect(pending.as_bytes(), now()).unwrap();
    assert_eq!(inspection.input, InputFormat::KubernetesYaml);
    let object = inspection.kubernetes.as_ref().unwrap();
    assert_eq!(object.status, "Pending");
    assert!(object.conditions.is_empty());
    let text = inspection.to_text();
    assert!(text.contains("  Status:               Pending\n  Conditions:           <none>\n"));
}

#[test]
fn json_view_is_the_published_format() {
    let inspection = inspect(KUBECTL_ISSUED.as_bytes(), now()).unwrap();
    let json: serde_json::Value = serde_json::from_str(&inspection.to_json().unwrap()).unwrap();
    assert_eq!(json["input"], "kubernetes-json");
    assert_eq!(json["at"], "2026-06-01T12:00:00Z");
    assert_eq!(json["kubernetes"]["status"], "Approved,Issued");
    assert_eq!(json["kubernetes"]["conditions"][0]["type"], "Approved");
    assert_eq!(json["kubernetes"]["expiration_seconds"], 31_536_000);
    assert_eq!(json["request"]["self_signature"]["ok"], true);
    assert_eq!(json["certificates"][0]["validity"]["state"], "valid");
    assert_eq!(json["certificates"][0]["key_matches_request"], true);
    assert_eq!(
        json["certificates"][1]["issuer_signature"]["signed_by"],
        "itself"
    );
}

#[test]
fn json_view_of_a_csr() {
    let inspection = inspect(CSR.as_bytes(), now()).unwrap();
    expect![[r#"
        {
          "input": "pem",
          "at": "2026-06-01T12:00:00Z",
          "kubernetes": null,
          "request": {
            "pem_label": "CERTIFICATE REQUEST",
            "subject": {
              "text": "C=CN, ST=Beijing, L=Beijing, O=example, OU=example, CN=my-pod.my-namespace.pod.cluster.local",
              "attributes": [
                {
                  "type": "C",
                  "oid": "2.5.4.6",
                  "value": "CN"
                },
                {
                  "type": "ST",
                  "oid": "2.5.4.8",
                  "value": "Beijing"
                },
                {
                  "type": "L",
                  "oid": "2.5.4.7",
                  "value": "Beijing"
                },
                {
                  "type": "O",
                  "oid": "2.5.4.10",
                  "value": "example"
                },
                {
                  "type": "OU",
                  "oid": "2.5.4.11",
                  "value": "example"
                },
                {
                  "type": "CN",
                  "oid": "2.5.4.3",
                  "value": "my-pod.my-namespace.pod.cluster.local"
                }
              ]
            },
            "public_key": {
              "algorithm": "ecdsa",
              "curve": "P-256",
              "bits": 256,
              "spki_sha256": "6876359d26e841f33f4dbafe45f34c7c28aec160c49409ea5435a9486ea39250"
            },
            "signature_algorithm": "ecdsa-with-SHA256",
            "self_signature": {
              "ok": true,
              "problem": null
            },
            "subject_alt_names": {
              "dns": [
                "my-svc.my-namespace.svc.cluster.local",
                "my-pod.my-namespace.pod.cluster.local"
              ],
              "ip": [
                "172.168.0.24",
                "10.0.34.2"
              ],
              "email": [],
              "uri": [],
              "other": []
            },
            "requested_extensions": [
              "subjectAltName"
            ]
          },
          "certificates": []
        }
    "#]]
    .assert_eq(&inspection.to_json().unwrap());
}

#[test]
fn refusals_say_what_was_tried() {
    let tried = "input: not a PEM block, DER certificate or CSR, base64 PEM, or a Kubernetes \
        CertificateSigningRequest object; give a CSR or certificate (PEM, DER or base64 of \
        either) or the output of `kubectl get csr NAME -o yaml`";
    for garbage in [
        &b"hello world"[..],
        &b"\xde\xad\xbe\xef"[..],
        &b"0123 is not DER"[..],
        STANDARD.encode("just some text").as_bytes(),
    ] {
        let error = inspect(garbage, now()).unwrap_err();
        assert_eq!(error.to_string(), tried, "{garbage:?}");
    }
    check_error(b" \n\t", expect!["input: it is empty"]);
    check_error(
        &[0x30, 0x03, 0x02, 0x01, 0xff],
        expect![
            "DER input: neither a certificate (not a valid X.509 certificate (unexpected ASN.1 DER tag: expected SEQUENCE, got INTEGER at byte 2)) nor a certificate request (not a valid PKCS#10 certificate signing request (unexpected ASN.1 DER tag: expected SEQUENCE, got INTEGER at byte 2))"
        ],
    );
    check_error(
        include_bytes!("data/test-p256-key.pem"),
        expect!["PEM input: found EC PRIVATE KEY, but no CERTIFICATE REQUEST or CERTIFICATE block"],
    );
    check_error(
        b"-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n",
        expect![
            "PEM input: it is malformed: the CERTIFICATE block is not valid base64: 9 characters, which is not a whole number of 4-character groups; is the block cut short?"
        ],
    );
}

#[test]
fn kubernetes_objects_that_are_not_one_csr_are_refused() {
    check_error(
        b"{\"kind\": ",
        expect![
            "Kubernetes object: not valid JSON: expected a value (an object, array, string, number, true, false or null), found the end of the text at line 1 column 9"
        ],
    );
    check_error(
        b"apiVersion: certificates.k8s.io/v1\nkind: CertificateSigningRequest\nkind: Secret\n",
        expect![[
            r#"Kubernetes object: not valid YAML: line 3: the key "kind" is given twice (first on line 2); keep one"#
        ]],
    );
    check_error(
        b"apiVersion: v1\nkind: Secret\nmetadata:\n  name: x\n",
        expect!["Kubernetes object: kind is Secret, not CertificateSigningRequest"],
    );
    let list = format!(
        "apiVersion: v1\nkind: List\nitems:\n- {}\n- {}\n",
        "metadata: {name: one}", "metadata: {name: two}"
    );
    check_error(
        list.as_bytes(),
        expect![
            "Kubernetes object: a List of 2 objects (one, two); inspect one at a time: `kubectl get csr NAME -o yaml`"
        ],
    );
    let beta = KUBECTL_FAILED.replace("certificates.k8s.io/v1", "certificates.k8s.io/v1beta1");
    check_error(
        beta.as_bytes(),
        expect![[
            r#"Kubernetes object: apiVersion "certificates.k8s.io/v1beta1" is not read; only certificates.k8s.io/v1 is (get it with `kubectl get csr NAME -o yaml`)"#
        ]],
    );
    let request = STANDARD.encode("not a PEM");
    let bad_request = KUBECTL_ISSUED.replacen(
        &KUBECTL_ISSUED[KUBECTL_ISSUED.find("\"request\": \"").unwrap()..]
            .split(',')
            .next()
            .unwrap()
            .to_owned(),
        &format!("\"request\": \"{request}\""),
        1,
    );
    check_error(
        bad_request.as_bytes(),
        expect![
            "spec.request (certificate request): no PEM block found; expected one starting with -----BEGIN CERTIFICATE REQUEST-----"
        ],
    );
    let no_request = KUBECTL_FAILED.replace(
        &KUBECTL_FAILED[KUBECTL_FAILED.find("  request: ").unwrap()..]
            .split_inclusive('\n')
            .next()
            .unwrap()
            .to_owned(),
        "",
    );
    check_error(
        no_request.as_bytes(),
        expect![
            "spec.request (certificate request): no PEM block found; expected one starting with -----BEGIN CERTIFICATE REQUEST-----"
        ],
    );
}

#[test]
fn status_reads_as_kubectl_get_csr_shows_it() {
    let denied = KUBECTL_FAILED.replace("type: Approved", "type: Denied");
    let inspection = inspect(denied.as_bytes(), now()).unwrap();
    assert_eq!(inspection.kubernetes.unwrap().status, "Denied,Failed");
    let approved_only = KUBECTL_FAILED
        .split("  - lastTransitionTime")
        .take(2)
        .collect::<Vec<_>>()
        .join("  - lastTransitionTime");
    let inspection = inspect(approved_only.as_bytes(), now()).unwrap();
    assert_eq!(inspection.kubernetes.unwrap().status, "Approved");
}

#[test]
fn kubernetes_timestamps_read_as_utc_and_bad_ones_are_refused() {
    let created = "creationTimestamp: \"2026-05-31T09:00:00Z\"";
    let offset = KUBECTL_FAILED.replace(
        created,
        "creationTimestamp: \"2026-05-31T11:00:00.5+02:00\"",
    );
    let inspection = inspect(offset.as_bytes(), now()).unwrap();
    let object = inspection.kubernetes.unwrap();
    assert_eq!(object.created.as_deref(), Some("2026-05-31T09:00:00Z"));
    let bad = KUBECTL_FAILED.replace(created, "creationTimestamp: yesterday");
    check_error(
        bad.as_bytes(),
        expect![[
            r#"metadata.creationTimestamp (time): "yesterday" is not an RFC 3339 time such as "2026-11-28T15:56:32Z" (it does not start with a 4-digit year)"#
        ]],
    );
    let bad = KUBECTL_FAILED.replacen(
        "lastUpdateTime: \"2026-05-31T09:05:12Z\"",
        "lastUpdateTime: \"2026-05-31T09:05\"",
        1,
    );
    check_error(
        bad.as_bytes(),
        expect![[
            r#"status.conditions[0].lastUpdateTime (time): "2026-05-31T09:05" is not an RFC 3339 time such as "2026-11-28T15:56:32Z" (a separator is missing)"#
        ]],
    );
}

#[test]
fn kubernetes_base64_fields_must_be_base64() {
    let request = &KUBECTL_FAILED[KUBECTL_FAILED.find("  request: ").unwrap()..]
        .split_inclusive('\n')
        .next()
        .unwrap();
    let bad = KUBECTL_FAILED.replace(request, "  request: not base64!\n");
    check_error(
        bad.as_bytes(),
        expect![
            "spec.request: not base64: '!' is not a base64 character (A-Z, a-z, 0-9, +, / and = padding), at byte 10"
        ],
    );
}
