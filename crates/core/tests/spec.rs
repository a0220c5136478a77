//! Reading cfssl specs: what each accepted spec means, and what it warns about.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::net::IpAddr;

use csrcraft::{EcdsaCurve, Host, KeyAlgorithm, Spec};

#[track_caller]
fn parse(json: &str) -> (Spec, Vec<String>) {
    let parsed = Spec::from_json(json).unwrap_or_else(|e| panic!("{json}: {e}"));
    (
        parsed.value,
        parsed.warnings.iter().map(ToString::to_string).collect(),
    )
}

#[track_caller]
fn check_hosts(hosts: &[&str], expected: &[Host]) {
    let json = serde_json::json!({ "CN": "x", "hosts": hosts }).to_string();
    assert_eq!(parse(&json).0.hosts, expected);
}

fn dns(name: &str) -> Host {
    Host::Dns(name.to_owned())
}

fn ip(text: &str) -> Host {
    Host::Ip(text.parse::<IpAddr>().unwrap())
}

#[test]
fn the_tutorial_spec() {
    let (spec, warnings) = parse(
        r#"{"hosts": ["my-svc.my-namespace.svc.cluster.local", "my-pod.my-namespace.pod.cluster.local", "172.168.0.24", "10.0.34.2"],
            "CN": "my-pod.my-namespace.pod.cluster.local", "key": {"algo": "ecdsa", "size": 256},
            "names": [{"C": "CN", "ST": "Beijing", "L": "Beijing", "O": "example", "OU": "example"}]}"#,
    );
    assert_eq!(warnings, Vec::<String>::new());
    assert_eq!(spec.common_name, "my-pod.my-namespace.pod.cluster.local");
    assert_eq!(
        spec.hosts,
        [
            dns("my-svc.my-namespace.svc.cluster.local"),
            dns("my-pod.my-namespace.pod.cluster.local"),
            ip("172.168.0.24"),
            ip("10.0.34.2")
        ]
    );
    assert_eq!(spec.key_algorithm(), KeyAlgorithm::Ecdsa(EcdsaCurve::P256));
    assert_eq!(spec.names.len(), 1);
    assert_eq!(spec.names[0].organization, "example");
    assert_eq!(spec.names[0].country, "CN");
}

#[test]
fn keys_match_case_insensitively_like_go() {
    let (spec, warnings) = parse(
        r#"{"cn": "a", "HOSTS": ["a.example.com"], "Key": {"ALGO": "RSA", "Size": 3072}, "NAMES": [{"o": "dev"}], "SerialNumber": "42"}"#,
    );
    assert_eq!(warnings, Vec::<String>::new());
    assert_eq!(spec.common_name, "a");
    assert_eq!(spec.hosts, [dns("a.example.com")]);
    assert_eq!(spec.key, Some(KeyAlgorithm::Rsa { bits: 3072 }));
    assert_eq!(spec.names[0].organization, "dev");
    assert_eq!(spec.serial_number, "42");
}

