//! `truce stats --format html`: one self-contained page (styles inline, no
//! scripts, no external assets, no web fonts) with a bar chart and a table for
//! each part.
//!
//! The charts are inline SVG. Bars are sized in percentages of the chart's
//! width and their labels drawn at a fixed size, so a chart fits a phone's
//! width without shrinking its text. Each chart has a `<title>` and `<desc>`
//! (`role="img"`), each bar a `<title>` saying what it counts, and every number
//! a bar shows is also written beside it and in the table after it. Every
//! string goes through [`escape`], process names (file names) included.

use std::fmt::Write as _;

use super::compare_html::escape;
use super::stats_tables::{Table, headline, of, span_of_years, tables};
use crate::stats::Stats;

/// The colours, by the names the stylesheet uses (`var(--ink)`). Kept here, not
/// in the stylesheet, so a test can check every pairing's contrast.
const PALETTE: &[(&str, &str)] = &[
    ("ink", "#1d1d1f"),
    ("paper", "#ffffff"),
    ("muted", "#595959"),
    ("rule", "#c8c8c8"),
    ("link", "#0b5cad"),
    ("summary-tint", "#f6f6f6"),
    ("head-tint", "#eef2f7"),
    ("bar", "#1f5fa8"),
    ("track", "#d3e1f2"),
];

/// Every text colour on every background it is drawn on, and the bars on what
/// is behind them. The contrast test holds each to 4.5:1.
#[cfg(test)]
const PAIRINGS: &[(&str, &str)] = &[
    ("ink", "paper"),
    ("ink", "summary-tint"),
    ("ink", "head-tint"),
    ("muted", "paper"),
    ("muted", "summary-tint"),
    ("link", "paper"),
    ("link", "summary-tint"),
    ("bar", "paper"),
    ("bar", "track"),
];

const STYLE: &str = "
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 60em; padding: 0 1em;
  color: var(--ink); background: var(--paper); overflow-wrap: anywhere; }
