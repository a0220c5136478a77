//! Who may have issued whom: the trusted CAs and the certificates given,
//! found by subject name. Path validation and the chain check look for a
//! certificate's issuer only among those whose subject is its issuer name,
//! and check its signature only with their keys; so these pairs are every
//! signature check a verify run can ask for, listed before it runs (the
//! first phase of a [`SignatureAnswers`](crate::SignatureAnswers) check).

use std::collections::BTreeMap;

use crate::{Certificate, DistinguishedName, Error, Result};

/// The most signature checks a verify run may need. A real chain needs a
/// handful; many certificates sharing one name multiply the pairs of
/// certificate and possible issuer, and past this the input is refused
/// rather than checked pair by pair.
pub(super) const MAX_CANDIDATE_SIGNATURES: usize = 2048;

/// The possible issuers of each name.
pub(super) struct Issuers<'a> {
    by_subject: BTreeMap<&'a DistinguishedName, Named<'a>>,
}

/// The certificates with one subject name.
#[derive(Default)]
pub(super) struct Named<'a> {
    /// The trusted CAs, in the order given.
    pub(super) trusted: Vec<&'a Certificate>,
    /// The indexes in the chain given (the leaf is 0), in order.
    pub(super) given: Vec<usize>,
}

impl<'a> Issuers<'a> {
    pub(super) fn new(chain: &'a [Certificate], trust: &'a [Certificate]) -> Self {
        let mut by_subject: BTreeMap<&DistinguishedName, Named<'a>> = BTreeMap::new();
        for ca in trust {
            by_subject
                .entry(&ca.info().subject)
                .or_default()
                .trusted
                .push(ca);
        }
        for (index, certificate) in chain.iter().enumerate() {
            by_subject
                .entry(&certificate.info().subject)
                .or_default()
                .given
                .push(index);
        }
        Self { by_subject }
    }

    /// The certificates whose subject is `name`.
    pub(super) fn named(&self, name: &DistinguishedName) -> Option<&Named<'a>> {
        self.by_subject.get(name)
    }

    /// Every pair of certificate and possible issuer (by name) reachable from
    /// the leaf `chain[0]` through the certificates given: the signature
    /// checks path validation and the chain check can ask for. Refused when
    /// there are more than [`MAX_CANDIDATE_SIGNATURES`].
    pub(super) fn reachable_pairs(
        &self,
        chain: &'a [Certificate],
    ) -> Result<Vec<(&'a Certificate, &'a Certificate)>> {
        let mut pairs = Vec::new();
        let mut seen = vec![false; chain.len()];
        let mut queue = Vec::new();
        if let Some(first) = seen.first_mut() {
            *first = true;
            queue.push(0);
        }
        while let Some(index) = queue.pop() {
            let Some(certificate) = chain.get(index) else {
                continue;
            };
            let Some(named) = self.named(&certificate.info().issuer) else {
                continue;
            };
            let given = named.given.iter().filter_map(|&i| chain.get(i));
            for issuer in named.trusted.iter().copied().chain(given) {
                pairs.push((certificate, issuer));
            }
            if pairs.len() > MAX_CANDIDATE_SIGNATURES {
                return Err(too_many(&certificate.info().issuer));
            }
            for &next in &named.given {
                if let Some(seen) = seen.get_mut(next).filter(|seen| !**seen) {
                    *seen = true;
                    queue.push(next);
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
            "the certificates given could be linked by issuer name in more than {MAX_CANDIDATE_SIGNATURES} ways (many share the name \"{name}\"), more signatures than verify checks; give only the certificates on the path from the leaf to its CA"
        ),
    )
}
