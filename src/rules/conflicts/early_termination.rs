//! `early-termination`: a termination takes effect before the agreed term ends.

use jiff::civil::DateTime;

use crate::finding::{Finding, Severity};
use crate::model::{Clause, Document, Relation, Value};
use crate::rules::{Applies, Check, Context, Rule, fires, name, quiet};
use crate::vocabulary::{Key, kinds};

pub static RULE: Rule = Rule {
    id: "early-termination",
    severity: Severity::Error,
    summary: "a termination takes effect before the agreed term ends",
    explanation: "Ending an agreement before the term its parties agreed, or last \
        extended, is a breach that leaves the protected exposed while they still rely on \
        it. Russia's notice that the de-escalation agreement ended on 15 February 2018 \
        came while its last extension ran to 4 May 2018.",
    example: r#"agreement de_escalation {
  date 2017-08
  clause 1 term { extended_until 2018-05-04 }
}
agreement notice {
  date 2018-02-01
  link terminates de_escalation
  clause 1 termination { effective 2018-02-15 }
}"#,
    check: Check::Document(check),
    applies: Applies::Kinds(&[&kinds::TERMINATION]),
    cases: &[
        // fires before last extension
        fires(
            &[&["clause 1", "clause 1"]],
            r#"agreement de_escalation {
  date 2017-08
  clause 1 term { start 2017-05-14; duration 6 months; extended_until 2018-05-04 }
}
agreement notice {
  date 2018-02-01
  link terminates de_escalation
  clause 1 termination { effective 2018-02-15 }
}"#,
        ),
        // quiet after the term
        quiet(
            r#"agreement de_escalation {
  date 2017-08
  clause 1 term { start 2017-05-14; duration 6 months }
}
agreement notice {
  date 2018-02-01
  link terminates de_escalation
  clause 1 termination { effective 2018-02-15 }
}"#,
        ),
    ],
};

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    let mut targets: Vec<&Document> = Vec::new();
    for target in document.linked(Relation::Terminates) {
        if let Some(&target) = context.documents.get(target.value.as_str())
            && !targets.iter().any(|t| std::ptr::eq(*t, target))
        {
            targets.push(target);
        }
    }
    if !targets.iter().any(|t| t.id.value == document.id.value) {
        targets.push(document);
    }
    for termination in document
        .clauses
        .iter()
        .filter(|c| c.is(&kinds::TERMINATION))
    {
        let Some(effective) = termination.get(Key::Effective) else {
            continue;
        };
        let Value::When(when) = &effective.value else {
            continue;
        };
        for target in &targets {
            let Some((end, words, term)) = agreed_end(target) else {
                continue;
            };
            if when.end > end {
                continue;
            }
            let (ended, whose) = if target.id.value == document.id.value {
                ("this agreement".to_string(), String::new())
            } else {
                (target.id.value.to_string(), format!(" of {}", target.id.value))
            };
            let message = format!(
                "{} ends {ended} on {}, before its agreed term ends on {}{whose})",
                name(termination),
                when.text,
                words.trim_end_matches(')'),
            );
            out.push(Finding::new(
                context,
                rule,
                &[termination, term],
                message,
                effective.span,
            ));
        }
    }
}

/// When a document's agreed term ends at the earliest: the latest of its term
/// clauses' `until`, `extended_until`, or `start` (else signing) plus `duration`;
/// with the words that say so and the clause that says it.
fn agreed_end(document: &Document) -> Option<(DateTime, String, &Clause)> {
    let mut latest: Option<(DateTime, String, &Clause)> = None;
    for clause in document.clauses.iter().filter(|c| c.is(&kinds::TERM)) {
        let mut candidates = Vec::new();
        for key in [Key::Until, Key::ExtendedUntil] {
            if let Some(when) = clause.when(key) {
                candidates.push((
                    when.start,
                    format!("{} (`{key}` in {})", when.text, name(clause)),
                ));
            }
        }
        let start = clause
            .when(Key::Start)
            .or(document.date.as_ref().map(|date| &date.value));
        if let (Some(start), Some(duration)) = (start, clause.duration(false))
            && let Some(end) = duration.after(start.start)
        {
            candidates.push((
                end,
                format!(
                    "{} ({duration} from {} in {})",
                    end.date(),
                    start.text,
                    name(clause)
                ),
            ));
        }
        for (end, words) in candidates {
            if latest.as_ref().is_none_or(|(best, _, _)| end > *best) {
                latest = Some((end, words, clause));
            }
        }
    }
    latest
}

