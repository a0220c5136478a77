//! With feature `software`: encrypted keys decrypted and encrypted through
//! the pkcs5 crate (PBKDF2 and AES-CBC; no crypto of our own). The structure
//! around the ciphertext is `encrypted.rs`'s.

use pkcs5::pbes2::{EncryptionScheme, Kdf, Parameters, Pbkdf2Params, Pbkdf2Prf, Salt};
use rand_core::TryCryptoRng;
use zeroize::Zeroizing;

use super::KeyDocument;
use super::der::PrivateKeyInfo;
use super::document::{ENCRYPTED_LABEL, key_block};
use super::encrypted::{
    EncryptedKey, KeyCipher, PBKDF2_ITERATIONS, Pbes2Params, Prf, not_encrypted,
};
use crate::{Error, KeyPem, Result};

impl EncryptedKey {
    /// Decrypts the key with `passphrase` (the bytes, as openssl takes
    /// them). A wrong passphrase is an [`Error::Passphrase`]; so is an empty one.
    pub fn decrypt(&self, passphrase: &[u8]) -> Result<KeyDocument> {
        check_passphrase(passphrase)?;
        let params = backend(self.params())?;
        let mut buffer = Zeroizing::new(self.ciphertext().to_vec());
        let plain = params
            .decrypt_in_place(passphrase, &mut buffer)
            .map_err(|e| match e {
                pkcs5::Error::DecryptFailed => wrong_passphrase(),
                other => crypto("decrypting the key", other),
            })?;
        // The padding of a wrong passphrase's output is right one time in
        // about 256: only a PrivateKeyInfo is proof of the right one.
        if PrivateKeyInfo::read(plain).is_err() {
            return Err(wrong_passphrase());
        }
        KeyDocument::from_pkcs8_der(plain)
    }

    /// Encrypts `document` (as PKCS#8, the way [`KeyDocument::to_pem`] writes
    /// it) with `passphrase`: PBKDF2-HMAC-SHA256 of [`PBKDF2_ITERATIONS`]
    /// iterations over a random 16-byte salt, and AES-256-CBC with a random IV.
    pub fn encrypt<R: TryCryptoRng + ?Sized>(
        document: &KeyDocument,
        passphrase: &[u8],
        rng: &mut R,
    ) -> Result<Self> {
        encrypt_pkcs8(&document.pkcs8_to_write()?, passphrase, rng)
    }
}

impl KeyDocument {
    /// Reads an `ENCRYPTED PRIVATE KEY` from PEM text and decrypts it with
    /// `passphrase` ([`EncryptedKey::from_pem`], [`EncryptedKey::decrypt`]).
    /// A key that is not encrypted is refused, since whoever gives a
    /// passphrase believes the key is protected.
    pub fn from_pem_with_passphrase(text: &str, passphrase: &[u8]) -> Result<Self> {
        let block = key_block(text)?;
        if block.label() != ENCRYPTED_LABEL {
            return Err(not_encrypted(block.label()));
        }
        EncryptedKey::from_der(block.contents())?.decrypt(passphrase)
    }

    /// Writes the key as an `ENCRYPTED PRIVATE KEY` (PKCS#8, whatever format
    /// it was read in) under `passphrase`, as [`EncryptedKey::encrypt`] does.
    pub fn to_encrypted_pem<R: TryCryptoRng + ?Sized>(
        &self,
        passphrase: &[u8],
        rng: &mut R,
    ) -> Result<KeyPem> {
        Ok(EncryptedKey::encrypt(self, passphrase, rng)?.to_pem())
    }
}

/// A DER `PrivateKeyInfo` encrypted as [`EncryptedKey::encrypt`] says.
pub(super) fn encrypt_pkcs8<R: TryCryptoRng + ?Sized>(
    pkcs8: &[u8],
    passphrase: &[u8],
    rng: &mut R,
) -> Result<EncryptedKey> {
    check_passphrase(passphrase)?;
    let mut salt = [0u8; 16];
    let mut iv = [0u8; 16];
    rng.try_fill_bytes(&mut salt)
        .and_then(|()| rng.try_fill_bytes(&mut iv))
        .map_err(|e| {
            crypto(
                "encrypting the key",
                format!("the random number generator failed: {e}"),
            )
        })?;
    let params = Pbes2Params::new(
        Prf::HmacSha256,
        &salt,
        PBKDF2_ITERATIONS,
        KeyCipher::Aes256Cbc,
        iv,
    )?;
    // Room for the padding up front: the buffer never moves, so the
    // plaintext leaves no copy behind the Zeroizing.
    let mut buffer = Zeroizing::new(Vec::with_capacity(pkcs8.len() + 16));
    buffer.extend_from_slice(pkcs8);
    buffer.extend_from_slice(&[0; 16]);
    let ciphertext = backend(&params)?
        .encrypt_in_place(passphrase, &mut buffer, pkcs8.len())
        .map_err(|e| crypto("encrypting the key", e))?
        .to_vec();
    EncryptedKey::new(params, ciphertext)
}

/// The pkcs5 crate's parameters for ours.
fn backend(params: &Pbes2Params) -> Result<Parameters> {
    let prf = match params.prf() {
        Prf::HmacSha1 => Pbkdf2Prf::HmacWithSha1,
        Prf::HmacSha256 => Pbkdf2Prf::HmacWithSha256,
        Prf::HmacSha384 => Pbkdf2Prf::HmacWithSha384,
        Prf::HmacSha512 => Pbkdf2Prf::HmacWithSha512,
    };
    let iv = *params.iv();
    let encryption = match params.cipher() {
        KeyCipher::Aes128Cbc => EncryptionScheme::Aes128Cbc { iv },
        KeyCipher::Aes192Cbc => EncryptionScheme::Aes192Cbc { iv },
        KeyCipher::Aes256Cbc => EncryptionScheme::Aes256Cbc { iv },
    };
    let salt = Salt::new(params.salt()).map_err(|e| crypto("reading the PBKDF2 salt", e))?;
    Ok(Parameters {
        kdf: Kdf::Pbkdf2(Pbkdf2Params {
            salt,
            iteration_count: params.iterations(),
            key_length: None,
            prf,
        }),
        encryption,
    })
}

fn check_passphrase(passphrase: &[u8]) -> Result<()> {
    if passphrase.is_empty() {
        return Err(Error::passphrase(
            "the passphrase is empty; give a passphrase of at least one character",
        ));
    }
    Ok(())
}

fn wrong_passphrase() -> Error {
    Error::passphrase(
        "the passphrase does not decrypt the key: it is not the one the key was encrypted with, or the key is damaged; give the right passphrase",
    )
}

fn crypto(operation: &str, reason: impl ToString) -> Error {
    Error::Crypto {
        operation: operation.to_owned(),
        reason: reason.to_string(),
    }
}
