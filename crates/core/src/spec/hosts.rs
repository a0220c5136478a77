//! cfssl's `hosts`: each entry becomes one subjectAltName, classified the way
//! cfssl does it (IP, then email, then URI, else DNS), but checked on the way.

use std::net::IpAddr;

use crate::{DomainToAscii, Error, Result, Warning};

/// One subjectAltName requested by the spec.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Host {
    /// A DNS name in ASCII (internationalized names are already punycode); may
    /// start with a `*.` wildcard label.
    Dns(String),
    /// An IP address; IPv4-mapped IPv6 addresses are stored as IPv4, as Go does.
    Ip(IpAddr),
    /// An email address (`rfc822Name`), ASCII.
    Email(String),
    /// An absolute URI, ASCII, e.g. `spiffe://cluster.local/ns/default/sa/web`.
    Uri(String),
}

impl Host {
    /// The text that names this host in a certificate view (`example.com`, `10.0.0.1`).
    pub fn value(&self) -> String {
        match self {
            Host::Dns(name) | Host::Email(name) | Host::Uri(name) => name.clone(),
            Host::Ip(ip) => ip.to_string(),
        }
    }

    /// Bytes equal exactly when the hosts are: the kind, then the value
    /// (an IP address's text is one to one with the address).
    pub(super) fn key(&self) -> Vec<u8> {
        let kind = match self {
            Host::Dns(_) => b'd',
            Host::Ip(_) => b'i',
            Host::Email(_) => b'e',
            Host::Uri(_) => b'u',
        };
        let mut key = vec![kind];
        key.extend_from_slice(self.value().as_bytes());
        key
    }
}

/// Classifies one `hosts` entry found at `field`; `domains` turns
/// internationalized names into ASCII.
pub(super) fn parse_host(
    field: &str,
    raw: &str,
    domains: &dyn DomainToAscii,
    warnings: &mut Vec<Warning>,
) -> Result<Host> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(Error::field(field, "empty host; remove the entry"));
    }
    if text != raw {
        warnings.push(Warning::new(
            field,
            format!("surrounding whitespace removed from {}", crate::quoted(raw)),
        ));
    }
    if let Some(c) = text.chars().find(|c| c.is_control() || c.is_whitespace()) {
        return Err(Error::field(
            field,
            format!(
                "{} contains {}; a host has no spaces or control characters",
                crate::quoted(text),
                describe_char(c)
            ),
        ));
    }
    if let Ok(ip) = text.parse::<IpAddr>() {
        return Ok(Host::Ip(canonical_ip(ip)));
    }
    if text.contains('@') && !has_scheme(text) {
        return parse_email(field, text, domains, warnings).map(Host::Email);
    }
    if has_scheme(text) || text.starts_with('/') {
        return parse_uri(field, text, warnings).map(Host::Uri);
    }
    parse_dns(field, text, domains, warnings).map(Host::Dns)
}

/// Go writes IPv4-mapped IPv6 addresses (`::ffff:10.0.0.1`) as 4-byte IPv4 SANs.
fn canonical_ip(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        IpAddr::V4(_) => ip,
    }
}

