//! The rule registry: every rule of truce, the document rules and the comparison
//! rules alike, one rule to a file.
//!
//! A rule's file (`rules/<family>/<rule_id>.rs`) holds all of it: its stable id,
//! severity, summary, explanation, an example on which it fires, the check, and its
//! cases (documents on which it fires, with the clauses each finding names, and
//! documents close to those on which it stays quiet). A rule cannot be declared
//! without cases, and the registry's tests run every case of every rule and fail
//! when a rule has no firing case or no quiet one. Adding a rule = one new file and
//! one line in its family's `family!` list.
//!
//! Document rules read one document (and the corpus, for links between
//! documents); comparison rules read one step of a negotiation thread, an older
//! draft against a newer one, that [`crate::compare`] aligned.

// FxHash: the keys are names from the input, and an offline check has no
// adversary to defend against with SipHash.
use rustc_hash::FxHashMap as HashMap;

use crate::compare::{Step, Thread};
use crate::model::{Basis, Clause, Corpus, Document, Party, PlaceRef, Side, and_list};
use crate::source::Span;

pub use crate::finding::{ClauseRef, Finding, Severity};

/// Declares a family's rules: one module per rule, each with its `RULE`, and the
/// family's list in the order `truce explain` shows them.
macro_rules! family {
    ($($rule:ident),* $(,)?) => {
        $(pub mod $rule;)*

        /// The family's rules, in the order `truce explain` shows them.
        pub static RULES: &[&crate::rules::Rule] = &[$(&$rule::RULE,)*];
    };
}

pub mod accepted;
pub mod applies;
pub mod comparison;
pub mod conflicts;
pub mod missing;
pub mod sources;
pub mod undefined;

pub use applies::Applies;
pub use comparison::Scope;

/// One rule.
pub struct Rule {
    /// The stable id: tools, tests and users depend on it.
    pub id: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    /// Why the finding matters, with the real case it comes from.
    pub explanation: &'static str,
    /// A short truce snippet on which the rule fires, shown by `truce explain`
    /// (two documents, older first, for a comparison rule).
    pub example: &'static str,
    pub check: Check,
    /// Which documents the rule could fire on: what `truce stats` counts it
    /// against. A document rule fires only on documents it applies to.
    pub applies: Applies,
    /// Documents on which the rule fires and documents on which it stays quiet.
    pub cases: &'static [Case],
}

/// A document rule's check: one document, with the corpus around it.
pub type DocumentCheck = fn(&Context, &Rule, &mut Vec<Finding>);

/// A comparison rule's check: one step of a thread, its document-level terms or
/// one row of clauses.
pub type ComparisonCheck = fn(&Step, Scope, &Rule, &mut Vec<Finding>);

/// What a rule reads, and the function that reads it.
#[derive(Clone, Copy)]
pub enum Check {
    Document(DocumentCheck),
    Comparison(ComparisonCheck),
}

/// A document (two, older first, for a comparison rule) and what the rule does
/// on it.
pub struct Case {
    pub expect: Expect,
    pub text: &'static str,
}

pub enum Expect {
    /// The rule fires, once per group, each finding naming these clauses.
    Fires(&'static [&'static [&'static str]]),
    /// The rule does not fire.
    Quiet,
}

/// A case on which the rule fires: one group of clause labels per finding.
pub const fn fires(findings: &'static [&'static [&'static str]], text: &'static str) -> Case {
    Case {
        expect: Expect::Fires(findings),
        text,
    }
}

/// A case on which the rule stays quiet.
pub const fn quiet(text: &'static str) -> Case {
    Case {
        expect: Expect::Quiet,
        text,
    }
}

impl Rule {
    pub fn is_comparison(&self) -> bool {
        matches!(self.check, Check::Comparison(_))
    }
}

/// The families, with the title `truce explain` and the README give each.
pub const FAMILIES: &[(&str, &[&Rule])] = &[
    ("Missing guarantees", missing::RULES),
    ("Undefined terms", undefined::RULES),
    ("Conflicts", conflicts::RULES),
    ("Disagreeing sources", sources::RULES),
    ("Accepted gaps", accepted::RULES),
    ("Comparing two drafts (truce compare)", comparison::RULES),
];

/// The title of the family a rule belongs to.
pub fn family(rule: &Rule) -> Option<&'static str> {
    FAMILIES
        .iter()
        .find(|(_, members)| members.iter().any(|member| member.id == rule.id))
        .map(|(title, _)| *title)
}

/// Every rule, family by family, in the order `truce explain` lists them.
pub fn registry() -> impl Iterator<Item = &'static Rule> {
    FAMILIES.iter().flat_map(|(_, rules)| rules.iter().copied())
}

/// The rule with this stable id, in any case: `No-Guarantor` is `no-guarantor`,
/// wherever a user gives a rule id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    registry().find(|rule| rule.id.eq_ignore_ascii_case(id))
}

