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
use crate::text;
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
    /// The texts made while reading, shared by the files read after; emptied
    /// when loading ends.
    made: text::Pool,
}

/// The extension of truce files in folders.
pub const EXTENSION: &str = "truce";

/// Load files and folders (recursively, `*.truce`, in sorted order); `-` reads
/// standard input, named `<stdin>` in messages.
pub fn load_paths(paths: &[PathBuf]) -> Loaded {
    load_inputs(paths, STDIN_NAME)
}

/// [`load_paths`], calling standard input `stdin_name` in messages (a name that
/// ends in `.json` reads it as an export).
pub fn load_inputs(paths: &[PathBuf], stdin_name: &str) -> Loaded {
    let mut loaded = Loaded::default();
    let files = collect_all(paths, &mut loaded.errors);
    for path in files {
        let first = loaded.sources.files().len();
        let (name, read) = read_input(&path, stdin_name);
        match read {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text)
                    if Path::new(&name)
                        .extension()
                        .is_some_and(|ext| ext == "json") =>
                {
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
        let id = |index: usize| FileId::try_from(index).unwrap_or(FileId::MAX);
        let brought = id(first)..id(loaded.sources.files().len());
        loaded.read.push((path, brought));
    }
    finish(&mut loaded);
    loaded
}

/// The name messages give a path (`stdin_name` for `-`), and its bytes.
pub(crate) fn read_input(path: &Path, stdin_name: &str) -> (String, Result<Vec<u8>, Diagnostic>) {
    if is_stdin(path) {
        let limit = Limit::for_name(stdin_name);
        (stdin_name.to_string(), read_stdin(stdin_name, limit))
    } else {
        let name = path.display().to_string();
        let bytes = read_file_within(path, &name, Limit::for_name(&name));
        (name, bytes)
    }
}

/// The most bytes of one input read: [`syntax::MAX_FILE_BYTES`] of DSL, or
/// [`crate::interchange::MAX_JSON_BYTES`] of JSON, whose export of a corpus
/// holds every file of it, each some nine times over.
#[derive(Clone, Copy)]
struct Limit {
    bytes: usize,
    /// The limit in words, for the message.
    words: fn() -> String,
    hint: &'static str,
}

impl Limit {
    const DSL: Limit = Limit {
        bytes: syntax::MAX_FILE_BYTES,
        words: || format!("{} MiB", syntax::MAX_FILE_BYTES / (1024 * 1024)),
        hint: "split the agreements into several files",
    };
    const JSON: Limit = Limit {
        bytes: crate::interchange::MAX_JSON_BYTES,
        words: crate::interchange::size_limit,
        hint: "split the corpus into several files",
    };

    /// The limit for a file of this name: JSON by its extension, as
    /// [`load_inputs`] reads it.
    fn for_name(name: &str) -> Limit {
        if Path::new(name).extension().is_some_and(|ext| ext == "json") {
            Limit::JSON
        } else {
            Limit::DSL
        }
    }

    fn too_large(self, name: &str) -> Diagnostic {
        Diagnostic::for_path(format!("{name} is larger than {}", (self.words)()), name)
            .hint(self.hint)
    }
}

/// Standard input, at most `limit` of it.
fn read_stdin(name: &str, limit: Limit) -> Result<Vec<u8>, Diagnostic> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(limit.bytes as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| Diagnostic::for_path(format!("cannot read {name}: {error}"), name))?;
    if bytes.len() > limit.bytes {
        return Err(limit.too_large(name));
    }
    Ok(bytes)
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

/// The path that stands for standard input.
pub const STDIN: &str = "-";

/// What messages call standard input when `--stdin-filename` gives no name.
pub const STDIN_NAME: &str = "<stdin>";

/// Whether `path` is `-`, standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == STDIN
}

