//! The page's words in English and 简体中文. Every string the app shows is a field of [`Text`],
//! so a string that exists in one language and not the other does not compile; the tests here
//! catch a translation left in English. The core's and upstream Kubernetes' messages are not
//! here: they stay verbatim, as `kubectl` and the CLI print them.

mod en;
mod zh_cn;

use yew::prelude::*;

/// A language the page speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    ZhCn,
}

impl Lang {
    /// The language for a BCP 47 tag (`zh`, `zh-CN`, `zh-Hans-SG`, `en-GB`...); `None` for a
    /// language the page does not speak. Traditional Chinese tags (`zh-TW`, `zh-Hant`) are not
    /// 简体中文, so they read as `None`.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let tag = tag.trim().to_ascii_lowercase();
        let mut subtags = tag.split(['-', '_']);
        match subtags.next()? {
            "en" => Some(Lang::En),
            "zh" => {
                let traditional = subtags.any(|s| matches!(s, "hant" | "tw" | "hk" | "mo"));
                (!traditional).then_some(Lang::ZhCn)
            }
            _ => None,
        }
    }

    /// The BCP 47 tag for the page's `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// The words in this language.
    pub fn text(self) -> &'static Text {
        match self {
            Lang::En => &en::EN,
            Lang::ZhCn => &zh_cn::ZH_CN,
        }
    }
}

/// The words of the page's current language (from the nearest `ContextProvider<Lang>`;
/// English without one).
#[hook]
pub fn use_text() -> &'static Text {
    use_context::<Lang>().unwrap_or_default().text()
}

/// Declares [`Text`]: each field is `NAME: str` (a string) or `NAME: fmt` (a function of one
/// value, e.g. a file name), and the tests list every field with `entries`.
macro_rules! text {
    ($($(#[doc = $doc:literal])* $name:ident: $kind:tt,)*) => {
        /// Every string the page shows, in one language.
        pub struct Text {
            $($(#[doc = $doc])* pub $name: text!(@type $kind),)*
        }

        #[cfg(test)]
        impl Text {
            /// Each field's name and text (a function's with `{}` for its value).
            fn entries(&self) -> Vec<(&'static str, String)> {
                vec![$((stringify!($name), text!(@show self.$name, $kind)),)*]
            }
        }
    };
    (@type str) => { &'static str };
    (@type fmt) => { fn(&str) -> String };
    (@show $field:expr, str) => { $field.to_owned() };
    (@show $field:expr, fmt) => { ($field)("{}") };
}

text! {
    /// The language switch's label (in the other language, so a reader finds it).
    switch_language: str,
    /// The page's tagline under the title.
    tagline: str,
    /// The theme toggle, following the system.
    theme_system: str,
    /// The theme toggle, light.
    theme_light: str,
    /// The theme toggle, dark.
    theme_dark: str,
    /// The theme toggle's accessible label suffix.
    click_to_change: str,
    /// Step 1's heading.
    step_spec: str,
    /// Step 2's heading.
    step_kubernetes: str,
    /// Step 3's heading.
    step_generate: str,
    /// Step 4's heading.
    step_verify: str,
    /// The footer's promise.
    footer: str,
    /// Asked before Generate replaces a key.
    confirm_regenerate: str,
    /// Asked before Forget.
    confirm_forget: str,
    /// After a download of FILE.
    saved: fmt,
}

#[cfg(test)]
mod tests;
