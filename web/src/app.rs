//! The page: holds the state (`use_reducer`), starts its effects and key generation, and lays
//! out the components.

use yew::prelude::*;

use crate::components::Notes;
use crate::components::generate_bar::GenerateBar;
use crate::components::header::Header;
use crate::components::kubernetes_panel::KubernetesPanel;
use crate::components::lint_findings::LintFindings;
use crate::components::outputs::Outputs;
use crate::components::spec_form::SpecFormView;
use crate::components::spec_json::SpecJson;
use crate::components::verify_panel::VerifyPanel;
use crate::derive;
use crate::hooks::{use_checked_views, use_theme, use_ticker, use_unload_guard};
use crate::services::clock::now_ms;
use crate::services::domains::domains;
use crate::services::page::confirm;
use crate::services::{clipboard, crypto, download, task};
use crate::state::{Action, InspectInputs, Job, LintInputs, State, VerifyInputs, shown};

/// The whole app.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(State::default);
    let dispatch = state.dispatcher();
    let act = dispatch.to_callback();
    let unavailable = use_memo((), |_| crypto::unavailable());

    use_checked_views(&state);
    use_ticker(&state);
    use_unload_guard(state.holds_key());
    use_theme(state.theme);

    let spec = use_memo(state.spec_json.clone(), |json| {
        derive::check_spec(json, domains())
    });
    let notes = Notes::of(&spec);
    let (lint, lint_pending) = shown(&state.lint, &LintInputs::of(&state));
    let (report, report_pending) = shown(&state.verify, &VerifyInputs::of(&state));
    let (inspection, inspection_pending) = shown(&state.inspection, &InspectInputs::of(&state));
    // The manifest shown is always the current CSR's, perhaps for settings being re-checked.
    let generated_id = state.generated.as_ref().map(|g| g.id);
    let manifest = state
        .manifest
        .as_ref()
        .filter(|m| m.inputs.generated == generated_id)
        .map(|m| m.value.clone());

    let notice = act.reform(Action::Notice);
    let on_copy = Callback::from({
        let notice = notice.clone();
        move |(what, text): (String, String)| clipboard::copy(text, what, notice.clone())
    });
    let on_download = Callback::from({
        let notice = notice.clone();
        move |(file, text): (String, String)| {
            notice.emit(match download::save(&file, &text) {
                Ok(()) => {
                    format!("Saved {file} (made in this page, not downloaded from anywhere).")
                }
                Err(e) => e,
            })
        }
    });
    let on_generate = {
        let (state, dispatch) = (state.clone(), dispatch.clone());
        Callback::from(move |()| {
            if matches!(state.job, Job::Running { .. }) {
                return;
            }
            if state.holds_key()
                && !confirm(
                    "Generate a new key? The key in this page is discarded, and nothing else has a copy of it. Download server-key.pem first if you need it.",
                )
            {
                return;
            }
            let spec = match derive::check_spec(&state.spec_json, domains()) {
                Ok(parsed) => parsed.value,
                Err(e) => return dispatch.dispatch(Action::Notice(e.to_string())),
            };
            let id = state.next_id;
            dispatch.dispatch(Action::Start {
                id,
                what: spec.key_algorithm().to_string(),
                at_ms: now_ms(),
            });
            let dispatch = dispatch.clone();
            task::spawn(crypto::generate(spec), move |made| {
                dispatch.dispatch(Action::Generated { id, made })
            });
        })
    };
    let on_forget = {
        let dispatch = dispatch.clone();
        Callback::from(move |()| {
            if confirm(
                "Forget the key? It exists only in this page; download server-key.pem first if you need it.",
            ) {
                dispatch.dispatch(Action::Forget);
            }
        })
    };

    let fresh = derive::fresh(&state).is_some();
    let manifest_name = manifest
        .as_ref()
        .and_then(|m| m.as_ref().ok())
        .map(|m| m.name.clone());
    let outputs = state.generated.as_ref().map(|g| {
        let name = manifest_name.clone().unwrap_or_else(|| "NAME".to_owned());
        html! {
            <Outputs
                csr_pem={AttrValue::from(g.request.pem())}
                key_pem={AttrValue::from(g.key_pem.as_str().to_owned())}
                cfssl_json={AttrValue::from(derive::cfssl_json(g).as_str().to_owned())}
                manifest={manifest.clone().map(|m| m.map(|m| AttrValue::from(m.yaml)))}
                commands={derive::next_commands(&name)}
                stale={!fresh}
                on_copy={on_copy.clone()}
                on_download={on_download.clone()} />
        }
    });

    html! {
        <>
            <Header theme={state.theme} on_theme={act.reform(|()| Action::Theme)} />
            <main>
                <section class="card" aria-labelledby="h-spec">
                    <h2 id="h-spec"><span class="step">{ "1" }</span>{ "Describe the certificate" }</h2>
                    <div class="two">
                        <SpecFormView form={state.form.clone()} notes={notes.clone()} on_edit={act.reform(Action::Form)} />
                        <SpecJson text={AttrValue::from(state.spec_json.clone())} notes={notes.clone()}
                            on_input={act.reform(Action::SpecJson)} on_example={act.reform(|()| Action::LoadExample)} />
                    </div>
                </section>
                <section class="card" aria-labelledby="h-k8s">
                    <h2 id="h-k8s"><span class="step">{ "2" }</span>{ "Kubernetes CertificateSigningRequest" }</h2>
                    <div class="two">
                        <KubernetesPanel
                            name={AttrValue::from(state.name.clone())}
                            effective_name={manifest_name.map(AttrValue::from)}
                            signer={AttrValue::from(state.signer.clone())}
                            usages={derive::shown_usages(&state, domains())}
                            default_usages={state.usages.is_none()}
                            expiration={AttrValue::from(state.expiration.clone())}
                            expiration_error={derive::expiration(&state.expiration).err().map(|e| e.to_string())}
                            on_name={act.reform(Action::Name)}
                            on_signer={act.reform(Action::Signer)}
                            on_usage={act.reform(Action::ToggleUsage)}
                            on_reset_usages={act.reform(|()| Action::ResetUsages)}
                            on_expiration={act.reform(Action::Expiration)} />
                        <LintFindings view={lint.cloned()} pending={lint_pending} />
                    </div>
                </section>
                <section class="card" aria-labelledby="h-gen">
                    <h2 id="h-gen"><span class="step">{ "3" }</span>{ "Generate the key and CSR" }</h2>
                    <GenerateBar job={state.job.clone()} unavailable={(*unavailable).clone()} spec_ok={spec.is_ok()}
                        holds_key={state.holds_key()} key_format={state.key_format}
                        on_generate={on_generate} on_key_format={act.reform(Action::KeyFormat)} on_forget={on_forget} />
                    { for outputs }
                </section>
                <section class="card" aria-labelledby="h-verify">
                    <h2 id="h-verify"><span class="step">{ "4" }</span>{ "Check the certificate that comes back" }</h2>
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
                </section>
            </main>
            <footer>
                <p class="status" data-testid="status" role="status" aria-live="polite">{ &state.notice }</p>
                <p class="hint">{ "Everything runs in this page. After loading, it makes no network requests; the key is never stored or sent. Same core as the csrcraft CLI." }</p>
            </footer>
        </>
    }
}
