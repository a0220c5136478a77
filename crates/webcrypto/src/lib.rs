//! csrcraft's crypto by WebCrypto (`crypto.subtle`), for the wasm API and the
//! web app: the browser's (or Node's) native code generates the key, signs
//! the CSR and checks signatures, so the wasm carries no crypto of its own.
//! The key stays in the page: it is exported only into the page's memory, as
//! PKCS#8, to be written as PEM.
//!
//! The core stays pure and synchronous; this crate drives it:
//! [`generate`] and [`sign_request`] fill in an [`csrcraft::UnsignedRequest`],
//! [`sign_certificate`] an [`UnsignedCertificate`] (a CA's, or a certificate
//! a CA issues), [`random`] gives the serials' randomness, and [`decide`] checks the signatures a core function will ask about with
//! WebCrypto, then runs it with those answers. [`UrlIdna`] is the core's
//! [`csrcraft::DomainToAscii`] by the platform's URL parser.

mod algorithms;
mod domains;
mod encrypted;
mod signatures;
mod subtle;

use csrcraft::{
    Certificate, CertificateRequest, HashAlgorithm, KeyAlgorithm, KeyDocument, PublicKeyInfo,
    SignatureAlgorithm, Spec, UnsignedCertificate, UnsignedRequest,
};
use wasm_bindgen::{JsCast, JsValue};

use self::algorithms::{
    hashed_key_params, import_params, key_params, sign_params, signature_params,
};
pub use self::domains::UrlIdna;
pub use self::encrypted::{decrypt_key, encrypt_key};
pub use self::signatures::{answer, decide};
use self::subtle::Subtle;

/// What can go wrong here.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The core refused the input (its message names the field and the fix).
    #[error(transparent)]
    Core(#[from] csrcraft::Error),
    /// There is no `crypto.subtle`: the page is not a secure context.
    #[error(
        "WebCrypto (crypto.subtle) is not available here: serve the page over https or from localhost"
    )]
    Unavailable,
    /// A WebCrypto call failed.
    #[error("WebCrypto could not {operation}: {reason}")]
    WebCrypto {
        /// What was being done, e.g. `import the key`.
        operation: &'static str,
        /// WebCrypto's own words.
        reason: String,
    },
    /// The core asked about a signature it had not listed (a bug).
    #[error(transparent)]
    Unanswered(#[from] csrcraft::Unanswered),
}

impl Error {
    fn webcrypto(operation: &'static str, thrown: &JsValue) -> Self {
        let reason = thrown
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| thrown.as_string())
            // `String(thrown)` rather than `{thrown:?}`, whose JS half
            // (wasm-bindgen's debugString) would ship for this one case.
            .or_else(|| subtle::text_of(thrown).ok())
            .unwrap_or_else(|| "an exception that cannot be written as text".to_owned());
        Self::WebCrypto { operation, reason }
    }
}

/// `N` random bytes from `crypto.getRandomValues` (the platform's CSPRNG),
/// e.g. for a certificate's serial.
pub fn random<const N: usize>() -> Result<[u8; N], Error> {
    subtle::random()
}

/// `Ok` when WebCrypto is there to use; [`Error::Unavailable`] outside a secure
/// context (https or localhost).
pub fn available() -> Result<(), Error> {
    Subtle::get().map(|_| ())
}

/// A key made (or read) here and the CSR signed with it.
#[derive(Debug)]
pub struct Signed {
    /// The private key, as PKCS#8 in the page's memory.
    pub key: KeyDocument,
    /// Its public half.
    pub public_key: PublicKeyInfo,
    /// The CSR, signed by `key`.
    pub request: CertificateRequest,
}

/// Generates the key `spec` asks for with WebCrypto and signs the CSR for it:
/// what `cfssl genkey` makes. RSA keys are native-speed here.
pub async fn generate(spec: &Spec) -> Result<Signed, Error> {
    let subtle = Subtle::get()?;
    let algorithm = spec.key_algorithm();
    let (public, private) = subtle
        .generate_pair(&key_params(algorithm), &["sign", "verify"])
        .await?;
    let pkcs8 = zeroize::Zeroizing::new(subtle.export_der("pkcs8", &private).await?);
    let key = KeyDocument::from_pkcs8_der(&pkcs8)?;
    // An EC or RSA key's PKCS#8 carries its public half; Ed25519's does not.
    let spki = match key.public_key_der() {
        Some(spki) => spki,
        None => subtle.export_der("spki", &public).await?,
    };
    sign(&subtle, spec, key, &private, &spki).await
}

/// Signs the CSR `spec` describes with an existing key (e.g. one read from a
/// PEM file with [`KeyDocument::from_pem`]); the key's kind wins over `spec.key`.
pub async fn sign_request(spec: &Spec, key: KeyDocument) -> Result<Signed, Error> {
    let subtle = Subtle::get()?;
    let private = import_private(&subtle, &key, None).await?;
    let spki = public_spki(&subtle, &private, &key).await?;
    sign(&subtle, spec, key, &private, &spki).await
}

