//! The `certificates.k8s.io/v1` CertificateSigningRequest manifest that carries
//! a CSR to the cluster, as `kubectl apply -f` reads it.
//!
//! The object is [`super::object`]'s `CertificateSigningRequest`, so field
//! names, order and nesting are the API's own; the checks here are the ones
//! the API server runs on create, with its messages.

use super::expiration::Expiration;
use super::object::{CertificateSigningRequest, ObjectMeta, Spec};
use super::signer::{KnownSigner, SIGNER_NAME_FIELD, SignerName, default_usages};
use super::usage::KeyUsage;
use crate::{CertificateRequest, Error, Host, Result, SignatureError, SignatureVerifier};

/// What goes into the manifest besides the CSR.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ManifestOptions {
    /// `metadata.name`; `None` derives it from the CSR's common name, else its
    /// first DNS name.
    pub name: Option<String>,
    /// `spec.signerName`.
    pub signer: SignerName,
    /// `spec.usages` as the API spells them, e.g. `digital signature`; `None`
    /// picks [`default_usages`] for the signer, the key type and the CSR's hosts.
    pub usages: Option<Vec<String>>,
    /// `spec.expirationSeconds`; `None` leaves it to the signer.
    pub expiration: Option<Expiration>,
}

impl ManifestOptions {
    /// Options for `signer`, everything else derived from the CSR.
    pub fn new(signer: SignerName) -> Self {
        Self {
            name: None,
            signer,
            usages: None,
            expiration: None,
        }
    }
}

/// How to write a manifest.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ManifestFormat {
    /// Block-style YAML, as a person writes it for `kubectl apply -f`.
    #[default]
    Yaml,
    /// Pretty-printed JSON.
    Json,
}

/// A CertificateSigningRequest that the API server's create validation accepts.
#[derive(Clone, Debug, PartialEq)]
pub struct Manifest {
    object: CertificateSigningRequest,
}

impl Manifest {
    /// Wraps `request` as `options` say. Refuses what the API server would
    /// refuse on create: a bad `metadata.name`, a signer name it does not
    /// accept, unknown or repeated usages, a CSR whose self-signature does not
    /// verify. Whether the signer will *issue* the certificate is lint's
    /// business, not this. The self-signature is checked by RustCrypto.
    #[cfg(feature = "software")]
    pub fn new(request: &CertificateRequest, options: &ManifestOptions) -> Result<Self> {
        Self::new_checked(request, options, &crate::SoftwareVerifier)
    }

    /// [`Manifest::new`] with the self-signature checked by `verifier`.
    pub fn new_checked(
        request: &CertificateRequest,
        options: &ManifestOptions,
        verifier: &dyn SignatureVerifier,
    ) -> Result<Self> {
        let info = request.info_checked(verifier)?;
        check_signer(&options.signer)?;
        // The API server checks the self-signature on create. Algorithms that
        // cannot be checked here are left to the server (and to lint).
        if let Err(e @ (SignatureError::Invalid | SignatureError::KeyMismatch(_))) = &info.signature
        {
            return Err(Error::manifest(
                "spec.request",
                format!(
                    "the CSR's self-signature is bad ({e}); make the CSR again with its own key"
                ),
            ));
        }
        let name = match &options.name {
            Some(name) => check_name(name)?,
            None => name_from(info.subject.common_name(), &info.subject_alt_names)?,
        };
        let usages = match &options.usages {
            Some(given) => check_usages(given)?,
            None => {
                let has_hosts = info
                    .subject_alt_names
                    .iter()
                    .any(|host| matches!(host, Host::Dns(_) | Host::Ip(_)));
                default_usages(&options.signer, info.public_key.algorithm, has_hosts)
            }
        };
        let expiration_seconds = match options.expiration {
            Some(expiration) => Some(i32::try_from(expiration.seconds()).map_err(|_| {
                Error::manifest(
                    "spec.expirationSeconds",
                    format!("{}s is more than the API's int32 field holds; ask for at most 2147483647 seconds", expiration.seconds()),
                )
            })?),
            None => None,
        };
        let object = CertificateSigningRequest {
            metadata: ObjectMeta {
                name: Some(name),
                ..ObjectMeta::default()
            },
            spec: Spec {
                request: crate::base64::encode(request.pem().as_bytes()),
                signer_name: options.signer.as_str().to_owned(),
                usages: Some(usages.iter().map(|u| u.as_str().to_owned()).collect()),
                expiration_seconds,
                ..Spec::default()
            },
            status: None,
        };
        Ok(Self { object })
    }

