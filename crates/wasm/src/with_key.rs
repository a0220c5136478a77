//! `generateWithKey`: the CSR a cfssl spec describes, for a private key the
//! page already holds, e.g. one the browser's own WebCrypto generated
//! (`crypto.subtle.generateKey`, then `exportKey("pkcs8")` wrapped in a
//! `PRIVATE KEY` PEM block). RSA key generation in WebCrypto is native code and
//! much faster than a prime search in wasm; the key still stays in the page.

use csrcraft::{CertificateRequest, PrivateKey, Spec};
use wasm_bindgen::prelude::*;
use zeroize::Zeroizing;

use crate::convert::{Options, spec_text};
use crate::{GENERATE_OPTIONS, generated};

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
    let options = Options::read(&options, GENERATE_OPTIONS)?;
    let parsed = Spec::from_json(&spec_text(&spec)?)?;
    let key = PrivateKey::from_pem(&key_pem)?;
    let request = CertificateRequest::new(&parsed.value, &key, &mut getrandom::SysRng)?;
    let mut spec_warnings = parsed.warnings;
    spec_warnings.extend(parsed.value.key_mismatch(key.algorithm()));
    generated(&key, &request, &options, &spec_warnings)
}
