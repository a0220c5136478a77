//! Warnings about what the cluster would sign but probably not as meant, and
//! notes on what happens next: clamping, approval, who signs.

use super::{Context, Finding};
use crate::kubernetes::expiration::Expiration;
use crate::kubernetes::signer::KnownSigner;
use crate::kubernetes::usage::KeyUsage;
use crate::{Host, KeyAlgorithm};

pub(super) fn check(context: &Context<'_>, findings: &mut Vec<Finding>) {
    key_encipherment(context, findings);
    serving_hosts(context, findings);
    dropped(context, findings);
    clamped(context, findings);
    approval(context, findings);
    custom_signer(context, findings);
    eks_hint(context, findings);
}

/// Whether kube-controller-manager signs for this signer.
fn in_tree(known: Option<KnownSigner>) -> bool {
    matches!(
        known,
        Some(
            KnownSigner::KubeApiserverClient
                | KnownSigner::KubeApiserverClientKubelet
                | KnownSigner::KubeletServing
        )
    )
}

/// `key encipherment` with a key that cannot encipher.
fn key_encipherment(context: &Context<'_>, findings: &mut Vec<Finding>) {
    if !context.usage_set.contains(&KeyUsage::KeyEncipherment) {
        return;
    }
    let reference = match context.key() {
        Some(KeyAlgorithm::Ecdsa(_)) => "RFC 5480",
        Some(KeyAlgorithm::Ed25519) => "RFC 8410",
        Some(KeyAlgorithm::Rsa { .. }) | None => return,
    };
    let rest: Vec<&str> = context
        .usages
        .iter()
        .map(String::as_str)
        .filter(|u| *u != KeyUsage::KeyEncipherment.as_str())
        .collect();
    findings.push(Finding::warning(
        "usages/key-encipherment",
        format!(
            "\"key encipherment\" is requested for an {} key, which cannot encipher ({reference}; kubernetes/kubernetes#109077): the certificate would carry a key usage its key cannot have",
            context.request.public_key.description
        ),
        format!(
            "drop \"key encipherment\": --usages \"{}\" (every built-in signer accepts that)",
            rest.join(", ")
        ),
    ));
}

/// A serving certificate without a DNS or IP name, from a signer that would
/// issue it (the in-tree ones refuse one or cannot make server certificates).
fn serving_hosts(context: &Context<'_>, findings: &mut Vec<Finding>) {
    if in_tree(context.known)
        || !context.usage_set.contains(&KeyUsage::ServerAuth)
        || context
            .request
            .subject_alt_names
            .iter()
            .any(|h| matches!(h, Host::Dns(_) | Host::Ip(_)))
    {
        return;
    }
    findings.push(Finding::warning(
        "serving/hosts",
        "a serving certificate without DNS or IP subjectAltNames: TLS clients check those, not the CN",
        "add the names clients connect to in \"hosts\", e.g. \"hosts\": [\"my-svc.my-namespace.svc\", \"my-svc.my-namespace.svc.cluster.local\"]",
    ));
}

/// What the in-tree signers leave out of the certificate.
fn dropped(context: &Context<'_>, findings: &mut Vec<Finding>) {
    if !in_tree(context.known) {
        return;
    }
    if !context.request.other_alt_names.is_empty() {
        findings.push(Finding::warning(
            "signer/dropped-alt-names",
            format!(
                "the signer copies only DNS, IP, email and URI subjectAltNames; dropped: {}",
                context.request.other_alt_names.join(", ")
            ),
            "use DNS, IP, email or URI names, or a custom signer that keeps these",
        ));
    }
    let others: Vec<&str> = context
        .request
        .requested_extensions
        .iter()
        .map(String::as_str)
        .filter(|name| *name != "subjectAltName")
        .collect();
    if !others.is_empty() {
        findings.push(Finding::note(
            "signer/dropped-extensions",
            format!(
                "the signer ignores the requested {}: key usages come from spec.usages only, and it adds basicConstraints CA:FALSE itself",
                others.join(", ")
            ),
            "ask for key usages in spec.usages (--usages)",
        ));
    }
}

