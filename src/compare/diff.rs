//! What changed between two aligned clauses, and between the two documents as a
//! whole: each attribute before and after, in canonical words, and a word diff
//! of the verbatim texts.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

use super::align::Pairing;
use super::direction::{self, Gain};
use super::show;
use crate::model::{Clause, Document};
use crate::vocabulary::{Key, Role};

/// How an unstated strength shows beside a stated one.
pub const IMPLICIT_STRENGTH: &str = "binding (not stated)";

/// What a row of a comparison compares: an attribute of two clauses, or a term of
/// the two documents as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Term {
    Attribute(Key),
    /// The parties that play a role: signatories, guarantors.
    Parties(Role),
    Region,
}

impl Term {
    /// The term as reports name it: `strength`, `signatories`, `region`.
    pub fn name(self) -> &'static str {
        match self {
            Term::Attribute(key) => key.name(),
            Term::Parties(role) => role.plural(),
            Term::Region => "region",
        }
    }

    /// The attribute, for a clause term.
    pub fn key(self) -> Option<Key> {
        match self {
            Term::Attribute(key) => Some(key),
            _ => None,
        }
    }
}

impl Serialize for Term {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

/// One attribute on both sides. `None` where a side does not state it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AttributeDiff {
    #[serde(rename = "key")]
    pub term: Term,
    pub older: Option<String>,
    pub newer: Option<String>,
    /// Whom the change favours, by camp, or that it has no direction: set on
    /// every changed attribute of a pair of clauses.
    pub gain: Option<Gain>,
    /// Whether the change is only in what the sources say: one draft leaves the
    /// term out and the draft that does rests on reports of its text, which may
    /// have left it out. Not a negotiated change.
    pub reported: bool,
}

impl AttributeDiff {
    /// The term's name: `strength`, `signatories`.
    pub fn key(&self) -> &'static str {
        self.term.name()
    }

    pub fn changed(&self) -> bool {
        self.older != self.newer
    }
}

/// What happened to a clause from the older document to the newer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Unchanged,
    Changed,
    Added,
    Removed,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Unchanged => "unchanged",
            Status::Changed => "changed",
            Status::Added => "added",
            Status::Removed => "removed",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WordOp {
    Equal,
    Delete,
    Insert,
}

/// A run of words of a word diff, with the whitespace between them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Words {
    pub op: WordOp,
    pub text: String,
}

/// One row of a comparison: a pair of clauses, or a clause on one side only.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Indices into the documents' `clauses`.
    pub older: Option<usize>,
    pub newer: Option<usize>,
    pub status: Status,
    /// Every term either clause states, in the kind's attribute order.
    pub attributes: Vec<AttributeDiff>,
    /// The verbatim texts, word by word: deleted words are the older text's,
    /// inserted the newer's.
    pub words: Vec<Words>,
}

impl Row {
    /// The attributes that differ.
    pub fn changes(&self) -> impl Iterator<Item = &AttributeDiff> {
        self.attributes
            .iter()
            .filter(|attribute| attribute.changed())
    }

    /// One side of the word diff: the older text (`WordOp::Delete`) or the newer
    /// (`WordOp::Insert`), in runs. Spaces between two changed runs join them, so
    /// `[-The Cairo-]` reads as one change rather than two.
    pub fn side(&self, side: WordOp) -> Vec<Words> {
        let runs: Vec<&Words> = self
            .words
            .iter()
            .filter(|run| run.op == WordOp::Equal || run.op == side)
            .collect();
        let mut out: Vec<Words> = Vec::new();
        for (index, run) in runs.iter().enumerate() {
            let between_changes = run.op == WordOp::Equal
                && run.text.trim().is_empty()
                && index > 0
                && runs[index - 1].op == side
                && runs.get(index + 1).is_some_and(|next| next.op == side);
            let op = if between_changes { side } else { run.op };
            match out.last_mut() {
                Some(last) if last.op == op => last.text.push_str(&run.text),
                _ => out.push(Words {
                    op,
                    text: run.text.clone(),
                }),
            }
        }
        out
    }
}

/// The rows for an alignment of two documents.
pub fn rows(older: &Document, newer: &Document, alignment: &[Pairing]) -> Vec<Row> {
    alignment
        .iter()
        .map(|pairing| {
            let old = pairing.older.map(|index| &older.clauses[index]);
            let new = pairing.newer.map(|index| &newer.clauses[index]);
            let attributes = attributes(older, newer, old, new);
            let old_text = old.and_then(show::text).unwrap_or_default();
            let new_text = new.and_then(show::text).unwrap_or_default();
            let status = match (old, new) {
                (None, _) => Status::Added,
                (_, None) => Status::Removed,
                _ if old_text != new_text || attributes.iter().any(AttributeDiff::changed) => {
                    Status::Changed
                }
                _ => Status::Unchanged,
            };
            Row {
                older: pairing.older,
                newer: pairing.newer,
                status,
                attributes,
                words: words(&old_text, &new_text),
            }
        })
        .collect()
}

