//! The core's certificate and CSR reader against x509-parser's, in the same words: shared by
//! the test that walks every certificate in the fixtures and x509-limbo
//! (`tests/x509_parser.rs`) and by the fuzz target `x509` (`fuzz/`), so both hold the core
//! to the same comparison and the same argued differences ([`Difference`]).

use std::collections::BTreeSet;
use std::net::IpAddr;

use csrcraft::{Certificate, CertificateInfo, CertificateRequest, Host};
use x509_parser::prelude::{FromDer, GeneralName, X509Certificate};

/// Kubernetes' names of extended key usages, as the core shows them, by OID: written out from
/// `certificates.k8s.io`, not taken from the core, so the core is not checked against itself.
const EKU_NAMES: &[(&str, &str)] = &[
    ("2.5.29.37.0", "any"),
    ("1.3.6.1.5.5.7.3.1", "server auth"),
    ("1.3.6.1.5.5.7.3.2", "client auth"),
    ("1.3.6.1.5.5.7.3.3", "code signing"),
    ("1.3.6.1.5.5.7.3.4", "email protection"),
    ("1.3.6.1.5.5.7.3.5", "ipsec end system"),
    ("1.3.6.1.5.5.7.3.6", "ipsec tunnel"),
    ("1.3.6.1.5.5.7.3.7", "ipsec user"),
    ("1.3.6.1.5.5.7.3.8", "timestamping"),
    ("1.3.6.1.5.5.7.3.9", "ocsp signing"),
    ("1.3.6.1.4.1.311.10.3.3", "microsoft sgc"),
    ("2.16.840.1.113730.4.1", "netscape sgc"),
];

/// What both readers say about one certificate, in the same words.
#[derive(Debug, PartialEq, Eq)]
struct Fields {
    version: u32,
    serial: Vec<u8>,
    subject: Name,
    issuer: Name,
    validity: (i64, i64),
    alt_names: Vec<String>,
    key_usage: Vec<String>,
    extended_key_usage: BTreeSet<String>,
    basic_constraints: Option<(bool, Option<u32>)>,
    extensions: Vec<(String, bool)>,
}

/// The serial's bytes without the DER sign byte, as the core shows them.
fn serial_bytes(bytes: &[u8]) -> Vec<u8> {
    match bytes {
        [0, rest @ ..] if !rest.is_empty() => rest.to_vec(),
        other => other.to_vec(),
    }
}

/// The core's name in the compared words.
fn core_name(dn: &csrcraft::DistinguishedName) -> Name {
    dn.rdns
        .iter()
        .map(|rdn| {
            rdn.iter()
                .map(|a| (a.oid.clone(), Some(a.value.clone())))
                .collect()
        })
        .collect()
}

/// x509-parser's name in the compared words (a value it does not decode is `None`).
fn parser_name(dn: &x509_parser::x509::X509Name) -> Name {
    dn.iter()
        .map(|rdn| {
            rdn.iter()
                .map(|a| {
                    (
                        a.attr_type().to_id_string(),
                        a.as_str().ok().map(str::to_owned),
                    )
                })
                .collect()
        })
        .collect()
}

/// A subject alt name the core reads as a `Host`, as text.
fn host_text(host: &Host) -> String {
    match host {
        Host::Dns(name) => format!("DNS:{name}"),
        Host::Ip(ip) => format!("IP:{ip}"),
        Host::Email(email) => format!("email:{email}"),
        Host::Uri(uri) => format!("URI:{uri}"),
    }
}

/// x509-parser's GeneralName as `host_text` writes it; `None` for the kinds the core keeps with
/// the other names (not compared), and for an IP address of another length than 4 or 16.
fn general_name_text(name: &GeneralName) -> Option<String> {
    Some(match name {
        GeneralName::DNSName(name) => format!("DNS:{name}"),
        GeneralName::RFC822Name(email) => format!("email:{email}"),
        GeneralName::URI(uri) => format!("URI:{uri}"),
        GeneralName::IPAddress(bytes) => match bytes.len() {
            4 => format!("IP:{}", IpAddr::from(<[u8; 4]>::try_from(*bytes).ok()?)),
            16 => format!(
                "IP:{}",
                IpAddr::from(<[u8; 16]>::try_from(*bytes).ok()?).to_canonical()
            ),
            _ => return None,
        },
        _ => return None,
    })
}

