//! `inspect`: show what a CSR, certificate, chain or Kubernetes CSR object holds.

use std::path::PathBuf;

use crate::clock::at_or_now;
use crate::error::CliError;
use crate::input::read_bytes;
use crate::output::print;
use clap::Args;

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
    #[arg(long, value_name = "RFC3339")]
    pub at: Option<String>,
}

/// `csrcraft inspect`: prints the text view, or JSON with `--json`.
pub fn inspect(args: &InspectArgs) -> Result<(), CliError> {
    let at = at_or_now(args.at.as_deref())?;
    let input = read_bytes(&args.input)?;
    let inspection = csrcraft::inspect(&input, at)?;
    let output = if args.json {
        inspection.to_json()?
    } else {
        inspection.to_text()
    };
    print(&output)
}
