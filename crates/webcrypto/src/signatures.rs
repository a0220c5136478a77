//! Signature checks answered by WebCrypto for the core's synchronous
//! functions: run the function with a verifier that answers what it already
//! knows and notes what it does not, check the noted signatures with
//! WebCrypto, and run it again, until nothing new is asked.
//! The core's functions are pure, so running one again is safe; inputs are
//! finite, so the questions run out (typically after one round).

use std::cell::RefCell;
use std::collections::HashMap;

use crate::Error;
use crate::algorithms::{signature_params, verify_key_params};
use crate::subtle::Subtle;
use csrcraft::{
    KeyAlgorithm, SignatureAlgorithm, SignatureCheck, SignatureError, SignatureVerifier,
    curve_field_bytes, ecdsa_der_to_fixed,
};

/// Runs `run` with its signatures checked by WebCrypto, and returns what it
/// returns once every signature it asked about was answered.
pub async fn checked<T>(mut run: impl FnMut(&dyn SignatureVerifier) -> T) -> Result<T, Error> {
    let mut known = HashMap::new();
    // Each round answers at least one new question; this bound is far above
    // what any input needs (one per certificate pair plus the CSR).
    for _ in 0..MAX_ROUNDS {
        let recorder = Recorder {
            known: &known,
            asked: RefCell::new(Vec::new()),
        };
        let output = run(&recorder);
        let asked = recorder.asked.into_inner();
        if asked.is_empty() {
            return Ok(output);
        }
        let answers = check_all(&asked).await?;
        known.extend(asked.into_iter().zip(answers));
    }
    Err(Error::WebCrypto {
        operation: "verify",
        reason: format!("more than {MAX_ROUNDS} rounds of signature checks"),
    })
}

const MAX_ROUNDS: usize = 64;

/// A signature check with its bytes owned, to be asked later.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Question {
    signed: Vec<u8>,
    algorithm: SignatureAlgorithm,
    signature: Vec<u8>,
    signer_spki_der: Vec<u8>,
}

struct Recorder<'a> {
    known: &'a HashMap<Question, Result<(), SignatureError>>,
    asked: RefCell<Vec<Question>>,
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
        if let Some(answer) = self.known.get(&question) {
            return answer.clone();
        }
        let mut asked = self.asked.borrow_mut();
        if !asked.contains(&question) {
            asked.push(question);
        }
        // Provisional; this round's output is thrown away.
        Err(SignatureError::Invalid)
    }
}

/// Checks each question in turn (there are rarely more than two).
async fn check_all(questions: &[Question]) -> Result<Vec<Result<(), SignatureError>>, Error> {
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
