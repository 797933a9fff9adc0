//! `truce fmt`: the canonical layout (snapshots, reviewed), idempotence, `--check`,
//! `--stdout`, refusal of unparsable files, and atomic, permission-keeping writes.

mod common;

use common::{status, stderr, stdout, truce, truce_in};

use std::fs;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/format")
        .join(name)
}

fn format(text: &str) -> String {
    match truce::format::format(0, text) {
        Ok(formatted) => formatted,
        Err(error) => panic!("does not format: {error:?}"),
    }
}

/// Every `.truce` file the formatter must handle: the seed corpus and the
/// fixtures that parse.
fn corpus_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for folder in ["agreements", "tests/fixtures", "tests/fixtures/format"] {
        for entry in fs::read_dir(root.join(folder)).expect("folder exists") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|ext| ext == "truce") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

// The layout.

#[test]
fn comments_in_every_position_are_kept() {
    let output = truce(&["fmt", "--stdout", "tests/fixtures/format/messy.truce"]);
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn every_comment_and_string_survives_byte_for_byte() {
    let text = fs::read_to_string(fixture("messy.truce")).unwrap();
    let formatted = format(&text);
    for line in text.lines() {
        if let Some(at) = line.find('#') {
            let comment = line[at..].trim_end();
            assert!(formatted.contains(comment), "lost {comment:?}");
        }
    }
    assert!(formatted.contains("\"Messy  layout:   spaces  inside strings stay\""));
    assert!(formatted.contains("\"Line one\n  line two keeps its indentation\""));
}

#[test]
fn windows_line_ends_become_unix_ones() {
    let text = fs::read_to_string(fixture("crlf.truce")).unwrap();
    insta::assert_snapshot!(format(&text));
    assert!(!format(&text).contains('\r'));
}

#[test]
fn formatting_is_idempotent_on_every_file() {
    for path in corpus_files() {
        let text = fs::read_to_string(&path).unwrap();
        let Ok(once) = truce::format::format(0, &text) else {
            // Fixtures with syntax errors are refused; that is tested below.
            continue;
        };
        let twice = format(&once);
        assert_eq!(once, twice, "not idempotent on {}", path.display());
    }
}

#[test]
fn the_seed_corpus_is_already_canonical() {
    let output = truce(&["fmt", "--check", "agreements/"]);
    assert_eq!(stdout(&output), "");
    assert_eq!(status(&output), 0, "{}", stderr(&output));
}

#[test]
fn formatting_keeps_the_findings() {
    let text = fs::read_to_string(fixture("messy.truce")).unwrap();
    let before = truce::load_str("messy.truce", &text);
    let after = truce::load_str("messy.truce", &format(&text));
    let messages = |loaded: &truce::Loaded| -> Vec<String> {
        loaded
            .errors
            .iter()
            .map(|error| error.message.clone())
            .collect()
    };
    assert_eq!(messages(&before), messages(&after));
    let findings = |loaded: &truce::Loaded| -> Vec<(String, String)> {
        truce::rules::check(&loaded.corpus)
            .into_iter()
            .map(|finding| (finding.rule.to_string(), finding.message.to_string()))
            .collect()
    };
    assert_eq!(findings(&before), findings(&after));
}

// The command.

/// A folder holding one canonical and one messy file.
fn workspace() -> tempfile::TempDir {
    let directory = tempfile::tempdir().unwrap();
    fs::write(
        directory.path().join("canonical.truce"),
        "agreement a {\n  title \"A\"\n}\n",
    )
    .unwrap();
    fs::write(
        directory.path().join("messy.truce"),
        "agreement b {   title \"B\" }",
    )
    .unwrap();
    directory
}

#[test]
fn check_lists_the_files_that_would_change_and_exits_1() {
    let directory = workspace();
    let before = fs::read(directory.path().join("messy.truce")).unwrap();
    let output = truce_in(directory.path(), &["fmt", "--check", "."]);
    assert_eq!(status(&output), 1);
    assert_eq!(stdout(&output), "./messy.truce\n");
    assert_eq!(
        fs::read(directory.path().join("messy.truce")).unwrap(),
        before
    );
}

#[test]
fn fmt_rewrites_only_what_changes_then_check_passes() {
    let directory = workspace();
    let output = truce_in(directory.path(), &["fmt", "."]);
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    assert_eq!(
        fs::read_to_string(directory.path().join("messy.truce")).unwrap(),
        "agreement b {\n  title \"B\"\n}\n"
    );
    let output = truce_in(directory.path(), &["fmt", "--check", "."]);
    assert_eq!(status(&output), 0);
    // No temporary file is left behind.
    let mut names: Vec<String> = fs::read_dir(directory.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["canonical.truce", "messy.truce"]);
}

#[test]
fn stdout_prints_and_writes_nothing() {
    let directory = workspace();
    let output = truce_in(directory.path(), &["fmt", "--stdout", "messy.truce"]);
    assert_eq!(status(&output), 0);
    assert_eq!(stdout(&output), "agreement b {\n  title \"B\"\n}\n");
    assert_eq!(
        fs::read_to_string(directory.path().join("messy.truce")).unwrap(),
        "agreement b {   title \"B\" }"
    );
}

#[test]
fn an_unparsable_file_is_refused_and_left_byte_identical() {
    let directory = workspace();
    let broken = directory.path().join("broken.truce");
    fs::copy(fixture("broken.truce"), &broken).unwrap();
    let before = fs::read(&broken).unwrap();
    let output = truce_in(directory.path(), &["fmt", "."]);
    assert_eq!(status(&output), 2);
    assert_eq!(fs::read(&broken).unwrap(), before);
    let errors = stderr(&output);
    assert!(errors.contains("--> ./broken.truce:2:9"), "{errors}");
    assert!(errors.contains("this string is never closed"), "{errors}");
    assert!(errors.contains("left untouched"), "{errors}");
    // The other files are still formatted.
    assert_eq!(
        fs::read_to_string(directory.path().join("messy.truce")).unwrap(),
        "agreement b {\n  title \"B\"\n}\n"
    );
}

#[test]
fn check_on_an_unparsable_file_exits_2() {
    let output = truce(&["fmt", "--check", "tests/fixtures/format/broken.truce"]);
    assert_eq!(status(&output), 2);
    insta::assert_snapshot!(stderr(&output));
}

#[test]
fn json_is_not_formatted() {
    let directory = tempfile::tempdir().unwrap();
    fs::write(directory.path().join("corpus.json"), "{}").unwrap();
    let output = truce_in(directory.path(), &["fmt", "corpus.json"]);
    assert_eq!(status(&output), 2);
    assert!(stderr(&output).contains("corpus.json: not a .truce file"));
    assert_eq!(
        fs::read_to_string(directory.path().join("corpus.json")).unwrap(),
        "{}"
    );
}

#[cfg(unix)]
#[test]
fn a_rewrite_keeps_permissions_and_symbolic_links() {
    use std::os::unix::fs::PermissionsExt;
    let directory = workspace();
    let messy = directory.path().join("messy.truce");
    fs::set_permissions(&messy, fs::Permissions::from_mode(0o640)).unwrap();
    let link = directory.path().join("link.truce");
    std::os::unix::fs::symlink("messy.truce", &link).unwrap();
    let output = truce_in(directory.path(), &["fmt", "link.truce"]);
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read_to_string(&messy).unwrap(),
        "agreement b {\n  title \"B\"\n}\n"
    );
    let mode = fs::metadata(&messy).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_refused_and_left_as_it_was() {
    use std::os::unix::fs::PermissionsExt;
    let directory = workspace();
    let messy = directory.path().join("messy.truce");
    let before = fs::read(&messy).unwrap();
    fs::set_permissions(&messy, fs::Permissions::from_mode(0o444)).unwrap();
    let output = truce_in(directory.path(), &["fmt", "messy.truce"]);
    assert_eq!(status(&output), 2, "{}", stderr(&output));
    assert!(stderr(&output).contains("read-only"), "{}", stderr(&output));
    assert_eq!(fs::read(&messy).unwrap(), before);
    let mode = fs::metadata(&messy).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o444);
}

#[cfg(unix)]
#[test]
fn a_file_with_another_hard_link_is_rewritten_for_both_names() {
    use std::os::unix::fs::MetadataExt;
    let directory = workspace();
    let messy = directory.path().join("messy.truce");
    let other = directory.path().join("other-name.txt");
    fs::hard_link(&messy, &other).unwrap();
    let inode = fs::metadata(&messy).unwrap().ino();
    let output = truce_in(directory.path(), &["fmt", "messy.truce"]);
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    let formatted = "agreement b {\n  title \"B\"\n}\n";
    assert_eq!(fs::read_to_string(&messy).unwrap(), formatted);
    assert_eq!(fs::read_to_string(&other).unwrap(), formatted);
    assert_eq!(fs::metadata(&messy).unwrap().ino(), inode);
}
