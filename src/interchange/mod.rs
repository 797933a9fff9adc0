//! The checked model as JSON, for other tools: `truce export --format json` writes
//! it, and every command that reads `.truce` files reads it back (`truce check
//! corpus.json`), with the same findings.
//!
//! # Format, version 1
//!
//! ```json
//! {
//!   "truce_json": 1,                      // the version of this format
//!   "files": [                            // the source files spans point into
//!     { "name": "agreements/a.truce",     // as given on the command line
//!       "text": "agreement a {\n..." }    // optional: the whole source text
//!   ],
//!   "documents": [ ... ],                 // the checked documents, in order
//!   "requirements": [ ... ],              // optional: red lines
//!   "tests": [ ... ]                      // optional: `test` blocks
//! }
//! ```
//!
//! A document is a [`wire::Document`]: the format's own types, which mirror the
//! model but are not it, so that no Rust rename reaches the JSON. Fields are in
//! snake case, absent optional values `null`, every value the user wrote as
//! `{ "value": ..., "span": { "file": 0, "start": 12, "end": 30 } }`, where `file`
//! indexes `files` and `start`/`end` are byte offsets into that file's text. Clause
//! kinds and attribute keys are names from the vocabulary (`grammar/reference.md`);
//! typed values are `{ "type": "deadline", "value": ... }`; dates are jiff civil
//! date-times (`2018-05-03T12:00:00`). `grammar/truce.schema.json` is the JSON
//! Schema of the whole file.
//!
//! The format is versioned as the findings report is: within version 1 fields may be
//! added, never renamed, retyped or removed, and readers ignore fields they do not
//! know. Anything else raises `truce_json`.
//!
//! With `text`, findings read from JSON point at the same lines and columns as
//! findings read from the source; without it they point at line 1 of the file.
//!
//! Reading checks what the JSON can get wrong that the language cannot: the
//! version, span files, clause kinds and attribute keys against the vocabulary,
//! the type of each attribute's value against its key, and the ranges the resolver
//! keeps (durations, ages), on which the model's calendar arithmetic relies.
//! [`import`] stops there. Valid input is read in one pass, straight into the
//! format's types (`fast.rs`); input with anything wrong is read again, strictly
//! and slowly, for an error that says what and where. Loading ([`crate::load`])
//! then runs the model checks `.truce` input gets ([`crate::model_checks`]: ids
//! declared twice, references between names, hierarchies), so a corpus read as
//! JSON is held to the same promises; `tests/properties.rs` shows that the rules
//! survive a model that skipped them.

mod fast;
mod spans;
mod strict;
mod validate;
pub mod wire;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::diagnostic::Diagnostic;
use crate::error_code::ErrorCode;
use crate::model::Corpus;
use crate::source::{SourceFile, Sources, Span};
use wire::{IntoModel, ToWire};

/// The version of the format this module writes and reads.
pub const VERSION: u64 = 1;

/// The name of the version field, which marks a file as truce JSON.
const VERSION_FIELD: &str = "truce_json";

/// Bytes of JSON read at most, refused by its size before a byte is read: 4 GiB
/// less one, the most a span's `u32` offset reaches, so that an error can
/// point anywhere in the file. There is no smaller bound proportional to the
/// sources a file carries because an export is no fixed multiple of its DSL:
/// the generated corpus's is 4.3x and the seed agreements' 4.7x, but a
/// one-letter word becomes a value with a span of some 50 bytes. So an export
/// reads back whatever the DSL held, up to about 900 MiB of DSL at 4.5x; a
/// larger corpus goes in several exports.
pub const MAX_JSON_BYTES: usize = u32::MAX as usize;

#[derive(Serialize)]
struct ExportFile<'a> {
    name: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct Export<'a> {
    truce_json: u64,
    files: Vec<ExportFile<'a>>,
    #[serde(flatten)]
    corpus: wire::Corpus<'static>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ImportFile {
    name: String,
    #[serde(default)]
    text: Option<String>,
}

/// The file as read, the version already checked. No `flatten`, so that errors
/// keep their line and column.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Import<'a> {
    /// Checked before the rest is used: by the slow path on the value, by the
    /// fast one once read.
    #[serde(rename = "truce_json")]
    version: Value,
    files: Vec<ImportFile>,
    #[serde(borrow)]
    documents: Vec<wire::Document<'a>>,
    #[serde(default, borrow)]
    requirements: Vec<wire::Requirements<'a>>,
    #[serde(default, borrow)]
    tests: Vec<wire::TestBlock<'a>>,
}

