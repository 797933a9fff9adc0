//! `terms-changed`: any other term of the same clause or document changes.

use super::{
    Change, attribute_gain, change, describe, document_change, document_finding, document_gain,
    or_none, paired_changes, row_finding, signatory_note,
};
use crate::compare::direction::Gain;
use crate::compare::{Step, Term};
use crate::finding::{Finding, Severity};
use crate::rules::{Applies, Check, Rule, Scope, fires, quiet};
use crate::vocabulary::Role;

pub static RULE: Rule = Rule {
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
    check: Check::Comparison(check),
    applies: Applies::Steps,
    cases: &[
        // a count changes
        fires(
            &[&["clause 1", "clause 1"]],
            drafts!(
                "clause 1 evacuation { people civilians; area north_homs; count 200 }",
                "clause 1 evacuation { people civilians; area north_homs; count 150 }",
            ),
        ),
        // a guarantor joins
        fires(
            &[&[]],
            r#"agreement draft_1 {
  party russia "Russia" side third role guarantor
  party turkey "Turkey" side third
  clause 1 ceasefire { by russia }
}
agreement draft_2 {
  party russia "Russia" side third role guarantor
  party turkey "Turkey" side third role guarantor
  clause 1 ceasefire { by russia }
}"#,
        ),
        // identical clauses
        quiet(
            drafts!(
                "clause 1 evacuation { people civilians; area north_homs; text \"leave\" }",
                "clause 1 evacuation { people civilians; area north_homs; text \"leave\" }",
            ),
        ),
    ],
};

fn check(step: &Step, scope: Scope, rule: &Rule, out: &mut Vec<Finding>) {
    match scope {
        Scope::Document => {
            for attribute in step.document.iter().filter(|a| a.changed()) {
                if document_change(attribute) != Change::Other {
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
                out.push(document_finding(step, rule, message, document_gain(attribute)));
            }
        }
        Scope::Row(row) => {
            // Clauses of related kinds pair (a release and an exchange): the
            // change of form is a change of terms.
            if let (Some(older), Some(newer)) = (step.older_clause(row), step.newer_clause(row))
                && older.kind() != newer.kind()
            {
                let message = format!(
                    "{}: kind {} → {}, one matter in another form",
                    describe(step, row),
                    older.kind_name(),
                    newer.kind_name()
                );
                let gain = Gain::none(
                    "the form changes; its terms say who gains",
                    newer.kind().stakes,
                );
                out.push(row_finding(step, row, rule, None, message, gain));
            }
            for attribute in paired_changes(row) {
                if change(step, row, attribute) != Change::Other {
                    continue;
                }
                // A term stated on one side only, where that side rests on
                // reports, is news from the sources: say "now stated".
                let (added, dropped) = match attribute.reported {
                    true => ("now stated", "no longer stated"),
                    false => ("added", "dropped"),
                };
                let change = match (&attribute.older, &attribute.newer) {
                    (None, Some(after)) => format!("{} {added}: {after}", attribute.key()),
                    (Some(before), None) => format!("{} {dropped}: {before}", attribute.key()),
                    (before, after) => {
                        format!(
                            "{} {} → {}",
                            attribute.key(),
                            or_none(before),
                            or_none(after)
                        )
                    }
                };
                let message = format!("{}: {change}", describe(step, row));
                let (key, gain) = (attribute.term.key(), attribute_gain(attribute));
                out.push(row_finding(step, row, rule, key, message, gain));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::comparison::{mentions, messages};

    #[test]
    fn reports_before_after_and_whom_it_favours() {
        let found = messages(
            "terms-changed",
            drafts!(
                "clause 1 evacuation { people civilians; area north_homs; count 200 }",
                "clause 1 evacuation { people civilians; area north_homs; count 150 }",
            ),
        );
        assert_eq!(
            found,
            ["clause 1 evacuation: count 200 → 150; no direction: the clause names no party \
              bound on either side"]
        );
    }

    #[test]
    fn an_added_monitor_favours_those_the_clause_benefits() {
        let found = messages(
            "terms-changed",
            drafts!(
                "clause 1 detainee_release { by regime }",
                "clause 1 detainee_release { by regime; monitor un }",
            ),
        );
        let opposition = "favours the opposition camp (factions)";
        assert!(mentions(&found, &["monitor added: un", opposition]), "{found:?}");
    }
}
