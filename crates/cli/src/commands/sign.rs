//! `sign`: the certificate kube-controller-manager's signer would issue for a
//! CSR or a `kubectl get csr -o yaml` object, with a local CA.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use csrcraft::kubernetes::{
    Expiration, Finding, LintOptions, Manifest, ManifestOptions, SignerName, SigningRequest,
    parse_duration_seconds, split_usages,
};
use csrcraft::{
    Certificate, CertificateAuthority, CertificateRequest, SignOptions, SignerOutcome,
    custom_signer_note, sign_request,
};

use super::ca::random;
use super::manifest::FormatArg;
use crate::args::PassphraseArg;
use crate::clock::at_or_now;
use crate::error::CliError;
use crate::input::{read_private_key, read_text};
use crate::output::print;

const EXAMPLES: &str = "\
Examples (the tutorial's flow, no cluster):
  csrcraft ca init --bare ca ca-csr.json
  # the certificate the signer issues, as PEM
  csrcraft sign --ca ca.pem --ca-key ca-key.pem --signer example.com/serving server.csr > server.pem
  # the object as `kubectl get csr -o yaml` shows it after approval and signing
  csrcraft manifest --signer kubernetes.io/kube-apiserver-client alice.csr |
      csrcraft sign --ca ca.pem --ca-key ca-key.pem --object - | csrcraft inspect -

Exit status: 0 issued, 1 not issued (the API server would refuse the CSR, or the
signer fails it: the reason is printed), 2 error (nothing is written on error).";

/// Arguments of `sign`.
#[derive(Debug, Args)]
#[command(after_help = EXAMPLES)]
pub struct SignArgs {
    /// A PEM CSR, or a CertificateSigningRequest object (`kubectl get csr NAME
    /// -o yaml|json`, or csrcraft manifest's); - for standard input.
    #[arg(value_name = "CSR|OBJECT|-")]
    pub input: PathBuf,
    /// The signer's CA certificate, PEM (--cluster-signing-cert-file).
    #[arg(long, value_name = "CA")]
    pub ca: PathBuf,
    /// The signer's CA key, PEM (--cluster-signing-key-file).
    #[arg(long, value_name = "KEY")]
    pub ca_key: PathBuf,
    /// The CA key's passphrase.
    #[command(flatten)]
    pub passphrase: PassphraseArg,
    /// spec.signerName, for a CSR (an object has its own).
    #[arg(long, value_name = "SIGNER")]
    pub signer: Option<String>,
    /// spec.usages, comma-separated, for a CSR [default: what the signer issues].
    #[arg(long, value_name = "USAGES")]
    pub usages: Option<String>,
    /// spec.expirationSeconds, for a CSR: seconds, or e.g. 24h, 90d.
    #[arg(long, value_name = "DURATION")]
    pub expiration: Option<String>,
    /// metadata.name of the object --object prints for a CSR [default: from its CN].
    #[arg(long, value_name = "NAME", requires = "object")]
    pub name: Option<String>,
    /// The signer's --cluster-signing-duration: the longest lifetime it grants.
    #[arg(long, value_name = "DURATION", default_value = "8760h")]
    pub duration: String,
    /// Sign at this time (RFC 3339) instead of now.
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// Print the CertificateSigningRequest as the cluster leaves it: approved,
    /// with status.certificate, or with the Failed condition.
    #[arg(long)]
    pub object: bool,
    /// How to print the object.
    #[arg(long, value_enum, default_value_t = FormatArg::Yaml, requires = "object")]
    pub format: FormatArg,
}

