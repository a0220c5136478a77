//! Passphrase-protected private keys as a structure, without crypto: PKCS#8
//! `EncryptedPrivateKeyInfo` (RFC 5958 §3) under PBES2 (RFC 8018 §6.2) with
//! PBKDF2 (§5.2) and AES-CBC, read into its parts and written from them with
//! the core's own DER. Deriving the key and decrypting are the backend's: the
//! pkcs5 crate with feature `software` (`pbes2.rs`), WebCrypto in a page.
//!
//! ```text
//! EncryptedPrivateKeyInfo ::= SEQUENCE {
//!     encryptionAlgorithm  AlgorithmIdentifier {{ PBES2 }},
//!     encryptedData        OCTET STRING }
//! PBES2-params ::= SEQUENCE {
//!     keyDerivationFunc AlgorithmIdentifier {{ PBKDF2 }},
//!     encryptionScheme  AlgorithmIdentifier {{ aesXXX-CBC-PAD, iv OCTET STRING (16) }} }
//! PBKDF2-params ::= SEQUENCE {
//!     salt           CHOICE { specified OCTET STRING, otherSource AlgorithmIdentifier },
//!     iterationCount INTEGER (1..MAX),
//!     keyLength      INTEGER (1..MAX) OPTIONAL,
//!     prf            AlgorithmIdentifier DEFAULT algid-hmacWithSHA1 }
//! ```

use std::fmt;

use zeroize::Zeroizing;

use super::der::PrivateKeyInfo;
use super::document::{ENCRYPTED_LABEL, key_block, malformed};
use super::{KeyDocument, KeyPem};
use crate::der::oid::{
    AES128_CBC, AES192_CBC, AES256_CBC, HMAC_WITH_SHA1, HMAC_WITH_SHA256, HMAC_WITH_SHA384,
    HMAC_WITH_SHA512, PBES2, PBKDF2, PKCS5_ARC, PKCS12_PBE_ARC, SCRYPT, dotted,
};
use crate::der::{DerError, Tlv, parse, tag, write};
use crate::{Error, Result};

/// The PBKDF2 iteration count csrcraft encrypts keys with: OWASP's for
/// PBKDF2-HMAC-SHA256.
pub const PBKDF2_ITERATIONS: u32 = 600_000;

/// The most PBKDF2 iterations csrcraft does to read a key. The count comes
/// from the file, so it is the file's author who sets the cost of reading it.
pub const MAX_PBKDF2_ITERATIONS: u32 = 10_000_000;

/// The longest PBKDF2 salt csrcraft reads, in bytes (the pkcs5 crate's limit).
pub const MAX_SALT_LEN: usize = 32;

/// The pseudorandom function of PBKDF2 (RFC 8018 §B.1.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Prf {
    /// `hmacWithSHA1`, PBKDF2's default (openssl 1.0 wrote it).
    HmacSha1,
    /// `hmacWithSHA256`, openssl 1.1 and 3's default and csrcraft's.
    HmacSha256,
    /// `hmacWithSHA384`.
    HmacSha384,
    /// `hmacWithSHA512`.
    HmacSha512,
}

impl Prf {
    /// The hash as WebCrypto names it: `SHA-1`, `SHA-256`, `SHA-384`, `SHA-512`.
    pub fn hash_name(self) -> &'static str {
        match self {
            Self::HmacSha1 => "SHA-1",
            Self::HmacSha256 => "SHA-256",
            Self::HmacSha384 => "SHA-384",
            Self::HmacSha512 => "SHA-512",
        }
    }

    fn oid(self) -> &'static [u8] {
        match self {
            Self::HmacSha1 => HMAC_WITH_SHA1,
            Self::HmacSha256 => HMAC_WITH_SHA256,
            Self::HmacSha384 => HMAC_WITH_SHA384,
            Self::HmacSha512 => HMAC_WITH_SHA512,
        }
    }
}

/// The cipher that encrypts the key: AES in CBC mode with PKCS#7 padding
/// (RFC 8018 §B.2.5 `aesXXX-CBC-PAD`, NIST's OIDs).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum KeyCipher {
    /// AES-128-CBC.
    Aes128Cbc,
    /// AES-192-CBC.
    Aes192Cbc,
    /// AES-256-CBC, openssl 3's default and csrcraft's.
    Aes256Cbc,
}

