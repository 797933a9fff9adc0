//! Who a change favours: the party a clause binds (it must act), or those the
//! clause benefits. One table, [`DIRECTIONS`], says for each attribute what "more"
//! means and whom more of it favours; less of it favours the other one.
//!
//! | attribute | more means | more favours | why |
//! |---|---|---|---|
//! | `deadline`, `review_on` | later (none at all is latest) | the party bound | more time to act |
//! | `start` | later | the party bound | the obligation begins later |
//! | `grace` | longer | the party bound | more time before service |
//! | `until`, `duration` | later, longer (none at all is longest) | those it benefits | the clause lasts longer |
//! | `guarantor`, `monitor`, `verifier`, `safe_passage`, `escort`, `protected_by` | present | those it benefits | someone answers for the clause |
//! | `mechanism`, `violations`, `consequence`, `protection`, `offences` | present | those it benefits | the clause says how it is kept |
//! | `strength` | stronger (absent is binding) | those it benefits | a firmer commitment |
//! | `count`, `corridors`, `width`, `depth`, `distance` | larger | those it benefits | more is given |
//! | `destination`, `route` | present | those it benefits | evacuees know where and how they go |
//! | `choice`, `services`, `aid`, `weapons`, `ages` | a superset | those it benefits | more is given or covered |
//! | `ratio`, `if`, `after`, `condition`, `in_exchange_for` | present | the party bound | it may wait until the condition is met |
//! | `excludes` | present | the party bound | fewer people are covered |
//! | `by` | present | those it benefits | someone is named to act |
//!
//! Every other attribute (who is bound, areas, places, lists, texts) changes the
//! terms without a direction that holds in general, so none is claimed.
//!
//! Who is bound: `against` for an ultimatum, `barred` for non-entry and `people`
//! for conscription (else `by`), otherwise `by`, else the `forces` a deployment or
//! withdrawal moves. Who benefits: `benefits`, else the people an evacuation,
//! status settlement or return concerns, the detainees of a release, or else the
//! parties on the other side from those bound (a third party aligned with a side
//! counts with that side). A clause that binds both sides favours nobody in
//! particular, and no party is named.

use std::cmp::Ordering;

use serde::Serialize;

use crate::model::{Clause, Deadline, Document, Side, Strength, Value, When};

/// The two ends of a clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Beneficiary {
    /// The party the clause binds: it must act.
    Bound,
    /// Those the clause benefits.
    Beneficiaries,
}

impl Beneficiary {
    fn other(self) -> Beneficiary {
        match self {
            Beneficiary::Bound => Beneficiary::Beneficiaries,
            Beneficiary::Beneficiaries => Beneficiary::Bound,
        }
    }
}

/// What "more" of an attribute means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// A later date; with `absent_is_never`, no date at all is the latest.
    Later { absent_is_never: bool },
    /// A longer duration; with `absent_is_unbounded`, none at all is the longest.
    Longer { absent_is_unbounded: bool },
    /// A larger number.
    Larger,
    /// A firmer commitment; an absent strength is binding.
    Stronger,
    /// Stated rather than not.
    Present,
    /// A superset of classes, services or choices.
    Wider,
}

/// One row of the table.
#[derive(Clone, Copy, Debug)]
pub struct Direction {
    pub key: &'static str,
    pub measure: Measure,
    pub more_favours: Beneficiary,
    pub why: &'static str,
}

const fn row(
    key: &'static str,
    measure: Measure,
    more_favours: Beneficiary,
    why: &'static str,
) -> Direction {
    Direction {
        key,
        measure,
        more_favours,
        why,
    }
}

use Beneficiary::{Beneficiaries, Bound};

/// A later date; no date at all is the latest.
const LATER_OR_NEVER: Measure = Measure::Later {
    absent_is_never: true,
};
/// A later date; no date says nothing.
const LATER: Measure = Measure::Later {
    absent_is_never: false,
};
/// A longer duration; none at all is the longest.
const LONGER_OR_UNBOUNDED: Measure = Measure::Longer {
    absent_is_unbounded: true,
};
/// A longer duration; none says nothing.
const LONGER: Measure = Measure::Longer {
    absent_is_unbounded: false,
};
use Measure::{Larger, Present, Stronger, Wider};

