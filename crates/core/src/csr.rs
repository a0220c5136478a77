//! The PKCS#10 certificate signing request (RFC 2986), built as Go's
//! `x509.CreateCertificateRequest` builds it for cfssl: the part to be signed
//! from a spec and a public key ([`UnsignedRequest`]), then the signature
//! from whoever holds the private key (RustCrypto's [`PrivateKey`] with
//! feature `software`, or e.g. the browser's WebCrypto).

use der::asn1::{AnyRef, BitString, Ia5String, ObjectIdentifier, OctetString, SetOfVec};
use der::{Decode, Encode, pem::LineEnding};
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};
use x509_cert::attr::Attribute;
use x509_cert::ext::Extension;
use x509_cert::ext::pkix::SubjectAltName;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::request::{CertReq, CertReqInfo, ExtensionReq, Version};

#[cfg(feature = "software")]
use crate::PrivateKey;
use crate::spec::{Host, Spec};
use crate::subject::subject_name;
use crate::{Error, KeyAlgorithm, PublicKeyInfo, Result, SignatureAlgorithm};
#[cfg(feature = "software")]
use rand_core::TryCryptoRng;

/// A CSR waiting for its signature: the `CertificationRequestInfo` a spec
/// describes for a public key, and the algorithm cfssl would sign it with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnsignedRequest {
    info: CertReqInfo,
    to_be_signed: Vec<u8>,
    key_algorithm: KeyAlgorithm,
    algorithm: SignatureAlgorithm,
}

impl UnsignedRequest {
    /// The request `spec` describes for the public key `public_key_der` (a DER
    /// `SubjectPublicKeyInfo` of a kind csrcraft makes: ECDSA P-256/384/521,
    /// RSA 2048 to 8192 bits, Ed25519). The key's own kind wins over
    /// `spec.key` (which only says what to generate).
    pub fn new(spec: &Spec, public_key_der: &[u8]) -> Result<Self> {
        let bad_key = |problem: String| Error::key_input(format!("the public key {problem}"));
        let key = PublicKeyInfo::from_der(public_key_der)
            .ok_or_else(|| bad_key("is not a DER SubjectPublicKeyInfo".to_owned()))?;
        let key_algorithm = key.algorithm.ok_or_else(|| {
            bad_key(format!(
                "is {}; use an ecdsa (P-256, P-384, P-521), rsa or ed25519 key",
                key.description
            ))
        })?;
        if let KeyAlgorithm::Rsa { bits } = key_algorithm {
            crate::key::check_rsa_bits(bits).map_err(|problem| {
                bad_key(format!(
                    "is rsa of {problem}; use a key of 2048 to 8192 bits"
                ))
            })?;
        }
        let public_key = SubjectPublicKeyInfoOwned::from_der(public_key_der)
            .map_err(|e| Error::encoding("the public key", e))?;
        let info = CertReqInfo {
            version: Version::V1,
            subject: subject_name(spec)?,
            public_key,
            attributes: requested_extensions(&spec.hosts)?,
        };
        let to_be_signed = info.to_der().map_err(|e| Error::encoding("the CSR", e))?;
        Ok(Self {
            info,
            to_be_signed,
            key_algorithm,
            algorithm: key_algorithm.signature_algorithm(),
        })
    }

    /// The DER to sign.
    pub fn to_be_signed(&self) -> &[u8] {
        &self.to_be_signed
    }

    /// The kind of key the request is for.
    pub fn key_algorithm(&self) -> KeyAlgorithm {
        self.key_algorithm
    }

    /// The algorithm to sign with: the one cfssl pairs with the key.
    pub fn signature_algorithm(&self) -> &SignatureAlgorithm {
        &self.algorithm
    }

    /// The signed request, given the signature over [`Self::to_be_signed`] as
    /// the CSR holds it (DER for ECDSA: see [`crate::ecdsa_fixed_to_der`]).
    /// The signature is not checked here.
    pub fn sign_with(self, signature: &[u8]) -> Result<CertificateRequest> {
        let request = CertReq {
            info: self.info,
            algorithm: algorithm_identifier(&self.algorithm)?,
            signature: BitString::from_bytes(signature)
                .map_err(|e| Error::encoding("the CSR signature", e))?,
        };
        let der = request
            .to_der()
            .map_err(|e| Error::encoding("the CSR", e))?;
        Ok(CertificateRequest::read(der, None))
    }
}

/// The `AlgorithmIdentifier` of a signature algorithm made here.
fn algorithm_identifier(algorithm: &SignatureAlgorithm) -> Result<AlgorithmIdentifierOwned> {
    let oid = algorithm
        .oid()
        .and_then(|oid| ObjectIdentifier::new(oid).ok())
        .ok_or_else(|| {
            Error::encoding("the signature algorithm", format!("{algorithm} has no OID"))
        })?;
    let rsa = matches!(
        algorithm,
        SignatureAlgorithm::RsaSha256
            | SignatureAlgorithm::RsaSha384
            | SignatureAlgorithm::RsaSha512
    );
    Ok(AlgorithmIdentifierOwned {
        oid,
        // RFC 4055 §5: RSA signature algorithms carry an explicit NULL.
        parameters: rsa.then(|| AnyRef::NULL.into()),
    })
}

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
    #[cfg(feature = "software")]
    pub fn new<R: TryCryptoRng + ?Sized>(
        spec: &Spec,
        key: &PrivateKey,
        rng: &mut R,
    ) -> Result<Self> {
        let unsigned = UnsignedRequest::new(spec, &key.public_key_der()?)?;
        let signature = key.sign(unsigned.to_be_signed(), rng)?;
        unsigned.sign_with(&signature)
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
#[cfg(feature = "software")]
#[derive(Debug)]
pub struct KeyAndRequest {
    /// The private key, generated as `spec.key` asks.
    pub key: PrivateKey,
    /// The CSR, signed by `key`.
    pub request: CertificateRequest,
}

/// Generates the key `spec` asks for and the CSR for it.
#[cfg(feature = "software")]
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
