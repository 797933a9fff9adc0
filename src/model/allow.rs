//! `allow RULE "reason"`: a gap the analyst accepts, recorded with why. On a
//! document it covers the rule's findings on the whole document; in a clause,
//! those that point into the clause or name it. Which findings it covers is
//! decided in [`crate::suppress`], after the rules have run.

use super::{Clause, Document};
use crate::source::{Span, Spanned};
use crate::text::Text;

#[derive(Clone, Debug, PartialEq)]
pub struct Allow {
    /// The rule id as written; ids are matched without regard to case.
    pub rule: Spanned<Text>,
    /// Why the gap is accepted: required, shown with every finding it covers.
    pub reason: Spanned<Text>,
    pub span: Span,
}

impl Allow {
    /// The rule id in the registry's spelling (ids are lower case).
    pub fn rule_id(&self) -> String {
        self.rule.value.to_ascii_lowercase()
    }
}

impl Document {
    /// Every `allow` of the document, its own (with no clause) and its clauses'
    /// and recitals' (with theirs), in source order within each.
    pub fn every_allow(&self) -> impl Iterator<Item = (Option<&Clause>, &Allow)> {
        let own = self.allows.iter().map(|allow| (None, allow));
        let clauses = self
            .recitals
            .iter()
            .chain(&self.clauses)
            .flat_map(|clause| clause.allows.iter().map(move |allow| (Some(clause), allow)));
        own.chain(clauses)
    }
}
