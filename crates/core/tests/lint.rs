//! Lint: every rule firing and not firing, one small case each, with
//! upstream's exact messages; the tutorial's CSR and the two-group client
//! certificate exactly as the issue states them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csrcraft::kubernetes::{Finding, KeyUsage, LintOptions, Severity, SignerName, lint};
use csrcraft::{CertificateRequest, RequestInfo, SignatureError, Spec};

const TUTORIAL_CSR: &str = include_str!("data/tutorial-p256.csr");
const TUTORIAL_ED25519_CSR: &str = include_str!("data/tutorial-ed25519.csr");

const CLIENT: &str = "kubernetes.io/kube-apiserver-client";
const KUBELET_CLIENT: &str = "kubernetes.io/kube-apiserver-client-kubelet";
const SERVING: &str = "kubernetes.io/kubelet-serving";
const EKS: &str = "beta.eks.amazonaws.com/app-serving";
const CUSTOM: &str = "example.com/serving";

/// A user's client certificate in two groups (ECDSA P-256 by default).
const ALICE: &str = r#"{"CN": "alice", "names": [{"O": "dev"}, {"O": "ops"}]}"#;
const NODE_CLIENT: &str = r#"{"CN": "system:node:node-1", "names": [{"O": "system:nodes"}]}"#;
const NODE_SERVING: &str = r#"{"CN": "system:node:node-1", "names": [{"O": "system:nodes"}],
    "hosts": ["node-1.example.com", "10.0.0.11"]}"#;
const WEB: &str = r#"{"CN": "web", "hosts": ["web.example.com"]}"#;

/// The notes every valid signer gets.
const KUBE_CLIENT_NOTES: [&str; 2] = ["note signer/approval", "note signer/approve-permission"];
const CUSTOM_NOTES: [&str; 3] = [
    "note signer/approval",
    "note signer/approve-permission",
    "note signer/custom",
];

/// The CSR a spec describes, read back as the cluster reads it.
fn request(spec: &str) -> RequestInfo {
    let spec = Spec::from_json(spec).unwrap().value;
    let made = csrcraft::generate(&spec, &mut getrandom::SysRng).unwrap();
    CertificateRequest::from_pem(&made.request.pem())
        .unwrap()
        .info()
        .unwrap()
}

fn options(signer: &str, usages: Option<&str>, expiration: Option<u64>) -> LintOptions {
    LintOptions {
        signer: SignerName::new(signer),
        usages: usages.map(csrcraft::kubernetes::split_usages),
        expiration_seconds: expiration,
    }
}

/// Lints and checks the findings are ordered by severity.
fn run(request: &RequestInfo, options: &LintOptions) -> Vec<Finding> {
    let findings = lint(request, options);
    assert!(
        findings.windows(2).all(|w| w[0].severity <= w[1].severity),
        "not ordered by severity: {findings:#?}"
    );
    for finding in &findings {
        assert!(
            !finding.message.is_empty() && !finding.fix.is_empty(),
            "{finding:#?}"
        );
    }
    findings
}

fn summary(findings: &[Finding]) -> Vec<String> {
    findings
        .iter()
        .map(|f| format!("{} {}", f.severity, f.rule))
        .collect()
}

/// Lints `request` and compares every finding's `severity rule`.
#[track_caller]
fn check_request(request: &RequestInfo, options: &LintOptions, expect: &[&str]) {
    let findings = run(request, options);
    assert_eq!(summary(&findings), expect, "{findings:#?}");
}

/// Lints the CSR made from `spec`, sent to `signer` with `usages`
/// (comma-separated; `None` for the defaults).
#[track_caller]
fn check(spec: &str, signer: &str, usages: Option<&str>, expect: &[&str]) {
    check_request(&request(spec), &options(signer, usages, None), expect);
}

