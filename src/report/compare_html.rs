//! `truce compare --format html`: one self-contained page (styles inline, no
//! scripts, no external assets) that a mediator can hand over or print.
//!
//! The page opens with a summary (the drafts compared, each step's findings by
//! severity and the gravest of them), then each step: the documents side by
//! side, then its findings from the gravest down, each linked to the rows of
//! its clauses. Only the words that differ are marked, `<del>` struck through
//! and `<ins>` underlined as well as coloured, so the marks survive black and
//! white print. Every element holding text from a document has `dir="auto"`,
//! so Arabic reads right to left.
//!
//! Every string that comes from a document goes through [`escape`], in text and
//! in attribute values alike, so a clause whose text holds `<script>` shows it as
//! text. Each pair of clauses is a `<tbody class="pair STATUS">` whose
//! `data-older` and `data-newer` attributes name its two clauses and whose `id`
//! (`s1-r7`: step 1, row 7) the findings link to, so a test (or a reader's own
//! tooling) can find the pairs in the rendered page.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::time::{Duration, Instant};

use similar::{Algorithm, ChangeTag};

use crate::compare::diff::with_role;
use crate::compare::{AttributeDiff, Row, Status, Step, Term, Thread, WordOp};
use crate::finding::{Finding, Severity};
use crate::model::{Clause, Document, PlaceRef};
use crate::source::{Sources, Span};

use super::Counts;
use super::compare_shared::{
    by_severity, clause_label, counts_phrase, line_of, location, marker, party_name,
};

/// The colours, by the names the stylesheet uses (`var(--ink)`). Kept here, not
/// in the stylesheet, so a test can check every pairing's contrast.
const PALETTE: &[(&str, &str)] = &[
    ("ink", "#1d1d1f"),
    ("paper", "#ffffff"),
    // Locations, line numbers, unchanged clauses: #777 fell short of 4.5:1.
    ("muted", "#595959"),
    ("rule", "#c8c8c8"),
    ("link", "#0b5cad"),
    ("added-tint", "#eefbf0"),
    ("removed-tint", "#fdf0f0"),
    ("summary-tint", "#f6f6f6"),
    ("ins", "#ccf5d6"),
    ("del", "#ffd7d5"),
    ("error", "#b71c1c"),
    ("warning", "#8a5a00"),
    ("info", "#0b5cad"),
    ("added", "#116329"),
    ("removed", "#b71c1c"),
];

/// Every text colour on every background it is drawn on (names from
/// [`PALETTE`]). The contrast test holds each to WCAG's 4.5:1.
#[cfg(test)]
const PAIRINGS: &[(&str, &str)] = &[
    ("ink", "paper"),
    ("ink", "added-tint"),
    ("ink", "removed-tint"),
    ("ink", "summary-tint"),
    ("ink", "ins"),
    ("ink", "del"),
    ("muted", "paper"),
    ("muted", "added-tint"),
    ("muted", "removed-tint"),
    ("muted", "summary-tint"),
    ("link", "paper"),
    ("link", "summary-tint"),
    ("error", "paper"),
    ("error", "summary-tint"),
    ("warning", "paper"),
    ("warning", "summary-tint"),
    ("info", "paper"),
    ("info", "summary-tint"),
    ("added", "paper"),
    ("removed", "paper"),
    ("warning", "added-tint"),
    ("warning", "removed-tint"),
];

const STYLE: &str = "
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 78em; padding: 0 1em;
  color: var(--ink); background: var(--paper); overflow-wrap: anywhere; }
