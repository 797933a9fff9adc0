//! `drafts-out-of-order`: the "older" draft is dated after the newer one.

use super::document_finding;
use crate::compare::Step;
use crate::compare::direction::Gain;
use crate::finding::{Finding, Severity};
use crate::rules::{Applies, Check, Rule, Scope, fires, quiet};

pub static RULE: Rule = Rule {
    id: "drafts-out-of-order",
    severity: Severity::Warning,
    summary: "the older draft is dated after the newer one",
    explanation: "`truce compare` reads its drafts oldest first: every term the later \
        text dropped reads as added, every weakening as a hardening, and the balance \
        by camp turns over. Drafts given in the wrong order are an easy slip with \
        ids like `proposal_2018` and `final_2018`; the dates say which came first. \
        Quiet where either draft has no date, or the two dates overlap (a month and \
        a day in it).",
    example: r#"agreement final_2018 {
  date 2018-05-02
  clause 1 ceasefire { start immediate }
}
agreement proposal_2018 {
  date 2018-05-01
  clause 1 ceasefire { start immediate }
}"#,
    check: Check::Comparison(check),
    applies: Applies::Steps,
    cases: &[
        fires(
            &[&[]],
            "agreement b {\n  date 2018-05-02\n}\nagreement a {\n  date 2017-10-04\n}\n",
        ),
        // oldest first
        quiet("agreement a {\n  date 2017-10-04\n}\nagreement b {\n  date 2018-05-02\n}\n"),
        // a month and a day in it: no order
        quiet("agreement a {\n  date 2018-05\n}\nagreement b {\n  date 2018-05-02\n}\n"),
        // no date
        quiet("agreement a {\n  date 2018-05-02\n}\nagreement b {\n}\n"),
    ],
};

fn check(step: &Step, scope: Scope, rule: &Rule, out: &mut Vec<Finding>) {
    let Scope::Document = scope else { return };
    let (Some(older), Some(newer)) = (&step.older.date, &step.newer.date) else {
        return;
    };
    if newer.value.is_before(&older.value) {
        let message = format!(
            "{} ({}) is dated after {} ({}): give the drafts oldest first",
            step.older.id.value, older.value.text, step.newer.id.value, newer.value.text
        );
        let gain = Gain::none("the drafts are in the wrong order", 1);
        out.push(document_finding(step, rule, message, gain));
    }
}
