//! The reader against `yaml_serde`: test files, edge cases, refusals and
//! generated documents.

use super::from_str;
use super::{Generator, yaml_serde_reads};

/// Every YAML file the tests read.
const FILES: [(&str, &str); 3] = [
    (
        "kubectl-failed.yaml",
        include_str!("../../../tests/data/inspect/kubectl-failed.yaml"),
    ),
    (
        "kubectl-issued-full.yaml",
        include_str!("../../../tests/data/inspect/kubectl-issued-full.yaml"),
    ),
    (
        "tutorial-p256.manifest.yaml",
        include_str!("../../../tests/data/tutorial-p256.manifest.yaml"),
    ),
];

/// Small documents both readers take.
const EDGE_CASES: &[&str] = &[
    "",
    "# nothing\n",
    "---\n",
    "---\na: 1\n...\n",
    "a: 1\r\nb: [x, y]\r\n",
    "\u{FEFF}a: 1\n",
    "a:\n- 1\n- 2\nb:\n  - 3\n",
    "- - a\n  - b\n- - c\n",
    "- a: 1\n  b: 2\n- c: 3\n",
    "a: {}\nb: []\nc: {x: 1, y: [2, 3], z: {}}\nd: [a, 'b', \"c\", [], {}]\n",
    "a: [one,\n  two,\n  three]\n",
    "a: {k: v,\n  l: w,}\n",
    "a: {\"k\":1}\n",
    "a: [a b, c:d, 'e, f']\n",
    "a: system:masters\nb: k:{\"type\":\"Approved\"}\nc: http://example.com/x#y\n",
    "k:{\"type\":\"Approved\"}:\n  .: {}\n",
    "a: digital signature\nb:  two  spaces  \n",
    "a: one\n  two\n\n  three\n\n\n  four\n",
    "- one\n  two\n- three\n",
    "a: b # comment\nc: d#not\n# line\ne: f\n",
    "a: 'single ''quoted'' # text'\nb: \"double \\\"quoted\\\" \\\\ \\t\"\n",
    "a: \"\\x41\\u00e9\\U0001F600\\0\\a\\b\\v\\f\\r\\e\\N\\_\\L\\P\\/\\ \"\n",
    "a: \"folded\n  over\n\n  lines\"\n",
    "a: 'folded\n  over\n\n  lines'\n",
    "a: \"trailing   \n  blanks\"\n",
    "a: \"escaped\\\n  break\"\n",
    "a: |\n  literal\n   more\n\n  end\n",
    "a: |-\n  strip\n\n",
    "a: |+\n  keep\n\n\nb: 1\n",
    "a: >\n  folded\n  text\n\n  next\n    indented\n  back\n",
    "a: >-\n  x\n  y\n",
    "a: |2\n    indent indicator\n",
    "a: |\n\n  leading empty\n",
    "- |\n  in a list\n- >\n  folded\n",
    "a:\n  b: |\n    nested\n  c: d\n",
    "a: 1\nb: -1\nc: +1\nd: 0x1F\ne: 0o17\nf: 0b11\ng: 1.5\nh: -0.5e3\ni: .inf\nj: -.Inf\nk: .nan\n",
    "a: 0123\nb: -007\nc: 00\nd: 1_000\ne: 1e\nf: 0x\n",
    "a: true\nb: False\nc: TRUE\nd: yes\ne: no\nf: on\ng: y\n",
    "a: null\nb: ~\nc:\nd: Null\ne: NULL\nf: nULL\n",
    "a: '1'\nb: \"true\"\nc: ''\nd: \"\"\n",
    "1: a\ntrue: b\nnull: c\n~: d\n0x1: e\n",
    "'quoted': 1\n\"double\": 2\n",
    "a: 18446744073709551615\nb: -9223372036854775808\nc: 99999999999999999999999999999999999999999999\n",
    "-1: x\n-x: y\n:x: z\n?x: w\n",
    "a: b:c\n",
    "a: x  # two spaces\n",
    "plain scalar\n",
    "[1, 2]\n",
    "- \n- x\n",
    "a:\nb:\n",
    "a: é☃\u{1F600}\n",
    "a: \"\\uFEFF\"\n",
    "a: [b: c]\n",
    "a: [x, # comment\n  y]\n",
    // go-yaml (kubectl) wraps long quoted text, escaping a second space.
    "a: \"a message that go-yaml wrapped\n  \\ after two spaces\"\n",
    "apiVersion: v1\nitems:\n- kind: CertificateSigningRequest\n  metadata:\n    name: one\nkind: List\nmetadata:\n  resourceVersion: \"\"\n",
];

