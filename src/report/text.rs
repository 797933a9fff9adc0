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
//!   = also: clause 7 at proposal.truce:5:3
//! ```
//!
//! The layout follows the input errors (`codespan-reporting`'s ASCII form), so
//! findings and errors read alike. Colour comes from `colored`, whose global
//! switch the binary sets once from `--color`, `NO_COLOR` and the terminal.

use std::fmt::Write as _;

use colored::{ColoredString, Colorize};

use crate::model::Corpus;
use crate::rules::{self, About, Finding, Severity};
use crate::source::{Sources, Span};

use super::{Counts, grouped, plural, wrap};

/// Explanations wrap at this many characters, to read well in an 80-column terminal.
const EXPLANATION_WIDTH: usize = 72;

/// What to show beyond the findings themselves.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Add each rule's explanation under its findings.
    pub explain: bool,
}

/// The whole report: every finding, then the summary line.
pub fn render(
    findings: &[Finding],
    corpus: &Corpus,
    sources: &Sources,
    options: Options,
) -> String {
    let mut out = String::new();
    for (document, members) in grouped(findings, corpus) {
        let counts = Counts::of(members.iter().copied());
        let file = corpus
            .document(document)
            .and_then(|found| sources.files().get(found.span.file))
            .map_or(String::new(), |file| format!(" ({})", file.name));
        let _ = writeln!(out, "{}{file}: {}", document.bold(), nonzero_counts(counts));
        out.push('\n');
        for finding in members {
            render_finding(&mut out, finding, sources, options);
            out.push('\n');
        }
    }
    out.push_str(&summary(findings, corpus, sources));
    out.push('\n');
    out
}

/// `truce explain`: one line per rule, `id  severity  summary`, aligned.
pub fn catalogue(rules: &[About]) -> String {
    let width = rules.iter().map(|rule| rule.id.len()).max().unwrap_or(0);
    let mut out = String::new();
    for rule in rules {
        let severity = format!("{:7}", rule.severity.name());
        let _ = writeln!(
            out,
            "{:width$}  {}  {}",
            rule.id,
            paint(&severity, rule.severity),
            rule.summary
        );
    }
    out
}

/// `truce explain RULE`: the id and default severity, the summary, the
/// explanation, and an example on which the rule fires.
pub fn explain(rule: &About) -> String {
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

fn render_finding(out: &mut String, finding: &Finding, sources: &Sources, options: Options) {
    let header = format!("{}[{}]", finding.severity.name(), finding.rule);
    let _ = writeln!(
        out,
        "{}{}",
        paint(&header, finding.severity),
        format!(": {}", finding.message).bold()
    );

    let gutter = write_snippet(
        out,
        sources,
        finding.span,
        finding.severity,
        &finding.document,
    );
    let pad = " ".repeat(gutter);

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
        let _ = writeln!(out, "{pad} {} also: {}{at}", "=".cyan(), clause.label);
    }

    if options.explain
        && let Some(rule) = rules::rule(finding.rule)
    {
        // Indented under the text after `= why: `.
        let indent = " ".repeat(gutter + 8);
        for (index, line) in wrap(rule.explanation, EXPLANATION_WIDTH).iter().enumerate() {
            if index == 0 {
                let _ = writeln!(out, "{pad} {} why: {line}", "=".cyan());
            } else {
                let _ = writeln!(out, "{indent}{line}");
            }
        }
    }
}

/// ` --> file:line:col`, the span's first source line, and carets under the
/// span, painted in the severity's colour. Returns the gutter width, so that
/// notes written after it line up. `fallback` names the place when the span's
/// file is unknown.
pub(crate) fn write_snippet(
    out: &mut String,
    sources: &Sources,
    span: Span,
    severity: Severity,
    fallback: &str,
) -> usize {
    let location = sources
        .locate(span)
        .map(|at| (sources.get(span.file), at.line, at.column));
    // The gutter is as wide as the line number, as in the input errors.
    let gutter = location.map_or(1, |(_, line, _)| line.to_string().len());
    let pad = " ".repeat(gutter);
    let bar = "|".cyan();
    match location {
        Some((file, line, column)) => {
            let _ = writeln!(out, "{pad} {} {}:{line}:{column}", "-->".cyan(), file.name);
            let source_line = file.line_text(line);
            let _ = writeln!(out, "{pad} {bar}");
            let _ = writeln!(out, "{} {bar} {source_line}", line.to_string().cyan());
            let _ = writeln!(
                out,
                "{pad} {bar} {}",
                carets(
                    source_line,
                    column,
                    caret_width(sources, span, line, column),
                    severity,
                )
            );
        }
        None => {
            let _ = writeln!(out, "{pad} {} {fallback}", "-->".cyan());
        }
    }
    gutter
}

/// How many characters of the span lie on its first line: at least one, so an
/// empty span (the end of a file) still gets a caret.
fn caret_width(sources: &Sources, span: Span, line: usize, column: usize) -> usize {
    let file = sources.get(span.file);
    let end = Span::new(
        span.file,
        span.end.max(span.start),
        span.end.max(span.start),
    );
    let (end_line, end_column) = sources
        .locate(end)
        .map_or((line, column), |at| (at.line, at.column));
    let line_length = file.line_text(line).chars().count();
    let last = if end_line == line {
        end_column
    } else {
        line_length + 1
    };
    last.saturating_sub(column).max(1)
}

/// Carets under `width` characters from one-based `column`, keeping the line's
/// tabs in the padding so the carets line up however wide a tab is drawn.
fn carets(source_line: &str, column: usize, width: usize, severity: Severity) -> String {
    let padding: String = source_line
        .chars()
        .take(column.saturating_sub(1))
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    format!("{padding}{}", paint(&"^".repeat(width), severity))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carets_keep_tabs_so_they_line_up() {
        colored::control::set_override(false);
        assert_eq!(carets("\tby x", 5, 1, Severity::Info), "\t   ^");
        assert_eq!(carets("", 1, 0, Severity::Info), "");
    }

    #[test]
    fn a_span_over_several_lines_is_marked_on_its_first() {
        let loaded = crate::load_str("a.truce", "agreement a {\n  title \"x\"\n}\n");
        let span = Span::new(0, 10, 30);
        assert_eq!(caret_width(&loaded.sources, span, 1, 11), 3);
        // An empty span at the end of a line still gets one caret.
        assert_eq!(caret_width(&loaded.sources, Span::new(0, 13, 13), 1, 14), 1);
    }

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
