//! A JSON value, and the ways code builds one.

use super::Number;

/// A JSON value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Value {
    /// `null`.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object.
    Object(Map),
}

/// The members of an object, in order: the readers give them sorted by key
/// (as `serde_json` without `preserve_order` does, so a spec's `OID` entries
/// come in the same order); code gives them in the order it builds them (as
/// serde's derives wrote a struct's fields). A key is in it at most once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Map {
    members: Vec<(String, Value)>,
}

impl Map {
    /// An empty object.
    pub fn new() -> Self {
        Self::default()
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.members
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value)
    }

    /// Sets `key` to `value`: in place if the key is there, else last. Not
    /// generic, so each type converted does not get its own copy of this
    /// (wasm size).
    pub fn insert(&mut self, key: String, value: Value) {
        match self.members.iter_mut().find(|(name, _)| *name == key) {
            Some((_, old)) => *old = value,
            None => self.members.push((key, value)),
        }
    }

    /// This object with `key` set to `value`: for building objects in code.
    #[must_use]
    pub fn with(self, key: &str, value: impl Into<Value>) -> Self {
        // A thin generic shell over one body, as `insert`.
        self.with_value(key, value.into())
    }

    fn with_value(mut self, key: &str, value: Value) -> Self {
        self.insert(key.to_owned(), value);
        self
    }

    /// This object with `key` set to `value` when there is one, left out
    /// otherwise (serde's `skip_serializing_if = "Option::is_none"`).
    #[must_use]
    pub(crate) fn with_some(self, key: &str, value: Option<impl Into<Value>>) -> Self {
        match value {
            Some(value) => self.with(key, value),
            None => self,
        }
    }

    /// Removes `key`, returning its value.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let index = self.members.iter().position(|(name, _)| name == key)?;
        Some(self.members.remove(index).1)
    }

    /// The value of the field `name` as Go's encoding/json (and so cfssl) finds a struct
    /// field: the key that is `name` exactly, else the first equal to it up to ASCII case.
    pub fn get_field(&self, name: &str) -> Option<&Value> {
        self.get(name).or_else(|| {
            self.members
                .iter()
                .find(|(key, _)| key.eq_ignore_ascii_case(name))
                .map(|(_, value)| value)
        })
    }

    /// Removes every key equal to `name` up to ASCII case (every key Go's encoding/json would
    /// read as the field `name`); returns the last value removed.
    pub fn remove_field(&mut self, name: &str) -> Option<Value> {
        let mut last = None;
        self.members.retain_mut(|(key, value)| {
            let matches = key.eq_ignore_ascii_case(name);
            if matches {
                last = Some(std::mem::replace(value, Value::Null));
            }
            !matches
        });
        last
    }

    /// Sorts the members by key, as the readers give them.
    pub fn sort(&mut self) {
        self.members.sort_by(|a, b| a.0.cmp(&b.0));
    }

    /// The members in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&String, &Value)> {
        self.members.iter().map(|(key, value)| (key, value))
    }

    /// The number of members.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether there are no members.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }
}

/// A key given twice in an object read from text.
#[derive(Debug)]
pub(crate) struct Duplicate {
    /// The key.
    pub(crate) key: String,
    /// The place of its second occurrence.
    pub(crate) at: usize,
    /// The place of its first occurrence.
    pub(crate) first: usize,
}

impl Map {
    /// The object read from text with `members`, given in input order, each
    /// with its place: a number that grows along the input (a byte offset, an
    /// index). The members come out sorted by key, as the readers give them.
    /// A key given twice is an error: the earliest second occurrence in the
    /// input, the one a reader checking each key as it comes meets first.
    /// A sort and a scan of neighbours: n log n for large objects, and less
    /// wasm than a `BTreeMap`.
    pub(crate) fn from_read(mut members: Vec<(String, usize, Value)>) -> Result<Self, Duplicate> {
        // Stable: the members with one key stay in input order.
        members.sort_by(|a, b| a.0.cmp(&b.0));
        // (index in `members`, place of the first occurrence)
        let mut duplicate: Option<(usize, usize)> = None;
        // The index of the first member with the key at hand.
        let mut group = 0;
        for index in 1..members.len() {
            let (key, place, _) = &members[index];
            if *key != members[group].0 {
                group = index;
            } else if duplicate.is_none_or(|(at, _)| *place < members[at].1) {
                duplicate = Some((index, members[group].1));
            }
        }
        if let Some((at, first)) = duplicate {
            let (key, at, _) = &mut members[at];
            return Err(Duplicate {
                key: std::mem::take(key),
                at: *at,
                first,
            });
        }
        Ok(Self {
            members: members
                .into_iter()
                .map(|(key, _, value)| (key, value))
                .collect(),
        })
    }
}

