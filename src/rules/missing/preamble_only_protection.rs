//! `preamble-only-protection`: a protection appears only in the recitals.

use crate::finding::{Finding, Severity};
use crate::rules::{Applies, Check, Context, Rule, fires, quiet};

pub static RULE: Rule = Rule {
    id: "preamble-only-protection",
    severity: Severity::Warning,
    summary: "a protection appears only in the recitals",
    explanation: "A preamble that recalls the protection of civilians, the release of \
        detainees or the right of return binds no one: unless an operative clause says \
        who does what, the protection exists only as a reason for the agreement, and \
        the parties can honour every clause while ignoring it. No source of the seed or \
        dossier corpus reproduces a preamble, so the rule has fired on none of them; it \
        reads `recital` blocks against the operative clauses of the same kind. \
        A warning: the recital may guide interpretation, but it obliges no one.",
    example: r#"agreement a {
  date 2015-02-12
  recital detainee_release { text "recalling the release of all hostages" }
  clause 1 ceasefire { start 2015-02-15 }
}"#,
    check: Check::Document(check),
    applies: Applies::ProtectionRecitals,
    cases: &[
        fires(
            &[&["clause 1"]],
            r#"agreement a {
  date 2015-02-12
  recital 1 detainee_release { text "recalling the release of all hostages" }
  recital ceasefire { text "committed to a ceasefire" }
  clause 1 ceasefire { start 2015-02-15 }
}"#,
        ),
        // quiet where an operative clause of the kind exists, or the recital protects no one
        quiet(
            r#"agreement a {
  date 2015-02-12
  recital detainee_release { text "recalling the release of all hostages" }
  recital political_process { text "recalling the talks" }
  clause 6 detainee_release { count all for all }
}"#,
        ),
    ],
};

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    for recital in document.recitals.iter().filter(|r| r.is_protection()) {
        let operative = document.clauses.iter().any(|clause| {
            clause.is(recital.kind())
                || (recital.kind().family.is_some() && clause.kind().family == recital.kind().family)
        });
        if operative {
            continue;
        }
        let message = format!(
            "the {} appears only in the recitals: no operative clause provides it",
            recital.kind_name().replace('_', " ")
        );
        out.push(Finding::new(context, rule, &[recital], message, recital.span));
    }
}