fn attributes(
    older_document: &Document,
    newer_document: &Document,
    older: Option<&Clause>,
    newer: Option<&Clause>,
) -> Vec<AttributeDiff> {
    let Some(kind) = newer.or(older).map(|clause| clause.kind.value) else {
        return Vec::new();
    };
    kind.keys()
        .filter(|key| key.is_term())
        .filter_map(|key| {
            let before = older.and_then(|clause| show::attribute(clause, key));
            let after = newer.and_then(|clause| show::attribute(clause, key));
            if before.is_none() && after.is_none() {
                return None;
            }
            // A clause with no strength states a plain obligation: binding. Say
            // so where the other side states one, so the two compare.
            let implicit = |clause: Option<&Clause>, value: Option<String>| match (clause, value) {
                (Some(_), None) if key == Key::Strength => Some(IMPLICIT_STRENGTH.to_string()),
                (_, value) => value,
            };
            let before = implicit(older, before);
            let after = implicit(newer, after);
            let (gain, reported) = match (older, newer) {
                (Some(old), Some(new)) if before != after => {
                    let (gain, reported) =
                        change_gain(key, (older_document, old), (newer_document, new));
                    (Some(gain), reported)
                }
                _ => (None, false),
            };
            Some(AttributeDiff {
                term: Term::Attribute(key),
                older: before,
                newer: after,
                gain,
                reported,
            })
        })
        .collect()
}

/// Whom the change of `key` between two paired clauses favours, and whether
/// it is only in what the sources say (see [`AttributeDiff::reported`]).
fn change_gain(key: Key, older: (&Document, &Clause), newer: (&Document, &Clause)) -> (Gain, bool) {
    let gap = reported_gap(key, older, newer);
    // A guarantee the newer reports leave out is still a guarantee dropped,
    // with its direction.
    let dropped_guarantee = !newer.1.has(key) && key.guarantee().is_some();
    let gain = match gap {
        Some((lacking, verb)) if !dropped_guarantee => {
            let why = format!(
                "the reports of {} {verb}: a change in what the sources say, not a \
                 negotiated one",
                lacking.id.value
            );
            Gain::none(why, newer.1.kind().stakes)
        }
        _ if key == Key::Strength => direction::of_strength(older, newer),
        _ => direction::of_attribute(key, older, newer),
    };
    (gain, gap.is_some())
}

