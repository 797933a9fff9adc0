//! `version-discrepancy`: two sources give different values for the same term.

use crate::text::Text;
use rustc_hash::FxHashMap as HashMap;

use crate::finding::{Finding, Severity};
use crate::model::{AttributeValue, Clause, Document, and_list};
use crate::rules::{Applies, Check, Context, Rule, fires, name, quiet};
use crate::source::{Span, Spanned};
use crate::vocabulary::{Key, Role};

pub static RULE: Rule = Rule {
    id: "version-discrepancy",
    severity: Severity::Warning,
    summary: "two sources give different values for the same term",
    explanation: "Texts of local agreements are often known only from reports, and the \
        reports differ: source 004 says the Cairo agreement of August 2017 was signed by \
        Russia and the Syrian National Coalition, PA-X records the Syrian Tomorrow \
        Movement; the final northern Homs agreement of 2 May 2018 hands over heavy weapons \
        within 3 days in the committee's statement, heavy and medium weapons within 2 days \
        in the copy Elaph published. Each version is kept with its source; a reader must \
        know which terms are in doubt before relying on either, and the parties may each \
        hold to their own.",
    example: r#"agreement final_2018 {
  date 2018-05-02
  source committee "the Negotiation Committee's statement"
  source elaph "the copy published by Elaph"
  party factions "Rebel factions" side opposition
  clause 2 weapons_handover {
    by factions
    weapons heavy source committee
    weapons heavy, medium source elaph
  }
}"#,
    check: Check::Document(check),
    applies: Applies::Every,
    cases: &[
        // two sources give two values in one clause, and two versions of one item
        fires(
            &[&["clause 2"], &["clause 2"], &["clause 7", "clause 7"], &["clause 8"]],
            r#"agreement final_2018 {
  date 2018-05-02
  source committee "the Negotiation Committee's statement"
  source elaph "the copy published by Elaph"
  source amc "AMC"
  party factions "Rebel factions" side opposition
  party regime "Syrian government" side government units army, institutions
  clause 2 weapons_handover {
    by factions
    weapons heavy source committee
    weapons heavy, medium source elaph
    deadline within 3 days of signing source committee
    deadline within 2 days of signing source elaph
  }
  clause 7 non_entry {
    barred regime.army
    duration 6 months to 2 years
    source committee
  }
  clause 7 institutions_return {
    institutions regime.institutions
    source elaph
  }
  clause 8 conscription { ages 18 to 42; ages 18 to 48 source amc }
}"#,
        ),
        // one source gives a deadline, another a start and a period
        fires(
            &[&["clause 3"]],
            r#"agreement final_2018 {
  date 2018-05-02
  source committee "the Negotiation Committee's statement"
  source elaph "the copy published by Elaph"
  party factions "Rebel factions" side opposition
  clause 3 evacuation {
    people "those who refuse the settlement"
    start 2018-05-05 source committee
    duration 1 week source committee
    deadline within 3 days of signing source elaph
  }
}"#,
        ),
        // quiet where one source adds a start to another's deadline and start
        quiet(
            r#"agreement final_2018 {
  date 2018-05-02
  source committee "the Negotiation Committee's statement"
  source elaph "the copy published by Elaph"
  clause 3 evacuation {
    start 2018-05-05 source committee
    start 2018-05-05 source elaph
    deadline within 8 days of signing source elaph
  }
}"#,
        ),
        // the sources disagree on who signed
        fires(
            &[&[]],
            r#"agreement cairo_2017 {
  date 2017-08-03
  source s004 "Syria Direct"
  source pax "PA-X"
  party russia "Russian delegation" side third role signatory source s004
  party snc "Syrian National Coalition" side opposition role signatory source s004
  party syrian_tomorrow "Syrian Tomorrow Movement" side opposition role signatory source pax
  party egypt "Egypt" side third role sponsor source pax
}"#,
        ),
        // quiet where a source only adds to another, or gives the same value
        quiet(
            r#"agreement final_2018 {
  date 2018-05-02
  source committee "the Negotiation Committee's statement"
  source elaph "the copy published by Elaph"
  party factions "Rebel factions" side opposition role signatory source committee
  party russia "Russian side" side third role signatory
  clause 2 weapons_handover {
    by factions
    weapons heavy source committee
    weapons heavy source elaph
    deadline within 3 days of signing source committee
    text "The factions hand over their heavy weapons within 3 days." source committee
    text "heavy and medium weapons and ammunition" source elaph
  }
  clause 11 road_opening { road "the M5"; deadline within 3 days of signing source elaph }
}"#,
        ),
    ],
};

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    signatories(context, rule, document, out);
    for item in items(document) {
        kinds(context, rule, &item, out);
        terms(context, rule, &item, out);
        timing(context, rule, &item, out);
    }
}

