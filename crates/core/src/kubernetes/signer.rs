//! `spec.signerName`: syntax, and the signers Kubernetes ships.

use std::fmt;

use super::names::{
    DNS1123_LABEL_MAX_LENGTH, DNS1123_SUBDOMAIN_MAX_LENGTH, dns1123_label_errors,
    dns1123_subdomain_errors, invalid, too_long,
};
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

/// A `spec.signerName` as given; [`SignerName::syntax_problems`] says whether the
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

    /// Whether kube-controller-manager's `csrsigning` controller signs for
    /// this name: the `kubernetes.io/` signers, not a custom or EKS one.
    pub fn signed_by_controller_manager(&self) -> bool {
        !matches!(self.known(), None | Some(KnownSigner::EksAppServing))
    }

    /// The built-in signer of this name, if it is one.
    pub fn known(&self) -> Option<KnownSigner> {
        KnownSigner::ALL.into_iter().find(|s| s.name() == self.0)
    }

    /// Why the API server would refuse this name on create, in its own words
    /// (k8s.io/kubernetes `ValidateSignerName`): each entry is the body of one
    /// `field.Error` for `spec.signerName`, as apimachinery renders it after
    /// the field path, e.g. `Invalid value: "serving": must be a fully
    /// qualified domain and path of the form 'example.com/signer-name'`.
    /// Upstream's order; empty when the name's syntax is accepted.
    pub fn syntax_problems(&self) -> Vec<String> {
        let name = self.0.as_str();
        let mut problems = Vec::new();
        if name.is_empty() {
            problems.push(REQUIRED.to_owned());
            return problems;
        }
        let Some((domain, path)) = name.split_once('/').filter(|(_, path)| !path.contains('/'))
        else {
            problems.push(invalid(name, NOT_DOMAIN_AND_PATH));
            return problems;
        };
        if domain.len() > DNS1123_SUBDOMAIN_MAX_LENGTH {
            problems.push(too_long(DNS1123_SUBDOMAIN_MAX_LENGTH));
        }
        let labelled = |label: &str, error: &str| {
            format!("validating label {}: {error}", crate::quoted(label))
        };
        if let Some((label, errors)) = domain
            .split('.')
            .map(|label| (label, dns1123_label_errors(label)))
            .find(|(_, errors)| !errors.is_empty())
        {
            for error in errors {
                problems.push(invalid(domain, &labelled(label, error)));
            }
        }
        if !domain.contains('.') {
            problems.push(invalid(domain, TWO_SEGMENTS));
        }
        if let Some((label, errors)) = path
            .split('.')
            .map(|label| (label, dns1123_subdomain_errors(label)))
            .find(|(_, errors)| !errors.is_empty())
        {
            for error in errors {
                problems.push(invalid(path, &labelled(label, error)));
            }
        }
        if name.len() > MAX_SIGNER_NAME_LENGTH {
            problems.push(too_long(MAX_SIGNER_NAME_LENGTH));
        }
        problems
    }
}

/// The field every signer-name problem is about.
pub const SIGNER_NAME_FIELD: &str = "spec.signerName";

/// A domain, '/', and a path of a namespace and a resource name joined by '.'.
const MAX_SIGNER_NAME_LENGTH: usize =
    DNS1123_SUBDOMAIN_MAX_LENGTH + 1 + DNS1123_SUBDOMAIN_MAX_LENGTH + 1 + DNS1123_LABEL_MAX_LENGTH;

/// `field.Required` with no detail.
const REQUIRED: &str = "Required value";
const NOT_DOMAIN_AND_PATH: &str =
    "must be a fully qualified domain and path of the form 'example.com/signer-name'";
const TWO_SEGMENTS: &str = "should be a domain with at least two segments separated by dots";

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

#[cfg(test)]
mod tests {
    use super::SignerName;

    const LABEL: &str = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
    const SUBDOMAIN: &str = r"a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    const FORM: &str =
        "must be a fully qualified domain and path of the form 'example.com/signer-name'";
    const TWO: &str = "should be a domain with at least two segments separated by dots";

    #[track_caller]
    fn check(name: &str, expect: &[String]) {
        assert_eq!(SignerName::new(name).syntax_problems(), expect, "{name:?}");
    }

