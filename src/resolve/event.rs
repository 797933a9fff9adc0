//! What a document says of its own standing and history: what its text is known
//! from (`known_from`), when it enters into force (`in_force`), and what happened
//! after it was made (`event` blocks).

use super::value::{Cursor, read_deadline, read_text, read_value, read_when_atom, read_word};
use super::{DocumentResolver, end_span, split};
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::error_code::ErrorCode;
use crate::model::{Event, KnownFrom, Value};
use crate::source::Spanned;
use crate::syntax::Statement;
use crate::vocabulary::{EVENT_LINES, Evidence, Outcome, ValueType};

impl DocumentResolver<'_> {
    /// `known_from summary source s004`.
    pub(super) fn known_from(&mut self, statement: &Statement) {
        let parts = split(&statement.atoms, Self::sub_keys("known_from"));
        let mut cursor = Cursor::new(parts.head, end_span(statement));
        let evidence = match read_word(&mut cursor, "what the text is known from") {
            Ok(word) => match Evidence::parse(&word.value) {
                Some(evidence) => Spanned::new(evidence, word.span),
                None => {
                    return self.error(
                        Diagnostic::new(format!("unknown evidence `{}`", word.value), word.span)
                            .code(ErrorCode::UnknownWord)
                            .expected(format!("one of: {}", Evidence::NAMES.join(", ")))
                            .maybe_hint(did_you_mean(&word.value, Evidence::NAMES.iter().copied())),
                    );
                }
            },
            Err(error) => return self.error(error),
        };
        self.finish(&cursor, "what the text is known from");
        let mut source = Vec::new();
        for (key, _, atoms) in parts.groups {
            let mut cursor = Self::sub_cursor(atoms, key);
            source = self.sources(&mut cursor);
            self.finish(&cursor, "the sources");
        }
        self.document
            .known_from
            .push(KnownFrom { evidence, source });
    }

    /// `in_force 2018-05-05`, `in_force immediate`, `in_force within 24 hours of
    /// signing`.
    pub(super) fn in_force(&mut self, statement: &Statement) {
        let mut cursor = Cursor::new(&statement.atoms[1..], end_span(statement));
        match read_deadline(&mut cursor) {
            Ok(deadline) => {
                self.once(
                    statement,
                    "entry into force",
                    self.document.in_force.as_ref().map(|t| t.span),
                );
                let value = Spanned::new(deadline, cursor.since(0));
                self.document.in_force.get_or_insert(value);
            }
            Err(error) => self.error(error),
        }
        self.finish(&cursor, "when it enters into force");
    }

    /// `event violation { on 2017-10-05; by regime.forces; clauses 1; text "..." }`.
    pub(super) fn event(&mut self, statement: &Statement) {
        let mut cursor = Cursor::new(&statement.atoms[1..], statement.head_span());
        let outcome = match read_word(&mut cursor, "what happened, such as `violation`") {
            Ok(word) => match Outcome::parse(&word.value) {
                Some(outcome) => Spanned::new(outcome, word.span),
                None => {
                    return self.error(
                        Diagnostic::new(format!("unknown event `{}`", word.value), word.span)
                            .code(ErrorCode::UnknownWord)
                            .expected(format!("one of: {}", Outcome::NAMES.join(", ")))
                            .maybe_hint(did_you_mean(&word.value, Outcome::NAMES.iter().copied())),
                    );
                }
            },
            Err(error) => return self.error(error),
        };
        self.finish(&cursor, "what happened");
        let mut event = Event {
            outcome,
            on: None,
            by: Vec::new(),
            clauses: Vec::new(),
            count: None,
            texts: Vec::new(),
            notes: Vec::new(),
            source: Vec::new(),
            span: statement.span,
        };
        let Some(block) = &statement.block else {
            return self.error(
                Diagnostic::new("an event needs a body", statement.head_span())
                    .expected(
                        "`{` and the event's lines: on, by, clauses, count, text, note, source",
                    )
                    .hint("write `event violation { on 2017-10-05; text \"...\" }`"),
            );
        };
        for line in &block.statements {
            if let Err(error) = self.event_line(line, &mut event) {
                self.error(error);
            }
        }
        self.document.events.push(event);
    }

    fn event_line(&mut self, line: &Statement, event: &mut Event) -> Result<(), Diagnostic> {
        let keyword = line.keyword().unwrap_or("");
        if line.block.is_some() {
            return Err(Diagnostic::new(
                "event lines take no block",
                line.head_span(),
            ));
        }
        let mut cursor = Cursor::new(&line.atoms[1..], end_span(line));
        let stop = |word: &str| EVENT_LINES.contains(&word);
        match keyword {
            "on" => event.on = Some(Spanned::new(read_when_atom(&mut cursor)?, cursor.since(0))),
            "by" => {
                if let Value::Actors(actors) =
                    read_value(&mut cursor, ValueType::Actors, &self.scope, &stop)?
                {
                    event.by.extend(actors);
                }
            }
            "clauses" => {
                if let Value::Clauses(numbers) =
                    read_value(&mut cursor, ValueType::Clauses, &self.scope, &stop)?
                {
                    event.clauses.extend(numbers);
                }
            }
            "count" => {
                if let Value::Count(count) =
                    read_value(&mut cursor, ValueType::Count, &self.scope, &stop)?
                {
                    event.count = Some(Spanned::new(*count, cursor.since(0)));
                }
            }
            "text" | "note" => {
                let text = Spanned::new(read_text(&mut cursor)?, cursor.since(0));
                if keyword == "text" {
                    event.texts.push(text);
                } else {
                    event.notes.push(text);
                }
            }
            "source" => event.source.extend(self.sources(&mut cursor)),
            other => {
                return Err(Diagnostic::new(
                    format!("unknown line `{other}` in an event"),
                    line.head_span(),
                )
                .code(ErrorCode::UnknownStatement)
                .expected(format!("one of: {}", EVENT_LINES.join(", ")))
                .maybe_hint(did_you_mean(other, EVENT_LINES.iter().copied())));
            }
        }
        if cursor.at_end() {
            Ok(())
        } else {
            Err(cursor.expected("the end of the line"))
        }
    }
}
