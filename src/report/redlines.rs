//! Red-line outcomes (`truce check --against`) and test runs (`truce test`) for
//! people, and red-line outcomes as JSON.

use std::fmt::Write as _;

use colored::Colorize;

use crate::model::{Document, RedLineStatus, Requirements};
use crate::redline::Outcome;
use crate::rules::Severity;
use crate::source::Sources;
use crate::testing::{RuleCoverage, TestRun};

use super::snippet::snippet;

fn status_word(status: RedLineStatus) -> colored::ColoredString {
    match status {
        RedLineStatus::Met => "met".green().bold(),
        RedLineStatus::Unmet => "unmet".yellow().bold(),
        RedLineStatus::Violated => "violated".red().bold(),
    }
}

fn severity_of(status: RedLineStatus) -> Severity {
    match status {
        RedLineStatus::Met => Severity::Info,
        RedLineStatus::Unmet => Severity::Warning,
        RedLineStatus::Violated => Severity::Error,
    }
}

/// One document's outcomes: each red line with its status, what is missing or
/// violating, the red line's place and the clause's place.
pub fn text(
    document: &Document,
    requirements: &Requirements,
    outcomes: &[Outcome],
    sources: &Sources,
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} against {}\n",
        document.id.value.bold(),
        requirements.id().bold()
    );
    for outcome in outcomes {
        let _ = writeln!(
            out,
            "{}[{}]: {}",
            status_word(outcome.status),
            outcome.requirement,
            outcome.message.as_deref().unwrap_or(&outcome.detail)
        );
        if outcome.message.is_some() {
            let _ = writeln!(out, "  {} {}", "=".cyan(), outcome.detail);
        }
        if outcome.status != RedLineStatus::Met {
            let severity = severity_of(outcome.status);
            for clause in &outcome.clauses {
                out.push_str(&snippet(
                    sources,
                    clause.span,
                    severity,
                    &[],
                    &clause.label(),
                ));
            }
            let _ = writeln!(out, "  {} red line:", "=".cyan());
            out.push_str(&snippet(
                sources,
                outcome.requirement_span,
                severity,
                &[],
                &outcome.requirement,
            ));
        }
        out.push('\n');
    }
    let count = |status| outcomes.iter().filter(|o| o.status == status).count();
    let _ = writeln!(
        out,
        "{}: {} met, {} unmet, {} violated",
        document.id.value,
        count(RedLineStatus::Met),
        count(RedLineStatus::Unmet),
        count(RedLineStatus::Violated)
    );
    out
}

/// Red-line outcomes as JSON: `{"version": 1, "requirements", "documents":
/// [{"document", "outcomes": [{"requirement", "status", "detail", "message",
/// "requirement_location", "clauses": [{"label", "file", "line", "column"}]}]}]}`.
pub fn json(
    requirements: &Requirements,
    results: &[(&Document, Vec<Outcome>)],
    sources: &Sources,
) -> String {
    #[derive(serde::Serialize)]
    struct Location {
        file: String,
        line: usize,
        column: usize,
    }
    #[derive(serde::Serialize)]
    struct JsonClause {
        label: String,
        #[serde(flatten)]
        location: Location,
    }
    #[derive(serde::Serialize)]
    struct JsonOutcome<'a> {
        requirement: &'a str,
        status: RedLineStatus,
        detail: &'a str,
        message: Option<&'a str>,
        requirement_location: Location,
        clauses: Vec<JsonClause>,
    }
    #[derive(serde::Serialize)]
    struct JsonDocument<'a> {
        document: &'a str,
        outcomes: Vec<JsonOutcome<'a>>,
    }
    #[derive(serde::Serialize)]
    struct Envelope<'a> {
        version: u32,
        requirements: &'a str,
        documents: Vec<JsonDocument<'a>>,
    }
    let locate = |span: crate::source::Span| {
        let at = sources.locate(span).unwrap_or_default();
        Location {
            file: at.file.to_string(),
            line: at.line,
            column: at.column,
        }
    };
    let documents = results
        .iter()
        .map(|(document, outcomes)| JsonDocument {
            document: &document.id.value,
            outcomes: outcomes
                .iter()
                .map(|o| JsonOutcome {
                    requirement: &o.requirement,
                    status: o.status,
                    detail: &o.detail,
                    message: o.message.as_deref(),
                    requirement_location: locate(o.requirement_span),
                    clauses: o
                        .clauses
                        .iter()
                        .map(|c| JsonClause {
                            label: c.label(),
                            location: locate(c.span),
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let envelope = Envelope {
        version: 1,
        requirements: requirements.id(),
        documents,
    };
    serde_json::to_string_pretty(&envelope).unwrap_or_default() + "\n"
}

/// A test run: a line per test, each failure with expected, actual and the
/// spans, then `N passed, N failed`; with `coverage`, the rules the tests
/// showed firing and those they never did.
pub fn test_run(
    run: &TestRun,
    sources: &Sources,
    coverage: Option<&[&'static str]>,
    quiet: bool,
) -> String {
    let mut out = String::new();
    for result in &run.results {
        if result.passed() {
            if !quiet {
                let _ = writeln!(out, "{} {}", "ok    ".green(), result.name);
            }
            continue;
        }
        let _ = writeln!(out, "{} {}", "FAILED".red().bold(), result.name);
        for (span, failure) in &result.failures {
            let mut notes = vec![
                format!("expected: {}", failure.expected),
                format!("  actual: {}", failure.actual),
            ];
            notes.extend(
                failure
                    .spans
                    .iter()
                    .filter_map(|span| sources.locate(*span))
                    .map(|at| format!("see {at}")),
            );
            out.push_str(&snippet(
                sources,
                *span,
                Severity::Error,
                &notes,
                &result.name,
            ));
        }
    }
    if let Some(catalogue) = coverage {
        let covered: Vec<&str> = catalogue
            .iter()
            .copied()
            .filter(|id| run.covered_rules.contains(id))
            .collect();
        let never: Vec<&str> = catalogue
            .iter()
            .copied()
            .filter(|id| !run.covered_rules.contains(id))
            .collect();
        let _ = writeln!(out, "\n{}", RuleCoverage::of(run, catalogue).line());
        for id in covered {
            let _ = writeln!(out, "  {} {id}", "covered".green());
        }
        for id in never {
            let _ = writeln!(out, "  {}   {id}", "never".yellow());
        }
    }
    if !quiet {
        let _ = writeln!(out, "\n{} passed, {} failed", run.passed(), run.failed());
    }
    out
}
