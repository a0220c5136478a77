//! Why path validation refused a chain whose signatures hold together: the
//! rule, and the certificate that breaks it, as `rule: what and where`.
//!
//! rustls-webpki says which rule failed but not on which certificate; the
//! certificate is found here by reading the path's certificates. Only the
//! wording comes from here: the verdict is rustls-webpki's.

use webpki::Error;

use super::algorithms::RSA_MIN_BITS;
use super::issuers::MAX_INTERMEDIATES;
use super::name_constraints::{self, Rule};
use super::{Purpose, quoted_name};
use crate::{Certificate, KeyAlgorithm, SignatureAlgorithm};

/// `error` worded for `path` (leaf first, the trusted CA last), validated for
/// `purpose`.
pub(super) fn explain(error: &Error, path: &[&Certificate], purpose: Option<Purpose>) -> String {
    let named = Named(path);
    match error {
        Error::NameConstraintViolation => name_constraint(&named),
        Error::PathLenConstraintViolated => path_length(&named),
        Error::CaUsedAsEndEntity => format!(
            "basic constraints: the leaf {} is a CA (basicConstraints CA:TRUE), which a TLS client does not accept as a server's or client's own certificate",
            named.subject(0)
        ),
        Error::EndEntityUsedAsCa => match named.find(1, |c| !is_ca(c)) {
            Some(i) => format!(
                "basic constraints: {} issued a certificate on the path but is not a CA (no basicConstraints CA:TRUE)",
                named.who(i)
            ),
            None => "basic constraints: a certificate that is not a CA issued one on the path".to_owned(),
        },
        Error::UnsupportedCriticalExtension => match critical_extension(path) {
            Some((i, name)) => format!(
                "critical extension: {} marks {name} critical, which path validation does not understand, so a TLS client refuses it",
                named.who(i)
            ),
            None => "critical extension: a certificate on the path has a critical extension path validation does not understand".to_owned(),
        },
        Error::RequiredEkuNotFoundContext(_)
        | Error::EmptyEkuExtension => extended_key_usage(&named, purpose),
        Error::InvalidSignatureForPublicKey => key_policy(&named),
        // rustls-webpki 0.103 reports these with context; the unit variants
        // are deprecated and no longer made.
        Error::UnsupportedSignatureAlgorithmContext(_)
        | Error::UnsupportedSignatureAlgorithmForPublicKeyContext(_) => {
            signature_algorithm(&named)
        }
        Error::CertExpired { .. } | Error::CertNotValidYet { .. } => {
            "validity: every path has a certificate that is not valid at the time asked, and no one time suits them all".to_owned()
        }
        Error::UnknownIssuer => format!(
            "issuer: path validation finds no issuer for {} among the CAs and the certificates given (the names or keys do not link as path validation compares them)",
            named.who(0)
        ),
        Error::MaximumPathDepthExceeded => too_long(),
        Error::MaximumSignatureChecksExceeded
        | Error::MaximumPathBuildCallsExceeded
        | Error::MaximumNameConstraintComparisonsExceeded => {
            "path building: gave up after too many candidate paths, signatures or name comparisons (a limit against hostile input)".to_owned()
        }
        Error::CertDistrusted => {
            "distrusted: a CA on the path is on the list of CAs TLS clients distrust".to_owned()
        }
        Error::UnsupportedNameType => {
            "name constraints: a constrained name is of a type path validation cannot check".to_owned()
        }
        other => format!(
            "encoding: a certificate on the path is not encoded as path validation requires ({})",
            encoding(other)
        ),
    }
}

/// The path, for naming its certificates.
struct Named<'p, 'c>(&'p [&'c Certificate]);

impl Named<'_, '_> {
    /// `the leaf "CN=..."`, `intermediate "CN=..."` or `the CA "CN=..."`.
    fn who(&self, index: usize) -> String {
        let role = if index == 0 {
            "the leaf"
        } else if index + 1 == self.0.len() {
            "the CA"
        } else {
            "intermediate"
        };
        format!("{role} {}", self.subject(index))
    }

    fn subject(&self, index: usize) -> String {
        self.0
            .get(index)
            .map_or_else(String::new, |c| quoted_name(&c.info().subject))
    }

    /// The first index from `start` whose certificate is `wanted`.
    fn find(&self, start: usize, wanted: impl Fn(&Certificate) -> bool) -> Option<usize> {
        (start..self.0.len()).find(|&i| self.0.get(i).is_some_and(|c| wanted(c)))
    }
}

fn is_ca(certificate: &Certificate) -> bool {
    certificate.info().basic_constraints.is_some_and(|bc| bc.ca)
}

/// The CA whose pathLenConstraint the intermediates below it exceed.
fn path_length(named: &Named<'_, '_>) -> String {
    for (index, certificate) in named.0.iter().enumerate().skip(1) {
        let Some(limit) = certificate
            .info()
            .basic_constraints
            .and_then(|bc| bc.path_len)
        else {
            continue;
        };
        // Below the CA at `index` are the leaf and `index - 1` intermediates.
        let below = index - 1;
        if below > limit as usize {
            return format!(
                "path length: {} allows {limit} intermediate CA{} below it (pathLenConstraint {limit}), but {below} are",
                named.who(index),
                if limit == 1 { "" } else { "s" }
            );
        }
    }
    "path length: an intermediate CA is deeper than a pathLenConstraint above it allows".to_owned()
}

