//! `truce compare --format markdown`: for reports and issue trackers.
//!
//! One section per step: the two documents, a table of the aligned rows (a mark,
//! the older side, the newer side; attributes that changed under each pair's
//! heading row, the texts with ~~deleted~~ and **inserted** words), then the
//! findings. A thread of three or more documents ends with the clause kinds of
//! each. Every string from a document is escaped, so a clause's text can neither
//! break the table nor inject markup.

use std::fmt::Write as _;

use crate::compare::{Row, Status, Step, Thread, WordOp};
use crate::source::Sources;

use super::compare_shared::{
    by_severity, clause_label, counts_phrase, document_line, line_of, location, marker,
};

pub fn render(thread: &Thread, sources: &Sources) -> String {
    let mut out = String::new();
    let ids: Vec<String> = thread
        .documents
        .iter()
        .map(|document| document.id.value.to_string())
        .collect();
    let _ = writeln!(out, "# Comparison: {}\n", escape(&ids.join(" → ")));
    for step in &thread.steps {
        render_step(&mut out, step, sources);
    }
    if thread.documents.len() > 2 {
        let _ = writeln!(out, "## Clause kinds\n");
        let mut header = "| clause kind |".to_string();
        let mut rule = "|---|".to_string();
        for id in &ids {
            header.push_str(&format!(" {} |", escape(id)));
            rule.push_str("---:|");
        }
        let _ = writeln!(out, "{header}\n{rule}");
        for (kind, counts) in thread.kinds() {
            let mut line = format!("| {} |", escape(kind));
            for count in counts {
                if count == 0 {
                    line.push_str(" · |");
                } else {
                    line.push_str(&format!(" {count} |"));
                }
            }
            let _ = writeln!(out, "{line}");
        }
        out.push('\n');
    }
    let findings: Vec<_> = thread.findings().collect();
    let _ = writeln!(
        out,
        "{}: {}.",
        super::plural(thread.steps.len(), "comparison", "comparisons"),
        counts_phrase(findings.iter().copied())
    );
    out
}

fn render_step(out: &mut String, step: &Step, sources: &Sources) {
    let _ = writeln!(
        out,
        "## {} → {}\n",
        escape(&step.older.id.value),
        escape(&step.newer.id.value)
    );
    for (label, document) in [("Older", step.older), ("Newer", step.newer)] {
        let _ = writeln!(
            out,
            "- **{label}:** `{}`: {} (`{}`)",
            code(&document.id.value),
            escape(&document_line(document)),
            code(&location(sources, document.id.span))
        );
    }
    // What a mediator reads first: the balance by camp, the weightiest
    // changes, what `check` finds resolved and new.
    let _ = writeln!(out, "- **Balance:** {}", escape(&step.balance().phrase()));
    let weightiest = step.weightiest();
    if !weightiest.is_empty() {
        let _ = writeln!(out, "- **Weightiest changes:**");
        for (_, finding) in weightiest {
            let _ = writeln!(
                out,
                "  - **{}** `{}`: {}",
                finding.severity.name(),
                finding.rule,
                escape(&finding.message)
            );
        }
    }
    if !step.resolved.is_empty() || !step.appeared.is_empty() {
        let _ = writeln!(
            out,
            "- **Findings of `truce check`:** {} resolved, {} new",
            step.resolved.len(),
            step.appeared.len()
        );
    }
    out.push('\n');
    let _ = writeln!(
        out,
        "| | {} | {} |\n|:-:|---|---|",
        escape(&step.older.id.value),
        escape(&step.newer.id.value)
    );
    if step.document.iter().any(|attribute| attribute.changed()) {
        let _ = writeln!(out, "| ~ | **document** | **document** |");
        for attribute in step.document.iter().filter(|a| a.changed()) {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                attribute_mark(&attribute.older, &attribute.newer),
                cell(attribute.key(), &attribute.older),
                cell(attribute.key(), &attribute.newer)
            );
        }
    }
    for row in &step.rows {
        render_row(out, step, row, sources);
    }
    out.push('\n');
    let _ = writeln!(out, "### Findings ({})\n", counts_phrase(&step.findings));
    for (_, finding) in by_severity(&step.findings) {
        render_finding(out, finding, sources);
    }
    for (title, findings) in [("Resolved in", &step.resolved), ("New in", &step.appeared)] {
        if findings.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "\n### {title} `{}` (findings of `truce check`: {})\n",
            code(&step.newer.id.value),
            counts_phrase(findings)
        );
        for finding in findings {
            render_finding(out, finding, sources);
        }
    }
    out.push('\n');
}

