//! The few `crypto.subtle` calls csrcraft makes, bound directly (no web-sys),
//! each awaited as a Rust future with its failure as [`Error::WebCrypto`].

use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use zeroize::Zeroizing;

use crate::Error;

#[wasm_bindgen]
extern "C" {
    /// `SubtleCrypto`.
    #[derive(Clone)]
    pub(crate) type Subtle;

    #[wasm_bindgen(method, catch, js_name = generateKey)]
    fn generate_key(
        this: &Subtle,
        algorithm: &Object,
        extractable: bool,
        usages: &Array,
    ) -> Result<Promise, JsValue>;

    #[wasm_bindgen(method, catch, js_name = exportKey)]
    fn export_key(this: &Subtle, format: &str, key: &JsValue) -> Result<Promise, JsValue>;

    #[wasm_bindgen(method, catch, js_name = importKey)]
    fn import_key(
        this: &Subtle,
        format: &str,
        key_data: &JsValue,
        algorithm: &Object,
        extractable: bool,
        usages: &Array,
    ) -> Result<Promise, JsValue>;

    #[wasm_bindgen(method, catch, js_name = sign)]
    fn sign_bytes(
        this: &Subtle,
        algorithm: &Object,
        key: &JsValue,
        data: &Uint8Array,
    ) -> Result<Promise, JsValue>;

    #[wasm_bindgen(method, catch, js_name = verify)]
    fn verify_bytes(
        this: &Subtle,
        algorithm: &Object,
        key: &JsValue,
        signature: &Uint8Array,
        data: &Uint8Array,
    ) -> Result<Promise, JsValue>;

    #[wasm_bindgen(method, catch, js_name = deriveBits)]
    fn derive_bits_of(
        this: &Subtle,
        algorithm: &Object,
        base_key: &JsValue,
        length: u32,
    ) -> Result<Promise, JsValue>;

    #[wasm_bindgen(method, catch, js_name = encrypt)]
    fn encrypt_bytes(
        this: &Subtle,
        algorithm: &Object,
        key: &JsValue,
        data: &Uint8Array,
    ) -> Result<Promise, JsValue>;

    #[wasm_bindgen(method, catch, js_name = decrypt)]
    fn decrypt_bytes(
        this: &Subtle,
        algorithm: &Object,
        key: &JsValue,
        data: &Uint8Array,
    ) -> Result<Promise, JsValue>;

    /// The global object (`window`, `self`, Node's `globalThis`), for its
    /// `crypto`; read as properties, with no name crossing into JS.
    type Global;

    #[wasm_bindgen(method, getter, structural)]
    fn crypto(this: &Global) -> JsValue;

    /// `Crypto`, for its `subtle` and `getRandomValues`.
    type Crypto;

    #[wasm_bindgen(method, getter, structural)]
    fn subtle(this: &Crypto) -> JsValue;

    #[wasm_bindgen(method, catch, js_name = getRandomValues)]
    fn get_random_values(this: &Crypto, array: &Uint8Array) -> Result<JsValue, JsValue>;

    /// `String(value)`: a thrown value that is not an `Error`, as text.
    #[wasm_bindgen(catch, js_name = String)]
    pub(crate) fn text_of(value: &JsValue) -> Result<String, JsValue>;

    /// `CryptoKeyPair`.
    type KeyPair;

    #[wasm_bindgen(method, getter, structural, js_name = publicKey)]
    fn public_key(this: &KeyPair) -> JsValue;

    #[wasm_bindgen(method, getter, structural, js_name = privateKey)]
    fn private_key(this: &KeyPair) -> JsValue;
}

/// `globalThis.crypto`, in a page, a worker or Node.
fn crypto() -> Result<Crypto, Error> {
    // Looked up on each call, not kept: a page can lose it (a test takes it away).
    let crypto = js_sys::global().unchecked_into::<Global>().crypto();
    if !crypto.is_object() {
        return Err(Error::Unavailable);
    }
    Ok(crypto.unchecked_into())
}

/// `N` bytes from `crypto.getRandomValues`, the platform's CSPRNG.
pub(crate) fn random<const N: usize>() -> Result<[u8; N], Error> {
    let array = Uint8Array::new_with_length(N as u32);
    crypto()?
        .get_random_values(&array)
        .map_err(|e| Error::webcrypto("make random bytes", &e))?;
    let mut bytes = [0; N];
    array.copy_to(&mut bytes);
    Ok(bytes)
}

impl Subtle {
    /// `globalThis.crypto.subtle`, in a page, a worker or Node.
    pub(crate) fn get() -> Result<Self, Error> {
        // Secure contexts only: elsewhere `crypto` is there but `subtle` is not.
        let subtle = crypto()?.subtle();
        if !subtle.is_object() {
            return Err(Error::Unavailable);
        }
        Ok(subtle.unchecked_into())
    }

