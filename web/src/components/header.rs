//! The title bar with the theme toggle.

use yew::prelude::*;

use crate::state::Theme;

/// Properties of [`Header`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// The current theme.
    pub theme: Theme,
    /// Next theme.
    pub on_theme: Callback<()>,
}

/// The title bar.
#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let on_theme = props.on_theme.reform(|_: MouseEvent| ());
    html! {
        <header class="top">
            <div class="brand">
                <span class="logo" aria-hidden="true">{ "CSR" }</span>
                <div>
                    <h1>{ "csrcraft" }</h1>
                    <p class="tagline">{ "Certificate signing requests where the private key is born and stays: in this page." }</p>
                </div>
            </div>
            <button type="button" class="ghost" data-testid="theme" onclick={on_theme}
                aria-label={format!("{} (click to change)", props.theme.label())}>
                { props.theme.label() }
            </button>
        </header>
    }
}