/// `csrcraft sign`.
pub fn sign(args: &SignArgs) -> Result<ExitCode, CliError> {
    let now = at_or_now(args.at.as_deref())?;
    let text = read_text(&args.input)?;
    let (given_object, request, options) = if text.contains("-----BEGIN ") {
        let request = CertificateRequest::from_pem(&text)?;
        (None, request, csr_options(args)?)
    } else {
        if let Some(flag) = [
            ("--signer", args.signer.is_some()),
            ("--usages", args.usages.is_some()),
            ("--expiration", args.expiration.is_some()),
            ("--name", args.name.is_some()),
        ]
        .into_iter()
        .find_map(|(flag, given)| given.then_some(flag))
        {
            return Err(CliError::Conflict(format!(
                "{flag} is for a CSR: given a CertificateSigningRequest object, sign reads its spec; drop {flag}"
            )));
        }
        let object = SigningRequest::from_object(&text)?;
        object.check_signable()?;
        let request = object.request()?;
        let options = object.options();
        (Some(object), request, options)
    };
    let info = request.info()?;
    let ca = read_ca(args)?;
    let ca_key = read_private_key(&args.ca_key, args.passphrase.passphrase_file.as_deref())?;
    ca.check_key(&ca_key.public_key_der()?)?;
    let mut sign_options = SignOptions::new(options.clone(), now, random()?);
    sign_options.cluster_signing_seconds =
        parse_duration_seconds(&args.duration).map_err(|e| e.named("--duration"))?;
    let output_object =
        |object: Option<SigningRequest>| -> Result<Option<SigningRequest>, CliError> {
            if !args.object {
                return Ok(None);
            }
            Ok(Some(match object {
                Some(object) => object,
                None => SigningRequest::from_manifest(&Manifest::new(
                    &request,
                    &manifest_options(args, &options),
                )?),
            }))
        };
    match sign_request(&ca, &info, &sign_options)? {
        SignerOutcome::Refused(finding) => {
            report(
                "the API server would refuse this CertificateSigningRequest on create",
                &finding,
            );
            Ok(ExitCode::from(1))
        }
        SignerOutcome::Failed(finding) => {
            if let Some(mut object) = output_object(given_object)? {
                object.approve(now);
                object.fail(&finding.message, now);
                let text = object.render(args.format.into())?;
                print(&text)?;
            }
            let signer = options.signer.as_str();
            report(
                &format!(
                    "{signer} fails this CSR after approval (condition Failed, reason SignerValidationFailure)"
                ),
                &finding,
            );
            Ok(ExitCode::from(1))
        }
        SignerOutcome::Issued(unsigned) => {
            // Everything that can fail before anything is printed.
            let object = output_object(given_object)?;
            let certificate = unsigned.sign(&ca_key, &mut getrandom::SysRng)?;
            let text = match object {
                Some(mut object) => {
                    object.approve(now);
                    object.issue(&certificate.pem());
                    object.render(args.format.into())?
                }
                None => certificate.pem(),
            };
            note_custom_signer(&options.signer);
            print(&text)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The spec a CSR is sent with, from the flags.
fn csr_options(args: &SignArgs) -> Result<LintOptions, CliError> {
    let signer = args.signer.as_deref().ok_or_else(|| {
        CliError::Conflict("given a CSR, sign needs --signer, e.g. --signer example.com/serving or --signer kubernetes.io/kube-apiserver-client".to_owned())
    })?;
    let expiration = args
        .expiration
        .as_deref()
        .map(|text| Expiration::parse(text).map_err(|e| e.named("--expiration")))
        .transpose()?;
    Ok(LintOptions {
        signer: SignerName::new(signer),
        usages: args.usages.as_deref().map(split_usages),
        expiration_seconds: expiration.map(|e| u64::from(e.seconds())),
    })
}

fn manifest_options(args: &SignArgs, options: &LintOptions) -> ManifestOptions {
    let mut manifest = ManifestOptions::new(options.signer.clone());
    manifest.name = args.name.clone();
    manifest.usages = options.usages.clone();
    manifest.expiration = options
        .expiration_seconds
        .and_then(|seconds| Expiration::from_seconds(seconds).ok());
    manifest
}

/// The CA: the first certificate of `--ca`, as kube-controller-manager reads it.
fn read_ca(args: &SignArgs) -> Result<CertificateAuthority, CliError> {
    let within = |e: csrcraft::Error| e.within(&format!("--ca {}", args.ca.display()));
    let chain = Certificate::chain_from_pem(&read_text(&args.ca)?).map_err(within)?;
    let Some(certificate) = chain.into_iter().next() else {
        return Err(CliError::Conflict("--ca holds no certificate".to_owned()));
    };
    Ok(CertificateAuthority::new(certificate).map_err(within)?)
}

/// Says why no certificate was issued, and what to change.
fn report(what: &str, finding: &Finding) {
    eprintln!("csrcraft: {what}: {}", finding.message);
    eprintln!("  fix: {}", finding.fix);
}

/// kube-controller-manager signs for the kubernetes.io signers only.
fn note_custom_signer(signer: &SignerName) {
    if let Some(note) = custom_signer_note(signer) {
        eprintln!("csrcraft: note: {note}");
    }
}
