//! Certificates as they come to `verify`: anything `inspect` reads that holds
//! certificates — PEM (a chain, leaf first), DER, the base64 of either (what
//! `status.certificate` holds), or a whole `kubectl get csr -o yaml|json`
//! object.

use crate::{Certificate, Error, Result};

/// Reads one certificate or a chain, leaf first, in any form `inspect` reads.
///
/// ```
/// let error = csrcraft::read_certificates(b"hello").unwrap_err();
/// assert!(error.to_string().contains("base64"));
/// ```
pub fn read_certificates(input: &[u8]) -> Result<Vec<Certificate>> {
    let decoded = crate::inspect::decode(input)?;
    if !decoded.certificates.is_empty() {
        return Ok(decoded.certificates);
    }
    let problem = if decoded.object.is_some() {
        "the CertificateSigningRequest has no status.certificate yet: it must be approved and then signed"
    } else {
        "this is a certificate request, not a certificate; give what the signer returned (status.certificate)"
    };
    Err(Error::decode("certificate", problem))
}
