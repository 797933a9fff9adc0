//! `no-violation-procedure`: a monitor exists, but nothing defines violations or says where to take them.

use crate::finding::{Finding, Severity};
use crate::model::Clause;
use crate::rules::{Applies, Check, Context, Rule, fires, list_labels, quiet};
use crate::vocabulary::{Backing, Key};

pub static RULE: Rule = Rule {
    id: "no-violation-procedure",
    severity: Severity::Warning,
    summary: "a monitor exists, but nothing defines violations or says where to take them",
    explanation: "A monitor with no definition of a violation and no channel for \
        complaints can watch but not settle anything: each side reports the other's \
        breaches to its own public, and the first serious one ends the agreement. The \
        final northern Homs agreement (May 2018) and the Busra al-Sham settlement in \
        Daraa (July 2018) have a ceasefire \"overseen by Russia\", and the reports give \
        no definition of violations and no complaint procedure. Quiet where the \
        agreement says what is prohibited, how breaches are handled, to whom the \
        monitor reports, or what follows a breach (al-Waer, March 2017: a committee \
        \"addresses breaches\"; the Four Towns truce of 2015 lists what it prohibits). \
        A warning, like `ceasefire-no-monitoring`: the monitor is there, what it can do is missing.",
    example: r#"agreement a {
  date 2018-05-02
  party russia "Russia" side third
  clause 1 ceasefire { start immediate; monitor russia }
}"#,
    check: Check::Document(check),
    applies: Applies::Monitors,
    cases: &[
        // fires once for the document, naming the monitored clauses
        fires(
            &[&["clause 1", "clause 4"]],
            r#"agreement a {
  date 2017-08-16
  party russia "Russia" side third units forces
  clause 1 ceasefire { start immediate; monitor russia }
  clause 2 ceasefire { start immediate }
  clause 4 monitoring { by russia.forces; covers 2 }
}"#,
        ),
        // quiet where the ceasefire says what it prohibits, or a committee handles breaches
        quiet(
            r#"agreement a {
  date 2015-09-20
  party un "United Nations" side third
  clause 1 ceasefire { prohibits "all military operations"; monitor un }
}
agreement b {
  date 2017-03-13
  party joint "the implementation committee" side third role established
  party un "United Nations" side third
  clause 1 ceasefire { monitor un }
  clause 6 committee { by joint; tasks breaches; violations "addresses breaches" }
}"#,
        ),
    ],
};

/// What defines a violation or says how one is handled.
const PROCEDURE: &[Key] = &[
    Key::Violations,
    Key::Prohibits,
    Key::Consequence,
    Key::ReportsTo,
];

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    let defined = document
        .clauses
        .iter()
        .any(|clause| PROCEDURE.iter().any(|key| clause.has(*key)));
    if defined {
        return;
    }
    let monitored: Vec<&Clause> = document
        .principal_clauses()
        .filter(|clause| {
            clause.has(Key::Monitor)
                || clause.has(Key::Observers)
                || (clause.kind().backs == Some(Backing::Monitors) && clause.has(Key::By))
        })
        .collect();
    let whole = !document.monitors.is_empty()
        || document
            .parties
            .iter()
            .any(|party| party.has_role(crate::vocabulary::Role::Monitor));
    if monitored.is_empty() && !whole {
        return;
    }
    let (what, span) = match monitored.first() {
        Some(first) => (
            format!(
                "{} {} for monitoring",
                list_labels(&monitored),
                if monitored.len() == 1 { "provides" } else { "provide" }
            ),
            first.span_of(Key::Monitor),
        ),
        None => ("the agreement names a monitor".to_string(), document.id.span),
    };
    let message = format!(
        "{what}, but nothing defines a violation, says how breaches are handled or to whom \
         they are reported"
    );
    out.push(Finding::absent(context, rule, &monitored, message, span));
}
