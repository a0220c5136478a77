//! What the page shows, computed from the state by the core. Pure: the time comes in as an
//! argument and the only randomness is for throwaway preview keys.

use csrcraft::kubernetes::{
    Expiration, Finding, LintOptions, LintReport, Manifest, ManifestOptions, SignerName,
    default_usages, parse_duration_seconds,
};
use csrcraft::rand_core::TryCryptoRng;
use csrcraft::{
    CertificateRequest, Error, KeyAlgorithm, Parsed, Spec, UnixTime, VerifyInput, VerifyReport,
    read_certificates,
};
use serde::Serialize;
use zeroize::Zeroizing;

use crate::state::{Generated, State};

/// The spec as the core reads it.
pub fn check_spec(json: &str) -> Result<Parsed<Spec>, Error> {
    Spec::from_json(json)
}

/// The field an error is about (`key.size`, `hosts[2]`), for showing it beside that field.
pub fn error_field(error: &Error) -> Option<&str> {
    match error {
        Error::SpecField { field, .. } => Some(field),
        _ => None,
    }
}

/// The generated key and CSR when they were made from the spec as it is now.
pub fn fresh(state: &State) -> Option<&Generated> {
    state
        .generated
        .as_ref()
        .filter(|g| g.spec_json == state.spec_json)
}

/// The usages the checkboxes show: the chosen ones, or the defaults for the signer, the key
/// kind and whether the spec names hosts.
pub fn shown_usages(state: &State) -> Vec<String> {
    if let Some(usages) = &state.usages {
        return usages.clone();
    }
    let spec = check_spec(&state.spec_json).ok().map(|p| p.value);
    let key = match fresh(state) {
        Some(g) => Some(g.key.algorithm()),
        None => spec.as_ref().map(Spec::key_algorithm),
    };
    let has_hosts = spec.is_some_and(|s| !s.hosts.is_empty());
    default_usages(&SignerName::new(state.signer.trim()), key, has_hosts)
        .into_iter()
        .map(|u| u.as_str().to_owned())
        .collect()
}

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
    Waiting(String),
}

/// Lints the generated CSR, or a preview CSR when none was made from the current spec. A
/// preview needs a throwaway key; RSA keys take too long for that, so an RSA spec waits for
/// Generate.
pub fn lint_view<R: TryCryptoRng + ?Sized>(state: &State, rng: &mut R) -> LintView {
    let (subject, request) = match (fresh(state), &state.generated) {
        (Some(g), _) => (LintSubject::Generated, g.request.clone()),
        (None, stale) => match preview_request(state, rng) {
            Ok(Some(request)) => (LintSubject::Preview, request),
            Ok(None) => match stale {
                Some(g) => (LintSubject::Stale, g.request.clone()),
                None => {
                    return LintView::Waiting(
                        "An RSA key takes a while to make: the lint runs on the CSR once you press Generate."
                            .into(),
                    );
                }
            },
            Err(e) => return LintView::Waiting(format!("Fix the spec first: {e}")),
        },
    };
    let info = match request.info() {
        Ok(info) => info,
        Err(e) => return LintView::Waiting(e.to_string()),
    };
    let options = LintOptions {
        signer: SignerName::new(state.signer.trim()),
        usages: state.usages.clone(),
        expiration_seconds: expiration_text(&state.expiration)
            .and_then(|t| parse_duration_seconds(t).ok()),
    };
    let report = LintReport::new(&info, &options);
    LintView::Report {
        subject,
        findings: report.findings().to_vec(),
    }
}

/// `Ok(None)` for RSA specs.
fn preview_request<R: TryCryptoRng + ?Sized>(
    state: &State,
    rng: &mut R,
) -> Result<Option<CertificateRequest>, Error> {
    let spec = check_spec(&state.spec_json)?.value;
    if matches!(spec.key_algorithm(), KeyAlgorithm::Rsa { .. }) {
        return Ok(None);
    }
    // The throwaway key is dropped (and zeroized) here; only its CSR is linted.
    Ok(Some(csrcraft::generate(&spec, rng)?.request))
}

fn expiration_text(text: &str) -> Option<&str> {
    Some(text.trim()).filter(|t| !t.is_empty())
}

/// The expiration as the manifest takes it; an error names what is wrong.
pub fn expiration(text: &str) -> Result<Option<Expiration>, Error> {
    expiration_text(text).map(Expiration::parse).transpose()
}

