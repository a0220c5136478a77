//! Everything Generate made: CSR, key (encrypted under a passphrase if one is given), manifest,
//! cfssl JSON, and the next commands.

use yew::prelude::*;

use super::next_steps::NextSteps;
use super::output_block::OutputBlock;
use crate::i18n::use_text;
use crate::services::page::value_of;

/// Properties of [`Outputs`].
#[derive(Properties, PartialEq)]
pub struct OutputsProps {
    /// CSR PEM.
    pub csr_pem: AttrValue,
    /// Key PEM as copied and downloaded, or what to show instead (it is being encrypted, or
    /// could not be).
    pub key_pem: Result<AttrValue, AttrValue>,
    /// Is the key encrypted under a passphrase?
    #[prop_or_default]
    pub encrypted: bool,
    /// The cfssl `{"csr","key"}` line (with the key as `key_pem`).
    pub cfssl_json: Option<AttrValue>,
    /// The passphrase changed.
    pub on_passphrase: Callback<String>,
    /// Manifest YAML, or what stops it; `None` while it is being written.
    pub manifest: Option<Result<AttrValue, String>>,
    /// Show the manifest (an embedding page may leave that step out).
    #[prop_or(true)]
    pub show_manifest: bool,
    /// The next commands.
    pub commands: Vec<String>,
    /// Was this made from an older version of the spec?
    pub stale: bool,
    /// Copy (what, text).
    pub on_copy: Callback<(String, String)>,
    /// Download (file name, text).
    pub on_download: Callback<(String, String)>,
}

/// The outputs.
#[function_component(Outputs)]
pub fn outputs(props: &OutputsProps) -> Html {
    let text = use_text();
    let (copy, download) = (props.on_copy.clone(), props.on_download.clone());
    let waiting = |title: &'static str, testid: &'static str, why: &AttrValue| {
        html! {
            <div class="output secret">
                <label>{ title }</label>
                <p class="hint" data-testid={testid} aria-busy="true">{ why }</p>
            </div>
        }
    };
    let key_hint = if props.encrypted {
        text.output_key_encrypted_hint
    } else {
        text.output_key_hint
    };
    let why = props.key_pem.as_ref().err().cloned().unwrap_or_default();
    html! {
        <div class="outputs">
            if props.stale {
                <p class="note warning"><span class="badge">{ text.badge_warning }</span>
                    { text.outputs_stale }</p>
            }
            <div class="two">
                <OutputBlock title={text.output_csr} testid="csr-pem" text={props.csr_pem.clone()}
                    file_name={Some(AttrValue::from("server.csr"))} on_copy={copy.clone()} on_download={download.clone()} />
                <div class="key">
                    { match &props.key_pem {
                        Ok(pem) => html! {
                            <OutputBlock title={text.output_key} testid="key-pem" text={pem.clone()} secret=true
                                hint={Some(AttrValue::from(key_hint))}
                                file_name={Some(AttrValue::from("server-key.pem"))} on_copy={copy.clone()} on_download={download.clone()} />
                        },
                        Err(why) => waiting(text.output_key, "key-pem", why),
                    } }
                    <div class="field">
                        <label for="o-passphrase">{ text.key_passphrase }</label>
                        <input id="o-passphrase" data-testid="key-passphrase" type="password" autocomplete="new-password"
                            spellcheck="false" oninput={props.on_passphrase.reform(|e: InputEvent| value_of(&e))} />
                        <p class="hint">{ text.key_passphrase_hint }</p>
                    </div>
                </div>
            </div>
            <div class="two">
                if props.show_manifest { { match &props.manifest {
                    Some(Ok(yaml)) => html! {
                        <OutputBlock title={text.output_manifest} testid="manifest-yaml" text={yaml.clone()}
                            file_name={Some(AttrValue::from("csr.yaml"))} on_copy={copy.clone()} on_download={download.clone()} />
                    },
                    Some(Err(problem)) => html! {
                        <div class="output">
                            <label>{ text.output_manifest }</label>
                            <p class="note error" data-testid="manifest-yaml"><span class="badge">{ text.badge_error }</span>{ problem }</p>
                        </div>
                    },
                    None => html! {
                        <div class="output">
                            <label>{ text.output_manifest }</label>
                            <p class="hint" data-testid="manifest-yaml" aria-busy="true">{ text.output_manifest_pending }</p>
                        </div>
                    },
                } } }
                { match &props.cfssl_json {
                    Some(json) => html! {
                        <OutputBlock title={text.output_cfssl_json} testid="cfssl-json" text={json.clone()} secret=true
                            file_name={Some(AttrValue::from("server.json"))} on_copy={copy.clone()} on_download={download} />
                    },
                    None => waiting(text.output_cfssl_json, "cfssl-json", &why),
                } }
            </div>
            <NextSteps commands={props.commands.clone()} on_copy={copy} />
        </div>
    }
}
