//! The five steps as the app and the embeddable example lay them out, each a card, numbered
//! in the order shown.

use yew::prelude::*;
use zeroize::Zeroizing;

use crate::components::Notes;
use crate::components::generate_bar::GenerateBar;
use crate::components::kubernetes_panel::KubernetesPanel;
use crate::components::lint_findings::LintFindings;
use crate::components::outputs::Outputs;
use crate::components::spec_form::SpecFormView;
use crate::components::spec_json::SpecJson;
use crate::components::trial_panel::TrialPanel;
use crate::components::verify_panel::VerifyPanel;
use crate::derive::{self, KeyText, TrialView};
use crate::services::domains::domains;
use crate::state::{Action, InspectInputs, LintInputs, State, TrialInputs, VerifyInputs, shown};
use crate::workbench::Workbench;

/// Which steps show: the `<csrcraft-example>` element's `panels`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Panels {
    /// The cfssl JSON (and, in the app, its form).
    pub spec: bool,
    /// The lint findings.
    pub lint: bool,
    /// The manifest's settings and the manifest.
    pub manifest: bool,
    /// Generate, the CSR and the key.
    pub generate: bool,
    /// Try it without a cluster: a test CA signs the CSR as the signer would.
    pub sign: bool,
    /// Checking the certificate that comes back.
    pub verify: bool,
}

impl Panels {
    /// Every step, as the app shows them.
    pub const ALL: Panels = Panels {
        spec: true,
        lint: true,
        manifest: true,
        generate: true,
        sign: true,
        verify: true,
    };

    /// The element's default: `spec lint manifest generate`.
    pub const EXAMPLE: Panels = Panels {
        sign: false,
        verify: false,
        ..Panels::ALL
    };

    /// Reads a space-separated list of `spec lint manifest generate sign verify`.
    pub fn parse(list: &str) -> Result<Self, String> {
        let mut panels = Panels {
            spec: false,
            lint: false,
            manifest: false,
            generate: false,
            sign: false,
            verify: false,
        };
        for word in list.split_whitespace() {
            let slot = match word {
                "spec" => &mut panels.spec,
                "lint" => &mut panels.lint,
                "manifest" => &mut panels.manifest,
                "generate" => &mut panels.generate,
                "sign" => &mut panels.sign,
                "verify" => &mut panels.verify,
                other => {
                    return Err(format!(
                        "panels: \"{other}\" is not a step; use some of: spec lint manifest generate sign verify"
                    ));
                }
            };
            *slot = true;
        }
        Ok(panels)
    }
}

/// How the steps are drawn.
#[derive(Clone, Copy)]
pub struct Layout {
    /// Which steps.
    pub panels: Panels,
    /// The spec is shown, not edited, and has no form.
    pub readonly: bool,
    /// The app's spec form ([`spec_form`]) beside the JSON, with the tutorial's example a
    /// click away. A function given, not a flag, so the element, which never shows the form,
    /// does not carry its code.
    pub spec_form: Option<fn(&Workbench, Notes) -> Html>,
}

/// The steps `layout` asks for.
pub fn steps(wb: &Workbench, layout: Layout) -> Html {
    let text = wb.state.lang.text();
    let mut number = 0;
    let mut card = |id: &'static str, title: &'static str, body: Html| {
        number += 1;
        html! {
            <section class="card" part="step" aria-labelledby={id}>
                <h2 id={id}><span class="step">{ number }</span>{ title }</h2>
                { body }
            </section>
        }
    };
    let Layout { panels, .. } = layout;
    let mut shown = Vec::new();
    if panels.spec {
        shown.push(card("h-spec", text.step_spec, spec(wb, layout)));
    }
    if panels.lint || panels.manifest {
        shown.push(card("h-k8s", text.step_kubernetes, kubernetes(wb, panels)));
    }
    if panels.generate {
        shown.push(card("h-gen", text.step_generate, generate(wb, panels)));
    }
    if panels.sign {
        shown.push(card("h-try", text.step_try, trial(wb)));
    }
    if panels.verify {
        shown.push(card("h-verify", text.step_verify, verify(wb)));
    }
    shown.into_iter().collect()
}

fn spec(wb: &Workbench, layout: Layout) -> Html {
    let state = &wb.state;
    let notes = Notes::of(&wb.spec);
    let form = layout.spec_form.filter(|_| !layout.readonly);
    let json = html! {
        <SpecJson text={AttrValue::from(state.spec_json.clone())} notes={notes.clone()}
            readonly={layout.readonly}
            on_input={wb.act.reform(Action::SpecJson)}
            on_example={form.map(|_| wb.act.reform(|()| Action::LoadExample))} />
    };
    match form {
        Some(form) => html! { <div class="two">{ form(wb, notes) }{ json }</div> },
        None => json,
    }
}

/// The app's spec form.
pub fn spec_form(wb: &Workbench, notes: Notes) -> Html {
    html! {
        <SpecFormView form={wb.state.form.clone()} notes={notes} on_edit={wb.act.reform(Action::Form)} />
    }
}

fn kubernetes(wb: &Workbench, panels: Panels) -> Html {
    let state = &wb.state;
    let act = &wb.act;
    let settings = panels.manifest.then(|| {
        let usages = derive::shown_usages(state, domains());
        let on_usage = {
            let usages = usages.clone();
            act.reform(move |usage| Action::Usages(derive::toggle_usage(&usages, usage)))
        };
        html! {
            <KubernetesPanel
                name={AttrValue::from(state.name.clone())}
                effective_name={manifest_name(state).map(|name| AttrValue::from(name.to_owned()))}
                signer={AttrValue::from(state.signer.clone())}
                usages={usages}
                default_usages={state.usages.is_none()}
                expiration={AttrValue::from(state.expiration.clone())}
                expiration_error={derive::expiration(&state.expiration).err().map(|e| e.to_string())}
                on_name={act.reform(Action::Name)}
                on_signer={act.reform(Action::Signer)}
                on_usage={on_usage}
                on_reset_usages={act.reform(|()| Action::ResetUsages)}
                on_expiration={act.reform(Action::Expiration)} />
        }
    });
    let findings = panels.lint.then(|| {
        let (lint, pending) = shown(&state.lint, &LintInputs::of(state));
        html! { <LintFindings view={lint.cloned()} pending={pending} /> }
    });
    html! { <div class="two">{ for settings }{ for findings }</div> }
}

