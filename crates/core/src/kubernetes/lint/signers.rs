//! What each signer checks after approval. The in-tree ones
//! (kube-controller-manager's `csrsigning` controller) fail a CSR they refuse
//! with condition `Failed`, reason `SignerValidationFailure`, and upstream
//! stops at the first problem; lint reports every one.

use super::{Context, FAILED, Finding, SERVING_ALTERNATIVES};
use crate::Host;
use crate::kubernetes::signer::KnownSigner;
use crate::kubernetes::usage::KeyUsage;

pub(super) fn check(context: &Context<'_>, findings: &mut Vec<Finding>) {
    match context.known {
        Some(KnownSigner::KubeApiserverClient) => apiserver_client(context, findings),
        Some(KnownSigner::KubeApiserverClientKubelet) => kubelet_client(context, findings),
        Some(KnownSigner::KubeletServing) => kubelet_serving(context, findings),
        Some(KnownSigner::EksAppServing) => eks_app_serving(context, findings),
        Some(KnownSigner::LegacyUnknown) | None => {}
    }
}

/// `kubernetes.io/kube-apiserver-client` (`validAPIServerClientUsages`).
fn apiserver_client(context: &Context<'_>, findings: &mut Vec<Finding>) {
    const ALLOWED: [KeyUsage; 3] = [
        KeyUsage::DigitalSignature,
        KeyUsage::KeyEncipherment,
        KeyUsage::ClientAuth,
    ];
    for usage in context.usage_set.iter().filter(|u| !ALLOWED.contains(u)) {
        let mut fix = format!(
            "remove \"{usage}\": this signer allows only digital signature, key encipherment and client auth; {FAILED}"
        );
        if *usage == KeyUsage::ServerAuth {
            fix.push_str(&format!("; {SERVING_ALTERNATIVES}"));
        }
        findings.push(Finding::error(
            "kube-apiserver-client/usage",
            format!("invalid usage for client certificate: {usage}"),
            fix,
        ));
    }
    if context.usages_valid && !context.usage_set.contains(&KeyUsage::ClientAuth) {
        findings.push(Finding::error(
            "kube-apiserver-client/client-auth",
            "missing required usage for client certificate: client auth",
            format!(
                "add \"client auth\": --usages \"{}\"; {FAILED}",
                context.suggested_usages()
            ),
        ));
    }
    if context.common_name().is_empty() {
        findings.push(Finding::warning(
            "kube-apiserver-client/common-name",
            "the subject has no common name: the API server takes the user name from the CN and does not authenticate a certificate without one",
            "set the user name as the CN, e.g. \"CN\": \"alice\", and the groups as O values",
        ));
    }
}

/// `kubernetes.io/kube-apiserver-client-kubelet` (`ValidateKubeletClientCSR`).
fn kubelet_client(context: &Context<'_>, findings: &mut Vec<Finding>) {
    let not_a_node = "this signer is only for kubelets' client certificates (O=system:nodes, CN=system:node:NODE); for a user's client certificate use kubernetes.io/kube-apiserver-client";
    organization(
        context,
        "kube-apiserver-client-kubelet/organization",
        not_a_node,
        findings,
    );
    let hosts = &context.request.subject_alt_names;
    let kinds = [
        ("kube-apiserver-client-kubelet/dns-san", "DNS"),
        ("kube-apiserver-client-kubelet/email-san", "Email"),
        ("kube-apiserver-client-kubelet/ip-san", "IP"),
        ("kube-apiserver-client-kubelet/uri-san", "URI"),
    ];
    forbid_alt_names(
        hosts,
        &kinds,
        "a kubelet client certificate names no hosts",
        findings,
    );
    common_name(
        context,
        "kube-apiserver-client-kubelet/common-name",
        not_a_node,
        findings,
    );
    usages(
        context,
        "kube-apiserver-client-kubelet/usages",
        KeyUsage::ClientAuth,
        findings,
    );
}

/// `kubernetes.io/kubelet-serving` (`ValidateKubeletServingCSR`).
fn kubelet_serving(context: &Context<'_>, findings: &mut Vec<Finding>) {
    let not_a_node = format!(
        "kubernetes.io/kubelet-serving signs only kubelets' own serving certificates (O=system:nodes, CN=system:node:NODE); {SERVING_ALTERNATIVES}"
    );
    organization(
        context,
        "kubelet-serving/organization",
        &not_a_node,
        findings,
    );
    let hosts = &context.request.subject_alt_names;
    if !hosts
        .iter()
        .any(|h| matches!(h, Host::Dns(_) | Host::Ip(_)))
    {
        findings.push(Finding::error(
            "kubelet-serving/san-required",
            "DNS or IP subjectAltName is required",
            format!(
                "add the node's DNS names and IP addresses to \"hosts\", e.g. \"hosts\": [\"node-1.example.com\", \"10.0.0.11\"]; {FAILED}"
            ),
        ));
    }
    let kinds = [
        ("kubelet-serving/email-san", "Email"),
        ("kubelet-serving/uri-san", "URI"),
    ];
    forbid_alt_names(
        hosts,
        &kinds,
        "only DNS names and IP addresses are allowed",
        findings,
    );
    usages(
        context,
        "kubelet-serving/usages",
        KeyUsage::ServerAuth,
        findings,
    );
    common_name(
        context,
        "kubelet-serving/common-name",
        &not_a_node,
        findings,
    );
}

