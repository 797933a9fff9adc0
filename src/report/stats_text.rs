//! `truce stats` as text for a terminal: aligned tables fitted to a width.
//!
//! A table wider than the width first wraps its last column when that holds
//! words (a rule's precondition, a kind's gaps); a table of numbers is split into
//! several, each repeating the columns that name its rows, as `truce coverage`
//! does, so a terminal never wraps a row.

use std::fmt::Write;

use super::pad;
use super::stats_tables::{Row, Table, headline, tables};
use crate::stats::Stats;

/// The narrowest a wrapped last column gets before the table is split instead.
const NARROWEST_WRAPPED: usize = 24;

pub fn render(stats: &Stats, width: usize) -> String {
    let mut out = String::new();
    for line in super::wrap(&headline(stats), width) {
        let _ = writeln!(out, "{line}");
    }
    for table in tables(stats) {
        out.push('\n');
        let _ = writeln!(out, "{}", table.title);
        for line in super::wrap(&table.lead, width) {
            let _ = writeln!(out, "{line}");
        }
        out.push('\n');
        out.push_str(&layout(&table, width));
        for note in &table.notes {
            out.push('\n');
            for line in super::wrap(note, width) {
                let _ = writeln!(out, "{line}");
            }
        }
    }
    out
}

/// The table laid out; one whose first column names groups of rows has it
/// written as a heading line over each group, and the rows indented under it.
fn layout(table: &Table, width: usize) -> String {
    if !table.headings {
        return lay_out_columns(table, width, &[]);
    }
    let headings: Vec<Option<String>> = table
        .rows
        .iter()
        .map(|row| row.cells.first().filter(|cell| !cell.is_empty()).cloned())
        .collect();
    // The rest of each row, indented under its heading.
    let rest = |cells: &[String]| {
        cells
            .iter()
            .skip(1)
            .enumerate()
            .map(|(index, cell)| {
                if index == 0 {
                    format!("  {cell}")
                } else {
                    cell.clone()
                }
            })
            .collect::<Vec<String>>()
    };
    let inner = Table {
        id: table.id,
        title: table.title,
        lead: String::new(),
        header: table.header.iter().skip(1).copied().collect(),
        numeric: table.numeric.iter().skip(1).copied().collect(),
        rows: table
            .rows
            .iter()
            .map(|row| Row {
                cells: rest(&row.cells),
                detail: None,
            })
            .collect(),
        totals: table.totals.as_deref().map(rest),
        notes: Vec::new(),
        headings: false,
    };
    lay_out_columns(&inner, width, &headings)
}

