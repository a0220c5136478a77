//! The core's JSON reader (`csrcraft::json`) against serde_json: the same value, or the core
//! refuses. Where serde_json reads a text the core refuses, the refusal must be one of the
//! core's deliberate ones (a key given twice, nesting deeper than 64); the core never reads a
//! text serde_json refuses, nor reads a different value. What the core reads, its writer writes
//! back to the same value (and, without non-integer numbers, byte for byte as serde_json).
#![no_main]

use csrcraft::json::{Number, Value};
use libfuzzer_sys::fuzz_target;

/// `value` as serde_json holds it: non-integer numbers as the nearest float (the core's
/// test-only `json::compat::to_serde`, which the fuzz crate cannot reach).
fn to_serde(value: &Value) -> serde_json::Value {
    match value {
        Value::Null => serde_json::Value::Null,
        Value::Bool(value) => serde_json::Value::Bool(*value),
        Value::Number(Number::Unsigned(int)) => serde_json::Value::from(*int),
        Value::Number(Number::Negative(int)) => serde_json::Value::from(*int),
        Value::Number(Number::Decimal(text)) => text
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or(serde_json::Value::Null, serde_json::Value::Number),
        Value::String(text) => serde_json::Value::String(text.clone()),
        Value::Array(items) => serde_json::Value::Array(items.iter().map(to_serde).collect()),
        Value::Object(map) => serde_json::Value::Object(
            map.iter()
                .map(|(key, value)| (key.clone(), to_serde(value)))
                .collect(),
        ),
    }
}

/// Whether `value` holds a number that is not an integer (written as read, not as serde_json).
fn has_decimal(value: &Value) -> bool {
    match value {
        Value::Number(Number::Decimal(_)) => true,
        Value::Array(items) => items.iter().any(has_decimal),
        Value::Object(map) => map.iter().any(|(_, value)| has_decimal(value)),
        _ => false,
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let ours = csrcraft::json::from_str(text);
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    match (ours, theirs) {
        (Ok(ours), Ok(theirs)) => {
            assert_eq!(to_serde(&ours), theirs, "{text:?} read differently");
            let written = csrcraft::json::to_string(&ours);
            assert_eq!(
                csrcraft::json::from_str(&written).as_ref(),
                Ok(&ours),
                "{text:?} written as {written:?} does not read back"
            );
            if !has_decimal(&ours) {
                // serde_json's writer cannot fail on its own value.
                #[allow(clippy::unwrap_used)]
                let reference = serde_json::to_string(&theirs).unwrap();
                assert_eq!(written, reference, "{text:?} written differently");
            }
        }
        (Ok(ours), Err(e)) => {
            panic!("{text:?}: only the core reads it, as {ours:?}; serde_json: {e}")
        }
        (Err(e), Ok(_)) => assert!(
            e.problem.contains("is given twice") || e.problem.contains("nest more than 64 deep"),
            "{text:?}: only serde_json reads it; the core: {e}"
        ),
        (Err(e), Err(_)) => assert!(!e.problem.is_empty(), "{text:?}: refused without a reason"),
    }
});
