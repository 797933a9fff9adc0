//! The timeline of a negotiation thread: every dated event of its documents in
//! order, so that a reader sees how the dates relate across documents, for
//! example that a termination falls inside the term another document agreed.
//!
//! Events are the documents' dates and dated statuses (proposed, signed,
//! rejected, ...), and every time-valued clause attribute: deadlines and starts
//! (relative ones resolved through the model), ends, reviews, ultimatums' issue
//! dates, terminations and terms. Undated things are listed, not guessed.

use serde::Serialize;

use crate::model::{
    AttributeValue, Clause, ClauseIndex, Corpus, Document, Relation, Value, When, and_list,
    date_shift,
};
use crate::rules::ClauseRef;
use crate::source::Span;
use crate::vocabulary::{Key, kinds};

/// One dated event.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    pub when: When,
    /// The document's id.
    pub document: String,
    /// The clause, for clause events.
    pub clause: Option<ClauseRef>,
    /// What the event is: `status`, `dated`, or the attribute key (`deadline`,
    /// `start`, `until`, `review_on`, `issued`, `effective`, `extended_until`).
    pub event: String,
    /// In words: `signed by negotiations_committee, russia`, `clause 1
    /// weapons_handover: deadline`.
    pub description: String,
    /// How the source gave the date when it is not a date (`within 14 days of
    /// signing`, `immediate`).
    pub written: Option<String>,
    /// What the reader should notice: a termination inside an agreed term.
    pub note: Option<String>,
    pub span: Span,
}

/// A document's agreed term: from its start to its (last extended) end.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Term {
    pub document: String,
    pub start: Option<When>,
    pub end: When,
}

/// A time a clause states that resolves to no date: it counts from a clause, or a
/// signing, with no date of its own.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Unresolved {
    pub document: String,
    pub clause: ClauseRef,
    /// The attribute: `start`, `deadline`.
    pub key: &'static str,
    /// As the source gives it: `2 days after clause 3 starts`.
    pub written: String,
    pub span: Span,
}

/// Something that happened after a document was made, which the sources do not
/// date: shown apart, never dropped.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UndatedEvent {
    pub document: String,
    pub event: String,
    pub description: String,
    pub span: Span,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Timeline {
    /// In date order; events on the same date keep the documents' order.
    pub events: Vec<Event>,
    /// Documents with no dated event at all.
    pub undated: Vec<crate::text::Text>,
    /// Times that count from something undated, so are on no date.
    pub unresolved: Vec<Unresolved>,
    /// What happened after signing, where the sources give no date.
    pub undated_events: Vec<UndatedEvent>,
    pub terms: Vec<Term>,
}

/// Every dated event of the corpus.
pub fn timeline(corpus: &Corpus) -> Timeline {
    let terms: Vec<Term> = corpus.documents.iter().filter_map(term).collect();
    let mut keyed: Vec<(usize, Event)> = Vec::new();
    let mut undated = Vec::new();
    let mut unresolved = Vec::new();
    let mut undated_events = Vec::new();
    for (index, document) in corpus.documents.iter().enumerate() {
        let mut events = document_events(document, corpus, &terms, &mut unresolved);
        events.extend(outcomes(document, &mut undated_events));
        events.extend(endings(document, corpus));
        if events.is_empty() {
            undated.push(document.id.value.clone());
        }
        keyed.extend(events.into_iter().map(|event| (index, event)));
    }
    // By the end of each date's interval, then its start, as instants (noon in
    // Damascus comes before noon in London): an event known only to a month
    // comes after the days of that month, which it cannot precede.
    let mut keyed: Vec<((jiff::Timestamp, jiff::Timestamp), usize, Event)> = keyed
        .into_iter()
        .map(|(index, event)| {
            let (start, end) = event.when.instants();
            ((end, start), index, event)
        })
        .collect();
    keyed.sort_by(|(a_key, a_index, a), (b_key, b_index, b)| {
        a_key
            .cmp(b_key)
            .then(a_index.cmp(b_index))
            .then(a.span.cmp(&b.span))
    });
    Timeline {
        events: keyed.into_iter().map(|(_, _, event)| event).collect(),
        undated,
        unresolved,
        undated_events,
        terms,
    }
}

