//! Reading X.509 certificates (RFC 5280) and certificate chains.

use sha1::Sha1;
use sha2::{Digest, Sha256};
use x509_parser::certificate::X509Certificate;
use x509_parser::extensions::ParsedExtension;
use x509_parser::prelude::FromDer;

use super::extensions::{
    BASIC_CONSTRAINTS, BasicConstraints, EXTENDED_KEY_USAGE, ExtensionInfo, KEY_USAGE, alt_names,
    extended_key_usage_names, extension_info, key_usage_names,
};
use super::missing_block;
use super::name::{DistinguishedName, read_name};
use super::public_key::{PublicKeyInfo, read_public_key};
use super::signature::{SignatureAlgorithm, SignatureCheck, SignatureError, SignatureVerifier};
use super::time::UnixTime;
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
    /// The subject's public key.
    pub public_key: PublicKeyInfo,
    /// The algorithm the issuer signed with.
    pub signature_algorithm: SignatureAlgorithm,
    /// SHA-256 of the DER, uppercase hex bytes separated by `:`, as
    /// `openssl x509 -fingerprint -sha256` shows it.
    pub fingerprint_sha256: String,
    /// SHA-1 of the DER, in the same form (an identifier only; SHA-1 is never
    /// used to check signatures).
    pub fingerprint_sha1: String,
    /// Every extension, in encoded order.
    pub extensions: Vec<ExtensionInfo>,
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
        let blocks = pem::parse_many(text)
            .map_err(|e| Error::decode("certificate", format!("the PEM is malformed: {e}")))?;
        let certificates: Vec<&pem::Pem> =
            blocks.iter().filter(|b| b.tag() == "CERTIFICATE").collect();
        if certificates.is_empty() {
            let problem = missing_block(&blocks, "CERTIFICATE");
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
        verifier.verify(&SignatureCheck {
            signed: &self.tbs,
            algorithm: &self.info.signature_algorithm,
            signature: &self.signature,
            signer_spki_der: issuer_spki_der,
        })
    }

    fn read(der: &[u8], what: &str) -> Result<Self> {
        let (rest, parsed) = X509Certificate::from_der(der)
            .map_err(|e| Error::decode(what, format!("not a valid X.509 certificate ({e})")))?;
        if !rest.is_empty() {
            return Err(Error::decode(
                what,
                format!("{} bytes follow the DER certificate", rest.len()),
            ));
        }
        let info = read_info(der, &parsed).map_err(|problem| Error::decode(what, problem))?;
        // A signature BIT STRING with unused bits cannot verify; keep it empty.
        let signature = if parsed.signature_value.unused_bits == 0 {
            parsed.signature_value.data.to_vec()
        } else {
            Vec::new()
        };
        Ok(Self {
            der: der.to_vec(),
            tbs: parsed.tbs_certificate.as_ref().to_vec(),
            signature,
            info,
        })
    }
}

fn read_info(der: &[u8], parsed: &X509Certificate<'_>) -> Result<CertificateInfo, String> {
    let tbs = &parsed.tbs_certificate;
    let extensions = tbs.extensions();
    let names = alt_names(extensions)?;
    let mut key_usage = Vec::new();
    let mut extended_key_usage = Vec::new();
    let mut basic_constraints = None;
    for extension in extensions {
        let malformed = || {
            format!(
                "the {} extension is malformed",
                extension_info(extension).name
            )
        };
        match extension.oid.to_id_string().as_str() {
            KEY_USAGE => match extension.parsed_extension() {
                ParsedExtension::KeyUsage(usage) => key_usage = key_usage_names(usage),
                _ => return Err(malformed()),
            },
            EXTENDED_KEY_USAGE => extended_key_usage = extended_key_usage_names(extension.value)?,
            BASIC_CONSTRAINTS => match extension.parsed_extension() {
                ParsedExtension::BasicConstraints(bc) => {
                    basic_constraints = Some(BasicConstraints {
                        ca: bc.ca,
                        path_len: bc.path_len_constraint,
                    });
                }
                _ => return Err(malformed()),
            },
            _ => {}
        }
    }
    Ok(CertificateInfo {
        version: tbs.version.0.saturating_add(1),
        serial_hex: serial_hex(tbs.raw_serial()),
        subject: read_name(&tbs.subject),
        issuer: read_name(&tbs.issuer),
        not_before: UnixTime(tbs.validity.not_before.timestamp()),
        not_after: UnixTime(tbs.validity.not_after.timestamp()),
        subject_alt_names: names.hosts,
        other_alt_names: names.other,
        key_usage,
        extended_key_usage,
        basic_constraints,
        public_key: read_public_key(&tbs.subject_pki),
        signature_algorithm: SignatureAlgorithm::from_oid(
            &parsed.signature_algorithm.algorithm.to_id_string(),
        ),
        fingerprint_sha256: hex_colons(&Sha256::digest(der), true),
        fingerprint_sha1: hex_colons(&Sha1::digest(der), true),
        extensions: extensions.iter().map(extension_info).collect(),
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

fn hex_colons(bytes: &[u8], upper: bool) -> String {
    bytes
        .iter()
        .map(|b| {
            if upper {
                format!("{b:02X}")
            } else {
                format!("{b:02x}")
            }
        })
        .collect::<Vec<_>>()
        .join(":")
}
