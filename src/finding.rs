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
#[derive(Clone, Debug, PartialEq)]
pub struct ClauseRef {
    pub number: Option<crate::text::Text>,
    pub kind: &'static str,
    pub span: Span,
}

impl ClauseRef {
    pub fn of(clause: &Clause) -> ClauseRef {
        ClauseRef {
            number: clause.number.as_ref().map(|n| n.value.clone()),
            kind: clause.kind_name(),
            span: clause.span,
        }
    }

    /// `clause 7`, or the kind for unnumbered clauses, as [`Clause::label`]
    /// gives it: made when shown, not kept with every finding.
    pub fn label(&self) -> String {
        match &self.number {
            Some(number) => format!("clause {number}"),
            None => self.kind.to_string(),
        }
    }
}

impl Serialize for ClauseRef {
    /// With its label, as library users have read it.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("ClauseRef", 4)?;
        out.serialize_field("label", &self.label())?;
        out.serialize_field("number", &self.number)?;
        out.serialize_field("kind", self.kind)?;
        out.serialize_field("span", &self.span)?;
        out.end()
    }
}

/// One thing a rule found.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub document: crate::text::Text,
    pub clauses: thin_vec::ThinVec<ClauseRef>,
    /// Shared with equal messages of the same check (see [`crate::text::pooled`]):
    /// many rules say the same of many documents.
    pub message: crate::text::Text,
    /// Where the finding points: the most specific span (an attribute, a clause, or
    /// the document's id).
    pub span: Span,
    /// For a finding that something is missing: whether the text lacks it or the
    /// reports of the text leave it out. `None` for every other finding.
    pub basis: Option<Basis>,
    /// For a comparison finding: whom the change favours, by camp, or that it
    /// has no direction. `None` for a document finding. Boxed: most findings
    /// are a document's, and would pay for its size.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gain: Option<Box<crate::compare::direction::Gain>>,
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
