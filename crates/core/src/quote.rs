//! Text quoted for a person to read in a message: `"bücher.example"`, `"tab\there"`.
//!
//! Like Rust's `{:?}` on `str` and `char`, minus the Unicode tables that come with it
//! (`char::escape_debug_ext`, `core::unicode::printable` and the grapheme-extend table, some
//! 10 KB of wasm that compresses poorly). What is escaped is decided by a few range checks:
//!
//! - the quote mark and `\` get a backslash; `\n`, `\r`, `\t` and `\0` are written as such;
//! - other control characters (C0, DEL, C1), the line and paragraph separators, the invisible or
//!   direction-changing format characters (soft hyphen, zero-width spaces and joiners,
//!   bidirectional marks, embeddings, overrides and isolates, word joiner and invisible operators,
//!   byte order mark, interlinear annotation, tag characters and the other Unicode `Cf`
//!   characters), the spaces other than U+0020 (no-break, en, em, thin, ideographic, ...), private
//!   use characters and the noncharacters U+FFFE and U+FFFF as `\u{ad}`, lowercase hexadecimal
//!   as Debug writes them;
//! - a combining mark from the combining blocks at the very start, where it has nothing to
//!   combine with, as `\u{301}`;
//! - every other character as itself, so `"bücher.example"` and `"日本"` stay readable.
//!
//! Where Debug differs: Debug also escapes combining marks (and other grapheme extenders) after
//! the start, e.g. a decomposed `e\u{301}`, and unassigned code points; this keeps them as they
//! are, since telling them apart needs the tables this module avoids.

use core::fmt::{self, Write};

/// `text` in double quotes for messages: the quote mark and `\` get a backslash, and
/// control, format and other invisible characters are written as `\u{..}`.
pub fn quoted(text: &str) -> Quoted<'_> {
    Quoted(text)
}

/// `c` in single quotes (`'x'`, `'\''`), escaped as [`quoted`] escapes text; for messages.
pub fn quoted_char(c: char) -> QuotedChar {
    QuotedChar(c)
}

/// The [`Display`](fmt::Display) of [`quoted`].
#[derive(Clone, Copy)]
pub struct Quoted<'a>(&'a str);

/// The [`Display`](fmt::Display) of [`quoted_char`].
#[derive(Clone, Copy)]
pub struct QuotedChar(char);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_quoted(f, self.0, '"')
    }
}

impl fmt::Display for QuotedChar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_quoted(f, self.0.encode_utf8(&mut [0; 4]), '\'')
    }
}

fn write_quoted(f: &mut fmt::Formatter<'_>, text: &str, mark: char) -> fmt::Result {
    f.write_char(mark)?;
    // runs of characters written as they are go out in one piece
    let mut plain = 0;
    for (at, c) in text.char_indices() {
        let named = match c {
            '\\' => Some('\\'),
            '\n' => Some('n'),
            '\r' => Some('r'),
            '\t' => Some('t'),
            '\0' => Some('0'),
            _ if c == mark => Some(mark),
            _ => None,
        };
        let hex = named.is_none() && (invisible(c) || (at == 0 && combining(c)));
        if named.is_none() && !hex {
            continue;
        }
        f.write_str(text.get(plain..at).unwrap_or_default())?;
        plain = at + c.len_utf8();
        match named {
            Some(name) => {
                f.write_char('\\')?;
                f.write_char(name)?;
            }
            None => write!(f, "\\u{{{:x}}}", u32::from(c))?,
        }
    }
    f.write_str(text.get(plain..).unwrap_or_default())?;
    f.write_char(mark)
}

/// Characters a reader would not see, or would take for another: controls, separators other than
/// U+0020, format characters, private use and the noncharacters U+FFFE and U+FFFF.
fn invisible(c: char) -> bool {
    matches!(u32::from(c),
        // C0, DEL, C1
        0x00..=0x1F | 0x7F..=0x9F
        // no-break space, soft hyphen
        | 0xA0 | 0xAD
        // Arabic number signs and letter mark, Syriac abbreviation mark, Arabic pound and piastre
        // marks, Arabic disputed end of ayah, Mongolian vowel separator, Ogham space mark
        | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x890..=0x891 | 0x8E2 | 0x180E | 0x1680
        // en quad .. hair space, zero-width space, joiners, direction marks
        | 0x2000..=0x200F
        // line and paragraph separators, embeddings and overrides, narrow no-break space
        | 0x2028..=0x202F
        // medium mathematical space, word joiner, invisible operators, isolates, deprecated
        // format characters (U+2065 is unassigned)
        | 0x205F..=0x206F
        // ideographic space
        | 0x3000
        // private use area
        | 0xE000..=0xF8FF
        // byte order mark (zero-width no-break space)
        | 0xFEFF
        // interlinear annotation, noncharacters
        | 0xFFF9..=0xFFFB | 0xFFFE..=0xFFFF
        // Kaithi number signs, Egyptian hieroglyph format controls, shorthand format controls,
        // musical symbol beams and slurs
        | 0x110BD | 0x110CD | 0x13430..=0x1343F | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A
        // language tag and tag characters
        | 0xE0001 | 0xE0020..=0xE007F
        // supplementary private use areas
        | 0xF0000..=0x10FFFF
    )
}

