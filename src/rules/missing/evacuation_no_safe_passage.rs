//! `evacuation-no-safe-passage`: an evacuation has no safe passage, escort or guarantor.

use super::evacuations;
use crate::finding::{Finding, Severity};
use crate::model::Party;
use crate::rules::{Applies, Check, Context, Rule, fires, name, quiet};
use crate::vocabulary::{Backing, Key, kinds};

pub static RULE: Rule = Rule {
    id: "evacuation-no-safe-passage",
    severity: Severity::Warning,
    summary: "an evacuation has no safe passage, escort or guarantor",
    explanation: "Evacuees cross the lines of the side they fought; without an escort, \
        safe passage or a guarantor answerable for the route, the convoy itself is the \
        risk. Gen. Loka's offers named routes but no one to guarantee them; \
        a guarantor of the whole agreement or a guarantee clause covering the evacuation \
        counts.",
    example: r#"agreement offer {
  date 2014-01-15
  place countryside "Northern Homs countryside"
  clause 2 evacuation { people civilians, fighters; destination countryside }
}"#,
    check: Check::Document(check),
    applies: Applies::Kinds(&[&kinds::EVACUATION]),
    cases: &[
        // fires when guarantee covers other clauses
        fires(
            &[&["clause 1"]],
            r#"agreement a {
  date 2014-01-15
  party un "United Nations" side third
  clause 1 evacuation { people civilians }
  clause 2 evacuation { people fighters; escort un }
  clause 3 guarantee { by un; covers 2 }
}"#,
        ),
        // quiet with guarantee of everything
        quiet(
            r#"agreement a {
  date 2014-01-15
  party un "United Nations" side third
  clause 1 evacuation { people civilians }
  clause 3 guarantee { by un }
}"#,
        ),
        // quiet when a neutral party carries it out
        quiet(
            r#"agreement a {
  date 2014-02
  party un "United Nations" side third
  clause 1 evacuation { by un; people civilians }
}"#,
        ),
    ],
};

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    if document.has_guarantor() {
        return;
    }
    let guaranteed = document.coverage(Backing::Guarantees);
    for clause in evacuations(document) {
        // An evacuation carried out by a neutral third party (a UN operation)
        // has that party as its escort.
        let neutral_operator = clause
            .actor_parties(Key::By)
            .iter()
            .any(|(path, _)| document.owner_party(path).is_some_and(Party::is_neutral));
        let arranged = neutral_operator || clause.has_guarantor();
        if !arranged && !guaranteed.covers(clause) {
            let message = format!(
                "{} has no safe passage, escort or guarantor, and no guarantee covers it",
                name(clause),
            );
            out.push(Finding::absent(context, rule, &[clause], message, clause.span));
        }
    }
}