/// The document rule with this id, in any case.
pub fn document_rule(id: &str) -> Option<&'static Rule> {
    rule(id).filter(|rule| !rule.is_comparison())
}

/// The rules that read one document: what `truce check` and `test` blocks run.
pub fn document_rules() -> impl Iterator<Item = &'static Rule> {
    registry().filter(|rule| !rule.is_comparison())
}

/// What a document rule's check sees: one document, and the corpus for
/// cross-document rules.
pub struct Context<'a> {
    pub document: &'a Document,
    pub corpus: &'a Corpus,
    /// The corpus's documents by id (the first of two with one id, as
    /// [`Corpus::document`] finds), so that links resolve in constant time.
    pub documents: &'a HashMap<&'a str, &'a Document>,
}

/// Run every document rule on every document of the corpus.
///
/// Findings come in a stable order: by document (as loaded), then by span, then by
/// rule id; findings that tie keep the order their rule produced them in.
pub fn check(corpus: &Corpus) -> Vec<Finding> {
    let documents: Vec<&Document> = corpus.documents.iter().collect();
    let mut all = Vec::new();
    // Appended a document at a time: no second copy of every finding.
    check_into(corpus, &documents, |findings| all.append(findings));
    all
}

/// Run every document rule on each of `documents`, which belong to `corpus`:
/// the findings of each, in the order [`check`] gives them.
pub fn check_each(corpus: &Corpus, documents: &[&Document]) -> Vec<Vec<Finding>> {
    let mut out = Vec::with_capacity(documents.len());
    check_into(corpus, documents, |findings| {
        out.push(std::mem::take(findings))
    });
    out
}

/// Run every document rule on each of `documents` in turn, handing `take` each
/// one's findings, sorted, in a buffer it may empty.
fn check_into(corpus: &Corpus, documents: &[&Document], mut take: impl FnMut(&mut Vec<Finding>)) {
    let mut by_id = HashMap::with_capacity_and_hasher(corpus.documents.len(), Default::default());
    for document in &corpus.documents {
        by_id.entry(document.id.value.as_str()).or_insert(document);
    }
    let checks: Vec<(&Rule, DocumentCheck)> = registry()
        .filter_map(|rule| match rule.check {
            Check::Document(check) => Some((rule, check)),
            Check::Comparison(_) => None,
        })
        .collect();
    let mut findings = Vec::new();
    let mut messages = crate::text::Pool::default();
    for document in documents {
        let context = Context {
            document,
            corpus,
            documents: &by_id,
        };
        findings.clear();
        crate::text::pooled(&mut messages, || {
            for (rule, check) in &checks {
                check(&context, rule, &mut findings);
            }
        });
        // Sorted document by document (a stable sort, so ties keep their
        // rule's order): the same order as sorting the whole corpus by
        // document first, in linear time overall.
        findings.sort_by(|a, b| a.span.cmp(&b.span).then(a.rule.cmp(b.rule)));
        take(&mut findings);
    }
}

/// Compare an older draft with a newer one and run every comparison rule on the
/// step: first on the document-level terms, then row by row, so findings come in
/// reading order.
pub fn compare<'a>(older: &'a Document, newer: &'a Document) -> Step<'a> {
    let mut step = crate::compare::step(older, newer);
    let checks: Vec<(&Rule, ComparisonCheck)> = registry()
        .filter_map(|rule| match rule.check {
            Check::Comparison(check) => Some((rule, check)),
            Check::Document(_) => None,
        })
        .collect();
    let mut findings = Vec::new();
    for (rule, check) in &checks {
        check(&step, Scope::Document, rule, &mut findings);
    }
    for row in &step.rows {
        for (rule, check) in &checks {
            check(&step, Scope::Row(row), rule, &mut findings);
        }
    }
    step.findings = findings;
    step
}