/// The draft that leaves out a term the other states, where that draft rests
/// on reports of its text (which may have left it out), with how to say so.
/// A strength is never missing: an unstated one is binding.
fn reported_gap<'d>(
    key: Key,
    older: (&'d Document, &Clause),
    newer: (&'d Document, &Clause),
) -> Option<(&'d Document, &'static str)> {
    let (lacking, verb) = match (older.1.has(key), newer.1.has(key)) {
        (false, true) => (older, "did not state it"),
        (true, false) => (newer, "do not state it"),
        _ => return None,
    };
    let reports = lacking.0.basis_of(&[lacking.1]) == crate::model::Basis::Reports;
    (key != Key::Strength && reports).then_some((lacking.0, verb))
}

/// A word diff in runs: each stretch of change is one deletion (the older words)
/// followed by one insertion (the newer words), spaces between changed words
/// included, so `The Cairo` → `Wednesday’s preliminary` reads as one change.
/// The older text is the equal and deleted runs in order; the newer, the equal
/// and inserted ones.
pub fn words(older: &str, newer: &str) -> Vec<Words> {
    // Most clauses keep their wording from one draft to the next: one equal
    // run, as the diff would give, without tokenising either text.
    if older == newer {
        return match older {
            "" => Vec::new(),
            text => vec![Words {
                op: WordOp::Equal,
                text: text.to_string(),
            }],
        };
    }
    let diff = TextDiff::from_words(older, newer);
    let tokens: Vec<(ChangeTag, &str)> = diff
        .iter_all_changes()
        .map(|change| (change.tag(), change.value()))
        .collect();
    let mut runs: Vec<Words> = Vec::new();
    let mut deleted = String::new();
    let mut inserted = String::new();
    let flush = |runs: &mut Vec<Words>, deleted: &mut String, inserted: &mut String| {
        for (op, text) in [(WordOp::Delete, deleted), (WordOp::Insert, inserted)] {
            if !text.is_empty() {
                runs.push(Words {
                    op,
                    text: std::mem::take(text),
                });
            }
        }
    };
    for (index, (tag, text)) in tokens.iter().enumerate() {
        let in_change = !deleted.is_empty() || !inserted.is_empty();
        let change_follows = tokens
            .get(index + 1)
            .is_some_and(|(next, _)| *next != ChangeTag::Equal);
        match tag {
            ChangeTag::Delete => deleted.push_str(text),
            ChangeTag::Insert => inserted.push_str(text),
            ChangeTag::Equal if in_change && change_follows && text.trim().is_empty() => {
                deleted.push_str(text);
                inserted.push_str(text);
            }
            ChangeTag::Equal => {
                flush(&mut runs, &mut deleted, &mut inserted);
                match runs.last_mut() {
                    Some(last) if last.op == WordOp::Equal => last.text.push_str(text),
                    _ => runs.push(Words {
                        op: WordOp::Equal,
                        text: text.to_string(),
                    }),
                }
            }
        }
    }
    flush(&mut runs, &mut deleted, &mut inserted);
    runs
}

/// Document-level terms: who signs, proposes, guarantees, monitors, mediates,
/// and the region. Parties compare by id (the same id in both documents is the
/// same party).
pub fn document(older: &Document, newer: &Document) -> Vec<AttributeDiff> {
    let region = |document: &Document| {
        document
            .region
            .as_ref()
            .map(|region| region.value.to_string())
    };
    let mut out = Vec::new();
    for role in [
        Role::Signatory,
        Role::Proposer,
        Role::Guarantor,
        Role::Monitor,
        Role::Mediator,
        Role::Sponsor,
        Role::Addressee,
        Role::Agreed,
        Role::Established,
    ] {
        let before = joined(with_role(older, role));
        let after = joined(with_role(newer, role));
        if before.is_some() || after.is_some() {
            out.push(AttributeDiff {
                term: Term::Parties(role),
                older: before,
                newer: after,
                gain: None,
                reported: false,
            });
        }
    }
    let (before, after) = (region(older), region(newer));
    if before.is_some() || after.is_some() {
        out.push(AttributeDiff {
            term: Term::Region,
            older: before,
            newer: after,
            gain: None,
            reported: false,
        });
    }
    out
}

/// The ids of the parties playing `role`, sorted; guarantors and monitors
/// include the document's `guarantor` and `monitor` statements.
pub fn with_role(document: &Document, role: Role) -> Vec<String> {
    let mut ids: Vec<String> = document
        .parties
        .iter()
        .filter(|party| party.has_role(role))
        .map(|party| party.id.value.to_string())
        .collect();
    let backers: &[_] = match role {
        Role::Guarantor => &document.guarantors,
        Role::Monitor => &document.monitors,
        _ => &[],
    };
    ids.extend(backers.iter().map(|backer| backer.party.value.to_string()));
    ids.sort();
    ids.dedup();
    ids
}

fn joined(ids: Vec<String>) -> Option<String> {
    (!ids.is_empty()).then(|| ids.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(runs: &[Words], op: WordOp) -> String {
        runs.iter()
            .filter(|run| run.op == WordOp::Equal || run.op == op)
            .map(|run| run.text.as_str())
            .collect()
    }

    #[test]
    fn word_diff_keeps_both_texts_and_joins_changed_words() {
        let older = "The Cairo ceasefire stipulated the release";
        let newer = "Wednesday’s preliminary ceasefire pledged the release";
        let runs = words(older, newer);
        assert_eq!(side(&runs, WordOp::Delete), older);
        assert_eq!(side(&runs, WordOp::Insert), newer);
        assert_eq!(runs[0].op, WordOp::Delete);
        assert_eq!(runs[0].text.trim(), "The Cairo");
        assert!(
            words("same words", "same words")
                .iter()
                .all(|run| run.op == WordOp::Equal)
        );
    }

    /// Equal texts skip the diff; what they give is what the diff gives.
    #[test]
    fn equal_texts_are_one_equal_run_as_the_diff_would_give() {
        let text = "Fighters  leave with light arms,\nthen the army enters.";
        let diffed: Vec<(ChangeTag, String)> = TextDiff::from_words(text, text)
            .iter_all_changes()
            .map(|change| (change.tag(), change.value().to_string()))
            .collect();
        assert!(diffed.iter().all(|(tag, _)| *tag == ChangeTag::Equal));
        let runs = words(text, text);
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].op, WordOp::Equal);
        assert_eq!(
            runs[0].text,
            diffed
                .iter()
                .map(|(_, word)| word.as_str())
                .collect::<String>()
        );
        assert!(words("", "").is_empty());
    }
}
