//! The core's verification report: PASS or the number of failures, and a row per check.

use csrcraft::{Outcome, VerifyReport};
use yew::prelude::*;

use crate::i18n::use_text;

/// Properties of [`VerifyReportView`].
#[derive(Properties, PartialEq)]
pub struct VerifyReportProps {
    /// The report.
    pub report: VerifyReport,
}

/// The verdict and the table of checks.
#[function_component(VerifyReportView)]
pub fn verify_report(props: &VerifyReportProps) -> Html {
    let text = use_text();
    let report = &props.report;
    let verdict = if report.passed() {
        html! { <p class="verdict good">{ text.verify_passed }</p> }
    } else {
        html! { <p class="verdict bad">{ (text.verify_failed)(&report.failures().to_string()) }</p> }
    };
    html! {
        <>
            { verdict }
            <table class="checks-table">
                <thead><tr>
                    <th scope="col">{ text.verify_column_check }</th>
                    <th scope="col">{ text.verify_column_result }</th>
                    <th scope="col">{ text.verify_column_why }</th>
                </tr></thead>
                <tbody>
                    { for report.checks.iter().map(|c| {
                        let class = match c.outcome {
                            Outcome::Pass => "pass",
                            Outcome::Fail => "fail",
                            Outcome::Skipped => "skipped",
                        };
                        html! {
                            <tr class={class} data-check={c.name}>
                                <td>{ text.check(c.name) }</td>
                                <td><span class="badge">{ text.outcome(c.outcome) }</span></td>
                                <td>{ &c.detail }
                                    { for c.notes.iter().map(|n| html! { <div class="hint">{ n }</div> }) }
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </>
    }
}
