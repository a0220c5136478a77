//! The Generate button, its progress, and what to do with the key held.

use csrcraft::KeyFormat;
use yew::prelude::*;

use crate::i18n::use_text;
use crate::services::page::value_of;
use crate::state::Job;

/// Properties of [`GenerateBar`].
#[derive(Properties, PartialEq)]
pub struct GenerateBarProps {
    /// The job.
    pub job: Job,
    /// Why keys cannot be made in this page, if they cannot: WebCrypto's `Error::Unavailable`,
    /// the only reason it gives, which shows in the reader's language.
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
    let text = use_text();
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
                { (text.generating)(what, &seconds(now_ms - started_ms)) }
            </span>
        },
        Job::Failed(message) => {
            html! { <span class="note error"><span class="badge">{ text.badge_error }</span>{ message }</span> }
        }
        Job::Idle => match &props.unavailable {
            None => {
                html! { <span class="hint">{ text.generate_hint }</span> }
            }
            Some(_) => html! {
                <span class="note error"><span class="badge">{ text.badge_error }</span>{ text.webcrypto_unavailable }</span>
            },
        },
    };
    html! {
        <div class="generate-bar">
            <button type="button" class="primary" data-testid="generate" onclick={on_generate}
                disabled={running || !props.spec_ok || props.unavailable.is_some()} aria-busy={running.to_string()}>
                { if props.holds_key { text.generate_again } else { text.generate } }
            </button>
            <div data-testid="progress" role="status" aria-live="polite">{ progress }</div>
            <div class="spacer"></div>
            <label for="g-format">{ text.key_format }</label>
            <select id="g-format" data-testid="key-format" onchange={on_format}>
                <option value="cfssl" selected={props.key_format == KeyFormat::Cfssl}>{ text.key_format_cfssl }</option>
                <option value="pkcs8" selected={props.key_format == KeyFormat::Pkcs8}>{ "PKCS#8" }</option>
            </select>
            if props.holds_key {
                <button type="button" class="ghost danger" data-testid="forget" onclick={on_forget}>{ text.forget_key }</button>
            }
        </div>
    }
}

/// Milliseconds as seconds with one decimal (`1.2`), in integers: formatting a float would
/// bring float printing into the wasm.
fn seconds(ms: f64) -> String {
    // Saturating: a negative or absurd clock reads as 0 or the largest tenth.
    let tenths = (ms / 100.0) as u64;
    format!("{}.{}", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::seconds;

    #[test]
    fn seconds_have_one_decimal() {
        assert_eq!(seconds(0.0), "0.0");
        assert_eq!(seconds(1234.0), "1.2");
        assert_eq!(seconds(17_050.0), "17.0");
        assert_eq!(seconds(-5.0), "0.0");
    }
}
