//! Everything Generate made: CSR, key, manifest, cfssl JSON, and the next commands.

use yew::prelude::*;

use super::next_steps::NextSteps;
use super::output_block::OutputBlock;
use crate::i18n::use_text;

/// Properties of [`Outputs`].
#[derive(Properties, PartialEq)]
pub struct OutputsProps {
    /// CSR PEM.
    pub csr_pem: AttrValue,
    /// Key PEM.
    pub key_pem: AttrValue,
    /// The cfssl `{"csr","key"}` line.
    pub cfssl_json: AttrValue,
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
    html! {
        <div class="outputs">
            if props.stale {
                <p class="note warning"><span class="badge">{ text.badge_warning }</span>
                    { text.outputs_stale }</p>
            }
            <div class="two">
                <OutputBlock title={text.output_csr} testid="csr-pem" text={props.csr_pem.clone()}
                    file_name={Some(AttrValue::from("server.csr"))} on_copy={copy.clone()} on_download={download.clone()} />
                <OutputBlock title={text.output_key} testid="key-pem" text={props.key_pem.clone()} secret=true
                    hint={Some(AttrValue::from(text.output_key_hint))}
                    file_name={Some(AttrValue::from("server-key.pem"))} on_copy={copy.clone()} on_download={download.clone()} />
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
                <OutputBlock title={text.output_cfssl_json} testid="cfssl-json" text={props.cfssl_json.clone()} secret=true
                    file_name={Some(AttrValue::from("server.json"))} on_copy={copy.clone()} on_download={download} />
            </div>
            <NextSteps commands={props.commands.clone()} on_copy={copy} />
        </div>
    }
}
