//! Clauses and recitals, and their attribute lines.

use super::value::{Cursor, read_value, read_word_str};
use super::{DocumentResolver, end_span};
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::error_code::ErrorCode;
use crate::model::{AttributeValue, Clause, Value};
use crate::source::Spanned;
use crate::syntax::{AtomKind, Statement};
use crate::text::Text;
use crate::vocabulary::{ClauseKind, Key, ValueType};
use thin_vec::ThinVec;

impl DocumentResolver<'_> {
    pub(super) fn clause(&mut self, statement: &Statement, recital: bool) {
        let keyword = if recital { "recital" } else { "clause" };
        let atoms = &statement.atoms[1..];
        let (number, kind_atom) = match atoms {
            [kind] => (None, kind),
            [number, kind] => match &number.kind {
                AtomKind::Number { text, .. } | AtomKind::Word(text) => {
                    (Some(Spanned::new(Text::from(*text), number.span)), kind)
                }
                AtomKind::Text(text) => (
                    Some(Spanned::new(Text::from(text.as_ref()), number.span)),
                    kind,
                ),
                _ => {
                    self.error(
                        Diagnostic::new("expected a clause number", number.span)
                            .code(ErrorCode::UnexpectedToken)
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
                    .code(ErrorCode::UnexpectedToken)
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
                    .code(ErrorCode::UnexpectedToken)
                    .expected("a clause kind such as `ceasefire`"),
                );
                return;
            }
        };
        let Some(kind) = self.vocabulary.kind(kind_name) else {
            self.error(
                Diagnostic::new(format!("unknown clause kind `{kind_name}`"), kind_atom.span)
                    .code(ErrorCode::UnknownClauseKind)
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
        let mut clause = Clause {
            number,
            kind: Spanned::new(kind, kind_atom.span),
            recital,
            // Most lines give one attribute.
            attributes: Vec::with_capacity(block.statements.len()),
            resolved: ThinVec::new(),
            source: ThinVec::new(),
            span: statement.span,
            allows: ThinVec::new(),
        };
        let mut clause_sources = Vec::new();
        for attribute_statement in &block.statements {
            if attribute_statement.keyword() == Some("allow") {
                // An accepted gap in this clause, not an attribute.
                clause.allows.extend(self.allow(attribute_statement));
                continue;
            }
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
                attribute.source = clause_sources.as_slice().into();
            }
        }
        clause.source = clause_sources.into();
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
                    .code(ErrorCode::UnknownStatement)
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
                                    .code(ErrorCode::UnknownStatement)
                                    .maybe_hint(did_you_mean(&unstated.value, kind.key_names())),
                                );
                            }
                        }
                    }
                    out.push(AttributeValue {
                        key: attribute.key,
                        value,
                        span,
                        source: ThinVec::new(),
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
                    .code(ErrorCode::UnexpectedToken)
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
                attribute.source = sources.as_slice().into();
            }
            last.source = sources.into();
        }
    }
}