fn render_finding(out: &mut String, finding: &crate::finding::Finding, sources: &Sources) {
    let _ = writeln!(
        out,
        "- **{}** `{}`: {} (`{}`)",
        finding.severity.name(),
        finding.rule,
        escape(&finding.message),
        code(&location(sources, finding.span))
    );
}

fn render_row(out: &mut String, step: &Step, row: &Row, sources: &Sources) {
    let heading = |clause: Option<&crate::model::Clause>| match clause {
        Some(clause) => {
            let line = line_of(sources, clause.span);
            format!("**{}** (line {line})", escape(&clause_label(clause)))
        }
        None => String::new(),
    };
    let _ = writeln!(
        out,
        "| {} | {} | {} |",
        mark(marker(row.status)),
        heading(step.older_clause(row)),
        heading(step.newer_clause(row))
    );
    if row.status == Status::Unchanged {
        return;
    }
    for attribute in &row.attributes {
        if row.status == Status::Changed && !attribute.changed() {
            continue;
        }
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            if row.status == Status::Changed {
                attribute_mark(&attribute.older, &attribute.newer)
            } else {
                " "
            },
            cell(attribute.key(), &attribute.older),
            cell(attribute.key(), &attribute.newer)
        );
    }
    let changed_text = row
        .words
        .iter()
        .any(|run| run.op != WordOp::Equal && !run.text.trim().is_empty());
    if row.status != Status::Changed || changed_text {
        let side = |shown: WordOp, open: &str, close: &str| -> String {
            let mut text = String::new();
            for run in &row.side(shown) {
                if run.op == WordOp::Equal || (run.op == shown && row.status != Status::Changed) {
                    text.push_str(&escape(&run.text));
                } else if run.op == shown && !run.text.trim().is_empty() {
                    text.push_str(&format!(" {open}{}{close} ", escape(run.text.trim())));
                }
            }
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if text.is_empty() {
                String::new()
            } else {
                format!("*text:* {text}")
            }
        };
        let left = if row.older.is_some() {
            side(WordOp::Delete, "~~", "~~")
        } else {
            String::new()
        };
        let right = if row.newer.is_some() {
            side(WordOp::Insert, "**", "**")
        } else {
            String::new()
        };
        if !left.is_empty() || !right.is_empty() {
            let mark = if row.status == Status::Changed {
                "~"
            } else {
                " "
            };
            let _ = writeln!(out, "| {mark} | {left} | {right} |");
        }
    }
}

fn attribute_mark(older: &Option<String>, newer: &Option<String>) -> &'static str {
    match (older, newer) {
        (None, Some(_)) => "+",
        (Some(_), None) => "-",
        _ => "~",
    }
}

fn mark(mark: char) -> &'static str {
    match mark {
        '~' => "~",
        '+' => "+",
        '-' => "-",
        _ => "=",
    }
}

fn cell(key: &str, value: &Option<String>) -> String {
    match value {
        Some(value) => format!("*{}:* {}", escape(key), escape(value)),
        None => String::new(),
    }
}

/// Text safe in a Markdown table cell: markup characters are backslash-escaped,
/// `<`, `>` and `&` become entities, and line breaks become spaces.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Text inside a code span: backticks cannot be escaped there, so they become
/// quotes; pipes would still split a table row.
fn code(text: &str) -> String {
    text.replace('`', "'").replace('|', "/")
}
