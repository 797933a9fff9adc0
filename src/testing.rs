//! Assertions about agreements, for `test` blocks and for Rust tests: does a
//! document cover or lack clause kinds, does a rule fire (on a clause), is a red
//! line met. `truce test` and the [`Checked`] API share one implementation.

use crate::text::Text;
use std::collections::BTreeSet;

use serde::Serialize;

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::error_code::ErrorCode;
use crate::model::{AssertionKind, Corpus, Document, RedLineStatus, Requirements, TestBlock};
use crate::redline;
use crate::rules::{self, Finding};
use crate::source::{Span, Spanned};

/// A corpus with its findings: what assertions are made against.
pub struct Checked {
    pub loaded: crate::Loaded,
    pub findings: Vec<Finding>,
}

/// Why an assertion failed: what was expected, what was found, and where.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Failure {
    pub expected: String,
    pub actual: String,
    /// The spans that show the actual state: clauses, findings, red lines.
    pub spans: Vec<Span>,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "expected {}, but {}", self.expected, self.actual)
    }
}

impl std::error::Error for Failure {}

impl Checked {
    /// Load paths and run every rule. Input errors are returned as they are.
    pub fn load(paths: &[std::path::PathBuf]) -> Result<Checked, Vec<Diagnostic>> {
        Checked::from_loaded(crate::load_paths(paths))
    }

    /// Load one text and run every rule.
    pub fn from_str(name: &str, text: &str) -> Result<Checked, Vec<Diagnostic>> {
        Checked::from_loaded(crate::load_str(name, text))
    }

    pub(crate) fn from_loaded(loaded: crate::Loaded) -> Result<Checked, Vec<Diagnostic>> {
        if !loaded.errors.is_empty() {
            return Err(loaded.errors);
        }
        let findings = rules::check(&loaded.corpus);
        Ok(Checked { loaded, findings })
    }

    pub fn corpus(&self) -> &Corpus {
        &self.loaded.corpus
    }

    fn document(&self, id: &str) -> Result<&Document, Failure> {
        self.corpus().document(id).ok_or_else(|| Failure {
            expected: format!("a document `{id}`"),
            actual: "there is none".into(),
            spans: Vec::new(),
        })
    }

    fn requirements(&self, id: &str) -> Result<&Requirements, Failure> {
        self.corpus()
            .requirements
            .iter()
            .find(|r| r.id() == id)
            .ok_or_else(|| Failure {
                expected: format!("requirements `{id}`"),
                actual: "there are none".into(),
                spans: Vec::new(),
            })
    }

    /// The document has an operative clause of each kind.
    pub fn covers(&self, document: &str, kinds: &[&str]) -> Result<(), Failure> {
        let document = self.document(document)?;
        let missing: Vec<&str> = kinds
            .iter()
            .copied()
            .filter(|kind| !document.clauses.iter().any(|c| c.kind_name() == *kind))
            .collect();
        if missing.is_empty() {
            return Ok(());
        }
        Err(Failure {
            expected: format!("`{}` to cover {}", document.id.value, kinds.join(", ")),
            actual: format!("it has no {} clause", missing.join(", ")),
            spans: vec![document.id.span],
        })
    }

