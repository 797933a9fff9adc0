//! `clause-removed`: a clause of the older draft has no counterpart in the newer.

use super::{ONE_CLAUSE_REPLACED, RENUMBERED, absence, describe, favours, row_finding};
use crate::compare::direction::{self, Beneficiary};
use crate::compare::{Status, Step};
use crate::finding::{Finding, Severity};
use crate::rules::{Check, Rule, Scope, fires, quiet};

pub static RULE: Rule = Rule {
    id: "clause-removed",
    severity: Severity::Warning,
    summary: "a clause of the older draft has no counterpart in the newer",
    explanation: "A term that disappears: a protection lost, or a concession no longer \
        asked. The 10-item proposal of May 2018 kept no ceasefire and no humanitarian \
        corridors from the 4 October 2017 agreement.",
    example: r#"agreement draft_1 {
  party regime "Syrian government" side government
  clause 1 ceasefire { by regime }
  clause 2 humanitarian_access { corridors 5 }
}
agreement draft_2 {
  party regime "Syrian government" side government
  clause 1 ceasefire { by regime }
}"#,
    check: Check::Comparison(check),
    cases: &[
        // a clause only the older draft has
        fires(&[&["clause 2"]], ONE_CLAUSE_REPLACED),
        // a renumbered clause pairs
        quiet(RENUMBERED),
    ],
};

fn check(step: &Step, scope: Scope, rule: &Rule, out: &mut Vec<Finding>) {
    let Scope::Row(row) = scope else { return };
    let Some(clause) = step
        .older_clause(row)
        .filter(|_| row.status == Status::Removed)
    else {
        return;
    };
    let favoured = direction::favours_clause(Beneficiary::Bound, step.older, clause);
    let what = if clause.is_protection() {
        "a protection"
    } else if clause.is_concession() {
        "a concession"
    } else {
        "a term"
    };
    let message = format!(
        "{} is gone: {what} ({}) with no counterpart in {}{}",
        describe(step, row),
        clause.kind.value.summary,
        step.newer.id.value,
        favours(&favoured)
    );
    out.push(absence(step, row_finding(step, row, rule, None, message)));
}

#[cfg(test)]
mod tests {
    use crate::rules::comparison::messages;

    #[test]
    fn says_what_is_gone() {
        let found = messages(
            "clause-removed",
            drafts!(
                "clause 1 ceasefire { by regime }\n  clause 2 humanitarian_access { corridors 5 }",
                "clause 1 ceasefire { by regime }",
            ),
        );
        assert_eq!(found.len(), 1);
        assert!(found[0].contains("clause 2 humanitarian_access is gone: a protection"), "{found:?}");
    }
}
