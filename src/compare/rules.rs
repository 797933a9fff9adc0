//! The comparison rules: every rule declared once, as data, like the standard
//! catalogue. The ids are stable. Each change between two drafts belongs to
//! exactly one rule ([`classify`]), so nothing is reported twice or lost.

use std::cmp::Ordering;

use super::Step;
use super::diff::{AttributeDiff, Row, Status, Term};
use super::direction::{self, Beneficiary, Favours};
use crate::model::{Clause, Deadline, Strength, Value, date_shift};
use crate::rules::{ClauseRef, Finding, Severity};
use crate::vocabulary::{Backing, Key, Role};

/// What a comparison rule looks at: the document-level terms, or one row.
#[derive(Clone, Copy, Debug)]
pub enum Scope<'r> {
    Document,
    Row(&'r Row),
}

/// One comparison rule. Adding a rule = one entry + one function + two tests.
pub struct CompareRule {
    pub id: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    pub explanation: &'static str,
    /// Two documents, older then newer, on which the rule fires.
    pub example: &'static str,
    pub check: fn(&Step, Scope, &CompareRule, &mut Vec<Finding>),
}

impl CompareRule {
    pub fn about(&self) -> crate::rules::About {
        crate::rules::About {
            id: self.id,
            severity: self.severity,
            summary: self.summary,
            explanation: self.explanation,
            example: self.example,
        }
    }
}

pub static COMPARE_RULES: &[CompareRule] = &[
    CompareRule {
        id: "guarantee-dropped",
        severity: Severity::Warning,
        summary: "a guarantor, monitor, mechanism or deadline of the older draft is gone",
        explanation: "A guarantee that disappears between drafts is easy to miss: the clause \
            still reads the same, but nobody answers for it any more, or it no longer says \
            how or by when it is kept. The party the guarantee protected loses most; the \
            party bound gains room to delay.",
        example: r#"agreement draft_1 {
  date 2018-04-01
  party un "United Nations" side third
  party regime "Syrian government" side government
  party factions "Rebel factions" side opposition
  clause 1 ceasefire { by regime, factions; monitor un }
}
agreement draft_2 {
  date 2018-04-15
  party regime "Syrian government" side government
  party factions "Rebel factions" side opposition
  clause 1 ceasefire { by regime, factions }
}"#,
        check: guarantee_dropped,
    },
    CompareRule {
        id: "commitment-weakened",
        severity: Severity::Warning,
        summary: "the same clause commits less firmly (binding → pledge → review → intent)",
        explanation: "A release that was stipulated becomes a pledge to work toward it, or a \
            vow to review: the words stay close, the obligation goes. On the PA-X scale a \
            binding clause is grade 3, a pledge grade 2, a review or an intent grade 1. \
            Between the Cairo agreement and the 4 October 2017 agreement the detainee release \
            fell from a stipulated release to a file handed to the Russians and a pledge.",
        example: r#"agreement cairo_draft {
  date 2017-08-03
  party regime "Syrian government" side government
  clause detainee_release { holder regime }
}
agreement october_draft {
  date 2017-10-04
  party russia "Russian delegation" side third aligned regime
  party regime "Syrian government" side government
  clause 3 detainee_release { by russia; holder regime; strength pledge }
}"#,
        check: commitment_weakened,
    },
    CompareRule {
        id: "deadline-moved",
        severity: Severity::Info,
        summary: "the same obligation's deadline moves, with direction and size",
        explanation: "A later deadline gives the party that must act more time; an earlier \
            one gives those waiting on it sooner relief, or leaves the party bound less time \
            to comply. Dates compare in the calendar (relative deadlines resolved), and the \
            size is said in words: 3 weeks later.",
        example: r#"agreement draft_1 {
  date 2018-05-01
  party factions "Rebel factions" side opposition
  clause 1 weapons_handover { by factions; weapons heavy; deadline 2018-05-03 }
}
agreement draft_2 {
  date 2018-05-01
  party factions "Rebel factions" side opposition
  clause 1 weapons_handover { by factions; weapons heavy; deadline 2018-05-24 }
}"#,
        check: deadline_moved,
    },
    CompareRule {
        id: "terms-changed",
        severity: Severity::Info,
        summary: "any other term of the same clause or document changes, with before and after",
        explanation: "Everything else that moves between drafts: who is bound, the area, the \
            counts, the conditions, the signatories. Where the direction of a term is known \
            (a condition favours the party bound, a stated destination the evacuees), the \
            finding says whom the change favours. Gen. Loka's second offer dropped the \
            surrender ratio of his first and added a destination and a route.",
        example: r#"agreement first_offer {
  party regime "Syrian government" side government
  clause 1 evacuation { people civilians; ratio 100 fighters surrender per 200 civilians evacuated }
}
agreement second_offer {
  place north_homs "the northern part of Homs countryside" kind region
  party regime "Syrian government" side government
  clause 1 evacuation { people civilians; destination north_homs }
}"#,
        check: terms_changed,
    },
    CompareRule {
        id: "clause-added",
        severity: Severity::Info,
        summary: "a clause of the newer draft has no counterpart in the older",
        explanation: "New obligations: who they bind and whom they benefit. The Russian \
            10-item proposal of May 2018 added a weapons handover, conscription and the \
            deployment of police that the 4 October 2017 agreement did not have.",
        example: r#"agreement draft_1 {
  party regime "Syrian government" side government
  clause 1 ceasefire { by regime }
}
agreement draft_2 {
  party regime "Syrian government" side government
  party factions "Rebel factions" side opposition
  clause 1 ceasefire { by regime }
  clause 2 weapons_handover { by factions; weapons heavy }
}"#,
        check: clause_added,
    },
    CompareRule {
        id: "clause-removed",
        severity: Severity::Warning,
        summary: "a clause of the older draft has no counterpart in the newer",
        explanation: "A term that disappears: a protection lost, or a concession no longer \
            asked. The 10-item proposal of May 2018 kept no ceasefire and no humanitarian \
            corridors from the 4 October 2017 agreement.",
        example: r#"agreement draft_1 {
  party regime "Syrian government" side government
  clause 1 ceasefire { by regime }
  clause 2 humanitarian_access { corridors 5 }
}
agreement draft_2 {
  party regime "Syrian government" side government
  clause 1 ceasefire { by regime }
}"#,
        check: clause_removed,
    },
];

