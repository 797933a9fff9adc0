//! `truce compare --format json`: the comparison for tools.
//!
//! # Schema, version 2
//!
//! Stable like `check --format json`: fields may be added within a version,
//! never renamed, retyped or removed. Version 2 replaced version 1's
//! `favours` (an end of the clause) with `gain` (a camp, or no direction, with
//! why and a weight), and added `reported`, `balance`, `weightiest`,
//! `resolved` and `appeared`. Lines and columns are one-based, columns
//! in characters. Findings have exactly the shape of `check`'s findings, and
//! rows' clauses that of its clauses: both gained `end_line` and `end_column`
//! (just past the span's last character) within version 2.
//!
//! ```json
//! {
//!   "version": 1,
//!   "documents": ["cairo_2017", "october_4_2017"],   // oldest first
//!   "steps": [{
//!     "older": { "id": "cairo_2017", "title": "...", "date": "2017-08-03",
//!                "status": "collapsed", "file": "...", "line": 17, "column": 11 },
//!     "newer": { ... },
//!     "document": [                                  // document-level terms
//!       { "key": "signatories", "older": "russia, snc", "newer": "russia",
//!         "changed": true, "gain": null, "reported": false } ],
//!     "rows": [{
//!       "status": "changed",                         // unchanged | changed | added | removed
//!       "kind": "detainee_release",
//!       "older": { "label": "detainee_release", "kind": "detainee_release",
//!                  "number": null, "file": "...", "line": 55, "column": 3 },  // null when added
//!       "newer": { ... },                                                    // null when removed
//!       "attributes": [
//!         { "key": "strength", "older": null, "newer": "pledge", "changed": true,
//!           "reported": false,     // true: stated on one side only, which rests on reports
//!           "gain": { "camp": "government", "parties": ["regime"],             // camp null: no direction
//!                     "why": "a weaker release leaves ...", "weight": 6 } } ], // or null
//!       "text": [ { "op": "equal", "text": "the " },                         // equal | delete | insert
//!                 { "op": "delete", "text": "stipulated" } ]
//!     }],
//!     "findings": [ { "rule": "commitment-weakened", "severity": "warning", ...,
//!                     "gain": { ... } } ],
//!     "balance": { "government": 9, "opposition": 3, "third": 0, "undirected": 8 },
//!     "weightiest": [ 3, 0, 7 ],                     // indices into findings, at most 5
//!     "resolved": [ ... ],   // findings of `check` on the older draft the newer no longer gives
//!     "appeared": [ ... ]    // findings of `check` on the newer draft the older did not give
//!   }],
//!   "kinds": [ { "kind": "ceasefire", "counts": [1, 1] } ],           // per document
//!   "summary": { "errors": 0, "warnings": 2, "infos": 6, "steps": 1 }
//! }
//! ```

use serde::Serialize;

use crate::compare::{AttributeDiff, Status, Step, Thread, Words};
use crate::model::{Clause, Document};
use crate::rules::ClauseRef;
use crate::source::Sources;

use super::Counts;
use super::json::{JsonClause, JsonFinding};

/// The version of the schema this module writes.
pub const VERSION: u32 = 2;

#[derive(Clone, Debug, Serialize)]
pub struct Report<'a> {
    pub version: u32,
    pub documents: Vec<&'a str>,
    pub steps: Vec<JsonStep<'a>>,
    pub kinds: Vec<JsonKind>,
    pub summary: Summary,
}

#[derive(Clone, Debug, Serialize)]
pub struct JsonDocument<'a> {
    pub id: &'a str,
    pub title: Option<&'a str>,
    pub date: Option<&'a str>,
    pub status: Option<&'a str>,
    pub file: String,
    pub line: usize,
    pub column: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct JsonStep<'a> {
    pub older: JsonDocument<'a>,
    pub newer: JsonDocument<'a>,
    pub document: Vec<JsonAttribute<'a>>,
    pub rows: Vec<JsonRow<'a>>,
    pub findings: Vec<JsonFinding>,
    pub balance: crate::compare::Balance,
    pub weightiest: Vec<usize>,
    pub resolved: Vec<JsonFinding>,
    pub appeared: Vec<JsonFinding>,
}

