//! `truce stats`: the tables over the shipped corpus as a reader sees them
//! (snapshots), what the binary writes in each format, and the HTML page as
//! headless Chromium renders it at a desktop width and at 400 px. The Chromium
//! test is ignored by a plain `cargo test`, which lists it as such; `.ci/run`
//! runs it (`cargo test --test stats -- --ignored`).

mod common;

use common::browser::{chromium, measure_with, png_size, screenshot};
use common::*;

/// `truce stats agreements/ ARGS`, which must succeed.
fn stats(args: &[&str]) -> String {
    let mut all = vec!["stats", "agreements/"];
    all.extend_from_slice(args);
    let output = truce(&all);
    assert_eq!(status(&output), 0, "{}", transcript(&output));
    assert_eq!(stderr(&output), "");
    stdout(&output)
}

#[test]
fn text_report_of_the_corpus() {
    insta::assert_snapshot!(stats(&[]));
}

#[test]
fn markdown_report_of_the_corpus() {
    insta::assert_snapshot!(stats(&["--format", "markdown"]));
}

#[test]
fn the_default_path_is_the_corpus_and_the_text_fits_a_narrow_terminal() {
    let output = truce_in(root(), &["stats"]);
    assert_eq!(stdout(&output), stats(&[]));
    let narrow = cargo_bin_with_columns("60");
    let widest = narrow.lines().map(|line| line.chars().count()).max();
    assert!(widest.is_some_and(|widest| widest <= 60), "{narrow}");
    assert!(narrow.contains("detainee-no-mechanism"));
}

/// `truce stats` with `COLUMNS` set.
fn cargo_bin_with_columns(columns: &str) -> String {
    let output = assert_cmd::cargo::cargo_bin_cmd!("truce")
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env("COLUMNS", columns)
        .args(["stats", "agreements/"])
        .output()
        .expect("truce runs");
    assert_eq!(status(&output), 0, "{}", transcript(&output));
    stdout(&output)
}

