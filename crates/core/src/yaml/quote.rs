//! How the writer spells a string: plain, 'single-quoted' or "double-quoted".
//!
//! The choice is libyaml's emitter's, as `yaml_serde` drives it, so a manifest
//! is byte for byte what it wrote: plain when that reads back as the same text,
//! single quotes when it would not (`'true'`, `'1.5'`, `': x'`), and double
//! quotes with escapes when a character needs one (a control character, a tab,
//! a BOM). Two differences:
//! - `yaml_serde` writes a string with a line break as a `|` block; here it is
//!   double-quoted with `\n`, which reads back the same in every YAML reader
//!   without depending on indentation.
//! - YAML 1.1's booleans (`yes`, `on`, `n`, ...) are single-quoted:
//!   `kubectl` reads YAML 1.1, so a CSR named `on` written plain would reach
//!   the API server as `true` and be refused. YAML 1.1's timestamps
//!   (`2026-12-06T12:00:00Z`) are single-quoted for the same readers, which
//!   would take them for dates rather than text (as kubectl's own output
//!   quotes them).

use super::resolve::reads_as_text;

/// Appends `text` as a YAML scalar to `out`.
pub(super) fn write_string(out: &mut String, text: &str) {
    if text.chars().any(needs_escape) {
        write_double_quoted(out, text);
    } else if reads_as_text(text)
        && !is_yaml11_bool(text)
        && !is_yaml11_timestamp(text)
        && plain_is_safe(text)
    {
        out.push_str(text);
    } else {
        write_single_quoted(out, text);
    }
}

/// A character that only a double-quoted string can hold: one libyaml does
/// not count as printable (controls, tab, DEL, C1, U+FEFF, U+FFFE, U+FFFF) or
/// a line break (including YAML 1.1's NEL, LS and PS).
fn needs_escape(c: char) -> bool {
    let printable = matches!(c, '\n' | ' '..='~' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
        && c != '\u{FEFF}';
    !printable || is_break(c)
}

/// A word YAML 1.1 (go-yaml v2, which `kubectl` reads manifests with) takes
/// for a boolean, though YAML 1.2 reads it as text.
pub(super) fn is_yaml11_bool(text: &str) -> bool {
    matches!(
        text,
        "y" | "Y"
            | "yes"
            | "Yes"
            | "YES"
            | "n"
            | "N"
            | "no"
            | "No"
            | "NO"
            | "on"
            | "On"
            | "ON"
            | "off"
            | "Off"
            | "OFF"
    )
}

/// Whether YAML 1.1 (go-yaml v2, PyYAML) reads `text` as a timestamp: a date
/// `YYYY-M-D`, or one followed by `T`, `t` or spaces, a time `H:MM:SS`, an
/// optional fraction and an optional zone (`Z`, `+H`, `-HH:MM`, after
/// optional spaces).
pub(super) fn is_yaml11_timestamp(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    // `n` to `m` digits at `at`.
    let digits = |at: &mut usize, n: usize, m: usize| {
        let count = bytes
            .iter()
            .skip(*at)
            .take(m)
            .take_while(|b| b.is_ascii_digit())
            .count();
        *at += count;
        count >= n
    };
    let eat = |at: &mut usize, byte: u8| {
        let found = bytes.get(*at) == Some(&byte);
        *at += usize::from(found);
        found
    };
    if !(digits(&mut at, 4, 4) && eat(&mut at, b'-') && digits(&mut at, 1, 2)) {
        return false;
    }
    if !(eat(&mut at, b'-') && digits(&mut at, 1, 2)) {
        return false;
    }
    if at == bytes.len() {
        return true;
    }
    // The separator: `T`, `t`, or spaces and tabs.
    if !(eat(&mut at, b'T') || eat(&mut at, b't')) {
        let start = at;
        while matches!(bytes.get(at), Some(b' ' | b'\t')) {
            at += 1;
        }
        if at == start {
            return false;
        }
    }
    if !(digits(&mut at, 1, 2)
        && eat(&mut at, b':')
        && digits(&mut at, 2, 2)
        && eat(&mut at, b':')
        && digits(&mut at, 2, 2))
    {
        return false;
    }
    if eat(&mut at, b'.') {
        digits(&mut at, 0, usize::MAX);
    }
    while matches!(bytes.get(at), Some(b' ' | b'\t')) {
        at += 1;
    }
    if at == bytes.len() || (eat(&mut at, b'Z') && at == bytes.len()) {
        return true;
    }
    (eat(&mut at, b'+') || eat(&mut at, b'-'))
        && digits(&mut at, 1, 2)
        && (at == bytes.len() || (eat(&mut at, b':') && digits(&mut at, 2, 2)))
        && at == bytes.len()
}

fn is_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Whether `text` (printable, one line) can be written plain in block
/// context: no leading or trailing space, no indicator where YAML reads one
/// (`- x`, `? x`, `: x`, `#`, `[`, `&`, `---` and the like at the start;
/// `: ` or ` #` inside).
fn plain_is_safe(text: &str) -> bool {
    let bytes = text.as_bytes();
    let Some(&first) = bytes.first() else {
        return false;
    };
    let followed_by_space = |i: usize| matches!(bytes.get(i + 1), None | Some(b' '));
    if first == b' ' || bytes.last() == Some(&b' ') {
        return false;
    }
    if text.starts_with("---") || text.starts_with("...") {
        return false;
    }
    if b"#,[]{}&*!|>'\"%@`".contains(&first)
        || (matches!(first, b'?' | b':' | b'-') && followed_by_space(0))
    {
        return false;
    }
    !bytes
        .iter()
        .enumerate()
        .skip(1)
        .any(|(i, &b)| (b == b':' && followed_by_space(i)) || (b == b'#' && bytes[i - 1] == b' '))
}

fn write_single_quoted(out: &mut String, text: &str) {
    out.push('\'');
    out.push_str(&text.replace('\'', "''"));
    out.push('\'');
}

fn write_double_quoted(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        if c == '"' || c == '\\' || needs_escape(c) {
            push_escape(out, c);
        } else {
            out.push(c);
        }
    }
    out.push('"');
}

