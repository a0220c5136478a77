//! The app's state, the verbs that change it, and the reducer.

mod examples;
mod inputs;
mod theme;

use std::rc::Rc;

use csrcraft::{
    Certificate, CertificateAuthority, CertificateRequest, KeyDocument, KeyFormat, KeyPem,
    PublicKeyInfo, VerifyReport,
};
use csrcraft_webcrypto::Signed;
use yew::Reducible;
use zeroize::Zeroizing;

pub use self::examples::{CUSTOM_SIGNER, EXAMPLE_SPEC};
use self::examples::{EXAMPLE_HOST, EXAMPLE_NAME, EXAMPLE_SIGNER, EXAMPLE_USAGES, STARTER_SPEC};
use self::inputs::keep;
pub use self::inputs::{
    InspectInputs, KeyInputs, LintInputs, ManifestInputs, Slot, TrialInputs, VerifyInputs, shown,
};
pub use self::theme::Theme;
use crate::derive::{LintView, ManifestText, TrialView};
use crate::form::{FormEdit, SpecForm};
use crate::i18n::Lang;

/// What an embedding page sets (the `<csrcraft-example>` element's attributes); `None` leaves
/// the page's own value.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Settings {
    /// The cfssl CSR JSON.
    pub spec: Option<String>,
    /// `spec.signerName`.
    pub signer: Option<String>,
    /// `spec.usages`.
    pub usages: Option<Vec<String>>,
    /// `spec.expirationSeconds` as typed (`24h`, seconds).
    pub expiration: Option<String>,
    /// `metadata.name`.
    pub name: Option<String>,
    /// How the key PEM is written.
    pub key_format: Option<KeyFormat>,
}

/// A key and CSR made by WebCrypto, held in the page's memory only.
#[derive(Clone)]
pub struct Generated {
    /// Which generation this is (the job's id).
    pub id: u32,
    /// The CSR.
    pub request: CertificateRequest,
    /// The private key as PKCS#8, zeroized on drop.
    pub key: Rc<KeyDocument>,
    /// Its public half, for the key match when verifying.
    pub public_key: PublicKeyInfo,
    /// The key as PEM in the chosen format, zeroized on drop.
    pub key_pem: Rc<KeyPem>,
    /// The spec text it was made from.
    pub spec_json: String,
}

impl PartialEq for Generated {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id && self.key_pem == other.key_pem
    }
}

/// The page's test CA: made once per page session by WebCrypto (P-256) to try the signer
/// without a cluster; its key is held like the generated one, in memory only, and never
/// offered.
#[derive(Clone)]
pub struct TestCa {
    authority: Rc<CertificateAuthority>,
    key: Rc<KeyDocument>,
}

impl TestCa {
    /// The CA and its key.
    pub fn new(authority: CertificateAuthority, key: KeyDocument) -> Self {
        Self {
            authority: Rc::new(authority),
            key: Rc::new(key),
        }
    }

    /// The CA, as the signer loads it.
    pub fn authority(&self) -> &CertificateAuthority {
        &self.authority
    }

    /// Its certificate.
    pub fn certificate(&self) -> &Certificate {
        self.authority.certificate()
    }

    /// Its private key, as PKCS#8 (zeroized on drop).
    pub fn key(&self) -> &KeyDocument {
        &self.key
    }
}

impl PartialEq for TestCa {
    fn eq(&self, other: &Self) -> bool {
        self.authority == other.authority
    }
}

/// The key-generation job.
#[derive(Clone, Debug, PartialEq)]
pub enum Job {
    /// Nothing running.
    Idle,
    /// WebCrypto is at it.
    Running {
        /// The job's id.
        id: u32,
        /// The spec it was started with.
        spec_json: String,
        /// What is being made, e.g. `rsa-4096`.
        what: String,
        /// When it started (ms, page clock).
        started_ms: f64,
        /// Now (ms, page clock), ticking.
        now_ms: f64,
    },
    /// The last job failed.
    Failed(String),
}

/// The verification's result: `None` until a certificate is given.
pub type VerifyView = Option<Result<VerifyReport, String>>;

