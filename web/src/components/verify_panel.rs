//! The returned certificate: paste or drop it (PEM, base64, or the kubectl object), and the
//! CA; the core's verification report and inspect view.

use csrcraft::VerifyReport;
use yew::prelude::*;

use super::verify_report::VerifyReportView;
use crate::i18n::{Text, use_text};
use crate::services::{files, page::value_of};

/// Properties of [`VerifyPanel`].
#[derive(Properties, PartialEq)]
pub struct VerifyPanelProps {
    /// The certificate text.
    pub cert: AttrValue,
    /// The CA text.
    pub ca: AttrValue,
    /// The host to check.
    pub host: AttrValue,
    /// Is a key held (so the key match runs)?
    pub holds_key: bool,
    /// The report, or why there is none.
    pub report: Option<Result<VerifyReport, String>>,
    /// The inspect text.
    pub inspection: Option<Result<String, String>>,
    /// Is a newer check still running (what is shown is for earlier input)?
    pub pending: bool,
    /// Certificate changed.
    pub on_cert: Callback<String>,
    /// CA changed.
    pub on_ca: Callback<String>,
    /// Host changed.
    pub on_host: Callback<String>,
}

fn drop_target(
    text: &'static Text,
    id: &'static str,
    testid: &'static str,
    label: &'static str,
    placeholder: &'static str,
    value: AttrValue,
    on_text: Callback<String>,
) -> Html {
    let on_input = on_text.reform(|e: InputEvent| value_of(&e));
    let on_drop = {
        let on_text = on_text.clone();
        Callback::from(move |e: DragEvent| {
            if files::read_dropped(&e, on_text.clone()).is_some() {
                e.prevent_default();
            }
        })
    };
    let on_dragover = Callback::from(|e: DragEvent| e.prevent_default());
    let on_file = {
        let on_text = on_text.clone();
        Callback::from(move |e: Event| files::read_chosen(&e, on_text.clone()))
    };
    let file_id = format!("{id}-file");
    html! {
        <div class="field">
            <div class="label-row">
                <label for={id}>{ label }</label>
                <label class="file ghost small" for={file_id.clone()}>{ text.verify_open_file }
                    <input id={file_id} type="file" class="visually-hidden" onchange={on_file} />
                </label>
            </div>
            <textarea id={id} data-testid={testid} class="code drop" rows="8" spellcheck="false"
                value={value} oninput={on_input} ondrop={on_drop} ondragover={on_dragover} placeholder={placeholder} />
        </div>
    }
}

/// The verify panel.
#[function_component(VerifyPanel)]
pub fn verify_panel(props: &VerifyPanelProps) -> Html {
    let text = use_text();
    let report = match &props.report {
        None => html! { <p class="hint">{ text.verify_waiting }</p> },
        Some(Err(e)) => {
            html! { <p class="note error"><span class="badge">{ text.badge_error }</span>{ e }</p> }
        }
        Some(Ok(report)) => html! { <VerifyReportView report={report.clone()} /> },
    };
    html! {
        <div class="verify">
            <div class="two">
                { drop_target(text, "v-cert", "cert-input", text.verify_cert, text.verify_cert_placeholder,
                    props.cert.clone(), props.on_cert.clone()) }
                { drop_target(text, "v-ca", "ca-input", text.verify_ca, text.verify_ca_placeholder,
                    props.ca.clone(), props.on_ca.clone()) }
            </div>
            <div class="row">
                <div class="field">
                    <label for="v-host">{ text.verify_host }</label>
                    <input id="v-host" data-testid="host-input" type="text" spellcheck="false" value={props.host.clone()}
                        oninput={props.on_host.reform(|e: InputEvent| value_of(&e))} />
                </div>
                <p class="hint">{ if props.holds_key { text.verify_with_key } else { text.verify_without_key } }</p>
            </div>
            <div data-testid="verify-report" class={classes!(props.pending.then_some("pending"))}
                aria-live="polite" aria-busy={props.pending.to_string()}>{ report }</div>
            if let Some(inspection) = &props.inspection {
                <details class={classes!("inspect", props.pending.then_some("pending"))} open=true>
                    <summary>{ text.inspect_title }</summary>
                    { match inspection {
                        Ok(text) => html! { <pre class="code" data-testid="inspect-view">{ text }</pre> },
                        Err(e) => html! { <p class="note error" data-testid="inspect-view"><span class="badge">{ text.badge_error }</span>{ e }</p> },
                    } }
                </details>
            }
        </div>
    }
}
