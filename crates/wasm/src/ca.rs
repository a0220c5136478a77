//! `caInit`: a self-signed test CA, as `cfssl gencert -initca` makes it (the
//! CLI's `ca init`). WebCrypto makes the key and signs; the key stays in the
//! page.

use csrcraft::kubernetes::parse_duration_seconds;
use csrcraft::{CaOptions, Spec, UnsignedCertificate};
use csrcraft_webcrypto::UrlIdna;
use wasm_bindgen::prelude::*;

use crate::convert::{Options, Out, spec_text, warnings};
use crate::{key_format, write_key};

/// Makes a CA key and its self-signed certificate from a cfssl CSR spec, as
/// `cfssl gencert -initca` does: `{ cert, csr, key, warnings }`, cfssl's
/// three PEMs (the key in `options.keyFormat`) and the spec's warnings.
/// The lifetime is `options.duration` (default 43800h), from `options.at`
/// (default now). With `options.keyPassphrase`, the key is written
/// encrypted with it (PKCS#8 `ENCRYPTED PRIVATE KEY`).
#[wasm_bindgen(js_name = "caInit", unchecked_return_type = "CaInitResult")]
pub async fn ca_init(
    #[wasm_bindgen(unchecked_param_type = "string | CfsslSpec")] spec: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CaInitOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let options = Options::read(&options, &["duration", "at", "keyFormat", "keyPassphrase"])?;
    let key_format = key_format(&options)?;
    let mut ca_options = CaOptions::new(options.time("at")?, csrcraft_webcrypto::random()?);
    if let Some(text) = options.duration("duration")? {
        ca_options.duration_seconds =
            parse_duration_seconds(&text).map_err(|e| e.named("options.duration"))?;
    }
    let parsed = Spec::from_json_with(&spec_text(&spec)?, &UrlIdna)?;
    let signed = csrcraft_webcrypto::generate(&parsed.value).await?;
    let unsigned =
        UnsignedCertificate::ca(&parsed.value, &signed.public_key.spki_der, &ca_options)?;
    let certificate = csrcraft_webcrypto::sign_certificate(unsigned, &signed.key).await?;
    let passphrase = options.passphrase("keyPassphrase")?;
    let key_pem = write_key(
        &signed.key,
        key_format,
        passphrase.as_deref().map(Vec::as_slice),
    )
    .await?;
    Ok(Out::new()
        .set("cert", certificate.pem())
        .set("csr", signed.request.pem())
        .set("key", key_pem.as_str())
        .set("warnings", warnings(&parsed.warnings))
        .into())
}