/// Documents both readers refuse.
const BOTH_REFUSE: &[&str] = &[
    "a: -\n",
    "a: 1\n---\nb: 2\n",
    "a: \"open\n",
    "a: 'open\n",
    "a: [1, 2\n",
    "a: {k: v\n",
    "a:\n  b: 1\n   c: 2\n",
    "a: b: c\n",
    "a: 1\n- b\n",
    "a:\n\tb: 1\n",
    "a: \"\\q\"\n",
    "a: |0\n  x\n",
    "a: 18446744073709551616\n",
    "a: bell\u{7}\n",
    "a: x\u{2028}y\n",
    "a: @x\n",
    "a: - b\n",
    "? [a]\n: b\n",
];

/// Where the two differ, on purpose: yaml_serde takes these, this reader
/// refuses them with a clear message.
const ONLY_YAML_SERDE_TAKES: &[&str] = &[
    // Anchors, aliases, tags and complex keys: kubectl writes none.
    "a: &x 1\nb: *x\n",
    "a: !!str 1\n",
    // A key given twice: yaml_serde keeps the last.
    "a: 1\na: 2\n",
    // YAML 1.1 line breaks inside quotes, which YAML 1.2 reads as characters
    // (and libyaml as LS kept, NEL folded to a space).
    "a: \"x\u{2028}y\"\n",
    "a: 'x\u{85}y'\n",
    // A directive, which yaml_serde reads and drops.
    "%YAML 1.2\n---\na: 1\n",
    // saphyr-parser wants a space after a key's ':', where YAML 1.2 and
    // libyaml also take a tab.
    "a:\t1\n",
    // A flow collection's line at its block parent's column: YAML 1.2 wants
    // it indented further ([136] in-flow(c), s-flow-line-prefix(n)).
    "a: [\n]\n",
    "a: {\n}\n",
];