/// The message of the finding with `rule`, which must be there exactly once.
#[track_caller]
fn message(spec: &str, signer: &str, usages: Option<&str>, rule: &str) -> String {
    let findings = run(&request(spec), &options(signer, usages, None));
    let found: Vec<&Finding> = findings.iter().filter(|f| f.rule == rule).collect();
    assert_eq!(found.len(), 1, "{rule} in {findings:#?}");
    found[0].message.clone()
}

fn with<const N: usize>(first: &[&'static str], notes: [&'static str; N]) -> Vec<&'static str> {
    first.iter().copied().chain(notes).collect()
}

// --- the issue's two cases -------------------------------------------------

#[test]
fn the_tutorials_request_fails_on_organization_and_common_name_and_warns_on_key_encipherment() {
    let request = CertificateRequest::from_pem(TUTORIAL_CSR)
        .unwrap()
        .info()
        .unwrap();
    let options = options(
        SERVING,
        Some("digital signature, key encipherment, server auth"),
        None,
    );
    let findings = run(&request, &options);
    let of = |severity| {
        findings
            .iter()
            .filter(|f| f.severity == severity)
            .map(|f| f.message.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        of(Severity::Error),
        [
            "subject organization is not system:nodes",
            "subject common name does not begin with system:node:",
        ]
    );
    assert_eq!(
        summary(&findings),
        [
            "error kubelet-serving/organization",
            "error kubelet-serving/common-name",
            "warning usages/key-encipherment",
            "note signer/approval",
            "note signer/approve-permission",
            "note kubelet-serving/eks-app-serving",
        ]
    );
    let warning = &findings[2];
    assert!(warning.message.contains("RFC 5480"), "{warning:#?}");
    assert!(
        warning.message.contains("kubernetes/kubernetes#109077"),
        "{warning:#?}"
    );
    assert_eq!(
        warning.fix,
        "drop \"key encipherment\": --usages \"digital signature, server auth\" (every built-in signer accepts that)"
    );
    // The fix proposes what works, and says how the cluster would end it.
    let organization = &findings[0].fix;
    for words in [
        "example.com/serving",
        "beta.eks.amazonaws.com/app-serving",
        "Approved,Failed (SignerValidationFailure)",
    ] {
        assert!(organization.contains(words), "{words}: {organization}");
    }
}

#[test]
fn a_client_certificate_in_two_groups_lints_clean() {
    let request = request(ALICE);
    assert_eq!(request.subject.organizations(), ["dev", "ops"]);
    check_request(
        &request,
        &options(CLIENT, Some("digital signature, client auth"), None),
        &KUBE_CLIENT_NOTES,
    );
}

// --- API validation on create ------------------------------------------------

#[test]
fn pem_label_must_be_certificate_request() {
    let mut request = CertificateRequest::from_pem(TUTORIAL_CSR)
        .unwrap()
        .info()
        .unwrap();
    let options = options(CUSTOM, None, None);
    check_request(&request, &options, &CUSTOM_NOTES);
    request.pem_label = Some("NEW CERTIFICATE REQUEST".to_owned());
    check_request(
        &request,
        &options,
        &with(&["error api/pem-label"], CUSTOM_NOTES),
    );
    assert_eq!(
        lint(&request, &options)[0].message,
        "PEM block type must be CERTIFICATE REQUEST"
    );
    // Read from DER: nothing to say about a label.
    request.pem_label = None;
    check_request(&request, &options, &CUSTOM_NOTES);
}

#[test]
fn the_self_signature_must_verify() {
    let mut request = request(WEB);
    let options = options(CUSTOM, None, None);
    request.signature = Err(SignatureError::Invalid);
    check_request(
        &request,
        &options,
        &with(&["error api/signature"], CUSTOM_NOTES),
    );
    request.signature = Err(SignatureError::Unsupported(
        "sha1WithRSAEncryption".to_owned(),
    ));
    check_request(
        &request,
        &options,
        &with(&["warning api/signature-unchecked"], CUSTOM_NOTES),
    );
}

#[test]
fn legacy_unknown_is_refused_by_v1() {
    check(
        WEB,
        "kubernetes.io/legacy-unknown",
        None,
        &["error api/signer-legacy-unknown"],
    );
    assert_eq!(
        message(
            WEB,
            "kubernetes.io/legacy-unknown",
            None,
            "api/signer-legacy-unknown"
        ),
        "spec.signerName: Invalid value: \"kubernetes.io/legacy-unknown\": the legacy signerName is not allowed via this API version"
    );
}

#[test]
fn signer_names_need_domain_slash_path() {
    for bad in [
        "serving",
        "example/serving",
        "example.com/a/b",
        "example.com/",
        "Example.com/x",
    ] {
        check(WEB, bad, None, &["error api/signer-name"]);
    }
    // Upstream's words, each error of the name its own finding.
    assert_eq!(
        message(WEB, "serving", None, "api/signer-name"),
        "spec.signerName: Invalid value: \"serving\": must be a fully qualified domain and path of the form 'example.com/signer-name'"
    );
    let findings = run(&request(WEB), &options("a b/c", None, None));
    let messages: Vec<&str> = findings
        .iter()
        .filter(|f| f.rule == "api/signer-name")
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "spec.signerName: Invalid value: \"a b\": validating label \"a b\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
            "spec.signerName: Invalid value: \"a b\": should be a domain with at least two segments separated by dots",
        ]
    );
    check(WEB, CUSTOM, None, &CUSTOM_NOTES);
    check(
        WEB,
        "kubernetes.io/kubelet-server",
        None,
        &with(&["warning api/signer-not-built-in"], CUSTOM_NOTES),
    );
    let findings = run(
        &request(WEB),
        &options("kubernetes.io/kubelet-server", None, None),
    );
    assert!(
        findings[0]
            .fix
            .starts_with("did you mean kubernetes.io/kubelet-serving?"),
        "{findings:#?}"
    );
}

