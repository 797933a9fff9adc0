//! How every command-line test runs `truce` and reads what it did. Each test
//! crate uses some of these; the rest are not dead code, only unused there.
#![allow(dead_code)]

pub mod browser;

use std::path::Path;
use std::process::Output;

use assert_cmd::cargo::cargo_bin_cmd;

/// The crate root, where `agreements/` and `tests/fixtures/` are.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Run `truce` in `directory` with colour off and no inherited terminal width,
/// so output is the same on every machine.
pub fn truce_in(directory: &Path, args: &[&str]) -> Output {
    cargo_bin_cmd!("truce")
        .current_dir(directory)
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .args(args)
        .output()
        .expect("truce runs")
}

/// Run `truce` from the crate root, so fixture paths in the output are short.
pub fn truce(args: &[&str]) -> Output {
    truce_in(root(), args)
}

pub fn status(output: &Output) -> i32 {
    output.status.code().unwrap_or(-1)
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Status, stdout and stderr in one text, as a reader wants to review them.
pub fn transcript(output: &Output) -> String {
    format!(
        "status: {}\n--- stdout\n{}--- stderr\n{}",
        status(output),
        stdout(output),
        stderr(output)
    )
}

/// The same, with a temporary directory's path replaced by `[TMP]`.
pub fn transcript_in(output: &Output, directory: &Path) -> String {
    transcript(output).replace(&directory.display().to_string(), "[TMP]")
}

/// Two drafts whose titles, names and texts hold HTML, a script and Markdown
/// marks: what no report may let through as markup.
pub const HOSTILE: &str = r#"
agreement draft_1 {
  title "<b>bold</b> & \"quoted\" 'draft'"
  party regime "Syrian <government>" side government
  clause 1 ceasefire { by regime; text "a ceasefire" }
}
agreement draft_2 {
  title "<img src=x onerror=alert(1)>"
  party regime "Syrian <government>" side government
  clause 1 ceasefire { by regime; text "<script>alert('x')</script> | *bold* [link](http://x)" }
}
"#;

/// [`HOSTILE`] in a file of a temporary directory, and the file's path.
pub fn hostile_file() -> (tempfile::TempDir, String) {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let path = directory.path().join("hostile.truce");
    std::fs::write(&path, HOSTILE).expect("the file is written");
    let path = path.display().to_string();
    (directory, path)
}
