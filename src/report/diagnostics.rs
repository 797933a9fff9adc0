//! Input errors, rendered for people (source line, caret, notes) and for tools
//! (one flat record each).
//!
//! Rendering goes through `codespan-reporting` rather than a hand-rolled printer
//! because it is mature (the renderer behind several language servers and
//! compilers), draws carets under exact byte spans with line numbers, handles
//! tabs, wide characters, multi-line and secondary labels across files, and has an
//! ASCII character set (`-->`, `|`, `^`) that reads the same in a terminal, a CI
//! log and a snapshot file. Colour goes through `termcolor`, its own back end, so a
//! caller chooses colour per stream with one flag.

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::term;
use codespan_reporting::term::termcolor::{Buffer, Color, ColorSpec, WriteColor};
use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::error_code::ErrorCode;
use crate::source::{FileId, Sources, Span};

use super::view::{View, buffer, config};

/// Every diagnostic, in the order given, each followed by a blank line.
pub fn render(diagnostics: &[Diagnostic], sources: &Sources, color: bool) -> String {
    let mut out = String::new();
    for diagnostic in diagnostics {
        out.push_str(&render_one(diagnostic, sources, color));
    }
    out
}

/// One diagnostic: `error: MESSAGE`, ` --> file:line:col`, the source line with a
/// caret under the span, related places as secondary labels, then `expected ...`
/// and `hint: ...` as notes. Errors about a whole path show the path instead.
pub fn render_one(diagnostic: &Diagnostic, sources: &Sources, color: bool) -> String {
    match diagnostic.span {
        Some(span) if sources.file_of(span).is_some() => {
            let view = View::focused(sources, span);
            let mut buffer = buffer(color);
            let report = to_report(diagnostic, &view, span);
            match term::emit_to_write_style(&mut buffer, &config(), &view, &report) {
                Ok(()) => String::from_utf8_lossy(buffer.as_slice()).into_owned(),
                // The spans were clamped to the files, so this is unexpected; fall
                // back to the path form rather than lose the message.
                Err(_) => render_path_form(diagnostic, sources, color),
            }
        }
        _ => render_path_form(diagnostic, sources, color),
    }
}

/// One input error as a flat record: the form `--format json` writes under
/// `errors`. `line` and `column` are one-based, counted in characters, and `null`
/// for errors about a whole path (missing, unreadable, not UTF-8). `expected`
/// says what should stand there ("a clause kind"), without the word "expected".
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlainError {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The kind of error, `E0102` (see [`ErrorCode`]).
    pub code: Option<ErrorCode>,
    pub message: String,
    pub expected: Option<String>,
    pub hint: Option<String>,
}

impl PlainError {
    pub fn of(diagnostic: &Diagnostic, sources: &Sources) -> PlainError {
        let (file, line, column) = match diagnostic.span.and_then(|span| sources.locate(span)) {
            Some(at) => (at.file.to_string(), Some(at.line), Some(at.column)),
            None => (diagnostic.path.clone().unwrap_or_default(), None, None),
        };
        PlainError {
            file,
            line,
            column,
            code: diagnostic.code,
            message: diagnostic.message.clone(),
            expected: diagnostic
                .expected
                .as_deref()
                .map(|e| expected_thing(e).to_string()),
            hint: diagnostic.hint.clone(),
        }
    }
}

/// `file:line:col: error: message; expected ...; hint: ...`, on one line.
impl std::fmt::Display for PlainError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.file)?;
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, ":{line}:{column}")?;
        }
        match self.code {
            Some(code) => write!(f, ": error[{code}]: {}", self.message)?,
            None => write!(f, ": error: {}", self.message)?,
        }
        if let Some(expected) = &self.expected {
            write!(f, "; {}", expected_note(expected))?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "; hint: {hint}")?;
        }
        Ok(())
    }
}

/// The closing line after the errors: how many, and that nothing was checked.
pub fn summary(count: usize, color: bool) -> String {
    let mut buffer = buffer(color);
    let _ = buffer.set_color(ColorSpec::new().set_fg(Some(Color::Red)).set_bold(true));
    let _ = write_str(&mut buffer, "error");
    let _ = buffer.reset();
    let noun = super::plural(count, "input error", "input errors");
    let _ = write_str(
        &mut buffer,
        &format!(": {noun}; nothing was checked until they are fixed\n"),
    );
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
}

fn write_str(buffer: &mut Buffer, text: &str) -> std::io::Result<()> {
    std::io::Write::write_all(buffer, text.as_bytes())
}

/// The `expected` note reads `expected ...` whether or not its author wrote the word.
fn expected_note(expected: &str) -> String {
    format!("expected {}", expected_thing(expected))
}

/// What was expected, without the word "expected", as JSON gives it.
fn expected_thing(expected: &str) -> &str {
    expected
        .strip_prefix("expected ")
        .unwrap_or(expected)
        .trim_start()
}

fn to_report(diagnostic: &Diagnostic, view: &View, span: Span) -> Report<FileId> {
    let mut primary = view.clamp(span);
    // On a line cut to a window, the caret stops at the window's edge.
    let window = view.window(span.file, primary.start);
    if let Some(window) = &window {
        primary.end = primary.end.min(window.end).max(primary.start);
    }
    let mut labels = vec![Label::primary(span.file, primary)];
    for (related, message) in &diagnostic.related {
        let range = view.clamp(*related);
        // A related place on the cut line but outside the window cannot be drawn.
        let hidden = related.file == span.file
            && window.as_ref().is_some_and(|w| {
                view.line_of(span.file, range.start) == view.line_of(span.file, w.start)
                    && !(w.start <= range.start && range.end <= w.end)
            });
        if view.file(related.file).is_ok() && !hidden {
            labels.push(Label::secondary(related.file, range).with_message(message));
        }
    }
    let mut notes = Vec::new();
    if let Some(expected) = &diagnostic.expected {
        notes.push(expected_note(expected));
    }
    if let Some(hint) = &diagnostic.hint {
        notes.push(format!("hint: {hint}"));
    }
    let report = match diagnostic.code {
        Some(code) => Report::error().with_code(code.code()),
        None => Report::error(),
    };
    report
        .with_message(&diagnostic.message)
        .with_labels(labels)
        .with_notes(notes)
}