a { color: var(--link); }
h1 { font-size: 1.5em; } h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.05em; }
table { border-collapse: collapse; }
#summary { background: var(--summary-tint); border: 1px solid var(--rule); padding: .1em 1em 1em; }
#summary h1 { margin: .5em 0; } #summary h2 { margin-top: 1em; font-size: 1.1em; }
ol.drafts li { margin: .4em 0; }
.parties { display: block; }
table.counts th, table.counts td { padding: .15em .7em; border-bottom: 1px solid var(--rule); text-align: end; }
table.counts th { overflow-wrap: normal; }
table.counts th:first-child, table.counts td:first-child { text-align: start; }
table.compare { width: 100%; table-layout: fixed; }
table.compare th, table.compare td { vertical-align: top; padding: .25em .5em; text-align: start; }
table.compare col.mark { width: 2em; }
tbody.pair, tbody.document { border-top: 1px solid var(--rule); }
table.compare tr.head th { font-weight: 600; }
td.mark { font-family: ui-monospace, monospace; font-weight: 700; text-align: center; }
td.mark.tilde { color: var(--warning); } td.mark.plus { color: var(--added); } td.mark.minus { color: var(--removed); }
tbody.added .newer:not(.empty) { background: var(--added-tint); }
tbody.removed .older:not(.empty) { background: var(--removed-tint); }
tbody.unchanged { color: var(--muted); }
tbody:target { outline: 2px solid var(--link); outline-offset: -2px; }
del { background: var(--del); color: var(--ink); text-decoration: line-through; }
ins { background: var(--ins); color: var(--ink); text-decoration: underline; text-underline-offset: .15em; }
div.text { border-inline-start: 3px solid var(--rule); padding-inline-start: .5em; }
span.key { font-weight: 600; }
.line, .where { color: var(--muted); font-size: .85em; }
ul.findings { padding-inline-start: 1.2em; }
ul.findings li { margin: .25em 0; }
.severity { font-weight: 700; }
.error .severity { color: var(--error); } .warning .severity { color: var(--warning); } .info .severity { color: var(--info); }
table.kinds td, table.kinds th { padding: .2em .6em; text-align: center; } table.kinds td:first-child { text-align: start; }
@media screen and (max-width: 40em) {
  body { margin: 1em auto; padding: 0 .5em; }
  #summary { padding: .1em .6em .8em; }
  dd { margin-inline-start: 1em; }
  table.counts { width: 100%; }
  table.counts th, table.counts td { padding: .15em .3em; }
  table.counts td + td, table.counts th + th { width: 1%; }
  /* One column: each pair's older side above its newer side. */
  table.compare, table.compare thead, table.compare tbody, table.compare tr { display: block; }
  table.compare colgroup, table.compare thead { display: none; }
  table.compare tr { display: grid; grid-template-columns: 1.6em minmax(0, 1fr); }
  table.compare td.mark { grid-row: span 2; }
  table.compare td, table.compare th { display: block; min-width: 0; }
  table.compare .empty { display: none; }
  /* A term both sides state alike, shown once. */
  tr.attribute:not(.changed) td.newer, tbody.document tr.head th.newer { display: none; }
  tbody.pair tr.head th.older::before { content: 'older: '; font-weight: 400; color: var(--muted); }
  tbody.pair tr.head th.newer::before { content: 'newer: '; font-weight: 400; color: var(--muted); }
}
@page { margin: 15mm 12mm; }
@media print {
  body { font-size: 10pt; max-width: none; margin: 0; padding: 0; }
  #summary { background: none; }
  section.step { break-before: page; }
  h2, h3 { break-after: avoid; }
  table.compare thead { display: table-header-group; }
  /* A pair of clauses is read together: never split it across pages. */
  tbody.pair, tbody.document, table.compare tr, ul.findings li { break-inside: avoid; }
  tbody.added .newer:not(.empty), tbody.removed .older:not(.empty) { background: none; }
  /* The marks keep their light colour; the underline and the strike carry them in black and white. */
  ins, del { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  tbody:target { outline: none; }
}
";

/// How many findings the summary lists for a step: its errors and warnings,
/// up to this many, or its first infos where it has neither.
const SUMMARY_FINDINGS: usize = 8;
const SUMMARY_INFOS: usize = 3;

/// How long a word diff of one value may take before it settles for a coarser
/// one: a value is a few words, but a hostile file may hold a huge one.
const VALUE_DIFF_DEADLINE: Duration = Duration::from_millis(200);

pub fn render(thread: &Thread, sources: &Sources) -> String {
    let ids: Vec<&str> = thread
        .documents
        .iter()
        .map(|document| document.id.value.as_str())
        .collect();
    let title = format!("truce compare: {}", ids.join(" → "));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n:root {{ {} }}{STYLE}</style>\n</head>\n<body>",
        escape(&title),
        palette_css()
    );
    let anchors: Vec<Vec<Option<String>>> = thread
        .steps
        .iter()
        .enumerate()
        .map(|(index, step)| finding_anchors(index, step))
        .collect();
    render_summary(&mut out, &title, thread, &anchors, sources);
    for (index, step) in thread.steps.iter().enumerate() {
        render_step(&mut out, index, step, &anchors[index], sources);
    }
    if thread.documents.len() > 2 {
        render_kinds(&mut out, thread, &ids);
    }
    let _ = writeln!(out, "</body>\n</html>");
    out
}

