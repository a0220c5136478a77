//! csrcraft's JS/TS API: the core's verbs for a page or for Node, through
//! wasm-bindgen.
//!
//! Conversions only. Options are read from plain JS objects
//! ([`convert::Options`]), results are built as plain JS objects whose keys
//! are all camelCase (the core's snake_case JSON fields renamed at this
//! boundary; the CLI's `--json` keeps them), and every error is a rejected
//! promise with a JS `Error` carrying the core's message.
//! The crypto is WebCrypto's (`crypto.subtle`, through `csrcraft-webcrypto`):
//! it makes the keys and their randomness, signs the CSRs and checks
//! signatures, so every export is `async`. WebCrypto exists only in a secure
//! context (https, or localhost in a page; always in Node); elsewhere every
//! call rejects with an error saying so. The time for `inspect` and `verify`
//! is `Date.now()` unless the caller passes `at`. The TypeScript types are
//! in `types.d.ts`.

mod ca;
mod convert;
mod secret;
mod sign;
mod with_key;

use csrcraft::kubernetes::{
    Expiration, LintOptions, LintReport, Manifest, ManifestFormat, ManifestOptions, SignerName,
    parse_duration_seconds,
};
use csrcraft::{CertificateRequest, KeyDocument, KeyFormat, KeyPem, Purpose, Spec, VerifyInput};
use csrcraft_webcrypto::{Signed, UrlIdna, decide};
use wasm_bindgen::prelude::*;
use zeroize::Zeroizing;

use crate::convert::{Options, Out, error, json_object, spec_text, strings, warnings};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

/// Makes the key a cfssl CSR spec asks for and its CSR, in memory; with
/// `options.signer`, also the Kubernetes manifest (YAML) that carries the CSR.
///
/// `spec` is the cfssl JSON as text, or an object that is turned into that
/// text first, so the core's parser and its messages apply either way.
#[wasm_bindgen(unchecked_return_type = "GenerateResult")]
pub async fn generate(
    #[wasm_bindgen(unchecked_param_type = "string | CfsslSpec")] spec: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "GenerateOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let options = GenerateOptions::read(&options)?;
    let parsed = Spec::from_json_with(&spec_text(&spec)?, &UrlIdna)?;
    let signed = csrcraft_webcrypto::generate(&parsed.value).await?;
    options.result(&signed, &parsed.warnings).await
}

/// `generate`'s and `generateWithKey`'s options, read (and checked) before
/// any key is made.
struct GenerateOptions {
    key_format: KeyFormat,
    /// `keyPassphrase`: the key is written encrypted with it (and, for
    /// `generateWithKey`, the given key is read with it).
    key_passphrase: Option<Zeroizing<Vec<u8>>>,
    manifest: Option<ManifestOptions>,
}

impl GenerateOptions {
    fn read(options: &JsValue) -> Result<Self, JsError> {
        let options = Options::read(
            options,
            &[
                "keyFormat",
                "keyPassphrase",
                "signer",
                "name",
                "usages",
                "expiration",
            ],
        )?;
        Ok(Self {
            key_format: key_format(&options)?,
            key_passphrase: options.passphrase("keyPassphrase")?,
            manifest: manifest_options(&options, false)?,
        })
    }

    /// The CSR, the key in `keyFormat`, the manifest when a signer was given,
    /// and the warnings.
    async fn result(
        &self,
        signed: &Signed,
        spec_warnings: &[csrcraft::Warning],
    ) -> Result<JsValue, JsError> {
        let manifest_yaml = match &self.manifest {
            Some(options) => {
                let questions = signed.request.signature_questions();
                let made = decide(questions, |v| {
                    Manifest::new_checked(&signed.request, options, v)
                })
                .await?;
                Some(made?.to_yaml()?)
            }
            None => None,
        };
        let key_pem = write_key(
            &signed.key,
            self.key_format,
            self.key_passphrase.as_deref().map(Vec::as_slice),
        )
        .await?;
        Ok(Out::new()
            .set("csrPem", signed.request.pem())
            .set("keyPem", key_pem.as_str())
            .set(
                "manifestYaml",
                manifest_yaml.map_or(JsValue::NULL, JsValue::from),
            )
            .set("warnings", warnings(spec_warnings))
            .into())
    }
}

