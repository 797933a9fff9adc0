//! `conflicting-terms`: two clauses set different values for the same thing.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::finding::{Finding, Severity};
use crate::model::{AttributeValue, Clause, Deadline, Document, Value};
use crate::rules::{Applies, Check, Context, Rule, fires, list_labels, numbered, quiet};
use crate::source::Span;
use crate::vocabulary::Key;

pub static RULE: Rule = Rule {
    id: "conflicting-terms",
    severity: Severity::Error,
    summary: "two clauses set different values for the same thing",
    explanation: "Two clauses of the same kind, for the same parties, people and area, \
        that give different values for the same term leave each side free to invoke the \
        one that suits it. Values attributed to different sources are disagreeing \
        reports, not conflicting terms, and are left to `version-discrepancy`.",
    example: r#"agreement proposal {
  date 2018-05-01
  clause 5 conscription { people fighters; grace 6 months }
  clause 9 conscription { people fighters; grace 1 year }
}"#,
    check: Check::Document(check),
    applies: Applies::Every,
    cases: &[
        // fires across clauses and within one
        fires(
            &[&["clause 5", "clause 9"], &["clause 10"]],
            r#"agreement a {
  date 2018-05-01
  clause 5 conscription { people fighters; grace 6 months }
  clause 9 conscription { people fighters; grace 1 year }
  clause 10 weapons_withdrawal { distance 15 km; distance 10 km }
}"#,
        ),
        // one class given two widths in one clause
        fires(
            &[&["clause 1"]],
            r#"agreement a {
  date 2018-05-01
  clause 1 buffer_zone { depth 20 km for heavy; depth 15 km for heavy }
}"#,
        ),
        // quiet for batches (counts add up across clauses), for steps of a
        // sequence, and for a batch's count and the count of the fighters among it
        quiet(
            r#"agreement a {
  date 2016-08-31
  clause 2 evacuation { people fighters; count at least 300 fighters; deadline within 7 days of signing }
  clause 4 evacuation { people fighters; count at least 500 fighters; deadline within 14 days of signing; after 2 }
  clause 6 evacuation { people fighters; count at least 300 fighters }
  clause 7 evacuation { people civilians; count about 1500; count 400 to 500 fighters }
}"#,
        ),
        // quiet for a width per weapon class in one zone
        quiet(
            r#"agreement a {
  date 2018-05-01
  clause 1 buffer_zone { depth 20 km for heavy; depth 15 km for medium; depth 5 km }
  clause 2 weapons_withdrawal { distance at least 30 km for heavy; distance 10 to 15 km for medium, light }
}"#,
        ),
        // quiet for other subjects sources and words
        quiet(
            r#"agreement a {
  date 2018-05-01
  source s1 "first report"
  source s2 "second report"
  clause 5 conscription { people fighters; grace 6 months; text "six months" }
  clause 9 conscription { people defectors; grace 1 year; text "a year" }
  clause 10 weapons_withdrawal { distance 15 km source s1; distance 10 km source s2 }
  clause 11 conscription { people fighters; grace 6 months; note "repeated" }
  clause 12 services { services water; after 5; after 9 }
}"#,
        ),
        // quiet for two processes of a kind that name no subject, and for
        // handovers of different weapons
        quiet(
            r#"agreement a {
  date 2018-05-01
  place syria "Syria"
  clause 1 political_process { area syria; start 2018-06 }
  clause 2 political_process { area syria; start 2018-09 }
  clause 3 weapons_handover { weapons heavy; deadline within 3 days of signing }
  clause 4 weapons_handover { weapons medium; deadline within 10 days of signing }
}"#,
        ),
        // fires for one kind that comes one to an area
        fires(
            &[&["clause 1", "clause 2"]],
            r#"agreement a {
  date 2018-05-01
  place homs "Homs"
  clause 1 ceasefire { area homs; duration 6 months }
  clause 2 ceasefire { area homs; duration 1 year }
}"#,
        ),
    ],
};

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    let numbers = numbered(document);
    // Clauses grouped by subject, in order of first appearance.
    let mut group_of: HashMap<String, usize> = HashMap::default();
    let mut groups: Vec<Vec<&Clause>> = Vec::new();
    for clause in &document.clauses {
        // A clause that names no subject is compared with no other, unless its
        // kind comes one to an area.
        let Some(subject) = subject(clause) else {
            groups.push(vec![clause]);
            continue;
        };
        let index = *group_of.entry(subject).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[index].push(clause);
    }
    for group in groups {
        // A clause alone can conflict only with itself, by giving a key twice;
        // most clauses do not, and need no terms written out.
        if let [clause] = group.as_slice()
            && !repeats_a_key(clause)
        {
            continue;
        }
        // Statements by key and by the sources they cite, in order of appearance:
        // only statements from the same sources can conflict.
        let mut bucket_of: HashMap<TermKey, usize> = HashMap::default();
        let mut buckets: Vec<Vec<Statement>> = Vec::new();
        for (position, clause) in group.iter().enumerate() {
            for statement in statements(clause) {
                // A count in each of two clauses is two batches: compared only
                // within its clause.
                let scope = if statement.key.adds_up() {
                    format!("{}#{position}", statement.scope)
                } else {
                    statement.scope.clone()
                };
                let index = *bucket_of
                    .entry((statement.key, scope, statement.sources.clone()))
                    .or_insert_with(|| {
                        buckets.push(Vec::new());
                        buckets.len() - 1
                    });
                buckets[index].push(statement);
            }
        }
        for bucket in buckets {
            let Some(first) = bucket.first() else {
                continue;
            };
            // Steps of a sequence (a batch after a batch) are not one term twice.
            let Some(differing) = bucket.iter().find(|s| {
                s.term != first.term && !sequenced(document, &numbers, first.clause, s.clause)
            }) else {
                continue;
            };
            let mut clauses: Vec<&Clause> = Vec::new();
            let mut values: Vec<String> = Vec::new();
            let mut seen_terms: HashSet<&str> = HashSet::default();
            for statement in &bucket {
                // A bucket holds each clause's statements together.
                if !clauses
                    .last()
                    .is_some_and(|c| std::ptr::eq(*c, statement.clause))
                {
                    clauses.push(statement.clause);
                }
                if seen_terms.insert(&statement.term) {
                    values.push(format!(
                        "{} in {}",
                        statement.shown,
                        statement.clause.label()
                    ));
                }
            }
            let key = first.key;
            let message = if clauses.len() == 1 {
                format!(
                    "{} sets `{key}` twice, differently: {}",
                    list_labels(&clauses),
                    values.join(" vs "),
                )
            } else {
                format!(
                    "{} set `{key}` differently for the same {}: {}",
                    list_labels(&clauses),
                    first.clause.kind_name(),
                    values.join(" vs "),
                )
            };
            out.push(Finding::new(
                context,
                rule,
                &clauses,
                message,
                differing.span,
            ));
        }
    }
}

