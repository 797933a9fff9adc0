//! Checking a document against a party's red lines: each requirement is met,
//! unmet (with what is missing) or violated (with the clause that violates it).
//! Recitals never meet a requirement: they bind nobody.

use serde::Serialize;

use crate::model::{
    Bound, Clause, Comparison, Deadline, Demand, Document, RedLineStatus, Requirement,
    RequirementMode, Requirements, Value,
};
use crate::rules::ClauseRef;
use crate::source::Span;
use crate::vocabulary::Key;

/// One requirement's outcome on one document.
#[derive(Clone, Debug, Serialize)]
pub struct Outcome {
    pub requirement: String,
    pub status: RedLineStatus,
    /// What is missing, or what violates the red line, in one line.
    pub detail: String,
    /// The requirement's own message.
    pub message: Option<String>,
    /// The requirement in the red-lines file.
    pub requirement_span: Span,
    /// The clauses that meet, fall short of, or violate it.
    pub clauses: Vec<ClauseRef>,
}

/// Every requirement of `requirements`, checked on `document`, in order.
pub fn evaluate(requirements: &Requirements, document: &Document) -> Vec<Outcome> {
    requirements
        .items
        .iter()
        .map(|requirement| {
            let (status, detail, clauses) = match requirement.mode {
                RequirementMode::Require => require(requirement, document),
                RequirementMode::Forbid => forbid(requirement, document),
                RequirementMode::Demand => demand(requirement, document),
            };
            Outcome {
                requirement: requirement.id.value.to_string(),
                status,
                detail,
                message: requirement.message.as_ref().map(|m| m.value.to_string()),
                requirement_span: requirement.span,
                clauses,
            }
        })
        .collect()
}

type Verdict = (RedLineStatus, String, Vec<ClauseRef>);

/// How one clause measures up to a requirement's conditions.
struct Measure<'a> {
    clause: &'a Clause,
    missing: Vec<String>,
    broken: Vec<String>,
}

fn measure<'a>(requirement: &Requirement, clause: &'a Clause) -> Measure<'a> {
    let mut missing: Vec<String> = requirement
        .has
        .iter()
        .filter(|key| !clause.has(key.value))
        .map(|key| key.value.to_string())
        .collect();
    // An attribute the red line wants absent breaks it where present.
    let mut broken: Vec<String> = requirement
        .lacks
        .iter()
        .filter(|key| clause.has(key.value))
        .map(|key| format!("it gives `{}`", key.value))
        .collect();
    for key in &requirement.exact {
        match clause.get(key.value) {
            None => missing.push(key.value.to_string()),
            // A range where the red line wants one figure leaves it unmet.
            Some(attribute) if !attribute.value.is_exact() => missing.push(format!(
                "exact `{}` (it gives {})",
                key.value, attribute.value
            )),
            Some(_) => {}
        }
    }
    for bound in &requirement.bounds {
        match holds(bound, clause) {
            Some(true) => {}
            Some(false) => broken.push(describe_broken(bound, clause)),
            None => missing.push(bound.key.value.to_string()),
        }
    }
    Measure {
        clause,
        missing,
        broken,
    }
}

fn operative<'a>(requirement: &Requirement, document: &'a Document) -> Vec<&'a Clause> {
    let Some(kind) = &requirement.kind else {
        return Vec::new();
    };
    document
        .clauses
        .iter()
        .filter(|clause| clause.kind_name() == kind.value.name)
        .collect()
}

