//! `short-ultimatum`: an ultimatum leaves less than 72 hours.

use jiff::SignedDuration;

use crate::finding::{Finding, Severity};
use crate::model::{Anchor, Deadline, Precision, Value, When};
use crate::rules::{Applies, Check, Context, Rule, fires, name, quiet};
use crate::vocabulary::{Key, kinds};

pub static RULE: Rule = Rule {
    id: "short-ultimatum",
    severity: Severity::Warning,
    summary: "an ultimatum leaves less than 72 hours",
    explanation: "Less than three days is too short for armed groups to consult the \
        people they answer for, so an ultimatum that short is a demand to surrender \
        rather than an offer to negotiate. The May 2018 proposal was issued on 1 May \
        with a deadline of Thursday 3 May, 12:00 Damascus time.",
    example: r#"agreement proposal {
  date 2018-05-01
  party russia "Russia" side third
  party factions "Rebel groups" side opposition
  clause ultimatum { by russia; against factions; issued 2018-05-01; deadline 2018-05-03T12:00[Asia/Damascus] }
}"#,
    check: Check::Document(check),
    applies: Applies::Kinds(&[&kinds::ULTIMATUM]),
    cases: &[
        // fires under 72 hours
        fires(
            &[&["clause 1"], &["clause 2"], &["clause 3"], &["clause 4"]],
            r#"agreement a {
  date 2018-05-01
  party russia "Russia" side third
  party factions "Rebel groups" side opposition
  clause 1 ultimatum { by russia; against factions; issued 2018-05-01; deadline 2018-05-03T12:00[Asia/Damascus] }
  clause 2 ultimatum { by russia; against factions; issued 2018-05-01T10:00[Europe/London]; deadline 2018-05-03T12:00[Asia/Damascus] }
  clause 3 ultimatum { by russia; against factions; deadline within 48 hours of signing }
  clause 4 ultimatum { by russia; against factions; deadline immediate }
}"#,
        ),
        // quiet at 72 hours or more
        quiet(
            r#"agreement a {
  date 2018-05-01
  party russia "Russia" side third
  party factions "Rebel groups" side opposition
  clause 1 ultimatum { by russia; against factions; deadline 2018-05-03 }
  clause 2 ultimatum { by russia; against factions; issued 2018-05-01T12:00[Asia/Damascus]; deadline 2018-05-04T12:00[Asia/Damascus] }
}"#,
        ),
    ],
};

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    for clause in document.clauses.iter().filter(|c| c.is(&kinds::ULTIMATUM)) {
        let Some(deadline) = clause.get(Key::Deadline) else {
            continue;
        };
        let issued = match clause.get(Key::Issued).map(|a| &a.value) {
            Some(Value::When(when)) => Some(&**when),
            _ => document.date.as_ref().map(|date| &date.value),
        };
        let message = if matches!(deadline.value.deadline(), Some(Deadline::Immediate)) {
            format!("{} demands compliance immediately", name(clause))
        } else {
            let (Some(issued), Some(due)) = (issued, clause.when(Key::Deadline)) else {
                continue;
            };
            // Counted from signing, and issued on signing: the offset is the notice,
            // however vague the date of signing.
            let exact = match deadline.value.deadline() {
                Some(Deadline::Relative {
                    offset,
                    anchor: Anchor::Signing,
                }) if !clause.has(Key::Issued) => offset
                    .after(issued.start)
                    .map(|end| end.duration_since(issued.start)),
                _ => None,
            };
            let Some(notice) = exact.or_else(|| longest_notice(issued, due)) else {
                continue;
            };
            if notice >= ULTIMATUM_MINIMUM {
                continue;
            }
            if notice.is_negative() {
                format!(
                    "{} is due {}, before it was issued ({})",
                    name(clause),
                    due.text,
                    issued.text,
                )
            } else {
                format!(
                    "{} leaves at most {}: issued {}, deadline {}",
                    name(clause),
                    show_notice(notice),
                    issued.text,
                    due.text,
                )
            }
        };
        out.push(Finding::new(
            context,
            rule,
            &[clause],
            message,
            deadline.span,
        ));
    }
}

/// The shortest notice an ultimatum is given in a zone-free comparison.
const ULTIMATUM_MINIMUM: SignedDuration = SignedDuration::from_hours(72);


/// The most time an ultimatum can leave: from the earliest moment it may have been
/// issued to the latest moment its deadline may mean (the end of a day or month
/// given without a time). `None` when zones differ and one is unknown.
fn longest_notice(issued: &When, deadline: &When) -> Option<SignedDuration> {
    let earliest = issued.start;
    let latest = if deadline.precision == Precision::Minute {
        deadline.start
    } else {
        deadline.end
    };
    match (&issued.zone, &deadline.zone) {
        (Some(from), Some(to)) if from != to => {
            let from = crate::model::time_zone(from)?.to_timestamp(earliest).ok()?;
            let to = crate::model::time_zone(to)?.to_timestamp(latest).ok()?;
            Some(to.duration_since(from))
        }
        _ => Some(latest.duration_since(earliest)),
    }
}

fn show_notice(notice: SignedDuration) -> String {
    let hours = notice.as_hours();
    let minutes = notice.as_mins() - hours * 60;
    match (hours, minutes) {
        (1, 0) => "1 hour".to_string(),
        (hours, 0) => format!("{hours} hours"),
        (hours, minutes) => format!("{hours} hours {minutes} minutes"),
    }
}

