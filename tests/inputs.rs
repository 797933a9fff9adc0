//! Inputs as people give them: a document on standard input, a path named
//! twice, a folder with a `.gitignore`, a loop of links, and one bad file among
//! good ones.

mod common;

use std::fs;

use assert_cmd::cargo::cargo_bin_cmd;
use common::*;

fn piped(args: &[&str], input: &[u8]) -> std::process::Output {
    cargo_bin_cmd!("truce")
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .args(args)
        .write_stdin(input)
        .output()
        .expect("truce runs")
}

#[test]
fn check_reads_a_document_from_standard_input() {
    let text = fs::read("agreements/old_homs_2014.truce").expect("the seed file");
    let from_file = truce(&["check", "agreements/old_homs_2014.truce"]);
    let from_stdin = piped(&["check", "-"], &text);
    assert_eq!(status(&from_stdin), status(&from_file));
    // The same findings, located in `<stdin>`.
    assert_eq!(
        stdout(&from_stdin),
        stdout(&from_file).replace("agreements/old_homs_2014.truce", "<stdin>")
    );
    let named = piped(&["check", "-", "--stdin-filename", "old_homs.truce"], &text);
    assert!(
        stdout(&named).contains("--> old_homs.truce:"),
        "{}",
        transcript(&named)
    );
}

#[test]
fn standard_input_errors_name_the_stdin_filename() {
    let output = piped(
        &["check", "--stdin-filename", "draft.truce", "-"],
        b"agreement a {\n  clause 1 detainee_relase { }\n}\n",
    );
    assert_eq!(status(&output), 2);
    let errors = stderr(&output);
    assert!(errors.contains("--> draft.truce:2:12"), "{errors}");
    assert!(
        errors.contains("did you mean `detainee_release`?"),
        "{errors}"
    );
}

#[test]
fn fmt_of_standard_input_prints_it_and_refuses_what_does_not_parse() {
    let output = piped(&["fmt", "-"], b"agreement a {   title \"A\" }\n");
    assert_eq!(status(&output), 0, "{}", transcript(&output));
    assert_eq!(stdout(&output), "agreement a {\n  title \"A\"\n}\n");
    let output = piped(&["fmt", "-"], b"agreement a {\n  title \"A\n");
    assert_eq!(status(&output), 2);
    assert_eq!(stdout(&output), "");
}

#[test]
fn list_and_export_read_standard_input_and_json_by_its_name() {
    let text = fs::read("tests/fixtures/clean.truce").expect("the fixture");
    let listed = piped(&["list", "-"], &text);
    assert_eq!(status(&listed), 0, "{}", transcript(&listed));
    let exported = piped(&["export", "-"], &text);
    assert_eq!(status(&exported), 0);
    let relisted = piped(
        &["list", "-", "--stdin-filename", "corpus.json"],
        &exported.stdout,
    );
    assert_eq!(
        stdout(&relisted),
        stdout(&listed),
        "{}",
        transcript(&relisted)
    );
}

#[test]
fn a_path_given_twice_or_stdin_named_twice_is_read_once() {
    let output = truce(&[
        "list",
        "tests/fixtures/clean.truce",
        "tests/fixtures/./clean.truce",
    ]);
    assert_eq!(status(&output), 0, "{}", transcript(&output));
    assert_eq!(stdout(&output).lines().count(), 1);
    let text = fs::read("tests/fixtures/clean.truce").expect("the fixture");
    let output = piped(&["list", "-", "-"], &text);
    assert_eq!(status(&output), 0, "{}", transcript(&output));
    assert_eq!(stdout(&output).lines().count(), 1);
}

