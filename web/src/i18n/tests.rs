use super::{Lang, Text};

/// Fields whose 简体中文 is the English: names of Kubernetes kinds, files and tools.
const SAME_IN_BOTH: &[&str] = &["step_kubernetes"];

fn has_han(text: &str) -> bool {
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
    for (lang, entries) in [
        (Lang::En, entries(Lang::En)),
        (Lang::ZhCn, entries(Lang::ZhCn)),
    ] {
        let en = Text::entries(Lang::En.text());
        for ((field, text), (_, english)) in entries.iter().zip(&en) {
            assert_eq!(
                text.matches("{}").count(),
                english.matches("{}").count(),
                "{field} in {lang:?} drops or repeats the value it shows"
            );
        }
    }
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
