//! The page: holds the state (`use_reducer`), starts the worker, computes the views through
//! the core, and lays out the components.

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
use crate::protocol::Request;
use crate::services::clock::{Ticker, now_ms, unix_now};
use crate::services::page::{UnloadGuard, confirm, set_theme};
use crate::services::worker::{KeyWorker, Reply};
use crate::services::{clipboard, download};
use crate::state::{Action, Job, State};

/// The whole app.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(State::default);
    let dispatch = state.dispatcher();
    let act = dispatch.to_callback();

    // The worker starts with the page, so its script and wasm load up front.
    let worker = use_memo((), {
        let dispatch = dispatch.clone();
        move |_| {
            KeyWorker::start(Callback::from(move |reply| {
                dispatch.dispatch(match reply {
                    Reply::Ready => Action::WorkerReady,
                    Reply::Response(response) => Action::Reply(response),
                    Reply::Broken(message) => Action::WorkerBroken(message),
                })
            }))
        }
    });
    {
        let (dispatch, failed) = (dispatch.clone(), worker.as_ref().as_ref().err().cloned());
        use_effect_with(failed, move |failed| {
            if let Some(message) = failed {
                dispatch.dispatch(Action::WorkerBroken(message.clone()));
            }
        });
    }

    // A ticking clock while a job runs.
    let running = match &state.job {
        Job::Running { id, .. } => Some(*id),
        _ => None,
    };
    {
        let dispatch = dispatch.clone();
        use_effect_with(running, move |running| {
            let ticker = running.and_then(|_| {
                Ticker::start(100, move || dispatch.dispatch(Action::Tick(now_ms())))
            });
            move || drop(ticker)
        });
    }
    // Warn before a reload or close loses the key.
    use_effect_with(state.holds_key(), |&holds| {
        let guard = if holds { UnloadGuard::install() } else { None };
        move || drop(guard)
    });
    use_effect_with(state.theme, |theme| set_theme(theme.attribute()));

    // Views, recomputed only when what they depend on changes.
    let generated_id = state.generated.as_ref().map(|g| g.id);
    let spec = use_memo(state.spec_json.clone(), |json| derive::check_spec(json));
    let notes = Notes::of(&spec);
    let lint = use_memo(
        (
            state.spec_json.clone(),
            state.signer.clone(),
            state.usages.clone(),
            state.expiration.clone(),
            generated_id,
        ),
        {
            let state = state.clone();
            move |_| derive::lint_view(&state, &mut getrandom::SysRng)
        },
    );
    let verify = use_memo(
        (
            state.cert_input.clone(),
            state.ca_input.clone(),
            state.host.clone(),
            generated_id,
        ),
        {
            let state = state.clone();
            move |_| derive::verify_view(&state, unix_now()).map(|r| r.map_err(|e| e.to_string()))
        },
    );
    let inspection = use_memo(state.cert_input.clone(), |text| {
        derive::inspect_view(text, unix_now()).map(|r| r.map_err(|e| e.to_string()))
    });

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
        let state = state.clone();
        let dispatch = dispatch.clone();
        let worker = worker.clone();
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
            let what = match derive::check_spec(&state.spec_json) {
                Ok(parsed) => parsed.value.key_algorithm().to_string(),
                Err(e) => return dispatch.dispatch(Action::Notice(e.to_string())),
            };
            let Ok(worker) = worker.as_ref() else {
                return;
            };
            let id = state.next_id;
            dispatch.dispatch(Action::Start {
                id,
                what,
                at_ms: now_ms(),
            });
            worker.send(&Request {
                id,
                spec_json: state.spec_json.clone(),
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
    let outputs = state.generated.as_ref().map(|g| {
        let manifest = derive::manifest(&state, g);
        let name = manifest.as_ref().map_or_else(|_| "NAME".to_owned(), |m| m.name().to_owned());
        html! {
            <Outputs
                csr_pem={AttrValue::from(g.request.pem())}
                key_pem={AttrValue::from(g.key_pem.as_str().to_owned())}
                cfssl_json={AttrValue::from(derive::cfssl_json(g).as_str().to_owned())}
                manifest={manifest.and_then(|m| m.to_yaml()).map(AttrValue::from).map_err(|e| e.to_string())}
                commands={derive::next_commands(&name)}
                stale={!fresh}
                on_copy={on_copy.clone()}
                on_download={on_download.clone()} />
        }
    });
    let effective_name = state
        .generated
        .as_ref()
        .and_then(|g| derive::manifest(&state, g).ok())
        .map(|m| AttrValue::from(m.name().to_owned()));

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
                            effective_name={effective_name}
                            signer={AttrValue::from(state.signer.clone())}
                            usages={derive::shown_usages(&state)}
                            default_usages={state.usages.is_none()}
                            expiration={AttrValue::from(state.expiration.clone())}
                            expiration_error={derive::expiration(&state.expiration).err().map(|e| e.to_string())}
                            on_name={act.reform(Action::Name)}
                            on_signer={act.reform(Action::Signer)}
                            on_usage={act.reform(Action::ToggleUsage)}
                            on_reset_usages={act.reform(|()| Action::ResetUsages)}
                            on_expiration={act.reform(Action::Expiration)} />
                        <LintFindings view={(*lint).clone()} />
                    </div>
                </section>
                <section class="card" aria-labelledby="h-gen">
                    <h2 id="h-gen"><span class="step">{ "3" }</span>{ "Generate the key and CSR" }</h2>
                    <GenerateBar job={state.job.clone()} worker={state.worker.clone()} spec_ok={spec.is_ok()}
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
                        report={(*verify).clone()}
                        inspection={(*inspection).clone()}
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
