//! Red lines, coverage and `truce test` from the command line.

mod common;

use common::*;

const PROPOSAL: &str = "tests/fixtures/redlines/proposal.truce";
const RED_LINES: &str = "tests/fixtures/redlines/red_lines.truce";

#[test]
fn check_against_a_red_lines_file_reports_each_outcome_with_spans() {
    let output = truce(&["check", PROPOSAL, "--against", RED_LINES]);
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn check_against_by_id_as_json() {
    let output = truce(&[
        "check",
        PROPOSAL,
        RED_LINES,
        "--against",
        "factions_lines",
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let outcomes = &report["documents"][0]["outcomes"];
    let statuses: Vec<(&str, &str)> = outcomes
        .as_array()
        .expect("outcomes")
        .iter()
        .map(|o| {
            (
                o["requirement"].as_str().unwrap_or(""),
                o["status"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        statuses,
        [
            ("truce", "met"),
            ("detainees", "unmet"),
            ("grace", "violated"),
            ("guarantee", "unmet")
        ]
    );
    assert_eq!(outcomes[2]["clauses"][0]["line"], 11);
    assert_eq!(outcomes[2]["requirement_location"]["line"], 9);
}

#[test]
fn check_against_unknown_requirements_is_an_input_error() {
    let output = truce(&["check", PROPOSAL, RED_LINES, "--against", "factions_line"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("unknown requirements `factions_line`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("did you mean `factions_lines`?"),
        "{stderr}"
    );
}

#[test]
fn requirement_parse_errors_are_located_with_hints() {
    let output = truce(&["check", "tests/fixtures/redlines/bad_requirements.truce"]);
    assert_eq!(output.status.code(), Some(2));
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn truce_test_passes_on_the_seed_corpus() {
    let output = truce(&["test", "agreements/"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("ok     ten_item_fails_the_detainee_and_guarantee_red_lines"));
    assert!(
        stdout.contains("ok     october_4_meets_the_ceasefire_red_line_but_not_the_detainee_one")
    );
    assert!(stdout.trim_end().ends_with(" passed, 0 failed"), "{stdout}");
}

#[test]
fn truce_test_passes_each_assertion_kind() {
    let output = truce(&[
        "test",
        PROPOSAL,
        RED_LINES,
        "tests/fixtures/redlines/passing_tests.truce",
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "ok     proposal_meets_and_misses\n\n1 passed, 0 failed\n"
    );
}

#[test]
fn truce_test_failure_shows_expected_actual_and_spans() {
    let output = truce(&[
        "test",
        PROPOSAL,
        RED_LINES,
        "tests/fixtures/redlines/failing_tests.truce",
    ]);
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn truce_test_coverage_lists_rules_covered_and_never_covered() {
    let output = truce(&[
        "test",
        PROPOSAL,
        RED_LINES,
        "tests/fixtures/redlines/passing_tests.truce",
        "--coverage",
    ]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("rule coverage: 1 of "), "{stdout}");
    assert!(stdout.contains("  covered weak-commitment\n"), "{stdout}");
    assert!(stdout.contains("  never   no-guarantor\n"), "{stdout}");
}

#[test]
fn coverage_table_in_every_format() {
    for (format, expected) in [
        (
            "text",
            "document  ceasefire  conscription  detainee_release  clauses  red line: truce",
        ),
        (
            "markdown",
            "| document | ceasefire | conscription | detainee_release | clauses | red line: truce |",
        ),
        (
            "csv",
            "document,ceasefire,conscription,detainee_release,clauses,red line: truce,",
        ),
    ] {
        let output = truce(&[
            "coverage",
            PROPOSAL,
            RED_LINES,
            "--against",
            "factions_lines",
            "--format",
            format,
        ]);
        assert_eq!(output.status.code(), Some(0), "{format}");
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(stdout.starts_with(expected), "{format}:\n{stdout}");
    }
    let output = truce(&["coverage", PROPOSAL, "--format", "json"]);
    let matrix: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(matrix["rows"][0]["counts"], serde_json::json!([1, 1, 1]));
    assert_eq!(matrix["kind_totals"], serde_json::json!([1, 1, 1]));
}

#[test]
fn coverage_require_fails_when_a_document_lacks_a_kind() {
    let output = truce(&["coverage", PROPOSAL, "--require", "ceasefire,guarantee"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr,
        "error: proposal lacks required clause kinds: guarantee\n"
    );
    let output = truce(&["coverage", PROPOSAL, "--require", "ceasefire"]);
    assert_eq!(output.status.code(), Some(0));
    let output = truce(&["coverage", PROPOSAL, "--require", "ceasfire"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn coverage_of_the_seed_corpus_against_the_opposition_red_lines() {
    // The seed files only: the dossier files have their own tests.
    let output = truce(&[
        "coverage",
        "agreements/old_homs_2014.truce",
        "agreements/northern_homs_2017_2018.truce",
        "agreements/opposition_red_lines.truce",
        "--against",
        "northern_homs_opposition",
    ]);
    assert_eq!(output.status.code(), Some(0));
    insta::assert_snapshot!(String::from_utf8_lossy(&output.stdout));
}

#[test]
fn coverage_table_fits_the_columns_it_is_given() {
    // Shares its width with `truce compare`: COLUMNS, else the terminal's, else
    // 100, and never below 40.
    let lines_at = |columns: &str| {
        let output = assert_cmd::cargo::cargo_bin_cmd!("truce")
            .current_dir(root())
            .env("NO_COLOR", "1")
            .env("COLUMNS", columns)
            .args(["coverage", "agreements/"])
            .output()
            .expect("truce runs");
        assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
        let widest = stdout(&output)
            .lines()
            .map(|line| line.chars().count())
            .max();
        widest.unwrap_or(0)
    };
    let narrow = lines_at("60");
    assert!(narrow <= 60 && narrow > 40, "{narrow}");
    // Too narrow a COLUMNS gives the narrowest layout, not the default.
    assert!(lines_at("20") < narrow);
}