/// `--ink: #1d1d1f; …`: the palette as custom properties.
fn palette_css() -> String {
    PALETTE
        .iter()
        .map(|(name, colour)| format!("--{name}: {colour};"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The page's opening: what was compared and what was found, gravest first.
/// Each part is its own function so the summary can grow.
fn render_summary(
    out: &mut String,
    title: &str,
    thread: &Thread,
    anchors: &[Vec<Option<String>>],
    sources: &Sources,
) {
    let _ = writeln!(
        out,
        "<section id=\"summary\">\n<h1 dir=\"auto\">{}</h1>\n<p class=\"totals\">{}: {}.</p>",
        escape(title),
        super::plural(thread.steps.len(), "comparison", "comparisons"),
        escape(&counts_phrase(thread.findings()))
    );
    render_drafts(out, thread, sources);
    render_step_counts(out, thread);
    for (index, step) in thread.steps.iter().enumerate() {
        render_gravest(out, index, step, &anchors[index], sources);
    }
    let _ = writeln!(out, "</section>");
}

/// Each draft: id, title, date, status and its parties by their names.
fn render_drafts(out: &mut String, thread: &Thread, sources: &Sources) {
    let _ = writeln!(out, "<h2>Drafts compared</h2>\n<ol class=\"drafts\">");
    for document in &thread.documents {
        let _ = write!(
            out,
            "<li><strong dir=\"auto\">{}</strong>",
            escape(&document.id.value)
        );
        let line = document_html(document);
        if !line.is_empty() {
            let _ = write!(out, ": {line}");
        }
        let _ = write!(
            out,
            " <span class=\"where\">{}</span>",
            escape(&location(sources, document.id.span))
        );
        if !document.parties.is_empty() {
            let parties: Vec<String> = document
                .parties
                .iter()
                .map(|party| {
                    let name = party
                        .name
                        .as_ref()
                        .map_or(party.id.value.as_str(), |name| name.value.as_str());
                    let side = party
                        .side
                        .as_ref()
                        .map(|side| format!(" ({})", side.value.name()))
                        .unwrap_or_default();
                    format!(
                        "<span dir=\"auto\" title=\"{}\">{}</span>{side}",
                        escape(&party.id.value),
                        escape(name)
                    )
                })
                .collect();
            let _ = write!(
                out,
                "<span class=\"parties\">Parties: {}</span>",
                parties.join(", ")
            );
        }
        let _ = writeln!(out, "</li>");
    }
    let _ = writeln!(out, "</ol>");
}

/// A table of each step's findings by severity.
fn render_step_counts(out: &mut String, thread: &Thread) {
    let _ = writeln!(
        out,
        "<h2>Findings by comparison</h2>\n<table class=\"counts\">\n<thead><tr><th>comparison</th>\
         <th class=\"error\">errors</th><th class=\"warning\">warnings</th>\
         <th class=\"info\">infos</th></tr></thead>\n<tbody>"
    );
    for (index, step) in thread.steps.iter().enumerate() {
        let counts = Counts::of(&step.findings);
        let _ = writeln!(
            out,
            "<tr><td><a href=\"#{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td></tr>",
            step_id(index),
            step_title(step),
            counts.errors,
            counts.warnings,
            counts.infos
        );
    }
    let _ = writeln!(out, "</tbody>\n</table>");
}

/// A step's gravest findings: its errors and warnings, or its first infos.
fn render_gravest(
    out: &mut String,
    index: usize,
    step: &Step,
    anchors: &[Option<String>],
    sources: &Sources,
) {
    let sorted = by_severity(&step.findings);
    let grave = sorted
        .iter()
        .take_while(|(_, finding)| finding.severity > Severity::Info)
        .count();
    let shown = if grave > 0 {
        grave.min(SUMMARY_FINDINGS)
    } else {
        sorted.len().min(SUMMARY_INFOS)
    };
    let _ = writeln!(
        out,
        "<h3><a href=\"#{}\">{}</a></h3>",
        step_id(index),
        step_title(step)
    );
    render_balance(out, step, anchors, sources);
    if shown == 0 {
        let _ = writeln!(out, "<p>No findings.</p>");
        return;
    }
    let _ = writeln!(
        out,
        "<p>{}:</p>\n<ul class=\"findings\">",
        if grave > 0 {
            "Errors and warnings"
        } else {
            "No errors or warnings; first infos"
        }
    );
    for (position, finding) in &sorted[..shown] {
        render_finding(out, finding, anchors[*position].as_deref(), sources);
    }
    let _ = writeln!(out, "</ul>");
    if sorted.len() > shown {
        let _ = writeln!(
            out,
            "<p><a href=\"#{}-findings\">All {} findings of this comparison</a></p>",
            step_id(index),
            sorted.len()
        );
    }
}

/// The balance by camp, the five weightiest changes (each linked to its row),
/// and which findings of `truce check` the newer draft resolves or brings.
fn render_balance(out: &mut String, step: &Step, anchors: &[Option<String>], sources: &Sources) {
    let _ = writeln!(
        out,
        "<p class=\"balance\"><strong>Balance by camp:</strong> {}.</p>",
        escape(&step.balance().phrase())
    );
    let weightiest = step.weightiest();
    if !weightiest.is_empty() {
        let _ = writeln!(
            out,
            "<p>The weightiest changes:</p>\n<ol class=\"weightiest findings\">"
        );
        for (position, heavy) in weightiest {
            render_finding(out, heavy, anchors[position].as_deref(), sources);
        }
        let _ = writeln!(out, "</ol>");
    }
    for (title, findings) in [
        ("Resolved in the newer draft", &step.resolved),
        ("New in the newer draft", &step.appeared),
    ] {
        if findings.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "<p>{title} (findings of <code>truce check</code>: {}):</p>\n<ul class=\"check findings\">",
            escape(&counts_phrase(findings.iter()))
        );
        for finding in findings {
            render_finding(out, finding, None, sources);
        }
        let _ = writeln!(out, "</ul>");
    }
}

fn step_id(index: usize) -> String {
    format!("s{}", index + 1)
}

fn row_id(index: usize, row: usize) -> String {
    format!("s{}-r{}", index + 1, row + 1)
}

/// `older → newer`, each id marked as document text.
fn step_title(step: &Step) -> String {
    format!(
        "<span dir=\"auto\">{}</span> → <span dir=\"auto\">{}</span>",
        escape(&step.older.id.value),
        escape(&step.newer.id.value)
    )
}

/// For each finding of a step, the id of the row it concerns: the row whose
/// clause holds the span the finding points at, else a row of a clause it
/// names, else (for a finding about the documents as a whole) the document
/// rows. `None` where none is shown.
fn finding_anchors(index: usize, step: &Step) -> Vec<Option<String>> {
    // Clause spans do not overlap within a file, so the clause holding a span
    // is the last one starting at or before it.
    let mut starts: Vec<(Span, usize)> = Vec::new();
    let mut exact: HashMap<Span, usize> = HashMap::new();
    for (position, row) in step.rows.iter().enumerate() {
        for clause in [step.older_clause(row), step.newer_clause(row)]
            .into_iter()
            .flatten()
        {
            starts.push((clause.span, position));
            exact.entry(clause.span).or_insert(position);
        }
    }
    starts.sort_by_key(|(span, _)| (span.file, span.start));
    let holding = |inner: Span| -> Option<usize> {
        let after = starts
            .partition_point(|(span, _)| (span.file, span.start) <= (inner.file, inner.start));
        let (span, position) = starts.get(after.checked_sub(1)?)?;
        (span.file == inner.file && span.end >= inner.end).then_some(*position)
    };
    step.findings
        .iter()
        .map(|finding| {
            let row = holding(finding.span).or_else(|| {
                finding.clauses.iter().find_map(|clause| {
                    exact
                        .get(&clause.span)
                        .copied()
                        .or_else(|| holding(clause.span))
                })
            });
            match row {
                Some(row) => Some(row_id(index, row)),
                None if finding.clauses.is_empty() && !step.document.is_empty() => {
                    Some(format!("{}-doc", step_id(index)))
                }
                None => None,
            }
        })
        .collect()
}

fn render_step(
    out: &mut String,
    index: usize,
    step: &Step,
    anchors: &[Option<String>],
    sources: &Sources,
) {
    let _ = writeln!(
        out,
        "<section class=\"step\" id=\"{}\">\n<h2>{}</h2>\n<dl class=\"documents\">",
        step_id(index),
        step_title(step)
    );
    for (label, document) in [("older", step.older), ("newer", step.newer)] {
        let _ = writeln!(
            out,
            "<dt>{label}</dt><dd><strong dir=\"auto\">{}</strong>: {} \
             <span class=\"where\">{}</span></dd>",
            escape(&document.id.value),
            document_html(document),
            escape(&location(sources, document.id.span))
        );
    }
    let _ = writeln!(
        out,
        "</dl>\n<table class=\"compare\">\n<colgroup><col class=\"mark\"><col><col></colgroup>\n\
         <thead><tr><th></th><th dir=\"auto\">{}</th><th dir=\"auto\">{}</th></tr></thead>",
        escape(&step.older.id.value),
        escape(&step.newer.id.value)
    );
    if !step.document.is_empty() {
        let status = if step.document.iter().any(AttributeDiff::changed) {
            Status::Changed
        } else {
            Status::Unchanged
        };
        let _ = writeln!(
            out,
            "<tbody class=\"document {}\" id=\"{}-doc\">\n<tr class=\"head\">{}\
             <th class=\"older\">document</th><th class=\"newer\">document</th></tr>",
            status.name(),
            step_id(index),
            mark_cell(marker(status))
        );
        for attribute in &step.document {
            let (older, newer) = document_sides(step, attribute);
            render_attribute(out, attribute, older, newer, true);
        }
        let _ = writeln!(out, "</tbody>");
    }
    for (position, row) in step.rows.iter().enumerate() {
        render_row(out, step, row, &row_id(index, position), sources);
    }
    let _ = writeln!(
        out,
        "</table>\n<h3 id=\"{}-findings\">Findings ({})</h3>",
        step_id(index),
        escape(&counts_phrase(&step.findings))
    );
    if !step.findings.is_empty() {
        let _ = writeln!(out, "<ul class=\"findings\">");
        for (position, finding) in by_severity(&step.findings) {
            render_finding(out, finding, anchors[position].as_deref(), sources);
        }
        let _ = writeln!(out, "</ul>");
    }
    let _ = writeln!(out, "</section>");
}

/// The title, date and latest status, as `compare_shared::document_line` gives
/// them, each in
/// its own element: an Arabic title set right to left must not carry the date
/// along with it.
fn document_html(document: &Document) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(title) = &document.title {
        parts.push(format!(
            "<span class=\"title\" dir=\"auto\">{}</span>",
            escape(&title.value)
        ));
    }
    if let Some(date) = &document.date {
        parts.push(format!(
            "<span dir=\"auto\">{}</span>",
            escape(&date.value.text)
        ));
    }
    if let Some(status) = document.status() {
        parts.push(escape(&status.to_string()));
    }
    parts.join(", ")
}

/// A finding's message with each quotation from a document isolated (`<bdi>`),
/// so a right-to-left quotation cannot reorder the words around it: in
/// `people "X" → "X Y"` with X and Y Arabic, the arrow would otherwise be
/// drawn inside one right-to-left run, pointing the wrong way.
fn isolated_quotes(message: &str) -> String {
    let pieces: Vec<&str> = message.split('"').collect();
    // An odd number of quotation marks: no telling which is which.
    if pieces.len().is_multiple_of(2) {
        return escape(message);
    }
    let mut html = String::new();
    for (position, piece) in pieces.iter().enumerate() {
        if position % 2 == 1 {
            let _ = write!(
                html,
                "&quot;<bdi dir=\"auto\">{}</bdi>&quot;",
                escape(piece)
            );
        } else {
            html.push_str(&escape(piece));
        }
    }
    html
}

fn render_finding(out: &mut String, finding: &Finding, anchor: Option<&str>, sources: &Sources) {
    let message = isolated_quotes(&finding.message);
    // The message quotes documents: `dir="auto"` on the element holding it.
    let message = match anchor {
        Some(anchor) => format!("<a href=\"#{anchor}\" dir=\"auto\">{message}</a>"),
        None => format!("<span dir=\"auto\">{message}</span>"),
    };
    let _ = writeln!(
        out,
        "<li class=\"{}\"><span class=\"severity\">{}</span> <code>{}</code> {message}{} \
         <span class=\"where\">{}</span></li>",
        finding.severity.name(),
        finding.severity.name(),
        escape(finding.rule),
        basis_mark(finding),
        escape(&location(sources, finding.span))
    );
}

/// What a finding of absence rests on, where it is not the text itself.
fn basis_mark(finding: &Finding) -> &'static str {
    match finding.basis {
        Some(crate::model::Basis::Reports) => {
            " <span class=\"basis\">(rests on reports of the text, not the text)</span>"
        }
        _ => "",
    }
}

