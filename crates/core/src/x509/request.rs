//! Reading a PKCS#10 certificate signing request (RFC 2986) back: what it
//! asks for, and whether its self-signature holds.

use super::answers::SignatureQuestion;
use super::extensions::{alt_names, extension_info};
use super::missing_block;
use super::name::DistinguishedName;
use super::request_info::RequestedInfo;
use super::signature::{SignatureCheck, SignatureError, SignatureVerifier};
use super::signed::Signed;
use crate::der::DerError;
use crate::key::{PublicKeyInfo, SignatureAlgorithm};
use crate::{CertificateRequest, Error, Host, Result};

/// What a CSR says, as read from its DER.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RequestInfo {
    /// The PEM label it was read with: `CERTIFICATE REQUEST`, or the older
    /// `NEW CERTIFICATE REQUEST` (which Kubernetes refuses); `None` when read
    /// as DER or made here.
    pub pem_label: Option<String>,
    /// The subject name.
    pub subject: DistinguishedName,
    /// The DNS, IP, email and URI names of the requested subjectAltName, in
    /// encoded order.
    pub subject_alt_names: Vec<Host>,
    /// Any other requested alternative names, as openssl would show them
    /// (`othername:1.2.3.4`, `DirName:CN=x`, ...).
    pub other_alt_names: Vec<String>,
    /// The public key to be certified.
    pub public_key: PublicKeyInfo,
    /// The algorithm of the self-signature.
    pub signature_algorithm: SignatureAlgorithm,
    /// The self-signature checked against the CSR's own public key
    /// (Kubernetes checks it when the CSR object is created).
    pub signature: Result<(), SignatureError>,
    /// The name (`subjectAltName`, `keyUsage`, ...) or dotted OID of every
    /// extension in the `extensionRequest` attribute, in encoded order.
    pub requested_extensions: Vec<String>,
}

impl CertificateRequest {
    /// Reads a CSR from PEM. The text must hold exactly one block labelled
    /// `CERTIFICATE REQUEST` or `NEW CERTIFICATE REQUEST`; text and other
    /// blocks around it are ignored.
    pub fn from_pem(text: &str) -> Result<Self> {
        let blocks = crate::pem::parse(text)
            .map_err(|e| Error::decode(WHAT, format!("the PEM is malformed: {e}")))?;
        Self::from_blocks(&blocks)
    }

    /// [`Self::from_pem`] for PEM text already split into blocks.
    pub(crate) fn from_blocks(blocks: &[crate::pem::Block<'_>]) -> Result<Self> {
        let mut requests = blocks
            .iter()
            .filter(|b| CSR_LABELS.contains(&b.label()))
            .collect::<Vec<_>>();
        let Some(block) = requests.pop() else {
            return Err(Error::decode(
                WHAT,
                missing_block(blocks, "CERTIFICATE REQUEST"),
            ));
        };
        if !requests.is_empty() {
            return Err(Error::decode(
                WHAT,
                format!(
                    "found {} certificate requests; give one at a time",
                    requests.len() + 1
                ),
            ));
        }
        parse(block.contents())?;
        Ok(Self::read(
            block.contents().to_vec(),
            Some(block.label().to_owned()),
        ))
    }

    /// Reads a CSR from DER; nothing may follow it.
    pub fn from_der(der: &[u8]) -> Result<Self> {
        parse(der)?;
        Ok(Self::read(der.to_vec(), None))
    }

    /// What the CSR says, with its self-signature checked by RustCrypto.
    #[cfg(feature = "software")]
    pub fn info(&self) -> Result<RequestInfo> {
        self.info_checked(&super::SoftwareVerifier)
    }

    /// What the CSR says, with its self-signature checked by `verifier`.
    pub fn info_checked(&self, verifier: &dyn SignatureVerifier) -> Result<RequestInfo> {
        let (signed, info) = parse(self.der())?;
        let names = alt_names(&info.extensions).map_err(|e| Error::decode(WHAT, e))?;
        let signature_algorithm = SignatureAlgorithm::from_oid(&signed.algorithm.to_string());
        let signature = match self_signature(&signed, &info, &signature_algorithm) {
            Some(check) => verifier.verify(&check),
            None => Err(SignatureError::Invalid),
        };
        Ok(RequestInfo {
            pem_label: self.pem_label().map(str::to_owned),
            subject: info.subject,
            subject_alt_names: names.hosts,
            other_alt_names: names.other,
            signature_algorithm,
            signature,
            requested_extensions: info
                .extensions
                .iter()
                .map(|e| extension_info(e).name)
                .collect(),
            public_key: info.public_key,
        })
    }

    /// The signature checks [`Self::info_checked`] asks for: the
    /// self-signature, when the CSR can be read and has one (the first phase
    /// of a [`SignatureAnswers`](crate::SignatureAnswers) check).
    pub fn signature_questions(&self) -> Vec<SignatureQuestion> {
        let Ok((signed, info)) = parse(self.der()) else {
            return Vec::new();
        };
        let algorithm = SignatureAlgorithm::from_oid(&signed.algorithm.to_string());
        self_signature(&signed, &info, &algorithm)
            .map(|check| SignatureQuestion::of(&check))
            .into_iter()
            .collect()
    }
}

/// The check of a CSR's self-signature; `None` when its signature BIT STRING
/// has unused bits (it cannot verify).
fn self_signature<'a>(
    signed: &Signed<'a>,
    info: &'a RequestedInfo<'a>,
    algorithm: &'a SignatureAlgorithm,
) -> Option<SignatureCheck<'a>> {
    Some(SignatureCheck {
        signed: signed.to_be_signed.der,
        algorithm,
        signature: signed.signature.whole_bytes()?,
        signer_spki_der: &info.public_key.spki_der,
    })
}

const WHAT: &str = "certificate request";
const CSR_LABELS: [&str; 2] = ["CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST"];

fn parse(der: &[u8]) -> Result<(Signed<'_>, RequestedInfo<'_>)> {
    let invalid = |e: DerError| {
        Error::decode(
            WHAT,
            format!("not a valid PKCS#10 certificate signing request ({e})"),
        )
    };
    if der.is_empty() {
        return Err(Error::decode(WHAT, "empty: it holds no bytes"));
    }
    let (signed, rest) = Signed::read(der).map_err(invalid)?;
    if rest != 0 {
        return Err(Error::decode(
            WHAT,
            format!("{rest} bytes follow the DER certificate request"),
        ));
    }
    let info = RequestedInfo::read(signed.to_be_signed).map_err(invalid)?;
    Ok((signed, info))
}
