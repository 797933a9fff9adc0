//! Comparing drafts: what a newer draft keeps, adds, drops, hardens or softens
//! against the older one. [`crate::compare`] aligns the two and diffs every
//! attribute; these rules turn the step into findings.
//!
//! Each change between two drafts belongs to exactly one rule: `change` says
//! what a change is (a commitment weakened, a guarantee dropped, a date moved, or
//! anything else), and each rule reports only its own kind, so nothing is
//! reported twice or lost.

use crate::compare::direction::Gain;
use crate::compare::{AttributeDiff, Row, Status, Step, Term};
use crate::finding::{ClauseRef, Finding};
use crate::model::{Clause, Strength};
use crate::rules::Rule;
use crate::vocabulary::{Key, Role};

/// Two drafts in the north of Homs, older first, with these clause lines: the
/// form of most comparison cases.
macro_rules! drafts {
    ($older:literal, $newer:literal $(,)?) => {
        concat!(
            "agreement draft_1 {\n",
            drafts!(@header),
            "  ",
            $older,
            "\n}\nagreement draft_2 {\n",
            drafts!(@header),
            "  ",
            $newer,
            "\n}\n"
        )
    };
    (@header) => {
        "  date 2018-04-01
  place north_homs \"Northern Homs countryside\" kind region
  party un \"United Nations\" side third
  party regime \"Syrian government\" side government
  party factions \"Rebel factions\" side opposition
"
    };
}

/// A clause that goes and another that comes in its place: the case of both
/// `clause-added` and `clause-removed`.
const ONE_CLAUSE_REPLACED: &str = drafts!(
    "clause 1 ceasefire { by regime }\n  clause 2 weapons_handover { by factions }",
    "clause 1 ceasefire { by regime }\n  clause 2 humanitarian_access { corridors 5 }",
);

/// The same clause under a new number: it pairs, and nothing is added or removed.
const RENUMBERED: &str = drafts!(
    "clause 1 ceasefire { by regime }",
    "clause 4 ceasefire { by regime }",
);

family! {
    drafts_out_of_order,
    same_document,
    guarantee_dropped,
    commitment_weakened,
    deadline_moved,
    terms_changed,
    clause_added,
    clause_removed,
}

/// What a comparison rule looks at: the document-level terms, or one row.
#[derive(Clone, Copy, Debug)]
pub enum Scope<'r> {
    Document,
    Row(&'r Row),
}

/// What a change between two drafts is, and so which rule reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Change {
    /// The same clause commits less firmly: `commitment-weakened`.
    Weakened,
    /// A guarantor, monitor, mechanism or deadline is gone: `guarantee-dropped`.
    GuaranteeDropped,
    /// A date the clause states moves: `deadline-moved`.
    Moved,
    /// Anything else: `terms-changed`.
    Other,
}

/// The changed attributes of a pair; none for an added or removed clause, whose
/// every attribute is new or gone with it.
fn paired_changes(row: &Row) -> impl Iterator<Item = &AttributeDiff> {
    row.changes()
        .filter(move |_| row.older.is_some() && row.newer.is_some())
}

/// The two strengths of a paired row; an absent strength is binding (a plain
/// obligation, as the language reference says).
fn strengths(step: &Step, row: &Row) -> Option<(Strength, Strength)> {
    Some((
        step.older_clause(row)?.commitment(),
        step.newer_clause(row)?.commitment(),
    ))
}

/// `clause 3 detainee_release`, `ceasefire`, `clause 5 services (was clause 3)`.
fn describe(step: &Step, row: &Row) -> String {
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
    // A clause one source alone gives (one version of a disputed text) says so.
    if let Some(clause) = step
        .newer_clause(row)
        .filter(|clause| !clause.source.is_empty())
    {
        let sources: Vec<String> = clause.source.iter().map(|s| s.value.to_string()).collect();
        out.push_str(&format!(" ({} version)", crate::model::and_list(&sources)));
    }
    let older_kind = step.older_clause(row).map(Clause::kind_name);
    let kind_changed = row.status == Status::Changed && older_kind.is_some_and(|old| old != kind);
    if row.status != Status::Removed {
        match (
            older.filter(|was| Some(was) != newer.as_ref() || kind_changed),
            older_kind,
        ) {
            (Some(was), Some(old)) if kind_changed => {
                out.push_str(&format!(" (was clause {was} {old})"))
            }
            (Some(was), _) => out.push_str(&format!(" (was clause {was})")),
            (None, Some(old)) if kind_changed => out.push_str(&format!(" (was {old})")),
            _ => {}
        }
    }
    out
}

