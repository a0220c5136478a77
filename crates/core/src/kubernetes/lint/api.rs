//! What the API server checks when the CSR object is created (validation and
//! admission): a failure here means `kubectl apply` itself is refused.

use super::{Context, Finding};
use crate::SignatureError;
use crate::kubernetes::signer::{KnownSigner, SIGNER_NAME_FIELD};
use crate::kubernetes::usage::KeyUsage;

/// The API's `spec.expirationSeconds` minimum.
const MINIMUM_EXPIRATION_SECONDS: u64 = 600;
/// The API's `spec.expirationSeconds` is an int32.
const MAXIMUM_EXPIRATION_SECONDS: u64 = i32::MAX as u64;

pub(super) fn check(context: &Context<'_>, findings: &mut Vec<Finding>) {
    request(context, findings);
    signer_name(context, findings);
    usages(context, findings);
    expiration(context, findings);
    admission(context, findings);
}

/// `spec.request`: the PEM label and the self-signature.
fn request(context: &Context<'_>, findings: &mut Vec<Finding>) {
    if let Some(label) = context.request.pem_label.as_deref()
        && label != "CERTIFICATE REQUEST"
    {
        findings.push(Finding::error(
            "api/pem-label",
            "PEM block type must be CERTIFICATE REQUEST",
            format!(
                "relabel the PEM block (the bytes inside stay as they are): -----BEGIN CERTIFICATE REQUEST----- and -----END CERTIFICATE REQUEST-----, e.g. sed -i 's/{label}/CERTIFICATE REQUEST/' server.csr"
            ),
        ));
    }
    match &context.request.signature {
        Ok(()) => {}
        // Go checks SHA-1 and RSA-PSS CSR signatures, which are not checked here.
        Err(SignatureError::Unsupported(reason)) => findings.push(Finding::warning(
            "api/signature-unchecked",
            format!("the CSR's self-signature could not be checked here: {reason}"),
            "the API server checks it on create; to be sure, make the CSR again with csrcraft gencsr --key KEY SPEC",
        )),
        Err(error) => findings.push(Finding::error(
            "api/signature",
            format!("the CSR's self-signature is invalid: {error}"),
            "the CSR was changed after it was signed, or signed with another key; make it again: csrcraft gencsr --key KEY SPEC",
        )),
    }
}

/// `spec.signerName`.
fn signer_name(context: &Context<'_>, findings: &mut Vec<Finding>) {
    let name = context.signer.as_str();
    if context.known == Some(KnownSigner::LegacyUnknown) {
        findings.push(Finding::error(
            "api/signer-legacy-unknown",
            format!(
                "{SIGNER_NAME_FIELD}: Invalid value: \"{name}\": the legacy signerName is not allowed via this API version"
            ),
            "choose a v1 signer: kubernetes.io/kube-apiserver-client for a user's client certificate, or a custom signer such as example.com/serving whose CA you run (beta.eks.amazonaws.com/app-serving on EKS)",
        ));
        return;
    }
    let problems = context.signer.syntax_problems();
    if !problems.is_empty() {
        let fix = format!(
            "use domain/path, e.g. example.com/serving, or a built-in signer: {}, {}, {}",
            KnownSigner::KubeApiserverClient,
            KnownSigner::KubeApiserverClientKubelet,
            KnownSigner::KubeletServing
        );
        for problem in problems {
            findings.push(Finding::error(
                "api/signer-name",
                format!("{SIGNER_NAME_FIELD}: {problem}"),
                fix.clone(),
            ));
        }
        return;
    }
    if context.known.is_none() && name.split('/').next() == Some("kubernetes.io") {
        let nearest = [
            KnownSigner::KubeApiserverClient,
            KnownSigner::KubeApiserverClientKubelet,
            KnownSigner::KubeletServing,
        ]
        .into_iter()
        .min_by_key(|known| edit_distance(known.name(), name))
        .map_or_else(String::new, |known| format!("did you mean {known}? "));
        findings.push(Finding::warning(
            "api/signer-not-built-in",
            format!("{name} is not a built-in signer: nothing in the cluster will sign it"),
            format!(
                "{nearest}the built-in signers are {}, {} and {}; kubernetes.io/ is reserved for them",
                KnownSigner::KubeApiserverClient,
                KnownSigner::KubeApiserverClientKubelet,
                KnownSigner::KubeletServing
            ),
        ));
    }
}

