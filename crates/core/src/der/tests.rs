//! Tests of the DER reader, writer, OIDs and PEM, and a differential test
//! against the `der` crate over every certificate, CSR and key the repo's
//! test data holds or the tests generate.

use super::oid::{self, dotted, from_dotted};
use super::read::{MAX_DEPTH, Problem};
use super::{Reader, parse, tag, write};
use crate::pem;

/// Reads `der` as one element and walks every constructed value inside,
/// giving the error's text or `ok`.
#[track_caller]
fn check(der: &[u8], expect: &str) {
    let got = match walk(der) {
        Ok(_) => "ok".to_owned(),
        Err(e) => e.to_string(),
    };
    assert_eq!(got, expect, "{der:02x?}");
}

/// Every element as (offset, tag, value), depth first.
fn walk(der: &[u8]) -> Result<Vec<(usize, u8, Vec<u8>)>, super::DerError> {
    fn visit(
        reader: &mut Reader<'_>,
        out: &mut Vec<(usize, u8, Vec<u8>)>,
    ) -> Result<(), super::DerError> {
        while !reader.is_empty() {
            let element = reader.read_any()?;
            out.push((element.at, element.tag, element.value.to_vec()));
            if element.tag & 0x20 != 0 {
                visit(&mut element.contents()?, out)?;
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    let element = parse(der)?;
    out.push((element.at, element.tag, element.value.to_vec()));
    if element.tag & 0x20 != 0 {
        visit(&mut element.contents()?, &mut out)?;
    }
    Ok(out)
}

#[test]
fn well_formed_elements_read() {
    check(&[0x05, 0x00], "ok");
    check(&[0x30, 0x03, 0x02, 0x01, 0x05], "ok");
    check(&[0x30, 0x00], "ok");
    check(&[0xa0, 0x03, 0x02, 0x01, 0x02], "ok");
    check(&[0x1c, 0x04, 0, 0, 0, 0x41], "ok");
}

#[test]
fn malformed_elements_are_refused_with_their_offset() {
    check(&[], "the input ends inside a DER element at byte 0");
    check(&[0x30], "the input ends inside a DER element at byte 0");
    check(
        &[0x04, 0x02, 0x00],
        "the input ends inside a DER element at byte 0",
    );
    check(
        &[0x04, 0x82, 0x01],
        "the input ends inside a DER element at byte 0",
    );
    check(
        &[0x30, 0x80, 0x00, 0x00],
        "indefinite length (BER), which DER forbids at byte 0",
    );
    check(
        &[0x04, 0x81, 0x05, 0, 0, 0, 0, 0],
        "length not in its shortest form at byte 0",
    );
    check(
        &[0x04, 0x82, 0x00, 0x80],
        "length not in its shortest form at byte 0",
    );
    check(
        &[0x04, 0x85, 1, 0, 0, 0, 0],
        "length of more than four octets at byte 0",
    );
    check(
        &[0x1f, 0x22, 0x00],
        "tag number of 31 or more, which is not supported at byte 0",
    );
    check(
        &[0x10, 0x00],
        "universal [16] with the wrong constructed bit at byte 0",
    );
    check(
        &[0x24, 0x00],
        "universal [4] (constructed) with the wrong constructed bit at byte 0",
    );
    check(&[0x05, 0x00, 0x05], "1 bytes of trailing data at byte 2");
    check(
        &[0x30, 0x04, 0x02, 0x01, 0x05, 0x00],
        "unexpected ASN.1 DER tag: end-of-contents at byte 5",
    );
    check(
        &[0x30, 0x03, 0x02, 0x02, 0x05],
        "the input ends inside a DER element at byte 2",
    );
}

#[test]
fn lengths_at_form_boundaries_round_trip() {
    for length in [0, 1, 127, 128, 255, 256, 65535, 65536] {
        let value = vec![0x5a; length];
        let der = write::tlv(tag::OCTET_STRING, &[&value]);
        let header = match length {
            0..=127 => vec![0x04, length as u8],
            128..=255 => vec![0x04, 0x81, length as u8],
            256..=65535 => vec![0x04, 0x82, (length >> 8) as u8, length as u8],
            _ => vec![
                0x04,
                0x83,
                (length >> 16) as u8,
                (length >> 8) as u8,
                length as u8,
            ],
        };
        assert_eq!(der[..header.len()], header, "{length}");
        let element = parse(&der).unwrap();
        assert_eq!(element.octets().unwrap(), &value[..]);
        assert_eq!(element.der, &der[..]);
        // One byte short is truncated.
        let short = &der[..der.len() - 1];
        if !short.is_empty() && length > 0 {
            assert_eq!(parse(short).unwrap_err().problem, Problem::Truncated);
        }
    }
}

#[test]
fn expected_tags_are_named() {
    let integer = parse(&[0x02, 0x01, 0x05]).unwrap();
    assert_eq!(
        integer.expect(tag::SEQUENCE).unwrap_err().to_string(),
        "unexpected ASN.1 DER tag: expected SEQUENCE, got INTEGER at byte 0"
    );
    let context = parse(&[0xa3, 0x00]).unwrap();
    assert_eq!(
        context
            .expect(tag::context(0, true))
            .unwrap_err()
            .to_string(),
        "unexpected ASN.1 DER tag: expected [0] (constructed), got [3] (constructed) at byte 0"
    );
}

#[test]
fn nesting_is_bounded() {
    let mut der = vec![0x05, 0x00];
    for _ in 0..=MAX_DEPTH {
        der = write::sequence(&[&der]);
    }
    assert_eq!(walk(&der).unwrap_err().problem, Problem::TooDeep);
    let mut shallow = vec![0x05, 0x00];
    for _ in 0..MAX_DEPTH {
        shallow = write::sequence(&[&shallow]);
    }
    assert!(walk(&shallow).is_ok());
}

#[test]
fn typed_values_are_strict() {
    fn value(der: &[u8]) -> super::Tlv<'_> {
        parse(der).unwrap()
    }
    assert_eq!(value(&[0x01, 0x01, 0xff]).boolean(), Ok(true));
    assert_eq!(value(&[0x01, 0x01, 0x00]).boolean(), Ok(false));
    assert_eq!(
        value(&[0x01, 0x01, 0x01])
            .boolean()
            .unwrap_err()
            .to_string(),
        "malformed BOOLEAN at byte 0"
    );
    assert_eq!(value(&[0x02, 0x01, 0x00]).u32(), Ok(0));
    assert_eq!(value(&[0x02, 0x02, 0x00, 0x80]).u32(), Ok(128));
    assert_eq!(
        value(&[0x02, 0x05, 0x00, 0xff, 0xff, 0xff, 0xff]).u32(),
        Ok(u32::MAX)
    );
    for bad in [
        &[0x02, 0x00][..],
        &[0x02, 0x02, 0x00, 0x05],
        &[0x02, 0x01, 0x80],
        &[0x02, 0x05, 0x01, 0, 0, 0, 0],
    ] {
        assert_eq!(
            value(bad).u32().unwrap_err().problem,
            Problem::Malformed(tag::INTEGER),
            "{bad:02x?}"
        );
    }
    let bits = value(&[0x03, 0x02, 0x07, 0x80]).bit_string().unwrap();
    assert_eq!((bits.unused_bits, bits.bytes), (7, &[0x80][..]));
    assert_eq!(bits.whole_bytes(), None);
    assert!(value(&[0x03, 0x00]).bit_string().is_err());
    assert!(value(&[0x03, 0x01, 0x01]).bit_string().is_err());
    assert!(value(&[0x03, 0x02, 0x08, 0x00]).bit_string().is_err());
}

/// Found by the fuzz target `x509`: an ECDSA signature's BIT STRING with 6 unused bits, some of
/// them set, was read, where DER (X.690 §11.2.2) and x509-parser refuse it.
#[test]
fn a_bit_string_with_unused_bits_set_is_refused() {
    let read = |der: &[u8]| {
        parse(der)
            .unwrap()
            .bit_string()
            .map(|bits| bits.unused_bits)
    };
    assert_eq!(read(&[0x03, 0x02, 0x06, 0x40]), Ok(6));
    assert_eq!(read(&[0x03, 0x02, 0x07, 0x80]), Ok(7));
    for der in [[0x03, 0x02, 0x06, 0x41], [0x03, 0x02, 0x01, 0x01]] {
        assert_eq!(
            read(&der),
            Err(super::DerError {
                at: 0,
                problem: Problem::Malformed(tag::BIT_STRING)
            }),
            "{der:02x?}"
        );
    }
}

#[test]
fn integers_must_be_minimal() {
    let read = |der: &[u8]| parse(der).unwrap().integer().map(<[u8]>::to_vec);
    for ok in [
        &[0x00][..],
        &[0x7f],
        &[0x00, 0x80],
        &[0xff],
        &[0x80],
        &[0xff, 0x7f],
    ] {
        let der = [&[0x02, ok.len() as u8][..], ok].concat();
        assert_eq!(read(&der), Ok(ok.to_vec()), "{der:02x?}");
    }
    // Found by fuzzing (`x509`): a serial `00 00 01` read as `01`, where
    // x509-parser keeps `00 01`; DER has one encoding of each number.
    for bad in [&[][..], &[0x00, 0x00, 0x01], &[0x00, 0x7f], &[0xff, 0x80]] {
        let der = [&[0x02, bad.len() as u8][..], bad].concat();
        assert_eq!(
            read(&der),
            Err(super::DerError {
                at: 0,
                problem: Problem::Malformed(tag::INTEGER)
            }),
            "{der:02x?}"
        );
    }
}

#[test]
fn integers_are_written_minimal() {
    assert_eq!(write::unsigned(&[]), [0x02, 0x01, 0x00]);
    assert_eq!(write::unsigned(&[0, 0]), [0x02, 0x01, 0x00]);
    assert_eq!(write::unsigned(&[0, 0x7f]), [0x02, 0x01, 0x7f]);
    assert_eq!(write::unsigned(&[0x80]), [0x02, 0x02, 0x00, 0x80]);
    assert_eq!(write::bit_string(&[1, 2]), [0x03, 0x03, 0x00, 1, 2]);
}

#[test]
fn oids_format_and_parse() {
    for (bytes, text) in [
        (oid::EC_PUBLIC_KEY, "1.2.840.10045.2.1"),
        (oid::RSA_ENCRYPTION, "1.2.840.113549.1.1.1"),
        (oid::RSASSA_PSS, "1.2.840.113549.1.1.10"),
        (oid::ED25519, "1.3.101.112"),
        (oid::ED448, "1.3.101.113"),
        (oid::X25519, "1.3.101.110"),
        (oid::X448, "1.3.101.111"),
        (oid::DSA, "1.2.840.10040.4.1"),
        (oid::P256, "1.2.840.10045.3.1.7"),
        (oid::P384, "1.3.132.0.34"),
        (oid::P521, "1.3.132.0.35"),
        (oid::SECP256K1, "1.3.132.0.10"),
        (oid::EXTENSION_REQUEST, "1.2.840.113549.1.9.14"),
        (oid::SUBJECT_ALT_NAME, "2.5.29.17"),
    ] {
        assert_eq!(dotted(bytes), text);
        assert_eq!(from_dotted(text).as_deref(), Some(bytes));
    }
    assert_eq!(dotted(&[0x88, 0x37, 0x03]), "2.999.3");
    assert_eq!(
        from_dotted("1.2.4294967295").unwrap(),
        [0x2a, 0x8f, 0xff, 0xff, 0xff, 0x7f]
    );
    for bad in [
        "",
        "1",
        "3.1",
        "1.40",
        "1..2",
        "1.2.",
        "a.b",
        "1.2.4294967296",
        "-1.2",
    ] {
        assert_eq!(from_dotted(bad), None, "{bad}");
    }
    assert!(from_dotted(&format!("1.2{}", ".1".repeat(38))).is_some());
    assert!(from_dotted(&format!("1.2{}", ".1".repeat(39))).is_none());
    for bad in [&[][..], &[0x2a, 0x86], &[0x2a, 0x80, 0x01]] {
        assert!(super::Oid::from_der_value(bad).is_none(), "{bad:02x?}");
    }
}

#[test]
fn pem_is_64_columns_with_lf() {
    assert_eq!(
        pem::encode("X", &[0; 49]),
        format!(
            "-----BEGIN X-----\n{}\nAA==\n-----END X-----\n",
            "A".repeat(64)
        )
    );
    assert_eq!(
        pem::encode("X", &[]),
        "-----BEGIN X-----\n-----END X-----\n"
    );
}

/// `der`'s walk of the same input, in the same shape as [`walk`].
fn der_walk(input: &[u8]) -> der::Result<Vec<(usize, u8, Vec<u8>)>> {
    use der::asn1::AnyRef;
    use der::{Decode, Encode, Reader as _, SliceReader, Tagged};
    fn one(
        reader: &mut SliceReader<'_>,
        base: usize,
        out: &mut Vec<(usize, u8, Vec<u8>)>,
    ) -> der::Result<()> {
        let at = base + usize::try_from(reader.position())?;
        let element = AnyRef::decode(reader)?;
        let tag = element.tag().to_der()?.first().copied().unwrap_or_default();
        out.push((at, tag, element.value().to_vec()));
        if element.tag().is_constructed() {
            let header = usize::try_from(element.encoded_len()?)? - element.value().len();
            let mut inner = SliceReader::new(element.value())?;
            while !inner.is_finished() {
                one(&mut inner, at + header, out)?;
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    let mut reader = SliceReader::new(input)?;
    one(&mut reader, 0, &mut out)?;
    if !reader.is_finished() {
        return Err(der::Tag::Sequence.value_error().into());
    }
    Ok(out)
}

/// Every DER document of the test data and of freshly generated keys and CSRs.
fn corpus() -> Vec<Vec<u8>> {
    let mut documents = Vec::new();
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut directories = vec![data];
    while let Some(directory) = directories.pop() {
        for entry in std::fs::read_dir(directory).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                directories.push(path);
            } else if path.extension().is_some_and(|e| e == "der") {
                documents.push(std::fs::read(&path).unwrap());
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                add_pem(&text, &mut documents);
            }
        }
    }
    #[cfg(all(feature = "software", feature = "idna"))]
    add_generated(&mut documents);
    documents
}

/// The DER of each PEM block in `text`; not a legacy encrypted block
/// (`Proc-Type: 4,ENCRYPTED`), whose body is ciphertext.
fn add_pem(text: &str, documents: &mut Vec<Vec<u8>>) {
    if let Ok(blocks) = pem::parse(text) {
        documents.extend(
            blocks
                .into_iter()
                .filter(|b| b.header("Proc-Type").is_none())
                .map(|b| b.into_contents().to_vec()),
        );
    }
}

/// Keys and CSRs made now, of every key type (needs the core's own crypto).
#[cfg(all(feature = "software", feature = "idna"))]
fn add_generated(documents: &mut Vec<Vec<u8>>) {
    use crate::{KeyFormat, Spec, generate};
    let spec = Spec::from_json(
        r#"{"CN": "web", "hosts": ["a.example", "10.0.0.1", "::1", "x@example.com", "https://u"],
            "names": [{"O": "dev", "C": "DE"}, {"O": "ops", "OU": "é"}]}"#,
    )
    .unwrap()
    .value;
    for algorithm in ["ecdsa-256", "ecdsa-384", "ecdsa-521", "ed25519", "rsa-2048"] {
        let json = spec_with_key(algorithm);
        let spec_for_key = Spec::from_json(&json).unwrap().value;
        let made = generate(&spec_for_key, &mut getrandom::SysRng).unwrap();
        documents.push(made.request.der().to_vec());
        documents.push(made.key.public_key_der().unwrap());
        for format in [KeyFormat::Cfssl, KeyFormat::Pkcs8] {
            add_pem(made.key.to_pem(format).unwrap().as_str(), documents);
        }
        let with_hosts =
            crate::CertificateRequest::new(&spec, &made.key, &mut getrandom::SysRng).unwrap();
        documents.push(with_hosts.der().to_vec());
    }
}

#[cfg(all(feature = "software", feature = "idna"))]
fn spec_with_key(algorithm: &str) -> String {
    match algorithm.split_once('-') {
        Some((algo, size)) => {
            format!(r#"{{"CN": "k", "key": {{"algo": "{algo}", "size": {size}}}}}"#)
        }
        None => format!(r#"{{"CN": "k", "key": {{"algo": "{algorithm}"}}}}"#),
    }
}

#[test]
fn every_tlv_walks_as_der_walks_it() {
    let corpus = corpus();
    // The test data alone, or with freshly generated keys and CSRs.
    let generated = cfg!(all(feature = "software", feature = "idna"));
    let (documents, nested) = if generated { (30, 20) } else { (8, 5) };
    assert!(corpus.len() > documents, "{}", corpus.len());
    let mut checked = 0;
    for document in &corpus {
        let ours = walk(document).unwrap();
        assert_eq!(Ok(&ours), der_walk(document).as_ref(), "{document:02x?}");
        // DER nested in OCTET STRINGs and BIT STRINGs (extensions, keys,
        // signatures): where ours reads it, `der` must read it the same.
        for (_, element_tag, value) in &ours {
            let inner = match *element_tag {
                tag::OCTET_STRING => value.as_slice(),
                tag::BIT_STRING if value.first() == Some(&0) => &value[1..],
                _ => continue,
            };
            if let Ok(nested) = walk(inner) {
                assert_eq!(Ok(nested), der_walk(inner), "{inner:02x?}");
                checked += 1;
            }
        }
        // Truncations: both refuse, or both read the same.
        for end in (0..document.len()).step_by(7) {
            let cut = &document[..end];
            assert_eq!(walk(cut).is_ok(), der_walk(cut).is_ok(), "{cut:02x?}");
        }
    }
    assert!(checked > nested, "{checked}");
}

/// A complete value nested `depth` SEQUENCEs deep around a NULL.
fn nested(depth: usize) -> Vec<u8> {
    let mut der = vec![0x05, 0x00];
    for _ in 0..depth {
        der = write::sequence(&[&der]);
    }
    der
}

#[test]
fn a_complete_deep_value_is_refused_for_its_depth() {
    // Issue 14: a complete 3,000-deep value read "the input ends inside a DER
    // element at byte 11833" (the end of the input).
    let deep = nested(3_000);
    let message = format!(
        "DER nesting deeper than {MAX_DEPTH} levels at byte 128; csrcraft reads at most \
         {MAX_DEPTH} (a certificate needs about 8)"
    );
    assert_eq!(parse(&deep).unwrap_err().to_string(), message);
    let certificate = crate::Certificate::from_der(&deep).unwrap_err().to_string();
    assert!(certificate.contains(&message), "{certificate}");
    assert!(!certificate.contains("ends inside"), "{certificate}");
    let request = crate::CertificateRequest::from_der(&deep)
        .unwrap_err()
        .to_string();
    assert!(request.contains(&message), "{request}");
    // One level within the limit is read.
    assert!(parse(&nested(usize::from(MAX_DEPTH))).is_ok());
}

#[test]
fn a_truncated_shallow_value_still_ends_inside() {
    let deep = nested(3_000);
    let truncated = &deep[..100];
    assert_eq!(
        parse(truncated).unwrap_err().to_string(),
        "the input ends inside a DER element at byte 0"
    );
    let shallow = nested(5);
    assert_eq!(
        parse(&shallow[..shallow.len() - 1])
            .unwrap_err()
            .to_string(),
        "the input ends inside a DER element at byte 0"
    );
    let certificate = crate::Certificate::from_der(&shallow[..shallow.len() - 1])
        .unwrap_err()
        .to_string();
    assert!(certificate.contains("ends inside"), "{certificate}");
    assert!(!certificate.contains("nesting"), "{certificate}");
}
