//! `verify`: does the issued certificate chain to the CA, is it valid now,
//! and is it for the key, the CSR and the host it should be.

use std::io::{self, Read, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use clap::Args;
use csrcraft::{
    Certificate, CertificateRequest, Outcome, PrivateKey, UnixTime, VerifyInput, VerifyReport,
    read_certificates, verify as verify_certificate,
};
use serde::Serialize;

use crate::error::CliError;
use crate::input::{read_secret, read_text};

const EXAMPLES: &str = "\
Examples:
  # what came back from the cluster, checked against its CA, key, CSR and name
  kubectl get csr my-svc.my-namespace -o jsonpath='{.status.certificate}' > server.b64
  csrcraft verify server.b64 --ca ca.pem --key server-key.pem --csr server.csr \\
      --host my-svc.my-namespace.svc.cluster.local
  # will it still be valid next month?
  csrcraft verify server.pem --ca ca.pem --at 2026-12-01T00:00:00Z

Checks: signature chain, validity, key match (--key), request match (--csr),
hostname (--host), usage (server use when --host is given, else server or client).

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
    /// The private key the certificate should be for (PEM).
    #[arg(long, value_name = "KEY")]
    pub key: Option<PathBuf>,
    /// The CSR the certificate should answer (PEM).
    #[arg(long, value_name = "CSR")]
    pub csr: Option<PathBuf>,
    /// A host name or IP address the certificate should serve, matched as a
    /// TLS client does (SANs only, one-label wildcards).
    #[arg(long, value_name = "NAME")]
    pub host: Option<String>,
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
    let chain = read_certificates(&read_bytes(&args.cert)?)?;
    let mut trust: Vec<Certificate> = Vec::new();
    for path in &args.ca {
        trust.extend(read_certificates(&read_bytes(path)?)?);
    }
    let key = match &args.key {
        Some(path) => Some(PrivateKey::from_pem(&read_secret(path)?)?),
        None => None,
    };
    let request = match &args.csr {
        Some(path) => Some(CertificateRequest::from_pem(&read_text(path)?)?),
        None => None,
    };
    let at = match &args.at {
        Some(text) => UnixTime::parse_rfc3339(text)?,
        None => now(),
    };
    let report = verify_certificate(&VerifyInput {
        chain: &chain,
        trust: &trust,
        key: key.as_ref(),
        request: request.as_ref(),
        host: args.host.as_deref(),
        at,
    })?;
    let text = if args.json {
        json(&report, at)?
    } else {
        format!("{report}\n")
    };
    print(&text)?;
    Ok(if report.passed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The clock, read here and only here.
fn now() -> UnixTime {
    let seconds = match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(since) => i64::try_from(since.as_secs()).unwrap_or(i64::MAX),
        Err(before) => i64::try_from(before.duration().as_secs()).map_or(i64::MIN, |s| -s),
    };
    UnixTime(seconds)
}

/// Reads `path` as bytes (a DER certificate is binary); `-` is standard input.
fn read_bytes(path: &Path) -> Result<Vec<u8>, CliError> {
    let read_error = |source| CliError::Read {
        path: path.to_path_buf(),
        source,
    };
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        io::stdin().read_to_end(&mut bytes).map_err(read_error)?;
        Ok(bytes)
    } else {
        std::fs::read(path).map_err(read_error)
    }
}

/// What `--json` prints.
#[derive(Serialize)]
struct JsonReport<'a> {
    verified: bool,
    at: String,
    failed: usize,
    checks: Vec<JsonCheck<'a>>,
}

/// One check in `--json`.
#[derive(Serialize)]
struct JsonCheck<'a> {
    name: &'static str,
    /// `pass`, `fail` or `skip`.
    outcome: &'static str,
    detail: &'a str,
    notes: &'a [String],
}

fn json(report: &VerifyReport, at: UnixTime) -> Result<String, CliError> {
    let json = JsonReport {
        verified: report.passed(),
        at: at.to_rfc3339(),
        failed: report.failures(),
        checks: report
            .checks
            .iter()
            .map(|check| JsonCheck {
                name: check.name,
                outcome: match check.outcome {
                    Outcome::Pass => "pass",
                    Outcome::Fail => "fail",
                    Outcome::Skipped => "skip",
                },
                detail: &check.detail,
                notes: &check.notes,
            })
            .collect(),
    };
    let mut text =
        serde_json::to_string_pretty(&json).map_err(|e| stdout_error(io::Error::other(e)))?;
    text.push('\n');
    Ok(text)
}

/// Prints `text`; a closed pipe is not an error.
fn print(text: &str) -> Result<(), CliError> {
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(stdout_error(e)),
        _ => Ok(()),
    }
}

fn stdout_error(source: io::Error) -> CliError {
    CliError::Write {
        path: PathBuf::from("standard output"),
        source,
    }
}
