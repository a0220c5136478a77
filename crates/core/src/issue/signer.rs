//! The certificate kube-controller-manager's `csrsigning` controller issues
//! for an approved CSR, read from upstream (`pkg/controller/certificates/
//! signer/signer.go`, `.../authority/authority.go` and `policies.go`):
//!
//! - the signer's checks first ([`crate::kubernetes::verdict`]): a CSR it
//!   refuses gets `Failed`, reason `SignerValidationFailure`, no certificate;
//! - from the CSR: the subject (as Go copies a `pkix.Name`), the DNS, email,
//!   IP and URI names, the public key; no other requested extension;
//! - its own: a random serial below 2^128, keyUsage and extKeyUsage from
//!   `spec.usages`, empty basicConstraints, the CA's key identifier as
//!   authorityKeyIdentifier, a lifetime of `--cluster-signing-duration`
//!   (8760h) or `expirationSeconds` if shorter (at least 10 minutes), not
//!   before five minutes ago, not after the CA's own not after;
//! - signed by the CA's key: RSA with SHA-256 whatever its size, ECDSA with
//!   its curve's hash, Ed25519 pure.

use super::certificate::{Template, UnsignedCertificate};
use super::extensions::{
    ExtendedKeyUsage, KeyUsageBit, authority_key_identifier, basic_constraints, extended_key_usage,
    key_usage, subject_alt_name,
};
use super::subject::{copied_name, is_empty_name};
use crate::kubernetes::{Finding, KeyUsage, LintOptions, SignerName, Verdict, verdict};
use crate::time::UnixTime;
use crate::{Certificate, Error, KeyAlgorithm, RequestInfo, Result, SignatureAlgorithm};

/// `--cluster-signing-duration`'s default: 8760h, a year of 365 days.
pub const CLUSTER_SIGNING_DEFAULT_SECONDS: u64 = 8_760 * 3_600;

/// `Backdate` in `signer.go`: not before is this long before the time of issue.
const BACKDATE_SECONDS: i64 = 5 * 60;
/// `Short`: lifetimes below it do not have their not after backdated.
const SHORT_SECONDS: i64 = 8 * 3_600;
/// The least lifetime the signer grants whatever `expirationSeconds` asks.
const MIN_REQUESTED_SECONDS: u64 = 10 * 60;

/// A signer's CA: its certificate, whose subject and key identifier the
/// certificates it issues copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CertificateAuthority {
    certificate: Certificate,
    subject: Vec<u8>,
    key_id: Option<Vec<u8>>,
    algorithm: SignatureAlgorithm,
}

impl CertificateAuthority {
    /// The CA of `certificate`, as kube-controller-manager loads
    /// `--cluster-signing-cert-file` (a CA whose key csrcraft can sign with).
    pub fn new(certificate: Certificate) -> Result<Self> {
        let key = &certificate.info().public_key;
        let algorithm = match key.algorithm {
            Some(KeyAlgorithm::Rsa { .. }) => SignatureAlgorithm::RsaSha256,
            Some(other) => other.signature_algorithm(),
            None => {
                return Err(Error::Signer {
                    problem: format!(
                        "the CA certificate's key is {}; use a CA with an ecdsa (P-256, P-384, P-521), rsa or ed25519 key",
                        key.description
                    ),
                });
            }
        };
        let (subject, key_id) = certificate.issuer_parts()?;
        Ok(Self {
            certificate,
            subject,
            key_id,
            algorithm,
        })
    }

    /// The CA certificate.
    pub fn certificate(&self) -> &Certificate {
        &self.certificate
    }

    /// Whether `public_key_der` (a DER SubjectPublicKeyInfo) is the CA
    /// certificate's key: an error that says so when not, as
    /// kube-controller-manager refuses a key pair that does not match.
    pub fn check_key(&self, public_key_der: &[u8]) -> Result<()> {
        if self.certificate.info().public_key.spki_der == public_key_der {
            Ok(())
        } else {
            Err(Error::Signer {
                problem: "private key does not match public key: the CA key is not the key of the CA certificate; give the ca-key.pem made with this ca.pem".to_owned(),
            })
        }
    }
}

