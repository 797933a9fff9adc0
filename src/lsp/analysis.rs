//! One open document, read as `truce check` reads a file: loaded, resolved and
//! checked by the library's own functions, then turned into LSP diagnostics.
//! While the text has input errors they are the diagnostics (as `check` reports
//! no findings then); once it has none, the rules' findings are.

use lsp_types::{DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Uri};

use crate::diagnostic::Diagnostic;
use crate::finding::{Finding, Severity};
use crate::load::{self, Loaded};
use crate::model::Document;
use crate::rules;
use crate::source::Span;

use super::position::LineIndex;

/// What the server knows of one version of a document.
pub struct Analysis {
    pub text: String,
    pub loaded: Loaded,
    /// The rules' findings; none while there are input errors.
    pub findings: Vec<Finding>,
}

impl Analysis {
    /// Read `text` as the file `name`.
    pub fn new(name: &str, text: String) -> Analysis {
        let loaded = load::load_str(name, &text);
        let findings = if loaded.errors.is_empty() {
            rules::check(&loaded.corpus)
        } else {
            Vec::new()
        };
        Analysis {
            text,
            loaded,
            findings,
        }
    }

    /// Every diagnostic to publish for the document at `uri`.
    pub fn diagnostics(&self, uri: &Uri) -> Vec<lsp_types::Diagnostic> {
        let lines = LineIndex::new(&self.text);
        let errors = self.loaded.errors.iter().filter_map(|error| {
            let span = error.span?;
            Some(input_error(error, span, uri, &lines))
        });
        let findings = self.findings.iter().map(|finding| {
            let related = finding
                .clauses
                .iter()
                .filter(|clause| clause.span != finding.span)
                .map(|clause| related(uri, &lines, clause.span, &clause.label))
                .collect::<Vec<_>>();
            lsp_types::Diagnostic {
                range: lines.range(finding.span.start, finding.span.end),
                severity: Some(match finding.severity {
                    Severity::Error => DiagnosticSeverity::ERROR,
                    Severity::Warning => DiagnosticSeverity::WARNING,
                    Severity::Info => DiagnosticSeverity::INFORMATION,
                }),
                code: Some(NumberOrString::String(finding.rule.to_string())),
                source: Some("truce".into()),
                message: finding.message.clone(),
                related_information: (!related.is_empty()).then_some(related),
                ..lsp_types::Diagnostic::default()
            }
        });
        errors.chain(findings).collect()
    }

    /// The documents (and red-line headers, which declare parties too) of the
    /// text, with the one holding `offset` first.
    pub fn document_at(&self, offset: usize) -> Option<&Document> {
        let corpus = &self.loaded.corpus;
        corpus
            .documents
            .iter()
            .chain(corpus.requirements.iter().map(|r| &r.header))
            .find(|document| document.span.start <= offset && offset <= document.span.end)
    }

    /// The findings whose span holds `offset`.
    pub fn findings_at(&self, offset: usize) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(move |finding| finding.span.start <= offset && offset <= finding.span.end)
    }
}

/// An input error as the editor shows it: the message, then what was expected
/// and the hint, each on its own line, under the error's stable code.
fn input_error(
    error: &Diagnostic,
    span: Span,
    uri: &Uri,
    lines: &LineIndex,
) -> lsp_types::Diagnostic {
    let mut message = error.message.clone();
    if let Some(expected) = &error.expected {
        let expected = expected.strip_prefix("expected ").unwrap_or(expected);
        message.push_str(&format!("\nexpected {expected}"));
    }
    if let Some(hint) = &error.hint {
        message.push_str(&format!("\nhint: {hint}"));
    }
    let related: Vec<_> = error
        .related
        .iter()
        .map(|(span, label)| related(uri, lines, *span, label))
        .collect();
    lsp_types::Diagnostic {
        range: lines.range(span.start, span.end),
        severity: Some(DiagnosticSeverity::ERROR),
        code: error
            .code
            .map(|code| NumberOrString::String(code.code().to_string())),
        source: Some("truce".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..lsp_types::Diagnostic::default()
    }
}

fn related(uri: &Uri, lines: &LineIndex, span: Span, label: &str) -> DiagnosticRelatedInformation {
    DiagnosticRelatedInformation {
        location: Location::new(uri.clone(), lines.range(span.start, span.end)),
        message: label.to_string(),
    }
}
