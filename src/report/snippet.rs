//! Source snippets under findings, red-line outcomes and test failures:
//!
//! ```text
//!   --> proposal.truce:1:11
//!   |
//! 1 | agreement proposal_2018 {
//!   |           ^^^^^^^^^^^^^
//!   |
//!   = also: clause 7 at proposal.truce:5:3
//! ```
//!
//! Drawn by `codespan-reporting` over the same [`View`] as the input errors, so
//! both put carets in display columns (a CJK character is two, a combining mark
//! none), expand tabs alike and cut a long line to the same window. The header
//! line is the caller's own (`warning[no-guarantor]: ...`, `unmet[detainees]:
//! ...`, `info[...]`, which codespan has no severity for), so this draws only
//! what comes after it.

use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity as Tone};
use codespan_reporting::term::termcolor::{Color, ColorSpec};
use codespan_reporting::term::{self, Styles, StylesWriter};
use colored::Colorize;

use crate::rules::Severity;
use crate::source::{Sources, Span};

use super::view::{View, buffer, config};

/// ` --> file:line:col`, the first line of the span with carets under it (to the
/// end of that line for a span over several), then each note as `= note`. No
/// header and no closing blank line: the caller writes its own. `fallback`
/// names the place when the span is in no known file. Colour follows the
/// `colored` switch, which the binary sets from `--color` and `NO_COLOR`.
pub(crate) fn snippet(
    sources: &Sources,
    span: Span,
    severity: Severity,
    notes: &[String],
    fallback: &str,
) -> String {
    let color = colored::control::SHOULD_COLORIZE.should_colorize();
    drawn(sources, span, severity, notes, color)
        .unwrap_or_else(|| unplaced(sources, span, notes, fallback))
}

/// A note over several lines: `label` and the first line, then the others
/// under the text after `label` (codespan indents them under the note's start).
pub(crate) fn hanging(label: &str, lines: &[String]) -> String {
    let indent = " ".repeat(label.chars().count());
    let mut note = String::new();
    for (index, line) in lines.iter().enumerate() {
        if index == 0 {
            note.push_str(label);
        } else {
            note.push('\n');
            note.push_str(&indent);
        }
        note.push_str(line);
    }
    note
}

/// The snippet as codespan draws it; `None` when the span's file is unknown or
/// codespan fails, so the caller still gets the place and the notes.
fn drawn(
    sources: &Sources,
    span: Span,
    severity: Severity,
    notes: &[String],
    color: bool,
) -> Option<String> {
    sources.file_of(span)?;
    let view = View::focused(sources, span);
    let report = Report::new(tone(severity))
        .with_labels(vec![Label::primary(span.file, view.on_first_line(span))])
        .with_notes(notes.to_vec());
    let mut buffer = buffer(color);
    let styles = styles();
    let mut writer = StylesWriter::new(&mut buffer, &styles);
    term::emit_to_write_style(&mut writer, &config(), &view, &report).ok()?;
    body(&String::from_utf8_lossy(buffer.as_slice())).map(str::to_string)
}

/// Codespan's diagnostic from its `-->` line on, without the header before it
/// or the blank line after it. The header (`error: ` and colour codes) is
/// dropped because ours is written by the caller, in words codespan has not;
/// the report carries no message and no code, so the first `-->` is always the
/// snippet's own, whatever the finding says.
fn body(rendered: &str) -> Option<&str> {
    let arrow = rendered.find("-->")?;
    let start = rendered[..arrow]
        .rfind('\n')
        .map_or(0, |newline| newline + 1);
    let body = &rendered[start..];
    Some(
        body.strip_suffix("\n\n")
            .map_or(body, |kept| &body[..kept.len() + 1]),
    )
}

/// ` --> place` and the notes, for a span no file holds.
fn unplaced(sources: &Sources, span: Span, notes: &[String], fallback: &str) -> String {
    let place = sources
        .locate(span)
        .map_or_else(|| fallback.to_string(), |at| at.to_string());
    let mut out = format!("  {} {place}\n", "-->".cyan());
    for note in notes {
        for (index, line) in note.lines().enumerate() {
            let bullet = if index == 0 { "=" } else { " " };
            out.push_str(&format!("  {} {line}\n", bullet.cyan()));
        }
    }
    out
}

/// Codespan's tone for a severity: `help` stands in for `info`, which it lacks.
/// Only the caret colour shows it, as the header is not drawn.
fn tone(severity: Severity) -> Tone {
    match severity {
        Severity::Error => Tone::Error,
        Severity::Warning => Tone::Warning,
        Severity::Info => Tone::Help,
    }
}

/// Codespan's colours (cyan gutter, line numbers and `=`, as ours were), with
/// the carets and the span's text bold in the severity's colour, as the header
/// paints the severity: error red, warning yellow, info cyan.
fn styles() -> Styles {
    let bold = |color| ColorSpec::new().set_fg(Some(color)).set_bold(true).clone();
    Styles {
        primary_label_error: bold(Color::Red),
        primary_label_warning: bold(Color::Yellow),
        primary_label_help: bold(Color::Cyan),
        ..Styles::default()
    }
}

#[cfg(test)]
mod tests {
    use unicode_width::UnicodeWidthChar;

    use super::*;
    use crate::report::view::{BEFORE, LONG_LINE};
    use crate::source::SourceFile;

    fn sources(text: &str) -> Sources {
        let mut sources = Sources::default();
        sources.add(SourceFile::new("a.truce", text));
        sources
    }

    fn plain(sources: &Sources, span: Span, notes: &[String]) -> String {
        drawn(sources, span, Severity::Warning, notes, false).unwrap_or_default()
    }

