//! `unrepresented-population`: no signatory represents the people of the area the agreement binds.

use crate::finding::{Finding, Severity};
use crate::model::{Party, and_list};
use crate::rules::{Check, Context, Rule, fires, quiet};

pub static RULE: Rule = Rule {
    id: "unrepresented-population",
    severity: Severity::Warning,
    summary: "no signatory represents the people of the area the agreement binds",
    explanation: "An agreement signed by people who do not speak for the area binds \
        neither its fighters nor its residents, and collapses on contact. The Cairo \
        agreement of August 2017 was signed for northern Homs by a body that did not \
        represent it, and fell apart within days.",
    example: r#"agreement cairo {
  date 2017-08-03
  region north_homs
  place north_homs "Northern Homs countryside" kind region
  party snc "Syrian National Coalition" side opposition role signatory
  clause 1 ceasefire { area north_homs }
}"#,
    check: Check::Document(check),
    cases: &[
        // fires when signatory represents elsewhere
        fires(
            &[&["clause 1"]],
            r#"agreement a {
  date 2017-08-03
  place north_homs "Northern Homs countryside" kind region
  place rastan "Al-Rastan" kind town within north_homs
  place ghouta "Eastern Ghouta" kind region
  party snc "Syrian National Coalition" side opposition represents ghouta role signatory
  clause 1 ceasefire { area rastan }
}"#,
        ),
        // quiet when signatory represents containing area
        quiet(
            r#"agreement a {
  date 2018-05-01
  region rastan
  place north_homs "Northern Homs countryside" kind region
  place rastan "Al-Rastan" kind town within north_homs
  party factions "Rebel groups" side opposition represents north_homs role signatory
  clause 1 ceasefire { area rastan }
}"#,
        ),
    ],
};

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    let signatories: Vec<&Party> = document.signatories().collect();
    if signatories.is_empty() {
        return;
    }
    // The area the agreement binds: its declared region, else the declared places
    // its clauses apply to.
    let bound = document.bound_places();
    if bound.places.is_empty() || document.represented(&bound.places) {
        return;
    }
    let who: Vec<String> = signatories
        .iter()
        .map(|party| {
            if party.represents.is_empty() {
                format!("{} represents no place", party.id.value)
            } else {
                let places: Vec<String> = party
                    .represents
                    .iter()
                    .map(|place| place.value.to_string())
                    .collect();
                format!("{} represents {}", party.id.value, and_list(&places))
            }
        })
        .collect();
    let areas: Vec<String> = bound.places.iter().map(|area| area.to_string()).collect();
    let message = format!(
        "no signatory represents the people of {}: {}",
        and_list(&areas),
        who.join("; "),
    );
    out.push(Finding::new(
        context,
        rule,
        &bound.clauses,
        message,
        bound.span,
    ));
}
