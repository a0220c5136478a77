//! The `TBSCertificate` of a certificate to issue (RFC 5280 §4.1), laid out as
//! Go's `x509.CreateCertificate` lays it out, signed elsewhere: by RustCrypto's
//! [`PrivateKey`] with feature `software`, or e.g. by WebCrypto in a page.

#[cfg(feature = "software")]
use crate::PrivateKey;
use crate::csr::algorithm_identifier;
use crate::der::{tag, write};
use crate::time::{UnixTime, write_time};
use crate::{Certificate, Error, Result, SignatureAlgorithm};
#[cfg(feature = "software")]
use rand_core::TryCryptoRng;

/// A certificate waiting for its issuer's signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnsignedCertificate {
    to_be_signed: Vec<u8>,
    algorithm: SignatureAlgorithm,
}

/// What [`UnsignedCertificate::build`] lays out.
pub(crate) struct Template<'a> {
    /// The serial's big-endian magnitude.
    pub(crate) serial: &'a [u8],
    pub(crate) algorithm: SignatureAlgorithm,
    /// The issuer's subject, as the issuer's certificate encodes it.
    pub(crate) issuer: &'a [u8],
    pub(crate) not_before: UnixTime,
    pub(crate) not_after: UnixTime,
    pub(crate) subject: &'a [u8],
    pub(crate) spki: &'a [u8],
    /// Each an `Extension` SEQUENCE, in order.
    pub(crate) extensions: Vec<Vec<u8>>,
}

impl UnsignedCertificate {
    /// A v3 `TBSCertificate` from `template`.
    pub(crate) fn build(template: &Template<'_>) -> Result<Self> {
        let time = |time: UnixTime| {
            write_time(time).ok_or_else(|| {
                Error::encoding(
                    "the validity",
                    format!("{time} is outside the years 0 to 9999"),
                )
            })
        };
        let extensions: Vec<&[u8]> = template.extensions.iter().map(Vec::as_slice).collect();
        let extensions = if extensions.is_empty() {
            Vec::new()
        } else {
            write::tlv(tag::context(3, true), &[&write::sequence(&extensions)])
        };
        let to_be_signed = write::sequence(&[
            &write::tlv(tag::context(0, true), &[&write::unsigned(&[2])]),
            &write::unsigned(template.serial),
            &algorithm_identifier(&template.algorithm)?,
            template.issuer,
            &write::sequence(&[&time(template.not_before)?, &time(template.not_after)?]),
            template.subject,
            template.spki,
            &extensions,
        ]);
        Ok(Self {
            to_be_signed,
            algorithm: template.algorithm.clone(),
        })
    }

    /// The DER to sign.
    pub fn to_be_signed(&self) -> &[u8] {
        &self.to_be_signed
    }

    /// The algorithm to sign with.
    pub fn signature_algorithm(&self) -> &SignatureAlgorithm {
        &self.algorithm
    }

    /// The certificate, given the issuer's signature over
    /// [`Self::to_be_signed`] as the certificate holds it (DER for ECDSA: see
    /// [`crate::support::ecdsa_fixed_to_der`]). The signature is not checked here.
    pub fn sign_with(self, signature: &[u8]) -> Result<Certificate> {
        let der = write::sequence(&[
            &self.to_be_signed,
            &algorithm_identifier(&self.algorithm)?,
            &write::bit_string(signature),
        ]);
        Certificate::from_der(&der)
    }

    /// Signs with the issuer's `key`; `rng` blinds RSA.
    #[cfg(feature = "software")]
    pub fn sign<R: TryCryptoRng + ?Sized>(
        self,
        key: &PrivateKey,
        rng: &mut R,
    ) -> Result<Certificate> {
        let signature = key.sign_as(&self.to_be_signed, self.algorithm.clone(), rng)?;
        self.sign_with(&signature)
    }
}