const TIME: &str = "more time to act";
const ANSWERS: &str = "someone answers for the clause";
const KEPT: &str = "the clause says how it is kept";
const GIVEN: &str = "more is given or covered";
const WAIT: &str = "it may wait until the condition is met";

/// The direction of each attribute; see the module documentation.
#[rustfmt::skip]
pub const DIRECTIONS: &[Direction] = &[
    row("deadline",        LATER_OR_NEVER,      Bound,         TIME),
    row("review_on",       LATER_OR_NEVER,      Bound,         TIME),
    row("start",           LATER,               Bound,         "the obligation begins later"),
    row("grace",           LONGER,              Bound,         "more time before service"),
    row("until",           LATER_OR_NEVER,      Beneficiaries, "the clause lasts longer"),
    row("duration",        LONGER_OR_UNBOUNDED, Beneficiaries, "the clause lasts longer"),
    row("guarantor",       Present,             Beneficiaries, ANSWERS),
    row("monitor",         Present,             Beneficiaries, ANSWERS),
    row("verifier",        Present,             Beneficiaries, ANSWERS),
    row("safe_passage",    Present,             Beneficiaries, ANSWERS),
    row("escort",          Present,             Beneficiaries, ANSWERS),
    row("protected_by",    Present,             Beneficiaries, ANSWERS),
    row("mechanism",       Present,             Beneficiaries, KEPT),
    row("violations",      Present,             Beneficiaries, KEPT),
    row("consequence",     Present,             Beneficiaries, KEPT),
    row("protection",      Present,             Beneficiaries, KEPT),
    row("offences",        Present,             Beneficiaries, KEPT),
    row("strength",        Stronger,            Beneficiaries, "a firmer commitment"),
    row("count",           Larger,              Beneficiaries, GIVEN),
    row("corridors",       Larger,              Beneficiaries, GIVEN),
    row("width",           Larger,              Beneficiaries, GIVEN),
    row("depth",           Larger,              Beneficiaries, GIVEN),
    row("distance",        Larger,              Beneficiaries, GIVEN),
    row("destination",     Present,             Beneficiaries, "evacuees know where they go"),
    row("route",           Present,             Beneficiaries, "evacuees know how they go"),
    row("choice",          Wider,               Beneficiaries, GIVEN),
    row("services",        Wider,               Beneficiaries, GIVEN),
    row("aid",             Wider,               Beneficiaries, GIVEN),
    row("weapons",         Wider,               Beneficiaries, GIVEN),
    row("ages",            Wider,               Beneficiaries, GIVEN),
    row("ratio",           Present,             Bound,         WAIT),
    row("if",              Present,             Bound,         WAIT),
    row("after",           Present,             Bound,         WAIT),
    row("condition",       Present,             Bound,         WAIT),
    row("in_exchange_for", Present,             Bound,         WAIT),
    row("excludes",        Present,             Bound,         "fewer people are covered"),
    row("by",              Present,             Beneficiaries, "someone is named to act"),
];

/// The row of the table for an attribute.
pub fn direction(key: &str) -> Option<&'static Direction> {
    DIRECTIONS.iter().find(|direction| direction.key == key)
}

/// Whom a change favours, with the parties or groups that are, where known.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Favours {
    pub side: Beneficiary,
    /// Party ids, unit paths or group words; empty when the clause does not say.
    pub parties: Vec<String>,
}

impl Favours {
    /// `favours russia, bound by the clause`; `favours those the clause benefits`.
    pub fn phrase(&self) -> String {
        let names = crate::model::and_list(&self.parties);
        match (self.side, names.is_empty()) {
            (Bound, true) => "favours the party the clause binds".to_string(),
            (Bound, false) => format!("favours {names}, bound by the clause"),
            (Beneficiaries, true) => "favours those the clause benefits".to_string(),
            (Beneficiaries, false) => format!("favours {names}, whom the clause benefits"),
        }
    }
}