/// The key as copied and downloaded when a passphrase is set: PKCS#8 encrypted under it;
/// `None` without a passphrase (or a key).
pub type ProtectedKey = Option<Result<Rc<KeyPem>, String>>;

/// The inspect text: `None` until a certificate is given.
pub type InspectView = Option<Result<String, String>>;

/// Everything the page shows.
#[derive(Clone, PartialEq)]
pub struct State {
    /// The cfssl JSON spec text.
    pub spec_json: String,
    /// The form, in sync with `spec_json` whenever that parses.
    pub form: SpecForm,
    /// Manifest `metadata.name`; empty derives it from the CSR.
    pub name: String,
    /// Manifest `spec.signerName`.
    pub signer: String,
    /// Manifest `spec.usages`; `None` for the signer's and key's defaults.
    pub usages: Option<Vec<String>>,
    /// Manifest `spec.expirationSeconds` as typed (`24h`, `90d`, seconds); empty for none.
    pub expiration: String,
    /// The key-generation job.
    pub job: Job,
    /// The next job's id.
    pub next_id: u32,
    /// The key and CSR, once made.
    pub generated: Option<Generated>,
    /// How the key PEM is written.
    pub key_format: KeyFormat,
    /// The passphrase the key is encrypted under when copied or downloaded; empty for none.
    /// Zeroized when dropped; never in an event, the inputs or a log.
    pub passphrase: Zeroizing<String>,
    /// How many times the passphrase was edited (what the protected key is tagged with).
    pub passphrase_edit: u32,
    /// The key encrypted under the passphrase.
    pub protected_key: Slot<KeyInputs, ProtectedKey>,
    /// The returned certificate, as pasted or dropped.
    pub cert_input: String,
    /// The CA certificate(s).
    pub ca_input: String,
    /// The host name to check the certificate for; empty for none.
    pub host: String,
    /// Colour theme.
    pub theme: Theme,
    /// The page's language.
    pub lang: Lang,
    /// The last notice for the status line (copied, downloaded, ...).
    pub notice: String,
    /// The lint panel.
    pub lint: Slot<LintInputs, LintView>,
    /// The manifest for the generated CSR.
    pub manifest: Slot<ManifestInputs, Result<ManifestText, String>>,
    /// The verification of the returned certificate.
    pub verify: Slot<VerifyInputs, VerifyView>,
    /// What the returned certificate says.
    pub inspection: Slot<InspectInputs, InspectView>,
    /// The test CA, once made (or why it could not be).
    pub test_ca: Option<Result<TestCa, String>>,
    /// What the test CA's signer does with the generated CSR.
    pub trial: Slot<TrialInputs, TrialView>,
}

impl Default for State {
    fn default() -> Self {
        Self {
            spec_json: STARTER_SPEC.to_owned(),
            form: SpecForm::from_json(STARTER_SPEC).unwrap_or_default(),
            name: String::new(),
            signer: CUSTOM_SIGNER.to_owned(),
            usages: None,
            expiration: String::new(),
            job: Job::Idle,
            next_id: 1,
            generated: None,
            key_format: KeyFormat::Cfssl,
            passphrase: Zeroizing::new(String::new()),
            passphrase_edit: 0,
            protected_key: None,
            cert_input: String::new(),
            ca_input: String::new(),
            host: String::new(),
            theme: Theme::System,
            lang: Lang::En,
            notice: String::new(),
            lint: None,
            manifest: None,
            verify: None,
            inspection: None,
            test_ca: None,
            trial: None,
        }
    }
}

