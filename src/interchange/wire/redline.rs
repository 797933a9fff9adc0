//! Red lines and `test` blocks as the format writes them.

use serde::{Deserialize, Serialize};

use super::{Document, IntoModel, KeyName, KindName, Span, Spanned, Str, ToWire, Value, words};
use crate::model;

/// A party's red lines; the header is a document with no clauses.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requirements<'a> {
    #[serde(borrow)]
    pub header: Document<'a>,
    #[serde(borrow)]
    pub owner: Option<Spanned<Str<'a>>>,
    #[serde(borrow)]
    pub items: Vec<Requirement<'a>>,
}

impl ToWire for model::Requirements {
    type Wire = Requirements<'static>;
    fn to_wire(&self) -> Requirements<'static> {
        let model::Requirements {
            header,
            owner,
            items,
        } = self;
        Requirements {
            header: header.to_wire(),
            owner: owner.to_wire(),
            items: items.to_wire(),
        }
    }
}

impl IntoModel for Requirements<'_> {
    type Model = model::Requirements;
    fn into_model(self) -> model::Requirements {
        model::Requirements {
            header: self.header.into_model(),
            owner: self.owner.into_model(),
            items: self.items.into_model(),
        }
    }
}

words! {
    /// Whether a red line requires, forbids or demands.
    RequirementMode = model::RequirementMode { Require, Forbid, Demand }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requirement<'a> {
    #[serde(borrow)]
    pub id: Spanned<Str<'a>>,
    pub mode: RequirementMode,
    #[serde(deserialize_with = "super::optional_kind")]
    pub kind: Option<Spanned<KindName>>,
    #[serde(borrow)]
    pub message: Option<Spanned<Str<'a>>>,
    pub has: Vec<Spanned<KeyName>>,
    /// Added within version 1: older files have none.
    #[serde(default)]
    pub lacks: Vec<Spanned<KeyName>>,
    /// Added within version 1: older files have none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exact: Vec<Spanned<KeyName>>,
    #[serde(borrow)]
    pub bounds: Vec<Bound<'a>>,
    pub demands: Vec<Spanned<Demand>>,
    #[serde(borrow)]
    pub texts: Vec<Spanned<Str<'a>>>,
    #[serde(borrow)]
    pub notes: Vec<Spanned<Str<'a>>>,
    pub span: Span,
}

impl ToWire for model::Requirement {
    type Wire = Requirement<'static>;
    fn to_wire(&self) -> Requirement<'static> {
        let model::Requirement {
            id,
            mode,
            kind,
            message,
            has,
            lacks,
            exact,
            bounds,
            demands,
            texts,
            notes,
            span,
        } = self;
        Requirement {
            id: id.to_wire(),
            mode: mode.to_wire(),
            kind: kind.to_wire(),
            message: message.to_wire(),
            has: has.to_wire(),
            lacks: lacks.to_wire(),
            exact: exact.to_wire(),
            bounds: bounds.to_wire(),
            demands: demands.to_wire(),
            texts: texts.to_wire(),
            notes: notes.to_wire(),
            span: span.to_wire(),
        }
    }
}

impl IntoModel for Requirement<'_> {
    type Model = model::Requirement;
    fn into_model(self) -> model::Requirement {
        model::Requirement {
            id: self.id.into_model(),
            mode: self.mode.into_model(),
            kind: self.kind.into_model(),
            message: self.message.into_model(),
            has: self.has.into_model(),
            lacks: self.lacks.into_model(),
            exact: self.exact.into_model(),
            bounds: self.bounds.into_model(),
            demands: self.demands.into_model(),
            texts: self.texts.into_model(),
            notes: self.notes.into_model(),
            span: self.span.into_model(),
        }
    }
}

words! {
    /// `at least` or `at most`.
    Comparison = model::Comparison { AtLeast, AtMost }
}

/// `KEY at least VALUE` or `KEY at most VALUE`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bound<'a> {
    pub key: Spanned<KeyName>,
    pub comparison: Comparison,
    #[serde(borrow)]
    pub value: Value<'a>,
    pub span: Span,
}

impl ToWire for model::Bound {
    type Wire = Bound<'static>;
    fn to_wire(&self) -> Bound<'static> {
        let model::Bound {
            key,
            comparison,
            value,
            span,
        } = self;
        Bound {
            key: key.to_wire(),
            comparison: comparison.to_wire(),
            value: value.to_wire(),
            span: span.to_wire(),
        }
    }
}

impl IntoModel for Bound<'_> {
    type Model = model::Bound;
    fn into_model(self) -> model::Bound {
        model::Bound {
            key: self.key.into_model(),
            comparison: self.comparison.into_model(),
            value: self.value.into_model(),
            span: self.span.into_model(),
        }
    }
}

