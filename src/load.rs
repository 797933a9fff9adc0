//! Loading: paths → source files → syntax → model. The only stage that touches
//! the file system.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::error_code::ErrorCode;
use crate::model::Corpus;
use crate::model_checks;
use crate::resolve;
use crate::source::{FileId, SourceFile, Sources};
use crate::syntax;
use crate::vocabulary::Vocabulary;

/// What loading produced: the sources (for rendering), the checked model, and
/// every input error. With errors, the corpus holds what could be read.
#[derive(Debug, Default)]
pub struct Loaded {
    pub sources: Sources,
    pub corpus: Corpus,
    pub errors: Vec<Diagnostic>,
    /// Each file read, with the source files it brought: one for a `.truce`
    /// file, every source a JSON export carries for a `.json` one.
    pub read: Vec<(PathBuf, std::ops::Range<FileId>)>,
}

/// The extension of truce files in folders.
pub const EXTENSION: &str = "truce";

/// Load files and folders (recursively, `*.truce`, in sorted order).
pub fn load_paths(paths: &[PathBuf]) -> Loaded {
    let mut loaded = Loaded::default();
    let files = collect_all(paths, &mut loaded.errors);
    for path in files {
        let name = path.display().to_string();
        let first = loaded.sources.files().len();
        match read_file(&path, &name) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) if path.extension().is_some_and(|ext| ext == "json") => {
                    add_json(&mut loaded, &name, &text)
                }
                Ok(text) => add_source(&mut loaded, name, text),
                Err(error) => {
                    // Keep the file, lossily, so the error can show its line
                    // with a caret under the first bad byte.
                    let offset = error.utf8_error().valid_up_to();
                    let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
                    let id = loaded.sources.add(SourceFile::new(name, text));
                    loaded.errors.push(
                        Diagnostic::new(
                            format!("the file is not valid UTF-8 (byte {offset})"),
                            crate::source::Span::new(id, offset, offset + 1),
                        )
                        .code(ErrorCode::NotUtf8)
                        .expected("text encoded as UTF-8")
                        .hint("save the file as UTF-8; nothing in it was checked"),
                    );
                }
            },
            Err(error) => loaded.errors.push(error),
        }
        let brought = first..loaded.sources.files().len();
        loaded.read.push((path, brought));
    }
    finish(&mut loaded);
    loaded
}

/// Load one text, as if from a file called `name`.
pub fn load_str(name: &str, text: &str) -> Loaded {
    let mut loaded = Loaded::default();
    add_source(&mut loaded, name.to_string(), text.to_string());
    finish(&mut loaded);
    loaded
}

/// Load several texts, as if from files with these names, in this order.
pub fn load_texts(files: impl IntoIterator<Item = (String, String)>) -> Loaded {
    load_texts_in(Vocabulary::standard(), files)
}

/// Load several texts against a vocabulary of one's own: the standard one with
/// more clause kinds, say.
pub fn load_texts_in(
    vocabulary: &Vocabulary,
    files: impl IntoIterator<Item = (String, String)>,
) -> Loaded {
    let mut loaded = Loaded::default();
    for (name, text) in files {
        add_source_in(&mut loaded, vocabulary, name, text);
    }
    finish(&mut loaded);
    loaded
}

/// Every file `paths` name, each once: files as given, and the `*.truce` files of
/// folders, searched in sorted order. Symbolic links are followed, a loop of them
/// is reported once where it closes, and anything that is not a regular file (a
/// FIFO, a device) is reported rather than read.
pub(crate) fn collect_all(paths: &[PathBuf], errors: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut seen = HashSet::new();
    for path in paths {
        let before = files.len();
        collect(path, &mut files, &mut seen, errors);
        if files.len() == before && path.is_dir() {
            // A wrong folder must not pass CI silently as "0 documents".
            errors.push(
                Diagnostic::for_path(
                    format!("no .{EXTENSION} files in {}", path.display()),
                    path.display().to_string(),
                )
                .hint("give a folder that holds agreements, or the files themselves"),
            );
        }
    }
    files
}