/// The corpus as compact JSON on one line, ending in a newline. `files` lists
/// every source in order, so a span's file index is its
/// [`crate::source::FileId`].
///
/// Compact, unlike truce's reports: an export is data for tools, and the one
/// JSON output the size of a corpus (every value carries its span). Indented,
/// the export of the benchmark's 5,000 documents is 267 MB, 9.5 times its DSL,
/// and more than half of it whitespace, which a reader then spends a fifth of
/// its time skipping; compact, it is 127 MB. `jq .` indents it for reading.
pub fn export(corpus: &Corpus, sources: &Sources) -> Result<String, serde_json::Error> {
    let export = Export {
        truce_json: VERSION,
        files: sources
            .files()
            .iter()
            .map(|file| ExportFile {
                name: &file.name,
                text: &file.text,
            })
            .collect(),
        corpus: corpus.to_wire(),
    };
    let mut text = serde_json::to_string(&export)?;
    text.push('\n');
    Ok(text)
}

/// Read a corpus written by [`export`] (or by another tool, to the same format).
///
/// On success the files it names are added to `sources`, and its spans point into
/// them. On failure the JSON file itself is added, and the errors point into it.
pub fn import(name: &str, text: &str, sources: &mut Sources) -> Result<Corpus, Vec<Diagnostic>> {
    read_corpus(name, text, sources).map_err(|mut errors| {
        for error in &mut errors {
            error.default_code(ErrorCode::InvalidJson);
        }
        errors
    })
}

fn read_corpus(name: &str, text: &str, sources: &mut Sources) -> Result<Corpus, Vec<Diagnostic>> {
    if text.len() > MAX_JSON_BYTES {
        return Err(fail(
            name,
            text,
            sources,
            format!("JSON file is larger than {}", size_limit()),
            Some(MAX_JSON_BYTES),
            "split the corpus into several files",
        ));
    }
    let base = sources.files().len();
    // Valid input, read in one pass; anything else is read again, slowly, for
    // the error to say what and where.
    let import = match fast::read(text, base) {
        Some(import) => import,
        None => read_strictly(name, text, sources)?,
    };
    let mut added = Vec::new();
    for file in import.files {
        added.push(sources.add(SourceFile::new(file.name, file.text.unwrap_or_default())));
    }
    // Its strings shared with the files it brought, where they hold them, and
    // equal strings it makes (the dates it resolved) kept once.
    let corpus = crate::text::importing(sources, || {
        crate::text::pooled(&mut crate::text::Pool::default(), || {
            wire::Corpus {
                documents: import.documents,
                requirements: import.requirements,
                tests: import.tests,
            }
            .into_model()
        })
    });
    // The limits first: on one attribute, today's readers of the errors see the
    // range before the type.
    let mut errors = crate::model_checks::limits::check(&corpus);
    errors.extend(validate::corpus(&corpus));
    if errors.is_empty() {
        Ok(corpus)
    } else {
        Err(naming(name, errors).collect())
    }
}

/// One error in the JSON file itself, which is added to `sources` for it, at
/// byte `at` (clamped to the text).
fn fail(
    name: &str,
    text: &str,
    sources: &mut Sources,
    message: String,
    at: Option<usize>,
    hint: &str,
) -> Vec<Diagnostic> {
    let id = sources.add(SourceFile::new(name, text));
    let at = at.unwrap_or(0).min(text.len());
    vec![Diagnostic::new(message, Span::new(id, at, at)).hint(hint)]
}

