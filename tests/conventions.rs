//! What users of other command-line tools expect of truce: completions and a
//! manual page generated from the arguments, `--quiet`, JSON from `list` and
//! `explain`, `fmt --diff`, rule ids in any case, and a word when `fmt` changes
//! line endings.

mod common;

use common::*;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

const COMMANDS: &[&str] = &[
    "check",
    "test",
    "coverage",
    "explain",
    "list",
    "fmt",
    "export",
    "compare",
    "timeline",
    "completions",
    "man",
];

// Completions and the manual page.

#[test]
fn completions_for_each_shell_name_every_command() {
    for (shell, opening) in [
        ("bash", "_truce() {"),
        ("zsh", "#compdef truce"),
        ("fish", "complete -c truce"),
        ("elvish", "set edit:completion:arg-completer[truce]"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let output = truce(&["completions", shell]);
        assert_eq!(status(&output), 0, "{}", transcript(&output));
        let script = stdout(&output);
        assert!(script.contains(opening), "{shell}:\n{script:.300}");
        for command in COMMANDS {
            assert!(script.contains(command), "{shell} lacks {command}");
        }
        // The formats added for CI are completed too, where the shell
        // completes values.
        if ["bash", "zsh", "fish"].contains(&shell) {
            assert!(script.contains("sarif"), "{shell} lacks sarif");
        }
    }
    let unknown = truce(&["completions", "tcsh"]);
    assert_eq!(status(&unknown), 2);
}

#[test]
fn the_bash_script_is_valid_bash() {
    let script = stdout(&truce(&["completions", "bash"]));
    let directory = tempfile::tempdir().expect("a temporary directory");
    let path = directory.path().join("truce.bash");
    fs::write(&path, script).expect("written");
    let Ok(checked) = Command::new("bash").arg("-n").arg(&path).output() else {
        println!("SKIPPED: bash is not installed, the script's syntax is not checked");
        return;
    };
    assert!(
        checked.status.success(),
        "{}",
        String::from_utf8_lossy(&checked.stderr)
    );
}

#[test]
fn the_manual_page_documents_every_command_and_each_has_its_own() {
    let output = truce(&["man"]);
    assert_eq!(status(&output), 0, "{}", transcript(&output));
    let page = stdout(&output);
    assert!(page.contains(".TH truce 1"), "{page:.300}");
    assert!(page.contains("\"truce 0.1.0\""), "{page:.300}");
    let subcommands = page
        .split_once(".SH SUBCOMMANDS")
        .expect("a section of commands")
        .1;
    for command in COMMANDS {
        assert!(
            subcommands.contains(&format!("truce\\-{}(1)", command.replace('-', "\\-"))),
            "the page lacks {command}"
        );
    }

    let check = stdout(&truce(&["man", "check"]));
    assert!(check.contains(".TH truce-check 1"), "{check:.300}");
    assert!(check.contains("\\fBtruce check\\fR"), "{check:.600}");
    // The global options are on every page; the values of --format too.
    for word in [
        "\\-\\-quiet",
        "\\-\\-color",
        "\\-\\-format",
        "sarif",
        "github",
    ] {
        assert!(check.contains(word), "truce-check(1) lacks {word}");
    }

    let unknown = truce(&["man", "chek"]);
    assert_eq!(status(&unknown), 2);
    assert_eq!(stdout(&unknown), "");
    assert_eq!(
        stderr(&unknown),
        "error[E0004]: unknown command `chek`\n  = hint: did you mean `check`?\n\n"
    );
}

// --quiet.

#[test]
fn quiet_check_prints_the_findings_and_nothing_else() {
    let fixture = "tests/fixtures/findings.truce";
    let loud = stdout(&truce(&["check", fixture]));
    for flag in ["-q", "--quiet"] {
        let output = truce(&["check", flag, fixture]);
        let quiet = stdout(&output);
        // The same findings, without the document's line and the summary.
        let findings = |text: &str| -> Vec<String> {
            text.lines()
                .filter(|line| line.starts_with("warning[") || line.starts_with("error["))
                .map(str::to_string)
                .collect()
        };
        assert!(!findings(&loud).is_empty());
        assert_eq!(findings(&quiet), findings(&loud));
        assert!(loud.contains("gaps_proposal_2018 (tests/fixtures/findings.truce): "));
        assert!(!quiet.contains("gaps_proposal_2018 ("), "{quiet}");
        assert!(!quiet.contains(" in 1 document (1 file)"), "{quiet}");
        assert!(quiet.starts_with("warning[") || quiet.starts_with("error["));
        // The exit code does not change.
        assert_eq!(status(&output), status(&truce(&["check", fixture])));
    }
    // Global: before the command too.
    assert_eq!(
        stdout(&truce(&["-q", "check", fixture])),
        stdout(&truce(&["check", "-q", fixture]))
    );
}

#[test]
fn quiet_input_errors_leave_out_the_closing_line() {
    let output = truce(&["check", "-q", "tests/fixtures/bad_date.truce"]);
    assert_eq!(status(&output), 2);
    let errors = stderr(&output);
    assert!(
        errors.starts_with("error[E0301]: invalid date `2018-02-30`"),
        "{errors}"
    );
    assert!(!errors.contains("nothing was checked"), "{errors}");
    let loud = stderr(&truce(&["check", "tests/fixtures/bad_date.truce"]));
    assert!(loud.contains("nothing was checked"), "{loud}");
}

#[test]
fn quiet_test_shows_only_the_failures() {
    let files = [
        "tests/fixtures/redlines/proposal.truce",
        "tests/fixtures/redlines/red_lines.truce",
        "tests/fixtures/redlines/passing_tests.truce",
        "tests/fixtures/redlines/failing_tests.truce",
    ];
    let mut args = vec!["test", "--quiet"];
    args.extend(files);
    let output = truce(&args);
    assert_eq!(status(&output), 1);
    let text = stdout(&output);
    assert!(text.starts_with("FAILED proposal_is_perfect"), "{text}");
    assert!(!text.contains("ok "), "{text}");
    assert!(!text.contains("passed"), "{text}");
}

// JSON from list and explain; rule ids in any case.

#[test]
fn list_and_explain_write_json_for_tools() {
    let output = truce(&["list", "--format", "json", "tests/fixtures/findings.truce"]);
    assert_eq!(status(&output), 0, "{}", transcript(&output));
    let listing: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(listing["version"], 1);
    assert_eq!(listing["documents"][0]["id"], "gaps_proposal_2018");
    assert_eq!(
        listing["documents"][0]["file"],
        "tests/fixtures/findings.truce"
    );

    let output = truce(&["explain", "NO-GUARANTOR", "--format", "json"]);
    assert_eq!(status(&output), 0, "{}", transcript(&output));
    let explained: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(explained["rules"][0]["id"], "no-guarantor");
    assert_eq!(explained["rules"][0]["severity"], "warning");

    let text = stdout(&truce(&["explain", "Weak-Commitment"]));
    assert!(text.starts_with("weak-commitment: "), "{text}");
    let unknown = truce(&["explain", "WEAK-COMITMENT"]);
    assert_eq!(status(&unknown), 2);
    assert!(stderr(&unknown).contains("did you mean `weak-commitment`?"));
}

#[test]
fn test_blocks_read_rule_ids_in_any_case() {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let path = directory.path().join("t.truce");
    fs::write(
        &path,
        "agreement a { clause 1 detainee_release { strength review } }\n\n\
         test t {\n  document a\n  fires Weak-Commitment on 1\n  quiet NO-GUARANTOR-X\n}\n",
    )
    .expect("written");
    // An unknown id is still unknown, in any case, and suggests the closest.
    let output = truce_in(directory.path(), &["test", "t.truce"]);
    assert_eq!(status(&output), 2, "{}", transcript(&output));
    assert!(stderr(&output).contains("unknown rule `NO-GUARANTOR-X`"));
    assert!(stderr(&output).contains("did you mean `no-guarantor`?"));

    let text = fs::read_to_string(&path).expect("read");
    fs::write(&path, text.replace("NO-GUARANTOR-X", "No-Guarantor")).expect("written");
    let output = truce_in(directory.path(), &["test", "t.truce", "--coverage"]);
    // no-guarantor fires on `a` (nobody guarantees it): the quiet assertion fails,
    // which shows the id was understood; weak-commitment passes and is covered.
    assert_eq!(status(&output), 1, "{}", transcript(&output));
    let report = stdout(&output);
    assert!(
        report.contains("expected: `no-guarantor` not to fire on `a`"),
        "{report}"
    );
    assert!(report.contains("covered weak-commitment"), "{report}");
}

// fmt --diff and line endings.

const MESSY: &str = "agreement b {   title \"B\"\n\n\n  date 2018-05-01 }\n";
const CANONICAL: &str = "agreement b {\n  title \"B\"\n\n  date 2018-05-01\n}\n";

#[test]
fn fmt_diff_prints_what_would_change_and_writes_nothing() {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let messy = directory.path().join("messy.truce");
    fs::write(&messy, MESSY).expect("written");
    fs::write(directory.path().join("canonical.truce"), CANONICAL).expect("written");

    let output = truce_in(
        directory.path(),
        &["fmt", "--diff", "messy.truce", "canonical.truce"],
    );
    assert_eq!(status(&output), 1, "{}", transcript(&output));
    assert_eq!(stderr(&output), "");
    let diff = stdout(&output);
    assert!(
        diff.starts_with("--- messy.truce\n+++ messy.truce\n@@ -1,4 +1,5 @@\n"),
        "{diff}"
    );
    assert!(diff.contains("\n-agreement b {   title \"B\"\n"), "{diff}");
    assert!(diff.contains("\n+  title \"B\"\n"), "{diff}");
    assert!(!diff.contains("canonical.truce"), "{diff}");
    assert_eq!(fs::read_to_string(&messy).expect("read"), MESSY);

    // The diff applies: patch turns the file into what fmt would write.
    match apply(directory.path(), &diff) {
        Some(true) => assert_eq!(fs::read_to_string(&messy).expect("read"), CANONICAL),
        Some(false) => panic!("patch refused the diff:\n{diff}"),
        None => println!("SKIPPED (in part): patch is not installed, the diff is not applied"),
    }

    let clean = truce_in(directory.path(), &["fmt", "--diff", "canonical.truce"]);
    assert_eq!((status(&clean), stdout(&clean)), (0, String::new()));
    let both = truce_in(
        directory.path(),
        &["fmt", "--diff", "--check", "canonical.truce"],
    );
    assert_eq!(status(&both), 2, "--diff and --check do not go together");
}

/// Apply a unified diff in `directory` with `patch -p0`: `None` without patch.
fn apply(directory: &Path, diff: &str) -> Option<bool> {
    use std::io::Write;
    let mut child = Command::new("patch")
        .args(["-p0", "--quiet"])
        .current_dir(directory)
        .stdin(Stdio::piped())
        .spawn()
        .ok()?;
    child
        .stdin
        .take()
        .expect("a pipe")
        .write_all(diff.as_bytes())
        .expect("patch reads the diff");
    Some(child.wait().expect("patch runs").success())
}

#[test]
fn fmt_warns_when_line_endings_change() {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let file = directory.path().join("windows.truce");
    let windows = CANONICAL.replace('\n', "\r\n");
    fs::write(&file, &windows).expect("written");

    let check = truce_in(directory.path(), &["fmt", "--check", "windows.truce"]);
    assert_eq!(status(&check), 1);
    assert_eq!(
        stderr(&check),
        "warning: windows.truce: line endings would change from CRLF to LF\n"
    );
    // Only the line endings differ: the diff is empty, the warning says why it fails.
    let diff = truce_in(directory.path(), &["fmt", "--diff", "windows.truce"]);
    assert_eq!((status(&diff), stdout(&diff)), (1, String::new()));
    assert!(stderr(&diff).contains("line endings would change from CRLF to LF"));
    assert_eq!(fs::read_to_string(&file).expect("read"), windows);

    let write = truce_in(directory.path(), &["fmt", "windows.truce"]);
    assert_eq!(status(&write), 0);
    assert_eq!(
        stderr(&write),
        "warning: windows.truce: line endings changed from CRLF to LF\n"
    );
    assert_eq!(fs::read_to_string(&file).expect("read"), CANONICAL);
    // Nothing left to say once the file is LF.
    let again = truce_in(directory.path(), &["fmt", "windows.truce"]);
    assert_eq!(stderr(&again), "");
}

// The README.

/// The commands `truce --help` lists, and each command's long options.
fn commands_and_options() -> Vec<(String, Vec<String>)> {
    let help = stdout(&truce(&["--help"]));
    let commands: Vec<String> = help
        .split_once("Commands:\n")
        .expect("a list of commands")
        .1
        .lines()
        .take_while(|line| line.starts_with("  "))
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_string)
        .collect();
    commands
        .into_iter()
        .map(|command| {
            let help = stdout(&truce(&[&command, "--help"]));
            let options = help
                .lines()
                .filter_map(|line| {
                    let line = line.trim_start();
                    let line = line.split_once(", ").map_or(line, |(_, long)| long);
                    let option = line.split_whitespace().next()?;
                    (option.starts_with("--") && option != "--help" && option != "--version")
                        .then(|| option.to_string())
                })
                .collect();
            (command, options)
        })
        .collect()
}

#[test]
fn the_readme_documents_every_command_and_option() {
    let readme = fs::read_to_string(root().join("README.md")).expect("the README");
    let listed = commands_and_options();
    assert!(listed.len() >= COMMANDS.len(), "{listed:?}");
    // The options are read: check has its own and the global ones.
    let check = &listed
        .iter()
        .find(|(name, _)| name == "check")
        .expect("check")
        .1;
    for option in ["--format", "--deny", "--text-only", "--quiet", "--color"] {
        assert!(check.iter().any(|found| found == option), "{check:?}");
    }
    for (command, options) in listed {
        assert!(
            readme.contains(&format!("truce {command}")),
            "the README does not mention `truce {command}`"
        );
        for option in options {
            assert!(
                readme.contains(&option),
                "the README does not document `truce {command} {option}`"
            );
        }
    }
}