fn require(requirement: &Requirement, document: &Document) -> Verdict {
    let kind = requirement.kind.as_ref().map_or("", |k| k.value.name);
    let candidates = operative(requirement, document);
    if candidates.is_empty() {
        let recital = document
            .recitals
            .iter()
            .find(|recital| recital.kind_name() == kind);
        return match recital {
            Some(recital) => (
                RedLineStatus::Unmet,
                format!("`{kind}` appears only in a recital, which binds nobody"),
                vec![ClauseRef::of(recital)],
            ),
            None => (
                RedLineStatus::Unmet,
                format!("no `{kind}` clause"),
                Vec::new(),
            ),
        };
    }
    let measures: Vec<Measure> = candidates
        .iter()
        .map(|clause| measure(requirement, clause))
        .collect();
    if let Some(met) = measures
        .iter()
        .find(|m| m.missing.is_empty() && m.broken.is_empty())
    {
        return (
            RedLineStatus::Met,
            format!(
                "{} meets it{}",
                met.clause.label(),
                version_of(requirement, met.clause, document)
            ),
            vec![ClauseRef::of(met.clause)],
        );
    }
    if let Some(violating) = measures.iter().find(|m| !m.broken.is_empty()) {
        return (
            RedLineStatus::Violated,
            format!(
                "{}: {}{}",
                violating.clause.label(),
                violating.broken.join("; "),
                version_of(requirement, violating.clause, document)
            ),
            vec![ClauseRef::of(violating.clause)],
        );
    }
    // Closest first: the clause missing the fewest attributes.
    let closest = measures
        .iter()
        .min_by_key(|m| m.missing.len())
        .map(|m| (m.clause, m.missing.join(", ")));
    match closest {
        Some((clause, missing)) => (
            RedLineStatus::Unmet,
            format!(
                "{} gives no {missing}{}",
                clause.label(),
                version_of(requirement, clause, document)
            ),
            vec![ClauseRef::of(clause)],
        ),
        None => (
            RedLineStatus::Unmet,
            format!("no `{kind}` clause"),
            Vec::new(),
        ),
    }
}

/// Which version of the text an outcome rests on, where the sources disagree:
/// the clause's own version, and the reading of each attribute the red line
/// reads. Empty where the sources agree.
fn version_of(requirement: &Requirement, clause: &Clause, document: &Document) -> String {
    let mut notes: Vec<String> = clause.version_note(document).into_iter().collect();
    let keys = requirement
        .has
        .iter()
        .map(|key| key.value)
        .chain(requirement.bounds.iter().map(|bound| bound.key.value));
    for key in keys {
        notes.extend(clause.reading_note(key));
    }
    if notes.is_empty() {
        String::new()
    } else {
        format!(" ({})", notes.join("; "))
    }
}

fn forbid(requirement: &Requirement, document: &Document) -> Verdict {
    let kind = requirement.kind.as_ref().map_or("", |k| k.value.name);
    // A forbidden clause is one of the kind that matches every condition given.
    let offending: Vec<&Clause> = operative(requirement, document)
        .into_iter()
        .filter(|clause| {
            let measured = measure(requirement, clause);
            measured.missing.is_empty() && measured.broken.is_empty()
        })
        // `lacks` narrows what is forbidden: `forbid x evacuation { lacks choice }`
        // forbids only evacuations that give no choice (checked in `measure`).
        .collect();
    match offending.first() {
        Some(clause) => (
            RedLineStatus::Violated,
            format!(
                "{} is a forbidden `{kind}` clause{}",
                clause.label(),
                version_of(requirement, clause, document)
            ),
            offending
                .iter()
                .map(|clause| ClauseRef::of(clause))
                .collect(),
        ),
        None => (
            RedLineStatus::Met,
            format!("no forbidden `{kind}` clause"),
            Vec::new(),
        ),
    }
}

fn demand(requirement: &Requirement, document: &Document) -> Verdict {
    let mut unmet = Vec::new();
    for demand in &requirement.demands {
        if let Some(gap) = demand_gap(demand.value, document) {
            unmet.push(gap);
        }
    }
    if unmet.is_empty() {
        (RedLineStatus::Met, "every demand is met".into(), Vec::new())
    } else {
        (RedLineStatus::Unmet, unmet.join("; "), Vec::new())
    }
}

/// Every party (not unit) that guarantees the document or one of its clauses,
/// sorted.
pub fn guarantors(document: &Document) -> Vec<String> {
    document.owners(&document.guarantors())
}

/// What keeps a demand for a neutral guarantor or monitor from being met: none
/// of `backers` is neither a party to the conflict nor aligned with one.
fn neutral_gap(role: &str, backers: &[String], document: &Document) -> Option<String> {
    let neutral = backers.iter().any(|name| {
        document
            .party(name)
            .is_some_and(|party| !party.is_partisan())
    });
    if neutral {
        None
    } else if backers.is_empty() {
        Some(format!("no {role}, neutral or not"))
    } else {
        Some(format!(
            "no neutral {role}: {} is a party to the conflict or aligned with one",
            backers.join(", ")
        ))
    }
}

