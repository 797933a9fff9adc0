//! Statements and blocks. Atoms come from the nom parsers in `atom.rs`; this layer
//! adds what a combinator chain does badly: recovery (one bad token or line costs
//! one error, not the rest of the file), a nesting limit, and linear time on any
//! input.

use super::advice;
use super::atom::{self, StringError};
use super::tree::{Atom, AtomKind, Block, Statement, SyntaxFile};
use crate::diagnostic::Diagnostic;
use crate::error_code::ErrorCode;
use crate::source::{FileId, Span};

/// Blocks nest this deep at most; the language needs three levels.
pub const MAX_DEPTH: usize = 32;
/// A file reports at most this many syntax errors; the rest are follow-ons.
pub const MAX_ERRORS: usize = 50;
/// Bytes per file at most.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

const ATOM_EXPECTED: &str =
    "a word, a \"string\", a number, a date, `,`, `{` or the end of the line";

/// Parse one file. Always returns a tree (possibly partial) and every error found.
///
/// When the braces do not balance, the file is read a second time with the
/// indentation as a guide: a block whose lines are indented deeper than its
/// opening line ends, for the second reading, where a line comes back to that
/// line's indentation. That names the block that lacks its `}` (not the
/// outermost one, which the last `}` of the file left open) and reads what
/// follows it as the author meant, without follow-on errors. The second reading
/// is kept only when it balances the braces.
pub fn parse(file: FileId, text: &str) -> (SyntaxFile<'_>, Vec<Diagnostic>) {
    if text.len() > MAX_FILE_BYTES {
        let error = Diagnostic::new(
            format!("file is larger than {} MiB", MAX_FILE_BYTES / (1024 * 1024)),
            Span::new(file, MAX_FILE_BYTES, MAX_FILE_BYTES),
        )
        .code(ErrorCode::UnreadablePath)
        .hint("split the corpus into several files");
        return (SyntaxFile::default(), vec![error]);
    }
    let first = read(file, text, false);
    if first.unclosed_blocks == 0 {
        return first.finish();
    }
    let second = read(file, text, true);
    if second.unclosed_blocks == 0 && second.unmatched_braces <= first.unmatched_braces {
        second.finish()
    } else {
        first.finish()
    }
}

/// One reading of the file; see [`parse`].
fn read(file: FileId, text: &str, follow_indentation: bool) -> StatementParser<'_> {
    let mut parser = StatementParser {
        text,
        file,
        pos: 0,
        errors: Vec::new(),
        comments: Vec::new(),
        unclosed_blocks: 0,
        unclosed_error: None,
        unmatched_braces: 0,
        follow_indentation,
        ended_by_indentation: false,
        atoms: Vec::new(),
        statements: Vec::new(),
        statements_read: Vec::new(),
    };
    // A carriage return that ends no line is neither a line break nor a space:
    // editors show a new line where truce would see none, so a statement after a
    // comment would look like code and be ignored. Each is an error, found before
    // parsing; the parser then reads it as a space.
    for (at, _) in text.match_indices('\r') {
        if text.as_bytes().get(at + 1) != Some(&b'\n') {
            parser.error(
                Diagnostic::new(
                    "a carriage return that ends no line",
                    Span::new(file, at, at + 1),
                )
                .code(ErrorCode::LoneCarriageReturn)
                .expected("a line feed after a carriage return (CRLF), or a line feed alone")
                .hint("save the file with LF or CRLF line endings"),
            );
        }
    }
    parser.statements_read = parser.statements(0, None);
    parser
}

/// A block being read: where it opened, and the indentation of the line that
/// opened it (`None` when something stands before the statement on its line).
#[derive(Clone, Copy)]
struct OpenBlock {
    open: Span,
    indent: Option<usize>,
}

/// A character as messages show it: in backquotes where it can be seen, by its
/// code point (and name, for the common ones) where it cannot: a zero-width
/// space or a no-break space looks like nothing, or like a space.
fn describe_char(c: char) -> String {
    let name = match c {
        '\u{a0}' => Some("no-break space"),
        '\u{200b}' => Some("zero width space"),
        '\u{200c}' => Some("zero width non-joiner"),
        '\u{200d}' => Some("zero width joiner"),
        '\u{200e}' => Some("left-to-right mark"),
        '\u{200f}' => Some("right-to-left mark"),
        '\u{2060}' => Some("word joiner"),
        '\u{feff}' => Some("byte order mark"),
        '\u{2028}' => Some("line separator"),
        '\u{2029}' => Some("paragraph separator"),
        '\u{3000}' => Some("ideographic space"),
        _ => None,
    };
    let invisible = c.is_control()
        || c.is_whitespace()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}');
    match (name, invisible) {
        (Some(name), _) => format!("U+{:04X} ({name})", c as u32),
        (None, true) => format!("character U+{:04X}", c as u32),
        (None, false) => format!("`{c}`"),
    }
}

