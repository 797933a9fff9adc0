//! What the compare renderers share: labels, locations and counts.

use crate::compare::Status;
use crate::model::{Clause, Document};
use crate::rules::Finding;
use crate::source::{Sources, Span};

use super::{Counts, plural};

/// `file:line:col` of a span, as the reports print it; empty for a span from no
/// known file. Only formatting: the place comes from [`Sources::locate`].
pub fn location(sources: &Sources, span: Span) -> String {
    sources
        .locate(span)
        .map_or_else(String::new, |at| at.to_string())
}

/// The line a span starts on; 0 for a span from no known file.
pub fn line_of(sources: &Sources, span: Span) -> usize {
    sources.locate(span).map_or(0, |at| at.line)
}

/// `clause 3 detainee_release`, or the kind alone for an unnumbered clause.
pub fn clause_label(clause: &Clause) -> String {
    match &clause.number {
        Some(number) => format!("clause {} {}", number.value, clause.kind_name()),
        None => clause.kind_name().to_string(),
    }
}

/// `Cairo agreement on northern Homs, 2017-08-03, collapsed`: the title, date and
/// latest status, those the document has.
pub fn document_line(document: &Document) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(title) = &document.title {
        parts.push(title.value.to_string());
    }
    if let Some(date) = &document.date {
        parts.push(date.value.text.to_string());
    }
    if let Some(status) = document.status() {
        parts.push(status.to_string());
    }
    parts.join(", ")
}

/// `~`, `+`, `-` or `=`: a row's status as one character, readable without colour.
pub fn marker(status: Status) -> char {
    match status {
        Status::Changed => '~',
        Status::Added => '+',
        Status::Removed => '-',
        Status::Unchanged => '=',
    }
}

/// `2 warnings, 6 infos`: only the severities present, or `no findings`.
pub fn counts_phrase<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> String {
    let counts = Counts::of(findings);
    let mut parts = Vec::new();
    if counts.errors > 0 {
        parts.push(plural(counts.errors, "error", "errors"));
    }
    if counts.warnings > 0 {
        parts.push(plural(counts.warnings, "warning", "warnings"));
    }
    if counts.infos > 0 {
        parts.push(plural(counts.infos, "info", "infos"));
    }
    if parts.is_empty() {
        "no findings".to_string()
    } else {
        parts.join(", ")
    }
}

/// The findings from the gravest down (errors, warnings, infos), each severity
/// in its own order: the order a reader should meet them in.
pub fn by_severity(findings: &[Finding]) -> Vec<(usize, &Finding)> {
    let mut sorted: Vec<(usize, &Finding)> = findings.iter().enumerate().collect();
    // A stable sort: within a severity, findings keep their row order.
    sorted.sort_by_key(|(_, finding)| std::cmp::Reverse(finding.severity));
    sorted
}

/// A party as its document declares it: its name, or its id where it has none
/// (or the document does not declare it).
pub fn party_name<'a>(document: &'a Document, id: &'a str) -> &'a str {
    document
        .party(id)
        .and_then(|party| party.name.as_ref())
        .map_or(id, |name| name.value.as_str())
}