/// The manifest for the generated CSR.
pub fn manifest(state: &State, generated: &Generated) -> Result<Manifest, Error> {
    let options = ManifestOptions {
        name: Some(state.name.trim())
            .filter(|n| !n.is_empty())
            .map(str::to_owned),
        signer: SignerName::new(state.signer.trim()),
        usages: state.usages.clone(),
        expiration: expiration(&state.expiration)?,
    };
    Manifest::new(&generated.request, &options)
}

/// `cfssl genkey`'s output line, `{"csr": ..., "key": ...}`, zeroized when dropped.
pub fn cfssl_json(generated: &Generated) -> Zeroizing<String> {
    #[derive(Serialize)]
    struct CfsslOutput<'a> {
        csr: &'a str,
        key: &'a str,
    }
    let csr = generated.request.pem();
    Zeroizing::new(
        serde_json::to_string(&CfsslOutput {
            csr: &csr,
            key: generated.key_pem.as_str(),
        })
        .unwrap_or_default(),
    )
}

/// The commands that come after `kubectl apply`.
pub fn next_commands(name: &str) -> Vec<String> {
    vec![
        "kubectl apply -f csr.yaml".to_owned(),
        format!("kubectl certificate approve {name}"),
        format!(
            "kubectl get csr {name} -o jsonpath='{{.status.certificate}}' | base64 -d > server.crt"
        ),
        "openssl verify -CAfile ca.crt server.crt".to_owned(),
    ]
}

/// The verification of the returned certificate against the CA, the key in memory, the CSR
/// and the host; `None` until a certificate is given.
pub fn verify_view(state: &State, now: UnixTime) -> Option<Result<VerifyReport, Error>> {
    if state.cert_input.trim().is_empty() {
        return None;
    }
    Some((|| {
        let chain = read_certificates(state.cert_input.as_bytes())?;
        let trust = if state.ca_input.trim().is_empty() {
            Vec::new()
        } else {
            read_certificates(state.ca_input.as_bytes()).map_err(|e| Error::Decode {
                what: "CA".into(),
                problem: e.to_string(),
            })?
        };
        let generated = state.generated.as_ref();
        let key = generated.map(|g| g.key.public_key_info()).transpose()?;
        csrcraft::verify(&VerifyInput {
            chain: &chain,
            trust: &trust,
            key: key.as_ref(),
            request: generated.map(|g| &g.request),
            host: Some(state.host.trim()).filter(|h| !h.is_empty()),
            at: now,
            signatures: &csrcraft::SoftwareVerifier,
        })
    })())
}

/// The inspect text of the returned certificate (or kubectl object); `None` until one is given.
pub fn inspect_view(text: &str, now: UnixTime) -> Option<Result<String, Error>> {
    if text.trim().is_empty() {
        return None;
    }
    Some(csrcraft::inspect(text.as_bytes(), now).map(|i| i.to_text()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::state::Action;

    #[test]
    fn the_tutorial_preview_fails_kubelet_serving() {
        let mut state = State::default();
        state.apply(Action::LoadExample);
        let LintView::Report { subject, findings } = lint_view(&state, &mut getrandom::SysRng)
        else {
            panic!("no report");
        };
        assert_eq!(subject, LintSubject::Preview);
        assert!(
            findings
                .iter()
                .any(|f| f.severity == csrcraft::kubernetes::Severity::Error)
        );
    }

    #[test]
    fn rsa_waits_for_generate() {
        let mut state = State::default();
        state.apply(Action::Form(crate::form::FormEdit::Algo("rsa".into())));
        assert!(matches!(
            lint_view(&state, &mut getrandom::SysRng),
            LintView::Waiting(_)
        ));
        assert!(shown_usages(&state).contains(&"key encipherment".to_owned()));
    }

    #[test]
    fn bad_spec_errors_name_their_field() {
        let error = check_spec(r#"{"CN": "a", "key": {"algo": "rsa", "size": 1024}}"#).unwrap_err();
        assert_eq!(error_field(&error), Some("key.size"));
    }

    #[test]
    fn commands_name_the_csr() {
        assert_eq!(next_commands("web")[1], "kubectl certificate approve web");
        assert!(next_commands("web")[2].contains("{.status.certificate}"));
    }

    #[test]
    fn nothing_to_verify_without_a_certificate() {
        assert!(verify_view(&State::default(), UnixTime(0)).is_none());
        let mut state = State::default();
        state.apply(Action::Cert("junk".into()));
        assert!(matches!(verify_view(&state, UnixTime(0)), Some(Err(_))));
    }
}
