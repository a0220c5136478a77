//! The page's effects: the views that await WebCrypto, restarted whenever their inputs change
//! and reported back to the reducer; the progress ticker; the unload guard; the theme.

use std::future::Future;

use yew::prelude::*;

use crate::derive;
use crate::i18n::Lang;
use crate::services::clock::{Ticker, now_ms, unix_now};
use crate::services::domains::domains;
use crate::services::page::{UnloadGuard, set_theme};
use crate::services::{crypto, task};
use crate::state::{
    Action, InspectInputs, Job, KeyInputs, LintInputs, ManifestInputs, State, Theme, TrialInputs,
    VerifyInputs,
};

/// Keeps the lint, the manifest, the verification, the inspect view, the trial and the key
/// encrypted under the passphrase up to date.
#[hook]
pub fn use_checked_views(state: &UseReducerHandle<State>) {
    use_task(
        state,
        LintInputs::of(state),
        |state, _| {
            let plan = derive::lint_plan(state, domains());
            crypto::lint(plan, derive::lint_options(state))
        },
        Action::Lint,
    );
    use_task(
        state,
        ManifestInputs::of(state),
        |state, _| {
            let request = state.generated.as_ref().map(|g| g.request.clone());
            crypto::manifest(request, derive::manifest_options(state), state.lang.text())
        },
        Action::Manifest,
    );
    use_task(
        state,
        VerifyInputs::of(state),
        |state, inputs| {
            let generated = state
                .generated
                .as_ref()
                .map(|g| (g.public_key.clone(), g.request.clone()));
            crypto::verify(inputs.clone(), generated, unix_now())
        },
        Action::Verify,
    );
    use_task(
        state,
        InspectInputs::of(state),
        |_, inputs| crypto::inspect(inputs.cert.clone(), unix_now()),
        Action::Inspect,
    );
    use_task(
        state,
        TrialInputs::of(state),
        |state, _| crypto::trial(derive::trial_plan(state), unix_now()),
        Action::Trial,
    );
    use_task(
        state,
        KeyInputs::of(state),
        |state, _| crypto::protect_key(derive::protect_plan(state)),
        Action::ProtectedKey,
    );
}

/// Makes the test CA, once per page session, when the trial step shows and a CSR is there to
/// sign; without the CA the trial waits and signs nothing.
#[hook]
pub fn use_test_ca(state: &UseReducerHandle<State>, shown: bool) {
    let wanted = shown && state.generated.is_some() && state.test_ca.is_none();
    let dispatch = state.dispatcher();
    use_effect_with(wanted, move |&wanted| {
        if wanted {
            task::spawn(crypto::make_test_ca(unix_now()), move |made| {
                dispatch.dispatch(Action::TestCa(made))
            });
        }
    });
}

/// Starts `start`'s work each time `inputs` change (and at first render), and dispatches
/// `report(inputs, result)` when it is done; the reducer drops a result whose inputs have
/// changed meanwhile.
#[hook]
fn use_task<K, W>(
    state: &UseReducerHandle<State>,
    inputs: K,
    start: fn(&State, &K) -> W,
    report: fn(K, W::Output) -> Action,
) where
    K: PartialEq + Clone + 'static,
    W: Future + 'static,
{
    let state = state.clone();
    use_effect_with(inputs, move |inputs| {
        let dispatch = state.dispatcher();
        let asked = inputs.clone();
        task::spawn(start(&state, inputs), move |result| {
            dispatch.dispatch(report(asked, result))
        });
    });
}

/// A clock that ticks while a key is being generated, for its elapsed time.
#[hook]
pub fn use_ticker(state: &UseReducerHandle<State>) {
    let running = match &state.job {
        Job::Running { id, .. } => Some(*id),
        _ => None,
    };
    let dispatch = state.dispatcher();
    use_effect_with(running, move |running| {
        let ticker = running
            .and_then(|_| Ticker::start(100, move || dispatch.dispatch(Action::Tick(now_ms()))));
        move || drop(ticker)
    });
}

/// Warns before a reload or close would lose the key.
#[hook]
pub fn use_unload_guard(holds_key: bool) {
    use_effect_with(holds_key, |&holds| {
        let guard = if holds { UnloadGuard::install() } else { None };
        move || drop(guard)
    });
}

/// Sets the page's theme, its language attribute and its title.
#[hook]
pub fn use_theme(theme: Theme, lang: Lang) {
    use_effect_with((theme, lang), |(theme, lang)| {
        set_theme(theme.attribute(), lang.tag(), lang.text().page_title)
    });
}