#[test]
fn usages_are_required_known_and_not_repeated() {
    check(
        WEB,
        CUSTOM,
        Some(""),
        &with(&["error api/usages-required"], CUSTOM_NOTES),
    );
    assert_eq!(
        message(WEB, CUSTOM, Some(""), "api/usages-required"),
        "spec.usages: Required value"
    );
    check(
        WEB,
        CUSTOM,
        Some("digital signature, server-auth"),
        &with(&["error api/usage-unsupported"], CUSTOM_NOTES),
    );
    assert_eq!(
        message(
            WEB,
            CUSTOM,
            Some("digital signature, server-auth"),
            "api/usage-unsupported"
        ),
        format!(
            "spec.usages[1]: Unsupported value: \"server-auth\": {}",
            KeyUsage::SUPPORTED_VALUES
        )
    );
    check(
        WEB,
        CUSTOM,
        Some("digital signature, server auth, digital signature"),
        &with(&["error api/usage-duplicate"], CUSTOM_NOTES),
    );
    assert_eq!(
        message(
            WEB,
            CUSTOM,
            Some("digital signature, server auth, digital signature"),
            "api/usage-duplicate"
        ),
        "spec.usages[2]: Duplicate value: \"digital signature\""
    );
    // A bad usage is refused on create: the signer's own usage checks stay quiet.
    check(
        NODE_SERVING,
        SERVING,
        Some("digital signature, serverAuth"),
        &with(&["error api/usage-unsupported"], KUBE_CLIENT_NOTES),
    );
    let findings = run(&request(WEB), &options(CUSTOM, Some("serverAuth"), None));
    assert_eq!(
        findings[0].fix,
        "write \"server auth\" (the API spells usages exactly so)"
    );
}

