//! `allow` names a rule of the registry, one that a document's findings can
//! come from, and says why. A typo must not silently allow nothing.

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::error_code::ErrorCode;
use crate::model::Document;
use crate::rules;

/// The rule `allow` cannot name: it reports the `allow` lines themselves.
const UNUSED_ALLOW: &str = "unused-allow";

pub(super) fn check(document: &Document, errors: &mut Vec<Diagnostic>) {
    for (_, allow) in document.every_allow() {
        let id = allow.rule_id();
        match rules::rule(&id) {
            None => {
                let ids = rules::registry()
                    .filter(|rule| !rule.is_comparison())
                    .map(|rule| rule.id);
                errors.push(
                    Diagnostic::new(format!("unknown rule `{}`", allow.rule.value), allow.rule.span)
                        .expected("the id of a rule, as `truce explain` lists them")
                        .hint(did_you_mean(&id, ids).unwrap_or_else(|| {
                            "`truce explain` lists every rule with its id".to_string()
                        }))
                        .code(ErrorCode::UnknownRule),
                );
            }
            Some(rule) if rule.is_comparison() => errors.push(
                Diagnostic::new(
                    format!("`{}` is a rule of `truce compare`", rule.id),
                    allow.rule.span,
                )
                .expected("a rule `truce check` runs")
                .hint("`allow` accepts findings of `truce check`; set a comparison rule's severity in truce.toml")
                .code(ErrorCode::UnknownRule),
            ),
            Some(rule) if rule.id == UNUSED_ALLOW => errors.push(
                Diagnostic::new("`unused-allow` cannot be allowed in a document", allow.rule.span)
                    .expected("a rule whose findings are about the agreement")
                    .hint("remove the `allow` that allows nothing, or set `unused-allow = \"allow\"` under [severity] in truce.toml")
                    .code(ErrorCode::UnknownRule),
            ),
            Some(_) => {}
        }
        if allow.reason.value.trim().is_empty() {
            errors.push(
                Diagnostic::new("the reason for `allow` is empty", allow.reason.span)
                    .expected("a reason: why the gap is accepted")
                    .hint("say why, for whoever reads the findings next")
                    .code(ErrorCode::MissingReason),
            );
        }
    }
}