/// `beta.eks.amazonaws.com/app-serving`: EKS documents only the usages it
/// allows (no exact messages are published).
fn eks_app_serving(context: &Context<'_>, findings: &mut Vec<Finding>) {
    const ALLOWED: [KeyUsage; 3] = [
        KeyUsage::DigitalSignature,
        KeyUsage::KeyEncipherment,
        KeyUsage::ServerAuth,
    ];
    for usage in context.usage_set.iter().filter(|u| !ALLOWED.contains(u)) {
        findings.push(Finding::error(
            "eks-app-serving/usage",
            format!(
                "usage \"{usage}\" is not allowed: beta.eks.amazonaws.com/app-serving must not include usages beyond key encipherment, digital signature and server auth"
            ),
            format!("remove \"{usage}\": --usages \"{}\"", context.suggested_usages()),
        ));
    }
}

/// Both node signers: `O` exactly `[system:nodes]`.
fn organization(
    context: &Context<'_>,
    rule: &'static str,
    not_a_node: &str,
    findings: &mut Vec<Finding>,
) {
    if context.organizations() == ["system:nodes"] {
        return;
    }
    let fix = if context.is_node() {
        format!("make system:nodes the only O: \"names\": [{{\"O\": \"system:nodes\"}}]; {FAILED}")
    } else {
        format!("{not_a_node}; {FAILED}")
    };
    findings.push(Finding::error(
        rule,
        "subject organization is not system:nodes",
        fix,
    ));
}

/// Both node signers: `CN` starts with `system:node:`.
fn common_name(
    context: &Context<'_>,
    rule: &'static str,
    not_a_node: &str,
    findings: &mut Vec<Finding>,
) {
    if context.is_node() {
        return;
    }
    let fix = if context.organizations() == ["system:nodes"] {
        format!("set the node's name as the CN: \"CN\": \"system:node:NODE\"; {FAILED}")
    } else if findings.iter().any(|f| f.rule == organization_rule(rule)) {
        // The organization finding already says which signer to use.
        format!(
            "change the signer, as for the organization: CN=system:node:NODE is only for a kubelet; {FAILED}"
        )
    } else {
        format!("{not_a_node}; {FAILED}")
    };
    findings.push(Finding::error(
        rule,
        "subject common name does not begin with system:node:",
        fix,
    ));
}

/// The organization rule of the signer whose common-name rule is `rule`.
fn organization_rule(rule: &str) -> &'static str {
    if rule.starts_with("kubelet-serving/") {
        "kubelet-serving/organization"
    } else {
        "kube-apiserver-client-kubelet/organization"
    }
}

/// Both node signers: usages exactly {digital signature, key encipherment,
/// `last`} or {digital signature, `last`}.
fn usages(context: &Context<'_>, rule: &'static str, last: KeyUsage, findings: &mut Vec<Finding>) {
    if !context.usages_valid {
        return;
    }
    let with_rsa = [KeyUsage::DigitalSignature, KeyUsage::KeyEncipherment, last];
    let without = [KeyUsage::DigitalSignature, last];
    let set = &context.usage_set;
    if set.iter().eq(sorted(&with_rsa).iter()) || set.iter().eq(sorted(&without).iter()) {
        return;
    }
    // Go prints the sorted set: `[client auth digital signature key encipherment]`.
    let mut expected: Vec<&str> = with_rsa.iter().map(|u| u.as_str()).collect();
    expected.sort_unstable();
    findings.push(Finding::error(
        rule,
        format!("usages did not match [{}]", expected.join(" ")),
        format!(
            "request exactly these usages: --usages \"{}\"; {FAILED}",
            context.suggested_usages()
        ),
    ));
}

/// An error for each `(rule, kind)` of subjectAltName the signer refuses but
/// the request has; `why` goes in the fix.
fn forbid_alt_names(
    hosts: &[Host],
    kinds: &[(&'static str, &str)],
    why: &str,
    findings: &mut Vec<Finding>,
) {
    for &(rule, kind) in kinds {
        let names = names_of_kind(hosts, kind);
        if !names.is_empty() {
            findings.push(Finding::error(
                rule,
                format!("{kind} subjectAltNames are not allowed"),
                format!(
                    "remove {} from \"hosts\": {why}; {FAILED}",
                    names.join(", ")
                ),
            ));
        }
    }
}

/// The names of one kind, as Go's messages name the kinds: `DNS`, `Email`,
/// `IP` or `URI`.
fn names_of_kind(hosts: &[Host], kind: &str) -> Vec<String> {
    let kind_of = |host: &Host| match host {
        Host::Dns(_) => "DNS",
        Host::Email(_) => "Email",
        Host::Ip(_) => "IP",
        Host::Uri(_) => "URI",
    };
    hosts
        .iter()
        .filter(|host| kind_of(host) == kind)
        .map(Host::value)
        .collect()
}

fn sorted(usages: &[KeyUsage]) -> Vec<KeyUsage> {
    let mut usages = usages.to_vec();
    usages.sort_unstable();
    usages
}
