//! The page's parts, one component a file. Components only draw and emit callbacks; what
//! they show is computed in `derive` and browser work happens in `services`.

pub mod field_notes;
pub mod generate_bar;
pub mod header;
pub mod kubernetes_panel;
pub mod lint_findings;
pub mod next_steps;
pub mod output_block;
pub mod outputs;
pub mod spec_form;
pub mod spec_json;
pub mod trial_panel;
pub mod verify_panel;
pub mod verify_report;

use csrcraft::{Error, Parsed, Spec};

use crate::derive::error_field;
use crate::form::field_under;

/// One error or warning about the spec, with the field it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// An error (the spec cannot be used) or a warning.
    pub error: bool,
    /// The field path, e.g. `key.size`; empty when the note is about the whole text.
    pub field: String,
    /// The core's message.
    pub text: String,
}

/// The core's errors and warnings about the spec.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Notes(pub Vec<Note>);

impl Notes {
    /// The notes from reading the spec.
    pub fn of(result: &Result<Parsed<Spec>, Error>) -> Self {
        Notes(match result {
            Ok(parsed) => parsed
                .warnings
                .iter()
                .map(|w| Note {
                    error: false,
                    field: w.field.clone(),
                    text: w.message.clone(),
                })
                .collect(),
            Err(e) => vec![Note {
                error: true,
                field: error_field(e).unwrap_or_default().to_owned(),
                text: match e {
                    Error::SpecField { problem, .. } => problem.clone(),
                    other => other.to_string(),
                },
            }],
        })
    }

    /// The notes about `prefix` or a field inside it.
    pub fn under(&self, prefix: &str) -> Vec<Note> {
        self.0
            .iter()
            .filter(|n| field_under(&n.field, prefix))
            .cloned()
            .collect()
    }

    /// Is there an error?
    pub fn has_error(&self) -> bool {
        self.0.iter().any(|n| n.error)
    }
}