    /// A new key pair: `(publicKey, privateKey)`.
    pub(crate) async fn generate_pair(
        &self,
        algorithm: &Object,
        usages: &[&str],
    ) -> Result<(JsValue, JsValue), Error> {
        let pair = settle(
            "generate the key",
            self.generate_key(algorithm, true, &names(usages)),
        )
        .await?
        .unchecked_into::<KeyPair>();
        Ok((pair.public_key(), pair.private_key()))
    }

    /// `exportKey(format)` for `spki` and `pkcs8`: the DER bytes.
    pub(crate) async fn export_der(&self, format: &str, key: &JsValue) -> Result<Vec<u8>, Error> {
        let buffer = settle("export the key", self.export_key(format, key)).await?;
        Ok(Uint8Array::new(&buffer).to_vec())
    }

    /// `exportKey("jwk")`: the JSON Web Key object.
    pub(crate) async fn export_jwk(&self, key: &JsValue) -> Result<Object, Error> {
        let jwk = settle("export the key", self.export_key("jwk", key)).await?;
        Ok(jwk.unchecked_into())
    }

    /// `importKey`: `key_data` is a `Uint8Array` of DER or a JWK object.
    pub(crate) async fn import(
        &self,
        format: &str,
        key_data: &JsValue,
        algorithm: &Object,
        usages: &[&str],
    ) -> Result<JsValue, Error> {
        let promise = self.import_key(format, key_data, algorithm, true, &names(usages));
        settle("import the key", promise).await
    }

    /// `importKey("raw")` of secret bytes (a passphrase for PBKDF2, an AES
    /// key), not extractable; the array is cleared afterwards.
    pub(crate) async fn import_secret(
        &self,
        raw: &[u8],
        algorithm: &Object,
        usages: &[&str],
    ) -> Result<JsValue, Error> {
        let data = Uint8Array::from(raw);
        let promise = self.import_key("raw", &data, algorithm, false, &names(usages));
        let imported = settle("import the key", promise).await;
        data.fill(0, 0, data.length());
        imported
    }

    /// `deriveBits`: `bits` bits, in a buffer zeroized on drop.
    pub(crate) async fn derive_bits(
        &self,
        algorithm: &Object,
        base_key: &JsValue,
        bits: u32,
    ) -> Result<Zeroizing<Vec<u8>>, Error> {
        let promise = self.derive_bits_of(algorithm, base_key, bits);
        let buffer = Uint8Array::new(&settle("derive the key", promise).await?);
        let bytes = Zeroizing::new(buffer.to_vec());
        buffer.fill(0, 0, buffer.length());
        Ok(bytes)
    }

    /// `encrypt`.
    pub(crate) async fn encrypt(
        &self,
        algorithm: &Object,
        key: &JsValue,
        data: &[u8],
    ) -> Result<Vec<u8>, Error> {
        let input = Uint8Array::from(data);
        let promise = self.encrypt_bytes(algorithm, key, &input);
        let output = settle("encrypt the key", promise).await;
        input.fill(0, 0, input.length());
        Ok(Uint8Array::new(&output?).to_vec())
    }

    /// `decrypt`, in a buffer zeroized on drop.
    pub(crate) async fn decrypt(
        &self,
        algorithm: &Object,
        key: &JsValue,
        data: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>, Error> {
        let promise = self.decrypt_bytes(algorithm, key, &Uint8Array::from(data));
        let buffer = Uint8Array::new(&settle("decrypt the key", promise).await?);
        let bytes = Zeroizing::new(buffer.to_vec());
        buffer.fill(0, 0, buffer.length());
        Ok(bytes)
    }

    /// `sign`: the signature bytes as WebCrypto makes them.
    pub(crate) async fn sign(
        &self,
        algorithm: &Object,
        key: &JsValue,
        data: &[u8],
    ) -> Result<Vec<u8>, Error> {
        let promise = self.sign_bytes(algorithm, key, &Uint8Array::from(data));
        let buffer = settle("sign", promise).await?;
        Ok(Uint8Array::new(&buffer).to_vec())
    }

    /// `verify`: whether the signature holds.
    pub(crate) async fn verify(
        &self,
        algorithm: &Object,
        key: &JsValue,
        signature: &[u8],
        data: &[u8],
    ) -> Result<bool, Error> {
        let promise = self.verify_bytes(
            algorithm,
            key,
            &Uint8Array::from(signature),
            &Uint8Array::from(data),
        );
        Ok(settle("verify", promise).await?.is_truthy())
    }
}

/// A plain object of string keys, e.g. `{ name: "ECDSA", namedCurve: "P-256" }`.
pub(crate) fn object(entries: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (name, value) in entries {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&object, &(*name).into(), value);
    }
    object
}

fn names(items: &[&str]) -> Array {
    items.iter().map(|item| JsValue::from_str(item)).collect()
}

/// Awaits a WebCrypto promise, whether it throws at once or rejects later.
async fn settle(
    operation: &'static str,
    promise: Result<Promise, JsValue>,
) -> Result<JsValue, Error> {
    let promise = promise.map_err(|e| Error::webcrypto(operation, &e))?;
    JsFuture::from(promise)
        .await
        .map_err(|e| Error::webcrypto(operation, &e))
}
