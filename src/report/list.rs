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

use crate::model::{Corpus, Document};

use super::plural;

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
        .map_or("-".to_string(), |date| date.value.text.clone());
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
        document.id.value.clone(),
        date,
        status,
        parties,
        clauses(document),
    ]
}

/// `3 clauses: ceasefire, detainee_release (2)`, and the recitals when any.
fn clauses(document: &Document) -> String {
    let mut kinds: Vec<(&str, usize)> = Vec::new();
    for clause in &document.clauses {
        let kind = clause.kind_name();
        match kinds.iter_mut().find(|(name, _)| *name == kind) {
            Some((_, count)) => *count += 1,
            None => kinds.push((kind, 1)),
        }
    }
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
