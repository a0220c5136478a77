//! Matching a host name or IP address against a certificate's subjectAltNames
//! as a TLS client does: RFC 6125 §6.4 as Go's `crypto/x509`
//! `Certificate.VerifyHostname` implements it.
//!
//! - An IP address (IPv6 with or without brackets) matches IP SANs only, never
//!   a DNS SAN that spells it; IPv4-mapped IPv6 equals its IPv4 address.
//! - A name matches DNS SANs only, ASCII case-insensitively, a trailing dot
//!   ignored. The subject's CN is never used (Go ignores it since 1.15, browsers
//!   long before).
//! - A wildcard is only a whole leftmost label `*` followed by at least one
//!   label, and stands for exactly one label: `*.example.com` matches
//!   `a.example.com`, not `a.b.example.com` nor `example.com`. `f*.example.com`
//!   is no wildcard and matches only itself.
//! - A wildcard needs two labels after it, as rustls-webpki and browsers
//!   require: `*.com` spans a whole top-level domain and
//!   matches nothing.

use std::net::IpAddr;

use crate::{CertificateInfo, DomainToAscii, Host};

/// The host a TLS client would connect to, read from what the user typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    /// An IP address, canonical (IPv4-mapped IPv6 as IPv4).
    Ip(IpAddr),
    /// A DNS name in lower-case ASCII without a trailing dot (internationalized
    /// names turned into punycode).
    Dns(String),
}

impl Target {
    /// Reads `host`, turning an internationalized name into ASCII with
    /// `domains`; `Err` says why it cannot be a host name.
    pub(crate) fn parse(host: &str, domains: &dyn DomainToAscii) -> Result<Self, String> {
        let trimmed = host.trim();
        let unbracketed = trimmed
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .unwrap_or(trimmed);
        if let Ok(ip) = unbracketed.parse::<IpAddr>() {
            return Ok(Self::Ip(ip.to_canonical()));
        }
        let name = trimmed.strip_suffix('.').unwrap_or(trimmed);
        if name.is_empty() {
            return Err("the host name is empty".to_owned());
        }
        let ascii = if name.is_ascii() {
            name.to_ascii_lowercase()
        } else {
            domains.to_ascii(name).ok_or_else(|| {
                format!(
                    "{} is not a valid internationalized host name",
                    crate::quoted(host)
                )
            })?
        };
        Ok(Self::Dns(ascii))
    }
}

/// The outcome of matching a target against the certificate's names.
pub(crate) enum HostMatch {
    /// It matches this SAN (shown as `DNS:...` or `IP Address:...`).
    Matched(String),
    /// Nothing matches.
    NoMatch,
}

/// Matches `target` against the certificate's `sans`.
pub(crate) fn match_host(target: &Target, sans: &[Host]) -> HostMatch {
    for san in sans {
        let matched = match (target, san) {
            (Target::Ip(ip), Host::Ip(san_ip)) => *ip == san_ip.to_canonical(),
            (Target::Dns(name), Host::Dns(pattern)) => dns_matches(pattern, name),
            _ => false,
        };
        if matched {
            return HostMatch::Matched(san_text(san));
        }
    }
    HostMatch::NoMatch
}

/// A SAN as openssl shows it: `DNS:a.example`, `IP Address:10.0.0.1`,
/// `email:a@b`, `URI:spiffe://...`.
pub(crate) fn san_text(san: &Host) -> String {
    match san {
        Host::Dns(name) => format!("DNS:{name}"),
        Host::Ip(ip) => format!("IP Address:{ip}"),
        Host::Email(email) => format!("email:{email}"),
        Host::Uri(uri) => format!("URI:{uri}"),
    }
}

/// Why `host` (read as `target`) matched none of the certificate's names,
/// with a hint when a near miss explains it.
pub(crate) fn explain_miss(host: &str, target: &Target, info: &CertificateInfo) -> String {
    let names: Vec<String> = info
        .subject_alt_names
        .iter()
        .filter(|san| matches!(san, Host::Dns(_) | Host::Ip(_)))
        .map(san_text)
        .collect();
    let cn = info.subject.common_name();
    if names.is_empty() {
        let cn_hint = cn.map_or_else(String::new, |cn| {
            format!(
                "; TLS clients ignore the CN {}, so the name must be a SAN",
                crate::quoted(cn)
            )
        });
        return format!(
            "{}: the certificate has no DNS or IP subjectAltName{cn_hint}",
            crate::quoted(host)
        );
    }
    let mut message = format!(
        "{} matches none of {}",
        crate::quoted(host),
        names.join(", ")
    );
    match target {
        Target::Ip(ip) => {
            let spelled = ip.to_string();
            if info
                .subject_alt_names
                .iter()
                .any(|san| matches!(san, Host::Dns(name) if name.eq_ignore_ascii_case(&spelled)))
            {
                message.push_str(&format!(
                    " (DNS:{spelled} is a DNS name; TLS clients match an IP address against IP SANs only)"
                ));
            }
        }
        Target::Dns(name) => {
            for san in &info.subject_alt_names {
                let Host::Dns(pattern) = san else { continue };
                let Some(parent) = pattern.strip_prefix("*.") else {
                    continue;
                };
                let parent = parent.trim_end_matches('.').to_ascii_lowercase();
                if !parent.contains('.') {
                    message.push_str(&format!(
                        " ({pattern} spans a whole top-level domain; TLS clients refuse such a wildcard)"
                    ));
                } else if *name == parent {
                    message.push_str(&format!(" ({pattern} does not cover {parent} itself)"));
                } else if name.ends_with(&format!(".{parent}")) {
                    message.push_str(&format!(" ({pattern} covers exactly one label)"));
                }
            }
            if cn.is_some_and(|cn| cn.eq_ignore_ascii_case(name)) {
                message.push_str(
                    " (the CN matches, but TLS clients ignore the CN; request the name as a SAN)",
                );
            }
        }
    }
    message
}

