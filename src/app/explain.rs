//! `truce explain`: every rule of the registry listed, or one explained.

use super::{Consequence, InputErrors, Outcome, argument_error};
use crate::diagnostic::did_you_mean;
use crate::report::text;
use crate::rules::{self, Rule};
use crate::source::Sources;

/// Without an id, one line per rule: the document rules, then the comparison
/// rules under their heading. With one, the rule explained, or an input error
/// with the closest id.
pub fn run(id: Option<&str>) -> Outcome {
    let Some(id) = id else {
        let (comparison, document): (Vec<&Rule>, Vec<&Rule>) =
            rules::registry().partition(|rule| rule.is_comparison());
        let mut report = text::catalogue(&document);
        report.push_str("\nComparing two drafts (truce compare):\n");
        report.push_str(&text::catalogue(&comparison));
        return Outcome::report(report, false);
    };
    if let Some(rule) = rules::rule(id) {
        return Outcome::report(text::explain(rule), false);
    }
    let hint = did_you_mean(id, rules::registry().map(|rule| rule.id))
        .or_else(|| Some("run `truce explain` to list every rule".to_string()));
    let mut outcome = Outcome::input_errors(
        vec![argument_error(format!("unknown rule `{id}`"), hint)],
        Sources::default(),
    );
    if let Some(InputErrors { consequence, .. }) = &mut outcome.input_errors {
        *consequence = Consequence::BadArgument;
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Exit;

    #[test]
    fn lists_every_rule_and_explains_one() {
        colored::control::set_override(false);
        let listing = run(None);
        assert_eq!(listing.exit, Exit::Clean);
        for rule in rules::registry() {
            assert!(listing.report.contains(rule.id), "{} missing", rule.id);
        }
        let comparison = listing.report.find("Comparing two drafts").unwrap_or(0);
        assert!(listing.report.find("guarantee-dropped").unwrap_or(0) > comparison);
        let explained = run(Some("no-guarantor"));
        assert!(
            explained.report.starts_with("no-guarantor: "),
            "{}",
            explained.report
        );
    }

    #[test]
    fn an_unknown_rule_is_an_input_error_with_the_closest_id() {
        let outcome = run(Some("weak-comitment"));
        assert_eq!(outcome.exit, Exit::InputError);
        assert_eq!(
            outcome.stderr(false),
            "error[E0004]: unknown rule `weak-comitment`\n  = hint: did you mean `weak-commitment`?\n\n"
        );
    }
}
