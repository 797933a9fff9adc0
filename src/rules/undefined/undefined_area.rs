//! `undefined-area`: a timed clause applies to an area the agreement leaves vague or to later talks.

use crate::finding::{Finding, Severity};
use crate::model::PlaceRef;
use crate::rules::{Applies, Check, Context, Rule, fires, name, quiet};
use crate::vocabulary::Key;

pub static RULE: Rule = Rule {
    id: "undefined-area",
    severity: Severity::Warning,
    summary: "a timed clause applies to an area the agreement leaves vague or to later talks",
    explanation: "A period or deadline is only as firm as the place it applies to. Item 8 \
        of the Russian 10-item proposal for northern Homs (May 2018) vows that the army \
        and security forces \"will not enter the city within six months\" without naming \
        the city; the final agreement of 2 May 2018 bars the army from \"the area\" for six \
        months to two years. Whoever decides what \"the city\" is decides where the bar \
        holds. A clause with no time of its own is left alone: its vague area is a matter \
        for the parties, not a term that runs out. \
        A warning: the finding is that the text can be read two ways, not that it has been.",
    example: r#"agreement proposal {
  date 2018-05-01
  party regime "Syrian government" side government units army
  clause 8 non_entry { barred regime.army; area "the city"; duration 6 months }
}"#,
    check: Check::Document(check),
    applies: Applies::Keys(TIMES),
    cases: &[
        // fires on a described area with a period and on an area left to talks
        // with a deadline
        fires(
            &[&["clause 8"], &["clause 9"]],
            r#"agreement a {
  date 2018-05-01
  party regime "Syrian government" side government units army
  clause 8 non_entry { barred regime.army; area "the city"; duration 6 months }
  clause 9 withdrawal { forces regime.army; deadline within 14 days of signing; deferred area }
}"#,
        ),
        // quiet on a declared area, and on a vague area with no time of its own
        quiet(
            r#"agreement a {
  date 2018-05-01
  place rastan "Al-Rastan" kind town
  party regime "Syrian government" side government units army, civilian_institutions
  clause 6 institutions_return { institutions regime.civilian_institutions; area "the city" }
  clause 8 non_entry { barred regime.army; area rastan; duration 6 months }
}"#,
        ),
    ],
};

/// The keys that put a clause in time.
const TIMES: &[Key] = &[Key::Deadline, Key::Start, Key::Duration, Key::Until];

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    for clause in context.document.principal_clauses() {
        let Some(time) = TIMES.iter().copied().find(|key| clause.has(*key)) else {
            continue;
        };
        let vague: Vec<String> = clause
            .places(Key::Area)
            .into_iter()
            .filter_map(|place| match &place.value {
                PlaceRef::Described(words) => Some(format!("\"{words}\"")),
                PlaceRef::Declared(_) => None,
            })
            .collect();
        let (what, span) = if let Some(first) = vague.first() {
            (
                format!("applies to {first}, which the agreement does not define"),
                clause.span_of(Key::Area),
            )
        } else if clause.is_deferred(Key::Area) {
            (
                "leaves its area to later talks".to_string(),
                clause.span_of(Key::Deferred),
            )
        } else {
            continue;
        };
        let message = format!(
            "{} {what}, while its `{time}` runs on it",
            name(clause)
        );
        out.push(Finding::new(context, rule, &[clause], message, span));
    }
}
