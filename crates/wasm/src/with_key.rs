//! `generateWithKey`: the CSR a cfssl spec describes, for a private key the
//! page already holds (a key file being renewed, or a key WebCrypto made,
//! exported as PKCS#8 and wrapped in a `PRIVATE KEY` PEM block). WebCrypto
//! imports the key and signs; the key stays in the page.

use csrcraft::{KeyDocument, Spec};
use csrcraft_webcrypto::UrlIdna;
use wasm_bindgen::prelude::*;
use zeroize::Zeroizing;

use crate::convert::spec_text;
use crate::{GenerateOptions, passphrase_named};

/// Makes the CSR a cfssl CSR spec describes for the given private key (PEM:
/// `PRIVATE KEY` (PKCS#8), `EC PRIVATE KEY` or `RSA PRIVATE KEY`), in memory;
/// the key's own kind wins over `spec.key`, with a warning when they differ.
/// With `options.signer`, also the Kubernetes manifest (YAML). The result is
/// `generate`'s, with `keyPem` the same key written in `options.keyFormat`.
/// With `options.keyPassphrase`, the key is an `ENCRYPTED PRIVATE KEY` read
/// with it, and `keyPem` is written encrypted with it again.
#[wasm_bindgen(js_name = "generateWithKey", unchecked_return_type = "GenerateResult")]
pub async fn generate_with_key(
    #[wasm_bindgen(unchecked_param_type = "string | CfsslSpec")] spec: JsValue,
    #[wasm_bindgen(js_name = "keyPem")] key_pem: String,
    #[wasm_bindgen(unchecked_optional_param_type = "GenerateOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let key_pem = Zeroizing::new(key_pem);
    let options = GenerateOptions::read(&options)?;
    let parsed = Spec::from_json_with(&spec_text(&spec)?, &UrlIdna)?;
    let key = match options.key_passphrase.as_deref().map(Vec::as_slice) {
        None => KeyDocument::from_pem(&key_pem)?,
        Some(passphrase) => csrcraft_webcrypto::decrypt_key(&key_pem, passphrase)
            .await
            .map_err(passphrase_named)?,
    };
    let mut spec_warnings = parsed.warnings;
    spec_warnings.extend(parsed.value.key_mismatch(key.algorithm()));
    let signed = csrcraft_webcrypto::sign_request(&parsed.value, key).await?;
    options.result(&signed, &spec_warnings).await
}
