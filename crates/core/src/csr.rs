//! The PKCS#10 certificate signing request (RFC 2986), built as Go's
//! `x509.CreateCertificateRequest` builds it for cfssl.

use der::asn1::{BitString, Ia5String, OctetString, SetOfVec};
use der::{Encode, pem::LineEnding};
use rand_core::TryCryptoRng;
use x509_cert::attr::Attribute;
use x509_cert::ext::Extension;
use x509_cert::ext::pkix::SubjectAltName;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::request::{CertReq, CertReqInfo, ExtensionReq, Version};

use crate::spec::{Host, Spec};
use crate::subject::subject_name;
use crate::{Error, KeyAlgorithm, PrivateKey, Result};

/// A signed certificate signing request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CertificateRequest {
    der: Vec<u8>,
    /// The PEM label it was read with (`x509::request`), `None` when made here or read as DER.
    pem_label: Option<String>,
}

impl CertificateRequest {
    /// Builds and signs the CSR that `spec` describes, for `key`. The key's own
    /// kind wins over `spec.key` (which only says what to generate). `rng` blinds
    /// RSA signing; ECDSA (RFC 6979) and Ed25519 signatures are deterministic.
    pub fn new<R: TryCryptoRng + ?Sized>(
        spec: &Spec,
        key: &PrivateKey,
        rng: &mut R,
    ) -> Result<Self> {
        let info = CertReqInfo {
            version: Version::V1,
            subject: subject_name(spec)?,
            public_key: key.public_key_info()?,
            attributes: requested_extensions(&spec.hosts)?,
        };
        let to_be_signed = info.to_der().map_err(|e| Error::encoding("the CSR", e))?;
        let signature = key.sign(&to_be_signed, rng)?;
        let request = CertReq {
            info,
            algorithm: key.signature_algorithm_identifier()?,
            signature: BitString::from_bytes(&signature)
                .map_err(|e| Error::encoding("the CSR signature", e))?,
        };
        let der = request
            .to_der()
            .map_err(|e| Error::encoding("the CSR", e))?;
        Ok(Self {
            der,
            pem_label: None,
        })
    }

    /// A request read from input; `x509::request` has checked that `der` parses.
    pub(crate) fn read(der: Vec<u8>, pem_label: Option<String>) -> Self {
        Self { der, pem_label }
    }

    /// The PEM label the request was read with (`CERTIFICATE REQUEST` or
    /// `NEW CERTIFICATE REQUEST`); `None` when it was made here or read as DER.
    pub fn pem_label(&self) -> Option<&str> {
        self.pem_label.as_deref()
    }

    /// The DER encoding.
    pub fn der(&self) -> &[u8] {
        &self.der
    }

    /// PEM with the label `CERTIFICATE REQUEST` and `\n` line endings.
    pub fn pem(&self) -> String {
        // Encoding into a String only fails on a bad label, and this one is fixed.
        der::pem::encode_string("CERTIFICATE REQUEST", LineEnding::LF, &self.der)
            .unwrap_or_default()
    }
}

/// A new key and the CSR for it: what `cfssl genkey` makes.
#[derive(Debug)]
pub struct KeyAndRequest {
    /// The private key, generated as `spec.key` asks.
    pub key: PrivateKey,
    /// The CSR, signed by `key`.
    pub request: CertificateRequest,
}

/// Generates the key `spec` asks for and the CSR for it.
pub fn generate<R: TryCryptoRng + ?Sized>(spec: &Spec, rng: &mut R) -> Result<KeyAndRequest> {
    let algorithm: KeyAlgorithm = spec.key_algorithm();
    let key = PrivateKey::generate(algorithm, rng)?;
    let request = CertificateRequest::new(spec, &key, rng)?;
    Ok(KeyAndRequest { key, request })
}

/// The `extensionRequest` attribute holding the subjectAltName, when there are
/// hosts; Go lists DNS names, then emails, then IPs, then URIs, non-critical.
fn requested_extensions(hosts: &[Host]) -> Result<SetOfVec<Attribute>> {
    let mut attributes = SetOfVec::new();
    if hosts.is_empty() {
        return Ok(attributes);
    }
    let encoding = |e: der::Error| Error::encoding("the subjectAltName extension", e);
    let ia5 = |text: &str| Ia5String::new(text).map_err(encoding);
    let rank = |host: &Host| match host {
        Host::Dns(_) => 0,
        Host::Email(_) => 1,
        Host::Ip(_) => 2,
        Host::Uri(_) => 3,
    };
    let mut ordered: Vec<&Host> = hosts.iter().collect();
    ordered.sort_by_key(|h| rank(h));
    let mut names = Vec::with_capacity(hosts.len());
    for host in ordered {
        names.push(match host {
            Host::Dns(name) => GeneralName::DnsName(ia5(name)?),
            Host::Email(address) => GeneralName::Rfc822Name(ia5(address)?),
            Host::Uri(uri) => GeneralName::UniformResourceIdentifier(ia5(uri)?),
            Host::Ip(ip) => {
                let octets = match ip {
                    std::net::IpAddr::V4(v4) => v4.octets().to_vec(),
                    std::net::IpAddr::V6(v6) => v6.octets().to_vec(),
                };
                GeneralName::IpAddress(OctetString::new(octets).map_err(encoding)?)
            }
        });
    }
    let san = SubjectAltName(names);
    let extension = Extension {
        extn_id: const_oid::db::rfc5280::ID_CE_SUBJECT_ALT_NAME,
        critical: false,
        extn_value: OctetString::new(san.to_der().map_err(encoding)?).map_err(encoding)?,
    };
    let attribute = Attribute::try_from(ExtensionReq(vec![extension])).map_err(encoding)?;
    attributes.insert(attribute).map_err(encoding)?;
    Ok(attributes)
}
