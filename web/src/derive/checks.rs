//! The generated CSR's manifest, and the returned certificate's verification and inspect
//! view: each through the core, with its signatures checked by the verifier passed in (and the
//! host to verify turned into ASCII by the `DomainToAscii` passed in).

use csrcraft::kubernetes::{Manifest, ManifestOptions};
use csrcraft::{
    CertificateRequest, DomainToAscii, Error, PublicKeyInfo, SignatureQuestion, SignatureVerifier,
    UnixTime, VerifyInput, VerifyReport, read_certificates,
};

use crate::state::VerifyInputs;

/// The manifest as the page shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ManifestText {
    /// `metadata.name`, as given or derived from the CSR.
    pub name: String,
    /// The YAML (`csr.yaml`).
    pub yaml: String,
}

/// The CertificateSigningRequest for `request`, whose self-signature `verifier` checks.
pub fn manifest_text(
    request: &CertificateRequest,
    options: &ManifestOptions,
    verifier: &dyn SignatureVerifier,
) -> Result<ManifestText, Error> {
    let manifest = Manifest::new_checked(request, options, verifier)?;
    Ok(ManifestText {
        name: manifest.name().to_owned(),
        yaml: manifest.to_yaml()?,
    })
}

/// The signatures [`verify_report`] will ask about (none when the certificates cannot be
/// read; it then asks none either).
pub fn verify_questions(
    inputs: &VerifyInputs,
    request: Option<&CertificateRequest>,
) -> Vec<SignatureQuestion> {
    let (Ok(chain), Ok(trust)) = (
        read_certificates(inputs.cert.as_bytes()),
        read_certificates(inputs.ca.as_bytes()),
    ) else {
        return Vec::new();
    };
    csrcraft::verify_signature_questions(&chain, &trust, request)
}

/// The verification of the returned certificate against the CA, the host and, when a key
/// was generated here, its public key and CSR; `None` until a certificate is given.
pub fn verify_report(
    inputs: &VerifyInputs,
    generated: Option<(&PublicKeyInfo, &CertificateRequest)>,
    now: UnixTime,
    verifier: &dyn SignatureVerifier,
    domains: &dyn DomainToAscii,
) -> Option<Result<VerifyReport, Error>> {
    if inputs.cert.trim().is_empty() {
        return None;
    }
    Some((|| {
        let chain = read_certificates(inputs.cert.as_bytes())?;
        let trust = if inputs.ca.trim().is_empty() {
            Vec::new()
        } else {
            read_certificates(inputs.ca.as_bytes()).map_err(|e| Error::Decode {
                what: "CA".into(),
                problem: e.to_string(),
            })?
        };
        csrcraft::verify(&VerifyInput {
            chain: &chain,
            trust: &trust,
            key: generated.map(|(key, _)| key),
            request: generated.map(|(_, request)| request),
            host: Some(inputs.host.trim()).filter(|h| !h.is_empty()),
            purpose: None,
            at: now,
            signatures: verifier,
            domains,
        })
    })())
}

/// The inspect text of the returned certificate (or kubectl object); `None` until one is given.
pub fn inspect_text(
    text: &str,
    now: UnixTime,
    verifier: &dyn SignatureVerifier,
) -> Option<Result<String, Error>> {
    if text.trim().is_empty() {
        return None;
    }
    Some(csrcraft::inspect_checked(text.as_bytes(), now, verifier).map(|i| i.to_text()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use csrcraft::{Idna, SoftwareVerifier};

    use super::*;
    use crate::derive::manifest_options;
    use crate::state::{Action, State};
    use crate::testing::generate;

    #[test]
    fn nothing_to_verify_without_a_certificate() {
        let mut state = State::default();
        let verify = |state: &State| {
            verify_report(
                &VerifyInputs::of(state),
                None,
                UnixTime(0),
                &SoftwareVerifier,
                &Idna,
            )
        };
        assert!(verify(&state).is_none());
        state.apply(Action::Cert("junk".into()));
        assert!(matches!(verify(&state), Some(Err(_))));
        assert!(matches!(
            inspect_text("junk", UnixTime(0), &SoftwareVerifier),
            Some(Err(_))
        ));
    }

    #[test]
    fn the_manifest_wraps_the_generated_csr() {
        let mut state = State::default();
        state.apply(Action::LoadExample);
        generate(&mut state);
        let generated = state.generated.as_ref().unwrap();
        let options = manifest_options(&state).unwrap();
        let text = manifest_text(&generated.request, &options, &SoftwareVerifier).unwrap();
        assert_eq!(text.name, "my-svc.my-namespace");
        assert!(
            text.yaml
                .contains("signerName: kubernetes.io/kubelet-serving")
        );
    }

    #[test]
    fn the_generated_csr_inspects_with_a_good_self_signature() {
        let mut state = State::default();
        generate(&mut state);
        let pem = state.generated.as_ref().unwrap().request.pem();
        let text = inspect_text(&pem, UnixTime(0), &SoftwareVerifier)
            .unwrap()
            .unwrap();
        assert!(text.contains("web.example.com"), "{text}");
        let signature = text.lines().find(|l| l.contains("Self-Signature"));
        assert!(signature.is_some_and(|l| l.ends_with("ok")), "{text}");
    }
}