fn render_row(out: &mut String, step: &Step, row: &Row, id: &str, sources: &Sources) {
    let name = |clause: Option<&Clause>| clause.map(clause_label).unwrap_or_default();
    let heading = |clause: Option<&Clause>| match clause {
        Some(clause) => {
            let line = line_of(sources, clause.span);
            format!(
                "<span dir=\"auto\">{}</span> <span class=\"line\">line {line}</span>",
                escape(&clause_label(clause))
            )
        }
        None => String::new(),
    };
    let older = step.older_clause(row);
    let newer = step.newer_clause(row);
    let _ = writeln!(
        out,
        "<tbody class=\"pair {}\" data-older=\"{}\" data-newer=\"{}\" id=\"{id}\">\n\
         <tr class=\"head\">{}{}{}</tr>",
        row.status.name(),
        escape(&name(older)),
        escape(&name(newer)),
        mark_cell(marker(row.status)),
        cell("th", "older", &heading(older)),
        cell("th", "newer", &heading(newer))
    );
    if row.status != Status::Unchanged {
        for attribute in &row.attributes {
            let older = attribute.older.as_deref().map(|value| (value, Vec::new()));
            let newer = attribute.newer.as_deref().map(|value| (value, Vec::new()));
            // All of an added (or removed) clause is new: its row says so, and
            // marking every word of it would hide nothing but add noise.
            let whole = row.status == Status::Changed;
            render_attribute(out, attribute, older, newer, whole);
        }
        // Only a changed pair marks words: all of an added clause is new.
        let side = |shown: WordOp, tag: &str| -> String {
            let mut html = String::new();
            for run in &row.side(shown) {
                if run.op == WordOp::Equal || (run.op == shown && row.status != Status::Changed) {
                    html.push_str(&escape(&run.text));
                } else if run.op == shown {
                    let _ = write!(html, "<{tag}>{}</{tag}>", escape(&run.text));
                }
            }
            html
        };
        let left = older
            .map(|_| side(WordOp::Delete, "del"))
            .unwrap_or_default();
        let right = newer
            .map(|_| side(WordOp::Insert, "ins"))
            .unwrap_or_default();
        if !left.trim().is_empty() || !right.trim().is_empty() {
            let _ = writeln!(
                out,
                "<tr class=\"text\">{}{}{}</tr>",
                mark_cell(""),
                cell("td", "older", &text_block(&left)),
                cell("td", "newer", &text_block(&right))
            );
        }
    }
    let _ = writeln!(out, "</tbody>");
}

