//! Verifying an issued certificate: does it chain to the CA, is it valid at a
//! given time, is it for the key and the request it should be, does it serve
//! the host, and does it fit TLS use. Every check is reported with why.
//!
//! The time comes in as an argument ([`VerifyInput::at`]); nothing here reads
//! the clock.
//!
//! What fails and what is only a note:
//!
//! - **signature chain**: fails unless every link verifies up to one of the
//!   trusted CAs; intermediates must have basicConstraints `CA:TRUE`.
//! - **validity**: fails when any certificate on the path (the trusted CA too,
//!   as Go and openssl check it) is expired or not yet valid at `at`.
//! - **key match**: fails when the certificate's public key is not the private
//!   key's.
//! - **request match**: fails for another public key, a CN or O (the user and
//!   groups a Kubernetes API server reads) that differ from the request, or a
//!   requested subjectAltName the certificate lacks. Other subject attributes,
//!   SANs issued but not requested, and key usages are notes: a Kubernetes
//!   signer drops every requested extension but the SANs and sets the usages
//!   from `spec.usages`.
//! - **hostname**: fails when `host` matches no SAN as a TLS client checks it.
//! - **usage**: with a host, fails unless the certificate fits TLS server use;
//!   without one, fails only when it fits neither server nor client use.

mod algorithms;
mod chain;
mod explain;
mod hostname;
mod input;
mod issuers;
mod json;
mod key_match;
mod name_constraints;
mod path;
mod request_match;
mod usage;
mod validity;

use std::fmt;

pub use self::input::read_certificates;
use self::issuers::Issuers;
use crate::{
    Certificate, CertificateRequest, DomainToAscii, Error, PublicKeyInfo, Result,
    SignatureQuestion, SignatureVerifier, UnixTime,
};

/// What to verify, and against what.
#[derive(Clone, Copy)]
pub struct VerifyInput<'a> {
    /// The certificate to verify first, then any intermediates (as
    /// `status.certificate` or a server's chain holds them).
    pub chain: &'a [Certificate],
    /// The trusted CA certificate(s).
    pub trust: &'a [Certificate],
    /// The public half of the private key the certificate should be for
    /// (e.g. [`PrivateKey::public_key_info`](crate::PrivateKey::public_key_info)).
    pub key: Option<&'a PublicKeyInfo>,
    /// The CSR the certificate should answer.
    pub request: Option<&'a CertificateRequest>,
    /// A host name or IP address the certificate should serve.
    pub host: Option<&'a str>,
    /// The TLS use to validate for; `None` means server use when a `host`
    /// is given, else server or client use.
    pub purpose: Option<Purpose>,
    /// The time to check validity at.
    pub at: UnixTime,
    /// Checks the signatures: the chain's and the CSR's.
    pub signatures: &'a dyn SignatureVerifier,
    /// Turns an internationalized `host` into ASCII (e.g. `Idna`, with
    /// feature `idna`).
    pub domains: &'a dyn DomainToAscii,
}

/// The TLS use a certificate is validated for: its extended key usage, and
/// that of every CA above it, must allow it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Purpose {
    /// A TLS server's certificate (`server auth`).
    Server,
    /// A TLS client's certificate (`client auth`), as a Kubernetes
    /// `kube-apiserver-client` certificate is.
    Client,
}

impl Purpose {
    /// Reads `server` or `client`.
    pub fn parse(text: &str) -> Result<Self> {
        match text {
            "server" => Ok(Self::Server),
            "client" => Ok(Self::Client),
            other => Err(Error::decode(
                "purpose",
                format!(
                    "{} is not a purpose; use server or client",
                    crate::quoted(other)
                ),
            )),
        }
    }

    /// `server` or `client`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Server => "server",
            Self::Client => "client",
        }
    }
}

/// Every check, in a fixed order.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct VerifyReport {
    /// `signature chain`, `validity`, `key match`, `request match`,
    /// `hostname`, `usage`, in that order.
    pub checks: Vec<Check>,
}

/// One check and its outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Check {
    /// Which check, one of the `Check::*` names.
    pub name: &'static str,
    /// Whether it passed.
    pub outcome: Outcome,
    /// Why, with specifics (names, times, algorithms).
    pub detail: String,
    /// Information that does not change the outcome, e.g. a SAN issued but
    /// not requested (`+ DNS:extra.example`) or a requested one missing
    /// (`- DNS:web.example`).
    pub notes: Vec<String>,
}

/// The outcome of one check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// The check holds.
    Pass,
    /// The check does not hold.
    Fail,
    /// Not checked: its input (key, CSR or host) was not given.
    Skipped,
}

impl Check {
    /// The name of the chain check.
    pub const SIGNATURE_CHAIN: &'static str = "signature chain";
    /// The name of the validity check.
    pub const VALIDITY: &'static str = "validity";
    /// The name of the private key check.
    pub const KEY_MATCH: &'static str = "key match";
    /// The name of the CSR check.
    pub const REQUEST_MATCH: &'static str = "request match";
    /// The name of the host name check.
    pub const HOSTNAME: &'static str = "hostname";
    /// The name of the TLS usage check.
    pub const USAGE: &'static str = "usage";

    pub(crate) fn new(name: &'static str, outcome: Outcome, detail: impl Into<String>) -> Self {
        Self {
            name,
            outcome,
            detail: detail.into(),
            notes: Vec::new(),
        }
    }

    pub(crate) fn pass(name: &'static str, detail: impl Into<String>) -> Self {
        Self::new(name, Outcome::Pass, detail)
    }

    pub(crate) fn fail(name: &'static str, detail: impl Into<String>) -> Self {
        Self::new(name, Outcome::Fail, detail)
    }

