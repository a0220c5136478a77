//! The spec form and the cfssl JSON text, kept in sync both ways.
//!
//! Reading is lenient (the core's [`csrcraft::Spec::from_json`] is the judge of what is valid);
//! this module only moves text between form fields and JSON keys. Keys the form does not show
//! (`serialnumber`, `E`, `OID`, unknown keys) are kept as they are.

use csrcraft::json::{self, Map, Value};
use csrcraft::{DEFAULT_ALGO, key_sizes};

/// One `names` entry as the form shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NameRow {
    /// `C`
    pub country: String,
    /// `ST`
    pub state: String,
    /// `L`
    pub locality: String,
    /// `O`
    pub organization: String,
    /// `OU`
    pub unit: String,
}

/// The `names` keys the form edits, with the row field each fills.
pub const NAME_KEYS: [&str; 5] = ["C", "ST", "L", "O", "OU"];

impl NameRow {
    /// The value under one of [`NAME_KEYS`].
    pub fn get(&self, key: &str) -> &str {
        match key {
            "C" => &self.country,
            "ST" => &self.state,
            "L" => &self.locality,
            "O" => &self.organization,
            _ => &self.unit,
        }
    }

    /// Sets the value under one of [`NAME_KEYS`].
    pub fn set(&mut self, key: &str, value: String) {
        match key {
            "C" => self.country = value,
            "ST" => self.state = value,
            "L" => self.locality = value,
            "O" => self.organization = value,
            _ => self.unit = value,
        }
    }
}

/// What the form shows. `hosts` is the textarea's text, one host a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpecForm {
    /// `CN`
    pub common_name: String,
    /// `hosts`, one a line
    pub hosts: String,
    /// `key.algo`: `ecdsa`, `rsa` or `ed25519`
    pub algo: String,
    /// `key.size` as text, so that a bad value from the JSON still shows
    pub size: String,
    /// `names`
    pub names: Vec<NameRow>,
}

impl Default for SpecForm {
    fn default() -> Self {
        Self {
            common_name: String::new(),
            hosts: String::new(),
            algo: DEFAULT_ALGO.to_owned(),
            size: default_size(DEFAULT_ALGO),
            names: Vec::new(),
        }
    }
}

/// One edit of the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormEdit {
    /// The common name.
    CommonName(String),
    /// The hosts textarea.
    Hosts(String),
    /// The key algorithm; the size goes to that algorithm's default.
    Algo(String),
    /// The key size.
    Size(String),
    /// One field of one `names` row: row, key (one of [`NAME_KEYS`]), value.
    Name(usize, &'static str, String),
    /// Adds an empty `names` row.
    AddName,
    /// Removes a `names` row.
    RemoveName(usize),
}

impl SpecForm {
    /// Reads the form out of cfssl JSON; `None` when the text is not a JSON object.
    pub fn from_json(text: &str) -> Option<Self> {
        let Ok(Value::Object(top)) = json::from_str(text) else {
            return None;
        };
        let mut form = SpecForm {
            common_name: text_of(top.get_field("CN")),
            ..SpecForm::default()
        };
        if let Some(Value::Array(hosts)) = top.get_field("hosts") {
            form.hosts = hosts
                .iter()
                .map(|h| text_of(Some(h)))
                .collect::<Vec<_>>()
                .join("\n");
        }
        if let Some(Value::Object(key)) = top.get_field("key") {
            let algo = text_of(key.get_field("algo")).to_ascii_lowercase();
            if !algo.is_empty() {
                form.size = default_size(&algo);
                form.algo = algo;
            }
            let size = text_of(key.get_field("size"));
            if !size.is_empty() {
                form.size = size;
            }
        }
        if let Some(Value::Array(names)) = top.get_field("names") {
            for entry in names {
                let mut row = NameRow::default();
                if let Value::Object(entry) = entry {
                    for key in NAME_KEYS {
                        row.set(key, text_of(entry.get_field(key)));
                    }
                }
                form.names.push(row);
            }
        }
        Some(form)
    }

    /// Applies one edit.
    pub fn apply(&mut self, edit: FormEdit) {
        match edit {
            FormEdit::CommonName(v) => self.common_name = v,
            FormEdit::Hosts(v) => self.hosts = v,
            FormEdit::Algo(v) => {
                self.size = default_size(&v);
                self.algo = v;
            }
            FormEdit::Size(v) => self.size = v,
            FormEdit::Name(i, key, v) => {
                if let Some(row) = self.names.get_mut(i) {
                    row.set(key, v);
                }
            }
            FormEdit::AddName => self.names.push(NameRow::default()),
            FormEdit::RemoveName(i) => {
                if i < self.names.len() {
                    self.names.remove(i);
                }
            }
        }
    }

    /// The hosts, one per non-blank line, as typed.
    pub fn host_list(&self) -> Vec<&str> {
        self.hosts
            .lines()
            .filter(|l| !l.trim().is_empty())
            .collect()
    }

