//! `inspect`: show what a CSR, certificate, chain or Kubernetes CSR object holds.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use clap::Args;
use csrcraft::UnixTime;

use crate::error::CliError;

const EXAMPLES: &str = "\
Input, recognized by its shape: a PEM CSR, certificate or chain (leaf first),
DER, the base64 of either, or a whole `kubectl get csr NAME -o yaml|json` object.

Examples:
  csrcraft inspect server.csr
  kubectl get csr my-svc.my-namespace -o yaml | csrcraft inspect -
  kubectl get csr my-svc.my-namespace -o jsonpath='{.status.certificate}' | csrcraft inspect -
  csrcraft inspect --json --at 2027-01-01T00:00:00Z server.pem

Exit status: 0 shown, 2 error (input not recognized or unreadable).";

/// Arguments of `inspect`.
#[derive(Debug, Args)]
#[command(after_help = EXAMPLES)]
pub struct InspectArgs {
    /// What to inspect: a file, or - for standard input.
    #[arg(value_name = "FILE|-")]
    pub input: PathBuf,
    /// Print JSON for machines instead of text.
    #[arg(long)]
    pub json: bool,
    /// Judge validity at this time (RFC 3339, e.g. 2027-01-01T00:00:00Z) instead of now.
    #[arg(long, value_name = "RFC3339", value_parser = parse_time)]
    pub at: Option<UnixTime>,
}

/// `csrcraft inspect`: prints the text view, or JSON with `--json`.
pub fn inspect(args: &InspectArgs) -> Result<(), CliError> {
    let input = read_bytes(&args.input)?;
    let inspection = csrcraft::inspect(&input, args.at.unwrap_or_else(now))?;
    let output = if args.json {
        inspection.to_json()?
    } else {
        inspection.to_text()
    };
    print(&output)
}

fn parse_time(text: &str) -> Result<UnixTime, String> {
    UnixTime::parse_rfc3339(text).map_err(|e| e.to_string())
}

/// The clock, read here and only here.
fn now() -> UnixTime {
    let seconds = match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(since) => i64::try_from(since.as_secs()).unwrap_or(i64::MAX),
        Err(before) => i64::try_from(before.duration().as_secs()).map_or(i64::MIN, |s| -s),
    };
    UnixTime(seconds)
}

/// Reads `path` as bytes (DER is binary); `-` is standard input.
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

/// Writes `text` to standard output; a closed pipe is not an error.
fn print(text: &str) -> Result<(), CliError> {
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(CliError::Write {
            path: PathBuf::from("standard output"),
            source: e,
        }),
        _ => Ok(()),
    }
}
