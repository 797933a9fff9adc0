//! `clause-removed`: a clause of the older draft has no counterpart in the newer.

use super::{
    Change, ONE_CLAUSE_REPLACED, RENUMBERED, absence, describe, removal, row_finding,
};
use crate::compare::direction;
use crate::compare::{Status, Step};
use crate::finding::{Finding, Severity};
use crate::rules::{Applies, Check, Rule, Scope, fires, quiet};

pub static RULE: Rule = Rule {
    id: "clause-removed",
    severity: Severity::Warning,
    summary: "a clause of the older draft has no counterpart in the newer",
    explanation: "A term that disappears: a protection lost, or a concession no longer \
        asked. The 10-item proposal of May 2018 kept no ceasefire and no humanitarian \
        corridors from the 4 October 2017 agreement.",
    example: r#"agreement draft_1 {
  party regime "Syrian government" side government
  party factions "Rebel factions" side opposition
  clause 1 ceasefire { by regime }
  clause 2 weapons_handover { by factions; weapons heavy }
}
agreement draft_2 {
  party regime "Syrian government" side government
  party factions "Rebel factions" side opposition
  clause 1 ceasefire { by regime }
}"#,
    check: Check::Comparison(check),
    applies: Applies::Steps,
    cases: &[
        // a clause only the older draft has
        fires(&[&["clause 2"]], ONE_CLAUSE_REPLACED),
        // a protection whose kind the newer draft still has
        fires(
            &[&["clause 2"]],
            drafts!(
                "clause 1 ceasefire { by regime }\n  clause 2 detainee_release { by regime }\n  clause 3 detainee_release { by factions }",
                "clause 1 ceasefire { by regime }\n  clause 3 detainee_release { by factions }",
            ),
        ),
        // a renumbered clause pairs
        quiet(RENUMBERED),
        // a protection with nothing of its kind left is `guarantee-dropped`
        quiet(drafts!(
            "clause 1 ceasefire { by regime }\n  clause 2 humanitarian_access { corridors 5 }",
            "clause 1 ceasefire { by regime }",
        )),
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
    if removal(step, row) != Change::Other {
        return;
    }
    let what = if clause.is_protection() {
        "a protection"
    } else if clause.is_concession() {
        "a concession"
    } else {
        "a term"
    };
    let message = format!(
        "{} is gone: {what} ({}) with no counterpart in {}",
        describe(step, row),
        clause.kind.value.summary,
        step.newer.id.value,
    );
    let gain = direction::of_clause(false, step.older, clause);
    out.push(absence(step, row_finding(step, row, rule, None, message, gain)));
}

#[cfg(test)]
mod tests {
    use crate::rules::comparison::messages;

    #[test]
    fn says_what_is_gone_and_whom_that_favours() {
        let found = messages(
            "clause-removed",
            drafts!(
                "clause 1 ceasefire { by regime }\n  clause 2 weapons_handover { by factions }",
                "clause 1 ceasefire { by regime }",
            ),
        );
        let expected = "clause 2 weapons_handover is gone: a concession (weapons given up to \
            another party) with no counterpart in draft_2; favours the opposition camp \
            (factions): it served the government camp (what the other side gives up)";
        assert_eq!(found, [expected]);
    }
}