impl KeyCipher {
    /// The AES key length in bytes (16, 24 or 32), which PBKDF2 derives.
    pub fn key_len(self) -> usize {
        match self {
            Self::Aes128Cbc => 16,
            Self::Aes192Cbc => 24,
            Self::Aes256Cbc => 32,
        }
    }

    /// openssl's name: `aes-256-cbc`, ...
    pub fn name(self) -> &'static str {
        match self {
            Self::Aes128Cbc => "aes-128-cbc",
            Self::Aes192Cbc => "aes-192-cbc",
            Self::Aes256Cbc => "aes-256-cbc",
        }
    }

    fn oid(self) -> &'static [u8] {
        match self {
            Self::Aes128Cbc => AES128_CBC,
            Self::Aes192Cbc => AES192_CBC,
            Self::Aes256Cbc => AES256_CBC,
        }
    }
}

/// The parameters of PBES2 with PBKDF2 and AES-CBC: everything but the
/// passphrase needed to derive the AES key and decrypt. None of it is secret.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pbes2Params {
    prf: Prf,
    salt: Vec<u8>,
    iterations: u32,
    cipher: KeyCipher,
    iv: [u8; 16],
}

impl Pbes2Params {
    /// The parameters, checked as a file's are: a salt of 1 to
    /// [`MAX_SALT_LEN`] bytes and 1 to [`MAX_PBKDF2_ITERATIONS`] iterations.
    pub fn new(
        prf: Prf,
        salt: &[u8],
        iterations: u32,
        cipher: KeyCipher,
        iv: [u8; 16],
    ) -> Result<Self> {
        check_salt(salt)?;
        check_iterations(iterations)?;
        Ok(Self {
            prf,
            salt: salt.to_vec(),
            iterations,
            cipher,
            iv,
        })
    }

    /// PBKDF2's pseudorandom function.
    pub fn prf(&self) -> Prf {
        self.prf
    }

    /// PBKDF2's salt.
    pub fn salt(&self) -> &[u8] {
        &self.salt
    }

    /// PBKDF2's iteration count.
    pub fn iterations(&self) -> u32 {
        self.iterations
    }

    /// The cipher, whose key length is PBKDF2's output length.
    pub fn cipher(&self) -> KeyCipher {
        self.cipher
    }

    /// The cipher's initialization vector.
    pub fn iv(&self) -> &[u8; 16] {
        &self.iv
    }
}

/// A PKCS#8 `EncryptedPrivateKeyInfo` (PEM `ENCRYPTED PRIVATE KEY`) under
/// PBES2 with PBKDF2 and AES-CBC, read into its parts. Decrypted, the
/// ciphertext is a PKCS#8 `PrivateKeyInfo` ([`super::KeyDocument::from_pkcs8_der`]).
#[derive(Clone, PartialEq, Eq)]
pub struct EncryptedKey {
    params: Pbes2Params,
    ciphertext: Vec<u8>,
}

impl EncryptedKey {
    /// The key from its parameters and its ciphertext, which must be whole
    /// AES blocks (CBC with padding).
    pub fn new(params: Pbes2Params, ciphertext: Vec<u8>) -> Result<Self> {
        if ciphertext.is_empty() || !ciphertext.len().is_multiple_of(16) {
            return Err(malformed(
                ENCRYPTED_LABEL,
                format!(
                    "the encrypted data is {} bytes, not a whole number of 16-byte AES blocks",
                    ciphertext.len()
                ),
            ));
        }
        Ok(Self { params, ciphertext })
    }

    /// Reads the `ENCRYPTED PRIVATE KEY` block of PEM text; other blocks are
    /// skipped. A plain key is refused (read it with
    /// [`super::KeyDocument::from_pem`]), and so is OpenSSL's legacy
    /// encrypted PEM (`Proc-Type: 4,ENCRYPTED`), with the command that
    /// converts it.
    pub fn from_pem(text: &str) -> Result<Self> {
        let block = key_block(text)?;
        if block.label() != ENCRYPTED_LABEL {
            return Err(not_encrypted(block.label()));
        }
        Self::from_der(block.contents())
    }

    /// Reads a DER `EncryptedPrivateKeyInfo`. Schemes other than PBES2 with
    /// PBKDF2 and AES-CBC (PBES1, PKCS#12's PBE, scrypt, other ciphers) are
    /// refused by name, with the openssl command that re-encrypts the key.
    pub fn from_der(der: &[u8]) -> Result<Self> {
        read(der).map_err(|problem| match problem {
            Refusal::Der(e) => malformed(ENCRYPTED_LABEL, e),
            Refusal::Key(error) => error,
        })
    }

