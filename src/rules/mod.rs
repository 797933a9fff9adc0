//! The rule catalogue: every rule declared once, as data.

use std::collections::HashMap;

use serde::Serialize;

use crate::model::{
    Actor, Anchor, AnchorPoint, Clause, Corpus, Count, Deadline, Document, Party, PlaceRef, Side,
    Value, When,
};
use crate::source::{Span, Spanned};

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
    let mut ordered = Vec::new();
    for (index, document) in corpus.documents.iter().enumerate() {
        let context = Context { document, corpus };
        let mut findings = Vec::new();
        for rule in CATALOGUE {
            (rule.check)(&context, rule, &mut findings);
        }
        ordered.extend(findings.into_iter().map(|finding| (index, finding)));
    }
    ordered.sort_by(|(a_index, a), (b_index, b)| {
        a_index
            .cmp(b_index)
            .then(a.span.cmp(&b.span))
            .then(a.rule.cmp(b.rule))
    });
    ordered.into_iter().map(|(_, finding)| finding).collect()
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

/// The date a `When`- or `Deadline`-valued attribute stands for: the resolver's
/// resolution of a relative deadline, else an absolute value as written.
fn when_of<'a>(clause: &'a Clause, key: &str) -> Option<&'a When> {
    clause.resolved(key).or_else(|| {
        clause
            .all(key)
            .find_map(|attribute| match &attribute.value {
                Value::When(when) | Value::Deadline(Deadline::At { when }) => Some(when),
                _ => None,
            })
    })
}

/// The date a clause's own written `deadline` falls on, resolved if relative.
fn stated_deadline(clause: &Clause) -> Option<&When> {
    when_of(clause, "deadline")
}

/// The span of an attribute when the clause has it, else the clause's.
fn span_of(clause: &Clause, key: &str) -> Span {
    clause
        .get(key)
        .map_or(clause.span, |attribute| attribute.span)
}

/// Whether the source explicitly leaves `key` unstated in this clause.
fn is_unstated(clause: &Clause, key: &str) -> bool {
    clause
        .parties("unstated")
        .iter()
        .any(|word| word.value == key)
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
    list_words(&labels)
}

/// `a`, `a and b`, `a, b and c`.
fn list_words(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// A place as a reader knows it: its id, or the source's words in quotes.
fn show_place(place: &PlaceRef) -> String {
    match place {
        PlaceRef::Declared(id) => id.clone(),
        PlaceRef::Described(words) => format!("\"{words}\""),
    }
}

fn show_places<'a>(places: impl IntoIterator<Item = &'a PlaceRef>) -> String {
    let shown: Vec<String> = places.into_iter().map(show_place).collect();
    list_words(&shown)
}

/// Places named under `key`, in order.
fn places<'a>(clause: &'a Clause, key: &str) -> Vec<&'a Spanned<PlaceRef>> {
    clause
        .all(key)
        .flat_map(|attribute| match &attribute.value {
            Value::Places(places) => places.iter().collect(),
            _ => Vec::new(),
        })
        .collect()
}

/// The party a party or unit path belongs to, when it is declared.
fn owner_party<'a>(document: &'a Document, path: &str) -> Option<&'a Party> {
    document.party(document.owner(path))
}

/// A party's standing, for messages: `government`, `third party aligned with regime`.
fn describe_side(party: &Party) -> String {
    match (party.side.as_ref().map(|side| side.value), &party.aligned) {
        (Some(Side::Government), _) => "government side".to_string(),
        (Some(Side::Opposition), _) => "opposition side".to_string(),
        (Some(Side::Third), Some(aligned)) => format!("aligned with {}", aligned.value),
        (Some(Side::Third), None) => "third party".to_string(),
        (None, _) => "side not given".to_string(),
    }
}

/// The members of a list-valued value in words (parties, places, actors, clause
/// numbers, words, weapons); `None` for a single value.
fn value_items(value: &Value) -> Option<Vec<String>> {
    Some(match value {
        Value::Parties(names) | Value::Clauses(names) | Value::Words(names) => {
            names.iter().map(|name| name.value.clone()).collect()
        }
        Value::Places(places) => places.iter().map(|p| show_place(&p.value)).collect(),
        Value::Actors(actors) => actors
            .iter()
            .map(|actor| match &actor.value {
                Actor::Party(name) | Actor::Group(name) => name.clone(),
                Actor::Described(words) => format!("\"{words}\""),
            })
            .collect(),
        Value::Weapons(weapons) => weapons
            .iter()
            .map(|weapon| match &weapon.quantifier {
                Some(quantifier) => format!("{quantifier} {}", weapon.class),
                None => weapon.class.clone(),
            })
            .collect(),
        _ => return None,
    })
}

/// A value in canonical words: equal terms print equally whatever their spans.
fn show_value(value: &Value) -> String {
    fn sorted(mut words: Vec<String>) -> String {
        words.sort();
        words.dedup();
        words.join(", ")
    }
    fn count(count: &Count) -> String {
        let number = |n: f64| format!("{n}");
        let mut out = String::new();
        if count.approximate {
            out.push_str("about ");
        }
        match (count.min, count.max) {
            (Some(min), Some(max)) if min == max => out.push_str(&number(min)),
            (Some(min), Some(max)) => out.push_str(&format!("{} to {}", number(min), number(max))),
            (Some(min), None) => out.push_str(&format!("at least {}", number(min))),
            (None, Some(max)) => out.push_str(&format!("at most {}", number(max))),
            (None, None) => out.push_str("unknown"),
        }
        for word in &count.what {
            out.push(' ');
            out.push_str(word);
        }
        out
    }
    if let Some(items) = value_items(value) {
        return sorted(items);
    }
    match value {
        Value::Text(text) => format!("\"{text}\""),
        Value::When(when) => when.text.clone(),
        Value::Deadline(deadline) => match deadline {
            Deadline::At { when } => when.text.clone(),
            Deadline::Immediate => "immediate".to_string(),
            Deadline::Relative { offset, anchor } => match anchor {
                Anchor::Signing => format!("within {offset} of signing"),
                Anchor::Clause { number, point } => {
                    let point = match point {
                        Some(AnchorPoint::Starts) => " starts",
                        Some(AnchorPoint::Ends) => " ends",
                        None => "",
                    };
                    format!("{offset} after clause {}{point}", number.value)
                }
            },
        },
        Value::Duration(range) => match range.max {
            Some(max) => format!("{} to {max}", range.min),
            None => range.min.to_string(),
        },
        Value::Count(value) => count(value),
        Value::Ages { min, max } => format!("{min} to {max}"),
        Value::Ratio(ratio) => format!(
            "{} per {}",
            count(&ratio.numerator),
            count(&ratio.denominator)
        ),
        Value::Distance(distance) => format!("{} m", distance.metres),
        Value::Parties(_)
        | Value::Clauses(_)
        | Value::Words(_)
        | Value::Places(_)
        | Value::Actors(_)
        | Value::Weapons(_) => String::new(),
        Value::Strength(strength) => strength.name().to_string(),
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
