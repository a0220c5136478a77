//! Work that awaits the browser (WebCrypto), run on the page's event loop.

use std::future::Future;

/// Runs `work` and hands its result to `done`; the page stays free while it waits.
pub fn spawn<T: 'static>(work: impl Future<Output = T> + 'static, done: impl FnOnce(T) + 'static) {
    wasm_bindgen_futures::spawn_local(async move { done(work.await) });
}
