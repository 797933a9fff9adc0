//! `relative-deadline-ambiguous-anchor`: a time counts from another clause without saying from its start or its end.

use crate::finding::{Finding, Severity};
use crate::model::{Anchor, Deadline};
use crate::rules::{Applies, Check, Context, Rule, fires, name, numbered, quiet};
use crate::vocabulary::Key;

pub static RULE: Rule = Rule {
    id: "relative-deadline-ambiguous-anchor",
    severity: Severity::Warning,
    summary: "a time counts from another clause without saying from its start or its end",
    explanation: "\"Within a week of the evacuation\" may run from the first bus or from \
        the last, and the gap between the two readings is as long as the evacuation \
        itself: each side will read it its own way. The domain notes make such an \
        anchor a finding of its own; the dossiers show the risk nearby, in the al-Waer \
        agreement of March 2017 (\"the whole process takes at most two months\", from \
        signing or from the first batch) and in northern Homs, where six months of free \
        movement run from \"the settlement\". Write `after clause 2 starts` or `after \
        clause 2 ends` where the source says which. \
        A warning: the two readings may differ by little.",
    example: r#"agreement a {
  date 2017-03-13
  party regime "Syrian government" side government units police
  clause 2 evacuation { people fighters; duration 2 months }
  clause 5 deployment { forces regime.police; deadline within 7 days after clause 2 }
}"#,
    check: Check::Document(check),
    applies: Applies::Keys(&[Key::Deadline, Key::Start]),
    cases: &[
        // fires on a deadline and a start counted from a clause, no end named
        fires(
            &[&["clause 5", "clause 2"], &["clause 6", "clause 2"]],
            r#"agreement a {
  date 2017-03-13
  party regime "Syrian government" side government units police, civil_registry
  clause 2 evacuation { people fighters; duration 2 months }
  clause 5 deployment { forces regime.police; deadline within 7 days after clause 2 }
  clause 6 institutions_return { institutions regime.civil_registry; start day 3 after clause 2 }
}"#,
        ),
        // quiet when the start or end is named, or the time counts from signing
        quiet(
            r#"agreement a {
  date 2017-03-13
  party regime "Syrian government" side government units police, civil_registry
  clause 2 evacuation { people fighters; duration 2 months }
  clause 3 evacuation { people fighters; deadline within 2 months after clause 2 starts }
  clause 5 deployment { forces regime.police; deadline within 7 days after clause 2 ends }
  clause 6 institutions_return { institutions regime.civil_registry; start within 3 days of signing }
}"#,
        ),
    ],
};

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    let numbers = numbered(document);
    for clause in document.principal_clauses() {
        for attribute in &clause.attributes {
            let Some(Deadline::Relative {
                anchor: Anchor::Clause {
                    number,
                    point: None,
                },
                ..
            }) = attribute.value.deadline()
            else {
                continue;
            };
            let Some(anchor) = numbers
                .get(number.value.as_str())
                .map(|&index| &document.clauses[index])
            else {
                continue;
            };
            let lasting = match (anchor.duration(true), anchor.get(crate::vocabulary::Key::Until)) {
                (Some(duration), _) => format!(", which lasts {duration}"),
                (None, Some(until)) => format!(", which runs until {}", until.value),
                (None, None) => String::new(),
            };
            let message = format!(
                "{}: `{}` counts from {}{lasting} without saying whether from its start or \
                 its end",
                name(clause),
                attribute.value,
                name(anchor)
            );
            out.push(Finding::new(
                context,
                rule,
                &[clause, anchor],
                message,
                number.span,
            ));
        }
    }
}
