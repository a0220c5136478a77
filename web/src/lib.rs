//! csrcraft in the browser: a Yew app over the `csrcraft` core, where the private key is
//! generated (in a web worker) and kept in the page's memory only.
//!
//! One wasm module serves both sides: `src/main.rs` mounts [`App`] in the page, and runs
//! [`run_worker`] when [`in_worker`] says it was loaded by the key-generation worker.
//!
//! `state` holds the state and its verbs, `derive` computes what the page shows by calling
//! the core, `form` keeps the spec form and the cfssl JSON in sync, `protocol` is what the page
//! and the worker say to each other, `components/` draws, and `services/` is the only module
//! that touches browser APIs.

mod app;
mod components;
mod derive;
mod form;
mod protocol;
mod services;
mod state;

pub use crate::app::App;

/// Is this module running in a worker (no `window`)?
pub fn in_worker() -> bool {
    services::page::in_worker()
}

/// The worker's entry point: answers key-generation requests from the page.
pub fn run_worker() {
    services::worker_side::run();
}
