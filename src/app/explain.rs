//! `truce explain`: every rule of the registry listed, or one explained.

use super::Outcome;
use crate::diagnostic::did_you_mean;
use crate::report::{catalogue, text};
use crate::rules::{self, Rule};

/// How to write the rules.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    #[default]
    Text,
    /// The versioned JSON of [`catalogue`].
    Json,
}

/// Without an id, every rule: as text, one line per rule, the document rules
/// and then the comparison rules under their heading. With one (in any case),
/// the rule explained, or an input error with the closest id.
pub fn run(id: Option<&str>, format: Format) -> Outcome {
    let Some(id) = id else {
        if format == Format::Json {
            let every: Vec<&Rule> = rules::registry().collect();
            return Outcome::report(catalogue::json(&every), false);
        }
        let (comparison, document): (Vec<&Rule>, Vec<&Rule>) =
            rules::registry().partition(|rule| rule.is_comparison());
        let mut report = text::catalogue(&document);
        report.push_str("\nComparing two drafts (truce compare):\n");
        report.push_str(&text::catalogue(&comparison));
        return Outcome::report(report, false);
    };
    if let Some(rule) = rules::rule(id) {
        let report = match format {
            Format::Text => text::explain(rule),
            Format::Json => catalogue::json(&[rule]),
        };
        return Outcome::report(report, false);
    }
    let hint = did_you_mean(
        &id.to_ascii_lowercase(),
        rules::registry().map(|rule| rule.id),
    )
    .or_else(|| Some("run `truce explain` to list every rule".to_string()));
    Outcome::bad_argument(format!("unknown rule `{id}`"), hint)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Exit;

    #[test]
    fn lists_every_rule_and_explains_one() {
        colored::control::set_override(false);
        let listing = run(None, Format::Text);
        assert_eq!(listing.exit, Exit::Clean);
        for rule in rules::registry() {
            assert!(listing.report.contains(rule.id), "{} missing", rule.id);
        }
        let comparison = listing.report.find("Comparing two drafts").unwrap_or(0);
        assert!(listing.report.find("guarantee-dropped").unwrap_or(0) > comparison);
        for id in ["no-guarantor", "No-Guarantor", "NO-GUARANTOR"] {
            let explained = run(Some(id), Format::Text);
            assert!(
                explained.report.starts_with("no-guarantor: "),
                "{}",
                explained.report
            );
        }
    }

    #[test]
    fn as_json_every_rule_or_one_in_an_envelope() {
        let every: serde_json::Value =
            serde_json::from_str(&run(None, Format::Json).report).expect("JSON");
        assert_eq!(every["version"], 1);
        let ids: Vec<&str> = every["rules"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|rule| rule["id"].as_str())
            .collect();
        assert_eq!(
            ids,
            rules::registry().map(|rule| rule.id).collect::<Vec<_>>()
        );
        let one: serde_json::Value =
            serde_json::from_str(&run(Some("Commitment-Weakened"), Format::Json).report)
                .expect("JSON");
        let rule = &one["rules"][0];
        assert_eq!(one["rules"].as_array().map(Vec::len), Some(1));
        assert_eq!(rule["id"], "commitment-weakened");
        assert_eq!(rule["severity"], "warning");
        assert_eq!(rule["comparison"], true);
        assert_eq!(rule["family"], "Comparing two drafts (truce compare)");
        assert!(
            rule["example"]
                .as_str()
                .is_some_and(|e| e.contains("agreement"))
        );
    }

    #[test]
    fn an_unknown_rule_is_an_input_error_with_the_closest_id() {
        let outcome = run(Some("weak-comitment"), Format::Json);
        assert_eq!(outcome.exit, Exit::InputError);
        assert_eq!(
            outcome.stderr(false),
            "error[E0004]: unknown rule `weak-comitment`\n  = hint: did you mean `weak-commitment`?\n\n"
        );
    }
}
