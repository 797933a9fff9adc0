//! The coverage matrix as a terminal table, markdown, CSV and JSON.

use std::fmt::Write;

use crate::coverage::Matrix;
use crate::model::RedLineStatus;

fn status_mark(status: RedLineStatus) -> &'static str {
    match status {
        RedLineStatus::Met => "met",
        RedLineStatus::Unmet => "unmet",
        RedLineStatus::Violated => "VIOLATED",
    }
}

/// Header cells, then one row of cells per document, then the totals row.
fn cells(matrix: &Matrix, zero: &str) -> (Vec<String>, Vec<Vec<String>>, Vec<String>) {
    let mut header = vec!["document".to_string()];
    header.extend(matrix.kinds.iter().map(|k| k.to_string()));
    header.push("clauses".into());
    header.extend(matrix.red_lines.iter().map(|r| format!("red line: {r}")));
    if !matrix.red_lines.is_empty() {
        header.push("met".into());
    }
    let count = |n: usize| {
        if n == 0 {
            zero.to_string()
        } else {
            n.to_string()
        }
    };
    let rows = matrix
        .rows
        .iter()
        .map(|row| {
            let mut cells = vec![row.document.clone()];
            cells.extend(row.counts.iter().map(|&n| count(n)));
            cells.push(row.total.to_string());
            cells.extend(row.red_lines.iter().map(|s| status_mark(*s).to_string()));
            if !matrix.red_lines.is_empty() {
                cells.push(format!("{}/{}", row.met, matrix.red_lines.len()));
            }
            cells
        })
        .collect();
    let mut totals = vec!["total".to_string()];
    totals.extend(matrix.kind_totals.iter().map(|n| n.to_string()));
    totals.push(
        matrix
            .rows
            .iter()
            .map(|r| r.total)
            .sum::<usize>()
            .to_string(),
    );
    totals.extend(
        matrix
            .red_line_totals
            .iter()
            .map(|n| format!("{n}/{} met", matrix.rows.len())),
    );
    if !matrix.red_lines.is_empty() {
        totals.push(String::new());
    }
    (header, rows, totals)
}

