//! Undefined terms: who, where, whom and when an agreement names without saying
//! what it means, or leaves to later talks, while other terms depend on it.
//! Every check reads only operative clauses.

use crate::model::{Actor, Clause, Value};
use crate::source::Spanned;
use crate::text::Text;

family! {
    undefined_actor,
    undefined_area,
    undefined_category,
    term_deferred,
    deadline_depends_on_undefined_term,
    relative_deadline_ambiguous_anchor,
}

/// The actors (parties, groups, descriptions) a clause names under `key`.
fn actors(clause: &Clause, key: crate::vocabulary::Key) -> impl Iterator<Item = &Spanned<Actor>> {
    clause
        .all(key)
        .flat_map(|attribute| match &attribute.value {
            Value::Actors(actors) => actors.as_slice(),
            _ => &[],
        })
}

/// The clauses `clause` depends on, by number: those it waits on, those whose
/// terms it sets out, and those its deadline or start counts from.
fn leans_on(clause: &Clause) -> Vec<&Spanned<Text>> {
    let mut numbers = clause.dependencies();
    numbers.extend(clause.names(crate::vocabulary::Key::Details));
    for attribute in &clause.attributes {
        if let Some(crate::model::Deadline::Relative {
            anchor: crate::model::Anchor::Clause { number, .. },
            ..
        }) = attribute.value.deadline()
        {
            numbers.push(number);
        }
    }
    numbers
}

/// The terms a clause leaves to later talks (`deferred`), as written.
fn deferred(clause: &Clause) -> Vec<String> {
    clause
        .names(crate::vocabulary::Key::Deferred)
        .iter()
        .map(|word| format!("`{}`", word.value))
        .collect()
}
