//! The rule catalogue: every rule declared once, as data.

use std::collections::HashMap;

use serde::Serialize;

use crate::model::{Clause, Corpus, Document, Party, PlaceRef, Side, and_list};
use crate::source::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(word: &str) -> Option<Severity> {
        Some(match word {
            "info" => Severity::Info,
            "warning" => Severity::Warning,
            "error" => Severity::Error,
            _ => return None,
        })
    }
}

/// A clause a finding involves, with its source span.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClauseRef {
    /// `clause 7`, or the kind for unnumbered clauses.
    pub label: String,
    pub number: Option<String>,
    pub kind: &'static str,
    pub span: Span,
}

impl ClauseRef {
    pub fn of(clause: &Clause) -> ClauseRef {
        ClauseRef {
            label: clause.label(),
            number: clause.number.as_ref().map(|n| n.value.clone()),
            kind: clause.kind_name(),
            span: clause.span,
        }
    }
}

/// One thing a rule found.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub document: String,
    pub clauses: Vec<ClauseRef>,
    pub message: String,
    /// Where the finding points: the most specific span (an attribute, a clause, or
    /// the document's id).
    pub span: Span,
}

/// What a rule's check sees: one document, and the corpus for cross-document rules.
pub struct Context<'a> {
    pub document: &'a Document,
    pub corpus: &'a Corpus,
    /// The corpus's documents by id (the first of two with one id, as
    /// [`Corpus::document`] finds), so that links resolve in constant time.
    pub documents: &'a HashMap<&'a str, &'a Document>,
}

/// One rule of the catalogue. Adding a rule = one entry + one function + two tests.
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    pub explanation: &'static str,
    /// A short truce snippet on which the rule fires, shown by `truce explain`.
    pub example: &'static str,
    pub check: fn(&Context, &Rule, &mut Vec<Finding>),
}

/// What `truce explain` shows of a rule, from the standard catalogue or the
/// comparison rules alike.
#[derive(Clone, Copy, Debug)]
pub struct About {
    pub id: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    pub explanation: &'static str,
    pub example: &'static str,
}

impl Rule {
    pub fn about(&self) -> About {
        About {
            id: self.id,
            severity: self.severity,
            summary: self.summary,
            explanation: self.explanation,
            example: self.example,
        }
    }
}

mod catalogue;
mod conflicts;
mod missing;

pub use catalogue::CATALOGUE;

/// Every rule of the standard catalogue, in catalogue order.
pub fn catalogue() -> &'static [Rule] {
    CATALOGUE
}

/// The rule with this stable id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    CATALOGUE.iter().find(|rule| rule.id == id)
}

/// Run every rule of the catalogue on every document of the corpus.
///
/// Findings come in a stable order: by document (as loaded), then by span, then by
/// rule id; findings that tie keep the order their rule produced them in.
pub fn check(corpus: &Corpus) -> Vec<Finding> {
    let mut documents = HashMap::with_capacity(corpus.documents.len());
    for document in &corpus.documents {
        documents
            .entry(document.id.value.as_str())
            .or_insert(document);
    }
    let mut ordered = Vec::new();
    let mut findings = Vec::new();
    for document in &corpus.documents {
        let context = Context {
            document,
            corpus,
            documents: &documents,
        };
        for rule in CATALOGUE {
            (rule.check)(&context, rule, &mut findings);
        }
        // Sorted document by document (a stable sort, so ties keep their
        // rule's order): the same order as sorting the whole corpus by
        // document first, in linear time overall.
        findings.sort_by(|a, b| a.span.cmp(&b.span).then(a.rule.cmp(b.rule)));
        ordered.append(&mut findings);
    }
    ordered
}

// Facts the rules share. Private to `rules`; the model stays free of rule logic.

impl Finding {
    /// A finding of `rule` on the context's document, with the rule's severity.
    fn new(
        context: &Context,
        rule: &Rule,
        clauses: &[&Clause],
        message: String,
        span: Span,
    ) -> Finding {
        Finding {
            rule: rule.id,
            severity: rule.severity,
            document: context.document.id.value.clone(),
            clauses: clauses.iter().map(|clause| ClauseRef::of(clause)).collect(),
            message,
            span,
        }
    }
}

/// The positions in `document.clauses` of its numbered clauses, by number, so that
/// references resolve in constant time.
fn numbered(document: &Document) -> HashMap<&str, usize> {
    let mut map = HashMap::new();
    for (index, clause) in document.clauses.iter().enumerate() {
        if let Some(number) = &clause.number {
            // The first of two duplicates wins; the resolver reports the duplicate.
            map.entry(number.value.as_str()).or_insert(index);
        }
    }
    map
}

