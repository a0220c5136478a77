//! Lint: before `kubectl apply`, what the cluster will do with a CSR sent to a
//! signer: refuse it on create (API validation and admission), end it
//! `Approved,Failed` after approval (the in-tree signers' checks), or sign
//! it; and what to change so that it is signed.
//!
//! The rules and messages are upstream's (k8s.io/kubernetes
//! `pkg/apis/certificates`, `pkg/controller/certificates/signer`,
//! `plugin/pkg/admission/certificates`). Files: `api.rs` for what the API
//! server checks on create, `signers.rs` for each signer's own checks,
//! `guidance.rs` for warnings and notes on what happens next.

mod api;
mod guidance;
mod report;
mod signers;

use std::fmt;

pub use self::report::LintReport;
use super::signer::{KnownSigner, SignerName, default_usages};
use super::usage::KeyUsage;
use crate::{KeyAlgorithm, RequestInfo};

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The cluster will refuse the CSR on create, or fail it after approval
    /// (`Approved,Failed`, reason `SignerValidationFailure`).
    Error,
    /// The cluster will sign it, but the result is probably not what was meant.
    Warning,
    /// What happens next, and what it takes.
    Note,
}

impl Severity {
    /// `error`, `warning` or `note`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One thing lint found.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Finding {
    /// How bad it is.
    pub severity: Severity,
    /// A stable id, e.g. `kubelet-serving/organization`.
    pub rule: &'static str,
    /// What is wrong, in upstream's own words where upstream has them.
    pub message: String,
    /// What to do: the spec line, usage or signer to use, or the command to run.
    pub fix: String,
}

impl Finding {
    fn new(
        severity: Severity,
        rule: &'static str,
        message: impl Into<String>,
        fix: impl Into<String>,
    ) -> Self {
        Self {
            severity,
            rule,
            message: message.into(),
            fix: fix.into(),
        }
    }

    fn error(rule: &'static str, message: impl Into<String>, fix: impl Into<String>) -> Self {
        Self::new(Severity::Error, rule, message, fix)
    }

    fn warning(rule: &'static str, message: impl Into<String>, fix: impl Into<String>) -> Self {
        Self::new(Severity::Warning, rule, message, fix)
    }

    fn note(rule: &'static str, message: impl Into<String>, fix: impl Into<String>) -> Self {
        Self::new(Severity::Note, rule, message, fix)
    }
}

/// The parts of a CertificateSigningRequest's `spec` besides the CSR itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LintOptions {
    /// `spec.signerName`.
    pub signer: SignerName,
    /// `spec.usages` exactly as they would be written, unchecked; `None` for
    /// the defaults of [`default_usages`].
    pub usages: Option<Vec<String>>,
    /// `spec.expirationSeconds`, unchecked (lint reports one out of range).
    pub expiration_seconds: Option<u64>,
}

impl LintOptions {
    /// The usages lint checks: the ones given, or the signer's defaults for
    /// the request's key and names.
    pub fn effective_usages(&self, request: &RequestInfo) -> Vec<String> {
        match &self.usages {
            Some(usages) => usages.clone(),
            None => default_usages(
                &self.signer,
                request.public_key.algorithm,
                !request.subject_alt_names.is_empty(),
            )
            .into_iter()
            .map(|usage| usage.as_str().to_owned())
            .collect(),
        }
    }
}

/// Checks what the cluster would do with `request` sent with `options`.
///
/// Findings come errors first, then warnings, then notes; within a severity
/// in a fixed order (API validation, admission, the signer's checks, the
/// rest), so the same input always gives the same list.
pub fn lint(request: &RequestInfo, options: &LintOptions) -> Vec<Finding> {
    let context = Context::new(request, options);
    let mut findings = Vec::new();
    api::check(&context, &mut findings);
    signers::check(&context, &mut findings);
    guidance::check(&context, &mut findings);
    // Stable: keeps the order of rules within a severity.
    findings.sort_by_key(|finding| finding.severity);
    findings
}