    /// The PBES2 parameters.
    pub fn params(&self) -> &Pbes2Params {
        &self.params
    }

    /// The encrypted `PrivateKeyInfo`.
    pub fn ciphertext(&self) -> &[u8] {
        &self.ciphertext
    }

    /// The DER `EncryptedPrivateKeyInfo`, as openssl writes it: the PRF's
    /// `AlgorithmIdentifier` with NULL parameters (omitted for
    /// `hmacWithSHA1`, the DER default), no `keyLength`.
    pub fn to_der(&self) -> Vec<u8> {
        let params = &self.params;
        let prf = match params.prf {
            Prf::HmacSha1 => Vec::new(),
            other => write::sequence(&[&write::tlv(tag::OID, &[other.oid()]), &[tag::NULL, 0]]),
        };
        let pbkdf2_params = write::sequence(&[
            &write::tlv(tag::OCTET_STRING, &[&params.salt]),
            &write::unsigned(&params.iterations.to_be_bytes()),
            &prf,
        ]);
        let kdf = write::sequence(&[&write::tlv(tag::OID, &[PBKDF2]), &pbkdf2_params]);
        let scheme = write::sequence(&[
            &write::tlv(tag::OID, &[params.cipher.oid()]),
            &write::tlv(tag::OCTET_STRING, &[&params.iv]),
        ]);
        let algorithm = write::sequence(&[
            &write::tlv(tag::OID, &[PBES2]),
            &write::sequence(&[&kdf, &scheme]),
        ]);
        write::sequence(&[
            &algorithm,
            &write::tlv(tag::OCTET_STRING, &[&self.ciphertext]),
        ])
    }

    /// The PEM `ENCRYPTED PRIVATE KEY`, with `\n` line endings.
    pub fn to_pem(&self) -> KeyPem {
        KeyPem(zeroize::Zeroizing::new(crate::pem::encode(
            ENCRYPTED_LABEL,
            &self.to_der(),
        )))
    }
}

/// For a backend outside the core (WebCrypto in a page), which derives the
/// key and runs AES-CBC itself: the same checks and errors as `decrypt` and
/// `encrypt` with feature `software`.
impl EncryptedKey {
    /// Refuses an empty passphrase.
    pub fn check_passphrase(passphrase: &[u8]) -> Result<()> {
        check_passphrase(passphrase)
    }

    /// The key in `plaintext`, the decrypted `PrivateKeyInfo` with its
    /// padding removed; `None` when the padding was wrong. Either way a
    /// wrong passphrase is an [`Error::Passphrase`].
    pub fn open(plaintext: Option<&[u8]>) -> Result<KeyDocument> {
        // The padding of a wrong passphrase's output is right one time in
        // about 256: only a PrivateKeyInfo is proof of the right one.
        match plaintext {
            Some(plain) if PrivateKeyInfo::read(plain).is_ok() => {
                KeyDocument::from_pkcs8_der(plain)
            }
            _ => Err(wrong_passphrase()),
        }
    }

    /// The DER `PrivateKeyInfo` to encrypt for `document`, as `encrypt`
    /// encrypts it (PKCS#8, the way [`KeyDocument::to_pem`] writes it).
    pub fn plaintext(document: &KeyDocument) -> Result<Zeroizing<Vec<u8>>> {
        document.pkcs8_to_write()
    }
}

impl fmt::Debug for EncryptedKey {
    /// The parameters; not the ciphertext.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EncryptedKey")
            .field("params", &self.params)
            .finish_non_exhaustive()
    }
}

/// Refuses an empty passphrase.
pub(super) fn check_passphrase(passphrase: &[u8]) -> Result<()> {
    if passphrase.is_empty() {
        return Err(Error::passphrase(
            "the passphrase is empty; give a passphrase of at least one character",
        ));
    }
    Ok(())
}

/// The error for a passphrase that does not decrypt the key.
pub(super) fn wrong_passphrase() -> Error {
    Error::passphrase(
        "the passphrase does not decrypt the key: it is not the one the key was encrypted with, or the key is damaged; give the right passphrase",
    )
}

/// The error for a passphrase given with a key that is not encrypted.
pub(super) fn not_encrypted(label: &str) -> Error {
    Error::passphrase(format!(
        "the key is not encrypted ({label}), so it takes no passphrase; leave the passphrase out, or encrypt the key first with `openssl pkcs8 -topk8 -v2 aes-256-cbc -in KEY -out KEY.p8`"
    ))
}

