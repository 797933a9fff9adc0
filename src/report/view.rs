//! The run's sources as `codespan-reporting` reads them, and the settings its two
//! users share: input errors (`diagnostics`) and source snippets (`snippet`).
//! One view means one way to count columns, expand tabs and cut long lines.

use std::ops::Range;

use codespan_reporting::files::{Error as FilesError, Files, Location as FilesLocation};
use codespan_reporting::term::termcolor::Buffer;
use codespan_reporting::term::{Chars, Config};

use crate::source::{FileId, SourceFile, Sources, Span};

/// The ASCII character set (`-->`, `|`, `^`), which reads the same in a
/// terminal, a CI log and a snapshot file.
pub(super) fn config() -> Config {
    Config {
        chars: Chars::ascii(),
        ..Config::default()
    }
}

pub(super) fn buffer(color: bool) -> Buffer {
    if color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    }
}

/// Lines longer than this many bytes are shown as a window around the error,
/// so a 20 MB line does not echo 20 MB to the terminal.
pub(super) const LONG_LINE: usize = 240;
/// How much of a long line shows before the error's start.
pub(super) const BEFORE: usize = 80;

/// The run's sources as `codespan-reporting` reads them, reusing the line starts
/// `Sources` already computed. `focus` is the span being drawn: a long line
/// that holds it is cut to a window around it.
pub(super) struct View<'s> {
    sources: &'s Sources,
    focus: Option<Span>,
}

impl<'s> View<'s> {
    /// A view drawing `focus`, clamped into its file first so that the window
    /// around a stray span is still one of its file's lines.
    pub(super) fn focused(sources: &'s Sources, focus: Span) -> View<'s> {
        let unfocused = View {
            sources,
            focus: None,
        };
        let range = unfocused.clamp(focus);
        View {
            sources,
            focus: Some(Span::new(focus.file, range.start, range.end)),
        }
    }

    pub(super) fn file(&self, id: FileId) -> Result<&'s SourceFile, FilesError> {
        self.sources
            .files()
            .get(id as usize)
            .ok_or(FilesError::FileMissing)
    }

    pub(super) fn line_of(&self, id: FileId, byte_index: usize) -> usize {
        self.file(id).map_or(0, |file| file.line_index(byte_index))
    }

    /// The whole line `line_index`, newline included.
    fn full_line(&self, id: FileId, line_index: usize) -> Result<Range<usize>, FilesError> {
        let file = self.file(id)?;
        let starts = file.line_starts();
        let start = *starts.get(line_index).ok_or(FilesError::LineTooLarge {
            given: line_index,
            max: starts.len().saturating_sub(1),
        })?;
        let end = starts
            .get(line_index + 1)
            .copied()
            .unwrap_or(file.text.len());
        Ok(start..end)
    }

    /// The window shown of the long line holding `byte_index` in the focused
    /// file, on character boundaries; `None` when that line is short.
    pub(super) fn window(&self, id: FileId, byte_index: usize) -> Option<Range<usize>> {
        let focus = self.focus.filter(|focus| focus.file == id)?;
        let line = self.line_of(id, byte_index);
        if line != self.line_of(id, focus.start()) {
            return None;
        }
        let full = self.full_line(id, line).ok()?;
        if full.end - full.start <= LONG_LINE {
            return None;
        }
        let text = &self.file(id).ok()?.text;
        let mut start = focus.start().saturating_sub(BEFORE).max(full.start);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (start + LONG_LINE).min(full.end);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        Some(start..end)
    }

    /// The span as a byte range inside its file, on character boundaries, so that
    /// a stray span from any stage still renders.
    pub(super) fn clamp(&self, span: Span) -> Range<usize> {
        let Ok(file) = self.file(span.file) else {
            return 0..0;
        };
        let text = &file.text;
        let mut start = span.start().min(text.len());
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = span.end().clamp(start, text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        start..end
    }

    /// The span as one line draws it: clamped into its file, cut at the end of
    /// its first line (a whole clause shows as its opening line, never as
    /// codespan's multi-line markers) and at the edge of a long line's window.
    pub(super) fn on_first_line(&self, span: Span) -> Range<usize> {
        let range = self.clamp(span);
        let Ok(file) = self.file(span.file) else {
            return range;
        };
        let line = self
            .full_line(span.file, self.line_of(span.file, range.start))
            .unwrap_or(range.clone());
        let text = file.text.get(line.clone()).unwrap_or("");
        let line_end = line.start + text.trim_end_matches(['\n', '\r']).len();
        let mut end = range.end.min(line_end);
        if let Some(window) = self.window(span.file, range.start) {
            end = end.min(window.end);
        }
        range.start..end.max(range.start)
    }
}

impl<'a, 's: 'a> Files<'a> for View<'s> {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        Ok(&self.file(id)?.name)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        Ok(&self.file(id)?.text)
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, FilesError> {
        Ok(self.file(id)?.line_index(byte_index))
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, FilesError> {
        let full = self.full_line(id, line_index)?;
        Ok(self.window(id, full.start).unwrap_or(full))
    }

    /// The `-->` place comes from the one locator, so it reads as every other
    /// output's; its column counts from the line's real start, not a window's.
    fn location(&'a self, id: FileId, byte_index: usize) -> Result<FilesLocation, FilesError> {
        let at = self
            .sources
            .locate(Span::new(id, byte_index, byte_index))
            .ok_or(FilesError::FileMissing)?;
        Ok(FilesLocation {
            line_number: at.line,
            column_number: at.column,
        })
    }

    fn column_number(
        &'a self,
        id: FileId,
        _line_index: usize,
        byte_index: usize,
    ) -> Result<usize, FilesError> {
        Ok(self.location(id, byte_index)?.column_number)
    }
}
