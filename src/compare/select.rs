//! Which documents `truce compare` names: ids, searched for in folders or files
//! (`agreements/` by default), or files holding one document each.
//!
//! Everything is loaded into one corpus, so every span the comparison reports
//! points into one set of sources. Two drafts given as files may share an id (the
//! same agreement, two versions): the duplicate is then no error here, since the
//! file says which is which. Links between documents play no part in a
//! comparison, so a link to a document that was not loaded is no error either.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::error_code::ErrorCode;
use crate::load::{Loaded, load_paths};
use crate::model::Document;
use crate::source::FileId;

/// The loaded corpus and the named documents in the order named.
#[derive(Debug, Default)]
pub struct Selection {
    pub loaded: Loaded,
    /// Indices into `loaded.corpus.documents`.
    pub documents: Vec<usize>,
    /// Input errors: loading, and arguments that name no single document. With
    /// any, `documents` is incomplete.
    pub errors: Vec<Diagnostic>,
}

impl Selection {
    pub fn documents(&self) -> Vec<&Document> {
        self.documents
            .iter()
            .map(|&index| &self.loaded.corpus.documents[index])
            .collect()
    }
}

/// Load what the arguments need and find the document each names. An argument
/// that is an existing file names the one document it holds; any other is an id,
/// searched for in `search`.
pub fn select(arguments: &[String], search: &[PathBuf]) -> Selection {
    let is_file = |argument: &String| Path::new(argument).is_file();
    let any_id = arguments.iter().any(|argument| !is_file(argument));
    let searched: Vec<PathBuf> = if any_id { search.to_vec() } else { Vec::new() };
    let mut paths: Vec<PathBuf> = searched.clone();
    for argument in arguments.iter().filter(|argument| is_file(argument)) {
        let path = PathBuf::from(argument);
        // A file inside a searched folder is loaded with the folder.
        if !paths.iter().any(|known| contains(known, &path)) {
            paths.push(path);
        }
    }
    let mut selection = Selection {
        loaded: load_paths(&paths),
        ..Selection::default()
    };
    let file_ids: Vec<Option<Vec<FileId>>> = arguments
        .iter()
        .map(|argument| {
            is_file(argument)
                .then(|| file_id(&selection.loaded, argument))
                .flatten()
        })
        .collect();
    let named_files: Vec<FileId> = file_ids.iter().flatten().flatten().copied().collect();
    let ids: Vec<&str> = arguments
        .iter()
        .filter(|argument| !is_file(argument))
        .map(String::as_str)
        .collect();
    let corpus = &selection.loaded.corpus;
    let errors: Vec<Diagnostic> = std::mem::take(&mut selection.loaded.errors)
        .into_iter()
        .filter(|error| !tolerated(error, corpus, &named_files, &ids))
        .collect();
    selection.loaded.errors = errors.clone();
    selection.errors = errors;

    for (argument, file) in arguments.iter().zip(&file_ids) {
        let found = match file {
            Some(files) => by_file(&selection.loaded, argument, files),
            None if is_file(argument) => Err(Diagnostic::for_path(
                format!("cannot read {argument}"),
                argument.clone(),
            )
            .code(ErrorCode::UnreadablePath)),
            None => by_id(&selection.loaded, argument, &named_files, &searched),
        };
        match found {
            Ok(index) => selection.documents.push(index),
            Err(error) => selection.errors.push(error),
        }
    }
    selection
}

/// Whether `path` is `folder` or lies inside it.
fn contains(folder: &Path, path: &Path) -> bool {
    match (folder.canonicalize(), path.canonicalize()) {
        (Ok(folder), Ok(path)) => path.starts_with(folder),
        _ => false,
    }
}

/// The source files that the file `argument` brought: itself, for a `.truce`
/// file; the sources a JSON export carries, for a `.json` one.
fn file_id(loaded: &Loaded, argument: &str) -> Option<Vec<FileId>> {
    let wanted = Path::new(argument).canonicalize().ok()?;
    loaded
        .read
        .iter()
        .find(|(path, _)| path.canonicalize().ok().as_ref() == Some(&wanted))
        .map(|(_, files)| files.clone().collect())
}

/// Errors a comparison can do without: a document id defined twice where one of
/// the two is a file named on the command line and the id is not asked for, and
/// links to documents that were not loaded.
fn tolerated(
    error: &Diagnostic,
    corpus: &crate::model::Corpus,
    named_files: &[FileId],
    ids: &[&str],
) -> bool {
    let Some(span) = error.span else {
        return false;
    };
    let link = corpus
        .documents
        .iter()
        .flat_map(|document| &document.links)
        .any(|link| link.target.span == span);
    if link {
        return true;
    }
    let Some(second) = corpus.documents.iter().find(|d| d.id.span == span) else {
        return false;
    };
    let Some((first_span, _)) = error.related.first() else {
        return false;
    };
    let first = corpus.documents.iter().find(|d| d.id.span == *first_span);
    first.is_some_and(|first| {
        first.id.value == second.id.value
            && !ids.contains(&second.id.value.as_str())
            && (named_files.contains(&first.id.span.file)
                || named_files.contains(&second.id.span.file))
    })
}

fn by_file(loaded: &Loaded, argument: &str, files: &[FileId]) -> Result<usize, Diagnostic> {
    let held: Vec<usize> = loaded
        .corpus
        .documents
        .iter()
        .enumerate()
        .filter(|(_, document)| files.contains(&document.id.span.file))
        .map(|(index, _)| index)
        .collect();
    match held.as_slice() {
        [one] => Ok(*one),
        [] => Err(Diagnostic::for_path(
            format!("{argument} holds no document to compare"),
            argument,
        )
        .code(ErrorCode::UnknownArgument)),
        many => {
            let names: Vec<&str> = many
                .iter()
                .map(|&index| loaded.corpus.documents[index].id.value.as_str())
                .collect();
            Err(Diagnostic::for_path(
                format!(
                    "{argument} holds {} documents; name the one to compare by its id",
                    many.len()
                ),
                argument,
            )
            .code(ErrorCode::UnknownArgument)
            .hint(format!(
                "for example `truce compare {} --in {argument}`",
                names.join(" ")
            )))
        }
    }
}

fn by_id(
    loaded: &Loaded,
    id: &str,
    named_files: &[FileId],
    searched: &[PathBuf],
) -> Result<usize, Diagnostic> {
    let documents = &loaded.corpus.documents;
    // A document from a searched folder before a file named for another argument.
    let found = documents
        .iter()
        .position(|d| d.id.value == id && !named_files.contains(&d.id.span.file))
        .or_else(|| documents.iter().position(|d| d.id.value == id));
    found.ok_or_else(|| {
        let places: Vec<String> = searched.iter().map(|p| p.display().to_string()).collect();
        let mut error = Diagnostic::for_path(
            format!("no document `{id}` in {}", places.join(", ")),
            places.join(", "),
        )
        .code(ErrorCode::UnknownArgument)
        .maybe_hint(did_you_mean(id, documents.iter().map(|d| d.id.value.as_str())));
        if error.hint.is_none() {
            error = error.hint(
                "give a document id (`truce list` shows them), a file, or where to search with --in",
            );
        }
        error
    })
}