/// libyaml's escape for `c`: a short one where YAML has it, else `\xXX`,
/// `\uXXXX` or `\UXXXXXXXX` in upper-case hex.
fn push_escape(out: &mut String, c: char) {
    let short = match c {
        '\0' => Some('0'),
        '\u{7}' => Some('a'),
        '\u{8}' => Some('b'),
        '\t' => Some('t'),
        '\n' => Some('n'),
        '\u{B}' => Some('v'),
        '\u{C}' => Some('f'),
        '\r' => Some('r'),
        '\u{1B}' => Some('e'),
        '"' => Some('"'),
        '\\' => Some('\\'),
        '\u{85}' => Some('N'),
        '\u{A0}' => Some('_'),
        '\u{2028}' => Some('L'),
        '\u{2029}' => Some('P'),
        _ => None,
    };
    out.push('\\');
    let code = u32::from(c);
    match short {
        Some(letter) => out.push(letter),
        None if code <= 0xFF => out.push_str(&format!("x{code:02X}")),
        None if code <= 0xFFFF => out.push_str(&format!("u{code:04X}")),
        None => out.push_str(&format!("U{code:08X}")),
    }
}

#[cfg(test)]
mod tests {
    use super::{is_yaml11_timestamp, write_string};

    #[track_caller]
    fn check(text: &str, expect: &str) {
        let mut out = String::new();
        write_string(&mut out, text);
        assert_eq!(out, expect, "{text:?}");
    }

    #[test]
    fn writes_ordinary_strings_plain() {
        check("my-svc.my-namespace", "my-svc.my-namespace");
        check("digital signature", "digital signature");
        check("example.com/serving", "example.com/serving");
        check("system:masters", "system:masters");
        check("a#b", "a#b");
        check("-x", "-x");
        check(":x", ":x");
        check("?x", "?x");
        check("a:b", "a:b");
        check(r#"tab "and" \"#, r#"tab "and" \"#);
        check("Jürgen", "Jürgen");
    }

    #[test]
    fn single_quotes_what_kubectl_reads_as_a_boolean() {
        for word in [
            "y", "Y", "yes", "Yes", "YES", "n", "NO", "on", "On", "off", "OFF",
        ] {
            check(word, &format!("'{word}'"));
        }
        check("yess", "yess");
        check("online", "online");
    }

    #[test]
    fn single_quotes_what_yaml_1_1_reads_as_a_timestamp() {
        for text in [
            "2026-12-06T12:00:00Z",
            "2026-12-06",
            "2026-1-6 1:00:00",
            "2026-12-06t12:00:00.123+01:00",
            "2026-12-06  12:00:00 -5",
        ] {
            assert!(is_yaml11_timestamp(text), "{text}");
            check(text, &format!("'{text}'"));
        }
        for text in [
            "2026-12",
            "2026-12-06T",
            "2026-12-06T12:00",
            "2026-12-06T12:00:00Zx",
            "20261206",
        ] {
            assert!(!is_yaml11_timestamp(text), "{text}");
        }
    }

    #[test]
    fn single_quotes_what_would_read_as_something_else() {
        check("", "''");
        check("true", "'true'");
        check("null", "'null'");
        check("~", "'~'");
        check("123", "'123'");
        check("0123", "'0123'");
        check("1e3", "'1e3'");
        check(".inf", "'.inf'");
        check("a: b", "'a: b'");
        check("a:", "'a:'");
        check("a #b", "'a #b'");
        check(" lead", "' lead'");
        check("trail ", "'trail '");
        check("- x", "'- x'");
        check("-", "'-'");
        check("? x", "'? x'");
        check(": x", "': x'");
        check("---", "'---'");
        check("...x", "'...x'");
        check("it's", "it's");
        check("'q'", "'''q'''");
        for indicator in [
            "#", ",", "[", "]", "{", "}", "&", "*", "!", "|", ">", "\"", "%", "@", "`",
        ] {
            check(&format!("{indicator}x"), &format!("'{indicator}x'"));
        }
    }

    #[test]
    fn double_quotes_what_needs_an_escape() {
        check("a\tb", r#""a\tb""#);
        check("line\nbreak", r#""line\nbreak""#);
        check("cr\r", r#""cr\r""#);
        check("\0\u{7}\u{8}\u{B}\u{C}\u{1B}", r#""\0\a\b\v\f\e""#);
        check("\u{1}\u{7F}\u{9F}", r#""\x01\x7F\x9F""#);
        check("\u{85}\u{2028}\u{2029}", r#""\N\L\P""#);
        check("\u{FEFF}bom", r#""\uFEFFbom""#);
        check("\u{FFFE}", r#""\uFFFE""#);
        check("\t\"q\"\\", r#""\t\"q\"\\""#);
        check("snow☃\u{1F600}\t", "\"snow☃\u{1F600}\\t\"");
    }
}
