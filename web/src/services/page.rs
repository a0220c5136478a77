//! The page itself: the unload warning, confirmation prompts, the theme, language and title,
//! and reading form controls.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::i18n::Lang;

/// Asks the browser to warn before the page is closed or reloaded, while it lives.
pub struct UnloadGuard {
    closure: Closure<dyn FnMut(web_sys::BeforeUnloadEvent)>,
}

impl UnloadGuard {
    /// Installs the warning; `None` if the page has no window.
    pub fn install() -> Option<Self> {
        let window = web_sys::window()?;
        let closure = Closure::<dyn FnMut(web_sys::BeforeUnloadEvent)>::new(
            |event: web_sys::BeforeUnloadEvent| {
                event.prevent_default();
                // Older browsers show the prompt only when returnValue is set.
                event.set_return_value(page_lang().text().unload_warning);
            },
        );
        window
            .add_event_listener_with_callback("beforeunload", closure.as_ref().unchecked_ref())
            .ok()?;
        Some(Self { closure })
    }
}

impl Drop for UnloadGuard {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback(
                "beforeunload",
                self.closure.as_ref().unchecked_ref(),
            );
        }
    }
}

/// A yes/no question in the browser's own dialog.
pub fn confirm(question: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(question).ok())
        .unwrap_or(false)
}

/// The browser's preferred language that the page speaks, if any.
pub fn browser_lang() -> Option<Lang> {
    let navigator = web_sys::window()?.navigator();
    navigator
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .chain(navigator.language())
        .find_map(|tag| Lang::from_tag(&tag))
}

/// The language of the page's root element (`<html lang>`, which the app keeps as the
/// reader chose), for the words of the services that are not given a language: the copy and
/// download notices and the unload warning. English when it is not one the page speaks. (An
/// embedded example in another language than its page has its `lang` on its own element, which
/// these do not see.)
pub fn page_lang() -> Lang {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|root| root.get_attribute("lang"))
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_default()
}

/// The SHA-256 (hex) of the wasm the offline edition (`csrcraft.html`, built by scripts/dist)
/// carries, from its `<meta name="csrcraft-wasm-sha256">`; its start script checked the bytes
/// against it before running them. `None` in the served app.
pub fn offline_wasm_sha256() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let meta = document
        .query_selector(r#"meta[name="csrcraft-wasm-sha256"]"#)
        .ok()??;
    meta.get_attribute("content")
        .filter(|hex| hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Sets (or removes) `data-theme`, and sets `lang`, on the root element, and the title.
pub fn set_theme(theme: Option<&str>, lang: &str, title: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    document.set_title(title);
    let Some(root) = document.document_element() else {
        return;
    };
    let _ = root.set_attribute("lang", lang);
    let _ = match theme {
        Some(theme) => root.set_attribute("data-theme", theme),
        None => root.remove_attribute("data-theme"),
    };
}

/// The value of the input, textarea or select an event came from.
pub fn value_of(event: &web_sys::Event) -> String {
    let Some(target) = event.target() else {
        return String::new();
    };
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        input.value()
    } else if let Some(area) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.value()
    } else if let Some(select) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.value()
    } else {
        String::new()
    }
}
