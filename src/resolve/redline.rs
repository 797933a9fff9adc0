//! Red lines (`requirements` blocks) and `test` blocks → model.

use super::value::{Cursor, read_text, read_value, read_word};
use super::{DocumentResolver, end_span};
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::error_code::ErrorCode;
use crate::model::{
    Assertion, AssertionKind, Bound, Comparison, Demand, RedLineStatus, Requirement,
    RequirementMode, TestBlock,
};
use crate::source::Spanned;
use crate::syntax::{AtomKind, Statement};
use crate::text::Text;
use crate::vocabulary::{ClauseKind, ValueType, Vocabulary};

/// Value types a bound can compare.
fn comparable(ty: ValueType) -> bool {
    matches!(
        ty,
        ValueType::Duration
            | ValueType::Count
            | ValueType::Strength
            | ValueType::Distance
            | ValueType::When
            | ValueType::Deadline
    )
}

impl DocumentResolver<'_> {
    pub(super) fn owner(&mut self, statement: &Statement) {
        let mut cursor = Cursor::new(&statement.atoms[1..], end_span(statement));
        match super::value::read_party(&mut cursor) {
            Ok(owner) => self.red_lines.owner = Some(owner),
            Err(error) => self.error(error),
        }
        self.finish(&cursor, "the owner");
    }

    /// `require ID KIND { ... }`, `forbid ID KIND { ... }`, `demand ID { ... }`.
    pub(super) fn requirement(&mut self, statement: &Statement, keyword: &str) {
        let mode = match keyword {
            "require" => RequirementMode::Require,
            "forbid" => RequirementMode::Forbid,
            _ => RequirementMode::Demand,
        };
        let mut cursor = Cursor::new(&statement.atoms[1..], end_span(statement));
        let id = match read_word(&mut cursor, "the red line's id, such as `detainees`") {
            Ok(id) => id,
            Err(error) => return self.error(error),
        };
        if let Some(first) = self.red_lines.items.iter().find(|r| r.id.value == id.value) {
            let first = first.id.span;
            return self.error(
                Diagnostic::new(
                    format!("red line `{}` is declared twice", id.value),
                    id.span,
                )
                .code(ErrorCode::DuplicateId)
                .related(first, "first declared here"),
            );
        }
        let kind = if mode == RequirementMode::Demand {
            None
        } else {
            match read_word(&mut cursor, "a clause kind, such as `detainee_release`") {
                Ok(word) => match self.vocabulary.kind(&word.value) {
                    Some(kind) => Some(Spanned::new(kind, word.span)),
                    None => {
                        return self.error(
                            Diagnostic::new(
                                format!("unknown clause kind `{}`", word.value),
                                word.span,
                            )
                            .code(ErrorCode::UnknownClauseKind)
                            .expected("a clause kind such as `detainee_release`")
                            .maybe_hint(did_you_mean(&word.value, self.vocabulary.kind_names())),
                        );
                    }
                },
                Err(error) => return self.error(error),
            }
        };
        self.finish(&cursor, "the red line's id and kind");
        let mut requirement = Requirement {
            id,
            mode,
            kind,
            message: None,
            has: Vec::new(),
            lacks: Vec::new(),
            exact: Vec::new(),
            bounds: Vec::new(),
            demands: Vec::new(),
            texts: Vec::new(),
            notes: Vec::new(),
            span: statement.span,
        };
        let kind = requirement.kind.as_ref().map(|kind| kind.value);
        let mut clean = true;
        if let Some(block) = &statement.block {
            for line in &block.statements {
                if let Err(error) = self.requirement_line(line, kind, &mut requirement) {
                    self.error(error);
                    clean = false;
                }
            }
        }
        // An empty demand is worth reporting only when no line of it was wrong.
        if mode == RequirementMode::Demand && requirement.demands.is_empty() && clean {
            self.error(
                Diagnostic::new(
                    format!("demand `{}` demands nothing", requirement.id.value),
                    requirement.id.span,
                )
                .expected(format!("`needs` with one of: {}", demand_names()))
                .hint("write `needs neutral_guarantor`"),
            );
        }
        self.red_lines.items.push(requirement);
    }

    fn requirement_line(
        &mut self,
        line: &Statement,
        kind: Option<&'static ClauseKind>,
        requirement: &mut Requirement,
    ) -> Result<(), Diagnostic> {
        let mut cursor = Cursor::new(&line.atoms[1..], end_span(line));
        let keyword = line.keyword().unwrap_or("");
        let key_span = line.atoms[0].span;
        match keyword {
            "message" | "text" | "note" => {
                let text = Spanned::new(read_text(&mut cursor)?, cursor.since(0));
                match keyword {
                    "message" => requirement.message = Some(text),
                    "text" => requirement.texts.push(text),
                    _ => requirement.notes.push(text),
                }
            }
            "needs" if requirement.mode == RequirementMode::Demand => loop {
                let word = read_word(&mut cursor, "a demand")?;
                let Some((_, demand)) = Demand::ALL.iter().find(|(name, _)| *name == word.value)
                else {
                    return Err(Diagnostic::new(
                        format!("unknown demand `{}`", word.value),
                        word.span,
                    )
                    .code(ErrorCode::UnknownWord)
                    .expected(format!("one of: {}", demand_names()))
                    .maybe_hint(did_you_mean(
                        &word.value,
                        Demand::ALL.iter().map(|(name, _)| *name),
                    )));
                };
                requirement.demands.push(Spanned::new(*demand, word.span));
                if !matches!(cursor.peek().map(|a| &a.kind), Some(AtomKind::Comma)) {
                    break;
                }
                cursor.next();
            },
            "has" | "lacks" | "exact" if kind.is_some() => loop {
                let word = read_word(&mut cursor, "an attribute name")?;
                let attribute = kind.and_then(|kind| kind.attribute_named(&word.value));
                let Some(attribute) = attribute else {
                    return Err(unknown_attribute(kind, &word));
                };
                let keys = match keyword {
                    "has" => &mut requirement.has,
                    "lacks" => &mut requirement.lacks,
                    _ => &mut requirement.exact,
                };
                keys.push(Spanned::new(attribute.key, word.span));
                if !matches!(cursor.peek().map(|a| &a.kind), Some(AtomKind::Comma)) {
                    break;
                }
                cursor.next();
            },
            key if kind.is_some_and(|kind| kind.attribute_named(key).is_some()) => {
                let attribute =
                    kind.and_then(|kind| kind.attribute_named(key))
                        .ok_or_else(|| {
                            Diagnostic::new("unknown attribute", key_span)
                                .code(ErrorCode::UnknownStatement)
                        })?;
                if !comparable(attribute.value) {
                    return Err(
                        Diagnostic::new(format!("`{key}` cannot be bounded"), key_span)
                            .expected("a bound on a duration, count, strength, distance or date")
                            .hint(format!("require the attribute instead: `has {key}`")),
                    );
                }
                if !cursor.eat("at") {
                    return Err(cursor.expected("`at least` or `at most`"));
                }
                let comparison = if cursor.eat("least") {
                    Comparison::AtLeast
                } else if cursor.eat("most") {
                    Comparison::AtMost
                } else {
                    return Err(cursor.expected("`least` or `most`"));
                };
                let start = cursor.position();
                let value = read_value(&mut cursor, attribute.value, &self.scope, &|_| false)?;
                let span = cursor.since(start);
                requirement.bounds.push(Bound {
                    key: Spanned::new(attribute.key, key_span),
                    comparison,
                    value,
                    span: key_span.to(span),
                });
            }
            other => {
                let mut keys = vec!["message", "text", "note"];
                if requirement.mode == RequirementMode::Demand {
                    keys.push("needs");
                } else {
                    keys.extend(["has", "lacks", "exact"]);
                    keys.extend(kind.into_iter().flat_map(|kind| kind.key_names()));
                }
                return Err(Diagnostic::new(
                    format!("unknown statement `{other}` in a red line"),
                    key_span,
                )
.code(ErrorCode::UnknownStatement)
                .expected(
                    "`message`, `has KEY, ...`, `lacks KEY, ...`, `KEY at least VALUE`, `KEY at most VALUE`, or `needs DEMAND` in a demand",
                )
                .maybe_hint(did_you_mean(other, keys.iter().copied())));
            }
        }
        if !cursor.at_end() {
            return Err(cursor.expected("the end of the line"));
        }
        Ok(())
    }
}