/// `spec.usages`: required, each one known, no duplicates.
fn usages(context: &Context<'_>, findings: &mut Vec<Finding>) {
    if context.usages.is_empty() {
        findings.push(Finding::error(
            "api/usages-required",
            "spec.usages: Required value",
            format!(
                "give the usages, e.g. --usages \"{}\"",
                context.suggested_usages()
            ),
        ));
        return;
    }
    for (index, usage) in context.usages.iter().enumerate() {
        if usage.parse::<KeyUsage>().is_err() {
            let fix = match nearest_usage(usage) {
                Some(known) => format!("write \"{known}\" (the API spells usages exactly so)"),
                None => format!(
                    "use one of: {}",
                    KeyUsage::ALL.map(KeyUsage::as_str).join(", ")
                ),
            };
            findings.push(Finding::error(
                "api/usage-unsupported",
                format!(
                    "spec.usages[{index}]: Unsupported value: {}: {}",
                    crate::quoted(usage),
                    KeyUsage::SUPPORTED_VALUES
                ),
                fix,
            ));
        }
    }
    // Upstream reports every unsupported value, then every repeat.
    let keys: Vec<&[u8]> = context.usages.iter().map(|u| u.as_bytes()).collect();
    let repeats = crate::repeats::first_earlier(&keys);
    for ((index, usage), repeat) in context.usages.iter().enumerate().zip(repeats) {
        if repeat.is_some() {
            findings.push(Finding::error(
                "api/usage-duplicate",
                format!(
                    "spec.usages[{index}]: Duplicate value: {}",
                    crate::quoted(usage)
                ),
                format!("list \"{usage}\" once"),
            ));
        }
    }
}

/// `spec.expirationSeconds`: at least 600, and an int32.
fn expiration(context: &Context<'_>, findings: &mut Vec<Finding>) {
    let Some(seconds) = context.expiration_seconds else {
        return;
    };
    if seconds < MINIMUM_EXPIRATION_SECONDS {
        findings.push(Finding::error(
            "api/expiration-minimum",
            format!(
                "spec.expirationSeconds: Invalid value: {seconds}: may not specify a duration less than 600 seconds (10 minutes)"
            ),
            format!("ask for 600 seconds or more (given: {seconds}), e.g. --expiration 1h"),
        ));
    } else if seconds > MAXIMUM_EXPIRATION_SECONDS {
        findings.push(Finding::error(
            "api/expiration-range",
            format!("spec.expirationSeconds: {seconds} does not fit the API's int32 field"),
            "ask for at most 2147483647 seconds; the in-tree signers give at most --cluster-signing-duration (default 8760h) anyway",
        ));
    }
}

/// The CertificateSubjectRestriction admission plugin.
fn admission(context: &Context<'_>, findings: &mut Vec<Finding>) {
    if context.known == Some(KnownSigner::KubeApiserverClient)
        && context.organizations().contains(&"system:masters")
    {
        findings.push(Finding::error(
            "admission/system-masters",
            "use of kubernetes.io/kube-apiserver-client signer with system:masters group is not allowed",
            "system:masters bypasses authorization and cannot be requested with a CSR: put the user in another group (e.g. \"O\": \"cluster-admins\") and bind it: kubectl create clusterrolebinding cluster-admins --clusterrole=cluster-admin --group=cluster-admins",
        ));
    }
}

/// The usage meant by a misspelling such as `server-auth` or `serverAuth`.
fn nearest_usage(text: &str) -> Option<KeyUsage> {
    let squash = |s: &str| {
        s.chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect::<String>()
    };
    let wanted = squash(text);
    KeyUsage::ALL
        .into_iter()
        .find(|usage| squash(usage.as_str()) == wanted)
}

/// Levenshtein distance, for "did you mean".
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(previous + 1).min(row[j] + 1);
        }
    }
    row[b.len()]
}