/// True when `text` starts like `scheme:` (RFC 3986), which Go's
/// `url.ParseRequestURI` accepts as an absolute URI.
fn has_scheme(text: &str) -> bool {
    let Some((scheme, _)) = text.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

fn parse_uri(field: &str, text: &str, warnings: &mut Vec<Warning>) -> Result<String> {
    if text.starts_with('/') {
        return Err(Error::field(
            field,
            format!(
                "{} is a relative URI (cfssl would request it as one, and RFC 5280 forbids it); a URI SAN needs a scheme, e.g. \"spiffe://cluster.local{text}\"",
                crate::quoted(text)
            ),
        ));
    }
    if !text.is_ascii() {
        return Err(Error::field(
            field,
            format!(
                "URI {} has non-ASCII characters; percent-encode them (RFC 3986)",
                crate::quoted(text)
            ),
        ));
    }
    if let Some((host, port)) = text.split_once(':')
        && !port.is_empty()
        && port.bytes().all(|b| b.is_ascii_digit())
    {
        warnings.push(Warning::new(
            field,
            format!("{} looks like host:port; it is requested as a URI SAN (as cfssl does), which TLS clients never match; to name the server, write just {}", crate::quoted(text), crate::quoted(host)),
        ));
    }
    Ok(text.to_owned())
}

fn parse_email(
    field: &str,
    text: &str,
    domains: &dyn DomainToAscii,
    warnings: &mut Vec<Warning>,
) -> Result<String> {
    let Some((local, domain)) = text.rsplit_once('@') else {
        return Err(Error::field(
            field,
            format!("{} is not an email address", crate::quoted(text)),
        ));
    };
    if local.is_empty() || local.contains('@') {
        return Err(Error::field(
            field,
            format!(
                "{} is not an email address; write it as name@example.com",
                crate::quoted(text)
            ),
        ));
    }
    if !local.is_ascii() {
        return Err(Error::field(
            field,
            format!(
                "{} has a non-ASCII local part, which an rfc822Name SAN cannot hold; use an ASCII address",
                crate::quoted(text)
            ),
        ));
    }
    let ascii_domain = dns_to_ascii(field, domain, text, domains)?;
    if ascii_domain != domain {
        warnings.push(Warning::new(
            field,
            format!("internationalized domain requested as {local}@{ascii_domain}"),
        ));
    }
    Ok(format!("{local}@{ascii_domain}"))
}

fn parse_dns(
    field: &str,
    text: &str,
    domains: &dyn DomainToAscii,
    warnings: &mut Vec<Warning>,
) -> Result<String> {
    if text.ends_with('.') {
        return Err(Error::field(
            field,
            format!(
                "{} ends with a dot; certificates name hosts without it, write {}",
                crate::quoted(text),
                crate::quoted(text.trim_end_matches('.'))
            ),
        ));
    }
    if text.starts_with('[') {
        return Err(Error::field(
            field,
            format!(
                "{}: write an IPv6 address without brackets or port, e.g. \"::1\"",
                crate::quoted(text)
            ),
        ));
    }
    let (wildcard, rest) = match text.strip_prefix("*.") {
        Some(rest) => ("*.", rest),
        None => ("", text),
    };
    if rest.contains('*') {
        return Err(Error::field(
            field,
            format!(
                "{}: a wildcard must be the whole leftmost label, as in \"*.example.com\"",
                crate::quoted(text)
            ),
        ));
    }
    let ascii = dns_to_ascii(field, rest, text, domains)?;
    if looks_like_ip(&ascii) {
        return Err(Error::field(
            field,
            format!(
                "{} is neither a valid IP address nor a DNS name; an IPv4 address is four numbers 0-255 without leading zeros, e.g. \"10.0.0.1\"",
                crate::quoted(text)
            ),
        ));
    }
    if ascii != rest {
        warnings.push(Warning::new(
            field,
            format!("internationalized name requested as {wildcard}{ascii} (punycode)"),
        ));
    }
    Ok(format!("{wildcard}{ascii}"))
}

/// Converts a domain to its ASCII (punycode) form with `domains` when it is
/// not ASCII, then checks label syntax. `whole` is the entry as written, for
/// the message.
fn dns_to_ascii(
    field: &str,
    domain: &str,
    whole: &str,
    domains: &dyn DomainToAscii,
) -> Result<String> {
    let invalid = |why: &str| {
        Error::field(
            field,
            format!("{} is not a valid DNS name: {why}", crate::quoted(whole)),
        )
    };
    let ascii = if domain.is_ascii() {
        domain.to_owned()
    } else {
        domains.to_ascii(domain).ok_or_else(|| {
            invalid("the internationalized name cannot be converted to punycode (IDNA 2008)")
        })?
    };
    if ascii.is_empty() {
        return Err(invalid("it is empty"));
    }
    if ascii.len() > 253 {
        return Err(invalid("longer than 253 characters"));
    }
    for label in ascii.split('.') {
        if label.is_empty() {
            return Err(invalid("it has an empty label (two dots in a row?)"));
        }
        if label.len() > 63 {
            return Err(invalid("a label is longer than 63 characters"));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(invalid("a label starts or ends with '-'"));
        }
        if let Some(c) = label
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
        {
            return Err(invalid(&format!(
                "{} is not allowed; use letters, digits, '-' and '.'",
                describe_char(c)
            )));
        }
    }
    Ok(ascii)
}

/// All-numeric dotted names are mistyped IP addresses, never DNS names.
fn looks_like_ip(name: &str) -> bool {
    name.split('.')
        .all(|label| label.bytes().all(|b| b.is_ascii_digit()))
}

pub(crate) fn describe_char(c: char) -> String {
    if c.is_control() || c.is_whitespace() {
        format!("the character U+{:04X}", u32::from(c))
    } else {
        crate::quoted_char(c).to_string()
    }
}