/// [`thread`], and for each step which findings of `check` the newer draft
/// resolves and which it brings; `corpus` holds the documents (their links
/// resolve in it).
pub fn thread_in<'a>(documents: &[&'a Document], corpus: &Corpus) -> Thread<'a> {
    let mut thread = thread(documents);
    let checked = check_each(corpus, documents);
    for (index, step) in thread.steps.iter_mut().enumerate() {
        let (resolved, appeared) =
            crate::compare::findings::changes(step, &checked[index], &checked[index + 1]);
        step.resolved = resolved;
        step.appeared = appeared;
    }
    thread
}

/// Compare each document with the one before it, oldest first, and run the
/// comparison rules on every step.
pub fn thread<'a>(documents: &[&'a Document]) -> Thread<'a> {
    Thread {
        documents: documents.to_vec(),
        steps: documents
            .windows(2)
            .map(|pair| compare(pair[0], pair[1]))
            .collect(),
    }
}

// Facts the document rules share.

impl Finding {
    /// A finding of `rule` on the context's document, with the rule's severity.
    fn new(
        context: &Context,
        rule: &Rule,
        clauses: &[&Clause],
        message: String,
        span: Span,
    ) -> Finding {
        let message = crate::finding::one_line(message).into();
        Finding {
            rule: rule.id,
            severity: rule.severity,
            document: context.document.id.value.clone(),
            clauses: clauses.iter().map(|clause| ClauseRef::of(clause)).collect(),
            message,
            span,
            basis: None,
            gain: None,
        }
    }

    /// A finding that something is missing. What it rests on is the document's
    /// evidence: where only reports of the text are at hand, the finding says the
    /// reports leave it out (`as reported, ...`), which is not the text lacking it.
    fn absent(
        context: &Context,
        rule: &Rule,
        clauses: &[&Clause],
        message: String,
        span: Span,
    ) -> Finding {
        let basis = context.document.basis_of(clauses);
        let message = match basis {
            Basis::Text => message,
            Basis::Reports => format!("as reported, {message}"),
        };
        Finding {
            basis: Some(basis),
            ..Finding::new(context, rule, clauses, message, span)
        }
    }
}

