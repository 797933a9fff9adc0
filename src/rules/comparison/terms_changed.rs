//! `terms-changed`: any other term of the same clause or document changes.

use super::{
    Change, change, describe, document_change, document_finding, favours, or_none,
    paired_changes, row_finding, signatory_note,
};
use crate::compare::{Step, Term};
use crate::finding::{Finding, Severity};
use crate::rules::{Check, Rule, Scope, fires, quiet};
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
                out.push(document_finding(step, rule, message));
            }
        }
        Scope::Row(row) => {
            for attribute in paired_changes(row) {
                if change(step, row, attribute) != Change::Other {
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
            ["clause 1 evacuation: count 200 → 150; favours the party the clause binds"]
        );
    }

    #[test]
    fn an_added_monitor_favours_those_the_clause_benefits() {
        let found = messages(
            "terms-changed",
            drafts!(
                "clause 1 ceasefire { by regime }",
                "clause 1 ceasefire { by regime; monitor un }",
            ),
        );
        assert!(mentions(&found, &["monitor added: un", "favours factions"]), "{found:?}");
    }
}
