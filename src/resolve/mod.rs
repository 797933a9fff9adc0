//! Syntax tree → checked model. Checks references (parties, units, places,
//! clauses, sources, documents), the units and calendar validity of values, which
//! attributes each clause kind allows, and duplicates; collects every error rather
//! than stopping at the first.

mod redline;
mod time;
mod value;

use std::collections::{HashMap, HashSet};

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::model::{
    Anchor, AttributeValue, Backer, Citation, Clause, Corpus, Deadline, Document, Link, Party,
    Place, Requirement, Requirements, Side, StatusEntry, TestBlock, Unit, Value,
};
use crate::source::{Span, Spanned};
use crate::syntax::{Atom, AtomKind, Statement, SyntaxFile};
use crate::vocabulary::{self, ClauseKind, Key, Relation, Role, Status, ValueType, Vocabulary};

pub use time::read_when;
use value::{
    Cursor, Scope, read_party, read_place, read_text, read_value, read_when_atom, read_word,
    read_word_str,
};

/// What one file holds.
#[derive(Default)]
pub struct Resolved {
    pub documents: Vec<Document>,
    pub requirements: Vec<Requirements>,
    pub tests: Vec<TestBlock>,
}

/// The statements a file holds at its top level.
const TOP_LEVEL: &[&str] = &["agreement", "requirements", "test"];

/// Resolve one file, appending errors.
pub fn resolve_file(
    file: &SyntaxFile,
    vocabulary: &Vocabulary,
    errors: &mut Vec<Diagnostic>,
) -> Resolved {
    let mut resolved = Resolved::default();
    for statement in &file.statements {
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
                    .expected("`agreement ID { ... }` at the top of a file")
                    .hint(
                        did_you_mean(word, TOP_LEVEL.iter().copied())
                            .unwrap_or_else(|| "statements go inside an agreement's braces".into()),
                    ),
                );
            }
        }
    }
    resolved
}

