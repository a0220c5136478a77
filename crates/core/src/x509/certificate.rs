//! Reading X.509 certificates (RFC 5280) and certificate chains.

use sha1::Sha1;
use sha2::{Digest, Sha256};

use super::answers::SignatureQuestion;
use super::extensions::{
    BASIC_CONSTRAINTS, BasicConstraints, EXTENDED_KEY_USAGE, ExtensionInfo, KEY_USAGE,
    NAME_CONSTRAINTS, UNDERSTOOD_BY_PATH_VALIDATION, alt_names,
    basic_constraints as read_basic_constraints, extended_key_usage_names, extension_info,
    key_usage_names,
};
use super::missing_block;
use super::name::DistinguishedName;
use super::name_constraints::{NameConstraints, read_name_constraints};
use super::signature::{SignatureCheck, SignatureError, SignatureVerifier};
use super::signed::Signed;
use super::tbs::Tbs;
use crate::der::DerError;
use crate::key::{PublicKeyInfo, SignatureAlgorithm};
use crate::pem::Block;
use crate::time::UnixTime;
use crate::{Error, Host, Result};

/// A parsed certificate; it keeps its DER.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Certificate {
    der: Vec<u8>,
    tbs: Vec<u8>,
    signature: Vec<u8>,
    info: CertificateInfo,
}

/// What a certificate says.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CertificateInfo {
    /// The X.509 version as shown by openssl: 1, 2 or 3.
    pub version: u32,
    /// The serial number as lowercase hex bytes separated by `:`, as
    /// `openssl x509 -text` shows long serials (`04:1f:a3`); the DER sign
    /// byte (a leading `00`) is left out.
    pub serial_hex: String,
    /// The subject name.
    pub subject: DistinguishedName,
    /// The issuer name.
    pub issuer: DistinguishedName,
    /// The start of the validity period.
    pub not_before: UnixTime,
    /// The end of the validity period (inclusive, RFC 5280 §4.1.2.5).
    pub not_after: UnixTime,
    /// The DNS, IP, email and URI subjectAltNames, in encoded order.
    pub subject_alt_names: Vec<Host>,
    /// Any other subjectAltNames, as openssl would show them
    /// (`othername:1.2.3.4`, `DirName:CN=x`, ...).
    pub other_alt_names: Vec<String>,
    /// The keyUsage bits set, by Kubernetes' names: `digital signature`,
    /// `content commitment`, `key encipherment`, `data encipherment`,
    /// `key agreement`, `cert sign`, `crl sign`, `encipher only`,
    /// `decipher only`. Empty when the extension is absent.
    pub key_usage: Vec<&'static str>,
    /// The extendedKeyUsage purposes in encoded order, by Kubernetes' names
    /// (`server auth`, `client auth`, `code signing`, ...) or as dotted OIDs.
    pub extended_key_usage: Vec<String>,
    /// The basicConstraints extension, if present.
    pub basic_constraints: Option<BasicConstraints>,
    /// The nameConstraints extension, if present.
    pub name_constraints: Option<NameConstraints>,
    /// The subject's public key.
    pub public_key: PublicKeyInfo,
    /// The algorithm the issuer signed with.
    pub signature_algorithm: SignatureAlgorithm,
    /// Every extension, in encoded order.
    pub extensions: Vec<ExtensionInfo>,
}

impl CertificateInfo {
    /// The extensions marked critical that path validation does not
    /// understand, in encoded order. A verifier refuses a leaf or
    /// intermediate certificate with any of them (RFC 5280 §4.2); what it
    /// understands is rustls-webpki 0.103's list: keyUsage, subjectAltName,
    /// basicConstraints, nameConstraints, cRLDistributionPoints,
    /// extendedKeyUsage and the signed certificate timestamp list.
    pub fn unhandled_critical_extensions(&self) -> Vec<&ExtensionInfo> {
        self.extensions
            .iter()
            .filter(|e| e.critical && !UNDERSTOOD_BY_PATH_VALIDATION.contains(&e.oid.as_str()))
            .collect()
    }
}

impl Certificate {
    /// Reads a DER certificate; nothing may follow it.
    pub fn from_der(der: &[u8]) -> Result<Self> {
        Self::read(der, "certificate")
    }