words! {
    /// A document-level demand.
    Demand = model::Demand { NeutralGuarantor, Guarantor, RepresentativeSignatory, Monitor, NeutralMonitor }
}

/// `test NAME { document ID ... assertions }`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TestBlock<'a> {
    #[serde(borrow)]
    pub name: Spanned<Str<'a>>,
    #[serde(borrow)]
    pub document: Option<Spanned<Str<'a>>>,
    #[serde(borrow)]
    pub against: Option<Spanned<Str<'a>>>,
    #[serde(borrow)]
    pub assertions: Vec<Assertion<'a>>,
    pub span: Span,
}

impl ToWire for model::TestBlock {
    type Wire = TestBlock<'static>;
    fn to_wire(&self) -> TestBlock<'static> {
        let model::TestBlock {
            name,
            document,
            against,
            assertions,
            span,
        } = self;
        TestBlock {
            name: name.to_wire(),
            document: document.to_wire(),
            against: against.to_wire(),
            assertions: assertions.to_wire(),
            span: span.to_wire(),
        }
    }
}

impl IntoModel for TestBlock<'_> {
    type Model = model::TestBlock;
    fn into_model(self) -> model::TestBlock {
        model::TestBlock {
            name: self.name.into_model(),
            document: self.document.into_model(),
            against: self.against.into_model(),
            assertions: self.assertions.into_model(),
            span: self.span.into_model(),
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assertion<'a> {
    #[serde(borrow)]
    pub kind: AssertionKind<'a>,
    pub span: Span,
}

impl ToWire for model::Assertion {
    type Wire = Assertion<'static>;
    fn to_wire(&self) -> Assertion<'static> {
        let model::Assertion { kind, span } = self;
        Assertion {
            kind: kind.to_wire(),
            span: span.to_wire(),
        }
    }
}

impl IntoModel for Assertion<'_> {
    type Model = model::Assertion;
    fn into_model(self) -> model::Assertion {
        model::Assertion {
            kind: self.kind.into_model(),
            span: self.span.into_model(),
        }
    }
}

/// One assertion of a test: `{ "assert": "fires", "rule": ..., "clause": ... }`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(tag = "assert", rename_all = "snake_case")]
pub enum AssertionKind<'a> {
    Covers {
        #[serde(borrow)]
        kinds: Vec<Spanned<Str<'a>>>,
    },
    Lacks {
        #[serde(borrow)]
        kinds: Vec<Spanned<Str<'a>>>,
    },
    Fires {
        #[serde(borrow)]
        rule: Spanned<Str<'a>>,
        #[serde(borrow)]
        clause: Option<Spanned<Str<'a>>>,
    },
    Quiet {
        #[serde(borrow)]
        rule: Spanned<Str<'a>>,
        #[serde(borrow)]
        clause: Option<Spanned<Str<'a>>>,
    },
    RedLine {
        #[serde(borrow)]
        requirement: Spanned<Str<'a>>,
        expected: RedLineStatus,
    },
}

impl ToWire for model::AssertionKind {
    type Wire = AssertionKind<'static>;
    fn to_wire(&self) -> AssertionKind<'static> {
        use model::AssertionKind as Model;
        match self {
            Model::Covers { kinds } => AssertionKind::Covers {
                kinds: kinds.to_wire(),
            },
            Model::Lacks { kinds } => AssertionKind::Lacks {
                kinds: kinds.to_wire(),
            },
            Model::Fires { rule, clause } => AssertionKind::Fires {
                rule: rule.to_wire(),
                clause: clause.to_wire(),
            },
            Model::Quiet { rule, clause } => AssertionKind::Quiet {
                rule: rule.to_wire(),
                clause: clause.to_wire(),
            },
            Model::RedLine {
                requirement,
                expected,
            } => AssertionKind::RedLine {
                requirement: requirement.to_wire(),
                expected: expected.to_wire(),
            },
        }
    }
}

impl IntoModel for AssertionKind<'_> {
    type Model = model::AssertionKind;
    fn into_model(self) -> model::AssertionKind {
        use model::AssertionKind as Model;
        match self {
            AssertionKind::Covers { kinds } => Model::Covers {
                kinds: kinds.into_model(),
            },
            AssertionKind::Lacks { kinds } => Model::Lacks {
                kinds: kinds.into_model(),
            },
            AssertionKind::Fires { rule, clause } => Model::Fires {
                rule: rule.into_model(),
                clause: clause.into_model(),
            },
            AssertionKind::Quiet { rule, clause } => Model::Quiet {
                rule: rule.into_model(),
                clause: clause.into_model(),
            },
            AssertionKind::RedLine {
                requirement,
                expected,
            } => Model::RedLine {
                requirement: requirement.into_model(),
                expected: expected.into_model(),
            },
        }
    }
}

words! {
    /// A red line's outcome, as a test expects it.
    RedLineStatus = model::RedLineStatus { Met, Unmet, Violated }
}
