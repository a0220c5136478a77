//! `manifest`: wrap a CSR in a Kubernetes CertificateSigningRequest; given a
//! spec, make the key and the CSR first.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use csrcraft::kubernetes::{
    Expiration, ManifestFormat, ManifestOptions, SignerName, render_manifest, split_usages,
};

use crate::args::{KeyFormatArg, PassphraseArg};
use crate::error::CliError;
use crate::input::{CsrOrSpec, read_csr_or_spec};
use crate::output::{BareFiles, key_pem, print, with_suffix, write_file};

/// Arguments of `manifest`.
#[derive(Debug, Args)]
pub struct ManifestArgs {
    /// A PEM CSR, or a cfssl CSR JSON spec to make a key and CSR from; - for standard input.
    #[arg(value_name = "CSR|SPEC|-")]
    pub input: PathBuf,
    /// spec.signerName, e.g. example.com/serving or kubernetes.io/kube-apiserver-client.
    #[arg(long, value_name = "SIGNER")]
    pub signer: String,
    /// metadata.name [default: from the CSR's CN, else its first DNS name].
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// spec.usages, comma-separated, e.g. "digital signature,server auth"
    /// [default: what the signer issues; key encipherment only for RSA keys].
    #[arg(long, value_name = "USAGES")]
    pub usages: Option<String>,
    /// spec.expirationSeconds: seconds, or e.g. 24h, 90d (at least 600 seconds).
    #[arg(long, value_name = "DURATION")]
    pub expiration: Option<String>,
    /// How to write the manifest.
    #[arg(long, value_enum, default_value_t = FormatArg::Yaml)]
    pub format: FormatArg,
    /// Write NAME.yaml (or NAME.json) instead of printing; given a spec, also
    /// NAME.csr and NAME-key.pem (0600).
    #[arg(long, value_name = "NAME")]
    pub bare: Option<PathBuf>,
    /// Overwrite an existing NAME-key.pem.
    #[arg(long, requires = "bare")]
    pub force: bool,
    /// How to write a new private key (with --passphrase-file: PKCS#8, encrypted).
    #[arg(long, value_enum, default_value_t = KeyFormatArg::Cfssl)]
    pub key_format: KeyFormatArg,
    #[command(flatten)]
    pub passphrase: PassphraseArg,
}

/// `--format` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// YAML, for `kubectl apply -f`.
    Yaml,
    /// JSON.
    Json,
}

impl FormatArg {
    fn extension(self) -> &'static str {
        match self {
            FormatArg::Yaml => ".yaml",
            FormatArg::Json => ".json",
        }
    }
}

impl From<FormatArg> for ManifestFormat {
    fn from(arg: FormatArg) -> Self {
        match arg {
            FormatArg::Yaml => ManifestFormat::Yaml,
            FormatArg::Json => ManifestFormat::Json,
        }
    }
}

/// `csrcraft manifest`: the CertificateSigningRequest for a CSR, or for a new
/// key and CSR made from a spec.
pub fn manifest(args: &ManifestArgs) -> Result<(), CliError> {
    let options = ManifestOptions {
        name: args.name.clone(),
        signer: SignerName::new(&args.signer),
        usages: args.usages.as_deref().map(split_usages),
        expiration: args
            .expiration
            .as_deref()
            .map(|text| Expiration::parse(text).map_err(|e| e.named("--expiration")))
            .transpose()?,
    };
    let format = ManifestFormat::from(args.format);
    let manifest_file = args
        .bare
        .as_deref()
        .map(|name| with_suffix(name, args.format.extension()));
    match read_csr_or_spec(&args.input)? {
        CsrOrSpec::Csr(request) => {
            if args.passphrase.passphrase_file.is_some() {
                return Err(CliError::PassphraseUnused {
                    reason: "given a CSR, manifest makes no key",
                });
            }
            let text = render_manifest(&request, &options, format)?;
            match manifest_file {
                Some(path) => write_file(&path, &text),
                None => print(&text),
            }
        }
        CsrOrSpec::Spec(spec) => {
            let (Some(name), Some(manifest_file)) = (args.bare.as_deref(), manifest_file) else {
                return Err(CliError::SpecNeedsBare);
            };
            let files = BareFiles::new(name);
            files.check_key_is_new(args.force)?;
            let passphrase = args.passphrase.read()?;
            let made = csrcraft::generate(&spec, &mut getrandom::SysRng)?;
            let text = render_manifest(&made.request, &options, format)?;
            let key_pem = key_pem(&made.key, args.key_format.into(), passphrase.as_ref())?;
            files.write_with(
                &made.request.pem(),
                Some(key_pem.as_str()),
                Some((&manifest_file, &text)),
                args.force,
            )
        }
    }
}