    /// Reads every `CERTIFICATE` block of a PEM text in order (a chain is leaf
    /// first); text and other blocks around them are ignored. It is an error
    /// when there is none.
    pub fn chain_from_pem(text: &str) -> Result<Vec<Certificate>> {
        let blocks = crate::pem::parse(text)
            .map_err(|e| Error::decode("certificate", format!("the PEM is malformed: {e}")))?;
        Self::chain_from_blocks(&blocks)
    }

    /// [`Self::chain_from_pem`] for PEM text already split into blocks.
    pub(crate) fn chain_from_blocks(blocks: &[Block<'_>]) -> Result<Vec<Certificate>> {
        let certificates: Vec<&Block<'_>> = blocks
            .iter()
            .filter(|b| b.label() == "CERTIFICATE")
            .collect();
        if certificates.is_empty() {
            let problem = missing_block(blocks, "CERTIFICATE");
            return Err(Error::decode("certificate", problem));
        }
        let count = certificates.len();
        certificates
            .iter()
            .enumerate()
            .map(|(i, block)| {
                let what = if count == 1 {
                    "certificate".to_owned()
                } else {
                    format!("certificate {} of {count}", i + 1)
                };
                Self::read(block.contents(), &what)
            })
            .collect()
    }

    /// The DER encoding.
    pub fn der(&self) -> &[u8] {
        &self.der
    }

    /// PEM with the label `CERTIFICATE` and `\n` line endings.
    pub fn pem(&self) -> String {
        crate::pem::encode("CERTIFICATE", &self.der)
    }

    /// What a certificate this one issues copies from it: the subject exactly
    /// as encoded (the new certificate's issuer) and the subjectKeyIdentifier's
    /// key identifier, if it has one (the new authorityKeyIdentifier).
    pub(crate) fn issuer_parts(&self) -> Result<(Vec<u8>, Option<Vec<u8>>)> {
        let invalid = |e: DerError| Error::decode("certificate", e.to_string());
        let tbs = Tbs::read(crate::der::parse(&self.tbs).map_err(invalid)?).map_err(invalid)?;
        let mut key_id = None;
        for extension in &tbs.extensions {
            if extension.oid.to_string() == SUBJECT_KEY_IDENTIFIER {
                let id = crate::der::parse(extension.value)
                    .and_then(|tlv| tlv.expect(crate::der::tag::OCTET_STRING))
                    .map_err(invalid)?;
                key_id = Some(id.value.to_vec());
            }
        }
        Ok((tbs.subject_der.to_vec(), key_id))
    }

    /// SHA-256 of the DER, uppercase hex bytes separated by `:`, as
    /// `openssl x509 -fingerprint -sha256` shows it. Computed when asked:
    /// `verify` never needs it.
    pub fn fingerprint_sha256(&self) -> String {
        hex_colons(&Sha256::digest(&self.der), true)
    }

    /// SHA-1 of the DER, in the same form (an identifier only; SHA-1 is never
    /// used to check signatures).
    pub fn fingerprint_sha1(&self) -> String {
        hex_colons(&Sha1::digest(&self.der), true)
    }

    /// What the certificate says.
    pub fn info(&self) -> &CertificateInfo {
        &self.info
    }

    /// Checks the issuer's signature over the to-be-signed bytes with the
    /// issuer's public key (a DER `SubjectPublicKeyInfo`, e.g. the CA
    /// certificate's `info().public_key.spki_der`), through `verifier`.
    pub fn verify_signed_by(
        &self,
        issuer_spki_der: &[u8],
        verifier: &dyn SignatureVerifier,
    ) -> Result<(), SignatureError> {
        verifier.verify(&self.signed_by(issuer_spki_der))
    }

    /// The check [`Self::verify_signed_by`] asks for, as a question to answer
    /// before a [`SignatureAnswers`](crate::SignatureAnswers) run.
    pub fn signed_by_question(&self, issuer_spki_der: &[u8]) -> SignatureQuestion {
        SignatureQuestion::of(&self.signed_by(issuer_spki_der))
    }

    fn signed_by<'a>(&'a self, issuer_spki_der: &'a [u8]) -> SignatureCheck<'a> {
        SignatureCheck {
            signed: &self.tbs,
            algorithm: &self.info.signature_algorithm,
            signature: &self.signature,
            signer_spki_der: issuer_spki_der,
        }
    }

    fn read(der: &[u8], what: &str) -> Result<Self> {
        let invalid =
            |e: DerError| Error::decode(what, format!("not a valid X.509 certificate ({e})"));
        if der.is_empty() {
            return Err(Error::decode(what, "empty: it holds no bytes"));
        }
        let (signed, rest) = Signed::read(der).map_err(invalid)?;
        if rest != 0 {
            return Err(Error::decode(
                what,
                format!("{rest} bytes follow the DER certificate"),
            ));
        }
        let tbs = Tbs::read(signed.to_be_signed).map_err(invalid)?;
        let info = read_info(&signed, tbs).map_err(|problem| Error::decode(what, problem))?;
        Ok(Self {
            der: der.to_vec(),
            tbs: signed.to_be_signed.der.to_vec(),
            // A signature BIT STRING with unused bits cannot verify; it is empty.
            signature: signed.signature_bytes().to_vec(),
            info,
        })
    }
}

/// `subjectKeyIdentifier` (RFC 5280 §4.2.1.2).
const SUBJECT_KEY_IDENTIFIER: &str = "2.5.29.14";

fn read_info(signed: &Signed<'_>, tbs: Tbs<'_>) -> Result<CertificateInfo, String> {
    let names = alt_names(&tbs.extensions)?;
    let mut key_usage = Vec::new();
    let mut extended_key_usage = Vec::new();
    let mut basic_constraints = None;
    let mut name_constraints = None;
    let extensions: Vec<ExtensionInfo> = tbs.extensions.iter().map(extension_info).collect();
    for (extension, info) in tbs.extensions.iter().zip(&extensions) {
        let malformed = || format!("the {} extension is malformed", info.name);
        match info.oid.as_str() {
            KEY_USAGE => key_usage = key_usage_names(extension.value).ok_or_else(malformed)?,
            EXTENDED_KEY_USAGE => extended_key_usage = extended_key_usage_names(extension.value)?,
            BASIC_CONSTRAINTS => {
                basic_constraints =
                    Some(read_basic_constraints(extension.value).ok_or_else(malformed)?);
            }
            NAME_CONSTRAINTS => {
                if name_constraints.is_some() {
                    // RFC 5280 §4.2: at most one instance of an extension.
                    return Err("the nameConstraints extension appears twice".to_owned());
                }
                let read = read_name_constraints(extension.value)
                    .map_err(|e| format!("{} ({e})", malformed()))?;
                name_constraints = Some(read);
            }
            _ => {}
        }
    }
    Ok(CertificateInfo {
        version: tbs.version.saturating_add(1),
        serial_hex: serial_hex(tbs.serial),
        subject: tbs.subject,
        issuer: tbs.issuer,
        not_before: tbs.not_before,
        not_after: tbs.not_after,
        subject_alt_names: names.hosts,
        other_alt_names: names.other,
        key_usage,
        extended_key_usage,
        basic_constraints,
        name_constraints,
        public_key: tbs.public_key,
        signature_algorithm: SignatureAlgorithm::from_oid(&signed.algorithm.to_string()),
        extensions,
    })
}

/// The serial's magnitude: the DER INTEGER bytes without sign padding.
fn serial_hex(raw: &[u8]) -> String {
    let start = raw
        .iter()
        .position(|&b| b != 0)
        .unwrap_or(raw.len().saturating_sub(1));
    hex_colons(raw.get(start..).unwrap_or_default(), false)
}

/// `AB:CD:...` (or lower case): openssl's form of fingerprints and serials.
fn hex_colons(bytes: &[u8], upper: bool) -> String {
    let digits: &[u8; 16] = if upper {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    let mut text = String::with_capacity(bytes.len() * 3);
    for (i, byte) in bytes.iter().enumerate() {
        if i > 0 {
            text.push(':');
        }
        text.push(char::from(digits[usize::from(byte >> 4)]));
        text.push(char::from(digits[usize::from(byte & 0x0f)]));
    }
    text
}