/// Whom the change of `key` from the older clause to the newer one favours;
/// `None` where the table claims no direction or the change has none (a place
/// for another place).
pub fn favours(
    key: &str,
    older: (&Document, &Clause),
    newer: (&Document, &Clause),
) -> Option<Favours> {
    let direction = direction(key)?;
    let more = trend(direction.measure, key, older.1, newer.1)?;
    let side = match more {
        Ordering::Greater => direction.more_favours,
        Ordering::Less => direction.more_favours.other(),
        Ordering::Equal => return None,
    };
    favouring(side, &[newer, older])
}

/// Whom adding a clause favours (those it benefits), or removing one (the party
/// it bound). Claimed only where it holds in general: for a protection, and for
/// a concession whose `by` names who concedes; and only with names. `None`
/// otherwise, and when the clause binds both sides.
pub fn favours_clause(side: Beneficiary, document: &Document, clause: &Clause) -> Option<Favours> {
    let claim = clause.is_protection() || (clause.is_concession() && clause.has("by"));
    if !claim {
        return None;
    }
    favouring(side, &[(document, clause)]).filter(|favours| !favours.parties.is_empty())
}

/// The parties on `side` of the first clause that names them.
fn favouring(side: Beneficiary, clauses: &[(&Document, &Clause)]) -> Option<Favours> {
    let mut both_sides = false;
    for (document, clause) in clauses {
        let bound = bound(clause);
        if spans_both_sides(document, &bound) {
            both_sides = true;
            continue;
        }
        let parties = match side {
            Bound => bound,
            Beneficiaries => beneficiaries(document, clause, &bound),
        };
        if !parties.is_empty() {
            return Some(Favours { side, parties });
        }
    }
    (!both_sides).then_some(Favours {
        side,
        parties: Vec::new(),
    })
}

/// Who the clause binds, in canonical words: those who must comply with an
/// ultimatum, those barred from an area, those who must serve, else `by`, else
/// the forces a deployment or withdrawal moves.
pub fn bound(clause: &Clause) -> Vec<String> {
    let keys: &[&str] = match clause.kind_name() {
        "ultimatum" => &["against"],
        "non_entry" => &["barred", "by"],
        "conscription" => &["people", "by"],
        _ => &["by", "forces"],
    };
    let key = keys.iter().copied().find(|key| clause.has(key));
    names(clause, key)
}

fn beneficiaries(document: &Document, clause: &Clause, bound: &[String]) -> Vec<String> {
    if clause.has("benefits") {
        return names(clause, Some("benefits"));
    }
    match clause.kind_name() {
        "evacuation" | "status_settlement" | "return_of_displaced" if clause.has("people") => {
            return names(clause, Some("people"));
        }
        "detainee_release" => return vec!["detainees".to_string()],
        "prisoner_exchange" => return vec!["prisoners".to_string()],
        _ => {}
    }
    let bound_sides: Vec<Side> = bound
        .iter()
        .filter_map(|name| side_of(document, name))
        .collect();
    let Some(first) = bound_sides.first() else {
        return Vec::new();
    };
    document
        .parties
        .iter()
        .filter(|party| side_of(document, &party.id.value).is_some_and(|side| side != *first))
        .map(|party| party.id.value.clone())
        .collect()
}

