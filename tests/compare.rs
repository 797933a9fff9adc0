//! `truce compare` and `truce timeline`: alignment, the comparison rules, the
//! outcomes pinned on the seed corpus and every output format (the HTML page as
//! a browser renders it is in `compare_html.rs`).

mod common;

use common::*;

use std::path::PathBuf;

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::Value;

use truce::compare::{self, Status};
use truce::rules::Finding;

// Helpers.

/// What a comparison of seed documents (by id) found, and its rows as
/// (status, older clause label, newer clause label).
struct Compared {
    findings: Vec<Finding>,
    rows: Vec<(Status, String, String)>,
}

impl Compared {
    fn fired(&self, rule: &str) -> Vec<&str> {
        assert!(
            truce::rules::rule(rule).is_some_and(|rule| rule.is_comparison()),
            "no comparison rule `{rule}`"
        );
        self.findings
            .iter()
            .filter(|finding| finding.rule == rule)
            .map(|finding| finding.message.as_str())
            .collect()
    }

    /// Whether a finding of `rule` has a message containing every one of `words`.
    fn has(&self, rule: &str, words: &[&str]) -> bool {
        self.fired(rule)
            .iter()
            .any(|message| words.iter().all(|word| message.contains(word)))
    }
}

fn seed(older: &str, newer: &str) -> Compared {
    let selection = compare::select(
        &[older.to_string(), newer.to_string()],
        &[root().join("agreements")],
    );
    assert!(selection.errors.is_empty(), "{:#?}", selection.errors);
    summarise(&selection.documents())
}

fn summarise(documents: &[&truce::model::Document]) -> Compared {
    let step = truce::rules::compare(documents[0], documents[1]);
    let label =
        |clause: Option<&truce::model::Clause>| clause.map(|c| c.label()).unwrap_or_default();
    Compared {
        rows: step
            .rows
            .iter()
            .map(|row| {
                (
                    row.status,
                    label(step.older_clause(row)),
                    label(step.newer_clause(row)),
                )
            })
            .collect(),
        findings: step.findings.clone(),
    }
}

/// Compare the first document of `text` with the second.
fn inline(text: &str) -> Compared {
    let loaded = truce::load_str("drafts.truce", text);
    assert!(loaded.errors.is_empty(), "{:#?}", loaded.errors);
    let documents: Vec<&truce::model::Document> = loaded.corpus.documents.iter().collect();
    assert_eq!(documents.len(), 2, "the text holds two drafts");
    summarise(&documents)
}

fn has_row(compared: &Compared, status: Status, older: &str, newer: &str) -> bool {
    compared
        .rows
        .iter()
        .any(|(s, o, n)| *s == status && o == older && n == newer)
}

/// A term the newer draft's reports leave out is gone "as reported": the reports
/// may only not mention it. From a text, it is gone.
#[test]
fn what_the_reports_of_a_draft_leave_out_is_gone_only_as_reported() {
    let drafts = |evidence: &str| {
        inline(&format!(
            r#"agreement a {{
  date 2018-05-01
  party un "United Nations" side third
  clause 1 ceasefire {{ by civilians; monitor un }}
  clause 2 weapons_handover {{ weapons heavy }}
}}
agreement b {{
  date 2018-05-02
  {evidence}
  clause 1 ceasefire {{ by civilians }}
}}"#
        ))
    };
    let reported = drafts("known_from summary");
    let basis = |compared: &Compared, rule: &str| -> Vec<Option<truce::model::Basis>> {
        compared
            .findings
            .iter()
            .filter(|finding| finding.rule == rule)
            .map(|finding| finding.basis)
            .collect()
    };
    for rule in ["clause-removed", "guarantee-dropped"] {
        assert_eq!(
            basis(&reported, rule),
            [Some(truce::model::Basis::Reports)],
            "{rule}"
        );
        assert!(
            reported.fired(rule)[0].starts_with("as reported, "),
            "{rule}"
        );
    }
    let text = drafts("known_from text");
    for rule in ["clause-removed", "guarantee-dropped"] {
        assert_eq!(
            basis(&text, rule),
            [Some(truce::model::Basis::Text)],
            "{rule}"
        );
        assert!(!text.fired(rule)[0].starts_with("as reported"), "{rule}");
    }
}

// The outcomes pinned on the seed corpus.

