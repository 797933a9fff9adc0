//! Conflicts: terms of an agreement (or of an agreement and the one it ends) that
//! cannot all hold. Every check reads only operative clauses.

family! {
    access_conflict,
    aid_conditioned_on_concession,
    early_termination,
    deadline_before_signing,
    deadline_order,
    condition_cycle,
    conflicting_terms,
    short_ultimatum,
    unit_hierarchy_ambiguity,
    reciprocity_hostage,
    front_loaded_concessions,
    consent_of_other_party_condition,
    asymmetric_reference_line,
    guarantor_terminates,
}

// Facts about access that more than one conflict rule reads.

use std::collections::HashSet;

use crate::model::{Clause, Document, PlaceRef};
use crate::rules::show_places;
use crate::source::Span;
use crate::vocabulary::Entry;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Overlap {
    Known,
    Possible,
    Disjoint,
}

/// Whether two sets of places meet. Two declared places meet when one contains
/// the other and are disjoint otherwise; a description meets only the same words
/// for certain, and anything else possibly; a missing area possibly meets anything.
pub(super) fn overlap(document: &Document, a: &[&PlaceRef], b: &[&PlaceRef]) -> Overlap {
    if a.is_empty() || b.is_empty() {
        return Overlap::Possible;
    }
    let mut result = Overlap::Disjoint;
    for x in a {
        for y in b {
            match (x, y) {
                (PlaceRef::Declared(x), PlaceRef::Declared(y)) => {
                    if document.is_within_place(x, y) || document.is_within_place(y, x) {
                        return Overlap::Known;
                    }
                }
                (PlaceRef::Described(x), PlaceRef::Described(y)) if x == y => {
                    return Overlap::Known;
                }
                _ => result = Overlap::Possible,
            }
        }
    }
    result
}

/// Entry, passage or deployment a clause grants: to whom, and where.
pub(super) struct Grant<'a> {
    pub entry: Entry,
    pub grantees: Vec<(crate::text::Text, Span)>,
    pub areas: Vec<&'a PlaceRef>,
}

pub(super) fn grant(clause: &Clause) -> Option<Grant<'_>> {
    let access = clause.kind().access?;
    let grantees = access
        .grantees
        .iter()
        .flat_map(|key| clause.actor_parties(*key))
        .collect();
    let areas = access
        .areas
        .iter()
        .flat_map(|key| clause.places(*key))
        .map(|place| &place.value)
        .collect();
    Some(Grant {
        entry: access.entry,
        grantees,
        areas,
    })
}

/// Whether `a` is `b`, or one lies under the other in the unit hierarchy.
pub(super) fn related(document: &Document, a: &str, b: &str) -> bool {
    let nested = |unit: &str, ancestor: &str| {
        document.is_within_unit(unit, ancestor)
            || unit
                .strip_prefix(ancestor)
                .is_some_and(|rest| rest.starts_with('.'))
    };
    nested(a, b) || nested(b, a)
}

pub(super) fn describe_areas(areas: &[&PlaceRef]) -> String {
    if areas.is_empty() {
        "an unstated area".to_string()
    } else {
        show_places(areas.iter().copied())
    }
}

pub(super) fn dedup(mut words: Vec<String>) -> Vec<String> {
    let mut seen = HashSet::new();
    words.retain(|word| seen.insert(word.clone()));
    words
}
