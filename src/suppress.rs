//! Accepted gaps: the `allow RULE "reason"` lines of the documents, applied to
//! the findings after the rules have run. A suppressed finding is kept, with the
//! reason, so that reports can count it and list it (`--show-suppressed`): an
//! accepted gap is never silently lost.
//!
//! An `allow` on a document covers every finding of its rule on the document. In
//! a clause, it covers the rule's findings that point into the clause, and those
//! that name clauses only when every clause they name allows the rule: a
//! guarantee missing from clauses 4 and 7 is not accepted by a line in clause 4.

use std::collections::HashMap;

use crate::finding::Finding;
use crate::model::{Allow, Clause, Corpus, Document};
use crate::source::Span;

/// A finding an `allow` covers, with why.
#[derive(Clone, Debug, PartialEq)]
pub struct Suppressed {
    pub finding: Finding,
    /// The reasons of the `allow` lines that cover it, joined with `; `.
    pub reason: String,
    /// Where the (first) `allow` that covers it stands.
    pub allow: Span,
}

/// Split findings into those reported and those an `allow` covers, each list in
/// the order given.
pub fn apply(findings: Vec<Finding>, corpus: &Corpus) -> (Vec<Finding>, Vec<Suppressed>) {
    let allowing: HashMap<&str, &Document> = corpus
        .documents
        .iter()
        .filter(|document| document.every_allow().next().is_some())
        .map(|document| (document.id.value.as_str(), document))
        .collect();
    if allowing.is_empty() {
        return (findings, Vec::new());
    }
    let mut kept = Vec::with_capacity(findings.len());
    let mut suppressed = Vec::new();
    for finding in findings {
        let covering = allowing
            .get(finding.document.as_str())
            .map(|document| covering(document, &finding))
            .unwrap_or_default();
        match covering.first() {
            Some(first) => {
                let reasons: Vec<&str> = covering
                    .iter()
                    .map(|allow| allow.reason.value.as_str())
                    .collect();
                suppressed.push(Suppressed {
                    allow: first.span,
                    reason: reasons.join("; "),
                    finding,
                });
            }
            None => kept.push(finding),
        }
    }
    (kept, suppressed)
}

/// The `allow` lines of `document` that together cover `finding` (a finding of
/// the document), or none when it is not covered.
pub fn covering<'d>(document: &'d Document, finding: &Finding) -> Vec<&'d Allow> {
    let of_rule = |allows: &'d [Allow]| {
        allows
            .iter()
            .find(|allow| allow.rule.value.eq_ignore_ascii_case(finding.rule))
    };
    if let Some(allow) = of_rule(&document.allows) {
        return vec![allow];
    }
    let clauses = || document.recitals.iter().chain(&document.clauses);
    // The clause the finding points into.
    if let Some(allow) = clauses()
        .filter(|clause| contains(clause.span, finding.span))
        .find_map(|clause| of_rule(&clause.allows))
    {
        return vec![allow];
    }
    // Every clause it names.
    if finding.clauses.is_empty() {
        return Vec::new();
    }
    let mut allows: Vec<&'d Allow> = Vec::new();
    for named in &finding.clauses {
        let clause: Option<&Clause> = clauses().find(|clause| clause.span == named.span);
        match clause.and_then(|clause| of_rule(&clause.allows)) {
            Some(allow) if allows.iter().any(|known| std::ptr::eq(*known, allow)) => {}
            Some(allow) => allows.push(allow),
            None => return Vec::new(),
        }
    }
    allows
}

fn contains(outer: Span, inner: Span) -> bool {
    outer.file == inner.file && outer.start <= inner.start && inner.end <= outer.end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> (Vec<Finding>, Vec<Suppressed>) {
        let loaded = crate::load_str("allow.truce", text);
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        apply(crate::rules::check(&loaded.corpus), &loaded.corpus)
    }

    fn rules(findings: &[Finding]) -> Vec<&str> {
        findings.iter().map(|finding| finding.rule).collect()
    }

    #[test]
    fn a_document_allow_covers_the_rule_on_the_whole_document_only() {
        let (kept, suppressed) = split(
            r#"agreement a {
  date 2018-05-01
  allow No-Guarantor "the UN operation is its own guarantee"
  clause 7 detainee_release { strength review }
}
agreement b {
  date 2018-05-01
  clause 7 detainee_release { strength review }
}"#,
        );
        assert_eq!(
            rules(
                &suppressed
                    .iter()
                    .map(|s| s.finding.clone())
                    .collect::<Vec<_>>()
            ),
            ["no-guarantor"]
        );
        assert_eq!(
            suppressed[0].reason,
            "the UN operation is its own guarantee"
        );
        assert_eq!(suppressed[0].finding.document, "a");
        assert!(
            kept.iter()
                .any(|f| f.rule == "no-guarantor" && f.document == "b")
        );
        assert!(
            !kept
                .iter()
                .any(|f| f.rule == "no-guarantor" && f.document == "a")
        );
    }

    #[test]
    fn a_clause_allow_covers_findings_in_it_and_not_a_gap_it_shares() {
        let text = r#"agreement a {
  date 2018-05-01
  clause 4 detainee_release {
    strength review
    allow weak-commitment "a review is all the regime would sign"
    allow no-guarantor "clause 4 is guaranteed elsewhere"
  }
  clause 7 detainee_release { strength review }
}"#;
        let (kept, suppressed) = split(text);
        let covered: Vec<(&str, Vec<String>)> = suppressed
            .iter()
            .map(|s| {
                (
                    s.finding.rule,
                    s.finding.clauses.iter().map(|c| c.label()).collect(),
                )
            })
            .collect();
        assert_eq!(covered, [("weak-commitment", vec!["clause 4".to_string()])]);
        // The guarantee missing from clauses 4 and 7 is not accepted by clause 4 alone.
        assert!(kept.iter().any(|f| f.rule == "no-guarantor"));
        assert!(kept.iter().any(|f| f.rule == "weak-commitment"));
    }

    #[test]
    fn without_allows_nothing_is_suppressed() {
        let (kept, suppressed) = split(
            "agreement a {\n  date 2018-05-01\n  clause 7 detainee_release { strength review }\n}\n",
        );
        assert!(suppressed.is_empty());
        assert!(rules(&kept).contains(&"weak-commitment"));
    }
}