/// Whether the DNS SAN `pattern` matches `name` (lower-case, no trailing dot).
fn dns_matches(pattern: &str, name: &str) -> bool {
    let pattern = pattern.strip_suffix('.').unwrap_or(pattern);
    if pattern.is_empty() {
        return false;
    }
    let pattern_labels: Vec<&str> = pattern.split('.').collect();
    let name_labels: Vec<&str> = name.split('.').collect();
    if pattern_labels.len() != name_labels.len() {
        return false;
    }
    if pattern_labels[0] == "*" && pattern_labels.len() < 3 {
        return false;
    }
    let wildcard = pattern_labels[0] == "*";
    pattern_labels
        .iter()
        .zip(&name_labels)
        .enumerate()
        .all(|(i, (p, n))| {
            if i == 0 && wildcard {
                !n.is_empty()
            } else {
                !p.is_empty() && p.eq_ignore_ascii_case(n)
            }
        })
}

#[cfg(test)]
#[allow(clippy::panic)]
mod tests {
    use super::*;

    /// Converts the one internationalized label these tests use ("bücher."
    /// under `.example`), as UTS #46 does, and refuses everything else: an
    /// ASCII name that reached it would fail to parse.
    struct OneName;

    impl DomainToAscii for OneName {
        fn to_ascii(&self, domain: &str) -> Option<String> {
            let rest = domain.strip_prefix("bücher.")?;
            rest.ends_with("example")
                .then(|| format!("xn--bcher-kva.{rest}"))
        }
    }

    #[track_caller]
    fn check(host: &str, sans: &[Host], expect: Option<&str>) {
        let target = Target::parse(host, &OneName).unwrap_or_else(|e| panic!("{e}"));
        let got = match match_host(&target, sans) {
            HostMatch::Matched(san) => Some(san),
            HostMatch::NoMatch => None,
        };
        assert_eq!(got.as_deref(), expect, "{host} against {sans:?}");
    }

    fn dns(name: &str) -> Host {
        Host::Dns(name.to_owned())
    }

    fn ip(text: &str) -> Host {
        Host::Ip(text.parse().unwrap_or_else(|e| panic!("{e}")))
    }

    #[test]
    fn exact_names_case_insensitive() {
        check(
            "web.example.com",
            &[dns("web.example.com")],
            Some("DNS:web.example.com"),
        );
        check(
            "WEB.Example.COM",
            &[dns("web.example.com")],
            Some("DNS:web.example.com"),
        );
        check(
            "web.example.com.",
            &[dns("Web.Example.com")],
            Some("DNS:Web.Example.com"),
        );
        check(
            "web.example.com",
            &[dns("web.example.com.")],
            Some("DNS:web.example.com."),
        );
        check("web.example.org", &[dns("web.example.com")], None);
    }

    #[test]
    fn wildcards_cover_exactly_one_leftmost_label() {
        let sans = [dns("*.example.com")];
        check("a.example.com", &sans, Some("DNS:*.example.com"));
        check("a.b.example.com", &sans, None);
        check("example.com", &sans, None);
        check(".example.com", &sans, None);
        check("a.example.com", &[dns("a.*.com")], None);
        check("foo.example.com", &[dns("f*.example.com")], None);
        check(
            "f*.example.com",
            &[dns("f*.example.com")],
            Some("DNS:f*.example.com"),
        );
        check("a", &[dns("*")], None);
        check("example.com", &[dns("*.com")], None);
    }

    #[test]
    fn ip_hosts_match_ip_sans_only() {
        check("10.0.0.1", &[dns("10.0.0.1")], None);
        check("10.0.0.1", &[ip("10.0.0.1")], Some("IP Address:10.0.0.1"));
        check("10.0.0.2", &[ip("10.0.0.1")], None);
        check(
            "::ffff:10.0.0.1",
            &[ip("10.0.0.1")],
            Some("IP Address:10.0.0.1"),
        );
        check(
            "[2001:DB8::1]",
            &[ip("2001:db8:0:0::1")],
            Some("IP Address:2001:db8::1"),
        );
        check(
            "2001:db8::1",
            &[dns("*.example.com"), ip("2001:db8::1")],
            Some("IP Address:2001:db8::1"),
        );
        check("web.example.com", &[ip("10.0.0.1")], None);
    }

    #[test]
    fn other_kinds_never_match() {
        check(
            "a@example.com",
            &[Host::Email("a@example.com".to_owned())],
            None,
        );
    }

    #[test]
    fn internationalized_names_become_punycode() {
        check(
            "bücher.example",
            &[dns("xn--bcher-kva.example")],
            Some("DNS:xn--bcher-kva.example"),
        );
        check(
            " bücher.corp.example. ",
            &[dns("*.corp.example"), dns("xn--bcher-kva.corp.example")],
            Some("DNS:*.corp.example"),
        );
        assert_eq!(
            Target::parse("bücher.test", &OneName),
            Err(r#""bücher.test" is not a valid internationalized host name"#.to_owned())
        );
    }

    #[cfg(feature = "idna")]
    #[test]
    fn the_idna_crate_maps_as_uts46_does() {
        for (host, ascii) in [
            ("bücher.example", "xn--bcher-kva.example"),
            ("BÜCHER.Example", "xn--bcher-kva.example"),
            ("ＡＢＣ.example", "abc.example"),
            ("bücher。example", "xn--bcher-kva.example"),
        ] {
            assert_eq!(
                Target::parse(host, &crate::Idna),
                Ok(Target::Dns(ascii.to_owned())),
                "{host}"
            );
        }
    }
}