#[test]
fn cairo_to_october_weakens_the_release_adds_corridors_and_changes_signatories() {
    let compared = seed("cairo_2017", "october_4_2017");
    // The detainee release pairs across the renumbering…
    assert!(has_row(
        &compared,
        Status::Changed,
        "detainee_release",
        "clause 3"
    ));
    // …from a stipulated release to a pledge, which favours the camp holding
    // the detainees, not the Russian delegation that carries their file…
    assert!(compared.has(
        "commitment-weakened",
        &[
            "clause 3 detainee_release",
            "binding (a plain obligation) to pledge",
            "favours the government camp (regime): a weaker release leaves the detainees \
             with the camp that holds them"
        ]
    ));
    let russia = compared
        .findings
        .iter()
        .filter(|f| f.message.contains("favours russia"));
    assert_eq!(russia.count(), 0);
    // …and a file handed over to the Russian delegation, which only the newer
    // reports state.
    assert!(compared.has(
        "terms-changed",
        &[
            "clause 3 detainee_release",
            "to now stated: russia",
            "no direction: the reports of cairo_2017 did not state it"
        ]
    ));
    // The humanitarian corridors are new.
    assert!(has_row(&compared, Status::Added, "", "clause 2"));
    assert!(compared.has("clause-added", &["clause 2 humanitarian_access"]));
    // The signatories change: the area's own committee now signs.
    assert!(compared.has(
        "terms-changed",
        &[
            "signatories russia, snc, syrian_tomorrow → negotiations_committee, russia",
            "negotiations_committee now signs (represents north_homs, which no signatory \
             of cairo_2017 represented)",
        ]
    ));
    // The ceasefire stays, with terms added.
    assert!(has_row(&compared, Status::Changed, "ceasefire", "clause 1"));
    assert!(compared.fired("clause-removed").is_empty());
}

#[test]
fn loka_second_offer_drops_the_ratio_and_adds_destination_and_route() {
    let compared = seed("loka_first_offer", "loka_second_offer");
    assert!(has_row(&compared, Status::Changed, "clause 1", "clause 1"));
    assert!(compared.has(
        "terms-changed",
        &[
            "clause 1 evacuation: ratio no longer stated: 100 fighters surrender per 200 \
             civilians evacuated",
            "a change in what the sources say"
        ]
    ));
    assert!(compared.has(
        "terms-changed",
        &["clause 1 evacuation: destination now stated: north_homs"]
    ));
    assert!(compared.has(
        "terms-changed",
        &["clause 1 evacuation: route now stated: hassawiya"]
    ));
    // The surrender itself (the weapons handover) has no counterpart.
    assert!(compared.has("clause-removed", &["clause 2 weapons_handover"]));
}

#[test]
fn october_to_ten_items_drops_the_ceasefire_and_adds_handover_conscription_deployment() {
    let compared = seed("october_4_2017", "ten_item_proposal_2018");
    // The ceasefire and the corridors go, and nothing of their kind is left:
    // guarantees dropped, which favour the camp besieging the area.
    let government = "favours the government camp (regime)";
    assert!(compared.has(
        "guarantee-dropped",
        &["clause 1 ceasefire", "a protection", government]
    ));
    assert!(compared.has(
        "guarantee-dropped",
        &["clause 2 humanitarian_access", government]
    ));
    assert!(compared.fired("clause-removed").is_empty());
    // The exit comes under an ultimatum: no gain for those who leave.
    assert!(compared.has(
        "clause-added",
        &[
            "clause 2 evacuation",
            "an exit under ultimatum is displacement, no gain for those who leave"
        ]
    ));
    // Police, institutions, conscription and the ultimatum itself: the
    // government camp's.
    for kind in [
        "clause 5 deployment",
        "clause 6 institutions_return",
        "clause 9 conscription",
        "ultimatum is new",
    ] {
        assert!(compared.has("clause-added", &[kind, government]), "{kind}");
    }
    // The date to review the detainees' file is no gain for them.
    assert!(!compared.has("terms-changed", &["review_on", "favours"]));
    for kind in ["weapons_handover", "conscription", "deployment"] {
        assert!(
            compared.has("clause-added", &[kind]),
            "{kind} is not reported added: {:#?}",
            compared.fired("clause-added")
        );
    }
    // The detainees' file: clause 3 becomes item 7, a vow to review.
    assert!(has_row(&compared, Status::Changed, "clause 3", "clause 7"));
    assert!(compared.has(
        "commitment-weakened",
        &[
            "clause 7 detainee_release (was clause 3)",
            "pledge to review"
        ]
    ));
}