fn names(clause: &Clause, key: Option<&str>) -> Vec<String> {
    let Some(key) = key else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    for attribute in clause.all(key) {
        match &attribute.value {
            Value::Actors(actors) => out.extend(actors.iter().map(|a| a.value.to_string())),
            Value::Parties(parties) => out.extend(parties.iter().map(|p| p.value.clone())),
            _ => {}
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The side a party or unit path stands on; a third party aligned with a party
/// stands on that party's side.
fn side_of(document: &Document, path: &str) -> Option<Side> {
    let party = document.party(document.owner(path))?;
    match party.side.as_ref()?.value {
        Side::Third => {
            let aligned = document.party(&party.aligned.as_ref()?.value)?;
            match aligned.side.as_ref()?.value {
                Side::Third => None,
                side => Some(side),
            }
        }
        side => Some(side),
    }
}

fn spans_both_sides(document: &Document, names: &[String]) -> bool {
    let sides: Vec<Side> = names
        .iter()
        .filter_map(|name| side_of(document, name))
        .collect();
    sides.contains(&Side::Government) && sides.contains(&Side::Opposition)
}

/// Whether the newer clause has more (`Greater`) or less of the attribute, by the
/// table's measure; `None` when the two cannot be ordered.
fn trend(measure: Measure, key: &str, older: &Clause, newer: &Clause) -> Option<Ordering> {
    match measure {
        Measure::Present => match (older.has(key), newer.has(key)) {
            (false, true) => Some(Ordering::Greater),
            (true, false) => Some(Ordering::Less),
            _ => None,
        },
        Measure::Stronger => {
            let strength = |clause: &Clause| clause.strength().unwrap_or(Strength::Binding);
            Some(strength(newer).cmp(&strength(older)))
        }
        Measure::Later { absent_is_never } => match (when_of(older, key), when_of(newer, key)) {
            (Some(a), Some(b)) => Some(b.start.cmp(&a.start)),
            (None, Some(_)) if absent_is_never && !older.has(key) => Some(Ordering::Less),
            (Some(_), None) if absent_is_never && !newer.has(key) => Some(Ordering::Greater),
            _ => None,
        },
        Measure::Longer {
            absent_is_unbounded,
        } => match (hours(older, key), hours(newer, key)) {
            (Some(a), Some(b)) => b.partial_cmp(&a),
            (None, Some(_)) if absent_is_unbounded && !older.has(key) => Some(Ordering::Less),
            (Some(_), None) if absent_is_unbounded && !newer.has(key) => Some(Ordering::Greater),
            _ => None,
        },
        Measure::Larger => b_vs_a(number(older, key), number(newer, key)),
        Measure::Wider => {
            let a = set(older, key);
            let b = set(newer, key);
            let a_in_b = a.iter().all(|word| b.contains(word));
            let b_in_a = b.iter().all(|word| a.contains(word));
            match (a_in_b, b_in_a) {
                (true, true) => Some(Ordering::Equal),
                (true, false) => Some(Ordering::Greater),
                (false, true) => Some(Ordering::Less),
                (false, false) => None,
            }
        }
    }
}

fn b_vs_a(a: Option<f64>, b: Option<f64>) -> Option<Ordering> {
    b?.partial_cmp(&a?)
}

/// The date a time-valued attribute stands for: the resolver's resolution of a
/// relative deadline, or the date as written.
pub fn when_of<'a>(clause: &'a Clause, key: &str) -> Option<&'a When> {
    if !clause.has(key) {
        return None;
    }
    clause.resolved(key).or_else(|| {
        clause
            .attributes
            .iter()
            .filter(|attribute| attribute.key.value == key)
            .find_map(|attribute| match &attribute.value {
                Value::When(when) | Value::Deadline(Deadline::At { when }) => Some(when),
                _ => None,
            })
    })
}

fn hours(clause: &Clause, key: &str) -> Option<f64> {
    clause
        .all(key)
        .find_map(|attribute| match &attribute.value {
            Value::Duration(range) => Some(range.min.approximate_hours()),
            _ => None,
        })
}

fn number(clause: &Clause, key: &str) -> Option<f64> {
    clause
        .all(key)
        .find_map(|attribute| match &attribute.value {
            Value::Count(count) => count.min.or(count.max),
            Value::Distance(distance) => Some(distance.metres),
            _ => None,
        })
}

/// The members of a list-valued attribute; for an age range, its ages.
fn set(clause: &Clause, key: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attribute in clause.all(key) {
        match &attribute.value {
            Value::Ages { min, max } => out.extend((*min..=*max).map(|age| age.to_string())),
            Value::Weapons(weapons) => out.extend(weapons.iter().map(|w| w.class.clone())),
            Value::Words(words) | Value::Parties(words) => {
                out.extend(words.iter().map(|w| w.value.clone()))
            }
            other => out.push(other.to_string()),
        }
    }
    out
}
