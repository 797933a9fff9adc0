//! `truce fmt` over files: find them, format each, and write the changed ones
//! atomically (a temporary file beside the original, then a rename), so that an
//! interrupted run leaves every file whole, old or new.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::error_code::ErrorCode;
use crate::load;
use crate::source::{SourceFile, Sources};

use super::FormatError;

/// What to do with files whose layout is not canonical.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Rewrite them.
    Write,
    /// Only list them.
    Check,
    /// Print every file's canonical layout, and write nothing.
    Stdout,
    /// Print a unified diff of what would change, and write nothing.
    Diff,
}

/// What a run did.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Files whose layout changed (with [`Mode::Check`]: would change), by name.
    pub changed: Vec<String>,
    /// With [`Mode::Stdout`]: the formatted texts, one after another; with
    /// [`Mode::Diff`], the diffs of the files that would change.
    pub stdout: String,
    /// Files whose line endings changed (or would change) from CRLF to LF, by
    /// name: a change a reader should hear of, not one made silently.
    pub line_endings: Vec<String>,
    /// Files that could not be read, parsed or written. Those are left untouched.
    pub errors: Vec<Diagnostic>,
    /// The files read, for rendering the errors.
    pub sources: Sources,
}

/// Format every `.truce` file under `paths` (files as given, folders searched).
/// `-` formats standard input, called `stdin_name` in messages; it has no file
/// to rewrite, so [`Mode::Write`] prints it as [`Mode::Stdout`] does.
pub fn run(paths: &[PathBuf], mode: Mode, stdin_name: &str) -> Outcome {
    let mut outcome = Outcome::default();
    let files = load::collect_all(paths, &mut outcome.errors);
    for error in &mut outcome.errors {
        error.default_code(ErrorCode::UnreadablePath);
    }
    for path in files {
        let from_stdin = load::is_stdin(&path);
        let name = if from_stdin {
            stdin_name.to_string()
        } else {
            path.display().to_string()
        };
        if Path::new(&name)
            .extension()
            .is_some_and(|ext| ext == "json")
        {
            outcome.errors.push(
                Diagnostic::for_path(format!("{name}: not a .truce file"), name)
                    .code(ErrorCode::UnreadablePath)
                    .hint("`truce fmt` formats the language; JSON is written by `truce export`"),
            );
            continue;
        }
        let text = match read(&path, stdin_name) {
            Ok(text) => text,
            Err(error) => {
                outcome.errors.push(error);
                continue;
            }
        };
        let id = outcome.sources.add(SourceFile::new(name.clone(), text));
        let text = &outcome.sources.get(id).text;
        let formatted = match super::format(id, text) {
            Ok(formatted) => formatted,
            Err(FormatError::Syntax(errors)) => {
                outcome.errors.extend(errors);
                continue;
            }
            Err(FormatError::TooLarge(bytes)) => {
                outcome.errors.push(
                    Diagnostic::for_path(
                        format!(
                            "{name}: not formatted: in the canonical layout it would be {bytes} bytes, \
                             more than the {} MiB truce reads",
                            crate::syntax::MAX_FILE_BYTES / (1024 * 1024)
                        ),
                        name,
                    )
                    .code(ErrorCode::UnreadablePath)
                    .hint("split the agreements into several files"),
                );
                continue;
            }
            Err(FormatError::Changed(detail)) => {
                outcome.errors.push(
                    Diagnostic::for_path(
                        format!(
                            "{name}: not formatted: the formatter would change its words ({detail})"
                        ),
                        name,
                    )
                    .hint("this is a bug in truce: please report it with the file"),
                );
                continue;
            }
        };
        let changed = formatted != **text;
        match mode {
            Mode::Stdout => outcome.stdout.push_str(&formatted),
            Mode::Diff => outcome
                .stdout
                .push_str(&super::diff::unified(&name, text, &formatted)),
            Mode::Write if from_stdin => outcome.stdout.push_str(&formatted),
            Mode::Check => {}
            Mode::Write if changed => {
                if let Err(error) = write_atomically(&path, &formatted) {
                    outcome.errors.push(
                        Diagnostic::for_path(format!("cannot write {name}: {error}"), name.clone())
                            .code(ErrorCode::UnreadablePath),
                    );
                    continue;
                }
            }
            Mode::Write => {}
        }
        if text.contains("\r\n") {
            outcome.line_endings.push(name.clone());
        }
        if changed {
            outcome.changed.push(name);
        }
    }
    outcome
}

fn read(path: &Path, stdin_name: &str) -> Result<String, Diagnostic> {
    let (name, bytes) = load::read_input(path, stdin_name);
    let name = name.as_str();
    let bytes = bytes?;
    String::from_utf8(bytes).map_err(|error| {
        let offset = error.utf8_error().valid_up_to();
        Diagnostic::for_path(
            format!("{name}: the file is not valid UTF-8 (byte {offset})"),
            name,
        )
        .code(ErrorCode::NotUtf8)
        .hint("save the file as UTF-8")
    })
}

/// Replace the file (the one a symbolic link points to, not the link) with `text`,
/// keeping its permissions, and its owner and group where the platform lets us.
///
/// A file the user may not write is refused, as an editor would. A file with one
/// name is replaced atomically, through a temporary file and a rename, so a
/// killed run leaves the old text or the new, never half of one. A file with
/// other hard links is rewritten in place instead, so that every name sees the
/// new text (a rename would leave the other names on the old one).
fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let target = std::fs::canonicalize(path)?;
    // A file no one may write is left alone, even by a user who could (root).
    if std::fs::metadata(&target)?.permissions().readonly() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            "the file is read-only",
        ));
    }
    // Opening for writing changes nothing, and says whether we may.
    let original = std::fs::OpenOptions::new().write(true).open(&target)?;
    let metadata = original.metadata()?;
    if links(&metadata) > 1 {
        return rewrite_in_place(original, text);
    }
    drop(original);
    let folder = target.parent().unwrap_or(Path::new("."));
    let mut temporary = tempfile::Builder::new()
        .prefix(".truce-fmt-")
        .suffix(".tmp")
        .tempfile_in(folder)?;
    temporary.write_all(text.as_bytes())?;
    temporary.as_file().sync_all()?;
    temporary
        .as_file()
        .set_permissions(metadata.permissions())?;
    keep_owner(temporary.as_file(), &metadata);
    // Dropped on any error above: the temporary file is removed.
    temporary.persist(&target).map_err(|error| error.error)?;
    Ok(())
}

fn rewrite_in_place(mut file: std::fs::File, text: &str) -> std::io::Result<()> {
    file.set_len(0)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()
}

#[cfg(unix)]
fn links(metadata: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(metadata)
}

#[cfg(not(unix))]
fn links(_: &std::fs::Metadata) -> u64 {
    1
}

/// Give the new file the old one's owner and group. Only the owner (or root)
/// may, and only to a group they belong to; where that fails, the new file
/// keeps the user's own, as any editor's save would.
#[cfg(unix)]
fn keep_owner(file: &std::fs::File, metadata: &std::fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    let _ = std::os::unix::fs::fchown(file, Some(metadata.uid()), Some(metadata.gid()));
}

#[cfg(not(unix))]
fn keep_owner(_: &std::fs::File, _: &std::fs::Metadata) {}
