//! What a clause is about, so that drafts which renumber their clauses still pair
//! them: who is bound, what it concerns, and where.
//!
//! Each facet is a small sorted set of words read from the attributes the
//! vocabulary gives that facet ([`crate::vocabulary::Facet`]). Parties
//! count by their owner (`regime.army` is about `regime`), so a draft that names a
//! unit where the other named the party still pairs.

use crate::model::{Actor, Clause, PlaceRef, Value};
use crate::vocabulary::Facet;

/// How much each facet weighs in [`Subject::similarity`]: who and what identify a
/// clause more than where (drafts often widen or narrow the area).
const WEIGHTS: [f64; 3] = [3.0, 3.0, 2.0];

/// The facets of one clause; each sorted and without duplicates.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Subject {
    pub who: Vec<String>,
    pub what: Vec<String>,
    pub place: Vec<String>,
}

impl Subject {
    pub fn of(clause: &Clause) -> Subject {
        Subject {
            who: facet(clause, Facet::Who),
            what: facet(clause, Facet::What),
            place: facet(clause, Facet::Where),
        }
    }

    /// Whether the clause states none of the facets.
    pub fn is_empty(&self) -> bool {
        self.who.is_empty() && self.what.is_empty() && self.place.is_empty()
    }

    /// How alike two subjects are, from 0 to 1: the weighted mean of the overlap
    /// (Jaccard index) of each facet that both clauses state. A facet only one
    /// side states says nothing either way (the other draft may leave it unstated),
    /// so it is left out; `None` when no facet is stated on both sides.
    pub fn similarity(&self, other: &Subject) -> Option<f64> {
        let facets = [
            (&self.who, &other.who),
            (&self.what, &other.what),
            (&self.place, &other.place),
        ];
        let mut total = 0.0;
        let mut weight = 0.0;
        for ((a, b), w) in facets.into_iter().zip(WEIGHTS) {
            if a.is_empty() || b.is_empty() {
                continue;
            }
            total += w * jaccard(a, b);
            weight += w;
        }
        (weight > 0.0).then(|| total / weight)
    }
    /// How alike two subjects are in what they concern alone: for free-text
    /// clauses (`other`), whose only identity is their subject.
    pub fn what_similarity(&self, other: &Subject) -> Option<f64> {
        (!self.what.is_empty() && !other.what.is_empty()).then(|| jaccard(&self.what, &other.what))
    }
}

/// |a ∩ b| / |a ∪ b| for sorted, deduplicated lists.
fn jaccard(a: &[String], b: &[String]) -> f64 {
    let common = a
        .iter()
        .filter(|word| b.binary_search(word).is_ok())
        .count();
    let union = a.len() + b.len() - common;
    if union == 0 {
        1.0
    } else {
        common as f64 / union as f64
    }
}

fn facet(clause: &Clause, facet: Facet) -> Vec<String> {
    let mut words = Vec::new();
    for attribute in &clause.attributes {
        if attribute.key.facet() == Some(facet) {
            tokens(&attribute.value, &mut words);
        }
    }
    words.sort();
    words.dedup();
    words
}

/// The words of a value that identify a subject.
fn tokens(value: &Value, out: &mut Vec<String>) {
    let owner = |path: &str| path.split('.').next().unwrap_or(path).to_string();
    match value {
        Value::Parties(names) => out.extend(names.iter().map(|name| owner(&name.value))),
        Value::Words(words) | Value::Clauses(words) => {
            out.extend(words.iter().map(|word| word.value.to_lowercase()))
        }
        Value::Places(places) => out.extend(places.iter().map(|place| match &place.value {
            PlaceRef::Declared(id) => id.to_string(),
            PlaceRef::Described(words) => words.to_lowercase(),
        })),
        Value::Actors(actors) => out.extend(actors.iter().map(|actor| match &actor.value {
            Actor::Party(path) => owner(path),
            Actor::Group(word) => word.to_string(),
            Actor::Described(words) => words.to_lowercase(),
        })),
        Value::Weapons(weapons) => {
            out.extend(weapons.iter().map(|weapon| weapon.class.to_string()))
        }
        Value::Text(text) => out.extend(
            text.split(|c: char| !c.is_alphanumeric())
                .filter(|word| word.chars().count() > 2)
                .map(str::to_lowercase),
        ),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(list: &[&str]) -> Vec<String> {
        list.iter().map(|word| word.to_string()).collect()
    }

    #[test]
    fn similarity_weighs_only_facets_both_state() {
        let water = Subject {
            what: words(&["water"]),
            ..Subject::default()
        };
        let water_by_regime = Subject {
            who: words(&["regime"]),
            what: words(&["water"]),
            ..Subject::default()
        };
        let power = Subject {
            what: words(&["electricity"]),
            ..Subject::default()
        };
        assert_eq!(water.similarity(&water_by_regime), Some(1.0));
        assert_eq!(water.similarity(&power), Some(0.0));
        assert_eq!(Subject::default().similarity(&water), None);
    }
}
