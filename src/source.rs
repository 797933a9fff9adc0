//! Source files, byte spans, and line/column lookup.

use std::sync::OnceLock;

use serde::Serialize;

/// Index of a file in a [`Sources`] set.
pub type FileId = u32;

/// A byte range in one source file. Every node the user wrote carries one.
///
/// `Serialize` for the findings, red-line outcomes and test results that library
/// users may write out; the interchange has its own span type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    pub file: FileId,
    /// Byte offsets: u32, as no file truce reads is larger than
    /// [`crate::syntax::MAX_FILE_BYTES`] (a JSON export's spans point into the
    /// files it carries, each as small). Twelve bytes a span, not 24.
    pub start: u32,
    pub end: u32,
}

impl Span {
    /// A span of byte offsets; an offset past `u32::MAX` (which no file truce
    /// reads has) is held at it.
    pub fn new(file: FileId, start: usize, end: usize) -> Span {
        let offset = |at: usize| u32::try_from(at).unwrap_or(u32::MAX);
        Span {
            file,
            start: offset(start),
            end: offset(end),
        }
    }

    /// Where it starts, as an index into its file's text.
    pub fn start(self) -> usize {
        self.start as usize
    }

    /// Where it ends (exclusive), as an index into its file's text.
    pub fn end(self) -> usize {
        self.end as usize
    }

    /// Its bytes, as a range of its file's text.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start()..self.end()
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span {
            file: self.file,
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// A value with the place in the source it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Spanned<T> {
        Spanned { value, span }
    }
}

/// One loaded source file.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub name: String,
    /// Shared with the model: its [`crate::text::Text`]s are slices of it.
    pub text: std::sync::Arc<String>,
    /// Where each line starts, found the first time a position is asked for:
    /// only files with something to report need it, and a large corpus would
    /// otherwise spend a tenth of its loading time and memory on it.
    line_starts: OnceLock<Vec<usize>>,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> SourceFile {
        SourceFile {
            name: name.into(),
            text: std::sync::Arc::new(text.into()),
            line_starts: OnceLock::new(),
        }
    }

    /// The zero-based line holding a byte offset; an offset past the end is on
    /// the last line.
    pub fn line_index(&self, offset: usize) -> usize {
        self.line_starts()
            .partition_point(|&start| start <= offset)
            .saturating_sub(1)
    }

    /// One-based line and column (in characters) of a byte offset. Private:
    /// everything else asks [`Sources::locate`], so every output agrees.
    fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_index(offset);
        let start = self.line_starts()[line];
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |prefix| prefix.chars().count());
        (line + 1, column + 1)
    }

    pub fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(index, _)| index + 1))
                .collect()
        })
    }
}

/// Every source file of one run, addressed by [`FileId`].
#[derive(Clone, Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        FileId::try_from(self.files.len() - 1).unwrap_or(FileId::MAX)
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id as usize]
    }

    /// The file a span is in, if the set holds it.
    pub fn file_of(&self, span: Span) -> Option<&SourceFile> {
        self.files.get(span.file as usize)
    }

    pub fn files(&self) -> &[SourceFile] {
        &self.files
    }

    /// The one span locator: where a span starts, as every output reports it
    /// (`--> file:line:col`, JSON `file`/`line`/`column`, compare reports).
    /// `None` for a span from no known file, which the library never makes.
    pub fn locate(&self, span: Span) -> Option<Location<'_>> {
        let file = self.file_of(span)?;
        let (line, column) = file.line_column(span.start());
        Some(Location {
            file: &file.name,
            line,
            column,
        })
    }

    /// Where a span ends: the line and column just past its last character
    /// (the end is exclusive, as SARIF's `endColumn` and an editor's selection
    /// read it). `None` for a span from no known file.
    pub fn locate_end(&self, span: Span) -> Option<Location<'_>> {
        self.locate(Span {
            start: span.end,
            ..span
        })
    }
}

/// Where a span starts: the file's name and a one-based line and column, the
/// column counted in characters (not bytes, not display width), as editors read
/// `file:line:col`. The default (empty name, line and column 0) is what the
/// structured outputs write for a span from no known file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Location<'s> {
    pub file: &'s str,
    pub line: usize,
    pub column: usize,
}

/// `file:line:col`.
impl std::fmt::Display for Location<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let file = SourceFile::new("a.truce", "ab\nçd e\n");
        assert_eq!(file.line_column(0), (1, 1));
        assert_eq!(file.line_column(3), (2, 1));
        // 'ç' is two bytes: byte 6 is the space, the third character.
        assert_eq!(file.line_column(6), (2, 3));
        // Past the end: the end of the last line.
        assert_eq!(file.line_column(99), (3, 1));
    }

    #[test]
    fn locate_names_the_file_and_knows_no_other() {
        let mut sources = Sources::default();
        let id = sources.add(SourceFile::new("a.truce", "ab\n\u{91CA}x\n"));
        let at = sources.locate(Span::new(id, 6, 7));
        assert_eq!(at.map(|at| at.to_string()), Some("a.truce:2:2".to_string()));
        assert_eq!(sources.locate(Span::new(id + 1, 0, 0)), None);
        let end = sources.locate_end(Span::new(id, 0, 7));
        assert_eq!(
            end.map(|at| at.to_string()),
            Some("a.truce:2:3".to_string())
        );
    }
}