/// One item of the text: a clause, with the other versions of it (clauses of its
/// number from disjoint sources).
fn items(document: &Document) -> Vec<Vec<&Clause>> {
    let mut items: Vec<Vec<&Clause>> = Vec::new();
    let mut by_number: HashMap<&str, usize> = HashMap::default();
    for clause in &document.clauses {
        match &clause.number {
            Some(number) => match by_number.get(number.value.as_str()) {
                Some(&index) if items[index].iter().all(|other| !other.same_report(clause)) => {
                    items[index].push(clause)
                }
                _ => {
                    by_number.insert(&number.value, items.len());
                    items.push(vec![clause]);
                }
            },
            None => items.push(vec![clause]),
        }
    }
    items
}

/// The sources a statement cites, as a label: `committee`, `s001, s004`, or the
/// document itself when it names none.
fn label(sources: &[Spanned<Text>]) -> String {
    if sources.is_empty() {
        return "no source named".to_string();
    }
    let mut names: Vec<&str> = sources.iter().map(|s| s.value.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    names.join(", ")
}

/// Versions of one item that are clauses of different kinds.
fn kinds(context: &Context, rule: &Rule, item: &[&Clause], out: &mut Vec<Finding>) {
    let [first, rest @ ..] = item else {
        return;
    };
    let Some(other) = rest.iter().find(|clause| clause.kind() != first.kind()) else {
        return;
    };
    let versions: Vec<String> = item
        .iter()
        .map(|clause| format!("{} ({})", clause.kind_name(), label(&clause.source)))
        .collect();
    let message = format!(
        "{}: the sources disagree on what it provides: {}",
        first.label(),
        versions.join(" vs ")
    );
    out.push(Finding::new(context, rule, item, message, other.span));
}

/// One value of a term as one set of sources gives it.
struct Reading<'a> {
    sources: String,
    /// What these sources state under the key, in order. Their value is worked
    /// out only where other sources state the key too: most terms have one
    /// reading, and nothing to compare.
    attributes: Vec<&'a AttributeValue>,
    clause: &'a Clause,
}

impl Reading<'_> {
    /// The value in words; a list given on several lines by the same sources
    /// adds up.
    fn value(&self) -> String {
        let Some((first, rest)) = self.attributes.split_first() else {
            return String::new();
        };
        let mut value = first.value.to_string();
        for attribute in rest {
            let mut items: Vec<String> = value.split(", ").map(String::from).collect();
            items.extend(attribute.value.items().unwrap_or_default());
            items.sort();
            items.dedup();
            value = items.join(", ");
        }
        value
    }
}

/// Terms two sets of sources give differently, key by key.
fn terms(context: &Context, rule: &Rule, item: &[&Clause], out: &mut Vec<Finding>) {
    let mut keys: Vec<Key> = Vec::new();
    let mut readings: HashMap<Key, Vec<Reading>> = HashMap::default();
    for clause in item {
        for attribute in &clause.attributes {
            let key = attribute.key;
            if !key.is_term() {
                continue;
            }
            let sources = label(&attribute.source);
            let of_key = readings.entry(key).or_default();
            if of_key.is_empty() {
                keys.push(key);
            }
            match of_key.iter_mut().find(|reading| reading.sources == sources) {
                Some(reading) => reading.attributes.push(attribute),
                None => of_key.push(Reading {
                    sources,
                    attributes: vec![attribute],
                    clause,
                }),
            }
        }
    }
    for key in keys {
        let Some(of_key) = readings.get(&key) else {
            continue;
        };
        let [first, _, ..] = of_key.as_slice() else {
            continue;
        };
        let values: Vec<String> = of_key.iter().map(Reading::value).collect();
        let Some(differing) = (1..values.len()).find(|&index| values[index] != values[0]) else {
            continue;
        };
        let differing = &of_key[differing];
        let versions: Vec<String> = of_key
            .iter()
            .zip(&values)
            .map(|(reading, value)| format!("{value} ({})", reading.sources))
            .collect();
        let mut clauses: Vec<&Clause> = Vec::new();
        for reading in of_key {
            if !clauses.iter().any(|clause| std::ptr::eq(*clause, reading.clause)) {
                clauses.push(reading.clause);
            }
        }
        let message = format!(
            "{}: the sources disagree on `{key}`: {}",
            name(first.clause),
            versions.join(" vs ")
        );
        out.push(Finding::new(
            context,
            rule,
            &clauses,
            message,
            differing.attributes[0].span,
        ));
    }
}