/// A table cell of one side; `empty` where it holds nothing, so it is never
/// painted (and, on a narrow screen, not shown).
fn cell(tag: &str, side: &str, html: &str) -> String {
    if html.trim().is_empty() {
        format!("<{tag} class=\"{side} empty\"></{tag}>")
    } else {
        format!("<{tag} class=\"{side}\">{html}</{tag}>")
    }
}

/// The mark column: `~`, `+`, `-`, `=` or nothing, coloured by what it says.
fn mark_cell(mark: impl std::fmt::Display) -> String {
    let mark = mark.to_string();
    let class = match mark.as_str() {
        "~" => " tilde",
        "+" => " plus",
        "-" => " minus",
        _ => "",
    };
    format!("<td class=\"mark{class}\">{mark}</td>")
}

fn text_block(html: &str) -> String {
    if html.trim().is_empty() {
        String::new()
    } else {
        format!("<div class=\"text\" dir=\"auto\">{html}</div>")
    }
}

/// One side of a document-level term as the reader knows it: parties by their
/// declared names, the region by its place's name. Each side is the value and,
/// for a list of parties, its items as (id, name).
type Side<'a> = Option<(&'a str, Vec<(String, String)>)>;

fn document_sides<'a>(step: &Step, attribute: &'a AttributeDiff) -> (Side<'a>, Side<'a>) {
    let side = |document: &Document, value: &'a Option<String>| -> Side<'a> {
        let value = value.as_deref()?;
        let items = match attribute.term {
            Term::Parties(role) => {
                let ids = with_role(document, role);
                // Names only where the ids are those the comparison printed.
                if ids.join(", ") != value {
                    return Some((value, Vec::new()));
                }
                ids.iter()
                    .map(|id| (id.to_string(), party_name(document, id).to_string()))
                    .collect()
            }
            Term::Region => match document.region.as_ref().map(|region| &region.value) {
                Some(PlaceRef::Declared(id)) if id == value => {
                    let name = document
                        .place(id)
                        .and_then(|place| place.name.as_ref())
                        .map_or(id.as_str(), |name| name.value.as_str());
                    vec![(id.to_string(), name.to_string())]
                }
                _ => Vec::new(),
            },
            Term::Attribute(_) => Vec::new(),
        };
        Some((value, items))
    };
    (
        side(step.older, &attribute.older),
        side(step.newer, &attribute.newer),
    )
}

