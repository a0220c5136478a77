//! The cfssl CSR JSON spec (`CN`, `hosts`, `key`, `names`, `serialnumber`): the
//! only module that knows cfssl's field names.

mod fields;
mod hosts;
mod key_sizes;

use self::fields::{Fields, as_string, describe};
pub use self::hosts::Host;
pub use self::key_sizes::{DEFAULT_ALGO, KeySizes, key_sizes};
use crate::json::{self, Value};
use crate::key::{EcdsaCurve, KeyAlgorithm};
use crate::subject::{NameEntry, ObjectId, check_text};
use crate::{DomainToAscii, Error, Result, Warning};

/// What a cfssl CSR spec asks for, checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Spec {
    /// `CN`: the subject common name; empty when absent.
    pub common_name: String,
    /// `hosts`: the subjectAltNames, in the spec's order, without duplicates.
    pub hosts: Vec<Host>,
    /// `key`: the key to generate; `None` when the spec has no `key`, which means
    /// ecdsa P-256 (see [`Spec::key_algorithm`]).
    pub key: Option<KeyAlgorithm>,
    /// `names`: the other subject attributes, one entry per JSON object.
    pub names: Vec<NameEntry>,
    /// `serialnumber`: the subject serialNumber attribute; empty when absent.
    pub serial_number: String,
}

/// A value read from input together with the warnings found while reading it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed<T> {
    /// The value.
    pub value: T,
    /// What works but is probably not what was meant.
    pub warnings: Vec<Warning>,
}

impl Spec {
    /// Parses a cfssl CSR JSON spec, as `cfssl genkey` reads it, turning
    /// internationalized `hosts` into punycode with the idna crate.
    #[cfg(feature = "idna")]
    pub fn from_json(text: &str) -> Result<Parsed<Spec>> {
        Self::from_json_with(text, &crate::Idna)
    }

    /// Parses a cfssl CSR JSON spec, as `cfssl genkey` reads it, turning
    /// internationalized `hosts` into punycode with `domains` (e.g. a page's
    /// URL parser).
    pub fn from_json_with(text: &str, domains: &dyn DomainToAscii) -> Result<Parsed<Spec>> {
        let json = json::from_str(text).map_err(|e| Error::SpecSyntax {
            line: e.line,
            column: e.column,
            reason: e.problem,
        })?;
        let mut warnings = Vec::new();
        let spec = read_spec(&json, domains, &mut warnings)?;
        Ok(Parsed {
            value: spec,
            warnings,
        })
    }

    /// The key to generate: the spec's, or cfssl's default ecdsa P-256.
    pub fn key_algorithm(&self) -> KeyAlgorithm {
        self.key.unwrap_or(KeyAlgorithm::Ecdsa(EcdsaCurve::P256))
    }

    /// When a CSR is made for an existing key, says if the spec asked for
    /// another kind of key (the existing key is used all the same).
    pub fn key_mismatch(&self, given: KeyAlgorithm) -> Option<Warning> {
        let asked = self.key?;
        (asked != given).then(|| {
            Warning::new(
                "key",
                format!("ignored: the spec asks for {asked} but the key given is {given}; the CSR is for the key given"),
            )
        })
    }
}

fn read_spec(
    json: &Value,
    domains: &dyn DomainToAscii,
    warnings: &mut Vec<Warning>,
) -> Result<Spec> {
    let mut fields = Fields::new("", json)?;
    if fields.take("ca").is_some() {
        return Err(Error::field(
            "ca",
            "csrcraft makes CSRs for leaf certificates; a CA is made with `cfssl gencert -initca`, so remove \"ca\"",
        ));
    }
    let common_name = fields.take_string("CN")?;
    check_text("CN", &common_name)?;
    let hosts = read_hosts(&mut fields, domains, warnings)?;
    let key = match fields.take("key") {
        Some(value) => Some(read_key(value, warnings)?),
        None => None,
    };
    let names = read_names(&mut fields, warnings)?;
    let serial_number = fields.take_string("serialnumber")?;
    check_text("serialnumber", &serial_number)?;
    fields.finish(warnings, top_level_advice);

    let spec = Spec {
        common_name,
        hosts,
        key,
        names,
        serial_number,
    };
    check_identifies_something(&spec)?;
    warn_about_common_name(&spec, domains, warnings);
    Ok(spec)
}