/// Whether one clause waits on the other, directly or through others: then they
/// are steps of a sequence.
fn sequenced(document: &Document, numbers: &HashMap<&str, usize>, a: &Clause, b: &Clause) -> bool {
    let waits = |from: &Clause, to: &Clause| {
        let mut seen: HashSet<usize> = HashSet::default();
        let mut queue: Vec<&Clause> = vec![from];
        while let Some(clause) = queue.pop() {
            for number in clause.dependencies() {
                let Some(&index) = numbers.get(number.value.as_str()) else {
                    continue;
                };
                let next = &document.clauses[index];
                if std::ptr::eq(next, to) {
                    return true;
                }
                if seen.insert(index) {
                    queue.push(next);
                }
            }
        }
        false
    };
    !std::ptr::eq(a, b) && (waits(a, b) || waits(b, a))
}

/// A value as a term: dates by the interval they stand for, the rest in words.
fn term(value: &Value) -> String {
    // A bound (`no later than`) is a term in words, not the interval.
    let interval = match value.deadline() {
        Some(Deadline::NoLaterThan { .. }) => None,
        _ => value.date(),
    };
    match interval {
        Some(when) => format!("{}..{}", when.start, when.end),
        None => value.to_string(),
    }
}

/// What a clause is about, as one string: its kind and every identifying value.
/// `None` when it names nothing beyond an area and its kind does not come one to
/// an area, so it cannot be known to speak of the same thing as another clause.
fn subject(clause: &Clause) -> Option<String> {
    let named = clause
        .attributes
        .iter()
        .any(|a| a.key.identifies() && a.key != Key::Area);
    if !named && !clause.kind.value.one_per_area {
        return None;
    }
    let mut subject = clause.kind_name().to_string();
    for key in Key::ALL.iter().copied().filter(|key| key.identifies()) {
        // Written into one string: this runs for every key of every clause.
        subject.push('|');
        subject.push_str(key.name());
        subject.push('=');
        let mut values: Vec<String> = clause.all(key).map(|a| a.value.to_string()).collect();
        values.sort();
        for (index, value) in values.iter().enumerate() {
            if index > 0 {
                subject.push(';');
            }
            subject.push_str(value);
        }
    }
    Some(subject)
}

