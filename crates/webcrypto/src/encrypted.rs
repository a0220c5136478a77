//! Passphrase-protected keys (PKCS#8 `ENCRYPTED PRIVATE KEY`, PBES2) by
//! WebCrypto: PBKDF2 derives the AES key from the passphrase and AES-CBC
//! encrypts or decrypts the `PrivateKeyInfo`. The structure, its checks and
//! its errors are the core's [`EncryptedKey`]; the same scheme as the CLI's
//! (PBKDF2-HMAC-SHA256, [`PBKDF2_ITERATIONS`], AES-256-CBC).

use csrcraft::{EncryptedKey, KeyCipher, KeyDocument, KeyPem, PBKDF2_ITERATIONS, Pbes2Params, Prf};
use js_sys::Uint8Array;
use wasm_bindgen::JsValue;

use crate::Error;
use crate::subtle::{Subtle, object, random};

/// Reads an `ENCRYPTED PRIVATE KEY` PEM and decrypts it with `passphrase`
/// (its bytes, as openssl takes them). A key that is not encrypted is
/// refused, as is a wrong passphrase, with the core's messages.
pub async fn decrypt_key(pem: &str, passphrase: &[u8]) -> Result<KeyDocument, Error> {
    let encrypted = EncryptedKey::from_pem(pem)?;
    EncryptedKey::check_passphrase(passphrase)?;
    let subtle = Subtle::get()?;
    let params = encrypted.params();
    let key = aes_key(&subtle, params, passphrase, "decrypt").await?;
    // WebCrypto refuses wrong padding: a wrong passphrase (or a damaged key).
    let plain = subtle
        .decrypt(&cbc(params), &key, encrypted.ciphertext())
        .await
        .ok();
    Ok(EncryptedKey::open(plain.as_deref().map(Vec::as_slice))?)
}

/// The key as an `ENCRYPTED PRIVATE KEY` PEM under `passphrase`:
/// PBKDF2-HMAC-SHA256 of [`PBKDF2_ITERATIONS`] over a random 16-byte salt,
/// AES-256-CBC with a random IV.
pub async fn encrypt_key(document: &KeyDocument, passphrase: &[u8]) -> Result<KeyPem, Error> {
    EncryptedKey::check_passphrase(passphrase)?;
    let params = Pbes2Params::new(
        Prf::HmacSha256,
        &random::<16>()?,
        PBKDF2_ITERATIONS,
        KeyCipher::Aes256Cbc,
        random()?,
    )?;
    let subtle = Subtle::get()?;
    let key = aes_key(&subtle, &params, passphrase, "encrypt").await?;
    let plain = EncryptedKey::plaintext(document)?;
    let ciphertext = subtle.encrypt(&cbc(&params), &key, &plain).await?;
    Ok(EncryptedKey::new(params, ciphertext)?.to_pem())
}

/// The AES key PBKDF2 derives from `passphrase` with `params`.
async fn aes_key(
    subtle: &Subtle,
    params: &Pbes2Params,
    passphrase: &[u8],
    usage: &str,
) -> Result<JsValue, Error> {
    let base = subtle
        .import_secret(
            passphrase,
            &object(&[("name", "PBKDF2".into())]),
            &["deriveBits"],
        )
        .await?;
    let pbkdf2 = object(&[
        ("name", "PBKDF2".into()),
        ("hash", params.prf().hash_name().into()),
        ("salt", Uint8Array::from(params.salt()).into()),
        ("iterations", params.iterations().into()),
    ]);
    let bits = u32::try_from(params.cipher().key_len() * 8).unwrap_or(256);
    let raw = subtle.derive_bits(&pbkdf2, &base, bits).await?;
    subtle
        .import_secret(&raw, &object(&[("name", "AES-CBC".into())]), &[usage])
        .await
}

fn cbc(params: &Pbes2Params) -> js_sys::Object {
    object(&[
        ("name", "AES-CBC".into()),
        ("iv", Uint8Array::from(&params.iv()[..]).into()),
    ])
}