/// Signs `unsigned` with the issuer's key, with the hash the certificate
/// names ([`UnsignedCertificate::signature_algorithm`]): for RSA that is not
/// always the one cfssl pairs with the key's size (kube-controller-manager
/// signs with SHA-256 whatever the CA's size), so the key is imported for it.
/// The key must be of the kind the algorithm names; whether it is the
/// issuer's is the caller's check (e.g. `CertificateAuthority::check_key`).
pub async fn sign_certificate(
    unsigned: UnsignedCertificate,
    issuer_key: &KeyDocument,
) -> Result<Certificate, Error> {
    let subtle = Subtle::get()?;
    let algorithm = issuer_key.algorithm();
    let named = unsigned.signature_algorithm();
    let fits = match algorithm {
        KeyAlgorithm::Ecdsa(_) => matches!(
            named,
            SignatureAlgorithm::EcdsaSha256
                | SignatureAlgorithm::EcdsaSha384
                | SignatureAlgorithm::EcdsaSha512
        ),
        KeyAlgorithm::Rsa { .. } => matches!(
            named,
            SignatureAlgorithm::RsaSha256
                | SignatureAlgorithm::RsaSha384
                | SignatureAlgorithm::RsaSha512
        ),
        KeyAlgorithm::Ed25519 => *named == SignatureAlgorithm::Ed25519,
    };
    if !fits {
        return Err(Error::WebCrypto {
            operation: "sign the certificate",
            reason: "the key is not of the kind its signature algorithm names".to_owned(),
        });
    }
    let hash = named.hash();
    let private = import_private(&subtle, issuer_key, hash).await?;
    let signature = subtle
        .sign(
            &signature_params(algorithm, hash),
            &private,
            unsigned.to_be_signed(),
        )
        .await?;
    Ok(unsigned.sign_with(&der_signature(algorithm, signature)?)?)
}

/// The public half of a private key, as certificates and CSRs describe keys.
/// WebCrypto imports the key (checking it) and derives the public half only
/// when the key does not carry it (Ed25519, or EC without its public point).
pub async fn public_key(key: &KeyDocument) -> Result<PublicKeyInfo, Error> {
    let subtle = Subtle::get()?;
    let private = import_private(&subtle, key, None).await?;
    read_spki(&public_spki(&subtle, &private, key).await?)
}

async fn sign(
    subtle: &Subtle,
    spec: &Spec,
    key: KeyDocument,
    private: &JsValue,
    spki: &[u8],
) -> Result<Signed, Error> {
    let unsigned = UnsignedRequest::new(spec, spki)?;
    let signature = sign_unsigned(subtle, &unsigned, private).await?;
    Ok(Signed {
        public_key: read_spki(spki)?,
        request: unsigned.sign_with(&signature)?,
        key,
    })
}

/// The signature over the request, as the CSR holds it.
async fn sign_unsigned(
    subtle: &Subtle,
    unsigned: &UnsignedRequest,
    private: &JsValue,
) -> Result<Vec<u8>, Error> {
    let algorithm = unsigned.key_algorithm();
    let signature = subtle
        .sign(&sign_params(algorithm), private, unsigned.to_be_signed())
        .await?;
    der_signature(algorithm, signature)
}

/// A WebCrypto signature as X.509 holds it: WebCrypto signs ECDSA as
/// `r || s`, X.509 holds the DER Ecdsa-Sig-Value.
fn der_signature(algorithm: KeyAlgorithm, signature: Vec<u8>) -> Result<Vec<u8>, Error> {
    Ok(match algorithm {
        KeyAlgorithm::Ecdsa(_) => {
            csrcraft::support::ecdsa_fixed_to_der(&signature).ok_or(Error::WebCrypto {
                operation: "sign",
                reason: format!("an ECDSA signature of {} bytes", signature.len()),
            })?
        }
        _ => signature,
    })
}

/// The private key as a WebCrypto key that signs; an RSA key with `hash`
/// (`None`: the hash cfssl pairs with its size).
async fn import_private(
    subtle: &Subtle,
    key: &KeyDocument,
    hash: Option<HashAlgorithm>,
) -> Result<JsValue, Error> {
    let algorithm = key.algorithm();
    let params = match hash {
        Some(hash) => hashed_key_params(algorithm, Some(hash)),
        None => import_params(algorithm),
    };
    let der = js_sys::Uint8Array::from(key.pkcs8_der());
    let imported = subtle.import("pkcs8", &der, &params, &["sign"]).await;
    // The bytes were copied into the array; clear them there too.
    der.fill(0, 0, der.length());
    imported
}

/// The SPKI of a private key's public half: the one the key document carries
/// (EC with its point, RSA), else derived by WebCrypto (Ed25519).
async fn public_spki(
    subtle: &Subtle,
    private: &JsValue,
    key: &KeyDocument,
) -> Result<Vec<u8>, Error> {
    match key.public_key_der() {
        Some(spki) => Ok(spki),
        None => derived_spki(subtle, private, key.algorithm()).await,
    }
}

/// The SPKI derived from a private key: its JWK without the private members,
/// imported as a public key and exported as SPKI. WebCrypto cannot export a
/// public key from a private one directly.
async fn derived_spki(
    subtle: &Subtle,
    private: &JsValue,
    algorithm: KeyAlgorithm,
) -> Result<Vec<u8>, Error> {
    let jwk = subtle.export_jwk(private).await?;
    let public = js_sys::Object::new();
    for member in ["kty", "crv", "x", "y", "n", "e"] {
        let value = js_sys::Reflect::get(&jwk, &member.into()).unwrap_or(JsValue::UNDEFINED);
        if !value.is_undefined() {
            let _ = js_sys::Reflect::set(&public, &member.into(), &value);
        }
    }
    // Drop the private members (d, p, q, ...) from the JWK now rather than
    // when the garbage collector takes it (JS strings cannot be zeroed).
    for member in ["d", "p", "q", "dp", "dq", "qi"] {
        let _ = js_sys::Reflect::delete_property(&jwk, &member.into());
    }
    let imported = subtle
        .import("jwk", &public, &import_params(algorithm), &["verify"])
        .await?;
    subtle.export_der("spki", &imported).await
}

fn read_spki(spki: &[u8]) -> Result<PublicKeyInfo, Error> {
    PublicKeyInfo::from_der(spki).ok_or(Error::WebCrypto {
        operation: "export the key",
        reason: "the exported public key is not a DER SubjectPublicKeyInfo".to_owned(),
    })
}
