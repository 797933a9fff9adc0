//! Who gains from a change, by camp: the government side with the third parties
//! aligned with it, the opposition side with its backers, or neutral third
//! parties. A change favours one camp, or has no direction, and says why.
//!
//! Two tables in the vocabulary decide it:
//!
//! - for an attribute ([`crate::vocabulary::keys`]), what "more" of it means and
//!   which end of the clause more of it favours: the party bound (more time,
//!   more conditions) or those the clause serves (more given, more guaranteed);
//! - for a clause kind ([`crate::vocabulary::Serves`]), whose camp the clause
//!   serves: adding it or making it firmer favours that camp, dropping or
//!   weakening it favours the other. A detainee release serves the camp other
//!   than the one holding the detainees, so a weaker release favours the holder,
//!   not the intermediary who carries the file; relief for an area serves the
//!   camp holding it or besieged in it; an exit under an ultimatum is
//!   displacement, no gain for those who leave.
//!
//! Party ids resolve to camps through the document ([`Document::side_of`]). A
//! clause whose ends span both camps, or name none, gives no direction.

use std::cmp::Ordering;

use serde::Serialize;

use crate::model::{Clause, Document, Value};
use crate::vocabulary::{Choice, Family, Key, Measure, Serves, Side, kinds};

pub use crate::vocabulary::Beneficiary;
use Beneficiary::{Beneficiaries, Bound};

/// Whom a change favours, by camp, and why; or that it has no direction.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Gain {
    /// The camp the change favours; `None` where it has no direction.
    pub camp: Option<Side>,
    /// The parties the document declares on that side (not the third parties
    /// aligned with it): those who gain, named.
    pub parties: Vec<String>,
    /// Why, in a few words.
    pub why: String,
    /// How much the change weighs in a step's balance: the clause kind's stakes,
    /// times 3 for a whole clause that comes or goes, 2 for a commitment made
    /// firmer or weaker, 1 for any other term.
    pub weight: u8,
}

/// How much of a clause a change touches, for its weight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// The whole clause comes or goes.
    Clause,
    /// Its strength.
    Commitment,
    /// One of its terms.
    Term,
}

impl Reach {
    fn factor(self) -> u8 {
        match self {
            Reach::Clause => 3,
            Reach::Commitment => 2,
            Reach::Term => 1,
        }
    }
}

impl Gain {
    /// A change with no direction, and why.
    pub fn none(why: impl Into<String>, weight: u8) -> Gain {
        Gain {
            camp: None,
            parties: Vec::new(),
            why: why.into(),
            weight,
        }
    }

    /// `favours the government camp (regime): a weaker commitment`;
    /// `no direction: binds both sides`.
    pub fn phrase(&self) -> String {
        match self.camp {
            Some(camp) => {
                let names = crate::model::and_list(&self.parties);
                let camp = camp_name(camp);
                if names.is_empty() {
                    format!("favours {camp}: {}", self.why)
                } else {
                    format!("favours {camp} ({names}): {}", self.why)
                }
            }
            None => format!("no direction: {}", self.why),
        }
    }
}

/// `the government camp`, `the opposition camp`, `neutral third parties`.
pub fn camp_name(camp: Side) -> &'static str {
    match camp {
        Side::Government => "the government camp",
        Side::Opposition => "the opposition camp",
        Side::Third => "neutral third parties",
    }
}

/// The camp a set of parties belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Camp {
    One(Side),
    /// They span both sides.
    Both,
    /// None is placed on a side.
    Unknown,
}

impl Camp {
    fn of(document: &Document, names: &[String]) -> Camp {
        let mut government = false;
        let mut opposition = false;
        let mut third = false;
        for name in names {
            match document.side_of(name) {
                Some(Side::Government) => government = true,
                Some(Side::Opposition) => opposition = true,
                Some(Side::Third) => third = true,
                None => {
                    third |= document
                        .owner_party(name)
                        .is_some_and(|party| party.is_neutral())
                }
            }
        }
        match (government, opposition) {
            (true, true) => Camp::Both,
            (true, false) => Camp::One(Side::Government),
            (false, true) => Camp::One(Side::Opposition),
            (false, false) if third => Camp::One(Side::Third),
            (false, false) => Camp::Unknown,
        }
    }