/// The slow path, for input the fast one refused: the text read as a value
/// with no key twice, its version checked, its spans checked and rebased on
/// the value, then the wire types read from the value with the path of the
/// first error. Each step's error is the precise one a reader needs.
/// What it reads owns its strings: the value it reads them from is its own.
fn read_strictly(
    name: &str,
    text: &str,
    sources: &mut Sources,
) -> Result<Import<'static>, Vec<Diagnostic>> {
    let base = sources.files().len();
    let mut fail = |message: String, at: Option<usize>, hint: &str| {
        fail(name, text, sources, message, at, hint)
    };
    let mut value: Value = match serde_json::from_str::<strict::Strict>(text) {
        Ok(strict::Strict(value)) => value,
        Err(error) => {
            let at = offset(text, error.line(), error.column());
            return Err(fail(
                format!("invalid JSON: {}", strip_position(&error)),
                Some(at),
                "truce reads JSON written by `truce export --format json`",
            ));
        }
    };
    let version_at = text.find(&format!("\"{VERSION_FIELD}\""));
    match value.get(VERSION_FIELD) {
        Some(version) if version.as_u64() == Some(VERSION) => {}
        Some(version) => {
            return Err(fail(
                format!("unsupported truce JSON version {version}"),
                version_at,
                "this truce reads version 1; export the corpus again with this truce",
            ));
        }
        None => {
            return Err(fail(
                format!("not a truce JSON file: no `{VERSION_FIELD}` field"),
                None,
                "truce reads JSON written by `truce export --format json`",
            ));
        }
    }
    // Each file's length, to hold spans inside it; a file exported without its
    // text bounds nothing.
    let lengths: Vec<Option<usize>> = match value.get("files").and_then(Value::as_array) {
        Some(files) => files
            .iter()
            .map(|file| file.get("text").and_then(Value::as_str).map(str::len))
            .collect(),
        None => Vec::new(),
    };
    if let Err((path, message)) = spans::rebase(&mut value, &lengths, base) {
        return Err(fail(
            format!("{path}: {message}"),
            None,
            "a span's `file` is an index into `files`",
        ));
    }
    match serde_path_to_error::deserialize(value) {
        Ok(import) => Ok(import),
        Err(error) => {
            // Read the text again for the line and column of the same error.
            let mut deserializer = serde_json::Deserializer::from_str(text);
            let at = match serde_path_to_error::deserialize::<_, Import>(&mut deserializer) {
                Err(located) => Some(offset(
                    text,
                    located.inner().line(),
                    located.inner().column(),
                )),
                Ok(_) => None,
            };
            let path = error.path().to_string();
            Err(fail(
                format!("{path}: {}", error.inner()),
                at,
                "the fields and values are described in grammar/truce.schema.json",
            ))
        }
    }
}

/// Errors found in a JSON file's model point into the sources it was exported
/// from; their messages start with the JSON file's name, to say which is wrong.
pub(crate) fn naming(name: &str, errors: Vec<Diagnostic>) -> impl Iterator<Item = Diagnostic> + '_ {
    errors.into_iter().map(move |mut error| {
        error.message = format!("{name}: {}", error.message);
        error
    })
}

/// [`MAX_JSON_BYTES`] in words: "4 GiB".
pub(crate) fn size_limit() -> String {
    format!("{} GiB", (MAX_JSON_BYTES as u64 + 1) >> 30)
}

/// The byte offset of a one-based line and column as serde_json counts them (the
/// column in bytes; 0 before the first character of the line).
fn offset(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(index, _)| index + 1)
    };
    let mut at = (line_start + column.saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// serde_json's message without its " at line L column C": the span says where.
fn strip_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rfind(" at line ") {
        Some(index) => message[..index].to_string(),
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_lines_and_byte_columns() {
        let text = "ab\ncd\n";
        assert_eq!(offset(text, 1, 1), 0);
        assert_eq!(offset(text, 2, 2), 4);
        assert_eq!(offset(text, 9, 9), text.len());
        assert_eq!(offset("é", 1, 2), 0);
    }

    #[test]
    fn non_json_and_wrong_versions_are_located_errors() {
        for (text, message) in [
            ("{", "invalid JSON: EOF while parsing an object"),
            ("[]", "not a truce JSON file: no `truce_json` field"),
            (
                "{\"truce_json\": 2, \"files\": [], \"documents\": []}",
                "unsupported truce JSON version 2",
            ),
        ] {
            let mut sources = Sources::default();
            let errors = import("c.json", text, &mut sources).unwrap_err();
            assert_eq!(errors[0].message, message);
            assert_eq!(sources.files().len(), 1);
        }
    }

    #[test]
    fn an_empty_corpus_reads_back() {
        let mut sources = Sources::default();
        let corpus = import(
            "c.json",
            "{\"truce_json\": 1, \"files\": [], \"documents\": []}",
            &mut sources,
        )
        .unwrap();
        assert!(corpus.documents.is_empty());
        assert!(sources.files().is_empty());
    }
}