a { color: var(--link); }
h1 { font-size: 1.5em; margin: .5em 0; }
h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid var(--rule); }
#summary { background: var(--summary-tint); border: 1px solid var(--rule); padding: .1em 1em .6em; }
#summary ul { padding-inline-start: 1.2em; }
figure { margin: 1em 0; }
figcaption, p.note, .detail { color: var(--muted); font-size: .9em; }
svg.chart { display: block; width: 100%; overflow: visible; }
svg.chart text { fill: var(--ink); font: 13px system-ui, sans-serif; }
svg.chart rect.track { fill: var(--track); }
svg.chart rect.fill { fill: var(--bar); }
table { border-collapse: collapse; width: 100%; margin: 1em 0; }
th, td { padding: .2em .5em; border-bottom: 1px solid var(--rule); text-align: start; vertical-align: top; }
thead th { background: var(--head-tint); font-weight: 600; }
td.number, th.number { text-align: end; white-space: nowrap; }
tbody + tbody { border-top: 2px solid var(--rule); }
tr.heading th { text-align: start; font-weight: 600; border-bottom: 0; padding-top: .5em; }
tfoot td { font-weight: 600; }
table.stats td:first-child { min-width: 7em; }
.detail { display: block; font-weight: 400; }
code { font-family: ui-monospace, monospace; font-size: .95em; }
@media screen and (max-width: 40em) {
  body { margin: 1em auto; padding: 0 .5em; font-size: 14px; }
  /* Each row flows as lines: its name, then each value after its column's name. */
  table.stats thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  table.stats, table.stats tbody, table.stats tfoot, table.stats tr { display: block; }
  table.stats tr { border-bottom: 1px solid var(--rule); padding: .3em 0; }
  table.stats tr.heading { border-bottom: 0; padding-bottom: 0; }
  table.stats th, table.stats td { display: inline-block; border: 0; padding: 0 .9em 0 0; text-align: start; white-space: normal; }
  table.stats tr.heading th, table.stats td:first-child { display: block; font-weight: 600; }
  table.stats td:not(:first-child)::before { content: attr(data-label) \" \"; color: var(--muted); }
  table.stats td:empty { display: none; }
}
@media print {
  body { max-width: none; margin: 0; }
  section { break-before: page; }
  figure, tr { break-inside: avoid; }
  svg.chart rect { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
";

/// Height of one bar's row in a chart: its label line, then the bar.
const ROW: usize = 36;
const LABEL_BASELINE: usize = 14;
const BAR_TOP: usize = 19;
const BAR_HEIGHT: usize = 11;

/// One bar: what it names, the value written beside it, what its `<title>`
/// says, its length and, behind it, a lighter bar's (fractions of the chart's
/// width, 0 to 1).
struct Bar {
    label: String,
    value: String,
    title: String,
    fill: f64,
    track: Option<f64>,
}

/// A chart: its id, the `<title>` and `<desc>` a screen reader announces, and
/// the caption under it.
struct Chart<'a> {
    id: &'a str,
    title: &'a str,
    description: String,
    caption: String,
    bars: Vec<Bar>,
}

pub fn render(stats: &Stats) -> String {
    let mut out = String::new();
    let palette: Vec<String> = PALETTE
        .iter()
        .map(|(name, colour)| format!("--{name}: {colour};"))
        .collect();
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>truce stats: {}</title>\n<style>\n:root {{ {} }}{STYLE}</style>\n</head>\n<body>",
        escape(&headline(stats)),
        palette.join(" ")
    );
    let tables = tables(stats);
    let _ = writeln!(
        out,
        "<header id=\"summary\">\n<h1>truce stats</h1>\n<p>{}.</p>\n<ul>",
        escape(&headline(stats))
    );
    for table in &tables {
        let _ = writeln!(
            out,
            "<li><a href=\"#{}\">{}</a></li>",
            table.id,
            escape(table.title)
        );
    }
    let _ = writeln!(out, "</ul>\n</header>\n<main>");
    for table in &tables {
        let _ = writeln!(
            out,
            "<section id=\"{}\">\n<h2>{}</h2>\n<p>{}</p>",
            table.id,
            escape(table.title),
            escape(&table.lead)
        );
        if let Some(chart) = chart_of(table.id, stats) {
            render_chart(&mut out, &chart);
        }
        render_table(&mut out, table);
        for note in &table.notes {
            let _ = writeln!(out, "<p class=\"note\">{}</p>", code_spans(note));
        }
        let _ = writeln!(out, "</section>");
    }
    let _ = writeln!(out, "</main>\n</body>\n</html>");
    out
}

/// The chart that opens a table's section.
fn chart_of<'a>(table: &'a str, stats: &Stats) -> Option<Chart<'a>> {
    let all = stats.documents.max(1) as f64;
    match table {
        "rules" => Some(Chart {
            id: "rules-chart",
            title: "Documents each rule fires on, of those it could fire on",
            description: format!(
                "One bar per rule that could fire on a document: the dark bar is the documents \
                 it fires on, the light bar behind it those it could fire on, both out of all \
                 {} documents.",
                stats.documents
            ),
            caption: format!(
                "Dark: documents the rule fires on. Light: documents it could fire on. Out of \
                 all {} documents; rules that could fire on none are left out.",
                stats.documents
            ),
            bars: stats
                .rules
                .iter()
                .filter(|rule| rule.applicable > 0)
                .map(|rule| Bar {
                    label: rule.rule.to_string(),
                    value: of(rule.documents, rule.applicable),
                    title: format!(
                        "{}: fires on {} documents it could fire on",
                        rule.rule,
                        of(rule.documents, rule.applicable)
                    ),
                    fill: rule.documents as f64 / all,
                    track: Some(rule.applicable as f64 / all),
                })
                .collect(),
        }),
        "kinds" => {
            let most = stats
                .kinds
                .iter()
                .map(|kind| kind.clauses)
                .max()
                .unwrap_or(0)
                .max(1) as f64;
            Some(Chart {
                id: "kinds-chart",
                title: "Clauses of each kind, and how many a finding names",
                description: "One bar per clause kind: the light bar is its operative clauses, \
                              the dark bar those a finding names."
                    .to_string(),
                caption: "Light: operative clauses of the kind. Dark: those a finding names."
                    .to_string(),
                bars: stats
                    .kinds
                    .iter()
                    .filter(|kind| kind.clauses > 0)
                    .map(|kind| Bar {
                        label: kind.kind.to_string(),
                        value: format!("{} of {}", kind.with_gaps, kind.clauses),
                        title: format!(
                            "{}: a finding names {} clauses",
                            kind.kind,
                            of(kind.with_gaps, kind.clauses)
                        ),
                        fill: kind.with_gaps as f64 / most,
                        track: Some(kind.clauses as f64 / most),
                    })
                    .collect(),
            })
        }
        "outcomes" => {
            let outcomes = &stats.outcomes;
            let columns = [
                ("collapsed", outcomes.collapsed),
                ("violated", outcomes.violated),
                ("implemented", outcomes.implemented),
                ("not implemented", outcomes.not_implemented),
                ("no outcome recorded", outcomes.no_outcome),
            ];
            Some(Chart {
                id: "outcomes-chart",
                title: "What became of the documents",
                description: format!(
                    "One bar per outcome: the documents with it, out of all {}.",
                    stats.documents
                ),
                caption: format!(
                    "Documents with each outcome, out of all {}; a document can have several.",
                    stats.documents
                ),
                bars: columns
                    .iter()
                    .map(|(name, count)| Bar {
                        label: name.to_string(),
                        value: of(*count, stats.documents),
                        title: format!("{name}: {} documents", of(*count, stats.documents)),
                        fill: *count as f64 / all,
                        track: Some(1.0),
                    })
                    .collect(),
            })
        }
        "years" | "processes" => {
            let groups = if table == "years" {
                &stats.years
            } else {
                &stats.processes
            };
            let most = groups.iter().map(|g| g.findings).max().unwrap_or(0).max(1) as f64;
            let what = if table == "years" { "year" } else { "process" };
            Some(Chart {
                id: if table == "years" {
                    "years-chart"
                } else {
                    "processes-chart"
                },
                title: if table == "years" {
                    "Findings by year"
                } else {
                    "Findings by process"
                },
                description: format!("One bar per {what}: its findings."),
                caption: format!(
                    "Findings of the documents of each {what}; the table gives documents and clauses."
                ),
                bars: groups
                    .iter()
                    .map(|group| {
                        let years = span_of_years(group.years);
                        let label = if years.is_empty() || table == "years" {
                            group.name.clone()
                        } else {
                            format!("{} ({years})", group.name)
                        };
                        Bar {
                            value: group.findings.to_string(),
                            title: format!(
                                "{label}: {} findings in {} documents",
                                group.findings, group.documents
                            ),
                            label,
                            fill: group.findings as f64 / most,
                            track: None,
                        }
                    })
                    .collect(),
            })
        }
        _ => None,
    }
}

