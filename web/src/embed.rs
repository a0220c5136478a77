//! The `<csrcraft-example>` element's content: the app's steps, chosen by the embedding page,
//! and what the element tells the page. `crates/element` mounts it in a shadow root and turns
//! [`ExampleEvent`]s into DOM events.

use csrcraft::kubernetes::Finding;
use yew::prelude::*;

use crate::derive::{LintSubject, LintView, TrialView};
pub use crate::i18n::Lang;
pub use crate::sections::Panels;
use crate::sections::{Layout, steps};
pub use crate::state::Settings;
use crate::state::{Action, State};
use crate::workbench::{Workbench, use_workbench};

/// Properties of [`Example`]: the element's attributes, read.
#[derive(Properties, Clone, PartialEq)]
pub struct ExampleProps {
    /// The spec and the manifest's settings.
    pub settings: Settings,
    /// Which steps show.
    pub panels: Panels,
    /// The spec is shown, not edited.
    pub readonly: bool,
    /// The language.
    pub lang: Lang,
    /// What the element tells the page.
    pub on_event: Callback<ExampleEvent>,
}

/// What the element tells the embedding page. Never the private key: it stays in the
/// element's memory, and reaches the reader only through its Copy and Download buttons.
#[derive(Clone, Debug, PartialEq)]
pub enum ExampleEvent {
    /// A CSR was generated and its manifest written.
    Generated {
        /// The CSR as PEM.
        csr_pem: String,
        /// The CertificateSigningRequest as YAML.
        manifest_yaml: String,
    },
    /// The page's test CA signed the CSR as the signer would (the `sign` step): what came of
    /// it. Never the private key, nor the Secret that holds it.
    Signed {
        /// `issued`, `failed` (the signer fails it once approved) or `refused` (the API server
        /// would not create the object).
        outcome: &'static str,
        /// The certificate, when issued, as PEM.
        certificate_pem: Option<String>,
        /// The test CA's certificate, as PEM.
        ca_pem: String,
        /// Why not, when not issued.
        finding: Option<Finding>,
        /// Whether every check of the verification passed, when issued.
        verified: Option<bool>,
    },
    /// The lint looked at a CSR.
    Linted {
        /// Which CSR: `generated`, `stale` (made from an earlier spec) or `preview`.
        subject: &'static str,
        /// What it found, errors first.
        findings: Vec<Finding>,
    },
}

/// The element's content.
#[function_component(Example)]
pub fn example(props: &ExampleProps) -> Html {
    let (settings, lang) = (props.settings.clone(), props.lang);
    let wb = use_workbench(
        move || {
            let mut state = State {
                lang,
                ..State::default()
            };
            state.apply(Action::Configure(settings));
            state
        },
        props.panels.sign,
    );
    {
        let act = wb.act.clone();
        use_effect_with(props.settings.clone(), move |settings| {
            act.emit(Action::Configure(settings.clone()))
        });
        let act = wb.act.clone();
        use_effect_with(props.lang, move |&lang| act.emit(Action::Lang(lang)));
    }
    use_events(&wb, &props.on_event);
    let layout = Layout {
        panels: props.panels,
        readonly: props.readonly,
        spec_form: None,
    };
    let state = &wb.state;
    html! {
        <ContextProvider<Lang> context={state.lang}>
            <div class="example" part="example" lang={state.lang.tag()}>
                { steps(&wb, layout) }
                <p class="status" data-testid="status" part="status" role="status" aria-live="polite">
                    { &state.notice }
                </p>
            </div>
        </ContextProvider<Lang>>
    }
}

/// Emits [`ExampleEvent::Generated`] once per CSR, when its manifest is written,
/// [`ExampleEvent::Linted`] for each lint report, and [`ExampleEvent::Signed`] for each
/// signer's outcome.
#[hook]
fn use_events(wb: &Workbench, on_event: &Callback<ExampleEvent>) {
    let state = &wb.state;
    // (CSR, its manifest) once the manifest is written; the PEM is made only when it is sent.
    let made = state.generated.as_ref().and_then(|g| {
        let manifest = state.manifest.as_ref()?;
        let yaml = manifest.value.as_ref().ok()?;
        (manifest.inputs.generated == Some(g.id)).then(|| (g.id, yaml.yaml.clone()))
    });
    let (generated, on_generated) = (state.clone(), on_event.clone());
    use_effect_with(made, move |made| {
        if let (Some((_, manifest_yaml)), Some(g)) = (made, &generated.generated) {
            on_generated.emit(ExampleEvent::Generated {
                csr_pem: g.request.pem(),
                manifest_yaml: manifest_yaml.clone(),
            });
        }
    });
    let lint = state.lint.as_ref().map(|slot| slot.value.clone());
    let on_linted = on_event.clone();
    use_effect_with(lint, move |lint| {
        if let Some(LintView::Report { subject, findings }) = lint {
            on_linted.emit(ExampleEvent::Linted {
                subject: match subject {
                    LintSubject::Generated => "generated",
                    LintSubject::Stale => "stale",
                    LintSubject::Preview => "preview",
                },
                findings: findings.clone(),
            });
        }
    });
    let trial = state.trial.as_ref().map(|slot| slot.value.clone());
    let ca_pem = match &state.test_ca {
        Some(Ok(ca)) => Some(ca.certificate().pem()),
        _ => None,
    };
    let on_signed = on_event.clone();
    use_effect_with((trial, ca_pem), move |(trial, ca_pem)| {
        let (Some(trial), Some(ca_pem)) = (trial, ca_pem) else {
            return;
        };
        let ca_pem = ca_pem.clone();
        on_signed.emit(match trial {
            TrialView::Waiting(_) => return,
            TrialView::Refused(finding) | TrialView::Failed(finding) => ExampleEvent::Signed {
                outcome: if matches!(trial, TrialView::Refused(_)) {
                    "refused"
                } else {
                    "failed"
                },
                certificate_pem: None,
                ca_pem,
                finding: Some(finding.clone()),
                verified: None,
            },
            TrialView::Issued(issued) => ExampleEvent::Signed {
                outcome: "issued",
                certificate_pem: Some(issued.certificate_pem.clone()),
                ca_pem,
                finding: None,
                verified: Some(issued.report.as_ref().is_ok_and(|r| r.passed())),
            },
        });
    });
}
