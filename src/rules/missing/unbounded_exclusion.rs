//! `unbounded-exclusion`: a protection excludes people by a criterion no neutral party judges.

use crate::finding::{Finding, Severity};
use crate::model::{Value, and_list};
use crate::rules::{Applies, Check, Context, Rule, describe_side, fires, name, quiet};
use crate::vocabulary::Key;

pub static RULE: Rule = Rule {
    id: "unbounded-exclusion",
    severity: Severity::Warning,
    summary: "a protection excludes people by a criterion no neutral party judges",
    explanation: "An exclusion such as \"those whose hands have blood on them\", left \
        undefined or judged by one side alone, lets that side withdraw the protection \
        from anyone. Item 4 of the 10-item proposal excluded people on such a criterion \
        and named no one to decide.",
    example: r#"agreement proposal {
  date 2018-05-01
  clause 4 status_settlement { people fighters; excludes "those whose hands have blood on them" }
}"#,
    check: Check::Document(check),
    applies: Applies::Keys(&[Key::Excludes]),
    cases: &[
        // fires when judged by one side
        fires(
            &[&["clause 4"], &["clause 5"]],
            r#"agreement a {
  date 2018-05-01
  party regime "Syrian government" side government
  clause 4 status_settlement { people fighters; excludes "those whose hands have blood on them"; judged_by regime }
  clause 5 status_settlement { people defectors; excludes "officers" }
}"#,
        ),
        // quiet when a neutral party judges
        quiet(
            r#"agreement a {
  date 2018-05-01
  party regime "Syrian government" side government
  party un "United Nations" side third
  clause 4 status_settlement { people fighters; excludes "those convicted of war crimes"; judged_by regime, un }
}"#,
        ),
    ],
};

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    for clause in &document.clauses {
        let Some(excludes) = clause.get(Key::Excludes) else {
            continue;
        };
        let criterion = match &excludes.value {
            Value::Text(text) => format!("\"{text}\""),
            // The resolver reads `excludes` as text; anything else names no one.
            _ => "some of them".to_string(),
        };
        let judges = clause.names(Key::JudgedBy);
        let problem = if judges.is_empty() {
            "with no one named to judge who falls under it".to_string()
        } else {
            let mut partisan = Vec::new();
            for judge in &judges {
                match document.owner_party(&judge.value) {
                    Some(party) if party.is_partisan() => {
                        partisan.push(format!("{} ({})", judge.value, describe_side(party)))
                    }
                    _ => break,
                }
            }
            if partisan.len() < judges.len() {
                continue;
            }
            format!("judged only by {}", and_list(&partisan))
        };
        let message = format!("{} excludes {criterion} {problem}", name(clause));
        // No judge named is something missing, which reports may leave out; a
        // partisan judge is a judge named.
        let finding = if judges.is_empty() {
            Finding::absent
        } else {
            Finding::new
        };
        out.push(finding(context, rule, &[clause], message, excludes.span));
    }
}