#[test]
fn expiration_is_at_least_600_seconds_and_clamped_by_in_tree_signers() {
    let alice = request(ALICE);
    let usages = Some("digital signature, client auth");
    let minimum = with(&["error api/expiration-minimum"], KUBE_CLIENT_NOTES);
    check_request(&alice, &options(CLIENT, usages, Some(599)), &minimum);
    assert_eq!(
        lint(&alice, &options(CLIENT, usages, Some(0)))[0].message,
        "spec.expirationSeconds: Invalid value: 0: may not specify a duration less than 600 seconds (10 minutes)"
    );
    check_request(
        &alice,
        &options(CLIENT, usages, Some(600)),
        &KUBE_CLIENT_NOTES,
    );
    check_request(
        &alice,
        &options(CLIENT, usages, Some(8760 * 3600)),
        &KUBE_CLIENT_NOTES,
    );
    let clamped = [
        "note signer/expiration-clamped",
        "note signer/approval",
        "note signer/approve-permission",
    ];
    check_request(
        &alice,
        &options(CLIENT, usages, Some(8760 * 3600 + 1)),
        &clamped,
    );
    let web = request(WEB);
    check_request(&web, &options(EKS, None, Some(90 * 86_400 * 10)), &clamped);
    check_request(
        &web,
        &options(CUSTOM, None, Some(90 * 86_400 * 10)),
        &CUSTOM_NOTES,
    );
    check_request(
        &alice,
        &options(CLIENT, usages, Some(3_000_000_000)),
        &with(&["error api/expiration-range"], KUBE_CLIENT_NOTES),
    );
}

#[test]
fn system_masters_is_refused_for_kube_apiserver_client_only() {
    let admin = r#"{"CN": "admin", "names": [{"O": "dev"}, {"O": "system:masters"}]}"#;
    check(
        admin,
        CLIENT,
        None,
        &with(&["error admission/system-masters"], KUBE_CLIENT_NOTES),
    );
    assert_eq!(
        message(admin, CLIENT, None, "admission/system-masters"),
        "use of kubernetes.io/kube-apiserver-client signer with system:masters group is not allowed"
    );
    check(admin, "example.com/client", None, &CUSTOM_NOTES);
}

// --- kubernetes.io/kube-apiserver-client ---------------------------------------

#[test]
fn kube_apiserver_client_allows_only_client_usages_and_needs_client_auth() {
    check(ALICE, CLIENT, None, &KUBE_CLIENT_NOTES);
    check(
        ALICE,
        CLIENT,
        Some("digital signature, server auth"),
        &with(
            &[
                "error kube-apiserver-client/usage",
                "error kube-apiserver-client/client-auth",
            ],
            KUBE_CLIENT_NOTES,
        ),
    );
    assert_eq!(
        message(
            ALICE,
            CLIENT,
            Some("digital signature, server auth"),
            "kube-apiserver-client/usage"
        ),
        "invalid usage for client certificate: server auth"
    );
    assert_eq!(
        message(
            ALICE,
            CLIENT,
            Some("digital signature"),
            "kube-apiserver-client/client-auth"
        ),
        "missing required usage for client certificate: client auth"
    );
    // Usages as the signer lists them, each one reported.
    check(
        ALICE,
        CLIENT,
        Some("client auth, code signing, server auth"),
        &with(
            &[
                "error kube-apiserver-client/usage",
                "error kube-apiserver-client/usage",
            ],
            KUBE_CLIENT_NOTES,
        ),
    );
}

#[test]
fn kube_apiserver_client_warns_without_a_common_name() {
    check(
        r#"{"names": [{"O": "dev"}]}"#,
        CLIENT,
        None,
        &with(
            &["warning kube-apiserver-client/common-name"],
            KUBE_CLIENT_NOTES,
        ),
    );
}

#[test]
fn key_encipherment_is_for_rsa_keys_only() {
    let usages = Some("digital signature, key encipherment, client auth");
    let rsa = r#"{"CN": "alice", "key": {"algo": "rsa", "size": 2048}}"#;
    check(rsa, CLIENT, usages, &KUBE_CLIENT_NOTES);
    check(
        ALICE,
        CLIENT,
        usages,
        &with(&["warning usages/key-encipherment"], KUBE_CLIENT_NOTES),
    );
    let ed25519 = r#"{"CN": "alice", "key": {"algo": "ed25519"}}"#;
    assert!(message(ed25519, CLIENT, usages, "usages/key-encipherment").contains("RFC 8410"));
    let request = CertificateRequest::from_pem(TUTORIAL_ED25519_CSR)
        .unwrap()
        .info()
        .unwrap();
    let findings = run(
        &request,
        &options(
            CUSTOM,
            Some("digital signature, key encipherment, server auth"),
            None,
        ),
    );
    assert_eq!(findings[0].rule, "usages/key-encipherment", "{findings:#?}");
}

