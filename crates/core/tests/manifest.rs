//! The CertificateSigningRequest manifest: golden files for the tutorial's CSR,
//! default usages by signer and key type, `metadata.name` derivation, what the
//! API server would refuse, and round trips through YAML and JSON readers.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use base64::Engine as _;
use csrcraft::kubernetes::{
    Expiration, KeyUsage, Manifest, ManifestFormat, ManifestOptions, SignerName, render_manifest,
};
use csrcraft::{CertificateRequest, PrivateKey, Spec};
use serde_json::{Value, json};

const TUTORIAL_CSR: &str = include_str!("data/tutorial-p256.csr");

fn tutorial() -> CertificateRequest {
    CertificateRequest::from_pem(TUTORIAL_CSR).unwrap()
}

/// The tutorial's manifest: its name, signer and usages.
fn tutorial_options() -> ManifestOptions {
    ManifestOptions {
        name: Some("my-svc.my-namespace".to_owned()),
        signer: SignerName::new("kubernetes.io/kubelet-serving"),
        usages: Some(vec![
            "digital signature".to_owned(),
            "key encipherment".to_owned(),
            "server auth".to_owned(),
        ]),
        expiration: None,
    }
}

fn options(signer: &str) -> ManifestOptions {
    ManifestOptions::new(SignerName::new(signer))
}

/// A CSR for `json` signed by `key`.
fn request(json: &str, key: &PrivateKey) -> CertificateRequest {
    let spec = Spec::from_json(json).unwrap().value;
    CertificateRequest::new(&spec, key, &mut getrandom::SysRng).unwrap()
}

fn p256() -> PrivateKey {
    PrivateKey::from_pem(include_str!("data/test-p256-key.pem")).unwrap()
}

fn ed25519() -> PrivateKey {
    PrivateKey::from_pem(include_str!("data/test-ed25519-key.pem")).unwrap()
}

fn rsa() -> PrivateKey {
    let spec = Spec::from_json(r#"{"CN": "x", "key": {"algo": "rsa", "size": 2048}}"#)
        .unwrap()
        .value;
    PrivateKey::generate(spec.key_algorithm(), &mut getrandom::SysRng).unwrap()
}

fn error(request: &CertificateRequest, options: &ManifestOptions) -> String {
    Manifest::new(request, options).unwrap_err().to_string()
}

#[test]
fn tutorial_manifest_matches_the_golden_files() {
    let request = tutorial();
    let yaml = render_manifest(&request, &tutorial_options(), ManifestFormat::Yaml).unwrap();
    assert_eq!(yaml, include_str!("data/tutorial-p256.manifest.yaml"));
    let json = render_manifest(&request, &tutorial_options(), ManifestFormat::Json).unwrap();
    assert_eq!(json, include_str!("data/tutorial-p256.manifest.json"));
}

#[test]
fn yaml_is_block_style_as_a_person_writes_it() {
    let yaml = render_manifest(&tutorial(), &tutorial_options(), ManifestFormat::Yaml).unwrap();
    let lines: Vec<&str> = yaml.lines().collect();
    assert_eq!(
        lines[..4],
        [
            "apiVersion: certificates.k8s.io/v1",
            "kind: CertificateSigningRequest",
            "metadata:",
            "  name: my-svc.my-namespace",
        ]
    );
    assert_eq!(lines[4], "spec:");
    assert!(lines[5].starts_with("  request: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURSBSRVFVRVNU"));
    assert_eq!(
        lines[6..],
        [
            "  signerName: kubernetes.io/kubelet-serving",
            "  usages:",
            "  - digital signature",
            "  - key encipherment",
            "  - server auth",
        ]
    );
    assert!(yaml.ends_with("server auth\n"));
}

#[test]
fn request_is_the_base64_of_the_exact_pem() {
    let request = tutorial();
    let json = render_manifest(&request, &tutorial_options(), ManifestFormat::Json).unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let encoded = value["spec"]["request"].as_str().unwrap();
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded)
        .unwrap();
    assert_eq!(String::from_utf8(decoded).unwrap(), TUTORIAL_CSR);
    assert_eq!(request.pem(), TUTORIAL_CSR);
}

