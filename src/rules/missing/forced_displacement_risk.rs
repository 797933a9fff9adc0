//! `forced-displacement-risk`: civilians leave under coercion with no option to stay safely.

use jiff::SignedDuration;

use super::{evacuations, staying_is_protected};
use crate::finding::{Finding, Severity};
use crate::model::{Clause, Document, PlaceRef, Point, Value, and_list};
use crate::rules::{Applies, Check, Context, Rule, fires, name, quiet};
use crate::vocabulary::{Key, kinds};

pub static RULE: Rule = Rule {
    id: "forced-displacement-risk",
    severity: Severity::Warning,
    summary: "civilians leave under coercion with no option to stay safely",
    explanation: "Humanitarian law allows civilians to be evacuated for their safety, \
        not moved to empty an area: when they leave under an ultimatum, a siege, a \
        deadline of hours, or as a whole population exchanged for another, and cannot \
        stay without giving up their protection, the evacuation is a transfer of \
        population (OHCHR); a neutral party carrying out or escorting an evacuation \
        from a siege (the UN in Homs, 2014; the ICRC and SARC in the Four Towns, 2015) \
        marks a humanitarian one. Gen. Loka's second offer for Old Homs (2014) moved \
        fighters and civilians together out of the besieged areas. The Russian 10-item proposal (May 2018) offered \"secure exit\" \
        or staying by disarming into a settlement with no protection, under the threat \
        of a major military operation; in Harasta (March 2018) 6,000 civilians were to \
        leave for Idlib within 24 hours; in the Four Towns (March 2017) all residents of \
        Foua and Kefraya were to leave in exchange for the fighters of Madaya and \
        Zabadani. Quiet where those who stay are protected (a non-pursuit clause, a \
        settlement with its protection or guarantor) and the whole population is not \
        moved. The finding also says whether a right of return is stated. \
        A warning, not an error: the finding is a risk the terms create, not a judgement that a transfer took place.",
    example: r#"agreement harasta {
  date 2018-03-21
  clause "1b" evacuation { people civilians; deadline within 24 hours of signing }
}"#,
    check: Check::Document(check),
    applies: Applies::Kinds(&[&kinds::EVACUATION]),
    cases: &[
        // fires under an ultimatum, and for a whole population exchanged
        fires(
            &[&["clause 2"]],
            r#"agreement a {
  date 2018-05-01
  party russia "Russia" side third
  party factions "Rebel groups" side opposition
  clause 2 evacuation { people "those who do not want to enter the agreement" }
  clause 3 status_settlement { people "Those who wish to remain" }
  clause ultimatum { by russia; against factions; deadline 2018-05-03 }
}"#,
        ),
        fires(
            &[&["clause 1a"]],
            r#"agreement a {
  date 2017-03-28
  clause "1a" evacuation { people residents; count all residents; in_exchange_for "1b" }
  clause "1b" evacuation { people fighters; in_exchange_for "1a" }
  clause "1c" protection { people "those who wish"; from "security pursuit" }
}"#,
        ),
        // fires from a siege with no neutral carrier
        fires(
            &[&["clause 1"]],
            r#"agreement a {
  place homs "the besieged areas of Homs" kind zone besieged_by regime
  party regime "Syrian government" side government
  clause 1 evacuation { people fighters, civilians }
  clause 2 evacuation { people civilians }
}"#,
        ),
        // quiet where those who stay are protected, a neutral party escorts the
        // exit from a siege, or nothing coerces
        quiet(
            r#"agreement a {
  date 2018-04-08
  clause 1 evacuation { people fighters, families; deadline within 48 hours of signing }
  clause "3a" protection { people "those who stay"; from pursuit }
}
agreement b {
  date 2018-05-02
  clause 3 evacuation { people civilians; start 2018-05-05; duration 1 week }
}
agreement c {
  date 2015-09-20
  place foua "Foua" kind town besieged_by factions
  party factions "Jaysh al-Fatah" side opposition
  party icrc "ICRC" side third
  clause 4 evacuation { people civilians, wounded; area foua; escort icrc }
}"#,
        ),
    ],
};

/// The longest deadline that still leaves no real choice.
const HOURS: SignedDuration = SignedDuration::from_hours(72);

