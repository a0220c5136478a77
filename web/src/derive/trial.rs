//! "Try it without a cluster": a test CA made in the page signs the generated CSR as the chosen
//! signer would (the core's `sign_request`, kube-controller-manager's policy), the result is
//! verified against the test CA, the key and the CSR, and the certificate, the CA and the
//! `kubernetes.io/tls` Secret are offered. The signing itself (the CA's key) is WebCrypto's, in
//! `services::crypto`; here is what comes before and after it, synchronous and pure.

use csrcraft::kubernetes::{Finding, LintOptions, ManifestFormat, SignerName, TlsSecret};
use csrcraft::{
    CaOptions, Certificate, CertificateAuthority, CertificateRequest, DomainToAscii, Error,
    KeyDocument, PublicKeyInfo, SignOptions, SignatureQuestion, SignatureVerifier, SignerOutcome,
    Spec, UnixTime, UnsignedCertificate, VerifyInput, VerifyReport, sign_request,
    verify_signature_questions,
};
use zeroize::Zeroizing;

use super::{check_spec, expiration};
use crate::state::{State, TestCa};

/// The test CA's spec: P-256, as `cfssl gencert -initca` would make it from this.
pub const TEST_CA_SPEC: &str = r#"{"CN": "csrcraft test CA", "key": {"algo": "ecdsa", "size": 256}, "names": [{"O": "csrcraft"}]}"#;

/// What the step shows.
#[derive(Clone, Debug, PartialEq)]
pub enum TrialView {
    /// Nothing signed yet, and why.
    Waiting(TrialWaiting),
    /// The API server would not create the CertificateSigningRequest: the first error.
    Refused(Finding),
    /// The signer fails it once approved (condition `Failed`, reason
    /// `SignerValidationFailure`): why.
    Failed(Finding),
    /// The signer issued a certificate.
    Issued(Issued),
}

/// Why nothing is signed yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TrialWaiting {
    /// No CSR generated yet.
    NoCsr,
    /// The test CA is being made.
    MakingCa,
    /// Something stops it: the core's or WebCrypto's message.
    Problem(String),
}

/// A certificate the test CA issued, and its verification.
#[derive(Clone, Debug, PartialEq)]
pub struct Issued {
    /// The certificate, PEM.
    pub certificate_pem: String,
    /// The verification against the test CA, the key and the CSR.
    pub report: Result<VerifyReport, String>,
    /// The signer is not one kube-controller-manager signs for: a controller of the reader's
    /// own decides in a cluster.
    pub own_controller: bool,
}

/// What the signing needs.
pub struct TrialPlan {
    /// The generated CSR.
    pub request: CertificateRequest,
    /// Its key's public half, for the key match.
    pub public_key: PublicKeyInfo,
    /// `spec.signerName`, `spec.usages`, `spec.expirationSeconds`.
    pub options: LintOptions,
    /// The host to verify the certificate for; empty for none.
    pub host: String,
    /// The test CA.
    pub ca: TestCa,
}

/// What to sign with what, or why nothing can be signed yet.
pub fn trial_plan(state: &State) -> Result<TrialPlan, TrialWaiting> {
    let generated = state.generated.as_ref().ok_or(TrialWaiting::NoCsr)?;
    let ca = match &state.test_ca {
        None => return Err(TrialWaiting::MakingCa),
        Some(Err(problem)) => return Err(TrialWaiting::Problem(problem.clone())),
        Some(Ok(ca)) => ca.clone(),
    };
    let expiration =
        expiration(&state.expiration).map_err(|e| TrialWaiting::Problem(e.to_string()))?;
    Ok(TrialPlan {
        request: generated.request.clone(),
        public_key: generated.public_key.clone(),
        options: LintOptions {
            signer: SignerName::new(state.signer.trim()),
            usages: state.usages.clone(),
            expiration_seconds: expiration.map(|e| u64::from(e.seconds())),
        },
        host: state.host.trim().to_owned(),
        ca,
    })
}

/// The test CA's spec.
pub fn test_ca_spec(domains: &dyn DomainToAscii) -> Result<Spec, Error> {
    check_spec(TEST_CA_SPEC, domains).map(|parsed| parsed.value)
}

/// The test CA's certificate to self-sign, for its key's public half `public_key_der`.
pub fn test_ca_certificate(
    spec: &Spec,
    public_key_der: &[u8],
    now: UnixTime,
    serial: [u8; 20],
) -> Result<UnsignedCertificate, Error> {
    UnsignedCertificate::ca(spec, public_key_der, &CaOptions::new(now, serial))
}

