//! The `DomainToAscii` seam: a spec's internationalized `hosts` go through the
//! conversion passed in, and only they do; what it returns is checked like
//! any name. Runs without default features (a page's build has no idna crate).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::cell::RefCell;

use csrcraft::{DomainToAscii, Error, Host, Spec};

/// Converts by a table, and notes every name it is asked about.
struct Table {
    names: &'static [(&'static str, &'static str)],
    asked: RefCell<Vec<String>>,
}

impl Table {
    fn new(names: &'static [(&'static str, &'static str)]) -> Self {
        Self {
            names,
            asked: RefCell::new(Vec::new()),
        }
    }
}

impl DomainToAscii for Table {
    fn to_ascii(&self, domain: &str) -> Option<String> {
        self.asked.borrow_mut().push(domain.to_owned());
        let (_, ascii) = self.names.iter().find(|(name, _)| *name == domain)?;
        Some((*ascii).to_owned())
    }
}

const BUECHER: &[(&str, &str)] = &[("bücher.example", "xn--bcher-kva.example")];

#[track_caller]
fn hosts(domains: &dyn DomainToAscii, hosts: &str) -> (Vec<Host>, Vec<String>) {
    let json = format!(r#"{{"CN": "x", "hosts": {hosts}}}"#);
    let parsed = Spec::from_json_with(&json, domains).unwrap_or_else(|e| panic!("{json}: {e}"));
    let warnings = parsed.warnings.iter().map(ToString::to_string).collect();
    (parsed.value.hosts, warnings)
}

#[track_caller]
fn refused(domains: &dyn DomainToAscii, hosts: &str) -> String {
    let json = format!(r#"{{"CN": "x", "hosts": {hosts}}}"#);
    match Spec::from_json_with(&json, domains) {
        Err(error @ Error::SpecField { .. }) => error.to_string(),
        other => panic!("{json}: expected a field error, got {other:?}"),
    }
}

#[test]
fn only_non_ascii_names_are_converted() {
    let table = Table::new(BUECHER);
    let (got, warnings) = hosts(
        &table,
        r#"["web.example", "*.example", "10.0.0.1", "a@example.com", "spiffe://x/y",
            "bücher.example", "*.bücher.example", "info@bücher.example"]"#,
    );
    assert_eq!(
        *table.asked.borrow(),
        ["bücher.example", "bücher.example", "bücher.example"]
    );
    assert_eq!(
        got[5..],
        [
            Host::Dns("xn--bcher-kva.example".into()),
            Host::Dns("*.xn--bcher-kva.example".into()),
            Host::Email("info@xn--bcher-kva.example".into()),
        ]
    );
    assert_eq!(
        warnings,
        [
            "hosts[5]: internationalized name requested as xn--bcher-kva.example (punycode)",
            "hosts[6]: internationalized name requested as *.xn--bcher-kva.example (punycode)",
            "hosts[7]: internationalized domain requested as info@xn--bcher-kva.example",
        ]
    );
}

#[test]
fn a_name_that_cannot_be_converted_names_its_entry() {
    let table = Table::new(BUECHER);
    assert_eq!(
        refused(&table, r#"["web.example", "bü.example"]"#),
        r#"hosts[1]: "bü.example" is not a valid DNS name: the internationalized name cannot be converted to punycode (IDNA 2008)"#
    );
    assert_eq!(
        refused(&table, r#"["info@bü.example"]"#),
        r#"hosts[0]: "info@bü.example" is not a valid DNS name: the internationalized name cannot be converted to punycode (IDNA 2008)"#
    );
}

#[test]
fn what_the_conversion_returns_is_checked_like_any_name() {
    let table = Table::new(&[
        ("ä.example", "a/b.example"),
        ("ö.example", "-x.example"),
        ("ü.example", "1.2.3.4"),
        ("ß.example", "a..example"),
    ]);
    for (host, problem) in [
        (
            "ä.example",
            r#"'/' is not allowed; use letters, digits, '-' and '.'"#,
        ),
        ("ö.example", "a label starts or ends with '-'"),
        ("ß.example", "it has an empty label (two dots in a row?)"),
    ] {
        assert_eq!(
            refused(&table, &format!(r#"["{host}"]"#)),
            format!(r#"hosts[0]: "{host}" is not a valid DNS name: {problem}"#)
        );
    }
    assert!(
        refused(&table, r#"["ü.example"]"#)
            .starts_with(r#"hosts[0]: "ü.example" is neither a valid IP address nor a DNS name"#)
    );
}

/// The idna crate, as the CLI uses it: the same names, punycode and warnings
/// the wasm API gives with a platform's URL parser (tests/wasm-api/helpers.mjs,
/// `IDN`).
#[cfg(feature = "idna")]
#[test]
fn the_idna_crate_maps_as_uts46_does() {
    let (got, warnings) = hosts(
        &csrcraft::Idna,
        r#"["bücher.example", "*.bücher.example", "info@bücher.example", "ＡＢＣ.example",
            "Bücher。Example", "_acme.bücher.example"]"#,
    );
    assert_eq!(
        got,
        [
            Host::Dns("xn--bcher-kva.example".into()),
            Host::Dns("*.xn--bcher-kva.example".into()),
            Host::Email("info@xn--bcher-kva.example".into()),
            Host::Dns("abc.example".into()),
            Host::Dns("_acme.xn--bcher-kva.example".into()),
        ]
    );
    assert_eq!(
        warnings[3..5],
        [
            "hosts[3]: internationalized name requested as abc.example (punycode)",
            "hosts[4]: internationalized name requested as xn--bcher-kva.example (punycode)",
        ]
    );
    assert_eq!(
        warnings[5],
        "hosts[4]: xn--bcher-kva.example is listed twice; requested once"
    );
    for host in ["bü\u{fffd}.example", "info@bü\u{fffd}.example"] {
        assert_eq!(
            refused(&csrcraft::Idna, &format!(r#"["a.example", "{host}"]"#)),
            format!(
                r#"hosts[1]: "{host}" is not a valid DNS name: the internationalized name cannot be converted to punycode (IDNA 2008)"#
            )
        );
    }
    for host in ["bü/cher.example", "a\u{ff0f}bü.example", "bü%41.example"] {
        let error = refused(&csrcraft::Idna, &format!(r#"["{host}"]"#));
        assert!(
            error.starts_with(&format!(r#"hosts[0]: "{host}" is not a valid DNS name: "#)),
            "{error}"
        );
    }
}
