//! `sign`: the certificate kube-controller-manager's signer would issue for a
//! CSR or a `kubectl get csr` object, with a local CA (the CLI's `sign`).
//! The CSR's self-signature is checked and the certificate signed by
//! WebCrypto; the signer's policy is the core's.

use csrcraft::kubernetes::{
    Expiration, Finding, LintOptions, Manifest, ManifestOptions, SignerName, SigningRequest,
    parse_duration_seconds,
};
use csrcraft::{
    Certificate, CertificateAuthority, CertificateRequest, SignOptions, SignerOutcome,
    custom_signer_note, sign_request,
};
use csrcraft_webcrypto::answer;
use wasm_bindgen::prelude::*;
use zeroize::Zeroizing;

use crate::convert::{Options, Out, error};
use crate::{manifest_format, read_key};

/// The options for a CSR only: an object carries its own spec.
const CSR_ONLY: [&str; 4] = ["signer", "usages", "expiration", "name"];

/// What the signer does with a PEM CSR (sent with `options.signer`,
/// `usages`, `expiration`) or a CertificateSigningRequest object (YAML or
/// JSON, `kubectl get csr NAME -o yaml` or `manifest`'s), once approved:
/// `outcome` `"issued"` with the `certificate` (PEM) signed by `options.ca`'s
/// key, or `"failed"` (the signer's condition Failed) or `"refused"` (the API
/// server would not create it) with the `finding`. With `options.object`,
/// also the object as the cluster leaves it (`object`, in `options.format`).
/// `text` is the object, else the certificate, else the reason. An
/// encrypted CA key is read with `options.keyPassphrase`.
#[wasm_bindgen(unchecked_return_type = "SignResult")]
pub async fn sign(
    input: String,
    #[wasm_bindgen(unchecked_param_type = "SignOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let options = Options::read(
        &options,
        &[
            "ca",
            "caKey",
            "keyPassphrase",
            "signer",
            "usages",
            "expiration",
            "name",
            "duration",
            "at",
            "object",
            "format",
        ],
    )?;
    let now = options.time("at")?;
    let object = options.boolean("object")?;
    for key in ["name", "format"] {
        if !object && options.string(key)?.is_some() {
            return Err(error(format!(
                "options.{key}: only with object: true (it is the object's)"
            )));
        }
    }
    let format = manifest_format(&options)?;
    let cluster_signing_seconds = options
        .duration("duration")?
        .map(|text| parse_duration_seconds(&text).map_err(|e| e.named("options.duration")))
        .transpose()?;
    let (given_object, request, request_options) = if input.contains("-----BEGIN ") {
        let request = CertificateRequest::from_pem(&input)?;
        (None, request, csr_options(&options)?)
    } else {
        for key in CSR_ONLY {
            if options.has(key) {
                return Err(error(format!(
                    "options.{key} is for a CSR: given a CertificateSigningRequest object, sign reads its spec; drop options.{key}"
                )));
            }
        }
        let object = SigningRequest::from_object(&input)?;
        object.check_signable()?;
        let request = object.request()?;
        let request_options = object.options();
        (Some(object), request, request_options)
    };
    // The CSR's self-signature, checked once for reading it and for the
    // object made of it.
    let answers = answer(request.signature_questions()).await?;
    let info = answers.decide(|v| request.info_checked(v))??;
    let ca = read_ca(&options.required("ca", "the signer's CA certificate, PEM")?)?;
    let ca_key = Zeroizing::new(options.required("caKey", "the signer's CA key, PEM")?);
    let ca_key = read_key(&ca_key, &options).await?;
    ca.check_key(&csrcraft_webcrypto::public_key(&ca_key).await?.spki_der)?;
    let mut sign_options =
        SignOptions::new(request_options.clone(), now, csrcraft_webcrypto::random()?);
    if let Some(seconds) = cluster_signing_seconds {
        sign_options.cluster_signing_seconds = seconds;
    }
    // The object the cluster holds (with `options.object`): the one given,
    // or the one `manifest` makes of the CSR, made only once it is needed.
    let output_object = |given: Option<SigningRequest>| -> Result<_, JsError> {
        if !object {
            return Ok(None);
        }
        if let Some(given) = given {
            return Ok(Some(given));
        }
        let mut manifest = ManifestOptions::new(request_options.signer.clone());
        manifest.name = options.string("name")?;
        manifest.usages = request_options.usages.clone();
        manifest.expiration = request_options
            .expiration_seconds
            .and_then(|seconds| Expiration::from_seconds(seconds).ok());
        let made = answers.decide(|v| Manifest::new_checked(&request, &manifest, v))??;
        Ok(Some(SigningRequest::from_manifest(&made)))
    };
    let signer = &request_options.signer;
    let out = match sign_request(&ca, &info, &sign_options)? {
        SignerOutcome::Refused(finding) => Out::new()
            .set("outcome", "refused")
            .set(
                "text",
                reason(
                    "the API server would refuse this CertificateSigningRequest on create",
                    &finding,
                ),
            )
            .set("finding", finding_object(&finding)),
        SignerOutcome::Failed(finding) => {
            let out = Out::new().set("outcome", "failed");
            let why = format!(
                "{signer} fails this CSR after approval (condition Failed, reason SignerValidationFailure)"
            );
            let out = match output_object(given_object)? {
                Some(mut object) => {
                    object.approve(now);
                    object.fail(&finding.message, now);
                    let text = object.render(format)?;
                    out.set("object", text.as_str()).set("text", text)
                }
                None => out.set("text", reason(&why, &finding)),
            };
            out.set("finding", finding_object(&finding))
        }
        SignerOutcome::Issued(unsigned) => {
            let certificate = csrcraft_webcrypto::sign_certificate(unsigned, &ca_key)
                .await?
                .pem();
            let out = Out::new()
                .set("outcome", "issued")
                .set("certificate", certificate.as_str());
            let out = match output_object(given_object)? {
                Some(mut object) => {
                    object.approve(now);
                    object.issue(&certificate);
                    let text = object.render(format)?;
                    out.set("object", text.as_str()).set("text", text)
                }
                None => out.set("text", certificate),
            };
            match custom_signer_note(signer) {
                Some(note) => out.set("note", note),
                None => out,
            }
        }
    };
    Ok(out.into())
}

