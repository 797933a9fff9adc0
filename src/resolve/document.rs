//! A document's own statements: its header (`title`, `date`, `region`, `status`,
//! `link`, `note`, `text`) and document-level `guarantor` and `monitor`, and the
//! dispatch of every statement of a document body.

use super::value::{
    Cursor, read_pax_id, read_place, read_text, read_value, read_when_atom, read_word,
};
use super::{DocumentResolver, Mode, end_span, split};
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::error_code::ErrorCode;
use crate::model::{Backer, Link, StatusEntry, Value};
use crate::source::{Span, Spanned};
use crate::syntax::Statement;
use crate::vocabulary::{self, Relation, Status, ValueType};
use thin_vec::ThinVec;

impl DocumentResolver<'_> {
    pub(super) fn statement(&mut self, statement: &Statement) {
        let Some(keyword) = statement.keyword() else {
            return;
        };
        let opens_block = matches!(keyword, "clause" | "recital" | "event")
            || self.mode == Mode::Requirements
                && matches!(keyword, "require" | "forbid" | "demand");
        if statement.block.is_some() && !opens_block {
            self.error(
                Diagnostic::new(format!("`{keyword}` takes no block"), statement.head_span())
                    .hint("only `clause`, `recital` and `event` open a block inside a document"),
            );
            return;
        }
        if self.mode == Mode::Requirements {
            match keyword {
                "owner" => return self.owner(statement),
                "require" | "forbid" | "demand" => return self.requirement(statement, keyword),
                "clause" | "recital" | "guarantor" | "monitor" | "link" | "event"
                | "known_from" | "in_force" | "allow" => {
                    self.error(
                        Diagnostic::new(
                            format!("`{keyword}` has no place in requirements"),
                            statement.atoms[0].span,
                        )
                        .code(ErrorCode::UnknownStatement)
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
                match read_place(&mut cursor) {
                    Ok(place) => {
                        self.once(
                            statement,
                            "region",
                            self.document.region.as_ref().map(|t| t.span),
                        );
                        // The first stands: the model checks must still see it
                        // when it names no declared place.
                        self.document.region.get_or_insert(place);
                    }
                    Err(error) => self.error(error),
                }
                self.finish(&cursor, "the region");
            }
            "pax" => self.pax(statement),
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
            "known_from" => self.known_from(statement),
            "in_force" => self.in_force(statement),
            "event" => self.event(statement),
            "guarantor" | "monitor" => self.backer(statement, keyword),
            "allow" => {
                if let Some(allow) = self.allow(statement) {
                    self.document.allows.push(allow);
                }
            }
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
                    .code(ErrorCode::UnknownStatement)
                    .expected(format!("one of: {}", keys.collect::<Vec<_>>().join(", ")))
                    .maybe_hint(hint),
                );
            }
        }
    }

    /// Report a second `title`, `date` or `region`.
    /// `pax 1995`: the document's agreement id in PA-X, a whole number.
    fn pax(&mut self, statement: &Statement) {
        let mut cursor = Cursor::new(&statement.atoms[1..], end_span(statement));
        match read_pax_id(&mut cursor) {
            Ok(id) => {
                self.once(
                    statement,
                    "PA-X id",
                    self.document.pax.as_ref().map(|t| t.span),
                );
                self.document.pax.get_or_insert(id);
            }
            Err(error) => self.error(error),
        }
        self.finish(&cursor, "the PA-X id");
    }

    pub(super) fn once(&mut self, statement: &Statement, what: &str, first: Option<Span>) {
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

    fn status(&mut self, statement: &Statement) {
        let parts = split(&statement.atoms, Self::sub_keys("status"));
        let mut cursor = Cursor::new(parts.head, end_span(statement));
        let status = match read_word(&mut cursor, "a status") {
            Ok(word) => match Status::parse(&word.value) {
                Some(status) => Spanned::new(status, word.span),
                None => {
                    self.error(
                        Diagnostic::new(format!("unknown status `{}`", word.value), word.span)
                            .code(ErrorCode::UnknownWord)
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
            by: ThinVec::new(),
            source: ThinVec::new(),
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
                            entry.by = parties.into_iter().collect();
                        }
                    },
                ),
                _ => {
                    entry.source = self.sources(&mut cursor).into();
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
                            .code(ErrorCode::UnknownWord)
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
            Ok(Value::Parties(parties)) => parties.into_iter().collect(),
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
}
