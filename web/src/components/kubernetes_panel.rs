//! The CertificateSigningRequest's settings: name, signer, usages, expiration.

use csrcraft::kubernetes::{KeyUsage, KnownSigner, SIGNER_NAME_FIELD, SignerName};
use yew::prelude::*;

use crate::i18n::use_text;
use crate::services::page::value_of;
use crate::state::CUSTOM_SIGNER;

/// Properties of [`KubernetesPanel`].
#[derive(Properties, PartialEq)]
pub struct KubernetesPanelProps {
    /// `metadata.name` as typed.
    pub name: AttrValue,
    /// The name the manifest will use (typed, or derived from the CSR).
    pub effective_name: Option<AttrValue>,
    /// `spec.signerName`.
    pub signer: AttrValue,
    /// The usages ticked.
    pub usages: Vec<String>,
    /// Are these the defaults?
    pub default_usages: bool,
    /// Expiration as typed.
    pub expiration: AttrValue,
    /// What is wrong with the expiration, if anything.
    pub expiration_error: Option<String>,
    /// Name changed.
    pub on_name: Callback<String>,
    /// Signer changed.
    pub on_signer: Callback<String>,
    /// A usage was ticked or unticked.
    pub on_usage: Callback<String>,
    /// Back to default usages.
    pub on_reset_usages: Callback<()>,
    /// Expiration changed.
    pub on_expiration: Callback<String>,
}

const CUSTOM: &str = "custom";

/// The Kubernetes panel.
#[function_component(KubernetesPanel)]
pub fn kubernetes_panel(props: &KubernetesPanelProps) -> Html {
    let text = use_text();
    let signer = SignerName::new(props.signer.trim());
    let known = signer.known();
    let selected = known.map_or(CUSTOM, KnownSigner::name);
    let on_preset = props.on_signer.reform(|e: Event| {
        let v = value_of(&e);
        if v == CUSTOM {
            CUSTOM_SIGNER.to_owned()
        } else {
            v
        }
    });
    let on_custom = props.on_signer.reform(|e: InputEvent| value_of(&e));
    let explanation = text.signer(known);
    let reset = props.on_reset_usages.reform(|_: MouseEvent| ());
    html! {
        <div class="k8s">
            <div class="row">
                <div class="field">
                    <label for="k-name">{ text.k8s_name }</label>
                    <input id="k-name" data-testid="k8s-name" type="text" spellcheck="false"
                        value={props.name.clone()} oninput={props.on_name.reform(|e: InputEvent| value_of(&e))}
                        placeholder={props.effective_name.clone().unwrap_or_else(|| text.k8s_name_placeholder.into())} />
                </div>
                <div class="field">
                    <label for="k-exp">{ text.k8s_expiration }</label>
                    <input id="k-exp" data-testid="expiration" type="text" spellcheck="false"
                        value={props.expiration.clone()} oninput={props.on_expiration.reform(|e: InputEvent| value_of(&e))}
                        aria-invalid={props.expiration_error.is_some().to_string()} aria-describedby="n-exp" />
                    if let Some(err) = &props.expiration_error {
                        <p class="note error" id="n-exp"><span class="badge">{ text.badge_error }</span>{ err }</p>
                    }
                </div>
            </div>
            <div class="field">
                <label for="k-signer">{ text.k8s_signer }</label>
                <select id="k-signer" data-testid="signer" onchange={on_preset}>
                    { for KnownSigner::ALL.iter().map(|k| html! {
                        <option value={k.name()} selected={selected == k.name()}>{ k.name() }</option>
                    }) }
                    <option value={CUSTOM} selected={selected == CUSTOM}>{ text.k8s_own_signer }</option>
                </select>
                if known.is_none() {
                    <label for="k-signer-custom" class="sub">{ text.k8s_own_signer_name }</label>
                    <input id="k-signer-custom" data-testid="signer-custom" type="text" spellcheck="false"
                        value={props.signer.clone()} oninput={on_custom} />
                    { for signer.syntax_problems().into_iter().map(|problem| html! {
                        <p class="note error"><span class="badge">{ text.badge_error }</span>{ format!("{SIGNER_NAME_FIELD}: {problem}") }</p>
                    }) }
                }
                <p class="hint" data-testid="signer-explanation">{ explanation }</p>
            </div>
            <fieldset class="usages" data-testid="usages">
                <legend>
                    { text.k8s_usages }
                    if props.default_usages {
                        <span class="pill">{ text.k8s_default_usages }</span>
                    } else {
                        <button type="button" class="ghost small" onclick={reset}>{ text.k8s_reset_usages }</button>
                    }
                </legend>
                <div class="checks">
                    { for KeyUsage::ALL.iter().map(|u| {
                        let name = u.as_str();
                        let id = format!("u-{}", name.replace(' ', "-"));
                        let on = props.usages.iter().any(|x| x == name);
                        let toggle = props.on_usage.reform(move |_: Event| name.to_owned());
                        html! {
                            <label class={classes!("check", on.then_some("on"))} for={id.clone()}>
                                <input id={id} type="checkbox" checked={on} onchange={toggle} />
                                { name }
                            </label>
                        }
                    }) }
                </div>
            </fieldset>
        </div>
    }
}
