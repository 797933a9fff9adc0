//! `deadline-depends-on-undefined-term`: a fixed deadline on terms the agreement leaves open.

use super::deferred;
use crate::finding::{Finding, Severity};
use crate::model::{Value, and_list};
use crate::rules::{Applies, Check, Context, Rule, fires, name, quiet};
use crate::vocabulary::Key;

pub static RULE: Rule = Rule {
    id: "deadline-depends-on-undefined-term",
    severity: Severity::Warning,
    summary: "a fixed deadline on terms the agreement leaves open",
    explanation: "A deadline on a zone, a line, a list or a quantity that is still to be \
        settled can be missed, or declared missed, at will: the side that defines the \
        term decides whether the other side complied. Item 1 of the Russian 10-item \
        proposal for northern Homs (May 2018) demands \"heavy weapons and some medium \
        weapons by Thursday at 12:00 pm\": which medium weapons is not said. Reads terms \
        the agreement itself defers (`deferred`) and handovers of \"some\" of a class. \
        A warning: the deadline is not wrong, it is unenforceable until the term is defined.",
    example: r#"agreement proposal {
  date 2018-05-01
  clause 1 weapons_handover { weapons heavy, some medium; deadline 2018-05-03T12:00[Asia/Damascus] }
}"#,
    check: Check::Document(check),
    applies: Applies::Keys(&[Key::Deadline]),
    cases: &[
        // fires on part of a class due by a date, and on a line left to talks
        fires(
            &[&["clause 1"], &["clause 2"]],
            r#"agreement a {
  date 2018-05-01
  clause 1 weapons_handover { weapons heavy, some medium; deadline 2018-05-03 }
  clause 2 weapons_withdrawal { weapons heavy; deadline within 14 days of signing; deferred line }
}"#,
        ),
        // quiet with no deadline, or every term defined
        quiet(
            r#"agreement a {
  date 2018-05-01
  clause 1 weapons_handover { weapons heavy, some medium }
  clause 2 weapons_withdrawal { weapons heavy; distance 15 km; deadline within 14 days of signing }
  clause 3 weapons_handover { weapons heavy, medium; deadline 2018-05-03 }
}"#,
        ),
    ],
};

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    for clause in context.document.principal_clauses() {
        let Some(deadline) = clause.get(Key::Deadline) else {
            continue;
        };
        let mut open = deferred(clause)
            .into_iter()
            .map(|term| format!("{term}, which it leaves to later talks"))
            .collect::<Vec<_>>();
        for attribute in clause.all(Key::Weapons) {
            if let Value::Weapons(weapons) = &attribute.value {
                for weapon in weapons {
                    if let Some(quantifier) = &weapon.quantifier {
                        open.push(format!(
                            "\"{quantifier} {}\" weapons, without saying which",
                            weapon.class
                        ));
                    }
                }
            }
        }
        if open.is_empty() {
            continue;
        }
        let message = format!(
            "{} falls due {}, on {}",
            name(clause),
            deadline.value,
            and_list(&open)
        );
        out.push(Finding::new(context, rule, &[clause], message, deadline.span));
    }
}
