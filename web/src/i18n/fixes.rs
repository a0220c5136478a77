//! The lint findings' fixes in the reader's language. The core writes each `fix` in English,
//! with values (a usage, a host, the suggested `--usages`) put into a fixed sentence; a
//! [`FixText`] is one such sentence, keyed by the finding's `rule`, with `{}` where the values
//! go, and the same in another language. A fix that matches none of its rule's sentences (a
//! rule without a translation, or a sentence the core has since reworded) is shown as the core
//! wrote it. The findings' messages are upstream's and are never translated.

use std::borrow::Cow;

use csrcraft::kubernetes::Finding;

use super::Text;

/// One fix sentence of a lint rule, in the core's English and in another language.
#[derive(Debug)]
pub struct FixText {
    /// The finding's `rule`, e.g. `kubelet-serving/organization`.
    pub rule: &'static str,
    /// The core's English, with `{}` for each value.
    pub en: &'static str,
    /// The same in this language, with the values' `{}` in the same order.
    pub text: &'static str,
}

impl Text {
    /// The finding's fix in this language; the core's English when this language has no
    /// sentence for it.
    pub fn fix<'a>(&self, finding: &'a Finding) -> Cow<'a, str> {
        self.lint_fixes
            .iter()
            .filter(|fix| fix.rule == finding.rule)
            .find_map(|fix| values(fix.en, &finding.fix).map(|values| fill(fix.text, &values)))
            .map_or(Cow::Borrowed(finding.fix.as_str()), Cow::Owned)
    }
}

/// The values in `text` at the places of `template`'s `{}`s, when `text` has its shape. Each
/// value but the last is as short as can be: a value never holds the literal text after it.
fn values<'a>(template: &str, text: &'a str) -> Option<Vec<&'a str>> {
    let mut pieces = template.split("{}");
    let first = pieces.next().unwrap_or_default();
    let mut rest = text.strip_prefix(first)?;
    let pieces: Vec<&str> = pieces.collect();
    let Some((last, middle)) = pieces.split_last() else {
        return rest.is_empty().then(Vec::new);
    };
    let mut values = Vec::with_capacity(pieces.len());
    for piece in middle {
        let at = rest.find(piece)?;
        values.push(&rest[..at]);
        rest = &rest[at + piece.len()..];
    }
    values.push(rest.strip_suffix(last)?);
    Some(values)
}

/// `template` with its `{}`s replaced by `values`, in order.
fn fill(template: &str, values: &[&str]) -> String {
    let mut out =
        String::with_capacity(template.len() + values.iter().map(|v| v.len()).sum::<usize>());
    let mut values = values.iter();
    let mut pieces = template.split("{}");
    out.push_str(pieces.next().unwrap_or_default());
    for piece in pieces {
        out.push_str(values.next().copied().unwrap_or_default());
        out.push_str(piece);
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests;