/// Wraps a PEM CSR in a Kubernetes CertificateSigningRequest for
/// `options.signer`, in YAML (default) or JSON.
#[wasm_bindgen(unchecked_return_type = "ManifestResult")]
pub async fn manifest(
    #[wasm_bindgen(js_name = "csrPem")] csr_pem: String,
    #[wasm_bindgen(unchecked_param_type = "ManifestOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let options = Options::read(
        &options,
        &["signer", "name", "usages", "expiration", "format"],
    )?;
    let format = manifest_format(&options)?;
    let Some(manifest_options) = manifest_options(&options, true)? else {
        return Err(error(
            "options.signer: required, e.g. \"example.com/serving\" or \"kubernetes.io/kube-apiserver-client\"",
        ));
    };
    let request = CertificateRequest::from_pem(&csr_pem)?;
    let questions = request.signature_questions();
    let manifest = decide(questions, |v| {
        Manifest::new_checked(&request, &manifest_options, v)
    })
    .await??;
    Ok(Out::new()
        .set("text", manifest.render(format)?)
        .set(
            "format",
            match format {
                ManifestFormat::Yaml => "yaml",
                ManifestFormat::Json => "json",
            },
        )
        .set("name", manifest.name())
        .set("usages", strings(manifest.usages()))
        .into())
}

/// Whether `options.signer` will issue the CSR, and what to change when it
/// won't. Given a spec instead of a PEM CSR, the CSR is made from it with a
/// throwaway key that never leaves this call.
#[wasm_bindgen(unchecked_return_type = "LintResult")]
pub async fn lint(
    #[wasm_bindgen(js_name = "csrOrSpec", unchecked_param_type = "string | CfsslSpec")]
    csr_or_spec: JsValue,
    #[wasm_bindgen(unchecked_param_type = "LintOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let options = Options::read(&options, &["signer", "usages", "expiration"])?;
    let Some(signer) = options.string("signer")? else {
        return Err(error(
            "options.signer: required, e.g. \"kubernetes.io/kubelet-serving\"",
        ));
    };
    let lint_options = LintOptions {
        signer: SignerName::new(signer.trim()),
        usages: options.usages("usages")?,
        expiration_seconds: options
            .duration("expiration")?
            .as_deref()
            .map(|text| parse_duration_seconds(text).map_err(|e| e.named("options.expiration")))
            .transpose()?,
    };
    if !csr_or_spec.is_string() && !csr_or_spec.is_object() {
        return Err(error(
            "csrOrSpec: expected a PEM CSR, or the cfssl CSR JSON as text or as an object",
        ));
    }
    let (request, spec_warnings) = match csr_or_spec.as_string() {
        Some(text) if text.contains("-----BEGIN ") => (CertificateRequest::from_pem(&text)?, None),
        _ => {
            let parsed = Spec::from_json_with(&spec_text(&csr_or_spec)?, &UrlIdna)?;
            // The key is dropped (and zeroized) here: only the CSR is linted,
            // read back from PEM as the cluster will read it.
            let pem = csrcraft_webcrypto::generate(&parsed.value)
                .await?
                .request
                .pem();
            (CertificateRequest::from_pem(&pem)?, Some(parsed.warnings))
        }
    };
    let info = decide(request.signature_questions(), |v| request.info_checked(v)).await??;
    let report = LintReport::new(&info, &lint_options);
    Ok(Out::from(json_object(&report.to_json()?)?)
        .set("text", report.to_text())
        .set(
            "specWarnings",
            warnings(spec_warnings.as_deref().unwrap_or_default()),
        )
        .into())
}

/// What a CSR, certificate, chain or `kubectl get csr` object (YAML or JSON)
/// holds, given as PEM, DER, or base64 of either: the core's published
/// inspection JSON as an object (keys in camelCase), plus its text view.
#[wasm_bindgen(unchecked_return_type = "InspectResult")]
pub async fn inspect(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "InspectOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let options = Options::read(&options, &["at"])?;
    let input = convert::bytes(&input, "input")?;
    let at = options.time("at")?;
    let questions = csrcraft::inspect_signature_questions(&input);
    let inspection = decide(questions, |v| csrcraft::inspect_checked(&input, at, v)).await??;
    Ok(Out::from(json_object(&inspection.to_json()?)?)
        .set("text", inspection.to_text())
        .into())
}

