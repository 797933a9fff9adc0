//! `commitment-weakened`: the same clause commits less firmly.

use super::{Change, attribute_gain, change, describe, paired_changes, row_finding, strengths};
use crate::compare::Step;
use crate::finding::{Finding, Severity};
use crate::rules::{Applies, Check, Rule, Scope, fires, quiet};
use crate::vocabulary::Key;

pub static RULE: Rule = Rule {
    id: "commitment-weakened",
    severity: Severity::Warning,
    summary: "the same clause commits less firmly (binding → pledge → review → intent)",
    explanation: "A release that was stipulated becomes a pledge to work toward it, or a \
        vow to review: the words stay close, the obligation goes. On the PA-X scale a \
        binding clause is grade 3, a pledge grade 2, a review or an intent grade 1. \
        Between the Cairo agreement and the 4 October 2017 agreement the detainee release \
        fell from a stipulated release to a file handed to the Russians and a pledge.",
    example: r#"agreement cairo_draft {
  date 2017-08-03
  party regime "Syrian government" side government
  clause detainee_release { holder regime }
}
agreement october_draft {
  date 2017-10-04
  party russia "Russian delegation" side third aligned regime
  party regime "Syrian government" side government
  clause 3 detainee_release { by russia; holder regime; strength pledge }
}"#,
    check: Check::Comparison(check),
    applies: Applies::Steps,
    cases: &[
        // a pledge becomes a review
        fires(
            &[&["clause 7", "clause 7"]],
            drafts!(
                "clause 7 detainee_release { by regime; strength pledge }",
                "clause 7 detainee_release { by regime; strength review }",
            ),
        ),
        // a plain obligation becomes an intent
        fires(
            &[&["clause 7", "clause 7"]],
            drafts!(
                "clause 7 detainee_release { by regime }",
                "clause 7 detainee_release { by regime; strength intent }",
            ),
        ),
        // the commitment hardens
        quiet(
            drafts!(
                "clause 7 detainee_release { by regime; strength review }",
                "clause 7 detainee_release { by regime }",
            ),
        ),
    ],
};

fn check(step: &Step, scope: Scope, rule: &Rule, out: &mut Vec<Finding>) {
    let Scope::Row(row) = scope else { return };
    let Some(attribute) =
        paired_changes(row).find(|attribute| change(step, row, attribute) == Change::Weakened)
    else {
        return;
    };
    let Some((before, after)) = strengths(step, row) else {
        return;
    };
    let stated = step
        .older_clause(row)
        .is_some_and(|clause| clause.strength().is_some());
    let message = format!(
        "{}: the commitment weakens from {}{} to {} (PA-X grade {} → {})",
        describe(step, row),
        before.name(),
        if stated { "" } else { " (a plain obligation)" },
        after.name(),
        before.pax_grade(),
        after.pax_grade(),
    );
    let gain = attribute_gain(attribute);
    out.push(row_finding(step, row, rule, Some(Key::Strength), message, gain));
}

#[cfg(test)]
mod tests {
    use crate::rules::comparison::{mentions, messages};

    #[test]
    fn gives_both_grades_and_whom_it_favours() {
        let found = messages(
            "commitment-weakened",
            drafts!(
                "clause 7 detainee_release { by regime; strength pledge }",
                "clause 7 detainee_release { by regime; strength review }",
            ),
        );
        assert_eq!(found.len(), 1);
        assert!(found[0].contains("pledge to review (PA-X grade 2 → 1)"), "{found:?}");
        // The release is owed to the other side: a weaker one favours the
        // camp that holds the detainees.
        let holder = "favours the government camp (regime): a weaker release leaves the \
            detainees with the camp that holds them";
        assert!(found[0].ends_with(holder), "{found:?}");
    }

    #[test]
    fn a_hardening_is_a_change_of_terms() {
        let text = drafts!(
            "clause 7 detainee_release { by regime; strength review }",
            "clause 7 detainee_release { by regime }",
        );
        let found = messages("terms-changed", text);
        assert!(
            mentions(
                &found,
                &["strength review → binding (not stated)", "favours the opposition camp (factions)"]
            ),
            "{found:?}"
        );
    }
}