fn ours(info: &CertificateInfo) -> Fields {
    let serial: Vec<u8> = info
        .serial_hex
        .split(':')
        .map(|b| u8::from_str_radix(b, 16).unwrap())
        .collect();
    Fields {
        version: info.version,
        serial: serial_bytes(&serial),
        subject: core_name(&info.subject),
        issuer: core_name(&info.issuer),
        validity: (info.not_before.0, info.not_after.0),
        alt_names: info.subject_alt_names.iter().map(host_text).collect(),
        key_usage: info.key_usage.iter().map(|u| (*u).to_owned()).collect(),
        extended_key_usage: info
            .extended_key_usage
            .iter()
            .map(|u| {
                EKU_NAMES
                    .iter()
                    .find(|(_, name)| name == u)
                    .map_or(u.clone(), |(oid, _)| (*oid).to_owned())
            })
            .collect(),
        basic_constraints: info.basic_constraints.map(|bc| (bc.ca, bc.path_len)),
        extensions: info
            .extensions
            .iter()
            .map(|e| (e.oid.clone(), e.critical))
            .collect(),
    }
}

/// x509-parser's view in the same words; `Err` when it refuses the certificate or a field the
/// core reads.
fn theirs(der: &[u8]) -> Result<Fields, String> {
    let (rest, cert) = X509Certificate::from_der(der).map_err(|e| e.to_string())?;
    if !rest.is_empty() {
        return Err(format!("{} bytes after the certificate", rest.len()));
    }
    let alt_names = match cert.subject_alternative_name().map_err(|e| e.to_string())? {
        None => Vec::new(),
        Some(san) => san
            .value
            .general_names
            .iter()
            .filter_map(general_name_text)
            .collect(),
    };
    let key_usage = match cert.key_usage().map_err(|e| e.to_string())? {
        None => Vec::new(),
        Some(ku) => {
            let ku = ku.value;
            [
                (ku.digital_signature(), "digital signature"),
                (ku.non_repudiation(), "content commitment"),
                (ku.key_encipherment(), "key encipherment"),
                (ku.data_encipherment(), "data encipherment"),
                (ku.key_agreement(), "key agreement"),
                (ku.key_cert_sign(), "cert sign"),
                (ku.crl_sign(), "crl sign"),
                (ku.encipher_only(), "encipher only"),
                (ku.decipher_only(), "decipher only"),
            ]
            .into_iter()
            .filter(|(set, _)| *set)
            .map(|(_, name)| name.to_owned())
            .collect()
        }
    };
    let extended_key_usage = match cert.extended_key_usage().map_err(|e| e.to_string())? {
        None => BTreeSet::new(),
        Some(eku) => {
            let eku = eku.value;
            let known = [
                (eku.any, "2.5.29.37.0"),
                (eku.server_auth, "1.3.6.1.5.5.7.3.1"),
                (eku.client_auth, "1.3.6.1.5.5.7.3.2"),
                (eku.code_signing, "1.3.6.1.5.5.7.3.3"),
                (eku.email_protection, "1.3.6.1.5.5.7.3.4"),
                (eku.time_stamping, "1.3.6.1.5.5.7.3.8"),
                (eku.ocsp_signing, "1.3.6.1.5.5.7.3.9"),
            ];
            known
                .into_iter()
                .filter(|(set, _)| *set)
                .map(|(_, oid)| oid.to_owned())
                .chain(eku.other.iter().map(|oid| oid.to_id_string()))
                .collect()
        }
    };
    let basic_constraints = cert
        .basic_constraints()
        .map_err(|e| e.to_string())?
        .map(|bc| (bc.value.ca, bc.value.path_len_constraint));
    Ok(Fields {
        version: cert.version().0 + 1,
        serial: serial_bytes(cert.raw_serial()),
        subject: parser_name(cert.subject()),
        issuer: parser_name(cert.issuer()),
        validity: (
            cert.validity().not_before.timestamp(),
            cert.validity().not_after.timestamp(),
        ),
        alt_names,
        key_usage,
        extended_key_usage,
        basic_constraints,
        extensions: cert
            .extensions()
            .iter()
            .map(|e| (e.oid.to_id_string(), e.critical))
            .collect(),
    })
}

/// A name's attributes: (type OID, value when decoded) by RDN.
pub type Name = Vec<Vec<(String, Option<String>)>>;

