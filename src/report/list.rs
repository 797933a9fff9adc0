//! `truce list`: one line per document, in corpus order, columns aligned.
//!
//! ```text
//! cairo_2017          2017-08-03  collapsed  russia, coalition  3 clauses: ceasefire, detainee_release (2)
//! ```
//!
//! Columns: id, date, latest status, party ids, then the number of operative
//! clauses and their kinds (in order of first appearance, with a count when a kind
//! repeats). A missing date or status shows as `-`. No header and no colour, so
//! the output can be piped.

use serde::Serialize;

use crate::model::{Corpus, Document};
use crate::source::Sources;

use super::plural;

/// The version of the schema [`render_json`] writes.
pub const JSON_VERSION: u32 = 1;

/// `truce list --format json`: the same facts as the lines, for tools. Stable
/// like the findings report: fields may be added within a version, never
/// renamed, retyped or removed.
///
/// ```json
/// { "version": 1,
///   "documents": [
///     { "id": "cairo_2017", "title": "Cairo agreement",   // title, date, status may be null
///       "date": "2017-08-03", "status": "collapsed",
///       "parties": ["russia", "snc"],
///       "clauses": 3,                                     // operative clauses
///       "kinds": [ { "kind": "ceasefire", "count": 1 },   // in order of first appearance
///                  { "kind": "detainee_release", "count": 2 } ],
///       "recitals": 0,
///       "file": "agreements/northern_homs_2017_2018.truce", "line": 17, "column": 11 } ] }
/// ```
pub fn render_json(corpus: &Corpus, sources: &Sources) -> String {
    let listing = JsonListing {
        version: JSON_VERSION,
        documents: corpus
            .documents
            .iter()
            .map(|document| {
                let at = sources.locate(document.id.span).unwrap_or_default();
                JsonDocument {
                    id: &document.id.value,
                    title: document.title.as_ref().map(|title| title.value.as_str()),
                    date: document.date.as_ref().map(|date| &*date.value.text),
                    status: document.status().map(|status| status.name()),
                    parties: document
                        .parties
                        .iter()
                        .map(|party| party.id.value.as_str())
                        .collect(),
                    clauses: document.clauses.len(),
                    kinds: kind_counts(document)
                        .into_iter()
                        .map(|(kind, count)| JsonKind { kind, count })
                        .collect(),
                    recitals: document.recitals.len(),
                    file: at.file,
                    line: at.line,
                    column: at.column,
                }
            })
            .collect(),
    };
    // Plain structs of strings and numbers: serialising them cannot fail.
    let mut text = serde_json::to_string_pretty(&listing).expect("the listing serialises");
    text.push('\n');
    text
}

#[derive(Serialize)]
struct JsonListing<'a> {
    version: u32,
    documents: Vec<JsonDocument<'a>>,
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    id: &'a str,
    title: Option<&'a str>,
    date: Option<&'a str>,
    status: Option<&'static str>,
    parties: Vec<&'a str>,
    clauses: usize,
    kinds: Vec<JsonKind>,
    recitals: usize,
    file: &'a str,
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct JsonKind {
    kind: &'static str,
    count: usize,
}

/// Every document's line.
pub fn render(corpus: &Corpus) -> String {
    let rows: Vec<[String; 5]> = corpus.documents.iter().map(row).collect();
    let mut widths = [0; 4];
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (cell, width) in row.iter().zip(widths) {
            line.push_str(cell);
            line.push_str(&" ".repeat(width - cell.chars().count() + 2));
        }
        line.push_str(&row[4]);
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn row(document: &Document) -> [String; 5] {
    let date = document
        .date
        .as_ref()
        .map_or("-".to_string(), |date| date.value.text.to_string());
    let status = document
        .status()
        .map_or("-", |status| status.name())
        .to_string();
    let parties = if document.parties.is_empty() {
        "-".to_string()
    } else {
        document
            .parties
            .iter()
            .map(|party| party.id.value.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    [
        document.id.value.to_string(),
        date,
        status,
        parties,
        clauses(document),
    ]
}

/// `3 clauses: ceasefire, detainee_release (2)`, and the recitals when any.
fn clauses(document: &Document) -> String {
    let kinds = kind_counts(document);
    let mut text = plural(document.clauses.len(), "clause", "clauses");
    if !kinds.is_empty() {
        let names: Vec<String> = kinds
            .iter()
            .map(|(kind, count)| match count {
                1 => kind.to_string(),
                _ => format!("{kind} ({count})"),
            })
            .collect();
        text.push_str(": ");
        text.push_str(&names.join(", "));
    }
    if !document.recitals.is_empty() {
        text.push_str("; ");
        text.push_str(&plural(document.recitals.len(), "recital", "recitals"));
    }
    text
}

/// The kinds of the operative clauses, in order of first appearance, each with
/// its count.
fn kind_counts(document: &Document) -> Vec<(&'static str, usize)> {
    let mut kinds: Vec<(&'static str, usize)> = Vec::new();
    for clause in &document.clauses {
        let kind = clause.kind_name();
        match kinds.iter_mut().find(|(name, _)| *name == kind) {
            Some((_, count)) => *count += 1,
            None => kinds.push((kind, 1)),
        }
    }
    kinds
}
