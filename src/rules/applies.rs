//! Which documents a rule could fire on: each rule's precondition, declared as
//! data beside its check, so that `truce stats` can say "3 of 3" and mean "fires
//! on 3 of the 3 documents that hold what the rule reads".
//!
//! A precondition is a superset of where the rule fires: a document the rule
//! fires on always satisfies it. The registry's tests hold every firing case of
//! every rule to that, and `truce stats` reports a breach on real input as an
//! internal error rather than a count it cannot stand behind.

use crate::model::Document;
use crate::vocabulary::{Backing, CLAUSE_KINDS, ClauseKind, Family, Key};

/// What a document must hold for a rule to be able to fire on it. "Operative"
/// clauses are `document.clauses`: recitals bind nobody and no rule but
/// `preamble-only-protection` reads them.
#[derive(Clone, Copy, Debug)]
pub enum Applies {
    /// Any document.
    Every,
    /// Documents with an operative clause of one of these kinds.
    Kinds(&'static [&'static ClauseKind]),
    /// Documents with an operative clause of a kind of this family.
    Family(Family),
    /// Documents with an operative clause that protects people (a kind marked
    /// `protection` in the vocabulary).
    Protections,
    /// Documents with a recital that protects people.
    ProtectionRecitals,
    /// Documents with an operative clause stating one of these attributes.
    Keys(&'static [Key]),
    /// Documents where an operative clause waits on another (`after`, `if`, ...).
    Waits,
    /// Documents with an operative clause of a kind that brings relief (aid,
    /// services, an exit).
    Relief,
    /// Documents with an operative clause of a kind that obliges someone to act.
    Obligations,
    /// Documents that name a guarantor anywhere: a statement, a role, a clause.
    Guarantors,
    /// Documents that name a monitor or observers anywhere, or hold a
    /// monitoring clause.
    Monitors,
    /// Documents a party signed or agreed to.
    Consented,
    /// Documents with an `allow` line, on the document or on a clause.
    Allows,
    /// Comparison rules: they read steps between drafts, not documents, and
    /// `truce stats` does not count them.
    Steps,
}

impl Applies {
    /// Whether a document rule with this precondition could fire on `document`.
    /// Always false for [`Applies::Steps`]. Linear in the document's clauses.
    pub fn holds(&self, document: &Document) -> bool {
        let mut clauses = document.clauses.iter();
        match *self {
            Applies::Every => true,
            Applies::Kinds(kinds) => clauses.any(|clause| kinds.iter().any(|k| clause.is(k))),
            Applies::Family(family) => clauses.any(|clause| clause.kind().family == Some(family)),
            Applies::Protections => clauses.any(|clause| clause.is_protection()),
            Applies::ProtectionRecitals => document.recitals.iter().any(|r| r.is_protection()),
            Applies::Keys(keys) => clauses.any(|clause| keys.iter().any(|key| clause.has(*key))),
            Applies::Waits => clauses.any(|clause| !clause.waits_on().is_empty()),
            Applies::Relief => clauses.any(|clause| clause.kind().relief),
            Applies::Obligations => clauses.any(|clause| clause.kind().obliges),
            Applies::Guarantors => !document.guarantors().is_empty(),
            Applies::Monitors => {
                document.has_monitor()
                    || clauses.any(|clause| {
                        clause.has(Key::Monitor)
                            || clause.has(Key::Observers)
                            || clause.kind().backs == Some(Backing::Monitors)
                    })
            }
            Applies::Consented => document.consenting().next().is_some(),
            Applies::Allows => {
                !document.allows.is_empty()
                    || document
                        .recitals
                        .iter()
                        .chain(&document.clauses)
                        .any(|clause| !clause.allows.is_empty())
            }
            Applies::Steps => false,
        }
    }