/// The keys that say when something happens: a deadline, or a start, a length
/// and an end.
const WHEN_KEYS: [Key; 4] = [Key::Deadline, Key::Start, Key::Duration, Key::Until];

/// Sources that time one item differently through different keys: one gives a
/// deadline, another a start or a period and no deadline ("within 3 days" against
/// "from Saturday 5 May for a week"). Terms given under one key are `terms`'.
fn timing(context: &Context, rule: &Rule, item: &[&Clause], out: &mut Vec<Finding>) {
    // Per set of sources, in order of appearance: what it gives under each key.
    let mut readings: Vec<(String, Vec<&AttributeValue>)> = Vec::new();
    for clause in item {
        for attribute in &clause.attributes {
            if !WHEN_KEYS.contains(&attribute.key) {
                continue;
            }
            let sources: &[Spanned<Text>] = if attribute.source.is_empty() {
                &clause.source
            } else {
                &attribute.source
            };
            if sources.is_empty() {
                continue;
            }
            let sources = label(sources);
            match readings.iter_mut().find(|(label, _)| *label == sources) {
                Some((_, attributes)) => attributes.push(attribute),
                None => readings.push((sources, vec![attribute])),
            }
        }
    }
    let has = |attributes: &[&AttributeValue], key: Key| {
        attributes.iter().any(|attribute| attribute.key == key)
    };
    // Two readings that share a key are compared key by key; one that gives what
    // the other leaves out adds to it. Only disjoint ways of timing the item differ.
    let disjoint = |a: &[&AttributeValue], b: &[&AttributeValue]| {
        a.iter().all(|attribute| !has(b, attribute.key))
    };
    let pair = readings.iter().find_map(|deadline| {
        let period = readings.iter().find(|other| {
            has(&deadline.1, Key::Deadline)
                && !has(&other.1, Key::Deadline)
                && disjoint(&deadline.1, &other.1)
        })?;
        Some((deadline, period))
    });
    let Some((deadline, period)) = pair else {
        return;
    };
    let words = |(sources, attributes): &(String, Vec<&AttributeValue>)| {
        let terms: Vec<String> = attributes
            .iter()
            .map(|attribute| format!("{} {}", attribute.key, attribute.value))
            .collect();
        format!("{} ({sources})", terms.join(", "))
    };
    let Some(first) = item.first() else {
        return;
    };
    let message = format!(
        "{}: the sources disagree on when: {} vs {}",
        name(first),
        words(period),
        words(deadline)
    );
    let span = deadline.1.first().map_or(first.span, |attribute| attribute.span);
    out.push(Finding::new(context, rule, item, message, span));
}

/// Sources that give different signatories: each source's list (parties it names
/// with the role, and those no source is given for) where two lists differ.
fn signatories(context: &Context, rule: &Rule, document: &Document, out: &mut Vec<Finding>) {
    let signing: Vec<_> = document
        .parties
        .iter()
        .filter(|party| party.has_role(Role::Signatory))
        .collect();
    let mut lists: Vec<(String, Vec<String>, Span)> = Vec::new();
    for party in signing.iter().filter(|party| !party.source.is_empty()) {
        let sources = label(&party.source);
        match lists.iter_mut().find(|(label, _, _)| *label == sources) {
            Some((_, names, _)) => names.push(party.id.value.to_string()),
            None => lists.push((sources, vec![party.id.value.to_string()], party.span)),
        }
    }
    if lists.len() < 2 {
        return;
    }
    let unsourced: Vec<String> = signing
        .iter()
        .filter(|party| party.source.is_empty())
        .map(|party| party.id.value.to_string())
        .collect();
    for (_, names, _) in &mut lists {
        names.extend(unsourced.iter().cloned());
        names.sort();
    }
    if lists.iter().all(|(_, names, _)| *names == lists[0].1) {
        return;
    }
    let said: Vec<String> = lists
        .iter()
        .map(|(sources, names, _)| format!("{sources} gives {}", and_list(names)))
        .collect();
    let message = format!("the sources disagree on who signed: {}", said.join("; "));
    out.push(Finding::new(context, rule, &[], message, lists[1].2));
}