/// Whether a key the rule compares is given more than once in the clause.
fn repeats_a_key(clause: &Clause) -> bool {
    let compared = |attribute: &&AttributeValue| compared_term(attribute.key);
    clause
        .attributes
        .iter()
        .filter(compared)
        .enumerate()
        .any(|(index, attribute)| {
            clause
                .attributes
                .iter()
                .filter(compared)
                .skip(index + 1)
                .any(|other| other.key == attribute.key)
        })
}

/// Whether the rule compares a key's values: a term, not one that says what the
/// clause is about.
fn compared_term(key: Key) -> bool {
    key.is_term() && !key.identifies()
}

/// A term's key, what it is given for, and the sources that report it, sorted.
type TermKey<'a> = (Key, String, Vec<&'a str>);

/// What a value is given for, where one clause gives a term per class: a width
/// for heavy weapons and another for medium ones, or a count of people and a
/// count of the fighters among them, are two terms, not one set twice.
fn scope(value: &Value) -> String {
    match value {
        Value::Distance(distance) => {
            let mut classes: Vec<String> = distance.weapons.iter().map(|w| w.to_string()).collect();
            classes.sort();
            classes.join(", ")
        }
        // A count of the fighters among a batch is not the batch's count.
        Value::Count(count) => count.what.join(" ").to_lowercase(),
        _ => String::new(),
    }
}

/// One term a clause sets: a key, as some sources report it, to a value.
struct Statement<'a> {
    clause: &'a Clause,
    key: Key,
    /// What the value is given for (weapon classes), empty for the whole clause.
    scope: String,
    sources: Vec<&'a str>,
    /// The value compared: dates by interval, lists as sorted sets.
    term: String,
    /// The value shown.
    shown: String,
    span: Span,
}

/// The terms a clause sets. A list-valued key given on several lines (`after 1`,
/// `after 2`) adds up to one set; a single-valued key given twice is two terms.
fn statements(clause: &Clause) -> Vec<Statement<'_>> {
    let mut out: Vec<Statement> = Vec::new();
    // A list-valued term's place in `out`, and its members so far.
    let mut lists: HashMap<TermKey, (usize, Vec<String>)> = HashMap::default();
    for attribute in &clause.attributes {
        let key = attribute.key;
        if !compared_term(key) {
            continue;
        }
        let mut sources: Vec<&str> = attribute.source.iter().map(|s| s.value.as_str()).collect();
        sources.sort_unstable();
        match attribute.value.items() {
            Some(items) => {
                let (_, members) = lists.entry((key, String::new(), sources.clone())).or_insert_with(|| {
                    out.push(Statement {
                        clause,
                        key,
                        scope: String::new(),
                        sources,
                        term: String::new(),
                        shown: String::new(),
                        span: attribute.span,
                    });
                    (out.len() - 1, Vec::new())
                });
                members.extend(items);
            }
            None => out.push(Statement {
                clause,
                key,
                scope: scope(&attribute.value),
                sources,
                term: term(&attribute.value),
                shown: attribute.value.to_string(),
                span: attribute.span,
            }),
        }
    }
    for (index, mut members) in lists.into_values() {
        members.sort();
        members.dedup();
        if let Some(statement) = out.get_mut(index) {
            statement.term = members.join(", ");
            statement.shown = statement.term.clone();
        }
    }
    out
}

