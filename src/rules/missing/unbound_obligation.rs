//! `unbound-obligation`: an operative clause that obliges someone to act binds no party.

use crate::finding::{Finding, Severity};
use crate::rules::{Applies, Check, Context, Rule, fires, name, quiet};
use crate::vocabulary::Key;

use super::unstated_note;

pub static RULE: Rule = Rule {
    id: "unbound-obligation",
    severity: Severity::Warning,
    summary: "a clause that obliges someone to act binds no party",
    explanation: "A release, a handover, an opened road or restored services that no \
        party is bound to carry out is owed by no one: when it does not happen, each side \
        can say it was never its task. Local agreements often state such obligations in \
        the passive (\"detainees will be released\", \"the road will be opened\"), and \
        the party that must act is the first thing a monitor has to ask.",
    example: r#"agreement proposal {
  date 2018-05-01
  clause 4 detainee_release { mechanism "lists exchanged"; deadline within 30 days of signing }
}"#,
    check: Check::Document(check),
    applies: Applies::Obligations,
    cases: &[
        // fires on obligations without anyone bound, marked or not
        fires(
            &[&["clause 1"], &["clause 2"], &["clause 3"]],
            r#"agreement a {
  date 2018-05-01
  clause 1 detainee_release { mechanism "lists" }
  clause 2 road_opening { road "Homs-Hama road"; unstated by }
  clause 3 services { services water, electricity }
}"#,
        ),
        // quiet when a party, force or group is bound, for kinds that oblige no
        // one in particular, and for recitals
        quiet(
            r#"agreement a {
  date 2018-05-01
  party regime "Syrian government" side government
  clause 1 detainee_release { by regime; mechanism "lists" }
  clause 2 withdrawal { forces regime }
  clause 3 conscription { people "those who settle their status"; grace 6 months }
  clause 4 institutions_return { institutions regime }
  clause 5 ceasefire { duration 6 months }
  clause 6 political_process { forum "Astana" }
  clause 7 evacuation { people fighters }
  recital services { services water }
}"#,
        ),
    ],
};

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let obligations = context
        .document
        .principal_clauses()
        .filter(|clause| clause.kind().obliges && clause.bound().is_empty());
    for clause in obligations {
        let message = format!(
            "{} binds no party: no one is named to carry it out{}",
            name(clause),
            unstated_note(clause, Key::By),
        );
        out.push(Finding::absent(context, rule, &[clause], message, clause.span));
    }
}