fn collect(
    path: &Path,
    files: &mut Vec<PathBuf>,
    seen: &mut HashSet<PathBuf>,
    errors: &mut Vec<Diagnostic>,
) {
    let name = path.display().to_string();
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(error) => {
            errors.push(
                Diagnostic::for_path(format!("cannot read {name}: {error}"), name)
                    .hint("give a .truce file or a folder of them"),
            );
            return;
        }
    };
    // The same file named twice, or reached by two links, is read once.
    let mut add = |file: &Path, files: &mut Vec<PathBuf>| {
        let identity = std::fs::canonicalize(file).unwrap_or_else(|_| file.to_path_buf());
        if seen.insert(identity) {
            files.push(file.to_path_buf());
        }
    };
    if metadata.is_file() {
        add(path, files);
        return;
    }
    if !metadata.is_dir() {
        errors.push(not_regular(&name));
        return;
    }
    let walk = walkdir::WalkDir::new(path)
        .follow_links(true)
        .sort_by_file_name();
    for entry in walk {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let at = error
                    .path()
                    .map_or_else(|| name.clone(), |p| p.display().to_string());
                let message = match error.loop_ancestor() {
                    Some(ancestor) => format!(
                        "{at} is a symbolic link back to {}: a loop, not followed",
                        ancestor.display()
                    ),
                    None => match error.io_error() {
                        Some(io) => format!("cannot read {at}: {io}"),
                        None => format!("cannot read {at}: {error}"),
                    },
                };
                errors.push(Diagnostic::for_path(message, at));
                continue;
            }
        };
        let file_type = entry.file_type();
        if file_type.is_dir() || entry.path().extension().is_none_or(|ext| ext != EXTENSION) {
            continue;
        }
        if !file_type.is_file() {
            errors.push(not_regular(&entry.path().display().to_string()));
            continue;
        }
        add(entry.path(), files);
    }
}

fn not_regular(name: &str) -> Diagnostic {
    Diagnostic::for_path(
        format!("{name} is not a regular file (a FIFO, a device or a socket): not read"),
        name,
    )
    .hint("give a .truce file or a folder of them")
}