impl<'a> IntoIterator for &'a Map {
    type Item = (&'a String, &'a Value);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, Value)>,
        fn(&'a (String, Value)) -> (&'a String, &'a Value),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.members.iter().map(|(key, value)| (key, value))
    }
}

impl Value {
    /// The value of `key` when this is an object that has it.
    pub(crate) fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Self::Object(map) => map.get(key),
            _ => None,
        }
    }

    /// The text, when this is a string.
    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            Self::String(text) => Some(text),
            _ => None,
        }
    }

    /// The items, when this is an array.
    pub(crate) fn as_array(&self) -> Option<&[Value]> {
        match self {
            Self::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The number as a `u64`, when this is an integer in its range.
    pub(crate) fn as_u64(&self) -> Option<u64> {
        match self {
            Self::Number(number) => number.as_u64(),
            _ => None,
        }
    }

    /// The number as an `i64`, when this is an integer in its range.
    pub(crate) fn as_i64(&self) -> Option<i64> {
        match self {
            Self::Number(number) => number.as_i64(),
            _ => None,
        }
    }

    /// A short description for error messages: `null`, `boolean true`,
    /// `number 5`, `string "x"`, `an array`, `an object`.
    pub(crate) fn describe(&self) -> String {
        match self {
            Self::Null => "null".to_owned(),
            Self::Bool(b) => format!("boolean {b}"),
            Self::Number(n) => format!("number {n}"),
            Self::String(s) => format!("string {}", crate::quoted(s)),
            Self::Array(_) => "an array".to_owned(),
            Self::Object(_) => "an object".to_owned(),
        }
    }

    /// Whether this is `null`.
    pub(crate) fn is_null(&self) -> bool {
        matches!(self, Self::Null)
    }
}

impl From<bool> for Value {
    fn from(value: bool) -> Self {
        Self::Bool(value)
    }
}

impl From<Number> for Value {
    fn from(number: Number) -> Self {
        Self::Number(number)
    }
}

macro_rules! from_integers {
    ($via:ty: $($int:ty),*) => {$(
        impl From<$int> for Value {
            fn from(int: $int) -> Self {
                Self::Number(Number::from(<$via>::from(int)))
            }
        }
    )*};
}
from_integers!(u64: u8, u16, u32, u64);
from_integers!(i64: i8, i16, i32, i64);

impl From<usize> for Value {
    fn from(int: usize) -> Self {
        // usize is at most 64 bits on every target Rust supports.
        u64::try_from(int).map_or(Self::Null, |int| Self::Number(Number::Unsigned(int)))
    }
}

impl From<String> for Value {
    fn from(text: String) -> Self {
        Self::String(text)
    }
}

impl From<&String> for Value {
    fn from(text: &String) -> Self {
        Self::String(text.clone())
    }
}

impl From<&str> for Value {
    fn from(text: &str) -> Self {
        Self::String(text.to_owned())
    }
}

impl From<Map> for Value {
    fn from(map: Map) -> Self {
        Self::Object(map)
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    /// `None` is `null`.
    fn from(value: Option<T>) -> Self {
        value.map_or(Self::Null, Into::into)
    }
}

impl<T: Into<Value>> From<Vec<T>> for Value {
    fn from(items: Vec<T>) -> Self {
        items.into_iter().collect()
    }
}

impl From<&[String]> for Value {
    fn from(items: &[String]) -> Self {
        items.iter().collect()
    }
}

impl<T: Into<Value>> FromIterator<T> for Value {
    /// An array of the items.
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        Self::Array(items.into_iter().map(Into::into).collect())
    }
}
