//! What the cluster will do with the CSR: the core's lint findings, live.

use csrcraft::kubernetes::Severity;
use yew::prelude::*;

use crate::derive::{LintSubject, LintView};

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
    let body = match &props.view {
        None => html! { <p class="hint">{ "Checking…" }</p> },
        Some(LintView::Waiting(why)) => html! { <p class="hint">{ why }</p> },
        Some(LintView::Report { subject, findings }) => {
            let about = match subject {
                LintSubject::Generated => "the generated CSR",
                LintSubject::Stale => "the last generated CSR (the spec has changed since)",
                LintSubject::Preview => "a preview CSR from the spec (a throwaway key)",
            };
            let errors = findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count();
            let summary = if errors > 0 {
                html! { <p class="verdict bad">{ format!("✗ The signer will not issue this: {errors} error(s).") }</p> }
            } else {
                html! { <p class="verdict good">{ "✓ Nothing the signer would refuse." }</p> }
            };
            html! {
                <>
                    { summary }
                    <p class="hint">{ format!("Checked: {about}.") }</p>
                    <ul class="findings">
                        { for findings.iter().map(|f| {
                            let class = match f.severity {
                                Severity::Error => "finding sev-error",
                                Severity::Warning => "finding sev-warning",
                                Severity::Note => "finding sev-note",
                            };
                            html! {
                                <li class={class}>
                                    <div><span class="badge">{ f.severity.as_str() }</span><code class="rule">{ f.rule }</code></div>
                                    <p>{ &f.message }</p>
                                    if !f.fix.is_empty() {
                                        <p class="fix"><strong>{ "Fix: " }</strong>{ &f.fix }</p>
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
            <h3>{ "Will the signer issue it?" }</h3>
            { body }
        </div>
    }
}