/// The spec a CSR is sent with, from the options.
fn csr_options(options: &Options) -> Result<LintOptions, JsError> {
    let signer = options.string("signer")?.ok_or_else(|| {
        error(
            "given a CSR, sign needs options.signer, e.g. \"example.com/serving\" or \"kubernetes.io/kube-apiserver-client\"",
        )
    })?;
    let expiration = options
        .duration("expiration")?
        .map(|text| Expiration::parse(&text).map_err(|e| e.named("options.expiration")))
        .transpose()?;
    Ok(LintOptions {
        signer: SignerName::new(signer),
        usages: options.usages("usages")?,
        expiration_seconds: expiration.map(|e| u64::from(e.seconds())),
    })
}

/// The CA: the first certificate of `options.ca`, as kube-controller-manager
/// reads `--cluster-signing-cert-file`.
fn read_ca(pem: &str) -> Result<CertificateAuthority, JsError> {
    let within = |e: csrcraft::Error| e.within("options.ca");
    let chain = Certificate::chain_from_pem(pem).map_err(within)?;
    let Some(certificate) = chain.into_iter().next() else {
        return Err(error("options.ca holds no certificate"));
    };
    Ok(CertificateAuthority::new(certificate).map_err(within)?)
}

/// `{ rule, message, fix }`.
fn finding_object(finding: &Finding) -> Out {
    Out::new()
        .set("rule", finding.rule)
        .set("message", finding.message.as_str())
        .set("fix", finding.fix.as_str())
}

/// Why no certificate was issued, and what to change, as the CLI says it.
fn reason(what: &str, finding: &Finding) -> String {
    format!("{what}: {}\n  fix: {}\n", finding.message, finding.fix)
}