/// An aligned table. When it is wider than `width`, its columns are split into
/// several tables, each repeating the document column, so a terminal never
/// wraps a row.
pub fn text(matrix: &Matrix, width: usize) -> String {
    let (header, rows, totals) = cells(matrix, "·");
    let all: Vec<&Vec<String>> = std::iter::once(&header)
        .chain(rows.iter())
        .chain(std::iter::once(&totals))
        .collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|column| {
            all.iter()
                .map(|row| row.get(column).map_or(0, |c| c.chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    // Columns after the first, in chunks that fit beside it.
    let mut chunks: Vec<Vec<usize>> = Vec::new();
    let mut used = widths[0];
    for column in 1..header.len() {
        let needed = widths[column] + 2;
        match chunks.last_mut() {
            Some(chunk) if used + needed <= width => chunk.push(column),
            _ => {
                chunks.push(vec![column]);
                used = widths[0];
            }
        }
        used += needed;
    }
    let mut out = String::new();
    for (index, chunk) in chunks.iter().enumerate() {
        if index > 0 {
            out.push('\n');
        }
        let columns: Vec<usize> = std::iter::once(0).chain(chunk.iter().copied()).collect();
        let line = |out: &mut String, row: &Vec<String>| {
            let cells: Vec<String> = columns
                .iter()
                .map(|&column| {
                    let cell = row.get(column).map_or("", String::as_str);
                    if column == 0 {
                        super::pad::left(cell, widths[column])
                    } else {
                        super::pad::right(cell, widths[column])
                    }
                })
                .collect();
            let _ = writeln!(out, "{}", cells.join("  ").trim_end());
        };
        let rule: Vec<String> = columns.iter().map(|&c| "-".repeat(widths[c])).collect();
        line(&mut out, &header);
        let _ = writeln!(out, "{}", rule.join("  "));
        for row in &rows {
            line(&mut out, row);
        }
        let _ = writeln!(out, "{}", rule.join("  "));
        line(&mut out, &totals);
    }
    out.push_str(&versions_note(matrix, width));
    out
}

/// Which documents are counted over several disagreeing versions, one paragraph
/// each, wrapped to `width`.
fn versions_note(matrix: &Matrix, width: usize) -> String {
    let mut out = String::new();
    for row in matrix.rows.iter().filter(|row| !row.versions.is_empty()) {
        let note = format!(
            "{}: the versions of {} are counted together",
            row.document,
            row.versions.join("; ")
        );
        for line in super::wrap(&note, width) {
            let _ = writeln!(out, "{line}");
        }
    }
    if out.is_empty() {
        out
    } else {
        format!("\n{out}")
    }
}

pub fn markdown(matrix: &Matrix) -> String {
    let (header, rows, totals) = cells(matrix, "");
    let escape = |cell: &String| cell.replace('|', "\\|");
    let mut out = String::new();
    let row = |out: &mut String, cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(escape).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    };
    row(&mut out, &header);
    let _ = writeln!(
        out,
        "|{}|",
        std::iter::once(" --- ".to_string())
            .chain((1..header.len()).map(|_| " ---: ".to_string()))
            .collect::<Vec<_>>()
            .join("|")
    );
    for cells in &rows {
        row(&mut out, cells);
    }
    let bold: Vec<String> = totals
        .iter()
        .map(|c| {
            if c.is_empty() {
                c.clone()
            } else {
                format!("**{c}**")
            }
        })
        .collect();
    row(&mut out, &bold);
    out.push_str(&versions_note(matrix, usize::MAX));
    out
}

/// RFC 4180 CSV: zero counts are `0`, fields with commas or quotes are quoted.
pub fn csv(matrix: &Matrix) -> String {
    let (header, rows, totals) = cells(matrix, "0");
    let field = |cell: &String| {
        if cell.contains([',', '"', '\n']) {
            format!("\"{}\"", cell.replace('"', "\"\""))
        } else {
            cell.clone()
        }
    };
    let mut out = String::new();
    for row in std::iter::once(&header)
        .chain(rows.iter())
        .chain(std::iter::once(&totals))
    {
        let _ = writeln!(
            out,
            "{}",
            row.iter().map(field).collect::<Vec<_>>().join(",")
        );
    }
    out
}

/// The matrix as JSON: `{"version": 1, "kinds", "red_lines", "rows", ...}`.
pub fn json(matrix: &Matrix) -> String {
    #[derive(serde::Serialize)]
    struct Envelope<'a> {
        version: u32,
        #[serde(flatten)]
        matrix: &'a Matrix,
    }
    serde_json::to_string_pretty(&Envelope { version: 1, matrix }).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matrix() -> Matrix {
        let text = r#"
agreement a { clause 1 ceasefire { text "x" } }
agreement b { clause 1 evacuation { people civilians } }
requirements r { require truce ceasefire { message "a ceasefire, please" } }
"#;
        let loaded = crate::load_str("c.truce", text);
        crate::coverage::matrix(&loaded.corpus, loaded.corpus.requirements.first(), &[])
    }

    #[test]
    fn every_format() {
        let matrix = matrix();
        assert_eq!(
            text(&matrix, 100),
            "\
document  ceasefire  evacuation  clauses  red line: truce  met
--------  ---------  ----------  -------  ---------------  ---
a                 1           ·        1              met  1/1
b                 ·           1        1            unmet  0/1
--------  ---------  ----------  -------  ---------------  ---
total             1           1        2          1/2 met
"
        );
        // Narrow: the columns split into two tables, each with the documents.
        assert_eq!(
            text(&matrix, 30),
            "\
document  ceasefire
--------  ---------
a                 1
b                 ·
--------  ---------
total             1

document  evacuation  clauses
--------  ----------  -------
a                  ·        1
b                  1        1
--------  ----------  -------
total              1        2

document  red line: truce  met
--------  ---------------  ---
a                     met  1/1
b                   unmet  0/1
--------  ---------------  ---
total             1/2 met
"
        );
        assert_eq!(
            markdown(&matrix),
            "\
| document | ceasefire | evacuation | clauses | red line: truce | met |
| --- | ---: | ---: | ---: | ---: | ---: |
| a | 1 |  | 1 | met | 1/1 |
| b |  | 1 | 1 | unmet | 0/1 |
| **total** | **1** | **1** | **2** | **1/2 met** |  |
"
        );
        assert_eq!(
            csv(&matrix),
            "document,ceasefire,evacuation,clauses,red line: truce,met\na,1,0,1,met,1/1\nb,0,1,1,unmet,0/1\ntotal,1,1,2,1/2 met,\n"
        );
        let value: serde_json::Value = serde_json::from_str(&json(&matrix)).expect("json");
        assert_eq!(value["version"], 1);
        assert_eq!(value["rows"][1]["counts"], serde_json::json!([0, 1]));
        assert_eq!(value["red_line_totals"], serde_json::json!([1]));
    }
}
