//! `truce compare`, for people: the two documents side by side.
//!
//! ```text
//! cairo_2017 → october_4_2017
//!   older: cairo_2017, Cairo agreement on northern Homs, 2017-08-03, collapsed
//!   newer: october_4_2017, Preliminary ceasefire agreement of 4 October 2017, ...
//!
//!   cairo_2017                             | october_4_2017
//! ~ detainee_release              line 55  | clause 3 detainee_release  line 185
//! + by: none                               | by: russia
//! ~ strength: none                         | strength: pledge
//!   text: The Cairo ceasefire [-stipulated | text: {+the handover of all+} ...
//! ```
//!
//! Each row pairs an older clause with a newer one; the mark in the gutter says
//! what happened: `~` changed, `+` added, `-` removed, `=` unchanged. Within a
//! row, attributes line up by key, and the verbatim texts show a word diff:
//! `[-deleted words-]` on the left, `{+inserted words+}` on the right. The marks
//! carry the meaning, so the report reads the same with colour off; colour (from
//! `colored`, switched by the binary) only adds emphasis. The two columns share
//! the terminal's width and long values wrap.

use std::fmt::Write as _;

use colored::Colorize;

use crate::compare::{AttributeDiff, Row, Status, Step, Thread, WordOp};
use crate::rules::{Finding, Severity};
use crate::source::Sources;

use super::compare_shared::{
    by_severity, clause_label, counts_phrase, document_line, line_of, location, marker,
};
use super::wrap;

/// The width when neither `COLUMNS` nor the terminal says.
pub const DEFAULT_WIDTH: usize = 100;
/// The narrowest layout: below this the columns would hold a word or two.
pub const MIN_WIDTH: usize = 40;

#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Total width in characters.
    pub width: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            width: DEFAULT_WIDTH,
        }
    }
}

/// Every step of the thread, then (for three or more documents) the clause kinds
/// of each, then the summary line.
pub fn render(thread: &Thread, sources: &Sources, options: Options) -> String {
    let width = options.width.max(MIN_WIDTH);
    let mut out = String::new();
    for step in &thread.steps {
        render_step(&mut out, step, sources, width);
    }
    if thread.documents.len() > 2 {
        render_kinds(&mut out, thread);
    }
    let findings: Vec<&Finding> = thread.findings().collect();
    let line = format!(
        "{}: {}",
        super::plural(thread.steps.len(), "comparison", "comparisons"),
        counts_phrase(findings.iter().copied())
    );
    let _ = writeln!(out, "{}", line.bold());
    out
}

/// How a piece of a cell is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Paint {
    Plain,
    Key,
    Old,
    New,
    Dim,
}

type Piece = (String, Paint);
type Line = Vec<Piece>;

fn paint(text: &str, paint: Paint) -> String {
    match paint {
        Paint::Plain => text.to_string(),
        Paint::Key => text.bold().to_string(),
        Paint::Old => text.red().to_string(),
        Paint::New => text.green().to_string(),
        Paint::Dim => text.dimmed().to_string(),
    }
}

fn paint_marker(mark: char) -> String {
    let text = mark.to_string();
    match mark {
        '~' => text.yellow().bold().to_string(),
        '+' => text.green().bold().to_string(),
        '-' => text.red().bold().to_string(),
        _ => text.dimmed().to_string(),
    }
}

fn render_step(out: &mut String, step: &Step, sources: &Sources, width: usize) {
    let title = format!("{} → {}", step.older.id.value, step.newer.id.value);
    let _ = writeln!(out, "{}", title.bold());
    for (label, document) in [("older", step.older), ("newer", step.newer)] {
        let line = format!(
            "{label}: {}, {}",
            document.id.value,
            document_line(document)
        );
        for (index, text) in wrap(&line, width.saturating_sub(4)).iter().enumerate() {
            let indent = if index == 0 { "  " } else { "    " };
            let _ = writeln!(out, "{indent}{text}");
        }
        let _ = writeln!(out, "    {}", location(sources, document.id.span).dimmed());
    }
    render_summary(out, step, width);
    out.push('\n');

    let column = (width - 5) / 2;
    columns(
        out,
        None,
        vec![vec![(step.older.id.value.to_string(), Paint::Key)]],
        vec![vec![(step.newer.id.value.to_string(), Paint::Key)]],
        column,
    );
    let _ = writeln!(out, "  {}-+-{}", "-".repeat(column), "-".repeat(column));

    if !step.document.is_empty() {
        let status = if step.document.iter().any(AttributeDiff::changed) {
            Status::Changed
        } else {
            Status::Unchanged
        };
        columns(
            out,
            Some(marker(status)),
            vec![vec![("document".to_string(), Paint::Key)]],
            vec![vec![("document".to_string(), Paint::Key)]],
            column,
        );
        for attribute in &step.document {
            render_attribute(out, attribute, column);
        }
        out.push('\n');
    }

    for row in &step.rows {
        render_row(out, step, row, sources, column);
    }

    let _ = writeln!(
        out,
        "{}",
        format!("Findings: {}", counts_phrase(&step.findings)).bold()
    );
    for (_, finding) in by_severity(&step.findings) {
        render_finding(out, finding, sources, width);
    }
    for (title, findings) in [
        (
            format!("Resolved in {}", step.newer.id.value),
            &step.resolved,
        ),
        (format!("New in {}", step.newer.id.value), &step.appeared),
    ] {
        if findings.is_empty() {
            continue;
        }
        let heading = format!(
            "{title} (findings of `truce check`): {}",
            counts_phrase(findings)
        );
        out.push('\n');
        for line in wrap(&heading, width) {
            let _ = writeln!(out, "{}", line.bold());
        }
        for finding in findings {
            render_finding(out, finding, sources, width);
        }
    }
    out.push('\n');
}

