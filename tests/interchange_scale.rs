//! JSON input at scale: an export larger than the DSL's per-file limit reads
//! back (an export holds every file of a corpus, each some nine times over),
//! and a file past the JSON limit is refused by its size before it is read.

mod common;

use common::{status, stderr, stdout, truce, truce_in};

use std::fs;

#[test]
fn an_export_larger_than_a_truce_file_reads_back() {
    let output = truce(&["export", "agreements/"]);
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    // Padded past the DSL's 16 MiB with whitespace, which JSON allows: the
    // size is what is tested, not the generator.
    let mut export = output.stdout;
    export.resize(20 << 20, b' ');
    let directory = tempfile::tempdir().unwrap();
    fs::write(directory.path().join("corpus.json"), &export).unwrap();
    let from_json = truce_in(
        directory.path(),
        &["check", "--format", "json", "corpus.json"],
    );
    let from_source = truce(&["check", "--format", "json", "agreements/"]);
    assert_eq!(
        status(&from_json),
        status(&from_source),
        "{}",
        stderr(&from_json)
    );
    assert_eq!(stdout(&from_json), stdout(&from_source));
}

#[test]
fn a_json_file_past_the_limit_is_refused_unread() {
    let directory = tempfile::tempdir().unwrap();
    let path = directory.path().join("huge.json");
    // Sparse: it takes no disk, and reading it would take minutes.
    let file = fs::File::create(&path).unwrap();
    file.set_len(truce::interchange::MAX_JSON_BYTES as u64 + 1)
        .unwrap();
    let output = truce_in(directory.path(), &["check", "huge.json"]);
    assert_eq!(status(&output), 2, "{}", stderr(&output));
    assert!(
        stderr(&output).contains("huge.json is larger than 4 GiB"),
        "{}",
        stderr(&output)
    );
}