/// Why an `EncryptedPrivateKeyInfo` was refused: its DER, or what it holds.
enum Refusal {
    Der(DerError),
    Key(Error),
}

impl From<DerError> for Refusal {
    fn from(e: DerError) -> Self {
        Self::Der(e)
    }
}

impl From<Error> for Refusal {
    fn from(e: Error) -> Self {
        Self::Key(e)
    }
}

fn read(der: &[u8]) -> Result<EncryptedKey, Refusal> {
    let mut reader = parse(der)?.expect(tag::SEQUENCE)?.contents()?;
    let (scheme, parameters) = reader.read_any()?.algorithm_identifier()?;
    let ciphertext = reader.read_any()?.octets()?;
    reader.finish()?;
    let scheme = scheme.as_bytes();
    if scheme != PBES2 {
        return Err(unsupported(&scheme_name(scheme)).into());
    }
    let parameters = parameters.ok_or_else(|| missing("the PBES2 parameters are"))?;
    let mut pbes2 = parameters.expect(tag::SEQUENCE)?.contents()?;
    let (kdf, kdf_parameters) = pbes2.read_any()?.algorithm_identifier()?;
    let (cipher, iv) = pbes2.read_any()?.algorithm_identifier()?;
    pbes2.finish()?;
    match kdf.as_bytes() {
        PBKDF2 => {}
        SCRYPT => return Err(unsupported("scrypt").into()),
        other => return Err(unsupported(&format!("key derivation {}", dotted(other))).into()),
    }
    let cipher = match cipher.as_bytes() {
        AES128_CBC => KeyCipher::Aes128Cbc,
        AES192_CBC => KeyCipher::Aes192Cbc,
        AES256_CBC => KeyCipher::Aes256Cbc,
        other => return Err(unsupported(&cipher_name(other)).into()),
    };
    let iv = iv.ok_or_else(|| missing("the AES-CBC IV is"))?;
    let iv: [u8; 16] = iv
        .octets()?
        .try_into()
        .map_err(|_| Error::key_input(malformed_text("the AES-CBC IV is not 16 bytes")))?;
    let kdf_parameters = kdf_parameters.ok_or_else(|| missing("the PBKDF2 parameters are"))?;
    let (prf, salt, iterations) = read_pbkdf2(&kdf_parameters, cipher)?;
    let params = Pbes2Params::new(prf, salt, iterations, cipher, iv)?;
    Ok(EncryptedKey::new(params, ciphertext.to_vec())?)
}

/// `PBKDF2-params`: the PRF, the salt and the iteration count; a
/// `keyLength`, if given, must be the cipher's.
fn read_pbkdf2<'a>(
    parameters: &Tlv<'a>,
    cipher: KeyCipher,
) -> Result<(Prf, &'a [u8], u32), Refusal> {
    let mut reader = parameters.expect(tag::SEQUENCE)?.contents()?;
    let salt = reader.read_any()?;
    if salt.tag == tag::SEQUENCE {
        return Err(unsupported("a PBKDF2 salt from another source (otherSource)").into());
    }
    let salt = salt.octets()?;
    let count = reader.read(tag::INTEGER)?;
    let iterations = count.unsigned()?;
    // Above u32 is above the cap too; say so rather than "malformed".
    let iterations = if iterations.len() > 4 {
        u32::MAX
    } else {
        count.u32()?
    };
    if let Some(length) = reader.optional(tag::INTEGER)? {
        let length = length.u32()?;
        if usize::try_from(length).ok() != Some(cipher.key_len()) {
            return Err(Error::key_input(malformed_text(&format!(
                "PBKDF2's keyLength is {length} bytes, but {} takes a {}-byte key",
                cipher.name(),
                cipher.key_len()
            )))
            .into());
        }
    }
    let prf = match reader.optional(tag::SEQUENCE)? {
        None => Prf::HmacSha1,
        Some(identifier) => {
            let (oid, parameters) = identifier.algorithm_identifier()?;
            if let Some(parameters) = parameters {
                parameters.expect(tag::NULL)?;
                if !parameters.value.is_empty() {
                    return Err(parameters.malformed().into());
                }
            }
            match oid.as_bytes() {
                HMAC_WITH_SHA1 => Prf::HmacSha1,
                HMAC_WITH_SHA256 => Prf::HmacSha256,
                HMAC_WITH_SHA384 => Prf::HmacSha384,
                HMAC_WITH_SHA512 => Prf::HmacSha512,
                other => return Err(unsupported(&prf_name(other)).into()),
            }
        }
    };
    reader.finish()?;
    Ok((prf, salt, iterations))
}