fn percent(fraction: f64) -> String {
    format!("{:.2}%", (fraction * 100.0).clamp(0.0, 100.0))
}

fn render_chart(out: &mut String, chart: &Chart) {
    let height = chart.bars.len() * ROW;
    let _ = writeln!(
        out,
        "<figure>\n<svg class=\"chart\" role=\"img\" width=\"100%\" height=\"{height}\" \
         aria-labelledby=\"{id}-title {id}-desc\">\n<title id=\"{id}-title\">{}</title>\n\
         <desc id=\"{id}-desc\">{}</desc>",
        escape(chart.title),
        escape(&chart.description),
        id = chart.id,
    );
    for (index, bar) in chart.bars.iter().enumerate() {
        let top = index * ROW;
        let _ = write!(
            out,
            "<g class=\"bar\"><title>{}</title>\
             <text x=\"0\" y=\"{}\">{}</text>\
             <text x=\"100%\" y=\"{}\" text-anchor=\"end\">{}</text>",
            escape(&bar.title),
            top + LABEL_BASELINE,
            escape(&bar.label),
            top + LABEL_BASELINE,
            escape(&bar.value),
        );
        if let Some(track) = bar.track.filter(|track| *track > 0.0) {
            let _ = write!(
                out,
                "<rect class=\"track\" x=\"0\" y=\"{}\" width=\"{}\" height=\"{BAR_HEIGHT}\"/>",
                top + BAR_TOP,
                percent(track)
            );
        }
        if bar.fill > 0.0 {
            let _ = write!(
                out,
                "<rect class=\"fill\" x=\"0\" y=\"{}\" width=\"{}\" height=\"{BAR_HEIGHT}\"/>",
                top + BAR_TOP,
                percent(bar.fill)
            );
        }
        let _ = writeln!(out, "</g>");
    }
    let _ = writeln!(
        out,
        "</svg>\n<figcaption>{}</figcaption>\n</figure>",
        escape(&chart.caption)
    );
}