/// The balance by camp, the weightiest changes, and what `check` finds
/// resolved and new: what a mediator reads first.
fn render_summary(out: &mut String, step: &Step, width: usize) {
    let mut lines = vec![format!("balance: {}", step.balance().phrase())];
    let weightiest = step.weightiest();
    if !weightiest.is_empty() {
        lines.push("weightiest changes:".to_string());
        for (_, finding) in weightiest {
            lines.push(format!(
                "- {}[{}] {}",
                finding.severity.name(),
                finding.rule,
                finding.message
            ));
        }
    }
    if !step.resolved.is_empty() || !step.appeared.is_empty() {
        lines.push(format!(
            "findings of `truce check`: {} resolved, {} new",
            step.resolved.len(),
            step.appeared.len()
        ));
    }
    for line in lines {
        let hanging = if line.starts_with("- ") {
            "      "
        } else {
            "    "
        };
        for (index, text) in wrap(&line, width.saturating_sub(6)).iter().enumerate() {
            let indent = if index == 0 { "  " } else { hanging };
            let _ = writeln!(out, "{indent}{text}");
        }
    }
}

fn render_row(out: &mut String, step: &Step, row: &Row, sources: &Sources, column: usize) {
    let header = |clause: Option<&crate::model::Clause>| -> Vec<Line> {
        let Some(clause) = clause else {
            return Vec::new();
        };
        let line = line_of(sources, clause.span);
        let mut pieces: Line = clause_label(clause)
            .split(' ')
            .map(|word| (word.to_string(), Paint::Key))
            .collect();
        pieces.push((format!(" line {line}"), Paint::Dim));
        fit(&pieces, column, 2)
    };
    columns(
        out,
        Some(marker(row.status)),
        header(step.older_clause(row)),
        header(step.newer_clause(row)),
        column,
    );
    if row.status == Status::Unchanged {
        out.push('\n');
        return;
    }
    for attribute in &row.attributes {
        render_attribute(out, attribute, column);
    }
    if row.words.iter().any(|words| !words.text.trim().is_empty()) {
        let (left, right) = text_cells(row, column);
        let mark = if row
            .words
            .iter()
            .any(|words| words.op != WordOp::Equal && !words.text.trim().is_empty())
            && row.status == Status::Changed
        {
            Some('~')
        } else {
            None
        };
        columns(out, mark, left, right, column);
    }
    out.push('\n');
}

/// One attribute on both sides, keys aligned.
fn render_attribute(out: &mut String, attribute: &AttributeDiff, column: usize) {
    let mark = match (&attribute.older, &attribute.newer) {
        _ if !attribute.changed() => None,
        (None, Some(_)) => Some('+'),
        (Some(_), None) => Some('-'),
        _ => Some('~'),
    };
    let cell = |value: &Option<String>, changed_paint: Paint| -> Vec<Line> {
        let Some(value) = value else {
            return Vec::new();
        };
        let paint = if attribute.changed() {
            changed_paint
        } else {
            Paint::Plain
        };
        let mut pieces: Line = vec![(format!("{}:", attribute.key()), Paint::Key)];
        pieces.extend(
            value
                .split_whitespace()
                .map(|word| (word.to_string(), paint)),
        );
        fit(&pieces, column, 2)
    };
    columns(
        out,
        mark,
        cell(&attribute.older, Paint::Old),
        cell(&attribute.newer, Paint::New),
        column,
    );
}

/// The two texts with the word diff marked: deletions on the left, insertions on
/// the right.
fn text_cells(row: &Row, column: usize) -> (Vec<Line>, Vec<Line>) {
    let side = |shown: WordOp, open: &str, close: &str, paint: Paint| -> Line {
        let mut pieces: Line = vec![("text:".to_string(), Paint::Key)];
        for run in &row.side(shown) {
            let words: Vec<&str> = run.text.split_whitespace().collect();
            let count = words.len();
            for (index, word) in words.into_iter().enumerate() {
                if run.op == WordOp::Equal || row.status != Status::Changed {
                    pieces.push((word.to_string(), Paint::Plain));
                    continue;
                }
                let mut text = String::new();
                if index == 0 {
                    text.push_str(open);
                }
                text.push_str(word);
                if index + 1 == count {
                    text.push_str(close);
                }
                pieces.push((text, paint));
            }
        }
        pieces
    };
    let has_old = row.older.is_some();
    let has_new = row.newer.is_some();
    let left = side(WordOp::Delete, "[-", "-]", Paint::Old);
    let right = side(WordOp::Insert, "{+", "+}", Paint::New);
    let left = if has_old && left.len() > 1 {
        fit(&left, column, 2)
    } else {
        Vec::new()
    };
    let right = if has_new && right.len() > 1 {
        fit(&right, column, 2)
    } else {
        Vec::new()
    };
    (left, right)
}