    /// The other camp of the two sides; a neutral camp has none.
    fn other(self) -> Camp {
        match self {
            Camp::One(Side::Government) => Camp::One(Side::Opposition),
            Camp::One(Side::Opposition) => Camp::One(Side::Government),
            Camp::One(Side::Third) | Camp::Unknown => Camp::Unknown,
            Camp::Both => Camp::Both,
        }
    }
}

/// The camp a clause serves, with why; `Err` holds why it serves none.
type Served = Result<(Side, String), String>;

/// Whom the change of `key` between two paired clauses favours.
pub fn of_attribute(key: Key, older: (&Document, &Clause), newer: (&Document, &Clause)) -> Gain {
    let weight = newer.1.kind().stakes * Reach::Term.factor();
    let Some(direction) = key.direction() else {
        return Gain::none(
            format!(
                "which camp a change of {} favours depends on the case",
                key.name()
            ),
            weight,
        );
    };
    let Some(more) = trend(direction.measure, key, older, newer) else {
        return Gain::none("the two values do not compare as more or less", weight);
    };
    let end = match more {
        Ordering::Greater => direction.more_favours,
        Ordering::Less => direction.more_favours.other(),
        Ordering::Equal => return Gain::none("as much either way, in other words", weight),
    };
    let why = match (more, end) {
        (Ordering::Greater, _) => direction.why.to_string(),
        (_, Bound) => format!("less for those it serves ({})", direction.why),
        (_, Beneficiaries) => format!("less room for the party bound ({})", direction.why),
    };
    let served = match end {
        Bound => bound_camp(newer).or_else(|_| bound_camp(older)),
        Beneficiaries => served(newer).or_else(|_| served(older)),
    };
    gain(newer.0, served.map(|(side, _)| (side, why)), weight)
}

/// Whom a clause that comes (`added`) or goes favours: the camp it serves, or
/// the other one.
pub fn of_clause(added: bool, document: &Document, clause: &Clause) -> Gain {
    let weight = clause.kind().stakes * Reach::Clause.factor();
    let served = if clause.is(&kinds::EVACUATION) {
        exit(document, clause)
    } else {
        served((document, clause))
    };
    let served = match (added, served) {
        (true, Ok((side, why))) => Ok((side, why)),
        (false, Ok((side, why))) => match Camp::One(side).other() {
            Camp::One(other) => Ok((other, format!("it served {} ({why})", camp_name(side)))),
            _ => Err(format!("it served {} ({why})", camp_name(side))),
        },
        (_, Err(why)) => Err(why),
    };
    gain(document, served, weight)
}

/// Whom a change of a clause's commitment favours: a firmer one the camp it
/// serves, a weaker one the other (for a release, the camp holding the
/// detainees).
pub fn of_strength(older: (&Document, &Clause), newer: (&Document, &Clause)) -> Gain {
    let weight = newer.1.kind().stakes * Reach::Commitment.factor();
    let served = served(newer).or_else(|_| served(older));
    let served = match (newer.1.commitment().cmp(&older.1.commitment()), served) {
        (Ordering::Equal, _) => return Gain::none("the commitment is as firm", weight),
        (Ordering::Greater, served) => {
            served.map(|(side, _)| (side, "a firmer commitment".to_string()))
        }
        (Ordering::Less, Ok((side, _))) => match Camp::One(side).other() {
            Camp::One(other) => {
                let why = if newer.1.kind().family == Some(Family::Detainees) {
                    "a weaker release leaves the detainees with the camp that holds them"
                } else {
                    "a weaker commitment"
                };
                Ok((other, why.to_string()))
            }
            _ => Err(format!(
                "a weaker commitment to what serves {}",
                camp_name(side)
            )),
        },
        (Ordering::Less, Err(why)) => Err(why),
    };
    gain(newer.0, served, weight)
}

fn gain(document: &Document, served: Served, weight: u8) -> Gain {
    match served {
        Ok((side, why)) => Gain {
            camp: Some(side),
            parties: principals(document, side),
            why,
            weight,
        },
        Err(why) => Gain::none(why, weight),
    }
}

/// The parties the document declares on a side: the principals of its camp,
/// not the third parties aligned with it.
fn principals(document: &Document, side: Side) -> Vec<String> {
    document
        .parties
        .iter()
        .filter(|party| party.side() == Some(side))
        .filter(|party| side != Side::Third || party.is_neutral())
        .map(|party| party.id.value.to_string())
        .collect()
}

