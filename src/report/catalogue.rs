//! `truce explain --format json`: rules for tools.
//!
//! # Schema, version 1
//!
//! Stable like the findings report: fields may be added within a version,
//! never renamed, retyped or removed. `truce explain` gives every rule of the
//! registry, in its order; `truce explain RULE` the one rule, in the same
//! envelope.
//!
//! ```json
//! { "version": 1,
//!   "rules": [
//!     { "id": "no-guarantor",
//!       "severity": "warning",                       // the default severity
//!       "family": "Missing guarantees",
//!       "comparison": false,                         // true: a `truce compare` rule
//!       "summary": "no party guarantees the agreement or its protections",
//!       "explanation": "…",                          // paragraphs, split by a blank line
//!       "example": "agreement … { … }" } ] }         // a text on which the rule fires
//! ```

use serde::Serialize;

use crate::rules::{self, Rule, Severity};

/// The version of the schema [`json`] writes.
pub const VERSION: u32 = 1;

/// The rules as JSON, in the order given, ending in a newline.
pub fn json(rules: &[&'static Rule]) -> String {
    let catalogue = Catalogue {
        version: VERSION,
        rules: rules.iter().map(|rule| entry(rule)).collect(),
    };
    // Plain structs of strings: serialising them cannot fail.
    let mut text = serde_json::to_string_pretty(&catalogue).expect("the catalogue serialises");
    text.push('\n');
    text
}

fn entry(rule: &'static Rule) -> Entry {
    Entry {
        id: rule.id,
        severity: rule.severity,
        family: rules::family(rule),
        comparison: rule.is_comparison(),
        summary: rule.summary,
        explanation: paragraphs(rule.explanation),
        example: rule.example.trim_matches('\n').to_string(),
    }
}

/// An explanation's paragraphs, each on one line, split by a blank line.
pub(crate) fn paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(|paragraph| paragraph.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|paragraph| !paragraph.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[derive(Serialize)]
struct Catalogue {
    version: u32,
    rules: Vec<Entry>,
}

#[derive(Serialize)]
struct Entry {
    id: &'static str,
    severity: Severity,
    family: Option<&'static str>,
    comparison: bool,
    summary: &'static str,
    explanation: String,
    example: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explanations_become_paragraphs() {
        assert_eq!(
            paragraphs("\n  One\n  line.\n\n  Two.\n"),
            "One line.\n\nTwo."
        );
    }
}
