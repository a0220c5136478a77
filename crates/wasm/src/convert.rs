//! JS values in and out: option objects, text or bytes, times, and the plain
//! objects the exports return. No csrcraft logic lives here.

use csrcraft::kubernetes::split_usages;
use csrcraft::{UnixTime, Warning};
use js_sys::{Array, Date, JSON, Number, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsError, JsValue};
use zeroize::Zeroizing;

/// A thrown JS `Error` with `message`.
pub(crate) fn error(message: impl AsRef<str>) -> JsError {
    JsError::new(message.as_ref())
}

/// An options object as passed from JS: `undefined`/`null` reads as empty, and
/// a key that is not one of the known ones is an error rather than silently
/// ignored (a misspelled `signr` would otherwise drop the signer).
pub(crate) struct Options(Option<JsValue>);

impl Options {
    /// Reads `value` as an options object with the given `known` keys.
    pub(crate) fn read(value: &JsValue, known: &[&str]) -> Result<Self, JsError> {
        if value.is_undefined() || value.is_null() {
            return Ok(Self(None));
        }
        let Some(object) = value
            .dyn_ref::<Object>()
            .filter(|_| !Array::is_array(value))
        else {
            return Err(error("options: expected an object"));
        };
        for key in Object::keys(object).iter() {
            let key = key.as_string().unwrap_or_default();
            if !known.contains(&key.as_str()) {
                return Err(error(format!(
                    "options.{key}: not an option here; the options are {}",
                    known.join(", ")
                )));
            }
        }
        Ok(Self(Some(value.clone())))
    }

    /// The value at `key`; `undefined` and `null` read as absent.
    fn get(&self, key: &str) -> Option<JsValue> {
        let object = self.0.as_ref()?;
        Reflect::get(object, &JsValue::from_str(key))
            .ok()
            .filter(|value| !value.is_undefined() && !value.is_null())
    }

    /// Whether `key` is given (not `undefined` or `null`).
    pub(crate) fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// A string option.
    pub(crate) fn string(&self, key: &str) -> Result<Option<String>, JsError> {
        self.get(key)
            .map(|value| {
                value
                    .as_string()
                    .ok_or_else(|| error(format!("options.{key}: expected a string")))
            })
            .transpose()
    }

    /// A boolean option; absent reads as `false`.
    pub(crate) fn boolean(&self, key: &str) -> Result<bool, JsError> {
        self.get(key).map_or(Ok(false), |value| {
            value
                .as_bool()
                .ok_or_else(|| error(format!("options.{key}: expected true or false")))
        })
    }

    /// A string option that must be given: `what` says what it is for.
    pub(crate) fn required(&self, key: &str, what: &str) -> Result<String, JsError> {
        self.string(key)?
            .ok_or_else(|| error(format!("options.{key}: required: {what}")))
    }

    /// A passphrase: its UTF-8 bytes, as openssl takes a passphrase file's.
    pub(crate) fn passphrase(&self, key: &str) -> Result<Option<Zeroizing<Vec<u8>>>, JsError> {
        Ok(self
            .string(key)?
            .map(|text| Zeroizing::new(text.into_bytes())))
    }

    /// `spec.usages`: an array of strings, or one comma-separated string as
    /// on the command line (`"digital signature, server auth"`).
    pub(crate) fn usages(&self, key: &str) -> Result<Option<Vec<String>>, JsError> {
        let Some(value) = self.get(key) else {
            return Ok(None);
        };
        let bad = || {
            error(format!(
                "options.{key}: expected an array of strings or a comma-separated string"
            ))
        };
        if let Some(text) = value.as_string() {
            return Ok(Some(split_usages(&text)));
        }
        let array = value.dyn_ref::<Array>().ok_or_else(bad)?;
        array
            .iter()
            .map(|item| item.as_string().ok_or_else(bad))
            .collect::<Result<Vec<_>, _>>()
            .map(Some)
    }