/// The columns aligned, the table split or its last column wrapped to fit
/// `width`; `headings`, when given, holds per row a line to write above it.
fn lay_out_columns(table: &Table, width: usize, headings: &[Option<String>]) -> String {
    let header: Vec<String> = table.header.iter().map(|h| h.to_string()).collect();
    let body: Vec<&[String]> = table
        .rows
        .iter()
        .map(|row| row.cells.as_slice())
        .chain(table.totals.iter().map(Vec::as_slice))
        .collect();
    let columns = header.len();
    let mut widths: Vec<usize> = (0..columns)
        .map(|column| {
            std::iter::once(&header[..])
                .chain(body.iter().copied())
                .map(|cells| cells.get(column).map_or(0, |cell| cell.chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let total =
        |widths: &[usize]| widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1);
    let last = columns.saturating_sub(1);
    let wraps_last = !table.numeric.get(last).copied().unwrap_or(true);
    if wraps_last && total(&widths) > width {
        let others = total(&widths[..last]) + 2;
        let room = width.saturating_sub(others).max(NARROWEST_WRAPPED);
        widths[last] = widths[last].min(room).max(header[last].chars().count());
    }
    // The columns that name a row (those before the first number) lead every
    // part of a split table.
    let keys = table
        .numeric
        .iter()
        .position(|numeric| *numeric)
        .unwrap_or(1)
        .max(1);
    let mut parts: Vec<Vec<usize>> = Vec::new();
    let mut used = total(&widths[..keys]);
    for column in keys..columns {
        let needed = widths[column] + 2;
        match parts.last_mut() {
            Some(part) if used + needed <= width => part.push(column),
            _ => {
                parts.push(vec![column]);
                used = total(&widths[..keys]);
            }
        }
        used += needed;
    }
    let mut out = String::new();
    for (index, part) in parts.iter().enumerate() {
        if index > 0 {
            out.push('\n');
        }
        let shown: Vec<usize> = (0..keys).chain(part.iter().copied()).collect();
        let rule: Vec<String> = shown.iter().map(|&c| "-".repeat(widths[c])).collect();
        write_row(&mut out, table, &shown, &widths, &header);
        let _ = writeln!(out, "{}", rule.join("  "));
        for (index, row) in table.rows.iter().enumerate() {
            if let Some(Some(heading)) = headings.get(index) {
                let _ = writeln!(out, "{heading}");
            }
            write_row(&mut out, table, &shown, &widths, &row.cells);
        }
        if let Some(totals) = &table.totals {
            let _ = writeln!(out, "{}", rule.join("  "));
            write_row(&mut out, table, &shown, &widths, totals);
        }
    }
    out
}

/// One row, its last cell wrapped to its column where it holds words.
fn write_row(out: &mut String, table: &Table, shown: &[usize], widths: &[usize], cells: &[String]) {
    let cell = |column: usize| cells.get(column).map_or("", String::as_str);
    let Some((&last, leading)) = shown.split_last() else {
        return;
    };
    let mut prefix: Vec<String> = leading
        .iter()
        .map(|&column| align(table, column, cell(column), widths[column]))
        .collect();
    let last_lines: Vec<String> = if table.numeric.get(last).copied().unwrap_or(false) {
        vec![align(table, last, cell(last), widths[last])]
    } else {
        let wrapped = wrap_items(cell(last), widths[last]);
        if wrapped.is_empty() {
            vec![String::new()]
        } else {
            wrapped
        }
    };
    let indent = " ".repeat(prefix.iter().map(|p| p.chars().count() + 2).sum());
    for (index, line) in last_lines.iter().enumerate() {
        let text = if index == 0 {
            prefix.push(line.clone());
            prefix.join("  ")
        } else {
            format!("{indent}{line}")
        };
        let _ = writeln!(out, "{}", text.trim_end());
    }
}

/// Lines of at most `width` characters, breaking between the items of a list
/// (`no-guarantor 10, weak-commitment 3`) where they fit, so an item and its
/// number stay together, and between words within an item too long for a line.
fn wrap_items(text: &str, width: usize) -> Vec<String> {
    let items: Vec<&str> = text.split(", ").collect();
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for (index, item) in items.iter().enumerate() {
        let item = if index + 1 < items.len() {
            format!("{item},")
        } else {
            item.to_string()
        };
        let length = line.chars().count();
        if length > 0 && length + 1 + item.chars().count() <= width {
            line.push(' ');
            line.push_str(&item);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if item.chars().count() <= width {
            line = item;
        } else {
            let mut parts = super::wrap(&item, width);
            line = parts.pop().unwrap_or_default();
            lines.extend(parts);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn align(table: &Table, column: usize, text: &str, width: usize) -> String {
    if table.numeric.get(column).copied().unwrap_or(false) {
        pad::right(text, width)
    } else {
        pad::left(text, width)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(numeric_last: bool) -> Table {
        let row = |cells: &[&str]| Row {
            cells: cells.iter().map(|c| c.to_string()).collect(),
            detail: None,
        };
        Table {
            id: "t",
            title: "T",
            lead: String::new(),
            header: vec!["name", "count", "words"],
            numeric: vec![false, true, numeric_last],
            rows: vec![
                row(&[
                    "alpha",
                    "3",
                    "one two three four five six seven eight nine ten",
                ]),
                row(&["b", "12", "x"]),
            ],
            totals: Some(vec!["total".into(), "15".into(), String::new()]),
            notes: Vec::new(),
            headings: false,
        }
    }

    #[test]
    fn a_last_column_of_words_wraps_under_itself() {
        assert_eq!(
            layout(&table(false), 40),
            "\
name   count  words
-----  -----  --------------------------
alpha      3  one two three four five
              six seven eight nine ten
b         12  x
-----  -----  --------------------------
total     15
"
        );
    }

    #[test]
    fn a_wide_table_of_numbers_splits_and_repeats_its_names() {
        assert_eq!(
            layout(&table(true), 20),
            "\
name   count
-----  -----
alpha      3
b         12
-----  -----
total     15

name                                              words
-----  ------------------------------------------------
alpha  one two three four five six seven eight nine ten
b                                                     x
-----  ------------------------------------------------
total
"
        );
    }

    #[test]
    fn items_of_a_list_stay_whole_on_their_line() {
        assert_eq!(
            wrap_items("no-guarantor 10, weak-commitment 3, undefined-actor 1", 20),
            [
                "no-guarantor 10,",
                "weak-commitment 3,",
                "undefined-actor 1"
            ]
        );
        assert_eq!(wrap_items("", 20), Vec::<String>::new());
        assert_eq!(
            wrap_items("an item too long for one line", 12),
            ["an item too", "long for one", "line"]
        );
    }
}