/// The camp of the party the clause binds.
fn bound_camp((document, clause): (&Document, &Clause)) -> Served {
    let bound = clause.bound();
    match Camp::of(document, &bound) {
        Camp::One(side) => Ok((side, String::new())),
        Camp::Both => Err("the clause binds both sides".to_string()),
        Camp::Unknown => Err("the clause names no party bound on either side".to_string()),
    }
}

/// The camp the clause serves, by its kind's entry in the vocabulary.
fn served((document, clause): (&Document, &Clause)) -> Served {
    let of_keys = |keys: &[Key]| -> Option<Camp> {
        keys.iter()
            .find(|key| clause.has(**key))
            .map(|key| Camp::of(document, &clause.words(*key)))
    };
    // Every party the keys name: a deployment of one side's forces with, or
    // armed by, the other's serves no camp alone.
    let all_of_keys = |keys: &[Key]| -> Option<Camp> {
        let names: Vec<String> = keys.iter().flat_map(|key| clause.words(*key)).collect();
        (!names.is_empty()).then(|| Camp::of(document, &names))
    };
    let settle = |camp: Camp, what: &str| -> Served {
        match camp {
            Camp::One(side) => Ok((side, what.to_string())),
            Camp::Both => Err(format!("{what}: both sides")),
            Camp::Unknown => Err(format!("{what}: no camp named")),
        }
    };
    match clause.kind().serves {
        // A neutral intermediary (who carries the detainees' file) owes
        // nothing of its own: the area's camp is then the one served.
        Serves::OtherSideOf(keys) => match of_keys(keys) {
            Some(Camp::One(side @ (Side::Government | Side::Opposition))) => {
                settle(Camp::One(side).other(), "what the other side owes it")
            }
            Some(Camp::Both) => Err("the clause binds both sides".to_string()),
            _ => area(document, clause),
        },
        Serves::CampOf(keys) => match all_of_keys(keys) {
            Some(Camp::One(Side::Third)) => {
                Err("a neutral party acts: no camp gains by it alone".to_string())
            }
            Some(Camp::Both) => Err("the parties it names stand on both sides".to_string()),
            Some(camp) => settle(camp, "its side's parties act or receive by it"),
            None => {
                let bound = Camp::of(document, &clause.bound());
                settle(bound.other(), "what the other side gives up")
            }
        },
        Serves::Area => area(document, clause),
        Serves::Exit => match Camp::of(document, &clause.words(Key::People)) {
            Camp::One(side) => Ok((side, "the camp of those who leave".to_string())),
            _ => area(document, clause),
        },
        Serves::State => Ok((
            Side::Government,
            "service in the state's forces".to_string(),
        )),
        Serves::Nobody(why) => Err(why.to_string()),
    }
}

/// The camp an exit serves: none for a chosen exit; under an ultimatum, or with
/// no choice to stay, the camp that takes the area.
fn exit(document: &Document, clause: &Clause) -> Served {
    let ultimatum = document
        .clauses
        .iter()
        .any(|other| other.is(&kinds::ULTIMATUM));
    let choices = clause.words(Key::Choice);
    let no_stay = !choices.is_empty() && !choices.iter().any(|word| word == Choice::Stay.name());
    if !ultimatum && !no_stay {
        return Err(
            "a chosen exit: relief for those who leave, the area emptied of them".to_string(),
        );
    }
    let leaving = match served((document, clause)) {
        Ok((side, _)) => Camp::One(side),
        Err(_) => Camp::Unknown,
    };
    let why = if ultimatum {
        "an exit under ultimatum is displacement, no gain for those who leave"
    } else {
        "an exit with no choice to stay is displacement, no gain for those who leave"
    };
    match leaving.other() {
        Camp::One(side) => Ok((side, why.to_string())),
        _ => Err(why.to_string()),
    }
}

