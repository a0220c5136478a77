//! The entry point: mounts the app in the page.

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<csrcraft_web::App>::new().render();
}

/// Natively the crate only builds (for clippy and its unit tests); the app runs in a browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "csrcraft-web runs in a browser: scripts/run builds and serves it at http://127.0.0.1:8080/"
    );
}
