//! `lint`: before `kubectl apply`, whether the signer will issue the CSR, and
//! what to change when it won't.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use csrcraft::CertificateRequest;
use csrcraft::kubernetes::{
    LintOptions, LintReport, SignerName, parse_duration_seconds, split_usages,
};

use crate::error::CliError;
use crate::input::{CsrOrSpec, read_csr_or_spec};
use crate::output::print;

const EXAMPLES: &str = "\
Examples:
  # the Kubernetes TLS tutorial's request: refused by kubelet-serving, and why
  csrcraft lint --signer kubernetes.io/kubelet-serving \\
      --usages \"digital signature,key encipherment,server auth\" server.csr
  # a user's client certificate, straight from the spec (the key is thrown away)
  csrcraft lint --signer kubernetes.io/kube-apiserver-client alice-csr.json

Exit status: 0 no errors, 1 the cluster would refuse or fail the CSR, 2 bad input.";

/// Arguments of `lint`.
#[derive(Debug, Args)]
#[command(after_help = EXAMPLES)]
pub struct LintArgs {
    /// The CertificateSigningRequest's spec.signerName, e.g.
    /// kubernetes.io/kube-apiserver-client, kubernetes.io/kubelet-serving or
    /// example.com/serving.
    #[arg(long, value_name = "SIGNER")]
    pub signer: String,
    /// spec.usages, comma-separated, e.g. "digital signature,server auth";
    /// default: what the signer accepts for the CSR's key.
    #[arg(long, value_name = "USAGES")]
    pub usages: Option<String>,
    /// spec.expirationSeconds: seconds, or a duration such as 24h, 90d, 1h30m.
    #[arg(long, value_name = "DURATION")]
    pub expiration: Option<String>,
    /// Print the findings as JSON.
    #[arg(long)]
    pub json: bool,
    /// A PEM CSR, or a cfssl CSR JSON spec (a CSR is made from it in memory,
    /// with a throwaway key); - for standard input.
    #[arg(value_name = "CSR|SPEC|-")]
    pub input: PathBuf,
}

/// `csrcraft lint`: exit 1 when any finding is an error.
pub fn lint(args: &LintArgs) -> Result<ExitCode, CliError> {
    let request = match read_csr_or_spec(&args.input)? {
        CsrOrSpec::Csr(request) => request,
        CsrOrSpec::Spec(spec) => {
            // The key is dropped (and zeroized) here: only the CSR is linted.
            let made = csrcraft::generate(&spec, &mut getrandom::SysRng)?;
            // Read back from PEM, as the cluster will read it.
            CertificateRequest::from_pem(&made.request.pem())?
        }
    };
    let info = request.info()?;
    let options = LintOptions {
        signer: SignerName::new(args.signer.trim()),
        usages: args.usages.as_deref().map(split_usages),
        expiration_seconds: args
            .expiration
            .as_deref()
            .map(|text| parse_duration_seconds(text).map_err(|e| e.named("--expiration")))
            .transpose()?,
    };
    let report = LintReport::new(&info, &options);
    print(&if args.json {
        report.to_json()?
    } else {
        report.to_text()
    })?;
    Ok(if report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
