//! The worker's own side: listen for requests, answer with [`crate::protocol::answer`].

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::protocol::{READY, answer};

/// Runs in the worker: installs the message handler and says it is ready.
pub fn run() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let request = event.data().as_string().unwrap_or_default();
            let text = answer(&request, &mut getrandom::SysRng);
            let _ = reply_to.post_message(&text.as_str().into());
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&READY.into());
}