/// A table; one whose first column names groups of rows (a rule over its
/// outcomes) has a `<tbody>` per group, headed by a row naming it. Every cell
/// carries its column's name (`data-label`), which a narrow screen shows
/// before the value when the rows flow as lines.
fn render_table(out: &mut String, table: &Table) {
    let skip = usize::from(table.headings);
    let header = &table.header[skip..];
    let class = |column: usize| {
        if table.numeric.get(column + skip).copied().unwrap_or(false) {
            " class=\"number\""
        } else {
            ""
        }
    };
    let _ = write!(out, "<table class=\"stats\">\n<thead><tr>");
    for (column, name) in header.iter().enumerate() {
        let _ = write!(
            out,
            "<th scope=\"col\"{}>{}</th>",
            class(column),
            escape(name)
        );
    }
    let _ = writeln!(out, "</tr></thead>");
    let cells = |out: &mut String, cells: &[String], detail: Option<&String>| {
        for (column, cell) in cells.iter().skip(skip).enumerate() {
            let label = header.get(column).copied().unwrap_or_default();
            let _ = write!(
                out,
                "<td{} data-label=\"{}\">{}",
                class(column),
                escape(label),
                code_spans(cell)
            );
            if column == 0
                && let Some(detail) = detail
            {
                let _ = write!(out, "<span class=\"detail\">{}</span>", escape(detail));
            }
            let _ = write!(out, "</td>");
        }
    };
    let mut open = false;
    for row in &table.rows {
        let heading = row
            .cells
            .first()
            .filter(|cell| table.headings && !cell.is_empty());
        if !open || heading.is_some() {
            if open {
                let _ = writeln!(out, "</tbody>");
            }
            let _ = writeln!(out, "<tbody>");
            open = true;
            if let Some(heading) = heading {
                let _ = writeln!(
                    out,
                    "<tr class=\"heading\"><th scope=\"rowgroup\" colspan=\"{}\">{}</th></tr>",
                    header.len(),
                    escape(heading)
                );
            }
        }
        let _ = write!(out, "<tr>");
        cells(out, &row.cells, row.detail.as_ref());
        let _ = writeln!(out, "</tr>");
    }
    if open {
        let _ = writeln!(out, "</tbody>");
    }
    if let Some(totals) = &table.totals {
        let _ = write!(out, "<tfoot><tr>");
        cells(out, totals, None);
        let _ = writeln!(out, "</tr></tfoot>");
    }
    let _ = writeln!(out, "</table>");
}

/// A note with the language's words in backticks, as `<code>`: escaped first,
/// so only the code spans are markup.
fn code_spans(note: &str) -> String {
    escape(note)
        .split('`')
        .enumerate()
        .map(|(index, part)| {
            if index % 2 == 1 {
                format!("<code>{part}</code>")
            } else {
                part.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::contrast;

    fn stats_of(files: &[(&str, &str)]) -> Stats {
        let loaded = crate::load_texts(
            files
                .iter()
                .map(|(name, text)| (name.to_string(), text.to_string())),
        );
        assert!(loaded.errors.is_empty(), "{:#?}", loaded.errors);
        crate::stats::compute(&loaded.corpus, &loaded.sources).expect("no breach")
    }

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
    fn a_hostile_file_name_is_text_and_the_page_has_no_markup_from_it() {
        let stats = stats_of(&[(
            "<img src=x onerror=alert(1)>\"&.truce",
            "agreement a { date 2017-01-01; clause 1 ceasefire { text \"x\" } }",
        )]);
        let html = render(&stats);
        assert!(
            !html.contains("<script") && !html.contains("<img"),
            "{html}"
        );
        assert!(html.contains(
            "<td data-label=\"process\">&lt;img src=x onerror=alert(1)&gt;&quot;&amp;</td>"
        ));
        // In the chart too, where the process is a bar's label.
        assert!(html.contains(">&lt;img src=x onerror=alert(1)&gt;&quot;&amp; (2017)</text>"));
        assert!(!html.contains("http://") && !html.contains("https://"));
        assert!(!html.contains("@font-face") && !html.contains("url("));
    }

    #[test]
    fn bars_are_sized_in_percent_with_their_numbers_written_beside_them() {
        let stats = stats_of(&[(
            "talks.truce",
            r#"
agreement a { date 2017-01-01; clause 1 detainee_release { text "x" } }
agreement b { date 2018-01-01; clause 1 detainee_release { mechanism "ICRC"; deadline within 5 days of signing } }
"#,
        )]);
        let html = render(&stats);
        // Fires on 1 of the 2 documents: half the track, which is all of them.
        assert!(
            html.contains(
                "<g class=\"bar\"><title>detainee-no-mechanism: fires on 1 of 2 documents it \
                 could fire on</title><text x=\"0\" y=\""
            ),
            "{html}"
        );
        let bar = html
            .split("<title>detainee-no-mechanism:")
            .nth(1)
            .and_then(|rest| rest.split("</g>").next())
            .expect("the bar");
        assert!(bar.contains(">1 of 2</text>"), "{bar}");
        assert!(bar.contains("class=\"track\" x=\"0\" y=\"") && bar.contains("width=\"100.00%\""));
        assert!(
            bar.contains("class=\"fill\"") && bar.contains("width=\"50.00%\""),
            "{bar}"
        );
        // Each chart is an image with a title and a description.
        assert_eq!(html.matches("<svg class=\"chart\" role=\"img\"").count(), 5);
        assert_eq!(html.matches("<desc id=").count(), 5);
        assert!(html.contains("A count, not a causal claim"));
        assert!(html.contains("<code>not_implemented</code>"));
    }
}
