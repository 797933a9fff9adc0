//! `truce stats` as Markdown: a heading and a table per part, numbers aligned
//! right, every cell escaped.

use std::fmt::Write;

use super::compare_markdown::escape;
use super::stats_tables::{headline, tables};
use crate::stats::Stats;

pub fn render(stats: &Stats) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# truce stats\n\n{}.", escape(&headline(stats)));
    for table in tables(stats) {
        let _ = writeln!(out, "\n## {}\n\n{}\n", table.title, escape(&table.lead));
        let row = |out: &mut String, cells: &[String]| {
            let cells: Vec<String> = cells.iter().map(|cell| cell_text(cell)).collect();
            let _ = writeln!(out, "| {} |", cells.join(" | "));
        };
        let header: Vec<String> = table.header.iter().map(|h| h.to_string()).collect();
        row(&mut out, &header);
        let alignment: Vec<&str> = table
            .numeric
            .iter()
            .map(|numeric| if *numeric { " ---: " } else { " --- " })
            .collect();
        let _ = writeln!(out, "|{}|", alignment.join("|"));
        for cells in &table.rows {
            row(&mut out, &cells.cells);
        }
        if let Some(totals) = &table.totals {
            let bold: Vec<String> = totals
                .iter()
                .map(|cell| {
                    if cell.is_empty() {
                        String::new()
                    } else {
                        format!("**{}**", cell_text(cell))
                    }
                })
                .collect();
            let _ = writeln!(out, "| {} |", bold.join(" | "));
        }
        for note in &table.notes {
            // Notes hold the language's words in backticks: code spans, kept.
            let _ = writeln!(out, "\n{note}");
        }
    }
    out
}

/// A cell: escaped, but for the language's words in backticks, which stay code
/// spans (with nothing in them that could end the span or split the row).
fn cell_text(cell: &str) -> String {
    let parts: Vec<&str> = cell.split('`').collect();
    let mut out = String::new();
    for (index, part) in parts.iter().enumerate() {
        let closed = index + 1 < parts.len();
        if index % 2 == 1 && closed {
            out.push('`');
            out.push_str(&part.replace('|', "/").replace(['\n', '\r'], " "));
            out.push('`');
        } else {
            if index % 2 == 1 {
                // A backtick no other closes: shown as itself.
                out.push_str("\\`");
            }
            out.push_str(&escape(part));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_keep_code_spans_and_escape_the_rest() {
        assert_eq!(
            cell_text("documents with a `detainee_release` clause"),
            "documents with a `detainee_release` clause"
        );
        assert_eq!(cell_text("a_b | *c*"), "a\\_b \\| \\*c\\*");
        assert_eq!(cell_text("`a|b` and `open"), "`a/b` and \\`open");
        assert_eq!(cell_text("<b>"), "&lt;b&gt;");
    }
}
