//! A CertificateSigningRequest carried through approval and signing without a
//! cluster: `kubectl certificate approve` adds `Approved`, then the signer
//! sets `status.certificate` or adds `Failed`, each condition stamped as the
//! API server stamps it (`lastUpdateTime` and `lastTransitionTime`).

use super::lint::LintOptions;
use super::manifest::{Manifest, ManifestFormat, render_value};
use super::object::{
    CertificateSigningRequest, Condition, Status, base64_field, json_value, pem_text, read_object,
    yaml_value,
};
use super::signer::SignerName;
use crate::time::UnixTime;
use crate::{CertificateRequest, Error, Result};

/// `kubectl certificate approve`'s condition.
const APPROVE_REASON: &str = "KubectlApprove";
const APPROVE_MESSAGE: &str = "This CSR was approved by kubectl certificate approve.";
/// The in-tree signers' reason for a CSR they refuse.
const FAILURE_REASON: &str = "SignerValidationFailure";

/// A CertificateSigningRequest object on its way to a certificate.
#[derive(Clone, Debug, PartialEq)]
pub struct SigningRequest {
    object: CertificateSigningRequest,
}

impl SigningRequest {
    /// Reads a `kubectl get csr NAME -o yaml` (or `-o json`) object. Fields
    /// csrcraft does not know are not kept.
    pub fn from_object(text: &str) -> Result<Self> {
        let value = if text.trim_start().starts_with('{') {
            json_value(text)?
        } else {
            yaml_value(text)?
        };
        Ok(Self {
            object: read_object(&value)?,
        })
    }

    /// The object `kubectl apply -f` makes of `manifest`.
    pub fn from_manifest(manifest: &Manifest) -> Self {
        Self {
            object: manifest.object().clone(),
        }
    }

    /// `metadata.name`.
    pub fn name(&self) -> &str {
        self.object.metadata.name.as_deref().unwrap_or_default()
    }

    /// The CSR of `spec.request`.
    pub fn request(&self) -> Result<CertificateRequest> {
        let field = "spec.request";
        let bytes = base64_field(&self.object.spec.request, field)?;
        CertificateRequest::from_pem(&pem_text(bytes, field)?).map_err(|e| e.within(field))
    }

    /// `spec.signerName`, `spec.usages` and `spec.expirationSeconds`, for the
    /// signer's checks.
    pub fn options(&self) -> LintOptions {
        let spec = &self.object.spec;
        LintOptions {
            signer: SignerName::new(spec.signer_name.clone()),
            usages: spec.usages.clone(),
            expiration_seconds: spec
                .expiration_seconds
                .and_then(|seconds| u64::try_from(seconds).ok()),
        }
    }

    /// Refuses an object the signer would not act on: one already issued,
    /// denied or failed. `Ok` for a pending or approved one.
    pub fn check_signable(&self) -> Result<()> {
        let status = self.object.status.as_ref();
        let refuse = |problem: String| Err(Error::manifest("status", problem));
        if status
            .and_then(|s| s.certificate.as_deref())
            .is_some_and(|c| !c.is_empty())
        {
            return refuse(
                "status.certificate is already set: the signer issued this CSR already; inspect or verify it instead".to_owned(),
            );
        }
        for condition in self.conditions() {
            if condition.status == "True" && matches!(condition.kind.as_str(), "Denied" | "Failed")
            {
                let message = condition.message.as_deref().unwrap_or_default();
                return refuse(format!(
                    "the CSR is {}{}: the signer ignores it; make a new CertificateSigningRequest",
                    condition.kind,
                    if message.is_empty() {
                        String::new()
                    } else {
                        format!(" ({message})")
                    }
                ));
            }
        }
        Ok(())
    }

    /// `kubectl certificate approve` at `now`: adds `Approved` unless the
    /// object has it.
    pub fn approve(&mut self, now: UnixTime) {
        if !self.conditions().iter().any(|c| c.kind == "Approved") {
            self.push_condition(condition("Approved", APPROVE_REASON, APPROVE_MESSAGE, now));
        }
    }

    /// What the signer writes when it fails the CSR at `now` with `message`.
    pub fn fail(&mut self, message: &str, now: UnixTime) {
        self.push_condition(condition("Failed", FAILURE_REASON, message, now));
    }

    /// What the signer writes when it issues `certificate_pem`.
    pub fn issue(&mut self, certificate_pem: &str) {
        self.status().certificate = Some(crate::base64::encode(certificate_pem.as_bytes()));
    }

    /// The object as `kubectl get csr NAME -o yaml` (or `-o json`) shows it.
    pub fn render(&self, format: ManifestFormat) -> Result<String> {
        Ok(render_value(&self.object.to_value(), format))
    }

    fn conditions(&self) -> &[Condition] {
        self.object
            .status
            .as_ref()
            .and_then(|s| s.conditions.as_deref())
            .unwrap_or_default()
    }

    fn status(&mut self) -> &mut Status {
        self.object.status.get_or_insert_with(Status::default)
    }

    fn push_condition(&mut self, condition: Condition) {
        self.status()
            .conditions
            .get_or_insert_with(Vec::new)
            .push(condition);
    }
}

/// A `True` condition stamped at `now`.
fn condition(kind: &str, reason: &str, message: &str, now: UnixTime) -> Condition {
    Condition {
        last_transition_time: Some(now.to_rfc3339()),
        last_update_time: Some(now.to_rfc3339()),
        message: Some(message.to_owned()),
        reason: Some(reason.to_owned()),
        status: "True".to_owned(),
        kind: kind.to_owned(),
    }
}
