//! The X.509 reading layer without any other program (openssl's views of the same are in
//! tests/tests/x509.rs, the interop crate): CSRs made by csrcraft read back as their spec and
//! sign as their key says, a subject displays as openssl shows it, time round-trips through
//! RFC 3339, and malformed name constraints are refused.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csrcraft::{
    Certificate, CertificateRequest, Error, Host, SignatureAlgorithm, SignatureError, Spec,
    UnixTime,
};

const CONSTRAINED_CA: &str = include_str!("data/inspect/constrained-ca.pem");

#[track_caller]
fn only(mut certificates: Vec<Certificate>) -> Certificate {
    assert_eq!(certificates.len(), 1);
    certificates.remove(0)
}

#[track_caller]
fn flip_in(der: &[u8], needle: &[u8]) -> Vec<u8> {
    let at = der
        .windows(needle.len())
        .position(|w| w == needle)
        .unwrap_or_else(|| panic!("{needle:?} not found"));
    let mut tampered = der.to_vec();
    tampered[at] ^= 0x01;
    tampered
}

fn decode_problem(error: Error) -> String {
    match error {
        Error::Decode { what, problem } => format!("{what}: {problem}"),
        other => panic!("expected Error::Decode, got {other:?}"),
    }
}

/// A DER element's tag, and its value (short and long length forms).
fn der_split(der: &[u8]) -> (u8, &[u8]) {
    let (length, header) = match der[1] {
        short @ 0..=0x7f => (usize::from(short), 2),
        long => {
            let count = usize::from(long & 0x7f);
            let length = der[2..2 + count]
                .iter()
                .fold(0, |n, &b| (n << 8) | usize::from(b));
            (length, 2 + count)
        }
    };
    (der[0], &der[header..header + length])
}

/// The elements of a constructed value, each with its tag and length.
fn der_children(mut value: &[u8]) -> Vec<&[u8]> {
    let mut children = Vec::new();
    while !value.is_empty() {
        let (_, inner) = der_split(value);
        let end = inner.as_ptr() as usize - value.as_ptr() as usize + inner.len();
        children.push(&value[..end]);
        value = &value[end..];
    }
    children
}

/// `tag` and `value` as DER.
fn der_element(tag: u8, value: &[u8]) -> Vec<u8> {
    let mut der = vec![tag];
    match value.len() {
        length @ 0..=0x7f => der.push(u8::try_from(length).unwrap()),
        length => {
            let bytes = u32::try_from(length).unwrap().to_be_bytes();
            let skip = bytes.iter().take_while(|&&b| b == 0).count();
            der.push(0x80 | u8::try_from(4 - skip).unwrap());
            der.extend(&bytes[skip..]);
        }
    }
    der.extend(value);
    der
}

fn spec(json: &str) -> Spec {
    Spec::from_json(json).unwrap().value
}

#[test]
fn name_constraints_given_twice_are_refused() {
    // The constrained CA with its nameConstraints extension repeated (the
    // signature no longer matches; reading does not check it).
    let ca = only(Certificate::chain_from_pem(CONSTRAINED_CA).unwrap());
    let (_, certificate) = der_split(ca.der());
    let parts = der_children(certificate);
    let (_, tbs) = der_split(parts[0]);
    let mut fields = der_children(tbs);
    let (explicit_tag, explicit) = der_split(fields.pop().unwrap());
    let (_, list) = der_split(explicit);
    let mut extensions = der_children(list);
    let name_constraints = [0x06, 0x03, 0x55, 0x1d, 0x1e];
    let at = extensions
        .iter()
        .position(|e| e.windows(5).any(|w| w == name_constraints))
        .unwrap();
    extensions.insert(at, extensions[at]);
    let list = der_element(0x30, &extensions.concat());
    let explicit = der_element(explicit_tag, &list);
    fields.push(&explicit);
    let tbs = der_element(0x30, &fields.concat());
    let der = der_element(0x30, &[tbs.as_slice(), parts[1], parts[2]].concat());
    assert_eq!(
        decode_problem(Certificate::from_der(&der).unwrap_err()),
        "certificate: the nameConstraints extension appears twice"
    );
    // The surgery itself changes nothing else: without the copy it reads.
    extensions.remove(at);
    let list = der_element(0x30, &extensions.concat());
    let explicit = der_element(explicit_tag, &list);
    *fields.last_mut().unwrap() = &explicit;
    let tbs = der_element(0x30, &fields.concat());
    let der = der_element(0x30, &[tbs.as_slice(), parts[1], parts[2]].concat());
    assert_eq!(der, ca.der());
}

