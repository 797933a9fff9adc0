//! Findings for tools: `truce check --format json`.
//!
//! # Schema, version 1
//!
//! The schema is stable: fields may be added within version 1, never renamed,
//! retyped or removed; anything else raises `version`. Lines and columns are
//! one-based, columns counted in characters; `end_line` and `end_column` are
//! the position just past the span's last character (added within version 1).
//! Findings come in the order of the text report: documents in corpus order,
//! the most severe first within each.
//!
//! ```json
//! {
//!   "version": 1,
//!   "findings": [
//!     {
//!       "rule": "no-guarantor",              // a rule id, see `truce explain`
//!       "severity": "warning",               // "error" | "warning" | "info"
//!       "document": "russian_proposal_2018", // the document's id
//!       "clauses": [                         // the clauses involved, maybe none
//!         { "label": "clause 7", "kind": "detainee_release", "number": "7",
//!           "file": "agreements/r.truce", "line": 30, "column": 3,
//!           "end_line": 38, "end_column": 4 }
//!       ],                                   // "number" is null for unnumbered clauses
//!       "message": "no party guarantees the agreement or its protections",
//!       "file": "agreements/r.truce",        // where the finding points
//!       "line": 1,
//!       "column": 11,
//!       "end_line": 1,                       // where it ends: just past its last
//!       "end_column": 32,                    // character (exclusive)
//!       "explanation": "..."                 // only with --explain
//!     }
//!   ],
//!   "errors": [                              // input errors; findings are then those of the other files
//!     { "file": "agreements/bad.truce", "line": 3, "column": 12,  // null line and column
//!       "code": "E0203",                                           // for errors about a
//!       "message": "unknown clause kind `detainee_relase`",        // whole path; the
//!       "expected": "a clause kind",                               // code: see error_code
//!       "hint": "did you mean `detainee_release`?" }              // expected and hint
//!                                                                  // may be null
//!   ],
//!   "suppressed": [                          // only with --show-suppressed, when any:
//!     { "rule": "no-guarantor", ...,         // a finding, as above,
//!       "reason": "the UN operation is its own guarantee",        // why it is accepted,
//!       "allow": { "file": "agreements/r.truce", "line": 4, "column": 3 } } // and where
//!   ],
//!   "summary": { "errors": 0, "warnings": 1, "infos": 0,          // findings by severity
//!                "suppressed": 0,                                 // covered by `allow`
//!                "documents": 1, "files": 1 }                     // what was read
//! }
//! ```

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::model::Corpus;
use crate::rules::{self, ClauseRef, Finding, Severity};
use crate::source::Sources;
use crate::suppress::Suppressed;

use super::diagnostics::PlainError;
use super::{Counts, grouped};

/// The version of the schema this module writes.
pub const VERSION: u32 = 1;

/// The whole document `--format json` writes.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub version: u32,
    pub findings: Vec<JsonFinding>,
    pub errors: Vec<PlainError>,
    /// Findings `allow` lines cover, each with the reason: only with
    /// `--show-suppressed`, and only when there are any.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suppressed: Vec<JsonSuppressed>,
    pub summary: Summary,
}

/// A finding an `allow` covers: the finding as `findings` gives one, why it is
/// accepted, and where the `allow` stands.
#[derive(Clone, Debug, Serialize)]
pub struct JsonSuppressed {
    #[serde(flatten)]
    pub finding: JsonFinding,
    pub reason: String,
    pub allow: JsonPlace,
}

/// A place in a source: file, one-based line and column.
#[derive(Clone, Debug, Serialize)]
pub struct JsonPlace {
    pub file: String,
    pub line: usize,
    pub column: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct JsonFinding {
    pub rule: String,
    pub severity: Severity,
    pub document: String,
    pub clauses: Vec<JsonClause>,
    pub message: String,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
    /// For a finding that something is missing: `text` (the text lacks it) or
    /// `reports` (the reports of the text leave it out).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<crate::model::Basis>,
    /// For a comparison finding: whom the change favours, by camp (`camp` is
    /// null where it has no direction), why, and its weight in the balance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gain: Option<crate::compare::direction::Gain>,
}

#[derive(Clone, Debug, Serialize)]
pub struct JsonClause {
    pub label: String,
    pub kind: String,
    pub number: Option<String>,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// Counts of findings by severity (`errors` here are findings of severity
/// error, not input errors), and of the documents and files read.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Findings `allow` lines cover, not counted above.
    pub suppressed: usize,
    pub documents: usize,
    pub files: usize,
}

/// What to include beyond the required fields.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Add each rule's explanation to its findings.
    pub explain: bool,
}

