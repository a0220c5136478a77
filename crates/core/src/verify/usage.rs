//! Usage fit: which TLS uses (server, client) the certificate's key usages
//! allow.
//!
//! A use fits when the extendedKeyUsage is absent (any use, as Go reads it) or
//! names it (`server auth`, `client auth`) or `any`, and the keyUsage is
//! absent or has `digital signature`, which TLS 1.3 and every ECDHE handshake
//! sign with. With a purpose (server use when a host is given) the check
//! fails unless the certificate fits that use; without one it fails only
//! when it fits neither.

use super::{Check, Purpose};
use crate::{Certificate, CertificateInfo, KeyAlgorithm};

/// Checks the leaf for `purpose`, or for either use.
pub(super) fn check(leaf: &Certificate, purpose: Option<Purpose>) -> Check {
    let info = leaf.info();
    let server = fit(info, "server auth");
    let client = fit(info, "client auth");
    let fits: Vec<&str> = [("server", &server), ("client", &client)]
        .iter()
        .filter(|(_, reason)| reason.is_none())
        .map(|(name, _)| *name)
        .collect();
    let fits_text = if fits.is_empty() {
        "neither server nor client".to_owned()
    } else {
        fits.join(", ")
    };
    let usages = format!(
        "extended key usage: {}; key usage: {}",
        list_or_absent(info.extended_key_usage.iter().map(String::as_str)),
        list_or_absent(info.key_usage.iter().copied()),
    );
    let check = match (purpose, &server, &client) {
        (Some(Purpose::Server), Some(why), _) => Check::fail(
            Check::USAGE,
            format!(
                "does not fit TLS server use, which serving a host needs: {why}; fits: {fits_text} ({usages})"
            ),
        ),
        (Some(Purpose::Client), _, Some(why)) => Check::fail(
            Check::USAGE,
            format!("does not fit TLS client use: {why}; fits: {fits_text} ({usages})"),
        ),
        (None, Some(server_why), Some(client_why)) => Check::fail(
            Check::USAGE,
            format!(
                "fits neither TLS server nor client use: {server_why}; {client_why} ({usages})"
            ),
        ),
        _ => Check::pass(Check::USAGE, format!("fits: {fits_text} ({usages})")),
    };
    check.with_notes(notes(info))
}

/// `None` when the certificate fits the use named by the EKU `purpose`, else why not.
fn fit(info: &CertificateInfo, purpose: &str) -> Option<String> {
    let eku = &info.extended_key_usage;
    if !eku.is_empty() && !eku.iter().any(|p| p == purpose || p == "any") {
        return Some(format!("extended key usage lacks {purpose}"));
    }
    let ku = &info.key_usage;
    if !ku.is_empty() && !ku.contains(&"digital signature") {
        return Some(
            "key usage lacks digital signature, which TLS handshakes sign with".to_owned(),
        );
    }
    None
}

/// Sanity notes on the key usages of a leaf.
fn notes(info: &CertificateInfo) -> Vec<String> {
    let mut notes = Vec::new();
    let rsa = matches!(info.public_key.algorithm, Some(KeyAlgorithm::Rsa { .. }));
    let ku = &info.key_usage;
    if ku.contains(&"key encipherment") && !rsa {
        notes.push(format!(
            "key encipherment means nothing for an {} key (only RSA key exchange encrypts to the key)",
            info.public_key.description
        ));
    }
    if rsa && ku.contains(&"key encipherment") && !ku.contains(&"digital signature") {
        notes.push(
            "with key encipherment alone, only TLS 1.2 RSA key exchange works; TLS 1.3 needs digital signature"
                .to_owned(),
        );
    }
    if info.basic_constraints.is_some_and(|bc| bc.ca) || ku.contains(&"cert sign") {
        notes.push("the certificate is a CA (CA:TRUE or cert sign), unusual for a leaf".to_owned());
    }
    notes
}

fn list_or_absent<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let items: Vec<&str> = items.collect();
    if items.is_empty() {
        "absent (any)".to_owned()
    } else {
        items.join(", ")
    }
}
