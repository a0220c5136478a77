//! The command line, as clap reads it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub use crate::commands::ManifestArgs;

const EXAMPLES: &str = "\
Examples (the Kubernetes TLS tutorial's flow):
  # cfssl genkey - | cfssljson -bare server, done locally by csrcraft
  csrcraft genkey server-csr.json | cfssljson -bare server
  # the same without cfssljson: writes server.csr and server-key.pem (0600)
  cat server-csr.json | csrcraft genkey --bare server -
  # renew: a new CSR for the key you already have
  csrcraft gencsr --key server-key.pem --bare server server-csr.json
  # then wrap server.csr in a CertificateSigningRequest and apply it:
  #   request: $(base64 < server.csr | tr -d '\\n')

Exit status: 0 done, 2 error (nothing is written on error).";

/// Craft certificate signing requests and private keys locally, as `cfssl genkey` does.
#[derive(Debug, Parser)]
#[command(name = "csrcraft", version, after_help = EXAMPLES)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Generate a private key and a CSR from a cfssl CSR JSON spec.
    ///
    /// Prints {"csr": ..., "key": ...} on one line, as `cfssl genkey` does, for
    /// `cfssljson -bare NAME`; or, with --bare, writes NAME.csr and NAME-key.pem.
    #[command(after_help = EXAMPLES)]
    Genkey(GenkeyArgs),
    /// Make a CSR for an existing private key, as `cfssl gencsr -key` does.
    ///
    /// Prints {"csr": ...}; with --bare, writes NAME.csr. The spec's `key`
    /// section is ignored: the key given is used.
    #[command(after_help = EXAMPLES)]
    Gencsr(GencsrArgs),
    /// Wrap a CSR in a Kubernetes CertificateSigningRequest manifest for `kubectl apply -f`.
    ///
    /// Given a CSR, prints the manifest (YAML, or JSON with --format json), or
    /// writes NAME.yaml with --bare NAME. Given a cfssl spec, also makes the key
    /// and CSR: --bare NAME is then required, and NAME.csr, NAME-key.pem and
    /// NAME.yaml are written.
    Manifest(ManifestArgs),
    /// Check a CSR against a Kubernetes signer before `kubectl apply`.
    ///
    /// Says whether the API server would refuse it, whether the signer would
    /// end it Approved,Failed, and what to change; exit status 1 when so.
    Lint(crate::commands::LintArgs),
    /// Verify an issued certificate against its CA, key, CSR and host name.
    ///
    /// Checks the signature chain, validity (now, or --at), and with --key,
    /// --csr and --host whether it is for that key, that request and that
    /// name; prints PASS, FAIL or SKIP and why for each; exit status 1 when
    /// any check fails.
    Verify(crate::commands::VerifyArgs),
    /// Show what a CSR, certificate, chain or `kubectl get csr -o yaml` object holds.
    ///
    /// Takes PEM, DER, the base64 of either (as `status.certificate` holds it)
    /// or a whole CertificateSigningRequest object (YAML or JSON), and prints
    /// subject, SANs by type, key, usages, validity with the time left and
    /// fingerprints; with a Kubernetes object also the signer, requestor and
    /// conditions. --json prints the same for machines.
    Inspect(crate::commands::InspectArgs),
}

/// Arguments of `genkey`.
#[derive(Debug, Args)]
pub struct GenkeyArgs {
    /// The cfssl CSR JSON spec: a file, or - for standard input.
    #[arg(value_name = "SPEC|-")]
    pub spec: PathBuf,
    /// Write NAME.csr and NAME-key.pem instead of printing JSON.
    #[arg(long, value_name = "NAME")]
    pub bare: Option<PathBuf>,
    /// Overwrite an existing NAME-key.pem.
    #[arg(long, requires = "bare")]
    pub force: bool,
    /// How to write the private key.
    #[arg(long, value_enum, default_value_t = KeyFormatArg::Cfssl)]
    pub key_format: KeyFormatArg,
}

/// Arguments of `gencsr`.
#[derive(Debug, Args)]
pub struct GencsrArgs {
    /// The private key PEM: EC PRIVATE KEY, RSA PRIVATE KEY or PRIVATE KEY (PKCS#8).
    #[arg(long, value_name = "KEY")]
    pub key: PathBuf,
    /// The cfssl CSR JSON spec: a file, or - for standard input.
    #[arg(value_name = "SPEC|-")]
    pub spec: PathBuf,
    /// Write NAME.csr instead of printing JSON.
    #[arg(long, value_name = "NAME")]
    pub bare: Option<PathBuf>,
}

/// `--key-format` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KeyFormatArg {
    /// As cfssl: EC PRIVATE KEY (SEC1), RSA PRIVATE KEY (PKCS#1); Ed25519 as PKCS#8.
    Cfssl,
    /// PRIVATE KEY (PKCS#8) for every key type.
    Pkcs8,
}

impl From<KeyFormatArg> for csrcraft::KeyFormat {
    fn from(arg: KeyFormatArg) -> Self {
        match arg {
            KeyFormatArg::Cfssl => csrcraft::KeyFormat::Cfssl,
            KeyFormatArg::Pkcs8 => csrcraft::KeyFormat::Pkcs8,
        }
    }
}