#[test]
fn json_counts_agree_with_each_other() {
    let value: serde_json::Value =
        serde_json::from_str(&stats(&["--format", "json"])).expect("JSON");
    assert_eq!(value["version"], 1);
    let documents = value["documents"].as_u64().expect("documents");
    let findings = value["findings"].as_u64().expect("findings");
    assert_eq!(documents, 28);
    let rules = value["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), 42);
    let mut from_rules = 0;
    for rule in rules {
        let fired = rule["documents"].as_u64().expect("a count");
        let applicable = rule["applicable"].as_u64().expect("a count");
        assert!(fired <= applicable && applicable <= documents, "{rule}");
        from_rules += rule["findings"].as_u64().expect("a count");
    }
    assert_eq!(from_rules, findings);
    let mechanism = rules
        .iter()
        .find(|rule| rule["rule"] == "detainee-no-mechanism")
        .expect("the rule");
    assert_eq!(
        (&mechanism["documents"], &mechanism["applicable"]),
        (&serde_json::json!(8), &serde_json::json!(10))
    );
    for groups in ["years", "processes"] {
        let rows = value[groups].as_array().expect("groups");
        let sum = |field: &str| {
            rows.iter()
                .map(|row| row[field].as_u64().unwrap_or(0))
                .sum::<u64>()
        };
        assert_eq!(sum("documents"), documents, "{groups}");
        assert_eq!(sum("findings"), findings, "{groups}");
        assert_eq!(
            sum("clauses"),
            value["clauses"].as_u64().unwrap_or(0),
            "{groups}"
        );
    }
    assert_eq!(value["processes"].as_array().map(Vec::len), Some(7));
    assert_eq!(value["outcomes"]["documents"], documents);
    for row in value["rule_outcomes"].as_array().expect("outcomes") {
        let rule = rules
            .iter()
            .find(|r| r["rule"] == row["rule"])
            .expect("its rule");
        assert_eq!(row["fires"]["documents"], rule["documents"], "{row}");
        let quiet = row["quiet"]["documents"].as_u64().unwrap_or(0);
        let fired = rule["documents"].as_u64().unwrap_or(0);
        assert_eq!(Some(quiet + fired), rule["applicable"].as_u64(), "{row}");
    }
}

#[test]
fn csv_is_one_long_table_a_csv_reader_reads_back() {
    let text = stats(&["--format", "csv"]);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().expect("a header").clone();
    assert_eq!(
        header.iter().collect::<Vec<_>>(),
        ["table", "row", "column", "value"]
    );
    let records: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .expect("every record reads");
    let value = |table: &str, row: &str, column: &str| {
        records
            .iter()
            .find(|r| &r[0] == table && &r[1] == row && &r[2] == column)
            .map(|r| r[3].to_string())
    };
    assert_eq!(value("corpus", "all", "documents").as_deref(), Some("28"));
    assert_eq!(
        value("rules", "detainee-no-mechanism", "documents").as_deref(),
        Some("8")
    );
    assert_eq!(
        value("rules", "detainee-no-mechanism", "applicable").as_deref(),
        Some("10")
    );
    // A value with commas is quoted, and reads back whole.
    assert_eq!(
        value("rules", "undefined-area", "applies").as_deref(),
        Some("documents with a clause stating `deadline`, `start`, `duration` or `until`")
    );
    assert!(text.contains(
        "\"documents with a clause stating `deadline`, `start`, `duration` or `until`\""
    ));
    assert_eq!(value("years", "undated", "documents").as_deref(), Some("5"));
    assert_eq!(
        value("outcomes", "detainee-no-mechanism", "fires_on.collapsed").as_deref(),
        Some("3")
    );
    assert_eq!(
        value("gaps", "evacuation", "evacuation-no-safe-passage").as_deref(),
        Some("18")
    );
}

#[test]
fn an_input_error_reports_nothing_and_exits_2() {
    let output = truce(&[
        "stats",
        "tests/fixtures/unknown_kind.truce",
        "--format",
        "html",
    ]);
    assert_eq!(status(&output), 2, "{}", transcript(&output));
    assert_eq!(stdout(&output), "");
    assert!(
        stderr(&output).contains("unknown clause kind"),
        "{}",
        stderr(&output)
    );
    let output = truce(&["stats", "no/such/folder"]);
    assert_eq!(status(&output), 2, "{}", transcript(&output));
    assert_eq!(stdout(&output), "");
}

#[test]
fn the_page_is_self_contained_and_escapes_a_hostile_file_name() {
    let html = stats(&["--format", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    for forbidden in [
        "<script",
        "<link",
        "<img",
        "@import",
        "@font-face",
        "url(",
        "http://",
        "https://",
    ] {
        assert!(!html.contains(forbidden), "the page holds {forbidden}");
    }
    assert_eq!(html.matches("<svg class=\"chart\" role=\"img\"").count(), 5);
    assert!(html.contains("A count, not a causal claim"));
    assert!(html.contains("The sources say nothing; that does not mean nothing happened."));

    let directory = tempfile::tempdir().expect("a temporary directory");
    let path = directory.path().join("<b>talks&\"'.truce");
    std::fs::write(
        &path,
        "agreement a { date 2017-01-01; clause 1 ceasefire { text \"x\" } }",
    )
    .expect("the file is written");
    let path = path.display().to_string();
    let output = truce(&["stats", &path, "--format", "html"]);
    assert_eq!(status(&output), 0, "{}", transcript(&output));
    let html = stdout(&output);
    assert!(!html.contains("<b>"), "{html}");
    assert!(html.contains("&lt;b&gt;talks&amp;&quot;&#39;"), "{html}");
}

/// What the page looks like once laid out: overflow, bars, chart titles,
/// contrast of every text (SVG text by its fill). Posts its findings as
/// `key: value` lines, one per problem.
const MEASURE: &str = r##"
(function () {
  const lines = [];
  const problem = (kind, what) => lines.push(kind + ": " + what);
  const shown = (element) => element.getClientRects().length > 0;
  const width = window.innerWidth;
  lines.push("width: " + width);
  const page = document.documentElement.scrollWidth;
  if (page > width) problem("page-overflow", page + " exceeds " + width);
  for (const element of document.body.querySelectorAll("*")) {
    if (shown(element) && element.getBoundingClientRect().right > width + 0.5) {
      problem("beyond-viewport", element.tagName.toLowerCase() + " «" + element.textContent.trim().slice(0, 40) + "»");
    }
  }
  let charts = 0;
  for (const svg of document.querySelectorAll("svg")) {
    charts += 1;
    const title = svg.querySelector(":scope > title");
    const desc = svg.querySelector(":scope > desc");
    if (!title || title.textContent.trim() === "" || !desc) problem("untitled-chart", svg.outerHTML.slice(0, 60));
    if (svg.getAttribute("role") !== "img") problem("chart-role", svg.outerHTML.slice(0, 60));
    if (svg.getBoundingClientRect().width < 200) problem("narrow-chart", svg.getBoundingClientRect().width);
  }
  lines.push("charts: " + charts);
  let bars = 0;
  let widest = 0;
  for (const bar of document.querySelectorAll("svg rect.fill")) {
    bars += 1;
    const box = bar.getBoundingClientRect();
    widest = Math.max(widest, box.width);
    if (!(box.width > 0.5 && box.height > 0.5)) problem("empty-bar", bar.parentElement.querySelector("title").textContent);
    const chart = bar.closest("svg").getBoundingClientRect();
    if (box.right > chart.right + 0.5) problem("bar-beyond-chart", bar.parentElement.querySelector("title").textContent);
  }
  lines.push("bars: " + bars);
  lines.push("widest-bar: " + Math.round(widest));
  for (const group of document.querySelectorAll("svg g.bar")) {
    const title = group.querySelector("title");
    if (!title || title.textContent.trim() === "") problem("untitled-bar", group.outerHTML.slice(0, 60));
    // A bar's name and number do not overlap.
    const texts = group.querySelectorAll("text");
    if (texts.length === 2 && texts[0].getBoundingClientRect().right > texts[1].getBoundingClientRect().left) {
      problem("overlapping-labels", title.textContent);
    }
  }
  // rgb, luminance and behind come from common::browser::COLOURS.
  let texts = 0;
  for (const element of document.body.querySelectorAll("*")) {
    const own = [...element.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== "");
    if (!own || !shown(element) || element.id === "truce-measure" || element.closest("title, desc")) continue;
    texts += 1;
    const style = getComputedStyle(element);
    const ink = element instanceof SVGElement ? style.fill : style.color;
    const a = luminance(rgb(ink));
    const b = luminance(behind(element.closest("svg") || element));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) problem("contrast", element.tagName.toLowerCase() + " «" + element.textContent.trim().slice(0, 30) + "» " + ratio.toFixed(2));
  }
  lines.push("texts: " + texts);
  const out = document.createElement("pre");
  out.id = "truce-measure";
  out.textContent = "\n" + lines.join("\n") + "\nend-of-measure\n";
  document.body.appendChild(out);
  if (window.parent !== window) window.parent.postMessage(out.textContent, "*");
})();
"##;

fn value(report: &str, key: &str) -> usize {
    report
        .lines()
        .filter_map(|line| line.split_once(": "))
        .find(|(k, _)| *k == key)
        .and_then(|(_, value)| value.trim().parse().ok())
        .unwrap_or_else(|| panic!("no `{key}` measured:\n{report}"))
}

fn problems<'a>(report: &'a str, kind: &str) -> Vec<&'a str> {
    report
        .lines()
        .filter_map(|line| line.split_once(": "))
        .filter(|(k, _)| *k == kind)
        .map(|(_, what)| what)
        .collect()
}

