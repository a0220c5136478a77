//! The app's state, the verbs that change it, and the reducer.

use std::rc::Rc;

use csrcraft::{CertificateRequest, KeyFormat, KeyPem, PrivateKey};
use yew::Reducible;
use zeroize::Zeroizing;

use crate::form::{FormEdit, SpecForm};
use crate::protocol::Response;

/// The Kubernetes tutorial's spec ("Manage TLS Certificates in a Cluster").
pub const EXAMPLE_SPEC: &str = r#"{
  "hosts": [
    "my-svc.my-namespace.svc.cluster.local",
    "my-pod.my-namespace.pod.cluster.local",
    "172.168.0.24",
    "10.0.34.2"
  ],
  "CN": "my-pod.my-namespace.pod.cluster.local",
  "key": {
    "algo": "ecdsa",
    "size": 256
  },
  "names": [
    {
      "C": "CN",
      "ST": "Beijing",
      "L": "Beijing",
      "O": "example",
      "OU": "example"
    }
  ]
}"#;

/// The tutorial's manifest settings, which the lint takes apart.
pub const EXAMPLE_NAME: &str = "my-svc.my-namespace";
/// The tutorial's signer.
pub const EXAMPLE_SIGNER: &str = "kubernetes.io/kubelet-serving";
/// The tutorial's usages.
pub const EXAMPLE_USAGES: [&str; 3] = ["digital signature", "key encipherment", "server auth"];

/// The spec the page opens with.
pub const STARTER_SPEC: &str = r#"{
  "CN": "web.example.com",
  "hosts": [
    "web.example.com"
  ],
  "key": {
    "algo": "ecdsa",
    "size": 256
  },
  "names": []
}"#;

/// A signer you run yourself: the suggestion for a custom signer name.
pub const CUSTOM_SIGNER: &str = "example.com/serving";

/// Colour theme; kept in memory only.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    #[default]
    System,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

impl Theme {
    /// The next theme for the toggle.
    pub fn next(self) -> Self {
        match self {
            Theme::System => Theme::Dark,
            Theme::Dark => Theme::Light,
            Theme::Light => Theme::System,
        }
    }

    /// The `data-theme` attribute's value, `None` to follow the system.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::System => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }

    /// What the toggle says.
    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "Theme: system",
            Theme::Light => "Theme: light",
            Theme::Dark => "Theme: dark",
        }
    }
}

/// A key and CSR made by the worker, held in the page's memory only.
#[derive(Clone)]
pub struct Generated {
    /// Which generation this is (the worker request id).
    pub id: u32,
    /// The CSR.
    pub request: CertificateRequest,
    /// The key, zeroized on drop.
    pub key: Rc<PrivateKey>,
    /// The key as PEM in the chosen format, zeroized on drop.
    pub key_pem: KeyPem,
    /// The spec text it was made from.
    pub spec_json: String,
}

impl PartialEq for Generated {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id && self.key_pem == other.key_pem
    }
}