/// The verbs.
pub enum Action {
    /// The JSON textarea changed.
    SpecJson(String),
    /// A form field changed.
    Form(FormEdit),
    /// Load the tutorial's spec and manifest settings.
    LoadExample,
    /// Manifest name.
    Name(String),
    /// Signer name.
    Signer(String),
    /// The usages chosen (the shown ones with one turned on or off: `derive::toggle_usage`).
    Usages(Vec<String>),
    /// Back to the default usages.
    ResetUsages,
    /// Expiration text.
    Expiration(String),
    /// A key generation started.
    Start {
        /// The job's id.
        id: u32,
        /// What is being made, e.g. `rsa-4096`.
        what: String,
        /// Page clock (ms).
        at_ms: f64,
    },
    /// The clock ticked while a job runs (ms).
    Tick(f64),
    /// A key generation ended.
    Generated {
        /// The job's id.
        id: u32,
        /// The key and CSR, or what went wrong.
        made: Result<Signed, String>,
    },
    /// The lint for these inputs.
    Lint(LintInputs, LintView),
    /// The manifest for these inputs.
    Manifest(ManifestInputs, Result<ManifestText, String>),
    /// The verification for these inputs.
    Verify(VerifyInputs, VerifyView),
    /// The inspect view for this input.
    Inspect(InspectInputs, InspectView),
    /// The test CA was made (or could not be); a second one is dropped.
    TestCa(Result<TestCa, String>),
    /// The trial for these inputs.
    Trial(TrialInputs, TrialView),
    /// Key PEM format.
    KeyFormat(KeyFormat),
    /// The passphrase to encrypt the key under (empty: none).
    Passphrase(Zeroizing<String>),
    /// The key encrypted under the passphrase, for these inputs.
    ProtectedKey(KeyInputs, ProtectedKey),
    /// Drop the key and CSR.
    Forget,
    /// The certificate input changed.
    Cert(String),
    /// The CA input changed.
    Ca(String),
    /// The host to check changed.
    Host(String),
    /// Next theme.
    Theme,
    /// The page's language.
    Lang(Lang),
    /// An embedding page's settings: the spec and the manifest's.
    Configure(Settings),
    /// A status-line message.
    Notice(String),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        s.apply(action);
        Rc::new(s)
    }
}

