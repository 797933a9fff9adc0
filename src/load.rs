//! Loading: paths → source files → syntax → model. The only stage that touches
//! the file system.

use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::model::Corpus;
use crate::model_checks;
use crate::resolve;
use crate::source::{SourceFile, Sources};
use crate::syntax;
use crate::vocabulary::Vocabulary;

/// What loading produced: the sources (for rendering), the checked model, and
/// every input error. With errors, the corpus holds what could be read.
#[derive(Debug, Default)]
pub struct Loaded {
    pub sources: Sources,
    pub corpus: Corpus,
    pub errors: Vec<Diagnostic>,
}

/// The extension of truce files in folders.
pub const EXTENSION: &str = "truce";

/// Load files and folders (recursively, `*.truce`, in sorted order).
pub fn load_paths(paths: &[PathBuf]) -> Loaded {
    let mut loaded = Loaded::default();
    let mut files = Vec::new();
    for path in paths {
        let before = files.len();
        collect(path, &mut files, &mut loaded.errors);
        if files.len() == before && path.is_dir() {
            // A wrong folder must not pass CI silently as "0 documents".
            loaded.errors.push(
                Diagnostic::for_path(
                    format!("no .{EXTENSION} files in {}", path.display()),
                    path.display().to_string(),
                )
                .hint("give a folder that holds agreements, or the files themselves"),
            );
        }
    }
    for path in files {
        let name = path.display().to_string();
        match std::fs::read(&path) {
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
                        .expected("text encoded as UTF-8")
                        .hint("save the file as UTF-8; nothing in it was checked"),
                    );
                }
            },
            Err(error) => loaded.errors.push(Diagnostic::for_path(
                format!("cannot read {name}: {error}"),
                name,
            )),
        }
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

pub(crate) fn collect(path: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<Diagnostic>) {
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
    if metadata.is_file() {
        files.push(path.to_path_buf());
        return;
    }
    let entries = match std::fs::read_dir(path) {
        Ok(entries) => entries,
        Err(error) => {
            errors.push(Diagnostic::for_path(
                format!("cannot read folder {name}: {error}"),
                name,
            ));
            return;
        }
    };
    let mut children: Vec<PathBuf> = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => children.push(entry.path()),
            Err(error) => errors.push(Diagnostic::for_path(
                format!("cannot read folder {name}: {error}"),
                name.clone(),
            )),
        }
    }
    children.sort();
    for child in children {
        if child.is_dir() {
            collect(&child, files, errors);
        } else if child.extension().is_some_and(|ext| ext == EXTENSION) {
            files.push(child);
        }
    }
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
    cap_errors(&mut errors, id, loaded.sources.get(id));
    loaded.corpus.documents.extend(resolved.documents);
    loaded.corpus.requirements.extend(resolved.requirements);
    loaded.corpus.tests.extend(resolved.tests);
    loaded.errors.extend(errors);
}

/// At most [`syntax::MAX_ERRORS`] errors a file, in reading order, then one line
/// saying how many more there are: past that, a reader fixes the first ones and
/// runs again, and printing 200,000 errors only costs time.
fn cap_errors(errors: &mut Vec<Diagnostic>, id: crate::source::FileId, file: &SourceFile) {
    if errors.len() <= syntax::MAX_ERRORS {
        return;
    }
    errors.sort_by_key(|error| error.span.map(|span| span.start));
    let more = errors.len() - syntax::MAX_ERRORS;
    errors.truncate(syntax::MAX_ERRORS);
    // Placed at the end of the file, so it is reported after the ones shown.
    let end = file.text.len();
    errors.push(
        Diagnostic::new(
            format!("{more} more errors in this file are not shown"),
            crate::source::Span::new(id, end, end),
        )
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