fn or_none(value: &Option<String>) -> &str {
    value.as_deref().unwrap_or("none")
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
        gain: None,
        reported: false,
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
            // Who represents the area is what changed, where no one who signed
            // the older draft spoke for it.
            let represented_before = step.older.signatories().any(|signer| {
                signer
                    .speaks_for()
                    .iter()
                    .any(|place| places.iter().any(|p| p == place))
            });
            let unrepresented = if represented_before {
                String::new()
            } else {
                format!(
                    ", which no signatory of {} represented",
                    step.older.id.value
                )
            };
            note.push_str(&format!(
                " (represents {}{unrepresented})",
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

/// A finding on a row, with whom the change favours said at the end.
fn row_finding(
    step: &Step,
    row: &Row,
    rule: &Rule,
    key: Option<Key>,
    message: String,
    gain: Gain,
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
        message: crate::finding::one_line(format!("{message}; {}", gain.phrase())).into(),
        span,
        basis: None,
        gain: Some(Box::new(gain)),
    }
}

/// A finding that something of the older draft is gone from the newer one. What
/// it rests on is the newer draft's evidence: where only reports of it are at
/// hand, the reports leave the term out (`as reported, ...`), which is not the
/// text dropping it.
fn absence(step: &Step, finding: Finding) -> Finding {
    let basis = step.newer.basis();
    let message = match basis {
        crate::model::Basis::Text => finding.message,
        crate::model::Basis::Reports => format!("as reported, {}", finding.message).into(),
    };
    Finding {
        basis: Some(basis),
        message,
        ..finding
    }
}

fn document_finding(step: &Step, rule: &Rule, message: String, gain: Gain) -> Finding {
    Finding {
        rule: rule.id,
        severity: rule.severity,
        document: step.newer.id.value.clone(),
        clauses: Default::default(),
        message: crate::finding::one_line(format!("{message}; {}", gain.phrase())).into(),
        span: step.newer.id.span,
        basis: None,
        gain: Some(Box::new(gain)),
    }
}

/// Whom a change of a document-level term favours: none in general. Who signs
/// or guarantees serves every side's terms alike; what matters is whom they
/// represent, which the signatories' note says.
fn document_gain(attribute: &AttributeDiff) -> Gain {
    let why = match attribute.term {
        Term::Parties(Role::Guarantor | Role::Monitor) => {
            "a guarantor or monitor answers for every side's terms"
        }
        Term::Parties(_) => "who takes part serves no camp by itself; whom they represent decides",
        _ => "the region a draft names serves no camp by itself",
    };
    Gain::none(why, 1)
}

/// The gain of a changed attribute of a pair (set by the diff on every one).
fn attribute_gain(attribute: &AttributeDiff) -> Gain {
    attribute
        .gain
        .clone()
        .unwrap_or_else(|| Gain::none("no direction was measured", 1))
}

/// What a change of a clause attribute is.
fn change(step: &Step, row: &Row, attribute: &AttributeDiff) -> Change {
    let Some(key) = attribute.term.key() else {
        return Change::Other;
    };
    if key == Key::Strength && strengths(step, row).is_some_and(|(a, b)| b < a) {
        return Change::Weakened;
    }
    match (&attribute.older, &attribute.newer) {
        (Some(_), None) if key.guarantee().is_some() => Change::GuaranteeDropped,
        (Some(_), Some(_)) if key.timing().is_some_and(|timing| timing.term) => Change::Moved,
        _ => Change::Other,
    }
}

/// What a clause with no counterpart in the newer draft is: a guarantee
/// dropped where it guaranteed or monitored others, or protected people and the
/// newer draft has nothing of its kind or family left; else a removal.
fn removal(step: &Step, row: &Row) -> Change {
    let Some(clause) = step
        .older_clause(row)
        .filter(|_| row.status == Status::Removed)
    else {
        return Change::Other;
    };
    let kind = clause.kind();
    let kept = |other: &Clause| {
        other.is(kind) || (kind.family.is_some() && other.kind().family == kind.family)
    };
    if kind.backs.is_some() || (clause.is_protection() && !step.newer.clauses.iter().any(kept)) {
        Change::GuaranteeDropped
    } else {
        Change::Other
    }
}

/// What a change of a document-level term is.
fn document_change(attribute: &AttributeDiff) -> Change {
    let dropped = !gone(attribute).is_empty();
    if dropped
        && matches!(
            attribute.term,
            Term::Parties(Role::Guarantor | Role::Monitor)
        )
    {
        Change::GuaranteeDropped
    } else {
        Change::Other
    }
}

/// The messages of every comparison finding of `rule` between the first two
/// documents of `text`.
#[cfg(test)]
fn messages(rule: &str, text: &str) -> Vec<String> {
    let loaded = crate::load_str("drafts.truce", text);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let documents = &loaded.corpus.documents;
    crate::rules::compare(&documents[0], &documents[1])
        .findings
        .into_iter()
        .filter(|finding| finding.rule == rule)
        .map(|finding| finding.message.to_string())
        .collect()
}

/// Whether one of the messages has every one of the words.
#[cfg(test)]
fn mentions(messages: &[String], words: &[&str]) -> bool {
    messages
        .iter()
        .any(|message| words.iter().all(|word| message.contains(word)))
}