/// Every file `paths` name, each once: files as given, `-` (standard input) once
/// however often it is named, and the `*.truce` files of folders, searched in
/// sorted order by the `ignore` crate, which honours `.gitignore` and `.ignore`
/// files as git and ripgrep do. Symbolic links are followed; a loop of them is
/// reported once, where it closes, and not followed; anything that is not a
/// regular file (a FIFO, a device) is reported rather than read.
pub(crate) fn collect_all(paths: &[PathBuf], errors: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let mut collector = Collector {
        files: Vec::new(),
        seen: HashSet::new(),
        loops: HashSet::new(),
        errors,
    };
    for path in paths {
        let before = collector.files.len();
        collector.collect(path);
        if collector.files.len() == before && path.is_dir() {
            // A wrong folder must not pass CI silently as "0 documents".
            collector.errors.push(
                Diagnostic::for_path(
                    format!("no .{EXTENSION} files in {}", path.display()),
                    path.display().to_string(),
                )
                .hint("give a folder that holds agreements, or the files themselves"),
            );
        }
    }
    collector.files
}

struct Collector<'e> {
    files: Vec<PathBuf>,
    /// What each file read is, so that one reached twice is read once.
    seen: HashSet<PathBuf>,
    /// The loops of links reported, each by its members, so each is reported once.
    loops: HashSet<Vec<PathBuf>>,
    errors: &'e mut Vec<Diagnostic>,
}

impl Collector<'_> {
    /// The same file named twice, or reached by two links, is read once.
    fn add(&mut self, file: &Path) {
        let identity = if is_stdin(file) {
            file.to_path_buf()
        } else {
            std::fs::canonicalize(file).unwrap_or_else(|_| file.to_path_buf())
        };
        if self.seen.insert(identity) {
            self.files.push(file.to_path_buf());
        }
    }

    fn collect(&mut self, path: &Path) {
        if is_stdin(path) {
            self.add(path);
            return;
        }
        let name = path.display().to_string();
        let metadata = match std::fs::metadata(path) {
            Ok(metadata) => metadata,
            Err(error) => {
                self.unreadable(path, &error);
                return;
            }
        };
        if metadata.is_file() {
            self.add(path);
            return;
        }
        if !metadata.is_dir() {
            self.errors.push(not_regular(&name));
            return;
        }
        let walk = ignore::WalkBuilder::new(path)
            .follow_links(true)
            // Hidden files are read, as before `.gitignore` was honoured; git's
            // own folder holds no agreements.
            .hidden(false)
            .filter_entry(|entry| entry.file_name() != ".git")
            // `.gitignore` counts outside a git repository too, as a user reads it.
            .require_git(false)
            .sort_by_file_name(|a, b| a.cmp(b))
            .build();
        for entry in walk {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    self.walk_error(&name, error);
                    continue;
                }
            };
            let Some(file_type) = entry.file_type() else {
                continue;
            };
            if file_type.is_dir() || entry.path().extension().is_none_or(|ext| ext != EXTENSION) {
                continue;
            }
            if !file_type.is_file() {
                self.errors
                    .push(not_regular(&entry.path().display().to_string()));
                continue;
            }
            self.add(entry.path());
        }
    }

    /// A path that cannot be read: a loop of links is said to be one, once.
    fn unreadable(&mut self, path: &Path, error: &std::io::Error) {
        let name = path.display().to_string();
        if let Some(chain) = link_loop(path) {
            let mut members = chain.clone();
            members.sort();
            members.dedup();
            if self.loops.insert(members) {
                let shown: Vec<String> = chain.iter().map(|p| p.display().to_string()).collect();
                self.errors.push(
                    Diagnostic::for_path(
                        format!(
                            "{name} is a loop of symbolic links ({}): not read",
                            shown.join(" → ")
                        ),
                        name,
                    )
                    .hint("point one of the links at a file"),
                );
            }
            return;
        }
        self.errors.push(
            Diagnostic::for_path(format!("cannot read {name}: {error}"), name)
                .hint("give a .truce file or a folder of them"),
        );
    }

    fn walk_error(&mut self, root: &str, error: ignore::Error) {
        let mut path: Option<PathBuf> = None;
        let mut error = &error;
        loop {
            match error {
                ignore::Error::WithPath { path: at, err } => {
                    path.get_or_insert_with(|| at.clone());
                    error = err;
                }
                ignore::Error::WithDepth { err, .. }
                | ignore::Error::WithLineNumber { err, .. } => {
                    error = err;
                }
                _ => break,
            }
        }
        match error {
            ignore::Error::Loop { ancestor, child } => {
                let at = child.display().to_string();
                self.errors.push(Diagnostic::for_path(
                    format!(
                        "{at} is a symbolic link back to {}: a loop, not followed",
                        ancestor.display()
                    ),
                    at,
                ));
            }
            ignore::Error::Io(io) if path.is_some() => {
                let at = path.unwrap_or_default();
                self.unreadable(&at, io);
            }
            other => {
                let at = path.map_or_else(|| root.to_string(), |p| p.display().to_string());
                self.errors.push(Diagnostic::for_path(
                    format!("cannot read {at}: {other}"),
                    at,
                ));
            }
        }
    }
}