/// The positions in `document.clauses` of its numbered clauses, by number, so that
/// references resolve in constant time.
fn numbered(document: &Document) -> HashMap<&str, usize> {
    let mut map = HashMap::default();
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

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    /// The clause labels of each finding of `rule` on `text`: the documents of a
    /// document rule, or the first two documents of a comparison rule.
    fn fired(rule: &Rule, text: &str) -> Result<Vec<Vec<String>>, String> {
        let loaded = crate::load_str("case.truce", text);
        if !loaded.errors.is_empty() {
            return Err(format!("does not load: {:?}", loaded.errors));
        }
        let findings = match rule.check {
            Check::Document(_) => check(&loaded.corpus),
            Check::Comparison(_) => match loaded.corpus.documents.as_slice() {
                [older, newer, ..] => compare(older, newer).findings,
                // One document: compared with itself.
                [only] => compare(only, only).findings,
                _ => return Err("a comparison case needs a document".into()),
            },
        };
        Ok(findings
            .into_iter()
            .filter(|finding| finding.rule == rule.id)
            .map(|finding| finding.clauses.into_iter().map(|c| c.label()).collect())
            .collect())
    }

    #[test]
    fn ids_are_unique_and_every_rule_is_registered_once() {
        let ids: Vec<&str> = registry().map(|rule| rule.id).collect();
        let unique: HashSet<&str> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len());
        assert_eq!(ids.len(), 50);
        for id in &ids {
            assert_eq!(rule(id).map(|rule| rule.id), Some(*id));
            let kebab = id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            assert!(kebab, "`{id}` is not a kebab-case id");
        }
        assert!(rule("no-such-rule").is_none());
    }

    #[test]
    fn every_rule_has_a_case_that_fires_and_one_that_stays_quiet() {
        for rule in registry() {
            let fires = rule
                .cases
                .iter()
                .any(|case| matches!(case.expect, Expect::Fires(_)));
            let quiet = rule
                .cases
                .iter()
                .any(|case| matches!(case.expect, Expect::Quiet));
            assert!(fires, "`{}` has no case on which it fires", rule.id);
            assert!(quiet, "`{}` has no case on which it stays quiet", rule.id);
        }
    }

    #[test]
    fn every_case_of_every_rule_holds() {
        let mut failures = Vec::new();
        for rule in registry() {
            for (index, case) in rule.cases.iter().enumerate() {
                let expected: Vec<Vec<String>> = match case.expect {
                    Expect::Fires(groups) => groups
                        .iter()
                        .map(|group| group.iter().map(|label| label.to_string()).collect())
                        .collect(),
                    Expect::Quiet => Vec::new(),
                };
                match fired(rule, case.text) {
                    Ok(found) if found == expected => {}
                    Ok(found) => failures.push(format!(
                        "{} case {}: expected {expected:?}, found {found:?}",
                        rule.id,
                        index + 1
                    )),
                    Err(error) => failures.push(format!("{} case {}: {error}", rule.id, index + 1)),
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// A rule's count in `truce stats` is "fires on N of M documents it applies
    /// to": every document a case or the example fires it on must be among the M.
    #[test]
    fn every_document_a_rule_fires_on_lies_within_what_it_applies_to() {
        let mut failures = Vec::new();
        let mut checked = 0;
        for rule in document_rules() {
            assert!(
                !matches!(rule.applies, Applies::Steps),
                "`{}` reads documents but declares steps",
                rule.id
            );
            let texts = rule.cases.iter().map(|case| case.text);
            for text in texts.chain([rule.example]) {
                let loaded = crate::load_str("case.truce", text);
                for finding in check(&loaded.corpus).iter().filter(|f| f.rule == rule.id) {
                    let document = loaded.corpus.document(&finding.document);
                    checked += 1;
                    if !document.is_some_and(|document| rule.applies.holds(document)) {
                        failures.push(format!(
                            "`{}` fires on {} outside {}",
                            rule.id,
                            finding.document,
                            rule.applies.describe()
                        ));
                    }
                }
            }
        }
        for rule in registry().filter(|rule| rule.is_comparison()) {
            assert!(matches!(rule.applies, Applies::Steps), "{}", rule.id);
        }
        assert!(checked > 80, "only {checked} findings checked");
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn every_example_loads_and_fires_its_rule() {
        for rule in registry() {
            let found = fired(rule, rule.example);
            assert!(
                found.as_ref().is_ok_and(|found| !found.is_empty()),
                "the example of `{}` does not fire it: {found:?}",
                rule.id
            );
        }
    }

    #[test]
    fn findings_carry_the_rule_severity_and_name_the_document() {
        for rule in registry().filter(|rule| !rule.is_comparison()) {
            let loaded = crate::load_str("example.truce", rule.example);
            assert!(loaded.errors.is_empty(), "{}: {:?}", rule.id, loaded.errors);
            for finding in check(&loaded.corpus) {
                let declared = super::rule(finding.rule).map(|r| r.severity);
                // Only a conflict the tool calls possible is lowered, to a warning.
                if finding.message.starts_with("possible conflict") {
                    assert_eq!(finding.severity, Severity::Warning);
                } else {
                    assert_eq!(Some(finding.severity), declared);
                }
                assert!(!finding.message.is_empty());
                assert!(!finding.document.is_empty());
            }
        }
        assert_eq!(
            rule("obligation-on-non-signatory").map(|r| r.severity),
            Some(Severity::Warning)
        );
    }

    /// Every finding on the documents of `text`, as (rule id, clause labels).
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
                let labels = finding.clauses.into_iter().map(|c| c.label()).collect();
                (finding.rule, labels)
            })
            .collect()
    }

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
                ("undefined-area", &["clause 8"]),
                ("weak-commitment", &["clause 8"]),
                ("unbound-obligation", &["clause 10"]),
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
        let text_at = span.and_then(|s| text.get(s.start()..s.end()));
        assert_eq!(
            text_at.map(|t| t.starts_with("strength pledge")),
            Some(true)
        );
    }
}