struct StatementParser<'a> {
    text: &'a str,
    file: FileId,
    pos: usize,
    errors: Vec<Diagnostic>,
    comments: Vec<Span>,
    /// Blocks found open at the end of input, and the error that reports them.
    unclosed_blocks: usize,
    unclosed_error: Option<usize>,
    /// `}` with no open `{`.
    unmatched_braces: usize,
    /// Whether a block ends where the indentation says it does; see [`parse`].
    follow_indentation: bool,
    /// Set when the indentation ended the block just read.
    ended_by_indentation: bool,
    /// Atoms and statements being read, as stacks: each statement and block
    /// pushes from where the stack stood and takes its own off, at their exact
    /// size, when it ends. Growing a vector per statement and per block
    /// instead was a quarter of the time spent parsing.
    atoms: Vec<Atom<'a>>,
    statements: Vec<Statement<'a>>,
    /// The file's statements, once read.
    statements_read: Vec<Statement<'a>>,
}

impl<'a> StatementParser<'a> {
    fn finish(self) -> (SyntaxFile<'a>, Vec<Diagnostic>) {
        let file = SyntaxFile {
            statements: self.statements_read,
            comments: self.comments,
        };
        (file, self.errors)
    }

    /// The indentation of the line `at` is on, when only spaces and tabs stand
    /// before `at` on it. Scans back over those only, so reading stays linear.
    fn indent_at(&self, at: usize) -> Option<usize> {
        let before = &self.text.as_bytes()[..at];
        let spaces = before
            .iter()
            .rev()
            .take_while(|&&b| b == b' ' || b == b'\t')
            .count();
        match before.len().checked_sub(spaces + 1).map(|i| before[i]) {
            None | Some(b'\n') => Some(spaces),
            // The byte order mark some editors write before the first line.
            Some(_)
                if before.len() - spaces == '\u{feff}'.len_utf8()
                    && self.text.starts_with('\u{feff}') =>
            {
                Some(spaces)
            }
            Some(_) => None,
        }
    }

    /// Whether the indentation ends `block` before the cursor (which is at a
    /// statement, or at a `}` when `closing`): its lines were indented deeper
    /// than its opening line, and this one comes back to that line's
    /// indentation (for a `}`, further back than it).
    fn indentation_ends(&self, block: OpenBlock, content: Option<usize>, closing: bool) -> bool {
        if !self.follow_indentation {
            return false;
        }
        let (Some(open), Some(content), Some(here)) =
            (block.indent, content, self.indent_at(self.pos))
        else {
            return false;
        };
        content > open && (here < open || (here == open && !closing))
    }