/// Combining marks of the combining blocks: diacritical marks, their extended and supplement
/// blocks, marks for symbols, half marks. Only escaped at the start, where they combine with the
/// opening quote.
fn combining(c: char) -> bool {
    matches!(u32::from(c),
        0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
    )
}

#[cfg(test)]
mod tests {
    use super::{quoted, quoted_char};

    #[track_caller]
    fn check(input: &str, expect: &str) {
        assert_eq!(quoted(input).to_string(), expect, "{input:?}");
    }

    #[test]
    fn plain_text_as_it_is() {
        check("", r#""""#);
        check("a", r#""a""#);
        check("web.example.com", r#""web.example.com""#);
        check("a b", r#""a b""#);
        check("it's", r#""it's""#);
        check(
            "~!@#$%^&*()_+{}|:<>?`-=[];,./",
            r#""~!@#$%^&*()_+{}|:<>?`-=[];,./""#,
        );
        check("bücher.example", r#""bücher.example""#);
        check("straße", r#""straße""#);
        check("日本.jp", r#""日本.jp""#);
        check("пример.рф", r#""пример.рф""#);
        check("مثال", r#""مثال""#);
        check("emoji 🔑", r#""emoji 🔑""#);
        check("👍\u{fe0f}", "\"👍\u{fe0f}\"");
        check("ǅ", r#""ǅ""#);
        check("\u{7e}", r#""~""#);
        check("\u{a1}", r#""¡""#);
        check("\u{ff}", r#""ÿ""#);
        check("\u{fffd}", "\"\u{fffd}\"");
        check("\u{1f600}", "\"\u{1f600}\"");
    }

    #[test]
    fn quote_mark_and_backslash() {
        check("\"", r#""\"""#);
        check("\\", r#""\\""#);
        check(r#"say "hi""#, r#""say \"hi\"""#);
        check(r"C:\dir", r#""C:\\dir""#);
        check("\\\"", r#""\\\"""#);
    }

    #[test]
    fn named_escapes() {
        check("\n", r#""\n""#);
        check("\r", r#""\r""#);
        check("\t", r#""\t""#);
        check("\0", r#""\0""#);
        check("a\r\nb", r#""a\r\nb""#);
        check("\tx\t", r#""\tx\t""#);
    }

    #[test]
    fn controls_as_code_points() {
        check("\u{1}", r#""\u{1}""#);
        check("\u{7}", r#""\u{7}""#);
        check("\u{b}", r#""\u{b}""#);
        check("\u{c}", r#""\u{c}""#);
        check("\u{1b}[0m", r#""\u{1b}[0m""#);
        check("\u{1f}", r#""\u{1f}""#);
        check("\u{7f}", r#""\u{7f}""#);
        check("\u{80}", r#""\u{80}""#);
        check("\u{85}", r#""\u{85}""#);
        check("\u{9f}", r#""\u{9f}""#);
    }

    #[test]
    fn invisible_and_confusable_as_code_points() {
        check("soft\u{ad}hyphen", r#""soft\u{ad}hyphen""#);
        check("no\u{a0}break", r#""no\u{a0}break""#);
        check("zero\u{200b}width", r#""zero\u{200b}width""#);
        check("\u{200c}\u{200d}", r#""\u{200c}\u{200d}""#);
        check("\u{200e}\u{200f}", r#""\u{200e}\u{200f}""#);
        check("\u{2028}\u{2029}", r#""\u{2028}\u{2029}""#);
        check("abc\u{202e}gpj.exe", r#""abc\u{202e}gpj.exe""#);
        check(
            "\u{202a}\u{202b}\u{202c}\u{202d}",
            r#""\u{202a}\u{202b}\u{202c}\u{202d}""#,
        );
        check("\u{202f}", r#""\u{202f}""#);
        check("\u{2060}\u{2064}", r#""\u{2060}\u{2064}""#);
        check("\u{2066}\u{2069}", r#""\u{2066}\u{2069}""#);
        check("\u{feff}bom", r#""\u{feff}bom""#);
        check("\u{fff9}\u{fffa}\u{fffb}", r#""\u{fff9}\u{fffa}\u{fffb}""#);
        check("\u{fffe}\u{ffff}", r#""\u{fffe}\u{ffff}""#);
        check("\u{2000}\u{200a}\u{3000}", r#""\u{2000}\u{200a}\u{3000}""#);
        check("\u{61c}\u{180e}", r#""\u{61c}\u{180e}""#);
        check("\u{e000}\u{f8ff}", r#""\u{e000}\u{f8ff}""#);
        check("\u{e0001}\u{e0041}", r#""\u{e0001}\u{e0041}""#);
        check("\u{f0000}\u{10ffff}", r#""\u{f0000}\u{10ffff}""#);
    }

    #[test]
    fn neighbours_of_escaped_ranges_as_they_are() {
        check("\u{20}", r#"" ""#);
        check("\u{a1}\u{ac}\u{ae}", "\"\u{a1}\u{ac}\u{ae}\"");
        check("\u{1ff}\u{2010}\u{2027}", "\"\u{1ff}\u{2010}\u{2027}\"");
        check("\u{2030}\u{205e}\u{2070}", "\"\u{2030}\u{205e}\u{2070}\"");
        check("\u{2fff}\u{3001}\u{d7ff}", "\"\u{2fff}\u{3001}\u{d7ff}\"");
        check("\u{f900}\u{fefe}\u{ff00}", "\"\u{f900}\u{fefe}\u{ff00}\"");
        check("\u{fff8}\u{fffc}\u{fffd}", "\"\u{fff8}\u{fffc}\u{fffd}\"");
    }

    #[test]
    fn combining_marks_escaped_only_at_the_start() {
        check("\u{301}", r#""\u{301}""#);
        check("\u{301}a", r#""\u{301}a""#);
        check("e\u{301}", "\"e\u{301}\"");
        check("\u{20dd}", r#""\u{20dd}""#);
        check("a\u{20dd}", "\"a\u{20dd}\"");
        check("\u{fe2f}", r#""\u{fe2f}""#);
        check("\u{300}\u{300}", "\"\\u{300}\u{300}\"");
    }

    #[test]
    fn escapes_between_plain_runs() {
        check("a\nb\tc", r#""a\nb\tc""#);
        check("ü\u{1}ü", r#""ü\u{1}ü""#);
        check("\n\n", r#""\n\n""#);
        check("x\u{200b}", r#""x\u{200b}""#);
    }

    #[test]
    fn chars_in_single_quotes() {
        let check = |c: char, expect: &str| assert_eq!(quoted_char(c).to_string(), expect, "{c:?}");
        check('a', "'a'");
        check('ü', "'ü'");
        check('\'', r"'\''");
        check('"', "'\"'");
        check('\\', r"'\\'");
        check('\n', r"'\n'");
        check('\0', r"'\0'");
        check('\u{7f}', r"'\u{7f}'");
        check('\u{ad}', r"'\u{ad}'");
        check('\u{301}', r"'\u{301}'");
    }

    #[test]
    fn padding_and_width_are_ignored() {
        assert_eq!(format!("{:>8}", quoted("a")), r#""a""#);
    }

    /// On ASCII and on common text `{:?}` agrees; it differs on combining marks after the start
    /// and on unassigned code points, which Debug escapes and this keeps.
    #[test]
    fn agrees_with_debug() {
        for byte in 0..=0x7F_u8 {
            let c = char::from(byte);
            let text = format!("a{c}b{c}");
            assert_eq!(quoted(&text).to_string(), format!("{text:?}"), "{byte:#x}");
            assert_eq!(quoted_char(c).to_string(), format!("{c:?}"), "{byte:#x}");
        }
        let common = [
            "",
            "web.example.com",
            "*.example.com",
            "bücher.example",
            "straße 12, Köln",
            "Ærøskøbing",
            "naïve café",
            "日本語.jp",
            "пример.рф",
            "مثال.إختبار",
            "דוגמה",
            "ελληνικά",
            "한국어",
            "🔑🔒",
            "€£¥©®™°±µ¶§",
            "line\nbreak\ttab\r\0",
            "soft\u{ad}hyphen no\u{a0}break \u{200b}\u{200d}\u{202e}\u{2066}\u{feff}\u{fffb}",
            "\u{1}\u{1f}\u{7f}\u{80}\u{9f}\u{2028}\u{2029}\u{3000}\u{e000}\u{f8ff}\u{fffe}",
            "\u{e0001}\u{e007f}\u{f0000}\u{10fffd}\u{110bd}\u{1bca0}\u{1d173}",
            "\u{301}leading mark",
        ];
        for text in common {
            assert_eq!(quoted(text).to_string(), format!("{text:?}"), "{text:?}");
        }
        // where they differ
        let differ = [
            ("e\u{301}", "\"e\u{301}\"", r#""e\u{301}""#),
            ("a\u{20dd}", "\"a\u{20dd}\"", r#""a\u{20dd}""#),
            (
                "\u{5d0}\u{5b8}",
                "\"\u{5d0}\u{5b8}\"",
                "\"\u{5d0}\\u{5b8}\"",
            ),
            ("x\u{e0100}", "\"x\u{e0100}\"", r#""x\u{e0100}""#),
            ("\u{378}", "\"\u{378}\"", r#""\u{378}""#),
        ];
        for (text, ours, debug) in differ {
            assert_eq!(quoted(text).to_string(), ours, "{text:?}");
            assert_eq!(format!("{text:?}"), debug, "{text:?}");
        }
    }
}
