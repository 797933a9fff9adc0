//! The tables of `truce stats` as rows of cells, with their titles and notes:
//! what the text, Markdown and HTML renderers lay out, each in its own way.

use crate::stats::{GroupCount, Outcomes, Stats};

/// One table: a title, a header, rows of cells, totals, and notes that say how
/// to read it.
pub struct Table {
    /// A stable name: the HTML anchor, the CSV `table` column.
    pub id: &'static str,
    pub title: &'static str,
    /// What the table counts, in one sentence.
    pub lead: String,
    pub header: Vec<&'static str>,
    /// Per column: whether it holds numbers, aligned right.
    pub numeric: Vec<bool>,
    pub rows: Vec<Row>,
    pub totals: Option<Vec<String>>,
    /// Paragraphs after the table.
    pub notes: Vec<String>,
    /// Whether the first column names a group of rows (a rule, over its two
    /// rows of outcomes): a text table writes it as a heading line above them.
    pub headings: bool,
}

pub struct Row {
    pub cells: Vec<String>,
    /// A line about the row's first cell that a page can show under it: a
    /// rule's summary.
    pub detail: Option<String>,
}

impl Row {
    fn new(cells: Vec<String>) -> Row {
        Row {
            cells,
            detail: None,
        }
    }
}

/// The opening line: what was counted.
pub fn headline(stats: &Stats) -> String {
    format!(
        "{} {}, {} {} and {} {} of {} document rules",
        stats.documents,
        noun(stats.documents, "document", "documents"),
        stats.clauses,
        noun(stats.clauses, "operative clause", "operative clauses"),
        stats.findings,
        noun(stats.findings, "finding", "findings"),
        stats.rules.len()
    )
}

fn noun<'a>(count: usize, singular: &'a str, plural: &'a str) -> &'a str {
    if count == 1 { singular } else { plural }
}

/// Every table, in the order the reports show them.
pub fn tables(stats: &Stats) -> Vec<Table> {
    vec![
        rules(stats),
        kinds(stats),
        outcomes(stats),
        years(stats),
        processes(stats),
    ]
}

/// "3 of 5".
pub fn of(part: usize, whole: usize) -> String {
    format!("{part} of {whole}")
}

fn rules(stats: &Stats) -> Table {
    let rows = stats
        .rules
        .iter()
        .map(|rule| Row {
            detail: Some(rule.summary.to_string()),
            ..Row::new(vec![
                rule.rule.to_string(),
                of(rule.documents, rule.applicable),
                rule.findings.to_string(),
                rule.applies.clone(),
            ])
        })
        .collect();
    Table {
        id: "rules",
        title: "Rules",
        lead: "For each document rule: on how many documents it fires, of the documents \
               it could fire on (those holding what it reads), and its findings."
            .to_string(),
        header: vec!["rule", "fires on", "findings", "could fire on"],
        numeric: vec![false, true, true, false],
        rows,
        totals: Some(vec![
            "total".to_string(),
            String::new(),
            stats.findings.to_string(),
            String::new(),
        ]),
        headings: false,
        notes: vec!["`truce explain RULE` says what a rule finds and why it matters.".to_string()],
    }
}

/// `no-guarantor 12, weak-commitment 3`: the rules naming a kind's clauses.
pub fn gaps_cell(gaps: &[crate::stats::Gap]) -> String {
    gaps.iter()
        .map(|gap| format!("{} {}", gap.rule, gap.clauses))
        .collect::<Vec<_>>()
        .join(", ")
}

fn kinds(stats: &Stats) -> Table {
    let rows = stats
        .kinds
        .iter()
        .map(|kind| {
            Row::new(vec![
                kind.kind.to_string(),
                kind.documents.to_string(),
                kind.clauses.to_string(),
                kind.with_gaps.to_string(),
                gaps_cell(&kind.gaps),
            ])
        })
        .collect();
    Table {
        id: "kinds",
        title: "Clause kinds",
        lead: "For each clause kind: the documents and operative clauses that have it, \
               how many of those clauses a finding names, and which rules name them."
            .to_string(),
        header: vec![
            "kind",
            "documents",
            "clauses",
            "with a gap",
            "gaps: rule and clauses named",
        ],
        numeric: vec![false, true, true, true, false],
        rows,
        totals: Some(vec![
            "total".to_string(),
            String::new(),
            stats.clauses.to_string(),
            stats
                .kinds
                .iter()
                .map(|kind| kind.with_gaps)
                .sum::<usize>()
                .to_string(),
            String::new(),
        ]),
        headings: false,
        notes: vec![
            "A gap counts the clauses of the kind that a rule's findings name; a finding \
             about a recital names the recital, which the clause counts leave out."
                .to_string(),
        ],
    }
}

