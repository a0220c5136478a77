//! The core's certificate reader against x509-parser, the design card's reader, as a reference
//! (and the CSRs csrcraft makes: subject, SANs and public key as x509-parser reads them):
//! every certificate in the core's fixtures and in x509-limbo's 648 chains
//! (`../shared/limbo`). On each certificate both read, the version, serial, subject, issuer,
//! validity, subject alt names, key usage, extended key usage, basic constraints and the
//! extensions' OIDs and criticality agree. A certificate one reads and the other refuses must
//! be one of the differences `Difference` lists, each argued; any other fails the test. The
//! comparison is `csrcraft_interop::x509_compare`'s, which the fuzz target `x509` shares.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use csrcraft_interop::run;
use csrcraft_interop::x509_compare::{
    Comparison, Difference, compare_certificate, compare_request, request_by_core,
    request_by_x509_parser,
};

/// Every certificate to compare: (where it is from, DER).
fn certificates() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/core/tests/data");
    let mut dirs = vec![data];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.ends_with(".der") && bytes.first() == Some(&0x30) {
                out.push((name.clone(), bytes.clone()));
            }
            if let Ok(text) = String::from_utf8(bytes) {
                pem_certificates(&name, &text, &mut out);
            }
        }
    }
    let limbo =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/limbo/limbo-subset.json.gz");
    let json = run("gzip", &["-dc", limbo.to_str().unwrap()], None).stdout;
    let limbo: serde_json::Value = serde_json::from_str(&json).unwrap();
    for case in limbo["testcases"].as_array().unwrap() {
        let id = case["id"].as_str().unwrap();
        let mut pems: Vec<&str> = vec![case["peer_certificate"].as_str().unwrap()];
        for list in ["untrusted_intermediates", "trusted_certs"] {
            pems.extend(
                case[list]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|p| p.as_str().unwrap()),
            );
        }
        for pem in pems {
            pem_certificates(id, pem, &mut out);
        }
    }
    out
}

/// The DER of each `CERTIFICATE` block in `text` (decoded by the base64 crate, not the core).
fn pem_certificates(origin: &str, text: &str, out: &mut Vec<(String, Vec<u8>)>) {
    use base64::Engine;
    let mut rest = text;
    while let Some(start) = rest.find("-----BEGIN CERTIFICATE-----") {
        let body = &rest[start + 27..];
        let Some(end) = body.find("-----END CERTIFICATE-----") else {
            return;
        };
        let b64: String = body[..end].split_whitespace().collect();
        if let Ok(der) = base64::engine::general_purpose::STANDARD.decode(b64) {
            out.push((origin.to_owned(), der));
        }
        rest = &body[end..];
    }
}

#[test]
fn the_core_reads_certificates_as_x509_parser_does() {
    let all = certificates();
    assert!(all.len() > 2500, "only {} certificates found", all.len());
    let (mut same, mut both_refuse) = (0, 0);
    let mut argued = std::collections::BTreeMap::<Difference, usize>::new();
    let mut differences = Vec::new();
    for (origin, der) in &all {
        match compare_certificate(der) {
            Comparison::Same => same += 1,
            Comparison::BothRefuse => both_refuse += 1,
            Comparison::Argued(kind) => *argued.entry(kind).or_default() += 1,
            Comparison::ReadDifferently(how) => {
                differences.push(format!("{origin}: read differently:\n  {how}"));
            }
            Comparison::OnlyCoreReads(why) => {
                differences.push(format!("{origin}: the core reads it; x509-parser: {why}"));
            }
            Comparison::OnlyParserReads(why) => {
                differences.push(format!("{origin}: the core: {why}; x509-parser reads it"));
            }
        }
    }
    eprintln!(
        "{} certificates: {same} read alike, {both_refuse} refused by both, argued differences {argued:?}",
        all.len()
    );
    assert!(differences.is_empty(), "{}", differences.join("\n"));
    // Each argued difference is still there: if one goes, its entry goes too.
    assert_eq!(
        argued.keys().copied().collect::<Vec<_>>(),
        [
            Difference::DuplicateExtension,
            Difference::EmptySubtrees,
            Difference::InvalidGeneralName
        ]
    );
}

