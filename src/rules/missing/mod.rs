//! Missing guarantees: what an agreement leaves out that the people it protects
//! would need. Every check reads only operative clauses (`document.clauses`): a
//! recital binds nobody and never satisfies a requirement.

use crate::model::{Clause, Document};
use crate::vocabulary::{Family, Key, kinds};

family! {
    detainee_no_mechanism,
    detainee_no_deadline,
    weak_commitment,
    evacuation_no_destination,
    evacuation_no_safe_passage,
    no_guarantor,
    partisan_guarantor,
    ceasefire_no_monitoring,
    unbounded_exclusion,
    unrepresented_population,
    obligation_on_non_signatory,
}

/// " (the source leaves it unstated)" when the encoder marked the gap.
fn unstated_note(clause: &Clause, key: Key) -> &'static str {
    if clause.is_unstated(key) {
        " (the source leaves it unstated)"
    } else {
        ""
    }
}

/// A release or exchange of detainees or prisoners.
fn is_detainee_clause(clause: &Clause) -> bool {
    clause.kind().family == Some(Family::Detainees)
}

fn evacuations(document: &Document) -> impl Iterator<Item = &Clause> {
    document
        .clauses
        .iter()
        .filter(|clause| clause.is(&kinds::EVACUATION))
}
