//! `ceasefire-no-monitoring`: a ceasefire has no monitor and no violation procedure.

use crate::finding::{Finding, Severity};
use crate::rules::{Applies, Check, Context, Rule, fires, name, quiet};
use crate::vocabulary::{Backing, kinds};

pub static RULE: Rule = Rule {
    id: "ceasefire-no-monitoring",
    severity: Severity::Warning,
    summary: "a ceasefire has no monitor and no violation procedure",
    explanation: "Ceasefires without monitoring or an agreed way to handle violations \
        break down over the first incident, because each side's account of it stands \
        unchallenged (Fortna). The October 2017 ceasefire was violated the day it was \
        signed, with no one to report to.",
    example: r#"agreement october {
  date 2017-10-04
  clause 1 ceasefire { deadline immediate }
}"#,
    check: Check::Document(check),
    applies: Applies::Kinds(&[&kinds::CEASEFIRE]),
    cases: &[
        // fires without monitor
        fires(
            &[&["clause 1"]],
            r#"agreement a {
  date 2017-10-04
  party un "United Nations" side third
  clause 1 ceasefire { deadline immediate }
  clause 2 ceasefire { area "the corridors" }
  clause 3 monitoring { by un; covers 2 }
}"#,
        ),
        // quiet with violation procedure
        quiet(
            r#"agreement a {
  date 2017-10-04
  clause 1 ceasefire { violations "reported to the joint committee" }
}"#,
        ),
    ],
};

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    if document.has_monitor() {
        return;
    }
    let monitored = document.coverage(Backing::Monitors);
    for clause in document
        .principal_clauses()
        .filter(|clause| clause.is(&kinds::CEASEFIRE))
    {
        if clause.has_oversight() || monitored.covers(clause) {
            continue;
        }
        let message = format!("{} has no monitor and no violation procedure", name(clause),);
        out.push(Finding::absent(context, rule, &[clause], message, clause.span));
    }
}
