//! `guarantee-dropped`: a guarantor, monitor, mechanism or deadline of the older draft is gone.

use super::{
    Change, absence, attribute_gain, change, describe, document_change, document_finding,
    document_gain, gone, or_none, paired_changes, removal, row_finding,
};
use crate::compare::direction;
use crate::compare::{Step, Term};
use crate::finding::{Finding, Severity};
use crate::rules::{Applies, Check, Rule, Scope, fires, quiet};
use crate::vocabulary::{Backing, Role};

pub static RULE: Rule = Rule {
    id: "guarantee-dropped",
    severity: Severity::Warning,
    summary: "a guarantor, monitor, mechanism, deadline or protection of the older draft is gone",
    explanation: "A guarantee that disappears between drafts is easy to miss: the clause \
        still reads the same, but nobody answers for it any more, or it no longer says \
        how or by when it is kept. The party the guarantee protected loses most; the \
        party bound gains room to delay. A protection with nothing of its kind left in \
        the newer draft is a guarantee dropped too: the al-Waer proposal of August 2016 \
        promised detainee releases, the final agreement of March 2017 none. (A \
        protection whose kind the newer draft still has, in other words, is \
        `clause-removed`.)",
    example: r#"agreement draft_1 {
  date 2018-04-01
  party un "United Nations" side third
  party regime "Syrian government" side government
  party factions "Rebel factions" side opposition
  clause 1 ceasefire { by regime, factions; monitor un }
}
agreement draft_2 {
  date 2018-04-15
  party regime "Syrian government" side government
  party factions "Rebel factions" side opposition
  clause 1 ceasefire { by regime, factions }
}"#,
    check: Check::Comparison(check),
    applies: Applies::Steps,
    cases: &[
        // a clause's monitor and deadline go
        fires(
            &[&["clause 1", "clause 1"], &["clause 1", "clause 1"]],
            drafts!(
                "clause 1 ceasefire { by regime; monitor un; deadline 2018-04-02 }",
                "clause 1 ceasefire { by regime }",
            ),
        ),
        // a guarantor of the whole document goes
        fires(
            &[&[]],
            r#"agreement draft_1 {
  party russia "Russia" side third role guarantor
  party turkey "Turkey" side third role guarantor
  clause 1 ceasefire { by russia }
}
agreement draft_2 {
  party russia "Russia" side third role guarantor
  party turkey "Turkey" side third
  clause 1 ceasefire { by russia }
}"#,
        ),
        // a protection goes, with nothing of its kind left
        fires(
            &[&["clause 2"]],
            drafts!(
                "clause 1 ceasefire { by regime }\n  clause 2 detainee_release { by regime }",
                "clause 1 ceasefire { by regime }",
            ),
        ),
        // a monitoring clause goes
        fires(
            &[&["clause 2"]],
            drafts!(
                "clause 1 ceasefire { by regime }\n  clause 2 monitoring { by un; covers 1 }",
                "clause 1 ceasefire { by regime }",
            ),
        ),
        // guarantees stay or grow
        quiet(
            drafts!(
                "clause 1 ceasefire { by regime }",
                "clause 1 ceasefire { by regime; monitor un }",
            ),
        ),
    ],
};

