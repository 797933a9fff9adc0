//! `deadline-before-signing`: a deadline falls before the document's date.

use crate::finding::{Finding, Severity};
use crate::rules::{Applies, Check, Context, Rule, fires, name, quiet};
use crate::vocabulary::Key;

pub static RULE: Rule = Rule {
    id: "deadline-before-signing",
    severity: Severity::Error,
    summary: "a deadline falls before the document's date",
    explanation: "An obligation due before the agreement exists is either an encoding \
        slip or a term no one can meet, and the other side may treat it as already \
        breached. Either way the date needs checking against the source.",
    example: r#"agreement proposal {
  date 2018-05-01
  clause 3 weapons_handover { weapons heavy; deadline 2018-04-20 }
}"#,
    check: Check::Document(check),
    applies: Applies::Keys(&[Key::Deadline]),
    cases: &[
        // fires on earlier deadline
        fires(
            &[&["clause 3"]],
            r#"agreement a {
  date 2018-05-01
  clause 3 weapons_handover { weapons heavy; deadline 2018-04-30 }
  clause 4 withdrawal { deadline 2018-05-01 }
}"#,
        ),
        // quiet for same day and relative
        quiet(
            r#"agreement a {
  date 2018-05-01
  clause 3 weapons_handover { weapons heavy; deadline 2018-05-01 }
  clause 4 withdrawal { deadline within 14 days of signing }
  clause 5 ceasefire { deadline immediate }
  clause 6 term { until 2018-04-01 }
}"#,
        ),
    ],
};

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    let Some(date) = &document.date else {
        return;
    };
    for clause in &document.clauses {
        let Some(deadline) = clause.when(Key::Deadline) else {
            continue;
        };
        if deadline.is_before(&date.value) {
            let message = format!(
                "{} is due {}, before the document's date {}",
                name(clause),
                deadline.text,
                date.value.text,
            );
            let span = clause.span_of(Key::Deadline);
            out.push(Finding::new(context, rule, &[clause], message, span));
        }
    }
}