/// Where the two differ because libyaml departs from YAML 1.2 and
/// saphyr-parser does not: both values are what YAML 1.2 says.
const YAML_1_2: &[(&str, &str)] = &[
    // [126] ns-plain-first: in a flow collection, '?' and ':' before a safe
    // character start a plain scalar; libyaml reads `?a` as a complex key
    // and refuses `:a`.
    ("[?a, :b]\n", r#"["?a",":b"]"#),
    // The same after a comment (found by the fuzz target `yaml`, from the
    // yaml-test-suite's 6HB6).
    ("[a, # c\n ?b]\n", r#"["a","?b"]"#),
    // ... and after an explicit key's `?` (found by the same target):
    // libyaml reads the key "" with the value "a".
    ("{? :a}\n", r#"{":a":null}"#),
    // A block scalar's last line keeps its line break at the end of the text
    // too, as in the yaml-test-suite (L24T/01); libyaml drops it.
    ("a: |\n  no final newline", r#"{"a":"no final newline\n"}"#),
];

#[test]
fn reads_the_test_files_as_yaml_serde_does() {
    for (name, yaml) in FILES {
        let ours = from_str(yaml).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(Ok(ours), yaml_serde_reads(yaml), "{name}");
    }
}

#[test]
fn reads_edge_cases_as_yaml_serde_does() {
    for yaml in EDGE_CASES {
        let ours = from_str(yaml).unwrap_or_else(|e| panic!("{yaml:?}: {e}"));
        assert_eq!(Ok(ours), yaml_serde_reads(yaml), "{yaml:?}");
    }
}

#[test]
fn reads_yaml_1_2_where_libyaml_departs_from_it() {
    for (yaml, json) in YAML_1_2 {
        let ours = from_str(yaml).unwrap_or_else(|e| panic!("{yaml:?}: {e}"));
        assert_eq!(ours.to_string(), *json, "{yaml:?}");
        assert_ne!(Ok(ours), yaml_serde_reads(yaml), "{yaml:?}");
    }
}

#[test]
fn refuses_what_yaml_serde_refuses() {
    for yaml in BOTH_REFUSE {
        assert!(from_str(yaml).is_err(), "{yaml:?}");
        assert!(yaml_serde_reads(yaml).is_err(), "{yaml:?}");
    }
    // Deeper than this reader's 64 levels (yaml_serde allows 128).
    let deep = format!("{}{}", "[".repeat(65), "]".repeat(65));
    for yaml in ONLY_YAML_SERDE_TAKES.iter().copied().chain([deep.as_str()]) {
        assert!(from_str(yaml).is_err(), "{yaml:?}");
        assert!(yaml_serde_reads(yaml).is_ok(), "{yaml:?}");
    }
}
/// Pieces of plain text for generated documents: no controls or tabs, whose
/// treatment is covered above.
const PLAIN_PIECES: &[&str] = &[
    "a", "b", "x y", "0", "1", "-", "?", ":", ": ", ",", "[", "]", "{", "}", "#", " #", "&", "*",
    "!", "|", ">", "'", "\"", "%", "@", ".", "/", "~", "true", "null", "0x1", "1e3", "-1", "é",
    " ",
];

/// `text` placed in a document in one of ten ways.
fn place(way: usize, text: &str) -> String {
    match way {
        0 => format!("key: {text}\n"),
        1 => format!("- {text}\n"),
        2 => format!("a:\n  key: {text}\nb: 1\n"),
        3 => format!("a:\n- {text}\n- x\n"),
        4 => format!("[{text}]\n"),
        5 => format!("{{k: {text}}}\n"),
        6 => format!("key: '{text}'\n"),
        7 => format!("key: \"{text}\"\n"),
        8 => format!("{text}: value\n"),
        _ => format!("key: {text}\n  more {text}\n"),
    }
}

/// This reader's refusals of YAML that yaml_serde reads: by design, or where
/// libyaml takes what YAML 1.2 does not ([75] c-nb-comment-text needs a
/// blank before `#`; [126] ns-plain-first: `-` before `,[]{}` starts no
/// plain scalar).
const REFUSED_BY_DESIGN: &[&str] = &[
    "anchors ('&') are not read",
    "aliases ('*') are not read",
    "tags ('!') are not read",
    "a ':' with no key before it",
    "is given twice",
    "comments must be separated from other tokens by whitespace",
    "plain scalar cannot start with '-' followed by ,[]{}",
];

/// Whether `yaml` is a flow collection holding a `?`, `:` or `-` that YAML
/// 1.2's [126] ns-plain-first and [150] ns-flow-pair read as a plain scalar
/// or a one-pair mapping, where libyaml refuses it or reads a complex key
/// (see [`YAML_1_2`]).
fn yaml_1_2_flow(yaml: &str) -> bool {
    yaml.starts_with(['[', '{']) && yaml.contains(['?', ':', '-'])
}

/// Documents with generated text in them: both readers read the same value,
/// or both refuse, or this reader refuses by design ([`REFUSED_BY_DESIGN`]),
/// or reads a flow collection as YAML 1.2 says where libyaml does not
/// ([`yaml_1_2_flow`]).
#[test]
fn reads_generated_documents_as_yaml_serde_does() {
    let mut generator = Generator(0x00dd_ba11_dec0_de00);
    let (mut same, mut both_refuse, mut by_design, mut yaml_1_2) = (0, 0, 0, 0);
    let mut differences = Vec::new();
    for _ in 0..20_000 {
        let text = generator.string(PLAIN_PIECES, 5);
        let yaml = place(generator.next(10), &text);
        match (from_str(&yaml), yaml_serde_reads(&yaml)) {
            (Ok(ours), Ok(theirs)) if ours == theirs => same += 1,
            (Ok(_), _) if yaml_1_2_flow(&yaml) => yaml_1_2 += 1,
            (Ok(ours), Ok(theirs)) => {
                differences.push(format!("{yaml:?}: read as {ours}; yaml_serde: {theirs}"));
            }
            (Err(_), Err(_)) => both_refuse += 1,
            (Err(ours), Ok(_))
                if REFUSED_BY_DESIGN
                    .iter()
                    .any(|reason| ours.problem.contains(reason)) =>
            {
                by_design += 1;
            }
            (Ok(ours), Err(theirs)) => {
                differences.push(format!("{yaml:?}: read as {ours}; yaml_serde: {theirs}"));
            }
            (Err(ours), Ok(theirs)) => {
                differences.push(format!("{yaml:?}: {ours}; yaml_serde reads {theirs}"));
            }
        }
    }
    differences.sort();
    differences.dedup();
    assert!(differences.is_empty(), "{}", differences.join("\n"));
    // The generator must reach all three outcomes, mostly values read.
    assert!(
        same > 10_000 && both_refuse > 5_000 && by_design > 50 && yaml_1_2 < 1_000,
        "{same} read alike, {both_refuse} refused by both, {by_design} by design, {yaml_1_2} YAML 1.2 in flow"
    );
}
