//! Reading the spec and key files (or standard input).

use std::io::Read;
use std::path::{Path, PathBuf};

use zeroize::Zeroizing;

use crate::error::CliError;

/// Reads `path` as text; `-` is standard input.
pub fn read_text(path: &Path) -> Result<String, CliError> {
    let read_error = |source| CliError::Read {
        path: path.to_path_buf(),
        source,
    };
    let bytes = if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(read_error)?;
        bytes
    } else {
        std::fs::read(path).map_err(read_error)?
    };
    String::from_utf8(bytes).map_err(|_| CliError::NotText {
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
