//! Findings for people: grouped by document, each with its place in the source.
//!
//! ```text
//! proposal_2018 (proposal.truce): 4 warnings
//!
//! warning[no-guarantor]: no party guarantees the agreement or its protections (clause 7)
//!   --> proposal.truce:1:11
//!   |
//! 1 | agreement proposal_2018 {
//!   |           ^^^^^^^^^^^^^
//!   |
//!   = also: clause 7 at proposal.truce:5:3
//! ```
//!
//! The snippet under each finding is drawn by `codespan-reporting`, as the input
//! errors are (see `snippet`), so findings and errors read alike. Colour comes
//! from `colored`, whose global switch the binary sets once from `--color`,
//! `NO_COLOR` and the terminal; the snippet follows the same switch.

use std::fmt::Write as _;

use colored::{ColoredString, Colorize};

use crate::model::Basis;
use crate::model::Corpus;
use crate::rules::{self, Finding, Rule, Severity};
use crate::source::Sources;
use crate::suppress::Suppressed;

use super::snippet::{hanging, snippet};
use super::{Counts, grouped, plural, wrap};

/// Explanations wrap at this many characters, to read well in an 80-column terminal.
const EXPLANATION_WIDTH: usize = 72;

/// What to show beyond the findings themselves.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Add each rule's explanation under its findings.
    pub explain: bool,
    /// Only the findings: no line per document with its counts, no summary.
    pub quiet: bool,
}

/// The whole report: every finding, then the summary line.
pub fn render(
    findings: &[Finding],
    corpus: &Corpus,
    sources: &Sources,
    options: Options,
) -> String {
    render_suppressed(findings, &[], false, corpus, sources, options)
}

/// [`render`], with the findings `allow` lines cover counted in the summary
/// (`; N suppressed`) and, with `show`, listed before it with their reasons.
pub fn render_suppressed(
    findings: &[Finding],
    suppressed: &[Suppressed],
    show: bool,
    corpus: &Corpus,
    sources: &Sources,
    options: Options,
) -> String {
    let mut out = String::new();
    for (document, members) in grouped(findings, corpus) {
        let counts = Counts::of(members.iter().copied());
        let file = corpus
            .document(document)
            .and_then(|found| sources.file_of(found.span))
            .map_or(String::new(), |file| format!(" ({})", file.name));
        if !options.quiet {
            let _ = writeln!(out, "{}{file}: {}", document.bold(), nonzero_counts(counts));
            out.push('\n');
        }
        let evidence = corpus.document(document).map(evidence_note);
        for finding in members {
            render_finding(&mut out, finding, sources, options, evidence.as_deref());
            out.push('\n');
        }
    }
    if show && !suppressed.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            format!(
                "Suppressed by `allow` ({}):",
                plural(suppressed.len(), "finding", "findings")
            )
            .bold()
        );
        out.push('\n');
        for covered in suppressed {
            render_suppressed_finding(&mut out, covered, sources);
            out.push('\n');
        }
    }
    if !options.quiet {
        out.push_str(&summary(findings, corpus, sources));
        if !suppressed.is_empty() {
            let _ = write!(out, "; {} suppressed", suppressed.len());
            if !show {
                out.push_str(" (--show-suppressed lists them)");
            }
        }
        out.push('\n');
    }
    out
}

/// `allowed[rule]: message`, where it points, and the reason the `allow` gives.
fn render_suppressed_finding(out: &mut String, covered: &Suppressed, sources: &Sources) {
    let finding = &covered.finding;
    let _ = writeln!(
        out,
        "{}{}",
        format!("allowed[{}]", finding.rule).bold(),
        format!(": {}", finding.message).bold()
    );
    let at = sources
        .locate(covered.allow)
        .map_or_else(String::new, |at| format!(" at {at}"));
    let notes = [format!("allowed{at}: {}", covered.reason)];
    out.push_str(&snippet(
        sources,
        finding.span,
        finding.severity,
        &notes,
        &finding.document,
    ));
}

/// `truce explain`: one line per rule, `id  severity  summary`, aligned.
pub fn catalogue(rules: &[&Rule]) -> String {
    let width = rules.iter().map(|rule| rule.id.len()).max().unwrap_or(0);
    let mut out = String::new();
    for rule in rules {
        let severity = format!("{:7}", rule.severity.name());
        let _ = writeln!(
            out,
            "{}  {}  {}",
            super::pad::left(rule.id, width),
            paint(&severity, rule.severity),
            rule.summary
        );
    }
    out
}

