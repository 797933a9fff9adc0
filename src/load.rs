//! Loading: paths → source files → syntax → model. The only stage that touches
//! the file system.

use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::model::Corpus;
use crate::resolve;
use crate::source::{SourceFile, Sources};
use crate::syntax;

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
        collect(path, &mut files, &mut loaded.errors);
    }
    for path in files {
        let name = path.display().to_string();
        match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => add_source(&mut loaded, name, text),
                Err(error) => {
                    let offset = error.utf8_error().valid_up_to();
                    let valid = String::from_utf8_lossy(&error.as_bytes()[..offset]).into_owned();
                    let line = valid.matches('\n').count() + 1;
                    let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                    loaded.errors.push(
                        Diagnostic::for_path(
                            format!("{name}:{line}:{column}: the file is not valid UTF-8 (byte {offset})"),
                            name,
                        )
                        .hint("save the file as UTF-8"),
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

fn collect(path: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<Diagnostic>) {
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

fn add_source(loaded: &mut Loaded, name: String, text: String) {
    let id = loaded.sources.add(SourceFile::new(name, text));
    let (tree, mut errors) = syntax::parse(id, &loaded.sources.get(id).text);
    // Resolution runs on a tree with syntax errors too: it reports what it can,
    // and the recovered tree gives few follow-on errors.
    let resolved = resolve::resolve_file(&tree, &mut errors);
    loaded.corpus.documents.extend(resolved.documents);
    loaded.corpus.requirements.extend(resolved.requirements);
    loaded.corpus.tests.extend(resolved.tests);
    loaded.errors.extend(errors);
}

fn finish(loaded: &mut Loaded) {
    resolve::check_corpus(&loaded.corpus, &mut loaded.errors);
    // Resolution reads declarations first; report in reading order. Path errors
    // (no span) come first, in the order met.
    loaded
        .errors
        .sort_by_key(|error| error.span.map(|span| (span.file, span.start)));
}
