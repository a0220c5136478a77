//! Helpers for the native tests: keys and CSRs made by the core's RustCrypto backend, in the
//! shape WebCrypto's side hands them to the page.

#![allow(clippy::unwrap_used)]

use csrcraft::{KeyDocument, KeyFormat, Spec};
use csrcraft_webcrypto::Signed;

use crate::state::{Action, State};

/// A key and CSR for `spec_json`, as `csrcraft_webcrypto::generate` makes them.
pub fn signed(spec_json: &str) -> Signed {
    let spec = Spec::from_json(spec_json).unwrap().value;
    let made = csrcraft::generate(&spec, &mut getrandom::SysRng).unwrap();
    let pkcs8 = made.key.to_pem(KeyFormat::Pkcs8).unwrap();
    Signed {
        key: KeyDocument::from_pem(pkcs8.as_str()).unwrap(),
        public_key: made.request.info().unwrap().public_key,
        request: made.request,
    }
}

/// Generates a key and CSR for the state's spec, as the Generate button does.
pub fn generate(state: &mut State) {
    let id = state.next_id;
    state.apply(Action::Start {
        id,
        what: String::new(),
        at_ms: 0.0,
    });
    let made = Ok(signed(&state.spec_json));
    state.apply(Action::Generated { id, made });
}
