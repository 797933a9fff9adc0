//! Input errors: one type for every stage, rendered in one place.

use serde::Serialize;

use crate::error_code::ErrorCode;
use crate::source::Span;

/// What went wrong with the input, located.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diagnostic {
    /// What is wrong, in one line: "unknown clause kind `detainee_relase`".
    pub message: String,
    /// Where; `None` for errors about a path as a whole (missing file, not UTF-8).
    pub span: Option<Span>,
    /// The file name, for errors with no span.
    pub path: Option<String>,
    /// What the reader should have written: "expected a date such as 2018-05-01".
    pub expected: Option<String>,
    /// How to fix it: "did you mean `detainee_release`?".
    pub hint: Option<String>,
    /// Further places involved, such as the first of two duplicates.
    pub related: Vec<(Span, String)>,
    /// The kind of error, stable across releases: `E0102`.
    pub code: Option<ErrorCode>,
}

impl Diagnostic {
    pub fn new(message: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic {
            message: message.into(),
            span: Some(span),
            path: None,
            expected: None,
            hint: None,
            related: Vec::new(),
            code: None,
        }
    }

    /// An error about a whole path: unreadable, missing, not UTF-8.
    pub fn for_path(message: impl Into<String>, path: impl Into<String>) -> Diagnostic {
        Diagnostic {
            message: message.into(),
            span: None,
            path: Some(path.into()),
            expected: None,
            hint: None,
            related: Vec::new(),
            code: None,
        }
    }

    pub fn expected(mut self, expected: impl Into<String>) -> Diagnostic {
        self.expected = Some(expected.into());
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    pub fn maybe_hint(mut self, hint: Option<String>) -> Diagnostic {
        if hint.is_some() {
            self.hint = hint;
        }
        self
    }

    pub fn code(mut self, code: ErrorCode) -> Diagnostic {
        self.code = Some(code);
        self
    }

    /// The stage's code for an error that has none of its own.
    pub fn default_code(&mut self, code: ErrorCode) {
        self.code.get_or_insert(code);
    }

    pub fn related(mut self, span: Span, label: impl Into<String>) -> Diagnostic {
        self.related.push((span, label.into()));
        self
    }
}

/// "did you mean `x`?" for the closest candidate, when one is close enough.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        let score = strsim::jaro_winkler(word, candidate);
        if score > best.map_or(0.0, |(s, _)| s) {
            best = Some((score, candidate));
        }
    }
    match best {
        Some((score, candidate)) if score >= 0.8 => Some(format!("did you mean `{candidate}`?")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_word_only_when_close() {
        let kinds = ["detainee_release", "deployment", "ceasefire"];
        assert_eq!(
            did_you_mean("detainee_relase", kinds).as_deref(),
            Some("did you mean `detainee_release`?")
        );
        assert_eq!(did_you_mean("zzzz", kinds), None);
    }
}