fn check(step: &Step, scope: Scope, rule: &Rule, out: &mut Vec<Finding>) {
    match scope {
        Scope::Document => {
            for attribute in step.document.iter().filter(|a| a.changed()) {
                if document_change(attribute) == Change::GuaranteeDropped {
                    let gone = gone(attribute);
                    let no_longer = match (attribute.term, gone.len()) {
                        (Term::Parties(Role::Guarantor), 1) => "no longer guarantees",
                        (Term::Parties(Role::Guarantor), _) => "no longer guarantee",
                        (_, 1) => "no longer monitors",
                        _ => "no longer monitor",
                    };
                    let message = format!(
                        "{} {} {no_longer} the agreement: {} → {}",
                        attribute.key(),
                        crate::model::and_list(&gone),
                        or_none(&attribute.older),
                        or_none(&attribute.newer)
                    );
                    let gain = document_gain(attribute);
                    out.push(absence(step, document_finding(step, rule, message, gain)));
                }
            }
        }
        Scope::Row(row) => {
            if removal(step, row) == Change::GuaranteeDropped
                && let Some(clause) = step.older_clause(row)
            {
                let message = match step.kind(row).backs {
                    Some(backs) => format!(
                        "{} is gone: nothing in {} {} what it covered",
                        describe(step, row),
                        step.newer.id.value,
                        match backs {
                            Backing::Guarantees => "guarantees",
                            Backing::Monitors => "monitors",
                        }
                    ),
                    None => format!(
                        "{} is gone: a protection ({}) with nothing of its kind left in {}",
                        describe(step, row),
                        clause.kind().summary,
                        step.newer.id.value
                    ),
                };
                let gain = direction::of_clause(false, step.older, clause);
                out.push(absence(step, row_finding(step, row, rule, None, message, gain)));
                return;
            }
            for attribute in paired_changes(row) {
                if change(step, row, attribute) == Change::GuaranteeDropped {
                    let message = format!(
                        "{}: {} ({}) is gone",
                        describe(step, row),
                        attribute.key(),
                        or_none(&attribute.older),
                    );
                    let key = attribute.term.key();
                    let gain = attribute_gain(attribute);
                    out.push(absence(
                        step,
                        row_finding(step, row, rule, key, message, gain),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::comparison::{mentions, messages};

    #[test]
    fn says_what_is_gone_and_whom_that_favours() {
        let text = drafts!(
            "clause 1 ceasefire { by regime; monitor un; deadline 2018-04-02 }",
            "clause 1 ceasefire { by regime }",
        );
        let found = messages("guarantee-dropped", text);
        let monitor = "clause 1 ceasefire: monitor (un) is gone; favours the government camp \
            (regime): less for those it serves (someone answers for the clause)";
        assert!(found.iter().any(|message| message == monitor), "{found:?}");
        let deadline = ["deadline (2018-04-02) is gone", "favours the government camp"];
        assert!(mentions(&found, &deadline), "{found:?}");
        assert!(messages("terms-changed", text).is_empty());
    }

    #[test]
    fn names_a_document_guarantor_that_goes() {
        let text = r#"agreement draft_1 {
  party russia "Russia" side third role guarantor
  party turkey "Turkey" side third role guarantor
  clause 1 ceasefire { by russia }
}
agreement draft_2 {
  party russia "Russia" side third role guarantor
  party turkey "Turkey" side third
  clause 1 ceasefire { by russia }
}"#;
        let found = messages("guarantee-dropped", text);
        let turkey = "guarantors turkey no longer guarantees the agreement: russia, turkey → \
            russia; no direction: a guarantor or monitor answers for every side's terms";
        assert_eq!(found, [turkey]);
    }

    #[test]
    fn a_guarantee_clause_that_goes_is_dropped_not_removed() {
        let text = drafts!(
            "clause 1 ceasefire { by regime }\n  clause 2 guarantee { by un; covers 1 }",
            "clause 1 ceasefire { by regime }",
        );
        let found = messages("guarantee-dropped", text);
        assert!(
            mentions(&found, &["clause 2 guarantee is gone: nothing in draft_2 guarantees"]),
            "{found:?}"
        );
        assert!(messages("clause-removed", text).is_empty());
    }

    #[test]
    fn a_protection_with_nothing_of_its_kind_left_is_dropped() {
        let text = drafts!(
            "clause 1 ceasefire { by regime }\n  clause 2 detainee_release { by regime }",
            "clause 1 ceasefire { by regime }\n  clause 2 prisoner_exchange { by regime, factions }\n  clause 3 missing_persons { by regime }",
        );
        // A prisoner exchange is of the release's family: the two pair.
        assert!(messages("guarantee-dropped", text).is_empty());
        let text = drafts!(
            "clause 1 ceasefire { by regime }\n  clause 2 detainee_release { by regime }",
            "clause 1 ceasefire { by regime }",
        );
        let found = messages("guarantee-dropped", text);
        let expected = "clause 2 detainee_release is gone: a protection (release of detainees \
            or prisoners) with nothing of its kind left in draft_2; favours the government \
            camp (regime): it served the opposition camp (what the other side owes it)";
        assert_eq!(found, [expected]);
    }
}