/// The first name a CA's name constraints do not allow, and the constraint.
fn name_constraint(named: &Named<'_, '_>) -> String {
    let Some(violation) = name_constraints::find_violation(named.0) else {
        return "name constraints: a name on the path is outside what a CA above it allows"
            .to_owned();
    };
    let (holder, ca) = (named.who(violation.holder), named.who(violation.ca));
    match violation.rule {
        Rule::Excluded(subtree) => format!(
            "name constraints: {} of {holder} is excluded by {ca}'s excludedSubtrees {subtree}",
            violation.name
        ),
        Rule::NotPermitted(subtrees) => format!(
            "name constraints: {} of {holder} is outside {ca}'s permittedSubtrees {}",
            violation.name,
            subtrees.join(", ")
        ),
    }
}

/// The first certificate with a critical extension path validation does not
/// understand, and that extension's name.
fn critical_extension(path: &[&Certificate]) -> Option<(usize, String)> {
    path.iter().enumerate().find_map(|(index, certificate)| {
        certificate
            .info()
            .unhandled_critical_extensions()
            .first()
            .map(|extension| (index, extension.name.clone()))
    })
}

fn extended_key_usage(named: &Named<'_, '_>, purpose: Option<Purpose>) -> String {
    let wanted: &[&str] = match purpose {
        Some(Purpose::Server) => &["server auth"],
        Some(Purpose::Client) => &["client auth"],
        None => &["server auth", "client auth"],
    };
    let wanted_text = wanted.join(" or ");
    // The trusted CA's own extensions are not part of path validation.
    let last = named.0.len().saturating_sub(1);
    let lacking = named.find(0, |c| {
        let eku = &c.info().extended_key_usage;
        !eku.is_empty() && !eku.iter().any(|p| wanted.contains(&p.as_str()))
    });
    match lacking {
        Some(index) if index < last || last == 0 => format!(
            "extended key usage: {} allows only {}, not {wanted_text}",
            named.who(index),
            named
                .0
                .get(index)
                .map_or_else(String::new, |c| c.info().extended_key_usage.join(", "))
        ),
        _ => format!("extended key usage: a certificate on the path does not allow {wanted_text}"),
    }
}

/// Why a signature that verifies is still refused: an RSA key below the
/// minimum.
fn key_policy(named: &Named<'_, '_>) -> String {
    let small = (1..named.0.len()).find_map(|index| {
        match named.0.get(index)?.info().public_key.algorithm {
            Some(KeyAlgorithm::Rsa { bits }) if bits < RSA_MIN_BITS => Some((index, bits)),
            _ => None,
        }
    });
    match small {
        Some((index, bits)) => format!(
            "key size: {}'s key is RSA {bits} bits; path validation accepts RSA keys of at least {RSA_MIN_BITS} bits",
            named.who(index),
        ),
        None => {
            "signature: a signature on the path does not verify under path validation's key policy"
                .to_owned()
        }
    }
}

/// The certificate signed with an algorithm path validation does not take.
fn signature_algorithm(named: &Named<'_, '_>) -> String {
    let other = named.find(0, |c| {
        matches!(c.info().signature_algorithm, SignatureAlgorithm::Other(_))
    });
    match other {
        Some(index) => format!(
            "signature algorithm: {} is signed with {}, which path validation does not accept",
            named.who(index),
            named.0.get(index).map_or_else(String::new, |c| c.info().signature_algorithm.to_string())
        ),
        None => "signature algorithm: a certificate on the path is signed with an algorithm that does not fit its issuer's key as path validation requires".to_owned(),
    }
}

/// What is wrong with an encoding, for errors about DER.
fn encoding(error: &Error) -> &'static str {
    match error {
        Error::BadDerTime => "a time is not valid DER",
        Error::MalformedExtensions => "its extensions are malformed",
        Error::ExtensionValueInvalid => "an extension's value is invalid",
        Error::TrailingData(_) => "data follows a DER value",
        Error::MalformedNameConstraint => "a name constraint is malformed",
        Error::MalformedDnsIdentifier => "a DNS name is malformed",
        Error::InvalidNetworkMaskConstraint => "an IP address constraint has an invalid mask",
        Error::InvalidSerialNumber => {
            "the serial number is not a positive integer of at most 20 bytes"
        }
        Error::UnsupportedCertVersion => "it is not an X.509 v3 certificate",
        Error::InvalidCertValidity => "its notBefore is after its notAfter",
        _ => "it is not valid DER",
    }
}

/// Why a path of more intermediates than [`MAX_INTERMEDIATES`] fails.
pub(super) fn too_long() -> String {
    format!(
        "path length: the path is longer than path validation allows ({MAX_INTERMEDIATES} intermediates)"
    )
}
