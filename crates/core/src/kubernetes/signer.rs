//! `spec.signerName`: syntax, and the signers Kubernetes ships.

use std::fmt;

use super::usage::KeyUsage;
use crate::KeyAlgorithm;

/// The signers built into kube-controller-manager, plus EKS's serving signer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KnownSigner {
    /// `kubernetes.io/kube-apiserver-client`: client certificates for the API server.
    KubeApiserverClient,
    /// `kubernetes.io/kube-apiserver-client-kubelet`: kubelets' client certificates.
    KubeApiserverClientKubelet,
    /// `kubernetes.io/kubelet-serving`: kubelets' serving certificates.
    KubeletServing,
    /// `kubernetes.io/legacy-unknown`: refused by the v1 API.
    LegacyUnknown,
    /// `beta.eks.amazonaws.com/app-serving`: EKS's signer for workload serving certificates.
    EksAppServing,
}

impl KnownSigner {
    /// Every known signer.
    pub const ALL: [KnownSigner; 5] = [
        KnownSigner::KubeApiserverClient,
        KnownSigner::KubeApiserverClientKubelet,
        KnownSigner::KubeletServing,
        KnownSigner::LegacyUnknown,
        KnownSigner::EksAppServing,
    ];

    /// The signer name.
    pub fn name(self) -> &'static str {
        match self {
            KnownSigner::KubeApiserverClient => "kubernetes.io/kube-apiserver-client",
            KnownSigner::KubeApiserverClientKubelet => {
                "kubernetes.io/kube-apiserver-client-kubelet"
            }
            KnownSigner::KubeletServing => "kubernetes.io/kubelet-serving",
            KnownSigner::LegacyUnknown => "kubernetes.io/legacy-unknown",
            KnownSigner::EksAppServing => "beta.eks.amazonaws.com/app-serving",
        }
    }

    /// One line on what the signer is for.
    pub fn explanation(self) -> &'static str {
        match self {
            KnownSigner::KubeApiserverClient => {
                "client certificates for the API server (CN = user, O = groups); never auto-approved"
            }
            KnownSigner::KubeApiserverClientKubelet => {
                "kubelet client certificates (O=system:nodes, CN=system:node:NAME); auto-approved for nodes"
            }
            KnownSigner::KubeletServing => {
                "kubelet serving certificates (O=system:nodes, CN=system:node:NAME, DNS/IP SANs); never auto-approved"
            }
            KnownSigner::LegacyUnknown => "refused by certificates.k8s.io/v1",
            KnownSigner::EksAppServing => {
                "EKS: serving certificates for workloads, signed by the cluster CA"
            }
        }
    }

    /// Whether certificates from this signer are for servers.
    pub fn is_serving(self) -> bool {
        matches!(
            self,
            KnownSigner::KubeletServing | KnownSigner::EksAppServing
        )
    }
}

impl fmt::Display for KnownSigner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A `spec.signerName` as given; [`SignerName::syntax_problem`] says whether the
/// API server would accept its form.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SignerName(String);

impl SignerName {
    /// Wraps a signer name without checking it.
    pub fn new(name: impl Into<String>) -> Self {
        Self(name.into())
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The built-in signer of this name, if it is one.
    pub fn known(&self) -> Option<KnownSigner> {
        KnownSigner::ALL.into_iter().find(|s| s.name() == self.0)
    }

    /// Why the API server would refuse this name's syntax, if it would: it must
    /// be `domain/path`, with exactly one `/`, and a domain of at least two DNS
    /// labels.
    pub fn syntax_problem(&self) -> Option<String> {
        let name = &self.0;
        let Some((domain, path)) = name.split_once('/') else {
            return Some(format!(
                "{} has no '/'; a signer name is domain/path, e.g. example.com/serving",
                crate::quoted(name)
            ));
        };
        if path.contains('/') {
            return Some(format!(
                "{} has more than one '/'; a signer name is domain/path",
                crate::quoted(name)
            ));
        }
        if path.is_empty() {
            return Some(format!(
                "{} has an empty path after the '/'",
                crate::quoted(name)
            ));
        }
        let labels: Vec<&str> = domain.split('.').collect();
        let label_ok = |label: &&str| {
            !label.is_empty()
                && label.len() <= 63
                && label
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        };
        if labels.len() < 2 || !labels.iter().all(label_ok) {
            return Some(format!(
                "{} is not a domain of at least two lowercase DNS labels, e.g. example.com",
                crate::quoted(domain)
            ));
        }
        None
    }
}

impl fmt::Display for SignerName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The usages to request when none are given: what the signer allows, with
/// `key encipherment` only for RSA keys (RFC 5480: EC keys never encipher).
/// For custom signers, a serving certificate when the CSR names hosts, else a
/// client certificate.
pub fn default_usages(
    signer: &SignerName,
    key: Option<KeyAlgorithm>,
    has_hosts: bool,
) -> Vec<KeyUsage> {
    let serving = match signer.known() {
        Some(known) => known.is_serving(),
        None => has_hosts,
    };
    let mut usages = vec![KeyUsage::DigitalSignature];
    if matches!(key, Some(KeyAlgorithm::Rsa { .. })) {
        usages.push(KeyUsage::KeyEncipherment);
    }
    usages.push(if serving {
        KeyUsage::ServerAuth
    } else {
        KeyUsage::ClientAuth
    });
    usages
}