#[test]
fn folders_are_walked_honouring_gitignore() {
    let folder = tempfile::tempdir().expect("a folder");
    let document = |id: &str| format!("agreement {id} {{\n  date 2018-05-01\n}}\n");
    fs::create_dir_all(folder.path().join("drafts/old")).expect("folders");
    fs::write(folder.path().join("drafts/a.truce"), document("a")).expect("written");
    fs::write(folder.path().join("drafts/old/b.truce"), document("b")).expect("written");
    fs::write(folder.path().join("drafts/scratch.truce"), "not a document").expect("written");
    fs::write(
        folder.path().join("drafts/.gitignore"),
        "old/\nscratch.truce\n",
    )
    .expect("written");
    let output = truce_in(folder.path(), &["list", "drafts"]);
    assert_eq!(status(&output), 0, "{}", transcript(&output));
    let listed = stdout(&output);
    let ids: Vec<&str> = listed
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    assert_eq!(ids, ["a"]);
    // A file named explicitly is read even where .gitignore leaves it out.
    let output = truce_in(folder.path(), &["list", "drafts/old/b.truce"]);
    assert_eq!(status(&output), 0, "{}", transcript(&output));
}

#[cfg(unix)]
#[test]
fn a_loop_of_links_is_reported_once_by_name() {
    use std::os::unix::fs::symlink;
    let folder = tempfile::tempdir().expect("a folder");
    let walk = folder.path().join("walk");
    fs::create_dir_all(&walk).expect("folder");
    symlink("y.truce", walk.join("x.truce")).expect("link");
    symlink("x.truce", walk.join("y.truce")).expect("link");
    fs::write(
        walk.join("a.truce"),
        "agreement a {\n  date 2018-05-01\n}\n",
    )
    .expect("written");
    for args in [
        &["list", "walk"][..],
        &["list", "walk/x.truce", "walk/y.truce", "walk"][..],
    ] {
        let output = truce_in(folder.path(), args);
        assert_eq!(status(&output), 2);
        let errors = stderr(&output);
        assert_eq!(
            errors.matches("is a loop of symbolic links").count(),
            1,
            "{errors}"
        );
        assert!(
            errors.contains("(walk/x.truce → walk/y.truce → walk/x.truce): not read"),
            "{errors}"
        );
        assert!(!errors.contains("os error 40"), "{errors}");
        // The file beside the loop is still listed.
        assert!(stdout(&output).starts_with("a "), "{}", transcript(&output));
    }
}

#[test]
fn one_bad_file_does_not_hide_the_findings_of_the_others() {
    let output = truce(&[
        "check",
        "tests/fixtures/findings.truce",
        "tests/fixtures/bad_date.truce",
    ]);
    assert_eq!(status(&output), 2, "{}", transcript(&output));
    let report = stdout(&output);
    assert!(
        report.contains("--> tests/fixtures/findings.truce:"),
        "{report}"
    );
    let errors = stderr(&output);
    assert!(
        errors.contains("--> tests/fixtures/bad_date.truce:3:8"),
        "{errors}"
    );
    assert!(
        errors.ends_with("the files with errors were left out, the others checked\n"),
        "{errors}"
    );
    // list alike.
    let output = truce(&[
        "list",
        "tests/fixtures/clean.truce",
        "tests/fixtures/bad_date.truce",
    ]);
    assert_eq!(status(&output), 2);
    assert_eq!(
        stdout(&output).lines().count(),
        1,
        "{}",
        transcript(&output)
    );
}

#[test]
fn fmt_still_writes_nothing_to_a_file_that_does_not_parse() {
    let folder = tempfile::tempdir().expect("a folder");
    let broken = "agreement a {\n  title \"A\n";
    let untidy = "agreement b {   title \"B\" }\n";
    fs::write(folder.path().join("broken.truce"), broken).expect("written");
    fs::write(folder.path().join("untidy.truce"), untidy).expect("written");
    let output = truce_in(folder.path(), &["fmt", "."]);
    assert_eq!(status(&output), 2);
    let read = |name: &str| fs::read_to_string(folder.path().join(name)).expect("read");
    assert_eq!(read("broken.truce"), broken);
    assert_eq!(read("untidy.truce"), "agreement b {\n  title \"B\"\n}\n");
}
