//! The browser's WebCrypto, through `csrcraft-webcrypto`: it makes the keys, signs the CSRs and
//! checks every signature in native code, off the page's thread, so the wasm carries no crypto
//! of its own. Each function has WebCrypto check the signatures the synchronous core work in
//! `derive` will ask about, then runs that work with the answers (`decide`), and returns what
//! the page shows.

use csrcraft::kubernetes::{LintOptions, ManifestOptions};
use std::rc::Rc;

use csrcraft::{CertificateRequest, KeyDocument, PublicKeyInfo, SignerOutcome, Spec, UnixTime};
use csrcraft_webcrypto::{Error, Signed, decide};
use zeroize::Zeroizing;

use super::domains::domains;
use crate::derive::{
    self, LintPlan, LintSubject, LintView, ManifestText, TrialPlan, TrialView, TrialWaiting,
    Waiting,
};
use crate::i18n::Text;
use crate::state::{InspectView, ProtectedKey, TestCa, VerifyInputs, VerifyView};

/// Why keys cannot be made here, if they cannot: WebCrypto (`crypto.subtle`) exists only in a
/// secure context (https or localhost).
pub fn unavailable() -> Option<String> {
    csrcraft_webcrypto::available().err().map(|e| e.to_string())
}

/// A new key of the kind `spec` asks for, and its CSR.
pub async fn generate(spec: Spec) -> Result<Signed, String> {
    csrcraft_webcrypto::generate(&spec)
        .await
        .map_err(|e| e.to_string())
}

/// The lint panel for `plan`. A preview's throwaway key is dropped (and zeroized) as soon as
/// it has signed the preview CSR.
pub async fn lint(plan: LintPlan, options: LintOptions) -> LintView {
    let (subject, request) = match plan {
        LintPlan::Request(subject, request) => (subject, request),
        LintPlan::Preview(spec) => match csrcraft_webcrypto::generate(&spec).await {
            Ok(signed) => (LintSubject::Preview, signed.request),
            Err(Error::Core(e)) => return LintView::Waiting(Waiting::Spec(e.to_string())),
            Err(e) => return LintView::Waiting(Waiting::NoPreview(e.to_string())),
        },
        LintPlan::Waiting(why) => return LintView::Waiting(why),
    };
    let questions = request.signature_questions();
    decide(questions, |verifier| {
        derive::lint_view(&request, subject, &options, verifier)
    })
    .await
    .unwrap_or_else(|e| LintView::Waiting(Waiting::Failed(e.to_string())))
}

/// The manifest for the generated CSR, once there is one and the settings are usable; what
/// stops it in the core's words, or, without a CSR, in `text`'s.
pub async fn manifest(
    request: Option<CertificateRequest>,
    options: Result<ManifestOptions, csrcraft::Error>,
    text: &'static Text,
) -> Result<ManifestText, String> {
    let request = request.ok_or(text.output_manifest_needs_csr)?;
    let options = options.map_err(|e| e.to_string())?;
    let questions = request.signature_questions();
    match decide(questions, |verifier| {
        derive::manifest_text(&request, &options, verifier)
    })
    .await
    {
        Ok(manifest) => manifest.map_err(|e| e.to_string()),
        Err(e) => Err(e.to_string()),
    }
}

/// The verification of the returned certificate, against the generated key and CSR if any.
pub async fn verify(
    inputs: VerifyInputs,
    generated: Option<(PublicKeyInfo, CertificateRequest)>,
    now: UnixTime,
) -> VerifyView {
    let generated = generated.as_ref().map(|(key, request)| (key, request));
    let domains = domains();
    let questions = derive::verify_questions(&inputs, generated.map(|(_, request)| request));
    match decide(questions, |verifier| {
        derive::verify_report(&inputs, generated, now, verifier, domains)
    })
    .await
    {
        Ok(report) => report.map(|r| r.map_err(|e| e.to_string())),
        Err(e) => Some(Err(e.to_string())),
    }
}

/// What the returned certificate (or kubectl object) says.
pub async fn inspect(text: String, now: UnixTime) -> InspectView {
    let questions = csrcraft::inspect_signature_questions(text.as_bytes());
    match decide(questions, |verifier| {
        derive::inspect_text(&text, now, verifier)
    })
    .await
    {
        Ok(view) => view.map(|v| v.map_err(|e| e.to_string())),
        Err(e) => Some(Err(e.to_string())),
    }
}

/// The key encrypted under the passphrase (PKCS#8, PBES2 by WebCrypto's PBKDF2 and AES-CBC);
/// `None` without a key or a passphrase.
pub async fn protect_key(plan: Option<(Rc<KeyDocument>, Zeroizing<String>)>) -> ProtectedKey {
    let (key, passphrase) = plan?;
    Some(
        csrcraft_webcrypto::encrypt_key(&key, passphrase.as_bytes())
            .await
            .map(Rc::new)
            .map_err(|e| e.to_string()),
    )
}

/// The page's test CA: a P-256 key made by WebCrypto (exported once into the page's memory,
/// like the generated key) and its self-signed certificate, as `cfssl gencert -initca` makes
/// it.
pub async fn make_test_ca(now: UnixTime) -> Result<TestCa, String> {
    let made = async {
        let spec = derive::test_ca_spec(domains())?;
        let serial = csrcraft_webcrypto::random()?;
        let key = csrcraft_webcrypto::generate(&spec).await?.key;
        let spki = key.public_key_der().ok_or(Error::WebCrypto {
            operation: "export the key",
            reason: "the key has no public half".to_owned(),
        })?;
        let unsigned = derive::test_ca_certificate(&spec, &spki, now, serial)?;
        let certificate = csrcraft_webcrypto::sign_certificate(unsigned, &key).await?;
        Ok::<_, Error>(derive::test_ca(certificate, key)?)
    };
    made.await.map_err(|e| e.to_string())
}

/// What the test CA's signer does with the generated CSR: the signer's outcome, and for a
/// certificate, the certificate signed by the CA's key and verified.
pub async fn trial(plan: Result<TrialPlan, TrialWaiting>, now: UnixTime) -> TrialView {
    let plan = match plan {
        Ok(plan) => plan,
        Err(why) => return TrialView::Waiting(why),
    };
    let problem =
        |e: &dyn std::fmt::Display| TrialView::Waiting(TrialWaiting::Problem(e.to_string()));
    let serial = match csrcraft_webcrypto::random() {
        Ok(serial) => serial,
        Err(e) => return problem(&e),
    };
    let outcome = match decide(plan.request.signature_questions(), |verifier| {
        derive::sign_outcome(&plan, now, serial, verifier)
    })
    .await
    {
        Ok(Ok(outcome)) => outcome,
        Ok(Err(e)) => return problem(&e),
        Err(e) => return problem(&e),
    };
    if let Some(view) = derive::not_issued(&outcome) {
        return view;
    }
    let SignerOutcome::Issued(unsigned) = outcome else {
        return problem(&"the signer issued nothing");
    };
    let certificate = match csrcraft_webcrypto::sign_certificate(unsigned, plan.ca.key()).await {
        Ok(certificate) => certificate,
        Err(e) => return problem(&e),
    };
    let questions = derive::issued_questions(&plan, &certificate);
    let plan = &plan;
    match decide(questions, move |verifier| {
        derive::issued(plan, certificate, now, verifier, domains())
    })
    .await
    {
        Ok(issued) => TrialView::Issued(issued),
        Err(e) => problem(&e),
    }
}