/// Where settings that people put in a CSR spec really belong.
fn top_level_advice(key: &str) -> Option<&'static str> {
    Some(match key {
        "usages" => {
            "key usages are not part of the CSR; set them in the signing profile (cfssl config) or in the Kubernetes CSR's spec.usages"
        }
        "expiry" | "expirationseconds" => {
            "the lifetime is not part of the CSR; set it in the signing profile (cfssl config) or in the Kubernetes CSR's spec.expirationSeconds"
        }
        "signername" => {
            "the signer is not part of the CSR; it goes in the Kubernetes CSR's spec.signerName"
        }
        "profile" | "label" => {
            "signing profiles are chosen when signing (cfssl sign -profile), not in the CSR"
        }
        "delegation_enabled" => {
            "delegated credentials are a cfssl CA feature that csrcraft does not request"
        }
        "extensions" => {
            "csrcraft requests only subjectAltName; other extensions are set by the signer"
        }
        "crl_url" => "a CRL URL is set by the CA when it signs, not by the CSR",
        _ => return None,
    })
}

fn read_hosts(
    fields: &mut Fields<'_>,
    domains: &dyn DomainToAscii,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<Host>> {
    let items = fields.take_array("hosts")?;
    // Each host's own warnings, kept apart so that a repeat's warning can
    // follow them, as it would if repeats were found one host at a time.
    let mut parsed = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let path = format!("hosts[{i}]");
        let mut own = Vec::new();
        let host = hosts::parse_host(&path, as_string(&path, item)?, domains, &mut own)?;
        parsed.push((path, host, own));
    }
    let keys: Vec<Vec<u8>> = parsed.iter().map(|(_, host, _)| host.key()).collect();
    let keys: Vec<&[u8]> = keys.iter().map(Vec::as_slice).collect();
    let repeats = crate::repeats::first_earlier(&keys);
    let mut hosts = Vec::with_capacity(parsed.len());
    for ((path, host, own), repeat) in parsed.into_iter().zip(repeats) {
        warnings.extend(own);
        if repeat.is_some() {
            warnings.push(Warning::new(
                path,
                format!("{} is listed twice; requested once", host.value()),
            ));
        } else {
            hosts.push(host);
        }
    }
    Ok(hosts)
}

fn read_key(value: &Value, warnings: &mut Vec<Warning>) -> Result<KeyAlgorithm> {
    let mut fields = Fields::new("key", value)?;
    let algo = match fields.take("algo") {
        None => DEFAULT_ALGO.to_owned(),
        Some(v) => as_string("key.algo", v)?.to_ascii_lowercase(),
    };
    let size = match fields.take("size") {
        None => None,
        Some(v) => Some(v.as_u64().ok_or_else(|| {
            Error::field(
                "key.size",
                format!("must be a whole number of bits, found {}", describe(v)),
            )
        })?),
    };
    fields.finish(warnings, |_| None);
    let algorithm = match algo.as_str() {
        "ecdsa" => KeyAlgorithm::Ecdsa(match size {
            None | Some(256) => EcdsaCurve::P256,
            Some(384) => EcdsaCurve::P384,
            Some(521) => EcdsaCurve::P521,
            Some(other) => {
                return Err(Error::field(
                    "key.size",
                    format!("{other} is not a valid ecdsa size; use 256, 384 or 521"),
                ));
            }
        }),
        "rsa" => {
            let requested = size.unwrap_or(2048);
            // Compared as usize only after a checked conversion: usize is 32 bits on wasm32.
            let Some(bits) = usize::try_from(requested)
                .ok()
                .filter(|b| (KeyAlgorithm::RSA_MIN_BITS..=KeyAlgorithm::RSA_MAX_BITS).contains(b))
            else {
                return Err(Error::field(
                    "key.size",
                    format!(
                        "{requested} is not a valid rsa size; use {} to {} bits (2048, 3072 or 4096 are usual)",
                        KeyAlgorithm::RSA_MIN_BITS,
                        KeyAlgorithm::RSA_MAX_BITS
                    ),
                ));
            };
            if bits % 8 != 0 {
                return Err(Error::field(
                    "key.size",
                    format!(
                        "{bits} is not a whole number of bytes; use a multiple of 8, e.g. 2048, 3072 or 4096"
                    ),
                ));
            }
            KeyAlgorithm::Rsa { bits }
        }
        "ed25519" => {
            if let Some(size) = size.filter(|&s| s != 0 && s != 256) {
                warnings.push(Warning::new(
                    "key.size",
                    format!("ignored: ed25519 keys have one size (256 bits), not {size}"),
                ));
            }
            KeyAlgorithm::Ed25519
        }
        other => {
            return Err(Error::field(
                "key.algo",
                format!(
                    "{} is not supported; use \"ecdsa\", \"rsa\" or \"ed25519\"",
                    crate::quoted(other)
                ),
            ));
        }
    };
    Ok(algorithm)
}

