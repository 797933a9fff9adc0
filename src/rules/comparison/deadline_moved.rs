//! `deadline-moved`: the same obligation's deadline moves, with direction and size.

use std::cmp::Ordering;

use super::{Change, attribute_gain, change, describe, or_none, paired_changes, row_finding};
use crate::compare::Step;
use crate::compare::time::{Frame, shift};
use crate::finding::{Finding, Severity};
use crate::rules::{Applies, Check, Rule, Scope, fires, quiet};

pub static RULE: Rule = Rule {
    id: "deadline-moved",
    severity: Severity::Info,
    summary: "the same obligation's deadline moves, with direction and size",
    explanation: "A later deadline gives the party that must act more time; an earlier \
        one gives those waiting on it sooner relief, or leaves the party bound less time \
        to comply. Drafts of one date compare dates in the calendar (relative deadlines \
        resolved); drafts of different dates compare each date from its own draft's \
        entry into force or date, so 'immediately' in October and 'within 3 days of \
        signing' in May is 3 days later, not seven months. The size is said in words: \
        3 weeks later.",
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
    applies: Applies::Steps,
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
        let shift = shift((step.older, older), (step.newer, newer), key);
        let movement = match &shift {
            Some(shift) if shift.direction == Ordering::Greater => format!(" {} later", shift.size),
            Some(shift) if shift.direction == Ordering::Less => format!(" {} earlier", shift.size),
            Some(_) => " nowhere".to_string(),
            None => String::new(),
        };
        let counted = match shift.map(|shift| shift.frame) {
            Some(Frame::Relative) => " counted from each draft's own date",
            _ => "",
        };
        let message = format!(
            "{}: {key} moves{movement}{counted}, {} → {}",
            describe(step, row),
            or_none(&attribute.older),
            or_none(&attribute.newer),
        );
        let gain = attribute_gain(attribute);
        out.push(row_finding(step, row, rule, Some(key), message, gain));
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
        assert!(later[0].ends_with("favours the opposition camp (factions): more time to act"), "{later:?}");
        let earlier = messages(
            "deadline-moved",
            drafts!(
                "clause 1 detainee_release { by regime; deadline within 30 days of signing }",
                "clause 1 detainee_release { by regime; deadline within 14 days of signing }",
            ),
        );
        assert!(earlier[0].contains("16 days earlier"), "{earlier:?}");
        assert!(earlier[0].contains("favours the opposition camp (factions)"), "{earlier:?}");
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
