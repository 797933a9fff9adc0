//! `truce timeline`: the dated events of a negotiation thread, one per line.
//!
//! ```text
//! 2018-02-15  russian_notice_2018_02  termination: takes effect
//!             ! inside the agreed term of de_escalation_2017 (2017-05-14 to 2018-05-04): ...
//! ```
//!
//! Columns: the date as written, the document, what happens (and, for a
//! relative deadline, how the source put it). A note under an event starts with
//! `!`. Undated documents are named at the end.

use std::fmt::Write as _;

use colored::Colorize;
use serde::Serialize;

use crate::source::Sources;
use crate::timeline::Timeline;

use super::plural;

/// The timeline as text.
pub fn render(timeline: &Timeline) -> String {
    let date_width = timeline
        .events
        .iter()
        .map(|event| event.when.text.chars().count())
        .max()
        .unwrap_or(0);
    let id_width = timeline
        .events
        .iter()
        .map(|event| event.document.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for event in &timeline.events {
        let mut what = event.description.clone();
        if let Some(written) = &event.written {
            what.push_str(&format!(" ({written})"));
        }
        let line = format!(
            "{}  {}  {what}",
            super::pad::left(&event.when.text, date_width),
            super::pad::left(&event.document, id_width)
        );
        let _ = writeln!(out, "{}", line.trim_end());
        if let Some(note) = &event.note {
            let indent = " ".repeat(date_width + 2);
            let _ = writeln!(out, "{indent}{} {}", "!".yellow().bold(), note.yellow());
        }
    }
    for missing in &timeline.unresolved {
        let _ = writeln!(
            out,
            "no date: {} {} {} ({}): it counts from something undated",
            missing.document,
            missing.clause.label(),
            missing.key,
            missing.written
        );
    }
    for event in &timeline.undated_events {
        let _ = writeln!(
            out,
            "no date: {} {}: the sources do not date it",
            event.document, event.description
        );
    }
    if !timeline.undated.is_empty() {
        let _ = writeln!(out, "undated: {}", timeline.undated.join(", "));
    }
    let documents = timeline
        .events
        .iter()
        .map(|event| event.document.as_str())
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let _ = writeln!(
        out,
        "{}",
        format!(
            "{} in {}",
            plural(timeline.events.len(), "event", "events"),
            plural(documents, "dated document", "dated documents")
        )
        .bold()
    );
    out
}

/// The timeline for tools, schema version 1:
///
/// ```json
/// { "version": 1,
///   "events": [ { "date": "2018-02-15", "start": "2018-02-15T00:00:00",
///                 "precision": "day", "zone": null,
///                 "document": "russian_notice_2018_02",
///                 "event": "effective",          // status | dated | an attribute key
///                 "description": "termination: takes effect",
///                 "written": null,               // the source's words for a relative date
///                 "note": "inside the agreed term of ...",
///                 "clause": "termination",       // the clause label, or null
///                 "file": "agreements/x.truce", "line": 74, "column": 5 } ],
///   "unresolved": [ { "document": "a", "clause": "clause 2", "key": "start",
///                     "written": "2 days after clause 1 starts",
///                     "file": "agreements/x.truce", "line": 9, "column": 5 } ],
///   "undated_events": [ { "document": "a", "event": "not_implemented",
///                         "description": "not implemented of clause 1",
///                         "file": "agreements/x.truce", "line": 30, "column": 3 } ],
///   "undated": [ "loka_first_offer" ] }
/// ```
///
/// `event` is `status`, `dated`, an attribute key, an event of the document's own
/// (`violation`, `implemented`, ...), or `terminated` where another document
/// ends this one. `unresolved` lists the times that count from something with no
/// date, so stand on no date; `undated_events` what happened that the sources do
/// not date (both absent when empty).
pub fn render_json(timeline: &Timeline, sources: &Sources) -> String {
    #[derive(Serialize)]
    struct Report<'a> {
        version: u32,
        events: Vec<JsonEvent<'a>>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        unresolved: Vec<JsonUnresolved<'a>>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        undated_events: Vec<JsonUndated<'a>>,
        undated: &'a [crate::text::Text],
    }
    #[derive(Serialize)]
    struct JsonUndated<'a> {
        document: &'a str,
        event: &'a str,
        description: &'a str,
        file: String,
        line: usize,
        column: usize,
    }
    #[derive(Serialize)]
    struct JsonUnresolved<'a> {
        document: &'a str,
        clause: String,
        key: &'a str,
        written: &'a str,
        file: String,
        line: usize,
        column: usize,
    }
    #[derive(Serialize)]
    struct JsonEvent<'a> {
        date: &'a str,
        start: String,
        precision: crate::model::Precision,
        zone: Option<&'a str>,
        document: &'a str,
        event: &'a str,
        description: &'a str,
        written: Option<&'a str>,
        note: Option<&'a str>,
        clause: Option<String>,
        file: String,
        line: usize,
        column: usize,
    }
    let events = timeline
        .events
        .iter()
        .map(|event| {
            let at = sources.locate(event.span).unwrap_or_default();
            JsonEvent {
                date: &event.when.text,
                start: event.when.start.to_string(),
                precision: event.when.precision,
                zone: event.when.zone.as_deref(),
                document: &event.document,
                event: &event.event,
                description: &event.description,
                written: event.written.as_deref(),
                note: event.note.as_deref(),
                clause: event.clause.as_ref().map(|clause| clause.label()),
                file: at.file.to_string(),
                line: at.line,
                column: at.column,
            }
        })
        .collect();
    let unresolved = timeline
        .unresolved
        .iter()
        .map(|missing| {
            let at = sources.locate(missing.span).unwrap_or_default();
            JsonUnresolved {
                document: &missing.document,
                clause: missing.clause.label(),
                key: missing.key,
                written: &missing.written,
                file: at.file.to_string(),
                line: at.line,
                column: at.column,
            }
        })
        .collect();
    let undated_events = timeline
        .undated_events
        .iter()
        .map(|event| {
            let at = sources.locate(event.span).unwrap_or_default();
            JsonUndated {
                document: &event.document,
                event: &event.event,
                description: &event.description,
                file: at.file.to_string(),
                line: at.line,
                column: at.column,
            }
        })
        .collect();
    let report = Report {
        version: 1,
        events,
        unresolved,
        undated_events,
        undated: &timeline.undated,
    };
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_else(|_| "{}".to_string());
    text.push('\n');
    text
}
