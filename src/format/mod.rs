//! `truce fmt`: one canonical layout, printed from the syntax tree, its comments
//! and the original text, so that formatting never loses a word.
//!
//! The layout:
//! - one statement per line, indented two spaces per block;
//! - a block's `{` on its statement's line, its `}` on a line of its own, and an
//!   empty block as `{}`;
//! - one space between atoms, none before a comma;
//! - every atom printed as the source spells it: strings byte for byte, numbers
//!   and dates as written;
//! - comments where they were: a comment after code stays at the end of that
//!   line, a comment on its own line stays on its own line, at the indentation of
//!   what follows it (trailing whitespace trimmed);
//! - a blank line between top-level statements (documents); elsewhere at most one
//!   blank line, where the source had one or more; none after `{` or before `}`;
//! - a statement continued after a trailing comma is joined onto one line, unless a
//!   comment sits in the break: then the break stays, the next line indented one
//!   level deeper;
//! - `;` between statements becomes a new line, except after a statement that ends
//!   in a comma (`units army,;`), where a new line would continue the statement;
//! - newlines are `\n`, and the file ends in exactly one (a file written with
//!   `\r\n` is changed, and the run warns that its line endings change).
//!
//! A file with syntax errors is not formatted: the tree of a broken file does not
//! hold every word. As a last guard, the output is parsed again and must hold the
//! same atoms, braces and comments as the input, or formatting fails.

mod diff;
mod files;

pub use diff::unified;
pub use files::{Mode, Outcome, run};

use crate::diagnostic::Diagnostic;
use crate::source::Span;
use crate::syntax::{self, AtomKind, Statement, SyntaxFile};

const INDENT: &str = "  ";

/// Why a text could not be formatted.
#[derive(Debug)]
pub enum FormatError {
    /// The text does not parse; formatting it could lose words.
    Syntax(Vec<Diagnostic>),
    /// The formatter would have changed the text's words: a bug in the formatter,
    /// reported rather than written.
    Changed(String),
    /// The formatted text would be larger than truce reads (its indentation
    /// grows a file written without it): its length in bytes.
    TooLarge(usize),
}

/// The canonical layout of a text in file `file`.
pub fn format(file: crate::source::FileId, text: &str) -> Result<String, FormatError> {
    let (tree, errors) = syntax::parse(file, text);
    if !errors.is_empty() {
        return Err(FormatError::Syntax(errors));
    }
    let formatted = print(&tree, text);
    if formatted.len() > syntax::MAX_FILE_BYTES {
        return Err(FormatError::TooLarge(formatted.len()));
    }
    let (again, errors) = syntax::parse(file, &formatted);
    if !errors.is_empty() {
        return Err(FormatError::Changed(format!(
            "the formatted text does not parse: {}",
            errors[0].message
        )));
    }
    let before = words(&tree, text);
    let after = words(&again, &formatted);
    if before != after {
        let at = before
            .iter()
            .zip(&after)
            .position(|(a, b)| a != b)
            .unwrap_or(before.len().min(after.len()));
        return Err(FormatError::Changed(format!(
            "word {at} would change from {:?} to {:?}",
            before.get(at),
            after.get(at)
        )));
    }
    Ok(formatted)
}

/// Print a parsed tree in the canonical layout. `text` is the text it was parsed
/// from; the tree must have parsed without errors.
pub fn print(tree: &SyntaxFile, text: &str) -> String {
    let mut printer = Printer {
        text,
        comments: &tree.comments,
        next_comment: 0,
        out: String::with_capacity(text.len() + text.len() / 8),
        line_open: false,
        last_end: 0,
        blank: Blank::Never,
    };
    for (index, statement) in tree.statements.iter().enumerate() {
        printer.statement(statement, 0);
        if index + 1 < tree.statements.len() {
            printer.blank = Blank::Always;
        }
    }
    printer.comments_before(text.len(), 0);
    printer.end_line();
    printer.out
}

/// Whether the next line may follow a blank line.
#[derive(Clone, Copy, PartialEq)]
enum Blank {
    /// At the start of the file or a block, before a `}`, or inside a continued
    /// statement.
    Never,
    /// Where the source had one.
    Kept,
    /// After a top-level statement.
    Always,
}

struct Printer<'a> {
    text: &'a str,
    comments: &'a [Span],
    next_comment: usize,
    out: String,
    /// The output's last line has content and no newline yet.
    line_open: bool,
    /// Where in the source the last printed token or comment ends.
    last_end: usize,
    blank: Blank,
}

