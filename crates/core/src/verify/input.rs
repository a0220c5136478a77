//! Certificates as they come to `verify`: PEM (a chain, leaf first), DER,
//! or the base64 of either (what `status.certificate` holds).

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::{Certificate, Error, Result};

/// Reads one certificate or a chain from PEM text (every `CERTIFICATE`
/// block, in order), a DER certificate, or the base64 of PEM or DER with any
/// line breaks (a CertificateSigningRequest's `status.certificate`).
///
/// ```
/// # fn main() -> Result<(), csrcraft::Error> {
/// let error = csrcraft::read_certificates(b"hello").unwrap_err();
/// assert!(error.to_string().contains("base64"));
/// # Ok(())
/// # }
/// ```
pub fn read_certificates(input: &[u8]) -> Result<Vec<Certificate>> {
    let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    if input.first() == Some(&DER_SEQUENCE) && !input.is_ascii() {
        return Ok(vec![Certificate::from_der(input)?]);
    }
    let text = std::str::from_utf8(input).map_err(|_| unrecognized())?;
    if text.contains("-----BEGIN ") {
        return Certificate::chain_from_pem(text);
    }
    let compact: String = text.split_whitespace().collect();
    if compact.is_empty() {
        return Err(Error::decode("certificate", "the input is empty"));
    }
    let bytes = STANDARD.decode(compact).map_err(|_| unrecognized())?;
    if bytes.first() == Some(&DER_SEQUENCE) {
        return Ok(vec![Certificate::from_der(&bytes)?]);
    }
    match std::str::from_utf8(&bytes) {
        Ok(decoded) if decoded.contains("-----BEGIN ") => Certificate::chain_from_pem(decoded),
        _ => Err(unrecognized()),
    }
}

/// The tag of a DER SEQUENCE, which a certificate is.
const DER_SEQUENCE: u8 = 0x30;

fn unrecognized() -> Error {
    Error::decode(
        "certificate",
        "not PEM, DER, or the base64 of either; give the certificate as PEM \
         (-----BEGIN CERTIFICATE-----), DER, or the base64 in status.certificate",
    )
}
