//! The title bar with the theme toggle and the language switch.

use yew::prelude::*;

use crate::i18n::use_text;
use crate::state::Theme;

/// Properties of [`Header`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// The current theme.
    pub theme: Theme,
    /// Next theme.
    pub on_theme: Callback<()>,
    /// The other language.
    pub on_lang: Callback<()>,
}

/// The title bar.
#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let text = use_text();
    let on_theme = props.on_theme.reform(|_: MouseEvent| ());
    let on_lang = props.on_lang.reform(|_: MouseEvent| ());
    let theme = match props.theme {
        Theme::System => text.theme_system,
        Theme::Light => text.theme_light,
        Theme::Dark => text.theme_dark,
    };
    html! {
        <header class="top">
            <div class="brand">
                <span class="logo" aria-hidden="true">{ "CSR" }</span>
                <div>
                    <h1>{ "csrcraft" }</h1>
                    <p class="tagline">{ text.tagline }</p>
                </div>
            </div>
            <div class="switches">
                <button type="button" class="ghost" data-testid="lang" onclick={on_lang}>
                    { text.switch_language }
                </button>
                <button type="button" class="ghost" data-testid="theme" onclick={on_theme}
                    aria-label={(text.theme_button)(theme)}>
                    { theme }
                </button>
            </div>
        </header>
    }
}