/// The manifest of the current CSR, perhaps for settings being re-checked.
fn manifest(state: &State) -> Option<&Result<derive::ManifestText, String>> {
    let generated = state.generated.as_ref().map(|g| g.id);
    state
        .manifest
        .as_ref()
        .filter(|m| m.inputs.generated == generated)
        .map(|m| &m.value)
}

/// `metadata.name` as the manifest has it, once there is one.
fn manifest_name(state: &State) -> Option<&str> {
    manifest(state)?.as_ref().ok().map(|m| m.name.as_str())
}

fn generate(wb: &Workbench, panels: Panels) -> Html {
    let state = &wb.state;
    let text = state.lang.text();
    let outputs = state.generated.as_ref().map(|g| {
        let name = manifest_name(state).unwrap_or("NAME");
        let key_pem = match derive::key_text(state) {
            Some(KeyText::Pem(pem)) => Ok(pem),
            Some(KeyText::Failed(why)) => Err(AttrValue::from(why.to_owned())),
            Some(KeyText::Encrypting) | None => Err(AttrValue::from(text.key_encrypting)),
        };
        let cfssl_json = key_pem.as_ref().ok().map(|pem| {
            AttrValue::from(derive::cfssl_json(g, pem.as_str()).as_str().to_owned())
        });
        html! {
            <Outputs
                csr_pem={AttrValue::from(g.request.pem())}
                key_pem={key_pem.map(|pem| AttrValue::from(pem.as_str().to_owned()))}
                encrypted={!state.passphrase.is_empty()}
                cfssl_json={cfssl_json}
                on_passphrase={wb.act.reform(|passphrase| Action::Passphrase(Zeroizing::new(passphrase)))}
                manifest={manifest(state).map(|m| m.as_ref().map(|m| AttrValue::from(m.yaml.clone())).map_err(Clone::clone))}
                show_manifest={panels.manifest}
                commands={derive::next_commands(name)}
                stale={derive::fresh(state).is_none()}
                on_copy={wb.on_copy.clone()}
                on_download={wb.on_download.clone()} />
        }
    });
    html! {
        <>
            <GenerateBar job={state.job.clone()} unavailable={(*wb.unavailable).clone()}
                spec_ok={wb.spec.is_ok()} holds_key={state.holds_key()} key_format={state.key_format}
                on_generate={wb.on_generate.clone()} on_key_format={wb.act.reform(Action::KeyFormat)}
                on_forget={wb.on_forget.clone()} />
            { for outputs }
        </>
    }
}

fn trial(wb: &Workbench) -> Html {
    let state = &wb.state;
    let (view, pending) = shown(&state.trial, &TrialInputs::of(state));
    let ca_pem = match &state.test_ca {
        Some(Ok(ca)) => Some(AttrValue::from(ca.certificate().pem())),
        _ => None,
    };
    let secret = match (view, &state.generated, &ca_pem) {
        (Some(TrialView::Issued(issued)), Some(generated), Some(ca_pem)) => Some(
            derive::tls_secret(
                &derive::secret_name(manifest_name(state)),
                &issued.certificate_pem,
                generated.key_pem.as_str(),
                &generated.public_key,
                ca_pem,
            )
            .map(|secret| AttrValue::from(secret.as_str().to_owned()))
            .map_err(|e| e.to_string()),
        ),
        _ => None,
    };
    html! {
        <TrialPanel view={view.cloned()} pending={pending} signer={AttrValue::from(state.signer.trim().to_owned())}
            ca_pem={ca_pem} secret={secret}
            on_copy={wb.on_copy.clone()} on_download={wb.on_download.clone()} />
    }
}

fn verify(wb: &Workbench) -> Html {
    let state = &wb.state;
    let (report, report_pending) = shown(&state.verify, &VerifyInputs::of(state));
    let (inspection, inspection_pending) = shown(&state.inspection, &InspectInputs::of(state));
    let act = &wb.act;
    html! {
        <VerifyPanel
            cert={AttrValue::from(state.cert_input.clone())}
            ca={AttrValue::from(state.ca_input.clone())}
            host={AttrValue::from(state.host.clone())}
            holds_key={state.holds_key()}
            report={report.cloned().flatten()}
            inspection={inspection.cloned().flatten()}
            pending={report_pending || inspection_pending}
            on_cert={act.reform(Action::Cert)}
            on_ca={act.reform(Action::Ca)}
            on_host={act.reform(Action::Host)} />
    }
}

#[cfg(test)]
mod tests {
    use super::Panels;

    #[test]
    fn panels_read_a_list_and_name_a_wrong_step() {
        assert_eq!(
            Panels::parse("spec lint manifest generate"),
            Ok(Panels::EXAMPLE)
        );
        assert_eq!(
            Panels::parse(" verify  spec "),
            Ok(Panels {
                spec: true,
                verify: true,
                ..Panels::parse("").unwrap_or(Panels::ALL)
            })
        );
        assert_eq!(
            Panels::parse("spec preview"),
            Err("panels: \"preview\" is not a step; use some of: spec lint manifest generate sign verify".to_owned())
        );
    }
}