fn check_salt(salt: &[u8]) -> Result<()> {
    if salt.is_empty() || salt.len() > MAX_SALT_LEN {
        return Err(Error::key_input(format!(
            "the ENCRYPTED PRIVATE KEY's PBKDF2 salt is {} bytes; csrcraft reads salts of 1 to {MAX_SALT_LEN} bytes: re-encrypt the key with `openssl pkcs8 -topk8 -v2 aes-256-cbc -in KEY -out KEY.p8`",
            salt.len()
        )));
    }
    Ok(())
}

fn check_iterations(iterations: u32) -> Result<()> {
    if iterations == 0 {
        return Err(Error::key_input(malformed_text(
            "PBKDF2's iteration count is 0; it is at least 1",
        )));
    }
    if iterations > MAX_PBKDF2_ITERATIONS {
        return Err(Error::key_input(format!(
            "the ENCRYPTED PRIVATE KEY asks for {} PBKDF2 iterations, more than the {} csrcraft does (the file sets the cost of reading it); re-encrypt the key with fewer: `openssl pkcs8 -topk8 -v2 aes-256-cbc -iter 600000 -in KEY -out KEY.p8`",
            thousands(iterations),
            thousands(MAX_PBKDF2_ITERATIONS)
        )));
    }
    Ok(())
}

/// `n` with commas between thousands: `10,000,000`.
fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn unsupported(what: &str) -> Error {
    Error::key_input(format!(
        "the ENCRYPTED PRIVATE KEY is encrypted with {what}, which csrcraft does not read; re-encrypt it with PBES2, PBKDF2 and AES-256-CBC: `openssl pkcs8 -topk8 -v2 aes-256-cbc -in KEY -out KEY.p8`"
    ))
}

fn missing(what: &str) -> Error {
    Error::key_input(malformed_text(&format!("{what} missing")))
}

fn malformed_text(problem: &str) -> String {
    format!("the {ENCRYPTED_LABEL} block is malformed: {problem}")
}

fn scheme_name(oid: &[u8]) -> String {
    let name = match oid.strip_prefix(PKCS5_ARC) {
        Some(&[1 | 3 | 4 | 6 | 10 | 11]) => "PBES1",
        _ if oid.starts_with(PKCS12_PBE_ARC) => "PKCS#12 PBE",
        _ => "the scheme",
    };
    format!("{name} ({})", dotted(oid))
}

fn cipher_name(oid: &[u8]) -> String {
    const DES_EDE3_CBC: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x03, 0x07];
    match oid {
        DES_EDE3_CBC => format!("des-ede3-cbc ({})", dotted(oid)),
        _ => format!("the cipher {}", dotted(oid)),
    }
}

