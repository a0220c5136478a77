//! `ca init`: a self-signed test CA, as `cfssl gencert -initca` makes it.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use csrcraft::kubernetes::parse_duration_seconds;
use csrcraft::{CaOptions, CertificateRequest, UnsignedCertificate};

use super::genkey::read_spec;
use crate::args::{KeyFormatArg, PassphraseArg};
use crate::clock::at_or_now;
use crate::error::CliError;
use crate::output::{BareFiles, key_pem, print, with_suffix};

const EXAMPLES: &str = "\
Examples:
  # cfssl gencert -initca ca-csr.json | cfssljson -bare ca, done locally
  csrcraft ca init --bare ca ca-csr.json
  # then sign as kube-controller-manager would
  csrcraft sign --ca ca.pem --ca-key ca-key.pem --signer kubernetes.io/kube-apiserver-client alice.csr

Exit status: 0 done, 2 error (nothing is written on error).";

/// Arguments of `ca`.
#[derive(Debug, Args)]
pub struct CaArgs {
    /// What to do.
    #[command(subcommand)]
    pub command: CaCommand,
}

/// The `ca` subcommands.
#[derive(Debug, Subcommand)]
pub enum CaCommand {
    /// Make a self-signed CA from a cfssl CSR JSON spec, as `cfssl gencert -initca` does.
    ///
    /// Prints {"cert": ..., "csr": ..., "key": ...} on one line, as cfssl does,
    /// for `cfssljson -bare NAME`; or, with --bare, writes NAME.pem, NAME.csr
    /// and NAME-key.pem (0600).
    Init(CaInitArgs),
}

/// Arguments of `ca init`.
#[derive(Debug, Args)]
#[command(after_help = EXAMPLES)]
pub struct CaInitArgs {
    /// The cfssl CSR JSON spec of the CA: a file, or - for standard input.
    #[arg(value_name = "SPEC|-")]
    pub spec: PathBuf,
    /// Write NAME.pem, NAME.csr and NAME-key.pem instead of printing JSON.
    #[arg(long, value_name = "NAME")]
    pub bare: Option<PathBuf>,
    /// Overwrite an existing NAME-key.pem.
    #[arg(long, requires = "bare")]
    pub force: bool,
    /// The CA's lifetime: seconds, or e.g. 43800h, 365d.
    #[arg(long, value_name = "DURATION", default_value = "43800h")]
    pub duration: String,
    /// Issue at this time (RFC 3339) instead of now.
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// How to write the private key (with --passphrase-file: PKCS#8, encrypted).
    #[arg(long, value_enum, default_value_t = KeyFormatArg::Cfssl)]
    pub key_format: KeyFormatArg,
    /// Encrypt the CA key with this passphrase.
    #[command(flatten)]
    pub passphrase: PassphraseArg,
}

/// `csrcraft ca ...`.
pub fn ca(args: &CaArgs) -> Result<(), CliError> {
    match &args.command {
        CaCommand::Init(args) => init(args),
    }
}

fn init(args: &CaInitArgs) -> Result<(), CliError> {
    let files = args.bare.as_deref().map(BareFiles::new);
    if let Some(files) = &files {
        files.check_key_is_new(args.force)?;
    }
    let mut options = CaOptions::new(at_or_now(args.at.as_deref())?, random()?);
    options.duration_seconds =
        parse_duration_seconds(&args.duration).map_err(|e| e.named("--duration"))?;
    let passphrase = args.passphrase.read()?;
    let spec = read_spec(&args.spec)?;
    let rng = &mut getrandom::SysRng;
    let key = csrcraft::PrivateKey::generate(spec.key_algorithm(), rng)?;
    let certificate =
        UnsignedCertificate::ca(&spec, &key.public_key_der()?, &options)?.sign(&key, rng)?;
    let csr = CertificateRequest::new(&spec, &key, rng)?;
    let key_pem = key_pem(&key, args.key_format.into(), passphrase.as_ref())?;
    let cert_pem = certificate.pem();
    match (args.bare.as_deref(), files) {
        (Some(name), Some(files)) => files.write_with(
            &csr.pem(),
            Some(key_pem.as_str()),
            Some((&with_suffix(name, ".pem"), &cert_pem)),
            args.force,
        ),
        _ => {
            let line = csrcraft::cfssl_ca_json_line(&cert_pem, &csr.pem(), key_pem.as_str());
            print(&line)?;
            print("\n")
        }
    }
}

/// `N` random bytes from the system.
pub fn random<const N: usize>() -> Result<[u8; N], CliError> {
    let mut bytes = [0; N];
    getrandom::fill(&mut bytes).map_err(|e| CliError::Random(e.to_string()))?;
    Ok(bytes)
}
