//! One open document, read as `truce check` reads a folder: loaded, resolved and
//! checked by the library's own functions together with the other `.truce`
//! files beside it (so a link to a document in another file resolves, and rules
//! that read the corpus see it), then turned into LSP diagnostics about this
//! document only. While the document has input errors they are its diagnostics
//! (as `check` reports no findings then); once it has none, the rules' findings
//! are.

use lsp_types::{DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Uri};

use crate::diagnostic::Diagnostic;
use crate::finding::{Finding, Severity};
use crate::load::{self, Loaded};
use crate::model::Document;
use crate::rules;
use crate::source::{FileId, Span};

use super::position::LineIndex;

/// What the server knows of one version of a document.
pub struct Analysis {
    pub text: String,
    pub loaded: Loaded,
    /// The document's own file among those loaded.
    pub file: FileId,
    /// The rules' findings on this document; none while it has input errors.
    pub findings: Vec<Finding>,
}

impl Analysis {
    /// Read `text` as the file `name`, alone.
    #[cfg(test)]
    pub fn new(name: &str, text: String) -> Analysis {
        Analysis::with_neighbours(name, text, Vec::new())
    }

    /// Read `text` as the file `name`, with its neighbours: other files' names
    /// and texts, loaded first, whose own errors and findings are left out.
    pub fn with_neighbours(
        name: &str,
        text: String,
        neighbours: Vec<(String, String)>,
    ) -> Analysis {
        let file = crate::source::FileId::try_from(neighbours.len()).unwrap_or(u32::MAX);
        let mut files = neighbours;
        files.push((name.to_string(), text.clone()));
        let loaded = load::load_texts(files);
        let own = |span: Option<Span>| span.is_some_and(|span| span.file == file);
        let findings = if loaded.errors.iter().any(|error| own(error.span)) {
            Vec::new()
        } else {
            // An `allow` line silences its finding here as in `truce check`.
            let (mut findings, _) =
                crate::suppress::apply(rules::check(&loaded.corpus), &loaded.corpus);
            findings.retain(|finding| finding.span.file == file);
            findings
        };
        Analysis {
            text,
            loaded,
            file,
            findings,
        }
    }

    /// Every diagnostic to publish for the document at `uri`.
    pub fn diagnostics(&self, uri: &Uri) -> Vec<lsp_types::Diagnostic> {
        let lines = LineIndex::new(&self.text);
        let errors = self.loaded.errors.iter().filter_map(|error| {
            let span = error.span.filter(|span| span.file == self.file)?;
            Some(input_error(error, span, uri, &lines))
        });
        let findings = self.findings.iter().map(|finding| {
            let related = finding
                .clauses
                .iter()
                .filter(|clause| clause.span != finding.span && clause.span.file == self.file)
                .map(|clause| related(uri, &lines, clause.span, &clause.label()))
                .collect::<Vec<_>>();
            lsp_types::Diagnostic {
                range: lines.range(finding.span.start(), finding.span.end()),
                severity: Some(match finding.severity {
                    Severity::Error => DiagnosticSeverity::ERROR,
                    Severity::Warning => DiagnosticSeverity::WARNING,
                    Severity::Info => DiagnosticSeverity::INFORMATION,
                }),
                code: Some(NumberOrString::String(finding.rule.to_string())),
                source: Some("truce".into()),
                message: finding.message.to_string(),
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
            .find(|document| {
                let span = document.span;
                span.file == self.file && span.start() <= offset && offset <= span.end()
            })
    }

    /// The findings whose span holds `offset`.
    pub fn findings_at(&self, offset: usize) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(move |finding| finding.span.start() <= offset && offset <= finding.span.end())
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
    // Places in other files have no range in this document.
    let related: Vec<_> = error
        .related
        .iter()
        .filter(|(related, _)| related.file == span.file)
        .map(|(span, label)| related(uri, lines, *span, label))
        .collect();
    lsp_types::Diagnostic {
        range: lines.range(span.start(), span.end()),
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
        location: Location::new(uri.clone(), lines.range(span.start(), span.end())),
        message: label.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_allow_line_silences_its_finding_in_the_editor_too() {
        let text = |allow: &str| {
            format!(
                "agreement a {{\n  date 2018-05-01\n{allow}  clause 1 ceasefire {{ duration 6 months }}\n}}\n"
            )
        };
        let fired = |analysis: &Analysis| {
            analysis
                .findings
                .iter()
                .filter(|finding| finding.rule == "no-guarantor")
                .count()
        };
        let open = Analysis::new("a.truce", text(""));
        assert_eq!(fired(&open), 1, "{:?}", open.findings);
        let allowed = Analysis::new(
            "a.truce",
            text("  allow no-guarantor \"the parties need none\"\n"),
        );
        assert!(
            allowed.loaded.errors.is_empty(),
            "{:?}",
            allowed.loaded.errors
        );
        assert_eq!(fired(&allowed), 0, "{:?}", allowed.findings);
    }
}
