//! Values in canonical words, so that equal terms print equally whatever their
//! spans and order: `regime, russia` whichever was written first. Comparison
//! decides "changed" on these words, and renderers print them.

use crate::model::{Clause, Value};
use crate::vocabulary::Key;

/// Every statement of `key` in the clause, in canonical words; two statements
/// (two sources giving two values) are joined with `; `. `None` when absent.
pub fn attribute(clause: &Clause, key: Key) -> Option<String> {
    let mut shown: Vec<String> = clause
        .all(key)
        .map(|attribute| attribute.value.to_string())
        .collect();
    if shown.is_empty() {
        return None;
    }
    shown.sort();
    shown.dedup();
    Some(shown.join("; "))
}

/// The clause's verbatim text: its `text` statements joined by a space.
pub fn text(clause: &Clause) -> Option<String> {
    let texts: Vec<&str> = clause
        .all(Key::Text)
        .filter_map(|attribute| match &attribute.value {
            Value::Text(text) => Some(text.as_str()),
            _ => None,
        })
        .collect();
    (!texts.is_empty()).then(|| texts.join(" "))
}
