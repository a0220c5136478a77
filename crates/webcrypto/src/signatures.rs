//! Signature checks answered by WebCrypto for the core's synchronous
//! functions. The core asks its questions synchronously and WebCrypto answers
//! asynchronously, so [`checked`] runs the function with a verifier that
//! answers what it already knows, and assumes every signature it does not
//! know holds, noting it. It then checks the noted signatures with WebCrypto.
//! When all of them hold, that run's output stands; otherwise the function
//! runs again with the real answers.

use std::sync::Mutex;

use crate::Error;
use crate::algorithms::{signature_params, verify_key_params};
use crate::subtle::Subtle;
use csrcraft::support::{curve_field_bytes, ecdsa_der_to_fixed};
use csrcraft::{
    KeyAlgorithm, SignatureAlgorithm, SignatureCheck, SignatureError, SignatureVerifier,
};

/// Runs `run` with its signatures checked by WebCrypto, and returns what it
/// returns when each signature is answered as WebCrypto answers it.
///
/// Why one round is enough when every signature holds: `run` is pure (its
/// output depends only on its inputs and the verifier's answers). A round
/// answers what an earlier round learnt with WebCrypto's answers, and the rest
/// provisionally with "valid". If WebCrypto confirms every provisional
/// answer, the round saw exactly the answers a run with WebCrypto's answers
/// sees, so it asked the same questions and its output is that run's output.
/// If one is refuted, the output is dropped and `run` runs again with the
/// answers learnt. A round that does not end learnt at least one answer it
/// did not know, and an input holds finitely many signatures, so this ends:
/// one round when every signature holds, usually two when one does not.
pub async fn checked<T>(mut run: impl FnMut(&dyn SignatureVerifier) -> T) -> Result<T, Error> {
    // A thin generic shell: the rounds and their WebCrypto calls are one
    // function for every caller, not a copy of the whole state machine each.
    let mut output = None;
    rounds(&mut |verifier| output = Some(run(verifier))).await?;
    output.ok_or_else(too_many_rounds)
}

/// Runs `run` round after round as [`checked`] explains; `Ok` once a round's
/// output stands (that run's output is the last one `run` made), an error when
/// WebCrypto fails or after [`MAX_ROUNDS`] rounds.
async fn rounds(run: &mut dyn FnMut(&dyn SignatureVerifier)) -> Result<(), Error> {
    let mut known = Vec::new();
    // Every round but the last learns at least one signature that fails,
    // and path validation stops after 100 signature checks in a run (its
    // limit against hostile input), so hostile path-building input (x509-limbo's
    // pathological chains) needs a few dozen rounds; the bound is above that.
    for _ in 0..MAX_ROUNDS {
        let recorder = Recorder {
            known: &known,
            asked: Mutex::new(Vec::new()),
        };
        run(&recorder);
        let asked = recorder
            .asked
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let answers = check_all(&asked).await?;
        if answers.iter().all(|answer| *answer == PROVISIONAL) {
            return Ok(());
        }
        known.extend(asked.into_iter().zip(answers));
    }
    Err(too_many_rounds())
}

fn too_many_rounds() -> Error {
    Error::WebCrypto {
        operation: "verify",
        reason: format!("more than {MAX_ROUNDS} rounds of signature checks"),
    }
}

const MAX_ROUNDS: usize = 128;

/// The answer given to a question WebCrypto has not answered yet: the
/// signature holds, as it does in the usual case.
const PROVISIONAL: Result<(), SignatureError> = Ok(());

/// A signature check with its bytes owned, to be asked later.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Question {
    signed: Vec<u8>,
    algorithm: SignatureAlgorithm,
    signature: Vec<u8>,
    signer_spki_der: Vec<u8>,
}

struct Recorder<'a> {
    /// Answers learnt in earlier rounds. A list, not a map: there are rarely
    /// more than two, and a hash map costs the wasm several KB.
    known: &'a [(Question, Result<(), SignatureError>)],
    /// A `Mutex` because path validation asks through `Sync` algorithms;
    /// nothing here runs on another thread.
    asked: Mutex<Vec<Question>>,
}

impl SignatureVerifier for Recorder<'_> {
    fn verify(&self, check: &SignatureCheck<'_>) -> Result<(), SignatureError> {
        // What the core can tell without crypto (a wrong kind of key, an
        // insecure algorithm) needs no question.
        check.plan()?;
        let question = Question {
            signed: check.signed.to_vec(),
            algorithm: check.algorithm.clone(),
            signature: check.signature.to_vec(),
            signer_spki_der: check.signer_spki_der.to_vec(),
        };
        if let Some((_, answer)) = self.known.iter().find(|(known, _)| *known == question) {
            return answer.clone();
        }
        let mut asked = self
            .asked
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if !asked.contains(&question) {
            asked.push(question);
        }
        // `checked` keeps this round's output only if WebCrypto agrees.
        PROVISIONAL
    }
}

/// Checks each question in turn (there are rarely more than two).
async fn check_all(questions: &[Question]) -> Result<Vec<Result<(), SignatureError>>, Error> {
    if questions.is_empty() {
        return Ok(Vec::new());
    }
    let subtle = Subtle::get()?;
    let mut answers = Vec::with_capacity(questions.len());
    for question in questions {
        answers.push(check_one(&subtle, question).await);
    }
    Ok(answers)
}

async fn check_one(subtle: &Subtle, question: &Question) -> Result<(), SignatureError> {
    let check = SignatureCheck {
        signed: &question.signed,
        algorithm: &question.algorithm,
        signature: &question.signature,
        signer_spki_der: &question.signer_spki_der,
    };
    let plan = check.plan()?;
    let spki = js_sys::Uint8Array::from(question.signer_spki_der.as_slice());
    let key = subtle
        .import(
            "spki",
            &spki,
            &verify_key_params(plan.key_algorithm, plan.hash),
            &["verify"],
        )
        .await
        .map_err(|e| SignatureError::BadKey(e.to_string()))?;
    let signature = match plan.key_algorithm {
        // X.509 holds the DER Ecdsa-Sig-Value; WebCrypto takes r || s.
        KeyAlgorithm::Ecdsa(curve) => {
            ecdsa_der_to_fixed(&question.signature, curve_field_bytes(curve))
                .ok_or(SignatureError::Invalid)?
        }
        _ => question.signature.clone(),
    };
    let params = signature_params(plan.key_algorithm, plan.hash);
    match subtle
        .verify(&params, &key, &signature, &question.signed)
        .await
    {
        Ok(true) => Ok(()),
        Ok(false) => Err(SignatureError::Invalid),
        Err(e) => Err(SignatureError::BadKey(e.to_string())),
    }
}
