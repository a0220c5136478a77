//! What the page shows, computed from the state by the core. Pure and synchronous: the time
//! comes in as an argument, every signature check goes through the `SignatureVerifier`
//! passed in (WebCrypto's in the page, through `csrcraft_webcrypto::checked`; RustCrypto's in
//! the native tests), and internationalized names become punycode through the
//! `DomainToAscii` passed in (the browser's URL parser in the page; the idna crate in the
//! native tests).

mod checks;
mod key;
mod lint;
mod trial;

use csrcraft::kubernetes::{
    Expiration, ManifestOptions, SignerName, default_usages, parse_duration_seconds,
};
use csrcraft::{DomainToAscii, Error, Parsed, Spec};
use zeroize::Zeroizing;

pub use self::checks::{
    ManifestText, inspect_text, manifest_text, verify_questions, verify_report,
};
pub use self::key::{KeyText, key_text, protect_plan};
pub use self::lint::{
    LintPlan, LintSubject, LintView, Waiting, lint_options, lint_plan, lint_view,
};
pub use self::trial::{
    TrialPlan, TrialView, TrialWaiting, issued, issued_questions, not_issued, secret_name,
    sign_outcome, test_ca, test_ca_certificate, test_ca_spec, tls_secret, trial_plan,
};
use crate::state::{Generated, State};

/// The spec as the core reads it.
pub fn check_spec(json: &str, domains: &dyn DomainToAscii) -> Result<Parsed<Spec>, Error> {
    Spec::from_json_with(json, domains)
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
pub fn shown_usages(state: &State, domains: &dyn DomainToAscii) -> Vec<String> {
    if let Some(usages) = &state.usages {
        return usages.clone();
    }
    let spec = check_spec(&state.spec_json, domains).ok().map(|p| p.value);
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

/// The usages `shown` with `usage` turned off if it is there, else turned on (last).
pub fn toggle_usage(shown: &[String], usage: String) -> Vec<String> {
    let mut usages = shown.to_vec();
    match usages.iter().position(|u| *u == usage) {
        Some(i) => {
            usages.remove(i);
        }
        None => usages.push(usage),
    }
    usages
}

fn expiration_text(text: &str) -> Option<&str> {
    Some(text.trim()).filter(|t| !t.is_empty())
}

/// The expiration in seconds for the lint; `None` when empty or unreadable.
fn expiration_seconds(text: &str) -> Option<u64> {
    expiration_text(text).and_then(|t| parse_duration_seconds(t).ok())
}

/// The expiration as the manifest takes it; an error names what is wrong.
pub fn expiration(text: &str) -> Result<Option<Expiration>, Error> {
    expiration_text(text).map(Expiration::parse).transpose()
}

/// The manifest's settings from the state; an error names what is wrong.
pub fn manifest_options(state: &State) -> Result<ManifestOptions, Error> {
    Ok(ManifestOptions {
        name: Some(state.name.trim())
            .filter(|n| !n.is_empty())
            .map(str::to_owned),
        signer: SignerName::new(state.signer.trim()),
        usages: state.usages.clone(),
        expiration: expiration(&state.expiration)?,
    })
}

/// `cfssl genkey`'s output line, `{"csr": ..., "key": ...}` with the key as `key_pem` (the
/// one copied and downloaded: encrypted when a passphrase is set), zeroized when dropped (the
/// core's `cfssl_json_line`).
pub fn cfssl_json(generated: &Generated, key_pem: &str) -> Zeroizing<String> {
    csrcraft::cfssl_json_line(&generated.request.pem(), Some(key_pem))
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

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use csrcraft::Idna;

    use super::*;
    use crate::form::FormEdit;
    use crate::state::Action;

    #[test]
    fn rsa_defaults_include_key_encipherment() {
        let mut state = State::default();
        state.apply(Action::Form(FormEdit::Algo("rsa".into())));
        assert!(shown_usages(&state, &Idna).contains(&"key encipherment".to_owned()));
    }

    #[test]
    fn bad_spec_errors_name_their_field() {
        let error = check_spec(
            r#"{"CN": "a", "key": {"algo": "rsa", "size": 1024}}"#,
            &Idna,
        )
        .unwrap_err();
        assert_eq!(error_field(&error), Some("key.size"));
        let error = check_spec(
            r#"{"CN": "a", "hosts": ["a.example", "bü/cher.example"]}"#,
            &Idna,
        )
        .unwrap_err();
        assert_eq!(error_field(&error), Some("hosts[1]"));
    }

    #[test]
    fn commands_name_the_csr() {
        assert_eq!(next_commands("web")[1], "kubectl certificate approve web");
        assert!(next_commands("web")[2].contains("{.status.certificate}"));
    }

    #[test]
    fn a_bad_expiration_stops_the_manifest() {
        let mut state = State::default();
        state.apply(Action::Expiration("soon".into()));
        assert!(manifest_options(&state).is_err());
        state.apply(Action::Expiration("90d".into()));
        assert!(manifest_options(&state).unwrap().expiration.is_some());
    }
}