    pub(crate) fn skipped(name: &'static str, detail: impl Into<String>) -> Self {
        Self::new(name, Outcome::Skipped, detail)
    }

    pub(crate) fn with_notes(mut self, notes: Vec<String>) -> Self {
        self.notes = notes;
        self
    }
}

impl Outcome {
    /// `PASS`, `FAIL` or `SKIP`.
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Pass => "PASS",
            Outcome::Fail => "FAIL",
            Outcome::Skipped => "SKIP",
        }
    }
}

impl VerifyReport {
    /// True when no check failed (skipped checks are fine).
    pub fn passed(&self) -> bool {
        self.failures() == 0
    }

    /// How many checks failed.
    pub fn failures(&self) -> usize {
        self.checks
            .iter()
            .filter(|c| c.outcome == Outcome::Fail)
            .count()
    }

    /// The check named `name`, if the report has it.
    pub fn check(&self, name: &str) -> Option<&Check> {
        self.checks.iter().find(|c| c.name == name)
    }
}

/// Width of the name column in the text view: the longest check name.
const NAME_WIDTH: usize = 15;

impl fmt::Display for Check {
    /// `PASS  signature chain  leaf signed by ...`, then each note on its own
    /// line, indented.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}  {:<NAME_WIDTH$}  {}",
            self.outcome.label(),
            self.name,
            self.detail
        )?;
        for note in &self.notes {
            write!(f, "\n{:w$}{note}", "", w = 4 + 2 + NAME_WIDTH + 2)?;
        }
        Ok(())
    }
}

impl fmt::Display for VerifyReport {
    /// One line per check (with its notes), then `verified` or
    /// `NOT verified: N checks failed`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for check in &self.checks {
            writeln!(f, "{check}")?;
        }
        match self.failures() {
            0 => f.write_str("verified"),
            1 => f.write_str("NOT verified: 1 check failed"),
            n => write!(f, "NOT verified: {n} checks failed"),
        }
    }
}

/// Runs every check on `input.chain[0]`.
///
/// `Err` only for input that cannot be checked at all: an empty chain or
/// trust list, or a CSR or key that cannot be read. Everything else, however
/// wrong, is a failed check in the report.
pub fn verify(input: &VerifyInput<'_>) -> Result<VerifyReport> {
    let Some(leaf) = input.chain.first() else {
        return Err(Error::decode(
            "certificate",
            "no certificate given; give the issued certificate (PEM, DER or base64 of PEM)",
        ));
    };
    if input.trust.is_empty() {
        return Err(Error::decode(
            "CA",
            "no CA certificate given; give the CA that should have issued the certificate",
        ));
    }
    let issuers = Issuers::new(input.chain, input.trust);
    // Refuses what would take too many signature checks, before any is made.
    issuers.reachable_pairs(input.chain)?;
    let purpose = input
        .purpose
        .or_else(|| input.host.map(|_| Purpose::Server));
    let validation = path::validate(
        leaf,
        input.chain.get(1..).unwrap_or_default(),
        input.trust,
        input.at,
        purpose,
        input.signatures,
    );
    let path = chain::path(
        &validation,
        input.chain,
        input.trust,
        &issuers,
        purpose,
        input.signatures,
    );
    let mut chain_check = path.check();
    let validity_check = validity::check(&path.roles(leaf), input.at);
    if validation.moved_to.is_some() && validity_check.outcome == Outcome::Pass {
        // Never reached: a path that holds only at another time has a
        // certificate out of date at `at`. Should it be, the chain still fails.
        chain_check = Check::fail(
            Check::SIGNATURE_CHAIN,
            format!("no path holds at {}", input.at),
        );
    }
    let checks = vec![
        chain_check,
        validity_check,
        key_match::check(leaf, input.key),
        request_match::check(leaf, input.request, input.signatures)?,
        hostname_check(leaf, input.host, input.domains),
        usage::check(leaf, purpose),
    ];
    Ok(VerifyReport { checks })
}

/// The signature checks [`verify`] asks for with this `chain`, `trust` and
/// `request` (the first phase of a [`SignatureAnswers`](crate::SignatureAnswers) check): each
/// certificate reachable from the leaf with each possible issuer by name,
/// and the CSR's self-signature. None when `verify` refuses the input before
/// checking any.
pub fn verify_signature_questions(
    chain: &[Certificate],
    trust: &[Certificate],
    request: Option<&CertificateRequest>,
) -> Vec<SignatureQuestion> {
    let pairs = Issuers::new(chain, trust)
        .reachable_pairs(chain)
        .unwrap_or_default();
    let mut questions: Vec<SignatureQuestion> = pairs
        .into_iter()
        .map(|(certificate, issuer)| {
            certificate.signed_by_question(&issuer.info().public_key.spki_der)
        })
        .collect();
    questions.extend(request.into_iter().flat_map(|r| r.signature_questions()));
    questions
}

fn hostname_check(leaf: &Certificate, host: Option<&str>, domains: &dyn DomainToAscii) -> Check {
    let Some(host) = host else {
        return Check::skipped(Check::HOSTNAME, "no host given");
    };
    let info = leaf.info();
    let target = match hostname::Target::parse(host, domains) {
        Ok(target) => target,
        Err(problem) => return Check::fail(Check::HOSTNAME, problem),
    };
    match hostname::match_host(&target, &info.subject_alt_names) {
        hostname::HostMatch::Matched(san) => Check::pass(
            Check::HOSTNAME,
            format!("{} matches {san}", crate::quoted(host)),
        ),
        hostname::HostMatch::NoMatch => {
            Check::fail(Check::HOSTNAME, hostname::explain_miss(host, &target, info))
        }
    }
}

/// A name in double quotes, as the chain check's messages show it.
fn quoted_name(name: &crate::DistinguishedName) -> String {
    format!("\"{name}\"")
}
