use csrcraft::kubernetes::KnownSigner;
use csrcraft::{Check, Outcome};

use super::{Lang, Text};

/// Fields whose 简体中文 is the English: names of Kubernetes kinds, files and tools, and the
/// version line.
const SAME_IN_BOTH: &[&str] = &[
    "step_kubernetes",
    "output_csr",
    "output_manifest",
    "edition",
];

pub(super) fn has_han(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

fn entries(lang: Lang) -> Vec<(&'static str, String)> {
    Text::entries(lang.text())
}

#[test]
fn every_string_is_translated() {
    let english = entries(Lang::En);
    let chinese = entries(Lang::ZhCn);
    assert_eq!(english.len(), chinese.len());
    for ((field, en), (_, zh)) in english.iter().zip(&chinese) {
        assert!(!en.trim().is_empty(), "{field}: empty in English");
        assert!(!zh.trim().is_empty(), "{field}: empty in 简体中文");
        if SAME_IN_BOTH.contains(field) {
            assert_eq!(en, zh, "{field}: listed as the same in both languages");
            continue;
        }
        // The language switch names the other language; everything else is in its own.
        let switch = *field == "switch_language";
        assert_eq!(
            has_han(zh),
            !switch,
            "{field}: not translated to 简体中文: {zh}"
        );
        assert_eq!(
            has_han(en),
            switch,
            "{field}: Chinese in the English text: {en}"
        );
    }
}

#[test]
fn values_appear_in_both_languages() {
    let english = entries(Lang::En);
    let chinese = entries(Lang::ZhCn);
    for ((field, en), (_, zh)) in english.iter().zip(&chinese) {
        for value in ["{0}", "{1}"] {
            assert_eq!(
                en.matches(value).count(),
                zh.matches(value).count(),
                "{field} in 简体中文 drops or repeats the value {value} that English shows"
            );
        }
    }
    // A function shows each of its values.
    let shown = |field: &str, values: usize| {
        let (_, en) = english.iter().find(|(f, _)| *f == field).unwrap();
        (0..values).all(|i| en.contains(&format!("{{{i}}}")))
    };
    assert!(shown("saved", 1) && shown("generating", 2) && shown("save_failed", 2));
    for (field, en) in &english {
        assert!(
            !en.contains("{1}") || en.contains("{0}"),
            "{field} shows its second value only"
        );
    }
}

#[test]
fn english_words_of_the_core_are_the_cores() {
    let en = Lang::En.text();
    for known in KnownSigner::ALL {
        assert_eq!(en.signer(Some(known)), known.explanation(), "{known}");
    }
    for outcome in [Outcome::Pass, Outcome::Fail, Outcome::Skipped] {
        assert_eq!(en.outcome(outcome), outcome.label());
    }
    for name in [
        Check::SIGNATURE_CHAIN,
        Check::VALIDITY,
        Check::KEY_MATCH,
        Check::REQUEST_MATCH,
        Check::HOSTNAME,
        Check::USAGE,
    ] {
        assert_eq!(en.check(name), name);
        assert_ne!(Lang::ZhCn.text().check(name), name);
    }
    assert_eq!(
        en.webcrypto_unavailable,
        csrcraft_webcrypto::Error::Unavailable.to_string()
    );
}

#[test]
fn tags_read_as_their_language() {
    assert_eq!(Lang::from_tag("zh-CN"), Some(Lang::ZhCn));
    assert_eq!(Lang::from_tag("zh"), Some(Lang::ZhCn));
    assert_eq!(Lang::from_tag("zh-Hans-SG"), Some(Lang::ZhCn));
    assert_eq!(Lang::from_tag("zh_cn"), Some(Lang::ZhCn));
    assert_eq!(Lang::from_tag("zh-TW"), None);
    assert_eq!(Lang::from_tag("zh-Hant"), None);
    assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
    assert_eq!(Lang::from_tag("fr"), None);
    assert_eq!(Lang::from_tag(""), None);
    assert_eq!(Lang::ZhCn.tag(), "zh-CN");
}