#[test]
#[ignore = "needs Chromium: run with --ignored"]
fn the_page_renders_in_chromium_at_1280_and_400_px() {
    let browser = chromium();
    let html = stats(&["--format", "html"]);
    let rules_firing = html.matches("<rect class=\"fill\"").count();
    for width in [1280, 400] {
        let report = measure_with(browser, &html, width, MEASURE);
        let context = format!("at {width} px:\n{report}");
        println!("{context}");
        assert_eq!(value(&report, "width"), width as usize, "{context}");
        assert_eq!(value(&report, "charts"), 5, "{context}");
        // Every bar drawn has a width on screen, and the longest fills most of
        // its chart (a bar in percent of a zero-width chart would not).
        assert_eq!(value(&report, "bars"), rules_firing, "{context}");
        assert!(
            value(&report, "widest-bar") as f64 > 0.6 * (width.min(960) as f64 - 64.0),
            "{context}"
        );
        assert!(value(&report, "texts") > 300, "{context}");
        for kind in [
            "page-overflow",
            "beyond-viewport",
            "untitled-chart",
            "chart-role",
            "narrow-chart",
            "empty-bar",
            "bar-beyond-chart",
            "untitled-bar",
            "overlapping-labels",
            "contrast",
        ] {
            assert!(problems(&report, kind).is_empty(), "{kind}: {context}");
        }
        // A screenshot to look at (target/tmp), and proof it was drawn.
        let png =
            std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("stats-{width}.png"));
        screenshot(browser, &html, width, 2400, &png);
        let (shot_width, shot_height) = png_size(&png);
        assert_eq!(shot_height, 2400);
        assert_eq!(shot_width, width.max(500));
        let size = std::fs::metadata(&png).map(|m| m.len()).unwrap_or(0);
        assert!(
            size > 50_000,
            "a blank screenshot? {size} bytes at {}",
            png.display()
        );
    }
}