/// `truce explain RULE`: the id and default severity, the summary, the
/// explanation, and an example on which the rule fires.
pub fn explain(rule: &Rule) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}: {}", rule.id.bold(), rule.summary);
    let _ = writeln!(
        out,
        "default severity: {}",
        paint(rule.severity.name(), rule.severity)
    );
    out.push('\n');
    for line in wrap(rule.explanation, EXPLANATION_WIDTH) {
        let _ = writeln!(out, "{line}");
    }
    let example = rule.example.trim_matches('\n');
    if !example.trim().is_empty() {
        out.push('\n');
        let _ = writeln!(out, "{}", "Example, on which the rule fires:".bold());
        out.push('\n');
        for line in example.lines() {
            let _ = writeln!(out, "    {line}");
        }
    }
    out
}

/// `N errors, N warnings, N infos in N documents (N files)`.
pub fn summary(findings: &[Finding], corpus: &Corpus, sources: &Sources) -> String {
    let counts = Counts::of(findings);
    let line = format!(
        "{} in {} ({})",
        counts_phrase(counts),
        plural(corpus.documents.len(), "document", "documents"),
        plural(sources.files().len(), "file", "files"),
    );
    if counts.errors > 0 {
        line.red().bold().to_string()
    } else if counts.warnings > 0 {
        line.yellow().bold().to_string()
    } else {
        line.green().bold().to_string()
    }
}

fn counts_phrase(counts: Counts) -> String {
    format!(
        "{}, {}, {}",
        plural(counts.errors, "error", "errors"),
        plural(counts.warnings, "warning", "warnings"),
        plural(counts.infos, "info", "infos"),
    )
}

/// `1 error, 2 warnings`, leaving out severities with no findings.
fn nonzero_counts(counts: Counts) -> String {
    [
        (counts.errors, "error", "errors"),
        (counts.warnings, "warning", "warnings"),
        (counts.infos, "info", "infos"),
    ]
    .into_iter()
    .filter(|(count, _, _)| *count > 0)
    .map(|(count, singular, plural_form)| plural(count, singular, plural_form))
    .collect::<Vec<_>>()
    .join(", ")
}

fn paint(text: &str, severity: Severity) -> ColoredString {
    match severity {
        Severity::Error => text.red().bold(),
        Severity::Warning => text.yellow().bold(),
        Severity::Info => text.cyan().bold(),
    }
}

/// What a document's findings about something missing rest on, when that is
/// reports: `rests on reports (summary s004), not the text`.
fn evidence_note(document: &crate::model::Document) -> String {
    let known: Vec<String> = document
        .known_from
        .iter()
        .map(|known| {
            let sources: Vec<&str> = known.source.iter().map(|s| s.value.as_str()).collect();
            if sources.is_empty() {
                known.evidence.value.name().to_string()
            } else {
                format!("{} {}", known.evidence.value, sources.join(", "))
            }
        })
        .collect();
    format!(
        "rests on reports ({}), not the text: the text may say more",
        known.join("; ")
    )
}

fn render_finding(
    out: &mut String,
    finding: &Finding,
    sources: &Sources,
    options: Options,
    evidence: Option<&str>,
) {
    let header = format!("{}[{}]", finding.severity.name(), finding.rule);
    let _ = writeln!(
        out,
        "{}{}",
        paint(&header, finding.severity),
        format!(": {}", finding.message).bold()
    );

    let mut notes = Vec::new();
    for clause in &finding.clauses {
        let contains = clause.span.file == finding.span.file
            && clause.span.start <= finding.span.start
            && finding.span.end <= clause.span.end;
        if contains {
            continue;
        }
        let at = sources
            .locate(clause.span)
            .map_or_else(String::new, |at| format!(" at {at}"));
        notes.push(format!("also: {}{at}", clause.label()));
    }
    if finding.basis == Some(Basis::Reports)
        && let Some(evidence) = evidence
    {
        notes.push(evidence.to_string());
    }
    if options.explain
        && let Some(rule) = rules::rule(finding.rule)
    {
        let lines = wrap(rule.explanation, EXPLANATION_WIDTH);
        if !lines.is_empty() {
            notes.push(hanging("why: ", &lines));
        }
    }
    out.push_str(&snippet(
        sources,
        finding.span,
        finding.severity,
        &notes,
        &finding.document,
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findings_are_grouped_by_document_and_located() {
        colored::control::set_override(false);
        let text = "agreement p {\n  date 2018-05-01\n  party regime \"Government\" side government\n  clause 7 detainee_release {\n    by regime\n    strength review\n  }\n}\n";
        let loaded = crate::load_str("p.truce", text);
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        let findings = rules::check(&loaded.corpus);
        let report = render(
            &findings,
            &loaded.corpus,
            &loaded.sources,
            Options::default(),
        );
        assert!(report.starts_with("p (p.truce): "), "{report}");
        assert!(report.contains("warning[weak-commitment]: "), "{report}");
        assert!(report.contains("  --> p.truce:6:5\n"), "{report}");
        assert!(
            report.contains("6 |     strength review\n  |     ^^^^^^^^^^^^^^^\n"),
            "{report}"
        );
        assert!(report.ends_with("in 1 document (1 file)\n"), "{report}");
    }
}