#[test]
fn csrs_csrcraft_makes_read_as_x509_parser_reads_them() {
    let mut compared = 0;
    for case in csrcraft_interop::CASES {
        for algorithm in csrcraft_interop::ALGORITHMS {
            let spec =
                csrcraft_interop::parse_spec(&csrcraft_interop::with_key(case.spec, algorithm.key));
            let made = csrcraft_interop::generate(&spec);
            let (subject, sans, key) = request_by_core(made.request.der()).unwrap();
            let theirs = request_by_x509_parser(made.request.der()).unwrap();
            let what = format!("{} with {}", case.name, algorithm.name);
            assert_eq!(subject, theirs.0, "{what}: subject");
            assert_eq!(sans, theirs.1, "{what}: subject alt names");
            assert_eq!(key, theirs.2, "{what}: public key");
            compared += 1;
        }
    }
    assert!(compared >= 20, "only {compared} CSRs compared");
}

/// The DER of the tutorial's CSR (the first case) with the byte `offset` past the first
/// `needle` set to `byte`: a mutation the fuzz target `x509` found, made again.
fn tutorial_csr_with(needle: &[u8], offset: usize, byte: u8) -> Vec<u8> {
    let case = &csrcraft_interop::CASES[0];
    let made = csrcraft_interop::generate(&csrcraft_interop::parse_spec(case.spec));
    let mut der = made.request.der().to_vec();
    let at = der
        .windows(needle.len())
        .position(|w| w == needle)
        .unwrap_or_else(|| panic!("{needle:02x?} not in the tutorial CSR"));
    der[at + offset] = byte;
    der
}

/// Found by the fuzz target `x509`: a CSR whose common name has a byte that is not text (0x9e
/// in a PrintableString). x509-parser leaves the value undecoded, the core shows it with
/// U+FFFD; as for certificates, such a value is compared by its attribute type only.
#[test]
fn a_name_value_x509_parser_does_not_decode_is_compared_by_type() {
    // The `l` of `cluster` in the common name.
    let der = tutorial_csr_with(b"pod.cluster.local", 5, 0x9e);
    let (subject, _, _) = request_by_core(&der).unwrap();
    assert!(
        subject
            .iter()
            .flatten()
            .any(|(_, v)| v.as_deref().is_some_and(|v| v.contains('\u{fffd}'))),
        "{subject:?}"
    );
    let theirs = request_by_x509_parser(&der).unwrap();
    assert!(
        theirs.0.iter().flatten().any(|(_, v)| v.is_none()),
        "{theirs:?}"
    );
    assert!(matches!(compare_request(&der), Comparison::Same));
}

/// Found by the fuzz target `x509`: a CSR whose subjectAltName OID became basicConstraints'
/// (2.5.29.17 to 2.5.29.19), so a SAN's contents stand under basicConstraints. x509-parser
/// refuses the CSR; the core reads it (with no SANs, and basicConstraints among the requested
/// extensions), as Go's crypto/x509 does.
#[test]
fn a_requested_extension_the_core_does_not_decode_is_an_argued_difference() {
    let der = tutorial_csr_with(&[0x06, 0x03, 0x55, 0x1d, 0x11], 4, 0x13);
    let (_, sans, _) = request_by_core(&der).unwrap();
    assert_eq!(sans, Vec::<String>::new());
    assert!(request_by_x509_parser(&der).is_err());
    assert!(matches!(
        compare_request(&der),
        Comparison::Argued(Difference::RequestContents)
    ));
}

/// Found by the fuzz target `x509`: `StringTagClass` in a CSR's subject (the OU's
/// PrintableString tag made context `[22]`), argued as it is for certificates.
#[test]
fn a_string_tag_in_another_class_is_argued_in_csrs_too() {
    // organizationalUnitName, PrintableString
    let der = tutorial_csr_with(&[0x55, 0x04, 0x0b, 0x13], 3, 0x96);
    assert!(matches!(
        compare_request(&der),
        Comparison::Argued(Difference::StringTagClass)
    ));
}

/// Found by the fuzz target `x509`: the extensionRequest attribute's OID made challengePassword's,
/// so its value is not a DirectoryString. x509-parser refuses the CSR; the core, as Go's
/// crypto/x509, does not decode a challengePassword.
#[test]
fn a_challenge_password_the_core_does_not_decode_is_an_argued_difference() {
    let extension_request = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x0e];
    let der = tutorial_csr_with(&extension_request, 8, 0x07);
    assert!(request_by_core(&der).is_ok());
    assert!(request_by_x509_parser(&der).is_err());
    assert!(matches!(
        compare_request(&der),
        Comparison::Argued(Difference::RequestContents)
    ));
}