    /// The document has no operative clause of any of the kinds.
    pub fn lacks(&self, document: &str, kinds: &[&str]) -> Result<(), Failure> {
        let document = self.document(document)?;
        let present: Vec<_> = document
            .clauses
            .iter()
            .filter(|c| kinds.contains(&c.kind_name()))
            .collect();
        if present.is_empty() {
            return Ok(());
        }
        Err(Failure {
            expected: format!("`{}` to lack {}", document.id.value, kinds.join(", ")),
            actual: format!(
                "it has {}",
                present
                    .iter()
                    .map(|c| format!("{} ({})", c.label(), c.kind_name()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            spans: present.iter().map(|c| c.span).collect(),
        })
    }

    fn matching(&self, document: &str, rule: &str, clause: Option<&str>) -> Vec<&Finding> {
        self.findings
            .iter()
            .filter(|f| f.document == document && f.rule == rule)
            .filter(|f| {
                clause.is_none_or(|number| {
                    f.clauses
                        .iter()
                        .any(|c| c.number.as_deref() == Some(number) || c.label() == number)
                })
            })
            .collect()
    }

    /// The registry's spelling of a document rule's id, given in any case.
    fn rule_id(rule: &str) -> Result<&'static str, Failure> {
        if let Some(known) = rules::document_rule(rule) {
            return Ok(known.id);
        }
        Err(Failure {
            expected: format!("a rule `{rule}`"),
            actual: "there is none".into(),
            spans: Vec::new(),
        })
    }

    /// The rule fires on the document, on the clause when one is given.
    pub fn fires(&self, document: &str, rule: &str, clause: Option<&str>) -> Result<(), Failure> {
        let rule = Self::rule_id(rule)?;
        let document = self.document(document)?;
        if !self.matching(&document.id.value, rule, clause).is_empty() {
            return Ok(());
        }
        let on = clause.map_or(String::new(), |c| format!(" on clause {c}"));
        let elsewhere: Vec<&Finding> = self.matching(&document.id.value, rule, None);
        let actual = if elsewhere.is_empty() {
            "it does not fire".to_string()
        } else {
            format!(
                "it fires only on {}",
                elsewhere
                    .iter()
                    .flat_map(|f| f.clauses.iter().map(|c| c.label()))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        Err(Failure {
            expected: format!("`{rule}` to fire on `{}`{on}", document.id.value),
            actual,
            spans: elsewhere.iter().map(|f| f.span).collect(),
        })
    }

    /// The rule does not fire on the document (on the clause, when given).
    pub fn quiet(&self, document: &str, rule: &str, clause: Option<&str>) -> Result<(), Failure> {
        let rule = Self::rule_id(rule)?;
        let document = self.document(document)?;
        let found = self.matching(&document.id.value, rule, clause);
        if found.is_empty() {
            return Ok(());
        }
        let on = clause.map_or(String::new(), |c| format!(" on clause {c}"));
        Err(Failure {
            expected: format!("`{rule}` not to fire on `{}`{on}", document.id.value),
            actual: format!("it fires: {}", found[0].message),
            spans: found.iter().map(|f| f.span).collect(),
        })
    }

    /// The outcome of one red line on the document.
    pub fn red_line(
        &self,
        document: &str,
        requirements: &str,
        requirement: &str,
    ) -> Result<redline::Outcome, Failure> {
        let document = self.document(document)?;
        let requirements = self.requirements(requirements)?;
        redline::evaluate(requirements, document)
            .into_iter()
            .find(|o| o.requirement == requirement)
            .ok_or_else(|| Failure {
                expected: format!("a red line `{requirement}` in `{}`", requirements.id()),
                actual: "there is none".into(),
                spans: vec![requirements.header.id.span],
            })
    }

    /// The red line has the expected outcome.
    pub fn expect_red_line(
        &self,
        document: &str,
        requirements: &str,
        requirement: &str,
        expected: RedLineStatus,
    ) -> Result<(), Failure> {
        let outcome = self.red_line(document, requirements, requirement)?;
        if outcome.status == expected {
            return Ok(());
        }
        let mut spans = vec![outcome.requirement_span];
        spans.extend(outcome.clauses.iter().map(|c| c.span));
        Err(Failure {
            expected: format!("red line `{requirement}` to be {}", expected.name()),
            actual: format!("it is {}: {}", outcome.status.name(), outcome.detail),
            spans,
        })
    }
}

/// One test block's result.
#[derive(Clone, Debug, Serialize)]
pub struct TestResult {
    pub name: String,
    pub span: Span,
    pub assertions: usize,
    /// Each failed assertion, with the assertion's span.
    pub failures: Vec<(Span, Failure)>,
}

impl TestResult {
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

/// The results of a run, with the rules the passing `fires` assertions covered.
#[derive(Clone, Debug, Serialize)]
pub struct TestRun {
    pub results: Vec<TestResult>,
    pub covered_rules: BTreeSet<&'static str>,
}

impl TestRun {
    pub fn passed(&self) -> usize {
        self.results.iter().filter(|r| r.passed()).count()
    }

    pub fn failed(&self) -> usize {
        self.results.len() - self.passed()
    }
}

/// How many rules of a catalogue a passing test showed firing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleCoverage {
    pub covered: usize,
    pub total: usize,
}

impl RuleCoverage {
    pub fn of(run: &TestRun, catalogue: &[&'static str]) -> RuleCoverage {
        RuleCoverage {
            covered: catalogue
                .iter()
                .filter(|id| run.covered_rules.contains(*id))
                .count(),
            total: catalogue.len(),
        }
    }

    /// The share covered, in percent; all of none is 100 %.
    pub fn percent(self) -> f64 {
        if self.total == 0 {
            return 100.0;
        }
        self.covered as f64 * 100.0 / self.total as f64
    }

    /// The line the text report closes its coverage with.
    pub fn line(self) -> String {
        format!(
            "rule coverage: {} of {} rules shown firing by a passing test",
            self.covered, self.total
        )
    }
}

/// Names in test blocks that refer to nothing: input errors, reported like any
/// other (exit 2), before anything runs.
pub fn validate(corpus: &Corpus) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    let documents = || corpus.documents.iter().map(|d| d.id.value.as_str());
    let unknown = |what: &str, name: &Spanned<Text>, candidates: Vec<&str>| {
        Diagnostic::new(format!("unknown {what} `{}`", name.value), name.span)
            .code(ErrorCode::UndefinedName)
            .expected(format!("the id of a {what} in the files being tested"))
            .maybe_hint(did_you_mean(&name.value, candidates))
    };
    for test in &corpus.tests {
        if let Some(document) = &test.document
            && corpus.document(&document.value).is_none()
        {
            errors.push(unknown("document", document, documents().collect()));
        }
        let requirements = test.against.as_ref().and_then(|against| {
            let found = corpus.requirements.iter().find(|r| r.id() == against.value);
            if found.is_none() {
                let ids = corpus.requirements.iter().map(|r| r.id()).collect();
                errors.push(unknown("requirements", against, ids));
            }
            found
        });
        for assertion in &test.assertions {
            match &assertion.kind {
                AssertionKind::Fires { rule, .. } | AssertionKind::Quiet { rule, .. }
                    if rules::document_rule(&rule.value).is_none() =>
                {
                    // Rule ids are read in any case, so the closest is sought in one.
                    let ids = rules::document_rules().map(|r| r.id).collect();
                    let lower =
                        Spanned::new(Text::from(rule.value.to_ascii_lowercase()), rule.span);
                    let hint = unknown("rule", &lower, ids).hint;
                    errors.push(unknown("rule", rule, Vec::new()).maybe_hint(hint));
                }
                AssertionKind::RedLine { requirement, .. } => match (requirements, &test.against) {
                    (Some(requirements), _) if requirements.item(&requirement.value).is_none() => {
                        let ids = requirements
                            .items
                            .iter()
                            .map(|r| r.id.value.as_str())
                            .collect();
                        errors.push(unknown("red line", requirement, ids));
                    }
                    (_, None) => errors.push(
                        Diagnostic::new("a red-line assertion needs `against`", assertion.span)
                            .code(ErrorCode::InvalidStatement)
                            .expected("`against REQUIREMENTS_ID` in the test")
                            .hint("name the requirements the red line comes from"),
                    ),
                    _ => {}
                },
                _ => {}
            }
        }
    }
    errors
}

impl Checked {
    /// Run every `test` block of the corpus.
    pub fn run_tests(&self) -> TestRun {
        let mut covered_rules = BTreeSet::new();
        let results = self
            .corpus()
            .tests
            .iter()
            .map(|test| self.run_test(test, &mut covered_rules))
            .collect();
        TestRun {
            results,
            covered_rules,
        }
    }

    fn run_test(&self, test: &TestBlock, covered: &mut BTreeSet<&'static str>) -> TestResult {
        let document = test.document.as_ref().map_or("", |d| d.value.as_str());
        let mut failures = Vec::new();
        for assertion in &test.assertions {
            let words = |kinds: &[Spanned<Text>]| -> Vec<String> {
                kinds.iter().map(|k| k.value.to_string()).collect()
            };
            let result = match &assertion.kind {
                AssertionKind::Covers { kinds } => {
                    let kinds = words(kinds);
                    self.covers(
                        document,
                        &kinds.iter().map(String::as_str).collect::<Vec<_>>(),
                    )
                }
                AssertionKind::Lacks { kinds } => {
                    let kinds = words(kinds);
                    self.lacks(
                        document,
                        &kinds.iter().map(String::as_str).collect::<Vec<_>>(),
                    )
                }
                AssertionKind::Fires { rule, clause } => {
                    let result = self.fires(
                        document,
                        &rule.value,
                        clause.as_ref().map(|c| c.value.as_str()),
                    );
                    if result.is_ok()
                        && let Some(rule) = rules::document_rule(&rule.value)
                    {
                        covered.insert(rule.id);
                    }
                    result
                }
                AssertionKind::Quiet { rule, clause } => self.quiet(
                    document,
                    &rule.value,
                    clause.as_ref().map(|c| c.value.as_str()),
                ),
                AssertionKind::RedLine {
                    requirement,
                    expected,
                } => {
                    let against = test.against.as_ref().map_or("", |a| a.value.as_str());
                    self.expect_red_line(document, against, &requirement.value, *expected)
                }
            };
            if let Err(failure) = result {
                failures.push((assertion.span, failure));
            }
        }
        TestResult {
            name: test.name.value.to_string(),
            span: test.span,
            assertions: test.assertions.len(),
            failures,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CORPUS: &str = r#"
agreement offer {
  date 2018-05-01
  party regime "Regime" side government
  clause 1 detainee_release { strength review }
  clause 2 ceasefire { by regime }
}
requirements lines {
  require detainees detainee_release { has mechanism }
  require truce ceasefire { has by }
}
test passes {
  document offer
  against lines
  covers ceasefire, detainee_release
  lacks evacuation
  fires weak-commitment on 1
  quiet weak-commitment on 2
  unmet detainees
  met truce
}
test fails {
  document offer
  against lines
  covers evacuation
  fires weak-commitment on 2
  met detainees
}
"#;

    #[test]
    fn passing_and_failing_assertions_of_every_kind() {
        let checked = Checked::from_str("t.truce", CORPUS).expect("loads");
        assert!(validate(checked.corpus()).is_empty());
        let run = checked.run_tests();
        assert_eq!((run.passed(), run.failed()), (1, 1));
        let failures: Vec<String> = run.results[1]
            .failures
            .iter()
            .map(|(_, f)| f.to_string())
            .collect();
        assert_eq!(
            failures,
            [
                "expected `offer` to cover evacuation, but it has no evacuation clause",
                "expected `weak-commitment` to fire on `offer` on clause 2, but it fires only on clause 1",
                "expected red line `detainees` to be met, but it is unmet: clause 1 gives no mechanism",
            ]
        );
        assert!(run.covered_rules.contains("weak-commitment"));
    }

    #[test]
    fn rule_ids_are_read_in_any_case() {
        let checked = Checked::from_str("t.truce", CORPUS).expect("loads");
        assert_eq!(checked.fires("offer", "Weak-Commitment", Some("1")), Ok(()));
        assert!(
            checked
                .quiet("offer", "WEAK-COMMITMENT", Some("1"))
                .is_err()
        );
        let text = "agreement a { clause 1 detainee_release { strength review } }\n\
                    test t {\n  document a\n  fires WEAK-commitment\n}\n";
        let checked = Checked::from_str("t.truce", text).expect("loads");
        assert!(validate(checked.corpus()).is_empty());
        let run = checked.run_tests();
        assert_eq!(run.failed(), 0, "{:?}", run.results);
        assert!(run.covered_rules.contains("weak-commitment"));
    }

    #[test]
    fn names_that_refer_to_nothing_are_input_errors() {
        let text = "test t {\n  document nowhere\n  fires weak-comitment\n}\n";
        let checked = Checked::from_str("t.truce", text).expect("loads");
        let messages: Vec<String> = validate(checked.corpus())
            .into_iter()
            .map(|e| format!("{} {:?}", e.message, e.hint))
            .collect();
        assert_eq!(
            messages,
            [
                "unknown document `nowhere` None",
                "unknown rule `weak-comitment` Some(\"did you mean `weak-commitment`?\")",
            ]
        );
    }
}
