//! WebCrypto's algorithm parameters for each kind of key csrcraft makes, with
//! the hash cfssl pairs with it.

use csrcraft::{EcdsaCurve, HashAlgorithm, KeyAlgorithm};
use js_sys::{Object, Uint8Array};
use wasm_bindgen::JsValue;

use crate::subtle::object;

/// For `generateKey`.
pub(crate) fn key_params(algorithm: KeyAlgorithm) -> Object {
    match algorithm {
        KeyAlgorithm::Rsa { bits } => {
            let exponent = Uint8Array::from(&[1u8, 0, 1][..]); // 65537
            object(&[
                ("name", RSA.into()),
                ("modulusLength", JsValue::from(bits as u32)),
                ("publicExponent", exponent.into()),
                ("hash", hash_of(algorithm).into()),
            ])
        }
        _ => import_params(algorithm),
    }
}

/// For `importKey`: the key's kind, and for RSA the hash it will sign with.
pub(crate) fn import_params(algorithm: KeyAlgorithm) -> Object {
    match algorithm {
        KeyAlgorithm::Ecdsa(curve) => object(&[
            ("name", "ECDSA".into()),
            ("namedCurve", curve_name(curve).into()),
        ]),
        KeyAlgorithm::Rsa { .. } => rsa_params(hash_of(algorithm)),
        KeyAlgorithm::Ed25519 => object(&[("name", "Ed25519".into())]),
    }
}

/// For `importKey`, for a key that signs or checks signatures made with
/// `hash`: RSASSA-PKCS1-v1_5 fixes the hash when the key is imported.
pub(crate) fn hashed_key_params(algorithm: KeyAlgorithm, hash: Option<HashAlgorithm>) -> Object {
    match (algorithm, hash) {
        (KeyAlgorithm::Rsa { .. }, Some(hash)) => rsa_params(hash.name()),
        _ => import_params(algorithm),
    }
}

/// For `sign`: the hash cfssl pairs with the key.
pub(crate) fn sign_params(algorithm: KeyAlgorithm) -> Object {
    signature_params(algorithm, algorithm.signature_algorithm().hash())
}

/// For `sign` and `verify`.
pub(crate) fn signature_params(algorithm: KeyAlgorithm, hash: Option<HashAlgorithm>) -> Object {
    match (algorithm, hash) {
        (KeyAlgorithm::Ecdsa(_), Some(hash)) => {
            object(&[("name", "ECDSA".into()), ("hash", hash.name().into())])
        }
        (KeyAlgorithm::Rsa { .. }, _) => object(&[("name", RSA.into())]),
        _ => object(&[("name", "Ed25519".into())]),
    }
}

const RSA: &str = "RSASSA-PKCS1-v1_5";

fn rsa_params(hash: &str) -> Object {
    object(&[("name", RSA.into()), ("hash", hash.into())])
}

/// The hash cfssl pairs with an RSA key of this size.
fn hash_of(algorithm: KeyAlgorithm) -> &'static str {
    algorithm
        .signature_algorithm()
        .hash()
        .unwrap_or(HashAlgorithm::Sha256)
        .name()
}

fn curve_name(curve: EcdsaCurve) -> &'static str {
    match curve {
        EcdsaCurve::P256 => "P-256",
        EcdsaCurve::P384 => "P-384",
        EcdsaCurve::P521 => "P-521",
    }
}