#[test]
fn csrs_made_by_csrcraft_read_back_as_their_spec() {
    for (key, description) in [
        (r#"{"algo": "ecdsa", "size": 256}"#, "ecdsa P-256"),
        (r#"{"algo": "ecdsa", "size": 384}"#, "ecdsa P-384"),
        (r#"{"algo": "ecdsa", "size": 521}"#, "ecdsa P-521"),
        (r#"{"algo": "rsa", "size": 2048}"#, "rsa 2048 bits"),
        (r#"{"algo": "ed25519"}"#, "ed25519"),
    ] {
        let spec = spec(&format!(
            r#"{{"CN": "web", "key": {key},
                "hosts": ["spiffe://cluster.local/ns/a", "10.0.0.1", "a@example.com", "web.example.com"],
                "names": [{{"C": "CN", "O": "dev"}}, {{"O": "ops"}}]}}"#
        ));
        let made = csrcraft::generate(&spec, &mut getrandom::SysRng).unwrap();
        let read = CertificateRequest::from_pem(&made.request.pem()).unwrap();
        assert_eq!(read.der(), made.request.der());
        let info = read.info().unwrap();
        assert_eq!(info.signature, Ok(()), "{key}");
        assert_eq!(info.pem_label.as_deref(), Some("CERTIFICATE REQUEST"));
        assert_eq!(info.public_key.description, description);
        assert_eq!(info.public_key.algorithm, Some(made.key.algorithm()));
        assert_eq!(info.public_key.spki_der, made.key.public_key_der().unwrap());
        assert_eq!(info.subject.common_name(), Some("web"));
        assert_eq!(info.subject.organizations(), ["dev", "ops"]);
        assert_eq!(info.subject.to_string(), "C=CN, O=dev + O=ops, CN=web");
        assert_eq!(info.requested_extensions, ["subjectAltName"]);
        assert!(info.other_alt_names.is_empty());
        // Go's order: DNS, email, IP, URI.
        assert_eq!(
            info.subject_alt_names,
            [
                &spec.hosts[3],
                &spec.hosts[2],
                &spec.hosts[1],
                &spec.hosts[0]
            ]
            .map(Clone::clone)
        );

        let generated = made.request.info().unwrap();
        assert_eq!(generated.pem_label, None);
        assert_eq!(generated.signature, Ok(()));

        let tampered = CertificateRequest::from_der(&flip_in(made.request.der(), b"web.")).unwrap();
        let tampered = tampered.info().unwrap();
        assert_eq!(
            tampered.subject_alt_names[0],
            Host::Dns("veb.example.com".into())
        );
        assert_eq!(tampered.signature, Err(SignatureError::Invalid), "{key}");
    }
}

/// Found by the fuzz target `x509`: a CSR of version -128 was read; RFC 2986 has only v1 (0).
#[test]
fn a_csr_of_another_version_than_v1_is_refused() {
    let spec = spec(r#"{"CN": "web", "key": {"algo": "ecdsa", "size": 256}}"#);
    let made = csrcraft::generate(&spec, &mut getrandom::SysRng).unwrap();
    // CertificationRequest { CertificationRequestInfo { version INTEGER 0, ...
    let der = made.request.der();
    let (_, info) = der_split(der_split(der).1);
    let version_at = info.as_ptr() as usize - der.as_ptr() as usize;
    assert_eq!(der[version_at..version_at + 3], [0x02, 0x01, 0x00]);
    for version in [0x01, 0x80] {
        let mut der = der.to_vec();
        der[version_at + 2] = version;
        let refused = CertificateRequest::from_der(&der).and_then(|r| r.info());
        let why = match version {
            1 => {
                "unknown version, encoded as 1, at byte {at}; this format's only version is encoded as 0"
            }
            _ => "malformed INTEGER at byte {at}",
        };
        assert_eq!(
            decode_problem(refused.unwrap_err()),
            format!(
                "certificate request: not a valid PKCS#10 certificate signing request ({})",
                why.replace("{at}", &version_at.to_string())
            )
        );
    }
}

/// Found by the fuzz target `x509`: an attribute other than extensionRequest whose values
/// were not a SET was skipped unread; openssl and x509-parser refuse such a CSR.
#[test]
fn a_csr_attribute_whose_values_are_not_a_set_is_refused() {
    let spec = spec(r#"{"CN": "web", "hosts": ["web"], "key": {"algo": "ecdsa", "size": 256}}"#);
    let made = csrcraft::generate(&spec, &mut getrandom::SysRng).unwrap();
    let extension_request = [
        0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x0e,
    ];
    let mut der = made.request.der().to_vec();
    let at = der
        .windows(extension_request.len())
        .position(|w| w == extension_request)
        .unwrap();
    let values_at = at + extension_request.len();
    assert_eq!(der[values_at], 0x31);
    der[at + 10] = 0x07; // challengePassword
    der[values_at] = 0x09; // REAL
    let refused = CertificateRequest::from_der(&der).and_then(|r| r.info());
    assert_eq!(
        decode_problem(refused.unwrap_err()),
        format!(
            "certificate request: not a valid PKCS#10 certificate signing request \
             (unexpected ASN.1 DER tag: expected SET, got universal [9] at byte {values_at})"
        )
    );
}

#[test]
fn csr_signature_algorithms_follow_the_key() {
    for (key, algorithm) in [
        (
            r#"{"algo": "ecdsa", "size": 384}"#,
            SignatureAlgorithm::EcdsaSha384,
        ),
        (r#"{"algo": "ed25519"}"#, SignatureAlgorithm::Ed25519),
    ] {
        let made = csrcraft::generate(
            &spec(&format!(r#"{{"hosts": ["a.example"], "key": {key}}}"#)),
            &mut getrandom::SysRng,
        )
        .unwrap();
        let info = made.request.info().unwrap();
        assert_eq!(info.signature_algorithm, algorithm);
        assert!(info.subject.is_empty());
        assert_eq!(info.subject.to_string(), "");
        assert_eq!(info.subject.common_name(), None);
        assert_eq!(info.requested_extensions, ["subjectAltName"]);
    }
}

#[test]
fn tutorial_csr_subject_displays_as_openssl_does() {
    let request = CertificateRequest::from_pem(include_str!("data/tutorial-p256.csr")).unwrap();
    let info = request.info().unwrap();
    assert_eq!(
        info.subject.to_string(),
        "C=CN, ST=Beijing, L=Beijing, O=example, OU=example, CN=my-pod.my-namespace.pod.cluster.local"
    );
    assert_eq!(info.subject.values("2.5.4.7"), ["Beijing"]);
    let short_names: Vec<_> = info
        .subject
        .attributes()
        .map(|a| a.short_name.unwrap())
        .collect();
    assert_eq!(short_names, ["C", "ST", "L", "O", "OU", "CN"]);
    assert_eq!(info.signature, Ok(()));
}

#[test]
fn time_round_trips_through_rfc3339() {
    for (text, seconds, formatted) in [
        ("1970-01-01T00:00:00Z", 0, "1970-01-01T00:00:00Z"),
        (
            "2026-11-28T15:56:32Z",
            1_795_881_392,
            "2026-11-28T15:56:32Z",
        ),
        (
            "2026-11-28T16:56:32+01:00",
            1_795_881_392,
            "2026-11-28T15:56:32Z",
        ),
        (
            "2026-11-28T15:56:32.999Z",
            1_795_881_392,
            "2026-11-28T15:56:32Z",
        ),
        ("1969-12-31T23:59:59Z", -1, "1969-12-31T23:59:59Z"),
        (
            "9999-12-31T23:59:59Z",
            253_402_300_799,
            "9999-12-31T23:59:59Z",
        ),
    ] {
        let time = UnixTime::parse_rfc3339(text).unwrap();
        assert_eq!(time, UnixTime(seconds), "{text}");
        assert_eq!(time.to_rfc3339(), formatted, "{text}");
        assert_eq!(time.to_string(), formatted);
    }
    assert_eq!(UnixTime(i64::MAX).to_rfc3339(), format!("@{}", i64::MAX));
    assert!(UnixTime(1) < UnixTime(2));
}

#[test]
fn bad_time_is_an_error() {
    for text in [
        "",
        "yesterday",
        "2026-11-28",
        "2026-11-28 15:56:32",
        "2026-13-01T00:00:00Z",
    ] {
        let problem = decode_problem(UnixTime::parse_rfc3339(text).unwrap_err());
        assert!(
            problem.starts_with(&format!("time: {text:?} is not an RFC 3339 time")),
            "{problem}"
        );
    }
}
