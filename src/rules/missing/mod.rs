//! Missing guarantees: what an agreement leaves out that the people it protects
//! would need. Every check reads only operative clauses (`document.clauses`): a
//! recital binds nobody and never satisfies a requirement.

use crate::finding::Finding;
use crate::model::{Clause, Document};
use crate::rules::{Context, Rule, name};
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
    unbound_obligation,
}

/// A finding at each of `clauses` that does not state `key`: "clause 7 (detainee
/// release) `lacks`", and a note where the encoder marked the gap.
fn each_without<'a>(
    context: &Context,
    rule: &Rule,
    out: &mut Vec<Finding>,
    clauses: impl Iterator<Item = &'a Clause>,
    key: Key,
    lacks: &str,
) {
    for clause in clauses.filter(|clause| !clause.has(key)) {
        let message = format!("{} {lacks}{}", name(clause), unstated_note(clause, key));
        out.push(Finding::absent(
            context,
            rule,
            &[clause],
            message,
            clause.span,
        ));
    }
}

/// " (the source leaves it unstated)" when the encoder marked the gap.
fn unstated_note(clause: &Clause, key: Key) -> &'static str {
    if clause.is_unstated(key) {
        " (the source leaves it unstated)"
    } else {
        ""
    }
}

/// The releases and exchanges of detainees or prisoners.
fn detainee_clauses(document: &Document) -> impl Iterator<Item = &Clause> {
    document
        .principal_clauses()
        .filter(|clause| clause.kind().family == Some(Family::Detainees))
}

fn evacuations(document: &Document) -> impl Iterator<Item = &Clause> {
    document
        .principal_clauses()
        .filter(|clause| clause.is(&kinds::EVACUATION))
}
