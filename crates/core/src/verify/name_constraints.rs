//! Which name breaks which CA's name constraints, for the chain check's
//! message when path validation refuses a chain for them.

use super::chain::quoted;
use crate::Certificate;

/// The nameConstraints extension's OID.
const NAME_CONSTRAINTS: &str = "2.5.29.30";

/// `name constraints: ...` for `path` (leaf first, the trusted CA last).
pub(super) fn explain(path: &[&Certificate]) -> String {
    let constrained: Vec<String> = path
        .iter()
        .skip(1)
        .filter(|c| {
            c.info()
                .extensions
                .iter()
                .any(|e| e.oid == NAME_CONSTRAINTS)
        })
        .map(|c| quoted(&c.info().subject))
        .collect();
    format!(
        "name constraints: a name on the path is outside what {} allows",
        constrained.join(" or ")
    )
}