/// Words into lines of at most `width` characters; lines after the first are
/// indented by `indent`. A word longer than a line is cut.
fn fit(pieces: &[Piece], width: usize, indent: usize) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    let mut line: Line = Vec::new();
    let mut length = 0;
    for (word, paint) in pieces {
        let mut word = word.clone();
        loop {
            let room = if lines.is_empty() {
                width
            } else {
                width.saturating_sub(indent)
            };
            let size = word.chars().count();
            let needed = if line.is_empty() {
                size
            } else {
                length + 1 + size
            };
            if needed <= room {
                if !line.is_empty() {
                    length += 1;
                }
                length += size;
                line.push((word, *paint));
                break;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                length = 0;
                continue;
            }
            // Alone and still too long: cut it.
            let room = room.max(1);
            let head: String = word.chars().take(room).collect();
            let rest: String = word.chars().skip(room).collect();
            lines.push(vec![(head, *paint)]);
            word = rest;
            if word.is_empty() {
                break;
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    for line in lines.iter_mut().skip(1) {
        line.insert(0, (" ".repeat(indent.saturating_sub(1)), Paint::Plain));
    }
    lines
}

/// A line's text with colour, and its width without.
fn draw(line: &Line) -> (String, usize) {
    let mut text = String::new();
    let mut width = 0;
    for (index, (word, paint_as)) in line.iter().enumerate() {
        if index > 0 {
            text.push(' ');
            width += 1;
        }
        text.push_str(&paint(word, *paint_as));
        width += word.chars().count();
    }
    (text, width)
}

/// Two cells side by side, the mark in the gutter of the first line.
fn columns(out: &mut String, mark: Option<char>, left: Vec<Line>, right: Vec<Line>, column: usize) {
    let height = left.len().max(right.len()).max(1);
    for index in 0..height {
        let gutter = match (index, mark) {
            (0, Some(mark)) => format!("{} ", paint_marker(mark)),
            _ => "  ".to_string(),
        };
        let (left_text, left_width) = left.get(index).map(draw).unwrap_or_default();
        let (right_text, _) = right.get(index).map(draw).unwrap_or_default();
        let padding = " ".repeat(column.saturating_sub(left_width));
        let line = format!("{gutter}{left_text}{padding} | {right_text}");
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

fn severity_paint(text: &str, severity: Severity) -> String {
    match severity {
        Severity::Error => text.red().bold().to_string(),
        Severity::Warning => text.yellow().bold().to_string(),
        Severity::Info => text.cyan().bold().to_string(),
    }
}

fn render_finding(out: &mut String, finding: &Finding, sources: &Sources, width: usize) {
    let header = format!("{}[{}]", finding.severity.name(), finding.rule);
    let first_width = width.saturating_sub(header.chars().count() + 1).max(20);
    let lines = wrap(&finding.message, first_width);
    for (index, line) in lines.iter().enumerate() {
        if index == 0 {
            let _ = writeln!(out, "{} {line}", severity_paint(&header, finding.severity));
        } else {
            let _ = writeln!(out, "{}{line}", " ".repeat(header.chars().count() + 1));
        }
    }
    let _ = writeln!(
        out,
        "  {} {}",
        "-->".cyan(),
        location(sources, finding.span)
    );
}

/// Which clause kinds each document has, `·` for none.
fn render_kinds(out: &mut String, thread: &Thread) {
    let kinds = thread.kinds();
    let first = kinds
        .iter()
        .map(|(kind, _)| kind.len())
        .chain(std::iter::once("clause kind".len()))
        .max()
        .unwrap_or(0);
    let widths: Vec<usize> = thread
        .documents
        .iter()
        .map(|document| document.id.value.chars().count().max(1))
        .collect();
    let mut header = super::pad::left("clause kind", first);
    for (document, width) in thread.documents.iter().zip(&widths) {
        header.push_str("  ");
        header.push_str(&super::pad::left(&document.id.value, *width));
    }
    let _ = writeln!(out, "{}", header.trim_end().bold());
    for (kind, counts) in kinds {
        let mut line = super::pad::left(kind, first);
        for (count, width) in counts.iter().zip(&widths) {
            let cell = if *count == 0 {
                "·".to_string()
            } else {
                count.to_string()
            };
            line.push_str("  ");
            line.push_str(&super::pad::left(&cell, *width));
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    out.push('\n');
}