#[test]
fn key_defaults() {
    let key = |json: &str| parse(json).0.key_algorithm();
    assert_eq!(key(r#"{"CN": "a"}"#), KeyAlgorithm::Ecdsa(EcdsaCurve::P256));
    assert_eq!(
        key(r#"{"CN": "a", "key": {}}"#),
        KeyAlgorithm::Ecdsa(EcdsaCurve::P256)
    );
    assert_eq!(
        key(r#"{"CN": "a", "key": {"size": 384}}"#),
        KeyAlgorithm::Ecdsa(EcdsaCurve::P384)
    );
    assert_eq!(
        key(r#"{"CN": "a", "key": {"algo": "ecdsa", "size": 521}}"#),
        KeyAlgorithm::Ecdsa(EcdsaCurve::P521)
    );
    // Unlike cfssl, a missing RSA size is not "too weak": it means 2048.
    assert_eq!(
        key(r#"{"CN": "a", "key": {"algo": "rsa"}}"#),
        KeyAlgorithm::Rsa { bits: 2048 }
    );
    assert_eq!(
        key(r#"{"CN": "a", "key": {"algo": "rsa", "size": 8192}}"#),
        KeyAlgorithm::Rsa { bits: 8192 }
    );
    assert_eq!(
        key(r#"{"CN": "a", "key": {"algo": "ed25519"}}"#),
        KeyAlgorithm::Ed25519
    );
    assert_eq!(
        key(r#"{"CN": "a", "key": null}"#),
        KeyAlgorithm::Ecdsa(EcdsaCurve::P256)
    );
}

#[test]
fn ed25519_with_a_size_warns() {
    let (spec, warnings) = parse(r#"{"CN": "a", "key": {"algo": "ed25519", "size": 4096}}"#);
    assert_eq!(spec.key, Some(KeyAlgorithm::Ed25519));
    assert_eq!(
        warnings,
        ["key.size: ignored: ed25519 keys have one size (256 bits), not 4096"]
    );
}

#[test]
fn hosts_are_classified_ip_then_email_then_uri_then_dns() {
    check_hosts(
        &["10.0.0.1", "2001:db8::1", "::1"],
        &[ip("10.0.0.1"), ip("2001:db8::1"), ip("::1")],
    );
    // Go writes IPv4-mapped IPv6 addresses as 4-byte IPv4 SANs.
    check_hosts(&["::ffff:10.0.0.1"], &[ip("10.0.0.1")]);
    check_hosts(
        &["ops@example.com"],
        &[Host::Email("ops@example.com".into())],
    );
    check_hosts(
        &[
            "spiffe://cluster.local/ns/default/sa/web",
            "https://example.com/x",
        ],
        &[
            Host::Uri("spiffe://cluster.local/ns/default/sa/web".into()),
            Host::Uri("https://example.com/x".into()),
        ],
    );
    check_hosts(
        &["*.apps.example.com", "a_b.example.com", "localhost"],
        &[
            dns("*.apps.example.com"),
            dns("a_b.example.com"),
            dns("localhost"),
        ],
    );
}

#[test]
fn internationalized_names_become_punycode_with_a_warning() {
    let (spec, warnings) = parse(
        r#"{"CN": "x", "hosts": ["bücher.example", "*.bücher.example", "info@bücher.example"]}"#,
    );
    assert_eq!(
        spec.hosts,
        [
            dns("xn--bcher-kva.example"),
            dns("*.xn--bcher-kva.example"),
            Host::Email("info@xn--bcher-kva.example".into())
        ]
    );
    assert_eq!(
        warnings,
        [
            "hosts[0]: internationalized name requested as xn--bcher-kva.example (punycode)",
            "hosts[1]: internationalized name requested as *.xn--bcher-kva.example (punycode)",
            "hosts[2]: internationalized domain requested as info@xn--bcher-kva.example",
        ]
    );
}

#[test]
fn host_port_becomes_a_uri_like_cfssl_but_warns() {
    let (spec, warnings) = parse(r#"{"CN": "x", "hosts": ["web.example.com:8443"]}"#);
    assert_eq!(spec.hosts, [Host::Uri("web.example.com:8443".into())]);
    assert_eq!(
        warnings,
        [
            r#"hosts[0]: "web.example.com:8443" looks like host:port; it is requested as a URI SAN (as cfssl does), which TLS clients never match; to name the server, write just "web.example.com""#
        ]
    );
}

#[test]
fn duplicates_and_whitespace_are_cleaned_with_warnings() {
    let (spec, warnings) = parse(
        r#"{"CN": "x", "hosts": [" a.example.com", "a.example.com", "10.0.0.1", "::ffff:10.0.0.1"]}"#,
    );
    assert_eq!(spec.hosts, [dns("a.example.com"), ip("10.0.0.1")]);
    assert_eq!(
        warnings,
        [
            r#"hosts[0]: surrounding whitespace removed from " a.example.com""#,
            "hosts[1]: a.example.com is listed twice; requested once",
            "hosts[3]: 10.0.0.1 is listed twice; requested once",
        ]
    );
}

#[test]
fn cn_missing_from_hosts_warns_for_serving_specs_only() {
    let (_, warnings) = parse(r#"{"CN": "web.example.com", "hosts": ["api.example.com"]}"#);
    assert_eq!(
        warnings,
        [
            r#"CN: "web.example.com" is not in hosts; TLS clients check only the SANs, so add it to hosts if clients connect by that name"#
        ]
    );
    // A client certificate (no hosts) and a CN that is no host name say nothing.
    assert!(parse(r#"{"CN": "web.example.com"}"#).1.is_empty());
    assert!(
        parse(r#"{"CN": "system:node:worker-1", "hosts": ["worker-1"]}"#)
            .1
            .is_empty()
    );
    // An internationalized CN matches its host in punycode, either way it is written.
    for hosts in [r#"["bücher.example"]"#, r#"["xn--bcher-kva.example"]"#] {
        let (_, warnings) = parse(&format!(r#"{{"CN": "Bücher.example", "hosts": {hosts}}}"#));
        assert!(
            warnings.iter().all(|w| !w.contains("is not in hosts")),
            "{warnings:?}"
        );
    }
    let (_, warnings) = parse(r#"{"CN": "bücher.example", "hosts": ["other.example"]}"#);
    assert_eq!(
        warnings,
        [
            r#"CN: "bücher.example" is not in hosts; TLS clients check only the SANs, so add it to hosts if clients connect by that name"#
        ]
    );
    assert!(
        parse(r#"{"CN": "WEB.example.com", "hosts": ["web.example.com"]}"#)
            .1
            .is_empty()
    );
}

#[test]
fn unknown_fields_warn_and_say_where_they_belong() {
    let (_, warnings) = parse(
        r#"{"CN": "a", "usages": ["server auth"], "expiry": "8760h", "profile": "www", "colour": "blue", "key": {"algo": "ecdsa", "curve": "P-256"}, "names": [{"O": "a", "street": "Main St"}]}"#,
    );
    assert_eq!(
        warnings,
        [
            "key.curve: ignored: not a cfssl CSR field (cfssl ignores it too)",
            "names[0].street: ignored: not a cfssl CSR field (cfssl ignores it too)",
            "colour: ignored: not a cfssl CSR field (cfssl ignores it too)",
            "expiry: ignored: the lifetime is not part of the CSR; set it in the signing profile (cfssl config) or in the Kubernetes CSR's spec.expirationSeconds",
            "profile: ignored: signing profiles are chosen when signing (cfssl sign -profile), not in the CSR",
            "usages: ignored: key usages are not part of the CSR; set them in the signing profile (cfssl config) or in the Kubernetes CSR's spec.usages",
        ]
    );
}

#[test]
fn two_organizations_are_two_groups_and_repeats_collapse() {
    let (spec, warnings) =
        parse(r#"{"CN": "alice", "names": [{"O": "dev"}, {"O": "ops"}, {"O": "dev"}]}"#);
    let groups: Vec<&str> = spec.names.iter().map(|n| n.organization.as_str()).collect();
    assert_eq!(groups, ["dev", "ops", ""]);
    assert_eq!(
        warnings,
        [r#"names[2].O: "dev" is already in an earlier entry; requested once"#]
    );
}

#[test]
fn json_syntax_errors_carry_line_and_column() {
    let error = Spec::from_json("{\n  \"CN\": \"a\"\n  \"hosts\": []\n}").unwrap_err();
    assert_eq!(
        error,
        csrcraft::Error::SpecSyntax {
            line: 3,
            column: 3,
            reason: r#"expected ',' or '}' after an object member, found '"'; is a ',' missing before it?"#
                .into()
        }
    );
}

#[test]
fn field_errors_are_structured() {
    let error =
        Spec::from_json(r#"{"CN": "a", "key": {"algo": "ecdsa", "size": 224}}"#).unwrap_err();
    assert_eq!(
        error,
        csrcraft::Error::SpecField {
            field: "key.size".into(),
            problem: "224 is not a valid ecdsa size; use 256, 384 or 521".into()
        }
    );
    assert_eq!(
        error.to_string(),
        "key.size: 224 is not a valid ecdsa size; use 256, 384 or 521"
    );
}

// Issue 14: repeats were found by comparing each item with every earlier one
// (n²: 200,000 hosts took 49 s). These large inputs complete only when they are
// found in n log n; what is found, and the order of the warnings, must not change.

#[test]
fn a_hundred_thousand_hosts_with_repeats() {
    let n = 100_000;
    // Every 1,000th host repeats the one 500 before it; host 10 also has spaces.
    let hosts: Vec<String> = (0..n)
        .map(|i| match i {
            10 => " h10.example.com ".to_owned(),
            i if i % 1_000 == 999 => format!("h{}.example.com", i - 500),
            i => format!("h{i}.example.com"),
        })
        .collect();
    let json = serde_json::json!({ "CN": "x", "hosts": hosts }).to_string();
    let (spec, warnings) = parse(&json);
    assert_eq!(spec.hosts.len(), n - n / 1_000);
    assert_eq!(
        spec.hosts[..2],
        [dns("h0.example.com"), dns("h1.example.com")]
    );
    assert_eq!(warnings.len(), 1 + n / 1_000);
    assert!(warnings[0].starts_with("hosts[10]: "), "{}", warnings[0]);
    assert_eq!(
        warnings[1],
        "hosts[999]: h499.example.com is listed twice; requested once"
    );
    assert_eq!(
        warnings.last().unwrap(),
        "hosts[99999]: h99499.example.com is listed twice; requested once"
    );
}

#[test]
fn a_host_repeated_after_its_own_warning_warns_after_it() {
    let (spec, warnings) =
        parse(r#"{"CN": "x", "hosts": ["a.example", "b.example", " a.example"]}"#);
    assert_eq!(spec.hosts, [dns("a.example"), dns("b.example")]);
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0].starts_with("hosts[2]: ") && !warnings[0].contains("twice"));
    assert_eq!(
        warnings[1],
        "hosts[2]: a.example is listed twice; requested once"
    );
}

#[test]
fn a_hundred_thousand_names_with_repeated_values() {
    let n = 100_000;
    // O repeats from the middle on; C is the same in every entry.
    let names: Vec<serde_json::Value> = (0..n)
        .map(|i| serde_json::json!({ "C": "NL", "O": format!("org {}", i % (n / 2)) }))
        .collect();
    let json = serde_json::json!({ "CN": "x", "names": names }).to_string();
    let (spec, warnings) = parse(&json);
    assert_eq!(spec.names.len(), n);
    assert_eq!(spec.names[0].country, "NL");
    assert_eq!(spec.names[1].country, "");
    assert_eq!(
        spec.names[n / 2 - 1].organization,
        format!("org {}", n / 2 - 1)
    );
    assert_eq!(spec.names[n / 2].organization, "");
    // Entry by entry, C before O.
    assert_eq!(warnings.len(), (n - 1) + n / 2);
    assert_eq!(
        warnings[0],
        "names[1].C: \"NL\" is already in an earlier entry; requested once"
    );
    assert_eq!(
        warnings[n / 2 - 1..n / 2 + 1],
        [
            "names[50000].C: \"NL\" is already in an earlier entry; requested once",
            "names[50000].O: \"org 0\" is already in an earlier entry; requested once",
        ]
    );
}

#[test]
fn a_hundred_thousand_unknown_fields_and_a_case_duplicate() {
    let n = 100_000;
    let mut spec = serde_json::Map::new();
    spec.insert("CN".into(), "x".into());
    for i in 0..n {
        spec.insert(format!("unknown{i}"), i.into());
    }
    let json = serde_json::Value::Object(spec.clone()).to_string();
    let (_, warnings) = parse(&json);
    assert_eq!(warnings.len(), n);
    assert!(warnings.iter().all(|w| w.contains("ignored")));
    // Two pairs of keys that differ only in case: the earliest key with a
    // later twin is named, with that twin.
    spec.insert("Unknown7".into(), 7.into());
    spec.insert("UNKNOWN5".into(), 5.into());
    let json = serde_json::Value::Object(spec).to_string();
    let error = Spec::from_json(&json).unwrap_err().to_string();
    assert_eq!(
        error,
        "UNKNOWN5: set twice, as \"UNKNOWN5\" and \"unknown5\" (keys match case-insensitively); keep one"
    );
}
