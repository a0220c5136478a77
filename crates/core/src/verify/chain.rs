//! The chain check. Its verdict is path validation's ([`path`](super::path));
//! this module words it. A path that validates is described link by link.
//! When none does, the path a person would follow (from the leaf, each issuer
//! by name among the trusted CAs first, then the other certificates given,
//! its signature checked with the issuer's key) shows where the chain
//! breaks, or, when it holds together, which rule of path validation it
//! breaks ([`explain`](super::explain)).

use super::issuers::{Issuers, MAX_INTERMEDIATES};
use super::path::Validation;
use super::{Check, Purpose, explain, quoted_name};
use crate::{Certificate, DistinguishedName, SignatureVerifier, UnixTime};

/// The path found from the leaf upwards, and how it ended.
pub(super) struct Path<'a> {
    /// Each link: the issuer found, whether it is a trusted CA, and the
    /// signature algorithm the link was signed with.
    links: Vec<Link<'a>>,
    /// `None` when a trusted CA was reached, else why the path stops.
    failure: Option<String>,
    /// Information that does not change the outcome.
    notes: Vec<String>,
}

struct Link<'a> {
    subject: &'a Certificate,
    issuer: &'a Certificate,
    trusted: bool,
}

/// The path that `validation` found, or else the one a person would follow.
pub(super) fn path<'a>(
    validation: &Validation<'a>,
    chain: &'a [Certificate],
    trust: &'a [Certificate],
    issuers: &Issuers<'a>,
    purpose: Option<Purpose>,
    verifier: &dyn SignatureVerifier,
) -> Path<'a> {
    let mut path = match &validation.path {
        Ok(certificates) => validated(certificates, chain),
        Err(error) => {
            let mut path = follow(chain, trust, issuers, verifier);
            if path.failure.is_none() {
                path.failure = Some(explain::explain(error, &path.certificates(), purpose));
            }
            path
        }
    };
    if let Some(time) = validation.moved_to {
        path.notes.push(moved_note(time));
    }
    for (ca, error) in &validation.unusable_cas {
        path.notes.push(format!(
            "the CA {} cannot be a trust anchor: {}",
            quoted_name(&ca.info().subject),
            explain::explain(error, &[ca], None)
        ));
    }
    path
}

fn moved_note(time: UnixTime) -> String {
    format!(
        "the path holds at {time}, when each of its certificates is valid; the validity check says which is not valid at the time asked"
    )
}

/// The path that validated, `certificates` leaf first and the trusted CA last.
fn validated<'a>(certificates: &[&'a Certificate], chain: &'a [Certificate]) -> Path<'a> {
    let links: Vec<Link<'a>> = certificates
        .windows(2)
        .enumerate()
        .map(|(index, pair)| Link {
            subject: pair[0],
            issuer: pair[1],
            trusted: index + 2 == certificates.len(),
        })
        .collect();
    let used: Vec<bool> = chain
        .iter()
        .enumerate()
        .map(|(index, c)| index == 0 || certificates.iter().any(|p| std::ptr::eq(*p, c)))
        .collect();
    let mut path = Path {
        links,
        failure: None,
        notes: Vec::new(),
    };
    if let Some(ca) = path.links.last().map(|link| link.issuer) {
        note_untrusted_form(&mut path, ca);
    }
    note_unused(&mut path, chain, &used);
    path
}

