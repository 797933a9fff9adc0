//! `term-deferred`: terms left to later talks while other clauses depend on them.

use super::{deferred, leans_on};
use crate::finding::{Finding, Severity};
use crate::model::{Clause, and_list};
use crate::rules::{Check, Context, Rule, fires, list_labels, name, quiet};
use crate::vocabulary::Key;

pub static RULE: Rule = Rule {
    id: "term-deferred",
    severity: Severity::Warning,
    summary: "terms left to later talks while other clauses depend on them",
    explanation: "A clause whose route, list or area \"will be agreed later\" cannot be \
        carried out until that later agreement exists, and neither can any clause that \
        waits on it or counts its deadline from it: the later talks hold the whole \
        sequence hostage. Only what the agreement itself defers (`deferred`) counts; \
        a term the source merely does not report (`unstated`) is not deferred.",
    example: r#"agreement a {
  date 2017-10-04
  clause 2 humanitarian_access { corridors 5; deferred route }
  clause 3 evacuation { people wounded; after 2 }
}"#,
    check: Check::Document(check),
    cases: &[
        // fires when a later clause waits on or counts from the deferred one
        fires(
            &[&["clause 2", "clause 3", "clause 4"]],
            r#"agreement a {
  date 2017-10-04
  clause 2 humanitarian_access { corridors 5; deferred route }
  clause 3 evacuation { people wounded; after 2 }
  clause 4 services { services water; deadline within 3 days after clause 2 starts }
}"#,
        ),
        // quiet when nothing depends on it, or the source only leaves it unstated
        quiet(
            r#"agreement a {
  date 2017-10-04
  clause 2 humanitarian_access { corridors 5; deferred route }
  clause 3 humanitarian_access { corridors 2; unstated route }
  clause 4 evacuation { people wounded; after 3 }
}"#,
        ),
    ],
};

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    let clauses: Vec<&Clause> = document.clauses.iter().collect();
    for clause in &clauses {
        let terms = deferred(clause);
        let Some(number) = clause.number.as_ref().filter(|_| !terms.is_empty()) else {
            continue;
        };
        let dependents: Vec<&Clause> = clauses
            .iter()
            .copied()
            .filter(|other| {
                !std::ptr::eq(*other, *clause)
                    && leans_on(other)
                        .iter()
                        .any(|on| on.value == number.value)
            })
            .collect();
        if dependents.is_empty() {
            continue;
        }
        let verb = if dependents.len() == 1 { "depends" } else { "depend" };
        let message = format!(
            "{} leaves {} to later talks, while {} {verb} on it",
            name(clause),
            and_list(&terms),
            list_labels(&dependents),
        );
        let mut involved = vec![*clause];
        involved.extend(dependents);
        out.push(Finding::new(
            context,
            rule,
            &involved,
            message,
            clause.span_of(Key::Deferred),
        ));
    }
}
