//! Ids declared twice within a document: parties, places, units, sources, clause
//! numbers. The first declaration is the one the model's lookups find.

use crate::text::Text;
// FxHash: the keys are names from the input, and an offline check has no
// adversary to defend against with SipHash.
use rustc_hash::FxHashMap as HashMap;

use crate::diagnostic::Diagnostic;
use crate::error_code::ErrorCode;
use crate::model::{Clause, Document};
use crate::source::{Span, Spanned};

pub(super) fn check(document: &Document, errors: &mut Vec<Diagnostic>) {
    for (id, first) in repeats(document.parties.iter().map(|party| &party.id)) {
        errors.push(
            Diagnostic::new(format!("party `{}` is declared twice", id.value), id.span)
                .code(ErrorCode::DuplicateId)
                .related(first, "first declared here")
                .hint("declare each party once; add roles with `role a, b`"),
        );
    }
    for (id, first) in repeats(document.places.iter().map(|place| &place.id)) {
        errors.push(
            Diagnostic::new(format!("place `{}` is declared twice", id.value), id.span)
                .code(ErrorCode::DuplicateId)
                .related(first, "first declared here"),
        );
    }
    for (id, _) in repeats(document.sources.iter().map(|source| &source.id)) {
        errors.push(
            Diagnostic::new(format!("source `{}` is declared twice", id.value), id.span)
                .code(ErrorCode::DuplicateId),
        );
    }
    // A party declared twice declares its `units` twice too; the party's error
    // says so.
    let repeated_parties: Vec<&str> = repeats(document.parties.iter().map(|party| &party.id))
        .map(|(id, _)| id.value.as_str())
        .collect();
    for (path, first) in repeats(document.units.iter().map(|unit| &unit.path)) {
        if repeated_parties.contains(&document.owner(&path.value)) {
            continue;
        }
        errors.push(
            Diagnostic::new(
                format!("unit `{}` is declared twice", path.value),
                path.span,
            )
            .code(ErrorCode::DuplicateId)
            .related(first, "first declared here")
            .hint("declare each unit once, with `units` or with `unit`"),
        );
    }
    // One number twice is an error, unless the two clauses are reports of one
    // item from disjoint sources (versions).
    let mut by_number: HashMap<&str, Vec<&Clause>> = HashMap::default();
    for clause in &document.clauses {
        let Some(number) = &clause.number else {
            continue;
        };
        let earlier = by_number.entry(number.value.as_str()).or_default();
        if let Some(previous) = earlier.iter().rev().find(|other| other.same_report(clause)) {
            let first = previous.number.as_ref().map_or(previous.span, |n| n.span);
            errors.push(
                Diagnostic::new(
                    format!("clause {} appears twice", number.value),
                    number.span,
                )
                .code(ErrorCode::DuplicateId)
                .related(first, "first here")
                .hint(
                    "number clauses as the source does; write `\"7a\"` for a sub-item, or give \
                         each version of an item its own `source` line",
                ),
            );
        }
        earlier.push(clause);
    }
}

/// Each id met again, with the first declaration: the one the model's lookups
/// find.
fn repeats<'d>(
    ids: impl Iterator<Item = &'d Spanned<Text>>,
) -> impl Iterator<Item = (&'d Spanned<Text>, Span)> {
    let mut seen: HashMap<&str, Span> = HashMap::default();
    ids.filter_map(move |id| match seen.get(id.value.as_str()) {
        Some(first) => Some((id, *first)),
        None => {
            seen.insert(&id.value, id.span);
            None
        }
    })
}
