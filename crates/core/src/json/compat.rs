//! Test-only conversions between [`Value`] and `serde_json::Value`, for tests
//! that compare with `serde_json` and `yaml_serde` or write values with
//! `serde_json::json!`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::{Map, Number, Value};

/// `value` as serde_json holds it: non-integer numbers as the nearest float,
/// objects sorted by key.
pub(crate) fn to_serde(value: &Value) -> serde_json::Value {
    match value {
        Value::Null => serde_json::Value::Null,
        Value::Bool(value) => serde_json::Value::Bool(*value),
        Value::Number(Number::Unsigned(int)) => serde_json::Value::from(*int),
        Value::Number(Number::Negative(int)) => serde_json::Value::from(*int),
        Value::Number(number) => serde_json::Number::from_f64(number.as_f64())
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

/// `value` as [`Value`]: floats as serde_json writes them, objects sorted by key.
pub(crate) fn from_serde(value: &serde_json::Value) -> Value {
    match value {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(value) => Value::Bool(*value),
        serde_json::Value::Number(number) => {
            if let Some(int) = number.as_u64() {
                Value::from(int)
            } else if let Some(int) = number.as_i64() {
                Value::from(int)
            } else {
                Value::Number(Number::decimal(&number.to_string()).expect("a finite float"))
            }
        }
        serde_json::Value::String(text) => Value::String(text.clone()),
        serde_json::Value::Array(items) => Value::Array(items.iter().map(from_serde).collect()),
        serde_json::Value::Object(map) => Value::Object(
            Map::from_read(
                map.iter()
                    .enumerate()
                    .map(|(place, (key, value))| (key.clone(), place, from_serde(value)))
                    .collect(),
            )
            .expect("serde_json's keys are distinct"),
        ),
    }
}
