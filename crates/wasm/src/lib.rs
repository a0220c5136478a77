//! csrcraft's JS/TS API: the core's verbs for a page or for Node, through
//! wasm-bindgen.
//!
//! Conversions only. Options are read from plain JS objects
//! ([`convert::Options`]), results are built as plain JS objects, and every
//! error is a thrown JS `Error` carrying the core's message. The two things
//! the core takes as arguments come from here: randomness is
//! `crypto.getRandomValues` (getrandom's `SysRng`), and the time for
//! `inspect` and `verify` is `Date.now()` unless the caller passes `at`.
//! The TypeScript types are in `types.d.ts`.

mod convert;
mod with_key;

use csrcraft::kubernetes::{
    Expiration, LintOptions, LintReport, Manifest, ManifestFormat, ManifestOptions, SignerName,
    parse_duration_seconds,
};
use csrcraft::{CertificateRequest, KeyFormat, PrivateKey, Spec, VerifyInput};
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
pub fn generate(
    #[wasm_bindgen(unchecked_param_type = "string | CfsslSpec")] spec: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "GenerateOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let options = Options::read(&options, GENERATE_OPTIONS)?;
    let parsed = Spec::from_json(&spec_text(&spec)?)?;
    let made = csrcraft::generate(&parsed.value, &mut getrandom::SysRng)?;
    generated(&made.key, &made.request, &options, &parsed.warnings)
}

/// The options `generate` and `generateWithKey` take.
const GENERATE_OPTIONS: &[&str] = &["keyFormat", "signer", "name", "usages", "expiration"];

/// What `generate` and `generateWithKey` return: the CSR, the key in
/// `options.keyFormat`, the manifest when `options.signer` is given, and the
/// warnings.
fn generated(
    key: &PrivateKey,
    request: &CertificateRequest,
    options: &Options,
    spec_warnings: &[csrcraft::Warning],
) -> Result<JsValue, JsError> {
    let key_format = match options.string("keyFormat")?.as_deref() {
        None | Some("cfssl") => KeyFormat::Cfssl,
        Some("pkcs8") => KeyFormat::Pkcs8,
        Some(other) => {
            return Err(error(format!(
                "options.keyFormat: {other:?} is not a key format; use \"cfssl\" or \"pkcs8\""
            )));
        }
    };
    let manifest_yaml = match manifest_options(options, false)? {
        Some(manifest_options) => Some(Manifest::new(request, &manifest_options)?.to_yaml()?),
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
        .set("warnings", warnings(spec_warnings))
        .into())
}

/// Wraps a PEM CSR in a Kubernetes CertificateSigningRequest for
/// `options.signer`, in YAML (default) or JSON.
#[wasm_bindgen(unchecked_return_type = "ManifestResult")]
pub fn manifest(
    #[wasm_bindgen(js_name = "csrPem")] csr_pem: &str,
    #[wasm_bindgen(unchecked_param_type = "ManifestOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let options = Options::read(
        &options,
        &["signer", "name", "usages", "expiration", "format"],
    )?;
    let format = match options.string("format")?.as_deref() {
        None | Some("yaml") => ManifestFormat::Yaml,
        Some("json") => ManifestFormat::Json,
        Some(other) => {
            return Err(error(format!(
                "options.format: {other:?} is not a manifest format; use \"yaml\" or \"json\""
            )));
        }
    };
    let Some(manifest_options) = manifest_options(&options, true)? else {
        return Err(error(
            "options.signer: required, e.g. \"example.com/serving\" or \"kubernetes.io/kube-apiserver-client\"",
        ));
    };
    let request = CertificateRequest::from_pem(csr_pem)?;
    let manifest = Manifest::new(&request, &manifest_options)?;
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
pub fn lint(
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
            .map(parse_duration_seconds)
            .transpose()?,
    };
    let (request, spec_warnings) = match csr_or_spec.as_string() {
        Some(text) if text.contains("-----BEGIN ") => (CertificateRequest::from_pem(&text)?, None),
        _ => {
            let parsed = Spec::from_json(&spec_text(&csr_or_spec)?)?;
            // The key is dropped (and zeroized) here: only the CSR is linted.
            let made = csrcraft::generate(&parsed.value, &mut getrandom::SysRng)?;
            // Read back from PEM, as the cluster will read it.
            let request = CertificateRequest::from_pem(&made.request.pem())?;
            (request, Some(parsed.warnings))
        }
    };
    let info = request.info()?;
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
/// inspection JSON as an object, plus its text view.
#[wasm_bindgen(unchecked_return_type = "InspectResult")]
pub fn inspect(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "InspectOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let options = Options::read(&options, &["at"])?;
    let input = convert::bytes(&input, "input")?;
    let inspection = csrcraft::inspect(&input, options.time("at")?)?;
    Ok(Out::from(json_object(&inspection.to_json()?)?)
        .set("text", inspection.to_text())
        .into())
}

/// Verifies an issued certificate (or chain, leaf first) against the CA, and
/// when given, the private key, the CSR and a host name, at `options.at`
/// (default: now).
#[wasm_bindgen(unchecked_return_type = "VerifyResult")]
pub fn verify(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] cert: JsValue,
    #[wasm_bindgen(unchecked_param_type = "VerifyOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let options = Options::read(&options, &["ca", "key", "csr", "host", "at"])?;
    let chain = csrcraft::read_certificates(&convert::bytes(&cert, "cert")?)?;
    let mut trust = Vec::new();
    for ca in options.bytes_list("ca")? {
        trust.extend(csrcraft::read_certificates(&ca)?);
    }
    if trust.is_empty() {
        return Err(error(
            "options.ca: required: the CA certificate(s) the certificate should chain to",
        ));
    }
    let key = match options.string("key")?.map(Zeroizing::new) {
        Some(pem) => Some(PrivateKey::from_pem(&pem)?.public_key_info()?),
        None => None,
    };
    let request = match options.string("csr")? {
        Some(pem) => Some(CertificateRequest::from_pem(&pem)?),
        None => None,
    };
    let host = options.string("host")?;
    let at = options.time("at")?;
    let report = csrcraft::verify(&VerifyInput {
        chain: &chain,
        trust: &trust,
        key: key.as_ref(),
        request: request.as_ref(),
        host: host.as_deref(),
        at,
        signatures: &csrcraft::SoftwareVerifier,
    })?;
    Ok(Out::from(json_object(&report.to_json(at)?)?)
        .set("text", report.to_string())
        .into())
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
        .map(Expiration::parse)
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