fn read_names(fields: &mut Fields<'_>, warnings: &mut Vec<Warning>) -> Result<Vec<NameEntry>> {
    let items = fields.take_array("names")?;
    // Each entry's own warnings, kept apart so that the warnings about its
    // repeated values can follow them.
    let mut names = Vec::with_capacity(items.len());
    let mut own = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let path = format!("names[{i}]");
        let mut entry_warnings = Vec::new();
        names.push(read_name(&path, item, &mut entry_warnings)?);
        own.push((path, entry_warnings));
    }
    let repeats = repeated_values(&names);
    for ((entry, (path, entry_warnings)), repeated) in names.iter_mut().zip(own).zip(repeats) {
        warnings.extend(entry_warnings);
        drop_repeated_values(&path, entry, repeated, warnings);
    }
    Ok(names)
}

/// For each entry, which of its C, ST, L, O and OU values an earlier entry
/// already has.
fn repeated_values(names: &[NameEntry]) -> Vec<[bool; 5]> {
    let mut repeated = vec![[false; 5]; names.len()];
    let columns: [fn(&NameEntry) -> &String; 5] = [
        |n| &n.country,
        |n| &n.state,
        |n| &n.locality,
        |n| &n.organization,
        |n| &n.organizational_unit,
    ];
    for (field, get) in columns.into_iter().enumerate() {
        let keys: Vec<&[u8]> = names.iter().map(|n| get(n).as_bytes()).collect();
        let earlier = crate::repeats::first_earlier(&keys);
        for ((flags, earlier), key) in repeated.iter_mut().zip(earlier).zip(&keys) {
            // An empty value is no value: it repeats nothing.
            flags[field] = earlier.is_some() && !key.is_empty();
        }
    }
    repeated
}

/// A value repeated across entries (two identical `O` groups) means nothing
/// more than one; DER cannot even hold both in one RDN.
fn drop_repeated_values(
    path: &str,
    entry: &mut NameEntry,
    repeated: [bool; 5],
    warnings: &mut Vec<Warning>,
) {
    let fields: [(&str, &mut String); 5] = [
        ("C", &mut entry.country),
        ("ST", &mut entry.state),
        ("L", &mut entry.locality),
        ("O", &mut entry.organization),
        ("OU", &mut entry.organizational_unit),
    ];
    for ((name, value), repeated) in fields.into_iter().zip(repeated) {
        if repeated {
            warnings.push(Warning::new(
                format!("{path}.{name}"),
                format!(
                    "{} is already in an earlier entry; requested once",
                    crate::quoted(value)
                ),
            ));
            value.clear();
        }
    }
}

