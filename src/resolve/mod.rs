//! Syntax tree → checked model. Checks what only the text shows: the statements
//! and their shape, which attributes each clause kind allows, the words of closed
//! lists, the units, limits and calendar validity of values; collects every error
//! rather than stopping at the first. Names are read as written: whether they
//! refer to declarations, and whether ids are declared twice, is checked on the
//! model by [`crate::model_checks`], for JSON input alike.
//!
//! This module holds the entry point and what every statement family shares; the
//! families are `declarations` (party, place, unit, source), `document` (the
//! header and the dispatch of a document's statements), `clause` (clauses,
//! recitals and their attributes) and `redline` (requirements and tests).

mod allow;
mod clause;
mod declarations;
mod document;
mod event;
mod redline;
pub(crate) mod time;
mod value;

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::error_code::ErrorCode;
use crate::model::{Document, Requirement, Requirements, TestBlock, Value};
use crate::source::{Span, Spanned};
use crate::syntax::{Atom, AtomKind, Statement, SyntaxFile};
use crate::text::Text;
use crate::vocabulary::{self, Vocabulary};

pub use time::read_when;
use value::{Cursor, Scope, read_word};

/// What one file holds.
#[derive(Default)]
pub struct Resolved {
    pub documents: Vec<Document>,
    pub requirements: Vec<Requirements>,
    pub tests: Vec<TestBlock>,
    /// Errors counted but not kept: past a few times what is shown, a file's
    /// later errors only add to the count of those not shown.
    pub dropped_errors: usize,
}

/// How many errors a file keeps while it is resolved: more than are shown, so
/// that the first ones by position are among them, and few enough that a file
/// of a million bad lines does not build a million messages.
const KEPT_ERRORS: usize = 4 * crate::syntax::MAX_ERRORS;

/// The statements a file holds at its top level.
const TOP_LEVEL: &[&str] = &["agreement", "requirements", "test"];

/// Resolve one file, appending errors.
pub fn resolve_file(
    file: &SyntaxFile,
    vocabulary: &Vocabulary,
    errors: &mut Vec<Diagnostic>,
) -> Resolved {
    let mut resolved = Resolved::default();
    let first = errors.len();
    for statement in &file.statements {
        if errors.len() > KEPT_ERRORS {
            resolved.dropped_errors += errors.len() - KEPT_ERRORS;
            errors.truncate(KEPT_ERRORS);
        }
        match statement.keyword() {
            Some("agreement") => {
                if let Some((document, _)) =
                    resolve_document(statement, Mode::Agreement, vocabulary, errors)
                {
                    resolved.documents.push(document);
                }
            }
            Some("requirements") => {
                if let Some((header, red_lines)) =
                    resolve_document(statement, Mode::Requirements, vocabulary, errors)
                {
                    resolved.requirements.push(Requirements {
                        header,
                        owner: red_lines.owner,
                        items: red_lines.items,
                    });
                }
            }
            Some("test") => {
                if let Some(test) = redline::resolve_test(statement, vocabulary, errors) {
                    resolved.tests.push(test);
                }
            }
            keyword => {
                let word = keyword.unwrap_or("");
                errors.push(
                    Diagnostic::new(
                        format!("expected `agreement`, `requirements` or `test`, found `{word}`"),
                        statement.head_span(),
                    )
                    .code(ErrorCode::UnknownStatement)
                    .expected("`agreement ID { ... }` at the top of a file")
                    .hint(
                        did_you_mean(word, TOP_LEVEL.iter().copied())
                            .unwrap_or_else(|| "statements go inside an agreement's braces".into()),
                    ),
                );
            }
        }
    }
    if errors.len() > KEPT_ERRORS {
        resolved.dropped_errors += errors.len() - KEPT_ERRORS;
        errors.truncate(KEPT_ERRORS);
    }
    for error in errors.iter_mut().skip(first) {
        error.default_code(ErrorCode::InvalidStatement);
    }
    resolved
}

/// Agreements and requirements share their header and declarations.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Agreement,
    Requirements,
}

/// What a requirements block adds to its header.
#[derive(Default)]
struct RedLines {
    owner: Option<Spanned<Text>>,
    items: Vec<Requirement>,
}

fn resolve_document(
    statement: &Statement,
    mode: Mode,
    vocabulary: &Vocabulary,
    errors: &mut Vec<Diagnostic>,
) -> Option<(Document, RedLines)> {
    let keyword = statement.keyword().unwrap_or("agreement");
    let mut cursor = Cursor::new(&statement.atoms[1..], statement.head_span());
    let id = match read_word(&mut cursor, "the document's id, such as `cairo_2017`") {
        Ok(id) => id,
        Err(error) => {
            errors.push(error.hint(format!("write `{keyword} ID {{ ... }}`")));
            return None;
        }
    };
    if !cursor.at_end() {
        errors.push(cursor.expected("`{` after the document's id"));
    }
    let Some(block) = &statement.block else {
        errors.push(
            Diagnostic::new(format!("{keyword} `{}` has no body", id.value), id.span)
                .expected("`{` and the document's statements")
                .hint(format!("write `{keyword} ID {{ ... }}`")),
        );
        return None;
    };
    let mut resolver = DocumentResolver {
        document: Document::new(id, statement.span),
        vocabulary,
        scope: Scope::default(),
        errors,
        mode,
        red_lines: RedLines::default(),
    };
    // Declarations first, so that clauses may name parties declared below them.
    for statement in &block.statements {
        resolver.declaration(statement);
    }
    for statement in &block.statements {
        resolver.statement(statement);
    }
    let mut document = resolver.document;
    let overflows = time::resolve_deadlines(&mut document);
    resolver.errors.extend(overflows);
    shrink(&mut document);
    Some((document, resolver.red_lines))
}