/// The comparison rule with this stable id.
pub fn compare_rule(id: &str) -> Option<&'static CompareRule> {
    COMPARE_RULES.iter().find(|rule| rule.id == id)
}

/// Run every comparison rule: first on the document-level terms, then row by
/// row, so findings come in reading order.
pub fn check(step: &Step) -> Vec<Finding> {
    let mut findings = Vec::new();
    for rule in COMPARE_RULES {
        (rule.check)(step, Scope::Document, rule, &mut findings);
    }
    for row in &step.rows {
        for rule in COMPARE_RULES {
            (rule.check)(step, Scope::Row(row), rule, &mut findings);
        }
    }
    findings
}

/// The rule a changed clause attribute belongs to.
pub fn classify(step: &Step, row: &Row, attribute: &AttributeDiff) -> &'static str {
    let Some(key) = attribute.term.key() else {
        return "terms-changed";
    };
    if key == Key::Strength && strengths(step, row).is_some_and(|(a, b)| b < a) {
        return "commitment-weakened";
    }
    match (&attribute.older, &attribute.newer) {
        (Some(_), None) if key.guarantee().is_some() => "guarantee-dropped",
        (Some(_), Some(_)) if key.timing().is_some_and(|timing| timing.term) => "deadline-moved",
        _ => "terms-changed",
    }
}

/// The rule a changed document-level term belongs to.
pub fn classify_document(attribute: &AttributeDiff) -> &'static str {
    let dropped = !gone(attribute).is_empty();
    if dropped
        && matches!(
            attribute.term,
            Term::Parties(Role::Guarantor | Role::Monitor)
        )
    {
        "guarantee-dropped"
    } else {
        "terms-changed"
    }
}

