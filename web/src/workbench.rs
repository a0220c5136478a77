//! What the app and the embeddable example share: the state, its effects, and the callbacks
//! the steps' components are wired to. `sections` lays them out.

use std::rc::Rc;

use csrcraft::{Error, Parsed, Spec};
use yew::prelude::*;

use crate::derive;
use crate::hooks::{use_checked_views, use_test_ca, use_ticker};
use crate::i18n::Text;
use crate::services::clock::now_ms;
use crate::services::domains::domains;
use crate::services::page::confirm;
use crate::services::{clipboard, crypto, download, task};
use crate::state::{Action, Job, State};

/// The state and the callbacks every step uses.
#[derive(Clone, PartialEq)]
pub struct Workbench {
    /// The state.
    pub state: UseReducerHandle<State>,
    /// The spec as the core reads it.
    pub spec: Rc<Result<Parsed<Spec>, Error>>,
    /// Why this browser cannot make keys, if it cannot.
    pub unavailable: Rc<Option<String>>,
    /// Dispatches a verb.
    pub act: Callback<Action>,
    /// Copy (what, text).
    pub on_copy: Callback<(String, String)>,
    /// Download (file name, text).
    pub on_download: Callback<(String, String)>,
    /// Generate a key and CSR.
    pub on_generate: Callback<()>,
    /// Forget the key.
    pub on_forget: Callback<()>,
}

/// The state, started from `initial`, with the views that await WebCrypto kept up to date;
/// `trial`: the "Try it without a cluster" step shows (so a test CA is made).
#[hook]
pub fn use_workbench(initial: impl FnOnce() -> State + 'static, trial: bool) -> Workbench {
    let state = use_reducer(initial);
    let dispatch = state.dispatcher();
    let act = dispatch.to_callback();
    let unavailable = use_memo((), |_| crypto::unavailable());
    use_checked_views(&state);
    use_test_ca(&state, trial);
    use_ticker(&state);
    let spec = use_memo(state.spec_json.clone(), |json| {
        derive::check_spec(json, domains())
    });
    let text = state.lang.text();

    let notice = act.reform(Action::Notice);
    let on_copy = Callback::from({
        let notice = notice.clone();
        move |(what, content): (String, String)| {
            clipboard::copy(content, what, text, notice.clone())
        }
    });
    let on_download = Callback::from(move |(file, content): (String, String)| {
        notice.emit(match download::save(&file, &content, text) {
            Ok(()) => (text.saved)(&file),
            Err(e) => e,
        })
    });
    let on_generate = {
        let state = state.clone();
        Callback::from(move |()| generate(&state, text))
    };
    let on_forget = Callback::from(move |()| {
        if confirm(text.confirm_forget) {
            dispatch.dispatch(Action::Forget);
        }
    });
    Workbench {
        state,
        spec,
        unavailable,
        act,
        on_copy,
        on_download,
        on_generate,
        on_forget,
    }
}

/// Starts a key generation from the current spec, unless one runs or the reader keeps the key.
fn generate(state: &UseReducerHandle<State>, text: &'static Text) {
    if matches!(state.job, Job::Running { .. }) {
        return;
    }
    if state.holds_key() && !confirm(text.confirm_regenerate) {
        return;
    }
    let dispatch = state.dispatcher();
    let spec = match derive::check_spec(&state.spec_json, domains()) {
        Ok(parsed) => parsed.value,
        Err(e) => return dispatch.dispatch(Action::Notice(e.to_string())),
    };
    let id = state.next_id;
    dispatch.dispatch(Action::Start {
        id,
        what: spec.key_algorithm().to_string(),
        at_ms: now_ms(),
    });
    task::spawn(crypto::generate(spec), move |made| {
        dispatch.dispatch(Action::Generated { id, made })
    });
}
