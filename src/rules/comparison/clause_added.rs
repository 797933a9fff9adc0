//! `clause-added`: a clause of the newer draft has no counterpart in the older.

use super::{ONE_CLAUSE_REPLACED, RENUMBERED, describe, row_finding};
use crate::compare::direction;
use crate::compare::{Status, Step};
use crate::finding::{Finding, Severity};
use crate::rules::{Applies, Check, Rule, Scope, fires, quiet};

pub static RULE: Rule = Rule {
    id: "clause-added",
    severity: Severity::Info,
    summary: "a clause of the newer draft has no counterpart in the older",
    explanation: "New obligations: who they bind and whom they benefit. The Russian \
        10-item proposal of May 2018 added a weapons handover, conscription and the \
        deployment of police that the 4 October 2017 agreement did not have.",
    example: r#"agreement draft_1 {
  party regime "Syrian government" side government
  clause 1 ceasefire { by regime }
}
agreement draft_2 {
  party regime "Syrian government" side government
  party factions "Rebel factions" side opposition
  clause 1 ceasefire { by regime }
  clause 2 weapons_handover { by factions; weapons heavy }
}"#,
    check: Check::Comparison(check),
    applies: Applies::Steps,
    cases: &[
        // a clause only the newer draft has
        fires(&[&["clause 2"]], ONE_CLAUSE_REPLACED),
        // a renumbered clause pairs
        quiet(RENUMBERED),
    ],
};

fn check(step: &Step, scope: Scope, rule: &Rule, out: &mut Vec<Finding>) {
    let Scope::Row(row) = scope else { return };
    let Some(clause) = step
        .newer_clause(row)
        .filter(|_| row.status == Status::Added)
    else {
        return;
    };
    let message = format!("{} is new ({})", describe(step, row), clause.kind.value.summary);
    let gain = direction::of_clause(true, step.newer, clause);
    out.push(row_finding(step, row, rule, None, message, gain));
}

#[cfg(test)]
mod tests {
    use crate::rules::comparison::messages;

    #[test]
    fn says_what_is_new_and_whom_it_favours() {
        let found = messages(
            "clause-added",
            drafts!(
                "clause 1 ceasefire { by regime }",
                "clause 1 ceasefire { by regime }\n  clause 2 weapons_handover { by factions }",
            ),
        );
        assert_eq!(found.len(), 1);
        assert!(found[0].contains("clause 2 weapons_handover"), "{found:?}");
        // The factions give up their weapons: the other camp gains.
        let gain = "favours the government camp (regime): what the other side gives up";
        assert!(found[0].ends_with(gain), "{found:?}");
    }
}
