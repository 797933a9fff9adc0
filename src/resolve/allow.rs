//! `allow RULE "reason"`, on a document or inside a clause. The rule id is read
//! as written; whether it names a rule is checked on the model
//! ([`crate::model_checks`]), for JSON input alike.

use super::value::{Cursor, read_text, read_word};
use super::{DocumentResolver, end_span};
use crate::diagnostic::Diagnostic;
use crate::error_code::ErrorCode;
use crate::model::Allow;
use crate::source::Spanned;
use crate::syntax::Statement;

impl DocumentResolver<'_> {
    /// Read an `allow` line; `None` after reporting what is wrong with it.
    pub(super) fn allow(&mut self, statement: &Statement) -> Option<Allow> {
        if statement.block.is_some() {
            self.error(
                Diagnostic::new("`allow` takes no block", statement.head_span())
                    .hint("write `allow RULE \"why the gap is accepted\"` on one line"),
            );
            return None;
        }
        let mut cursor = Cursor::new(&statement.atoms[1..], end_span(statement));
        let rule = match read_word(&mut cursor, "a rule id, such as `no-guarantor`") {
            Ok(rule) => rule,
            Err(error) => {
                self.error(
                    error.hint("write `allow RULE \"why\"`; `truce explain` lists the rules"),
                );
                return None;
            }
        };
        let start = cursor.position();
        let reason = match read_text(&mut cursor) {
            Ok(reason) if reason.trim().is_empty() => {
                self.error(
                    Diagnostic::new("the reason for `allow` is empty", cursor.since(start))
                        .expected("a reason: why the gap is accepted")
                        .hint(format!(
                            "say why, for whoever reads the findings next: `allow {} \"...\"`",
                            rule.value
                        )),
                );
                return None;
            }
            Ok(reason) => Spanned::new(reason, cursor.since(start)),
            Err(_) => {
                self.error(
                    Diagnostic::new(
                        format!("`allow {}` gives no reason", rule.value),
                        statement.head_span(),
                    )
                    .expected("a \"quoted\" reason after the rule id")
                    .hint(format!(
                        "an accepted gap records why it is accepted: `allow {} \"the reason\"`",
                        rule.value
                    ))
                    .code(ErrorCode::MissingReason),
                );
                return None;
            }
        };
        self.finish(&cursor, "the reason");
        Some(Allow {
            rule,
            reason,
            span: statement.head_span(),
        })
    }
}