/// Drops the core's value of each name attribute that x509-parser left undecoded.
fn forget_undecoded(core: &mut Name, parser: &Name) {
    for (ours, theirs) in core.iter_mut().zip(parser) {
        for ((_, value), (_, their)) in ours.iter_mut().zip(theirs) {
            if their.is_none() {
                *value = None;
            }
        }
    }
}

/// Where the two readers differ on purpose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Difference {
    /// Two extensions of one type (RFC 5280 §4.2: MUST NOT). x509-parser refuses the
    /// certificate; the core reads it, so `inspect` can show what is wrong, and `verify`
    /// refuses it (rustls-webpki: an extension given twice).
    DuplicateExtension,
    /// A nameConstraints with an empty permitted or excluded GeneralSubtrees, which RFC 5280's
    /// ASN.1 forbids (`SIZE (1..MAX)`). The core refuses it as malformed, as rustls-webpki
    /// does; x509-parser reads it as no constraints at all.
    EmptySubtrees,
    /// A subjectAltName entry whose tag is none of GeneralName's choices, or one of them in
    /// the wrong form, primitive for constructed or back (BetterTLS makes these). x509-parser
    /// keeps it (as `GeneralName::Invalid`, or as the choice, whatever its form); the core
    /// refuses the certificate as malformed, as DER requires.
    InvalidGeneralName,
    /// An OBJECT IDENTIFIER whose first subidentifier is 120 or more (arcs `2.40` and up, or
    /// any in more than one byte). X.690 §8.19.4 makes it 80 + the second arc under arc 2;
    /// asn1-rs 0.7 (x509-parser's) divides its first byte by 40, so it reads `2.8781.35` as
    /// `4.37.29.35`. The core reads it as X.690 says; both read the certificate. Found by the
    /// fuzz target `x509`; never in a real certificate (no registered arc is under `2.40`+
    /// in this form), so not in the fixtures.
    OidFirstArc,
    /// A name attribute value whose tag has a string type's number (UTF8String, IA5String, ...)
    /// in another class (context `[12]`, application `[22]`). x509-parser 0.18's `as_str`
    /// compares the tag's number only and reads it as text; the core shows it as the hex of an
    /// unknown type (`#...`, RFC 4514 §2.4). Both read the certificate. Found by the fuzz target
    /// `x509`.
    StringTagClass,
    /// A CSR attribute or requested extension the core does not decode, whose contents do not
    /// parse: a challengePassword that is not a DirectoryString, a SAN's contents under the
    /// basicConstraints OID. x509-parser decodes the challengePassword and every requested
    /// extension and refuses the CSR; the core, like Go's crypto/x509 (the API server's
    /// reader), decodes only the requested subjectAltName and lists the other extensions by
    /// name, and the signers copy none of them. Found by the fuzz target `x509`.
    RequestContents,
}

/// The elements inside the DER value of extension `oid` (a SEQUENCE), read with x509-parser's
/// asn1-rs: (tag number, constructed, contents).
fn extension_elements(der: &[u8], oid: &str) -> Vec<(u32, bool, Vec<u8>)> {
    use x509_parser::asn1_rs::{Any, FromDer as _};
    let Ok((_, cert)) = X509Certificate::from_der(der) else {
        return Vec::new();
    };
    let Some(extension) = cert
        .extensions()
        .iter()
        .find(|e| e.oid.to_id_string() == oid)
    else {
        return Vec::new();
    };
    let Ok((_, sequence)) = Any::from_der(extension.value) else {
        return Vec::new();
    };
    let mut rest = sequence.data;
    let mut out = Vec::new();
    while let Ok((next, element)) = Any::from_der(rest) {
        out.push((
            element.header.tag().0,
            element.header.is_constructed(),
            element.data.to_vec(),
        ));
        rest = next;
    }
    out
}

/// Which argued difference this is, if any: `core` is the core's error (when it refuses),
/// `parser` x509-parser's (when it refuses).
fn difference(der: &[u8], core: Option<&str>, parser: Option<&str>) -> Option<Difference> {
    match (core, parser) {
        (None, Some(why)) if why.contains("duplicate extensions") => {
            Some(Difference::DuplicateExtension)
        }
        (Some(why), None) if why.contains("the nameConstraints extension is malformed") => {
            extension_elements(der, "2.5.29.30")
                .iter()
                .any(|(tag, _, contents)| *tag <= 1 && contents.is_empty())
                .then_some(Difference::EmptySubtrees)
        }
        (Some(why), None) if why.contains("the subjectAltName extension is malformed") => {
            extension_elements(der, "2.5.29.17")
                .iter()
                .any(|(tag, constructed, _)| {
                    *tag > 8 || *constructed != matches!(tag, 0 | 3 | 4 | 5)
                })
                .then_some(Difference::InvalidGeneralName)
        }
        _ => None,
    }
}