// Alignment.

#[test]
fn renumbered_clauses_pair_by_kind() {
    let compared = inline(
        r#"
agreement draft_1 {
  party regime "Syrian government" side government
  clause 1 ceasefire { by regime }
  clause 2 detainee_release { by regime }
  clause 3 humanitarian_access { corridors 5 }
}
agreement draft_2 {
  party regime "Syrian government" side government
  clause 1 humanitarian_access { corridors 5 }
  clause 2 ceasefire { by regime }
  clause 5 detainee_release { by regime }
}
"#,
    );
    assert!(has_row(
        &compared,
        Status::Unchanged,
        "clause 1",
        "clause 2"
    ));
    assert!(has_row(
        &compared,
        Status::Unchanged,
        "clause 2",
        "clause 5"
    ));
    assert!(has_row(
        &compared,
        Status::Unchanged,
        "clause 3",
        "clause 1"
    ));
    assert!(compared.findings.is_empty(), "{:#?}", compared.findings);
}

#[test]
fn two_clauses_of_one_kind_pair_by_subject() {
    let compared = inline(
        r#"
agreement draft_1 {
  place old_homs "Old Homs" kind district
  party regime "Syrian government" side government
  clause 1 services { services water; area old_homs; text "water will be allowed" }
  clause 2 services { services electricity; area old_homs; text "electricity will be allowed" }
  clause 3 status_settlement { people "defected officers" }
  clause 4 status_settlement { people "those who wish to remain" }
}
agreement draft_2 {
  place old_homs "Old Homs" kind district
  party regime "Syrian government" side government
  clause 1 status_settlement { people "those who wish to remain"; excludes "those with blood on their hands" }
  clause 2 status_settlement { people "defected officers" }
  clause 5 services { services electricity; area old_homs; by regime; text "then the power returns" }
  clause 7 services { services water, fuel; area old_homs; text "then the power returns" }
}
"#,
    );
    // By what the clause concerns, not by number or position, and not by text:
    // both newer texts are the same.
    assert!(has_row(&compared, Status::Changed, "clause 1", "clause 7"));
    assert!(has_row(&compared, Status::Changed, "clause 2", "clause 5"));
    // By who is concerned.
    assert!(has_row(
        &compared,
        Status::Unchanged,
        "clause 3",
        "clause 2"
    ));
    assert!(has_row(&compared, Status::Changed, "clause 4", "clause 1"));
    assert!(compared.has(
        "terms-changed",
        &["clause 1 status_settlement (was clause 4): excludes added"]
    ));
}

#[test]
fn free_text_clauses_pair_only_by_subject() {
    let compared = inline(
        r#"
agreement draft_1 {
  party factions "Rebel factions" side opposition
  clause 1 other { by factions; subject "rejection of the Russian proposal" }
}
agreement draft_2 {
  party factions "Rebel factions" side opposition
  clause 1 other { by factions; subject "commitment to self-defence" }
}
"#,
    );
    assert!(has_row(&compared, Status::Removed, "clause 1", ""));
    assert!(has_row(&compared, Status::Added, "", "clause 1"));
}

#[test]
fn alignment_of_two_thousand_clauses() {
    let older = generated("older", 2000, |index| index);
    // The newer draft reverses the order, renumbers every clause and moves one
    // deadline in ten.
    let newer = generated("newer", 2000, |index| 1999 - index);
    let text = format!("{older}\n{newer}");
    let loaded = truce::load_str("generated.truce", &text);
    assert!(loaded.errors.is_empty(), "{:#?}", loaded.errors.first());
    let step = truce::rules::compare(&loaded.corpus.documents[0], &loaded.corpus.documents[1]);
    assert_eq!(step.rows.len(), 2000);
    for row in &step.rows {
        let (Some(old), Some(new)) = (step.older_clause(row), step.newer_clause(row)) else {
            panic!("an unpaired clause: {row:?}");
        };
        // Each clause pairs with the one of the same text.
        assert_eq!(
            truce::compare::show::text(old),
            truce::compare::show::text(new)
        );
    }
    let moved = step
        .findings
        .iter()
        .filter(|finding| finding.rule == "deadline-moved")
        .count();
    assert_eq!(moved, 200);
}

