//! Copy text to the clipboard.

use wasm_bindgen_futures::JsFuture;
use yew::Callback;

use crate::i18n::Text;

/// Copies `text`; `done` gets a message for the status line either way, in `words`, naming
/// `what` (in the reader's words already).
pub fn copy(text: String, what: String, words: &'static Text, done: Callback<String>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = window.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        let message = match JsFuture::from(promise).await {
            Ok(_) => (words.copied)(&what),
            Err(_) => (words.copy_refused)(&what),
        };
        done.emit(message);
    });
}