fn outcome_cells(first: String, group: &str, outcomes: &Outcomes) -> Vec<String> {
    vec![
        first,
        group.to_string(),
        outcomes.documents.to_string(),
        outcomes.collapsed.to_string(),
        outcomes.violated.to_string(),
        outcomes.implemented.to_string(),
        outcomes.not_implemented.to_string(),
        outcomes.no_outcome.to_string(),
    ]
}

/// The reading of the outcome columns, which every format states.
pub const OUTCOME_NOTES: &[&str] = &[
    "A count, not a causal claim: that a rule fires on documents that collapsed does not \
     show that what it finds made them collapse.",
    "Collapsed: a `collapsed` event, or the status `collapsed` or `terminated`. Violated: \
     a `violation` event. Implemented: an `implemented` or `partly_implemented` event, or \
     people `released` or `evacuated` under it. Not implemented: a `not_implemented` \
     event. A document can count in several columns, or in none.",
    "No outcome recorded: no event and no status after the document was made. The \
     sources say nothing; that does not mean nothing happened.",
    "Fires on: the documents the rule fires on. Quiet: the documents it could fire on \
     but does not. Rules that fire on no document are left out.",
];

fn outcomes(stats: &Stats) -> Table {
    let mut rows = vec![Row::new(outcome_cells(
        String::new(),
        "all documents",
        &stats.outcomes,
    ))];
    for row in stats
        .rule_outcomes
        .iter()
        .filter(|row| row.fires.documents > 0)
    {
        rows.push(Row::new(outcome_cells(
            row.rule.to_string(),
            "fires on",
            &row.fires,
        )));
        rows.push(Row::new(outcome_cells(String::new(), "quiet", &row.quiet)));
    }
    Table {
        id: "outcomes",
        title: "Rules and outcomes",
        lead: "What became of the documents each rule fires on, beside the documents it \
               could fire on but does not, from their implementation events and statuses."
            .to_string(),
        header: vec![
            "rule",
            "",
            "documents",
            "collapsed",
            "violated",
            "implemented",
            "not implemented",
            "no outcome recorded",
        ],
        numeric: vec![false, false, true, true, true, true, true, true],
        rows,
        totals: None,
        headings: true,
        notes: OUTCOME_NOTES.iter().map(|note| note.to_string()).collect(),
    }
}

fn group_totals(groups: &[GroupCount], with_years: bool) -> Vec<String> {
    let sum = |count: fn(&GroupCount) -> usize| groups.iter().map(count).sum::<usize>().to_string();
    let mut totals = vec!["total".to_string()];
    if with_years {
        totals.push(String::new());
    }
    totals.extend([
        sum(|group| group.documents),
        sum(|group| group.clauses),
        sum(|group| group.findings),
    ]);
    totals
}

fn years(stats: &Stats) -> Table {
    let rows = stats
        .years
        .iter()
        .map(|year| {
            Row::new(vec![
                year.name.clone(),
                year.documents.to_string(),
                year.clauses.to_string(),
                year.findings.to_string(),
            ])
        })
        .collect();
    Table {
        id: "years",
        title: "By year",
        lead: "Documents, operative clauses and findings by the year of the document's date."
            .to_string(),
        header: vec!["year", "documents", "clauses", "findings"],
        numeric: vec![false, true, true, true],
        rows,
        totals: Some(group_totals(&stats.years, false)),
        headings: false,
        notes: Vec::new(),
    }
}

/// `2015–2017`, `2018`, or nothing for a process with no dated document.
pub fn span_of_years(years: Option<(i16, i16)>) -> String {
    match years {
        Some((first, last)) if first == last => first.to_string(),
        Some((first, last)) => format!("{first}–{last}"),
        None => String::new(),
    }
}

fn processes(stats: &Stats) -> Table {
    let rows = stats
        .processes
        .iter()
        .map(|process| {
            Row::new(vec![
                process.name.clone(),
                span_of_years(process.years),
                process.documents.to_string(),
                process.clauses.to_string(),
                process.findings.to_string(),
            ])
        })
        .collect();
    Table {
        id: "processes",
        title: "By process",
        lead: "Documents, operative clauses and findings by process.".to_string(),
        header: vec!["process", "years", "documents", "clauses", "findings"],
        numeric: vec![false, false, true, true, true],
        rows,
        totals: Some(group_totals(&stats.processes, true)),
        headings: false,
        notes: vec![
            "A process is the file its documents are written in: the corpus keeps one \
             negotiation (a town's proposals, drafts and agreements) to a file."
                .to_string(),
        ],
    }
}
