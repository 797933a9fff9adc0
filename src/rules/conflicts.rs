//! Conflicts: terms of an agreement (or of an agreement and the one it ends) that
//! cannot all hold. Every check reads only operative clauses.

use std::collections::{HashMap, HashSet};

use jiff::SignedDuration;
use jiff::civil::DateTime;
use jiff::tz::{Offset, TimeZone};

use super::{Context, Finding, Rule, list_labels, name, numbered, show_places};
use crate::model::{
    Anchor, Clause, Deadline, Document, Period, PlaceRef, Point, Precision, Value, When, and_list,
};
use crate::source::{Span, Spanned};
use crate::vocabulary::{Entry, Key, Relation, Wait, kinds};

// access-conflict

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Overlap {
    Known,
    Possible,
    Disjoint,
}

/// Whether two sets of places meet. Two declared places meet when one contains
/// the other and are disjoint otherwise; a description meets only the same words
/// for certain, and anything else possibly; a missing area possibly meets anything.
fn overlap(document: &Document, a: &[&PlaceRef], b: &[&PlaceRef]) -> Overlap {
    if a.is_empty() || b.is_empty() {
        return Overlap::Possible;
    }
    let mut result = Overlap::Disjoint;
    for x in a {
        for y in b {
            match (x, y) {
                (PlaceRef::Declared(x), PlaceRef::Declared(y)) => {
                    if document.is_within_place(x, y) || document.is_within_place(y, x) {
                        return Overlap::Known;
                    }
                }
                (PlaceRef::Described(x), PlaceRef::Described(y)) if x == y => {
                    return Overlap::Known;
                }
                _ => result = Overlap::Possible,
            }
        }
    }
    result
}

/// Entry, passage or deployment a clause grants: to whom, and where.
struct Grant<'a> {
    entry: Entry,
    grantees: Vec<(String, Span)>,
    areas: Vec<&'a PlaceRef>,
}

fn grant(clause: &Clause) -> Option<Grant<'_>> {
    let access = clause.kind().access?;
    let grantees = access
        .grantees
        .iter()
        .flat_map(|key| clause.actor_parties(*key))
        .collect();
    let areas = access
        .areas
        .iter()
        .flat_map(|key| clause.places(*key))
        .map(|place| &place.value)
        .collect();
    Some(Grant {
        entry: access.entry,
        grantees,
        areas,
    })
}

/// Whether `a` is `b`, or one lies under the other in the unit hierarchy.
fn related(document: &Document, a: &str, b: &str) -> bool {
    let nested = |unit: &str, ancestor: &str| {
        document.is_within_unit(unit, ancestor)
            || unit
                .strip_prefix(ancestor)
                .is_some_and(|rest| rest.starts_with('.'))
    };
    nested(a, b) || nested(b, a)
}

fn describe_areas(areas: &[&PlaceRef]) -> String {
    if areas.is_empty() {
        "an unstated area".to_string()
    } else {
        show_places(areas.iter().copied())
    }
}

fn dedup(mut words: Vec<String>) -> Vec<String> {
    let mut seen = HashSet::new();
    words.retain(|word| seen.insert(word.clone()));
    words
}

pub(super) fn access_conflict(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
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
            if std::ptr::eq(*clause, bar) || !period.overlaps(*granted) {
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
                        parties.push(grantee.clone());
                        span.get_or_insert(*grantee_span);
                    }
                }
            }
            let Some(span) = span else {
                continue;
            };
            let parties = and_list(&dedup(parties));
            let bar_names: Vec<String> = barred.iter().map(|b| b.value.clone()).collect();
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
            };
            let statement = format!(
                "{} bars {} from {}{lasting}, but {} {granted}",
                name(bar),
                and_list(&bar_names),
                describe_areas(&area),
                name(clause),
            );
            let message = match where_ {
                Overlap::Known => statement,
                _ => format!(
                    "possible conflict: {statement} (the areas are not known to be disjoint)"
                ),
            };
            out.push(Finding::new(context, rule, &[bar, clause], message, span));
        }
    }
}

// aid-conditioned-on-concession

