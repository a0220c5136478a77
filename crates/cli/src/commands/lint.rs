//! `lint`: before `kubectl apply`, whether the signer will issue the CSR, and
//! what to change when it won't.

use std::fmt::Write as _;
use std::io::{self, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use csrcraft::kubernetes::{
    Finding, LintOptions, Severity, SignerName, lint as lint_request, parse_duration_seconds,
    split_usages,
};
use csrcraft::{CertificateRequest, Host, RequestInfo};
use serde::Serialize;

use crate::error::CliError;
use crate::input::{CsrOrSpec, read_csr_or_spec};

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
            .map(parse_duration_seconds)
            .transpose()?,
    };
    let findings = lint_request(&info, &options);
    let text = if args.json {
        json(&info, &options, &findings)?
    } else {
        text(&info, &options, &findings)
    };
    print(&text)?;
    let failed = findings.iter().any(|f| f.severity == Severity::Error);
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The text view: a header in `kubectl describe csr`'s shape, the findings,
/// and a count.
fn text(info: &RequestInfo, options: &LintOptions, findings: &[Finding]) -> String {
    let mut out = String::new();
    let explanation = options.signer.known().map_or(
        "custom signer: nothing in the cluster signs it; you run its CA",
        |known| known.explanation(),
    );
    // Writing to a String cannot fail.
    let _ = writeln!(out, "Signer:       {}", options.signer);
    let _ = writeln!(out, "              {explanation}");
    let _ = writeln!(out, "Subject:      {}", or_none(&info.subject.to_string()));
    let _ = writeln!(
        out,
        "  Common Name:    {}",
        or_none(info.subject.common_name().unwrap_or(""))
    );
    list(
        &mut out,
        "  Groups (O):     ",
        &info.subject.organizations(),
    );
    let sans = &info.subject_alt_names;
    if sans.is_empty() && info.other_alt_names.is_empty() {
        out.push_str("Subject Alternative Names: <none>\n");
    } else {
        out.push_str("Subject Alternative Names:\n");
        let of_kind = |wanted: fn(&Host) -> bool| -> Vec<String> {
            sans.iter().filter(|h| wanted(h)).map(Host::value).collect()
        };
        let kinds: [(&str, Vec<String>); 5] = [
            ("  DNS Names:      ", of_kind(|h| matches!(h, Host::Dns(_)))),
            ("  IP Addresses:   ", of_kind(|h| matches!(h, Host::Ip(_)))),
            (
                "  Email:          ",
                of_kind(|h| matches!(h, Host::Email(_))),
            ),
            ("  URIs:           ", of_kind(|h| matches!(h, Host::Uri(_)))),
            ("  Other Names:    ", info.other_alt_names.clone()),
        ];
        for (label, values) in kinds {
            if !values.is_empty() {
                let values: Vec<&str> = values.iter().map(String::as_str).collect();
                list(&mut out, label, &values);
            }
        }
    }
    let _ = writeln!(out, "Key:          {}", info.public_key.description);
    let usages = options.effective_usages(info).join(", ");
    let defaulted = if options.usages.is_none() {
        " (default for this signer and key)"
    } else {
        ""
    };
    let _ = writeln!(out, "Usages:       {}{defaulted}", or_none(&usages));
    if let Some(seconds) = options.expiration_seconds {
        let _ = writeln!(out, "Expiration:   {seconds} seconds");
    }
    out.push('\n');
    for finding in findings {
        let _ = writeln!(out, "{}: {}", finding.severity, finding.message);
        let _ = writeln!(out, "  fix: {}", finding.fix);
    }
    let count = |severity| findings.iter().filter(|f| f.severity == severity).count();
    let _ = writeln!(
        out,
        "{}, {}, {}",
        plural(count(Severity::Error), "error"),
        plural(count(Severity::Warning), "warning"),
        plural(count(Severity::Note), "note")
    );
    out
}

/// One value per line under `label`, or `<none>`.
fn list(out: &mut String, label: &str, values: &[&str]) {
    if values.is_empty() {
        let _ = writeln!(out, "{label}<none>");
    }
    for (i, value) in values.iter().enumerate() {
        let prefix = if i == 0 {
            label.to_owned()
        } else {
            " ".repeat(label.len())
        };
        let _ = writeln!(out, "{prefix}{value}");
    }
}

fn or_none(text: &str) -> &str {
    if text.is_empty() { "<none>" } else { text }
}

fn plural(count: usize, word: &str) -> String {
    if count == 1 {
        format!("1 {word}")
    } else {
        format!("{count} {word}s")
    }
}

/// What `--json` prints.
#[derive(Serialize)]
struct JsonReport<'a> {
    signer: &'a str,
    usages: Vec<String>,
    errors: usize,
    warnings: usize,
    notes: usize,
    findings: Vec<JsonFinding<'a>>,
}

/// One finding in `--json`.
#[derive(Serialize)]
struct JsonFinding<'a> {
    severity: &'static str,
    rule: &'static str,
    message: &'a str,
    fix: &'a str,
}

fn json(
    info: &RequestInfo,
    options: &LintOptions,
    findings: &[Finding],
) -> Result<String, CliError> {
    let count = |severity| findings.iter().filter(|f| f.severity == severity).count();
    let report = JsonReport {
        signer: options.signer.as_str(),
        usages: options.effective_usages(info),
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        notes: count(Severity::Note),
        findings: findings
            .iter()
            .map(|f| JsonFinding {
                severity: f.severity.as_str(),
                rule: f.rule,
                message: &f.message,
                fix: &f.fix,
            })
            .collect(),
    };
    let mut text =
        serde_json::to_string_pretty(&report).map_err(|e| stdout_error(io::Error::other(e)))?;
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