    /// A duration as the core parses it: a string (`"24h"`, `"90d"`) or a
    /// number of seconds, which is handed over as its decimal text.
    pub(crate) fn duration(&self, key: &str) -> Result<Option<String>, JsError> {
        let Some(value) = self.get(key) else {
            return Ok(None);
        };
        if let Some(seconds) = value.as_f64() {
            return Ok(Some(number_text(seconds)));
        }
        value.as_string().map(Some).ok_or_else(|| {
            error(format!(
                "options.{key}: expected a number of seconds or a duration such as \"24h\""
            ))
        })
    }

    /// A time: a `Date`, milliseconds since the epoch (as `Date.now()`
    /// gives), or RFC 3339 text; absent means now, read from `Date.now()`.
    pub(crate) fn time(&self, key: &str) -> Result<UnixTime, JsError> {
        let Some(value) = self.get(key) else {
            return from_millis(Date::now(), key);
        };
        if let Some(date) = value.dyn_ref::<Date>() {
            return from_millis(date.get_time(), key);
        }
        if let Some(millis) = value.as_f64() {
            return from_millis(millis, key);
        }
        match value.as_string() {
            Some(text) => {
                Ok(UnixTime::parse_rfc3339(&text)
                    .map_err(|e| e.named(&format!("options.{key}")))?)
            }
            None => Err(error(format!(
                "options.{key}: expected a Date, milliseconds since 1970 or RFC 3339 text"
            ))),
        }
    }

    /// Text or bytes, or an array of them (`ca` may name several files' worth).
    pub(crate) fn bytes_list(&self, key: &str) -> Result<Vec<Vec<u8>>, JsError> {
        let what = format!("options.{key}");
        match self.get(key) {
            None => Ok(Vec::new()),
            Some(value) if Array::is_array(&value) => Array::from(&value)
                .iter()
                .map(|item| bytes(&item, &what))
                .collect(),
            Some(value) => Ok(vec![bytes(&value, &what)?]),
        }
    }
}

/// Input given as text (PEM, base64, kubectl YAML or JSON) or as bytes (DER,
/// or any of those as UTF-8).
pub(crate) fn bytes(value: &JsValue, what: &str) -> Result<Vec<u8>, JsError> {
    if let Some(text) = value.as_string() {
        return Ok(text.into_bytes());
    }
    match value.dyn_ref::<Uint8Array>() {
        Some(array) => Ok(array.to_vec()),
        None => Err(error(format!(
            "{what}: expected text (PEM, base64, kubectl YAML or JSON) or a Uint8Array"
        ))),
    }
}

/// A cfssl spec as JSON text: a string as given, an object through
/// `JSON.stringify`, so the core's parser and messages apply to both.
pub(crate) fn spec_text(spec: &JsValue) -> Result<String, JsError> {
    if let Some(text) = spec.as_string() {
        return Ok(text);
    }
    if !spec.is_object() {
        return Err(error(
            "spec: expected the cfssl CSR JSON, as text or as an object",
        ));
    }
    JSON::stringify(spec).map(String::from).map_err(|e| {
        error(format!(
            "spec: cannot be written as JSON ({})",
            describe(&e)
        ))
    })
}

/// A number as decimal text: a whole number (within the range where every
/// integer is exact) as an integer, anything else as JS writes it. Rust's
/// float formatting is not used: it would add about 8 KB to the wasm.
fn number_text(number: f64) -> String {
    const EXACT: f64 = 9_007_199_254_740_991.0; // 2^53 - 1
    if number.fract() == 0.0 && number.abs() <= EXACT {
        // Whole and within ±2^53, so the conversion is exact.
        return (number as i64).to_string();
    }
    // `toString(10)` throws only for a radix outside 2..=36; the empty text
    // the core would refuse is never reached.
    Number::from(number)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}

/// Milliseconds since the epoch as whole seconds (rounded down).
fn from_millis(millis: f64, key: &str) -> Result<UnixTime, JsError> {
    if !millis.is_finite() {
        return Err(error(format!("options.{key}: not a valid time")));
    }
    // `as` saturates; a finite f64 of milliseconds fits i64 seconds for any real date.
    Ok(UnixTime((millis / 1000.0).floor() as i64))
}

