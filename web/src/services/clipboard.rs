//! Copy text to the clipboard.

use wasm_bindgen_futures::JsFuture;
use yew::Callback;

/// Copies `text`; `done` gets a message for the status line either way.
pub fn copy(text: String, what: String, done: Callback<String>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = window.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        let message = match JsFuture::from(promise).await {
            Ok(_) => format!("Copied {what} to the clipboard."),
            Err(_) => format!("Could not copy {what}: the browser refused clipboard access."),
        };
        done.emit(message);
    });
}
