//! `secret` and `ca-bundle`: the objects that carry the certificate to a pod
//! and the CA to its clients, as `kubectl create ... --dry-run=client -o yaml`
//! writes them.

use std::path::PathBuf;

use clap::Args;
use csrcraft::kubernetes::{TlsSecret, ca_bundle as render_ca_bundle};
use csrcraft::{KeyFormat, PrivateKey};
use zeroize::Zeroizing;

use super::manifest::FormatArg;
use crate::args::PassphraseArg;
use crate::error::CliError;
use crate::input::{name_passphrase, read_secret, read_text};
use crate::output::print;

/// Arguments of `secret`.
#[derive(Debug, Args)]
#[command(after_help = "\
Example (kubectl create secret tls my-svc-tls --cert server.pem --key server-key.pem):
  csrcraft secret --name my-svc-tls --namespace my-namespace --cert server.pem \\
      --key server-key.pem --ca ca.pem | kubectl apply -f -")]
pub struct SecretArgs {
    /// metadata.name.
    #[arg(long, value_name = "NAME")]
    pub name: String,
    /// metadata.namespace [default: none, kubectl's current namespace].
    #[arg(long, value_name = "NAMESPACE")]
    pub namespace: Option<String>,
    /// tls.crt: the certificate (or chain, leaf first), PEM.
    #[arg(long, value_name = "CERT")]
    pub cert: PathBuf,
    /// tls.key: the certificate's private key, PEM.
    #[arg(long, value_name = "KEY")]
    pub key: PathBuf,
    /// The key's passphrase: the Secret holds the key decrypted (PKCS#8), as
    /// a pod reads it.
    #[command(flatten)]
    pub passphrase: PassphraseArg,
    /// ca.crt: the CA certificate, PEM.
    #[arg(long, value_name = "CA")]
    pub ca: Option<PathBuf>,
    /// How to print it.
    #[arg(long, value_enum, default_value_t = FormatArg::Yaml)]
    pub format: FormatArg,
}

/// Arguments of `ca-bundle`.
#[derive(Debug, Args)]
#[command(after_help = "\
Example (kubectl create configmap example-serving-ca --from-file ca.crt=ca.pem):
  csrcraft ca-bundle --name example-serving-ca --ca ca.pem | kubectl apply -f -")]
pub struct CaBundleArgs {
    /// metadata.name.
    #[arg(long, value_name = "NAME")]
    pub name: String,
    /// metadata.namespace [default: none, kubectl's current namespace].
    #[arg(long, value_name = "NAMESPACE")]
    pub namespace: Option<String>,
    /// ca.crt: the CA certificate, PEM.
    #[arg(long, value_name = "CA")]
    pub ca: PathBuf,
    /// How to print it.
    #[arg(long, value_enum, default_value_t = FormatArg::Yaml)]
    pub format: FormatArg,
}

/// `csrcraft secret`.
pub fn secret(args: &SecretArgs) -> Result<(), CliError> {
    let certificate_pem = read_text(&args.cert)?;
    let text = read_secret(&args.key)?;
    // A key the Secret holds as given, or decrypted (a pod cannot decrypt it) as PKCS#8.
    let (key, key_pem) = match args.passphrase.read()? {
        None => {
            let key =
                PrivateKey::from_pem(&text).map_err(|e| name_passphrase(e, "--passphrase-file"))?;
            (key, text)
        }
        Some(passphrase) => {
            let key = PrivateKey::from_pem_with_passphrase(&text, passphrase.as_bytes())
                .map_err(|e| passphrase.name_error(e))?;
            let pem = Zeroizing::new(key.to_pem(KeyFormat::Pkcs8)?.as_str().to_owned());
            (key, pem)
        }
    };
    let ca_pem = args.ca.as_deref().map(read_text).transpose()?;
    // The key's public key by RustCrypto, which derives it for every kind (Ed25519 too).
    let key_public = key.public_key_der()?;
    let mut secret = TlsSecret::new(&args.name, &certificate_pem, &key_pem);
    secret.key_public_der = Some(&key_public);
    secret.namespace = args.namespace.as_deref();
    secret.ca_pem = ca_pem.as_deref();
    print(&secret.render(args.format.into())?)
}

/// `csrcraft ca-bundle`.
pub fn ca_bundle(args: &CaBundleArgs) -> Result<(), CliError> {
    let ca_pem = read_text(&args.ca)?;
    let text = render_ca_bundle(
        &args.name,
        args.namespace.as_deref(),
        &ca_pem,
        args.format.into(),
    )?;
    print(&text)
}
