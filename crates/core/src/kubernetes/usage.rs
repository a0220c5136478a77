//! `spec.usages` of a `certificates.k8s.io/v1` CertificateSigningRequest.

use std::fmt;
use std::str::FromStr;

/// One key usage as the Kubernetes API spells it (`KeyUsage` in
/// k8s.io/api/certificates/v1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyUsage {
    /// `signing`
    Signing,
    /// `digital signature`
    DigitalSignature,
    /// `content commitment`
    ContentCommitment,
    /// `key encipherment`
    KeyEncipherment,
    /// `key agreement`
    KeyAgreement,
    /// `data encipherment`
    DataEncipherment,
    /// `cert sign`
    CertSign,
    /// `crl sign`
    CrlSign,
    /// `encipher only`
    EncipherOnly,
    /// `decipher only`
    DecipherOnly,
    /// `any`
    Any,
    /// `server auth`
    ServerAuth,
    /// `client auth`
    ClientAuth,
    /// `code signing`
    CodeSigning,
    /// `email protection`
    EmailProtection,
    /// `s/mime`
    SMime,
    /// `ipsec end system`
    IpsecEndSystem,
    /// `ipsec tunnel`
    IpsecTunnel,
    /// `ipsec user`
    IpsecUser,
    /// `timestamping`
    Timestamping,
    /// `ocsp signing`
    OcspSigning,
    /// `microsoft sgc`
    MicrosoftSgc,
    /// `netscape sgc`
    NetscapeSgc,
}

impl KeyUsage {
    /// The detail of the API server's `Unsupported value` error for a usage:
    /// every usage, quoted, in byte order (Go's sorted set), written out so
    /// the wasm carries no sort.
    pub const SUPPORTED_VALUES: &'static str = "supported values: \"any\", \"cert sign\", \"client auth\", \"code signing\", \"content commitment\", \"crl sign\", \"data encipherment\", \"decipher only\", \"digital signature\", \"email protection\", \"encipher only\", \"ipsec end system\", \"ipsec tunnel\", \"ipsec user\", \"key agreement\", \"key encipherment\", \"microsoft sgc\", \"netscape sgc\", \"ocsp signing\", \"s/mime\", \"server auth\", \"signing\", \"timestamping\"";

    /// Every usage the API accepts, in the API's order.
    pub const ALL: [KeyUsage; 23] = [
        KeyUsage::Signing,
        KeyUsage::DigitalSignature,
        KeyUsage::ContentCommitment,
        KeyUsage::KeyEncipherment,
        KeyUsage::KeyAgreement,
        KeyUsage::DataEncipherment,
        KeyUsage::CertSign,
        KeyUsage::CrlSign,
        KeyUsage::EncipherOnly,
        KeyUsage::DecipherOnly,
        KeyUsage::Any,
        KeyUsage::ServerAuth,
        KeyUsage::ClientAuth,
        KeyUsage::CodeSigning,
        KeyUsage::EmailProtection,
        KeyUsage::SMime,
        KeyUsage::IpsecEndSystem,
        KeyUsage::IpsecTunnel,
        KeyUsage::IpsecUser,
        KeyUsage::Timestamping,
        KeyUsage::OcspSigning,
        KeyUsage::MicrosoftSgc,
        KeyUsage::NetscapeSgc,
    ];

    /// The API's spelling, e.g. `digital signature`.
    pub fn as_str(self) -> &'static str {
        match self {
            KeyUsage::Signing => "signing",
            KeyUsage::DigitalSignature => "digital signature",
            KeyUsage::ContentCommitment => "content commitment",
            KeyUsage::KeyEncipherment => "key encipherment",
            KeyUsage::KeyAgreement => "key agreement",
            KeyUsage::DataEncipherment => "data encipherment",
            KeyUsage::CertSign => "cert sign",
            KeyUsage::CrlSign => "crl sign",
            KeyUsage::EncipherOnly => "encipher only",
            KeyUsage::DecipherOnly => "decipher only",
            KeyUsage::Any => "any",
            KeyUsage::ServerAuth => "server auth",
            KeyUsage::ClientAuth => "client auth",
            KeyUsage::CodeSigning => "code signing",
            KeyUsage::EmailProtection => "email protection",
            KeyUsage::SMime => "s/mime",
            KeyUsage::IpsecEndSystem => "ipsec end system",
            KeyUsage::IpsecTunnel => "ipsec tunnel",
            KeyUsage::IpsecUser => "ipsec user",
            KeyUsage::Timestamping => "timestamping",
            KeyUsage::OcspSigning => "ocsp signing",
            KeyUsage::MicrosoftSgc => "microsoft sgc",
            KeyUsage::NetscapeSgc => "netscape sgc",
        }
    }
}

impl fmt::Display for KeyUsage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An unknown usage string; it displays as the API server's error body
/// (`Unsupported value: "x": supported values: ...`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownUsage(pub String);

impl fmt::Display for UnknownUsage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Unsupported value: {}: {}",
            crate::quoted(&self.0),
            KeyUsage::SUPPORTED_VALUES
        )
    }
}

impl FromStr for KeyUsage {
    type Err = UnknownUsage;

    /// Exact API spelling only (the API server compares exactly).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        KeyUsage::ALL
            .into_iter()
            .find(|usage| usage.as_str() == text)
            .ok_or_else(|| UnknownUsage(text.to_owned()))
    }
}

/// Splits a comma-separated list as given on a command line
/// (`"digital signature, server auth"`), trimming each entry; empty entries
/// are dropped. Entries are not checked here: lint reports bad ones.
pub fn split_usages(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::KeyUsage;

    #[test]
    fn supported_values_are_every_usage_sorted_and_quoted() {
        let mut usages = KeyUsage::ALL.map(KeyUsage::as_str);
        usages.sort_unstable();
        let quoted: Vec<String> = usages.iter().map(|u| format!("\"{u}\"")).collect();
        assert_eq!(
            KeyUsage::SUPPORTED_VALUES,
            format!("supported values: {}", quoted.join(", "))
        );
    }
}