/// The links from `path` round to one met before, when following its links
/// loops: `x.truce → y.truce → x.truce`. Lexical, and at most a few dozen
/// links long; `None` otherwise, and the system's error is reported instead.
fn link_loop(path: &Path) -> Option<Vec<PathBuf>> {
    let normal = |path: &Path| -> PathBuf {
        path.components()
            .filter(|part| !matches!(part, std::path::Component::CurDir))
            .collect()
    };
    let mut chain = vec![normal(path)];
    for _ in 0..64 {
        let current = chain.last()?;
        let target = std::fs::read_link(current).ok()?;
        let next = normal(&current.parent().unwrap_or(Path::new("")).join(target));
        if let Some(at) = chain.iter().position(|known| *known == next) {
            chain.push(next);
            return Some(chain.split_off(at));
        }
        chain.push(next);
    }
    None
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
    read_file_within(path, name, Limit::DSL)
}

/// [`read_file`], at most `limit` bytes.
fn read_file_within(path: &Path, name: &str, limit: Limit) -> Result<Vec<u8>, Diagnostic> {
    let cannot =
        |error: std::io::Error| Diagnostic::for_path(format!("cannot read {name}: {error}"), name);
    // Checked before opening: opening a FIFO waits for a writer.
    let metadata = std::fs::metadata(path).map_err(cannot)?;
    if !metadata.is_file() {
        return Err(not_regular(name));
    }
    if metadata.len() > limit.bytes as u64 {
        return Err(limit.too_large(name));
    }
    let file = std::fs::File::open(path).map_err(cannot)?;
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(limit.bytes as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() > limit.bytes {
        return Err(limit.too_large(name));
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
    let backing = &loaded.sources.get(id).text;
    let (tree, mut errors) = syntax::parse(id, backing);
    // Resolution runs on a tree with syntax errors too: it reports what it can,
    // and the recovered tree gives few follow-on errors. The model's words and
    // quotations are slices of the kept source, not copies.
    let syntax_errors = errors.len();
    let resolved = text::reading(backing, &mut loaded.made, || {
        resolve::resolve_file(&tree, vocabulary, &mut errors)
    });
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
                .partition_point(|&start| start <= span.start())
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
    loaded.made = text::Pool::default();
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
    fn an_attribute_key_span_is_where_its_key_is_written() {
        let text = "agreement a {\n  clause 1 ceasefire {\n    deadline 2018-05-05\n  }\n}\n";
        let loaded = load_str("key.truce", text);
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        let attribute = &loaded.corpus.documents[0].clauses[0].attributes[0];
        assert_eq!(&text[attribute.key_span().range()], "deadline");
        assert_eq!(&text[attribute.span.range()], "deadline 2018-05-05");
    }

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