fn read_name(path: &str, value: &Value, warnings: &mut Vec<Warning>) -> Result<NameEntry> {
    let mut fields = Fields::new(path, value)?;
    if let Some(Value::Array(_)) = fields.peek("O") {
        return Err(Error::field(
            fields.path_of("O"),
            r#"must be one string; for several organizations (Kubernetes groups) give each its own names entry: [{"O": "dev"}, {"O": "ops"}]"#,
        ));
    }
    let mut take = |name: &str| -> Result<String> {
        let text = fields.take_string(name)?;
        check_text(&fields.path_of(name), &text)?;
        Ok(text)
    };
    let country = take("C")?;
    let state = take("ST")?;
    let locality = take("L")?;
    let organization = take("O")?;
    let organizational_unit = take("OU")?;
    let email = take("E")?;
    let two_letters = country.len() == 2 && country.bytes().all(|b| b.is_ascii_alphabetic());
    if !country.is_empty() && !two_letters {
        return Err(Error::field(
            fields.path_of("C"),
            format!(
                "{} is not a two-letter country code (ISO 3166, as X.509 requires); e.g. \"US\", \"CN\", \"DE\"",
                crate::quoted(&country)
            ),
        ));
    }
    if !email.is_empty() && !email.contains('@') {
        return Err(Error::field(
            fields.path_of("E"),
            format!(
                "{} is not an email address; write it as name@example.com",
                crate::quoted(&email)
            ),
        ));
    }
    let oids = read_oids(&mut fields)?;
    fields.finish(warnings, |key| match key {
        "serialnumber" => Some("the subject serial number is the top-level \"serialnumber\" field"),
        "cn" => Some("the common name is the top-level \"CN\" field"),
        _ => None,
    });
    Ok(NameEntry {
        country,
        state,
        locality,
        organization,
        organizational_unit,
        email,
        oids,
    })
}

fn read_oids(fields: &mut Fields<'_>) -> Result<Vec<(ObjectId, String)>> {
    let path = fields.path_of("OID");
    let Some(value) = fields.take("OID") else {
        return Ok(Vec::new());
    };
    let Value::Object(map) = value else {
        return Err(Error::field(
            path,
            format!(
                "must be an object of \"dotted.oid\": \"value\", found {}",
                describe(value)
            ),
        ));
    };
    let mut oids = Vec::with_capacity(map.len());
    for (oid_text, value) in map {
        let entry_path = format!("{path}[{}]", crate::quoted(oid_text));
        let oid = ObjectId::parse(&entry_path, oid_text)?;
        let text = as_string(&entry_path, value)?;
        check_text(&entry_path, text)?;
        oids.push((oid, text.to_owned()));
    }
    Ok(oids)
}

fn check_identifies_something(spec: &Spec) -> Result<()> {
    let has_subject = !spec.common_name.is_empty()
        || !spec.serial_number.is_empty()
        || spec.names.iter().any(|n| !n.is_empty());
    if has_subject || !spec.hosts.is_empty() {
        return Ok(());
    }
    Err(Error::field(
        "CN",
        "the spec names nothing: set \"CN\" (and \"hosts\" for a server certificate)",
    ))
}

/// cfssl does not copy CN into the SANs, and TLS clients ignore CN: a serving
/// certificate whose CN names a host that is missing from `hosts` fails there.
/// An internationalized CN is compared in punycode, as its host was converted.
fn warn_about_common_name(spec: &Spec, domains: &dyn DomainToAscii, warnings: &mut Vec<Warning>) {
    let cn = &spec.common_name;
    let serving = !spec.hosts.is_empty();
    let names_a_host = cn.contains('.') && !cn.contains(char::is_whitespace) && !cn.contains(':');
    let ascii_cn = if cn.is_ascii() {
        None
    } else {
        domains.to_ascii(cn)
    };
    let listed = spec.hosts.iter().any(|h| {
        let host = h.value();
        host.eq_ignore_ascii_case(cn)
            || ascii_cn
                .as_deref()
                .is_some_and(|a| host.eq_ignore_ascii_case(a))
    });
    if serving && names_a_host && !listed {
        warnings.push(Warning::new(
            "CN",
            format!("{} is not in hosts; TLS clients check only the SANs, so add it to hosts if clients connect by that name", crate::quoted(cn)),
        ));
    }
}
