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
    EncryptedKey, KeyCipher, PBKDF2_ITERATIONS, Pbes2Params, Prf, check_passphrase, not_encrypted,
    wrong_passphrase,
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

fn crypto(operation: &str, reason: impl ToString) -> Error {
    Error::Crypto {
        operation: operation.to_owned(),
        reason: reason.to_string(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use pkcs5::der::asn1::OctetString;
    use pkcs5::der::{Decode, Reader, SliceReader};

    use super::*;
    use crate::{EcdsaCurve, KeyAlgorithm, KeyFormat, PrivateKey};

    const PASSPHRASE: &[u8] = b"correct horse";

    macro_rules! fixture {
        ($name:literal) => {
            include_str!(concat!("../../tests/data/encrypted/", $name))
        };
    }

    /// openssl's files (tests/data/encrypted/README.md): the encrypted key,
    /// its plain PKCS#8 if kept, the PRF, the cipher and the iteration count.
    const OPENSSL: &[(&str, Option<&str>, Prf, KeyCipher)] = &[
        (
            fixture!("p256-genpkey-aes256.pem"),
            None,
            Prf::HmacSha256,
            KeyCipher::Aes256Cbc,
        ),
        (
            fixture!("ed25519-topk8-default.pem"),
            Some(fixture!("ed25519.plain.pem")),
            Prf::HmacSha256,
            KeyCipher::Aes256Cbc,
        ),
        (
            fixture!("p384-aes128-sha1.pem"),
            Some(fixture!("p384.plain.pem")),
            Prf::HmacSha1,
            KeyCipher::Aes128Cbc,
        ),
        (
            fixture!("p521-aes192-sha512.pem"),
            Some(fixture!("p521.plain.pem")),
            Prf::HmacSha512,
            KeyCipher::Aes192Cbc,
        ),
        (
            fixture!("rsa2048-aes256-sha384.pem"),
            Some(fixture!("rsa2048.plain.pem")),
            Prf::HmacSha384,
            KeyCipher::Aes256Cbc,
        ),
    ];

    /// The DER of the one PEM block in `text`.
    fn der_of(text: &str) -> Vec<u8> {
        crate::pem::parse(text).unwrap()[0].contents().to_vec()
    }

    /// The pkcs5 crate's reading of a DER `EncryptedPrivateKeyInfo`, as ours.
    fn pkcs5_reading(der: &[u8]) -> (Prf, Vec<u8>, u32, KeyCipher, [u8; 16], Vec<u8>) {
        let mut reader = SliceReader::new(der).unwrap();
        let (scheme, ciphertext) = reader
            .sequence(|inner| {
                let scheme = pkcs5::EncryptionScheme::decode(inner)?;
                let data = OctetString::decode(inner)?;
                Ok::<_, pkcs5::der::Error>((scheme, data.into_bytes().to_vec()))
            })
            .unwrap();
        reader.finish().unwrap();
        let params = scheme.pbes2().expect("PBES2").clone();
        let pbkdf2 = params.kdf.pbkdf2().expect("PBKDF2");
        let prf = match pbkdf2.prf {
            Pbkdf2Prf::HmacWithSha1 => Prf::HmacSha1,
            Pbkdf2Prf::HmacWithSha256 => Prf::HmacSha256,
            Pbkdf2Prf::HmacWithSha384 => Prf::HmacSha384,
            Pbkdf2Prf::HmacWithSha512 => Prf::HmacSha512,
            other => panic!("{other:?}"),
        };
        let (cipher, iv) = match params.encryption {
            EncryptionScheme::Aes128Cbc { iv } => (KeyCipher::Aes128Cbc, iv),
            EncryptionScheme::Aes192Cbc { iv } => (KeyCipher::Aes192Cbc, iv),
            EncryptionScheme::Aes256Cbc { iv } => (KeyCipher::Aes256Cbc, iv),
            other => panic!("{other:?}"),
        };
        (
            prf,
            pbkdf2.salt.as_bytes().to_vec(),
            pbkdf2.iteration_count,
            cipher,
            iv,
            ciphertext,
        )
    }

    #[track_caller]
    fn check_same_as_pkcs5(der: &[u8]) {
        let ours = EncryptedKey::from_der(der).unwrap();
        let p = ours.params();
        assert_eq!(
            (
                p.prf(),
                p.salt().to_vec(),
                p.iterations(),
                p.cipher(),
                *p.iv(),
                ours.ciphertext().to_vec()
            ),
            pkcs5_reading(der)
        );
    }

    #[test]
    fn openssl_files_read_as_the_pkcs5_crate_reads_them_and_decrypt() {
        for (text, plain, prf, cipher) in OPENSSL {
            let der = der_of(text);
            check_same_as_pkcs5(&der);
            let key = EncryptedKey::from_pem(text).unwrap();
            assert_eq!((key.params().prf(), key.params().cipher()), (*prf, *cipher));
            // openssl 3.0's -topk8 and genpkey defaults.
            assert_eq!(key.params().iterations(), 2048);
            // Our writer gives back openssl's bytes.
            assert_eq!(key.to_der(), der);
            let document = KeyDocument::from_pem_with_passphrase(text, PASSPHRASE).unwrap();
            if let Some(plain) = plain {
                let plain = KeyDocument::from_pem(plain).unwrap();
                assert_eq!(document.pkcs8_der(), plain.pkcs8_der());
            }
            PrivateKey::from_pem_with_passphrase(text, PASSPHRASE).unwrap();
        }
    }

    #[test]
    fn every_kind_of_key_round_trips_and_reads_as_pkcs5_reads_it() {
        let mut rng = getrandom::SysRng;
        let algorithms = [
            KeyAlgorithm::Ecdsa(EcdsaCurve::P256),
            KeyAlgorithm::Ecdsa(EcdsaCurve::P384),
            KeyAlgorithm::Ecdsa(EcdsaCurve::P521),
            KeyAlgorithm::Rsa { bits: 2048 },
            KeyAlgorithm::Ed25519,
        ];
        for algorithm in algorithms {
            let key = PrivateKey::generate(algorithm, &mut rng).unwrap();
            let pem = key.to_encrypted_pem(PASSPHRASE, &mut rng).unwrap();
            assert!(
                pem.as_str()
                    .starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"),
                "{algorithm}"
            );
            let der = der_of(pem.as_str());
            check_same_as_pkcs5(&der);
            let encrypted = EncryptedKey::from_pem(pem.as_str()).unwrap();
            let params = encrypted.params();
            assert_eq!(params.prf(), Prf::HmacSha256);
            assert_eq!(params.cipher(), KeyCipher::Aes256Cbc);
            assert_eq!(params.iterations(), 600_000);
            assert_eq!(params.salt().len(), 16);
            // The pkcs5 crate decrypts what we wrote, to what to_pem writes.
            let (_, _, _, _, _, ciphertext) = pkcs5_reading(&der);
            let decrypted = backend(params)
                .unwrap()
                .decrypt(PASSPHRASE, &ciphertext)
                .unwrap();
            let plain =
                KeyDocument::from_pem(key.to_pem(KeyFormat::Pkcs8).unwrap().as_str()).unwrap();
            assert_eq!(decrypted, plain.pkcs8_der(), "{algorithm}");
            let back = PrivateKey::from_pem_with_passphrase(pem.as_str(), PASSPHRASE).unwrap();
            assert_eq!(
                back.public_key_info().unwrap(),
                key.public_key_info().unwrap(),
                "{algorithm}"
            );
        }
    }

    #[test]
    fn a_key_document_encrypts_as_pkcs8_whatever_it_was_read_as() {
        let mut rng = getrandom::SysRng;
        let cfssl = PrivateKey::generate(KeyAlgorithm::Ecdsa(EcdsaCurve::P256), &mut rng)
            .unwrap()
            .to_pem(KeyFormat::Cfssl)
            .unwrap();
        let sec1 = KeyDocument::from_pem(cfssl.as_str()).unwrap();
        assert_eq!(sec1.label(), "EC PRIVATE KEY");
        let pem = sec1.to_encrypted_pem(b"x", &mut rng).unwrap();
        let back = KeyDocument::from_pem_with_passphrase(pem.as_str(), b"x").unwrap();
        assert_eq!(back.pkcs8_der(), sec1.pkcs8_der());
        assert_eq!(back.label(), "PRIVATE KEY");
    }

    #[test]
    fn a_wrong_or_empty_passphrase_is_refused_by_name() {
        let text = fixture!("ed25519-topk8-default.pem");
        let wrong = "passphrase: the passphrase does not decrypt the key: it is not the one the key was encrypted with, or the key is damaged; give the right passphrase";
        // Many wrong passphrases, so that some pass the padding check.
        for i in 0..300 {
            let passphrase = format!("wrong {i}");
            let error = KeyDocument::from_pem_with_passphrase(text, passphrase.as_bytes())
                .unwrap_err()
                .to_string();
            assert_eq!(error, wrong);
        }
        let empty = KeyDocument::from_pem_with_passphrase(text, b"").unwrap_err();
        assert_eq!(
            empty.to_string(),
            "passphrase: the passphrase is empty; give a passphrase of at least one character"
        );
        assert_eq!(
            empty.named("--passphrase-file").to_string(),
            "--passphrase-file: the passphrase is empty; give a passphrase of at least one character"
        );
        let mut rng = getrandom::SysRng;
        let document = KeyDocument::from_pem(fixture!("ed25519.plain.pem")).unwrap();
        assert_eq!(
            document
                .to_encrypted_pem(b"", &mut rng)
                .unwrap_err()
                .to_string(),
            "passphrase: the passphrase is empty; give a passphrase of at least one character"
        );
    }

    #[test]
    fn a_passphrase_for_a_plain_key_and_no_passphrase_for_an_encrypted_one_are_refused() {
        assert_eq!(
            KeyDocument::from_pem_with_passphrase(fixture!("p384.plain.pem"), PASSPHRASE)
                .unwrap_err()
                .to_string(),
            "passphrase: the key is not encrypted (PRIVATE KEY), so it takes no passphrase; leave the passphrase out, or encrypt the key first with `openssl pkcs8 -topk8 -v2 aes-256-cbc -in KEY -out KEY.p8`"
        );
        assert_eq!(
            PrivateKey::from_pem(fixture!("p256-genpkey-aes256.pem"))
                .unwrap_err()
                .to_string(),
            "passphrase: the key is encrypted (ENCRYPTED PRIVATE KEY) and no passphrase was given; give the passphrase it was encrypted with"
        );
    }

    #[test]
    fn unsupported_schemes_are_named_with_the_fix() {
        let fix = "which csrcraft does not read; re-encrypt it with PBES2, PBKDF2 and AES-256-CBC: `openssl pkcs8 -topk8 -v2 aes-256-cbc -in KEY -out KEY.p8`";
        let cases = [
            (fixture!("ed25519-scrypt.pem"), "scrypt".to_owned()),
            (
                fixture!("ed25519-pbes1.pem"),
                "PKCS#12 PBE (1.2.840.113549.1.12.1.3)".to_owned(),
            ),
            (
                fixture!("ed25519-des3.pem"),
                "des-ede3-cbc (1.2.840.113549.3.7)".to_owned(),
            ),
        ];
        for (text, what) in cases {
            let expected =
                format!("key: the ENCRYPTED PRIVATE KEY is encrypted with {what}, {fix}");
            let error = KeyDocument::from_pem_with_passphrase(text, PASSPHRASE).unwrap_err();
            assert_eq!(error.to_string(), expected);
        }
        let legacy = "key: the EC PRIVATE KEY is encrypted in OpenSSL's legacy PEM form (Proc-Type: 4,ENCRYPTED, DEK-Info), which csrcraft does not read; convert it to PKCS#8 with `openssl pkcs8 -topk8 -v2 aes-256-cbc -in KEY -out KEY.p8`";
        let text = fixture!("p384-legacy.pem");
        assert_eq!(
            KeyDocument::from_pem_with_passphrase(text, PASSPHRASE)
                .unwrap_err()
                .to_string(),
            legacy
        );
        assert_eq!(PrivateKey::from_pem(text).unwrap_err().to_string(), legacy);
    }
}
