//! The lint panel: which CSR to lint (the generated one, or a preview made from the spec with a
//! throwaway key), and the core's findings for it.

use csrcraft::kubernetes::{Finding, LintOptions, LintReport, SignerName};
use csrcraft::{CertificateRequest, DomainToAscii, KeyAlgorithm, SignatureVerifier, Spec};

use super::{check_spec, expiration_seconds, fresh};
use crate::state::State;

/// Which CSR the lint looked at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LintSubject {
    /// The generated CSR.
    Generated,
    /// The generated CSR, made from an earlier version of the spec.
    Stale,
    /// A CSR made from the spec with a throwaway key, before generating.
    Preview,
}

/// The lint panel's content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LintView {
    /// Findings for a CSR.
    Report {
        /// Which CSR.
        subject: LintSubject,
        /// What the core found.
        findings: Vec<Finding>,
    },
    /// Nothing to lint yet, and why.
    Waiting(Waiting),
}

/// Why the lint has no findings, in words the page puts in the reader's language when it
/// draws them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Waiting {
    /// The spec does not read: the core's error.
    Spec(String),
    /// An RSA spec: the lint waits for Generate.
    Rsa,
    /// WebCrypto made no preview CSR: its error.
    NoPreview(String),
    /// The CSR could not be checked: the core's or WebCrypto's error, shown as it is.
    Failed(String),
}

/// What the lint will look at.
#[derive(Debug)]
pub enum LintPlan {
    /// This CSR.
    Request(LintSubject, CertificateRequest),
    /// A preview CSR for this spec, with a throwaway key.
    Preview(Spec),
    /// Nothing yet, and why.
    Waiting(Waiting),
}

/// Picks the generated CSR when it was made from the current spec, else a preview. A preview
/// needs a throwaway key; RSA keys take long enough to make (seconds for RSA-8192, on a core
/// the real Generate may need) that an RSA spec lints the last generated CSR, or waits for
/// Generate.
pub fn lint_plan(state: &State, domains: &dyn DomainToAscii) -> LintPlan {
    if let Some(generated) = fresh(state) {
        return LintPlan::Request(LintSubject::Generated, generated.request.clone());
    }
    let spec = match check_spec(&state.spec_json, domains) {
        Ok(parsed) => parsed.value,
        Err(e) => return LintPlan::Waiting(Waiting::Spec(e.to_string())),
    };
    if !matches!(spec.key_algorithm(), KeyAlgorithm::Rsa { .. }) {
        return LintPlan::Preview(spec);
    }
    match &state.generated {
        Some(stale) => LintPlan::Request(LintSubject::Stale, stale.request.clone()),
        None => LintPlan::Waiting(Waiting::Rsa),
    }
}

/// The manifest settings the lint checks the CSR against.
pub fn lint_options(state: &State) -> LintOptions {
    LintOptions {
        signer: SignerName::new(state.signer.trim()),
        usages: state.usages.clone(),
        expiration_seconds: expiration_seconds(&state.expiration),
    }
}

/// The core's findings for `request`, its self-signature checked by `verifier`.
pub fn lint_view(
    request: &CertificateRequest,
    subject: LintSubject,
    options: &LintOptions,
    verifier: &dyn SignatureVerifier,
) -> LintView {
    match request.info_checked(verifier) {
        Ok(info) => LintView::Report {
            subject,
            findings: LintReport::new(&info, options).findings().to_vec(),
        },
        Err(e) => LintView::Waiting(Waiting::Failed(e.to_string())),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use csrcraft::kubernetes::Severity;
    use csrcraft::{Idna, SoftwareVerifier};

    use super::*;
    use crate::form::FormEdit;
    use crate::state::Action;
    use crate::testing::{generate, signed};

    #[test]
    fn the_tutorial_preview_fails_kubelet_serving() {
        let mut state = State::default();
        state.apply(Action::LoadExample);
        let LintPlan::Preview(spec) = lint_plan(&state, &Idna) else {
            panic!("no preview");
        };
        // What the page does with WebCrypto: a throwaway key and its CSR.
        let request = csrcraft::generate(&spec, &mut getrandom::SysRng)
            .unwrap()
            .request;
        let view = lint_view(
            &request,
            LintSubject::Preview,
            &lint_options(&state),
            &SoftwareVerifier,
        );
        let LintView::Report { subject, findings } = view else {
            panic!("no report: {view:?}");
        };
        assert_eq!(subject, LintSubject::Preview);
        let errors = findings.iter().filter(|f| f.severity == Severity::Error);
        assert_eq!(errors.count(), 2, "{findings:#?}");
    }

    #[test]
    fn rsa_waits_for_generate_then_lints_the_last_csr() {
        let mut state = State::default();
        state.apply(Action::Form(FormEdit::Algo("rsa".into())));
        assert!(matches!(
            lint_plan(&state, &Idna),
            LintPlan::Waiting(Waiting::Rsa)
        ));
        generate(&mut state);
        assert!(matches!(
            lint_plan(&state, &Idna),
            LintPlan::Request(LintSubject::Generated, _)
        ));
        state.apply(Action::Form(FormEdit::CommonName("other.example".into())));
        assert!(matches!(
            lint_plan(&state, &Idna),
            LintPlan::Request(LintSubject::Stale, _)
        ));
    }

    #[test]
    fn a_bad_spec_is_named() {
        let mut state = State::default();
        state.apply(Action::SpecJson("{".into()));
        let LintPlan::Waiting(Waiting::Spec(why)) = lint_plan(&state, &Idna) else {
            panic!("a plan for a broken spec");
        };
        assert!(why.contains("JSON"), "{why}");
    }

    #[test]
    fn a_bad_self_signature_is_a_finding() {
        let mut request = signed(crate::state::EXAMPLE_SPEC).request.der().to_vec();
        let last = request.len() - 1;
        request[last] ^= 1;
        let request = CertificateRequest::from_der(&request).unwrap();
        let view = lint_view(
            &request,
            LintSubject::Generated,
            &lint_options(&State::default()),
            &SoftwareVerifier,
        );
        let LintView::Report { findings, .. } = view else {
            panic!("no report: {view:?}");
        };
        assert!(
            findings.iter().any(|f| f.severity == Severity::Error),
            "{findings:#?}"
        );
    }
}
