//! A self-signed CA as `cfssl gencert -initca` makes it from a CSR spec.

use super::certificate::{Template, UnsignedCertificate};
use super::extensions::{
    KeyUsageBit, basic_constraints, key_identifier, key_usage, subject_key_identifier,
};
use super::subject::copied_subject;
use crate::subject::subject_name;
use crate::time::UnixTime;
use crate::{Error, PublicKeyInfo, Result, Spec};

/// cfssl's default CA lifetime (`43800h`, five years of 365 days).
pub const CA_DEFAULT_SECONDS: u64 = 43_800 * 3_600;

/// When and which: what `cfssl gencert -initca` takes from the clock, its
/// configuration and randomness.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CaOptions {
    /// The time of issue.
    pub now: UnixTime,
    /// The lifetime, from the backdated not before ([`CA_DEFAULT_SECONDS`] unless set).
    pub duration_seconds: u64,
    /// Twenty random bytes; the serial is them with the top bit cleared, as cfssl's.
    pub serial: [u8; 20],
}

impl CaOptions {
    /// Options for a CA issued at `now`, with the default lifetime.
    pub fn new(now: UnixTime, serial: [u8; 20]) -> Self {
        Self {
            now,
            duration_seconds: CA_DEFAULT_SECONDS,
            serial,
        }
    }
}

impl UnsignedCertificate {
    /// The self-signed CA certificate cfssl's `gencert -initca` makes for `spec`
    /// and the public key `public_key_der` (a DER SubjectPublicKeyInfo): the
    /// spec's subject (as Go copies it from the CSR) as subject and issuer (its
    /// hosts are not copied: cfssl's CA has no subjectAltName); keyUsage cert sign and CRL sign and
    /// basicConstraints CA, both critical; subjectKeyIdentifier; not before
    /// the time of issue rounded to the minute, less five minutes; signed as
    /// cfssl pairs the key.
    pub fn ca(spec: &Spec, public_key_der: &[u8], options: &CaOptions) -> Result<Self> {
        let key = PublicKeyInfo::from_der(public_key_der)
            .ok_or_else(|| Error::key_input("the public key is not a DER SubjectPublicKeyInfo"))?;
        let algorithm = key
            .algorithm
            .ok_or_else(|| {
                Error::key_input(format!(
                    "the key is {}; use an ecdsa, rsa or ed25519 key",
                    key.description
                ))
            })?
            .signature_algorithm();
        let subject = copied_subject(&subject_name(
            &spec.common_name,
            &spec.serial_number,
            &spec.names,
        ))?;
        let duration = i64::try_from(options.duration_seconds).unwrap_or(i64::MAX);
        // Go's time.Round(time.Minute) rounds halves up; cfssl backdates by 5 minutes.
        let not_before = UnixTime((options.now.0 + 30).div_euclid(60) * 60 - 300);
        let not_after = UnixTime(not_before.0.saturating_add(duration));
        let mut serial = options.serial;
        serial[0] &= 0x7f;
        let key_id = key_identifier(&key.spki_der)?;
        let mut extensions: Vec<Vec<u8>> =
            key_usage(&[KeyUsageBit::CertSign, KeyUsageBit::CrlSign])
                .into_iter()
                .collect();
        extensions.push(basic_constraints(true));
        extensions.push(subject_key_identifier(&key_id));
        Self::build(&Template {
            serial: &serial,
            algorithm,
            issuer: &subject,
            not_before,
            not_after,
            subject: &subject,
            spki: &key.spki_der,
            extensions,
        })
    }
}
