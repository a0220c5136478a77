//! The page: the workbench with every step, the title bar with its theme and language
//! switches, and the status line.

use yew::prelude::*;

use crate::components::header::Header;
use crate::hooks::{use_theme, use_unload_guard};
use crate::i18n::Lang;
use crate::sections::{Layout, Panels, spec_form, steps};
use crate::services::page::{browser_lang, offline_wasm_sha256};
use crate::state::{Action, State};
use crate::workbench::use_workbench;

/// The whole app.
#[function_component(App)]
pub fn app() -> Html {
    let wb = use_workbench(
        || State {
            lang: browser_lang().unwrap_or_default(),
            ..State::default()
        },
        Panels::ALL.sign,
    );
    let state = &wb.state;
    use_unload_guard(state.holds_key());
    use_theme(state.theme, state.lang);
    let offline = use_memo((), |()| offline_wasm_sha256());
    let text = state.lang.text();
    let other = match state.lang {
        Lang::En => Lang::ZhCn,
        Lang::ZhCn => Lang::En,
    };
    let version = env!("CARGO_PKG_VERSION");
    let edition = match offline.as_ref() {
        Some(sha256) => (text.edition_offline)(version, sha256),
        None => (text.edition)(version),
    };
    let layout = Layout {
        panels: Panels::ALL,
        readonly: false,
        spec_form: Some(spec_form),
    };
    html! {
        <ContextProvider<Lang> context={state.lang}>
            <Header theme={state.theme} on_theme={wb.act.reform(|()| Action::Theme)}
                on_lang={wb.act.reform(move |()| Action::Lang(other))} />
            <main>{ steps(&wb, layout) }</main>
            <footer>
                <p class="status" data-testid="status" role="status" aria-live="polite">{ &state.notice }</p>
                <p class="hint">{ text.footer }</p>
                <p class="hint edition" data-testid="edition">{ edition }</p>
            </footer>
        </ContextProvider<Lang>>
    }
}