    /// Report a block the indentation ends before the statement at the cursor.
    fn unclosed_before(&mut self, block: OpenBlock) {
        // Counting lines is a scan of the text so far: only for errors kept.
        if self.errors.len() >= MAX_ERRORS {
            return;
        }
        let line = self.text[..self.pos].matches('\n').count() + 1;
        let here = self.token_span();
        self.error(
            Diagnostic::new("this `{` is never closed", block.open)
                .code(ErrorCode::UnclosedBlock)
                .expected(format!(
                    "`}}` before line {line}, where the indentation ends the block"
                ))
                .hint("add the missing `}` at the end of the block")
                .related(here, "the block seems to end before this line"),
        );
    }

    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.file, start, end)
    }

    fn error(&mut self, diagnostic: Diagnostic) {
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(diagnostic);
        }
    }

    /// Report a block still open at the end of input. Only the innermost gets an
    /// error (it is nearest to where the file was cut); the blocks around it
    /// are counted in its hint rather than reported one by one.
    fn unclosed(&mut self, open: Span) {
        self.unclosed_blocks += 1;
        if self.unclosed_blocks == 1 {
            self.unclosed_error = Some(self.errors.len());
            self.error(
                Diagnostic::new("this `{` is never closed", open)
                    .code(ErrorCode::UnclosedBlock)
                    .expected("`}` before the end of the file")
                    .hint("add the missing `}`; the file may have been cut short"),
            );
        } else if let Some(error) = self.unclosed_error.and_then(|i| self.errors.get_mut(i)) {
            let outer = self.unclosed_blocks - 1;
            let blocks = if outer == 1 { "block is" } else { "blocks are" };
            error.hint = Some(format!(
                "add the missing `}}`; {outer} enclosing {blocks} open too, so the file may have been cut short"
            ));
        }
    }

    /// Skip spaces, tabs and comments on the current line.
    fn skip_inline(&mut self) {
        loop {
            match self.peek() {
                Some(' ' | '\t' | '\r') => self.pos += 1,
                // A byte order mark, as some editors write one, opens the file.
                Some('\u{feff}') if self.pos == 0 => self.pos += '\u{feff}'.len_utf8(),
                Some('#') => self.skip_comment(),
                _ => return,
            }
        }
    }

    fn skip_comment(&mut self) {
        let start = self.pos;
        let length = self.rest().find('\n').unwrap_or(self.rest().len());
        self.pos += length;
        self.comments.push(self.span(start, self.pos));
    }

    /// Skip everything between statements: spaces, newlines, comments, `;`.
    fn skip_gaps(&mut self) {
        loop {
            self.skip_inline();
            match self.peek() {
                Some('\n' | ';') => self.pos += 1,
                _ => return,
            }
        }
    }

    /// Statements until end of input or, inside a block, its `}`.
    fn statements(&mut self, depth: usize, open: Option<OpenBlock>) -> Vec<Statement<'a>> {
        let base = self.statements.len();
        // The indentation of the block's first line, for `indentation_ends`.
        let mut content_indent = None;
        loop {
            self.skip_gaps();
            if let Some(block) = open {
                let closing = self.peek() == Some('}');
                if self.peek().is_some() && self.indentation_ends(block, content_indent, closing) {
                    self.unclosed_before(block);
                    self.ended_by_indentation = true;
                    return self.statements.drain(base..).collect();
                }
                if self.follow_indentation && self.statements.len() == base && !closing {
                    content_indent = self.indent_at(self.pos);
                }
            }
            match self.peek() {
                None => {
                    if let Some(block) = open {
                        self.unclosed(block.open);
                    }
                    return self.statements.drain(base..).collect();
                }
                Some('}') if open.is_some() => return self.statements.drain(base..).collect(),
                Some('}') => {
                    let span = self.span(self.pos, self.pos + 1);
                    self.unmatched_braces += 1;
                    self.error(
                        Diagnostic::new("unexpected `}` with no open `{`", span)
                            .code(ErrorCode::UnmatchedBrace)
                            .expected("a statement")
                            .hint("remove it, or look for a missing `{` above"),
                    );
                    self.pos += 1;
                }
                Some(_) => {
                    if let Some(statement) = self.statement(depth) {
                        self.statements.push(statement);
                    }
                }
            }
        }
    }

    /// One statement: a word, more atoms, an optional block.
    fn statement(&mut self, depth: usize) -> Option<Statement<'a>> {
        let start = self.pos;
        let first = match atom::word(self.rest()) {
            Ok((_, word)) => word,
            Err(_) => {
                let found = self.describe_here();
                let span = self.token_span();
                self.error(
                    Diagnostic::new(format!("expected a keyword, found {found}"), span)
                        .code(ErrorCode::MissingKeyword)
                        .expected("a statement starting with a word, such as `clause` or `party`")
                        .hint("every statement starts with its keyword"),
                );
                self.skip_line();
                return None;
            }
        };
        let base = self.atoms.len();
        self.atoms.push(Atom {
            kind: AtomKind::Word(first),
            span: self.span(start, start + first.len()),
        });
        self.pos += first.len();
        loop {
            self.skip_inline();
            match self.peek() {
                None | Some('}' | ';') => break,
                Some('\n') => {
                    // A trailing comma continues the list on the next line.
                    if matches!(self.atoms.last().map(|a| &a.kind), Some(AtomKind::Comma)) {
                        self.skip_gaps();
                        continue;
                    }
                    break;
                }
                Some('{') => break,
                Some(_) => {
                    if let Some(atom) = self.atom() {
                        self.atoms.push(atom);
                    }
                }
            }
        }
        // Taken before the block, whose statements push their own atoms.
        let atoms: Vec<Atom<'a>> = self.atoms.drain(base..).collect();
        // Only the second reading follows the indentation; see [`parse`].
        let indent = if self.follow_indentation {
            self.indent_at(start)
        } else {
            None
        };
        let block = (self.peek() == Some('{')).then(|| self.block(depth, indent));
        let end = block
            .as_ref()
            .map(|b: &Block| b.close.unwrap_or(b.open).end())
            .or(atoms.last().map(|atom| atom.span.end()))
            .unwrap_or(self.pos);
        Some(Statement {
            atoms,
            block,
            span: self.span(start, end.max(start)),
        })
    }

    fn block(&mut self, depth: usize, indent: Option<usize>) -> Block<'a> {
        let open = self.span(self.pos, self.pos + 1);
        self.pos += 1;
        if depth + 1 >= MAX_DEPTH {
            self.error(
                Diagnostic::new(format!("blocks nest deeper than {MAX_DEPTH} levels"), open)
                    .code(ErrorCode::NestingTooDeep)
                    .expected("at most a document, its clauses and their blocks")
                    .hint("close the blocks you opened; a `{` may be doubled by mistake"),
            );
            let close = self.skip_nested();
            return Block {
                statements: Vec::new(),
                open,
                close,
            };
        }
        let statements = self.statements(depth + 1, Some(OpenBlock { open, indent }));
        // A `}` the indentation put after the block's end closes the block around it.
        let ended_by_indentation = std::mem::take(&mut self.ended_by_indentation);
        let close = if self.peek() == Some('}') && !ended_by_indentation {
            self.pos += 1;
            Some(self.span(self.pos - 1, self.pos))
        } else {
            None
        };
        Block {
            statements,
            open,
            close,
        }
    }

    /// Skip a block too deep to parse, without recursion, to its matching `}`.
    fn skip_nested(&mut self) -> Option<Span> {
        let mut depth = 1usize;
        while let Some(c) = self.peek() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        self.pos += 1;
                        return Some(self.span(self.pos - 1, self.pos));
                    }
                }
                '"' => {
                    self.pos += 1;
                    match atom::string_body(self.rest()) {
                        Ok((_, used)) => self.pos += used,
                        Err(_) => self.pos = self.text.len(),
                    }
                    continue;
                }
                '#' => {
                    self.skip_comment();
                    continue;
                }
                _ => {}
            }
            self.pos += c.len_utf8();
        }
        None
    }

    /// One atom after the keyword; `None` after reporting a bad token.
    fn atom(&mut self) -> Option<Atom<'a>> {
        let start = self.pos;
        let rest = self.rest();
        let c = self.peek()?;
        let kind = if c == ',' {
            self.pos += 1;
            AtomKind::Comma
        } else if c == '"' {
            match atom::string_body(&rest[1..]) {
                Ok((text, used)) => {
                    self.pos += 1 + used;
                    AtomKind::Text(text)
                }
                Err(StringError::Unterminated) => {
                    self.error(
                        Diagnostic::new("this string is never closed", self.span(start, start + 1))
                            .code(ErrorCode::UnclosedString)
                            .expected("a closing `\"`")
                            .hint("close the string; write `\\\"` for a quote inside it"),
                    );
                    self.skip_line();
                    return None;
                }
                Err(StringError::BadEscape(offset)) => {
                    let at = start + 1 + offset;
                    self.error(
                        Diagnostic::new("unknown escape in string", self.span(at, at + 2))
                            .code(ErrorCode::UnknownEscape)
                            .expected("one of `\\\"`, `\\\\`, `\\n`, `\\t`")
                            .hint("write `\\\\` for a backslash"),
                    );
                    self.skip_string();
                    return None;
                }
            }
        } else if !c.is_ascii_digit() {
            // Only dates and numbers start with a digit, and no word does: the
            // first character says which parsers can match.
            match atom::word(rest) {
                Ok((_, text)) => {
                    self.pos += text.len();
                    AtomKind::Word(text)
                }
                Err(_) => return self.unexpected(c),
            }
        } else if let Ok((_, text)) = atom::datetime(rest) {
            self.pos += text.len();
            AtomKind::DateTime(text)
        } else if let Ok((_, text)) = atom::date(rest) {
            self.pos += text.len();
            AtomKind::Date(text)
        } else if let Ok((_, text)) = atom::foreign_date(rest) {
            self.error(advice::foreign_date(
                text,
                self.span(start, start + text.len()),
            ));
            self.pos += text.len();
            return None;
        } else if let Ok((_, text)) = atom::thousands(rest) {
            // Reported, and read as the number it means, so the statement's
            // other values are still checked.
            self.error(advice::thousands_separator(
                text,
                self.span(start, start + text.len()),
            ));
            self.pos += text.len();
            AtomKind::Number {
                text,
                value: text.replace(',', "").parse().unwrap_or(f64::NAN),
            }
        } else if let Ok((after, text)) = atom::number(rest) {
            if after.starts_with(|c: char| c.is_ascii_alphabetic()) {
                let span = self.token_span();
                let unit: String = after
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect();
                self.error(
                    Diagnostic::new(
                        format!(
                            "`{}` is not a number or a date",
                            &rest[..span.end() - span.start()]
                        ),
                        span,
                    )
                    .code(ErrorCode::NumberJoinedToWord)
                    .expected("a number, then a space, then its unit")
                    .hint(format!("write `{text} {unit}`")),
                );
                self.pos = span.end();
                return None;
            }
            self.pos += text.len();
            let value = if text.contains('_') {
                text.replace('_', "").parse()
            } else {
                text.parse()
            };
            AtomKind::Number {
                text,
                value: value.unwrap_or(f64::NAN),
            }
        } else {
            return self.unexpected(c);
        };
        Some(Atom {
            kind,
            span: self.span(start, self.pos),
        })
    }

    /// Report a character no atom starts with, and skip its token.
    fn unexpected(&mut self, c: char) -> Option<Atom<'a>> {
        let span = self.token_span();
        let found = self.describe_here();
        let hint = if c == '\u{201c}' || c == '\u{201d}' {
            "use straight quotes `\"` around strings; curly quotes may appear inside them"
        } else {
            "put free text in a \"string\""
        };
        self.error(
            Diagnostic::new(format!("unexpected {found}"), span)
                .code(ErrorCode::UnexpectedCharacter)
                .expected(ATOM_EXPECTED)
                .hint(hint),
        );
        self.pos = span.end();
        None
    }

    /// The span of the token at the cursor: up to the next space or bracket.
    fn token_span(&self) -> Span {
        let rest = self.rest();
        let mut length = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '{' | '}' | ';' | ','))
            .unwrap_or(rest.len());
        if length == 0 {
            length = rest.chars().next().map_or(0, char::len_utf8);
        }
        self.span(self.pos, self.pos + length)
    }

    fn describe_here(&self) -> String {
        match self.peek() {
            Some(c) => describe_char(c),
            None => "the end of the file".to_string(),
        }
    }

    /// Skip to the end of the current line (not past a `}`, which may close a
    /// block), skipping whole any block the line opens, so that one bad line does
    /// not unbalance the braces after it.
    fn skip_line(&mut self) {
        while let Some(c) = self.peek() {
            match c {
                '\n' | '}' => return,
                '{' => {
                    self.pos += 1;
                    self.skip_nested();
                }
                _ => self.pos += c.len_utf8(),
            }
        }
    }

    /// Skip past a string with a bad escape, to its closing quote on this line.
    fn skip_string(&mut self) {
        self.pos += 1;
        while let Some(c) = self.peek() {
            self.pos += c.len_utf8();
            match c {
                '\\' => {
                    if let Some(next) = self.peek() {
                        self.pos += next.len_utf8();
                    }
                }
                '"' | '\n' => return,
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(statement: &Statement) -> Vec<String> {
        statement
            .atoms
            .iter()
            .map(|atom| match &atom.kind {
                AtomKind::Word(word) => word.to_string(),
                AtomKind::Text(text) => format!("{text:?}"),
                AtomKind::Number { text, .. } => text.to_string(),
                AtomKind::Date(text) | AtomKind::DateTime(text) => text.to_string(),
                AtomKind::Comma => ",".into(),
            })
            .collect()
    }

    #[test]
    fn statements_blocks_and_spans() {
        let text = "agreement a {\n  clause 1 ceasefire { by x, y; text \"t\" }\n}\n";
        let (file, errors) = parse(0, text);
        assert!(errors.is_empty(), "{errors:?}");
        let document = &file.statements[0];
        assert_eq!(words(document), ["agreement", "a"]);
        let clause = &document.block.as_ref().unwrap().statements[0];
        assert_eq!(words(clause), ["clause", "1", "ceasefire"]);
        let inner = &clause.block.as_ref().unwrap().statements;
        assert_eq!(words(&inner[0]), ["by", "x", ",", "y"]);
        assert_eq!(words(&inner[1]), ["text", "\"t\""]);
        assert_eq!(
            &text[clause.span.start()..clause.span.end()],
            "clause 1 ceasefire { by x, y; text \"t\" }"
        );
    }

    #[test]
    fn a_trailing_comma_continues_the_line_and_comments_are_kept() {
        let (file, errors) = parse(0, "units army, # the army\n  security\nnext 1\n");
        assert!(errors.is_empty());
        assert_eq!(
            words(&file.statements[0]),
            ["units", "army", ",", "security"]
        );
        assert_eq!(words(&file.statements[1]), ["next", "1"]);
        assert_eq!(file.comments.len(), 1);
    }

    #[test]
    fn recovers_after_a_bad_token_and_reports_each_error() {
        let (file, errors) = parse(0, "a @ b\nc 6months\nd \"ok\"\n");
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert_eq!(errors[0].message, "unexpected `@`");
        assert_eq!(errors[1].hint.as_deref(), Some("write `6 months`"));
        assert_eq!(file.statements.len(), 3);
    }

    #[test]
    fn unclosed_block_points_at_its_open_brace() {
        let (_, errors) = parse(0, "agreement a {\n clause 1 ceasefire {\n");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].message, "this `{` is never closed");
        // The innermost block is reported; the one around it is counted.
        assert_eq!(errors[0].span.map(|s| s.start), Some(34));
        let hint = errors[0].hint.as_deref().unwrap_or("");
        assert!(hint.contains("1 enclosing block is open too"), "{hint}");
    }

    #[test]
    fn a_missing_brace_mid_file_is_found_by_indentation_with_no_follow_on() {
        let text = "agreement a {\n  clause 1 x {\n    by r\n  clause 2 y {\n    by r\n  }\n}\n";
        let (file, errors) = parse(0, text);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].code, Some(ErrorCode::UnclosedBlock));
        // Clause 1's `{`, and clause 2 read as the agreement's, beside it.
        assert_eq!(errors[0].span.map(|s| s.start), Some(27));
        let document = file.statements[0]
            .block
            .as_ref()
            .map(|b| b.statements.len());
        assert_eq!(document, Some(2));
    }

    #[test]
    fn a_closing_brace_dedented_past_its_block_closes_the_one_around_it() {
        // Clause 2 lacks its `}`; the last `}`, at the agreement's indentation,
        // closes the agreement.
        let text = "agreement a {\n  clause 1 x {\n    by r\n  }\n  clause 2 y {\n    by r\n}\n";
        let (_, errors) = parse(0, text);
        assert_eq!(errors.len(), 1, "{errors:?}");
        let start = text.find("clause 2").unwrap_or(0);
        assert_eq!(
            errors[0].span.map(|s| &text[start..s.end()]),
            Some("clause 2 y {")
        );
    }

    #[test]
    fn without_indentation_the_block_open_at_the_end_is_reported() {
        let text = "agreement a {\nclause 1 x {\nby r\nclause 2 y {\nby r\n}\n}\n";
        let (_, errors) = parse(0, text);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].span.map(|s| s.start), Some(12));
    }

    #[test]
    fn dates_in_other_formats_and_marked_thousands_say_how_to_write_them() {
        let (file, errors) = parse(0, "date 15/05/2018\ncount 12,000 people\n");
        let codes: Vec<_> = errors.iter().map(|e| e.code).collect();
        assert_eq!(
            codes,
            [
                Some(ErrorCode::DateFormat),
                Some(ErrorCode::ThousandsSeparator)
            ]
        );
        assert_eq!(errors[0].hint.as_deref(), Some("write `2018-05-15`"));
        // The number is read as meant, so the rest of its statement is checked.
        let count = &file.statements[1].atoms[1].kind;
        assert!(matches!(count, AtomKind::Number { value, .. } if *value == 12000.0));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let text = format!("{}{}", "a {".repeat(100_000), "}".repeat(100_000));
        let (_, errors) = parse(0, &text);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].message.contains("nest deeper"));
    }

    #[test]
    fn a_million_bare_braces_give_one_located_error() {
        let text = format!("a {}", "{".repeat(1_000_000));
        let (_, errors) = parse(0, &text);
        assert_eq!(errors[0].message, "expected a keyword, found `{`");
        assert_eq!(errors[0].span.map(|s| s.start), Some(3));
        assert_eq!(errors.len(), 2, "{errors:?}");
    }

    #[test]
    fn unterminated_string_and_stray_brace() {
        let (_, errors) = parse(0, "a \"open\n}\n");
        let messages: Vec<_> = errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "this string is never closed",
                "unexpected `}` with no open `{`"
            ]
        );
    }
}
