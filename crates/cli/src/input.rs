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

/// Reads a private key file, encrypted when `passphrase_file` is given: then
/// it must be an `ENCRYPTED PRIVATE KEY`, and a plain one is refused (whoever
/// gives a passphrase believes the key is protected). The one way every
/// command reads a key (`--key`, `--ca-key`, ...).
pub fn read_private_key(
    path: &Path,
    passphrase_file: Option<&Path>,
) -> Result<csrcraft::PrivateKey, CliError> {
    let text = read_secret(path)?;
    let key = match passphrase_file {
        None => csrcraft::PrivateKey::from_pem(&text)
            .map_err(|e| name_passphrase(e, "--passphrase-file")),
        Some(file) => {
            let passphrase = read_passphrase(file)?;
            csrcraft::PrivateKey::from_pem_with_passphrase(&text, passphrase.as_bytes())
                .map_err(|e| passphrase.name_error(e))
        }
    };
    Ok(key?)
}

/// A passphrase read from its file; zeroized when dropped.
pub struct Passphrase {
    bytes: Zeroizing<Vec<u8>>,
    /// `--passphrase-file FILE`, for messages.
    name: String,
}

impl Passphrase {
    /// The passphrase's bytes, as openssl takes them.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The core's passphrase errors named `--passphrase-file FILE`; others unchanged.
    pub fn name_error(&self, error: csrcraft::Error) -> csrcraft::Error {
        name_passphrase(error, &self.name)
    }
}

/// Reads a passphrase file as openssl's `-passin file:FILE` does: one
/// trailing `\n` is not part of the passphrase. Where openssl would read
/// something other than the whole file, it is refused rather than guessed:
/// more than one line (openssl takes the first alone), and a `\r\n` ending
/// (openssl 3 keeps the `\r` in the passphrase, which a person typing it
/// would not). Whether the passphrase is empty is the core's to say.
pub fn read_passphrase(path: &Path) -> Result<Passphrase, CliError> {
    let bytes = Zeroizing::new(std::fs::read(path).map_err(|source| CliError::Read {
        path: path.to_path_buf(),
        source,
    })?);
    let line = bytes.strip_suffix(b"\n").unwrap_or(&bytes);
    if line.contains(&b'\n') {
        return Err(CliError::PassphraseLines {
            path: path.to_path_buf(),
        });
    }
    if line.ends_with(b"\r") {
        return Err(CliError::PassphraseCarriageReturn {
            path: path.to_path_buf(),
        });
    }
    Ok(Passphrase {
        bytes: Zeroizing::new(line.to_vec()),
        name: format!("--passphrase-file {}", path.display()),
    })
}

/// The core's passphrase errors under the option's name; others unchanged.
pub fn name_passphrase(error: csrcraft::Error, name: &str) -> csrcraft::Error {
    match error {
        csrcraft::Error::Passphrase { .. } => error.named(name),
        other => other,
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
