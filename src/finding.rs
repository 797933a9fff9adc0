//! What a rule found: one type for the document rules and the comparison rules
//! alike, which every renderer reads.

use serde::Serialize;

use crate::model::{Basis, Clause};
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
    pub number: Option<crate::text::Text>,
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
    pub document: crate::text::Text,
    pub clauses: Vec<ClauseRef>,
    pub message: String,
    /// Where the finding points: the most specific span (an attribute, a clause, or
    /// the document's id).
    pub span: Span,
    /// For a finding that something is missing: whether the text lacks it or the
    /// reports of the text leave it out. `None` for every other finding.
    pub basis: Option<Basis>,
    /// For a comparison finding: whom the change favours, by camp, or that it
    /// has no direction. `None` for a document finding.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gain: Option<crate::compare::direction::Gain>,
}

/// A finding's message as one line: a line break in text quoted from a source
/// is written `\\n`, so it cannot start a line that looks like truce's own (a
/// forged `-->` location).
pub fn one_line(message: String) -> String {
    if !message.contains(['\n', '\r']) {
        return message;
    }
    message.replace('\n', "\\n").replace('\r', "\\r")
}