fn demand_names() -> String {
    Demand::ALL
        .iter()
        .map(|(name, _)| *name)
        .collect::<Vec<_>>()
        .join(", ")
}

fn unknown_attribute(kind: Option<&'static ClauseKind>, word: &Spanned<Text>) -> Diagnostic {
    let name = kind.map_or("", |kind| kind.name);
    Diagnostic::new(
        format!("unknown attribute `{}` for `{name}` clauses", word.value),
        word.span,
    )
    .code(ErrorCode::UnknownStatement)
    .expected(format!(
        "one of: {}",
        kind.map(|kind| kind.key_names().collect::<Vec<_>>().join(", "))
            .unwrap_or_default()
    ))
    .maybe_hint(kind.and_then(|kind| did_you_mean(&word.value, kind.key_names())))
}

const TEST_STATEMENTS: &[&str] = &[
    "document", "against", "covers", "lacks", "fires", "quiet", "met", "unmet", "violated",
];

/// `test NAME { document ID; against REQUIREMENTS; assertions... }`.
pub fn resolve_test(
    statement: &Statement,
    vocabulary: &Vocabulary,
    errors: &mut Vec<Diagnostic>,
) -> Option<TestBlock> {
    let mut cursor = Cursor::new(&statement.atoms[1..], end_span(statement));
    let name = match read_word(&mut cursor, "the test's name") {
        Ok(name) => name,
        Err(error) => {
            errors.push(error.hint("write `test NAME { document ID ... }`"));
            return None;
        }
    };
    let Some(block) = &statement.block else {
        errors.push(
            Diagnostic::new(format!("test `{}` has no body", name.value), name.span)
                .expected("`{` and the test's assertions"),
        );
        return None;
    };
    let mut test = TestBlock {
        name,
        document: None,
        against: None,
        assertions: Vec::new(),
        span: statement.span,
    };
    for line in &block.statements {
        if let Err(error) = test_line(line, vocabulary, &mut test) {
            errors.push(error);
        }
    }
    if test.document.is_none() {
        errors.push(
            Diagnostic::new(
                format!("test `{}` names no document", test.name.value),
                test.name.span,
            )
            .expected("`document ID` inside the test")
            .hint("write `document ten_item_proposal_2018`"),
        );
    }
    Some(test)
}