/// How the signer was run: the CSR object's spec besides the request, and the
/// controller's own settings.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct SignOptions {
    /// `spec.signerName`, `spec.usages` and `spec.expirationSeconds`.
    pub request: LintOptions,
    /// `--cluster-signing-duration`, in seconds.
    pub cluster_signing_seconds: u64,
    /// The time of signing.
    pub now: UnixTime,
    /// Sixteen random bytes: the serial, below 2^128.
    pub serial: [u8; 16],
}

impl SignOptions {
    /// Options with the default `--cluster-signing-duration`.
    pub fn new(request: LintOptions, now: UnixTime, serial: [u8; 16]) -> Self {
        Self {
            request,
            cluster_signing_seconds: CLUSTER_SIGNING_DEFAULT_SECONDS,
            now,
            serial,
        }
    }
}

/// What `sign_request`'s certificate is for a signer kube-controller-manager
/// does not sign for; `None` for one it signs for.
pub fn custom_signer_note(signer: &SignerName) -> Option<String> {
    (!signer.signed_by_controller_manager()).then(|| {
        format!(
            "kube-controller-manager does not sign for {signer}: this is the certificate a signer with its policy issues; in a cluster, {signer}'s own controller decides"
        )
    })
}

/// What the cluster ends with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignerOutcome {
    /// The API server would not create the object.
    Refused(Finding),
    /// The signer fails it: condition `Failed`, reason `SignerValidationFailure`,
    /// message the finding's.
    Failed(Finding),
    /// The certificate to sign with the CA's key.
    Issued(UnsignedCertificate),
}

/// What kube-controller-manager's signer does with `request` (already read,
/// its self-signature checked) sent as `options` say, once approved.
pub fn sign_request(
    ca: &CertificateAuthority,
    request: &RequestInfo,
    options: &SignOptions,
) -> Result<SignerOutcome> {
    match verdict(request, &options.request) {
        Verdict::Refused(finding) => return Ok(SignerOutcome::Refused(finding)),
        Verdict::Failed(finding) => return Ok(SignerOutcome::Failed(finding)),
        Verdict::Accepted => {}
    }
    let (bits, purposes) = usages(&options.request.effective_usages(request));
    let (not_before, not_after) = validity(ca, options)?;
    let subject = copied_name(&request.subject);
    let mut extensions: Vec<Vec<u8>> = key_usage(&bits).into_iter().collect();
    extensions.extend(extended_key_usage(&purposes));
    extensions.push(basic_constraints(false));
    // Go copies the issuer's subjectKeyIdentifier when issuer and subject differ.
    if let Some(key_id) = &ca.key_id
        && ca.subject != subject
    {
        extensions.push(authority_key_identifier(key_id));
    }
    extensions.extend(subject_alt_name(
        &request.subject_alt_names,
        is_empty_name(&subject),
    )?);
    let certificate = UnsignedCertificate::build(&Template {
        serial: &options.serial,
        algorithm: ca.algorithm.clone(),
        issuer: &ca.subject,
        not_before,
        not_after,
        subject: &subject,
        spki: &request.public_key.spki_der,
        extensions,
    })?;
    Ok(SignerOutcome::Issued(certificate))
}

