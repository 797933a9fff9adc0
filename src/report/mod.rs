//! Renderers: turn what the library found into what a person or a tool reads.
//!
//! Renderers only read: they never re-parse, never re-check, and never print.
//! Each returns a whole `String`, so the binary writes all of a report or none.

pub mod catalogue;
pub mod compare_html;
pub mod compare_json;
pub mod compare_markdown;
pub mod compare_shared;
pub mod compare_text;
pub mod compare_timeline;
#[cfg(test)]
mod contrast;
pub mod coverage;
pub mod diagnostics;
pub mod github;
pub mod json;
pub mod junit;
pub mod list;
mod pad;
pub mod pax;
pub mod redlines;
mod safe;
pub mod sarif;
mod snippet;
pub mod stats_csv;
pub mod stats_html;
pub mod stats_json;
pub mod stats_markdown;
pub mod stats_tables;
pub mod stats_text;
pub mod text;
mod view;

pub use safe::terminal_safe;

use crate::rules::{Finding, Severity};

/// How many findings of each severity a run produced.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Counts {
    pub fn of<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Counts {
        Counts::of_severities(findings.into_iter().map(|finding| finding.severity))
    }

    pub fn of_severities(severities: impl IntoIterator<Item = Severity>) -> Counts {
        let mut counts = Counts::default();
        for severity in severities {
            match severity {
                Severity::Error => counts.errors += 1,
                Severity::Warning => counts.warnings += 1,
                Severity::Info => counts.infos += 1,
            }
        }
        counts
    }
}

/// `1 error`, `2 warnings`: a count with its noun, singular or plural.
pub(crate) fn plural(count: usize, singular: &str, plural: &str) -> String {
    if count == 1 {
        format!("{count} {singular}")
    } else {
        format!("{count} {plural}")
    }
}

/// The findings of each document, documents in corpus order, the most severe
/// first within a document and source order among equals. Findings about a
/// document the corpus does not hold come last, in the order given.
pub(crate) fn grouped<'a>(
    findings: &'a [Finding],
    corpus: &crate::model::Corpus,
) -> Vec<(&'a str, Vec<&'a Finding>)> {
    let mut groups: Vec<(&str, Vec<&Finding>)> = Vec::new();
    for finding in findings {
        match groups
            .iter_mut()
            .find(|(document, _)| *document == finding.document)
        {
            Some((_, members)) => members.push(finding),
            None => groups.push((finding.document.as_str(), vec![finding])),
        }
    }
    let position = |document: &str| {
        corpus
            .documents
            .iter()
            .position(|candidate| candidate.id.value == document)
            .unwrap_or(usize::MAX)
    };
    // Stable sorts: ties keep the order the rules reported them in.
    groups.sort_by_key(|(document, _)| position(document));
    for (_, members) in &mut groups {
        members.sort_by(|a, b| {
            b.severity
                .cmp(&a.severity)
                .then((a.span.file, a.span.start).cmp(&(b.span.file, b.span.start)))
        });
    }
    groups
}

/// The findings in the order of the text report ([`grouped`]), one list.
pub fn in_report_order<'a>(
    findings: &'a [Finding],
    corpus: &crate::model::Corpus,
) -> Vec<&'a Finding> {
    grouped(findings, corpus)
        .into_iter()
        .flat_map(|(_, members)| members)
        .collect()
}

/// Lines of at most `width` characters, breaking between words; a word longer
/// than `width` gets a line of its own. Paragraphs (split by a blank line) stay
/// apart, separated by an empty line; other whitespace collapses to one space.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split("\n\n").filter(|p| !p.trim().is_empty()) {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let length = line.chars().count();
            if length > 0 && length + 1 + word.chars().count() > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_between_words() {
        assert_eq!(wrap("a bb  ccc\n dddd", 6), ["a bb", "ccc", "dddd"]);
        assert_eq!(wrap("", 6), Vec::<String>::new());
        assert_eq!(wrap("abcdefgh ij", 4), ["abcdefgh", "ij"]);
        assert_eq!(wrap("a\n\n\nb", 6), ["a", "", "b"]);
    }
}