/// A document of `count` clauses: ten kinds, seven parties, fifty places; clause
/// `order(i)` is the i-th written. Clause i of the newer draft has number i+5000
/// and, for one in ten, a deadline a week later.
fn generated(id: &str, count: usize, order: impl Fn(usize) -> usize) -> String {
    const KINDS: &[&str] = &[
        "ceasefire",
        "evacuation",
        "services",
        "deployment",
        "detainee_release",
        "humanitarian_access",
        "non_entry",
        "withdrawal",
        "road_opening",
        "monitoring",
    ];
    let newer = id == "newer";
    let mut text = format!("agreement {id} {{\n  date 2018-01-01\n");
    for party in 0..7 {
        text.push_str(&format!(
            "  party party_{party} \"Party {party}\" side government\n"
        ));
    }
    for place in 0..50 {
        text.push_str(&format!(
            "  place place_{place} \"Place {place}\" kind town\n"
        ));
    }
    for position in 0..count {
        let index = order(position);
        let number = if newer { index + 5000 } else { index };
        let day = if newer && index.is_multiple_of(10) {
            15
        } else {
            8
        };
        text.push_str(&format!(
            "  clause {number} {} {{ by party_{}; area place_{}; deadline 2018-02-{day:02}; text \"term number {index} of the generated draft\" }}\n",
            KINDS[index % KINDS.len()],
            index % 7,
            (index / KINDS.len()) % 50,
        ));
    }
    text.push_str("}\n");
    text
}

// Alignment. The comparison rules' own cases live beside each rule, in
// `src/rules/comparison/`.

#[test]
fn identical_clauses_pair_unchanged_and_nothing_is_found() {
    let header = "  date 2018-04-01\n  party regime \"Syrian government\" side government";
    let clause = "clause 1 evacuation { people civilians; text \"leave\" }";
    let compared = inline(&format!(
        "agreement draft_1 {{\n{header}\n  {clause}\n}}\nagreement draft_2 {{\n{header}\n  {clause}\n}}\n"
    ));
    assert!(compared.findings.is_empty(), "{:#?}", compared.findings);
    assert!(has_row(
        &compared,
        Status::Unchanged,
        "clause 1",
        "clause 1"
    ));
}

// The command line: output formats.

