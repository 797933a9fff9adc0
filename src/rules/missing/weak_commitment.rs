//! `weak-commitment`: a protection is only a pledge, a review or an intent.

use crate::finding::{Finding, Severity};
use crate::model::Strength;
use crate::rules::{Applies, Check, Context, Rule, fires, name, quiet};
use crate::vocabulary::Key;

pub static RULE: Rule = Rule {
    id: "weak-commitment",
    severity: Severity::Warning,
    summary: "a protection is only a pledge, a review or an intent",
    explanation: "A protection of detainees, safety or status graded pledge, review or \
        intent (PA-X grade 1 or 2) gives the protected nothing to enforce. The 10-item \
        proposal only vowed to review the detainees' file, and the October 2017 \
        agreement only pledged to work toward their release.",
    example: r#"agreement proposal {
  date 2018-05-01
  party regime "Syrian government" side government
  clause 7 detainee_release { by regime; strength review }
}"#,
    check: Check::Document(check),
    applies: Applies::Protections,
    cases: &[
        // fires on review of protection
        fires(
            &[&["clause 7"]],
            r#"agreement a {
  date 2018-05-01
  clause 7 detainee_release { strength review }
  clause 8 political_process { strength intent }
}"#,
        ),
        // quiet when binding or unstated
        quiet(
            r#"agreement a {
  date 2018-05-01
  clause 7 detainee_release { strength binding }
  clause 8 status_settlement { people fighters }
}"#,
        ),
    ],
};

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    for clause in context
        .document
        .clauses
        .iter()
        .filter(|c| c.is_protection())
    {
        let Some(strength) = clause.strength() else {
            continue;
        };
        if strength == Strength::Binding {
            continue;
        }
        let message = format!(
            "{} commits only to `{}` (PA-X grade {})",
            name(clause),
            strength.name(),
            strength.pax_grade(),
        );
        let span = clause.span_of(Key::Strength);
        out.push(Finding::new(context, rule, &[clause], message, span));
    }
}
