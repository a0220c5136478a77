//! Reading the spec and key files (or standard input).

use std::io::Read;
use std::path::{Path, PathBuf};

use zeroize::Zeroizing;

use crate::error::CliError;

/// Reads `path` as bytes (DER is binary); `-` is standard input.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, CliError> {
    let read_error = |source| CliError::Read {
        path: path.to_path_buf(),
        source,
    };
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(read_error)?;
        Ok(bytes)
    } else {
        std::fs::read(path).map_err(read_error)
    }
}

/// Reads `path` as text; `-` is standard input.
pub fn read_text(path: &Path) -> Result<String, CliError> {
    String::from_utf8(read_bytes(path)?).map_err(|_| CliError::NotText {
        path: path.to_path_buf(),
    })
}

/// Reads a private key file; the text is zeroized when dropped.
pub fn read_secret(path: &Path) -> Result<Zeroizing<String>, CliError> {
    let bytes = Zeroizing::new(std::fs::read(path).map_err(|source| CliError::Read {
        path: PathBuf::from(path),
        source,
    })?);
    match std::str::from_utf8(&bytes) {
        Ok(text) => Ok(Zeroizing::new(text.to_owned())),
        Err(_) => Err(CliError::NotText {
            path: path.to_path_buf(),
        }),
    }
}

/// What `manifest` and `lint` were given: a CSR, or a spec to make one from.
pub enum CsrOrSpec {
    /// A PEM CSR.
    Csr(csrcraft::CertificateRequest),
    /// A cfssl CSR JSON spec (its warnings already printed).
    Spec(csrcraft::Spec),
}

/// Reads `path` (or `-`) as a PEM CSR when it holds a PEM block, else as a spec.
pub fn read_csr_or_spec(path: &Path) -> Result<CsrOrSpec, CliError> {
    let text = read_text(path)?;
    if text.contains("-----BEGIN ") {
        return Ok(CsrOrSpec::Csr(csrcraft::CertificateRequest::from_pem(
            &text,
        )?));
    }
    let parsed = csrcraft::Spec::from_json(&text)?;
    for warning in &parsed.warnings {
        crate::commands::warn(warning);
    }
    Ok(CsrOrSpec::Spec(parsed.value))
}