/// A clause as messages name it: `clause 7 (detainee release)`, or `the ultimatum`
/// for an unnumbered clause.
fn name(clause: &Clause) -> String {
    let kind = clause.kind_name().replace('_', " ");
    match &clause.number {
        Some(number) => format!("clause {} ({kind})", number.value),
        None => format!("the {kind}"),
    }
}

/// `clause 7`, or `clauses 2, 3 and 5`.
fn list_labels(clauses: &[&Clause]) -> String {
    let labels: Vec<String> = clauses.iter().map(|clause| clause.label()).collect();
    and_list(&labels)
}

fn show_places<'a>(places: impl IntoIterator<Item = &'a PlaceRef>) -> String {
    let shown: Vec<String> = places.into_iter().map(PlaceRef::to_string).collect();
    and_list(&shown)
}

/// A party's standing, for messages: `government`, `third party aligned with regime`.
fn describe_side(party: &Party) -> String {
    match (party.side(), &party.aligned) {
        (Some(Side::Government), _) => "government side".to_string(),
        (Some(Side::Opposition), _) => "opposition side".to_string(),
        (Some(Side::Third), Some(aligned)) => format!("aligned with {}", aligned.value),
        (Some(Side::Third), None) => "third party".to_string(),
        (None, _) => "side not given".to_string(),
    }
}

/// Every finding on the documents of `text`, as (rule id, clause labels).
#[cfg(test)]
fn findings(text: &str) -> Vec<(&'static str, Vec<String>)> {
    let loaded = crate::load_str("test.truce", text);
    assert!(
        loaded.errors.is_empty(),
        "the test document does not load: {:#?}",
        loaded.errors
    );
    check(&loaded.corpus)
        .into_iter()
        .map(|finding| {
            let labels = finding.clauses.into_iter().map(|c| c.label).collect();
            (finding.rule, labels)
        })
        .collect()
}

/// The clause labels of each finding of one rule on the documents of `text`.
/// Clause labels grouped per finding, as `fired` returns them.
#[cfg(test)]
fn labels(groups: &[&[&str]]) -> Vec<Vec<String>> {
    groups
        .iter()
        .map(|group| group.iter().map(|label| label.to_string()).collect())
        .collect()
}

#[cfg(test)]
fn fired(rule: &str, text: &str) -> Vec<Vec<String>> {
    assert!(self::rule(rule).is_some(), "no rule `{rule}`");
    findings(text)
        .into_iter()
        .filter(|(id, _)| *id == rule)
        .map(|(_, labels)| labels)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{check, findings};

    const PROPOSAL: &str = r#"agreement example {
  date 2018-05-01
  region north_homs
  place north_homs "Northern Homs countryside" kind region
  party russia "Russia" side third aligned regime role proposer, guarantor
  party regime "Syrian government" side government units army, security
  party factions "Rebel groups" side opposition represents north_homs role signatory
  clause 8 non_entry {
    barred regime.army, regime.security
    area "the city"
    duration 6 months
    strength pledge
  }
  clause 10 road_opening { road "public road"; open_to regime.army, regime.security }
  clause ultimatum { by russia; against factions; issued 2018-05-01; deadline 2018-05-03T12:00[Asia/Damascus] }
}"#;

    fn owned(expected: &[(&'static str, &[&str])]) -> Vec<(&'static str, Vec<String>)> {
        expected
            .iter()
            .map(|(id, labels)| (*id, labels.iter().map(|l| l.to_string()).collect()))
            .collect()
    }

    #[test]
    fn the_example_proposal_in_source_order() {
        assert_eq!(
            findings(PROPOSAL),
            owned(&[
                ("partisan-guarantor", &[]),
                ("weak-commitment", &["clause 8"]),
                ("access-conflict", &["clause 8", "clause 10"]),
                ("short-ultimatum", &["ultimatum"]),
            ])
        );
    }

    #[test]
    fn findings_point_at_the_attribute_and_keep_document_order() {
        let text = format!(
            "{PROPOSAL}\nagreement later {{\n  date 2018-06-01\n  clause 1 ceasefire {{ violations \"to the committee\"; strength intent }}\n}}"
        );
        let loaded = crate::load_str("two.truce", &text);
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        let found = check(&loaded.corpus);
        let documents: Vec<&str> = found.iter().map(|f| f.document.as_str()).collect();
        let first_later = documents.iter().position(|d| *d == "later");
        assert!(first_later.is_some());
        assert!(
            documents[first_later.unwrap_or(0)..]
                .iter()
                .all(|d| *d == "later")
        );
        let weak = found
            .iter()
            .find(|f| f.rule == "weak-commitment" && f.document == "example");
        let span = weak.map(|f| f.span);
        let text_at = span.and_then(|s| text.get(s.start..s.end));
        assert_eq!(
            text_at.map(|t| t.starts_with("strength pledge")),
            Some(true)
        );
    }
}