#[test]
fn yaml_and_json_read_back_as_the_same_object() {
    let request = tutorial();
    let mut options = tutorial_options();
    options.expiration = Some(Expiration::parse("90d").unwrap());
    let expected = json!({
        "apiVersion": "certificates.k8s.io/v1",
        "kind": "CertificateSigningRequest",
        "metadata": {"name": "my-svc.my-namespace"},
        "spec": {
            "expirationSeconds": 7_776_000,
            "request": base64::engine::general_purpose::STANDARD.encode(TUTORIAL_CSR),
            "signerName": "kubernetes.io/kubelet-serving",
            "usages": ["digital signature", "key encipherment", "server auth"],
        },
    });
    let manifest = Manifest::new(&request, &options).unwrap();

    let yaml = manifest.to_yaml().unwrap();
    let from_yaml: Value = yaml_serde::from_str(&yaml).unwrap();
    assert_eq!(from_yaml, expected);
    assert!(yaml.contains("\n  expirationSeconds: 7776000\n"), "{yaml}");

    let json = manifest.to_json().unwrap();
    let from_json: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(from_json, expected);
    assert_eq!(manifest.render(ManifestFormat::Json).unwrap(), json);
    assert_eq!(manifest.render(ManifestFormat::default()).unwrap(), yaml);
}

#[test]
fn expiration_seconds_comes_first_in_spec_as_the_api_orders_it() {
    let mut options = tutorial_options();
    options.expiration = Some(Expiration::parse("90d").unwrap());
    let yaml = render_manifest(&tutorial(), &options, ManifestFormat::Yaml).unwrap();
    assert!(
        yaml.contains("\nspec:\n  expirationSeconds: 7776000\n  request: "),
        "{yaml}"
    );
}

#[test]
fn expiration_seconds_is_absent_unless_asked_for() {
    let yaml = render_manifest(&tutorial(), &tutorial_options(), ManifestFormat::Yaml).unwrap();
    assert!(!yaml.contains("expirationSeconds"), "{yaml}");
    let mut options = tutorial_options();
    options.expiration = Some(Expiration::parse("24h").unwrap());
    let json = render_manifest(&tutorial(), &options, ManifestFormat::Json).unwrap();
    assert!(json.contains("\"expirationSeconds\": 86400,"), "{json}");
}

/// The usages picked for `signer` when none are given.
#[track_caller]
fn check_defaults(request: &CertificateRequest, signer: &str, expect: &[&str]) {
    let manifest = Manifest::new(request, &options(signer)).unwrap();
    assert_eq!(manifest.usages(), expect, "{signer}");
}