/// The test CA from its self-signed certificate and its key.
pub fn test_ca(certificate: Certificate, key: KeyDocument) -> Result<TestCa, Error> {
    Ok(TestCa::new(CertificateAuthority::new(certificate)?, key))
}

/// What the signer does with the plan's CSR, its self-signature checked by `verifier` (the
/// questions are the CSR's `signature_questions`).
pub fn sign_outcome(
    plan: &TrialPlan,
    now: UnixTime,
    serial: [u8; 16],
    verifier: &dyn SignatureVerifier,
) -> Result<SignerOutcome, Error> {
    let info = plan.request.info_checked(verifier)?;
    let options = SignOptions::new(plan.options.clone(), now, serial);
    sign_request(plan.ca.authority(), &info, &options)
}

/// The signatures [`issued`] asks about.
pub fn issued_questions(plan: &TrialPlan, certificate: &Certificate) -> Vec<SignatureQuestion> {
    verify_signature_questions(
        std::slice::from_ref(certificate),
        std::slice::from_ref(plan.ca.certificate()),
        Some(&plan.request),
    )
}

/// The issued certificate, verified against the test CA, the key and the CSR (and the host,
/// when one is set), every signature through `verifier`.
pub fn issued(
    plan: &TrialPlan,
    certificate: Certificate,
    now: UnixTime,
    verifier: &dyn SignatureVerifier,
    domains: &dyn DomainToAscii,
) -> Issued {
    let report = csrcraft::verify(&VerifyInput {
        chain: std::slice::from_ref(&certificate),
        trust: std::slice::from_ref(plan.ca.certificate()),
        key: Some(&plan.public_key),
        request: Some(&plan.request),
        host: Some(plan.host.as_str()).filter(|h| !h.is_empty()),
        purpose: None,
        at: now,
        signatures: verifier,
        domains,
    });
    Issued {
        certificate_pem: certificate.pem(),
        report: report.map_err(|e| e.to_string()),
        own_controller: !plan.options.signer.signed_by_controller_manager(),
    }
}

/// The view for an outcome that issues nothing; `None` for [`SignerOutcome::Issued`].
pub fn not_issued(outcome: &SignerOutcome) -> Option<TrialView> {
    match outcome {
        SignerOutcome::Refused(finding) => Some(TrialView::Refused(finding.clone())),
        SignerOutcome::Failed(finding) => Some(TrialView::Failed(finding.clone())),
        SignerOutcome::Issued(_) => None,
    }
}

/// The `kubernetes.io/tls` Secret for the certificate, its key (whose public half is
/// `public_key`, as WebCrypto gave it: an Ed25519 key document does not carry it) and the test
/// CA, as `kubectl create secret tls NAME --cert --key` writes it, with `ca.crt`; zeroized when
/// dropped, since it holds the key.
pub fn tls_secret(
    name: &str,
    certificate_pem: &str,
    key_pem: &str,
    public_key: &PublicKeyInfo,
    ca_pem: &str,
) -> Result<Zeroizing<String>, Error> {
    let mut secret = TlsSecret::new(name, certificate_pem, key_pem);
    secret.key_public_der = Some(&public_key.spki_der);
    secret.ca_pem = Some(ca_pem);
    secret.render(ManifestFormat::Yaml)
}