/// `expirationSeconds` above the signing duration.
fn clamped(context: &Context<'_>, findings: &mut Vec<Finding>) {
    let Some(seconds) = context.expiration_seconds else {
        return;
    };
    let maximum = u64::from(Expiration::DEFAULT_SIGNING_DURATION_SECONDS);
    let Ok(asked) = Expiration::from_seconds(seconds) else {
        return;
    };
    if seconds <= maximum {
        return;
    }
    if in_tree(context.known) {
        findings.push(Finding::note(
            "signer/expiration-clamped",
            format!(
                "expirationSeconds {seconds} ({asked}) is clamped to kube-controller-manager's --cluster-signing-duration (default 8760h): the certificate lives at most that long, and never past the CA's own expiry"
            ),
            "ask for 8760h or less, or raise --cluster-signing-duration on kube-controller-manager",
        ));
    } else if context.known == Some(KnownSigner::EksAppServing) {
        findings.push(Finding::note(
            "signer/expiration-clamped",
            format!(
                "expirationSeconds {seconds} ({asked}) is more than beta.eks.amazonaws.com/app-serving gives: 1 year at most"
            ),
            "ask for 8760h or less",
        ));
    }
}

/// Who approves, and the permission it takes.
fn approval(context: &Context<'_>, findings: &mut Vec<Finding>) {
    if context.known == Some(KnownSigner::LegacyUnknown)
        || !context.signer.syntax_problems().is_empty()
    {
        return;
    }
    let name = context.signer.as_str();
    let (message, fix) = match context.known {
        Some(KnownSigner::KubeApiserverClientKubelet) => (
            format!(
                "{name} CSRs are auto-approved for node client certificates: kube-controller-manager approves one that a node (or a bootstrap token) makes for itself; from anyone else it waits, Pending"
            ),
            "create it with the node's or bootstrap token's credentials, or approve it: kubectl certificate approve NAME".to_owned(),
        ),
        Some(KnownSigner::KubeletServing) => (
            format!("{name} CSRs are never auto-approved by kube-controller-manager: it stays Pending"),
            "approve it: kubectl certificate approve NAME (or run an approver such as kubelet-csr-approver)".to_owned(),
        ),
        Some(_) => (
            format!("{name} CSRs are never auto-approved: it stays Pending"),
            "approve it: kubectl certificate approve NAME".to_owned(),
        ),
        None => (
            format!("nothing in the cluster approves {name} CSRs by itself: it stays Pending"),
            "approve it: kubectl certificate approve NAME, or run your own approver".to_owned(),
        ),
    };
    findings.push(Finding::note("signer/approval", message, fix));
    findings.push(Finding::note(
        "signer/approve-permission",
        format!("approving needs verb approve on signers/{name} (API group certificates.k8s.io)"),
        format!(
            "give the approver a ClusterRole with the rules {{apiGroups: [certificates.k8s.io], resources: [signers], resourceNames: [{name}], verbs: [approve]}} and {{apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests/approval], verbs: [update]}} (cluster-admin has both)"
        ),
    ));
}

/// A custom signer: the user runs the CA.
fn custom_signer(context: &Context<'_>, findings: &mut Vec<Finding>) {
    if context.known.is_some() || !context.signer.syntax_problems().is_empty() {
        return;
    }
    let name = context.signer.as_str();
    findings.push(Finding::note(
        "signer/custom",
        format!(
            "no in-tree controller signs for {name}: once approved, the CSR waits (Approved, no certificate) until your signer uploads the certificate"
        ),
        "sign it with your CA and upload the result: kubectl get csr NAME -o jsonpath='{.spec.request}' | base64 -d > server.csr; cfssl sign -ca ca.pem -ca-key ca-key.pem server.csr | cfssljson -bare server; kubectl get csr NAME -o json | jq --arg c \"$(base64 -w0 < server.pem)\" '.status.certificate = $c' | kubectl replace --raw /apis/certificates.k8s.io/v1/certificatesigningrequests/NAME/status -f -",
    ));
}

/// A workload's serving certificate sent to kubelet-serving: what EKS offers.
fn eks_hint(context: &Context<'_>, findings: &mut Vec<Finding>) {
    if context.known != Some(KnownSigner::KubeletServing) || context.is_node() {
        return;
    }
    findings.push(Finding::note(
        "kubelet-serving/eks-app-serving",
        "on Amazon EKS, a workload's serving certificate comes from the beta.eks.amazonaws.com/app-serving signer, not kubernetes.io/kubelet-serving",
        "on EKS: csrcraft lint --signer beta.eks.amazonaws.com/app-serving CSR; elsewhere use a custom signer such as example.com/serving with your own CA",
    ));
}