/// `keyUsagesFromStrings`: the key usage bits and the extended key usages
/// (each once, in Go's order) of the API's usage names. Names the API does
/// not know were refused on create.
fn usages(names: &[String]) -> (Vec<KeyUsageBit>, Vec<ExtendedKeyUsage>) {
    let mut bits = Vec::new();
    let mut purposes = Vec::new();
    for usage in names
        .iter()
        .filter_map(|name| name.parse::<KeyUsage>().ok())
    {
        use ExtendedKeyUsage as Eku;
        use KeyUsageBit as Bit;
        match usage {
            KeyUsage::Signing | KeyUsage::DigitalSignature => bits.push(Bit::DigitalSignature),
            KeyUsage::ContentCommitment => bits.push(Bit::ContentCommitment),
            KeyUsage::KeyEncipherment => bits.push(Bit::KeyEncipherment),
            KeyUsage::KeyAgreement => bits.push(Bit::KeyAgreement),
            KeyUsage::DataEncipherment => bits.push(Bit::DataEncipherment),
            KeyUsage::CertSign => bits.push(Bit::CertSign),
            KeyUsage::CrlSign => bits.push(Bit::CrlSign),
            KeyUsage::EncipherOnly => bits.push(Bit::EncipherOnly),
            KeyUsage::DecipherOnly => bits.push(Bit::DecipherOnly),
            KeyUsage::Any => purposes.push(Eku::Any),
            KeyUsage::ServerAuth => purposes.push(Eku::ServerAuth),
            KeyUsage::ClientAuth => purposes.push(Eku::ClientAuth),
            KeyUsage::CodeSigning => purposes.push(Eku::CodeSigning),
            KeyUsage::EmailProtection | KeyUsage::SMime => purposes.push(Eku::EmailProtection),
            KeyUsage::IpsecEndSystem => purposes.push(Eku::IpsecEndSystem),
            KeyUsage::IpsecTunnel => purposes.push(Eku::IpsecTunnel),
            KeyUsage::IpsecUser => purposes.push(Eku::IpsecUser),
            KeyUsage::Timestamping => purposes.push(Eku::TimeStamping),
            KeyUsage::OcspSigning => purposes.push(Eku::OcspSigning),
            KeyUsage::MicrosoftSgc => purposes.push(Eku::MicrosoftServerGatedCrypto),
            KeyUsage::NetscapeSgc => purposes.push(Eku::NetscapeServerGatedCrypto),
        }
    }
    // Each once, in Go's order: `ALL` is in that order (no sort code in the wasm).
    let purposes = ExtendedKeyUsage::ALL
        .into_iter()
        .filter(|purpose| purposes.contains(purpose))
        .collect();
    (bits, purposes)
}

/// The signer's `duration` and `PermissiveSigningPolicy.apply`: not before
/// and not after, or upstream's error when the CA has expired.
fn validity(ca: &CertificateAuthority, options: &SignOptions) -> Result<(UnixTime, UnixTime)> {
    let ttl = match options.request.expiration_seconds {
        None => options.cluster_signing_seconds,
        Some(requested) if requested > options.cluster_signing_seconds => {
            options.cluster_signing_seconds
        }
        Some(requested) => requested.max(MIN_REQUESTED_SECONDS),
    };
    let ttl = i64::try_from(ttl).unwrap_or(i64::MAX);
    let now = options.now.0;
    let not_before = now.saturating_sub(BACKDATE_SECONDS);
    let mut not_after = if ttl < SHORT_SECONDS {
        now.saturating_add(ttl)
    } else {
        now.saturating_add(ttl - BACKDATE_SECONDS)
    };
    let signer_not_after = ca.certificate.info().not_after;
    not_after = not_after.min(signer_not_after.0);
    let fix = "make a new CA (csrcraft ca init) or sign at an earlier --at";
    if not_before >= signer_not_after.0 {
        return Err(Error::Signer {
            problem: format!(
                "the signer has expired: NotAfter={}; {fix}",
                go_time(signer_not_after)
            ),
        });
    }
    if now >= signer_not_after.0 {
        return Err(Error::Signer {
            problem: format!(
                "refusing to sign a certificate that expired in the past: NotAfter={}; {fix}",
                go_time(signer_not_after)
            ),
        });
    }
    Ok((UnixTime(not_before), UnixTime(not_after)))
}

/// A UTC time as Go's `time.Time` prints with `%v`: `2031-12-05 21:23:00 +0000 UTC`.
fn go_time(time: UnixTime) -> String {
    let text = time.to_rfc3339();
    let text = text.strip_suffix('Z').unwrap_or(&text);
    format!("{} +0000 UTC", text.replacen('T', " ", 1))
}
