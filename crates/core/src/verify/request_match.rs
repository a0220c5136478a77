//! Request match: what the CSR asked for against what was issued, as a diff.
//!
//! A Kubernetes signer copies the subject and the subjectAltNames from the
//! CSR, drops every other requested extension and sets keyUsage and
//! extendedKeyUsage from `spec.usages`. So this fails for another public key,
//! for a CN or O (the user and groups an API server reads from a client
//! certificate) other than requested, and for a requested SAN the certificate
//! lacks (it will not serve that name). Other subject attributes, SANs issued
//! but not requested, and usages are notes.

use std::net::IpAddr;

use super::Check;
use super::hostname::san_text;
use super::key_match::describe;
use super::quoted_name;
use crate::{Certificate, CertificateRequest, Host, Result, SignatureVerifier};

/// Compares the leaf with the request, if one was given.
pub(super) fn check(
    leaf: &Certificate,
    request: Option<&CertificateRequest>,
    verifier: &dyn SignatureVerifier,
) -> Result<Check> {
    let Some(request) = request else {
        return Ok(Check::skipped(Check::REQUEST_MATCH, "no CSR given"));
    };
    let requested = request.info_checked(verifier)?;
    let issued = leaf.info();
    let mut failures = Vec::new();
    let mut notes = Vec::new();

    if requested.public_key.spki_der != issued.public_key.spki_der {
        failures.push(format!(
            "the certificate is for another key than the CSR's: it certifies {}, the CSR holds {}",
            describe(&issued.public_key),
            describe(&requested.public_key)
        ));
    }
    if let Err(e) = &requested.signature {
        notes.push(format!(
            "the CSR's own signature is bad ({e}); a cluster refuses such a CSR"
        ));
    }

    if requested.subject != issued.subject {
        let identity_differs = requested.subject.common_name() != issued.subject.common_name()
            || sorted(requested.subject.organizations()) != sorted(issued.subject.organizations());
        let diff = format!(
            "requested {}, issued {}",
            quoted_name(&requested.subject),
            quoted_name(&issued.subject)
        );
        if identity_differs {
            failures.push(format!("the subject's CN or O differs: {diff}"));
        } else {
            notes.push(format!("the subject differs (not in CN or O): {diff}"));
        }
    }

    let requested_names = names(&requested.subject_alt_names, &requested.other_alt_names);
    let issued_names = names(&issued.subject_alt_names, &issued.other_alt_names);
    let missing = not_among(&requested_names, &issued_names);
    let extra = not_among(&issued_names, &requested_names);
    if !missing.is_empty() {
        failures.push(format!(
            "{} requested subjectAltName{} missing from the certificate",
            missing.len(),
            if missing.len() == 1 { " is" } else { "s are" }
        ));
    }
    notes.extend(
        missing
            .iter()
            .map(|name| format!("- {name} (requested, missing)")),
    );
    notes.extend(extra.iter().map(|name| format!("+ {name} (issued only)")));

    let dropped: Vec<&str> = requested
        .requested_extensions
        .iter()
        .map(String::as_str)
        .filter(|name| *name != "subjectAltName")
        .collect();
    if !dropped.is_empty() {
        notes.push(format!(
            "the CSR also requests {}; a Kubernetes signer drops those",
            dropped.join(", ")
        ));
    }
    notes.push(format!(
        "issued key usage: {}; extended key usage: {} (a Kubernetes signer sets these from spec.usages, not from the CSR)",
        list_or_none(issued.key_usage.iter().copied()),
        list_or_none(issued.extended_key_usage.iter().map(String::as_str)),
    ));

    let check = if failures.is_empty() {
        Check::pass(
            Check::REQUEST_MATCH,
            format!(
                "same public key, subject as requested, {} requested subjectAltName{} issued",
                requested_names.len(),
                if requested_names.len() == 1 { "" } else { "s" }
            ),
        )
    } else {
        Check::fail(Check::REQUEST_MATCH, failures.join("; "))
    };
    Ok(check.with_notes(notes))
}

/// Each alternative name as `(comparison key, text shown)`: DNS names
/// compare ASCII case-insensitively without a trailing dot, IP addresses in
/// canonical form, the rest as written.
fn names(hosts: &[Host], other: &[String]) -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = hosts
        .iter()
        .map(|host| {
            let key = match host {
                Host::Dns(name) => format!(
                    "dns:{}",
                    name.strip_suffix('.').unwrap_or(name).to_ascii_lowercase()
                ),
                Host::Ip(ip) => format!("ip:{}", IpAddr::to_canonical(ip)),
                Host::Email(email) => format!("email:{email}"),
                Host::Uri(uri) => format!("uri:{uri}"),
            };
            (key, san_text(host))
        })
        .collect();
    all.extend(
        other
            .iter()
            .map(|name| (format!("other:{name}"), name.clone())),
    );
    all
}

/// The names of `names` (as shown) whose keys are not among `others`',
/// in order; sorted keys keep this n log n for thousands of names.
fn not_among<'a>(names: &'a [(String, String)], others: &[(String, String)]) -> Vec<&'a String> {
    let keys = sorted(others.iter().map(|(key, _)| key.as_str()).collect());
    names
        .iter()
        .filter(|(key, _)| keys.binary_search(&key.as_str()).is_err())
        .map(|(_, shown)| shown)
        .collect()
}

fn sorted(mut values: Vec<&str>) -> Vec<&str> {
    values.sort_unstable();
    values
}

fn list_or_none<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let items: Vec<&str> = items.collect();
    if items.is_empty() {
        "none".to_owned()
    } else {
        items.join(", ")
    }
}
