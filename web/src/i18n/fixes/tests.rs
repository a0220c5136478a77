use std::collections::BTreeSet;

use csrcraft::kubernetes::{Finding, LintOptions, SignerName, lint};
use csrcraft::{CertificateRequest, RequestInfo, SignatureError, Spec};

use super::{fill, values};
use crate::i18n::Lang;
use crate::i18n::tests::has_han;

/// The core's lint rules, as written in its source: every text between two `"` of the form
/// `word/word` (signer names have a dot, so they are not taken). Every such text, not only
/// every other one, so that an escaped `\"` cannot hide a rule.
fn core_rules() -> BTreeSet<&'static str> {
    const SOURCES: [&str; 3] = [
        include_str!("../../../../crates/core/src/kubernetes/lint/api.rs"),
        include_str!("../../../../crates/core/src/kubernetes/lint/signers.rs"),
        include_str!("../../../../crates/core/src/kubernetes/lint/guidance.rs"),
    ];
    let is_rule = |s: &str| {
        let mut parts = s.split('/');
        let word = |w: Option<&str>| {
            w.is_some_and(|w| {
                !w.is_empty()
                    && w.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            })
        };
        word(parts.next()) && word(parts.next()) && parts.next().is_none()
    };
    SOURCES
        .iter()
        .flat_map(|source| source.split('"'))
        .filter(|literal| is_rule(literal))
        .collect()
}

#[test]
fn every_rule_of_the_core_has_a_translation() {
    let rules = core_rules();
    assert!(rules.len() > 30, "the rules were not found: {rules:?}");
    assert!(rules.contains("kubelet-serving/organization"), "{rules:?}");
    let translated: BTreeSet<&str> = Lang::ZhCn
        .text()
        .lint_fixes
        .iter()
        .map(|f| f.rule)
        .collect();
    let missing: Vec<_> = rules.difference(&translated).collect();
    assert!(missing.is_empty(), "no 简体中文 fix for {missing:?}");
    let unknown: Vec<_> = translated.difference(&rules).collect();
    assert!(
        unknown.is_empty(),
        "fixes for rules the core does not have: {unknown:?}"
    );
}

#[test]
fn every_translation_keeps_its_values_and_is_chinese() {
    for fix in Lang::ZhCn.text().lint_fixes {
        assert_eq!(
            fix.en.matches("{}").count(),
            fix.text.matches("{}").count(),
            "{}: {}",
            fix.rule,
            fix.text
        );
        assert!(has_han(fix.text), "{}: {}", fix.rule, fix.text);
        assert!(!has_han(fix.en), "{}: {}", fix.rule, fix.en);
    }
}

#[test]
fn values_are_read_from_the_template_and_filled_in() {
    assert_eq!(values("a {} b {} c", "a x b y z c"), Some(vec!["x", "y z"]));
    assert_eq!(values("a {} b", "a x b b"), Some(vec!["x b"]));
    assert_eq!(values("{}", "anything"), Some(vec!["anything"]));
    assert_eq!(values("fixed", "fixed"), Some(vec![]));
    assert_eq!(values("fixed", "fixed and more"), None);
    assert_eq!(values("a {} b", "c x b"), None);
    assert_eq!(values("a {} b", "a x c"), None);
    assert_eq!(fill("删除 \"{}\"：{}", &["x", "y"]), "删除 \"x\"：y");
}

/// The CSR a spec describes, read back as the cluster reads it.
fn request(spec: &str) -> RequestInfo {
    let spec = Spec::from_json(spec).unwrap().value;
    let made = csrcraft::generate(&spec, &mut getrandom::SysRng).unwrap();
    CertificateRequest::from_pem(&made.request.pem())
        .unwrap()
        .info()
        .unwrap()
}

fn options(signer: &str, usages: Option<&[&str]>, expiration: Option<u64>) -> LintOptions {
    LintOptions {
        signer: SignerName::new(signer),
        usages: usages.map(|u| u.iter().map(|u| (*u).to_owned()).collect()),
        expiration_seconds: expiration,
    }
}

const CLIENT: &str = "kubernetes.io/kube-apiserver-client";
const KUBELET_CLIENT: &str = "kubernetes.io/kube-apiserver-client-kubelet";
const SERVING: &str = "kubernetes.io/kubelet-serving";
const EKS: &str = "beta.eks.amazonaws.com/app-serving";
const CUSTOM: &str = "example.com/serving";

const WEB: &str = r#"{"CN": "web", "hosts": ["web.example.com"]}"#;
const ALICE: &str = r#"{"CN": "alice", "names": [{"O": "dev"}]}"#;
const NODE: &str = r#"{"CN": "system:node:node-1", "names": [{"O": "system:nodes"}]}"#;
const NODE_SERVING: &str = r#"{"CN": "system:node:node-1", "names": [{"O": "system:nodes"}],
    "hosts": ["node-1.example.com", "10.0.0.11", "a@example.com", "spiffe://example.com/a"]}"#;

