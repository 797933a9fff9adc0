//! `undefined-category`: a protected or excluded class is named by a judgement no one defines.

use super::actors;
use crate::finding::{Finding, Severity};
use crate::model::{Actor, Value};
use crate::rules::{Applies, Check, Context, Rule, fires, name, quiet};
use crate::source::Span;
use crate::vocabulary::{Key, is_judgement};

pub static RULE: Rule = Rule {
    id: "undefined-category",
    severity: Severity::Warning,
    summary: "a protected or excluded class is named by a judgement no one defines",
    explanation: "Who is \"innocent\", a \"terrorist\" or one of \"those whose hands have \
        blood on them\" is a judgement, not a fact a checkpoint can read; until the text \
        defines it, the class is whatever the side applying it says. Item 4 of the \
        Russian 10-item proposal (May 2018) accepts no one \"whose hands have blood on \
        them\"; item 10 of the al-Waer agreement of March 2017, as PA-X summarises it, \
        protects an \"innocent person\" from arrest because of kinship. The finding names \
        the words; a neutral party named to judge (`judged_by`) answers it. \
        A warning: whether the class is abused depends on who applies it.",
    example: r#"agreement proposal {
  date 2018-05-01
  clause 4 status_settlement { people "defected officers"; excludes "Those whose hands have blood on them" }
}"#,
    check: Check::Document(check),
    applies: Applies::Keys(&[Key::People, Key::Benefits, Key::Excludes]),
    cases: &[
        // fires on an excluded class and on a protected one named by a judgement
        fires(
            &[&["clause 4"], &["clause 10"]],
            r#"agreement a {
  date 2017-03-13
  clause 4 status_settlement { people "defected officers"; excludes "Those whose hands have blood on them" }
  clause 10 protection { people "innocent person"; from arrest }
}"#,
        ),
        // quiet on classes named by a fact, and where a neutral party judges
        quiet(
            r#"agreement a {
  date 2017-03-13
  party regime "Syrian government" side government
  party un "United Nations" side third
  clause 4 status_settlement { people "those who stay", defectors; excludes "those convicted of murder" }
  clause 5 status_settlement { people fighters; excludes "terrorists"; judged_by regime, un }
}"#,
        ),
    ],
};

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    for clause in document.principal_clauses() {
        // A neutral judge defines the class case by case.
        let judged = clause.names(Key::JudgedBy).iter().any(|judge| {
            document
                .owner_party(&judge.value)
                .is_some_and(|party| party.is_neutral())
        });
        if judged {
            continue;
        }
        let mut named: Vec<(String, Span)> = Vec::new();
        for key in [Key::People, Key::Benefits] {
            for actor in actors(clause, key) {
                if let Actor::Described(words) = &actor.value
                    && is_judgement(words)
                {
                    named.push((format!("protects \"{words}\""), actor.span));
                }
            }
        }
        for attribute in clause.all(Key::Excludes) {
            if let Value::Text(words) = &attribute.value
                && is_judgement(words)
            {
                named.push((format!("excludes \"{words}\""), attribute.span));
            }
        }
        let Some((_, span)) = named.first() else {
            continue;
        };
        let span = *span;
        let what: Vec<String> = named.into_iter().map(|(what, _)| what).collect();
        let message = format!(
            "{} {}, a judgement the agreement does not define",
            name(clause),
            crate::model::and_list(&what)
        );
        out.push(Finding::new(context, rule, &[clause], message, span));
    }
}