fn guarantee_dropped(step: &Step, scope: Scope, rule: &CompareRule, out: &mut Vec<Finding>) {
    match scope {
        Scope::Document => {
            for attribute in step.document.iter().filter(|a| a.changed()) {
                if classify_document(attribute) == rule.id {
                    let gone = gone(attribute);
                    let verb = match (attribute.term, gone.len()) {
                        (Term::Parties(Role::Guarantor), 1) => "guarantees",
                        (Term::Parties(Role::Guarantor), _) => "guarantee",
                        (_, 1) => "monitors",
                        _ => "monitor",
                    };
                    let message = format!(
                        "{} {} no longer {verb} the agreement: {} → {}",
                        attribute.key(),
                        crate::model::and_list(&gone),
                        or_none(&attribute.older),
                        or_none(&attribute.newer)
                    );
                    out.push(document_finding(step, rule, message));
                }
            }
        }
        Scope::Row(row) => {
            if let (Status::Removed, Some(backs)) = (row.status, step.kind(row).backs) {
                let message = format!(
                    "{} is gone: nothing in {} {} what it covered",
                    describe(step, row),
                    step.newer.id.value,
                    match backs {
                        Backing::Guarantees => "guarantees",
                        Backing::Monitors => "monitors",
                    }
                );
                out.push(row_finding(step, row, rule, None, message));
                return;
            }
            for attribute in paired_changes(row) {
                if classify(step, row, attribute) == rule.id {
                    let message = format!(
                        "{}: {} ({}) is gone{}",
                        describe(step, row),
                        attribute.key(),
                        or_none(&attribute.older),
                        favours(&attribute.favours)
                    );
                    out.push(row_finding(step, row, rule, attribute.term.key(), message));
                }
            }
        }
    }
}

fn commitment_weakened(step: &Step, scope: Scope, rule: &CompareRule, out: &mut Vec<Finding>) {
    let Scope::Row(row) = scope else { return };
    let Some((before, after)) = strengths(step, row) else {
        return;
    };
    if after >= before {
        return;
    }
    let Some(attribute) = row
        .changes()
        .find(|a| a.term == Term::Attribute(Key::Strength))
    else {
        return;
    };
    let stated = step
        .older_clause(row)
        .is_some_and(|clause| clause.strength().is_some());
    let message = format!(
        "{}: the commitment weakens from {}{} to {} (PA-X grade {} → {}){}",
        describe(step, row),
        before.name(),
        if stated { "" } else { " (a plain obligation)" },
        after.name(),
        before.pax_grade(),
        after.pax_grade(),
        favours(&attribute.favours)
    );
    out.push(row_finding(step, row, rule, Some(Key::Strength), message));
}

fn deadline_moved(step: &Step, scope: Scope, rule: &CompareRule, out: &mut Vec<Finding>) {
    let Scope::Row(row) = scope else { return };
    let (Some(older), Some(newer)) = (step.older_clause(row), step.newer_clause(row)) else {
        return;
    };
    for attribute in paired_changes(row) {
        if classify(step, row, attribute) != rule.id {
            continue;
        }
        let Some(key) = attribute.term.key() else {
            continue;
        };
        let movement = match shift(older, newer, key) {
            Some((size, Ordering::Greater)) => format!(" {size} later"),
            Some((size, Ordering::Less)) => format!(" {size} earlier"),
            _ => String::new(),
        };
        let message = format!(
            "{}: {key} moves{movement}, {} → {}{}",
            describe(step, row),
            or_none(&attribute.older),
            or_none(&attribute.newer),
            favours(&attribute.favours)
        );
        out.push(row_finding(step, row, rule, Some(key), message));
    }
}

