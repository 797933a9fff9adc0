//! `deadline-order`: a clause that must follow another is due no later than it.

use crate::finding::{Finding, Severity};
use crate::model::Point;
use crate::rules::{Check, Context, Rule, fires, name, numbered, quiet};
use crate::vocabulary::Key;

pub static RULE: Rule = Rule {
    id: "deadline-order",
    severity: Severity::Error,
    summary: "a clause that must follow another is due no later than it",
    explanation: "If clause A comes after clause B but A's deadline is not later than \
        B's, one of the two deadlines must be missed, and the party bound by A is in \
        breach through no fault of its own. Sequenced exchanges (weapons, then \
        services, then return) are where this bites.",
    example: r#"agreement proposal {
  date 2018-05-01
  clause 1 weapons_handover { weapons heavy; deadline 2018-05-10 }
  clause 2 services { services water; after 1; deadline 2018-05-05 }
}"#,
    check: Check::Document(check),
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
        // quiet when follower is due later
        quiet(
            r#"agreement a {
  date 2018-05-01
  clause 1 weapons_handover { weapons heavy; deadline 2018-05-10 }
  clause 2 services { services water; after 1; deadline day 5 after clause 1 ends }
  clause 3 return_of_displaced { people residents; after 1 }
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
        for reference in later.names(Key::After) {
            let Some(&index) = numbers.get(reference.value.as_str()) else {
                continue;
            };
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
                let message = format!(
                    "{} comes after {} but is due {}, no later than {}'s {what} {}",
                    name(later),
                    earlier.label(),
                    due.text,
                    earlier.label(),
                    first_due.text,
                );
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
