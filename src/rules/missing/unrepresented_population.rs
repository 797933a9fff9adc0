//! `unrepresented-population`: no signatory represents the people of the area the agreement binds.

use crate::finding::{Finding, Severity};
use crate::model::{Party, and_list};
use crate::rules::{Applies, Check, Context, Rule, fires, quiet};
use crate::vocabulary::Role;

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
    applies: Applies::Consented,
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
        // quiet when a state signs for its own territory
        quiet(
            r#"agreement a {
  date 2020-11-10
  place armenia "Armenia" kind region
  place azerbaijan "Azerbaijan" kind region
  place karabakh "Nagorno-Karabakh" kind region within azerbaijan
  region karabakh
  party az "Republic of Azerbaijan" side government territory azerbaijan role signatory
  party am "Republic of Armenia" side opposition territory armenia role signatory
  clause 1 ceasefire { by az, am; area karabakh }
}"#,
        ),
        // quiet when a committee signs for the factions that represent the area
        quiet(
            r#"agreement a {
  date 2017-10-04
  region north_homs
  place north_homs "Northern Homs countryside" kind region
  party factions "Rebel factions" side opposition represents north_homs
  party committee "Negotiations Committee" side opposition role signatory on_behalf_of factions
  party russia "Russian side" side third role signatory
  clause 1 ceasefire { by factions }
}"#,
        ),
        // quiet on a proposal: its addressee has not signed
        quiet(
            r#"agreement a {
  date 2018-05-01
  region north_homs
  place north_homs "Northern Homs countryside" kind region
  place idlib "Idlib" kind region
  party russia "Russian delegation" side third role proposer
  party factions "Rebel factions" side opposition represents idlib role addressee
  clause 1 ceasefire { by factions }
}"#,
        ),
        // fires when a foreign state signs: its territory is not the area
        fires(
            &[&[]],
            r#"agreement a {
  date 2017-08-03
  region north_homs
  place russia_land "Russia" kind region
  place north_homs "Northern Homs countryside" kind region
  party russia "Russian delegation" side third territory russia_land role signatory
  party snc "Syrian National Coalition" side opposition role signatory
  clause 1 ceasefire { area north_homs }
}"#,
        ),
    ],
};

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    let consenting: Vec<&Party> = document.consenting().collect();
    if consenting.is_empty() {
        return;
    }
    // The area the agreement binds: its declared region, else the declared places
    // its clauses apply to.
    let bound = document.bound_places();
    if bound.places.is_empty() || document.represented(&bound.places) {
        return;
    }
    let who: Vec<String> = consenting
        .iter()
        .map(|party| {
            let places = party.speaks_for();
            let mut said = if places.is_empty() {
                format!("{} represents no place", party.id.value)
            } else {
                let places: Vec<String> = places.iter().map(|place| place.to_string()).collect();
                format!("{} represents {}", party.id.value, and_list(&places))
            };
            if !party.on_behalf_of.is_empty() {
                let names: Vec<String> =
                    party.on_behalf_of.iter().map(|name| name.value.to_string()).collect();
                said.push_str(&format!(" and acts for {}", and_list(&names)));
            }
            said
        })
        .collect();
    let areas: Vec<String> = bound.places.iter().map(|area| area.to_string()).collect();
    let who_consented = if consenting.iter().any(|party| party.has_role(Role::Agreed)) {
        "no party that signed or agreed"
    } else {
        "no signatory"
    };
    let message = format!(
        "{who_consented} represents the people of {}: {}",
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