fn terms_changed(step: &Step, scope: Scope, rule: &CompareRule, out: &mut Vec<Finding>) {
    match scope {
        Scope::Document => {
            for attribute in step.document.iter().filter(|a| a.changed()) {
                if classify_document(attribute) != rule.id {
                    continue;
                }
                let mut message = format!(
                    "{} {} → {}",
                    attribute.key(),
                    or_none(&attribute.older),
                    or_none(&attribute.newer)
                );
                if attribute.term == Term::Parties(Role::Signatory) {
                    message.push_str(&signatory_note(step, attribute));
                }
                out.push(document_finding(step, rule, message));
            }
        }
        Scope::Row(row) => {
            for attribute in paired_changes(row) {
                if classify(step, row, attribute) != rule.id {
                    continue;
                }
                let change = match (&attribute.older, &attribute.newer) {
                    (None, Some(after)) => format!("{} added: {after}", attribute.key()),
                    (Some(before), None) => format!("{} dropped: {before}", attribute.key()),
                    (before, after) => {
                        format!(
                            "{} {} → {}",
                            attribute.key(),
                            or_none(before),
                            or_none(after)
                        )
                    }
                };
                let message = format!(
                    "{}: {change}{}",
                    describe(step, row),
                    favours(&attribute.favours)
                );
                out.push(row_finding(step, row, rule, attribute.term.key(), message));
            }
        }
    }
}

fn clause_added(step: &Step, scope: Scope, rule: &CompareRule, out: &mut Vec<Finding>) {
    let Scope::Row(row) = scope else { return };
    let Some(clause) = step
        .newer_clause(row)
        .filter(|_| row.status == Status::Added)
    else {
        return;
    };
    let favoured = direction::favours_clause(Beneficiary::Beneficiaries, step.newer, clause);
    let message = format!(
        "{} is new ({}){}",
        describe(step, row),
        clause.kind.value.summary,
        favours(&favoured)
    );
    out.push(row_finding(step, row, rule, None, message));
}

fn clause_removed(step: &Step, scope: Scope, rule: &CompareRule, out: &mut Vec<Finding>) {
    let Scope::Row(row) = scope else { return };
    let Some(clause) = step
        .older_clause(row)
        .filter(|_| row.status == Status::Removed)
    else {
        return;
    };
    let favoured = direction::favours_clause(Beneficiary::Bound, step.older, clause);
    let what = if clause.is_protection() {
        "a protection"
    } else if clause.is_concession() {
        "a concession"
    } else {
        "a term"
    };
    let message = format!(
        "{} is gone: {what} ({}) with no counterpart in {}{}",
        describe(step, row),
        clause.kind.value.summary,
        step.newer.id.value,
        favours(&favoured)
    );
    out.push(row_finding(step, row, rule, None, message));
}

// Shared by the rules.

/// The changed attributes of a pair; none for an added or removed clause, whose
/// every attribute is new or gone with it.
fn paired_changes(row: &Row) -> impl Iterator<Item = &AttributeDiff> {
    row.changes()
        .filter(move |_| row.older.is_some() && row.newer.is_some())
}

/// The two strengths of a paired row; an absent strength is binding (a plain
/// obligation, as the language reference says).
fn strengths(step: &Step, row: &Row) -> Option<(Strength, Strength)> {
    let of = |clause: &Clause| clause.strength().unwrap_or(Strength::Binding);
    Some((of(step.older_clause(row)?), of(step.newer_clause(row)?)))
}

/// `clause 3 detainee_release`, `ceasefire`, `clause 5 services (was clause 3)`.
pub fn describe(step: &Step, row: &Row) -> String {
    let number = |clause: Option<&Clause>| {
        clause.and_then(|clause| clause.number.as_ref().map(|n| n.value.clone()))
    };
    let older = number(step.older_clause(row));
    let newer = number(step.newer_clause(row));
    let kind = step.kind(row).name;
    let main = if row.status == Status::Removed {
        older.clone()
    } else {
        newer.clone()
    };
    let mut out = match main {
        Some(number) => format!("clause {number} {kind}"),
        None => kind.to_string(),
    };
    if row.status != Status::Removed
        && let Some(was) = older.filter(|was| Some(was) != newer.as_ref())
    {
        out.push_str(&format!(" (was clause {was})"));
    }
    out
}