/// What happened after the document was made: `violation of clause 1 by
/// regime.forces`, on its date; the events the sources do not date go to
/// `undated`.
fn outcomes(document: &Document, undated: &mut Vec<UndatedEvent>) -> Vec<Event> {
    let index = ClauseIndex::new(document);
    document
        .events
        .iter()
        .filter_map(|event| {
            let mut description = event.outcome.value.name().replace('_', " ");
            if !event.clauses.is_empty() {
                let numbers: Vec<String> = event
                    .clauses
                    .iter()
                    .map(|number| format!("clause {}", number.value))
                    .collect();
                description.push_str(&format!(" of {}", and_list(&numbers)));
            }
            if !event.by.is_empty() {
                let by: Vec<String> = event
                    .by
                    .iter()
                    .map(|actor| actor.value.to_string())
                    .collect();
                description.push_str(&format!(" by {}", and_list(&by)));
            }
            if let Some(count) = &event.count {
                description.push_str(&format!(": {}", count.value));
            }
            let Some(on) = event.on.as_ref() else {
                undated.push(UndatedEvent {
                    document: document.id.value.to_string(),
                    event: event.outcome.value.name().to_string(),
                    description,
                    span: event.span,
                });
                return None;
            };
            let clause = event
                .clauses
                .first()
                .and_then(|number| index.get(&number.value))
                .map(ClauseRef::of);
            Some(Event {
                when: on.value.clone(),
                document: document.id.value.to_string(),
                clause,
                event: event.outcome.value.name().to_string(),
                description,
                written: None,
                note: None,
                span: event.span,
            })
        })
        .collect()
}

/// The document's end where another document ends it: `terminated by
/// russian_notice_2018_02`, on the day its termination takes effect.
fn endings(document: &Document, corpus: &Corpus) -> Vec<Event> {
    let mut out = Vec::new();
    for other in &corpus.documents {
        let ends_it = other
            .linked(Relation::Terminates)
            .any(|target| target.value == document.id.value);
        if !ends_it || std::ptr::eq(other, document) {
            continue;
        }
        for clause in other.clauses.iter().filter(|c| c.is(&kinds::TERMINATION)) {
            let Some(when) = clause.when(Key::Effective) else {
                continue;
            };
            out.push(Event {
                when: when.clone(),
                document: document.id.value.to_string(),
                clause: None,
                event: "terminated".to_string(),
                description: format!("terminated by {}", other.id.value),
                written: None,
                note: None,
                span: clause.span_of(Key::Effective),
            });
        }
    }
    out
}

fn document_events(
    document: &Document,
    corpus: &Corpus,
    terms: &[Term],
    unresolved: &mut Vec<Unresolved>,
) -> Vec<Event> {
    let id = document.id.value.clone();
    let index = ClauseIndex::new(document);
    let mut events = Vec::new();
    for status in &document.statuses {
        let Some(on) = &status.on else { continue };
        let mut description = status.status.value.name().to_string();
        if !status.by.is_empty() {
            let by: Vec<String> = status.by.iter().map(|b| b.value.to_string()).collect();
            description.push_str(&format!(" by {}", crate::model::and_list(&by)));
        }
        events.push(Event {
            when: on.value.clone(),
            document: id.to_string(),
            clause: None,
            event: "status".to_string(),
            description,
            written: None,
            note: None,
            span: status.span,
        });
    }
    if let Some(date) = &document.date {
        let shown = document
            .statuses
            .iter()
            .any(|status| status.on.as_ref().is_some_and(|on| on.value == date.value));
        if !shown {
            events.push(Event {
                when: date.value.clone(),
                document: id.to_string(),
                clause: None,
                event: "dated".to_string(),
                description: "dated".to_string(),
                written: None,
                note: None,
                span: date.span,
            });
        }
    }
    for clause in &document.clauses {
        // Sources that time the clause differently (one a deadline, another a
        // start), or give it as a version of its own: each date says whose it is.
        let timed_by: Vec<Vec<&str>> = Key::timed()
            .flat_map(|key| clause.all(key))
            .map(sources)
            .collect();
        let versions = timed_by.iter().any(|given| *given != timed_by[0])
            || index.other_versions(clause).next().is_some();
        for key in Key::timed() {
            let statements: Vec<&AttributeValue> = clause.all(key).collect();
            for statement in statements {
                let date = match &statement.value {
                    Value::When(when) => Some((**when).clone()),
                    Value::Deadline(deadline) => document.date_in(deadline, &index),
                    _ => None,
                };
                let Some(when) = date else {
                    unresolved.push(Unresolved {
                        document: id.to_string(),
                        clause: ClauseRef::of(clause),
                        key: key.name(),
                        written: statement.value.to_string(),
                        span: statement.span,
                    });
                    continue;
                };
                let phrase = key.timing().map_or("", |timing| timing.event);
                let written =
                    Some(statement.value.to_string()).filter(|written| **written != *when.text);
                let label = clause.label();
                let mut description = if clause.is(&kinds::TERM) {
                    let phrase = if key == Key::Start { "starts" } else { phrase };
                    format!("term {phrase}")
                } else if label == clause.kind_name() {
                    format!("{label}: {phrase}")
                } else {
                    format!("{label} {}: {phrase}", clause.kind_name())
                };
                if versions {
                    let given = sources(statement);
                    let given = if given.is_empty() {
                        clause.reported_by()
                    } else {
                        given
                    };
                    let by = if given.is_empty() {
                        "no source named".to_string()
                    } else {
                        given.join(", ")
                    };
                    description.push_str(&format!(" [as {by} gives it]"));
                }
                let note = if clause.is(&kinds::TERMINATION) && key == Key::Effective {
                    inside_term(document, corpus, terms, &when)
                } else if clause.is(&kinds::ULTIMATUM) && key == Key::Deadline {
                    time_given(clause, &when)
                } else {
                    None
                };
                events.push(Event {
                    when,
                    document: id.to_string(),
                    clause: Some(ClauseRef::of(clause)),
                    event: key.name().to_string(),
                    description,
                    written,
                    note,
                    span: statement.span,
                });
            }
        }
    }
    events
}