#[derive(Clone, Debug, Serialize)]
pub struct JsonAttribute<'a> {
    pub key: &'a str,
    pub older: Option<&'a str>,
    pub newer: Option<&'a str>,
    pub changed: bool,
    pub gain: Option<&'a crate::compare::direction::Gain>,
    /// Whether the change is only in what the sources state (see
    /// [`AttributeDiff::reported`]).
    pub reported: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct JsonRow<'a> {
    pub status: Status,
    pub kind: &'a str,
    pub older: Option<JsonClause>,
    pub newer: Option<JsonClause>,
    pub attributes: Vec<JsonAttribute<'a>>,
    pub text: &'a [Words],
}

#[derive(Clone, Debug, Serialize)]
pub struct JsonKind {
    pub kind: &'static str,
    pub counts: Vec<usize>,
}

#[derive(Clone, Copy, Debug, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub steps: usize,
}

/// The report as a value.
pub fn report<'a>(thread: &'a Thread, sources: &Sources) -> Report<'a> {
    let counts = Counts::of(thread.findings());
    Report {
        version: VERSION,
        documents: thread
            .documents
            .iter()
            .map(|document| document.id.value.as_str())
            .collect(),
        steps: thread
            .steps
            .iter()
            .map(|step| json_step(step, sources))
            .collect(),
        kinds: thread
            .kinds()
            .into_iter()
            .map(|(kind, counts)| JsonKind { kind, counts })
            .collect(),
        summary: Summary {
            errors: counts.errors,
            warnings: counts.warnings,
            infos: counts.infos,
            steps: thread.steps.len(),
        },
    }
}

/// The report as pretty-printed JSON, ending in a newline.
pub fn render(thread: &Thread, sources: &Sources) -> String {
    let report = report(thread, sources);
    // Strings, numbers and plain enums: serialising them cannot fail.
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_else(|_| "{}".to_string());
    text.push('\n');
    text
}

fn json_step<'a>(step: &'a Step, sources: &Sources) -> JsonStep<'a> {
    JsonStep {
        older: json_document(step.older, sources),
        newer: json_document(step.newer, sources),
        document: step.document.iter().map(json_attribute).collect(),
        rows: step
            .rows
            .iter()
            .map(|row| JsonRow {
                status: row.status,
                kind: step.kind(row).name,
                older: step.older_clause(row).map(|c| json_clause(c, sources)),
                newer: step.newer_clause(row).map(|c| json_clause(c, sources)),
                attributes: row.attributes.iter().map(json_attribute).collect(),
                text: &row.words,
            })
            .collect(),
        findings: json_findings(&step.findings, sources),
        balance: step.balance(),
        weightiest: step
            .weightiest()
            .into_iter()
            .map(|(index, _)| index)
            .collect(),
        resolved: json_findings(&step.resolved, sources),
        appeared: json_findings(&step.appeared, sources),
    }
}

fn json_findings(findings: &[crate::finding::Finding], sources: &Sources) -> Vec<JsonFinding> {
    findings
        .iter()
        .map(|finding| super::json::json_finding(finding, sources, super::json::Options::default()))
        .collect()
}

fn json_document<'a>(document: &'a Document, sources: &Sources) -> JsonDocument<'a> {
    let at = sources.locate(document.id.span).unwrap_or_default();
    JsonDocument {
        id: &document.id.value,
        title: document.title.as_ref().map(|title| title.value.as_str()),
        date: document.date.as_ref().map(|date| &*date.value.text),
        status: document.status().map(|status| status.name()),
        file: at.file.to_string(),
        line: at.line,
        column: at.column,
    }
}

fn json_attribute(attribute: &AttributeDiff) -> JsonAttribute<'_> {
    JsonAttribute {
        key: attribute.key(),
        older: attribute.older.as_deref(),
        newer: attribute.newer.as_deref(),
        changed: attribute.changed(),
        gain: attribute.gain.as_ref(),
        reported: attribute.reported,
    }
}

fn json_clause(clause: &Clause, sources: &Sources) -> JsonClause {
    super::json::json_clause(&ClauseRef::of(clause), sources)
}
