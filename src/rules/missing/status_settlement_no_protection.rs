//! `status-settlement-no-protection`: a status settlement that protects no one from arrest, or only for a while.

use super::{protections, settlements};
use crate::finding::{Finding, Severity};
use crate::model::{Clause, and_list};
use crate::rules::{Applies, Check, Context, Rule, fires, name, quiet};
use crate::vocabulary::{Key, kinds};

pub static RULE: Rule = Rule {
    id: "status-settlement-no-protection",
    severity: Severity::Warning,
    summary: "a status settlement that protects no one from arrest, or only for a while",
    explanation: "\"Regularising status\" means what the security branches make of it \
        unless the text says what it protects against: arrest, pursuit, prosecution for \
        which offences. Items 3 and 4 of the Russian 10-item proposal (May 2018) offer \
        to regularise status and say nothing of it, and the factions rejected it for \
        the \"lack of any guarantee for the future of civilians\"; the final northern \
        Homs agreement gives six months of free movement, after which service applies; \
        after the Daraa settlement of July 2018, settled men were arrested. Quiet where \
        the settlement states its protection or the offences it covers, or another \
        clause protects people from arrest or pursuit (Douma, al-Waer), unless that \
        protection lapses. \
        A warning: the text may be completed by practice or a decree, which the finding cannot see.",
    example: r#"agreement proposal {
  date 2018-05-01
  clause 3 status_settlement { people "Those who wish to remain" }
}"#,
    check: Check::Document(check),
    applies: Applies::Kinds(&[&kinds::STATUS_SETTLEMENT]),
    cases: &[
        // fires on a settlement with nothing stated, and on one whose free
        // movement lapses
        fires(
            &[&["clause 3"], &["clause 8a", "clause 8b"]],
            r#"agreement a {
  date 2018-05-01
  clause 3 status_settlement { people "Those who wish to remain" }
}
agreement b {
  date 2018-05-02
  place syria "Syria" kind region
  clause "8a" status_settlement { people defectors, "civilians who stay"; protection "no arrest" }
  clause "8b" movement { across syria; duration 6 months }
}"#,
        ),
        // quiet where offences are covered, another clause protects from
        // pursuit, or the clause only lets students resume
        quiet(
            r#"agreement a {
  date 2018-04-08
  clause "3a" protection { people "those who stay"; from pursuit }
  clause 6 status_settlement { people students; resumes study }
  clause "7b" status_settlement { people fighters }
}
agreement b {
  date 2018-04-08
  clause 5 status_settlement { people defectors; offences "desertion" }
}"#,
        ),
    ],
};

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    let protected_elsewhere = protections(document).next().is_some();
    // Protections that run out: a free movement or a protection for a period.
    let lapsing: Vec<&Clause> = document
        .principal_clauses()
        .filter(|clause| clause.is(&kinds::MOVEMENT) || clause.is(&kinds::PROTECTION))
        .filter(|clause| clause.has(Key::Duration) || clause.has(Key::Until))
        .collect();
    for settlement in settlements(document) {
        let unprotected = !settlement.has(Key::Protection)
            && !settlement.has(Key::Offences)
            && !protected_elsewhere;
        let mut lapses: Vec<&Clause> = lapsing.clone();
        if settlement.has(Key::Duration) || settlement.has(Key::Until) {
            lapses.insert(0, settlement);
        }
        if !unprotected && lapses.is_empty() {
            continue;
        }
        let mut parts = Vec::new();
        if unprotected {
            parts.push("states no protection from arrest or pursuit and no offences it covers".to_string());
        }
        for clause in &lapses {
            let until = match (clause.duration(true), clause.get(Key::Until)) {
                (Some(duration), _) => format!("after {duration}"),
                (None, Some(until)) => format!("on {}", until.value),
                (None, None) => continue,
            };
            if std::ptr::eq(*clause, settlement) {
                parts.push(format!("its protection lapses {until}"));
            } else {
                parts.push(format!("the {} of {} lapses {until}", clause.kind_name(), clause.label()));
            }
        }
        let message = format!("{} {}", name(settlement), and_list(&parts));
        let mut clauses = vec![settlement];
        clauses.extend(lapses.iter().filter(|c| !std::ptr::eq(**c, settlement)));
        let finding = if unprotected {
            Finding::absent
        } else {
            Finding::new
        };
        out.push(finding(context, rule, &clauses, message, settlement.span));
    }
}