// --- kubernetes.io/kube-apiserver-client-kubelet --------------------------------

#[test]
fn kubelet_client_certificates_pass_for_nodes() {
    check(NODE_CLIENT, KUBELET_CLIENT, None, &KUBE_CLIENT_NOTES);
    check(
        NODE_CLIENT,
        KUBELET_CLIENT,
        Some("digital signature, client auth"),
        &KUBE_CLIENT_NOTES,
    );
    let rsa = r#"{"CN": "system:node:n", "names": [{"O": "system:nodes"}], "key": {"algo": "rsa", "size": 2048}}"#;
    check(
        rsa,
        KUBELET_CLIENT,
        Some("digital signature, key encipherment, client auth"),
        &KUBE_CLIENT_NOTES,
    );
}

#[test]
fn kubelet_client_certificates_fail_every_rule() {
    let spec = r#"{"CN": "alice", "names": [{"O": "system:nodes"}, {"O": "dev"}],
        "hosts": ["node-1.example.com", "10.0.0.1", "admin@example.com", "spiffe://cluster.local/x"]}"#;
    check(
        spec,
        KUBELET_CLIENT,
        Some("digital signature, client auth, server auth"),
        &with(
            &[
                "error kube-apiserver-client-kubelet/organization",
                "error kube-apiserver-client-kubelet/dns-san",
                "error kube-apiserver-client-kubelet/email-san",
                "error kube-apiserver-client-kubelet/ip-san",
                "error kube-apiserver-client-kubelet/uri-san",
                "error kube-apiserver-client-kubelet/common-name",
                "error kube-apiserver-client-kubelet/usages",
            ],
            KUBE_CLIENT_NOTES,
        ),
    );
    let findings = run(
        &request(spec),
        &options(KUBELET_CLIENT, Some("client auth"), None),
    );
    let messages: Vec<&str> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "subject organization is not system:nodes",
            "DNS subjectAltNames are not allowed",
            "Email subjectAltNames are not allowed",
            "IP subjectAltNames are not allowed",
            "URI subjectAltNames are not allowed",
            "subject common name does not begin with system:node:",
            "usages did not match [client auth digital signature key encipherment]",
        ]
    );
    assert!(
        findings[0]
            .fix
            .contains("kubernetes.io/kube-apiserver-client;"),
        "{findings:#?}"
    );
}

// --- kubernetes.io/kubelet-serving ---------------------------------------------

#[test]
fn kubelet_serving_certificates_pass_for_nodes() {
    check(NODE_SERVING, SERVING, None, &KUBE_CLIENT_NOTES);
    check(
        NODE_SERVING,
        SERVING,
        Some("server auth, digital signature"),
        &KUBE_CLIENT_NOTES,
    );
    let ip_only =
        r#"{"CN": "system:node:n", "names": [{"O": "system:nodes"}], "hosts": ["10.0.0.11"]}"#;
    check(ip_only, SERVING, None, &KUBE_CLIENT_NOTES);
}

