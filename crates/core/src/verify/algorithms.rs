//! The signature algorithms path validation accepts, as rustls-webpki's
//! `SignatureVerificationAlgorithm`s answered by the core's own
//! [`SignatureVerifier`]: ECDSA on P-256, P-384 and P-521 with SHA-256,
//! SHA-384 or SHA-512, RSA PKCS#1 v1.5 with the same hashes and a modulus of
//! at least 2048 bits, and Ed25519. Everything else (SHA-1, MD5, RSA-PSS,
//! small RSA keys) is refused, as a TLS client's policy refuses it.

use std::fmt;

use rustls_pki_types::alg_id;
use rustls_pki_types::{AlgorithmIdentifier, InvalidSignature, SignatureVerificationAlgorithm};

use crate::der::{tag, write};
use crate::{KeyAlgorithm, SignatureAlgorithm, SignatureCheck, SignatureVerifier};

/// The smallest RSA modulus path validation accepts (the CA/Browser Forum's
/// Baseline Requirements, and every TLS client's policy).
pub(super) const RSA_MIN_BITS: usize = 2048;

/// One pair of public key algorithm and signature algorithm, checked by
/// `verifier`.
pub(super) struct Algorithm<'a> {
    verifier: &'a dyn SignatureVerifier,
    key: AlgorithmIdentifier,
    signature: AlgorithmIdentifier,
    algorithm: SignatureAlgorithm,
}

/// Every pair path validation accepts, each answered by `verifier`.
pub(super) fn accepted(verifier: &dyn SignatureVerifier) -> Vec<Algorithm<'_>> {
    use SignatureAlgorithm::{
        EcdsaSha256, EcdsaSha384, EcdsaSha512, Ed25519, RsaSha256, RsaSha384, RsaSha512,
    };
    let ecdsa = [
        (alg_id::ECDSA_SHA256, EcdsaSha256),
        (alg_id::ECDSA_SHA384, EcdsaSha384),
        (alg_id::ECDSA_SHA512, EcdsaSha512),
    ];
    let mut pairs = Vec::new();
    for curve in [alg_id::ECDSA_P256, alg_id::ECDSA_P384, alg_id::ECDSA_P521] {
        for (signature, algorithm) in ecdsa.clone() {
            pairs.push((curve, signature, algorithm));
        }
    }
    pairs.extend([
        (alg_id::RSA_ENCRYPTION, alg_id::RSA_PKCS1_SHA256, RsaSha256),
        (alg_id::RSA_ENCRYPTION, alg_id::RSA_PKCS1_SHA384, RsaSha384),
        (alg_id::RSA_ENCRYPTION, alg_id::RSA_PKCS1_SHA512, RsaSha512),
        (alg_id::ED25519, alg_id::ED25519, Ed25519),
    ]);
    pairs
        .into_iter()
        .map(|(key, signature, algorithm)| Algorithm {
            verifier,
            key,
            signature,
            algorithm,
        })
        .collect()
}

impl SignatureVerificationAlgorithm for Algorithm<'_> {
    fn verify_signature(
        &self,
        public_key: &[u8],
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), InvalidSignature> {
        // webpki hands over the subjectPublicKey alone; the verifier takes
        // the whole SubjectPublicKeyInfo.
        let spki = write::sequence(&[
            &write::tlv(tag::SEQUENCE, &[self.key.as_ref()]),
            &write::bit_string(public_key),
        ]);
        let check = SignatureCheck {
            signed: message,
            algorithm: &self.algorithm,
            signature,
            signer_spki_der: &spki,
        };
        let plan = check.plan().map_err(|_| InvalidSignature)?;
        if matches!(plan.key_algorithm, KeyAlgorithm::Rsa { bits } if bits < RSA_MIN_BITS) {
            return Err(InvalidSignature);
        }
        self.verifier.verify(&check).map_err(|_| InvalidSignature)
    }

    fn public_key_alg_id(&self) -> AlgorithmIdentifier {
        self.key
    }

    fn signature_alg_id(&self) -> AlgorithmIdentifier {
        self.signature
    }
}

impl fmt::Debug for Algorithm<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (csrcraft SignatureVerifier)", self.algorithm)
    }
}
