//! `obligation-on-non-signatory`: a clause of a signed document binds a party that did not sign.

use crate::finding::{Finding, Severity};
use crate::rules::{Applies, Check, Context, Rule, fires, name, quiet};
use crate::vocabulary::Key;

pub static RULE: Rule = Rule {
    id: "obligation-on-non-signatory",
    severity: Severity::Warning,
    summary: "a clause of a signed document binds a party that did not sign",
    explanation: "A party that did not sign is not bound by its own consent; the clause \
        depends on whoever can make it comply. The preliminary ceasefire of 4 October \
        2017 bound \"rebel and regime forces\" though only the opposition negotiators \
        and the Russian delegation signed it, and regime violations were reported the \
        same day. A warning, not a note: the obligation may be worth nothing, even \
        where a sponsor's ally is meant to answer for it.",
    example: r#"agreement october {
  date 2017-10-04
  status signed on 2017-10-04
  party regime "Syrian government" side government units army
  party factions "Rebel groups" side opposition role signatory
  clause 1 ceasefire { by regime.army, factions }
}"#,
    check: Check::Document(check),
    applies: Applies::Consented,
    cases: &[
        // fires once per party per clause
        fires(
            &[&["clause 1"]],
            r#"agreement a {
  date 2017-10-04
  status signed on 2017-10-04
  party regime "Syrian government" side government units army, security
  party factions "Rebel groups" side opposition role signatory
  party russia "Russia" side third
  clause 1 ceasefire { by regime.army, regime.security, factions, civilians }
  clause ultimatum { by russia; against factions; deadline 2017-10-10 }
}"#,
        ),
        // quiet without signatories
        quiet(
            r#"agreement a {
  date 2018-05-01
  party regime "Syrian government" side government
  clause 1 ceasefire { by regime }
}"#,
        ),
        // quiet on a proposal never signed
        quiet(
            r#"agreement a {
  date 2018-05-01
  status proposed on 2018-05-01 by russia
  party regime "Syrian government" side government
  party russia "Russia" side third aligned regime role proposer
  party factions "Rebel groups" side opposition role signatory
  clause venue { by russia; place "Safir Hotel" }
}"#,
        ),
        // quiet for a party a signatory acts for, and for a body the text establishes
        quiet(
            r#"agreement a {
  date 2017-10-04
  status signed on 2017-10-04
  place north_homs "Northern Homs countryside" kind region
  party factions "Rebel factions" side opposition represents north_homs
  party committee "Negotiations Committee" side opposition role signatory on_behalf_of factions
  party russia "Russian side" side third role signatory
  party joint "Joint committee" side third role established
  clause 1 ceasefire { by factions }
  clause 2 monitoring { by joint; covers 1 }
}"#,
        ),
        // quiet for a party that agreed without signing
        quiet(
            r#"agreement a {
  date 2015-09-24
  status announced on 2015-09-24
  status agreed on 2015-09-24
  party army "Syrian army" side government role agreed
  party fighters "Jaysh al-Fatah" side opposition role agreed
  clause 1 ceasefire { by army, fighters; duration 6 months }
}"#,
        ),
    ],
};

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    // Only a signed (or agreed) text binds anyone: a proposal's proposer commits
    // nobody.
    if !document.is_signed() || document.consenting().next().is_none() {
        return;
    }
    for clause in &document.clauses {
        if clause.kind().unilateral {
            continue;
        }
        let mut reported: Vec<&str> = Vec::new();
        for (path, span) in clause.actor_parties(Key::By) {
            let Some(party) = document.owner_party(&path) else {
                continue;
            };
            // A party that signed or agreed, one in whose name another did, and a
            // body the document establishes are bound by consent.
            if document.binds_by_consent(&path) || reported.contains(&party.id.value.as_str()) {
                continue;
            }
            reported.push(&party.id.value);
            let through = if path == party.id.value {
                String::new()
            } else {
                format!(" (through {path})")
            };
            let message = format!(
                "{} binds {}{through}, which did not sign",
                name(clause),
                party.id.value,
            );
            out.push(Finding::new(context, rule, &[clause], message, span));
        }
    }
}