/// Checks across files: unique document ids, links to documents that exist.
pub fn check_corpus(corpus: &Corpus, errors: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&str, Span> = HashMap::new();
    for document in &corpus.documents {
        if let Some(first) = seen.insert(&document.id.value, document.id.span) {
            errors.push(
                Diagnostic::new(
                    format!("document `{}` is defined twice", document.id.value),
                    document.id.span,
                )
                .related(first, "first defined here")
                .hint("give each document its own id"),
            );
        }
    }
    for document in &corpus.documents {
        for link in &document.links {
            if !seen.contains_key(link.target.value.as_str()) {
                errors.push(
                    Diagnostic::new(
                        format!("unknown document `{}`", link.target.value),
                        link.target.span,
                    )
                    .expected("the id of a document in the files being checked")
                    .maybe_hint(did_you_mean(&link.target.value, seen.keys().copied())),
                );
            }
        }
    }
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
    owner: Option<Spanned<String>>,
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
        clause_numbers: HashMap::new(),
        mode,
        red_lines: RedLines::default(),
    };
    // Declarations first, so that clauses may name parties declared below them.
    for statement in &block.statements {
        resolver.declaration(statement);
    }
    resolver.check_hierarchies();
    for statement in &block.statements {
        resolver.statement(statement);
    }
    resolver.check_clause_references();
    let mut document = resolver.document;
    time::resolve_deadlines(&mut document);
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
    clause_numbers: HashMap<String, Span>,
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
    Span::new(head.file, head.end, head.end)
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
        Cursor::new(atoms, Span::new(key.span.file, key.span.end, key.span.end))
    }

    fn declaration(&mut self, statement: &Statement) {
        match statement.keyword() {
            Some("party") => self.party(statement),
            Some("place") => self.place(statement),
            Some("source") => self.citation(statement),
            Some("unit") => self.unit(statement),
            _ => {}
        }
    }

    /// The id and optional name at the head of a declaration.
    fn id_and_name(
        &mut self,
        statement: &Statement,
        head: &[Atom],
        what: &str,
    ) -> Option<(Spanned<String>, Option<Spanned<String>>)> {
        let mut cursor = Cursor::new(head, end_span(statement));
        let id = match cursor.peek_word() {
            Some(_) => read_word(&mut cursor, ""),
            None => read_word(&mut cursor, &format!("the {what}'s id")),
        };
        let id = match id {
            Ok(id) => id,
            Err(error) => {
                self.error(error);
                return None;
            }
        };
        let name = match cursor.peek() {
            Some(Atom {
                kind: AtomKind::Text(text),
                span,
            }) => {
                cursor.next();
                Some(Spanned::new(String::from(text.as_ref()), *span))
            }
            _ => None,
        };
        self.finish(&cursor, format_args!("the {what}'s id and name"));
        Some((id, name))
    }

    fn sub_keys(keyword: &str) -> &'static [&'static str] {
        vocabulary::words::sub_keys(keyword)
    }

    fn party(&mut self, statement: &Statement) {
        let keys = Self::sub_keys("party");
        let parts = split(&statement.atoms, keys);
        let Some((id, name)) = self.id_and_name(statement, parts.head, "party") else {
            return;
        };
        if let Some(first) = self.document.party(&id.value).map(|p| p.id.span) {
            self.error(
                Diagnostic::new(format!("party `{}` is declared twice", id.value), id.span)
                    .related(first, "first declared here")
                    .hint("declare each party once; add roles with `role a, b`"),
            );
            return;
        }
        self.scope.parties.insert(id.value.clone());
        let mut party = Party {
            id,
            name,
            side: None,
            aligned: None,
            roles: Vec::new(),
            represents: Vec::new(),
            source: Vec::new(),
            span: statement.span,
        };
        // Units and sides are read here; `aligned` and `represents` refer to other
        // declarations and wait for the second pass.
        for (key, word, atoms) in parts.groups {
            let mut cursor = Self::sub_cursor(atoms, key);
            let result: Result<(), Diagnostic> = (|| {
                match word {
                    "side" => {
                        let side = read_word(&mut cursor, "government, opposition or third")?;
                        let value = match Side::parse(&side.value) {
                            Some(value) => value,
                            None => {
                                let other = side.value.as_str();
                                return Err(Diagnostic::new(
                                    format!("unknown side `{other}`"),
                                    side.span,
                                )
                                .expected("government, opposition or third")
                                .maybe_hint(did_you_mean(other, Side::NAMES.iter().copied())));
                            }
                        };
                        party.side = Some(Spanned::new(value, side.span));
                    }
                    "role" => loop {
                        let role = read_word(&mut cursor, "a role")?;
                        let Some(parsed) = Role::parse(&role.value) else {
                            return Err(Diagnostic::new(
                                format!("unknown role `{}`", role.value),
                                role.span,
                            )
                            .expected(format!("one of: {}", Role::NAMES.join(", ")))
                            .maybe_hint(did_you_mean(&role.value, Role::NAMES.iter().copied())));
                        };
                        party.roles.push(Spanned::new(parsed, role.span));
                        if !matches!(cursor.peek().map(|a| &a.kind), Some(AtomKind::Comma)) {
                            break;
                        }
                        cursor.next();
                    },
                    "units" => loop {
                        let unit = read_word(&mut cursor, "a unit name, such as `army`")?;
                        let path = format!("{}.{}", party.id.value, unit.value);
                        self.scope.units.insert(path.clone());
                        self.document.units.push(Unit {
                            path: Spanned::new(path, unit.span),
                            name: None,
                            parent: party.id.value.clone(),
                        });
                        if !matches!(cursor.peek().map(|a| &a.kind), Some(AtomKind::Comma)) {
                            break;
                        }
                        cursor.next();
                    },
                    // Read in the second pass.
                    "aligned" | "represents" | "source" => {
                        cursor = Self::sub_cursor(&[], key);
                    }
                    _ => {}
                }
                Ok(())
            })();
            match result {
                Ok(()) => self.finish(&cursor, format_args!("`{word}`")),
                Err(error) => self.error(error),
            }
        }
        self.document.parties.push(party);
    }

    fn place(&mut self, statement: &Statement) {
        let keys = Self::sub_keys("place");
        let parts = split(&statement.atoms, keys);
        let Some((id, name)) = self.id_and_name(statement, parts.head, "place") else {
            return;
        };
        if let Some(first) = self.document.place(&id.value).map(|p| p.id.span) {
            self.error(
                Diagnostic::new(format!("place `{}` is declared twice", id.value), id.span)
                    .related(first, "first declared here"),
            );
            return;
        }
        self.scope.places.insert(id.value.clone());
        let mut place = Place {
            id,
            name,
            kind: None,
            within: None,
            span: statement.span,
        };
        for (key, word, atoms) in parts.groups {
            let mut cursor = Self::sub_cursor(atoms, key);
            match word {
                "kind" => match read_word(&mut cursor, "a kind of place") {
                    Ok(kind) if vocabulary::PLACE_KINDS.contains(&kind.value.as_str()) => {
                        place.kind = Some(kind)
                    }
                    Ok(kind) => {
                        self.error(
                            Diagnostic::new(
                                format!("unknown kind of place `{}`", kind.value),
                                kind.span,
                            )
                            .expected(format!("one of: {}", vocabulary::PLACE_KINDS.join(", ")))
                            .maybe_hint(did_you_mean(
                                &kind.value,
                                vocabulary::PLACE_KINDS.iter().copied(),
                            )),
                        );
                        continue;
                    }
                    Err(error) => {
                        self.error(error);
                        continue;
                    }
                },
                // `within` names another place: checked once all are declared.
                "within" => match read_word(&mut cursor, "the place that contains it") {
                    Ok(parent) => place.within = Some(parent),
                    Err(error) => {
                        self.error(error);
                        continue;
                    }
                },
                _ => continue,
            }
            self.finish(&cursor, format_args!("`{word}`"));
        }
        self.document.places.push(place);
    }

    fn citation(&mut self, statement: &Statement) {
        let parts = split(&statement.atoms, Self::sub_keys("source"));
        let Some((id, description)) = self.id_and_name(statement, parts.head, "source") else {
            return;
        };
        if !self.scope.sources.insert(id.value.clone()) {
            self.error(Diagnostic::new(
                format!("source `{}` is declared twice", id.value),
                id.span,
            ));
            return;
        }
        let mut file = None;
        for (key, _, atoms) in parts.groups {
            let mut cursor = Self::sub_cursor(atoms, key);
            match read_text(&mut cursor) {
                Ok(text) => file = Some(Spanned::new(text, cursor.since(0))),
                Err(error) => self.error(error),
            }
            self.finish(&cursor, "the file name");
        }
        self.document.sources.push(Citation {
            id,
            description,
            file,
        });
    }

    fn unit(&mut self, statement: &Statement) {
        let parts = split(&statement.atoms, Self::sub_keys("unit"));
        let Some((path, name)) = self.id_and_name(statement, parts.head, "unit") else {
            return;
        };
        let owner = path.value.split('.').next().unwrap_or("").to_string();
        let mut parent = owner.clone();
        for (key, _, atoms) in parts.groups {
            let mut cursor = Self::sub_cursor(atoms, key);
            match read_word(&mut cursor, "the party or unit that contains it") {
                Ok(word) => parent = word.value,
                Err(error) => self.error(error),
            }
            self.finish(&cursor, "`within`");
        }
        if !path.value.contains('.') {
            self.error(
                Diagnostic::new(format!("unit `{}` names no party", path.value), path.span)
                    .expected("a path such as `regime.army`: the party, a dot, the unit")
                    .hint(format!("write `unit PARTY.{}`", path.value)),
            );
            return;
        }
        self.scope.units.insert(path.value.clone());
        self.document.units.push(Unit { path, name, parent });
    }

    /// Parents of units and places exist and form no cycle.
    fn check_hierarchies(&mut self) {
        let mut errors = Vec::new();
        for unit in &self.document.units {
            if !self.scope.parties.contains(&unit.parent)
                && !self.scope.units.contains(&unit.parent)
            {
                errors.push(value::unknown_party(
                    &Spanned::new(unit.parent.clone(), unit.path.span),
                    &self.scope,
                ));
            }
        }
        for place in &self.document.places {
            if let Some(parent) = &place.within {
                if !self.scope.places.contains(&parent.value) {
                    errors.push(
                        Diagnostic::new(format!("unknown place `{}`", parent.value), parent.span)
                            .expected("a place declared in this document")
                            .maybe_hint(did_you_mean(
                                &parent.value,
                                self.scope.places.iter().map(String::as_str),
                            )),
                    );
                } else if self.place_cycle(&place.id.value) {
                    errors.push(
                        Diagnostic::new(
                            format!("place `{}` lies within itself", place.id.value),
                            parent.span,
                        )
                        .hint("containment must form a tree"),
                    );
                }
            }
        }
        self.errors.extend(errors);
    }

    fn place_cycle(&self, start: &str) -> bool {
        let mut seen = HashSet::new();
        let mut current = start;
        while let Some(parent) = self.document.place(current).and_then(|p| p.within.as_ref()) {
            if !seen.insert(current) {
                return true;
            }
            current = &parent.value;
            if current == start {
                return true;
            }
        }
        false
    }

    fn statement(&mut self, statement: &Statement) {
        let Some(keyword) = statement.keyword() else {
            return;
        };
        let opens_block = matches!(keyword, "clause" | "recital")
            || self.mode == Mode::Requirements
                && matches!(keyword, "require" | "forbid" | "demand");
        if statement.block.is_some() && !opens_block {
            self.error(
                Diagnostic::new(format!("`{keyword}` takes no block"), statement.head_span())
                    .hint("only `clause` and `recital` open a block inside a document"),
            );
            return;
        }
        if self.mode == Mode::Requirements {
            match keyword {
                "owner" => return self.owner(statement),
                "require" | "forbid" | "demand" => return self.requirement(statement, keyword),
                "clause" | "recital" | "guarantor" | "monitor" | "link" => {
                    self.error(
                        Diagnostic::new(
                            format!("`{keyword}` has no place in requirements"),
                            statement.atoms[0].span,
                        )
                        .expected("`owner`, `require`, `forbid`, `demand`, or a declaration")
                        .hint("write red lines as `require ID KIND { has mechanism, deadline }`"),
                    );
                    return;
                }
                _ => {}
            }
        }
        match keyword {
            "party" => self.party_references(statement),
            "place" | "source" | "unit" => {}
            "clause" | "recital" => self.clause(statement, keyword == "recital"),
            "title" => {
                let mut cursor = Cursor::new(&statement.atoms[1..], end_span(statement));
                match read_text(&mut cursor) {
                    Ok(text) => {
                        let span = cursor.since(0);
                        self.once(
                            statement,
                            "title",
                            self.document.title.as_ref().map(|t| t.span),
                        );
                        self.document.title = Some(Spanned::new(text, span));
                    }
                    Err(error) => self.error(error),
                }
                self.finish(&cursor, "the title");
            }
            "date" => {
                let mut cursor = Cursor::new(&statement.atoms[1..], end_span(statement));
                match read_when_atom(&mut cursor) {
                    Ok(when) => {
                        self.once(
                            statement,
                            "date",
                            self.document.date.as_ref().map(|t| t.span),
                        );
                        self.document.date = Some(Spanned::new(when, cursor.since(0)));
                    }
                    Err(error) => self.error(error),
                }
                self.finish(&cursor, "the date");
            }
            "region" => {
                let mut cursor = Cursor::new(&statement.atoms[1..], end_span(statement));
                match read_place(&mut cursor, &self.scope) {
                    Ok(place) => {
                        self.once(
                            statement,
                            "region",
                            self.document.region.as_ref().map(|t| t.span),
                        );
                        self.document.region = Some(place);
                    }
                    Err(error) => self.error(error),
                }
                self.finish(&cursor, "the region");
            }
            "note" | "text" => {
                let mut cursor = Cursor::new(&statement.atoms[1..], end_span(statement));
                match read_text(&mut cursor) {
                    Ok(text) => {
                        let spanned = Spanned::new(text, cursor.since(0));
                        if keyword == "note" {
                            self.document.notes.push(spanned);
                        } else {
                            self.document.texts.push(spanned);
                        }
                    }
                    Err(error) => self.error(error),
                }
                self.finish(&cursor, "the text");
            }
            "status" => self.status(statement),
            "link" => self.link(statement),
            "guarantor" | "monitor" => self.backer(statement, keyword),
            other => {
                let keys = vocabulary::DOCUMENT_STATEMENTS
                    .iter()
                    .map(|(name, _, _)| *name);
                let hint = did_you_mean(other, keys.clone()).or_else(|| {
                    self.vocabulary.kind(other).map(|_| {
                        format!("`{other}` is a clause kind: write `clause N {other} {{ ... }}`")
                    })
                });
                self.error(
                    Diagnostic::new(
                        format!("unknown statement `{other}` in a document"),
                        statement.atoms[0].span,
                    )
                    .expected(format!("one of: {}", keys.collect::<Vec<_>>().join(", ")))
                    .maybe_hint(hint),
                );
            }
        }
    }

    /// Report a second `title`, `date` or `region`.
    fn once(&mut self, statement: &Statement, what: &str, first: Option<Span>) {
        if let Some(first) = first {
            self.error(
                Diagnostic::new(
                    format!("the document has a second {what}"),
                    statement.head_span(),
                )
                .related(first, "first given here")
                .hint(format!(
                    "a document has one {what}; put other readings in a `note`"
                )),
            );
        }
    }

    fn sources(&mut self, cursor: &mut Cursor) -> Vec<Spanned<String>> {
        let mut out = Vec::new();
        loop {
            match read_word(cursor, "a declared source id") {
                Ok(id) if self.scope.sources.contains(&id.value) => out.push(id),
                Ok(id) => {
                    let hint =
                        did_you_mean(&id.value, self.scope.sources.iter().map(String::as_str))
                            .unwrap_or_else(|| {
                                format!(
                                    "declare it: `source {} \"citation\" file \"...\"`",
                                    id.value
                                )
                            });
                    self.error(
                        Diagnostic::new(format!("unknown source `{}`", id.value), id.span)
                            .expected("a source declared in this document")
                            .hint(hint),
                    );
                }
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

    fn party_references(&mut self, statement: &Statement) {
        let parts = split(&statement.atoms, Self::sub_keys("party"));
        // Only the first declaration of a party is kept (duplicates were
        // reported), and parties are kept in the order of their statements: the
        // party this statement declared, if any, is found by its span.
        let Ok(index) = self
            .document
            .parties
            .binary_search_by_key(&statement.span.start, |party| party.span.start)
        else {
            return;
        };
        if self.document.parties[index].span != statement.span {
            return;
        }
        for (key, word, atoms) in parts.groups {
            let mut cursor = Self::sub_cursor(atoms, key);
            match word {
                "aligned" => match read_party(&mut cursor, &self.scope) {
                    Ok(party) => self.document.parties[index].aligned = Some(party),
                    Err(error) => {
                        self.error(error);
                        continue;
                    }
                },
                "represents" => loop {
                    match read_place(&mut cursor, &self.scope) {
                        Ok(place) => self.document.parties[index].represents.push(place),
                        Err(error) => {
                            self.error(error);
                            break;
                        }
                    }
                    if !matches!(cursor.peek().map(|a| &a.kind), Some(AtomKind::Comma)) {
                        break;
                    }
                    cursor.next();
                },
                "source" => {
                    let sources = self.sources(&mut cursor);
                    self.document.parties[index].source = sources;
                }
                _ => continue,
            }
            self.finish(&cursor, format_args!("`{word}`"));
        }
    }

    fn status(&mut self, statement: &Statement) {
        let parts = split(&statement.atoms, Self::sub_keys("status"));
        let mut cursor = Cursor::new(parts.head, end_span(statement));
        let status = match read_word(&mut cursor, "a status") {
            Ok(word) => match Status::parse(&word.value) {
                Some(status) => Spanned::new(status, word.span),
                None => {
                    self.error(
                        Diagnostic::new(format!("unknown status `{}`", word.value), word.span)
                            .expected(format!("one of: {}", Status::NAMES.join(", ")))
                            .maybe_hint(did_you_mean(&word.value, Status::NAMES.iter().copied())),
                    );
                    return;
                }
            },
            Err(error) => {
                self.error(error);
                return;
            }
        };
        self.finish(&cursor, "the status");
        let mut entry = StatusEntry {
            status,
            on: None,
            by: Vec::new(),
            source: Vec::new(),
            span: statement.span,
        };
        for (key, word, atoms) in parts.groups {
            let mut cursor = Self::sub_cursor(atoms, key);
            let result = match word {
                "on" => read_when_atom(&mut cursor).map(|when| {
                    entry.on = Some(Spanned::new(when, cursor.since(0)));
                }),
                "by" => read_value(&mut cursor, ValueType::Parties, &self.scope, &|_| false).map(
                    |value| {
                        if let Value::Parties(parties) = value {
                            entry.by = parties;
                        }
                    },
                ),
                _ => {
                    entry.source = self.sources(&mut cursor);
                    Ok(())
                }
            };
            match result {
                Ok(()) => self.finish(&cursor, format_args!("`{word}`")),
                Err(error) => self.error(error),
            }
        }
        self.document.statuses.push(entry);
    }

    fn link(&mut self, statement: &Statement) {
        let mut cursor = Cursor::new(&statement.atoms[1..], end_span(statement));
        let relation = match read_word(&mut cursor, "a relation") {
            Ok(word) => match Relation::parse(&word.value) {
                Some(relation) => Spanned::new(relation, word.span),
                None => {
                    self.error(
                        Diagnostic::new(format!("unknown link `{}`", word.value), word.span)
                            .expected(format!("one of: {}", Relation::NAMES.join(", ")))
                            .maybe_hint(did_you_mean(&word.value, Relation::NAMES.iter().copied())),
                    );
                    return;
                }
            },
            Err(error) => {
                self.error(error);
                return;
            }
        };
        match read_word(&mut cursor, "the id of the linked document") {
            Ok(target) => self.document.links.push(Link { relation, target }),
            Err(error) => self.error(error),
        }
        self.finish(&cursor, "the linked document");
    }

    fn backer(&mut self, statement: &Statement, keyword: &str) {
        let parts = split(&statement.atoms, Self::sub_keys(keyword));
        let mut cursor = Cursor::new(parts.head, end_span(statement));
        let parties = match read_value(&mut cursor, ValueType::Parties, &self.scope, &|_| false) {
            Ok(Value::Parties(parties)) => parties,
            Ok(_) => Vec::new(),
            Err(error) => {
                self.error(error);
                return;
            }
        };
        self.finish(&cursor, "the parties");
        let mut source = Vec::new();
        for (key, _, atoms) in parts.groups {
            let mut cursor = Self::sub_cursor(atoms, key);
            source = self.sources(&mut cursor);
            self.finish(&cursor, "the sources");
        }
        for party in parties {
            let backer = Backer {
                party,
                source: source.clone(),
            };
            if keyword == "guarantor" {
                self.document.guarantors.push(backer);
            } else {
                self.document.monitors.push(backer);
            }
        }
    }

    fn clause(&mut self, statement: &Statement, recital: bool) {
        let keyword = if recital { "recital" } else { "clause" };
        let atoms = &statement.atoms[1..];
        let (number, kind_atom) = match atoms {
            [kind] => (None, kind),
            [number, kind] => match &number.kind {
                AtomKind::Number { text, .. } | AtomKind::Word(text) => {
                    (Some(Spanned::new(text.to_string(), number.span)), kind)
                }
                AtomKind::Text(text) => (
                    Some(Spanned::new(String::from(text.as_ref()), number.span)),
                    kind,
                ),
                _ => {
                    self.error(
                        Diagnostic::new("expected a clause number", number.span)
                            .expected("a number such as `7`, or a label such as `\"7a\"`"),
                    );
                    return;
                }
            },
            [] => {
                self.error(
                    Diagnostic::new(format!("`{keyword}` needs a kind"), statement.atoms[0].span)
                        .expected(format!("`{keyword} N KIND {{ ... }}`, such as `{keyword} 7 detainee_release {{ ... }}`")),
                );
                return;
            }
            [_, _, extra, ..] => {
                self.error(
                    Diagnostic::new(
                        format!("unexpected {} after the clause kind", extra.kind.describe()),
                        extra.span,
                    )
                    .expected("`{` and the clause's attributes")
                    .hint("put attributes inside the braces, one per line"),
                );
                return;
            }
        };
        let kind_name = match &kind_atom.kind {
            AtomKind::Word(word) => *word,
            other => {
                self.error(
                    Diagnostic::new(
                        format!("expected a clause kind, found {}", other.describe()),
                        kind_atom.span,
                    )
                    .expected("a clause kind such as `ceasefire`"),
                );
                return;
            }
        };
        let Some(kind) = self.vocabulary.kind(kind_name) else {
            self.error(
                Diagnostic::new(format!("unknown clause kind `{kind_name}`"), kind_atom.span)
                    .expected("a clause kind such as `ceasefire` or `detainee_release`")
                    .hint(
                        did_you_mean(kind_name, self.vocabulary.kind_names()).unwrap_or_else(
                            || "use `other` with a `subject` for anything else".into(),
                        ),
                    ),
            );
            return;
        };
        let Some(block) = &statement.block else {
            self.error(
                Diagnostic::new(format!("{keyword} has no body"), kind_atom.span)
                    .expected("`{` and the clause's attributes")
                    .hint(format!(
                        "write `{keyword} ... {kind_name} {{ text \"...\" }}`"
                    )),
            );
            return;
        };
        if let Some(number) = &number
            && !recital
            && let Some(first) = self
                .clause_numbers
                .insert(number.value.clone(), number.span)
        {
            self.error(
                Diagnostic::new(
                    format!("clause {} appears twice", number.value),
                    number.span,
                )
                .related(first, "first here")
                .hint("number clauses as the source does; write `\"7a\"` for a sub-item"),
            );
        }
        let mut clause = Clause {
            number,
            kind: Spanned::new(kind, kind_atom.span),
            recital,
            // Most lines give one attribute.
            attributes: Vec::with_capacity(block.statements.len()),
            resolved: Vec::new(),
            span: statement.span,
        };
        let mut clause_sources = Vec::new();
        for attribute_statement in &block.statements {
            if attribute_statement.keyword() == Some("source")
                && attribute_statement.block.is_none()
            {
                // A `source` line of its own cites the whole clause.
                let mut cursor = Cursor::new(
                    &attribute_statement.atoms[1..],
                    end_span(attribute_statement),
                );
                clause_sources.extend(self.sources(&mut cursor));
                self.finish(&cursor, "the sources");
                continue;
            }
            self.attributes(attribute_statement, kind, &mut clause.attributes);
        }
        for attribute in &mut clause.attributes {
            if attribute.source.is_empty() {
                attribute.source = clause_sources.clone();
            }
        }
        if recital {
            self.document.recitals.push(clause);
        } else {
            self.document.clauses.push(clause);
        }
    }

    /// One line of a clause: `key value [key value]... [source ID]`.
    fn attributes(
        &mut self,
        statement: &Statement,
        kind: &'static ClauseKind,
        out: &mut Vec<AttributeValue>,
    ) {
        if let Some(block) = &statement.block {
            self.error(
                Diagnostic::new("clause attributes take no block", block.open)
                    .hint("nest nothing inside a clause; write one attribute per line"),
            );
            return;
        }
        let mut cursor = Cursor::new(&statement.atoms, end_span(statement));
        let is_key = |word: &str| kind.attribute_named(word).is_some();
        let first_new = out.len();
        let mut sources = Vec::new();
        while !cursor.at_end() {
            let key = match read_word_str(&mut cursor, "an attribute name") {
                Ok(key) => key,
                Err(error) => {
                    self.error(error);
                    return;
                }
            };
            let Some(attribute) = kind.attribute_named(key.value) else {
                let other_kind =
                    Key::from_name(key.value).and_then(|k| self.vocabulary.kind_with_key(k));
                let hint = did_you_mean(key.value, kind.key_names()).or_else(|| {
                    other_kind.map(|k| format!("`{}` belongs to `{}` clauses", key.value, k.name))
                });
                self.error(
                    Diagnostic::new(
                        format!(
                            "unknown attribute `{}` for `{}` clauses",
                            key.value, kind.name
                        ),
                        key.span,
                    )
                    .expected(format!(
                        "one of: {}",
                        kind.key_names().collect::<Vec<_>>().join(", ")
                    ))
                    .maybe_hint(hint),
                );
                return;
            };
            let start = cursor.position();
            if attribute.key == Key::Source {
                sources.extend(self.sources(&mut cursor));
                continue;
            }
            match read_value(&mut cursor, attribute.value, &self.scope, &is_key) {
                Ok(value) => {
                    let span = key.span.to(cursor.since(start));
                    if let Value::Words(keys) = &value
                        && attribute.value == ValueType::Keys
                    {
                        for unstated in keys {
                            if kind.attribute_named(&unstated.value).is_none() {
                                self.error(
                                    Diagnostic::new(
                                        format!(
                                            "`{}` is not an attribute of `{}` clauses",
                                            unstated.value, kind.name
                                        ),
                                        unstated.span,
                                    )
                                    .maybe_hint(did_you_mean(&unstated.value, kind.key_names())),
                                );
                            }
                        }
                    }
                    out.push(AttributeValue {
                        key: Spanned::new(attribute.key, key.span),
                        value,
                        span,
                        source: Vec::new(),
                    });
                }
                Err(error) => {
                    self.error(error);
                    return;
                }
            }
            if let Some(word) = cursor.peek_word().filter(|w| !is_key(w)) {
                let span = cursor.here();
                self.error(
                    Diagnostic::new(
                        format!("unexpected `{word}` after the value of `{}`", attribute.key),
                        span,
                    )
                    .expected("another attribute or the end of the line")
                    .maybe_hint(did_you_mean(word, kind.key_names()).or_else(|| {
                        Some("quote free text, or put each attribute on its own line".into())
                    })),
                );
                return;
            } else if !cursor.at_end() && cursor.peek_word().is_none() {
                let error = cursor.expected(&format!(
                    "another attribute or the end of the line after `{}`",
                    attribute.key
                ));
                self.error(error);
                return;
            }
        }
        // Each attribute of the line cites the line's sources; the last takes
        // them, the others a copy.
        if let Some((last, others)) = out[first_new..].split_last_mut() {
            for attribute in others {
                attribute.source = sources.clone();
            }
            last.source = sources;
        }
    }

    /// Clause numbers named in `after`, `if`, `covers`, and deadline anchors exist.
    fn check_clause_references(&mut self) {
        let mut missing = Vec::new();
        for clause in &self.document.clauses {
            for attribute in &clause.attributes {
                let numbers: Vec<&Spanned<String>> = match &attribute.value {
                    Value::Clauses(numbers) => numbers.iter().collect(),
                    Value::Deadline(Deadline::Relative {
                        anchor: Anchor::Clause { number, .. },
                        ..
                    }) => vec![number],
                    _ => continue,
                };
                for number in numbers {
                    if !self.clause_numbers.contains_key(&number.value) {
                        missing.push(
                            Diagnostic::new(
                                format!("there is no clause {} in this document", number.value),
                                number.span,
                            )
                            .expected("the number of a clause of this document")
                            .maybe_hint(did_you_mean(
                                &number.value,
                                self.clause_numbers.keys().map(String::as_str),
                            )),
                        );
                    }
                }
            }
        }
        self.errors.extend(missing);
    }
}
