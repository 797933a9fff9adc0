//! `unit-hierarchy-ambiguity`: a side's forces are barred while another clause admits its police or institutions.

use super::{Overlap, describe_areas, grant, overlap, related};
use crate::finding::{Finding, Severity};
use crate::model::{Clause, Period, PlaceRef, and_list};
use crate::rules::{Applies, Check, Context, Rule, fires, name, quiet};
use crate::vocabulary::{Entry, Key, UMBRELLA_UNITS, kinds};

pub static RULE: Rule = Rule {
    id: "unit-hierarchy-ambiguity",
    severity: Severity::Warning,
    summary: "a side's forces are barred while another clause admits its police or institutions",
    explanation: "Barring \"the forces\" or \"the security\" of a side and admitting its \
        police or its institutions draws a line the agreement never defines: whether the \
        police are among the security forces, or who staffs the institutions, decides \
        who may in fact enter. The Russian 10-item proposal for northern Homs (May 2018) \
        bars the army and its security forces from the city while regime civilian police \
        and civilian institutions enter; in Douma (8 April 2018) government forces do not \
        enter while government police do. Where only a named branch such as the army is \
        barred (the final northern Homs agreement), the line is drawn and the rule is \
        quiet; where the admitted unit is declared within the barred one, \
        `access-conflict` speaks instead. \
        A warning, not an error: the line may be drawn in practice, but the text does not draw it.",
    example: r#"agreement douma {
  date 2018-04-08
  party regime "Syrian government" side government units forces, police
  clause 2 non_entry { barred regime.forces; area "Douma" }
  clause 8 deployment { forces regime.police; area "Douma" }
}"#,
    check: Check::Document(check),
    applies: Applies::Kinds(&[&kinds::NON_ENTRY]),
    cases: &[
        // fires once per bar, naming every clause that admits another unit
        fires(
            &[&["clause 8", "clause 5", "clause 6"]],
            r#"agreement a {
  date 2018-05-01
  place north_homs "Northern Homs countryside" kind region
  party regime "Syrian government" side government units army, security, civilian_police, civilian_institutions
  clause 5 deployment { forces regime.civilian_police; area north_homs }
  clause 6 institutions_return { institutions regime.civilian_institutions; area "the city" }
  clause 8 non_entry { barred regime.army, regime.security; area "the city"; duration 6 months }
}"#,
        ),
        // quiet where a named branch is barred, the admitted unit is declared
        // within the barred one, or the areas are disjoint
        quiet(
            r#"agreement a {
  date 2018-05-02
  place rastan "Al-Rastan" kind town
  place talbiseh "Talbiseh" kind town
  party regime "Syrian government" side government units army, forces, civilian_police
  unit regime.police "police" within regime.forces
  clause 6 deployment { forces regime.civilian_police; area rastan }
  clause 7 non_entry { barred regime.army; area rastan }
  clause 8 non_entry { barred regime.forces; area talbiseh }
  clause 9 deployment { forces regime.police; area talbiseh }
  clause 10 deployment { forces regime.civilian_police; area rastan }
}"#,
        ),
    ],
};

/// Whether a barred unit's name covers a class whose bounds the text leaves open.
fn is_umbrella(path: &str) -> bool {
    path.rsplit_once('.')
        .is_some_and(|(_, unit)| UMBRELLA_UNITS.contains(&unit))
}

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    let region: Vec<&PlaceRef> = document.region.iter().map(|r| &r.value).collect();
    for bar in document.clauses.iter().filter(|c| c.is(&kinds::NON_ENTRY)) {
        let umbrellas: Vec<&str> = bar
            .names(Key::Barred)
            .into_iter()
            .map(|barred| barred.value.as_str())
            .filter(|path| is_umbrella(path))
            .collect();
        if umbrellas.is_empty() {
            continue;
        }
        let barred: Vec<&str> = bar
            .names(Key::Barred)
            .into_iter()
            .map(|barred| barred.value.as_str())
            .collect();
        let mut area: Vec<&PlaceRef> = bar.places(Key::Area).into_iter().map(|p| &p.value).collect();
        if area.is_empty() {
            area = region.clone();
        }
        let period = Period::of(bar, document, true);
        let mut admitting: Vec<&Clause> = Vec::new();
        let mut admitted: Vec<String> = Vec::new();
        let mut span = None;
        for clause in &document.clauses {
            let Some(grant) = grant(clause) else {
                continue;
            };
            if std::ptr::eq(clause, bar)
                || clause.is_version_of(bar)
                || grant.entry == Entry::Passage
                || !period.overlaps(Period::of(clause, document, false))
                || overlap(document, &area, &grant.areas) == Overlap::Disjoint
            {
                continue;
            }
            for (unit, unit_span) in &grant.grantees {
                let owner = document.owner(unit);
                // Another unit of a side whose umbrella is barred, which the
                // hierarchy puts neither under nor over anything barred.
                let ambiguous = unit.contains('.')
                    && umbrellas.iter().any(|u| document.owner(u) == owner)
                    && !barred.iter().any(|b| related(document, unit, b));
                if ambiguous {
                    if !admitting.iter().any(|c| std::ptr::eq(*c, clause)) {
                        admitting.push(clause);
                    }
                    if !admitted.iter().any(|a| a == unit) {
                        admitted.push(unit.to_string());
                    }
                    span.get_or_insert(*unit_span);
                }
            }
        }
        let Some(span) = span else {
            continue;
        };
        let admits: Vec<String> = admitting.iter().map(|clause| name(clause)).collect();
        let umbrellas: Vec<String> = umbrellas.iter().map(|u| u.to_string()).collect();
        let message = format!(
            "{} bars {} from {}, while {} {} {}; the agreement does not say whether {} {} \
             among {}",
            name(bar),
            and_list(&barred.iter().map(|b| b.to_string()).collect::<Vec<_>>()),
            describe_areas(&area),
            and_list(&admits),
            if admits.len() == 1 { "admits" } else { "admit" },
            and_list(&admitted),
            and_list(&admitted),
            if admitted.len() == 1 { "is" } else { "are" },
            and_list(&umbrellas),
        );
        // Items different outlets report are read together, and the finding says so.
        let apart: Vec<&Clause> = admitting
            .iter()
            .copied()
            .filter(|clause| !clause.same_report(bar))
            .collect();
        let message = if apart.is_empty() {
            message
        } else {
            let mut sources: Vec<&str> = bar.reported_by();
            for clause in &apart {
                sources.extend(clause.reported_by());
            }
            sources.sort_unstable();
            sources.dedup();
            format!(
                "{message} (the bar and the admission come from different reports: {})",
                sources.join(", ")
            )
        };
        let mut clauses = vec![bar];
        clauses.extend(admitting);
        out.push(Finding::new(context, rule, &clauses, message, span));
    }
}
