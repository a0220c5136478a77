//! What the cluster will do with the CSR: the core's lint findings, live.

use csrcraft::kubernetes::Severity;
use yew::prelude::*;

use crate::derive::{LintSubject, LintView, Waiting};
use crate::i18n::use_text;

/// Properties of [`LintFindings`].
#[derive(Properties, PartialEq)]
pub struct LintFindingsProps {
    /// The findings, or why there are none yet; `None` before the first check.
    pub view: Option<LintView>,
    /// Is a newer check still running (the view shown is for earlier settings)?
    pub pending: bool,
}

/// The lint panel.
#[function_component(LintFindings)]
pub fn lint_findings(props: &LintFindingsProps) -> Html {
    let text = use_text();
    let body = match &props.view {
        None => html! { <p class="hint">{ text.lint_checking }</p> },
        Some(LintView::Waiting(why)) => {
            let why = match why {
                Waiting::Spec(error) => (text.lint_fix_spec)(error),
                Waiting::Rsa => text.lint_rsa_waits.to_owned(),
                Waiting::NoPreview(error) => (text.lint_no_preview)(error),
                Waiting::Failed(error) => error.clone(),
            };
            html! { <p class="hint">{ why }</p> }
        }
        Some(LintView::Report { subject, findings }) => {
            let about = match subject {
                LintSubject::Generated => text.lint_generated,
                LintSubject::Stale => text.lint_stale,
                LintSubject::Preview => text.lint_preview,
            };
            let errors = findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count();
            let summary = if errors > 0 {
                html! { <p class="verdict bad">{ (text.lint_refused)(&errors.to_string()) }</p> }
            } else {
                html! { <p class="verdict good">{ text.lint_clean }</p> }
            };
            html! {
                <>
                    { summary }
                    <p class="hint">{ (text.lint_checked)(about) }</p>
                    <ul class="findings">
                        { for findings.iter().map(|f| {
                            let class = match f.severity {
                                Severity::Error => "finding sev-error",
                                Severity::Warning => "finding sev-warning",
                                Severity::Note => "finding sev-note",
                            };
                            html! {
                                <li class={class}>
                                    <div><span class="badge">{ text.severity(f.severity) }</span><code class="rule">{ f.rule }</code></div>
                                    <p>{ &f.message }</p>
                                    if !f.fix.is_empty() {
                                        <p class="fix"><strong>{ text.lint_fix }</strong>{ text.fix(f) }</p>
                                    }
                                </li>
                            }
                        }) }
                    </ul>
                </>
            }
        }
    };
    html! {
        <div class={classes!("lint", props.pending.then_some("pending"))} data-testid="lint-findings"
            aria-live="polite" aria-busy={props.pending.to_string()}>
            <h3>{ text.lint_title }</h3>
            { body }
        </div>
    }
}