/// What the cluster does with a CSR before a signer issues anything, by the
/// same rules as [`lint`]: the API server refuses it on create, or the
/// in-tree signer fails it after approval (stopping at the first problem, as
/// upstream does), or neither.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The API server would refuse to create the object: its first error.
    Refused(Finding),
    /// The signer would add `Failed` (reason `SignerValidationFailure`) with
    /// this finding's message.
    Failed(Finding),
    /// The signer would issue.
    Accepted,
}

/// The [`Verdict`] on `request` sent with `options`.
pub fn verdict(request: &RequestInfo, options: &LintOptions) -> Verdict {
    let context = Context::new(request, options);
    let first_error = |check: fn(&Context<'_>, &mut Vec<Finding>)| {
        let mut findings = Vec::new();
        check(&context, &mut findings);
        findings
            .into_iter()
            .find(|finding| finding.severity == Severity::Error)
    };
    if let Some(finding) = first_error(api::check) {
        return Verdict::Refused(finding);
    }
    match first_error(signers::check) {
        Some(finding) => Verdict::Failed(finding),
        None => Verdict::Accepted,
    }
}

/// What every rule looks at, worked out once.
struct Context<'a> {
    request: &'a RequestInfo,
    signer: &'a SignerName,
    known: Option<KnownSigner>,
    /// The usages as they would be written.
    usages: Vec<String>,
    /// The valid ones among them, as a set (the signers compare sets):
    /// sorted, each once.
    usage_set: Vec<KeyUsage>,
    /// Whether every usage is valid and there is at least one; when not, the
    /// API refuses the CSR before any signer sees it, and the signers' usage
    /// checks are skipped (they would only echo the bad entry).
    usages_valid: bool,
    expiration_seconds: Option<u64>,
}

impl<'a> Context<'a> {
    fn new(request: &'a RequestInfo, options: &'a LintOptions) -> Self {
        let usages = options.effective_usages(request);
        let parsed: Vec<Option<KeyUsage>> = usages.iter().map(|u| u.parse().ok()).collect();
        let usages_valid = !parsed.is_empty() && parsed.iter().all(Option::is_some);
        // `ALL` lists the usages in the enum's order, so the set comes out
        // sorted, each once, without sort code in the wasm.
        let usage_set: Vec<KeyUsage> = KeyUsage::ALL
            .into_iter()
            .filter(|usage| parsed.contains(&Some(*usage)))
            .collect();
        debug_assert!(usage_set.is_sorted());
        Self {
            request,
            signer: &options.signer,
            known: options.signer.known(),
            usage_set,
            usages,
            usages_valid,
            expiration_seconds: options.expiration_seconds,
        }
    }

    fn key(&self) -> Option<KeyAlgorithm> {
        self.request.public_key.algorithm
    }

    fn common_name(&self) -> &str {
        self.request.subject.common_name().unwrap_or("")
    }

    fn organizations(&self) -> Vec<&str> {
        self.request.subject.organizations()
    }

    /// Whether the subject names a node (`CN=system:node:...`): when not, a
    /// CSR for a node signer is a workload's, and another signer is the fix.
    fn is_node(&self) -> bool {
        self.common_name().starts_with("system:node:")
    }

    /// The usages the signer accepts for this key, as a `--usages` value.
    fn suggested_usages(&self) -> String {
        let has_hosts = !self.request.subject_alt_names.is_empty();
        default_usages(self.signer, self.key(), has_hosts)
            .iter()
            .map(|usage| usage.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// How the in-tree signers end a CSR they refuse, for the fixes.
const FAILED: &str =
    "as it is, approving it ends Approved,Failed (SignerValidationFailure) with no certificate";

/// What works for a workload's serving certificate.
const SERVING_ALTERNATIVES: &str = "for a workload's serving certificate use a custom signer such as example.com/serving with your own CA (csrcraft lint --signer example.com/serving shows the steps), or beta.eks.amazonaws.com/app-serving on EKS";
