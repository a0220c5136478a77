//! The core's errors and warnings, shown beside the field they name.

use yew::prelude::*;

use super::Note;
use crate::i18n::use_text;

/// Properties of [`FieldNotes`].
#[derive(Properties, PartialEq)]
pub struct FieldNotesProps {
    /// The notes to show.
    pub notes: Vec<Note>,
    /// The element id, for `aria-describedby`.
    #[prop_or_default]
    pub id: AttrValue,
    /// Show each note's field path too.
    #[prop_or_default]
    pub with_field: bool,
}

/// A list of notes; nothing when there are none.
#[function_component(FieldNotes)]
pub fn field_notes(props: &FieldNotesProps) -> Html {
    let text = use_text();
    if props.notes.is_empty() {
        return html! {};
    }
    html! {
        <ul class="notes" id={props.id.clone()}>
            { for props.notes.iter().map(|n| {
                let class = if n.error { "note error" } else { "note warning" };
                let label = if n.error { text.badge_error } else { text.badge_warning };
                html! {
                    <li class={class}>
                        <span class="badge">{ label }</span>
                        if props.with_field && !n.field.is_empty() {
                            <code class="field">{ &n.field }</code>
                        }
                        <span>{ &n.text }</span>
                    </li>
                }
            }) }
        </ul>
    }
}