/// The camp that holds the clause's area (or the document's region): the
/// other side from its besiegers, else the side of the parties that represent
/// it, the nearest place up the `within` chain first.
fn area(document: &Document, clause: &Clause) -> Served {
    let mut places: Vec<String> = clause
        .places(Key::Area)
        .into_iter()
        .filter_map(|place| match &place.value {
            crate::model::PlaceRef::Declared(id) => Some(id.to_string()),
            crate::model::PlaceRef::Described(_) => None,
        })
        .collect();
    if places.is_empty()
        && let Some(crate::model::PlaceRef::Declared(region)) =
            document.region.as_ref().map(|region| &region.value)
    {
        places.push(region.to_string());
    }
    let mut found = Camp::Unknown;
    for place in &places {
        let camp = area_camp(document, place);
        found = match (found, camp) {
            (Camp::Unknown, camp) => camp,
            (found, Camp::Unknown) => found,
            (found, camp) if found == camp => found,
            _ => Camp::Both,
        };
    }
    match found {
        Camp::One(side) => Ok((side, "relief for the camp holding the area".to_string())),
        Camp::Both => Err("the area is held by both sides".to_string()),
        Camp::Unknown => Err("the document places the area in no camp".to_string()),
    }
}

fn area_camp(document: &Document, place: &str) -> Camp {
    let besiegers: Vec<String> = document
        .besiegers(place)
        .into_iter()
        .map(|party| party.value.to_string())
        .collect();
    if !besiegers.is_empty() {
        return Camp::of(document, &besiegers).other();
    }
    for id in document.enclosing(place) {
        let speakers: Vec<String> = document
            .parties
            .iter()
            .filter(|party| party.speaks_for().contains(&id))
            .map(|party| party.id.value.to_string())
            .collect();
        let camp = Camp::of(document, &speakers);
        if camp != Camp::Unknown {
            return camp;
        }
    }
    Camp::Unknown
}

/// Whether the newer clause has more (`Greater`) or less of the attribute, by the
/// table's measure; `None` when the two cannot be ordered.
fn trend(
    measure: Measure,
    key: Key,
    older: (&Document, &Clause),
    newer: (&Document, &Clause),
) -> Option<Ordering> {
    let (old, new) = (older.1, newer.1);
    match measure {
        Measure::Present => match (old.has(key), new.has(key)) {
            (false, true) => Some(Ordering::Greater),
            (true, false) => Some(Ordering::Less),
            _ => None,
        },
        Measure::Stronger => Some(new.commitment().cmp(&old.commitment())),
        Measure::Later { absent_is_never } => {
            if let Some((a, b, _)) = super::time::moments(older, newer, key) {
                return Some(b.cmp(&a));
            }
            match (old.has(key), new.has(key)) {
                (false, true) if absent_is_never => Some(Ordering::Less),
                (true, false) if absent_is_never => Some(Ordering::Greater),
                _ => None,
            }
        }
        Measure::Longer {
            absent_is_unbounded,
        } => match (hours(old, key), hours(new, key)) {
            // A range is longer where its least or, that equal, its most is.
            (Some(a), Some(b)) => match b.0.partial_cmp(&a.0) {
                Some(Ordering::Equal) => b.1.partial_cmp(&a.1),
                order => order,
            },
            (None, Some(_)) if absent_is_unbounded && !old.has(key) => Some(Ordering::Less),
            (Some(_), None) if absent_is_unbounded && !new.has(key) => Some(Ordering::Greater),
            _ => None,
        },
        Measure::Larger => b_vs_a(number(old, key), number(new, key)),
        Measure::Wider => {
            let a = set(old, key);
            let b = set(new, key);
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

/// The least and the most of a duration (range), in hours.
fn hours(clause: &Clause, key: Key) -> Option<(f64, f64)> {
    clause
        .all(key)
        .find_map(|attribute| match &attribute.value {
            Value::Duration(range) => {
                let least = range.min.approximate_hours();
                Some((
                    least,
                    range.max.map_or(least, |max| max.approximate_hours()),
                ))
            }
            _ => None,
        })
}

fn number(clause: &Clause, key: Key) -> Option<f64> {
    clause
        .all(key)
        .find_map(|attribute| match &attribute.value {
            Value::Count(count) => count.least().or(count.most()),
            Value::Distance(distance) => Some(distance.metres),
            _ => None,
        })
}

/// The members of a list-valued attribute; for an age range, its ages.
fn set(clause: &Clause, key: Key) -> Vec<String> {
    let mut out = Vec::new();
    for attribute in clause.all(key) {
        match &attribute.value {
            Value::Ages { min, max } => out.extend((*min..=*max).map(|age| age.to_string())),
            Value::Weapons(weapons) => out.extend(weapons.iter().map(|w| w.class.to_string())),
            Value::Words(words) | Value::Parties(words) => {
                out.extend(words.iter().map(|w| w.value.to_string()))
            }
            other => out.push(other.to_string()),
        }
    }
    out
}
