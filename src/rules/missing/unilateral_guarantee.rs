//! `unilateral-guarantee`: a party guarantees its own conduct, with no third party and no consequence.

use crate::finding::{Finding, Severity};
use std::collections::HashMap;

use crate::model::{Clause, and_list};
use crate::rules::{Applies, Check, Context, Rule, fires, name, quiet};
use crate::vocabulary::{Backing, Key, Role};

pub static RULE: Rule = Rule {
    id: "unilateral-guarantee",
    severity: Severity::Warning,
    summary: "a party guarantees its own conduct, with no third party and no consequence",
    explanation: "A party that guarantees what it has itself undertaken adds nothing to \
        its undertaking: if it breaks the clause, the guarantor it would answer to is \
        itself, and nothing follows. In al-Waer (March 2017) the government and Russia \
        \"bear full responsibility for the safety of those leaving\": the government \
        answers for its own forces, and only Russia's share of the guarantee stands \
        outside them, so the rule is quiet there. It fires where every guarantor of a \
        clause is among the parties the clause binds and the clause states no \
        `consequence` of a breach. \
        A warning: the undertaking still binds its party; only the guarantee adds nothing.",
    example: r#"agreement a {
  date 2018-05-01
  party regime "Syrian government" side government
  clause 3 protection { by regime; people "those who stay"; from arrest; guarantor regime }
}"#,
    check: Check::Document(check),
    applies: Applies::Guarantors,
    cases: &[
        // fires on a clause guarantor and a guarantee clause that are the party bound
        fires(
            &[&["clause 3"], &["clause 4", "clause 5"]],
            r#"agreement a {
  date 2018-05-01
  party regime "Syrian government" side government units army
  clause 3 protection { by regime.army; people "those who stay"; from arrest; guarantor regime }
  clause 4 detainee_release { by regime; count 500 detainees }
  clause 5 guarantee { by regime; covers 4 }
}"#,
        ),
        // quiet with a third party among the guarantors, or a consequence stated
        quiet(
            r#"agreement a {
  date 2017-03-13
  party regime "Syrian government" side government
  party russia "Russia" side third
  clause 2 evacuation { by regime; people fighters }
  clause 3 protection { by regime; people "those who stay"; from arrest; guarantor regime }
  clause 4 guarantee { by regime, russia; covers 2 }
  clause 5 guarantee { by regime; covers 3; consequence "the committee suspends the handover" }
}"#,
        ),
    ],
};

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    // A document-level guarantor stands behind every clause.
    let whole: Vec<String> = document
        .guarantors
        .iter()
        .map(|backer| document.owner(&backer.party.value).to_string())
        .chain(
            document
                .parties
                .iter()
                .filter(|party| party.has_role(Role::Guarantor))
                .map(|party| party.id.value.to_string()),
        )
        .collect();
    // Guarantee clauses that name a guarantor, by the clause numbers they cover;
    // those that cover none cover every clause.
    let mut by_number: HashMap<&str, Vec<&Clause>> = HashMap::new();
    let mut everything: Vec<&Clause> = Vec::new();
    for guarantee in document
        .clauses
        .iter()
        .filter(|clause| clause.kind().backs == Some(Backing::Guarantees) && clause.has(Key::By))
    {
        let covered = guarantee.names(Key::Covers);
        if covered.is_empty() {
            everything.push(guarantee);
        }
        for number in covered {
            by_number.entry(number.value.as_str()).or_default().push(guarantee);
        }
    }
    for clause in document.principal_clauses() {
        if clause.kind().backs.is_some() {
            continue;
        }
        let bound: Vec<String> = clause
            .bound()
            .iter()
            .map(|path| document.owner(path).to_string())
            .collect();
        if bound.is_empty() {
            continue;
        }
        let mut guarantors: Vec<String> = whole.clone();
        guarantors.extend(
            clause
                .actor_parties(Key::Guarantor)
                .iter()
                .map(|(path, _)| document.owner(path).to_string()),
        );
        let mut covering: Vec<&Clause> = everything.clone();
        if let Some(number) = &clause.number
            && let Some(specific) = by_number.get(number.value.as_str())
        {
            covering.extend(specific);
        }
        for guarantee in &covering {
            guarantors.extend(
                guarantee
                    .actor_parties(Key::By)
                    .iter()
                    .map(|(path, _)| document.owner(path).to_string()),
            );
        }
        if guarantors.is_empty() || !guarantors.iter().all(|g| bound.contains(g)) {
            continue;
        }
        if clause.has(Key::Consequence) || covering.iter().any(|g| g.has(Key::Consequence)) {
            continue;
        }
        guarantors.sort();
        guarantors.dedup();
        let message = format!(
            "{} is guaranteed only by {}, which it binds: no third party answers for it \
             and no consequence of a breach is stated",
            name(clause),
            and_list(&guarantors)
        );
        let span = covering
            .first()
            .map_or(clause.span_of(Key::Guarantor), |g| g.span_of(Key::By));
        let mut clauses = vec![clause];
        clauses.extend(covering);
        out.push(Finding::new(context, rule, &clauses, message, span));
    }
}
