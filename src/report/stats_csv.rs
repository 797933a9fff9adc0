//! `truce stats --format csv`: every table in one long ("tidy") CSV of four
//! columns, `table,row,column,value`, one number or word a line, so a
//! spreadsheet's pivot table or any data-frame library rebuilds any table.
//!
//! The tables: `corpus` (row `all`), `rules` (row: rule id), `kinds` (row: kind),
//! `gaps` (row: kind, column: rule id, value: clauses named), `gap_findings`
//! (the same, value: findings), `outcomes` (row: rule id or `all documents`;
//! columns `fires_on.collapsed`, `quiet.no_outcome`, ...), `years` (row: year or
//! `undated`) and `processes` (row: process). Quoting is the `csv` crate's
//! (RFC 4180).

use crate::stats::{Outcomes, Stats};

pub fn render(stats: &Stats) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut records: Vec<[String; 4]> = Vec::new();
    let mut add = |table: &str, row: &str, column: &str, value: String| {
        records.push([
            table.to_string(),
            row.to_string(),
            column.to_string(),
            value,
        ]);
    };
    add("corpus", "all", "documents", stats.documents.to_string());
    add("corpus", "all", "clauses", stats.clauses.to_string());
    add("corpus", "all", "findings", stats.findings.to_string());
    for rule in &stats.rules {
        add(
            "rules",
            rule.rule,
            "severity",
            rule.severity.name().to_string(),
        );
        add("rules", rule.rule, "documents", rule.documents.to_string());
        add(
            "rules",
            rule.rule,
            "applicable",
            rule.applicable.to_string(),
        );
        add("rules", rule.rule, "findings", rule.findings.to_string());
        add("rules", rule.rule, "applies", rule.applies.clone());
        add("rules", rule.rule, "summary", rule.summary.to_string());
    }
    for kind in &stats.kinds {
        add("kinds", kind.kind, "documents", kind.documents.to_string());
        add("kinds", kind.kind, "clauses", kind.clauses.to_string());
        add("kinds", kind.kind, "with_gaps", kind.with_gaps.to_string());
        for gap in &kind.gaps {
            add("gaps", kind.kind, gap.rule, gap.clauses.to_string());
            add(
                "gap_findings",
                kind.kind,
                gap.rule,
                gap.findings.to_string(),
            );
        }
    }
    let mut outcomes = |row: &str, group: &str, counts: &Outcomes| {
        let columns = [
            ("documents", counts.documents),
            ("collapsed", counts.collapsed),
            ("violated", counts.violated),
            ("implemented", counts.implemented),
            ("not_implemented", counts.not_implemented),
            ("no_outcome", counts.no_outcome),
        ];
        for (name, value) in columns {
            let column = if group.is_empty() {
                name.to_string()
            } else {
                format!("{group}.{name}")
            };
            add("outcomes", row, &column, value.to_string());
        }
    };
    outcomes("all documents", "", &stats.outcomes);
    for row in &stats.rule_outcomes {
        outcomes(row.rule, "fires_on", &row.fires);
        outcomes(row.rule, "quiet", &row.quiet);
    }
    for (table, groups) in [("years", &stats.years), ("processes", &stats.processes)] {
        for group in groups {
            add(table, &group.name, "documents", group.documents.to_string());
            add(table, &group.name, "clauses", group.clauses.to_string());
            add(table, &group.name, "findings", group.findings.to_string());
            if let Some((first, last)) = group.years {
                add(table, &group.name, "first_year", first.to_string());
                add(table, &group.name, "last_year", last.to_string());
            }
        }
    }
    let header = ["table", "row", "column", "value"];
    let written = std::iter::once(header.map(String::from))
        .chain(records)
        .try_for_each(|record| writer.write_record(&record));
    match (written, writer.into_inner()) {
        (Ok(()), Ok(bytes)) => String::from_utf8(bytes).unwrap_or_default(),
        // Writing to memory does not fail; were it to, no half table is written.
        _ => String::new(),
    }
}