/// `error: MESSAGE`, then the path, then the notes: the form for errors that no
/// line of any file can show.
fn render_path_form(diagnostic: &Diagnostic, sources: &Sources, color: bool) -> String {
    let plain = PlainError::of(diagnostic, sources);
    let mut buffer = buffer(color);
    let border = ColorSpec::new().set_fg(Some(Color::Cyan)).clone();
    let _ = buffer.set_color(ColorSpec::new().set_fg(Some(Color::Red)).set_bold(true));
    let _ = write_str(&mut buffer, "error");
    if let Some(code) = plain.code {
        let _ = write_str(&mut buffer, &format!("[{code}]"));
    }
    let _ = buffer.set_color(ColorSpec::new().set_bold(true));
    let _ = write_str(&mut buffer, &format!(": {}\n", plain.message));
    let _ = buffer.reset();
    if !plain.file.is_empty() {
        let _ = buffer.set_color(&border);
        let _ = write_str(&mut buffer, "  --> ");
        let _ = buffer.reset();
        let _ = write_str(&mut buffer, &format!("{}\n", plain.file));
    }
    let notes = plain
        .expected
        .iter()
        .map(|expected| expected_note(expected))
        .chain(plain.hint.iter().map(|hint| format!("hint: {hint}")));
    for note in notes {
        let _ = buffer.set_color(&border);
        let _ = write_str(&mut buffer, "  = ");
        let _ = buffer.reset();
        let _ = write_str(&mut buffer, &format!("{note}\n"));
    }
    let _ = write_str(&mut buffer, "\n");
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::view::{BEFORE, LONG_LINE};
    use crate::source::SourceFile;

    fn sources(text: &str) -> Sources {
        let mut sources = Sources::default();
        sources.add(SourceFile::new("a.truce", text));
        sources
    }

    #[test]
    fn shows_location_source_line_caret_and_notes() {
        let sources = sources("agreement a {\n  clause 1 detainee_relase {}\n}\n");
        let diagnostic = Diagnostic::new(
            "unknown clause kind `detainee_relase`",
            Span::new(0, 25, 40),
        )
        .expected("a clause kind")
        .hint("did you mean `detainee_release`?");
        let text = render_one(&diagnostic, &sources, false);
        assert!(
            text.contains("error: unknown clause kind `detainee_relase`"),
            "{text}"
        );
        assert!(text.contains("--> a.truce:2:12"), "{text}");
        assert!(text.contains("2 |   clause 1 detainee_relase {}"), "{text}");
        assert!(text.contains("^^^^^^^^^^^^^^^"), "{text}");
        assert!(text.contains("= expected a clause kind"), "{text}");
        assert!(
            text.contains("= hint: did you mean `detainee_release`?"),
            "{text}"
        );
    }

    #[test]
    fn spans_off_the_end_or_inside_a_character_still_render() {
        let sources = sources("é");
        let diagnostic = Diagnostic::new("odd", Span::new(0, 1, 99));
        let text = render_one(&diagnostic, &sources, false);
        assert!(text.contains("a.truce:1:1"), "{text}");
    }

    #[test]
    fn a_long_line_shows_a_window_around_the_error_with_true_columns() {
        let line = format!("{}@{}", "x".repeat(1000), "y".repeat(1000));
        let sources = sources(&format!("a\n{line}\n"));
        let error = Diagnostic::new("unexpected `@`", Span::new(0, 1002, 1003));
        let out = render_one(&error, &sources, false);
        assert!(out.contains("a.truce:2:1001"), "{out}");
        let shown = out.lines().find(|l| l.starts_with("2 | ")).unwrap_or("");
        assert_eq!(shown.len(), "2 | ".len() + LONG_LINE);
        let caret = out.lines().find(|l| l.contains('^')).unwrap_or("");
        assert_eq!(caret.find('^'), Some("  | ".len() + BEFORE));
    }

    #[test]
    fn path_errors_show_the_path() {
        let diagnostic = Diagnostic::for_path("file is not valid UTF-8", "bad.truce");
        let text = render_one(&diagnostic, &Sources::default(), false);
        assert_eq!(text, "error: file is not valid UTF-8\n  --> bad.truce\n\n");
        let plain = PlainError::of(&diagnostic, &Sources::default());
        assert_eq!(
            plain.to_string(),
            "bad.truce: error: file is not valid UTF-8"
        );
        assert_eq!(plain.line, None);
    }

    #[test]
    fn plain_form_locates_in_characters() {
        let sources = sources("é x\n");
        let diagnostic = Diagnostic::new("bad", Span::new(0, 3, 4)).hint("fix it");
        let plain = PlainError::of(&diagnostic, &sources);
        assert_eq!((plain.line, plain.column), (Some(1), Some(3)));
        assert_eq!(plain.to_string(), "a.truce:1:3: error: bad; hint: fix it");
    }

    #[test]
    fn colour_only_when_asked() {
        let diagnostic = Diagnostic::for_path("missing", "x");
        assert!(!render_one(&diagnostic, &Sources::default(), false).contains('\x1b'));
        assert!(render_one(&diagnostic, &Sources::default(), true).contains('\x1b'));
    }
}