/// What keeps a demand from being met, if anything.
fn demand_gap(demand: Demand, document: &Document) -> Option<String> {
    match demand {
        Demand::Guarantor => guarantors(document)
            .is_empty()
            .then(|| "no guarantor".to_string()),
        Demand::NeutralGuarantor => neutral_gap("guarantor", &guarantors(document), document),
        Demand::RepresentativeSignatory => {
            let bound = document.bound_places();
            if bound.places.is_empty() {
                return Some("the document names no declared region to represent".into());
            }
            let places: Vec<String> = bound.places.iter().map(|p| format!("`{p}`")).collect();
            (!document.represented_by_signatory(&bound.places))
                .then(|| format!("no signatory represents {}", places.join(", ")))
        }
        Demand::Monitor => (!document.is_monitored()).then(|| "no monitor".to_string()),
        Demand::NeutralMonitor => {
            neutral_gap("monitor", &document.owners(&document.monitors()), document)
        }
    }
}

/// Whether the clause's value meets the bound; `None` when the clause gives no
/// value to compare (the requirement is then unmet, not violated).
fn holds(bound: &Bound, clause: &Clause) -> Option<bool> {
    let at_least = bound.comparison == Comparison::AtLeast;
    let compare = |actual: f64, limit: f64| {
        if at_least {
            actual >= limit
        } else {
            actual <= limit
        }
    };
    if bound.key.value == Key::Strength {
        let actual = clause.commitment();
        let Value::Strength(limit) = bound.value else {
            return None;
        };
        return Some(if at_least {
            actual >= limit
        } else {
            actual <= limit
        });
    }
    let actual = &clause.get(bound.key.value)?.value;
    match (actual, &bound.value) {
        (Value::Duration(actual), Value::Duration(limit)) => {
            // The clause must meet the bound at its least favourable end.
            let actual = if at_least {
                actual.min
            } else {
                actual.max.unwrap_or(actual.min)
            };
            Some(compare(
                actual.approximate_hours(),
                limit.min.approximate_hours(),
            ))
        }
        (Value::Count(actual), Value::Count(limit)) => {
            let actual = if at_least {
                actual.least()
            } else {
                actual.most().or(actual.least())
            }?;
            Some(compare(actual, limit.least().or(limit.most())?))
        }
        (Value::Distance(actual), Value::Distance(limit)) => {
            Some(compare(actual.metres, limit.metres))
        }
        (Value::When(actual), Value::When(limit)) => Some(if at_least {
            actual.start >= limit.start
        } else {
            actual.end <= limit.end
        }),
        (Value::Deadline(_), Value::Deadline(deadline))
            if matches!(**deadline, Deadline::At { .. }) =>
        {
            let limit = bound.value.date()?;
            let actual = clause.when(bound.key.value)?;
            Some(if at_least {
                actual.start >= limit.start
            } else {
                actual.end <= limit.end
            })
        }
        _ => None,
    }
}

