//! The vocabulary: the one place that knows the language's clause kinds, attribute
//! keys and closed word lists, and every fact about them that the resolver, the
//! rules, compare, the timeline and the generator read.
//!
//! The parser knows none of this; it builds a uniform tree of statements. Meaning
//! lives here, so that adding a clause kind is one entry in [`kinds`] (and its
//! section in `grammar/reference.md`), and adding an attribute is one line in
//! [`keys`] and one where a kind accepts it.
//!
//! A [`Vocabulary`] is the set of clause kinds a run resolves against; the standard
//! one holds [`CLAUSE_KINDS`]. Everything downstream reads the facts of the kind a
//! clause has, never the kind's name, so a kind added to a copy of the vocabulary
//! flows through rules, compare and the timeline unchanged (`tests/vocabulary.rs`).

pub mod keys;
pub mod kinds;
pub mod pax;
pub mod words;

use std::sync::LazyLock;

pub use keys::{Beneficiary, Direction, Facet, Guarantee, Key, KeyInfo, Measure, Timing, Wait};
pub use kinds::{
    Access, Attribute, Backing, Beneficiaries, CLAUSE_KINDS, COMMON_ATTRIBUTES, ClauseKind, Entry,
    Family, Serves, ValueType,
};
pub use words::{
    ARMED_GROUPS, COLLECTIVE_WORDS, Choice, DOCUMENT_STATEMENTS, EVENT_LINES, Evidence, GROUPS,
    JUDGEMENT_WORDS, Outcome, PLACE_KINDS, Relation, Role, START_OR_END, STRENGTHS, Side, Status,
    UMBRELLA_UNITS, WEAPON_CLASSES, WEAPON_QUANTIFIERS, is_collective, is_group, is_judgement,
    names_armed_only,
};

/// The clause kinds a run knows.
#[derive(Clone, Debug)]
pub struct Vocabulary {
    kinds: Vec<&'static ClauseKind>,
}

static STANDARD: LazyLock<Vocabulary> = LazyLock::new(|| Vocabulary {
    kinds: CLAUSE_KINDS.to_vec(),
});

impl Vocabulary {
    /// The language as `grammar/reference.md` documents it.
    pub fn standard() -> &'static Vocabulary {
        &STANDARD
    }

    /// This vocabulary and one kind more (or, under a name it already has, in place
    /// of that kind).
    pub fn with(&self, kind: &'static ClauseKind) -> Vocabulary {
        let mut kinds: Vec<&'static ClauseKind> = self
            .kinds
            .iter()
            .copied()
            .filter(|known| known.name != kind.name)
            .collect();
        kinds.push(kind);
        Vocabulary { kinds }
    }

    /// The clause kind with this name.
    pub fn kind(&self, name: &str) -> Option<&'static ClauseKind> {
        self.kinds.iter().copied().find(|kind| kind.name == name)
    }

    /// Every clause kind, in the vocabulary's order.
    pub fn kinds(&self) -> &[&'static ClauseKind] {
        &self.kinds
    }

    /// Every clause kind's name, for hints.
    pub fn kind_names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.kinds.iter().map(|kind| kind.name)
    }

    /// The first kind whose own attributes include `key`: for the hint
    /// "`destination` belongs to `evacuation` clauses".
    pub fn kind_with_key(&self, key: Key) -> Option<&'static ClauseKind> {
        self.kinds
            .iter()
            .copied()
            .find(|kind| kind.attributes.iter().any(|a| a.key == key))
    }
}

/// The clause kind with this name in the standard vocabulary.
pub fn clause_kind(name: &str) -> Option<&'static ClauseKind> {
    Vocabulary::standard().kind(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_are_unique_and_every_key_is_used() {
        let names: std::collections::HashSet<&str> =
            CLAUSE_KINDS.iter().map(|kind| kind.name).collect();
        assert_eq!(names.len(), CLAUSE_KINDS.len());
        for key in Key::ALL {
            let used = COMMON_ATTRIBUTES.iter().any(|a| a.key == *key)
                || CLAUSE_KINDS
                    .iter()
                    .any(|kind| kind.attributes.iter().any(|a| a.key == *key));
            assert!(used, "no kind accepts `{key}`");
        }
    }

    #[test]
    fn a_kind_accepts_each_key_once() {
        for kind in CLAUSE_KINDS {
            let keys: Vec<Key> = kind.keys().collect();
            let unique: std::collections::HashSet<&Key> = keys.iter().collect();
            assert_eq!(unique.len(), keys.len(), "{} repeats a key", kind.name);
        }
    }

    #[test]
    fn facts_name_only_keys_their_kind_accepts() {
        for kind in CLAUSE_KINDS {
            let accepts = |key: &Key| kind.attribute(*key).is_some();
            // The default, `by` else `forces`, reads `forces` only where a kind has it.
            assert!(kind.bound.iter().any(accepts), "{}: bound", kind.name);
            if let Beneficiaries::Named(key) = kind.beneficiaries {
                assert!(accepts(&key), "{}: beneficiaries", kind.name);
            }
            if let Some(access) = kind.access {
                assert!(access.grantees.iter().all(accepts), "{}", kind.name);
                assert!(access.areas.iter().all(accepts), "{}", kind.name);
            }
        }
    }

    #[test]
    fn a_copy_with_one_kind_more_keeps_the_rest() {
        static NEW: ClauseKind = ClauseKind {
            name: "amnesty_law",
            ..kinds::OTHER
        };
        let vocabulary = Vocabulary::standard().with(&NEW);
        assert_eq!(vocabulary.kinds().len(), CLAUSE_KINDS.len() + 1);
        assert_eq!(
            vocabulary.kind("amnesty_law").map(|k| k.name),
            Some("amnesty_law")
        );
        assert!(Vocabulary::standard().kind("amnesty_law").is_none());
    }
}
