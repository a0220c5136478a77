//! The command line, as clap reads it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::commands::{
    CaArgs, CaBundleArgs, GencsrArgs, GenkeyArgs, InspectArgs, LintArgs, ManifestArgs, SecretArgs,
    SignArgs, VerifyArgs,
};

const EXAMPLES: &str = "\
Examples (the Kubernetes TLS tutorial's flow):
  # cfssl genkey - | cfssljson -bare server, done locally
  csrcraft genkey server-csr.json | cfssljson -bare server
  # will the signer ever issue it? (exit 1 if not, with what to change)
  csrcraft lint --signer example.com/serving server.csr
  # the CertificateSigningRequest, usages defaulted from the signer and key
  csrcraft manifest --signer example.com/serving server.csr | kubectl apply -f -
  # what came back: conditions, reasons and the certificate
  kubectl get csr my-svc.my-namespace -o yaml | csrcraft inspect -
  # chain, validity, key, CSR and host name
  kubectl get csr my-svc.my-namespace -o yaml | csrcraft verify - --ca ca.pem \\
      --key server-key.pem --csr server.csr --host my-svc.my-namespace.svc.cluster.local
  # no cluster: a test CA signs as kube-controller-manager would
  csrcraft ca init --bare ca ca-csr.json
  csrcraft manifest --signer example.com/serving server.csr |
      csrcraft sign --ca ca.pem --ca-key ca-key.pem --object - > signed.yaml
  csrcraft secret --name my-svc-tls --cert server.pem --key server-key.pem --ca ca.pem

Exit status: 0 done, 1 a negative answer (lint found errors, verify failed),
2 error (nothing is written on error).";

/// Craft certificate signing requests and keys locally, as `cfssl genkey` does, and
/// carry them through Kubernetes: manifest, lint, sign (without a cluster), inspect, verify.
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
    Genkey(GenkeyArgs),
    /// Make a CSR for an existing private key, as `cfssl gencsr -key` does.
    ///
    /// Prints {"csr": ...}; with --bare, writes NAME.csr. The spec's `key`
    /// section is ignored: the key given is used.
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
    Lint(LintArgs),
    /// Verify an issued certificate against its CA, key, CSR and host name.
    ///
    /// Checks the signature chain, validity (now, or --at), and with --key,
    /// --csr and --host whether it is for that key, that request and that
    /// name; prints PASS, FAIL or SKIP and why for each; exit status 1 when
    /// any check fails.
    Verify(VerifyArgs),
    /// Show what a CSR, certificate, chain or `kubectl get csr -o yaml` object holds.
    ///
    /// Takes PEM, DER, the base64 of either (as `status.certificate` holds it)
    /// or a whole CertificateSigningRequest object (YAML or JSON), and prints
    /// subject, SANs by type, key, usages, validity with the time left and
    /// fingerprints; with a Kubernetes object also the signer, requestor and
    /// conditions. --json prints the same for machines.
    Inspect(InspectArgs),
    /// A test CA, as `cfssl gencert -initca` makes it.
    Ca(CaArgs),
    /// Issue the certificate kube-controller-manager's signer would issue for a CSR.
    ///
    /// Takes a PEM CSR (with --signer), or a CertificateSigningRequest object
    /// (its spec gives signer, usages and expirationSeconds). Runs the signer's
    /// checks first: a CSR it would fail gets no certificate, upstream's
    /// message, and exit status 1. Prints the certificate, or with --object the
    /// object as `kubectl get csr -o yaml` shows it after approval and signing.
    Sign(SignArgs),
    /// Make the kubernetes.io/tls Secret for a certificate and its key, as
    /// `kubectl create secret tls` does.
    Secret(SecretArgs),
    /// Make the ConfigMap that gives clients the CA (ca.crt), as `kubectl
    /// create configmap NAME --from-file ca.crt=ca.pem` does.
    CaBundle(CaBundleArgs),
}

/// `--passphrase-file`, flattened into every command that reads or writes a
/// private key; read with [`crate::input::read_private_key`] and written with
/// [`crate::output::key_pem`].
#[derive(Debug, Args)]
pub struct PassphraseArg {
    /// The key's passphrase, in a file read as `openssl -passin file:FILE`
    /// reads it (one line, its newline not part of it). A key read must then
    /// be an ENCRYPTED PRIVATE KEY; a key written is one (PKCS#8 whatever
    /// --key-format says: PBKDF2-HMAC-SHA256, 600,000 iterations, AES-256-CBC).
    #[arg(long, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,
}

impl PassphraseArg {
    /// The passphrase, when `--passphrase-file` is given.
    pub fn read(&self) -> Result<Option<crate::input::Passphrase>, crate::error::CliError> {
        self.passphrase_file
            .as_deref()
            .map(crate::input::read_passphrase)
            .transpose()
    }
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