fn describe_broken(bound: &Bound, clause: &Clause) -> String {
    let actual = clause
        .get(bound.key.value)
        .map(|attribute| attribute.value.to_string())
        .unwrap_or_else(|| {
            clause
                .strength()
                .map_or("binding".into(), |s| s.name().to_string())
        });
    format!(
        "`{}` is {actual}, the red line says {} {}",
        bound.key.value,
        bound.comparison.words(),
        bound.value
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROPOSAL: &str = r#"
agreement proposal {
  date 2018-05-01
  region north
  place north "North" kind region
  party russia "Russia" side third aligned regime role proposer, guarantor
  party regime "Regime" side government
  party factions "Factions" side opposition represents north role signatory
  clause 1 detainee_release { strength review; review_on mid 2018-05 }
  clause 2 conscription { ages 18 to 42; grace 3 months }
  clause 3 ceasefire { start immediate }
  clause 4 evacuation { people civilians; destination north }
  recital evacuation { people civilians; destination north; safe_passage russia }
}
requirements red_lines {
  owner factions
  party factions "Factions" side opposition
  require detainees detainee_release { has mechanism, deadline; message "a real release" }
  require grace conscription { grace at least 6 months }
  require ceasefire ceasefire { strength at least pledge }
  require passage evacuation { has destination, safe_passage }
  forbid displacement evacuation { lacks choice }
  demand neutral { needs neutral_guarantor, representative_signatory }
}
"#;

    fn outcomes() -> Vec<(String, RedLineStatus, String)> {
        let loaded = crate::load_str("p.truce", PROPOSAL);
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        let document = &loaded.corpus.documents[0];
        evaluate(&loaded.corpus.requirements[0], document)
            .into_iter()
            .map(|o| (o.requirement, o.status, o.detail))
            .collect()
    }

    #[test]
    fn each_mode_meets_misses_or_violates() {
        let outcomes = outcomes();
        let find = |id: &str| outcomes.iter().find(|o| o.0 == id).cloned().unwrap();
        assert_eq!(
            find("detainees"),
            (
                "detainees".into(),
                RedLineStatus::Unmet,
                "clause 1 gives no mechanism, deadline".into()
            )
        );
        let grace = find("grace");
        assert_eq!(grace.1, RedLineStatus::Violated);
        assert_eq!(
            grace.2,
            "clause 2: `grace` is 3 months, the red line says at least 6 months"
        );
        assert_eq!(find("ceasefire").1, RedLineStatus::Met);
        // The recital's safe passage does not count.
        assert_eq!(find("passage").2, "clause 4 gives no safe_passage");
        assert_eq!(find("displacement").1, RedLineStatus::Violated);
        let neutral = find("neutral");
        assert_eq!(neutral.1, RedLineStatus::Unmet);
        assert!(
            neutral.2.starts_with("no neutral guarantor: russia"),
            "{}",
            neutral.2
        );
    }

    #[test]
    fn outcomes_say_which_version_they_rest_on() {
        let loaded = crate::load_str(
            "v.truce",
            r#"agreement final_2018 {
  date 2018-05-02
  source committee "the committee"
  source elaph "Elaph"
  source amc "AMC"
  party regime "Syrian government" side government units army
  clause 7 non_entry { barred regime.army; duration 6 months to 2 years; source committee }
  clause 7 deployment { forces regime.army; source elaph }
  clause 8 conscription { ages 18 to 42 source committee; ages 18 to 48 source amc; grace 6 months }
}
requirements r {
  require no_army non_entry { has duration }
  require grace conscription { grace at least 6 months; has ages }
  forbid army deployment { has forces }
}"#,
        );
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        let details: Vec<String> =
            evaluate(&loaded.corpus.requirements[0], &loaded.corpus.documents[0])
                .into_iter()
                .map(|outcome| outcome.detail)
                .collect();
        assert_eq!(
            details,
            [
                "clause 7 meets it (as committee gives it; elaph gives a deployment)",
                "clause 8 meets it (`ages` in committee's reading; amc gives 18 to 48)",
                "clause 7 is a forbidden `deployment` clause (as elaph gives it; committee gives a non entry)",
            ]
        );
    }

    #[test]
    fn an_exact_figure_and_a_neutral_monitor() {
        let loaded = crate::load_str(
            "x.truce",
            r#"agreement proposal {
  date 2016-08-31
  party russia "Russia" side third aligned regime role monitor
  party regime "Syrian government" side government
  party un "UN observers" side third
  clause 3 detainee_release { count 140 to 200 detainees }
}
agreement final {
  date 2017-03-13
  party un "UN observers" side third role monitor
  clause 3 detainee_release { count 500 detainees }
}
requirements r {
  require number detainee_release { exact count }
  demand monitors { needs neutral_monitor }
}"#,
        );
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        let outcomes = |index: usize| -> Vec<(RedLineStatus, String)> {
            evaluate(
                &loaded.corpus.requirements[0],
                &loaded.corpus.documents[index],
            )
            .into_iter()
            .map(|outcome| (outcome.status, outcome.detail))
            .collect()
        };
        assert_eq!(
            outcomes(0),
            [
                (
                    RedLineStatus::Unmet,
                    "clause 3 gives no exact `count` (it gives 140 to 200 detainees)".to_string()
                ),
                (
                    RedLineStatus::Unmet,
                    "no neutral monitor: russia is a party to the conflict or aligned with one"
                        .to_string()
                ),
            ]
        );
        assert!(
            outcomes(1)
                .iter()
                .all(|(status, _)| *status == RedLineStatus::Met)
        );
    }
}
