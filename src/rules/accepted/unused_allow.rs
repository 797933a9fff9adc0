//! `unused-allow`: an `allow` line that covers no finding.

use crate::finding::{Finding, Severity};
use crate::rules::{Applies, Check, Context, Rule, fires, quiet};
use crate::suppress;

pub static RULE: Rule = Rule {
    id: "unused-allow",
    severity: Severity::Info,
    summary: "an `allow` line covers no finding",
    explanation: "An `allow` records why a gap is accepted. When the gap is closed (the \
        guarantor is named, the deadline added) or the line sits where the rule does not \
        fire, the line goes on claiming an accepted gap that no longer exists, and it \
        would silently cover the next finding of that rule, which nobody has judged. \
        Remove the line, or move it to the document or the clause the finding is about.",
    example: r#"agreement proposal {
  date 2018-05-01
  party un "United Nations" side third role guarantor
  allow no-guarantor "the UN operation is its own guarantee"
  clause 1 ceasefire { duration 6 months }
}"#,
    check: Check::Document(check),
    applies: Applies::Allows,
    cases: &[
        // fires on a document allow of a rule that does not fire
        fires(
            &[&[]],
            r#"agreement a {
  date 2018-05-01
  guarantor russia
  party russia "Russia" side third
  allow no-guarantor "Russia guarantees it"
  clause 1 ceasefire { duration 6 months }
}"#,
        ),
        // fires on a clause allow of a finding about two clauses, and on one in a
        // clause the rule does not fire on
        fires(
            &[&["clause 4"], &["clause 9"]],
            r#"agreement a {
  date 2018-05-01
  clause 4 detainee_release {
    strength review
    allow no-guarantor "guaranteed in the annex"
  }
  clause 7 detainee_release { strength review }
  clause 9 ceasefire {
    duration 6 months
    allow weak-commitment "the ceasefire is binding"
  }
}"#,
        ),
        // quiet where each allow covers a finding
        quiet(
            r#"agreement a {
  date 2018-05-01
  allow no-guarantor "the UN operation is its own guarantee"
  clause 7 detainee_release {
    strength review
    allow weak-commitment "a review is all the regime would sign"
  }
}"#,
        ),
        // quiet without allows
        quiet(
            r#"agreement a {
  date 2018-05-01
  clause 7 detainee_release { strength review }
}"#,
        ),
    ],
};

/// Run each allowed rule on the document again, and report the `allow` lines
/// that cover none of its findings. Allows are few, so the extra runs are cheap.
fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    let mut by_rule: Vec<(String, Vec<Finding>)> = Vec::new();
    for (clause, allow) in document.every_allow() {
        let id = allow.rule_id();
        if !by_rule.iter().any(|(known, _)| *known == id) {
            let mut found = Vec::new();
            if let Some(allowed) = crate::rules::rule(&id).filter(|allowed| allowed.id != rule.id)
                && let Check::Document(run) = allowed.check
            {
                run(context, allowed, &mut found);
            }
            by_rule.push((id.clone(), found));
        }
        let found = by_rule
            .iter()
            .find(|(known, _)| *known == id)
            .map_or(&[][..], |(_, found)| found.as_slice());
        let used = found.iter().any(|finding| {
            suppress::covering(document, finding)
                .iter()
                .any(|covering| std::ptr::eq(*covering, allow))
        });
        if used {
            continue;
        }
        let place = match clause {
            Some(clause) => format!("in {}", clause.label()),
            None => "on the document".to_string(),
        };
        let message = format!(
            "`allow {}` {place} covers no finding: `{id}` does not fire there",
            allow.rule.value
        );
        let clauses: Vec<_> = clause.into_iter().collect();
        out.push(Finding::new(context, rule, &clauses, message, allow.span));
    }
}
