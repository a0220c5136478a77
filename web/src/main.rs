//! The entry point of the one wasm module, which runs twice: in the page it mounts the app, and
//! in the key-generation worker (web/worker.js loads the same module) it answers requests.

#[cfg(target_arch = "wasm32")]
fn main() {
    if csrcraft_web::in_worker() {
        csrcraft_web::run_worker();
    } else {
        yew::Renderer::<csrcraft_web::App>::new().render();
    }
}

/// Natively the crate only builds (for clippy and its unit tests); the app runs in a browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "csrcraft-web runs in a browser: scripts/run builds and serves it at http://127.0.0.1:8080/"
    );
}
