//! The Generate button, its progress, and what to do with the key held.

use csrcraft::KeyFormat;
use yew::prelude::*;

use crate::services::page::value_of;
use crate::state::Job;

/// Properties of [`GenerateBar`].
#[derive(Properties, PartialEq)]
pub struct GenerateBarProps {
    /// The job.
    pub job: Job,
    /// Why keys cannot be made in this page, if they cannot.
    pub unavailable: Option<String>,
    /// Can the spec be used?
    pub spec_ok: bool,
    /// Is a key held?
    pub holds_key: bool,
    /// The key PEM format.
    pub key_format: KeyFormat,
    /// Generate.
    pub on_generate: Callback<()>,
    /// Key format changed.
    pub on_key_format: Callback<KeyFormat>,
    /// Forget the key.
    pub on_forget: Callback<()>,
}

/// The generate bar.
#[function_component(GenerateBar)]
pub fn generate_bar(props: &GenerateBarProps) -> Html {
    let running = matches!(props.job, Job::Running { .. });
    let on_generate = props.on_generate.reform(|_: MouseEvent| ());
    let on_forget = props.on_forget.reform(|_: MouseEvent| ());
    let on_format = props.on_key_format.reform(|e: Event| {
        if value_of(&e) == "pkcs8" {
            KeyFormat::Pkcs8
        } else {
            KeyFormat::Cfssl
        }
    });
    let progress = match &props.job {
        Job::Running {
            what,
            started_ms,
            now_ms,
            ..
        } => html! {
            <span class="progress"><span class="spinner" aria-hidden="true"></span>
                { format!("Generating an {what} key with WebCrypto… {:.1} s", (now_ms - started_ms) / 1000.0) }
            </span>
        },
        Job::Failed(message) => {
            html! { <span class="note error"><span class="badge">{ "error" }</span>{ message }</span> }
        }
        Job::Idle => match &props.unavailable {
            None => {
                html! { <span class="hint">{ "Keys are made by your browser's WebCrypto, off the page's thread: the page stays responsive." }</span> }
            }
            Some(m) => {
                html! { <span class="note error"><span class="badge">{ "error" }</span>{ m }</span> }
            }
        },
    };
    html! {
        <div class="generate-bar">
            <button type="button" class="primary" data-testid="generate" onclick={on_generate}
                disabled={running || !props.spec_ok || props.unavailable.is_some()} aria-busy={running.to_string()}>
                { if props.holds_key { "Generate a new key and CSR" } else { "Generate key and CSR" } }
            </button>
            <div data-testid="progress" role="status" aria-live="polite">{ progress }</div>
            <div class="spacer"></div>
            <label for="g-format">{ "Key PEM" }</label>
            <select id="g-format" data-testid="key-format" onchange={on_format}>
                <option value="cfssl" selected={props.key_format == KeyFormat::Cfssl}>{ "as cfssl (SEC1 / PKCS#1)" }</option>
                <option value="pkcs8" selected={props.key_format == KeyFormat::Pkcs8}>{ "PKCS#8" }</option>
            </select>
            if props.holds_key {
                <button type="button" class="ghost danger" data-testid="forget" onclick={on_forget}>{ "Forget key" }</button>
            }
        </div>
    }
}
