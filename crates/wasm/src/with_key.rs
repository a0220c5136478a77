//! `generateWithKey`: the CSR a cfssl spec describes, for a private key the
//! page already holds, e.g. one the browser's own WebCrypto generated
//! (`crypto.subtle.generateKey`, then `exportKey("pkcs8")` wrapped in a
//! `PRIVATE KEY` PEM block). RSA key generation in WebCrypto is native code and
//! much faster than a prime search in wasm; the key still stays in the page.

use csrcraft::kubernetes::Manifest;
use csrcraft::{CertificateRequest, KeyFormat, PrivateKey, Spec};
use wasm_bindgen::prelude::*;
use zeroize::Zeroizing;

use crate::convert::{Options, Out, error, spec_text, warnings};

/// Makes the CSR a cfssl CSR spec describes for the given private key (PEM:
/// `PRIVATE KEY` (PKCS#8), `EC PRIVATE KEY` or `RSA PRIVATE KEY`), in memory;
/// the key's own kind wins over `spec.key`. With `options.signer`, also the
/// Kubernetes manifest (YAML). The result is `generate`'s, with `keyPem` the
/// same key written in `options.keyFormat`.
#[wasm_bindgen(js_name = "generateWithKey", unchecked_return_type = "GenerateResult")]
pub fn generate_with_key(
    #[wasm_bindgen(unchecked_param_type = "string | CfsslSpec")] spec: JsValue,
    #[wasm_bindgen(js_name = "keyPem")] key_pem: String,
    #[wasm_bindgen(unchecked_optional_param_type = "GenerateOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let key_pem = Zeroizing::new(key_pem);
    let options = Options::read(
        &options,
        &["keyFormat", "signer", "name", "usages", "expiration"],
    )?;
    let key_format = match options.string("keyFormat")?.as_deref() {
        None | Some("cfssl") => KeyFormat::Cfssl,
        Some("pkcs8") => KeyFormat::Pkcs8,
        Some(other) => {
            return Err(error(format!(
                "options.keyFormat: {other:?} is not a key format; use \"cfssl\" or \"pkcs8\""
            )));
        }
    };
    let manifest_options = crate::manifest_options(&options, false)?;
    let parsed = Spec::from_json(&spec_text(&spec)?)?;
    let key = PrivateKey::from_pem(&key_pem)?;
    let request = CertificateRequest::new(&parsed.value, &key, &mut getrandom::SysRng)?;
    let manifest_yaml = match &manifest_options {
        Some(manifest_options) => Some(Manifest::new(&request, manifest_options)?.to_yaml()?),
        None => None,
    };
    let key_pem = key.to_pem(key_format)?;
    Ok(Out::new()
        .set("csrPem", request.pem())
        .set("keyPem", key_pem.as_str())
        .set(
            "manifestYaml",
            manifest_yaml.map_or(JsValue::NULL, JsValue::from),
        )
        .set("warnings", warnings(&parsed.warnings))
        .into())
}
