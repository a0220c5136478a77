//! The PKCS#10 certificate signing request (RFC 2986), built as Go's
//! `x509.CreateCertificateRequest` builds it for cfssl: the part to be signed
//! from a spec and a public key ([`UnsignedRequest`]), then the signature
//! from whoever holds the private key (RustCrypto's [`PrivateKey`] with
//! feature `software`, or e.g. the browser's WebCrypto).

#[cfg(feature = "software")]
use crate::PrivateKey;
use crate::der::oid::{EXTENSION_REQUEST, SUBJECT_ALT_NAME, from_dotted};
use crate::der::{tag, write};
use crate::pem;
use crate::spec::{Host, Spec};
use crate::subject::subject_name;
use crate::{Error, KeyAlgorithm, PublicKeyInfo, Result, SignatureAlgorithm};
#[cfg(feature = "software")]
use rand_core::TryCryptoRng;

/// A CSR waiting for its signature: the `CertificationRequestInfo` a spec
/// describes for a public key, and the algorithm cfssl would sign it with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnsignedRequest {
    /// The DER `CertificationRequestInfo`.
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
        // CertificationRequestInfo (RFC 2986 §4.1): version 0 (v1), the
        // subject, the key exactly as given (it read as one SPKI) and the attributes.
        let to_be_signed = write::sequence(&[
            &write::unsigned(&[0]),
            &subject_name(&spec.common_name, &spec.serial_number, &spec.names),
            &key.spki_der,
            &requested_extensions(&spec.hosts)?,
        ]);
        Ok(Self {
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
    /// the CSR holds it (DER for ECDSA: see [`crate::support::ecdsa_fixed_to_der`]).
    /// The signature is not checked here.
    pub fn sign_with(self, signature: &[u8]) -> Result<CertificateRequest> {
        let der = write::sequence(&[
            &self.to_be_signed,
            &algorithm_identifier(&self.algorithm)?,
            &write::bit_string(signature),
        ]);
        Ok(CertificateRequest::read(der, None))
    }
}

/// The DER `AlgorithmIdentifier` of a signature algorithm made here.
pub(crate) fn algorithm_identifier(algorithm: &SignatureAlgorithm) -> Result<Vec<u8>> {
    let oid = algorithm.oid().and_then(from_dotted).ok_or_else(|| {
        Error::encoding("the signature algorithm", format!("{algorithm} has no OID"))
    })?;
    let rsa = matches!(
        algorithm,
        SignatureAlgorithm::RsaSha256
            | SignatureAlgorithm::RsaSha384
            | SignatureAlgorithm::RsaSha512
    );
    let oid = write::tlv(tag::OID, &[&oid]);
    // RFC 4055 §5: RSA signature algorithms carry an explicit NULL.
    let null: &[u8] = if rsa { &[tag::NULL, 0] } else { &[] };
    Ok(write::sequence(&[&oid, null]))
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
        pem::encode("CERTIFICATE REQUEST", &self.der)
    }
}

/// A new key and the CSR for it: what `cfssl genkey` makes.
#[cfg(feature = "software")]
#[derive(Debug)]
#[non_exhaustive]
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

/// The `[0] IMPLICIT SET OF Attribute` of the request: empty without hosts,
/// else the `extensionRequest` holding the non-critical subjectAltName.
fn requested_extensions(hosts: &[Host]) -> Result<Vec<u8>> {
    let attributes = tag::context(0, true);
    if hosts.is_empty() {
        return Ok(write::tlv(attributes, &[]));
    }
    let extension = write::sequence(&[
        &write::tlv(tag::OID, &[SUBJECT_ALT_NAME]),
        &write::tlv(tag::OCTET_STRING, &[&alt_names_value(hosts)?]),
    ]);
    let attribute = write::sequence(&[
        &write::tlv(tag::OID, &[EXTENSION_REQUEST]),
        &write::tlv(tag::SET, &[&write::sequence(&[&extension])]),
    ]);
    Ok(write::tlv(attributes, &[&attribute]))
}

/// The subjectAltName's `GeneralNames` as Go writes them (`marshalSANs`), in
/// CSRs and certificates alike: DNS names, then emails, then IPs, then URIs,
/// an IPv4 address (also one mapped into IPv6) in 4 octets.
pub(crate) fn alt_names_value(hosts: &[Host]) -> Result<Vec<u8>> {
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
        // GeneralName (RFC 5280 §4.2.1.6): [1] rfc822Name, [2] dNSName and
        // [6] URI are IA5Strings, [7] iPAddress the octets.
        names.push(match host {
            Host::Dns(name) => write::tlv(tag::context(2, false), &[ia5(name)?]),
            Host::Email(address) => write::tlv(tag::context(1, false), &[ia5(address)?]),
            Host::Uri(uri) => write::tlv(tag::context(6, false), &[ia5(uri)?]),
            Host::Ip(ip) => match ip.to_canonical() {
                std::net::IpAddr::V4(v4) => write::tlv(tag::context(7, false), &[&v4.octets()]),
                std::net::IpAddr::V6(v6) => write::tlv(tag::context(7, false), &[&v6.octets()]),
            },
        });
    }
    let names: Vec<&[u8]> = names.iter().map(Vec::as_slice).collect();
    Ok(write::sequence(&names))
}

/// The text of an IA5String, which holds ASCII only.
fn ia5(text: &str) -> Result<&[u8]> {
    if text.is_ascii() {
        Ok(text.as_bytes())
    } else {
        Err(Error::encoding(
            "the subjectAltName extension",
            format!(
                "{} is not ASCII, which an IA5String needs",
                crate::quoted(text)
            ),
        ))
    }
}