#[test]
fn default_usages_follow_the_signer_and_the_key_type() {
    let serving = r#"{"CN": "web.example.com", "hosts": ["web.example.com"]}"#;
    let client = r#"{"CN": "jane", "names": [{"O": "dev"}]}"#;
    let ip_only = r#"{"CN": "x", "hosts": ["10.0.0.1"]}"#;
    let email_only = r#"{"CN": "x", "hosts": ["jane@example.com"]}"#;
    let (p256, ed25519, rsa) = (p256(), ed25519(), rsa());

    for key in [&p256, &ed25519] {
        // EC and Ed25519 keys never encipher (RFC 5480, RFC 8410).
        let web = request(serving, key);
        check_defaults(
            &web,
            "kubernetes.io/kubelet-serving",
            &["digital signature", "server auth"],
        );
        check_defaults(
            &web,
            "beta.eks.amazonaws.com/app-serving",
            &["digital signature", "server auth"],
        );
        check_defaults(
            &web,
            "example.com/serving",
            &["digital signature", "server auth"],
        );
        check_defaults(
            &web,
            "kubernetes.io/kube-apiserver-client",
            &["digital signature", "client auth"],
        );
        let jane = request(client, key);
        check_defaults(
            &jane,
            "kubernetes.io/kube-apiserver-client",
            &["digital signature", "client auth"],
        );
        check_defaults(
            &jane,
            "kubernetes.io/kube-apiserver-client-kubelet",
            &["digital signature", "client auth"],
        );
        check_defaults(
            &jane,
            "example.com/clients",
            &["digital signature", "client auth"],
        );
        check_defaults(
            &request(ip_only, key),
            "example.com/x",
            &["digital signature", "server auth"],
        );
        check_defaults(
            &request(email_only, key),
            "example.com/x",
            &["digital signature", "client auth"],
        );
    }
    let web = request(serving, &rsa);
    check_defaults(
        &web,
        "kubernetes.io/kubelet-serving",
        &["digital signature", "key encipherment", "server auth"],
    );
    check_defaults(
        &web,
        "example.com/serving",
        &["digital signature", "key encipherment", "server auth"],
    );
    let jane = request(client, &rsa);
    check_defaults(
        &jane,
        "kubernetes.io/kube-apiserver-client",
        &["digital signature", "key encipherment", "client auth"],
    );

    // The tutorial's CSR is ECDSA P-256 with DNS and IP names.
    check_defaults(
        &tutorial(),
        "kubernetes.io/kubelet-serving",
        &["digital signature", "server auth"],
    );
}

#[test]
fn given_usages_are_kept_in_order() {
    let mut options = options("example.com/x");
    options.usages = Some(vec![
        "server auth".to_owned(),
        "digital signature".to_owned(),
        "client auth".to_owned(),
    ]);
    let manifest = Manifest::new(&tutorial(), &options).unwrap();
    assert_eq!(
        manifest.usages(),
        ["server auth", "digital signature", "client auth"]
    );
}

/// The name derived from a CSR made from `json`.
#[track_caller]
fn check_name(json: &str, expect: &str) {
    let manifest = Manifest::new(&request(json, &ed25519()), &options("example.com/x")).unwrap();
    assert_eq!(manifest.name(), expect, "{json}");
}

