//! "Try it without a cluster": what the page's test CA, signing as the chosen signer, does with
//! the generated CSR: the certificate and its verification, or the `Failed` condition and why,
//! or the API server's refusal; the Secret and the CA certificate to download.

use csrcraft::kubernetes::Finding;
use yew::prelude::*;

use super::output_block::OutputBlock;
use super::verify_report::VerifyReportView;
use crate::derive::{TrialView, TrialWaiting};
use crate::i18n::{Text, use_text};

/// Properties of [`TrialPanel`].
#[derive(Properties, PartialEq)]
pub struct TrialPanelProps {
    /// What the signer did, or why it has not yet; `None` before the first answer.
    pub view: Option<TrialView>,
    /// Is a newer answer on its way (what is shown is for earlier settings)?
    pub pending: bool,
    /// `spec.signerName`, as the verdicts name it.
    pub signer: AttrValue,
    /// The test CA's certificate, once made.
    pub ca_pem: Option<AttrValue>,
    /// The `kubernetes.io/tls` Secret for an issued certificate, or what stops it.
    pub secret: Option<Result<AttrValue, String>>,
    /// Copy (what, text).
    pub on_copy: Callback<(String, String)>,
    /// Download (file name, text).
    pub on_download: Callback<(String, String)>,
}

fn why(text: &'static Text, finding: &Finding) -> Html {
    html! {
        <>
            <p data-testid="trial-message">{ &finding.message }</p>
            if !finding.fix.is_empty() {
                <p class="fix"><strong>{ text.lint_fix }</strong>{ text.fix(finding) }</p>
            }
        </>
    }
}

/// The step.
#[function_component(TrialPanel)]
pub fn trial_panel(props: &TrialPanelProps) -> Html {
    let text = use_text();
    let (copy, download) = (props.on_copy.clone(), props.on_download.clone());
    let signer = props.signer.as_str();
    let body = match &props.view {
        None | Some(TrialView::Waiting(TrialWaiting::MakingCa)) => {
            html! { <p class="hint">{ text.try_making_ca }</p> }
        }
        Some(TrialView::Waiting(TrialWaiting::NoCsr)) => {
            html! { <p class="hint">{ text.try_needs_csr }</p> }
        }
        Some(TrialView::Waiting(TrialWaiting::Problem(problem))) => html! {
            <p class="note error"><span class="badge">{ text.badge_error }</span>{ problem }</p>
        },
        Some(TrialView::Refused(finding)) => html! {
            <>
                <p class="verdict bad" data-testid="trial-verdict">{ text.try_refused }</p>
                { why(text, finding) }
            </>
        },
        Some(TrialView::Failed(finding)) => html! {
            <>
                <p class="verdict bad" data-testid="trial-verdict">{ (text.try_failed)(signer) }</p>
                <p class="condition" data-testid="trial-condition">
                    <code>{ "type: Failed" }</code>{ " " }<code>{ "reason: SignerValidationFailure" }</code>
                </p>
                { why(text, finding) }
            </>
        },
        Some(TrialView::Issued(issued)) => html! {
            <>
                <p class="verdict good" data-testid="trial-verdict">{ (text.try_issued)(signer) }</p>
                if issued.own_controller { <p class="hint">{ text.try_own_controller }</p> }
                <OutputBlock title={text.output_certificate} testid="certificate-pem"
                    text={AttrValue::from(issued.certificate_pem.clone())}
                    file_name={Some(AttrValue::from("server.crt"))} on_copy={copy.clone()} on_download={download.clone()} />
                <h3>{ text.try_verify_title }</h3>
                <div data-testid="trial-report">{ match &issued.report {
                    Ok(report) => html! { <VerifyReportView report={report.clone()} /> },
                    Err(e) => html! { <p class="note error"><span class="badge">{ text.badge_error }</span>{ e }</p> },
                } }</div>
                { match &props.secret {
                    Some(Ok(secret)) => html! {
                        <OutputBlock title={text.output_secret} testid="secret-yaml" text={secret.clone()} secret=true
                            hint={Some(AttrValue::from(text.output_secret_hint))}
                            file_name={Some(AttrValue::from("tls-secret.yaml"))} on_copy={copy.clone()} on_download={download.clone()} />
                    },
                    Some(Err(e)) => html! {
                        <p class="note error" data-testid="secret-yaml"><span class="badge">{ text.badge_error }</span>{ e }</p>
                    },
                    None => html! {},
                } }
            </>
        },
    };
    html! {
        <div class={classes!("trial", props.pending.then_some("pending"))} data-testid="trial"
            aria-live="polite" aria-busy={props.pending.to_string()}>
            <p class="hint">{ text.try_intro }</p>
            { body }
            if let Some(ca_pem) = &props.ca_pem {
                <OutputBlock title={text.output_test_ca} testid="ca-pem" text={ca_pem.clone()}
                    hint={Some(AttrValue::from(text.output_test_ca_hint))}
                    file_name={Some(AttrValue::from("ca.crt"))} on_copy={copy} on_download={download} />
            }
        </div>
    }
}