impl Printer<'_> {
    fn statement(&mut self, statement: &Statement, depth: usize) {
        self.comments_before(statement.span.start(), depth);
        self.start_line(statement.span.start(), depth);
        let continued = depth + 1;
        for (index, atom) in statement.atoms.iter().enumerate() {
            if index > 0 {
                self.blank = Blank::Never;
                self.comments_before(atom.span.start(), continued);
                if !self.line_open {
                    self.blank = Blank::Never;
                    self.start_line(atom.span.start(), continued);
                } else if atom.kind != AtomKind::Comma {
                    self.out.push(' ');
                }
            }
            self.token(atom.span);
        }
        let ends_in_comma = statement.atoms.last().map(|atom| &atom.kind) == Some(&AtomKind::Comma);
        let Some(block) = &statement.block else {
            // A trailing comma would join the next line onto this statement.
            if ends_in_comma {
                self.out.push(';');
            }
            self.blank = Blank::Kept;
            return;
        };
        self.blank = Blank::Never;
        self.comments_before(block.open.start(), continued);
        // A comment between a continued statement and its `{` puts the `{` on a
        // continuation line; the block is then indented from there.
        let depth = if self.line_open {
            self.out.push(' ');
            depth
        } else {
            self.blank = Blank::Never;
            self.start_line(block.open.start(), continued);
            continued
        };
        self.token(block.open);
        let close = block
            .close
            .unwrap_or(Span::new(0, self.text.len(), self.text.len()));
        let empty = block.statements.is_empty() && !self.comment_before(close.start());
        if !empty {
            self.blank = Blank::Never;
            for inner in &block.statements {
                self.statement(inner, depth + 1);
            }
            self.comments_before(close.start(), depth + 1);
            self.blank = Blank::Never;
            self.start_line(close.start(), depth);
        }
        self.out.push('}');
        self.last_end = close.end();
        self.blank = Blank::Kept;
    }

    /// Print a token as the source spells it.
    fn token(&mut self, span: Span) {
        self.out.push_str(&self.text[span.start()..span.end()]);
        self.last_end = span.end();
    }

    fn comment_before(&self, offset: usize) -> bool {
        self.comments
            .get(self.next_comment)
            .is_some_and(|comment| comment.start() < offset)
    }

    /// Print every comment that starts before `offset`, at `depth` when on its
    /// own line.
    fn comments_before(&mut self, offset: usize, depth: usize) {
        while let Some(&comment) = self.comments.get(self.next_comment) {
            if comment.start() >= offset {
                return;
            }
            self.next_comment += 1;
            let body = self.text[comment.start()..comment.end()].trim_end();
            let same_line = !self.text[self.last_end..comment.start()].contains('\n');
            if self.line_open && same_line {
                self.out.push(' ');
            } else {
                self.start_line(comment.start(), depth);
            }
            self.out.push_str(body);
            self.last_end = comment.end();
            // A comment runs to the end of its line.
            self.end_line();
        }
    }

    /// Close the open line, add a blank line if one is due, and indent a new line
    /// for what starts at `offset` in the source.
    fn start_line(&mut self, offset: usize, depth: usize) {
        self.end_line();
        let blank = match self.blank {
            Blank::Never => false,
            Blank::Always => true,
            Blank::Kept => self.text[self.last_end..offset].matches('\n').count() >= 2,
        };
        if blank && !self.out.is_empty() {
            self.out.push('\n');
        }
        for _ in 0..depth {
            self.out.push_str(INDENT);
        }
        self.line_open = true;
        self.blank = Blank::Kept;
    }

    fn end_line(&mut self) {
        if self.line_open {
            self.out.push('\n');
            self.line_open = false;
        }
    }
}

/// What formatting must keep: every atom and brace as spelled, and every comment
/// (trailing whitespace aside), in order.
fn words<'a>(tree: &SyntaxFile, text: &'a str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut stack: Vec<std::slice::Iter<Statement>> = vec![tree.statements.iter()];
    // Iterative, so that the guard costs no stack however the tree nests.
    while let Some(statements) = stack.last_mut() {
        let Some(statement) = statements.next() else {
            stack.pop();
            if !stack.is_empty() {
                out.push("}");
            }
            continue;
        };
        out.extend(
            statement
                .atoms
                .iter()
                .map(|atom| &text[atom.span.start()..atom.span.end()]),
        );
        if let Some(block) = &statement.block {
            out.push("{");
            stack.push(block.statements.iter());
        }
    }
    out.extend(
        tree.comments
            .iter()
            .map(|comment| text[comment.start()..comment.end()].trim_end()),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(text: &str) -> String {
        match format(0, text) {
            Ok(formatted) => formatted,
            Err(error) => panic!("{error:?}"),
        }
    }

    #[test]
    fn canonical_layout() {
        assert_eq!(
            fmt("a  b,c {x 1;y \"s\"   }\n\n\n\nd {}"),
            "a b, c {\n  x 1\n  y \"s\"\n}\n\nd {}\n"
        );
    }

    #[test]
    fn comments_stay_where_they_were() {
        let text = "# head\n\na { # open\n  # own\n  b 1 # end\n\n  # last\n} # close\n# tail\n";
        assert_eq!(fmt(text), text);
    }

    #[test]
    fn a_comment_in_a_continued_statement_keeps_the_break() {
        assert_eq!(
            fmt("units army, # the army\n    security\n"),
            "units army, # the army\n  security\n"
        );
        assert_eq!(fmt("units army,\n security\n"), "units army, security\n");
    }

    #[test]
    fn a_block_opened_on_a_continuation_line_is_indented_from_it() {
        assert_eq!(fmt("a b,\n# c\n{ d }"), "a b,\n  # c\n  {\n    d\n  }\n");
    }

    #[test]
    fn a_continued_statement_has_no_blank_lines() {
        assert_eq!(
            fmt("units army, # one\n# two\n\n\n  security\n"),
            "units army, # one\n  # two\n  security\n"
        );
    }

    #[test]
    fn a_trailing_comma_before_another_statement_keeps_its_end() {
        assert_eq!(fmt("a { b x,; c }"), "a {\n  b x,;\n  c\n}\n");
    }

    #[test]
    fn empty_and_comment_only_files() {
        assert_eq!(fmt(""), "");
        assert_eq!(fmt("\n\n  \n"), "");
        assert_eq!(fmt("\n# only\n\n"), "# only\n");
    }

    #[test]
    fn strings_are_kept_byte_for_byte() {
        let text = "a \"two\n  lines \\\" and\\ttab\"   b\n";
        assert_eq!(fmt(text), "a \"two\n  lines \\\" and\\ttab\" b\n");
    }

    #[test]
    fn refuses_syntax_errors() {
        assert!(matches!(format(0, "a {"), Err(FormatError::Syntax(_))));
    }
}
