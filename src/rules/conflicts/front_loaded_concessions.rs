//! `front-loaded-concessions`: one side's concessions fall due before, or more firmly than, the protections they buy.

use crate::finding::{Finding, Severity};
use crate::model::{Clause, Point, Strength, When, and_list};
use crate::rules::{Applies, Check, Context, Rule, fires, name, numbered, quiet};
use crate::vocabulary::{Key, kinds};

pub static RULE: Rule = Rule {
    id: "front-loaded-concessions",
    severity: Severity::Warning,
    summary: "one side's concessions fall due before, or more firmly than, the protections they buy",
    explanation: "Once the weapons are handed over and the fighters have left, nothing \
        holds the other side to what it promised in return: a concession with a firm \
        deadline bought with a review, a vow, or a period that never starts is paid \
        for in advance. The Russian 10-item proposal (May 2018) wants heavy weapons by \
        Thursday at 12:00 against \"a vow to review the status of prisoners in mid-May\" \
        and a six-month bar with no start; in Douma (8 April 2018) the fighters leave \
        within 48 hours and the settlement comes only after a full handover of weapons. \
        A protection counts as weaker when it is a pledge, review or intent, waits on a \
        concession, has a period with no start, falls due later, or is an act (a \
        release, a settlement) with no date at all; a bar or a protection from pursuit \
        with no date holds from signing; \
        aid that waits on a concession is `aid-conditioned-on-concession`'s. \
        A warning: sequencing is negotiated, and an analyst weighs it against what the other side could enforce.",
    example: r#"agreement proposal {
  date 2018-05-01
  clause 1 weapons_handover { weapons heavy; deadline 2018-05-03T12:00[Asia/Damascus] }
  clause 7 detainee_release { strength review; review_on mid 2018-05 }
}"#,
    check: Check::Document(check),
    applies: Applies::Keys(&[Key::Deadline]),
    cases: &[
        // fires on a handover due by a date against a review, a pledge with no
        // start, and a settlement after the handover
        fires(
            &[&["clause 1", "clause 2", "clause 7", "clause 8", "clause 5"]],
            r#"agreement a {
  date 2018-05-01
  party regime "Syrian government" side government units army
  party factions "Rebel groups" side opposition
  clause 1 weapons_handover { by factions; weapons heavy; deadline 2018-05-03 }
  clause 7 detainee_release { strength review; review_on mid 2018-05 }
  clause 8 non_entry { barred regime.army; area "the city"; duration 6 months; strength pledge }
  clause 2 evacuation { people fighters, families; deadline within 48 hours of signing }
  clause 5 status_settlement { people "those who stay"; after 4 }
  clause 4 weapons_handover { weapons all }
}"#,
        ),
        // quiet when the protections run with the concession or are due first
        quiet(
            r#"agreement a {
  date 2018-03-21
  clause 1 evacuation { people fighters; deadline within 24 hours of signing }
  clause 2 evacuation { people civilians; deadline within 24 hours of signing }
  clause 3 protection { people "civilians who stay"; from pursuit; start immediate }
  clause 4 weapons_handover { weapons heavy }
}"#,
        ),
    ],
};

/// An exit of armed men: fighters, officers, a party's forces.
fn is_exit(clause: &Clause) -> bool {
    clause.is(&kinds::EVACUATION) && clause.people().iter().any(|actor| actor.is_armed())
}

const NO_DATE: &str = "no date";

fn is_concession(clause: &Clause) -> bool {
    clause.is_concession() || is_exit(clause)
}

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    // The concessions due by a date, the earliest first.
    let mut due: Vec<(&Clause, &When)> = document
        .principal_clauses()
        .filter(|clause| is_concession(clause))
        .filter_map(|clause| Some((clause, clause.resolved(Point::Deadline)?)))
        .collect();
    due.sort_by_key(|(_, when)| when.start);
    let Some((first, earliest)) = due.first().copied() else {
        return;
    };
    let conceding: Vec<String> = due.iter().flat_map(|(clause, _)| clause.bound()).collect();
    let numbers = numbered(document);
    let mut weaker: Vec<(&Clause, String)> = Vec::new();
    for protection in document.principal_clauses() {
        if !protection.is_protection()
            || protection.is(&kinds::CEASEFIRE)
            || is_concession(protection)
            || due.iter().any(|(clause, _)| protection.is_version_of(clause))
            || protection.bound().iter().any(|party| conceding.contains(party))
        {
            continue;
        }
        let waits_on_concession: Vec<&Clause> = protection
            .dependencies()
            .into_iter()
            .filter_map(|number| numbers.get(number.value.as_str()))
            .map(|&index| &document.clauses[index])
            .filter(|clause| is_concession(clause))
            .collect();
        // Aid that waits on a concession is aid-conditioned-on-concession's.
        if protection.brings_relief() && !waits_on_concession.is_empty() {
            continue;
        }
        let how = if let Some(strength) = protection
            .strength()
            .filter(|strength| *strength < Strength::Binding)
        {
            format!("only a {}", strength.name())
        } else if let Some(concession) = waits_on_concession.first() {
            format!("only after {}", concession.label())
        } else if [Key::Deadline, Key::Start, Key::Until]
            .iter()
            .any(|key| protection.has(*key))
        {
            let later = [Point::Deadline, Point::Start]
                .into_iter()
                .filter(|point| protection.has(if *point == Point::Deadline { Key::Deadline } else { Key::Start }))
                .find_map(|point| protection.resolved(point))
                .filter(|when| earliest.end < when.start);
            match later {
                Some(when) => format!("due {}, later", when.text),
                None => continue,
            }
        } else if let Some(duration) = protection.duration(true) {
            format!("a period of {duration} with no start")
        } else if protection.kind().standing {
            // A bar or a protection with no date holds from signing.
            continue;
        } else {
            NO_DATE.to_string()
        };
        weaker.push((protection, how));
    }
    if weaker.is_empty() {
        return;
    }
    let concessions: Vec<String> = due
        .iter()
        .map(|(clause, when)| format!("{} by {}", name(clause), when.text))
        .collect();
    let listed: Vec<String> = weaker
        .iter()
        .map(|(clause, how)| format!("{} ({how})", clause.label()))
        .collect();
    let message = format!(
        "{} {} due first, while the protections in return are weaker: {}",
        and_list(&concessions),
        if due.len() == 1 { "falls" } else { "fall" },
        and_list(&listed)
    );
    let mut clauses: Vec<&Clause> = due.iter().map(|(clause, _)| *clause).collect();
    clauses.extend(weaker.iter().map(|(clause, _)| *clause));
    // "No date" may be only what the reports leave out.
    let finding = if weaker.iter().any(|(_, how)| how == NO_DATE) {
        Finding::absent
    } else {
        Finding::new
    };
    out.push(finding(
        context,
        rule,
        &clauses,
        message,
        first.span_of(Key::Deadline),
    ));
}