#[test]
fn kubelet_serving_needs_a_dns_or_ip_name_and_no_email_or_uri() {
    let bare = r#"{"CN": "system:node:n", "names": [{"O": "system:nodes"}]}"#;
    check(
        bare,
        SERVING,
        None,
        &with(&["error kubelet-serving/san-required"], KUBE_CLIENT_NOTES),
    );
    assert_eq!(
        message(bare, SERVING, None, "kubelet-serving/san-required"),
        "DNS or IP subjectAltName is required"
    );
    let extra = r#"{"CN": "system:node:n", "names": [{"O": "system:nodes"}],
        "hosts": ["n.example.com", "ops@example.com", "https://n.example.com/"]}"#;
    check(
        extra,
        SERVING,
        None,
        &with(
            &[
                "error kubelet-serving/email-san",
                "error kubelet-serving/uri-san",
            ],
            KUBE_CLIENT_NOTES,
        ),
    );
    assert_eq!(
        message(extra, SERVING, None, "kubelet-serving/email-san"),
        "Email subjectAltNames are not allowed"
    );
    assert_eq!(
        message(extra, SERVING, None, "kubelet-serving/uri-san"),
        "URI subjectAltNames are not allowed"
    );
}

#[test]
fn kubelet_serving_usages_must_match_exactly() {
    for usages in [
        "digital signature, client auth",
        "server auth",
        "digital signature, server auth, client auth",
    ] {
        check(
            NODE_SERVING,
            SERVING,
            Some(usages),
            &with(&["error kubelet-serving/usages"], KUBE_CLIENT_NOTES),
        );
    }
    assert_eq!(
        message(
            NODE_SERVING,
            SERVING,
            Some("server auth"),
            "kubelet-serving/usages"
        ),
        "usages did not match [digital signature key encipherment server auth]"
    );
    // Duplicates are refused by the API, but the signer compares sets.
    check(
        NODE_SERVING,
        SERVING,
        Some("digital signature, server auth, server auth"),
        &with(&["error api/usage-duplicate"], KUBE_CLIENT_NOTES),
    );
}

#[test]
fn kubelet_serving_fixes_depend_on_whether_the_subject_is_a_node() {
    // A node's name with the wrong groups: fix the groups.
    let node = r#"{"CN": "system:node:n", "names": [{"O": "dev"}], "hosts": ["n.example.com"]}"#;
    let findings = run(&request(node), &options(SERVING, None, None));
    assert_eq!(
        summary(&findings),
        with(&["error kubelet-serving/organization"], KUBE_CLIENT_NOTES)
    );
    assert!(
        findings[0].fix.starts_with("make system:nodes the only O"),
        "{findings:#?}"
    );
    // Groups right, CN not a node's: fix the CN.
    let cn = r#"{"CN": "n", "names": [{"O": "system:nodes"}], "hosts": ["n.example.com"]}"#;
    let findings = run(&request(cn), &options(SERVING, None, None));
    assert_eq!(
        summary(&findings),
        with(
            &["error kubelet-serving/common-name"],
            [
                "note signer/approval",
                "note signer/approve-permission",
                "note kubelet-serving/eks-app-serving",
            ]
        )
    );
    assert!(
        findings[0].fix.starts_with("set the node's name as the CN"),
        "{findings:#?}"
    );
}

// --- beta.eks.amazonaws.com/app-serving, custom signers, the rest --------------------

#[test]
fn eks_app_serving_allows_only_serving_usages() {
    check(WEB, EKS, None, &KUBE_CLIENT_NOTES);
    check(
        WEB,
        EKS,
        Some("digital signature, server auth, client auth"),
        &with(&["error eks-app-serving/usage"], KUBE_CLIENT_NOTES),
    );
}

#[test]
fn custom_signers_get_syntax_checks_and_the_steps_to_sign() {
    // Anything goes for the subject: no in-tree controller looks at it.
    check(
        r#"{"CN": "x", "names": [{"O": "system:masters"}]}"#,
        CUSTOM,
        Some("client auth, code signing"),
        &CUSTOM_NOTES,
    );
    let findings = run(&request(WEB), &options(CUSTOM, None, None));
    let custom = &findings[2];
    for words in [
        "cfssl sign -ca ca.pem -ca-key ca-key.pem server.csr",
        "kubectl replace --raw /apis/certificates.k8s.io/v1/certificatesigningrequests/NAME/status -f -",
        ".status.certificate",
    ] {
        assert!(custom.fix.contains(words), "{words}: {custom:#?}");
    }
}

