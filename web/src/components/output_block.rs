//! One result (CSR, key, manifest, cfssl JSON) with copy and download buttons.

use yew::prelude::*;

use crate::i18n::use_text;

/// Properties of [`OutputBlock`].
#[derive(Properties, PartialEq)]
pub struct OutputBlockProps {
    /// Heading.
    pub title: AttrValue,
    /// The text.
    pub text: AttrValue,
    /// `data-testid` of the text.
    pub testid: AttrValue,
    /// The download's file name, if it has a download button.
    #[prop_or_default]
    pub file_name: Option<AttrValue>,
    /// A line under the heading.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Copy (what, text).
    pub on_copy: Callback<(String, String)>,
    /// Download (file name, text).
    pub on_download: Callback<(String, String)>,
    /// Marks secret content.
    #[prop_or_default]
    pub secret: bool,
}

/// One output.
#[function_component(OutputBlock)]
pub fn output_block(props: &OutputBlockProps) -> Html {
    let words = use_text();
    let id = format!("o-{}", props.testid);
    let copy = {
        let (title, text, cb) = (
            props.title.to_string(),
            props.text.clone(),
            props.on_copy.clone(),
        );
        Callback::from(move |_: MouseEvent| cb.emit((title.clone(), text.to_string())))
    };
    let download = props.file_name.clone().map(|file| {
        let (text, cb) = (props.text.clone(), props.on_download.clone());
        Callback::from(move |_: MouseEvent| cb.emit((file.to_string(), text.to_string())))
    });
    let rows = props.text.lines().count().clamp(3, 14).to_string();
    html! {
        <div class={classes!("output", props.secret.then_some("secret"))}>
            <div class="label-row">
                <label for={id.clone()}>{ &props.title }</label>
                <div class="actions">
                    <button type="button" class="ghost small" onclick={copy}
                        data-testid={format!("copy-{}", props.testid)}>{ words.copy }</button>
                    if let (Some(file), Some(download)) = (&props.file_name, download) {
                        <button type="button" class="ghost small" onclick={download}
                            data-testid={format!("download-{}", props.testid)}>{ (words.download)(file) }</button>
                    }
                </div>
            </div>
            if let Some(hint) = &props.hint { <p class="hint">{ hint }</p> }
            <textarea id={id} class="code" readonly=true rows={rows} spellcheck="false"
                data-testid={props.testid.clone()} value={props.text.clone()} />
        </div>
    }
}
