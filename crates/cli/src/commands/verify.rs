//! `verify`: does the issued certificate chain to the CA, is it valid now,
//! and is it for the key, the CSR and the host it should be.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use csrcraft::{
    Certificate, CertificateRequest, Idna, Purpose, SoftwareVerifier, VerifyInput,
    read_certificates, verify as verify_certificate,
};

use crate::args::PassphraseArg;
use crate::clock::at_or_now;
use crate::error::CliError;
use crate::input::{read_bytes, read_private_key, read_text};
use crate::output::print;

const EXAMPLES: &str = "\
Examples:
  # what came back from the cluster, checked against its CA, key, CSR and name
  kubectl get csr my-svc.my-namespace -o jsonpath='{.status.certificate}' > server.b64
  csrcraft verify server.b64 --ca ca.pem --key server-key.pem --csr server.csr \\
      --host my-svc.my-namespace.svc.cluster.local
  # will it still be valid next month?
  csrcraft verify server.pem --ca ca.pem --at 2026-12-01T00:00:00Z
  # a kube-apiserver-client certificate, validated as a TLS client's
  csrcraft verify client.pem --ca ca.pem --purpose client

Checks: signature chain (path validation as a TLS client does it), validity,
key match (--key), request match (--csr), hostname (--host), usage (--purpose;
server use when --host is given, else server or client).

Exit status: 0 every check passed (or was skipped), 1 a check failed, 2 bad input.";

/// Arguments of `verify`.
#[derive(Debug, Args)]
#[command(after_help = EXAMPLES)]
pub struct VerifyArgs {
    /// The issued certificate, leaf first with any intermediates: PEM, DER, or
    /// the base64 of PEM (status.certificate); - for standard input.
    #[arg(value_name = "CERT|-")]
    pub cert: PathBuf,
    /// The CA certificate(s) to trust, PEM; repeat for several files.
    #[arg(long, value_name = "CA", required = true)]
    pub ca: Vec<PathBuf>,
    /// The private key the certificate should be for (PEM; ENCRYPTED PRIVATE
    /// KEY with --passphrase-file).
    #[arg(long, value_name = "KEY")]
    pub key: Option<PathBuf>,
    #[command(flatten)]
    pub passphrase: PassphraseArg,
    /// The CSR the certificate should answer (PEM).
    #[arg(long, value_name = "CSR")]
    pub csr: Option<PathBuf>,
    /// A host name or IP address the certificate should serve, matched as a
    /// TLS client does (SANs only, one-label wildcards).
    #[arg(long, value_name = "NAME")]
    pub host: Option<String>,
    /// Validate as a TLS server's or a TLS client's certificate (default:
    /// server with --host, else either).
    #[arg(long, value_name = "server|client")]
    pub purpose: Option<String>,
    /// Check validity at this time (RFC 3339, e.g. 2026-12-01T00:00:00Z)
    /// instead of now.
    #[arg(long, value_name = "RFC3339")]
    pub at: Option<String>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `csrcraft verify`: exit 1 when any check fails.
pub fn verify(args: &VerifyArgs) -> Result<ExitCode, CliError> {
    if args.key.is_none() && args.passphrase.passphrase_file.is_some() {
        return Err(CliError::PassphraseUnused {
            reason: "verify reads no key without --key",
        });
    }
    let purpose = args
        .purpose
        .as_deref()
        .map(|text| Purpose::parse(text).map_err(|e| e.named("--purpose")))
        .transpose()?;
    let at = at_or_now(args.at.as_deref())?;
    let chain = read_certificates(&read_bytes(&args.cert)?)?;
    let mut trust: Vec<Certificate> = Vec::new();
    for path in &args.ca {
        let ca = read_certificates(&read_bytes(path)?)
            .map_err(|e| e.within(&format!("--ca {}", path.display())))?;
        trust.extend(ca);
    }
    let passphrase_file = args.passphrase.passphrase_file.as_deref();
    let key = match &args.key {
        Some(path) => Some(read_private_key(path, passphrase_file)?.public_key_info()?),
        None => None,
    };
    let request = match &args.csr {
        Some(path) => Some(CertificateRequest::from_pem(&read_text(path)?)?),
        None => None,
    };
    let report = verify_certificate(&VerifyInput {
        chain: &chain,
        trust: &trust,
        key: key.as_ref(),
        request: request.as_ref(),
        host: args.host.as_deref(),
        purpose,
        at,
        signatures: &SoftwareVerifier,
        domains: &Idna,
    })?;
    print(&if args.json {
        report.to_json(at)?
    } else {
        format!("{report}\n")
    })?;
    Ok(if report.passed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