    /// upstream's `<fqdn(253)>/<namespace(63)>.<name(253)>`, 571 bytes.
    fn max_length() -> (String, String) {
        let a = |n| "a".repeat(n);
        let fqdn = format!("{}.{}.{}.{}", a(63), a(63), a(63), a(61));
        let name = format!("{fqdn}/{}.{}", a(63), a(253));
        (fqdn, name)
    }

    /// The signer-name cases of k8s.io/kubernetes
    /// `pkg/apis/certificates/validation/validation_test.go`
    /// (`TestValidateCertificateSigningRequestCreate`), with their errors.
    #[test]
    fn upstream_validation_test_cases() {
        let (fqdn, max) = max_length();
        let cases: Vec<(String, Vec<String>)> = vec![
            ("".into(), vec!["Required value".into()]),
            (
                "an-invalid-signer-name".into(),
                vec![format!("Invalid value: \"an-invalid-signer-name\": {FORM}")],
            ),
            (
                "an-invalid-signer-name.com/something/else".into(),
                vec![format!(
                    "Invalid value: \"an-invalid-signer-name.com/something/else\": {FORM}"
                )],
            ),
            (
                "example/some-signer-name".into(),
                vec![format!("Invalid value: \"example\": {TWO}")],
            ),
            (
                "example.com/".into(),
                vec![format!(
                    "Invalid value: \"\": validating label \"\": {SUBDOMAIN}"
                )],
            ),
            (
                "example.com/something-".into(),
                vec![format!(
                    "Invalid value: \"something-\": validating label \"something-\": {SUBDOMAIN}"
                )],
            ),
            (
                "example.com/-".into(),
                vec![format!(
                    "Invalid value: \"-\": validating label \"-\": {SUBDOMAIN}"
                )],
            ),
            ("example.com/some-signer-name".into(), vec![]),
            (
                format!("{max}.toolong"),
                vec!["Too long: may not be more than 571 bytes".into()],
            ),
            (
                format!("{fqdn}.extra/valid-path"),
                vec!["Too long: may not be more than 253 bytes".into()],
            ),
            (
                format!("abc.io/{}.{}", "a".repeat(253), "a".repeat(253)),
                vec![],
            ),
            (
                format!("{}.example.io/valid-path", "a".repeat(66)),
                vec![format!(
                    "Invalid value: \"{0}.example.io\": validating label \"{0}\": must be no more than 63 bytes",
                    "a".repeat(66)
                )],
            ),
            (max, vec![]),
        ];
        for (name, expect) in &cases {
            check(name, expect);
        }
    }

    /// More of upstream's rules: every error of the first bad domain label,
    /// the two-label rule after it, the path's first bad piece.
    #[test]
    fn follows_upstream_order() {
        check(
            "Example.com/serving",
            &[format!(
                "Invalid value: \"Example.com\": validating label \"Example\": {LABEL}"
            )],
        );
        check(
            "a b/c",
            &[
                format!("Invalid value: \"a b\": validating label \"a b\": {LABEL}"),
                format!("Invalid value: \"a b\": {TWO}"),
            ],
        );
        check(
            "/serving",
            &[
                format!("Invalid value: \"\": validating label \"\": {LABEL}"),
                format!("Invalid value: \"\": {TWO}"),
            ],
        );
        check(
            &format!("{}-.b.c/x_y.z_", "a".repeat(64)),
            &[
                format!(
                    "Invalid value: \"{0}-.b.c\": validating label \"{0}-\": must be no more than 63 bytes",
                    "a".repeat(64)
                ),
                format!(
                    "Invalid value: \"{0}-.b.c\": validating label \"{0}-\": {LABEL}",
                    "a".repeat(64)
                ),
                format!("Invalid value: \"x_y.z_\": validating label \"x_y\": {SUBDOMAIN}"),
            ],
        );
        check(
            &format!("example.com/{}", "p".repeat(254)),
            &[format!(
                "Invalid value: \"{0}\": validating label \"{0}\": must be no more than 253 bytes",
                "p".repeat(254)
            )],
        );
        check("kubernetes.io/kube-apiserver-client", &[]);
        check("beta.eks.amazonaws.com/app-serving", &[]);
    }
}