/// An attribute row. A side given as items (id, name) shows the names and marks
/// the items the other side lacks; a side given as a plain value marks the
/// words the other side's value lacks. An attribute only one side states is
/// marked as a whole where `mark_alone`.
fn render_attribute(
    out: &mut String,
    attribute: &AttributeDiff,
    older: Side,
    newer: Side,
    mark_alone: bool,
) {
    let mark = match (&attribute.older, &attribute.newer) {
        _ if !attribute.changed() => "",
        (None, Some(_)) => "+",
        (Some(_), None) => "-",
        _ => "~",
    };
    let (left, right) = match (&older, &newer) {
        (Some((_, old_items)), Some((_, new_items)))
            if !old_items.is_empty() && !new_items.is_empty() =>
        {
            (
                item_runs(old_items, new_items),
                item_runs(new_items, old_items),
            )
        }
        (Some((old, _)), Some((new, _))) if attribute.changed() => value_runs(old, new),
        _ => {
            // One side only, or both the same: nothing to mark word by word.
            let whole = |side: &Side| match side {
                Some((_, items)) if !items.is_empty() => item_runs(items, items),
                Some((value, _)) => vec![(false, escape(value))],
                None => Vec::new(),
            };
            (whole(&older), whole(&newer))
        }
    };
    let favours = attribute
        .gain
        .as_ref()
        .map(|favours| {
            format!(
                " <span class=\"where\" dir=\"auto\">({})</span>",
                escape(&favours.phrase())
            )
        })
        .unwrap_or_default();
    // An attribute one side lacks is new or gone as a whole: marked whole.
    let alone = mark_alone && (older.is_none() || newer.is_none());
    let value = |runs: Runs, tag: &str| -> String {
        if runs.is_empty() {
            return String::new();
        }
        let mut html = String::new();
        for (changed, text) in runs {
            if changed {
                let _ = write!(html, "<{tag}>{text}</{tag}>");
            } else {
                html.push_str(&text);
            }
        }
        if alone && attribute.changed() {
            html = format!("<{tag}>{html}</{tag}>");
        }
        format!(
            "<span class=\"key\">{}:</span> <span class=\"value\" dir=\"auto\">{html}</span>",
            escape(attribute.key())
        )
    };
    let mut left = value(left, "del");
    let mut right = value(right, "ins");
    // Whom the change favours goes beside the newer value, or beside the
    // older where the newer draft drops the term.
    if right.is_empty() {
        left.push_str(&favours);
    } else {
        right.push_str(&favours);
    }
    let _ = writeln!(
        out,
        "<tr class=\"attribute{}\">{}{}{}</tr>",
        if attribute.changed() { " changed" } else { "" },
        mark_cell(mark),
        cell("td", "older", &left),
        cell("td", "newer", &right)
    );
}