/// The key-generation job.
#[derive(Clone, Debug, PartialEq)]
pub enum Job {
    /// Nothing running.
    Idle,
    /// The worker is at it.
    Running {
        /// Request id.
        id: u32,
        /// The spec sent.
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

/// The key-generation worker's condition.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum WorkerStatus {
    /// Its script and wasm are loading.
    #[default]
    Loading,
    /// Ready for requests.
    Ready,
    /// It failed; the message says how.
    Broken(String),
}

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
    /// The worker's condition.
    pub worker: WorkerStatus,
    /// The next worker request id.
    pub next_id: u32,
    /// The key and CSR, once made.
    pub generated: Option<Generated>,
    /// How the key PEM is written.
    pub key_format: KeyFormat,
    /// The returned certificate, as pasted or dropped.
    pub cert_input: String,
    /// The CA certificate(s).
    pub ca_input: String,
    /// The host name to check the certificate for; empty for none.
    pub host: String,
    /// Colour theme.
    pub theme: Theme,
    /// The last notice for the status line (copied, downloaded, ...).
    pub notice: String,
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
            worker: WorkerStatus::Loading,
            next_id: 1,
            generated: None,
            key_format: KeyFormat::Cfssl,
            cert_input: String::new(),
            ca_input: String::new(),
            host: String::new(),
            theme: Theme::System,
            notice: String::new(),
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
    /// Turns one usage on or off (starting from the shown defaults).
    ToggleUsage(String),
    /// Back to the default usages.
    ResetUsages,
    /// Expiration text.
    Expiration(String),
    /// A generation was sent to the worker.
    Start {
        /// Request id.
        id: u32,
        /// What is being made, e.g. `rsa-4096`.
        what: String,
        /// Page clock (ms).
        at_ms: f64,
    },
    /// The clock ticked while a job runs (ms).
    Tick(f64),
    /// The worker answered.
    Reply(Response),
    /// The worker is ready.
    WorkerReady,
    /// The worker failed.
    WorkerBroken(String),
    /// Key PEM format.
    KeyFormat(KeyFormat),
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
                self.host = "my-svc.my-namespace.svc.cluster.local".to_owned();
            }
            Action::Name(v) => self.name = v,
            Action::Signer(v) => self.signer = v,
            Action::ToggleUsage(usage) => {
                let mut usages = crate::derive::shown_usages(self);
                match usages.iter().position(|u| *u == usage) {
                    Some(i) => {
                        usages.remove(i);
                    }
                    None => usages.push(usage),
                }
                self.usages = Some(usages);
            }
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
            Action::Reply(response) => self.take_reply(response),
            Action::WorkerReady => self.worker = WorkerStatus::Ready,
            Action::WorkerBroken(message) => {
                if matches!(self.job, Job::Running { .. }) {
                    self.job = Job::Failed(message.clone());
                }
                self.worker = WorkerStatus::Broken(message);
            }
            Action::KeyFormat(format) => {
                self.key_format = format;
                if let Some(generated) = &mut self.generated
                    && let Ok(pem) = generated.key.to_pem(format)
                {
                    generated.key_pem = pem;
                }
            }
            Action::Forget => self.generated = None,
            Action::Cert(v) => self.cert_input = v,
            Action::Ca(v) => self.ca_input = v,
            Action::Host(v) => self.host = v,
            Action::Theme => self.theme = self.theme.next(),
            Action::Notice(v) => self.notice = v,
        }
    }

    fn take_reply(&mut self, response: Response) {
        let Job::Running { id, spec_json, .. } = &self.job else {
            return;
        };
        if response.id() != *id {
            return; // an answer to a request that was replaced
        }
        let (id, spec_json) = (*id, spec_json.clone());
        match response {
            Response::Done {
                csr_pem, key_pem, ..
            } => {
                let key_pem = Zeroizing::new(key_pem);
                let made = PrivateKey::from_pem(&key_pem).and_then(|key| {
                    let request = CertificateRequest::from_pem(&csr_pem)?;
                    let pem = key.to_pem(self.key_format)?;
                    Ok(Generated {
                        id,
                        request,
                        key: Rc::new(key),
                        key_pem: pem,
                        spec_json,
                    })
                });
                match made {
                    Ok(generated) => {
                        let what = generated.key.algorithm();
                        self.generated = Some(generated);
                        self.job = Job::Idle;
                        self.notice = format!(
                            "Generated an {what} key and its CSR; the key is in this page's memory only."
                        );
                    }
                    Err(e) => self.job = Job::Failed(e.to_string()),
                }
            }
            Response::Failed { message, .. } => self.job = Job::Failed(message),
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
    use crate::protocol::{Request, answer};

    fn generate(state: &mut State) {
        let id = state.next_id;
        state.apply(Action::Start {
            id,
            what: "ecdsa-256".into(),
            at_ms: 0.0,
        });
        let request = serde_json::to_string(&Request {
            id,
            spec_json: state.spec_json.clone(),
        })
        .unwrap();
        let reply = serde_json::from_str(&answer(&request, &mut getrandom::SysRng)).unwrap();
        state.apply(Action::Reply(reply));
    }

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
    fn a_reply_becomes_a_key_in_memory() {
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
    fn stale_replies_are_ignored() {
        let mut state = State::default();
        state.apply(Action::Start {
            id: 5,
            what: String::new(),
            at_ms: 0.0,
        });
        state.apply(Action::Reply(Response::Failed {
            id: 4,
            message: "old".into(),
        }));
        assert!(matches!(state.job, Job::Running { .. }));
        state.apply(Action::Reply(Response::Failed {
            id: 5,
            message: "bad".into(),
        }));
        assert_eq!(state.job, Job::Failed("bad".into()));
    }

    #[test]
    fn usage_toggles_start_from_the_defaults() {
        let mut state = State::default();
        state.apply(Action::ToggleUsage("client auth".into()));
        assert_eq!(
            state.usages.as_deref().unwrap(),
            ["digital signature", "server auth", "client auth"]
        );
        state.apply(Action::ResetUsages);
        assert_eq!(state.usages, None);
    }
}