/// Forgets the name values the core shows as hex (`#...`) where x509-parser read the same bytes
/// as text ([`Difference::StringTagClass`]); whether there was one.
fn hex_for_text(core: &mut Fields, parser: &mut Fields) -> bool {
    let subject = hex_for_text_in(&mut core.subject, &mut parser.subject);
    let issuer = hex_for_text_in(&mut core.issuer, &mut parser.issuer);
    subject || issuer
}

/// [`hex_for_text`] for one name.
fn hex_for_text_in(ours: &mut Name, theirs: &mut Name) -> bool {
    let mut found = false;
    for (rdn, their_rdn) in ours.iter_mut().zip(theirs.iter_mut()) {
        for ((_, value), (_, their)) in rdn.iter_mut().zip(their_rdn.iter_mut()) {
            let hex = their.as_ref().map(|text| {
                let bytes: String = text.bytes().map(|b| format!("{b:02x}")).collect();
                format!("#{bytes}")
            });
            if value.is_some() && *value == hex {
                (*value, *their) = (None, None);
                found = true;
            }
        }
    }
    found
}

/// Whether `der` may hold an OBJECT IDENTIFIER asn1-rs misreads ([`Difference::OidFirstArc`]):
/// a tag 6 with a short length whose first content byte is 120 or more. A scan of the bytes,
/// not of the structure, so it can say yes for bytes that only look like one.
pub fn misreads_oid(der: &[u8]) -> bool {
    der.windows(3)
        .any(|w| w[0] == 0x06 && (1..0x80).contains(&w[1]) && w[2] >= 120)
}

/// What the two readers make of one certificate or CSR.
#[derive(Debug)]
pub enum Comparison {
    /// Both read it, with the same fields.
    Same,
    /// Both refuse it.
    BothRefuse,
    /// One reads it and the other refuses it, in one of the argued ways.
    Argued(Difference),
    /// Both read it, with different fields (described).
    ReadDifferently(String),
    /// Only the core reads it; x509-parser's error.
    OnlyCoreReads(String),
    /// Only x509-parser reads it; the core's error.
    OnlyParserReads(String),
}

/// The core against x509-parser on the DER `der` of a certificate.
pub fn compare_certificate(der: &[u8]) -> Comparison {
    let core = Certificate::from_der(der)
        .map(|c| ours(c.info()))
        .map_err(|e| e.to_string());
    let theirs = theirs(der);
    // Values x509-parser does not decode (BMPString, TeletexString, ...) are compared by
    // their attribute type only.
    let core = match (core, &theirs) {
        (Ok(mut core), Ok(parser)) => {
            forget_undecoded(&mut core.subject, &parser.subject);
            forget_undecoded(&mut core.issuer, &parser.issuer);
            Ok(core)
        }
        (core, _) => core,
    };
    match (core, theirs) {
        (Ok(a), Ok(b)) if a == b => Comparison::Same,
        (Ok(_), Ok(_)) if misreads_oid(der) => Comparison::Argued(Difference::OidFirstArc),
        (Ok(mut a), Ok(mut b)) => {
            if hex_for_text(&mut a, &mut b) && a == b {
                return Comparison::Argued(Difference::StringTagClass);
            }
            Comparison::ReadDifferently(format!("core: {a:?}\n  x509-parser: {b:?}"))
        }
        (Err(_), Err(_)) => Comparison::BothRefuse,
        (core, parser) => {
            let (core, parser) = (core.err(), parser.err());
            match (
                difference(der, core.as_deref(), parser.as_deref()),
                core,
                parser,
            ) {
                (Some(kind), _, _) => Comparison::Argued(kind),
                (None, Some(core), _) => Comparison::OnlyParserReads(core),
                (None, _, parser) => Comparison::OnlyCoreReads(parser.unwrap_or_default()),
            }
        }
    }
}