    /// Writes the form into `previous` (kept where the form has nothing to say) as
    /// pretty-printed cfssl JSON.
    pub fn to_json(&self, previous: &str) -> String {
        let mut top = match json::from_str(previous) {
            Ok(Value::Object(top)) => top,
            _ => Map::new(),
        };
        let old_names = match top.remove_field("names") {
            Some(Value::Array(names)) => names,
            _ => Vec::new(),
        };
        top.remove_field("CN");
        top.remove_field("hosts");
        let mut key = match top.remove_field("key") {
            Some(Value::Object(key)) => key,
            _ => Map::new(),
        };

        top.insert("CN".to_owned(), Value::String(self.common_name.clone()));
        let hosts = self
            .host_list()
            .into_iter()
            .map(|h| Value::String(h.to_owned()));
        top.insert("hosts".to_owned(), Value::Array(hosts.collect()));
        key.remove_field("algo");
        key.remove_field("size");
        key.insert("algo".to_owned(), Value::String(self.algo.clone()));
        if self.algo != "ed25519" || !self.size.is_empty() {
            let size = match self.size.trim().parse::<u64>() {
                Ok(n) => Value::Number(json::Number::Unsigned(n)),
                Err(_) => Value::String(self.size.clone()),
            };
            if self.algo != "ed25519" {
                key.insert("size".to_owned(), size);
            }
        }
        key.sort();
        top.insert("key".to_owned(), Value::Object(key));

        let mut old_names = old_names.into_iter();
        let names = self.names.iter().map(|row| {
            let mut entry = match old_names.next() {
                Some(Value::Object(entry)) => entry,
                _ => Map::new(),
            };
            for key in NAME_KEYS {
                entry.remove_field(key);
                let value = row.get(key);
                if !value.is_empty() {
                    entry.insert(key.to_owned(), Value::String(value.to_owned()));
                }
            }
            entry.sort();
            Value::Object(entry)
        });
        top.insert("names".to_owned(), Value::Array(names.collect()));
        // Keys sorted, as the reader gives them and cfssl's examples have them.
        top.sort();
        json::to_string_pretty(&Value::Object(top))
    }
}

/// The size cfssl picks when `key.size` is left out (the core's `key_sizes`), as form text;
/// empty for ed25519 and for an algorithm csrcraft does not make.
pub fn default_size(algo: &str) -> String {
    key_sizes(algo)
        .and_then(|sizes| sizes.default)
        .map(|size| size.to_string())
        .unwrap_or_default()
}

/// The sizes offered for an algorithm (the core's `key_sizes`).
pub fn sizes(algo: &str) -> Vec<String> {
    key_sizes(algo)
        .map(|sizes| sizes.offered.iter().map(u64::to_string).collect())
        .unwrap_or_default()
}

/// Does the core's field path `path` (e.g. `names[0].C`) fall under `prefix` (e.g. `names[0]`)?
pub fn field_under(path: &str, prefix: &str) -> bool {
    match path.strip_prefix(prefix) {
        Some(rest) => rest.is_empty() || rest.starts_with('.') || rest.starts_with('['),
        None => false,
    }
}

/// A JSON scalar as form text.
fn text_of(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => json::to_string(other),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;
    // serde_json reads what the form writes: a reference reader for the core's JSON.
    use serde_json::Value;

    #[test]
    fn reads_the_tutorial_spec() {
        let form = SpecForm::from_json(crate::state::EXAMPLE_SPEC).unwrap();
        assert_eq!(form.common_name, "my-pod.my-namespace.pod.cluster.local");
        assert_eq!(form.host_list().len(), 4);
        assert_eq!((form.algo.as_str(), form.size.as_str()), ("ecdsa", "256"));
        assert_eq!(form.names[0].organization, "example");
    }

    #[test]
    fn round_trip_keeps_other_keys_and_replaces_case_variants() {
        let json = r#"{"cn": "a", "serialnumber": "7", "key": {"ALGO": "rsa", "size": 4096},
                       "names": [{"o": "x", "E": "a@b.c"}]}"#;
        let mut form = SpecForm::from_json(json).unwrap();
        assert_eq!(form.size, "4096");
        form.apply(FormEdit::CommonName("b".into()));
        form.apply(FormEdit::Name(0, "O", "y".into()));
        let out = form.to_json(json);
        let value: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(value["CN"], "b");
        assert!(value.get("cn").is_none());
        assert_eq!(value["serialnumber"], "7");
        assert_eq!(value["key"]["algo"], "rsa");
        assert_eq!(value["key"]["size"], 4096);
        assert_eq!(value["names"][0]["O"], "y");
        assert_eq!(value["names"][0]["E"], "a@b.c");
        assert!(csrcraft::Spec::from_json(&out).is_ok());
        // Byte for byte what serde_json writes for that value (the form's JSON before
        // it moved to the core's writer).
        assert_eq!(serde_json::to_string_pretty(&value).unwrap(), out);
    }

    #[test]
    fn algo_change_resets_size_and_ed25519_has_none() {
        let mut form = SpecForm::default();
        form.apply(FormEdit::Algo("rsa".into()));
        assert_eq!(form.size, "2048");
        form.apply(FormEdit::Algo("ed25519".into()));
        let value: Value = serde_json::from_str(&form.to_json("")).unwrap();
        assert!(value["key"].get("size").is_none());
    }

    #[test]
    fn field_paths() {
        assert!(field_under("names[0].C", "names[0]"));
        assert!(field_under("key.size", "key"));
        assert!(field_under("hosts[2]", "hosts"));
        assert!(!field_under("names[10]", "names[1]"));
        assert!(!field_under("CNX", "CN"));
    }

    #[test]
    fn not_json_is_none() {
        assert_eq!(SpecForm::from_json("{"), None);
        assert_eq!(SpecForm::from_json("[]"), None);
    }
}
