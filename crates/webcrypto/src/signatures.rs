//! Signature checks answered by WebCrypto, in two phases: the core lists the
//! signatures a run needs (`CertificateRequest::signature_questions`,
//! `inspect_signature_questions`, `verify_signature_questions`), WebCrypto
//! checks each, and only then does the core run, with those answers
//! ([`SignatureAnswers::decide`]). No answer the core sees is a guess.

use crate::Error;
use crate::algorithms::{hashed_key_params, signature_params};
use crate::subtle::Subtle;
use csrcraft::support::{curve_field_bytes, ecdsa_der_to_fixed};
use csrcraft::{
    KeyAlgorithm, SignatureAnswers, SignatureError, SignatureQuestion, SignatureVerifier,
};

/// Checks `questions` with WebCrypto, then runs `run` with those answers.
/// [`Error::Unanswered`] when `run` asks about a signature not in
/// `questions`; its output is dropped.
pub async fn decide<T>(
    questions: Vec<SignatureQuestion>,
    run: impl FnOnce(&dyn SignatureVerifier) -> T,
) -> Result<T, Error> {
    Ok(answer(questions).await?.decide(run)?)
}

/// WebCrypto's answer to each question.
pub async fn answer(questions: Vec<SignatureQuestion>) -> Result<SignatureAnswers, Error> {
    if questions.is_empty() {
        return Ok(SignatureAnswers::default());
    }
    let subtle = Subtle::get()?;
    let mut answers = Vec::with_capacity(questions.len());
    for question in questions {
        let answer = check_one(&subtle, &question).await;
        answers.push((question, answer));
    }
    Ok(SignatureAnswers::new(answers))
}

async fn check_one(subtle: &Subtle, question: &SignatureQuestion) -> Result<(), SignatureError> {
    // What the core can tell without crypto (a wrong kind of key, an
    // insecure algorithm) needs no WebCrypto call.
    let plan = question.check().plan()?;
    let spki = js_sys::Uint8Array::from(question.signer_spki_der.as_slice());
    let key = subtle
        .import(
            "spki",
            &spki,
            &hashed_key_params(plan.key_algorithm, plan.hash),
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
