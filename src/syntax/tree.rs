//! The syntax tree: statements of atoms, with blocks. Uniform on purpose: the
//! parser knows no keywords, so a formatter can print any tree back and the
//! vocabulary can grow without touching the grammar.
//!
//! Atoms borrow their text from the source (a string is copied only when it has
//! escapes to decode): a corpus holds hundreds of thousands of atoms, and an
//! allocation for each made parsing slower than reading the same model from JSON.

use std::borrow::Cow;

use crate::source::Span;

/// One parsed file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SyntaxFile<'a> {
    pub statements: Vec<Statement<'a>>,
    /// Every comment, in source order, for tools that must not lose them.
    pub comments: Vec<Span>,
}

/// `word atom* block?`, ended by a newline, `;` or `}`.
#[derive(Clone, Debug, PartialEq)]
pub struct Statement<'a> {
    pub atoms: Vec<Atom<'a>>,
    pub block: Option<Block<'a>>,
    pub span: Span,
}

impl Statement<'_> {
    /// The leading word: the statement's keyword.
    pub fn keyword(&self) -> Option<&str> {
        match self.atoms.first().map(|atom| &atom.kind) {
            Some(AtomKind::Word(word)) => Some(word),
            _ => None,
        }
    }

    /// The span of the statement's line, without its block.
    pub fn head_span(&self) -> Span {
        match (self.atoms.first(), self.atoms.last()) {
            (Some(first), Some(last)) => first.span.to(last.span),
            _ => self.span,
        }
    }
}

/// `{ statement* }`.
#[derive(Clone, Debug, PartialEq)]
pub struct Block<'a> {
    pub statements: Vec<Statement<'a>>,
    pub open: Span,
    /// `None` when the block was never closed (an error was reported).
    pub close: Option<Span>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Atom<'a> {
    pub kind: AtomKind<'a>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum AtomKind<'a> {
    /// A word or a dotted path: `clause`, `regime.army`.
    Word(&'a str),
    /// A string with its escapes decoded.
    Text(Cow<'a, str>),
    /// A number as written (`12_000`), and its value.
    Number {
        text: &'a str,
        value: f64,
    },
    /// `2018-05-01`, `2017-08`: checked against the calendar when resolved.
    Date(&'a str),
    /// `2018-05-03T12:00[Asia/Damascus]`: checked when resolved.
    DateTime(&'a str),
    Comma,
}

impl AtomKind<'_> {
    /// How the atom is named in messages.
    pub fn describe(&self) -> String {
        match self {
            AtomKind::Word(word) => format!("`{word}`"),
            AtomKind::Text(_) => "a string".to_string(),
            AtomKind::Number { text, .. } => format!("the number `{text}`"),
            AtomKind::Date(text) | AtomKind::DateTime(text) => format!("the date `{text}`"),
            AtomKind::Comma => "`,`".to_string(),
        }
    }
}