fn or_none(value: &Option<String>) -> &str {
    value.as_deref().unwrap_or("none")
}

fn favours(favours: &Option<Favours>) -> String {
    favours
        .as_ref()
        .map(|favours| format!("; {}", favours.phrase()))
        .unwrap_or_default()
}

/// The ids of a document-level list that the newer document no longer has.
fn gone(attribute: &AttributeDiff) -> Vec<String> {
    let ids = |value: &Option<String>| -> Vec<String> {
        value
            .as_deref()
            .map(|list| list.split(", ").map(str::to_string).collect())
            .unwrap_or_default()
    };
    let newer = ids(&attribute.newer);
    ids(&attribute.older)
        .into_iter()
        .filter(|id| !newer.contains(id))
        .collect()
}

/// `; negotiations_committee signs (represents north_homs); snc no longer signs`.
fn signatory_note(step: &Step, attribute: &AttributeDiff) -> String {
    let reversed = AttributeDiff {
        term: attribute.term,
        older: attribute.newer.clone(),
        newer: attribute.older.clone(),
        favours: None,
    };
    let mut note = String::new();
    for id in gone(&reversed) {
        note.push_str(&format!("; {id} now signs"));
        if let Some(party) = step.newer.party(&id)
            && !party.represents.is_empty()
        {
            let places: Vec<String> = party
                .represents
                .iter()
                .map(|place| place.value.to_string())
                .collect();
            note.push_str(&format!(
                " (represents {})",
                crate::model::and_list(&places)
            ));
        }
    }
    let gone = gone(attribute);
    if !gone.is_empty() {
        let verb = if gone.len() == 1 { "signs" } else { "sign" };
        note.push_str(&format!(
            "; {} no longer {verb}",
            crate::model::and_list(&gone)
        ));
    }
    note
}

fn row_finding(
    step: &Step,
    row: &Row,
    rule: &CompareRule,
    key: Option<Key>,
    message: String,
) -> Finding {
    let older = step.older_clause(row);
    let newer = step.newer_clause(row);
    // Point at the newer clause (at the attribute where it has it); a removed
    // clause, or an attribute only the older states, points into the older.
    let span = match (key, newer, older) {
        (Some(key), Some(new), _) if new.has(key) => new.span_of(key),
        (Some(key), _, Some(old)) if old.has(key) && newer.is_none() => old.span_of(key),
        (_, Some(new), _) => new.span,
        (_, None, Some(old)) => old.span,
        (_, None, None) => step.newer.id.span,
    };
    Finding {
        rule: rule.id,
        severity: rule.severity,
        document: step.newer.id.value.clone(),
        clauses: older.into_iter().chain(newer).map(ClauseRef::of).collect(),
        message,
        span,
    }
}

fn document_finding(step: &Step, rule: &CompareRule, message: String) -> Finding {
    Finding {
        rule: rule.id,
        severity: rule.severity,
        document: step.newer.id.value.clone(),
        clauses: Vec::new(),
        message,
        span: step.newer.id.span,
    }
}

/// How far a date-valued attribute moves, and which way: from the dates where
/// both resolve, else from the offsets of two deadlines relative to signing.
fn shift(older: &Clause, newer: &Clause, key: Key) -> Option<(String, Ordering)> {
    if let (Some(a), Some(b)) = (older.when(key), newer.when(key)) {
        return date_shift(a, b);
    }
    let relative = |clause: &Clause| {
        clause
            .all(key)
            .find_map(|attribute| match &attribute.value {
                Value::Deadline(Deadline::Relative { offset, .. }) => Some(*offset),
                _ => None,
            })
    };
    let (a, b) = (relative(older)?, relative(newer)?);
    if a.unit == b.unit {
        let difference = b.amount - a.amount;
        let size = crate::model::Duration {
            amount: difference.abs(),
            unit: a.unit,
        };
        return Some((size.to_string(), difference.cmp(&0)));
    }
    None
}
