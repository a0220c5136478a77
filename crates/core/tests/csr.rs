//! The CSR as a reader sees it (x509-parser): subject layout and string types
//! as Go writes them, SAN order, signature algorithms, and a byte-exact golden
//! file for a fixed key (ECDSA and Ed25519 signatures are deterministic).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csrcraft::{CertificateRequest, EcdsaCurve, KeyAlgorithm, PrivateKey, Spec};
use x509_parser::certification_request::X509CertificationRequest;
use x509_parser::extensions::{GeneralName, ParsedExtension};
use x509_parser::prelude::FromDer;

const TUTORIAL_SPEC: &str = r#"{"hosts": ["my-svc.my-namespace.svc.cluster.local", "my-pod.my-namespace.pod.cluster.local", "172.168.0.24", "10.0.34.2"],
  "CN": "my-pod.my-namespace.pod.cluster.local", "key": {"algo": "ecdsa", "size": 256},
  "names": [{"C": "CN", "ST": "Beijing", "L": "Beijing", "O": "example", "OU": "example"}]}"#;

fn request_for(json: &str, key: &PrivateKey) -> CertificateRequest {
    let spec = Spec::from_json(json).unwrap().value;
    CertificateRequest::new(&spec, key, &mut getrandom::SysRng).unwrap()
}

fn p256() -> PrivateKey {
    PrivateKey::from_pem(include_str!("data/test-p256-key.pem")).unwrap()
}

/// Each RDN as `TYPE=tag:value` joined by `+`, in order.
fn rdns(der: &[u8]) -> Vec<String> {
    let (_, csr) = X509CertificationRequest::from_der(der).unwrap();
    csr.certification_request_info
        .subject
        .iter()
        .map(|rdn| {
            rdn.iter()
                .map(|atv| {
                    let oid = atv.attr_type().to_id_string();
                    let tag = atv.attr_value().header.tag().0;
                    let value = atv.as_str().unwrap();
                    let tag = match tag {
                        12 => "utf8",
                        19 => "printable",
                        22 => "ia5",
                        other => panic!("unexpected string tag {other}"),
                    };
                    format!("{oid}={tag}:{value}")
                })
                .collect::<Vec<_>>()
                .join("+")
        })
        .collect()
}

fn sans(der: &[u8]) -> Vec<String> {
    let (_, csr) = X509CertificationRequest::from_der(der).unwrap();
    let Some(mut extensions) = csr.requested_extensions() else {
        return Vec::new();
    };
    let Some(ParsedExtension::SubjectAlternativeName(san)) = extensions.next() else {
        panic!("the one requested extension is subjectAltName");
    };
    assert!(extensions.next().is_none());
    san.general_names
        .iter()
        .map(|name| match name {
            GeneralName::DNSName(n) => format!("DNS:{n}"),
            GeneralName::RFC822Name(n) => format!("email:{n}"),
            GeneralName::URI(n) => format!("URI:{n}"),
            GeneralName::IPAddress(bytes) => format!("IP:{}", hex(bytes)),
            other => panic!("unexpected name {other:?}"),
        })
        .collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn subject_is_laid_out_as_go_does() {
    let csr = request_for(
        r#"{"CN": "*.apps.example.com", "serialnumber": "A-1", "names": [
            {"C": "DE", "ST": "Berlin", "L": "Berlin", "O": "Bücher GmbH", "OU": "R&D", "E": "ops@example.com"},
            {"O": "dev", "OID": {"2.5.4.9": "Main St 1"}}]}"#,
        &p256(),
    );
    assert_eq!(
        rdns(csr.der()),
        [
            "2.5.4.6=printable:DE",
            "2.5.4.8=printable:Berlin",
            "2.5.4.7=printable:Berlin",
            // Both O values in one multi-valued RDN, DER-sorted (shorter first).
            "2.5.4.10=printable:dev+2.5.4.10=utf8:Bücher GmbH",
            // Go refuses '&' and '*' in PrintableString.
            "2.5.4.11=utf8:R&D",
            "2.5.4.3=utf8:*.apps.example.com",
            "2.5.4.5=printable:A-1",
            "1.2.840.113549.1.9.1=utf8:ops@example.com",
            "2.5.4.9=printable:Main St 1",
        ]
    );
}

