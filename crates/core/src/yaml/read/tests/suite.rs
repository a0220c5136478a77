//! The reader on every case of the yaml-test-suite
//! (`tests/data/yaml-test-suite/`): the cases of what it reads must read as
//! the suite's JSON, and every other case must be refused with a message,
//! never read as a wrong value.

use serde_json::Value;

use super::from_str;

const CASES: &str = include_str!("../../../../tests/data/yaml-test-suite/cases.json");

/// Cases of what the reader claims to read that it refuses all the same,
/// and why.
const REFUSED_HERE: &[(&str, &str)] = &[];

/// The one case the suite gives no JSON for that the reader reads, with the
/// value its events (`test.event`) describe.
const READ_WITHOUT_SUITE_JSON: (&str, &str) = (
    "4ABK",
    r#"{"unquoted": "separate", "http://foo.com": null, "omitted value": null}"#,
);

/// Equal as JSON values, numbers by their value (`1.0` is `1`).
fn same(ours: &Value, theirs: &Value) -> bool {
    match (ours, theirs) {
        (Value::Number(a), Value::Number(b)) => a.as_f64() == b.as_f64(),
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b))
        }
        (Value::Object(a), Value::Object(b)) => {
            a.len() == b.len()
                && a.iter()
                    .all(|(key, a)| b.get(key).is_some_and(|b| same(a, b)))
        }
        _ => ours == theirs,
    }
}

#[test]
fn reads_the_suite_or_refuses_with_a_message() {
    let cases: Vec<Value> = serde_json::from_str(CASES).unwrap();
    let (mut read, mut refused) = (0, 0);
    let mut failures = Vec::new();
    for case in &cases {
        let id = case["id"].as_str().unwrap();
        let yaml = case["yaml"].as_str().unwrap();
        let refused_here = REFUSED_HERE.iter().any(|(known, _)| *known == id);
        let events_json = (id == READ_WITHOUT_SUITE_JSON.0)
            .then(|| serde_json::from_str::<Value>(READ_WITHOUT_SUITE_JSON.1).unwrap());
        match (from_str(yaml), case.get("json").or(events_json.as_ref())) {
            (Ok(ours), Some(expected)) if same(&ours, expected) && !refused_here => read += 1,
            (Ok(ours), _) => failures.push(format!("{id}: read as {ours}, {case}")),
            (Err(error), Some(_)) if !refused_here => {
                failures.push(format!("{id}: {error}, {case}"));
            }
            (Err(error), _) => {
                assert!(
                    !error.problem.is_empty() && error.line >= 1,
                    "{id}: {error:?}"
                );
                refused += 1;
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(
        (read, refused),
        (202 - REFUSED_HERE.len(), 200 + REFUSED_HERE.len())
    );
}
