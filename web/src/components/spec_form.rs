//! The spec as a form: CN, hosts, key, names.

use yew::prelude::*;

use super::Notes;
use super::field_notes::FieldNotes;
use crate::form::{FormEdit, NAME_KEYS, SpecForm, sizes};
use crate::i18n::use_text;
use crate::services::page::value_of;

/// Properties of [`SpecFormView`].
#[derive(Properties, PartialEq)]
pub struct SpecFormProps {
    /// The form's values.
    pub form: SpecForm,
    /// The core's errors and warnings.
    pub notes: Notes,
    /// One edit.
    pub on_edit: Callback<FormEdit>,
}

/// The spec form.
#[function_component(SpecFormView)]
pub fn spec_form(props: &SpecFormProps) -> Html {
    let text = use_text();
    let name_labels = [
        text.name_country,
        text.name_state,
        text.name_locality,
        text.name_organization,
        text.name_unit,
    ];
    let form = &props.form;
    let edit = |make: fn(String) -> FormEdit| {
        props
            .on_edit
            .reform(move |e: InputEvent| make(value_of(&e)))
    };
    let change =
        |make: fn(String) -> FormEdit| props.on_edit.reform(move |e: Event| make(value_of(&e)));
    let mut size_options = sizes(&form.algo);
    if !form.size.is_empty() && !size_options.contains(&form.size) {
        size_options.push(form.size.clone());
    }
    let add_name = props.on_edit.reform(|_: MouseEvent| FormEdit::AddName);

    html! {
        <div class="spec-form">
            <div class="field">
                <label for="f-cn">{ text.form_common_name }</label>
                <input id="f-cn" data-testid="form-cn" type="text" spellcheck="false"
                    value={form.common_name.clone()} oninput={edit(FormEdit::CommonName)}
                    placeholder="web.example.com" aria-describedby="n-cn" />
                <FieldNotes id="n-cn" notes={props.notes.under("CN")} />
            </div>
            <div class="field">
                <label for="f-hosts">{ text.form_hosts }</label>
                <textarea id="f-hosts" data-testid="form-hosts" rows="4" spellcheck="false"
                    value={form.hosts.clone()} oninput={edit(FormEdit::Hosts)}
                    placeholder={"web.example.com\n10.0.0.1"} aria-describedby="n-hosts" />
                <p class="hint">{ text.form_hosts_hint }</p>
                <FieldNotes id="n-hosts" notes={props.notes.under("hosts")} with_field=true />
            </div>
            <div class="row">
                <div class="field">
                    <label for="f-algo">{ text.form_algo }</label>
                    <select id="f-algo" data-testid="form-algo" onchange={change(FormEdit::Algo)}>
                        { for [("ecdsa", "ECDSA"), ("rsa", "RSA"), ("ed25519", "Ed25519")].iter().map(|(v, l)| html! {
                            <option value={*v} selected={form.algo == *v}>{ *l }</option>
                        }) }
                        if !["ecdsa", "rsa", "ed25519"].contains(&form.algo.as_str()) {
                            <option value={form.algo.clone()} selected=true>{ &form.algo }</option>
                        }
                    </select>
                </div>
                <div class="field">
                    <label for="f-size">{ text.form_size }</label>
                    <select id="f-size" data-testid="form-size" onchange={change(FormEdit::Size)}
                        disabled={size_options.is_empty()}>
                        if size_options.is_empty() {
                            <option value="" selected=true>{ text.form_size_fixed }</option>
                        }
                        { for size_options.into_iter().map(|v| html! {
                            <option value={v.clone()} selected={form.size == v}>{ v }</option>
                        }) }
                    </select>
                </div>
            </div>
            <FieldNotes notes={props.notes.under("key")} with_field=true />
            <fieldset class="names">
                <legend>{ text.form_names }</legend>
                { for form.names.iter().enumerate().map(|(i, row)| {
                    let remove = props.on_edit.reform(move |_: MouseEvent| FormEdit::RemoveName(i));
                    html! {
                        <div class="name-row" data-testid={format!("name-row-{i}")}>
                            { for NAME_KEYS.iter().zip(name_labels).map(|(key, label)| {
                                let key: &'static str = key;
                                let id = format!("f-name-{i}-{key}");
                                let on_input = props.on_edit.reform(move |e: InputEvent| FormEdit::Name(i, key, value_of(&e)));
                                html! {
                                    <div class="field small">
                                        <label for={id.clone()}>{ label }</label>
                                        <input id={id} type="text" value={row.get(key).to_owned()} oninput={on_input} spellcheck="false" />
                                    </div>
                                }
                            }) }
                            <button type="button" class="ghost remove" onclick={remove}
                                aria-label={(text.remove_names_entry)(&(i + 1).to_string())}>{ text.remove }</button>
                            <div class="full"><FieldNotes notes={props.notes.under(&format!("names[{i}]"))} with_field=true /></div>
                        </div>
                    }
                }) }
                <button type="button" class="ghost" data-testid="add-name" onclick={add_name}>{ text.add_names_entry }</button>
                <FieldNotes notes={props.notes.under("names").into_iter().filter(|n| n.field == "names").collect::<Vec<_>>()} />
            </fieldset>
        </div>
    }
}
