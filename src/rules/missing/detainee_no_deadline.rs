//! `detainee-no-deadline`: a detainee release or prisoner exchange has no deadline.

use super::{detainee_clauses, each_without};
use crate::finding::{Finding, Severity};
use crate::rules::{Applies, Check, Context, Rule, fires, quiet};
use crate::vocabulary::{Family, Key};

pub static RULE: Rule = Rule {
    id: "detainee-no-deadline",
    severity: Severity::Warning,
    summary: "a detainee release or prisoner exchange has no deadline",
    explanation: "Without a date, absolute or counted from signing or from another \
        clause, a release can be deferred indefinitely while the other side's \
        concessions fall due at once. Item 7 of the Russian 10-item proposal of May 2018 \
        set no date for any release, only a review of the prisoners' status in \
        mid-May.",
    example: r#"agreement proposal {
  date 2018-05-01
  party regime "Syrian government" side government
  clause 7 detainee_release { by regime; mechanism "through the Russian delegation" }
}"#,
    check: Check::Document(check),
    applies: Applies::Family(Family::Detainees),
    cases: &[
        // fires without deadline
        fires(
            &[&["clause 7"]],
            r#"agreement a {
  date 2018-05-01
  clause 7 detainee_release { mechanism "through the Russian delegation"; unstated deadline }
}"#,
        ),
        // quiet with relative deadline
        quiet(
            r#"agreement a {
  date 2018-05-01
  clause 1 ceasefire { deadline immediate }
  clause 7 prisoner_exchange { deadline day 5 after clause 1 starts }
}"#,
        ),
    ],
};

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let clauses = detainee_clauses(context.document);
    each_without(context, rule, out, clauses, Key::Deadline, "has no deadline, absolute or relative");
}