/// What coerces the evacuation, in words, if anything does.
fn coercion(
    document: &Document,
    evacuation: &Clause,
    ultimatum: Option<&Clause>,
    around: Option<&str>,
) -> Vec<String> {
    let mut found = Vec::new();
    if let Some(ultimatum) = ultimatum {
        found.push(format!("under {}", name(ultimatum)));
    }
    if let (Some(date), Some(due)) = (
        document.date.as_ref(),
        evacuation
            .has(Key::Deadline)
            .then(|| evacuation.resolved(Point::Deadline))
            .flatten(),
    ) {
        let left = due.end.duration_since(date.value.start);
        if left <= HOURS {
            found.push(format!("by {}", due.text));
        }
    }
    if whole(evacuation) {
        found.push("as a whole population".to_string());
    }
    // A siege coerces where civilians leave with the fighters, emptying the
    // place, unless a neutral party carries out or escorts the evacuation, as
    // humanitarian evacuations are.
    let neutral = [Key::By, Key::Escort, Key::SafePassage, Key::Monitor]
        .iter()
        .flat_map(|key| evacuation.actor_parties(*key))
        .any(|(path, _)| {
            document
                .owner_party(&path)
                .is_some_and(|party| party.is_neutral())
        });
    if !neutral
        && empties(evacuation)
        && let Some(besieger) = besieged(document, evacuation).or(around.map(str::to_string))
    {
        found.push(format!("from a place besieged by {besieger}"));
    }
    if evacuation.has(Key::InExchangeFor) {
        found.push("in exchange for another evacuation".to_string());
    }
    found
}

/// Who besieges the place the evacuation leaves, when it names one.
fn besieged(document: &Document, evacuation: &Clause) -> Option<String> {
    let places: Vec<&str> = evacuation
        .places(Key::Area)
        .into_iter()
        .filter_map(|place| match &place.value {
            PlaceRef::Declared(id) => Some(id.as_str()),
            PlaceRef::Described(_) => None,
        })
        .collect();
    besiegers(document, &places)
}

/// Who besieges the places the document is about, for an evacuation that names
/// no area: its region, else any of its places.
fn besieged_around(document: &Document) -> Option<String> {
    if let Some(PlaceRef::Declared(region)) = document.region.as_ref().map(|r| &r.value) {
        return besiegers(document, &[region]);
    }
    let places: Vec<&str> = document.places.iter().map(|place| place.id.value.as_str()).collect();
    besiegers(document, &places)
}

fn besiegers(document: &Document, places: &[&str]) -> Option<String> {
    let mut besiegers: Vec<String> = places
        .iter()
        .flat_map(|place| document.besiegers(place))
        .map(|party| party.value.to_string())
        .collect();
    besiegers.sort();
    besiegers.dedup();
    (!besiegers.is_empty()).then(|| and_list(&besiegers))
}

/// Whether civilians leave together with armed men.
fn empties(evacuation: &Clause) -> bool {
    let people = evacuation.people();
    people.iter().any(|actor| actor.is_armed()) && !people.iter().all(|actor| actor.is_armed())
}

fn whole(evacuation: &Clause) -> bool {
    evacuation.all(Key::Count).any(|attribute| {
        matches!(&attribute.value, Value::Count(count) if count.whole.is_some())
    })
}

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    let protected = staying_is_protected(document);
    let returns = document
        .clauses
        .iter()
        .any(|clause| clause.is(&kinds::RETURN_OF_DISPLACED));
    let ultimatum = document.clauses.iter().find(|c| c.is(&kinds::ULTIMATUM));
    let mut around: Option<Option<String>> = None;
    for evacuation in evacuations(document) {
        // An exit of armed men only is no displacement of civilians.
        if !evacuation.brings_relief() {
            continue;
        }
        let fallback = if evacuation.places(Key::Area).is_empty() {
            around.get_or_insert_with(|| besieged_around(document)).as_deref()
        } else {
            None
        };
        let how = coercion(document, evacuation, ultimatum, fallback);
        if how.is_empty() {
            continue;
        }
        let stay = if whole(evacuation) {
            "everyone must leave"
        } else if !protected {
            "no one who stays is protected"
        } else {
            continue;
        };
        let return_ = if returns {
            "a return is provided for"
        } else {
            "no right of return is stated"
        };
        let message = format!(
            "{} moves civilians {}: {stay}, and {return_}",
            name(evacuation),
            and_list(&how)
        );
        out.push(Finding::absent(context, rule, &[evacuation], message, evacuation.span));
    }
}
