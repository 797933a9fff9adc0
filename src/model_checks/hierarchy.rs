//! Unit hierarchies and place containment: each parent exists, and following
//! parents never leads back.

use std::collections::{HashMap, HashSet};

use super::references::Declared;
use crate::diagnostic::Diagnostic;
use crate::model::Document;
use crate::source::Spanned;

pub(super) fn check(document: &Document, declared: &Declared, errors: &mut Vec<Diagnostic>) {
    let mut unit_parents: HashMap<&str, &str> = HashMap::new();
    for unit in &document.units {
        unit_parents.entry(&unit.path.value).or_insert(&unit.parent);
    }
    for unit in &document.units {
        if !declared.is_party(&unit.parent) {
            // The unit has no span of its own parent: point at the unit.
            errors.push(declared.unknown_party(&Spanned::new(unit.parent.clone(), unit.path.span)));
        } else if leads_back(&unit.path.value, |path| unit_parents.get(path).copied()) {
            errors.push(
                Diagnostic::new(
                    format!("unit `{}` lies within itself", unit.path.value),
                    unit.path.span,
                )
                .hint("units must form a tree under their party"),
            );
        }
    }
    for place in &document.places {
        let Some(parent) = &place.within else {
            continue;
        };
        if !declared.is_place(&parent.value) {
            errors.push(declared.unknown_container(parent));
        } else if leads_back(&place.id.value, |id| {
            document
                .place(id)
                .and_then(|place| place.within.as_ref())
                .map(|within| within.value.as_str())
        }) {
            errors.push(
                Diagnostic::new(
                    format!("place `{}` lies within itself", place.id.value),
                    parent.span,
                )
                .hint("containment must form a tree"),
            );
        }
    }
}

/// Whether following `parent_of` from `start` comes back to `start`, or runs
/// into a loop on the way.
fn leads_back<'d>(start: &'d str, parent_of: impl Fn(&'d str) -> Option<&'d str>) -> bool {
    let mut seen = HashSet::new();
    let mut current = start;
    while let Some(parent) = parent_of(current) {
        if !seen.insert(current) {
            return true;
        }
        current = parent;
        if current == start {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chain_leads_back_only_through_a_loop() {
        let parents: HashMap<&str, &str> = [("a", "b"), ("b", "c"), ("x", "y"), ("y", "x")].into();
        let parent_of = |name: &str| parents.get(name).copied();
        assert!(!leads_back("a", parent_of));
        assert!(leads_back("x", parent_of));
        assert!(leads_back("y", parent_of));
        let parents: HashMap<&str, &str> = [("s", "s")].into();
        assert!(leads_back("s", |name: &str| parents.get(name).copied()));
    }
}
