//! The one error type of the core.

/// Everything that can go wrong in the core.
///
/// Each message names what was wrong and, where there is one, what would fix it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The spec is not well-formed JSON.
    #[error("spec is not valid JSON (line {line}, column {column}): {reason}")]
    SpecSyntax {
        /// 1-based line of the first bad character.
        line: usize,
        /// 1-based column of the first bad character.
        column: usize,
        /// What the JSON parser expected.
        reason: String,
    },
    /// A field of the spec holds a value that cannot be used.
    #[error("{field}: {problem}")]
    SpecField {
        /// Where the value sits, e.g. `key.size` or `hosts[2]`.
        field: String,
        /// What is wrong and how to fix it.
        problem: String,
    },
    /// A private key given as input could not be read or is not usable.
    #[error("key: {problem}")]
    KeyInput {
        /// What is wrong and how to fix it.
        problem: String,
    },
    /// The passphrase of an encrypted private key is missing, empty or wrong,
    /// or was given for a key that is not encrypted.
    #[error("{field}: {problem}")]
    Passphrase {
        /// The passphrase as the caller names it: `passphrase`, or the option
        /// that gives it (`--passphrase-file` on the command line, see [`Error::named`]).
        field: String,
        /// What is wrong and how to fix it.
        problem: String,
    },
    /// Generating a key or signing with it failed inside the crypto backend.
    #[error("{operation} failed: {reason}")]
    Crypto {
        /// What was being done, e.g. `generating an rsa-4096 key`.
        operation: String,
        /// The backend's own words.
        reason: String,
    },
    /// A value could not be DER-encoded (e.g. a string a field's ASN.1 type cannot hold).
    #[error("{what} could not be encoded: {reason}")]
    Encoding {
        /// Which part of the output.
        what: String,
        /// The encoder's own words.
        reason: String,
    },
    /// A certificate, CSR or other X.509 input could not be read.
    #[error("{what}: {problem}")]
    Decode {
        /// What was being read, e.g. `certificate request` or `certificate 2 of 3` (in a chain).
        what: String,
        /// What is wrong and how to fix it.
        problem: String,
    },
    /// The signer cannot issue at all: its CA has expired, or the CA key is not
    /// the CA certificate's.
    #[error("signer: {problem}")]
    Signer {
        /// Upstream's words where it has them, then what would fix it.
        problem: String,
    },
    /// A Kubernetes CertificateSigningRequest manifest would be refused by the API server.
    #[error("{field}: {problem}")]
    Manifest {
        /// The manifest field, e.g. `metadata.name`, `spec.signerName` or `spec.usages`.
        field: String,
        /// What is wrong and how to fix it.
        problem: String,
    },
}

impl Error {
    pub(crate) fn field(field: impl Into<String>, problem: impl Into<String>) -> Self {
        Self::SpecField {
            field: field.into(),
            problem: problem.into(),
        }
    }

    pub(crate) fn key_input(problem: impl Into<String>) -> Self {
        Self::KeyInput {
            problem: problem.into(),
        }
    }

    pub(crate) fn passphrase(problem: impl Into<String>) -> Self {
        Self::Passphrase {
            field: "passphrase".to_owned(),
            problem: problem.into(),
        }
    }

    pub(crate) fn encoding(what: impl Into<String>, reason: impl ToString) -> Self {
        Self::Encoding {
            what: what.into(),
            reason: reason.to_string(),
        }
    }
}

impl Error {
    pub(crate) fn decode(what: impl Into<String>, problem: impl Into<String>) -> Self {
        Self::Decode {
            what: what.into(),
            problem: problem.into(),
        }
    }
}

impl Error {
    pub(crate) fn manifest(field: impl Into<String>, problem: impl Into<String>) -> Self {
        Self::Manifest {
            field: field.into(),
            problem: problem.into(),
        }
    }
}

impl Error {
    /// The same error about the value of an option, named as the caller
    /// spells that option (`--at` on the command line, `options.at` in JS),
    /// in place of the core's own name for the value (`time`).
    #[must_use]
    pub fn named(self, name: &str) -> Self {
        match self {
            Self::SpecField { problem, .. } => Self::SpecField {
                field: name.to_owned(),
                problem,
            },
            Self::Decode { problem, .. } => Self::Decode {
                what: name.to_owned(),
                problem,
            },
            Self::Manifest { problem, .. } => Self::Manifest {
                field: name.to_owned(),
                problem,
            },
            Self::Passphrase { problem, .. } => Self::Passphrase {
                field: name.to_owned(),
                problem,
            },
            other => other,
        }
    }

    /// The same error about a part of `field`: a reading error's subject
    /// becomes `field (subject)`, e.g. `--ca ca.pem (certificate 2 of 2)`;
    /// other errors are unchanged.
    #[must_use]
    pub fn within(self, field: &str) -> Self {
        match self {
            Self::Decode { what, problem } => Self::decode(format!("{field} ({what})"), problem),
            other => other,
        }
    }
}

/// The core's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
