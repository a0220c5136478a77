//! Path validation as a TLS client does it (RFC 5280 §6 with the CA/Browser
//! Forum's profile), by rustls-webpki: path building over the certificates
//! and CAs given, name constraints, basicConstraints and pathLenConstraint,
//! extended key usage through the whole path, critical extensions, and the
//! signature and key policy of [`algorithms`](super::algorithms).
//!
//! Its verdict is the chain check's; the certificates of the path it found
//! are what the other checks look at.

use std::time::Duration;

use rustls_pki_types::{CertificateDer, SignatureVerificationAlgorithm, TrustAnchor};
use webpki::{EndEntityCert, Error, KeyUsage, anchor_from_trusted_cert};

use super::Purpose;
use super::algorithms;
use crate::{Certificate, SignatureVerifier, UnixTime};

/// How path validation ended.
pub(super) struct Validation<'a> {
    /// The path from the leaf up to the trusted CA (leaf first), or
    /// rustls-webpki's reason for refusing every path.
    pub(super) path: Result<Vec<&'a Certificate>, Error>,
    /// Set when no path holds at the time asked, but one does at this other
    /// time: then only validity stands between the chain and a verdict, and
    /// the validity check says which certificate is out of date.
    pub(super) moved_to: Option<UnixTime>,
    /// Trusted CAs that cannot be trust anchors, with why.
    pub(super) unusable_cas: Vec<(&'a Certificate, Error)>,
}

/// How often validation moves to another time when the one asked finds
/// every path out of date; each move goes to a bound of one certificate's
/// validity, so a few are enough for any real chain.
const MAX_TIME_MOVES: usize = 4;

/// Validates `leaf` up to one of `trust` at `at`, through any of `given`
/// (the certificates that came with it).
pub(super) fn validate<'a>(
    leaf: &'a Certificate,
    given: &'a [Certificate],
    trust: &'a [Certificate],
    at: UnixTime,
    purpose: Option<Purpose>,
    verifier: &dyn SignatureVerifier,
) -> Validation<'a> {
    let der = |certificate: &'a Certificate| CertificateDer::from(certificate.der());
    let trusted: Vec<CertificateDer<'a>> = trust.iter().map(der).collect();
    let mut anchors: Vec<TrustAnchor<'_>> = Vec::new();
    let mut anchor_cas = Vec::new();
    let mut unusable_cas = Vec::new();
    for (ca, ca_der) in trust.iter().zip(&trusted) {
        match anchor_from_trusted_cert(ca_der) {
            Ok(anchor) => {
                anchors.push(anchor);
                anchor_cas.push(ca);
            }
            Err(e) => unusable_cas.push((ca, e)),
        }
    }
    let intermediates: Vec<CertificateDer<'a>> = given.iter().map(der).collect();
    let leaf_der = der(leaf);
    let algorithms = algorithms::accepted(verifier);
    let algorithms: Vec<&dyn SignatureVerificationAlgorithm> = algorithms
        .iter()
        .map(|a| a as &dyn SignatureVerificationAlgorithm)
        .collect();

    let run = |time: UnixTime| -> Result<Vec<&'a Certificate>, Error> {
        let end_entity = EndEntityCert::try_from(&leaf_der)?;
        let mut first_error = None;
        for usage in usages(purpose) {
            let found = end_entity.verify_for_usage(
                &algorithms,
                &anchors,
                &intermediates,
                webpki_time(time),
                usage,
                None,
                None,
            );
            match found {
                Ok(path) => {
                    let mut certificates = vec![leaf];
                    for cert in path.intermediate_certificates() {
                        if let Some(given) = given.iter().find(|c| c.der() == cert.der().as_ref()) {
                            certificates.push(given);
                        }
                    }
                    let anchor = anchors.iter().position(|a| std::ptr::eq(a, path.anchor()));
                    if let Some(ca) = anchor.and_then(|i| anchor_cas.get(i)) {
                        certificates.push(ca);
                    }
                    return Ok(certificates);
                }
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        Err(first_error.unwrap_or(Error::UnknownIssuer))
    };

    let mut validation = Validation {
        path: run(at),
        moved_to: None,
        unusable_cas,
    };
    let mut error = validation.path.as_ref().err().cloned();
    for _ in 0..MAX_TIME_MOVES {
        let time = match error {
            Some(Error::CertExpired { not_after, .. }) => from_webpki(not_after),
            Some(Error::CertNotValidYet { not_before, .. }) => from_webpki(not_before),
            _ => break,
        };
        match run(time) {
            Ok(path) => {
                validation.path = Ok(path);
                validation.moved_to = Some(time);
                break;
            }
            Err(e) => error = Some(e),
        }
    }
    validation
}

/// The extended key usages to validate for: the purpose's, or when none is
/// given, TLS server use and then TLS client use.
fn usages(purpose: Option<Purpose>) -> Vec<KeyUsage> {
    match purpose {
        Some(Purpose::Server) => vec![KeyUsage::server_auth()],
        Some(Purpose::Client) => vec![KeyUsage::client_auth()],
        None => vec![KeyUsage::server_auth(), KeyUsage::client_auth()],
    }
}

fn webpki_time(time: UnixTime) -> rustls_pki_types::UnixTime {
    let seconds = u64::try_from(time.0).unwrap_or(0);
    rustls_pki_types::UnixTime::since_unix_epoch(Duration::from_secs(seconds))
}

fn from_webpki(time: rustls_pki_types::UnixTime) -> UnixTime {
    UnixTime(i64::try_from(time.as_secs()).unwrap_or(i64::MAX))
}
