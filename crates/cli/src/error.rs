//! The CLI's one error type.

use std::io;
use std::path::PathBuf;

/// What can stop a command; printed as `csrcraft: error: ...`, exit status 2.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The core refused the input.
    #[error(transparent)]
    Core(#[from] csrcraft::Error),
    /// An input file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file, or `-` for standard input.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// An input file is not text.
    #[error("{} is not UTF-8 text; give the spec as JSON and keys as PEM", path.display())]
    NotText {
        /// The file.
        path: PathBuf,
    },
    /// The key file exists and `--force` was not given.
    #[error("{} already exists; csrcraft never overwrites a private key: choose another --bare NAME, or add --force", path.display())]
    KeyExists {
        /// The key file.
        path: PathBuf,
    },
    /// `manifest` was given a spec but no `--bare NAME` for the new key.
    #[error("given a spec, manifest makes a new key; add --bare NAME to keep it in NAME-key.pem")]
    SpecNeedsBare,
    /// Options that do not go together, or one that is missing.
    #[error("{0}")]
    Conflict(String),
    /// The system's random number generator failed.
    #[error("the system's random number generator failed: {0}")]
    Random(String),
    /// A passphrase file holds more than one line.
    #[error("--passphrase-file {}: holds more than one line; openssl's file: reads only the first, so put the passphrase alone on one line", path.display())]
    PassphraseLines {
        /// The passphrase file.
        path: PathBuf,
    },
    /// A passphrase file's line ends in `\r\n`.
    #[error("--passphrase-file {}: the line ends in \\r\\n (a Windows line ending), and openssl's file: keeps the \\r as part of the passphrase; save the file with a \\n line ending, or none", path.display())]
    PassphraseCarriageReturn {
        /// The passphrase file.
        path: PathBuf,
    },
    /// `--passphrase-file` was given to a command that reads and writes no key.
    #[error("--passphrase-file is given, but {reason}; leave it out")]
    PassphraseUnused {
        /// Why no key is read or written.
        reason: &'static str,
    },
    /// An output file could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
}
