//! `genkey` and `gencsr`: a key and its CSR, or a CSR for an existing key.

use std::path::PathBuf;

use clap::Args;
use csrcraft::{CertificateRequest, Spec, Warning};

use crate::args::{KeyFormatArg, PassphraseArg};
use crate::error::CliError;
use crate::input::{read_private_key, read_text};
use crate::output::{BareFiles, key_pem, print_json};

const EXAMPLES: &str = "\
Examples:
  # cfssl genkey - | cfssljson -bare server, done locally by csrcraft
  csrcraft genkey server-csr.json | cfssljson -bare server
  # the same without cfssljson: writes server.csr and server-key.pem (0600)
  cat server-csr.json | csrcraft genkey --bare server -
  # renew: a new CSR for the key you already have
  csrcraft gencsr --key server-key.pem --bare server server-csr.json
  # a passphrase-protected key (ENCRYPTED PRIVATE KEY), and a CSR for it later
  csrcraft genkey --bare server --passphrase-file pass.txt server-csr.json
  csrcraft gencsr --key server-key.pem --passphrase-file pass.txt server-csr.json

Exit status: 0 done, 2 error (nothing is written on error).";

/// Arguments of `genkey`.
#[derive(Debug, Args)]
#[command(after_help = EXAMPLES)]
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
    /// How to write the private key (with --passphrase-file: PKCS#8, encrypted).
    #[arg(long, value_enum, default_value_t = KeyFormatArg::Cfssl)]
    pub key_format: KeyFormatArg,
    #[command(flatten)]
    pub passphrase: PassphraseArg,
}

/// Arguments of `gencsr`.
#[derive(Debug, Args)]
#[command(after_help = EXAMPLES)]
pub struct GencsrArgs {
    /// The private key PEM: EC PRIVATE KEY, RSA PRIVATE KEY or PRIVATE KEY
    /// (PKCS#8); ENCRYPTED PRIVATE KEY with --passphrase-file.
    #[arg(long, value_name = "KEY")]
    pub key: PathBuf,
    #[command(flatten)]
    pub passphrase: PassphraseArg,
    /// The cfssl CSR JSON spec: a file, or - for standard input.
    #[arg(value_name = "SPEC|-")]
    pub spec: PathBuf,
    /// Write NAME.csr instead of printing JSON.
    #[arg(long, value_name = "NAME")]
    pub bare: Option<PathBuf>,
}

/// `csrcraft genkey`: a new key and its CSR.
pub fn genkey(args: &GenkeyArgs) -> Result<(), CliError> {
    let files = args.bare.as_deref().map(BareFiles::new);
    if let Some(files) = &files {
        files.check_key_is_new(args.force)?;
    }
    let passphrase = args.passphrase.read()?;
    let spec = read_spec(&args.spec)?;
    let made = csrcraft::generate(&spec, &mut getrandom::SysRng)?;
    let key_pem = key_pem(&made.key, args.key_format.into(), passphrase.as_ref())?;
    let csr_pem = made.request.pem();
    match files {
        Some(files) => files.write(&csr_pem, Some(key_pem.as_str()), args.force),
        None => print_json(&csr_pem, Some(key_pem.as_str())),
    }
}

/// `csrcraft gencsr`: a CSR for an existing key.
pub fn gencsr(args: &GencsrArgs) -> Result<(), CliError> {
    let key = read_private_key(&args.key, args.passphrase.passphrase_file.as_deref())?;
    let spec = read_spec(&args.spec)?;
    let request = CertificateRequest::new(&spec, &key, &mut getrandom::SysRng)?;
    if let Some(warning) = spec.key_mismatch(key.algorithm()) {
        warn(&warning);
    }
    match args.bare.as_deref().map(BareFiles::new) {
        Some(files) => files.write(&request.pem(), None, true),
        None => print_json(&request.pem(), None),
    }
}

/// Reads and parses a spec, printing its warnings.
pub fn read_spec(path: &std::path::Path) -> Result<Spec, CliError> {
    let parsed = Spec::from_json(&read_text(path)?)?;
    for warning in &parsed.warnings {
        warn(warning);
    }
    Ok(parsed.value)
}

/// Prints a warning on stderr.
pub fn warn(warning: &Warning) {
    eprintln!("csrcraft: warning: {warning}");
}
