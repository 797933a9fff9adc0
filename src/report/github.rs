//! Findings as GitHub Actions workflow commands: `--format github`.
//!
//! One line per finding, which a workflow run shows as an annotation on the
//! line it points at:
//!
//! ```text
//! ::warning file=proposal.truce,line=7,col=5,endLine=7,endColumn=20,title=weak-commitment::clause 7 …
//! ```
//!
//! An error finding is an `::error`, a warning a `::warning`, an info a
//! `::notice`; input errors are `::error` lines titled `input error`. Paths are
//! relative to the working directory, as the checkout is. Values are escaped as
//! the Actions toolkit escapes them (`%`, line breaks, and in properties `:`
//! and `,`), so a message cannot end its command early or start another.

use std::fmt::Write as _;
use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::rules::{Finding, Severity};
use crate::source::{Sources, Span};

use super::diagnostics::PlainError;
use super::sarif::relative_path;

/// One command per finding, in the order given, after one per input error.
pub fn render(
    findings: &[&Finding],
    errors: &[Diagnostic],
    sources: &Sources,
    base: Option<&Path>,
) -> String {
    let mut out = String::new();
    for error in errors {
        let plain = PlainError::of(error, sources);
        let mut message = plain.message.clone();
        if let Some(expected) = &plain.expected {
            let _ = write!(message, "; {expected}");
        }
        if let Some(hint) = &plain.hint {
            let _ = write!(message, "; hint: {hint}");
        }
        let place = match error.span {
            Some(span) => position(span, sources, base),
            None => error
                .path
                .as_deref()
                .filter(|path| !path.is_empty())
                .map(|path| vec![("file", relative_path(path, base))])
                .unwrap_or_default(),
        };
        command(&mut out, "error", &place, "input error", &message);
    }
    for finding in findings {
        command(
            &mut out,
            kind(finding.severity),
            &position(finding.span, sources, base),
            finding.rule,
            &finding.message,
        );
    }
    out
}

fn kind(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// `file`, `line`, `col`, `endLine` and `endColumn` of a span (the end
/// exclusive, as in the JSON and SARIF reports).
fn position(span: Span, sources: &Sources, base: Option<&Path>) -> Vec<(&'static str, String)> {
    let (Some(start), Some(end)) = (sources.locate(span), sources.locate_end(span)) else {
        return Vec::new();
    };
    vec![
        ("file", relative_path(start.file, base)),
        ("line", start.line.to_string()),
        ("col", start.column.to_string()),
        ("endLine", end.line.to_string()),
        ("endColumn", end.column.to_string()),
    ]
}

fn command(
    out: &mut String,
    kind: &str,
    place: &[(&'static str, String)],
    title: &str,
    message: &str,
) {
    let mut properties: Vec<String> = place
        .iter()
        .map(|(key, value)| format!("{key}={}", escape_property(value)))
        .collect();
    properties.push(format!("title={}", escape_property(title)));
    let _ = writeln!(
        out,
        "::{kind} {}::{}",
        properties.join(","),
        escape_data(message)
    );
}

/// A command's message: `%` and line breaks escaped.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property's value: as a message, and `:` and `,` too.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_cannot_end_a_command_or_start_another() {
        assert_eq!(escape_data("50% off\n::error::x"), "50%25 off%0A::error::x");
        assert_eq!(escape_property("a,b:c\r"), "a%2Cb%3Ac%0D");
    }

    #[test]
    fn a_finding_is_one_command_with_its_range() {
        let mut sources = Sources::default();
        let file = sources.add(crate::source::SourceFile::new(
            "./p, 1.truce",
            "agreement a {\n  clause 7 ceasefire {}\n}\n",
        ));
        let finding = Finding {
            rule: "weak-commitment",
            severity: Severity::Info,
            document: "a".into(),
            clauses: Default::default(),
            message: "100% weak".into(),
            span: Span::new(file, 16, 36),
            basis: None,
            gain: None,
        };
        assert_eq!(
            render(&[&finding], &[], &sources, None),
            "::notice file=p%2C 1.truce,line=2,col=3,endLine=2,endColumn=23,\
             title=weak-commitment::100%25 weak\n"
        );
    }
}