/// One side of a value in runs of HTML, each marked changed or not.
type Runs = Vec<(bool, String)>;

/// One side's items by name (escaped), each marked changed where the other
/// side lacks its id; the separators between them unmarked.
fn item_runs(items: &[(String, String)], other: &[(String, String)]) -> Runs {
    let other: HashSet<&str> = other.iter().map(|(id, _)| id.as_str()).collect();
    let mut runs = Vec::new();
    for (position, (id, name)) in items.iter().enumerate() {
        if position > 0 {
            // Names may hold commas ("Rebel groups, Rastan Operations Room").
            runs.push((false, "; ".to_string()));
        }
        runs.push((
            !other.contains(id.as_str()),
            format!(
                "<span dir=\"auto\" title=\"{}\">{}</span>",
                escape(id),
                escape(name)
            ),
        ));
    }
    runs
}

/// A word diff of two values: each side in runs (changed or not, escaped),
/// the spaces between two changed runs joined into one change.
fn value_runs(older: &str, newer: &str) -> (Runs, Runs) {
    let old_tokens = tokens(older);
    let new_tokens = tokens(newer);
    let ops = similar::capture_diff_slices_deadline(
        Algorithm::Myers,
        &old_tokens,
        &new_tokens,
        Some(Instant::now() + VALUE_DIFF_DEADLINE),
    );
    let mut left: Vec<(bool, &str)> = Vec::new();
    let mut right: Vec<(bool, &str)> = Vec::new();
    for op in &ops {
        for change in op.iter_changes(&old_tokens, &new_tokens) {
            let token = change.value();
            match change.tag() {
                ChangeTag::Equal => {
                    left.push((false, token));
                    right.push((false, token));
                }
                ChangeTag::Delete => left.push((true, token)),
                ChangeTag::Insert => right.push((true, token)),
            }
        }
    }
    (joined_runs(&left), joined_runs(&right))
}

