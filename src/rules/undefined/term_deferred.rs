//! `term-deferred`: terms left to later talks while other clauses depend on them.

use std::collections::HashMap;

use super::{deferred, leans_on};
use crate::finding::{Finding, Severity};
use crate::model::{Clause, and_list};
use crate::rules::{Applies, Check, Context, Rule, fires, list_labels, name, quiet};
use crate::vocabulary::Key;

pub static RULE: Rule = Rule {
    id: "term-deferred",
    severity: Severity::Warning,
    summary: "terms left to later talks while other clauses depend on them",
    explanation: "A clause whose route, list or area \"will be agreed later\" cannot be \
        carried out until that later agreement exists, and neither can any clause that \
        waits on it or counts its deadline from it: the later talks hold the whole \
        sequence hostage. Only what the agreement itself defers (`deferred`) counts; \
        a term the source merely does not report (`unstated`) is not deferred. \
        A warning: later talks may settle the term; until they do, nothing that depends on it can be done.",
    example: r#"agreement a {
  date 2017-10-04
  clause 2 humanitarian_access { corridors 5; deferred route }
  clause 3 evacuation { people wounded; after 2 }
}"#,
    check: Check::Document(check),
    applies: Applies::Keys(&[Key::Deferred]),
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
    if !document.clauses.iter().any(|clause| clause.has(Key::Deferred)) {
        return;
    }
    // Who leans on each number, in one pass.
    let mut dependents: HashMap<&str, Vec<&Clause>> = HashMap::new();
    for other in &document.clauses {
        for number in leans_on(other) {
            let list = dependents.entry(number.value.as_str()).or_default();
            if !list.last().is_some_and(|last| std::ptr::eq(*last, other)) {
                list.push(other);
            }
        }
    }
    for clause in &document.clauses {
        let terms = deferred(clause);
        let Some(number) = clause.number.as_ref().filter(|_| !terms.is_empty()) else {
            continue;
        };
        let leaning: Vec<&Clause> = dependents
            .get(number.value.as_str())
            .into_iter()
            .flatten()
            .copied()
            .filter(|other| !std::ptr::eq(*other, clause))
            .collect();
        if leaning.is_empty() {
            continue;
        }
        let verb = if leaning.len() == 1 { "depends" } else { "depend" };
        let message = format!(
            "{} leaves {} to later talks, while {} {verb} on it",
            name(clause),
            and_list(&terms),
            list_labels(&leaning),
        );
        let mut involved = vec![clause];
        involved.extend(leaning);
        out.push(Finding::new(
            context,
            rule,
            &involved,
            message,
            clause.span_of(Key::Deferred),
        ));
    }
}
