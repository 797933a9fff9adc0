//! Values in canonical words, so that equal terms print equally whatever their
//! spans and order: `regime, russia` whichever was written first. Comparison
//! decides "changed" on these words, and renderers print them.

use std::borrow::Cow;

use crate::model::{Clause, Value};
use crate::vocabulary::Key;

/// Every statement of `key` in the clause, in canonical words; two statements
/// (two sources giving two values) are joined with `; `, each with the sources
/// it comes from when they differ, so a reader sees which version says what.
/// `None` when absent.
pub fn attribute(clause: &Clause, key: Key) -> Option<String> {
    let mut all = clause.all(key);
    let first = all.next()?;
    // Most attributes are stated once: no sources to weigh, nothing to join.
    // Comparing every pair of a corpus calls this for every term of a clause.
    if all.next().is_none() {
        return Some(first.value.to_string());
    }
    let statements: Vec<(String, String)> = clause
        .all(key)
        .map(|attribute| {
            let mut sources: Vec<&str> =
                attribute.source.iter().map(|s| s.value.as_str()).collect();
            sources.sort_unstable();
            sources.dedup();
            (attribute.value.to_string(), sources.join(", "))
        })
        .collect();
    if statements.is_empty() {
        return None;
    }
    let versions = statements
        .iter()
        .any(|(_, sources)| *sources != statements[0].1);
    let mut shown: Vec<String> = statements
        .into_iter()
        .map(|(value, sources)| match (versions, sources.is_empty()) {
            (true, false) => format!("{value} ({sources})"),
            _ => value,
        })
        .collect();
    shown.sort();
    shown.dedup();
    Some(shown.join("; "))
}

/// The clause's verbatim text: its `text` statements joined by a space;
/// borrowed when there is one, as there mostly is.
pub fn text(clause: &Clause) -> Option<Cow<'_, str>> {
    let mut texts = clause
        .all(Key::Text)
        .filter_map(|attribute| match &attribute.value {
            Value::Text(text) => Some(text.as_str()),
            _ => None,
        });
    let first = texts.next()?;
    match texts.next() {
        None => Some(Cow::Borrowed(first)),
        Some(second) => {
            let mut joined = [first, second].join(" ");
            for text in texts {
                joined.push(' ');
                joined.push_str(text);
            }
            Some(Cow::Owned(joined))
        }
    }
}
