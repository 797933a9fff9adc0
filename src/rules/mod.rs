//! The rule catalogue: every rule declared once, as data.

use serde::Serialize;

use crate::model::{Clause, Corpus, Document};
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
