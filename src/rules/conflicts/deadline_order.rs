//! `deadline-order`: a clause that must follow another is due no later than it.

use crate::finding::{Finding, Severity};
use crate::model::Point;
use crate::rules::{Applies, Check, Context, Rule, fires, name, numbered, quiet};
use crate::vocabulary::{Key, Wait};

pub static RULE: Rule = Rule {
    id: "deadline-order",
    severity: Severity::Error,
    summary: "a clause that must follow another is due no later than it",
    explanation: "If clause A comes after clause B (`after`), or is conditional on it \
        (`if`), but A's deadline is not later than B's, one of the two deadlines must \
        be missed, and the party bound by A is in breach through no fault of its own. \
        Sequenced exchanges (weapons, then services, then return) are where this bites.",
    example: r#"agreement proposal {
  date 2018-05-01
  clause 1 weapons_handover { weapons heavy; deadline 2018-05-10 }
  clause 2 services { services water; after 1; deadline 2018-05-05 }
}"#,
    check: Check::Document(check),
    applies: Applies::Keys(&[Key::Deadline]),
    cases: &[
        // fires when follower is due no later
        fires(
            &[&["clause 2", "clause 1"], &["clause 3", "clause 1"], &["clause 5", "clause 4"]],
            r#"agreement a {
  date 2018-05-01
  clause 1 weapons_handover { weapons heavy; deadline 2018-05-10 }
  clause 2 services { services water; after 1; deadline 2018-05-10 }
  clause 3 return_of_displaced { people residents; after 1; deadline 2018-05-05 }
  clause 4 ceasefire { duration 6 months }
  clause 5 political_process { forum "Astana"; after 4; deadline 2018-09-01 }
}"#,
        ),
        // fires when a conditional clause is due no later than its condition
        fires(
            &[&["clause 2", "clause 1"]],
            r#"agreement a {
  date 2018-05-01
  clause 1 weapons_handover { weapons heavy; deadline 2018-05-10 }
  clause 2 detainee_release { mechanism "lists"; if 1; deadline 2018-05-08 }
}"#,
        ),
        // quiet when follower is due later
        quiet(
            r#"agreement a {
  date 2018-05-01
  clause 1 weapons_handover { weapons heavy; deadline 2018-05-10 }
  clause 2 services { services water; after 1; deadline day 5 after clause 1 ends }
  clause 3 return_of_displaced { people residents; after 1 }
  clause 4 detainee_release { mechanism "lists"; if 1; deadline 2018-05-20 }
  clause 5 prisoner_exchange { in_exchange_for 1; deadline 2018-05-10 }
}"#,
        ),
    ],
};

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    let numbers = numbered(document);
    for later in &document.clauses {
        let Some(due) = later.when(Key::Deadline) else {
            continue;
        };
        let sequenced = later
            .waits_on()
            .into_iter()
            .filter(|(key, _)| key.wait() == Some(Wait::Sequenced));
        // A clause both `after` and `if` another is reported once.
        let mut reported: Vec<usize> = Vec::new();
        for (how, reference) in sequenced {
            let Some(&index) = numbers.get(reference.value.as_str()) else {
                continue;
            };
            if reported.contains(&index) {
                continue;
            }
            let earlier = &document.clauses[index];
            if !earlier.same_report(later) {
                continue;
            }
            if std::ptr::eq(earlier, later) {
                continue;
            }
            // What comes after a clause comes after its deadline, or after its end
            // (`until`, `duration`) when it has no deadline.
            let Some(first_due) = earlier.when(Key::Deadline).or(earlier.resolved(Point::End))
            else {
                continue;
            };
            if due.start <= first_due.start {
                let what = if earlier.has(Key::Deadline) {
                    Key::Deadline.name()
                } else {
                    "end"
                };
                let follows = match how {
                    Key::If => "is conditional on",
                    _ => "comes after",
                };
                let message = format!(
                    "{} {follows} {} but is due {}, no later than {}'s {what} {}",
                    name(later),
                    earlier.label(),
                    due.text,
                    earlier.label(),
                    first_due.text,
                );
                reported.push(index);
                out.push(Finding::new(
                    context,
                    rule,
                    &[later, earlier],
                    message,
                    reference.span,
                ));
            }
        }
    }
}
