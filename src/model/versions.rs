//! Versions: where two sources report one text differently, which report a
//! clause or a value comes from. Red lines and coverage read these to say which
//! version they used; `version-discrepancy` reports the disagreements themselves.

// FxHash: the keys are names from the input, and an offline check has no
// adversary to defend against with SipHash.
use rustc_hash::FxHashMap as HashMap;

use super::{AttributeValue, Clause, Document};
use crate::source::Spanned;
use crate::text::Text;
use crate::vocabulary::Key;

/// Sources as one label: `committee`, `s001, s004`.
fn label(sources: &[Spanned<Text>]) -> String {
    let mut names: Vec<&str> = sources.iter().map(|s| s.value.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    names.join(", ")
}

/// A document's numbered clauses by number, built once by a stage that looks
/// many of them up, so that each lookup is constant time.
pub struct ClauseIndex<'a> {
    by_number: HashMap<&'a str, Vec<&'a Clause>>,
}

impl<'a> ClauseIndex<'a> {
    pub fn new(document: &'a Document) -> Self {
        let mut by_number: HashMap<&str, Vec<&Clause>> = HashMap::default();
        for clause in &document.clauses {
            if let Some(number) = &clause.number {
                by_number
                    .entry(number.value.as_str())
                    .or_default()
                    .push(clause);
            }
        }
        ClauseIndex { by_number }
    }

    /// The clause of this number: the first, where the document repeats one.
    pub fn get(&self, number: &str) -> Option<&'a Clause> {
        self.by_number
            .get(number)
            .and_then(|clauses| clauses.first().copied())
    }

    /// The other versions of `clause`, as [`Document::other_versions`] gives them.
    pub fn other_versions(&self, clause: &'a Clause) -> impl Iterator<Item = &'a Clause> {
        clause
            .number
            .as_ref()
            .and_then(|number| self.by_number.get(number.value.as_str()))
            .into_iter()
            .flatten()
            .copied()
            .filter(move |other| other.is_version_of(clause))
    }
}

impl Document {
    /// The other versions of `clause`: clauses of its number that cite sources
    /// disjoint from its own.
    pub fn other_versions<'a>(&'a self, clause: &'a Clause) -> impl Iterator<Item = &'a Clause> {
        self.clauses
            .iter()
            .filter(move |other| other.is_version_of(clause))
    }

    /// The sources that report some item or term of the document differently from
    /// another source, each as its label, sorted and once. Empty where the sources
    /// agree, or there is one.
    pub fn version_sources(&self) -> Vec<String> {
        let mut labels: Vec<String> = Vec::new();
        let index = ClauseIndex::new(self);
        for clause in &self.clauses {
            if index.other_versions(clause).next().is_some() {
                labels.push(label(&clause.source));
            }
            for attribute in &clause.attributes {
                if !attribute.source.is_empty() && clause.readings(attribute.key).len() > 1 {
                    labels.push(label(&attribute.source));
                }
            }
        }
        labels.sort();
        labels.dedup();
        labels
    }
}

impl Clause {
    /// Whether the two clauses are two reports of one item: one number, disjoint
    /// sources. Different items of one agreement that different outlets report
    /// are not versions of each other, and may be read together.
    pub fn is_version_of(&self, other: &Clause) -> bool {
        !std::ptr::eq(self, other)
            && self.number.is_some()
            && self.number.as_ref().map(|n| &n.value) == other.number.as_ref().map(|n| &n.value)
            && !self.same_report(other)
    }

    /// The values the clause gives for `key`, one per set of sources that gives a
    /// different one: more than one where the sources disagree.
    pub fn readings(&self, key: Key) -> Vec<&AttributeValue> {
        let mut readings: Vec<&AttributeValue> = Vec::new();
        for attribute in self.all(key) {
            let differs = readings.iter().all(|reading| {
                label(&reading.source) != label(&attribute.source)
                    && reading.value.to_string() != attribute.value.to_string()
            });
            if readings.is_empty() || differs {
                readings.push(attribute);
            }
        }
        readings
    }

    /// Which version the clause is, where the document has another: `as committee
    /// gives it; elaph gives a deployment`.
    pub fn version_note(&self, document: &Document) -> Option<String> {
        let others: Vec<String> = document
            .other_versions(self)
            .map(|other| {
                let what = if other.kind() == self.kind() {
                    "it otherwise".to_string()
                } else {
                    format!("a {}", other.kind_name().replace('_', " "))
                };
                format!("{} gives {what}", label(&other.source))
            })
            .collect();
        if others.is_empty() {
            return None;
        }
        Some(format!(
            "as {} gives it; {}",
            label(&self.source),
            others.join("; ")
        ))
    }

    /// Which reading of `key` is used, where sources give several: `committee's
    /// reading; amc gives 18 to 48`.
    pub fn reading_note(&self, key: Key) -> Option<String> {
        let readings = self.readings(key);
        let [used, others @ ..] = readings.as_slice() else {
            return None;
        };
        if others.is_empty() {
            return None;
        }
        let used_by = match label(&used.source) {
            sources if sources.is_empty() => "the unsourced reading".to_string(),
            sources => format!("{sources}'s reading"),
        };
        let others: Vec<String> = others
            .iter()
            .map(|other| format!("{} gives {}", label(&other.source), other.value))
            .collect();
        Some(format!("`{key}` in {used_by}; {}", others.join("; ")))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn versions_of_items_and_of_terms_are_named_by_their_sources() {
        let loaded = crate::load_str(
            "v.truce",
            r#"agreement a {
  date 2018-05-02
  source committee "the committee"
  source elaph "Elaph"
  source amc "AMC"
  party regime "Syrian government" side government units army
  clause 7 non_entry { barred regime.army; source committee }
  clause 7 deployment { forces regime.army; source elaph }
  clause 8 conscription { ages 18 to 42 source committee; ages 18 to 48 source amc }
  clause 9 ceasefire { start immediate }
}"#,
        );
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        let document = &loaded.corpus.documents[0];
        assert_eq!(document.version_sources(), ["amc", "committee", "elaph"]);
        let [non_entry, deployment, conscription, ceasefire] = document.clauses.as_slice() else {
            panic!("four clauses");
        };
        assert_eq!(
            non_entry.version_note(document).as_deref(),
            Some("as committee gives it; elaph gives a deployment")
        );
        assert!(deployment.version_note(document).is_some());
        assert_eq!(ceasefire.version_note(document), None);
        assert_eq!(
            conscription
                .reading_note(crate::vocabulary::Key::Ages)
                .as_deref(),
            Some("`ages` in committee's reading; amc gives 18 to 48")
        );
    }
}