/// The sources a statement cites, sorted.
fn sources(statement: &AttributeValue) -> Vec<&str> {
    let mut sources: Vec<&str> = statement.source.iter().map(|s| s.value.as_str()).collect();
    sources.sort_unstable();
    sources.dedup();
    sources
}

/// The term a document agrees: a `term` clause's end (its last extension, else
/// `until`), with its start.
fn term(document: &Document) -> Option<Term> {
    let clause: &Clause = document.clauses.iter().find(|c| c.is(&kinds::TERM))?;
    let end = clause
        .when(Key::ExtendedUntil)
        .or_else(|| clause.when(Key::Until))?;
    let start = match clause.get(Key::Start).map(|a| &a.value) {
        Some(Value::Deadline(_)) => clause.when(Key::Start).cloned(),
        _ => None,
    };
    Some(Term {
        document: document.id.value.to_string(),
        start,
        end: end.clone(),
    })
}

/// `inside the agreed term of de_escalation_2017 (2017-05-14 to 2018-05-04):
/// 2 months 19 days before it ends`, for a termination taking effect before the
/// end of the term of a document it terminates (or, with no `terminates` link,
/// of any document with a term).
fn inside_term(
    document: &Document,
    corpus: &Corpus,
    terms: &[Term],
    when: &When,
) -> Option<String> {
    let targets: Vec<&str> = document
        .linked(Relation::Terminates)
        .map(|target| target.value.as_str())
        .collect();
    let term = terms.iter().find(|term| {
        (targets.is_empty() || targets.contains(&term.document.as_str()))
            && corpus.document(&term.document).is_some()
            && when.start < term.end.start
            && term
                .start
                .as_ref()
                .is_none_or(|start| start.start <= when.start)
    })?;
    let span = match &term.start {
        Some(start) => format!("{} to {}", start.text, term.end.text),
        None => format!("until {}", term.end.text),
    };
    let early = date_shift(when, &term.end)
        .map(|(size, _)| format!(": {size} before it ends"))
        .unwrap_or_default();
    Some(format!(
        "inside the agreed term of {} ({span}){early}",
        term.document
    ))
}

/// `2 days 12 hours after it was issued (2018-05-01)`, for an ultimatum's deadline.
fn time_given(clause: &Clause, deadline: &When) -> Option<String> {
    let issued = clause.when(Key::Issued)?;
    let (size, _) = date_shift(issued, deadline)?;
    Some(format!("{size} after it was issued ({})", issued.text))
}
