//! Which name breaks which CA's name constraints, for the chain check's
//! message when path validation refuses a chain for them. A plain matcher
//! for the wording only: the verdict is rustls-webpki's.

use std::net::IpAddr;

use crate::x509::{GeneralSubtree, NameConstraints};
use crate::{Certificate, DistinguishedName, Host};

/// A name on the path that a CA's name constraints do not allow.
pub(super) struct Violation {
    /// The name, as openssl shows it (`DNS:evil.example`).
    pub name: String,
    /// The index on the path of the certificate that holds the name.
    pub holder: usize,
    /// The index on the path of the constraining CA.
    pub ca: usize,
    /// The constraint broken.
    pub rule: Rule,
}

/// How a name breaks a CA's constraints.
pub(super) enum Rule {
    /// It is within this subtree of `excludedSubtrees`.
    Excluded(String),
    /// `permittedSubtrees` has these subtrees of its kind, and it is in none.
    NotPermitted(Vec<String>),
}

/// The first name on `path` (leaf first, the trusted CA last) that the name
/// constraints of a CA above it do not allow.
pub(super) fn find_violation(path: &[&Certificate]) -> Option<Violation> {
    path.iter().enumerate().skip(1).find_map(|(ca, issuer)| {
        let constraints = issuer.info().name_constraints.as_ref()?;
        path.get(..ca)?
            .iter()
            .enumerate()
            .find_map(|(holder, certificate)| {
                names(certificate)
                    .into_iter()
                    .find_map(|name| check(&name, constraints))
                    .map(|(name, rule)| Violation {
                        name,
                        holder,
                        ca,
                        rule,
                    })
            })
    })
}

/// A name a certificate holds, as name constraints see it.
enum Name<'c> {
    Host(&'c Host),
    Directory(&'c DistinguishedName),
}

fn names(certificate: &Certificate) -> Vec<Name<'_>> {
    let info = certificate.info();
    let mut names: Vec<Name<'_>> = info.subject_alt_names.iter().map(Name::Host).collect();
    if !info.subject.is_empty() {
        names.push(Name::Directory(&info.subject));
    }
    names
}

/// `name` shown, and the rule it breaks, if it breaks one.
fn check(name: &Name<'_>, constraints: &NameConstraints) -> Option<(String, Rule)> {
    let of_kind = |subtrees: &[GeneralSubtree]| -> Vec<GeneralSubtree> {
        subtrees
            .iter()
            .filter(|s| same_kind(name, s))
            .cloned()
            .collect()
    };
    if let Some(subtree) = of_kind(&constraints.excluded)
        .into_iter()
        .find(|s| within(name, s))
    {
        return Some((shown(name), Rule::Excluded(subtree.to_string())));
    }
    let permitted = of_kind(&constraints.permitted);
    (!permitted.is_empty() && !permitted.iter().any(|s| within(name, s))).then(|| {
        (
            shown(name),
            Rule::NotPermitted(permitted.iter().map(ToString::to_string).collect()),
        )
    })
}

fn shown(name: &Name<'_>) -> String {
    match name {
        Name::Host(Host::Dns(dns)) => format!("DNS:{dns}"),
        Name::Host(Host::Ip(ip)) => format!("IP:{ip}"),
        Name::Host(Host::Email(email)) => format!("email:{email}"),
        Name::Host(Host::Uri(uri)) => format!("URI:{uri}"),
        Name::Directory(dn) => format!("DirName:{dn}"),
    }
}

fn same_kind(name: &Name<'_>, subtree: &GeneralSubtree) -> bool {
    matches!(
        (name, subtree),
        (Name::Host(Host::Dns(_)), GeneralSubtree::Dns(_))
            | (Name::Host(Host::Ip(_)), GeneralSubtree::Ip { .. })
            | (Name::Host(Host::Email(_)), GeneralSubtree::Email(_))
            | (Name::Host(Host::Uri(_)), GeneralSubtree::Uri(_))
            | (Name::Directory(_), GeneralSubtree::Directory(_))
    )
}