/// The report as a value, for callers that embed it.
pub fn report(
    findings: &[Finding],
    errors: &[Diagnostic],
    corpus: &Corpus,
    sources: &Sources,
    options: Options,
) -> Report {
    report_suppressed(findings, &[], false, errors, corpus, sources, options)
}

/// [`report`], with the findings `allow` lines cover counted in the summary and,
/// with `show`, listed under `suppressed`.
pub fn report_suppressed(
    findings: &[Finding],
    suppressed: &[Suppressed],
    show: bool,
    errors: &[Diagnostic],
    corpus: &Corpus,
    sources: &Sources,
    options: Options,
) -> Report {
    let findings: Vec<JsonFinding> = grouped(findings, corpus)
        .into_iter()
        .flat_map(|(_, members)| members)
        .map(|finding| json_finding(finding, sources, options))
        .collect();
    let counts = Counts::of_severities(findings.iter().map(|finding| finding.severity));
    Report {
        version: VERSION,
        findings,
        errors: errors
            .iter()
            .map(|error| PlainError::of(error, sources))
            .collect(),
        suppressed: if show {
            suppressed
                .iter()
                .map(|covered| {
                    let at = sources.locate(covered.allow).unwrap_or_default();
                    JsonSuppressed {
                        finding: json_finding(&covered.finding, sources, options),
                        reason: covered.reason.clone(),
                        allow: JsonPlace {
                            file: at.file.to_string(),
                            line: at.line,
                            column: at.column,
                        },
                    }
                })
                .collect()
        } else {
            Vec::new()
        },
        summary: Summary {
            errors: counts.errors,
            warnings: counts.warnings,
            infos: counts.infos,
            suppressed: suppressed.len(),
            documents: corpus.documents.len(),
            files: sources.files().len(),
        },
    }
}

/// The report as pretty-printed JSON, ending in a newline.
pub fn render(
    findings: &[Finding],
    errors: &[Diagnostic],
    corpus: &Corpus,
    sources: &Sources,
    options: Options,
) -> String {
    render_report(&report(findings, errors, corpus, sources, options))
}

/// A report as pretty-printed JSON, ending in a newline.
pub fn render_report(report: &Report) -> String {
    // Plain structs of strings and numbers: serialising them cannot fail.
    let mut text = serde_json::to_string_pretty(report).expect("the report serialises");
    text.push('\n');
    text
}

pub(crate) fn json_finding(finding: &Finding, sources: &Sources, options: Options) -> JsonFinding {
    let at = sources.locate(finding.span).unwrap_or_default();
    let end = sources.locate_end(finding.span).unwrap_or_default();
    JsonFinding {
        rule: finding.rule.to_string(),
        severity: finding.severity,
        document: finding.document.to_string(),
        clauses: finding
            .clauses
            .iter()
            .map(|clause| json_clause(clause, sources))
            .collect(),
        message: finding.message.to_string(),
        file: at.file.to_string(),
        line: at.line,
        column: at.column,
        end_line: end.line,
        end_column: end.column,
        explanation: options
            .explain
            .then(|| rules::rule(finding.rule).map(|rule| rule.explanation.trim().to_string()))
            .flatten(),
        basis: finding.basis,
        gain: finding.gain.as_deref().cloned(),
    }
}

pub(crate) fn json_clause(clause: &ClauseRef, sources: &Sources) -> JsonClause {
    let at = sources.locate(clause.span).unwrap_or_default();
    let end = sources.locate_end(clause.span).unwrap_or_default();
    JsonClause {
        label: clause.label(),
        kind: clause.kind.to_string(),
        number: clause.number.as_ref().map(ToString::to_string),
        file: at.file.to_string(),
        line: at.line,
        column: at.column,
        end_line: end.line,
        end_column: end.column,
    }
}
