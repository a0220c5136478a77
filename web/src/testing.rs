//! Helpers for the native tests: keys and CSRs made by the core's RustCrypto backend, in the
//! shape WebCrypto's side hands them to the page.

#![allow(clippy::unwrap_used, clippy::unreachable)]

use csrcraft::{Idna, KeyDocument, KeyFormat, SignerOutcome, SoftwareVerifier, Spec, UnixTime};
use csrcraft_webcrypto::Signed;

use crate::derive::{self, TrialView};
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

/// Makes the page's test CA as `services::crypto::make_test_ca` does, with RustCrypto's key.
pub fn make_test_ca(state: &mut State) {
    let spec = derive::test_ca_spec(&Idna).unwrap();
    let key = csrcraft::PrivateKey::generate(spec.key_algorithm(), &mut getrandom::SysRng).unwrap();
    let unsigned =
        derive::test_ca_certificate(&spec, &key.public_key_der().unwrap(), NOW, [7; 20]).unwrap();
    let certificate = unsigned.sign(&key, &mut getrandom::SysRng).unwrap();
    let document = KeyDocument::from_pem(key.to_pem(KeyFormat::Pkcs8).unwrap().as_str()).unwrap();
    state.apply(Action::TestCa(Ok(
        derive::test_ca(certificate, document).unwrap()
    )));
}

/// The trial as `services::crypto::trial` runs it, with RustCrypto signing and checking.
pub fn trial(state: &State) -> TrialView {
    let plan = match derive::trial_plan(state) {
        Ok(plan) => plan,
        Err(why) => return TrialView::Waiting(why),
    };
    let outcome = derive::sign_outcome(&plan, NOW, [9; 16], &SoftwareVerifier).unwrap();
    if let Some(view) = derive::not_issued(&outcome) {
        return view;
    }
    let SignerOutcome::Issued(unsigned) = outcome else {
        unreachable!()
    };
    let ca_key = csrcraft::PrivateKey::from_pem(&derive_pem(plan.ca.key())).unwrap();
    let certificate = unsigned.sign(&ca_key, &mut getrandom::SysRng).unwrap();
    TrialView::Issued(derive::issued(
        &plan,
        certificate,
        NOW,
        &SoftwareVerifier,
        &Idna,
    ))
}

fn derive_pem(key: &KeyDocument) -> String {
    key.to_pem(KeyFormat::Pkcs8).unwrap().as_str().to_owned()
}

/// The time the tests sign and verify at: 2026-12-01T00:00:00Z.
pub const NOW: UnixTime = UnixTime(1_796_083_200);