/// Whether `name` is within `subtree` (RFC 5280 §4.2.1.10).
fn within(name: &Name<'_>, subtree: &GeneralSubtree) -> bool {
    match (name, subtree) {
        (Name::Host(Host::Dns(dns)), GeneralSubtree::Dns(base)) => in_domain(dns, base),
        (Name::Host(Host::Ip(ip)), GeneralSubtree::Ip { address, mask }) => {
            in_network(*ip, address, mask)
        }
        (Name::Host(Host::Email(email)), GeneralSubtree::Email(base)) => in_mailbox(email, base),
        (Name::Host(Host::Uri(uri)), GeneralSubtree::Uri(base)) => {
            uri_host(uri).is_some_and(|host| in_host(host, base))
        }
        (Name::Directory(dn), GeneralSubtree::Directory(base)) => dn.rdns.starts_with(&base.rdns),
        _ => false,
    }
}

/// `example.com` holds itself and the names below it; `.example.com` only
/// the names below it; an empty base holds every name.
fn in_domain(name: &str, base: &str) -> bool {
    let (name, base) = (name.to_ascii_lowercase(), base.to_ascii_lowercase());
    if base.is_empty() {
        return true;
    }
    if base.starts_with('.') {
        return name.ends_with(&base);
    }
    name == base || name.ends_with(&format!(".{base}"))
}

/// A URI's host must be the base itself, or below it when the base starts
/// with a dot.
fn in_host(host: &str, base: &str) -> bool {
    if base.starts_with('.') {
        in_domain(host, base)
    } else {
        host.eq_ignore_ascii_case(base)
    }
}

/// A mailbox base (`a@example.com`) holds itself; a host (`example.com`) the
/// mailboxes at it; a domain (`.example.com`) the mailboxes below it.
fn in_mailbox(email: &str, base: &str) -> bool {
    if base.contains('@') {
        return email.eq_ignore_ascii_case(base);
    }
    email
        .rsplit_once('@')
        .is_some_and(|(_, host)| in_host(host, base))
}

fn in_network(ip: IpAddr, address: &[u8], mask: &[u8]) -> bool {
    let octets = match ip {
        IpAddr::V4(v4) => v4.octets().to_vec(),
        IpAddr::V6(v6) => v6.octets().to_vec(),
    };
    octets.len() == address.len()
        && address.len() == mask.len()
        && octets
            .iter()
            .zip(address)
            .zip(mask)
            .all(|((o, a), m)| o & m == a & m)
}

/// The host of `scheme://[userinfo@]host[:port]/...`, without brackets.
fn uri_host(uri: &str) -> Option<&str> {
    let rest = uri.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    if let Some(v6) = host_port.strip_prefix('[') {
        return v6.split_once(']').map(|(host, _)| host);
    }
    Some(host_port.split(':').next().unwrap_or(host_port))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn domains_hold_themselves_and_below_unless_dotted() {
        assert!(in_domain("example.com", "example.com"));
        assert!(in_domain("a.Example.com", "example.COM"));
        assert!(!in_domain("badexample.com", "example.com"));
        assert!(!in_domain("example.com", ".example.com"));
        assert!(in_domain("a.example.com", ".example.com"));
        assert!(in_domain("anything", ""));
    }

    #[test]
    fn mailboxes_hosts_and_domains() {
        assert!(in_mailbox("a@example.com", "a@example.com"));
        assert!(!in_mailbox("b@example.com", "a@example.com"));
        assert!(in_mailbox("b@example.com", "example.com"));
        assert!(!in_mailbox("b@sub.example.com", "example.com"));
        assert!(in_mailbox("b@sub.example.com", ".example.com"));
    }

    #[test]
    fn networks_compare_under_the_mask_and_family() {
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        assert!(in_network(ip("10.1.2.3"), &[10, 0, 0, 0], &[255, 0, 0, 0]));
        assert!(!in_network(ip("11.1.2.3"), &[10, 0, 0, 0], &[255, 0, 0, 0]));
        assert!(!in_network(ip("::1"), &[10, 0, 0, 0], &[255, 0, 0, 0]));
    }

    #[test]
    fn uri_hosts() {
        assert_eq!(
            uri_host("https://user@host.example:8443/p?q"),
            Some("host.example")
        );
        assert_eq!(
            uri_host("spiffe://cluster.local/ns/a"),
            Some("cluster.local")
        );
        assert_eq!(uri_host("https://[::1]:443/"), Some("::1"));
        assert_eq!(uri_host("urn:example"), None);
        assert!(in_host("a.example.com", ".example.com"));
        assert!(!in_host("a.example.com", "example.com"));
    }
}
