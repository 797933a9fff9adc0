//! `aid-conditioned-on-concession`: evacuation, aid or services depend on a military concession.

use std::collections::{HashSet, VecDeque};

use crate::finding::{Finding, Severity};
use crate::model::{Clause, Value, and_list};
use crate::rules::{Applies, Check, Context, Rule, fires, name, numbered, quiet};
use crate::source::Span;
use crate::vocabulary::{Key, kinds};

pub static RULE: Rule = Rule {
    id: "aid-conditioned-on-concession",
    severity: Severity::Error,
    summary: "evacuation, aid or services depend on a military concession",
    explanation: "Making civilians' evacuation, food, water or electricity wait on \
        surrender, a weapons handover or joint checkpoints turns humanitarian access into \
        leverage, which humanitarian law forbids. Gen. Loka offered 100 fighters' \
        surrender per 200 civilians evacuated; Gen. Salem offered water and electricity \
        only after joint checkpoints.",
    example: r#"agreement compromise {
  date 2014-01-20
  clause 1 deployment { checkpoints joint }
  clause 2 services { services water, electricity; after 1 }
}"#,
    check: Check::Document(check),
    applies: Applies::Relief,
    cases: &[
        // fires directly transitively and by ratio
        fires(
            &[&["clause 2", "clause 1"], &["clause 5", "clause 4"], &["clause 6"]],
            r#"agreement a {
  date 2014-01-20
  clause 1 deployment { checkpoints joint }
  clause 2 services { services water, electricity; after 1 }
  clause 3 political_process { forum "committee"; if 4 }
  clause 4 weapons_handover { weapons heavy }
  clause 5 humanitarian_access { aid food; if 3 }
  clause 6 evacuation { people civilians; ratio 100 fighters surrender per 200 civilians evacuated }
}"#,
        ),
        // one finding for services after services after joint checkpoints: the
        // same condition reached twice (Salem's compromise)
        fires(
            &[&["clause 3", "clause 4", "clause 2"]],
            r#"agreement a {
  date 2014-01-20
  clause 2 deployment { checkpoints joint }
  clause 3 services { services water, electricity; after 2 }
  clause 4 services { services "maintenance workshops"; after 3 }
}"#,
        ),
        // quiet for the exit of fighters who refuse a settlement after the
        // weapons are collected, and for aid after a road opened to pedestrians;
        // fires for their families' exit, and after a road opened to the army
        quiet(
            r#"agreement a {
  date 2015-12-04
  party regime "Syrian government" side government units army
  clause 1 road_opening { road "the al-Muhandiseen roundabout"; open_to pedestrians }
  clause 2 weapons_handover { weapons medium, light }
  clause 3 evacuation { people fighters; after 2 }
  clause 4 humanitarian_access { aid food; after 1 }
}"#,
        ),
        fires(
            &[&["clause 3", "clause 2"], &["clause 4", "clause 1"]],
            r#"agreement a {
  date 2015-12-04
  party regime "Syrian government" side government units army
  clause 1 road_opening { road "the public road"; open_to regime.army }
  clause 2 weapons_handover { weapons medium, light }
  clause 3 evacuation { people fighters, families; after 2 }
  clause 4 humanitarian_access { aid food; after 1 }
}"#,
        ),
        // quiet when aid waits on no concession
        quiet(
            r#"agreement a {
  date 2017-10-04
  clause 1 ceasefire { deadline immediate }
  clause 2 humanitarian_access { corridors 5; after 1 }
  clause 3 weapons_handover { weapons heavy; after 2 }
}"#,
        ),
    ],
};

fn check(
    context: &Context,
    rule: &Rule,
    out: &mut Vec<Finding>,
) {
    let document = context.document;
    let numbers = numbered(document);
    let mut found: Vec<Conditioned> = Vec::new();
    for (index, aid) in document.clauses.iter().enumerate() {
        if !aid.brings_relief() {
            continue;
        }
        let mut reasons = Vec::new();
        let mut span = None;
        if aid.is(&kinds::EVACUATION) {
            for attribute in aid.all(Key::Ratio) {
                if let Value::Ratio(ratio) = &attribute.value {
                    let tied = ratio
                        .numerator
                        .what
                        .iter()
                        .chain(&ratio.denominator.what)
                        .any(|word| is_concession_word(word));
                    if tied {
                        reasons.push(format!("the ratio `{}`", attribute.value));
                        span.get_or_insert(attribute.span);
                    }
                }
            }
        }
        // Breadth-first through everything the aid waits on, directly or not.
        let mut seen: HashSet<usize> = HashSet::from([index]);
        let mut concessions: Vec<usize> = Vec::new();
        for first in aid.dependencies() {
            let Some(&start) = numbers.get(first.value.as_str()) else {
                continue;
            };
            if !seen.insert(start) {
                continue;
            }
            let mut queue = VecDeque::from([start]);
            while let Some(next) = queue.pop_front() {
                let clause = &document.clauses[next];
                if clause.is_concession() && clause.same_report(aid) {
                    concessions.push(next);
                    span.get_or_insert(first.span);
                }
                for dependency in clause.dependencies() {
                    if let Some(&further) = numbers.get(dependency.value.as_str())
                        && seen.insert(further)
                    {
                        queue.push_back(further);
                    }
                }
            }
        }
        let Some(span) = span else {
            continue;
        };
        concessions.sort_unstable();
        // Aid that reaches the same concessions (services after services after a
        // deployment) is one condition reached twice: one finding for all of it.
        let same = found.iter_mut().find(|earlier: &&mut Conditioned| {
            reasons.is_empty() && earlier.ratios.is_empty() && earlier.concessions == concessions
        });
        match same {
            Some(earlier) => earlier.aid.push(aid),
            None => found.push(Conditioned {
                aid: vec![aid],
                ratios: reasons,
                concessions,
                span,
            }),
        }
    }
    for conditioned in found {
        let mut clauses = conditioned.aid.clone();
        let mut reasons = conditioned.ratios;
        for &concession in &conditioned.concessions {
            let clause = &document.clauses[concession];
            clauses.push(clause);
            reasons.push(name(clause));
        }
        let aid: Vec<String> = conditioned.aid.iter().map(|clause| name(clause)).collect();
        let verb = if aid.len() == 1 { "depends" } else { "depend" };
        let message = format!(
            "{} {verb} on a military concession: {}",
            and_list(&aid),
            and_list(&reasons),
        );
        out.push(Finding::new(context, rule, &clauses, message, conditioned.span));
    }
}

/// Aid that waits on military concessions: the aid, the ratios that tie it, the
/// concessions it reaches, and where the finding points.
struct Conditioned<'a> {
    aid: Vec<&'a Clause>,
    ratios: Vec<String>,
    concessions: Vec<usize>,
    span: Span,
}

/// Words in a ratio that tie it to a military concession.
fn is_concession_word(word: &str) -> bool {
    let word = word.to_lowercase();
    ["surrender", "weapon", "disarm", "handover", "arms"]
        .iter()
        .any(|stem| word.starts_with(stem))
}

