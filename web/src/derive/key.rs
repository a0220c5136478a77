//! The key as the page hands it out: as generated, or, with a passphrase, as PKCS#8 encrypted
//! under it (PBES2: PBKDF2-HMAC-SHA256, AES-256-CBC), which WebCrypto makes in
//! `services::crypto`.

use std::rc::Rc;

use csrcraft::{KeyDocument, KeyPem};
use zeroize::Zeroizing;

use crate::state::{KeyInputs, State};

/// What the key's output shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyText<'a> {
    /// The key PEM to copy and download: encrypted when a passphrase is set.
    Pem(&'a KeyPem),
    /// Being encrypted under the passphrase just typed; nothing to copy yet.
    Encrypting,
    /// It could not be encrypted: why (the core's or WebCrypto's words).
    Failed(&'a str),
}

/// The key as it is handed out; `None` without a key. With a passphrase, only the key
/// encrypted under that very passphrase: never the plain key, nor one encrypted under an
/// earlier passphrase.
pub fn key_text(state: &State) -> Option<KeyText<'_>> {
    let generated = state.generated.as_ref()?;
    if state.passphrase.is_empty() {
        return Some(KeyText::Pem(&generated.key_pem));
    }
    let current = state
        .protected_key
        .as_ref()
        .filter(|slot| slot.inputs == KeyInputs::of(state));
    Some(match current.map(|slot| &slot.value) {
        Some(Some(Ok(pem))) => KeyText::Pem(pem),
        Some(Some(Err(why))) => KeyText::Failed(why),
        _ => KeyText::Encrypting,
    })
}

/// What to encrypt under what; `None` without a key or a passphrase.
pub fn protect_plan(state: &State) -> Option<(Rc<KeyDocument>, Zeroizing<String>)> {
    let generated = state.generated.as_ref()?;
    (!state.passphrase.is_empty()).then(|| (generated.key.clone(), state.passphrase.clone()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use std::rc::Rc;

    use csrcraft::KeyDocument;
    use zeroize::Zeroizing;

    use super::*;
    use crate::state::Action;
    use crate::testing::generate;

    fn passphrase(state: &mut State, text: &str) {
        state.apply(Action::Passphrase(Zeroizing::new(text.to_owned())));
    }

    /// What `services::crypto::protect_key` does, with the core's pkcs5 backend.
    fn protect(state: &State) -> Option<Result<Rc<KeyPem>, String>> {
        let (key, passphrase) = protect_plan(state)?;
        Some(
            key.to_encrypted_pem(passphrase.as_bytes(), &mut getrandom::SysRng)
                .map(Rc::new)
                .map_err(|e| e.to_string()),
        )
    }

    #[test]
    fn without_a_passphrase_the_key_is_as_generated() {
        let mut state = State::default();
        assert_eq!(key_text(&state), None);
        generate(&mut state);
        assert!(protect_plan(&state).is_none());
        let Some(KeyText::Pem(pem)) = key_text(&state) else {
            panic!("no key")
        };
        assert!(pem.as_str().starts_with("-----BEGIN EC PRIVATE KEY-----"));
    }

    #[test]
    fn with_a_passphrase_only_the_key_encrypted_under_it_is_handed_out() {
        let mut state = State::default();
        generate(&mut state);
        passphrase(&mut state, "correct horse");
        assert_eq!(
            key_text(&state),
            Some(KeyText::Encrypting),
            "never the plain key"
        );
        let asked = KeyInputs::of(&state);
        let answer = protect(&state);
        passphrase(&mut state, "correct horse battery");
        state.apply(Action::ProtectedKey(asked, answer));
        assert_eq!(
            key_text(&state),
            Some(KeyText::Encrypting),
            "not the key under the earlier passphrase"
        );
        let current = KeyInputs::of(&state);
        state.apply(Action::ProtectedKey(current, protect(&state)));
        let Some(KeyText::Pem(pem)) = key_text(&state) else {
            panic!("no key: {:?}", key_text(&state))
        };
        assert!(
            pem.as_str()
                .starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----")
        );
        let opened =
            KeyDocument::from_pem_with_passphrase(pem.as_str(), b"correct horse battery").unwrap();
        let generated = state.generated.as_ref().unwrap();
        assert_eq!(opened.public_key_der(), generated.key.public_key_der());
        assert!(KeyDocument::from_pem_with_passphrase(pem.as_str(), b"correct horse").is_err());
        let json = crate::derive::cfssl_json(generated, pem.as_str());
        assert!(json.contains("ENCRYPTED PRIVATE KEY"), "{}", json.as_str());
    }

    #[test]
    fn forget_drops_the_passphrase_and_a_new_key_is_encrypted_again() {
        let mut state = State::default();
        generate(&mut state);
        passphrase(&mut state, "pw");
        let inputs = KeyInputs::of(&state);
        state.apply(Action::ProtectedKey(inputs, protect(&state)));
        assert!(matches!(key_text(&state), Some(KeyText::Pem(_))));
        generate(&mut state);
        assert_eq!(
            key_text(&state),
            Some(KeyText::Encrypting),
            "a new key waits for its own"
        );
        state.apply(Action::Forget);
        assert!(state.passphrase.is_empty() && state.protected_key.is_none());
    }
}
