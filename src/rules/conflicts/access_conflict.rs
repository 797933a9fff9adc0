//! `access-conflict`: a party barred from an area is granted entry there in the same period.

use super::{Grant, Overlap, dedup, describe_areas, grant, overlap, related};
use crate::finding::{Finding, Severity};
use crate::model::{Clause, Period, PlaceRef, and_list};
use crate::rules::{Applies, Check, Context, Rule, fires, name, quiet};
use crate::vocabulary::{Entry, Key, kinds};

pub static RULE: Rule = Rule {
    id: "access-conflict",
    severity: Severity::Error,
    summary: "a party barred from an area is granted entry there in the same period",
    explanation: "A clause keeping a force out and another letting it in (by a road, a \
        deployment, returning institutions or an evacuation route) cannot both hold, and \
        the side that relied on the bar learns it when the force arrives. Items 8 and 10 \
        of the 10-item proposal bar the army from the city for six months and open a \
        road to it. An error where the areas are known to meet; where they are only not \
        known to be disjoint (\"the city\" and a road), the conflict is possible and \
        reported as a warning.",
    example: r#"agreement proposal {
  date 2018-05-01
  party regime "Syrian government" side government units army
  clause 8 non_entry { barred regime.army; area "the city"; duration 6 months }
  clause 10 road_opening { road "public road"; open_to regime.army }
}"#,
    check: Check::Document(check),
    applies: Applies::Kinds(&[&kinds::NON_ENTRY]),
    cases: &[
        // fires on known and possible overlap
        fires(
            &[
                &["clause 8", "clause 10"],
                &["clause 9", "clause 10"],
                &["clause 8", "clause 11"],
                &["clause 9", "clause 11"],
            ],
            r#"agreement a {
  date 2018-05-01
  place north_homs "Northern Homs countryside" kind region
  place rastan "Al-Rastan" kind town within north_homs
  party regime "Syrian government" side government units army, security
  clause 8 non_entry { barred regime.army, regime.security; area "the city"; duration 6 months }
  clause 9 non_entry { barred regime; area north_homs; until 2018-12-31 }
  clause 10 road_opening { road "public road"; open_to regime.army, regime.security }
  clause 11 deployment { forces regime.army; area rastan; start 2018-06-01 }
}"#,
        ),
        // quiet when disjoint in place time or party
        quiet(
            r#"agreement a {
  date 2018-05-01
  place north_homs "Northern Homs countryside" kind region
  place rastan "Al-Rastan" kind town within north_homs
  place talbiseh "Talbiseh" kind town within north_homs
  party regime "Syrian government" side government units army, police
  party factions "Rebel groups" side opposition
  clause 8 non_entry { barred regime.army; area rastan; duration 6 months }
  clause 9 deployment { forces regime.army; area talbiseh }
  clause 10 deployment { forces regime.army; area rastan; start 2019-01-01 }
  clause 11 institutions_return { institutions regime.police; area rastan }
  clause 12 road_opening { road "public road"; open_to factions }
}"#,
        ),
    ],
};

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    let region: Vec<&PlaceRef> = document.region.iter().map(|r| &r.value).collect();
    let grants: Vec<(&Clause, Grant, Period)> = document
        .clauses
        .iter()
        .filter_map(|clause| {
            let grant = grant(clause)?;
            Some((clause, grant, Period::of(clause, document, false)))
        })
        .collect();
    for bar in document.clauses.iter().filter(|c| c.is(&kinds::NON_ENTRY)) {
        let barred = bar.names(Key::Barred);
        if barred.is_empty() {
            continue;
        }
        let mut area: Vec<&PlaceRef> = bar
            .places(Key::Area)
            .into_iter()
            .map(|p| &p.value)
            .collect();
        if area.is_empty() {
            area = region.clone();
        }
        let period = Period::of(bar, document, true);
        for (clause, grant, granted) in &grants {
            // Two versions of a text (disjoint sources) disagree; they do not
            // conflict.
            if std::ptr::eq(*clause, bar) || !clause.same_report(bar) || !period.overlaps(*granted)
            {
                continue;
            }
            let where_ = overlap(document, &area, &grant.areas);
            if where_ == Overlap::Disjoint {
                continue;
            }
            let mut parties = Vec::new();
            let mut span = None;
            for (grantee, grantee_span) in &grant.grantees {
                for banned in &barred {
                    if related(document, grantee, &banned.value) {
                        parties.push(grantee.to_string());
                        span.get_or_insert(*grantee_span);
                    }
                }
            }
            let Some(span) = span else {
                continue;
            };
            let parties = and_list(&dedup(parties));
            let bar_names: Vec<String> = barred.iter().map(|b| b.value.to_string()).collect();
            let lasting = match (bar.when(Key::Until), bar.duration(true)) {
                (Some(until), _) => format!(" until {}", until.text),
                (None, Some(duration)) => format!(" for {duration}"),
                (None, None) => String::new(),
            };
            let areas = describe_areas(&grant.areas);
            let granted = match grant.entry {
                Entry::Road => format!("opens {areas} to {parties}"),
                Entry::Deployment => format!("deploys {parties} in {areas}"),
                Entry::Return => format!("returns {parties} to {areas}"),
                Entry::Passage => format!("gives {parties} passage through {areas}"),
                Entry::Control => format!("hands {parties} control of {areas}"),
            };
            let statement = format!(
                "{} bars {} from {}{lasting}, but {} {granted}",
                name(bar),
                and_list(&bar_names),
                describe_areas(&area),
                name(clause),
            );
            let mut finding = Finding::new(context, rule, &[bar, clause], statement, span);
            if where_ != Overlap::Known {
                // A conflict the areas only make possible is a warning, not an error.
                finding.message = format!(
                    "possible conflict: {} (the areas are not known to be disjoint)",
                    finding.message
                )
                .into();
                finding.severity = Severity::Warning;
            }
            out.push(finding);
        }
    }
}
