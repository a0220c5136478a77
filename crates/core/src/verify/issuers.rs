//! Who may have issued whom: the trusted CAs and the certificates given,
//! found by subject name. Path validation and the chain check look for a
//! certificate's issuer only among those whose subject is its issuer name,
//! and check its signature only with their keys; so these pairs are every
//! signature check a verify run can ask for, listed before it runs (the
//! first phase of a [`SignatureAnswers`](crate::SignatureAnswers) check).

use crate::{Certificate, DistinguishedName, Error, Result};

/// The most signature checks a verify run may need. A real chain needs a
/// handful; many certificates sharing one name multiply the pairs of
/// certificate and possible issuer, and past this the input is refused
/// rather than checked pair by pair.
pub(super) const MAX_CANDIDATE_SIGNATURES: usize = 2048;

/// The most intermediates on a path: rustls-webpki's limit, so path
/// validation never looks further from the leaf, nor does the chain check.
pub(super) const MAX_INTERMEDIATES: usize = 6;

/// The possible issuers of each name.
pub(super) struct Issuers<'a> {
    /// Sorted by name; for one name, the trusted CAs in the order given,
    /// then the chain's certificates in order. A sorted list rather than a
    /// map: a `BTreeMap` costs the wasm several KB.
    by_subject: Vec<(&'a DistinguishedName, Candidate<'a>)>,
}

/// A certificate that may have issued another.
#[derive(Clone, Copy)]
enum Candidate<'a> {
    /// A trusted CA.
    Trusted(&'a Certificate),
    /// The certificate at this index in the chain given (the leaf is 0).
    Given(usize),
}

impl<'a> Issuers<'a> {
    pub(super) fn new(chain: &'a [Certificate], trust: &'a [Certificate]) -> Self {
        let trusted = trust
            .iter()
            .map(|ca| (&ca.info().subject, Candidate::Trusted(ca)));
        let given = chain
            .iter()
            .enumerate()
            .map(|(index, c)| (&c.info().subject, Candidate::Given(index)));
        let mut by_subject: Vec<_> = trusted.chain(given).collect();
        // Stable: each name keeps the order above.
        by_subject.sort_by(|a, b| a.0.cmp(b.0));
        Self { by_subject }
    }

    /// The trusted CAs whose subject is `name`.
    pub(super) fn trusted(
        &self,
        name: &DistinguishedName,
    ) -> impl Iterator<Item = &'a Certificate> {
        self.named(name).iter().filter_map(|(_, c)| match c {
            Candidate::Trusted(ca) => Some(*ca),
            Candidate::Given(_) => None,
        })
    }

    /// The indexes in the chain of the certificates whose subject is `name`.
    pub(super) fn given(&self, name: &DistinguishedName) -> impl Iterator<Item = usize> {
        self.named(name).iter().filter_map(|(_, c)| match c {
            Candidate::Given(index) => Some(*index),
            Candidate::Trusted(_) => None,
        })
    }

    fn named(&self, name: &DistinguishedName) -> &[(&'a DistinguishedName, Candidate<'a>)] {
        let start = self.by_subject.partition_point(|(n, _)| *n < name);
        let rest = self.by_subject.get(start..).unwrap_or_default();
        let len = rest.partition_point(|(n, _)| *n == name);
        rest.get(..len).unwrap_or_default()
    }

    /// Every pair of certificate and possible issuer (by name) within
    /// [`MAX_INTERMEDIATES`] of the leaf `chain[0]`: the signature checks path
    /// validation and the chain check can ask for. Refused when there are
    /// more than [`MAX_CANDIDATE_SIGNATURES`].
    pub(super) fn reachable_pairs(
        &self,
        chain: &'a [Certificate],
    ) -> Result<Vec<(&'a Certificate, &'a Certificate)>> {
        let mut pairs = Vec::new();
        // Breadth first, so each certificate is reached at its least depth
        // (the number of intermediates below it and it, the leaf's being 0).
        let mut depth = vec![None; chain.len()];
        let mut queue = Vec::new();
        if let Some(first) = depth.first_mut() {
            *first = Some(0);
            queue.push(0);
        }
        let mut next_in_queue = 0;
        while let Some(&index) = queue.get(next_in_queue) {
            next_in_queue += 1;
            let (Some(certificate), Some(Some(at))) = (chain.get(index), depth.get(index).copied())
            else {
                continue;
            };
            let issuer_name = &certificate.info().issuer;
            for (_, candidate) in self.named(issuer_name) {
                let issuer = match *candidate {
                    Candidate::Trusted(ca) => ca,
                    Candidate::Given(_) if at == MAX_INTERMEDIATES => continue,
                    Candidate::Given(next) => {
                        if let Some(unseen) = depth.get_mut(next).filter(|d| d.is_none()) {
                            *unseen = Some(at + 1);
                            queue.push(next);
                        }
                        let Some(issuer) = chain.get(next) else {
                            continue;
                        };
                        issuer
                    }
                };
                pairs.push((certificate, issuer));
                if pairs.len() > MAX_CANDIDATE_SIGNATURES {
                    return Err(too_many(issuer_name));
                }
            }
        }
        Ok(pairs)
    }
}

fn too_many(name: &DistinguishedName) -> Error {
    Error::decode(
        "certificate chain",
        format!(
            "more than {MAX_CANDIDATE_SIGNATURES} signatures to check: many of the certificates given are named \"{name}\", and each could have issued each; verify checks at most {MAX_CANDIDATE_SIGNATURES}, so give only the certificates on the path from the leaf to its CA"
        ),
    )
}