/// Verifies an issued certificate (or chain, leaf first) against the CA, and
/// when given, the private key, the CSR and a host name, at `options.at`
/// (default: now).
#[wasm_bindgen(unchecked_return_type = "VerifyResult")]
pub async fn verify(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] cert: JsValue,
    #[wasm_bindgen(unchecked_param_type = "VerifyOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let options = Options::read(
        &options,
        &["ca", "key", "keyPassphrase", "csr", "host", "purpose", "at"],
    )?;
    let chain = csrcraft::read_certificates(&convert::bytes(&cert, "cert")?)?;
    let mut trust = Vec::new();
    for ca in options.bytes_list("ca")? {
        trust.extend(csrcraft::read_certificates(&ca).map_err(|e| e.within("options.ca"))?);
    }
    if trust.is_empty() {
        return Err(error(
            "options.ca: required: the CA certificate(s) the certificate should chain to",
        ));
    }
    let key = match options.string("key")?.map(Zeroizing::new) {
        Some(pem) => Some(read_key(&pem, &options).await?),
        None => None,
    };
    let request = match options.string("csr")? {
        Some(pem) => Some(CertificateRequest::from_pem(&pem)?),
        None => None,
    };
    let host = options.string("host")?;
    let purpose = options
        .string("purpose")?
        .map(|text| Purpose::parse(&text).map_err(|e| e.named("options.purpose")))
        .transpose()?;
    let at = options.time("at")?;
    let key = match key {
        Some(key) => Some(csrcraft_webcrypto::public_key(&key).await?),
        None => None,
    };
    let questions = csrcraft::verify_signature_questions(&chain, &trust, request.as_ref());
    let report = decide(questions, |signatures| {
        csrcraft::verify(&VerifyInput {
            chain: &chain,
            trust: &trust,
            key: key.as_ref(),
            request: request.as_ref(),
            host: host.as_deref(),
            purpose,
            at,
            signatures,
            domains: &UrlIdna,
        })
    })
    .await??;
    Ok(Out::from(json_object(&report.to_json(at)?)?)
        .set("text", report.to_string())
        .into())
}

/// A private key's PEM, read with `options.keyPassphrase` when given (then it
/// must be an `ENCRYPTED PRIVATE KEY`, decrypted by WebCrypto).
async fn read_key(pem: &str, options: &Options) -> Result<KeyDocument, JsError> {
    match options.passphrase("keyPassphrase")? {
        None => Ok(KeyDocument::from_pem(pem)?),
        Some(passphrase) => csrcraft_webcrypto::decrypt_key(pem, &passphrase)
            .await
            .map_err(passphrase_named),
    }
}

/// A private key's PEM in `format`, or, with a passphrase, encrypted with it
/// by WebCrypto (PKCS#8 `ENCRYPTED PRIVATE KEY`, whatever the format).
async fn write_key(
    key: &KeyDocument,
    format: KeyFormat,
    passphrase: Option<&[u8]>,
) -> Result<KeyPem, JsError> {
    match passphrase {
        None => Ok(key.to_pem(format)?),
        Some(passphrase) => csrcraft_webcrypto::encrypt_key(key, passphrase)
            .await
            .map_err(passphrase_named),
    }
}

/// A passphrase error named as JS spells the option (`options.keyPassphrase`).
fn passphrase_named(error: csrcraft_webcrypto::Error) -> JsError {
    match error {
        csrcraft_webcrypto::Error::Core(core @ csrcraft::Error::Passphrase { .. }) => {
            core.named("options.keyPassphrase").into()
        }
        other => other.into(),
    }
}

/// `options.keyFormat`: how to write a private key (default cfssl's).
fn key_format(options: &Options) -> Result<KeyFormat, JsError> {
    match options.string("keyFormat")?.as_deref() {
        None | Some("cfssl") => Ok(KeyFormat::Cfssl),
        Some("pkcs8") => Ok(KeyFormat::Pkcs8),
        Some(other) => Err(error(format!(
            "options.keyFormat: {} is not a key format; use \"cfssl\" or \"pkcs8\"",
            csrcraft::support::quoted(other)
        ))),
    }
}

/// `options.format`: how to write a Kubernetes object (default YAML).
fn manifest_format(options: &Options) -> Result<ManifestFormat, JsError> {
    match options.string("format")?.as_deref() {
        None | Some("yaml") => Ok(ManifestFormat::Yaml),
        Some("json") => Ok(ManifestFormat::Json),
        Some(other) => Err(error(format!(
            "options.format: {} is not a manifest format; use \"yaml\" or \"json\"",
            csrcraft::support::quoted(other)
        ))),
    }
}

/// The manifest options (`signer`, `name`, `usages`, `expiration`), or `None`
/// without a signer; `name`, `usages` or `expiration` without a signer is an
/// error, not silently ignored.
fn manifest_options(
    options: &Options,
    signer_required: bool,
) -> Result<Option<ManifestOptions>, JsError> {
    let name = options.string("name")?;
    let usages = options.usages("usages")?;
    let expiration = options
        .duration("expiration")?
        .as_deref()
        .map(|text| Expiration::parse(text).map_err(|e| e.named("options.expiration")))
        .transpose()?;
    let Some(signer) = options.string("signer")? else {
        if !signer_required && (name.is_some() || usages.is_some() || expiration.is_some()) {
            return Err(error(
                "options.signer: required with name, usages or expiration (they are the manifest's)",
            ));
        }
        return Ok(None);
    };
    Ok(Some(ManifestOptions {
        name,
        signer: SignerName::new(signer),
        usages,
        expiration,
    }))
}