/// Follows issuer names from the leaf (the first of `chain`; the rest came
/// with it) to one of `trust`, checking each signature.
fn follow<'a>(
    chain: &'a [Certificate],
    trust: &'a [Certificate],
    issuers: &Issuers<'a>,
    verifier: &dyn SignatureVerifier,
) -> Path<'a> {
    let mut path = Path {
        links: Vec::new(),
        failure: None,
        notes: Vec::new(),
    };
    let Some(mut current) = chain.first() else {
        path.failure = Some("no certificate given".to_owned());
        return path;
    };
    let mut used = vec![false; chain.len()];
    if let Some(first) = used.first_mut() {
        *first = true;
    }
    // Each step adds an intermediate, and there are at most MAX_INTERMEDIATES.
    loop {
        let issuer_name = &current.info().issuer;
        let who = role(current, path.links.is_empty());
        let mut rejected = Vec::new();
        for ca in issuers.trusted(issuer_name) {
            match current.verify_signed_by(&ca.info().public_key.spki_der, verifier) {
                Ok(()) => {
                    note_untrusted_form(&mut path, ca);
                    path.links.push(Link {
                        subject: current,
                        issuer: ca,
                        trusted: true,
                    });
                    note_unused(&mut path, chain, &used);
                    return path;
                }
                Err(e) => rejected.push(format!(
                    "the signature of the {who} does not verify against CA {} ({e})",
                    quoted_name(&ca.info().subject)
                )),
            }
        }
        if path.links.len() == MAX_INTERMEDIATES {
            // Path validation looks no further; neither does this.
            path.failure = Some(explain::too_long());
            return path;
        }
        let mut next = None;
        for index in issuers.given(issuer_name) {
            let Some(candidate) = chain.get(index) else {
                continue;
            };
            if used.get(index).copied().unwrap_or(true) {
                continue;
            }
            match current.verify_signed_by(&candidate.info().public_key.spki_der, verifier) {
                Ok(()) => {
                    next = Some(index);
                    break;
                }
                Err(e) => rejected.push(format!(
                    "the signature of the {who} does not verify against chain certificate {} {} ({e})",
                    index + 1,
                    quoted_name(&candidate.info().subject)
                )),
            }
        }
        let Some(index) = next else {
            path.failure = Some(if rejected.is_empty() {
                not_found(&who, issuer_name, trust)
            } else {
                rejected.join("; ")
            });
            return path;
        };
        used[index] = true;
        let intermediate = &chain[index];
        path.links.push(Link {
            subject: current,
            issuer: intermediate,
            trusted: false,
        });
        if !intermediate
            .info()
            .basic_constraints
            .is_some_and(|bc| bc.ca)
        {
            path.failure = Some(format!(
                "{} signed the {who} but is not a CA (no basicConstraints CA:TRUE), so it may not issue certificates",
                quoted_name(&intermediate.info().subject)
            ));
            return path;
        }
        current = intermediate;
    }
}

impl<'a> Path<'a> {
    /// The outcome as a check.
    pub(super) fn check(&self) -> Check {
        let check = match &self.failure {
            Some(failure) => Check::fail(Check::SIGNATURE_CHAIN, failure.clone()),
            None => Check::pass(Check::SIGNATURE_CHAIN, self.describe()),
        };
        check.with_notes(self.notes.clone())
    }

    /// `leaf signed by "CN=int" (alg), "CN=int" signed by CA "CN=root" (alg)`.
    fn describe(&self) -> String {
        let mut parts = Vec::new();
        let mut subject = "leaf".to_owned();
        for link in &self.links {
            let issuer = quoted_name(&link.issuer.info().subject);
            let kind = if link.trusted && self.links.len() > 1 {
                "CA "
            } else {
                ""
            };
            parts.push(format!(
                "{subject} signed by {kind}{issuer} ({})",
                link.subject.info().signature_algorithm
            ));
            subject = issuer;
        }
        parts.join(", ")
    }

    /// The certificates on the path, leaf first.
    fn certificates(&self) -> Vec<&'a Certificate> {
        let leaf = self.links.first().map(|link| link.subject);
        leaf.into_iter()
            .chain(self.links.iter().map(|link| link.issuer))
            .collect()
    }

    /// The certificates whose validity matters, each with its role: the leaf,
    /// the intermediates on the path, and the trusted CA when reached.
    pub(super) fn roles<'c>(&'c self, leaf: &'c Certificate) -> Vec<(String, &'c Certificate)> {
        let mut all = vec![("leaf".to_owned(), leaf)];
        for link in &self.links {
            let kind = if link.trusted { "CA" } else { "intermediate" };
            all.push((
                format!("{kind} {}", quoted_name(&link.issuer.info().subject)),
                link.issuer,
            ));
        }
        all
    }
}

/// How a certificate on the path is named in messages.
fn role(certificate: &Certificate, is_leaf: bool) -> String {
    if is_leaf {
        "leaf".to_owned()
    } else {
        format!("intermediate {}", quoted_name(&certificate.info().subject))
    }
}

fn not_found(who: &str, issuer: &DistinguishedName, trust: &[Certificate]) -> String {
    let cas: Vec<String> = trust
        .iter()
        .map(|ca| quoted_name(&ca.info().subject))
        .collect();
    format!(
        "the {who}'s issuer {} is not found among the CAs ({}) nor in the chain given",
        quoted_name(issuer),
        cas.join(", ")
    )
}

/// A note when a trusted CA does not say it is a CA.
fn note_untrusted_form(path: &mut Path<'_>, ca: &Certificate) {
    if !ca.info().basic_constraints.is_some_and(|bc| bc.ca) {
        path.notes.push(format!(
            "the trusted CA {} has no basicConstraints CA:TRUE; it is trusted as given",
            quoted_name(&ca.info().subject)
        ));
    }
}

fn note_unused(path: &mut Path<'_>, chain: &[Certificate], used: &[bool]) {
    for (index, certificate) in chain.iter().enumerate() {
        if !used.get(index).copied().unwrap_or(true) {
            path.notes.push(format!(
                "chain certificate {} {} is not on the path to the CA",
                index + 1,
                quoted_name(&certificate.info().subject)
            ));
        }
    }
}