    /// `metadata.name`.
    pub fn name(&self) -> &str {
        self.object.metadata.name.as_deref().unwrap_or_default()
    }

    /// The object.
    pub(super) fn object(&self) -> &CertificateSigningRequest {
        &self.object
    }

    /// `spec.usages`, in the order written.
    pub fn usages(&self) -> &[String] {
        self.object.spec.usages.as_deref().unwrap_or_default()
    }

    /// The manifest as text in `format`, ending in a newline.
    pub fn render(&self, format: ManifestFormat) -> Result<String> {
        match format {
            ManifestFormat::Yaml => self.to_yaml(),
            ManifestFormat::Json => self.to_json(),
        }
    }

    /// Block-style YAML: one field a line, `usages` as a `- ` list.
    pub fn to_yaml(&self) -> Result<String> {
        Ok(render_value(&self.object.to_value(), ManifestFormat::Yaml))
    }

    /// Pretty-printed JSON with a final newline.
    pub fn to_json(&self) -> Result<String> {
        Ok(render_value(&self.object.to_value(), ManifestFormat::Json))
    }
}

/// An object as text in `format`: block YAML, or pretty JSON with a final newline.
pub(super) fn render_value(value: &crate::json::Value, format: ManifestFormat) -> String {
    match format {
        ManifestFormat::Yaml => crate::yaml::to_string(value),
        ManifestFormat::Json => {
            let mut text = crate::json::to_string_pretty(value);
            text.push('\n');
            text
        }
    }
}

/// [`Manifest::new`] and [`Manifest::render`] in one step.
#[cfg(feature = "software")]
pub fn render_manifest(
    request: &CertificateRequest,
    options: &ManifestOptions,
    format: ManifestFormat,
) -> Result<String> {
    Manifest::new(request, options)?.render(format)
}

/// The longest name derived here: a DNS subdomain's limit, which keeps the
/// name usable wherever Kubernetes names are.
const MAX_DERIVED_NAME: usize = 253;

/// The API server's rules for `spec.signerName` on create: its first error,
/// in its words, then what to do.
fn check_signer(signer: &SignerName) -> Result<()> {
    if signer.known() == Some(KnownSigner::LegacyUnknown) {
        return Err(Error::manifest(
            SIGNER_NAME_FIELD,
            format!(
                "Invalid value: {}: the legacy signerName is not allowed via this API version; choose another signer, e.g. {} or your own such as example.com/serving",
                crate::quoted(signer.as_str()),
                KnownSigner::KubeApiserverClient
            ),
        ));
    }
    match signer.syntax_problems().into_iter().next() {
        Some(problem) => Err(Error::manifest(
            SIGNER_NAME_FIELD,
            format!("{problem}; {SIGNER_NAME_FIX}"),
        )),
        None => Ok(()),
    }
}

/// What to do about a signer name the API server refuses.
const SIGNER_NAME_FIX: &str = "a signer name is domain/path, e.g. example.com/serving";

/// The API server's rules for this resource's `metadata.name`: not empty
/// (`ValidateObjectMeta`), and a path segment (apiserver's
/// `ValidatePathSegmentName`); its first error, in its words, then what to do.
fn check_name(name: &str) -> Result<String> {
    let problem = match name {
        "" => Some("Required value: name or generateName is required".to_owned()),
        "." | ".." => Some(format!(
            "Invalid value: {}: may not be '{name}'",
            crate::quoted(name)
        )),
        _ if name.contains('/') => Some(format!(
            "Invalid value: {}: may not contain '/'",
            crate::quoted(name)
        )),
        _ if name.contains('%') => Some(format!(
            "Invalid value: {}: may not contain '%'",
            crate::quoted(name)
        )),
        _ => None,
    };
    match problem {
        Some(problem) => Err(Error::manifest(
            "metadata.name",
            format!(
                "{problem}; name the request with lowercase letters, digits, '-' and '.', e.g. my-svc.my-namespace"
            ),
        )),
        None => Ok(name.to_owned()),
    }
}

/// A name from the common name, else from the first DNS name.
fn name_from(common_name: Option<&str>, hosts: &[Host]) -> Result<String> {
    let first_dns = hosts.iter().find_map(|host| match host {
        Host::Dns(name) => Some(name.as_str()),
        _ => None,
    });
    common_name
        .and_then(derive_name)
        .or_else(|| first_dns.and_then(derive_name))
        .ok_or_else(|| {
            Error::manifest(
                "metadata.name",
                "the CSR has no common name or DNS name to make a name from; give one with --name",
            )
        })
}

