//! `condition-cycle`: clauses wait on each other in a cycle.

use crate::text::Text;
use std::collections::HashSet;

use crate::finding::{Finding, Severity};
use crate::model::Clause;
use crate::rules::{Applies, Check, Context, Rule, fires, list_labels, numbered, quiet};
use crate::source::Spanned;
use crate::vocabulary::{Key, Wait};

pub static RULE: Rule = Rule {
    id: "condition-cycle",
    severity: Severity::Error,
    summary: "clauses wait on each other in a cycle",
    explanation: "When clause A waits for B and B, directly or through others, waits for \
        A, neither can start, and each side can say it is waiting for the other. A \
        mutual exchange (`in_exchange_for` both ways) is simultaneous and not a cycle; \
        any `after` or `if` in the loop makes it one.",
    example: r#"agreement proposal {
  date 2018-05-01
  clause 1 weapons_handover { weapons heavy; after 2 }
  clause 2 detainee_release { if 1 }
}"#,
    check: Check::Document(check),
    applies: Applies::Waits,
    cases: &[
        // fires once per cycle
        fires(
            &[&["clause 1", "clause 2", "clause 3"], &["clause 4"]],
            r#"agreement a {
  date 2018-05-01
  clause 1 weapons_handover { weapons heavy; after 3 }
  clause 2 detainee_release { if 1 }
  clause 3 services { services water; in_exchange_for 2 }
  clause 4 withdrawal { after 4 }
  clause 5 ceasefire { after 1 }
}"#,
        ),
        // quiet for mutual exchange and chains
        quiet(
            r#"agreement a {
  date 2018-05-01
  clause 1 prisoner_exchange { in_exchange_for 2 }
  clause 2 detainee_release { in_exchange_for 1 }
  clause 3 services { services water; after 1, 2 }
  clause 4 return_of_displaced { after 3; if 1 }
}"#,
        ),
    ],
};

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    let numbers = numbered(document);
    let edges: Vec<Vec<Edge>> = document
        .clauses
        .iter()
        .map(|clause| {
            clause
                .waits_on()
                .into_iter()
                .filter_map(|(key, reference)| {
                    let to = *numbers.get(reference.value.as_str())?;
                    // A version of a text waits only on its own report's clauses.
                    document.clauses[to]
                        .same_report(clause)
                        .then_some(Edge { to, key, reference })
                })
                .collect()
        })
        .collect();
    let mut cycles = components(&edges);
    for cycle in &mut cycles {
        cycle.sort_unstable();
    }
    cycles.sort();
    for cycle in cycles {
        let members: HashSet<usize> = cycle.iter().copied().collect();
        let inner: Vec<(usize, &Edge)> = cycle
            .iter()
            .flat_map(|&from| {
                edges[from]
                    .iter()
                    .filter(|edge| members.contains(&edge.to))
                    .map(move |edge| (from, edge))
            })
            .collect();
        // A mutual exchange is simultaneous; only waiting (`after`, `if`) or a
        // clause waiting on itself makes a cycle no one can start.
        let blocked = inner
            .iter()
            .any(|(from, edge)| edge.key.wait() == Some(Wait::Sequenced) || edge.to == *from);
        let Some((_, first)) = inner.first() else {
            continue;
        };
        if !blocked {
            continue;
        }
        let clauses: Vec<&Clause> = cycle.iter().map(|&i| &document.clauses[i]).collect();
        let links: Vec<String> = inner
            .iter()
            .map(|(from, edge)| {
                format!(
                    "{} {} {}",
                    document.clauses[*from].label(),
                    edge.key,
                    edge.reference.value
                )
            })
            .collect();
        let message = if clauses.len() == 1 {
            format!(
                "{} waits on itself: {}",
                list_labels(&clauses),
                links.join(", ")
            )
        } else {
            format!(
                "{} wait on each other: {}",
                list_labels(&clauses),
                links.join(", ")
            )
        };
        out.push(Finding::new(
            context,
            rule,
            &clauses,
            message,
            first.reference.span,
        ));
    }
}

/// One dependency between clauses: `from` waits on `to` through `key`.
struct Edge<'a> {
    to: usize,
    key: Key,
    reference: &'a Spanned<Text>,
}

/// Strongly connected components (Tarjan, iterative): linear in clauses and edges.
fn components(edges: &[Vec<Edge>]) -> Vec<Vec<usize>> {
    const UNSEEN: usize = usize::MAX;
    let count = edges.len();
    let mut order = vec![UNSEEN; count];
    let mut low = vec![0; count];
    let mut on_stack = vec![false; count];
    let mut stack = Vec::new();
    let mut next = 0;
    let mut out = Vec::new();
    for root in 0..count {
        if order[root] != UNSEEN {
            continue;
        }
        order[root] = next;
        low[root] = next;
        next += 1;
        stack.push(root);
        on_stack[root] = true;
        let mut calls: Vec<(usize, usize)> = vec![(root, 0)];
        while let Some(frame) = calls.last_mut() {
            let node = frame.0;
            if let Some(edge) = edges[node].get(frame.1) {
                frame.1 += 1;
                let target = edge.to;
                if order[target] == UNSEEN {
                    order[target] = next;
                    low[target] = next;
                    next += 1;
                    stack.push(target);
                    on_stack[target] = true;
                    calls.push((target, 0));
                } else if on_stack[target] {
                    low[node] = low[node].min(order[target]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(parent, _)) = calls.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == order[node] {
                let mut component = Vec::new();
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    component.push(member);
                    if member == node {
                        break;
                    }
                }
                out.push(component);
            }
        }
    }
    out
}

