//! Signature checks in two phases, for a checker that cannot answer while the
//! core runs (a page's WebCrypto answers asynchronously; the core is
//! synchronous):
//!
//! 1. the core lists every signature a run may need checked, as
//!    [`SignatureQuestion`]s (`CertificateRequest::signature_questions`,
//!    `inspect_signature_questions`, `verify_signature_questions`);
//! 2. the caller checks them all, its own way;
//! 3. [`SignatureAnswers::decide`] runs the core with those answers.
//!
//! Every answer the run sees is the checker's. Should the run ask a question
//! the list lacks (a bug in the listing), `decide` returns [`Unanswered`]
//! and drops the run's output, so no decision rests on an answer nobody gave.

use std::cmp::Ordering;
use std::sync::atomic::{AtomicBool, Ordering as AtomicOrdering};

use super::signature::{SignatureCheck, SignatureError, SignatureVerifier};
use crate::key::SignatureAlgorithm;

/// One signature to check, with its bytes owned: what [`SignatureCheck`]
/// borrows.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SignatureQuestion {
    /// The signed bytes.
    pub signed: Vec<u8>,
    /// The algorithm the certificate or CSR names.
    pub algorithm: SignatureAlgorithm,
    /// The signature bytes.
    pub signature: Vec<u8>,
    /// The signer's public key, a DER `SubjectPublicKeyInfo`.
    pub signer_spki_der: Vec<u8>,
}

impl SignatureQuestion {
    /// The check this question asks for.
    pub fn check(&self) -> SignatureCheck<'_> {
        SignatureCheck {
            signed: &self.signed,
            algorithm: &self.algorithm,
            signature: &self.signature,
            signer_spki_der: &self.signer_spki_der,
        }
    }

    pub(crate) fn of(check: &SignatureCheck<'_>) -> Self {
        Self {
            signed: check.signed.to_vec(),
            algorithm: check.algorithm.clone(),
            signature: check.signature.to_vec(),
            signer_spki_der: check.signer_spki_der.to_vec(),
        }
    }
}

/// The answers to a run's questions, found before it runs.
#[derive(Clone, Debug, Default)]
pub struct SignatureAnswers {
    /// Sorted by [`compare`] on the question, one answer per question.
    answers: Vec<(SignatureQuestion, Result<(), SignatureError>)>,
}

/// A run asked for a signature check that was not among the questions
/// answered before it; its output was dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "a signature check was needed that was not listed before the run (a csrcraft bug; please report it), so nothing was decided"
)]
pub struct Unanswered;

impl SignatureAnswers {
    /// Answers, each to its question. When a question comes twice, its first
    /// answer stands.
    pub fn new(
        answers: impl IntoIterator<Item = (SignatureQuestion, Result<(), SignatureError>)>,
    ) -> Self {
        let mut answers: Vec<_> = answers.into_iter().collect();
        answers.sort_by(|(a, _), (b, _)| compare(&a.check(), &b.check()));
        answers.dedup_by(|later, earlier| later.0 == earlier.0);
        Self { answers }
    }

    /// What `run` returns when each signature it asks about is answered as
    /// here, or [`Unanswered`] when it asked about one that is not.
    pub fn decide<T>(
        &self,
        run: impl FnOnce(&dyn SignatureVerifier) -> T,
    ) -> Result<T, Unanswered> {
        let lookup = Lookup {
            answers: self,
            unanswered: AtomicBool::new(false),
        };
        let output = run(&lookup);
        if lookup.unanswered.load(AtomicOrdering::Relaxed) {
            return Err(Unanswered);
        }
        Ok(output)
    }

    fn answer(&self, check: &SignatureCheck<'_>) -> Option<&Result<(), SignatureError>> {
        let found = self
            .answers
            .binary_search_by(|(question, _)| compare(&question.check(), check));
        found.ok().and_then(|i| self.answers.get(i)).map(|(_, a)| a)
    }
}

/// The verifier `decide` runs with; it notes a question it cannot answer.
struct Lookup<'a> {
    answers: &'a SignatureAnswers,
    unanswered: AtomicBool,
}

impl SignatureVerifier for Lookup<'_> {
    fn verify(&self, check: &SignatureCheck<'_>) -> Result<(), SignatureError> {
        match self.answers.answer(check) {
            Some(answer) => answer.clone(),
            None => {
                self.unanswered.store(true, AtomicOrdering::Relaxed);
                // Never decides anything: `decide` drops the output.
                Err(SignatureError::Unsupported(Unanswered.to_string()))
            }
        }
    }
}

/// The order answers are kept in: the signed bytes first, as they tell
/// questions apart soonest.
fn compare(a: &SignatureCheck<'_>, b: &SignatureCheck<'_>) -> Ordering {
    (a.signed, a.signature, a.signer_spki_der)
        .cmp(&(b.signed, b.signature, b.signer_spki_der))
        .then_with(|| a.algorithm.cmp(b.algorithm))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn question(signed: &[u8], algorithm: SignatureAlgorithm) -> SignatureQuestion {
        SignatureQuestion {
            signed: signed.to_vec(),
            algorithm,
            signature: vec![1, 2],
            signer_spki_der: vec![3],
        }
    }

    #[test]
    fn a_run_sees_the_answers_given() {
        let valid = question(b"a", SignatureAlgorithm::Ed25519);
        let invalid = question(b"b", SignatureAlgorithm::Ed25519);
        let answers = SignatureAnswers::new([
            (invalid.clone(), Err(SignatureError::Invalid)),
            (valid.clone(), Ok(())),
        ]);
        let seen = answers.decide(|v| (v.verify(&valid.check()), v.verify(&invalid.check())));
        assert_eq!(seen, Ok((Ok(()), Err(SignatureError::Invalid))));
    }

    #[test]
    fn a_run_that_asks_an_unlisted_question_decides_nothing() {
        let listed = question(b"a", SignatureAlgorithm::Ed25519);
        let other_algorithm = question(b"a", SignatureAlgorithm::RsaSha256);
        let answers = SignatureAnswers::new([(listed.clone(), Ok(()))]);
        assert_eq!(answers.decide(|v| v.verify(&listed.check())), Ok(Ok(())));
        assert_eq!(
            answers.decide(|v| v.verify(&other_algorithm.check()).is_ok()),
            Err(Unanswered)
        );
        assert_eq!(
            SignatureAnswers::default().decide(|v| v.verify(&listed.check()).is_ok()),
            Err(Unanswered)
        );
    }

    #[test]
    fn the_first_of_two_answers_to_one_question_stands() {
        let q = question(b"a", SignatureAlgorithm::Ed25519);
        let answers = SignatureAnswers::new([
            (q.clone(), Err(SignatureError::Invalid)),
            (q.clone(), Ok(())),
        ]);
        assert_eq!(
            answers.decide(|v| v.verify(&q.check())),
            Ok(Err(SignatureError::Invalid))
        );
    }
}
