//! `secret` and `caBundle`: the objects that carry the certificate to a pod
//! and the CA to its clients, as `kubectl create ... --dry-run=client -o yaml`
//! writes them (the CLI's `secret` and `ca-bundle`).

use csrcraft::kubernetes::{TlsSecret, ca_bundle as render_ca_bundle};
use csrcraft::{KeyDocument, KeyFormat};
use wasm_bindgen::prelude::*;
use zeroize::Zeroizing;

use crate::convert::{Options, Out};
use crate::{manifest_format, read_key};

/// The `kubernetes.io/tls` Secret for a certificate (or chain, leaf first)
/// and its private key, with the CA as `ca.crt` when given: `{ text }`, as
/// `kubectl create secret tls NAME --cert --key --dry-run=client -o yaml`
/// (or `json`) writes it. The key must be the certificate's; an encrypted
/// one is read with `options.keyPassphrase` and goes in decrypted, as PKCS#8.
#[wasm_bindgen(unchecked_return_type = "TextResult")]
pub async fn secret(
    #[wasm_bindgen(unchecked_param_type = "SecretOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let options = Options::read(
        &options,
        &[
            "name",
            "namespace",
            "cert",
            "key",
            "keyPassphrase",
            "ca",
            "format",
        ],
    )?;
    let name = options.required("name", "metadata.name, e.g. \"my-svc-tls\"")?;
    let namespace = options.string("namespace")?;
    let cert = options.required(
        "cert",
        "tls.crt: the certificate (or chain, leaf first), PEM",
    )?;
    let key =
        Zeroizing::new(options.required("key", "tls.key: the certificate's private key, PEM")?);
    // An encrypted key goes into the Secret decrypted (a pod cannot decrypt
    // it), as PKCS#8, as `openssl pkey` writes it.
    let key = match options.passphrase("keyPassphrase")? {
        None => key,
        Some(_) => Zeroizing::new(
            read_key(&key, &options)
                .await?
                .to_pem(KeyFormat::Pkcs8)?
                .as_str()
                .to_owned(),
        ),
    };
    let ca = options.string("ca")?;
    let format = manifest_format(&options)?;
    // The key's public key by WebCrypto: a key document alone does not give an
    // Ed25519 key's.
    let key_public = csrcraft_webcrypto::public_key(&KeyDocument::from_pem(&key)?)
        .await?
        .spki_der;
    let mut secret = TlsSecret::new(&name, &cert, &key);
    secret.key_public_der = Some(&key_public);
    secret.namespace = namespace.as_deref();
    secret.ca_pem = ca.as_deref();
    let text = secret.render(format)?;
    Ok(Out::new().set("text", text.as_str()).into())
}

/// The ConfigMap that hands a CA's certificate to clients, under `ca.crt`:
/// `{ text }`, as `kubectl create configmap NAME --from-file ca.crt=ca.pem
/// --dry-run=client -o yaml` (or `json`) writes it.
#[wasm_bindgen(js_name = "caBundle", unchecked_return_type = "TextResult")]
pub async fn ca_bundle(
    #[wasm_bindgen(unchecked_param_type = "CaBundleOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let options = Options::read(&options, &["name", "namespace", "ca", "format"])?;
    let name = options.required("name", "metadata.name, e.g. \"example-serving-ca\"")?;
    let namespace = options.string("namespace")?;
    let ca = options.required("ca", "ca.crt: the CA certificate, PEM")?;
    let format = manifest_format(&options)?;
    let text = render_ca_bundle(&name, namespace.as_deref(), &ca, format)?;
    Ok(Out::new().set("text", text).into())
}
