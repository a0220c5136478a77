//! Reading JSON objects the way cfssl (Go's `encoding/json`) does: keys match
//! case-insensitively; unlike Go, ambiguous and unknown keys are reported.

use crate::json::{Map, Value};
use crate::{Error, Result, Warning};

/// The fields of one JSON object, taken one by one by their cfssl names.
pub(super) struct Fields<'a> {
    path: String,
    entries: Vec<(&'a str, &'a Value)>,
}

impl<'a> Fields<'a> {
    /// Reads `value` as an object found at `path` (empty for the top level).
    pub(super) fn new(path: &str, value: &'a Value) -> Result<Self> {
        let Value::Object(map) = value else {
            let (field, example) = if path.is_empty() {
                ("spec", r#" such as {"CN": "web.example.com"}"#)
            } else {
                (path, "")
            };
            return Err(Error::field(
                field,
                format!(
                    "must be a JSON object {{...}}{example}, found {}",
                    describe(value)
                ),
            ));
        };
        reject_case_duplicates(path, map)?;
        Ok(Self {
            path: path.to_owned(),
            entries: map.iter().map(|(k, v)| (k.as_str(), v)).collect(),
        })
    }

    /// The path of a child field, e.g. `key.size`.
    pub(super) fn path_of(&self, name: &str) -> String {
        child_path(&self.path, name)
    }

    /// The value of `name` (matched case-insensitively), left in place.
    pub(super) fn peek(&self, name: &str) -> Option<&'a Value> {
        self.entries
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| *value)
    }

    /// Removes and returns the value of `name` (matched case-insensitively); JSON
    /// `null` counts as absent, as in Go.
    pub(super) fn take(&mut self, name: &str) -> Option<&'a Value> {
        let index = self
            .entries
            .iter()
            .position(|(key, _)| key.eq_ignore_ascii_case(name))?;
        let (_, value) = self.entries.remove(index);
        (!value.is_null()).then_some(value)
    }

    /// Takes `name` as a string; absent means empty.
    pub(super) fn take_string(&mut self, name: &str) -> Result<String> {
        match self.take(name) {
            None => Ok(String::new()),
            Some(value) => as_string(&self.path_of(name), value).map(str::to_owned),
        }
    }

    /// Takes `name` as an array.
    pub(super) fn take_array(&mut self, name: &str) -> Result<&'a [Value]> {
        match self.take(name) {
            None => Ok(&[]),
            Some(Value::Array(items)) => Ok(items),
            Some(other) => Err(Error::field(
                self.path_of(name),
                format!("must be an array [...], found {}", describe(other)),
            )),
        }
    }

    /// Turns every field not taken into a warning; `advice` may explain where a
    /// known setting belongs instead.
    pub(super) fn finish(
        self,
        warnings: &mut Vec<Warning>,
        advice: impl Fn(&str) -> Option<&'static str>,
    ) {
        for (key, _) in self.entries {
            let message = match advice(&key.to_ascii_lowercase()) {
                Some(advice) => format!("ignored: {advice}"),
                None => "ignored: not a cfssl CSR field (cfssl ignores it too)".to_owned(),
            };
            warnings.push(Warning::new(child_path(&self.path, key), message));
        }
    }
}

/// Reads a JSON string, naming `path` if it is something else.
pub(super) fn as_string<'v>(path: &str, value: &'v Value) -> Result<&'v str> {
    value
        .as_str()
        .ok_or_else(|| Error::field(path, format!("must be a string, found {}", describe(value))))
}

/// A short description of a JSON value for error messages.
pub(super) fn describe(value: &Value) -> String {
    value.describe()
}

fn child_path(parent: &str, name: &str) -> String {
    if parent.is_empty() {
        name.to_owned()
    } else {
        format!("{parent}.{name}")
    }
}

/// Go silently keeps the last of `"cn"` and `"CN"`; that hides mistakes, so refuse.
/// Names the earliest key that a later one repeats, and the first such later key.
fn reject_case_duplicates(path: &str, map: &Map) -> Result<()> {
    let keys: Vec<&String> = map.iter().map(|(key, _)| key).collect();
    let lowered: Vec<String> = keys.iter().map(|key| key.to_ascii_lowercase()).collect();
    let lowered: Vec<&[u8]> = lowered.iter().map(|key| key.as_bytes()).collect();
    let mut pair: Option<(usize, usize)> = None;
    for (second, first) in crate::repeats::first_earlier(&lowered)
        .into_iter()
        .enumerate()
    {
        // Walking `second` upwards, the first hit for each `first` is its nearest repeat.
        if let Some(first) = first
            && pair.is_none_or(|(earliest, _)| first < earliest)
        {
            pair = Some((first, second));
        }
    }
    if let Some((first, second)) = pair
        && let (Some(first), Some(second)) = (keys.get(first), keys.get(second))
    {
        return Err(Error::field(
            child_path(path, first),
            format!(
                "set twice, as {} and {} (keys match case-insensitively); keep one",
                crate::quoted(first),
                crate::quoted(second)
            ),
        ));
    }
    Ok(())
}
