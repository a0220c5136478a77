//! The CSR as an independent reader sees it (x509-cert, and `der` by hand): subject layout and string types
//! as Go writes them, SAN order, signature algorithms, and a byte-exact golden
//! file for a fixed key (ECDSA and Ed25519 signatures are deterministic).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csrcraft::{CertificateRequest, EcdsaCurve, KeyAlgorithm, PrivateKey, Spec};
use der::asn1::{AnyRef, ObjectIdentifier};
use der::{Decode, Encode, Reader, SliceReader, Tag, Tagged};
use x509_cert::ext::pkix::SubjectAltName;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::request::{CertReq, ExtensionReq};

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

/// The subject and the raw `SubjectPublicKeyInfo` of a CSR, walked by hand so
/// that each RDN's values stay in encoded order (a decoder would re-sort them).
fn subject_and_spki(der: &[u8]) -> (AnyRef<'_>, &[u8]) {
    let request = AnyRef::from_der(der).unwrap();
    let info = request
        .sequence(|r: &mut SliceReader<'_>| {
            let info = AnyRef::decode(r)?;
            r.read_slice(r.remaining_len())?;
            Ok::<_, der::Error>(info)
        })
        .unwrap();
    info.sequence(|r: &mut SliceReader<'_>| {
        AnyRef::decode(r)?; // version
        let subject = AnyRef::decode(r)?;
        let spki = r.tlv_bytes()?;
        r.read_slice(r.remaining_len())?; // attributes
        Ok::<_, der::Error>((subject, spki))
    })
    .unwrap()
}

/// The elements of a SEQUENCE OF or SET OF, in encoded order.
fn elements(constructed: AnyRef<'_>) -> Vec<AnyRef<'_>> {
    let mut reader = SliceReader::new(constructed.value()).unwrap();
    let mut elements = Vec::new();
    while !reader.is_finished() {
        elements.push(AnyRef::decode(&mut reader).unwrap());
    }
    elements
}

/// Each RDN as `TYPE=tag:value` joined by `+`, in order.
fn rdns(der: &[u8]) -> Vec<String> {
    let (subject, _) = subject_and_spki(der);
    elements(subject)
        .into_iter()
        .map(|rdn| {
            assert_eq!(rdn.tag(), Tag::Set);
            elements(rdn)
                .into_iter()
                .map(|atv| {
                    let (oid, value): (ObjectIdentifier, AnyRef<'_>) = atv
                        .sequence(|r: &mut SliceReader<'_>| {
                            Ok::<_, der::Error>((ObjectIdentifier::decode(r)?, AnyRef::decode(r)?))
                        })
                        .unwrap();
                    let tag = match value.tag() {
                        Tag::Utf8String => "utf8",
                        Tag::PrintableString => "printable",
                        Tag::Ia5String => "ia5",
                        other => panic!("unexpected string tag {other}"),
                    };
                    let value = std::str::from_utf8(value.value()).unwrap();
                    format!("{oid}={tag}:{value}")
                })
                .collect::<Vec<_>>()
                .join("+")
        })
        .collect()
}

/// The extensions of the `extensionRequest` attributes, if there is one.
fn requested_extensions(csr: &CertReq) -> Option<Vec<x509_cert::ext::Extension>> {
    let oid = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.14");
    let attributes: Vec<_> = csr
        .info
        .attributes
        .iter()
        .filter(|a| a.oid == oid)
        .collect();
    if attributes.is_empty() {
        return None;
    }
    Some(
        attributes
            .iter()
            .flat_map(|a| a.values.iter())
            .flat_map(|v| ExtensionReq::from_der(&v.to_der().unwrap()).unwrap().0)
            .collect(),
    )
}

fn sans(der: &[u8]) -> Vec<String> {
    let csr = CertReq::from_der(der).unwrap();
    let Some(extensions) = requested_extensions(&csr) else {
        return Vec::new();
    };
    let [extension] = extensions.as_slice() else {
        panic!("the one requested extension is subjectAltName: {extensions:?}");
    };
    assert_eq!(
        extension.extn_id,
        ObjectIdentifier::new_unwrap("2.5.29.17"),
        "the one requested extension is subjectAltName"
    );
    let san = SubjectAltName::from_der(extension.extn_value.as_bytes()).unwrap();
    san.0
        .iter()
        .map(|name| match name {
            GeneralName::DnsName(n) => format!("DNS:{n}"),
            GeneralName::Rfc822Name(n) => format!("email:{n}"),
            GeneralName::UniformResourceIdentifier(n) => format!("URI:{n}"),
            GeneralName::IpAddress(bytes) => format!("IP:{}", hex(bytes.as_bytes())),
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
    let parsed = CertReq::from_der(csr.der()).unwrap();
    assert!(parsed.info.attributes.is_empty());
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
        let parsed = CertReq::from_der(csr.der()).unwrap();
        assert_eq!(parsed.algorithm.oid.to_string(), oid, "{algorithm}");
        assert_eq!(
            parsed.algorithm.parameters.is_some(),
            null_parameters,
            "{algorithm}"
        );
        assert_eq!(
            subject_and_spki(csr.der()).1,
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