/// The core's JSON text (inspection, lint and verify reports) as a JS object,
/// its field names in camelCase as JS expects (`subject_alt_names` becomes
/// `subjectAltNames`); values are as the core wrote them. The CLI's `--json`
/// keeps the published snake_case.
pub(crate) fn json_object(text: &str) -> Result<Object, JsError> {
    let value = JSON::parse(text)
        .map_err(|e| error(format!("reading the core's JSON failed: {}", describe(&e))))?;
    camel_keys(value)
        .dyn_into::<Object>()
        .map_err(|_| error("reading the core's JSON failed: not an object"))
}

/// `value` with the keys of every object in it (through arrays and nested
/// objects) in camelCase, each object rebuilt so its keys keep their order.
///
/// Every key is renamed: every object in the core's published JSON views is a
/// record of named fields, and none uses data (names, OIDs, hosts) as keys.
/// A map keyed by data, if one is ever added to them, must keep its keys:
/// it would have to be skipped here by its path.
fn camel_keys(value: JsValue) -> JsValue {
    if Array::is_array(&value) {
        return Array::from(&value)
            .iter()
            .map(camel_keys)
            .collect::<Array>()
            .into();
    }
    if !value.is_object() {
        return value;
    }
    let object = Object::new();
    for key in Object::keys(value.unchecked_ref::<Object>()).iter() {
        // A property of a plain object from `JSON.parse`: reading and
        // defining it cannot fail.
        let item = Reflect::get(&value, &key).unwrap_or(JsValue::NULL);
        let name = key.as_string().unwrap_or_default();
        let _ = Reflect::set(
            &object,
            &JsValue::from(camel_case(&name)),
            &camel_keys(item),
        );
    }
    object.into()
}

/// A snake_case field name in camelCase (`not_before` → `notBefore`); a name
/// without `_` is unchanged.
fn camel_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// `[{ field, message }]`.
pub(crate) fn warnings(warnings: &[Warning]) -> Array {
    warnings
        .iter()
        .map(|warning| {
            JsValue::from(
                Out::new()
                    .set("field", warning.field.as_str())
                    .set("message", warning.message.as_str()),
            )
        })
        .collect()
}

/// An array of strings.
pub(crate) fn strings(items: &[String]) -> Array {
    items.iter().map(|item| JsValue::from_str(item)).collect()
}

/// A JS exception's message, for an error of our own.
fn describe(exception: &JsValue) -> String {
    exception
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| exception.as_string())
        .unwrap_or_else(|| "unknown JS error".to_owned())
}

/// A plain JS object under construction.
pub(crate) struct Out(Object);

impl Out {
    /// `{}`.
    pub(crate) fn new() -> Self {
        Self(Object::new())
    }

    /// Sets `key` to `value`.
    pub(crate) fn set(self, key: &str, value: impl Into<JsValue>) -> Self {
        // Defining a property on a plain data object cannot fail.
        let _ = Reflect::set(&self.0, &JsValue::from_str(key), &value.into());
        self
    }
}

impl From<Object> for Out {
    fn from(object: Object) -> Self {
        Self(object)
    }
}

impl From<Out> for JsValue {
    fn from(out: Out) -> Self {
        out.0.into()
    }
}

#[cfg(test)]
mod tests {
    use super::camel_case;

    #[track_caller]
    fn check(name: &str, expect: &str) {
        assert_eq!(camel_case(name), expect);
    }

    #[test]
    fn field_names_become_camel_case() {
        check("subject_alt_names", "subjectAltNames");
        check("not_before", "notBefore");
        check("last_transition_time", "lastTransitionTime");
        check("spki_sha256", "spkiSha256");
        check("path_len", "pathLen");
    }

    #[test]
    fn single_words_and_camel_case_are_unchanged() {
        check("sha256", "sha256");
        check("at", "at");
        check("csrPem", "csrPem");
        check("specWarnings", "specWarnings");
        check("", "");
    }
}