/// The Secret's name: the CertificateSigningRequest's, with `-tls`.
pub fn secret_name(manifest_name: Option<&str>) -> String {
    match manifest_name {
        Some(name) => format!("{name}-tls"),
        None => "tls".to_owned(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use csrcraft::{Check, Idna, Outcome};

    use super::*;
    use crate::state::{Action, CUSTOM_SIGNER};
    use crate::testing::{generate, make_test_ca, trial};

    #[test]
    fn nothing_to_sign_before_generate_or_the_ca() {
        let mut state = State::default();
        assert!(matches!(trial_plan(&state), Err(TrialWaiting::NoCsr)));
        generate(&mut state);
        assert!(matches!(trial_plan(&state), Err(TrialWaiting::MakingCa)));
        state.apply(Action::TestCa(Err("no WebCrypto".into())));
        assert!(matches!(trial_plan(&state), Err(TrialWaiting::Problem(p)) if p == "no WebCrypto"));
    }

    #[test]
    fn the_tutorial_csr_fails_kubelet_serving() {
        let mut state = State::default();
        state.apply(Action::LoadExample);
        generate(&mut state);
        make_test_ca(&mut state);
        let TrialView::Failed(finding) = trial(&state) else {
            panic!("not failed: {:?}", trial(&state));
        };
        assert_eq!(finding.message, "subject organization is not system:nodes");
        assert!(!finding.fix.is_empty());
    }

    #[test]
    fn a_custom_signer_issues_and_the_result_verifies() {
        let mut state = State::default();
        state.apply(Action::LoadExample);
        state.apply(Action::Signer(CUSTOM_SIGNER.into()));
        generate(&mut state);
        make_test_ca(&mut state);
        let TrialView::Issued(issued) = trial(&state) else {
            panic!("not issued: {:?}", trial(&state));
        };
        assert!(issued.own_controller);
        let report = issued.report.unwrap();
        assert!(report.passed(), "{report}");
        for check in [
            Check::SIGNATURE_CHAIN,
            Check::KEY_MATCH,
            Check::REQUEST_MATCH,
            Check::HOSTNAME,
        ] {
            let row = report.checks.iter().find(|c| c.name == check).unwrap();
            assert_eq!(row.outcome, Outcome::Pass, "{check}");
        }
        let generated = state.generated.as_ref().unwrap();
        let Some(Ok(ca)) = &state.test_ca else {
            panic!("no CA")
        };
        let secret = tls_secret(
            &secret_name(Some("my-svc.my-namespace")),
            &issued.certificate_pem,
            generated.key_pem.as_str(),
            &generated.public_key,
            &ca.certificate().pem(),
        )
        .unwrap();
        for line in [
            "type: kubernetes.io/tls",
            "  name: my-svc.my-namespace-tls",
            "  ca.crt: ",
            "  tls.crt: ",
            "  tls.key: ",
        ] {
            assert!(
                secret.contains(line),
                "{line} missing:\n{}",
                secret.as_str()
            );
        }
    }

    #[test]
    fn an_ed25519_key_issues_and_goes_into_the_secret() {
        let mut state = State::default();
        state.apply(Action::SpecJson(
            r#"{"CN": "web.example.com", "hosts": ["web.example.com"], "key": {"algo": "ed25519"}}"#.into(),
        ));
        generate(&mut state);
        make_test_ca(&mut state);
        let TrialView::Issued(issued) = trial(&state) else {
            panic!("not issued: {:?}", trial(&state));
        };
        let generated = state.generated.as_ref().unwrap();
        let Some(Ok(ca)) = &state.test_ca else {
            panic!("no CA")
        };
        let secret = tls_secret(
            "web-tls",
            &issued.certificate_pem,
            generated.key_pem.as_str(),
            &generated.public_key,
            &ca.certificate().pem(),
        );
        assert!(secret.is_ok(), "{secret:?}");
    }

    #[test]
    fn a_csr_the_api_server_refuses_is_refused() {
        let mut state = State::default();
        generate(&mut state);
        make_test_ca(&mut state);
        state.apply(Action::Usages(vec!["no such usage".into()]));
        assert!(
            matches!(trial(&state), TrialView::Refused(_)),
            "{:?}",
            trial(&state)
        );
        state.apply(Action::Usages(Vec::new()));
        assert!(
            matches!(trial(&state), TrialView::Refused(_)),
            "{:?}",
            trial(&state)
        );
    }

    #[test]
    fn a_bad_expiration_is_named() {
        let mut state = State::default();
        generate(&mut state);
        make_test_ca(&mut state);
        state.apply(Action::Expiration("soon".into()));
        assert!(matches!(trial_plan(&state), Err(TrialWaiting::Problem(_))));
    }

    #[test]
    fn the_test_ca_is_a_p256_ca() {
        let mut state = State::default();
        make_test_ca(&mut state);
        let Some(Ok(ca)) = &state.test_ca else {
            panic!("no CA")
        };
        let info = ca.certificate().info();
        assert!(
            info.subject.to_string().contains("csrcraft test CA"),
            "{}",
            info.subject
        );
        assert_eq!(
            info.public_key.algorithm,
            Some(csrcraft::KeyAlgorithm::Ecdsa(csrcraft::EcdsaCurve::P256))
        );
        let spec = test_ca_spec(&Idna).unwrap();
        assert_eq!(spec.key_algorithm(), info.public_key.algorithm.unwrap());
    }
}