/// Lowercases `text`'s ASCII letters, turns characters outside `[a-z0-9.-]`
/// into `-` (one for a run; so any non-ASCII letter too), drops empty labels and the `-` at either end of each label, and cuts
/// the result to 253 characters; `None` when nothing is left.
fn derive_name(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let mut labels: Vec<String> = Vec::new();
    for label in lower.split('.') {
        let mut out = String::with_capacity(label.len());
        let mut replaced = false;
        for c in label.chars() {
            if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' {
                out.push(c);
                replaced = false;
            } else if !replaced {
                out.push('-');
                replaced = true;
            }
        }
        let trimmed = out.trim_matches('-');
        if !trimmed.is_empty() {
            labels.push(trimmed.to_owned());
        }
    }
    let mut name = labels.join(".");
    if name.len() > MAX_DERIVED_NAME {
        // Only ASCII is left, so every index is a character boundary.
        name.truncate(MAX_DERIVED_NAME);
        name.truncate(name.trim_end_matches(['-', '.']).len());
    }
    (!name.is_empty()).then_some(name)
}

/// The API server's rules for `spec.usages`: at least one, each known, none
/// twice; its first error (every unknown usage comes before any repeat), in
/// its words, then what to do where its words do not say.
fn check_usages(given: &[String]) -> Result<Vec<KeyUsage>> {
    if given.is_empty() {
        return Err(Error::manifest(
            "spec.usages",
            "Required value; give at least one usage, e.g. \"digital signature,server auth\"",
        ));
    }
    let mut usages = Vec::with_capacity(given.len());
    for (index, text) in given.iter().enumerate() {
        let usage: KeyUsage = text.parse().map_err(|e: super::usage::UnknownUsage| {
            Error::manifest(format!("spec.usages[{index}]"), e.to_string())
        })?;
        usages.push(usage);
    }
    for (index, usage) in usages.iter().enumerate() {
        // At most one of each usage comes before a repeat, so this is short.
        if usages[..index].contains(usage) {
            return Err(Error::manifest(
                format!("spec.usages[{index}]"),
                format!(
                    "Duplicate value: {}; list each usage once",
                    crate::quoted(usage.as_str())
                ),
            ));
        }
    }
    Ok(usages)
}

#[cfg(test)]
mod tests {
    use super::{check_name, derive_name};

    #[track_caller]
    fn check(text: &str, expect: Option<&str>) {
        assert_eq!(derive_name(text).as_deref(), expect, "{text:?}");
    }

    #[test]
    fn derives_names_from_common_names() {
        check(
            "my-pod.my-namespace.pod.cluster.local",
            Some("my-pod.my-namespace.pod.cluster.local"),
        );
        check("Web.Example.COM", Some("web.example.com"));
        check("system:node:worker-1", Some("system-node-worker-1"));
        check("My Service (prod)", Some("my-service-prod"));
        check("*.example.com", Some("example.com"));
        check("-leading.trailing-", Some("leading.trailing"));
        check("a..b", Some("a.b"));
        check("xn--bcher-kva.example", Some("xn--bcher-kva.example"));
        check("Jürgen", Some("j-rgen"));
        // Only ASCII letters are lowercased: the Kelvin sign is not a `k` here.
        check("\u{212a}ube", Some("ube"));
        check("ÜBER", Some("ber"));
        check("under_score", Some("under-score"));
        check("...", None);
        check("", None);
        check("***", None);
    }

    #[test]
    fn cuts_derived_names_at_253() {
        let a = "a".repeat(250);
        assert_eq!(
            derive_name(&format!("{a}.{}", "b".repeat(10))),
            Some(format!("{a}.bb"))
        );
        // A cut that ends on a separator drops it.
        assert_eq!(derive_name(&format!("{a}xx-y")), Some(format!("{a}xx")));
        assert_eq!(derive_name(&format!("{a}xx.b")), Some(format!("{a}xx")));
        let long = "c".repeat(300);
        assert_eq!(derive_name(&long).map(|n| n.len()), Some(253));
    }

    #[test]
    fn checks_given_names_as_path_segments() {
        for good in ["my-csr", "Upper_Case ok", "a.b"] {
            assert_eq!(check_name(good).ok().as_deref(), Some(good));
        }
        for (bad, said) in [
            ("", "Required value: name or generateName is required"),
            (".", "Invalid value: \".\": may not be '.'"),
            ("..", "may not be '..'"),
            ("a/b", "may not contain '/'"),
            ("50%", "may not contain '%'"),
        ] {
            let message = check_name(bad)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(message.starts_with("metadata.name: "), "{message}");
            assert!(message.contains(said), "{message}");
        }
    }
}
