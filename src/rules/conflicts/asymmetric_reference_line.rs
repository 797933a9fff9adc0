//! `asymmetric-reference-line`: the sides withdraw from, or measure against, different lines or dates.

use crate::finding::{Finding, Severity};
use crate::model::{Clause, Side, and_list};
use crate::rules::{Applies, Check, Context, Rule, fires, name, quiet};
use crate::vocabulary::Key;

pub static RULE: Rule = Rule {
    id: "asymmetric-reference-line",
    severity: Severity::Warning,
    summary: "the sides withdraw from, or measure against, different lines or dates",
    explanation: "A withdrawal is symmetric only if both sides measure from the same line \
        as of the same date: when one side pulls back from today's front and the other \
        from where the front stood months ago, the zone between them is not the one \
        either side believes it agreed, and each can say the other has not withdrawn. \
        The Minsk measures of February 2015 have the Ukrainian troops withdraw heavy \
        weapons from the actual line of contact and the armed formations from the line \
        of the Minsk memorandum of 19 September 2014; in Daraa (July 2018) Halab Today \
        has government forces return to \"their positions from before the offensive\" \
        while the factions hand over their front positions, a case the reports dispute. \
        It compares the `line` and `as_of` of withdrawals binding different sides. \
        A warning: two lines may be agreed on purpose, and the finding asks whether they were.",
    example: r#"agreement minsk {
  date 2015-02-12
  place contact "the actual line of contact" kind line
  place memorandum "the line of the Minsk memorandum of 19 September 2014" kind line
  party ukraine "Ukraine" side government
  party formations "armed formations of certain areas" side opposition
  clause 2 weapons_withdrawal { by ukraine; weapons heavy; line contact }
  clause "2b" weapons_withdrawal { by formations; weapons heavy; line memorandum }
}"#,
    check: Check::Document(check),
    applies: Applies::Keys(&[Key::Line]),
    cases: &[
        // fires on different lines and on one line as of different dates
        fires(
            &[&["clause 2", "clause 2b"], &["clause 3", "clause 3b"]],
            r#"agreement a {
  date 2015-02-12
  place contact "the actual line of contact" kind line
  place memorandum "the line of 19 September 2014" kind line
  party ukraine "Ukraine" side government
  party formations "armed formations" side opposition
  clause 2 weapons_withdrawal { by ukraine; weapons heavy; line contact }
  clause "2b" weapons_withdrawal { by formations; weapons heavy; line memorandum }
  clause 3 withdrawal { forces ukraine; line contact; as_of 2015-02-12 }
  clause "3b" withdrawal { forces formations; line contact; as_of 2014-09-19 }
}"#,
        ),
        // quiet on one line for both, or lines of one side
        quiet(
            r#"agreement a {
  date 2015-02-12
  place contact "the actual line of contact" kind line
  place memorandum "the line of 19 September 2014" kind line
  party ukraine "Ukraine" side government units army
  party formations "armed formations" side opposition
  clause 2 weapons_withdrawal { by ukraine; weapons heavy; line contact }
  clause "2b" weapons_withdrawal { by formations; weapons heavy; line contact }
  clause 3 withdrawal { forces ukraine.army; line memorandum }
}"#,
        ),
    ],
};

/// The side a withdrawal binds, when all its parties are on one.
fn side(context: &Context, clause: &Clause) -> Option<Side> {
    let sides: Vec<Option<Side>> = clause
        .bound()
        .iter()
        .map(|party| context.document.side_of(party))
        .collect();
    match sides.first() {
        Some(Some(first)) if sides.iter().all(|side| *side == Some(*first)) => Some(*first),
        _ => None,
    }
}

/// What a withdrawal measures from: its lines, and the date they stand as of.
type Reference = (Vec<String>, Option<String>);

fn reference(clause: &Clause) -> Reference {
    let lines = clause
        .places(Key::Line)
        .into_iter()
        .map(|place| place.value.to_string())
        .collect();
    let as_of = clause.get(Key::AsOf).map(|attribute| attribute.value.to_string());
    (lines, as_of)
}

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    let withdrawals: Vec<(&Clause, Side, Reference)> = document
        .principal_clauses()
        .filter(|clause| clause.kind().attribute(Key::Line).is_some() && clause.has(Key::Line))
        .filter_map(|clause| Some((clause, side(context, clause)?, reference(clause))))
        .collect();
    for (index, (first, first_side, (first_lines, first_as_of))) in withdrawals.iter().enumerate() {
        for (second, second_side, (second_lines, second_as_of)) in &withdrawals[index + 1..] {
            if first_side == second_side
                || first.kind() != second.kind()
                || !first.same_report(second)
            {
                continue;
            }
            let what = if first_lines != second_lines {
                format!(
                    "{} against {}",
                    and_list(first_lines),
                    and_list(second_lines)
                )
            } else if first_as_of.is_some() && second_as_of.is_some() && first_as_of != second_as_of
            {
                format!(
                    "{} as of {} against as of {}",
                    and_list(first_lines),
                    first_as_of.as_deref().unwrap_or_default(),
                    second_as_of.as_deref().unwrap_or_default()
                )
            } else {
                continue;
            };
            let message = format!(
                "{} and {} measure the two sides' withdrawals from different references: {what}",
                name(first),
                name(second)
            );
            out.push(Finding::new(
                context,
                rule,
                &[first, second],
                message,
                second.span_of(Key::Line),
            ));
        }
    }
}
