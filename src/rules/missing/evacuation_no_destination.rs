//! `evacuation-no-destination`: an evacuation does not say where people go.

use super::{evacuations, each_without};
use crate::finding::{Finding, Severity};
use crate::rules::{Applies, Check, Context, Rule, fires, quiet};
use crate::vocabulary::{Key, kinds};

pub static RULE: Rule = Rule {
    id: "evacuation-no-destination",
    severity: Severity::Warning,
    summary: "an evacuation does not say where people go",
    explanation: "People who leave without a stated destination may be moved wherever \
        the stronger side decides, which is how evacuations become forced transfers. \
        Gen. Loka's first offer for Old Homs said who would leave and on what terms, \
        not where they would go.",
    example: r#"agreement offer {
  date 2014-01-15
  party un "United Nations" side third
  clause 1 evacuation { people civilians; escort un }
}"#,
    check: Check::Document(check),
    applies: Applies::Kinds(&[&kinds::EVACUATION]),
    cases: &[
        // fires without destination
        fires(
            &[&["clause 1"]],
            r#"agreement a {
  date 2014-01-15
  clause 1 evacuation { people civilians }
}"#,
        ),
        // quiet with described destination
        quiet(
            r#"agreement a {
  date 2014-01-15
  clause 1 evacuation { people civilians; destination "the northern Homs countryside" }
}"#,
        ),
        // quiet for an item that sets out the terms of an exit with a destination,
        // which still fires where the exit it details has none
        quiet(
            r#"agreement a {
  date 2018-05-02
  clause 3 evacuation { people fighters; destination "Idlib" }
  clause 4 evacuation { details 3; allowance "a rifle and 3 magazines" }
}"#,
        ),
        fires(
            &[&["clause 3"]],
            r#"agreement a {
  date 2018-05-02
  clause 3 evacuation { people fighters }
  clause 4 evacuation { details 3; allowance "a rifle and 3 magazines" }
}"#,
        ),
    ],
};

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let clauses = evacuations(context.document);
    each_without(context, rule, out, clauses, Key::Destination, "does not say where people go");
}
