//! `consent-of-other-party-condition`: an obligation waits on the consent of the party that gains from delay.

use crate::finding::{Finding, Severity};
use crate::rules::{Applies, Check, Context, Rule, describe_side, fires, name, quiet};
use crate::vocabulary::Key;

pub static RULE: Rule = Rule {
    id: "consent-of-other-party-condition",
    severity: Severity::Warning,
    summary: "an obligation waits on the consent of the party that gains from delay",
    explanation: "An obligation that waits on the approval of the party it binds, or of \
        the side against whose people it runs, is not an obligation but an option: that \
        party can withhold its consent and keep the clause from ever falling due. Aid \
        convoys that need the besieging side's approval are the common case; in the \
        seed sources the Homs framework of April 2014 waited on a ratification meeting \
        with intelligence officials that never took place, and the release of detainees \
        in northern Homs rested on the regime, which had not signed. It reads \
        `consent_of`; a neutral party's consent, or that of the side the clause \
        benefits, is no finding. \
        A warning: the consent may be a formality, but nothing in the text makes it one.",
    example: r#"agreement a {
  date 2016-08-29
  party regime "Syrian government" side government
  party opposition "Armed opposition" side opposition
  clause 3 detainee_release { by regime; benefits opposition; consent_of regime }
}"#,
    check: Check::Document(check),
    applies: Applies::Keys(&[Key::ConsentOf]),
    cases: &[
        // fires on the consent of the party bound and of the other side
        fires(
            &[&["clause 3"], &["clause 4"]],
            r#"agreement a {
  date 2016-08-29
  party regime "Syrian government" side government
  party opposition "Armed opposition" side opposition
  party un "United Nations" side third
  clause 3 detainee_release { by regime; consent_of regime }
  clause 4 humanitarian_access { by un; benefits opposition; aid food; consent_of regime }
}"#,
        ),
        // quiet on a neutral party's consent or that of the side it benefits
        quiet(
            r#"agreement a {
  date 2016-08-29
  party regime "Syrian government" side government
  party opposition "Armed opposition" side opposition
  party un "United Nations" side third
  clause 3 evacuation { people civilians; consent_of un }
  clause 4 humanitarian_access { by un; benefits opposition; aid food; consent_of opposition }
}"#,
        ),
    ],
};

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    for clause in document.principal_clauses() {
        let bound: Vec<String> = clause
            .bound()
            .iter()
            .map(|path| document.owner(path).to_string())
            .collect();
        let beneficiaries = clause.beneficiaries(document);
        for (path, span) in clause.actor_parties(Key::ConsentOf) {
            let Some(party) = document.owner_party(&path) else {
                continue;
            };
            let gains = if bound.contains(&party.id.value.to_string()) {
                Some("the party it binds".to_string())
            } else {
                let against = party.is_partisan()
                    && beneficiaries.iter().any(|beneficiary| {
                        document.side_of(beneficiary).is_some()
                            && document.side_of(beneficiary) != party.side()
                    })
                    && !beneficiaries
                        .iter()
                        .any(|beneficiary| document.side_of(beneficiary) == party.side());
                against.then(|| format!("a party on the other side ({})", describe_side(party)))
            };
            let Some(gains) = gains else {
                continue;
            };
            let message = format!(
                "{} waits on the consent of {path}, {gains}, which gains from delay",
                name(clause)
            );
            out.push(Finding::new(context, rule, &[clause], message, span));
        }
    }
}
