//! `truce export --format json` and JSON input: the round trip is exact, JSON input
//! gives the same findings as the language on the whole seed corpus, the export
//! follows `grammar/truce.schema.json`, and bad JSON is a located input error.

mod common;

use common::{root, status, stderr, stdout, truce, truce_in};

use std::fs;
use std::path::Path;

use serde_json::Value;

/// `truce export ARGS` into a file in `directory`, returning its path.
fn export_to(directory: &Path, name: &str, args: &[&str]) -> String {
    let mut all = vec!["export"];
    all.extend_from_slice(args);
    let output = truce(&all);
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    let path = directory.join(name);
    fs::write(&path, &output.stdout).unwrap();
    path.display().to_string()
}

/// What two runs must agree on: each finding's rule, document, clause labels and
/// message, in order.
fn findings(report: &str) -> Vec<(String, String, Vec<String>, String)> {
    let report: Value = serde_json::from_str(report).expect("the report is JSON");
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|finding| {
            (
                finding["rule"].as_str().unwrap().to_string(),
                finding["document"].as_str().unwrap().to_string(),
                finding["clauses"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|clause| clause["label"].as_str().unwrap().to_string())
                    .collect(),
                finding["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn export_import_export_is_identical() {
    let directory = tempfile::tempdir().unwrap();
    let corpus = export_to(directory.path(), "corpus.json", &["agreements/"]);
    let again = truce(&["export", &corpus]);
    assert_eq!(status(&again), 0, "{}", stderr(&again));
    assert_eq!(stdout(&again), fs::read_to_string(&corpus).unwrap());
}

#[test]
fn json_gives_the_same_findings_as_the_seed_corpus() {
    let directory = tempfile::tempdir().unwrap();
    let corpus = export_to(directory.path(), "corpus.json", &["agreements/"]);
    let from_source = truce(&["check", "--format", "json", "--deny", "info", "agreements/"]);
    let from_json = truce(&["check", "--format", "json", "--deny", "info", &corpus]);
    assert_eq!(status(&from_source), status(&from_json));
    let expected = findings(&stdout(&from_source));
    assert!(!expected.is_empty(), "the seed corpus has findings");
    assert_eq!(findings(&stdout(&from_json)), expected);
    // With the sources inside the JSON, even the places agree.
    assert_eq!(stdout(&from_json), stdout(&from_source));
}

#[test]
fn json_gives_the_same_text_report_tests_and_list() {
    let directory = tempfile::tempdir().unwrap();
    let corpus = export_to(directory.path(), "corpus.json", &["agreements/"]);
    for command in ["check", "test", "list"] {
        let from_source = truce(&[command, "agreements/"]);
        let from_json = truce(&[command, &corpus]);
        assert_eq!(status(&from_json), status(&from_source), "{command}");
        assert_eq!(stdout(&from_json), stdout(&from_source), "{command}");
    }
}

#[test]
fn json_and_source_files_mix() {
    let directory = tempfile::tempdir().unwrap();
    let northern = export_to(
        directory.path(),
        "northern.json",
        &["agreements/northern_homs_2017_2018.truce"],
    );
    let both = [
        "agreements/old_homs_2014.truce",
        "agreements/northern_homs_2017_2018.truce",
    ];
    let mut args = vec!["check", "--format", "json", "--deny", "info"];
    args.extend_from_slice(&both);
    let from_source = truce(&args);
    let from_mixed = truce(&[
        "check",
        "--format",
        "json",
        "--deny",
        "info",
        "agreements/old_homs_2014.truce",
        &northern,
    ]);
    assert_eq!(
        findings(&stdout(&from_mixed)),
        findings(&stdout(&from_source))
    );
    // The JSON's spans were moved to the files it brought: locations still agree.
    let report: Value = serde_json::from_str(&stdout(&from_mixed)).unwrap();
    let northern_finding = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|finding| finding["file"] == "agreements/northern_homs_2017_2018.truce")
        .expect("a finding in the exported file");
    assert!(northern_finding["line"].as_u64().unwrap() > 1);
}

#[test]
fn the_export_follows_the_published_schema() {
    let schema: Value = serde_json::from_str(
        &fs::read_to_string(root().join("grammar/truce.schema.json")).unwrap(),
    )
    .expect("the schema is JSON");
    let validator = jsonschema::draft202012::new(&schema).expect("the schema is valid");
    for paths in [
        vec!["agreements/"],
        vec![
            "tests/fixtures/findings.truce",
            "tests/fixtures/clean.truce",
        ],
        vec![COMPLETE],
    ] {
        let mut args = vec!["export"];
        args.extend_from_slice(&paths);
        let output = truce(&args);
        assert_eq!(status(&output), 0, "{}", stderr(&output));
        let export: Value = serde_json::from_str(&stdout(&output)).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&export)
            .take(5)
            .map(|error| format!("{} at {}", error, error.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "grammar/truce.schema.json no longer describes the export of {paths:?}; update \
             it (and the version, if a field was renamed, retyped or removed):\n{}",
            errors.join("\n")
        );
    }
}

/// The fixture that uses every part of the format once, and its pinned export.
const COMPLETE: &str = "tests/fixtures/interchange/complete.truce";
const COMPLETE_JSON: &str = "tests/fixtures/interchange/complete.json";

/// The first line where two texts differ, for a readable failure.
fn first_difference(expected: &str, actual: &str) -> String {
    let mut expected_lines = expected.lines();
    let mut actual_lines = actual.lines();
    for line in 1.. {
        match (expected_lines.next(), actual_lines.next()) {
            (None, None) => break,
            (wanted, found) if wanted != found => {
                return format!("line {line}: expected {wanted:?}, found {found:?}");
            }
            _ => {}
        }
    }
    "the texts differ only in their line ends".to_string()
}

/// `truce_json: 1` is a promise: a field renamed, retyped or removed in Rust must
/// not change the JSON. The export of a document holding every value type, anchor,
/// recital, red line and test assertion is pinned to a committed file. The export
/// is compact; the pinned file is indented, for review, so they are compared as
/// JSON values (object keys in any order), and a difference is shown between
/// their indented forms.
#[test]
fn the_export_of_a_complete_document_is_pinned() {
    let golden = fs::read_to_string(root().join(COMPLETE_JSON)).unwrap();
    let golden: Value = serde_json::from_str(&golden).expect("the pinned export is JSON");
    let output = truce(&["export", COMPLETE]);
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    let exported = stdout(&output);
    assert_eq!(
        exported.lines().count(),
        1,
        "the export is compact: one line, ending in a newline"
    );
    assert!(exported.ends_with('\n'));
    let exported: Value = serde_json::from_str(&exported).expect("the export is JSON");
    assert!(
        exported == golden,
        "the export of {COMPLETE} changed ({}). If the format is meant to change, raise \
         `truce_json` for anything but an added field, update grammar/truce.schema.json, \
         and write the new export, indented (`jq .`), to {COMPLETE_JSON}",
        first_difference(&indented(&golden), &indented(&exported))
    );
    // The pinned file reads back to itself.
    let again = truce(&["export", COMPLETE_JSON]);
    assert_eq!(status(&again), 0, "{}", stderr(&again));
    let again: Value = serde_json::from_str(&stdout(&again)).expect("the export is JSON");
    assert!(
        again == golden,
        "{}",
        first_difference(&indented(&golden), &indented(&again))
    );
}

fn indented(value: &Value) -> String {
    serde_json::to_string_pretty(value).expect("a value serialises")
}

#[test]
fn export_refuses_input_with_errors() {
    let output = truce(&["export", "tests/fixtures/unknown_kind.truce"]);
    assert_eq!(status(&output), 2);
    assert_eq!(stdout(&output), "");
    assert!(stderr(&output).contains("unknown clause kind"));
}

/// The seed corpus as JSON, changed by `edit`, checked: the status and stderr.
fn check_edited(edit: impl FnOnce(&mut Value)) -> (i32, String) {
    let directory = tempfile::tempdir().unwrap();
    // The seed files, whose first document the edits below know.
    let seeds = [
        "agreements/northern_homs_2017_2018.truce",
        "agreements/old_homs_2014.truce",
        "agreements/opposition_red_lines.truce",
    ];
    let corpus = export_to(directory.path(), "corpus.json", &seeds);
    let mut value: Value = serde_json::from_str(&fs::read_to_string(&corpus).unwrap()).unwrap();
    edit(&mut value);
    fs::write(&corpus, serde_json::to_string_pretty(&value).unwrap()).unwrap();
    let output = truce_in(directory.path(), &["check", "corpus.json"]);
    (status(&output), stderr(&output))
}

#[test]
fn invalid_json_is_a_located_error() {
    let directory = tempfile::tempdir().unwrap();
    fs::write(
        directory.path().join("corpus.json"),
        "{\"truce_json\": 1,\n \"files\": [,\n}",
    )
    .unwrap();
    let output = truce_in(directory.path(), &["check", "corpus.json"]);
    assert_eq!(status(&output), 2);
    insta::assert_snapshot!(stderr(&output));
}

#[test]
fn a_newer_version_is_refused() {
    let (status, errors) = check_edited(|corpus| corpus["truce_json"] = Value::from(2));
    assert_eq!(status, 2);
    assert!(
        errors.contains("unsupported truce JSON version 2"),
        "{errors}"
    );
    assert!(errors.contains("--> corpus.json:"), "{errors}");
}

#[test]
fn an_unknown_clause_kind_is_refused_with_a_suggestion() {
    let (status, errors) = check_edited(|corpus| {
        corpus["documents"][0]["clauses"][0]["kind"]["value"] = Value::from("ceasfire");
    });
    assert_eq!(status, 2);
    assert!(
        errors.contains(
            "documents[0].clauses[0].kind: unknown clause kind `ceasfire`; did you mean `ceasefire`?"
        ),
        "{errors}"
    );
    assert!(errors.contains("--> corpus.json:"), "{errors}");
}

#[test]
fn a_value_of_the_wrong_type_points_at_its_source_line() {
    let (status, errors) = check_edited(|corpus| {
        let attribute = &mut corpus["documents"][0]["clauses"][0]["attributes"][0];
        assert_eq!(attribute["key"]["value"], "area");
        attribute["value"] = serde_json::json!({ "type": "text", "value": "north" });
    });
    assert_eq!(status, 2);
    insta::assert_snapshot!(errors);
}

#[test]
fn an_attribute_the_kind_does_not_take_is_refused() {
    let (status, errors) = check_edited(|corpus| {
        let attribute = &mut corpus["documents"][0]["clauses"][0]["attributes"][0];
        attribute["key"]["value"] = Value::from("barred");
    });
    assert_eq!(status, 2);
    assert!(
        errors.contains("corpus.json: clause kind `ceasefire` has no attribute `barred`"),
        "{errors}"
    );
}

#[test]
fn a_span_into_a_missing_file_is_refused() {
    let (status, errors) = check_edited(|corpus| {
        corpus["documents"][0]["span"]["file"] = Value::from(99);
    });
    assert_eq!(status, 2);
    assert!(
        errors.contains("documents[0].span.file: a span names file 99, but `files` lists 3"),
        "{errors}"
    );
}

#[test]
fn without_source_text_findings_still_name_the_file() {
    let directory = tempfile::tempdir().unwrap();
    let corpus = export_to(directory.path(), "corpus.json", &["agreements/"]);
    let mut value: Value = serde_json::from_str(&fs::read_to_string(&corpus).unwrap()).unwrap();
    for file in value["files"].as_array_mut().unwrap() {
        file.as_object_mut().unwrap().remove("text");
    }
    fs::write(&corpus, value.to_string()).unwrap();
    let from_source = truce(&["check", "--format", "json", "agreements/"]);
    let from_json = truce(&["check", "--format", "json", &corpus]);
    assert_eq!(
        findings(&stdout(&from_json)),
        findings(&stdout(&from_source))
    );
}

#[test]
fn a_folder_is_searched_for_truce_files_only() {
    let directory = tempfile::tempdir().unwrap();
    fs::copy(
        root().join("tests/fixtures/clean.truce"),
        directory.path().join("clean.truce"),
    )
    .unwrap();
    fs::write(directory.path().join("notes.json"), "not JSON").unwrap();
    let output = truce_in(directory.path(), &["check", "."]);
    assert_eq!(status(&output), 0, "{}", stderr(&output));
}

/// Found while reading the calendar code: `Duration::to_span` panics past jiff's
/// range, which the resolver never reaches but JSON could.
#[test]
fn a_duration_out_of_range_is_an_error_not_a_panic() {
    let (status, errors) = check_edited(|corpus| {
        let clause = corpus["documents"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .flat_map(|document| document["clauses"].as_array_mut().unwrap().iter_mut())
            .find(|clause| {
                clause["attributes"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|attribute| attribute["value"]["type"] == "duration")
            })
            .expect("a clause with a duration");
        for attribute in clause["attributes"].as_array_mut().unwrap() {
            if attribute["value"]["type"] == "duration" {
                attribute["value"]["value"]["min"]["amount"] = Value::from(99_999_999_999_i64);
            }
        }
    });
    assert_eq!(status, 2, "{errors}");
    assert!(
        errors.contains("a duration of 99999999999 months is out of range"),
        "{errors}"
    );
}

#[test]
fn ages_out_of_order_are_an_error() {
    let mut sources = truce::source::Sources::default();
    let output = truce(&["export", "agreements/"]);
    let mut value: Value = serde_json::from_slice(&output.stdout).unwrap();
    let attribute = value["documents"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .flat_map(|document| document["clauses"].as_array_mut().unwrap().iter_mut())
        .flat_map(|clause| clause["attributes"].as_array_mut().unwrap().iter_mut())
        .find(|attribute| attribute["value"]["type"] == "ages")
        .expect("an age range in the seed corpus");
    attribute["value"]["value"] = serde_json::json!({ "min": 4000000000u32, "max": 2 });
    let errors =
        truce::interchange::import("c.json", &value.to_string(), &mut sources).unwrap_err();
    assert_eq!(
        errors[0].message,
        "c.json: `4000000000 to 2` is not an age range"
    );
}

// The model checks: the same for JSON as for the language.

/// The complete fixture's pinned JSON, edited, as `corpus.json`: `truce check`'s
/// status and stderr.
fn check_complete_json(edit: impl FnOnce(&mut Value)) -> (i32, String) {
    let directory = tempfile::tempdir().unwrap();
    let golden = fs::read_to_string(root().join(COMPLETE_JSON)).unwrap();
    let mut value: Value = serde_json::from_str(&golden).unwrap();
    edit(&mut value);
    fs::write(
        directory.path().join("corpus.json"),
        serde_json::to_string_pretty(&value).unwrap(),
    )
    .unwrap();
    let output = truce_in(directory.path(), &["check", "corpus.json"]);
    (status(&output), stderr(&output))
}

/// The complete fixture's source with `from` written as `to` (as long, so that
/// every span stays where it was), under its own name: `truce check`'s status and
/// stderr.
fn check_complete_source(from: &str, to: &str) -> (i32, String) {
    assert_eq!(from.len(), to.len(), "the edit must keep every span");
    let text = fs::read_to_string(root().join(COMPLETE)).unwrap();
    assert!(text.contains(from), "{from:?} is not in {COMPLETE}");
    let directory = tempfile::tempdir().unwrap();
    let path = directory.path().join(COMPLETE);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
    let output = truce_in(directory.path(), &["check", COMPLETE]);
    (status(&output), stderr(&output))
}

/// Assert that the source edited by `from` → `to`, and the JSON edited by `edit`
/// to the same model (its embedded source edited alike), give the same errors;
/// those from JSON name the JSON file first. Returns the errors from JSON.
fn assert_same_errors(from: &str, to: &str, edit: impl FnOnce(&mut Value)) -> String {
    let (source_status, source_errors) = check_complete_source(from, to);
    let (json_status, json_errors) = check_complete_json(|corpus| {
        let text = corpus["files"][0]["text"]
            .as_str()
            .unwrap()
            .replacen(from, to, 1);
        corpus["files"][0]["text"] = Value::from(text);
        edit(corpus);
    });
    assert_eq!(source_status, 2, "{source_errors}");
    assert_eq!(json_status, 2, "{json_errors}");
    let expected: Vec<String> = source_errors
        .lines()
        .map(|line| match line.split_once(": ") {
            // `error: ` or `error[E0402]: `, then the message.
            Some((head, message))
                if head.starts_with("error")
                    && !head.contains(' ')
                    && !message.ends_with("nothing was checked until they are fixed") =>
            {
                format!("{head}: corpus.json: {message}")
            }
            _ => line.to_string(),
        })
        .collect();
    assert_eq!(json_errors.lines().collect::<Vec<_>>(), expected);
    json_errors
}

/// The attribute of `clause` (an index into the first document's clauses) under
/// `key`.
fn attribute<'v>(corpus: &'v mut Value, clause: usize, key: &str) -> &'v mut Value {
    corpus["documents"][0]["clauses"][clause]["attributes"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|attribute| attribute["key"]["value"] == key)
        .unwrap_or_else(|| panic!("clause {clause} has no `{key}`"))
}

#[test]
fn a_dangling_clause_reference_in_json_is_the_languages_error() {
    let errors = assert_same_errors("after 2, 3", "after 2, 9", |corpus| {
        // Clause 5's `after 2, 3`.
        attribute(corpus, 4, "after")["value"]["value"][1]["value"] = Value::from("9");
    });
    assert!(
        errors.contains(
            "error[E0402]: corpus.json: there is no clause 9 in this document\n   \
             --> tests/fixtures/interchange/complete.truce:64:14"
        ),
        "{errors}"
    );
}

#[test]
fn a_party_declared_twice_in_json_is_the_languages_error() {
    // The first party, russia, becomes a second regime (with its unit).
    let errors = assert_same_errors("party russia", "party regime", |corpus| {
        let document = &mut corpus["documents"][0];
        document["parties"][0]["id"]["value"] = Value::from("regime");
        document["units"][0]["path"]["value"] = Value::from("regime.military_police");
        document["units"][0]["parent"] = Value::from("regime");
    });
    assert!(
        errors.contains(
            "error[E0401]: corpus.json: party `regime` is declared twice\n   \
             --> tests/fixtures/interchange/complete.truce:15:9"
        ),
        "{errors}"
    );
    assert!(errors.contains("first declared here"), "{errors}");
    // What named the party that is gone is reported too, as for the source.
    assert!(errors.contains("unknown party `russia`"), "{errors}");
}

#[test]
fn a_unit_cycle_in_json_is_a_located_error() {
    let (status, errors) = check_complete_json(|corpus| {
        // regime.army within its own fourth division.
        let units = corpus["documents"][0]["units"].as_array_mut().unwrap();
        let army = units
            .iter_mut()
            .find(|unit| unit["path"]["value"] == "regime.army")
            .unwrap();
        army["parent"] = Value::from("regime.army.fourth_division");
    });
    assert_eq!(status, 2, "{errors}");
    for (unit, at) in [
        ("regime.army", "15:58"),
        ("regime.army.fourth_division", "18:8"),
    ] {
        let expected = format!(
            "error[E0403]: corpus.json: unit `{unit}` lies within itself\n   \
             --> tests/fixtures/interchange/complete.truce:{at}"
        );
        assert!(errors.contains(&expected), "{expected}\n{errors}");
    }
}

#[test]
fn a_duration_out_of_range_in_json_is_a_located_error() {
    let (status, errors) = check_complete_json(|corpus| {
        // Clause 3's `duration 6 months to 2 years`.
        attribute(corpus, 2, "duration")["value"]["value"]["max"]["amount"] = Value::from(200_000);
    });
    assert_eq!(status, 2, "{errors}");
    assert!(
        errors.contains(
            "error[E0302]: corpus.json: a duration of 200000 years is out of range\n   \
             --> tests/fixtures/interchange/complete.truce:52:5"
        ),
        "{errors}"
    );
}
