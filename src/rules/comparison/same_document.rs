//! `same-document`: a document is compared with itself.

use super::document_finding;
use crate::compare::Step;
use crate::compare::direction::Gain;
use crate::finding::{Finding, Severity};
use crate::rules::{Applies, Check, Rule, Scope, fires, quiet};

pub static RULE: Rule = Rule {
    id: "same-document",
    severity: Severity::Warning,
    summary: "a document is compared with itself",
    explanation: "A comparison of a document with itself finds nothing, and says so \
        as if the two drafts agreed: a mistyped id in a CI job would pass every gate. \
        Two versions of one agreement may share an id in two files; only the same \
        declaration twice is this finding.",
    example: r#"agreement draft {
  date 2018-05-01
  clause 1 ceasefire { start immediate }
}"#,
    check: Check::Comparison(check),
    applies: Applies::Steps,
    cases: &[
        fires(&[&[]], "agreement a {\n  date 2018-05-01\n}\n"),
        quiet("agreement a {\n  date 2018-05-01\n}\nagreement b {\n  date 2018-05-02\n}\n"),
    ],
};

fn check(step: &Step, scope: Scope, rule: &Rule, out: &mut Vec<Finding>) {
    let Scope::Document = scope else { return };
    if step.older.span == step.newer.span {
        let message = format!("{} is compared with itself", step.newer.id.value);
        let gain = Gain::none("nothing can change", 1);
        out.push(document_finding(step, rule, message, gain));
    }
}
