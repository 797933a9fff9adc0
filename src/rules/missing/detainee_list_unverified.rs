//! `detainee-list-unverified`: a release by lists or of "all" with no count and no neutral verifier.

use super::detainee_clauses;
use crate::finding::{Finding, Severity};
use crate::model::{Count, Value};
use crate::rules::{Applies, Check, Context, Rule, fires, name, quiet};
use crate::vocabulary::{Family, Key};

pub static RULE: Rule = Rule {
    id: "detainee-list-unverified",
    severity: Severity::Warning,
    summary: "a release by lists or of \"all\" with no count and no neutral verifier",
    explanation: "A release \"by lists\" or of \"all detainees\" is only as large as the \
        holder says: with no agreed number and no neutral party to check the lists, each \
        side produces its own, and the release stalls on the difference. In al-Waer \
        (December 2015) lists of prisoners were to be prepared before their release, \
        and the opposition listed 7,360 names while the government offered 137; on 4 \
        October 2017 the northern Homs negotiators handed all documentation on detainees \
        to the Russian delegation, which only pledged to work toward release; in Douma \
        (1 April 2018) all hostages were to be handed over, the number disputed. Quiet \
        where the clause gives a number or a neutral party verifies. \
        A warning: a release by lists is common; without a number or a verifier it cannot be shown to be complete.",
    example: r#"agreement a {
  date 2015-12-04
  clause 1 detainee_release { list "lists of prisoners" }
}"#,
    check: Check::Document(check),
    applies: Applies::Family(Family::Detainees),
    cases: &[
        fires(
            &[&["clause 1"], &["clause 3a"]],
            r#"agreement a {
  date 2015-12-04
  party jaysh "Jaysh al-Islam" side opposition
  party regime "Syrian government" side government
  clause 1 detainee_release { list "lists of prisoners"; verifier regime }
  clause "3a" detainee_release { by jaysh; count all hostages }
}"#,
        ),
        // quiet with a number, or a neutral verifier of the lists
        quiet(
            r#"agreement a {
  date 2015-09-20
  party icrc "International Committee of the Red Cross" side third
  clause 5 detainee_release { count 500 detainees; list "names agreed" }
  clause 6 prisoner_exchange { list "lists exchanged"; verifier icrc }
  clause 7 detainee_release { mechanism "a committee" }
}"#,
        ),
    ],
};

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    for clause in detainee_clauses(document) {
        let everyone = clause.all(Key::Count).any(|attribute| {
            matches!(&attribute.value, Value::Count(count) if count.whole.is_some())
        });
        let numbered = clause.all(Key::Count).any(|attribute| {
            matches!(&attribute.value, Value::Count(count) if is_number(count))
        });
        let listed = clause.has(Key::List);
        if numbered || !(everyone || listed) {
            continue;
        }
        let verified = clause.names(Key::Verifier).iter().any(|verifier| {
            document
                .owner_party(&verifier.value)
                .is_some_and(|party| party.is_neutral())
        });
        if verified {
            continue;
        }
        let how = if everyone { "of \"all\"" } else { "by lists" };
        let message = format!(
            "{} is a release {how} with no number and no neutral party to verify the lists",
            name(clause)
        );
        let span = if everyone {
            clause.span_of(Key::Count)
        } else {
            clause.span_of(Key::List)
        };
        out.push(Finding::absent(context, rule, &[clause], message, span));
    }
}

/// Whether a count gives a number, not merely "all".
fn is_number(count: &Count) -> bool {
    count.whole.is_none()
}