#[test]
fn text_report_side_by_side() {
    let output = truce(&["compare", "cairo_2017", "october_4_2017", "--width", "100"]);
    insta::assert_snapshot!(transcript(&output));
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn text_report_fits_a_narrow_terminal() {
    let output = cargo_bin_cmd!("truce")
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env("COLUMNS", "60")
        .args(["compare", "loka_first_offer", "loka_second_offer"])
        .output()
        .expect("truce runs");
    let text = stdout(&output);
    for line in text.lines() {
        assert!(line.chars().count() <= 60, "too wide: {line:?}");
    }
    assert!(text.contains("destination: north_homs"));
}

#[test]
fn colour_marks_changes_and_the_marks_stay_without_it() {
    let coloured = truce(&[
        "--color",
        "always",
        "compare",
        "loka_first_offer",
        "loka_second_offer",
    ]);
    assert!(stdout(&coloured).contains("\u{1b}["));
    let plain = truce(&["compare", "loka_first_offer", "loka_second_offer"]);
    let plain = stdout(&plain);
    assert!(!plain.contains("\u{1b}["));
    assert!(plain.contains("+                  "));
    assert!(plain.contains("[-He offered to evacuate-]"));
}

#[test]
fn markdown_report_of_a_thread() {
    let output = truce(&[
        "compare",
        "loka_first_offer",
        "loka_second_offer",
        "salem_compromise",
        "--format",
        "markdown",
    ]);
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn json_report() {
    let output = truce(&[
        "compare",
        "cairo_2017",
        "october_4_2017",
        "--format",
        "json",
    ]);
    insta::assert_snapshot!(transcript(&output));
    let report: Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(report["version"], 2);
    assert_eq!(report["steps"][0]["older"]["id"], "cairo_2017");
    // The balance counts every comparison finding once, by camp or none.
    let step = &report["steps"][0];
    let balance = &step["balance"];
    let counted: u64 = ["government", "opposition", "third", "undirected"]
        .iter()
        .map(|camp| balance[camp].as_u64().expect("a count"))
        .sum();
    assert_eq!(
        counted as usize,
        step["findings"].as_array().expect("findings").len()
    );
    assert_eq!(balance["government"], 1);
    let rows = report["steps"][0]["rows"].as_array().expect("rows");
    assert!(
        rows.iter()
            .any(|row| row["status"] == "added" && row["newer"]["kind"] == "humanitarian_access")
    );
}

#[test]
fn html_report() {
    let output = truce(&[
        "compare",
        "loka_first_offer",
        "loka_second_offer",
        "--format",
        "html",
    ]);
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn thread_summarises_clause_kinds() {
    let output = truce(&[
        "compare",
        "cairo_2017",
        "october_4_2017",
        "ten_item_proposal_2018",
        "--width",
        "100",
    ]);
    let text = stdout(&output);
    assert!(text.contains("cairo_2017 → october_4_2017"));
    assert!(text.contains("october_4_2017 → ten_item_proposal_2018"));
    let table: Vec<&str> = text
        .lines()
        .skip_while(|line| !line.starts_with("clause kind"))
        .take_while(|line| !line.is_empty())
        .collect();
    insta::assert_snapshot!(table.join("\n"));
}

#[test]
fn timeline_text() {
    let output = truce(&["timeline"]);
    insta::assert_snapshot!(transcript(&output));
    assert!(stdout(&output).contains("inside the agreed term of de_escalation_2017"));
}

#[test]
fn timeline_json() {
    let output = truce(&["timeline", "--format", "json"]);
    let report: Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let events = report["events"].as_array().expect("events");
    let termination = events
        .iter()
        .find(|event| event["event"] == "effective")
        .expect("the termination");
    assert_eq!(termination["date"], "2018-02-15");
    assert!(
        termination["note"]
            .as_str()
            .is_some_and(|note| note.contains("de_escalation_2017"))
    );
}

// The command line: input errors.

#[test]
fn unknown_document_suggests_the_closest() {
    let output = truce(&["compare", "cairo_2071", "october_4_2017"]);
    insta::assert_snapshot!(transcript(&output));
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn a_file_of_several_documents_needs_an_id() {
    let output = truce(&[
        "compare",
        "agreements/old_homs_2014.truce",
        "loka_second_offer",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("name the one to compare by its id"));
}

#[test]
fn two_files_may_hold_two_versions_of_one_document() {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let write = |name: &str, clause: &str| -> PathBuf {
        let path = directory.path().join(name);
        let text = format!(
            "agreement draft {{\n  party regime \"Syrian government\" side government\n  {clause}\n}}\n"
        );
        std::fs::write(&path, text).expect("the file is written");
        path
    };
    let first = write(
        "v1.truce",
        "clause 1 detainee_release { by regime; strength pledge }",
    );
    let second = write(
        "v2.truce",
        "clause 1 detainee_release { by regime; strength intent }",
    );
    let output = truce(&[
        "compare",
        &first.display().to_string(),
        &second.display().to_string(),
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
    let report: Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let findings = report["steps"][0]["findings"].as_array().expect("findings");
    assert!(
        findings
            .iter()
            .any(|finding| finding["rule"] == "commitment-weakened")
    );
}

// Hostile text.

#[test]
fn html_escapes_hostile_text() {
    let (_directory, path) = hostile_file();
    let output = truce(&[
        "compare", "draft_1", "draft_2", "--in", &path, "--format", "html",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
    let html = stdout(&output);
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"));
    assert!(!html.contains("<b>"));
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
}

#[test]
fn markdown_escapes_hostile_text() {
    let (_directory, path) = hostile_file();
    let output = truce(&[
        "compare", "draft_1", "draft_2", "--in", &path, "--format", "markdown",
    ]);
    let markdown = stdout(&output);
    assert!(!markdown.contains("<script"));
    assert!(markdown.contains("&lt;script&gt;"));
    assert!(markdown.contains(r"\| \*bold\* \[link\]"));
}

// The README.

#[test]
fn readme_example_is_what_truce_prints() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("the README");
    let command = "`truce compare loka_first_offer loka_second_offer --width 96`:";
    let after = readme
        .split_once(command)
        .map(|(_, rest)| rest)
        .expect("the README shows the compare example");
    let block = after
        .split_once("```text\n")
        .and_then(|(_, rest)| rest.split_once("```"))
        .map(|(block, _)| block)
        .expect("a text block follows");
    let output = truce(&[
        "compare",
        "loka_first_offer",
        "loka_second_offer",
        "--width",
        "96",
    ]);
    assert_eq!(stdout(&output), block);
}

#[test]
fn timeline_resolves_relative_deadlines_and_orders_events() {
    let loaded = truce::load_str(
        "thread.truce",
        r#"
agreement offer {
  date 2018-04-01
  party regime "Syrian government" side government
  clause 1 detainee_release { by regime; deadline within 14 days of signing }
  clause 2 evacuation { people civilians; deadline 2018-04-03 }
}
"#,
    );
    assert!(loaded.errors.is_empty(), "{:#?}", loaded.errors);
    let timeline = truce::timeline::timeline(&loaded.corpus);
    let events: Vec<(String, Option<String>)> = timeline
        .events
        .iter()
        .map(|event| (event.description.clone(), event.written.clone()))
        .collect();
    assert_eq!(
        events,
        [
            ("dated".to_string(), None),
            ("clause 2 evacuation: deadline".to_string(), None),
            (
                "clause 1 detainee_release: deadline".to_string(),
                Some("within 14 days of signing".to_string())
            ),
        ]
    );
    assert_eq!(
        timeline.events[2].when.start.date().to_string(),
        "2018-04-15"
    );
}

// Gates.

#[test]
fn deny_warning_fails_a_comparison_that_drops_a_guarantee() {
    // The al-Waer proposal of August 2016 promised detainee releases; the
    // final agreement of March 2017 has none.
    let drafts = ["compare", "al_waer_proposal_2016", "al_waer_final_2017"];
    assert_eq!(status(&truce(&drafts)), 0);
    let denied = truce(&[&drafts[..], &["--deny", "warning"]].concat());
    assert_eq!(status(&denied), 1);
    assert!(stdout(&denied).contains("warning[guarantee-dropped]"));
    // Loka's second offer only loses a concession and a condition: no error.
    assert_eq!(
        status(&truce(&[
            "compare",
            "loka_first_offer",
            "loka_second_offer"
        ])),
        0
    );
}

#[test]
fn drafts_out_of_order_and_a_document_compared_with_itself_are_warned() {
    let reversed = truce(&["compare", "october_4_2017", "cairo_2017"]);
    assert!(stdout(&reversed).contains(
        "warning[drafts-out-of-order] october_4_2017 (2017-10-04) is dated after cairo_2017"
    ));
    let itself = truce(&["compare", "cairo_2017", "cairo_2017", "--deny", "warning"]);
    assert!(stdout(&itself).contains("warning[same-document] cairo_2017 is compared with itself"));
    assert_eq!(status(&itself), 1);
}

#[test]
fn loka_second_offer_resolves_the_aid_condition() {
    let output = stdout(&truce(&[
        "compare",
        "loka_first_offer",
        "loka_second_offer",
        "--format",
        "json",
    ]));
    let report: Value = serde_json::from_str(&output).expect("JSON");
    let step = &report["steps"][0];
    let rules = |list: &str| -> Vec<String> {
        step[list]
            .as_array()
            .into_iter()
            .flatten()
            .map(|f| f["rule"].as_str().unwrap_or("").to_string())
            .collect()
    };
    assert!(rules("resolved").contains(&"aid-conditioned-on-concession".to_string()));
    assert!(!rules("appeared").contains(&"aid-conditioned-on-concession".to_string()));
    // The exit now leaves civilians under siege with no protection for who stays.
    assert!(rules("appeared").contains(&"forced-displacement-risk".to_string()));
}

#[test]
fn ten_items_to_the_final_text_lengthen_the_bar_and_lose_the_detainee_vow() {
    let compared = seed("ten_item_proposal_2018", "northern_homs_final_2018");
    assert!(compared.has(
        "terms-changed",
        &["clause 7 non_entry (committee version) (was clause 8): duration 6 months → 6 months to 2 years", "favours the opposition camp"]
    ));
    assert!(compared.has(
        "guarantee-dropped",
        &["clause 7 detainee_release is gone: a protection"]
    ));
    // The exit pairs with the final text's principal exit, not its details.
    assert!(has_row(&compared, Status::Changed, "clause 2", "clause 3"));
}

#[test]
fn a_deployment_of_one_side_with_or_armed_by_the_other_favours_no_camp() {
    // Gen. Salem's compromise: the rebels' People's Committees, armed by the
    // regime, at joint checkpoints with its soldiers.
    let compared = seed("loka_second_offer", "salem_compromise");
    for clause in ["clause 1 deployment is new", "clause 2 deployment is new"] {
        assert!(
            compared.has("clause-added", &[clause, "no direction", "both sides"]),
            "{:#?}",
            compared.fired("clause-added")
        );
    }
}
