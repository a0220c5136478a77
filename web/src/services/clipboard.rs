//! Copy text to the clipboard.

use wasm_bindgen_futures::JsFuture;
use yew::Callback;

use super::page::page_lang;

/// Copies `text`; `done` gets a message for the status line either way, in the page's
/// language, naming `what` (in the reader's words already).
pub fn copy(text: String, what: String, done: Callback<String>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = window.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        let text = page_lang().text();
        let message = match JsFuture::from(promise).await {
            Ok(_) => (text.copied)(&what),
            Err(_) => (text.copy_refused)(&what),
        };
        done.emit(message);
    });
}