/// The bytes of a file, at most [`syntax::MAX_FILE_BYTES`] of them: a larger file
/// is refused by its size before any of it is read, and one that grows past the
/// limit while it is read (or says it is small and is not) is refused too.
pub(crate) fn read_file(path: &Path, name: &str) -> Result<Vec<u8>, Diagnostic> {
    let cannot =
        |error: std::io::Error| Diagnostic::for_path(format!("cannot read {name}: {error}"), name);
    let too_large = || {
        Diagnostic::for_path(
            format!(
                "{name} is larger than {} MiB",
                syntax::MAX_FILE_BYTES / (1024 * 1024)
            ),
            name,
        )
        .hint("split the agreements into several files")
    };
    // Checked before opening: opening a FIFO waits for a writer.
    let metadata = std::fs::metadata(path).map_err(cannot)?;
    if !metadata.is_file() {
        return Err(not_regular(name));
    }
    if metadata.len() > syntax::MAX_FILE_BYTES as u64 {
        return Err(too_large());
    }
    let file = std::fs::File::open(path).map_err(cannot)?;
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(syntax::MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() > syntax::MAX_FILE_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

/// A corpus exported as JSON (`truce export --format json`), named explicitly.
/// It gets the model checks `.truce` input gets; their errors point into the
/// sources the JSON brought, and name the JSON file, as the interchange's own do.
fn add_json(loaded: &mut Loaded, name: &str, text: &str) {
    match crate::interchange::import(name, text, &mut loaded.sources) {
        Ok(corpus) => {
            let mut errors = Vec::new();
            model_checks::documents(&corpus.documents, &corpus.requirements, &mut errors);
            loaded
                .errors
                .extend(crate::interchange::naming(name, errors));
            loaded.corpus.documents.extend(corpus.documents);
            loaded.corpus.requirements.extend(corpus.requirements);
            loaded.corpus.tests.extend(corpus.tests);
        }
        Err(errors) => loaded.errors.extend(errors),
    }
}

fn add_source(loaded: &mut Loaded, name: String, text: String) {
    add_source_in(loaded, Vocabulary::standard(), name, text);
}

fn add_source_in(loaded: &mut Loaded, vocabulary: &Vocabulary, name: String, text: String) {
    let id = loaded.sources.add(SourceFile::new(name, text));
    let (tree, mut errors) = syntax::parse(id, &loaded.sources.get(id).text);
    // Resolution runs on a tree with syntax errors too: it reports what it can,
    // and the recovered tree gives few follow-on errors.
    let syntax_errors = errors.len();
    let resolved = resolve::resolve_file(&tree, vocabulary, &mut errors);
    // Here, not in `finish`: their errors are the file's, filtered and capped
    // with the resolver's.
    model_checks::documents(&resolved.documents, &resolved.requirements, &mut errors);
    drop_follow_ons(&mut errors, syntax_errors, loaded.sources.get(id));
    cap_errors(
        &mut errors,
        resolved.dropped_errors,
        id,
        loaded.sources.get(id),
    );
    loaded.corpus.documents.extend(resolved.documents);
    loaded.corpus.requirements.extend(resolved.requirements);
    loaded.corpus.tests.extend(resolved.tests);
    loaded.errors.extend(errors);
}

/// At most [`syntax::MAX_ERRORS`] errors a file, in reading order, then one line
/// saying how many more there are: past that, a reader fixes the first ones and
/// runs again, and printing 200,000 errors only costs time.
fn cap_errors(
    errors: &mut Vec<Diagnostic>,
    dropped: usize,
    id: crate::source::FileId,
    file: &SourceFile,
) {
    if errors.len() <= syntax::MAX_ERRORS && dropped == 0 {
        return;
    }
    errors.sort_by_key(|error| error.span.map(|span| span.start));
    let more = errors.len().saturating_sub(syntax::MAX_ERRORS) + dropped;
    errors.truncate(syntax::MAX_ERRORS);
    // Placed at the end of the file, so it is reported after the ones shown.
    let end = file.text.len();
    errors.push(
        Diagnostic::new(
            format!("{more} more errors in this file are not shown"),
            crate::source::Span::new(id, end, end),
        )
        .code(ErrorCode::TooManyErrors)
        .hint("fix the errors above and run again"),
    );
}

/// A resolution error on a line that has a syntax error is a follow-on: the
/// statement lost the token the syntax error is about (`title "unclosed` would
/// also be "expected a quoted string"). Only the cause is reported. The first
/// `syntax_errors` errors are the parser's.
fn drop_follow_ons(errors: &mut Vec<Diagnostic>, syntax_errors: usize, file: &SourceFile) {
    if syntax_errors == 0 {
        return;
    }
    let line = |error: &Diagnostic| {
        error.span.map(|span| {
            file.line_starts()
                .partition_point(|&start| start <= span.start)
        })
    };
    let broken: std::collections::HashSet<usize> =
        errors[..syntax_errors].iter().filter_map(line).collect();
    let mut index = 0;
    errors.retain(|error| {
        index += 1;
        index <= syntax_errors || line(error).is_none_or(|line| !broken.contains(&line))
    });
}

fn finish(loaded: &mut Loaded) {
    model_checks::corpus(&loaded.corpus, &mut loaded.errors);
    // The errors left without a code are the file system's, about a path.
    for error in loaded
        .errors
        .iter_mut()
        .filter(|error| error.span.is_none())
    {
        error.default_code(ErrorCode::UnreadablePath);
    }
    // Resolution reads declarations first; report in reading order. Path errors
    // (no span) come first, in the order met.
    loaded
        .errors
        .sort_by_key(|error| error.span.map(|span| (span.file, span.start)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_reports_at_most_max_errors_then_how_many_more() {
        let lines: String = (0..300).map(|i| format!("  bogus{i} 1\n")).collect();
        let loaded = load_str("many.truce", &format!("agreement a {{\n{lines}}}\n"));
        assert_eq!(loaded.errors.len(), syntax::MAX_ERRORS + 1);
        assert_eq!(
            loaded.errors.last().map(|e| e.message.as_str()),
            Some("250 more errors in this file are not shown")
        );
        assert!(loaded.errors[0].message.contains("bogus0"));
    }
}