    /// Which documents these are, in words: "documents with an `evacuation`
    /// clause".
    pub fn describe(&self) -> String {
        match *self {
            Applies::Every => "every document".to_string(),
            Applies::Kinds([]) => "no document".to_string(),
            Applies::Kinds(kinds) => {
                let names: Vec<&str> = kinds.iter().map(|kind| kind.name).collect();
                format!("documents with {} clause", one_of(&names))
            }
            Applies::Family(family) => {
                let names: Vec<&str> = CLAUSE_KINDS
                    .iter()
                    .filter(|kind| kind.family == Some(family))
                    .map(|kind| kind.name)
                    .collect();
                format!("documents with {} clause", one_of(&names))
            }
            Applies::Protections => "documents with a clause that protects people".to_string(),
            Applies::ProtectionRecitals => {
                "documents with a recital that protects people".to_string()
            }
            Applies::Keys(keys) => {
                let names: Vec<&str> = keys.iter().map(|key| key.name()).collect();
                format!("documents with a clause stating {}", or_list(&names))
            }
            Applies::Waits => "documents where a clause waits on another".to_string(),
            Applies::Relief => "documents with a clause bringing relief".to_string(),
            Applies::Obligations => "documents with a clause obliging someone to act".to_string(),
            Applies::Guarantors => "documents that name a guarantor".to_string(),
            Applies::Monitors => "documents that name a monitor or observers".to_string(),
            Applies::Consented => "documents a party signed or agreed to".to_string(),
            Applies::Allows => "documents with an `allow` line".to_string(),
            Applies::Steps => "steps between drafts (not counted)".to_string(),
        }
    }
}

/// "a `ceasefire`", "an `evacuation`", "a `detainee_release` or `prisoner_exchange`".
fn one_of(names: &[&str]) -> String {
    let article = match names.first().and_then(|name| name.chars().next()) {
        Some('a' | 'e' | 'i' | 'o' | 'u') => "an",
        _ => "a",
    };
    format!("{article} {}", or_list(names))
}

/// "`a`", "`a` or `b`", "`a`, `b` or `c`".
fn or_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::kinds;

    fn document(text: &str) -> Document {
        let loaded = crate::load_str("applies.truce", text);
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        loaded
            .corpus
            .documents
            .into_iter()
            .next()
            .expect("a document")
    }

    #[test]
    fn a_precondition_reads_operative_clauses_not_recitals() {
        let recital =
            document(r#"agreement a { recital detainee_release { text "the parties care" } }"#);
        let operative = document(r#"agreement b { clause 1 prisoner_exchange { text "x" } }"#);
        let family = Applies::Family(Family::Detainees);
        assert!(!family.holds(&recital));
        assert!(family.holds(&operative));
        assert!(Applies::ProtectionRecitals.holds(&recital));
        assert!(!Applies::ProtectionRecitals.holds(&operative));
        assert!(Applies::Protections.holds(&operative));
        static RELEASE: &[&ClauseKind] = &[&kinds::DETAINEE_RELEASE];
        assert!(!Applies::Kinds(RELEASE).holds(&operative));
        assert!(Applies::Every.holds(&recital));
        assert!(!Applies::Steps.holds(&operative));
    }

    #[test]
    fn keys_waits_and_parties() {
        let text = r#"agreement a {
  party regime "Syrian government" side government role signatory
  clause 1 ceasefire { deadline immediate }
  clause 2 evacuation { after 1 }
}"#;
        let found = document(text);
        assert!(Applies::Keys(&[Key::Start, Key::Deadline]).holds(&found));
        assert!(!Applies::Keys(&[Key::Excludes]).holds(&found));
        assert!(Applies::Waits.holds(&found));
        assert!(Applies::Relief.holds(&found));
        assert!(Applies::Consented.holds(&found));
        assert!(!Applies::Guarantors.holds(&found));
        assert!(!Applies::Monitors.holds(&found));
    }

    #[test]
    fn descriptions_name_kinds_and_keys() {
        static EVACUATION: &[&ClauseKind] = &[&kinds::EVACUATION];
        assert_eq!(
            Applies::Family(Family::Detainees).describe(),
            "documents with a `detainee_release` or `prisoner_exchange` clause"
        );
        assert_eq!(
            Applies::Kinds(EVACUATION).describe(),
            "documents with an `evacuation` clause"
        );
        assert_eq!(
            Applies::Keys(&[Key::Deadline, Key::Start, Key::Until]).describe(),
            "documents with a clause stating `deadline`, `start` or `until`"
        );
    }
}
