//! `reciprocity-hostage`: one population's aid or evacuation waits on what happens in another place.

use crate::finding::{Finding, Severity};
use crate::model::{Clause, Document, PlaceRef, and_list};
use std::collections::HashSet;

use crate::rules::{Applies, Check, Context, Rule, fires, name, numbered, quiet, show_places};
use crate::vocabulary::Key;

pub static RULE: Rule = Rule {
    id: "reciprocity-hostage",
    severity: Severity::Warning,
    summary: "one population's aid or evacuation waits on what happens in another place",
    explanation: "Tying the relief of one besieged population to what happens to another \
        makes each a hostage for the other: a delay or a breach in one place stops the \
        food or the buses in the other, whatever the people there did. The Four Towns \
        agreements tie the evacuation of Foua and Kefraya to the exit from Zabadani \
        (September 2015, \"in step with point 2\") and the evacuation of all residents of \
        Foua and Kefraya to that of Madaya, Zabadani and Bloudan (March 2017, \"in \
        exchange for\"), with Yarmouk in a second stage. It fires where relief waits on, \
        is exchanged for, or runs in step with a clause whose area is known to be \
        elsewhere; a pair that waits on each other is one finding. \
        A warning: the tie may be what made the deal possible, and the finding says what it costs.",
    example: r#"agreement a {
  date 2017-03-28
  place foua "Foua" kind town
  place madaya "Madaya" kind town
  clause "1a" evacuation { people residents; area foua; in_exchange_for "1b" }
  clause "1b" evacuation { people fighters, families; area madaya; in_exchange_for "1a" }
}"#,
    check: Check::Document(check),
    applies: Applies::Relief,
    cases: &[
        // fires once for an exchanged pair and once for a later stage elsewhere
        fires(
            &[&["clause 1a", "clause 1b"], &["clause 1d", "clause 1a", "clause 1b"]],
            r#"agreement a {
  date 2017-03-28
  place foua "Foua" kind town
  place madaya "Madaya" kind town
  place yarmouk "Yarmouk camp" kind district
  clause "1a" evacuation { people residents; area foua; in_exchange_for "1b" }
  clause "1b" evacuation { people fighters, families; area madaya; in_exchange_for "1a" }
  clause "1d" evacuation { people "people from Yarmouk camp"; area yarmouk; after "1a", "1b" }
}"#,
        ),
        // quiet where the places meet or are unknown, or what waits is no relief
        quiet(
            r#"agreement a {
  date 2014-01-20
  place homs "Homs" kind city
  place old_homs "Old Homs" kind district within homs
  place waer "al-Waer" kind district
  clause 1 weapons_handover { weapons all; area old_homs }
  clause 2 evacuation { people civilians; area homs; after 1 }
  clause 3 humanitarian_access { aid food; after 4 }
  clause 4 weapons_handover { weapons heavy; area waer }
  clause 5 evacuation { people fighters; area old_homs; after 4 }
}"#,
        ),
    ],
};

fn areas(clause: &Clause) -> Vec<&str> {
    clause
        .places(Key::Area)
        .into_iter()
        .filter_map(|place| match &place.value {
            PlaceRef::Declared(id) => Some(id.as_str()),
            PlaceRef::Described(_) => None,
        })
        .collect()
}

/// Whether two clauses' areas are all declared and none meets another.
fn elsewhere(document: &Document, a: &Clause, b: &Clause) -> bool {
    let (a_areas, b_areas) = (areas(a), areas(b));
    let all_declared = |clause: &Clause, declared: &[&str]| {
        !declared.is_empty() && declared.len() == clause.places(Key::Area).len()
    };
    all_declared(a, &a_areas)
        && all_declared(b, &b_areas)
        && a_areas
            .iter()
            .all(|x| b_areas.iter().all(|y| !document.places_meet(x, y)))
}

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    let numbers = numbered(document);
    let mut reported: HashSet<Vec<*const Clause>> = HashSet::new();
    for relief in document.principal_clauses().filter(|c| c.brings_relief()) {
        let mut hostage_to: Vec<&Clause> = Vec::new();
        for (_, number) in relief.waits_on() {
            if let Some(other) = numbers
                .get(number.value.as_str())
                .map(|&index| &document.clauses[index])
                && !std::ptr::eq(other, relief)
                && relief.same_report(other)
                && elsewhere(document, relief, other)
                && !hostage_to.iter().any(|c| std::ptr::eq(*c, other))
            {
                hostage_to.push(other);
            }
        }
        if hostage_to.is_empty() {
            continue;
        }
        // A pair that waits on each other is one tie, reported once.
        let mut key: Vec<*const Clause> = hostage_to.iter().map(|c| *c as *const Clause).collect();
        key.push(relief as *const Clause);
        key.sort();
        if !reported.insert(key) {
            continue;
        }
        let places = show_places(relief.places(Key::Area).into_iter().map(|p| &p.value));
        let others: Vec<String> = hostage_to
            .iter()
            .map(|clause| {
                format!(
                    "{} in {}",
                    name(clause),
                    show_places(clause.places(Key::Area).into_iter().map(|p| &p.value))
                )
            })
            .collect();
        let message = format!(
            "{} in {places} waits on {}: the people of one place are held to what happens in another",
            name(relief),
            and_list(&others)
        );
        let mut clauses = vec![relief];
        clauses.extend(hostage_to);
        let span = relief
            .waits_on()
            .first()
            .map_or(relief.span, |(_, number)| number.span);
        out.push(Finding::new(context, rule, &clauses, message, span));
    }
}
