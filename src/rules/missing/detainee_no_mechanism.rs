//! `detainee-no-mechanism`: a detainee release or prisoner exchange names no mechanism.

use super::{detainee_clauses, each_without};
use crate::finding::{Finding, Severity};
use crate::rules::{Applies, Check, Context, Rule, fires, quiet};
use crate::vocabulary::{Family, Key};

pub static RULE: Rule = Rule {
    id: "detainee-no-mechanism",
    severity: Severity::Warning,
    summary: "a detainee release or prisoner exchange names no mechanism",
    explanation: "A release that does not say who releases, through whom and how it is \
        verified cannot be held to account: each side can claim the other blocks it. \
        The Cairo agreement of August 2017 stipulated the release of detainees with no \
        mechanism, and nothing was released before it collapsed.",
    example: r#"agreement cairo {
  date 2017-08-03
  party regime "Syrian government" side government
  clause 3 detainee_release { by regime; deadline within 30 days of signing }
}"#,
    check: Check::Document(check),
    applies: Applies::Family(Family::Detainees),
    cases: &[
        // fires without mechanism
        fires(
            &[&["clause 3"]],
            r#"agreement a {
  date 2017-08-03
  clause 3 detainee_release { deadline within 30 days of signing }
  clause 4 prisoner_exchange { mechanism "through the ICRC" }
}"#,
        ),
        // quiet with mechanism
        quiet(
            r#"agreement a {
  date 2017-08-03
  clause 3 detainee_release { mechanism "lists exchanged through the Russian delegation" }
  recital detainee_release { text "the parties care about detainees" }
}"#,
        ),
    ],
};

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let clauses = detainee_clauses(context.document);
    each_without(context, rule, out, clauses, Key::Mechanism, "names no mechanism: who releases, through whom, how verified");
}
