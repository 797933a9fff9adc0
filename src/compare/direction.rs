//! Who a change favours: the party a clause binds (it must act), or those the
//! clause benefits. The vocabulary says, for each attribute, what "more" means and
//! whom more of it favours ([`crate::vocabulary::keys`] has the table); less of it
//! favours the other one. This module measures which way a change went and names
//! the parties at that end.
//!
//! Who is bound and who benefits are the model's answers ([`Clause::bound`],
//! [`Clause::beneficiaries`]). A clause that binds both sides favours nobody in
//! particular, and no party is named.

use std::cmp::Ordering;

use serde::Serialize;

use crate::model::{Clause, Document, Side, Strength, Value};
use crate::vocabulary::{Key, Measure};

pub use crate::vocabulary::Beneficiary;
use Beneficiary::{Beneficiaries, Bound};

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
    key: Key,
    older: (&Document, &Clause),
    newer: (&Document, &Clause),
) -> Option<Favours> {
    let direction = key.direction()?;
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
    let claim = clause.is_protection() || (clause.is_concession() && clause.has(Key::By));
    if !claim {
        return None;
    }
    favouring(side, &[(document, clause)]).filter(|favours| !favours.parties.is_empty())
}

/// The parties on `side` of the first clause that names them.
fn favouring(side: Beneficiary, clauses: &[(&Document, &Clause)]) -> Option<Favours> {
    let mut both_sides = false;
    for (document, clause) in clauses {
        let bound = clause.bound();
        if spans_both_sides(document, &bound) {
            both_sides = true;
            continue;
        }
        let parties = match side {
            Bound => bound,
            Beneficiaries => clause.beneficiaries(document),
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

fn spans_both_sides(document: &Document, names: &[String]) -> bool {
    let sides: Vec<Side> = names
        .iter()
        .filter_map(|name| document.side_of(name))
        .collect();
    sides.contains(&Side::Government) && sides.contains(&Side::Opposition)
}

/// Whether the newer clause has more (`Greater`) or less of the attribute, by the
/// table's measure; `None` when the two cannot be ordered.
fn trend(measure: Measure, key: Key, older: &Clause, newer: &Clause) -> Option<Ordering> {
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
        Measure::Later { absent_is_never } => match (older.when(key), newer.when(key)) {
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

fn hours(clause: &Clause, key: Key) -> Option<f64> {
    clause
        .all(key)
        .find_map(|attribute| match &attribute.value {
            Value::Duration(range) => Some(range.min.approximate_hours()),
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
            Value::Weapons(weapons) => out.extend(weapons.iter().map(|w| w.class.clone())),
            Value::Words(words) | Value::Parties(words) => {
                out.extend(words.iter().map(|w| w.value.clone()))
            }
            other => out.push(other.to_string()),
        }
    }
    out
}
