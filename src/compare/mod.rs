//! Comparing drafts: what each keeps, adds, drops, hardens or softens.
//!
//! The stages, one file each; data moves one way:
//!
//! - [`mod@select`]: command-line arguments (document ids or files) → documents of
//!   one loaded corpus.
//! - [`subject`]: what a clause is about (who is bound, what, where).
//! - [`align`]: the clauses of the older document paired with the newer's, by
//!   kind and subject, never by number (its doc comment says how it scales).
//! - [`diff`]: for each row, every attribute before and after and a word diff
//!   of the texts; the document-level terms (signatories, guarantors, region).
//! - [`direction`]: whom each change favours, from the vocabulary's directions.
//!
//! The comparison rules (`crate::rules::comparison`) then turn a step into the
//! same [`Finding`]s the document rules report: [`crate::rules::compare`] and
//! [`crate::rules::thread`] align and check in one call. Renderers live in
//! `report::compare_text`, `compare_markdown`, `compare_json` and
//! `compare_html`; they read a [`Thread`] and never re-compare.

pub mod align;
pub mod diff;
pub mod direction;
pub mod findings;
pub mod select;
pub mod show;
pub mod subject;
pub mod time;

pub use diff::{AttributeDiff, Row, Status, Term, WordOp, Words};
pub use select::{Selection, select};

use crate::finding::Finding;
use crate::model::{Clause, Document};
use crate::vocabulary::{ClauseKind, Side, Vocabulary, kinds};
use direction::Gain;

/// One document against the one before it.
#[derive(Clone, Debug)]
pub struct Step<'a> {
    pub older: &'a Document,
    pub newer: &'a Document,
    /// Document-level terms on both sides.
    pub document: Vec<AttributeDiff>,
    /// The clause rows, in reading order.
    pub rows: Vec<Row>,
    /// What the comparison rules found, in row order (empty until
    /// [`crate::rules::compare`] runs them).
    pub findings: Vec<Finding>,
    /// Findings of `check` on the older draft that the newer no longer
    /// gives, and findings on the newer the older did not give (empty unless
    /// [`crate::rules::thread_in`] fills them).
    pub resolved: Vec<Finding>,
    pub appeared: Vec<Finding>,
}

impl<'a> Step<'a> {
    pub fn older_clause(&self, row: &Row) -> Option<&'a Clause> {
        row.older.map(|index| &self.older.clauses[index])
    }

    pub fn newer_clause(&self, row: &Row) -> Option<&'a Clause> {
        row.newer.map(|index| &self.newer.clauses[index])
    }

    /// The clause kind of a row.
    pub fn kind(&self, row: &Row) -> &'static ClauseKind {
        self.newer_clause(row)
            .or(self.older_clause(row))
            .map_or(&kinds::OTHER, Clause::kind)
    }
}

/// How a step's changes fall by camp: how many favour each, how many have no
/// direction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Balance {
    pub government: usize,
    pub opposition: usize,
    pub third: usize,
    pub undirected: usize,
}

impl Balance {
    /// `3 changes favour the government camp, 1 the opposition camp; 7 have no
    /// direction`: only the camps some change favours.
    pub fn phrase(&self) -> String {
        let mut parts = Vec::new();
        for (count, camp) in [
            (self.government, Side::Government),
            (self.opposition, Side::Opposition),
            (self.third, Side::Third),
        ] {
            if count > 0 {
                parts.push(format!("{count} {}", direction::camp_name(camp)));
            }
        }
        let favour = if parts.is_empty() {
            "no change favours either camp".to_string()
        } else {
            format!("changes that favour each camp: {}", parts.join(", "))
        };
        format!("{favour}; {} with no direction", self.undirected)
    }
}

impl Step<'_> {
    /// How the comparison findings' changes fall by camp.
    pub fn balance(&self) -> Balance {
        let mut balance = Balance::default();
        for gain in self
            .findings
            .iter()
            .filter_map(|finding| finding.gain.as_ref())
        {
            match gain.camp {
                Some(Side::Government) => balance.government += 1,
                Some(Side::Opposition) => balance.opposition += 1,
                Some(Side::Third) => balance.third += 1,
                None => balance.undirected += 1,
            }
        }
        balance
    }

    /// The [`WEIGHTIEST`] weightiest changes, with their indices in
    /// `findings`: by weight, then severity, those with a direction before
    /// those without, in reading order among equals.
    pub fn weightiest(&self) -> Vec<(usize, &Finding)> {
        let mut changes: Vec<(usize, &Finding, &Gain)> = self
            .findings
            .iter()
            .enumerate()
            .filter_map(|(index, finding)| Some((index, finding, finding.gain.as_deref()?)))
            .collect();
        changes.sort_by_key(|(_, finding, gain)| {
            (
                std::cmp::Reverse(gain.weight),
                std::cmp::Reverse(finding.severity),
                gain.camp.is_none(),
            )
        });
        changes
            .into_iter()
            .take(WEIGHTIEST)
            .map(|(index, finding, _)| (index, finding))
            .collect()
    }
}

/// How many of a step's weightiest changes the reports open with.
pub const WEIGHTIEST: usize = 5;

/// A negotiation thread: each document against the one before it.
#[derive(Clone, Debug)]
pub struct Thread<'a> {
    pub documents: Vec<&'a Document>,
    pub steps: Vec<Step<'a>>,
}

impl Thread<'_> {
    /// Every finding of every step, in step order.
    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.steps.iter().flat_map(|step| step.findings.iter())
    }

    /// Which clause kinds each document has: the kinds any document has, in the
    /// vocabulary's order (then any kind it lacks, in order of appearance), each
    /// with its count of operative clauses per document.
    pub fn kinds(&self) -> Vec<(&'static str, Vec<usize>)> {
        let mut present: Vec<&'static ClauseKind> = Vec::new();
        for clause in self.documents.iter().flat_map(|document| &document.clauses) {
            if !present.iter().any(|kind| clause.is(kind)) {
                present.push(clause.kind());
            }
        }
        let order = |kind: &ClauseKind| {
            Vocabulary::standard()
                .kinds()
                .iter()
                .position(|known| *known == kind)
                .unwrap_or(usize::MAX)
        };
        // A stable sort: kinds the vocabulary lacks keep their order of appearance.
        present.sort_by_key(|kind| order(kind));
        present
            .into_iter()
            .map(|kind| {
                let counts = self
                    .documents
                    .iter()
                    .map(|document| document.clauses.iter().filter(|c| c.is(kind)).count())
                    .collect();
                (kind.name, counts)
            })
            .collect()
    }
}

/// Align an older document with a newer one and diff every row; the comparison
/// rules are not run (see [`crate::rules::compare`]).
pub fn step<'a>(older: &'a Document, newer: &'a Document) -> Step<'a> {
    let alignment = align::align(&older.clauses, &newer.clauses);
    Step {
        older,
        newer,
        document: diff::document(older, newer),
        rows: diff::rows(older, newer, &alignment),
        findings: Vec::new(),
        resolved: Vec::new(),
        appeared: Vec::new(),
    }
}