/// Give back what the vectors of a resolved document reserved while growing: a
/// corpus stays in memory while it is checked and compared, and the spare room
/// was a fifth of its model.
fn shrink(document: &mut Document) {
    document.statuses.shrink_to_fit();
    document.sources.shrink_to_fit();
    document.links.shrink_to_fit();
    document.places.shrink_to_fit();
    document.parties.shrink_to_fit();
    for party in &mut document.parties {
        party.roles.shrink_to_fit();
        party.represents.shrink_to_fit();
    }
    document.units.shrink_to_fit();
    document.guarantors.shrink_to_fit();
    document.monitors.shrink_to_fit();
    document.notes.shrink_to_fit();
    document.texts.shrink_to_fit();
    for clause in document.recitals.iter_mut().chain(&mut document.clauses) {
        clause.attributes.shrink_to_fit();
        clause.resolved.shrink_to_fit();
        for attribute in &mut clause.attributes {
            match &mut attribute.value {
                Value::Parties(items) | Value::Clauses(items) | Value::Words(items) => {
                    items.shrink_to_fit()
                }
                Value::Places(items) => items.shrink_to_fit(),
                Value::Actors(items) => items.shrink_to_fit(),
                Value::Weapons(items) => items.shrink_to_fit(),
                _ => {}
            }
        }
    }
    document.recitals.shrink_to_fit();
    document.clauses.shrink_to_fit();
}

struct DocumentResolver<'e> {
    document: Document,
    vocabulary: &'e Vocabulary,
    scope: Scope,
    errors: &'e mut Vec<Diagnostic>,
    mode: Mode,
    red_lines: RedLines,
}

/// A statement's head (the atoms after the keyword, before any sub-key) and its
/// sub-key groups: `party regime "Syrian government" side government units army`.
struct Parts<'a> {
    head: &'a [Atom<'a>],
    groups: Groups<'a>,
}

/// The sub-key groups of a statement, found as they are read: each runs from its
/// sub-key to the next one (or the end). A sub-key right after a comma is a
/// list item, not a key.
struct Groups<'a> {
    atoms: &'a [Atom<'a>],
    /// The index of the next group's key.
    next: Option<usize>,
    sub_keys: &'static [&'static str],
}

impl<'a> Groups<'a> {
    /// The first sub-key at or after `from`.
    fn key_from(&self, from: usize) -> Option<usize> {
        (from.max(1)..self.atoms.len()).find(|&index| {
            !matches!(self.atoms[index - 1].kind, AtomKind::Comma)
                && matches!(&self.atoms[index].kind, AtomKind::Word(word) if self.sub_keys.contains(word))
        })
    }
}

impl<'a> Iterator for Groups<'a> {
    type Item = (&'a Atom<'a>, &'a str, &'a [Atom<'a>]);

    fn next(&mut self) -> Option<Self::Item> {
        let start = self.next?;
        let end = self.key_from(start + 1);
        self.next = end;
        let key = &self.atoms[start];
        let AtomKind::Word(word) = &key.kind else {
            return None;
        };
        Some((
            key,
            word,
            &self.atoms[start + 1..end.unwrap_or(self.atoms.len())],
        ))
    }
}

fn split<'a>(atoms: &'a [Atom<'a>], sub_keys: &'static [&'static str]) -> Parts<'a> {
    let mut groups = Groups {
        atoms,
        next: None,
        sub_keys,
    };
    groups.next = groups.key_from(1);
    let head_end = groups.next.unwrap_or(atoms.len());
    Parts {
        head: atoms.get(1..head_end).unwrap_or(&[]),
        groups,
    }
}

fn end_span(statement: &Statement) -> Span {
    let head = statement.head_span();
    Span::new(head.file, head.end(), head.end())
}

impl DocumentResolver<'_> {
    fn error(&mut self, diagnostic: Diagnostic) {
        self.errors.push(diagnostic);
    }

    /// Report an error if the cursor has atoms left. `after` is formatted only
    /// then: this runs on every statement.
    fn finish(&mut self, cursor: &Cursor, after: impl std::fmt::Display) {
        if !cursor.at_end() {
            let error = cursor.expected(&format!("the end of the statement after {after}"));
            self.error(error);
        }
    }

    fn sub_cursor<'a>(atoms: &'a [Atom<'a>], key: &Atom) -> Cursor<'a> {
        Cursor::new(
            atoms,
            Span::new(key.span.file, key.span.end(), key.span.end()),
        )
    }

    fn sub_keys(keyword: &str) -> &'static [&'static str] {
        vocabulary::words::sub_keys(keyword)
    }

    /// `source ID, ...`: the ids as written. Whether they are declared is checked
    /// on the model.
    fn sources(&mut self, cursor: &mut Cursor) -> Vec<Spanned<Text>> {
        let mut out = Vec::new();
        loop {
            match read_word(cursor, "a declared source id") {
                Ok(id) => out.push(id),
                Err(error) => {
                    self.error(error);
                    return out;
                }
            }
            if !matches!(cursor.peek().map(|a| &a.kind), Some(AtomKind::Comma)) {
                return out;
            }
            cursor.next();
        }
    }
}