/// Runs of tokens, a space between two changed tokens counted changed, runs of
/// one kind merged and escaped.
fn joined_runs(tokens: &[(bool, &str)]) -> Runs {
    let mut runs: Vec<(bool, String)> = Vec::new();
    for (position, (changed, token)) in tokens.iter().enumerate() {
        let between_changes = !changed
            && token.trim().is_empty()
            && position > 0
            && tokens[position - 1].0
            && tokens.get(position + 1).is_some_and(|next| next.0);
        let changed = *changed || between_changes;
        match runs.last_mut() {
            Some((last, text)) if *last == changed => text.push_str(&escape(token)),
            _ => runs.push((changed, escape(token))),
        }
    }
    runs
}

/// A value cut into words, spaces and single punctuation marks, so that
/// `factions, regime.forces` against `factions` differs only in
/// `, regime.forces`.
fn tokens(value: &str) -> Vec<&str> {
    let class = |c: char| {
        if c.is_whitespace() {
            0
        } else if c.is_alphanumeric() || matches!(c, '_' | '.' | '-' | '\'' | '’') {
            1
        } else {
            2
        }
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut previous = None;
    for (at, c) in value.char_indices() {
        let kind = class(c);
        if previous.is_some_and(|previous| previous != kind || kind == 2) {
            out.push(&value[start..at]);
            start = at;
        }
        previous = Some(kind);
    }
    if start < value.len() {
        out.push(&value[start..]);
    }
    out
}

fn render_kinds(out: &mut String, thread: &Thread, ids: &[&str]) {
    let _ = writeln!(
        out,
        "<h2>Clause kinds</h2>\n<table class=\"kinds\">\n<tr><th>clause kind</th>"
    );
    for id in ids {
        let _ = write!(out, "<th dir=\"auto\">{}</th>", escape(id));
    }
    let _ = writeln!(out, "</tr>");
    for (kind, counts) in thread.kinds() {
        let _ = write!(out, "<tr><td>{}</td>", escape(kind));
        for count in counts {
            if count == 0 {
                let _ = write!(out, "<td>·</td>");
            } else {
                let _ = write!(out, "<td>{count}</td>");
            }
        }
        let _ = writeln!(out, "</tr>");
    }
    let _ = writeln!(out, "</table>");
}

/// Text safe in HTML content and in quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::report::contrast;

    #[test]
    fn every_text_colour_reads_at_4_5_to_1_on_its_background() {
        let short = contrast::short_of_4_5(PALETTE, PAIRINGS);
        assert!(short.is_empty(), "below 4.5:1: {short:?}");
    }

    #[test]
    fn the_stylesheet_uses_only_palette_colours() {
        let stray = contrast::stray_colours(STYLE, PALETTE);
        assert!(stray.is_empty(), "{stray:?}");
    }

    #[test]
    fn a_changed_value_marks_only_the_words_that_differ() {
        let (left, right) = value_runs("factions, regime.forces", "factions");
        assert_eq!(
            left,
            [
                (false, "factions".to_string()),
                (true, ", regime.forces".to_string())
            ]
        );
        assert_eq!(right, [(false, "factions".to_string())]);
        let (left, right) = value_runs("2016-08-31 at noon", "2016-09-02 at noon");
        assert_eq!(left[0], (true, "2016-08-31".to_string()));
        assert_eq!(right[0], (true, "2016-09-02".to_string()));
        assert_eq!(left[1], (false, " at noon".to_string()));
        // Two changed words and the space between them are one change.
        let (left, _) = value_runs("binding (not stated)", "binding (stated)");
        assert_eq!(
            left,
            [
                (false, "binding (".to_string()),
                (true, "not ".to_string()),
                (false, "stated)".to_string())
            ]
        );
    }
}
