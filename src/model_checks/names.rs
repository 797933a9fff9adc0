//! Ids declared twice within a document: parties, places, units, sources, clause
//! numbers. The first declaration is the one the model's lookups find.

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::model::Document;
use crate::source::{Span, Spanned};

pub(super) fn check(document: &Document, errors: &mut Vec<Diagnostic>) {
    for (id, first) in repeats(
        document.parties.iter().map(|party| &party.id),
        Against::First,
    ) {
        errors.push(
            Diagnostic::new(format!("party `{}` is declared twice", id.value), id.span)
                .related(first, "first declared here")
                .hint("declare each party once; add roles with `role a, b`"),
        );
    }
    for (id, first) in repeats(
        document.places.iter().map(|place| &place.id),
        Against::First,
    ) {
        errors.push(
            Diagnostic::new(format!("place `{}` is declared twice", id.value), id.span)
                .related(first, "first declared here"),
        );
    }
    for (id, _) in repeats(
        document.sources.iter().map(|source| &source.id),
        Against::First,
    ) {
        errors.push(Diagnostic::new(
            format!("source `{}` is declared twice", id.value),
            id.span,
        ));
    }
    // A party declared twice declares its `units` twice too; the party's error
    // says so.
    let repeated_parties: Vec<&str> = repeats(
        document.parties.iter().map(|party| &party.id),
        Against::First,
    )
    .map(|(id, _)| id.value.as_str())
    .collect();
    for (path, first) in repeats(document.units.iter().map(|unit| &unit.path), Against::First) {
        if repeated_parties.contains(&document.owner(&path.value)) {
            continue;
        }
        errors.push(
            Diagnostic::new(
                format!("unit `{}` is declared twice", path.value),
                path.span,
            )
            .related(first, "first declared here")
            .hint("declare each unit once, with `units` or with `unit`"),
        );
    }
    let numbers = document
        .clauses
        .iter()
        .filter_map(|clause| clause.number.as_ref());
    for (number, previous) in repeats(numbers, Against::Previous) {
        errors.push(
            Diagnostic::new(
                format!("clause {} appears twice", number.value),
                number.span,
            )
            .related(previous, "first here")
            .hint("number clauses as the source does; write `\"7a\"` for a sub-item"),
        );
    }
}

/// Which earlier declaration a repeat is shown against.
#[derive(Clone, Copy)]
enum Against {
    /// The first: the one the model's lookups find.
    First,
    /// The one just before (clause numbers, as the resolver always showed them).
    Previous,
}

/// Each id met again, with the earlier declaration it is shown against.
fn repeats<'d>(
    ids: impl Iterator<Item = &'d Spanned<String>>,
    against: Against,
) -> impl Iterator<Item = (&'d Spanned<String>, Span)> {
    let mut seen: HashMap<&str, Span> = HashMap::new();
    ids.filter_map(move |id| match against {
        Against::First => match seen.get(id.value.as_str()) {
            Some(first) => Some((id, *first)),
            None => {
                seen.insert(&id.value, id.span);
                None
            }
        },
        Against::Previous => seen.insert(&id.value, id.span).map(|before| (id, before)),
    })
}
