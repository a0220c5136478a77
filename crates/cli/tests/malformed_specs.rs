//! Every malformed spec in data/malformed-specs.json gives exactly its error,
//! exit status 2, and no output at all: nothing on stdout, no files.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{csrcraft, files_in, stderr};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    name: String,
    spec: String,
    error: String,
}

fn cases() -> Vec<Case> {
    let text = include_str!("data/malformed-specs.json");
    serde_json::from_str(text).expect("the case file is valid JSON")
}

#[test]
fn there_are_at_least_forty_cases_each_naming_a_field() {
    let cases = cases();
    assert!(cases.len() >= 40, "only {} cases", cases.len());
    for case in &cases {
        let field = case.error.split(':').next().unwrap_or_default();
        assert!(
            !field.is_empty() && !field.contains(' ')
                || field.starts_with("spec is not valid JSON"),
            "{}: the error does not start with a field: {}",
            case.name,
            case.error
        );
    }
}

#[test]
fn each_malformed_spec_is_refused_with_its_error_and_no_output() {
    let mut failures = Vec::new();
    for case in cases() {
        for bare in [false, true] {
            let dir = tempfile::tempdir().unwrap();
            let args: &[&str] = if bare {
                &["genkey", "--bare", "server", "-"]
            } else {
                &["genkey", "-"]
            };
            let output = csrcraft(dir.path(), args, &case.spec);
            let expected = format!("csrcraft: error: {}\n", case.error);
            if output.status.code() != Some(2)
                || !output.stdout.is_empty()
                || stderr(&output) != expected
                || !files_in(dir.path()).is_empty()
            {
                failures.push(format!(
                    "{} (bare: {bare}): status {:?}, {} bytes on stdout, files {:?}\n  stderr:   {}  expected: {}",
                    case.name,
                    output.status.code(),
                    output.stdout.len(),
                    files_in(dir.path()),
                    stderr(&output),
                    expected
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn gencsr_refuses_the_same_specs() {
    let dir = tempfile::tempdir().unwrap();
    let key = csrcraft(
        dir.path(),
        &["genkey", "--bare", "k", "-"],
        r#"{"CN": "k"}"#,
    );
    assert!(key.status.success(), "{}", stderr(&key));
    for case in cases().iter().step_by(5) {
        let output = csrcraft(
            dir.path(),
            &["gencsr", "--key", "k-key.pem", "-"],
            &case.spec,
        );
        assert_eq!(output.status.code(), Some(2), "{}", case.name);
        assert!(output.stdout.is_empty(), "{}", case.name);
        assert_eq!(
            stderr(&output),
            format!("csrcraft: error: {}\n", case.error),
            "{}",
            case.name
        );
    }
}