impl State {
    /// Applies one verb.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::SpecJson(text) => {
                if let Some(form) = SpecForm::from_json(&text) {
                    self.form = form;
                }
                self.spec_json = text;
            }
            Action::Form(edit) => {
                self.form.apply(edit);
                self.spec_json = self.form.to_json(&self.spec_json);
            }
            Action::LoadExample => {
                self.apply(Action::SpecJson(EXAMPLE_SPEC.to_owned()));
                self.name = EXAMPLE_NAME.to_owned();
                self.signer = EXAMPLE_SIGNER.to_owned();
                self.usages = Some(EXAMPLE_USAGES.iter().map(|u| (*u).to_owned()).collect());
                self.expiration = String::new();
                self.host = EXAMPLE_HOST.to_owned();
            }
            Action::Name(v) => self.name = v,
            Action::Signer(v) => self.signer = v,
            Action::Usages(usages) => self.usages = Some(usages),
            Action::ResetUsages => self.usages = None,
            Action::Expiration(v) => self.expiration = v,
            Action::Start { id, what, at_ms } => {
                self.next_id = id.wrapping_add(1);
                self.job = Job::Running {
                    id,
                    spec_json: self.spec_json.clone(),
                    what,
                    started_ms: at_ms,
                    now_ms: at_ms,
                };
            }
            Action::Tick(now) => {
                if let Job::Running { now_ms, .. } = &mut self.job {
                    *now_ms = now;
                }
            }
            Action::Generated { id, made } => self.take_generated(id, made),
            Action::Lint(inputs, view) => {
                keep(LintInputs::of(self), &mut self.lint, inputs, view);
            }
            Action::Manifest(inputs, manifest) => {
                keep(
                    ManifestInputs::of(self),
                    &mut self.manifest,
                    inputs,
                    manifest,
                );
            }
            Action::Verify(inputs, report) => {
                keep(VerifyInputs::of(self), &mut self.verify, inputs, report);
            }
            Action::Inspect(inputs, text) => {
                keep(InspectInputs::of(self), &mut self.inspection, inputs, text);
            }
            Action::TestCa(made) => {
                if self.test_ca.is_none() {
                    self.test_ca = Some(made);
                }
            }
            Action::Trial(inputs, view) => {
                keep(TrialInputs::of(self), &mut self.trial, inputs, view);
            }
            Action::KeyFormat(format) => {
                self.key_format = format;
                if let Some(generated) = &mut self.generated
                    && let Ok(pem) = generated.key.to_pem(format)
                {
                    generated.key_pem = Rc::new(pem);
                }
            }
            Action::Passphrase(passphrase) => {
                self.passphrase = passphrase;
                self.passphrase_edit = self.passphrase_edit.wrapping_add(1);
            }
            Action::ProtectedKey(inputs, key) => {
                keep(KeyInputs::of(self), &mut self.protected_key, inputs, key);
            }
            Action::Forget => {
                self.generated = None;
                self.protected_key = None;
                self.apply(Action::Passphrase(Zeroizing::new(String::new())));
            }
            Action::Cert(v) => self.cert_input = v,
            Action::Ca(v) => self.ca_input = v,
            Action::Host(v) => self.host = v,
            Action::Theme => self.theme = self.theme.next(),
            Action::Lang(lang) => self.lang = lang,
            Action::Configure(settings) => self.configure(settings),
            Action::Notice(v) => self.notice = v,
        }
    }

    /// Takes an embedding page's settings; what it leaves out keeps its value.
    fn configure(&mut self, settings: Settings) {
        if let Some(spec) = settings.spec {
            self.apply(Action::SpecJson(spec));
        }
        if let Some(signer) = settings.signer {
            self.signer = signer;
        }
        if settings.usages.is_some() {
            self.usages = settings.usages;
        }
        if let Some(expiration) = settings.expiration {
            self.expiration = expiration;
        }
        if let Some(name) = settings.name {
            self.name = name;
        }
        if let Some(format) = settings.key_format {
            self.apply(Action::KeyFormat(format));
        }
    }

    /// Takes the key and CSR of the running job; a result for another job is dropped.
    fn take_generated(&mut self, id: u32, made: Result<Signed, String>) {
        let Job::Running {
            id: running,
            spec_json,
            ..
        } = &self.job
        else {
            return;
        };
        if id != *running {
            return;
        }
        let spec_json = spec_json.clone();
        let made = made.and_then(|signed| {
            let key_pem = signed
                .key
                .to_pem(self.key_format)
                .map_err(|e| e.to_string())?;
            Ok(Generated {
                id,
                request: signed.request,
                key: Rc::new(signed.key),
                public_key: signed.public_key,
                key_pem: Rc::new(key_pem),
                spec_json,
            })
        });
        match made {
            Ok(generated) => {
                let algorithm = generated.key.algorithm().to_string();
                self.notice = (self.lang.text().generated)(&algorithm);
                self.generated = Some(generated);
                self.job = Job::Idle;
            }
            Err(message) => self.job = Job::Failed(message),
        }
    }

    /// Is a key held (and so would be lost on reload or a new generate)?
    pub fn holds_key(&self) -> bool {
        self.generated.is_some()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::testing::{generate, make_test_ca, signed, trial};

    #[test]
    fn json_edits_update_the_form_and_form_edits_the_json() {
        let mut state = State::default();
        state.apply(Action::LoadExample);
        assert_eq!(state.form.names.len(), 1);
        state.apply(Action::Form(FormEdit::CommonName("x.example".into())));
        assert!(state.spec_json.contains("\"CN\": \"x.example\""));
        state.apply(Action::SpecJson("{ broken".into()));
        assert_eq!(
            state.form.common_name, "x.example",
            "the form stays while the JSON is broken"
        );
    }

    #[test]
    fn a_generated_key_is_kept_in_memory_as_pem() {
        let mut state = State::default();
        generate(&mut state);
        assert_eq!(state.job, Job::Idle);
        let generated = state.generated.as_ref().unwrap();
        assert!(
            generated
                .key_pem
                .as_str()
                .starts_with("-----BEGIN EC PRIVATE KEY-----")
        );
        state.apply(Action::KeyFormat(KeyFormat::Pkcs8));
        let generated = state.generated.as_ref().unwrap();
        assert!(
            generated
                .key_pem
                .as_str()
                .starts_with("-----BEGIN PRIVATE KEY-----")
        );
    }

    #[test]
    fn results_of_other_jobs_are_ignored() {
        let mut state = State::default();
        state.apply(Action::Start {
            id: 5,
            what: String::new(),
            at_ms: 0.0,
        });
        let made = Err("old".into());
        state.apply(Action::Generated { id: 4, made });
        assert!(matches!(state.job, Job::Running { .. }));
        let made = Err("bad".into());
        state.apply(Action::Generated { id: 5, made });
        assert_eq!(state.job, Job::Failed("bad".into()));
        let made = Ok(signed(STARTER_SPEC));
        state.apply(Action::Generated { id: 5, made });
        assert!(!state.holds_key(), "a job that is over takes no key");
    }

    #[test]
    fn views_keep_only_answers_for_the_current_inputs() {
        let mut state = State::default();
        let asked = VerifyInputs::of(&state);
        state.apply(Action::Cert("edited".into()));
        state.apply(Action::Verify(asked, None));
        assert_eq!(
            state.verify, None,
            "an answer to an earlier edit is dropped"
        );
        let current = VerifyInputs::of(&state);
        state.apply(Action::Verify(current.clone(), Some(Err("junk".into()))));
        assert_eq!(
            shown(&state.verify, &current),
            (Some(&Some(Err("junk".into()))), false)
        );
        state.apply(Action::Host("web.example.com".into()));
        let (value, pending) = shown(&state.verify, &VerifyInputs::of(&state));
        assert!(value.is_some() && pending, "the last answer stays, pending");
    }

    #[test]
    fn a_new_key_makes_the_manifest_pending() {
        let mut state = State::default();
        generate(&mut state);
        let first = ManifestInputs::of(&state);
        state.apply(Action::Manifest(first.clone(), Err("bad name".into())));
        assert!(!shown(&state.manifest, &first).1);
        generate(&mut state);
        let second = ManifestInputs::of(&state);
        assert_ne!(first.generated, second.generated);
        state.apply(Action::Manifest(first, Err("late".into())));
        assert_eq!(
            shown(&state.manifest, &second),
            (Some(&Err("bad name".into())), true)
        );
    }

    #[test]
    fn the_notice_is_in_the_pages_language() {
        let mut state = State::default();
        generate(&mut state);
        assert!(
            state.notice.starts_with("Generated an ecdsa-256 key"),
            "{}",
            state.notice
        );
        state.apply(Action::Lang(Lang::ZhCn));
        generate(&mut state);
        assert!(
            state.notice.starts_with("已生成 ecdsa-256 私钥"),
            "{}",
            state.notice
        );
    }

    #[test]
    fn the_test_ca_is_made_once_and_outlives_the_key() {
        let mut state = State::default();
        generate(&mut state);
        make_test_ca(&mut state);
        let first = state.test_ca.clone();
        make_test_ca(&mut state);
        assert!(first == state.test_ca, "a second CA is dropped");
        state.apply(Action::Forget);
        assert!(state.test_ca.is_some(), "the CA is the page session's");
    }

    #[test]
    fn a_late_trial_is_dropped() {
        let mut state = State::default();
        generate(&mut state);
        make_test_ca(&mut state);
        let asked = TrialInputs::of(&state);
        let answer = trial(&state);
        state.apply(Action::Signer("kubernetes.io/kubelet-serving".into()));
        state.apply(Action::Trial(asked, answer));
        assert_eq!(
            state.trial, None,
            "an answer for the earlier signer is dropped"
        );
        let current = TrialInputs::of(&state);
        state.apply(Action::Trial(current.clone(), trial(&state)));
        let (view, pending) = shown(&state.trial, &current);
        assert!(
            matches!(view, Some(TrialView::Failed(_))) && !pending,
            "{view:?}"
        );
        generate(&mut state);
        assert!(
            shown(&state.trial, &TrialInputs::of(&state)).1,
            "a new CSR is pending"
        );
    }

    #[test]
    fn usage_toggles_start_from_the_defaults() {
        let mut state = State::default();
        let shown = crate::derive::shown_usages(&state, crate::services::domains::domains());
        let toggled = crate::derive::toggle_usage(&shown, "client auth".into());
        state.apply(Action::Usages(toggled));
        assert_eq!(
            state.usages.as_deref().unwrap(),
            ["digital signature", "server auth", "client auth"]
        );
        let shown = crate::derive::shown_usages(&state, crate::services::domains::domains());
        assert_eq!(
            crate::derive::toggle_usage(&shown, "server auth".into()),
            ["digital signature", "client auth"]
        );
        state.apply(Action::ResetUsages);
        assert_eq!(state.usages, None);
    }
}
