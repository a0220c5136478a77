//! Non-fatal findings about the input.

use std::fmt;

/// Something in the input that works, but probably not the way its author meant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// Where it was found, e.g. `hosts[3]` or `usages`.
    pub field: String,
    /// What happens and what to do about it.
    pub message: String,
}

impl Warning {
    pub(crate) fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}
