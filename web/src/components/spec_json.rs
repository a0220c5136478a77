//! The raw cfssl JSON, with every note the core has about it.

use yew::prelude::*;

use super::Notes;
use super::field_notes::FieldNotes;
use crate::i18n::use_text;
use crate::services::page::value_of;

/// Properties of [`SpecJson`].
#[derive(Properties, PartialEq)]
pub struct SpecJsonProps {
    /// The JSON text.
    pub text: AttrValue,
    /// The core's errors and warnings.
    pub notes: Notes,
    /// The text changed.
    pub on_input: Callback<String>,
    /// Load the tutorial's example; `None` shows no such button.
    #[prop_or_default]
    pub on_example: Option<Callback<()>>,
    /// Shown, not edited.
    #[prop_or_default]
    pub readonly: bool,
}

/// The JSON editor.
#[function_component(SpecJson)]
pub fn spec_json(props: &SpecJsonProps) -> Html {
    let text = use_text();
    let on_input = props.on_input.reform(|e: InputEvent| value_of(&e));
    let example = props.on_example.as_ref().map(|on_example| {
        let on_example = on_example.reform(|_: MouseEvent| ());
        html! {
            <div class="label-row">
                <button type="button" class="ghost" data-testid="load-example" onclick={on_example}>
                    { text.load_example }
                </button>
            </div>
        }
    });
    let state = if props.notes.has_error() {
        html! { <span class="pill bad">{ text.spec_not_usable }</span> }
    } else {
        html! { <span class="pill good">{ text.spec_valid }</span> }
    };
    html! {
        <div class="spec-json">
            <div class="label-row">
                <label for="f-json">{ text.spec_json_label }</label>
                { state }
            </div>
            <textarea id="f-json" data-testid="spec-json" class="code" rows="22" spellcheck="false"
                value={props.text.clone()} oninput={on_input} aria-describedby="n-json"
                readonly={props.readonly} />
            { for example }
            <div data-testid="spec-notes" aria-live="polite">
                <FieldNotes id="n-json" notes={props.notes.0.clone()} with_field=true />
            </div>
        </div>
    }
}