fn prf_name(oid: &[u8]) -> String {
    const HMAC_WITH_SHA224: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x08];
    match oid {
        HMAC_WITH_SHA224 => format!("PBKDF2 with hmacWithSHA224 ({})", dotted(oid)),
        _ => format!("PBKDF2 with the PRF {}", dotted(oid)),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// An `EncryptedPrivateKeyInfo` with these PBKDF2 parameters (contents
    /// octets) and AES-256-CBC.
    fn with_pbkdf2(parameters: &[&[u8]]) -> Vec<u8> {
        let kdf = write::sequence(&[
            &write::tlv(tag::OID, &[PBKDF2]),
            &write::sequence(parameters),
        ]);
        let scheme = write::sequence(&[
            &write::tlv(tag::OID, &[AES256_CBC]),
            &write::tlv(tag::OCTET_STRING, &[&[7; 16]]),
        ]);
        write::sequence(&[
            &write::sequence(&[
                &write::tlv(tag::OID, &[PBES2]),
                &write::sequence(&[&kdf, &scheme]),
            ]),
            &write::tlv(tag::OCTET_STRING, &[&[0; 32]]),
        ])
    }

    fn salt() -> Vec<u8> {
        write::tlv(tag::OCTET_STRING, &[&[1; 16]])
    }

    #[track_caller]
    fn check_refused(der: &[u8], expected: &str) {
        assert_eq!(
            EncryptedKey::from_der(der).unwrap_err().to_string(),
            expected
        );
    }

    #[test]
    fn the_iteration_count_is_capped() {
        let at_cap = with_pbkdf2(&[&salt(), &write::unsigned(&10_000_000u32.to_be_bytes())]);
        assert_eq!(
            EncryptedKey::from_der(&at_cap)
                .unwrap()
                .params()
                .iterations(),
            MAX_PBKDF2_ITERATIONS
        );
        let message = "key: the ENCRYPTED PRIVATE KEY asks for {} PBKDF2 iterations, more than the 10,000,000 csrcraft does (the file sets the cost of reading it); re-encrypt the key with fewer: `openssl pkcs8 -topk8 -v2 aes-256-cbc -iter 600000 -in KEY -out KEY.p8`";
        let above = with_pbkdf2(&[&salt(), &write::unsigned(&10_000_001u32.to_be_bytes())]);
        check_refused(&above, &message.replace("{}", "10,000,001"));
        let huge = with_pbkdf2(&[&salt(), &write::unsigned(&[1, 0, 0, 0, 0, 0])]);
        check_refused(&huge, &message.replace("{}", "4,294,967,295"));
        let zero = with_pbkdf2(&[&salt(), &write::unsigned(&[0])]);
        check_refused(
            &zero,
            "key: the ENCRYPTED PRIVATE KEY block is malformed: PBKDF2's iteration count is 0; it is at least 1",
        );
    }

    #[test]
    fn structure_faults_are_named() {
        let count = write::unsigned(&[8, 0]);
        check_refused(
            &with_pbkdf2(&[&salt(), &count, &write::unsigned(&[16])]),
            "key: the ENCRYPTED PRIVATE KEY block is malformed: PBKDF2's keyLength is 16 bytes, but aes-256-cbc takes a 32-byte key",
        );
        let sha224 = write::sequence(&[&write::tlv(
            tag::OID,
            &[&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x08]],
        )]);
        check_refused(
            &with_pbkdf2(&[&salt(), &count, &sha224]),
            "key: the ENCRYPTED PRIVATE KEY is encrypted with PBKDF2 with hmacWithSHA224 (1.2.840.113549.2.8), which csrcraft does not read; re-encrypt it with PBES2, PBKDF2 and AES-256-CBC: `openssl pkcs8 -topk8 -v2 aes-256-cbc -in KEY -out KEY.p8`",
        );
        check_refused(
            &with_pbkdf2(&[&write::tlv(tag::OCTET_STRING, &[&[1; 33]]), &count]),
            "key: the ENCRYPTED PRIVATE KEY's PBKDF2 salt is 33 bytes; csrcraft reads salts of 1 to 32 bytes: re-encrypt the key with `openssl pkcs8 -topk8 -v2 aes-256-cbc -in KEY -out KEY.p8`",
        );
        check_refused(
            &[0x30, 0x00],
            "key: the ENCRYPTED PRIVATE KEY block is malformed: the input ends inside a DER element at byte 2",
        );
        // PBES1 (pbeWithMD5AndDES-CBC): salt and count, no PBKDF2.
        let pbes1 = write::sequence(&[
            &write::sequence(&[
                &write::tlv(tag::OID, &[&[PKCS5_ARC, &[3][..]].concat()]),
                &write::sequence(&[&write::tlv(tag::OCTET_STRING, &[&[1; 8]]), &count]),
            ]),
            &write::tlv(tag::OCTET_STRING, &[&[0; 32]]),
        ]);
        check_refused(
            &pbes1,
            "key: the ENCRYPTED PRIVATE KEY is encrypted with PBES1 (1.2.840.113549.1.5.3), which csrcraft does not read; re-encrypt it with PBES2, PBKDF2 and AES-256-CBC: `openssl pkcs8 -topk8 -v2 aes-256-cbc -in KEY -out KEY.p8`",
        );
        // With the right DEFAULT left out, the PRF is hmacWithSHA1.
        let sha1 = EncryptedKey::from_der(&with_pbkdf2(&[&salt(), &count])).unwrap();
        assert_eq!(sha1.params().prf(), Prf::HmacSha1);
        assert_eq!(sha1.to_der(), with_pbkdf2(&[&salt(), &count]));
    }

    #[test]
    fn a_plain_key_is_not_an_encrypted_one() {
        let plain = "-----BEGIN PRIVATE KEY-----\nMAA=\n-----END PRIVATE KEY-----\n";
        assert!(
            EncryptedKey::from_pem(plain)
                .unwrap_err()
                .to_string()
                .starts_with("passphrase: the key is not encrypted (PRIVATE KEY)")
        );
    }
}
