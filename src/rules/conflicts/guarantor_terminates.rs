//! `guarantor-terminates`: a party that guarantees an agreement ends it.

use crate::finding::{Finding, Severity};
use crate::model::{Document, Relation};
use crate::rules::{Applies, Check, Context, Rule, fires, name, quiet};
use crate::vocabulary::{Key, Role, kinds};

pub static RULE: Rule = Rule {
    id: "guarantor-terminates",
    severity: Severity::Warning,
    summary: "a party that guarantees an agreement ends it",
    explanation: "A guarantee is a promise to hold the parties to the agreement; a \
        guarantor that ends the agreement, or notifies its end, removes the protection \
        it was there to give, and the protected have no one left to turn to. In \
        February 2018 the Russian Ministry of Defense notified the northern Homs \
        negotiations committee that the de-escalation agreement ended on 15 February \
        (source 002), while Russia was a guarantor of the Astana memorandum that \
        stipulated the zone (source 001). It reads the guarantors of the agreement ended \
        and of any agreement it implements. \
        A warning, not an error: a guarantor may end an agreement by its terms; the protected lose their guarantor all the same.",
    example: r#"agreement astana {
  date 2017-05-04
  party russia "Russia" side third role guarantor
}
agreement de_escalation {
  date 2017-08
  link implements astana
}
agreement notice {
  date 2018-02-01
  link terminates de_escalation
  party russia "Russian Ministry of Defense" side third
  clause termination { by russia; effective 2018-02-15 }
}"#,
    check: Check::Document(check),
    applies: Applies::Kinds(&[&kinds::TERMINATION]),
    cases: &[
        // fires for a guarantor of the agreement, or of the one it implements
        fires(
            &[&["clause 1"], &["clause 2"]],
            r#"agreement astana {
  date 2017-05-04
  guarantor russia
  party russia "Russia" side third
}
agreement local {
  date 2017-08
  link implements astana
  party un "United Nations" side third role guarantor
  clause 1 termination { by un; effective 2018-01-01 }
}
agreement notice {
  date 2018-02-01
  link terminates local
  party russia "Russian Ministry of Defense" side third
  clause 2 termination { by russia; effective 2018-02-15 }
}"#,
        ),
        // quiet when a party that guarantees nothing ends it
        quiet(
            r#"agreement local {
  date 2017-08
  party russia "Russia" side third role guarantor
}
agreement notice {
  date 2018-02-01
  link terminates local
  party regime "Syrian government" side government
  clause termination { by regime; effective 2018-02-15 }
}"#,
        ),
    ],
};

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    let mut targets: Vec<&Document> = document
        .linked(Relation::Terminates)
        .filter_map(|id| context.documents.get(id.value.as_str()).copied())
        .collect();
    if targets.is_empty() {
        targets.push(document);
    }
    for termination in document
        .clauses
        .iter()
        .filter(|c| c.is(&kinds::TERMINATION))
    {
        let mut ending: Vec<(String, crate::source::Span)> = termination
            .actor_parties(Key::By)
            .into_iter()
            .map(|(path, span)| (document.owner(&path).to_string(), span))
            .collect();
        if ending.is_empty() {
            ending = document
                .parties
                .iter()
                .filter(|party| party.has_role(Role::Proposer))
                .map(|party| (party.id.value.to_string(), termination.span))
                .collect();
        }
        for target in &targets {
            for (party, span) in &ending {
                let Some(how) = guarantees(context, target, party) else {
                    continue;
                };
                let message = format!(
                    "{} by {party} ends {}, {how}",
                    name(termination),
                    if std::ptr::eq(*target, document) {
                        "this agreement".to_string()
                    } else {
                        target.id.value.to_string()
                    },
                );
                out.push(Finding::new(context, rule, &[termination], message, *span));
            }
        }
    }
}

/// How `party` guarantees `target`: directly, or as a guarantor of an agreement
/// the target implements.
fn guarantees(context: &Context, target: &Document, party: &str) -> Option<String> {
    if target.owners(&target.guarantors()).iter().any(|g| g == party) {
        return Some(format!("which {party} guarantees"));
    }
    for implemented in target.linked(Relation::Implements) {
        let Some(base) = context.documents.get(implemented.value.as_str()) else {
            continue;
        };
        if base.owners(&base.guarantors()).iter().any(|g| g == party) {
            return Some(format!(
                "though {party} guarantees {}, which {} implements",
                base.id.value, target.id.value
            ));
        }
    }
    None
}
