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
    no_violation_procedure,
    unilateral_guarantee,
    status_settlement_no_protection,
    surrender_without_protection,
    detainee_list_unverified,
    forced_displacement_risk,
    evacuation_single_destination,
    preamble_only_protection,
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

/// The status settlements that settle someone's status: not those that only
/// reissue documents or let students and employees resume, which give what they
/// state.
fn settlements(document: &Document) -> impl Iterator<Item = &Clause> {
    document
        .principal_clauses()
        .filter(|clause| settles_status(clause))
}

fn settles_status(clause: &Clause) -> bool {
    clause.is(&kinds::STATUS_SETTLEMENT) && !clause.has(Key::Resumes) && !clause.has(Key::Documents)
}

/// The operative clauses that protect people from arrest, pursuit or reprisal.
fn protections(document: &Document) -> impl Iterator<Item = &Clause> {
    document
        .clauses
        .iter()
        .filter(|clause| clause.is(&kinds::PROTECTION))
}

/// Whether a settlement states what it protects against, or answers for it.
fn settlement_protects(clause: &Clause) -> bool {
    clause.has(Key::Protection) || clause.has(Key::Offences) || clause.has_guarantor()
}

/// Whether those who stay have a stated protection: a protection clause, a
/// settlement that says what it protects against or has a guarantor, or a
/// guarantor of the whole agreement.
fn staying_is_protected(document: &Document) -> bool {
    protections(document).next().is_some()
        || settlements(document).any(settlement_protects)
        || document.has_guarantor()
}