#[test]
fn subject_alt_names_are_ordered_dns_email_ip_uri() {
    let csr = request_for(
        r#"{"CN": "x", "hosts": ["spiffe://cluster.local/ns/a", "2001:db8::1", "ops@example.com", "10.0.0.1", "web.example.com"]}"#,
        &p256(),
    );
    assert_eq!(
        sans(csr.der()),
        [
            "DNS:web.example.com",
            "email:ops@example.com",
            "IP:20010db8000000000000000000000001",
            "IP:0a000001",
            "URI:spiffe://cluster.local/ns/a",
        ]
    );
}

#[test]
fn no_hosts_means_no_requested_extensions() {
    let csr = request_for(r#"{"CN": "alice", "names": [{"O": "dev"}]}"#, &p256());
    let (_, parsed) = X509CertificationRequest::from_der(csr.der()).unwrap();
    assert!(parsed.certification_request_info.attributes().is_empty());
}

#[test]
fn signature_algorithm_follows_cfssl() {
    let cases = [
        (
            KeyAlgorithm::Ecdsa(EcdsaCurve::P256),
            "1.2.840.10045.4.3.2",
            false,
        ),
        (
            KeyAlgorithm::Ecdsa(EcdsaCurve::P384),
            "1.2.840.10045.4.3.3",
            false,
        ),
        (
            KeyAlgorithm::Ecdsa(EcdsaCurve::P521),
            "1.2.840.10045.4.3.4",
            false,
        ),
        (
            KeyAlgorithm::Rsa { bits: 2048 },
            "1.2.840.113549.1.1.11",
            true,
        ),
        (
            KeyAlgorithm::Rsa { bits: 3072 },
            "1.2.840.113549.1.1.12",
            true,
        ),
        (
            KeyAlgorithm::Rsa { bits: 4096 },
            "1.2.840.113549.1.1.13",
            true,
        ),
        (KeyAlgorithm::Ed25519, "1.3.101.112", false),
    ];
    for (algorithm, oid, null_parameters) in cases {
        let key = PrivateKey::generate(algorithm, &mut getrandom::SysRng).unwrap();
        let csr = request_for(r#"{"CN": "a"}"#, &key);
        let (_, parsed) = X509CertificationRequest::from_der(csr.der()).unwrap();
        assert_eq!(
            parsed.signature_algorithm.algorithm.to_id_string(),
            oid,
            "{algorithm}"
        );
        assert_eq!(
            parsed.signature_algorithm.parameters.is_some(),
            null_parameters,
            "{algorithm}"
        );
        assert_eq!(
            parsed.certification_request_info.subject_pki.raw,
            key.public_key_der().unwrap(),
            "{algorithm}: the CSR carries the key's public half"
        );
    }
}

#[test]
fn pem_is_labelled_certificate_request() {
    let pem = request_for(r#"{"CN": "a"}"#, &p256()).pem();
    assert!(pem.starts_with("-----BEGIN CERTIFICATE REQUEST-----\n"));
    assert!(pem.ends_with("-----END CERTIFICATE REQUEST-----\n"));
}

#[test]
fn golden_tutorial_csr_for_a_fixed_key() {
    // Regenerate after a deliberate change: see data/README.md.
    let golden = [
        (
            "data/test-p256-key.pem",
            include_str!("data/test-p256-key.pem"),
            include_str!("data/tutorial-p256.csr"),
        ),
        (
            "data/test-ed25519-key.pem",
            include_str!("data/test-ed25519-key.pem"),
            include_str!("data/tutorial-ed25519.csr"),
        ),
    ];
    for (name, key, expected) in golden {
        let key = PrivateKey::from_pem(key).unwrap();
        assert_eq!(request_for(TUTORIAL_SPEC, &key).pem(), expected, "{name}");
    }
}
