//! `partisan-guarantor`: every guarantor is a party to the conflict or aligned with one side.

use crate::finding::{Finding, Severity};
use crate::model::{Clause, Party, and_list};
use crate::rules::{Applies, Check, Context, Rule, describe_side, fires, quiet};

pub static RULE: Rule = Rule {
    id: "partisan-guarantor",
    severity: Severity::Warning,
    summary: "every guarantor is a party to the conflict or aligned with one side",
    explanation: "A guarantor that fights on one side, or backs one, guarantees the \
        other side nothing it could not already expect. Mediators look for at least \
        one guarantor outside the conflict; a guarantor aligned with the side bound by \
        the protection is the weakest case. A third party counts as partisan where the \
        document's sources show it fighting for or backing a side (`aligned`): Russia, \
        which put the 10-item proposal to the northern Homs factions (May 2018) under \
        the threat of \"a major military operation\", is aligned with the government \
        there; Turkey and Iran, whose sides the same sources do not give, are not.",
    example: r#"agreement proposal {
  date 2018-05-01
  party regime "Syrian government" side government
  party russia "Russia" side third aligned regime role guarantor
  clause 4 status_settlement { people fighters; by regime }
}"#,
    check: Check::Document(check),
    applies: Applies::Guarantors,
    cases: &[
        // fires when every guarantor is partisan
        fires(
            &[&["clause 4"]],
            r#"agreement a {
  date 2018-05-01
  party regime "Syrian government" side government units military_police
  party russia "Russia" side third aligned regime role guarantor
  clause 4 status_settlement { people fighters; guarantor regime.military_police }
}"#,
        ),
        // fires on a belligerent backer as the only guarantor
        fires(
            &[&["clause 3"]],
            r#"agreement a {
  date 2018-07-06
  party regime "Syrian government" side government
  party russia "Russia" side third aligned regime
  clause 3 status_settlement { people fighters; guarantor russia }
}"#,
        ),
        // quiet with one neutral guarantor
        quiet(
            r#"agreement a {
  date 2018-05-01
  party regime "Syrian government" side government
  party russia "Russia" side third aligned regime role guarantor
  party un "United Nations" side third
  clause 9 guarantee { by un }
}"#,
        ),
    ],
};

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    let named = document.guarantors();
    let Some(first) = named.first() else {
        return;
    };
    let mut parties: Vec<&Party> = Vec::new();
    for guarantor in &named {
        // A guarantor that resolves to no declared party cannot be shown partisan.
        let Some(party) = document.owner_party(guarantor.path) else {
            return;
        };
        if !party.is_partisan() {
            return;
        }
        if !parties.iter().any(|p| p.id.value == party.id.value) {
            parties.push(party);
        }
    }
    let mut clauses: Vec<&Clause> = Vec::new();
    // `guarantors` lists each clause's guarantors together.
    for clause in named.iter().filter_map(|guarantor| guarantor.clause) {
        if !clauses.last().is_some_and(|c| std::ptr::eq(*c, clause)) {
            clauses.push(clause);
        }
    }
    let described: Vec<String> = parties
        .iter()
        .map(|party| format!("{} ({})", party.id.value, describe_side(party)))
        .collect();
    let message = format!(
        "every guarantor is a party to the conflict or aligned with one: {}",
        and_list(&described),
    );
    out.push(Finding::new(context, rule, &clauses, message, first.span));
}