#[test]
fn the_name_comes_from_the_common_name_else_the_first_dns_name() {
    check_name(
        r#"{"CN": "my-pod.my-namespace.pod.cluster.local"}"#,
        "my-pod.my-namespace.pod.cluster.local",
    );
    check_name(r#"{"CN": "Web.Example.COM"}"#, "web.example.com");
    check_name(
        r#"{"CN": "system:node:worker-1", "names": [{"O": "system:nodes"}]}"#,
        "system-node-worker-1",
    );
    check_name(r#"{"CN": "Jane Doe (ops)"}"#, "jane-doe-ops");
    check_name(r#"{"CN": "*.apps.example.com"}"#, "apps.example.com");
    check_name(
        r#"{"hosts": ["10.0.0.1", "jane@example.com", "API.example.com", "b.example.com"]}"#,
        "api.example.com",
    );
    check_name(
        r#"{"CN": "***", "hosts": ["*.example.com"]}"#,
        "example.com",
    );
    check_name(
        &format!(r#"{{"CN": "{}"}}"#, "x".repeat(300)),
        &"x".repeat(253),
    );
    // A given name wins.
    let mut options = options("example.com/x");
    options.name = Some("My CSR_1".to_owned());
    assert_eq!(
        Manifest::new(&tutorial(), &options).unwrap().name(),
        "My CSR_1"
    );
}

#[test]
fn no_name_to_derive_asks_for_one() {
    let request = request(
        r#"{"hosts": ["10.0.0.1", "spiffe://cluster.local/ns/a/sa/b"]}"#,
        &ed25519(),
    );
    assert_eq!(
        error(&request, &options("example.com/x")),
        "metadata.name: the CSR has no common name or DNS name to make a name from; give one with --name"
    );
}

#[test]
fn refuses_names_the_api_refuses() {
    for (name, said) in [
        ("", "Required value: name or generateName is required"),
        (".", "Invalid value: \".\": may not be '.'"),
        ("..", "Invalid value: \"..\": may not be '..'"),
        ("ns/web", "Invalid value: \"ns/web\": may not contain '/'"),
        ("web%20", "Invalid value: \"web%20\": may not contain '%'"),
    ] {
        let mut options = options("example.com/x");
        options.name = Some(name.to_owned());
        assert_eq!(
            error(&tutorial(), &options),
            format!(
                "metadata.name: {said}; name the request with lowercase letters, digits, '-' and '.', e.g. my-svc.my-namespace"
            )
        );
    }
}

#[test]
fn refuses_usages_the_api_refuses() {
    let check = |usages: &[&str], expect: &str| {
        let mut options = options("example.com/x");
        options.usages = Some(usages.iter().map(|u| u.to_string()).collect());
        assert_eq!(error(&tutorial(), &options), expect, "{usages:?}");
    };
    check(
        &["digital signature", "Server Auth"],
        &format!(
            "spec.usages[1]: Unsupported value: \"Server Auth\": supported values: {}",
            "\"any\", \"cert sign\", \"client auth\", \"code signing\", \"content commitment\", \"crl sign\", \"data encipherment\", \"decipher only\", \"digital signature\", \"email protection\", \"encipher only\", \"ipsec end system\", \"ipsec tunnel\", \"ipsec user\", \"key agreement\", \"key encipherment\", \"microsoft sgc\", \"netscape sgc\", \"ocsp signing\", \"s/mime\", \"server auth\", \"signing\", \"timestamping\""
        ),
    );
    check(
        &["server auth", "digital signature", "server auth"],
        "spec.usages[2]: Duplicate value: \"server auth\"; list each usage once",
    );
    // As upstream: every unknown usage comes before any repeat.
    check(
        &["server auth", "server auth", "foo"],
        &format!(
            "spec.usages[2]: Unsupported value: \"foo\": {}",
            KeyUsage::SUPPORTED_VALUES
        ),
    );
    check(
        &[],
        "spec.usages: Required value; give at least one usage, e.g. \"digital signature,server auth\"",
    );
}

#[test]
fn refuses_signers_the_api_refuses() {
    assert_eq!(
        error(&tutorial(), &options("kubernetes.io/legacy-unknown")),
        "spec.signerName: Invalid value: \"kubernetes.io/legacy-unknown\": the legacy signerName is not allowed via this API version; choose another signer, e.g. kubernetes.io/kube-apiserver-client or your own such as example.com/serving"
    );
    // The first of upstream's errors, then csrcraft's fix.
    let form = "must be a fully qualified domain and path of the form 'example.com/signer-name'";
    let label = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
    let subdomain = r"a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    for (signer, said) in [
        ("", "Required value".to_owned()),
        ("serving", format!("Invalid value: \"serving\": {form}")),
        ("example.com/a/b", format!("Invalid value: \"example.com/a/b\": {form}")),
        (
            "example.com/",
            format!("Invalid value: \"\": validating label \"\": {subdomain}"),
        ),
        (
            "localhost/serving",
            "Invalid value: \"localhost\": should be a domain with at least two segments separated by dots".to_owned(),
        ),
        (
            "Example.com/serving",
            format!("Invalid value: \"Example.com\": validating label \"Example\": {label}"),
        ),
    ] {
        assert_eq!(
            error(&tutorial(), &options(signer)),
            format!(
                "spec.signerName: {said}; a signer name is domain/path, e.g. example.com/serving"
            ),
            "{signer:?}"
        );
    }
}

#[test]
fn refuses_a_csr_whose_self_signature_is_bad() {
    let mut der = tutorial().der().to_vec();
    let last = der.len() - 1;
    der[last] ^= 0x01;
    let tampered = CertificateRequest::from_der(&der).unwrap();
    assert_eq!(
        error(&tampered, &tutorial_options()),
        "spec.request: the CSR's self-signature is bad (the signature does not verify); make the CSR again with its own key"
    );
}
