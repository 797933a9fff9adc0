//! Red lines and tests: what a party requires of a proposal, and assertions about
//! documents that `truce test` runs.

use serde::Serialize;

use super::{Document, Value};
use crate::source::{Span, Spanned};
use crate::text::Text;
use crate::vocabulary::{ClauseKind, Key};

/// A party's red lines: `requirements opposition_red_lines { ... }`. Its header
/// (title, sources, declared parties and places) is held as a document with no
/// clauses.
#[derive(Clone, Debug)]
pub struct Requirements {
    pub header: Document,
    /// The party whose red lines these are.
    pub owner: Option<Spanned<Text>>,
    pub items: Vec<Requirement>,
}

impl Requirements {
    pub fn id(&self) -> &str {
        &self.header.id.value
    }

    pub fn item(&self, id: &str) -> Option<&Requirement> {
        self.items.iter().find(|item| item.id.value == id)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequirementMode {
    /// An operative clause of the kind must exist and meet the conditions.
    Require,
    /// No operative clause of the kind (meeting the conditions) may exist.
    Forbid,
    /// A document-level demand: a neutral guarantor, a representative signatory.
    Demand,
}

/// `require detainees detainee_release { has mechanism, deadline }`.
#[derive(Clone, Debug)]
pub struct Requirement {
    pub id: Spanned<Text>,
    pub mode: RequirementMode,
    pub kind: Option<Spanned<&'static ClauseKind>>,
    pub message: Option<Spanned<Text>>,
    /// Attributes the clause must give.
    pub has: Vec<Spanned<Key>>,
    /// Attributes the clause must not give: `forbid ... { lacks choice }` names
    /// evacuations that offer no choice.
    pub lacks: Vec<Spanned<Key>>,
    /// Attributes the clause must give exactly: one number or date, not a range,
    /// a bound or an estimate (`exact count`: "the exact number of detainees").
    pub exact: Vec<Spanned<Key>>,
    /// Bounds on attribute values: `grace at least 6 months`.
    pub bounds: Vec<Bound>,
    /// Document-level demands.
    pub demands: Vec<Spanned<Demand>>,
    pub texts: Vec<Spanned<Text>>,
    pub notes: Vec<Spanned<Text>>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Comparison {
    AtLeast,
    AtMost,
}

impl Comparison {
    pub fn words(self) -> &'static str {
        match self {
            Comparison::AtLeast => "at least",
            Comparison::AtMost => "at most",
        }
    }
}

/// `KEY at least VALUE` or `KEY at most VALUE`.
#[derive(Clone, Debug)]
pub struct Bound {
    pub key: Spanned<Key>,
    pub comparison: Comparison,
    pub value: Value,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Demand {
    /// At least one guarantor that is neither a party to the conflict nor aligned.
    NeutralGuarantor,
    /// At least one guarantor of any kind.
    Guarantor,
    /// A signatory that represents the area the document binds.
    RepresentativeSignatory,
    /// A monitor for the document or each of its ceasefires.
    Monitor,
    /// At least one monitor that is neither a party to the conflict nor aligned:
    /// "UN-approved monitors".
    NeutralMonitor,
}

impl Demand {
    pub const ALL: &[(&str, Demand)] = &[
        ("neutral_guarantor", Demand::NeutralGuarantor),
        ("guarantor", Demand::Guarantor),
        ("representative_signatory", Demand::RepresentativeSignatory),
        ("monitor", Demand::Monitor),
        ("neutral_monitor", Demand::NeutralMonitor),
    ];

    pub fn name(self) -> &'static str {
        Demand::ALL
            .iter()
            .find(|(_, demand)| *demand == self)
            .map_or("", |(name, _)| name)
    }
}

/// `test NAME { document ID ... assertions }`.
#[derive(Clone, Debug)]
pub struct TestBlock {
    pub name: Spanned<Text>,
    pub document: Option<Spanned<Text>>,
    pub against: Option<Spanned<Text>>,
    pub assertions: Vec<Assertion>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Assertion {
    pub kind: AssertionKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum AssertionKind {
    /// The document has an operative clause of each kind.
    Covers { kinds: Vec<Spanned<Text>> },
    /// The document has no operative clause of any of the kinds.
    Lacks { kinds: Vec<Spanned<Text>> },
    /// The rule fires on the document (on the clause, when given).
    Fires {
        rule: Spanned<Text>,
        clause: Option<Spanned<Text>>,
    },
    /// The rule does not fire on the document (on the clause, when given).
    Quiet {
        rule: Spanned<Text>,
        clause: Option<Spanned<Text>>,
    },
    /// The red line, from the test's `against` requirements, has this outcome.
    RedLine {
        requirement: Spanned<Text>,
        expected: RedLineStatus,
    },
}

/// `Serialize` (as the snake-case word) for the reports that write outcomes: the
/// coverage matrix and the red-line JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RedLineStatus {
    Met,
    Unmet,
    Violated,
}

impl RedLineStatus {
    pub fn name(self) -> &'static str {
        match self {
            RedLineStatus::Met => "met",
            RedLineStatus::Unmet => "unmet",
            RedLineStatus::Violated => "violated",
        }
    }
}