/// Words in a ratio that tie it to a military concession.
fn is_concession_word(word: &str) -> bool {
    let word = word.to_lowercase();
    ["surrender", "weapon", "disarm", "handover", "arms"]
        .iter()
        .any(|stem| word.starts_with(stem))
}

pub(super) fn aid_conditioned_on_concession(
    context: &Context,
    rule: &Rule,
    out: &mut Vec<Finding>,
) {
    let document = context.document;
    let numbers = numbered(document);
    for (index, aid) in document.clauses.iter().enumerate() {
        if !aid.kind().relief {
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
            let mut queue = std::collections::VecDeque::from([start]);
            while let Some(next) = queue.pop_front() {
                let clause = &document.clauses[next];
                if clause.is_concession() {
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
        let mut clauses = vec![aid];
        for &concession in &concessions {
            let clause = &document.clauses[concession];
            clauses.push(clause);
            reasons.push(name(clause));
        }
        let message = format!(
            "{} depends on a military concession: {}",
            name(aid),
            and_list(&reasons),
        );
        out.push(Finding::new(context, rule, &clauses, message, span));
    }
}

// early-termination

/// When a document's agreed term ends at the earliest: the latest of its term
/// clauses' `until`, `extended_until`, or `start` (else signing) plus `duration`;
/// with the words that say so and the clause that says it.
fn agreed_end(document: &Document) -> Option<(DateTime, String, &Clause)> {
    let mut latest: Option<(DateTime, String, &Clause)> = None;
    for clause in document.clauses.iter().filter(|c| c.is(&kinds::TERM)) {
        let mut candidates = Vec::new();
        for key in [Key::Until, Key::ExtendedUntil] {
            if let Some(when) = clause.when(key) {
                candidates.push((
                    when.start,
                    format!("{} (`{key}` in {})", when.text, name(clause)),
                ));
            }
        }
        let start = clause
            .when(Key::Start)
            .or(document.date.as_ref().map(|date| &date.value));
        if let (Some(start), Some(duration)) = (start, clause.duration(false))
            && let Some(end) = duration.after(start.start)
        {
            candidates.push((
                end,
                format!(
                    "{} ({duration} from {} in {})",
                    end.date(),
                    start.text,
                    name(clause)
                ),
            ));
        }
        for (end, words) in candidates {
            if latest.as_ref().is_none_or(|(best, _, _)| end > *best) {
                latest = Some((end, words, clause));
            }
        }
    }
    latest
}

pub(super) fn early_termination(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    let mut targets: Vec<&Document> = Vec::new();
    for target in document.linked(Relation::Terminates) {
        if let Some(&target) = context.documents.get(target.value.as_str())
            && !targets.iter().any(|t| std::ptr::eq(*t, target))
        {
            targets.push(target);
        }
    }
    if !targets.iter().any(|t| t.id.value == document.id.value) {
        targets.push(document);
    }
    for termination in document
        .clauses
        .iter()
        .filter(|c| c.is(&kinds::TERMINATION))
    {
        let Some(effective) = termination.get(Key::Effective) else {
            continue;
        };
        let Value::When(when) = &effective.value else {
            continue;
        };
        for target in &targets {
            let Some((end, words, term)) = agreed_end(target) else {
                continue;
            };
            if when.end > end {
                continue;
            }
            let (ended, whose) = if target.id.value == document.id.value {
                ("this agreement".to_string(), String::new())
            } else {
                (target.id.value.clone(), format!(" of {}", target.id.value))
            };
            let message = format!(
                "{} ends {ended} on {}, before its agreed term ends on {}{whose})",
                name(termination),
                when.text,
                words.trim_end_matches(')'),
            );
            out.push(Finding::new(
                context,
                rule,
                &[termination, term],
                message,
                effective.span,
            ));
        }
    }
}

// deadline-before-signing

pub(super) fn deadline_before_signing(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    let Some(date) = &document.date else {
        return;
    };
    for clause in &document.clauses {
        let Some(deadline) = clause.when(Key::Deadline) else {
            continue;
        };
        if deadline.is_before(&date.value) {
            let message = format!(
                "{} is due {}, before the document's date {}",
                name(clause),
                deadline.text,
                date.value.text,
            );
            let span = clause.span_of(Key::Deadline);
            out.push(Finding::new(context, rule, &[clause], message, span));
        }
    }
}

// deadline-order

pub(super) fn deadline_order(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    let numbers = numbered(document);
    for later in &document.clauses {
        let Some(due) = later.when(Key::Deadline) else {
            continue;
        };
        for reference in later.names(Key::After) {
            let Some(&index) = numbers.get(reference.value.as_str()) else {
                continue;
            };
            let earlier = &document.clauses[index];
            if std::ptr::eq(earlier, later) {
                continue;
            }
            // What comes after a clause comes after its deadline, or after its end
            // (`until`, `duration`) when it has no deadline.
            let Some(first_due) = earlier.when(Key::Deadline).or(earlier.resolved(Point::End))
            else {
                continue;
            };
            if due.start <= first_due.start {
                let what = if earlier.has(Key::Deadline) {
                    "deadline"
                } else {
                    "end"
                };
                let message = format!(
                    "{} comes after {} but is due {}, no later than {}'s {what} {}",
                    name(later),
                    earlier.label(),
                    due.text,
                    earlier.label(),
                    first_due.text,
                );
                out.push(Finding::new(
                    context,
                    rule,
                    &[later, earlier],
                    message,
                    reference.span,
                ));
            }
        }
    }
}

// condition-cycle

/// One dependency between clauses: `from` waits on `to` through `key`.
struct Edge<'a> {
    to: usize,
    key: Key,
    reference: &'a Spanned<String>,
}

/// Strongly connected components (Tarjan, iterative): linear in clauses and edges.
fn components(edges: &[Vec<Edge>]) -> Vec<Vec<usize>> {
    const UNSEEN: usize = usize::MAX;
    let count = edges.len();
    let mut order = vec![UNSEEN; count];
    let mut low = vec![0; count];
    let mut on_stack = vec![false; count];
    let mut stack = Vec::new();
    let mut next = 0;
    let mut out = Vec::new();
    for root in 0..count {
        if order[root] != UNSEEN {
            continue;
        }
        order[root] = next;
        low[root] = next;
        next += 1;
        stack.push(root);
        on_stack[root] = true;
        let mut calls: Vec<(usize, usize)> = vec![(root, 0)];
        while let Some(frame) = calls.last_mut() {
            let node = frame.0;
            if let Some(edge) = edges[node].get(frame.1) {
                frame.1 += 1;
                let target = edge.to;
                if order[target] == UNSEEN {
                    order[target] = next;
                    low[target] = next;
                    next += 1;
                    stack.push(target);
                    on_stack[target] = true;
                    calls.push((target, 0));
                } else if on_stack[target] {
                    low[node] = low[node].min(order[target]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(parent, _)) = calls.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == order[node] {
                let mut component = Vec::new();
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    component.push(member);
                    if member == node {
                        break;
                    }
                }
                out.push(component);
            }
        }
    }
    out
}

pub(super) fn condition_cycle(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    let numbers = numbered(document);
    let edges: Vec<Vec<Edge>> = document
        .clauses
        .iter()
        .map(|clause| {
            clause
                .waits_on()
                .into_iter()
                .filter_map(|(key, reference)| {
                    let to = *numbers.get(reference.value.as_str())?;
                    Some(Edge { to, key, reference })
                })
                .collect()
        })
        .collect();
    let mut cycles = components(&edges);
    for cycle in &mut cycles {
        cycle.sort_unstable();
    }
    cycles.sort();
    for cycle in cycles {
        let members: HashSet<usize> = cycle.iter().copied().collect();
        let inner: Vec<(usize, &Edge)> = cycle
            .iter()
            .flat_map(|&from| {
                edges[from]
                    .iter()
                    .filter(|edge| members.contains(&edge.to))
                    .map(move |edge| (from, edge))
            })
            .collect();
        // A mutual exchange is simultaneous; only waiting (`after`, `if`) or a
        // clause waiting on itself makes a cycle no one can start.
        let blocked = inner
            .iter()
            .any(|(from, edge)| edge.key.wait() == Some(Wait::Sequenced) || edge.to == *from);
        let Some((_, first)) = inner.first() else {
            continue;
        };
        if !blocked {
            continue;
        }
        let clauses: Vec<&Clause> = cycle.iter().map(|&i| &document.clauses[i]).collect();
        let links: Vec<String> = inner
            .iter()
            .map(|(from, edge)| {
                format!(
                    "{} {} {}",
                    document.clauses[*from].label(),
                    edge.key,
                    edge.reference.value
                )
            })
            .collect();
        let message = if clauses.len() == 1 {
            format!(
                "{} waits on itself: {}",
                list_labels(&clauses),
                links.join(", ")
            )
        } else {
            format!(
                "{} wait on each other: {}",
                list_labels(&clauses),
                links.join(", ")
            )
        };
        out.push(Finding::new(
            context,
            rule,
            &clauses,
            message,
            first.reference.span,
        ));
    }
}

// conflicting-terms

/// A value as a term: dates by the interval they stand for, the rest in words.
fn term(value: &Value) -> String {
    match value {
        Value::When(when) | Value::Deadline(Deadline::At { when }) => {
            format!("{}..{}", when.start, when.end)
        }
        _ => value.to_string(),
    }
}

fn subject(clause: &Clause) -> String {
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
    subject
}

pub(super) fn conflicting_terms(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    // Clauses grouped by subject, in order of first appearance.
    let mut group_of: HashMap<String, usize> = HashMap::new();
    let mut groups: Vec<Vec<&Clause>> = Vec::new();
    for clause in &document.clauses {
        let index = *group_of.entry(subject(clause)).or_insert_with(|| {
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
        let mut bucket_of: HashMap<TermKey, usize> = HashMap::new();
        let mut buckets: Vec<Vec<Statement>> = Vec::new();
        for clause in &group {
            for statement in statements(clause) {
                let index = *bucket_of
                    .entry((statement.key, statement.sources.clone()))
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
            let Some(differing) = bucket.iter().find(|s| s.term != first.term) else {
                continue;
            };
            let mut clauses: Vec<&Clause> = Vec::new();
            let mut values: Vec<String> = Vec::new();
            let mut seen_terms: HashSet<&str> = HashSet::new();
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

/// Whether the rule compares a key's values: a term, not one that says what the
/// clause is about.
fn compared_term(key: Key) -> bool {
    key.is_term() && !key.identifies()
}

/// Whether a key the rule compares is given more than once in the clause.
fn repeats_a_key(clause: &Clause) -> bool {
    let compared = |attribute: &&crate::model::AttributeValue| compared_term(attribute.key.value);
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
                .any(|other| other.key.value == attribute.key.value)
        })
}

/// A term's key with the sources that report it, sorted.
type TermKey<'a> = (Key, Vec<&'a str>);

/// One term a clause sets: a key, as some sources report it, to a value.
struct Statement<'a> {
    clause: &'a Clause,
    key: Key,
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
    let mut lists: HashMap<TermKey, (usize, Vec<String>)> = HashMap::new();
    for attribute in &clause.attributes {
        let key = attribute.key.value;
        if !compared_term(key) {
            continue;
        }
        let mut sources: Vec<&str> = attribute.source.iter().map(|s| s.value.as_str()).collect();
        sources.sort_unstable();
        match attribute.value.items() {
            Some(items) => {
                let (_, members) = lists.entry((key, sources.clone())).or_insert_with(|| {
                    out.push(Statement {
                        clause,
                        key,
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

// short-ultimatum

/// The shortest notice an ultimatum is given in a zone-free comparison.
const ULTIMATUM_MINIMUM: SignedDuration = SignedDuration::from_hours(72);

/// A zone as written: an IANA name, `Z`, or an offset such as `+03:00`.
fn time_zone(name: &str) -> Option<TimeZone> {
    if let Ok(zone) = TimeZone::get(name) {
        return Some(zone);
    }
    if name.eq_ignore_ascii_case("z") || name.eq_ignore_ascii_case("utc") {
        return Some(TimeZone::UTC);
    }
    let (sign, rest) = match name.as_bytes().first() {
        Some(b'+') => (1, &name[1..]),
        Some(b'-') => (-1, &name[1..]),
        _ => return None,
    };
    let (hours, minutes) = rest.split_once(':').unwrap_or((rest, "0"));
    let seconds = hours.parse::<i32>().ok()? * 3600 + minutes.parse::<i32>().ok()? * 60;
    Offset::from_seconds(sign * seconds)
        .ok()
        .map(TimeZone::fixed)
}

/// The most time an ultimatum can leave: from the earliest moment it may have been
/// issued to the latest moment its deadline may mean (the end of a day or month
/// given without a time). `None` when zones differ and one is unknown.
fn longest_notice(issued: &When, deadline: &When) -> Option<SignedDuration> {
    let earliest = issued.start;
    let latest = if deadline.precision == Precision::Minute {
        deadline.start
    } else {
        deadline.end
    };
    match (&issued.zone, &deadline.zone) {
        (Some(from), Some(to)) if from != to => {
            let from = time_zone(from)?.to_timestamp(earliest).ok()?;
            let to = time_zone(to)?.to_timestamp(latest).ok()?;
            Some(to.duration_since(from))
        }
        _ => Some(latest.duration_since(earliest)),
    }
}

fn show_notice(notice: SignedDuration) -> String {
    let hours = notice.as_hours();
    let minutes = notice.as_mins() - hours * 60;
    match (hours, minutes) {
        (1, 0) => "1 hour".to_string(),
        (hours, 0) => format!("{hours} hours"),
        (hours, minutes) => format!("{hours} hours {minutes} minutes"),
    }
}

pub(super) fn short_ultimatum(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    for clause in document.clauses.iter().filter(|c| c.is(&kinds::ULTIMATUM)) {
        let Some(deadline) = clause.get(Key::Deadline) else {
            continue;
        };
        let issued = match clause.get(Key::Issued).map(|a| &a.value) {
            Some(Value::When(when)) => Some(when),
            _ => document.date.as_ref().map(|date| &date.value),
        };
        let message = if matches!(deadline.value, Value::Deadline(Deadline::Immediate)) {
            format!("{} demands compliance immediately", name(clause))
        } else {
            let (Some(issued), Some(due)) = (issued, clause.when(Key::Deadline)) else {
                continue;
            };
            // Counted from signing, and issued on signing: the offset is the notice,
            // however vague the date of signing.
            let exact = match &deadline.value {
                Value::Deadline(Deadline::Relative {
                    offset,
                    anchor: Anchor::Signing,
                }) if !clause.has(Key::Issued) => offset
                    .after(issued.start)
                    .map(|end| end.duration_since(issued.start)),
                _ => None,
            };
            let Some(notice) = exact.or_else(|| longest_notice(issued, due)) else {
                continue;
            };
            if notice >= ULTIMATUM_MINIMUM {
                continue;
            }
            if notice.is_negative() {
                format!(
                    "{} is due {}, before it was issued ({})",
                    name(clause),
                    due.text,
                    issued.text,
                )
            } else {
                format!(
                    "{} leaves at most {}: issued {}, deadline {}",
                    name(clause),
                    show_notice(notice),
                    issued.text,
                    due.text,
                )
            }
        };
        out.push(Finding::new(
            context,
            rule,
            &[clause],
            message,
            deadline.span,
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::{fired, labels};

    #[test]
    fn access_conflict_fires_on_known_and_possible_overlap() {
        let text = r#"agreement a {
  date 2018-05-01
  place north_homs "Northern Homs countryside" kind region
  place rastan "Al-Rastan" kind town within north_homs
  party regime "Syrian government" side government units army, security
  clause 8 non_entry { barred regime.army, regime.security; area "the city"; duration 6 months }
  clause 9 non_entry { barred regime; area north_homs; until 2018-12-31 }
  clause 10 road_opening { road "public road"; open_to regime.army, regime.security }
  clause 11 deployment { forces regime.army; area rastan; start 2018-06-01 }
}"#;
        assert_eq!(
            fired("access-conflict", text),
            labels(&[
                &["clause 8", "clause 10"],
                &["clause 9", "clause 10"],
                &["clause 8", "clause 11"],
                &["clause 9", "clause 11"],
            ])
        );
    }

    #[test]
    fn access_conflict_quiet_when_disjoint_in_place_time_or_party() {
        let text = r#"agreement a {
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
}"#;
        assert!(fired("access-conflict", text).is_empty());
    }

    #[test]
    fn aid_conditioned_on_concession_fires_directly_transitively_and_by_ratio() {
        let text = r#"agreement a {
  date 2014-01-20
  clause 1 deployment { checkpoints joint }
  clause 2 services { services water, electricity; after 1 }
  clause 3 political_process { forum "committee"; if 4 }
  clause 4 weapons_handover { weapons heavy }
  clause 5 humanitarian_access { aid food; if 3 }
  clause 6 evacuation { people civilians; ratio 100 fighters surrender per 200 civilians evacuated }
}"#;
        assert_eq!(
            fired("aid-conditioned-on-concession", text),
            labels(&[
                &["clause 2", "clause 1"],
                &["clause 5", "clause 4"],
                &["clause 6"],
            ])
        );
    }

    #[test]
    fn aid_conditioned_on_concession_quiet_when_aid_waits_on_no_concession() {
        let text = r#"agreement a {
  date 2017-10-04
  clause 1 ceasefire { deadline immediate }
  clause 2 humanitarian_access { corridors 5; after 1 }
  clause 3 weapons_handover { weapons heavy; after 2 }
}"#;
        assert!(fired("aid-conditioned-on-concession", text).is_empty());
    }

    #[test]
    fn early_termination_fires_before_last_extension() {
        let text = r#"agreement de_escalation {
  date 2017-08
  clause 1 term { start 2017-05-14; duration 6 months; extended_until 2018-05-04 }
}
agreement notice {
  date 2018-02-01
  link terminates de_escalation
  clause 1 termination { effective 2018-02-15 }
}"#;
        assert_eq!(
            fired("early-termination", text),
            labels(&[&["clause 1", "clause 1"]])
        );
    }

    #[test]
    fn early_termination_quiet_after_the_term() {
        let text = r#"agreement de_escalation {
  date 2017-08
  clause 1 term { start 2017-05-14; duration 6 months }
}
agreement notice {
  date 2018-02-01
  link terminates de_escalation
  clause 1 termination { effective 2018-02-15 }
}"#;
        assert!(fired("early-termination", text).is_empty());
    }

    #[test]
    fn deadline_before_signing_fires_on_earlier_deadline() {
        let text = r#"agreement a {
  date 2018-05-01
  clause 3 weapons_handover { weapons heavy; deadline 2018-04-30 }
  clause 4 withdrawal { deadline 2018-05-01 }
}"#;
        assert_eq!(
            fired("deadline-before-signing", text),
            labels(&[&["clause 3"]])
        );
    }

    #[test]
    fn deadline_before_signing_quiet_for_same_day_and_relative() {
        let text = r#"agreement a {
  date 2018-05-01
  clause 3 weapons_handover { weapons heavy; deadline 2018-05-01 }
  clause 4 withdrawal { deadline within 14 days of signing }
  clause 5 ceasefire { deadline immediate }
  clause 6 term { until 2018-04-01 }
}"#;
        assert!(fired("deadline-before-signing", text).is_empty());
    }

    #[test]
    fn deadline_order_fires_when_follower_is_due_no_later() {
        let text = r#"agreement a {
  date 2018-05-01
  clause 1 weapons_handover { weapons heavy; deadline 2018-05-10 }
  clause 2 services { services water; after 1; deadline 2018-05-10 }
  clause 3 return_of_displaced { people residents; after 1; deadline 2018-05-05 }
  clause 4 ceasefire { duration 6 months }
  clause 5 political_process { forum "Astana"; after 4; deadline 2018-09-01 }
}"#;
        assert_eq!(
            fired("deadline-order", text),
            labels(&[
                &["clause 2", "clause 1"],
                &["clause 3", "clause 1"],
                &["clause 5", "clause 4"],
            ])
        );
    }

    #[test]
    fn deadline_order_quiet_when_follower_is_due_later() {
        let text = r#"agreement a {
  date 2018-05-01
  clause 1 weapons_handover { weapons heavy; deadline 2018-05-10 }
  clause 2 services { services water; after 1; deadline day 5 after clause 1 ends }
  clause 3 return_of_displaced { people residents; after 1 }
}"#;
        assert!(fired("deadline-order", text).is_empty());
    }

    #[test]
    fn condition_cycle_fires_once_per_cycle() {
        let text = r#"agreement a {
  date 2018-05-01
  clause 1 weapons_handover { weapons heavy; after 3 }
  clause 2 detainee_release { if 1 }
  clause 3 services { services water; in_exchange_for 2 }
  clause 4 withdrawal { after 4 }
  clause 5 ceasefire { after 1 }
}"#;
        assert_eq!(
            fired("condition-cycle", text),
            labels(&[&["clause 1", "clause 2", "clause 3"], &["clause 4"]])
        );
    }

    #[test]
    fn condition_cycle_quiet_for_mutual_exchange_and_chains() {
        let text = r#"agreement a {
  date 2018-05-01
  clause 1 prisoner_exchange { in_exchange_for 2 }
  clause 2 detainee_release { in_exchange_for 1 }
  clause 3 services { services water; after 1, 2 }
  clause 4 return_of_displaced { after 3; if 1 }
}"#;
        assert!(fired("condition-cycle", text).is_empty());
    }

    #[test]
    fn conflicting_terms_fires_across_clauses_and_within_one() {
        let text = r#"agreement a {
  date 2018-05-01
  clause 5 conscription { people fighters; grace 6 months }
  clause 9 conscription { people fighters; grace 1 year }
  clause 10 weapons_withdrawal { distance 15 km; distance 10 km }
}"#;
        assert_eq!(
            fired("conflicting-terms", text),
            labels(&[&["clause 5", "clause 9"], &["clause 10"]])
        );
    }

    #[test]
    fn conflicting_terms_quiet_for_other_subjects_sources_and_words() {
        let text = r#"agreement a {
  date 2018-05-01
  source s1 "first report"
  source s2 "second report"
  clause 5 conscription { people fighters; grace 6 months; text "six months" }
  clause 9 conscription { people defectors; grace 1 year; text "a year" }
  clause 10 weapons_withdrawal { distance 15 km source s1; distance 10 km source s2 }
  clause 11 conscription { people fighters; grace 6 months; note "repeated" }
  clause 12 services { services water; after 5; after 9 }
}"#;
        assert!(fired("conflicting-terms", text).is_empty());
    }

    #[test]
    fn short_ultimatum_fires_under_72_hours() {
        let text = r#"agreement a {
  date 2018-05-01
  party russia "Russia" side third
  party factions "Rebel groups" side opposition
  clause ultimatum { by russia; against factions; issued 2018-05-01; deadline 2018-05-03T12:00[Asia/Damascus] }
  clause 2 ultimatum { by russia; against factions; issued 2018-05-01T10:00[Europe/London]; deadline 2018-05-03T12:00[Asia/Damascus] }
  clause 3 ultimatum { by russia; against factions; deadline within 48 hours of signing }
  clause 4 ultimatum { by russia; against factions; deadline immediate }
}"#;
        assert_eq!(
            fired("short-ultimatum", text),
            labels(&[&["ultimatum"], &["clause 2"], &["clause 3"], &["clause 4"]])
        );
    }

    #[test]
    fn short_ultimatum_quiet_at_72_hours_or_more() {
        let text = r#"agreement a {
  date 2018-05-01
  party russia "Russia" side third
  party factions "Rebel groups" side opposition
  clause 1 ultimatum { by russia; against factions; deadline 2018-05-03 }
  clause 2 ultimatum { by russia; against factions; issued 2018-05-01T12:00[Asia/Damascus]; deadline 2018-05-04T12:00[Asia/Damascus] }
}"#;
        assert!(fired("short-ultimatum", text).is_empty());
    }
}