/// A CSR's subject, SANs and public key in the compared words.
pub type RequestFields = (Name, Vec<String>, Vec<u8>);

/// A CSR's subject, SANs and public key as the core reads them; `Err` when it refuses it.
pub fn request_by_core(der: &[u8]) -> Result<RequestFields, String> {
    let info = CertificateRequest::from_der(der)
        .and_then(|r| r.info())
        .map_err(|e| e.to_string())?;
    Ok((
        core_name(&info.subject),
        info.subject_alt_names.iter().map(host_text).collect(),
        info.public_key.spki_der,
    ))
}

/// A CSR's subject, SANs and public key as x509-parser reads them; `Err` when it refuses it
/// or its requested extensions.
pub fn request_by_x509_parser(der: &[u8]) -> Result<RequestFields, String> {
    use x509_parser::prelude::{ParsedExtension, X509CertificationRequest};
    let (rest, csr) = X509CertificationRequest::from_der(der).map_err(|e| e.to_string())?;
    if !rest.is_empty() {
        return Err(format!("{} bytes after the CSR", rest.len()));
    }
    let info = &csr.certification_request_info;
    let mut sans = Vec::new();
    for extension in csr.requested_extensions().into_iter().flatten() {
        match extension {
            ParsedExtension::SubjectAlternativeName(san) => {
                sans.extend(san.general_names.iter().filter_map(general_name_text));
            }
            ParsedExtension::ParseError { error } => return Err(error.to_string()),
            _ => {}
        }
    }
    Ok((
        parser_name(&info.subject),
        sans,
        info.subject_pki.raw.to_vec(),
    ))
}

/// The core against x509-parser on the DER `der` of a CSR: its subject, SANs and public key.
/// As for certificates, a name value x509-parser does not decode is compared by its attribute
/// type only (the core shows it, with U+FFFD where it is not text: a PrintableString with a
/// byte over 0x7f, found by the fuzz target `x509`).
pub fn compare_request(der: &[u8]) -> Comparison {
    match (request_by_core(der), request_by_x509_parser(der)) {
        (Ok(mut ours), Ok(mut theirs)) => {
            forget_undecoded(&mut ours.0, &theirs.0);
            if ours == theirs {
                Comparison::Same
            } else if misreads_oid(der) {
                Comparison::Argued(Difference::OidFirstArc)
            } else if hex_for_text_in(&mut ours.0, &mut theirs.0) && ours == theirs {
                Comparison::Argued(Difference::StringTagClass)
            } else {
                Comparison::ReadDifferently(format!("core: {ours:?}\n  x509-parser: {theirs:?}"))
            }
        }
        (Err(_), Err(_)) => Comparison::BothRefuse,
        (Ok(_), Err(_)) if refuses_undecoded_contents(der) => {
            Comparison::Argued(Difference::RequestContents)
        }
        (Ok(ours), Err(e)) => Comparison::OnlyCoreReads(format!("{e} (the core reads {ours:?})")),
        (Err(e), Ok(_)) => Comparison::OnlyParserReads(e),
    }
}

/// Whether x509-parser refuses the CSR `der` only for the contents of what the core does not
/// decode ([`Difference::RequestContents`]): with the OID of each requested extension `2.5.29.N`
/// other than subjectAltName made `2.5.29.127`, and challengePassword's (1.2.840.113549.1.9.7)
/// made `...1.9.127`, none of which it decodes, it reads the CSR.
fn refuses_undecoded_contents(der: &[u8]) -> bool {
    const EXTENSION: [u8; 4] = [0x06, 0x03, 0x55, 0x1d];
    const SUBJECT_ALT_NAME: u8 = 17;
    const CHALLENGE_PASSWORD: [u8; 11] = [
        0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x07,
    ];
    let mut renamed = der.to_vec();
    let mut changed = false;
    for at in 0..renamed.len() {
        let rest = &renamed[at..];
        let last = if rest.starts_with(&EXTENSION)
            && rest.get(4).is_some_and(|&n| n != SUBJECT_ALT_NAME)
        {
            at + 4
        } else if rest.starts_with(&CHALLENGE_PASSWORD) {
            at + CHALLENGE_PASSWORD.len() - 1
        } else {
            continue;
        };
        renamed[last] = 0x7f;
        changed = true;
    }
    changed && request_by_x509_parser(&renamed).is_ok()
}
