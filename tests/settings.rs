//! A project's settings and its accepted gaps, as a user meets them: a
//! `truce.toml` that lowers, raises or silences rules, and `allow RULE "reason"`
//! lines whose findings are counted and listed, never lost.

mod common;

use std::fs;
use std::path::Path;

use common::*;
use serde_json::Value;

/// A proposal with a missing guarantor (warning), a weak commitment (warning),
/// and a detainee release with no mechanism and no deadline (warnings).
const PROPOSAL: &str = r#"agreement proposal_2018 {
  date 2018-05-01
  party regime "Syrian government" side government role signatory
  clause 7 detainee_release {
    by regime
    strength review
  }
}
"#;

fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let folder = tempfile::tempdir().expect("a temporary folder");
    for (name, text) in files {
        let path = folder.path().join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("folders");
        }
        fs::write(path, text).expect("written");
    }
    folder
}

fn json(folder: &Path, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["check", "--format", "json"];
    all.extend(args);
    let output = truce_in(folder, &all);
    let report = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|error| panic!("{error}: {}", transcript(&output)));
    (status(&output), report)
}

fn rules_of(report: &Value, field: &str) -> Vec<String> {
    report[field]
        .as_array()
        .map(|items| {
            items
                .iter()
                .map(|item| item["rule"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_config_that_lowers_a_rule_to_allow_silences_it() {
    let folder = project(&[("agreements/proposal.truce", PROPOSAL)]);
    let (_, before) = json(folder.path(), &[]);
    assert!(rules_of(&before, "findings").contains(&"weak-commitment".to_string()));

    fs::write(
        folder.path().join("truce.toml"),
        "[severity]\nweak-commitment = \"allow\"\nNo-Guarantor = \"error\"\n",
    )
    .expect("written");
    let (status, after) = json(folder.path(), &[]);
    let rules = rules_of(&after, "findings");
    assert!(!rules.contains(&"weak-commitment".to_string()), "{rules:?}");
    let guarantor = after["findings"]
        .as_array()
        .and_then(|findings| findings.iter().find(|f| f["rule"] == "no-guarantor"));
    assert_eq!(
        guarantor.map(|f| f["severity"].clone()),
        Some("error".into())
    );
    // Raised to an error, the finding fails the run.
    assert_eq!(status, 1);
    // Silenced by the config is not suppressed by an `allow`: nothing to list.
    assert_eq!(after["summary"]["suppressed"], 0);
}

#[test]
fn select_and_ignore_choose_the_rules_that_report() {
    let folder = project(&[
        ("agreements/proposal.truce", PROPOSAL),
        (
            "truce.toml",
            "select = [\"weak-commitment\", \"no-guarantor\"]\nignore = [\"NO-GUARANTOR\"]\n",
        ),
    ]);
    let (_, report) = json(folder.path(), &[]);
    assert_eq!(rules_of(&report, "findings"), ["weak-commitment"]);
}

#[test]
fn the_config_is_found_from_a_folder_below_and_names_default_paths() {
    let folder = project(&[
        ("drafts/proposal.truce", PROPOSAL),
        ("deep/er/empty.txt", ""),
        ("truce.toml", "paths = [\"drafts/\"]\n"),
    ]);
    let output = truce_in(&folder.path().join("deep/er"), &["list"]);
    assert_eq!(status(&output), 0, "{}", transcript(&output));
    assert!(
        stdout(&output).starts_with("proposal_2018"),
        "{}",
        transcript(&output)
    );
    // Paths given on the command line win over the config's.
    let output = truce_in(folder.path(), &["list", "deep/"]);
    assert_eq!(status(&output), 2);
    assert!(stderr(&output).contains("no .truce files in deep/"));
}

#[test]
fn config_flag_names_the_file_and_its_errors_are_located_input_errors() {
    let folder = project(&[
        ("agreements/proposal.truce", PROPOSAL),
        (
            "settings/strict.toml",
            "[severity]\nweak-comitment = \"error\"\nno-guarantor = \"loud\"\n",
        ),
    ]);
    let output = truce_in(
        folder.path(),
        &["check", "--config", "settings/strict.toml"],
    );
    assert_eq!(status(&output), 2);
    assert_eq!(stdout(&output), "");
    let errors = stderr(&output);
    assert!(
        errors.contains("error[E0405]: unknown rule `weak-comitment`"),
        "{errors}"
    );
    assert!(errors.contains("--> settings/strict.toml:2:1"), "{errors}");
    assert!(
        errors.contains("did you mean `weak-commitment`?"),
        "{errors}"
    );
    assert!(
        errors.contains("error[E0005]: unknown severity `loud`"),
        "{errors}"
    );
    assert!(errors.contains("--> settings/strict.toml:3:16"), "{errors}");
    assert!(errors.contains('^'), "{errors}");

    // A syntax error in the file, where toml places it.
    fs::write(folder.path().join("truce.toml"), "paths = [\"a\"\n").expect("written");
    let output = truce_in(folder.path(), &["list"]);
    assert_eq!(status(&output), 2);
    assert!(
        stderr(&output).contains("--> truce.toml:1:"),
        "{}",
        transcript(&output)
    );
}

const ALLOWED: &str = r#"agreement proposal_2018 {
  date 2018-05-01
  allow no-guarantor "the UN operation is its own guarantee"
  party regime "Syrian government" side government role signatory
  clause 7 detainee_release {
    by regime
    strength review
    allow Weak-Commitment "a review is all the regime would sign"
  }
}
"#;

#[test]
fn an_allow_with_a_reason_is_counted_and_shown_under_show_suppressed() {
    let folder = project(&[("agreements/proposal.truce", ALLOWED)]);
    let output = truce_in(folder.path(), &["check"]);
    let report = stdout(&output);
    assert!(!report.contains("[no-guarantor]"), "{report}");
    assert!(!report.contains("[weak-commitment]"), "{report}");
    assert!(
        report.ends_with("; 2 suppressed (--show-suppressed lists them)\n"),
        "{report}"
    );

    let output = truce_in(folder.path(), &["check", "--show-suppressed"]);
    let report = stdout(&output);
    assert!(
        report.contains("Suppressed by `allow` (2 findings):"),
        "{report}"
    );
    assert!(
        report.contains("allowed[no-guarantor]: no party guarantees"),
        "{report}"
    );
    assert!(
        report.contains(
            "= allowed at agreements/proposal.truce:3:3: the UN operation is its own guarantee"
        ),
        "{report}"
    );
    assert!(
        report.contains(
            "= allowed at agreements/proposal.truce:8:5: a review is all the regime would sign"
        ),
        "{report}"
    );

    let (_, report) = json(folder.path(), &["--show-suppressed"]);
    assert_eq!(report["summary"]["suppressed"], 2);
    let suppressed = &report["suppressed"];
    assert_eq!(
        rules_of(&report, "suppressed"),
        ["no-guarantor", "weak-commitment"]
    );
    assert_eq!(
        suppressed[0]["reason"],
        "the UN operation is its own guarantee"
    );
    assert_eq!(suppressed[0]["allow"]["line"], 3);
    assert_eq!(suppressed[1]["allow"]["column"], 5);
    // Without the flag, only the count.
    let (_, report) = json(folder.path(), &[]);
    assert_eq!(report["summary"]["suppressed"], 2);
    assert!(report.get("suppressed").is_none());
}

#[test]
fn an_allow_without_a_reason_or_for_an_unknown_rule_is_an_input_error() {
    let folder = project(&[(
        "bad.truce",
        "agreement a {\n  date 2018-05-01\n  allow no-guarantor\n  allow no-guarantr \"typo\"\n  allow clause-removed \"a comparison rule\"\n}\n",
    )]);
    let output = truce_in(folder.path(), &["check", "bad.truce"]);
    assert_eq!(status(&output), 2);
    let errors = stderr(&output);
    assert!(
        errors.contains("error[E0207]: `allow no-guarantor` gives no reason\n  --> bad.truce:3:3"),
        "{errors}"
    );
    assert!(
        errors.contains("hint: an accepted gap records why it is accepted"),
        "{errors}"
    );
    assert!(
        errors.contains("error[E0405]: unknown rule `no-guarantr`\n  --> bad.truce:4:9"),
        "{errors}"
    );
    assert!(errors.contains("did you mean `no-guarantor`?"), "{errors}");
    assert!(
        errors.contains("`clause-removed` is a rule of `truce compare`"),
        "{errors}"
    );
}

#[test]
fn an_allow_that_covers_nothing_is_reported() {
    let folder = project(&[(
        "a.truce",
        "agreement a {\n  date 2018-05-01\n  guarantor un\n  party un \"United Nations\" side third\n  allow no-guarantor \"the UN guarantees it\"\n}\n",
    )]);
    let output = truce_in(folder.path(), &["check", "a.truce"]);
    assert_eq!(status(&output), 0);
    let report = stdout(&output);
    assert!(
        report
            .contains("info[unused-allow]: `allow no-guarantor` on the document covers no finding"),
        "{report}"
    );
    assert!(report.contains("--> a.truce:5:3"), "{report}");
}

#[test]
fn allow_survives_fmt_and_export() {
    let folder = project(&[("a.truce", &ALLOWED.replace("  allow", "allow"))]);
    let output = truce_in(folder.path(), &["fmt", "a.truce"]);
    assert_eq!(status(&output), 0, "{}", transcript(&output));
    let formatted = fs::read_to_string(folder.path().join("a.truce")).expect("read");
    assert_eq!(formatted, ALLOWED);

    let output = truce_in(folder.path(), &["export", "a.truce"]);
    assert_eq!(status(&output), 0, "{}", transcript(&output));
    fs::write(folder.path().join("a.json"), &output.stdout).expect("written");
    let (_, from_json) = json(folder.path(), &["a.json", "--show-suppressed"]);
    let (_, from_text) = json(folder.path(), &["a.truce", "--show-suppressed"]);
    assert_eq!(from_json["summary"]["suppressed"], 2);
    assert_eq!(
        from_json["suppressed"][0]["reason"],
        from_text["suppressed"][0]["reason"]
    );
    assert_eq!(
        rules_of(&from_json, "findings"),
        rules_of(&from_text, "findings")
    );
}
