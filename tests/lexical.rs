//! Errors in how a value or a block is written, as a user meets them: a date in
//! another format, a number with its thousands marked, a name without quotes, a
//! missing `}`. Each says how to write it, under its stable code. The fixtures
//! are in `tests/fixtures/lexical/`; the rendered errors are reviewed snapshots.

mod common;

use common::*;

use serde_json::Value;

const FIXTURES: &str = "tests/fixtures/lexical";

fn check(fixture: &str) -> std::process::Output {
    truce(&["check", &format!("{FIXTURES}/{fixture}")])
}

/// The `errors` of `truce check --format json` on the files.
fn json_errors(paths: &[&str]) -> Vec<Value> {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(paths);
    let output = truce(&args);
    assert_eq!(status(&output), 2, "{}", transcript(&output));
    let report: Value = serde_json::from_str(&stdout(&output)).expect("JSON on stdout");
    report["errors"].as_array().cloned().unwrap_or_default()
}

/// Run a fixture with one error; check its code in text and JSON, and return the
/// text for a snapshot.
fn one_error(fixture: &str, code: &str) -> String {
    let output = check(fixture);
    assert_eq!(status(&output), 2);
    let text = stderr(&output);
    assert_eq!(text.matches("error[").count(), 1, "one error only:\n{text}");
    assert!(text.starts_with(&format!("error[{code}]: ")), "{text}");
    let errors = json_errors(&[&format!("{FIXTURES}/{fixture}")]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0]["code"], code);
    transcript(&output)
}

#[test]
fn an_ambiguous_date_names_both_readings() {
    let transcript = one_error("ambiguous_date.truce", "E0106");
    insta::assert_snapshot!(transcript);
    assert!(transcript.contains("`2018-05-01` if it means 1 May"));
    assert!(transcript.contains("`2018-01-05` if it means 5 January"));
    assert!(transcript.contains("ambiguous between day/month and month/day"));
}

#[test]
fn a_month_of_one_digit_gets_its_zero() {
    let transcript = one_error("short_month.truce", "E0106");
    insta::assert_snapshot!(transcript);
    assert!(transcript.contains("write `2018-05-15`"));
}

#[test]
fn a_thousands_separator_suggests_the_plain_number() {
    let transcript = one_error("thousands.truce", "E0107");
    insta::assert_snapshot!(transcript);
    assert!(transcript.contains("write `12000`"));
}

#[test]
fn a_name_of_several_words_without_quotes_suggests_them() {
    let transcript = one_error("unquoted_name.truce", "E0205");
    insta::assert_snapshot!(transcript);
    assert!(transcript.contains(r#"write `party regime "Syrian government"`"#));
}

#[test]
fn a_missing_brace_points_at_the_innermost_open_block_without_follow_ons() {
    let transcript = one_error("missing_brace.truce", "E0102");
    insta::assert_snapshot!(transcript);
    // The clause that lacks its `}` (line 4), not the agreement around it.
    assert!(
        transcript.contains("--> tests/fixtures/lexical/missing_brace.truce:4:29"),
        "{transcript}"
    );
    assert!(!transcript.contains("take no block"), "{transcript}");
}

#[test]
fn an_unknown_strength_reads_as_english() {
    let transcript = one_error("unknown_strength.truce", "E0204");
    insta::assert_snapshot!(transcript);
    assert!(transcript.contains("error[E0204]: unknown strength `revew`"));
    assert!(!transcript.contains("unknown a "), "{transcript}");
}

/// Every input error has a code, and `expected` in JSON says what should stand
/// there, not "expected ...", over every fixture with errors.
#[test]
fn every_json_error_has_a_code_and_an_expected_without_the_word() {
    let paths = [
        "tests/fixtures/lexical/ambiguous_date.truce",
        "tests/fixtures/lexical/short_month.truce",
        "tests/fixtures/lexical/thousands.truce",
        "tests/fixtures/lexical/unquoted_name.truce",
        "tests/fixtures/lexical/missing_brace.truce",
        "tests/fixtures/lexical/unknown_strength.truce",
        "tests/fixtures/bad_date.truce",
        "tests/fixtures/truncated.truce",
        "tests/fixtures/unknown_kind.truce",
        "tests/fixtures/unknown_party.truce",
        "tests/fixtures/no_such_file.truce",
    ];
    let errors = json_errors(&paths);
    assert!(errors.len() >= paths.len(), "{errors:?}");
    for error in &errors {
        let code = error["code"].as_str().unwrap_or_default();
        assert!(
            truce::error_code::ErrorCode::find(code).is_some(),
            "{error}"
        );
        if let Some(expected) = error["expected"].as_str() {
            assert!(!expected.starts_with("expected"), "{error}");
        }
    }
}