#[test]
fn serving_certificates_without_hosts_are_warned() {
    let no_hosts = r#"{"CN": "web"}"#;
    check(
        no_hosts,
        CUSTOM,
        Some("digital signature, server auth"),
        &with(&["warning serving/hosts"], CUSTOM_NOTES),
    );
    check(
        no_hosts,
        CUSTOM,
        Some("digital signature, client auth"),
        &CUSTOM_NOTES,
    );
}

#[test]
fn what_in_tree_signers_drop_is_said() {
    let mut request = request(ALICE);
    request.other_alt_names = vec!["othername:1.3.6.1.4.1.311.20.2.3".to_owned()];
    request.requested_extensions = vec!["subjectAltName".to_owned(), "keyUsage".to_owned()];
    check_request(
        &request,
        &options(CLIENT, None, None),
        &[
            "warning signer/dropped-alt-names",
            "note signer/dropped-extensions",
            "note signer/approval",
            "note signer/approve-permission",
        ],
    );
    check_request(
        &request,
        &options(CUSTOM, Some("client auth"), None),
        &CUSTOM_NOTES,
    );
}

#[test]
fn approval_notes_say_who_approves() {
    let approval = |spec, signer| message(spec, signer, None, "signer/approval");
    assert!(approval(ALICE, CLIENT).contains("never auto-approved"));
    assert!(approval(NODE_SERVING, SERVING).contains("never auto-approved"));
    assert!(
        approval(NODE_CLIENT, KUBELET_CLIENT)
            .contains("auto-approved for node client certificates")
    );
    assert_eq!(
        message(ALICE, CLIENT, None, "signer/approve-permission"),
        "approving needs verb approve on signers/kubernetes.io/kube-apiserver-client (API group certificates.k8s.io)"
    );
}

#[test]
fn default_usages_follow_the_signer_and_key() {
    let options = options(SERVING, None, None);
    assert_eq!(
        options.effective_usages(&request(NODE_SERVING)),
        ["digital signature", "server auth"]
    );
    let given = self::options(SERVING, Some("server auth"), None);
    assert_eq!(
        given.effective_usages(&request(NODE_SERVING)),
        ["server auth"]
    );
}

#[test]
fn severities_order_and_print() {
    assert!(Severity::Error < Severity::Warning && Severity::Warning < Severity::Note);
    assert_eq!(
        [Severity::Error, Severity::Warning, Severity::Note].map(|s| s.to_string()),
        ["error", "warning", "note"]
    );
}

/// Issue 14: each usage was compared with every earlier one (n²). Twenty
/// thousand usages complete quickly only when repeats are found in n log n; each
/// repeat is still reported once, at its own index, after its other findings.
#[test]
fn twenty_thousand_usages_with_repeats() {
    let n = 20_000;
    let usages: Vec<String> = (0..n)
        .map(|i| match i % 10 {
            9 => "server auth".to_owned(),
            _ => format!("u{i}"),
        })
        .collect();
    let findings = run(
        &request(WEB),
        &options(CUSTOM, Some(&usages.join(",")), None),
    );
    let duplicates: Vec<&str> = findings
        .iter()
        .filter(|f| f.rule == "api/usage-duplicate")
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(duplicates.len(), n / 10 - 1);
    assert_eq!(
        duplicates[0],
        "spec.usages[19]: Duplicate value: \"server auth\""
    );
    let unsupported = findings
        .iter()
        .filter(|f| f.rule == "api/usage-unsupported")
        .count();
    assert_eq!(unsupported, n - n / 10);
    let first_two: Vec<&str> = findings[..2].iter().map(|f| f.message.as_str()).collect();
    assert_eq!(
        first_two,
        [0, 1].map(|i| format!(
            "spec.usages[{i}]: Unsupported value: \"u{i}\": {}",
            KeyUsage::SUPPORTED_VALUES
        ))
    );
}