    /// Columns a terminal gives `text`, character by character as `wcwidth` and
    /// codespan count: CJK 2, combining marks 0. (Not `str::width`, which counts
    /// an Arabic lam-alef pair as one ligature, while codespan draws the source
    /// line character by character.)
    fn display_width(text: &str) -> usize {
        text.chars().map(|c| c.width().unwrap_or(0)).sum()
    }

    /// The display column of the first caret, after the `N | ` gutter.
    fn caret_column(snippet: &str) -> Option<usize> {
        let carets = snippet.lines().find(|line| line.contains('^'))?;
        let (_, after_bar) = carets.split_once("| ")?;
        after_bar.find('^')
    }

    #[test]
    fn draws_the_place_the_line_and_carets_under_the_span_without_a_header() {
        let sources = sources("a {\n  strength review\n}\n");
        let out = plain(&sources, Span::new(0, 6, 21), &[]);
        assert_eq!(
            out,
            "  --> a.truce:2:3\n  |\n2 |   strength review\n  |   ^^^^^^^^^^^^^^^\n"
        );
    }

    #[test]
    fn notes_follow_a_bar_and_hang_under_their_label() {
        let sources = sources("x y\n");
        let why = hanging("why: ", &["one".to_string(), "two".to_string()]);
        let out = plain(&sources, Span::new(0, 2, 3), &["also: z".to_string(), why]);
        assert!(
            out.ends_with("  |   ^\n  |\n  = also: z\n  = why: one\n         two\n"),
            "{out}"
        );
    }

    #[test]
    fn a_span_over_several_lines_is_marked_to_the_end_of_its_first() {
        let sources = sources("agreement a {\r\n  title \"x\"\n}\n");
        let out = plain(&sources, Span::new(0, 10, 30), &[]);
        assert!(
            out.ends_with("1 | agreement a {\n  |           ^^^\n"),
            "{out}"
        );
        assert!(!out.contains('\\') && !out.contains('/'), "{out}");
    }

    #[test]
    fn an_empty_span_still_gets_one_caret() {
        let sources = sources("ab\n");
        let out = plain(&sources, Span::new(0, 2, 2), &[]);
        assert!(out.ends_with("1 | ab\n  |   ^\n"), "{out}");
    }

    #[test]
    fn spans_off_the_end_inside_a_character_or_in_no_file_still_render() {
        let sources = sources("é");
        let out = plain(&sources, Span::new(0, 1, 99), &[]);
        assert!(out.starts_with("  --> a.truce:1:1\n"), "{out}");
        // `é` is two bytes but one column: one caret.
        assert!(out.ends_with("1 | é\n  | ^\n"), "{out}");
        let out = plain(&sources, Span::new(0, 99, 5), &[]);
        assert!(out.starts_with("  --> a.truce:1:2\n"), "{out}");
        colored::control::set_override(false);
        let out = snippet(
            &sources,
            Span::new(7, 0, 1),
            Severity::Error,
            &["see x".to_string()],
            "test t",
        );
        assert_eq!(out, "  --> test t\n  = see x\n");
    }

    #[test]
    fn carets_sit_under_wide_and_combining_characters_by_display_width() {
        for (before, columns) in [
            ("释放被拘留者 ", 13),
            ("الإفراج عَنِ المعتقلين ", 21),
            ("\tx ", 6),
        ] {
            let text = format!("{before}strength review\n");
            let sources = sources(&text);
            let out = plain(&sources, Span::new(0, before.len(), text.len() - 1), &[]);
            // Codespan expands a tab to the next multiple of four columns.
            let expected = display_width(&before.replace('\t', "    "));
            assert_eq!(caret_column(&out), Some(expected), "{out}");
            assert_eq!(expected, columns, "{before}");
            assert!(out.ends_with(&format!(" {}\n", "^".repeat(15))), "{out}");
        }
    }

    #[test]
    fn a_long_line_shows_a_window_around_the_span_with_true_columns() {
        let line = format!("{}@{}", "x".repeat(1000), "y".repeat(1000));
        let sources = sources(&format!("a\n{line}\n"));
        let out = plain(&sources, Span::new(0, 1002, 3000), &[]);
        assert!(out.starts_with("  --> a.truce:2:1001\n"), "{out}");
        let shown = out.lines().find(|l| l.starts_with("2 | ")).unwrap_or("");
        assert_eq!(shown.len(), "2 | ".len() + LONG_LINE);
        assert_eq!(caret_column(&out), Some(BEFORE));
        // The carets stop at the window's edge.
        assert_eq!(out.matches('^').count(), LONG_LINE - BEFORE);
    }

    #[test]
    fn carets_take_the_severity_colour_only_with_colour_on() {
        let sources = sources("x y\n");
        let painted = |severity, color| {
            drawn(&sources, Span::new(0, 2, 3), severity, &[], color).unwrap_or_default()
        };
        assert!(!painted(Severity::Error, false).contains('\x1b'));
        // termcolor writes bold, then the colour: 31 red, 33 yellow, 36 cyan.
        assert!(painted(Severity::Error, true).contains("\x1b[1m\x1b[31m^"));
        assert!(painted(Severity::Warning, true).contains("\x1b[1m\x1b[33m^"));
        assert!(painted(Severity::Info, true).contains("\x1b[1m\x1b[36m^"));
        // Codespan's coloured header is dropped as the plain one is.
        let coloured = painted(Severity::Error, true);
        assert!(!coloured.contains("error"), "{coloured:?}");
        assert!(coloured.ends_with("\x1b[0m\n"), "{coloured:?}");
    }
}
