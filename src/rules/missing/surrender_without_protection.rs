//! `surrender-without-protection`: people who surrender, disarm or settle their status get no stated protection.

use super::{protections, settlement_protects, settles_status};
use crate::finding::{Finding, Severity};
use crate::model::{Actor, Clause, Value};
use crate::rules::{Applies, Check, Context, Rule, fires, list_labels, quiet};
use crate::vocabulary::{Backing, Key, is_collective, kinds};

pub static RULE: Rule = Rule {
    id: "surrender-without-protection",
    severity: Severity::Warning,
    summary: "people who surrender, disarm or settle their status get no stated protection",
    explanation: "A fighter who hands over his weapon or registers with the security \
        branches has given up what protected him; if the agreement states no \
        non-arrest, no non-pursuit and no one who answers for his safety, he has \
        surrendered on trust. Gen. Loka's first offer for Old Homs (2014) asked 100 \
        fighters to \"give up their weapons and surrender\" and offered them nothing; the \
        Russian 10-item proposal and the final northern Homs agreement (May 2018) have \
        those who stay hand over their weapons and regularise their status with no \
        protection stated. Quiet where a clause protects people from arrest or pursuit, \
        a settlement states its protection, or a guarantor answers for it (Douma, \
        Daraa, al-Waer). It reads handovers by people (not by a party) and settlements. \
        A warning: what protects those who surrender may lie outside the text, and the finding says the text does not.",
    example: r#"agreement offer {
  date 2014-01-20
  clause 2 weapons_handover { by fighters; weapons all }
}"#,
    check: Check::Document(check),
    applies: Applies::Kinds(&[&kinds::WEAPONS_HANDOVER, &kinds::STATUS_SETTLEMENT]),
    cases: &[
        // fires once, naming the handover by people and the settlement
        fires(
            &[&["clause 8a", "clause 9"]],
            r#"agreement a {
  date 2018-05-02
  party factions "Rebel factions" side opposition
  clause 2 weapons_handover { by factions; weapons heavy }
  clause "8a" status_settlement { people defectors, "civilians who stay" }
  clause 9 weapons_handover { by "Those who stay"; weapons personal; in_parallel_with "8a" }
}"#,
        ),
        // quiet with a non-pursuit clause, or a guarantor of the settlement
        quiet(
            r#"agreement a {
  date 2018-04-08
  clause "3a" protection { people "those who stay"; from pursuit }
  clause "7a" weapons_handover { by fighters; weapons all }
}
agreement b {
  date 2018-07-06
  party russia "Russia" side third
  clause 3 status_settlement { people fighters; guarantor russia }
}"#,
        ),
    ],
};

/// A handover by people, each giving up their own weapons, rather than by a party.
fn disarms_people(clause: &Clause) -> bool {
    clause.is(&kinds::WEAPONS_HANDOVER)
        && [Key::By, Key::People].iter().any(|key| {
            clause.all(*key).any(|attribute| match &attribute.value {
                Value::Actors(actors) => actors.iter().any(|actor| match &actor.value {
                    Actor::Group(_) => true,
                    Actor::Described(words) => !is_collective(words),
                    Actor::Party(_) => false,
                }),
                _ => false,
            })
        })
}

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    if protections(document).next().is_some() || document.has_guarantor() {
        return;
    }
    let guaranteed = document.coverage(Backing::Guarantees);
    let exposed: Vec<&Clause> = document
        .principal_clauses()
        .filter(|clause| {
            disarms_people(clause) || settles_status(clause)
        })
        .filter(|clause| !settlement_protects(clause) && !guaranteed.covers(clause))
        .collect();
    let Some(first) = exposed.first() else {
        return;
    };
    let message = format!(
        "{}: those who disarm or settle their status get no stated protection from arrest \
         or pursuit, and no one answers for their safety",
        list_labels(&exposed)
    );
    out.push(Finding::absent(context, rule, &exposed, message, first.span));
}