/// Findings of every rule, and of every fix sentence of each.
fn findings() -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut run = |request: &RequestInfo, options: LintOptions| {
        findings.extend(lint(request, &options));
    };
    let web = request(WEB);
    let mut relabelled = web.clone();
    relabelled.pem_label = Some("NEW CERTIFICATE REQUEST".to_owned());
    run(&relabelled, options(CUSTOM, None, None));
    let mut bad = web.clone();
    bad.signature = Err(SignatureError::Invalid);
    run(&bad, options(CUSTOM, None, None));
    bad.signature = Err(SignatureError::Unsupported(
        "sha1WithRSAEncryption".to_owned(),
    ));
    run(&bad, options(CUSTOM, None, None));
    run(&web, options("kubernetes.io/legacy-unknown", None, None));
    run(&web, options("serving", None, None));
    run(&web, options("kubernetes.io/kubelet-servin", None, None));
    run(&web, options(CUSTOM, Some(&[]), None));
    run(&web, options(CUSTOM, Some(&["server-auth", "bogus"]), None));
    run(
        &web,
        options(CUSTOM, Some(&["server auth", "server auth"]), None),
    );
    run(&web, options(CUSTOM, None, Some(60)));
    run(&web, options(CUSTOM, None, Some(3_000_000_000)));
    run(&web, options(SERVING, None, Some(400 * 86_400)));
    run(&web, options(EKS, None, Some(400 * 86_400)));
    run(
        &web,
        options(EKS, Some(&["server auth", "client auth"]), None),
    );
    run(
        &web,
        options(CUSTOM, Some(&["key encipherment", "server auth"]), None),
    );
    run(
        &request(r#"{"CN": "root", "names": [{"O": "system:masters"}]}"#),
        options(CLIENT, None, None),
    );
    let alice = request(ALICE);
    run(
        &alice,
        options(CLIENT, Some(&["client auth", "code signing"]), None),
    );
    run(
        &alice,
        options(CLIENT, Some(&["client auth", "server auth"]), None),
    );
    run(&alice, options(CLIENT, Some(&["digital signature"]), None));
    run(&alice, options(KUBELET_CLIENT, None, None));
    run(&alice, options(SERVING, None, None));
    let mut dropping = alice.clone();
    dropping.other_alt_names = vec!["othername:1.3.6.1.4.1.311.20.2.3".to_owned()];
    dropping.requested_extensions = vec!["subjectAltName".to_owned(), "keyUsage".to_owned()];
    run(&dropping, options(CLIENT, None, None));
    run(
        &request(r#"{"names": [{"O": "dev"}]}"#),
        options(CLIENT, None, None),
    );
    run(
        &request(r#"{"CN": "system:node:node-1"}"#),
        options(KUBELET_CLIENT, None, None),
    );
    run(
        &request(r#"{"CN": "node-1", "names": [{"O": "system:nodes"}]}"#),
        options(KUBELET_CLIENT, None, None),
    );
    run(
        &request(
            r#"{"CN": "node-1", "names": [{"O": "system:nodes"}], "hosts": ["node-1.example.com"]}"#,
        ),
        options(SERVING, None, None),
    );
    run(
        &request(r#"{"CN": "system:node:node-1", "hosts": ["node-1.example.com"]}"#),
        options(SERVING, None, None),
    );
    let node = request(NODE);
    run(&node, options(SERVING, None, None));
    run(
        &node,
        options(KUBELET_CLIENT, Some(&["client auth", "server auth"]), None),
    );
    run(&request(NODE_SERVING), options(KUBELET_CLIENT, None, None));
    run(
        &request(NODE_SERVING),
        options(SERVING, Some(&["digital signature", "client auth"]), None),
    );
    run(
        &request(r#"{"CN": "web"}"#),
        options(CUSTOM, Some(&["digital signature", "server auth"]), None),
    );
    findings
}

#[test]
fn every_fix_reads_in_chinese_and_every_sentence_is_the_cores() {
    let text = Lang::ZhCn.text();
    let mut used = BTreeSet::new();
    for finding in findings() {
        let fix = text.fix(&finding);
        assert!(
            has_han(&fix),
            "{}: the core's fix is not one of the sentences translated:\n{}",
            finding.rule,
            finding.fix
        );
        let sentence = text
            .lint_fixes
            .iter()
            .position(|f| f.rule == finding.rule && values(f.en, &finding.fix).is_some());
        used.extend(sentence);
    }
    for (i, fix) in text.lint_fixes.iter().enumerate() {
        assert!(
            used.contains(&i),
            "{}: no finding has this fix; is it still the core's?\n{}",
            fix.rule,
            fix.en
        );
    }
}

#[test]
fn english_fixes_are_the_cores() {
    for finding in findings() {
        assert_eq!(Lang::En.text().fix(&finding), finding.fix);
    }
}

#[test]
fn values_go_into_the_translation() {
    let text = Lang::ZhCn.text();
    let findings = lint(
        &request(WEB),
        &options(EKS, Some(&["server auth", "client auth"]), None),
    );
    let usage = findings
        .iter()
        .find(|f| f.rule == "eks-app-serving/usage")
        .unwrap();
    assert_eq!(
        text.fix(usage),
        "删除 \"client auth\"：--usages \"digital signature, server auth\""
    );
}
