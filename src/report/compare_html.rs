//! `truce compare --format html`: one self-contained page (styles inline, no
//! scripts, no external assets) with the documents side by side, the changes
//! highlighted and the findings listed.
//!
//! Every string that comes from a document goes through [`escape`], in text and
//! in attribute values alike, so a clause whose text holds `<script>` shows it as
//! text. Each pair of clauses is a `<tbody class="pair STATUS">` whose
//! `data-older` and `data-newer` attributes name its two clauses, so a test (or
//! a reader's own tooling) can find the pairs in the rendered page.

use std::fmt::Write as _;

use crate::compare::{AttributeDiff, Row, Status, Step, Thread, WordOp};
use crate::model::Clause;
use crate::source::Sources;

use super::compare_shared::{
    clause_label, counts_phrase, document_line, line_of, location, marker,
};

const STYLE: &str = "
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 78em; padding: 0 1em; color: #1d1d1f; }
h1 { font-size: 1.5em; } h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ccc; }
table.compare { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.compare th, table.compare td { vertical-align: top; padding: .25em .5em; text-align: left; overflow-wrap: anywhere; }
table.compare col.mark { width: 2em; }
tbody.pair { border-top: 1px solid #ddd; }
tbody.pair tr.head th { font-weight: 600; }
td.mark { font-family: ui-monospace, monospace; text-align: center; }
tbody.changed td.mark, tr.changed td.mark { color: #9a6700; }
tbody.added { background: #eefbf0; } tbody.removed { background: #fdf0f0; }
tbody.unchanged { color: #666; }
tr.changed td.older, del { background: #ffd7d5; text-decoration: line-through; }
tr.changed td.newer, ins { background: #ccf5d6; text-decoration: none; }
span.key { font-weight: 600; } span.line, span.where { color: #777; font-size: .85em; }
ul.findings li { margin: .2em 0; } .severity { font-weight: 600; }
.warning .severity { color: #9a6700; } .error .severity { color: #c62828; } .info .severity { color: #0b6bcb; }
table.kinds td, table.kinds th { padding: .2em .6em; text-align: center; } table.kinds td:first-child { text-align: left; }
";

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
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>",
        escape(&title),
        escape(&title)
    );
    for step in &thread.steps {
        render_step(&mut out, step, sources);
    }
    if thread.documents.len() > 2 {
        let _ = writeln!(
            out,
            "<h2>Clause kinds</h2>\n<table class=\"kinds\">\n<tr><th>clause kind</th>"
        );
        for id in &ids {
            let _ = write!(out, "<th>{}</th>", escape(id));
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
    let _ = writeln!(
        out,
        "<p class=\"summary\">{}: {}.</p>\n</body>\n</html>",
        super::plural(thread.steps.len(), "comparison", "comparisons"),
        escape(&counts_phrase(thread.findings()))
    );
    out
}

fn render_step(out: &mut String, step: &Step, sources: &Sources) {
    let _ = writeln!(
        out,
        "<section class=\"step\">\n<h2>{} → {}</h2>\n<dl class=\"documents\">",
        escape(&step.older.id.value),
        escape(&step.newer.id.value)
    );
    for (label, document) in [("older", step.older), ("newer", step.newer)] {
        let _ = writeln!(
            out,
            "<dt>{label}</dt><dd><strong>{}</strong>: {} <span class=\"where\">{}</span></dd>",
            escape(&document.id.value),
            escape(&document_line(document)),
            escape(&location(sources, document.id.span))
        );
    }
    let _ = writeln!(
        out,
        "</dl>\n<table class=\"compare\">\n<colgroup><col class=\"mark\"><col><col></colgroup>\n\
         <thead><tr><th></th><th>{}</th><th>{}</th></tr></thead>",
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
            "<tbody class=\"document {}\">\n<tr class=\"head\"><td class=\"mark\">{}</td>\
             <th>document</th><th>document</th></tr>",
            status.name(),
            marker(status)
        );
        for attribute in &step.document {
            render_attribute(out, attribute);
        }
        let _ = writeln!(out, "</tbody>");
    }
    for row in &step.rows {
        render_row(out, step, row, sources);
    }
    let _ = writeln!(
        out,
        "</table>\n<h3>Findings ({})</h3>\n<ul class=\"findings\">",
        escape(&counts_phrase(&step.findings))
    );
    for finding in &step.findings {
        let _ = writeln!(
            out,
            "<li class=\"{}\"><span class=\"severity\">{}</span> <code>{}</code> {}{} \
             <span class=\"where\">{}</span></li>",
            finding.severity.name(),
            finding.severity.name(),
            escape(finding.rule),
            escape(&finding.message),
            basis_mark(finding),
            escape(&location(sources, finding.span))
        );
    }
    let _ = writeln!(out, "</ul>\n</section>");
}

/// What a finding of absence rests on, where it is not the text itself.
fn basis_mark(finding: &crate::finding::Finding) -> &'static str {
    match finding.basis {
        Some(crate::model::Basis::Reports) => {
            " <span class=\"basis\">(rests on reports of the text, not the text)</span>"
        }
        _ => "",
    }
}

fn render_row(out: &mut String, step: &Step, row: &Row, sources: &Sources) {
    let name = |clause: Option<&Clause>| clause.map(clause_label).unwrap_or_default();
    let heading = |clause: Option<&Clause>| match clause {
        Some(clause) => {
            let line = line_of(sources, clause.span);
            format!(
                "{} <span class=\"line\">line {line}</span>",
                escape(&clause_label(clause))
            )
        }
        None => String::new(),
    };
    let older = step.older_clause(row);
    let newer = step.newer_clause(row);
    let _ = writeln!(
        out,
        "<tbody class=\"pair {}\" data-older=\"{}\" data-newer=\"{}\">\n\
         <tr class=\"head\"><td class=\"mark\">{}</td><th>{}</th><th>{}</th></tr>",
        row.status.name(),
        escape(&name(older)),
        escape(&name(newer)),
        marker(row.status),
        heading(older),
        heading(newer)
    );
    if row.status != Status::Unchanged {
        for attribute in &row.attributes {
            render_attribute(out, attribute);
        }
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
                "<tr class=\"text\"><td class=\"mark\"></td><td>{}</td><td>{}</td></tr>",
                text_cell(&left),
                text_cell(&right)
            );
        }
    }
    let _ = writeln!(out, "</tbody>");
}

fn text_cell(html: &str) -> String {
    if html.trim().is_empty() {
        String::new()
    } else {
        format!("<span class=\"key\">text:</span> {html}")
    }
}

fn render_attribute(out: &mut String, attribute: &AttributeDiff) {
    let mark = match (&attribute.older, &attribute.newer) {
        _ if !attribute.changed() => "",
        (None, Some(_)) => "+",
        (Some(_), None) => "-",
        _ => "~",
    };
    let cell = |value: &Option<String>| match value {
        Some(value) => format!(
            "<span class=\"key\">{}:</span> {}",
            escape(attribute.key()),
            escape(value)
        ),
        None => String::new(),
    };
    let favours = attribute
        .gain
        .as_ref()
        .map(|favours| {
            format!(
                " <span class=\"where\">({})</span>",
                escape(&favours.phrase())
            )
        })
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "<tr class=\"attribute{}\"><td class=\"mark\">{mark}</td><td class=\"older\">{}</td>\
         <td class=\"newer\">{}{favours}</td></tr>",
        if attribute.changed() { " changed" } else { "" },
        cell(&attribute.older),
        cell(&attribute.newer)
    );
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