fn test_line(
    line: &Statement,
    vocabulary: &Vocabulary,
    test: &mut TestBlock,
) -> Result<(), Diagnostic> {
    let keyword = line.keyword().unwrap_or("");
    let mut cursor = Cursor::new(&line.atoms[1..], end_span(line));
    if line.block.is_some() {
        return Err(Diagnostic::new(
            "test statements take no block",
            line.head_span(),
        ));
    }
    let kind = match keyword {
        "document" => {
            test.document = Some(read_word(&mut cursor, "a document id")?);
            None
        }
        "against" => {
            test.against = Some(read_word(&mut cursor, "a requirements id")?);
            None
        }
        "covers" | "lacks" => {
            let mut kinds = Vec::new();
            loop {
                let word = read_word(&mut cursor, "a clause kind")?;
                if vocabulary.kind(&word.value).is_none() {
                    return Err(Diagnostic::new(
                        format!("unknown clause kind `{}`", word.value),
                        word.span,
                    )
                    .code(ErrorCode::UnknownClauseKind)
                    .expected("a clause kind such as `ceasefire`")
                    .maybe_hint(did_you_mean(&word.value, vocabulary.kind_names())));
                }
                kinds.push(word);
                if !matches!(cursor.peek().map(|a| &a.kind), Some(AtomKind::Comma)) {
                    break;
                }
                cursor.next();
            }
            Some(if keyword == "covers" {
                AssertionKind::Covers { kinds }
            } else {
                AssertionKind::Lacks { kinds }
            })
        }
        "fires" | "quiet" => {
            let rule = read_word(&mut cursor, "a rule id, such as `weak-commitment`")?;
            let clause = if cursor.eat("on") {
                Some(super::value::read_clause_number(&mut cursor)?)
            } else {
                None
            };
            Some(if keyword == "fires" {
                AssertionKind::Fires { rule, clause }
            } else {
                AssertionKind::Quiet { rule, clause }
            })
        }
        "met" | "unmet" | "violated" => {
            let requirement = read_word(&mut cursor, "a red line id")?;
            let expected = match keyword {
                "met" => RedLineStatus::Met,
                "unmet" => RedLineStatus::Unmet,
                _ => RedLineStatus::Violated,
            };
            Some(AssertionKind::RedLine {
                requirement,
                expected,
            })
        }
        other => {
            return Err(Diagnostic::new(
                format!("unknown statement `{other}` in a test"),
                line.atoms[0].span,
            )
            .code(ErrorCode::UnknownStatement)
            .expected(format!("one of: {}", TEST_STATEMENTS.join(", ")))
            .maybe_hint(did_you_mean(other, TEST_STATEMENTS.iter().copied())));
        }
    };
    if !cursor.at_end() {
        return Err(cursor.expected("the end of the line"));
    }
    if let Some(kind) = kind {
        test.assertions.push(Assertion {
            kind,
            span: line.span,
        });
    }
    Ok(())
}
