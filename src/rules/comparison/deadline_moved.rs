//! `deadline-moved`: the same obligation's deadline moves, with direction and size.

use std::cmp::Ordering;

use super::{Change, change, describe, favours, or_none, paired_changes, row_finding, shift};
use crate::compare::Step;
use crate::finding::{Finding, Severity};
use crate::rules::{Check, Rule, Scope, fires, quiet};

pub static RULE: Rule = Rule {
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
    check: Check::Comparison(check),
    cases: &[
        // a deadline three weeks later
        fires(
            &[&["clause 1", "clause 1"]],
            drafts!(
                "clause 1 weapons_handover { by factions; deadline 2018-05-03T12:00[Asia/Damascus] }",
                "clause 1 weapons_handover { by factions; deadline 2018-05-24T12:00[Asia/Damascus] }",
            ),
        ),
        // a relative deadline earlier
        fires(
            &[&["clause 1", "clause 1"]],
            drafts!(
                "clause 1 detainee_release { by regime; deadline within 30 days of signing }",
                "clause 1 detainee_release { by regime; deadline within 14 days of signing }",
            ),
        ),
        // the deadline stays
        quiet(
            drafts!(
                "clause 1 weapons_handover { by factions; deadline 2018-05-03 }",
                "clause 1 weapons_handover { by factions; deadline 2018-05-03; weapons heavy }",
            ),
        ),
    ],
};

fn check(step: &Step, scope: Scope, rule: &Rule, out: &mut Vec<Finding>) {
    let Scope::Row(row) = scope else { return };
    let (Some(older), Some(newer)) = (step.older_clause(row), step.newer_clause(row)) else {
        return;
    };
    for attribute in paired_changes(row) {
        if change(step, row, attribute) != Change::Moved {
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

#[cfg(test)]
mod tests {
    use crate::rules::comparison::{mentions, messages};

    #[test]
    fn says_direction_size_and_whom_it_favours() {
        let later = messages(
            "deadline-moved",
            drafts!(
                "clause 1 weapons_handover { by factions; deadline 2018-05-03T12:00[Asia/Damascus] }",
                "clause 1 weapons_handover { by factions; deadline 2018-05-24T12:00[Asia/Damascus] }",
            ),
        );
        assert!(later[0].contains("deadline moves 3 weeks later"), "{later:?}");
        assert!(later[0].contains("favours factions, bound by the clause"), "{later:?}");
        let earlier = messages(
            "deadline-moved",
            drafts!(
                "clause 1 detainee_release { by regime; deadline within 30 days of signing }",
                "clause 1 detainee_release { by regime; deadline within 14 days of signing }",
            ),
        );
        assert!(earlier[0].contains("16 days earlier"), "{earlier:?}");
        assert!(earlier[0].contains("favours detainees"), "{earlier:?}");
    }

    #[test]
    fn an_added_attribute_beside_a_kept_deadline_is_a_change_of_terms() {
        let text = drafts!(
            "clause 1 weapons_handover { by factions; deadline 2018-05-03 }",
            "clause 1 weapons_handover { by factions; deadline 2018-05-03; weapons heavy }",
        );
        assert!(mentions(&messages("terms-changed", text), &["weapons added: heavy"]));
    }
}
