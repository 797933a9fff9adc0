//! The commands that write the documents back out rather than judge them:
//! `truce list`, `truce export` and `truce fmt`.

use std::path::PathBuf;

use crate::format;
use crate::interchange;
use crate::pax;
use crate::report::{self, list};

use super::{Consequence, Exit, InputErrors, Outcome, Settings};

/// How to export the checked model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// The versioned JSON of `grammar/truce.schema.json`.
    Json,
    /// PA-X rows as CSV ([`crate::pax`]).
    Pax,
    /// PA-X rows as JSON.
    PaxJson,
}

/// How to list the documents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ListFormat {
    /// One aligned line per document.
    #[default]
    Text,
    /// The versioned JSON of [`list::render_json`].
    Json,
}

/// One line (or JSON object) per document. Only input errors fail the run.
///
/// A file with input errors does not hide the others: their documents are
/// listed, the errors reported, and the run fails with the input-error code.
pub fn list(paths: &[PathBuf], format: ListFormat, settings: &Settings) -> Outcome {
    let mut loaded = settings.load(paths);
    let errors = super::set_aside_broken(&mut loaded);
    let listed = !loaded.corpus.documents.is_empty();
    let report = match format {
        _ if !listed && !errors.is_empty() => String::new(),
        ListFormat::Text => list::render(&loaded.corpus),
        ListFormat::Json => list::render_json(&loaded.corpus, &loaded.sources),
    };
    Outcome::partial(report, false, errors, loaded.sources, listed)
}

/// The checked model, for other tools. Input errors, or a model that cannot be
/// written, fail the run.
pub fn export(paths: &[PathBuf], format: ExportFormat, settings: &Settings) -> Outcome {
    let loaded = settings.load(paths);
    if !loaded.errors.is_empty() {
        return Outcome::input_errors(loaded.errors, loaded.sources);
    }
    match format {
        ExportFormat::Json => match interchange::export(&loaded.corpus, &loaded.sources) {
            Ok(json) => Outcome {
                verbatim: true,
                ..Outcome::report(json, false)
            },
            Err(error) => Outcome {
                messages: format!("error: cannot write the corpus as JSON: {error}\n"),
                exit: Exit::InputError,
                ..Outcome::default()
            },
        },
        ExportFormat::Pax => match report::pax::csv(&pax::rows(&loaded.corpus.documents)) {
            Ok(csv) => Outcome {
                verbatim: true,
                ..Outcome::report(csv, false)
            },
            Err(error) => Outcome {
                messages: format!("error: cannot write the PA-X rows as CSV: {error}\n"),
                exit: Exit::InputError,
                ..Outcome::default()
            },
        },
        ExportFormat::PaxJson => Outcome {
            verbatim: true,
            ..Outcome::report(
                report::pax::json(&pax::rows(&loaded.corpus.documents), &loaded.sources),
                false,
            )
        },
    }
}

/// Format the files in the canonical layout ([`format::run`]). With
/// [`format::Mode::Check`], the report lists the files that would change and any
/// fails the run; with [`format::Mode::Stdout`], it is the formatted texts. Files
/// with errors are left untouched, the others formatted, and the run fails.
/// Standard input (`-`) has no file to rewrite: it is printed formatted.
pub fn fmt(paths: &[PathBuf], mode: format::Mode, settings: &Settings) -> Outcome {
    let mut outcome = format::run(&settings.paths(paths), mode, settings.stdin_name());
    let messages = line_ending_warnings(&outcome.line_endings, mode);
    let printed =
        matches!(mode, format::Mode::Stdout | format::Mode::Diff) || !outcome.stdout.is_empty();
    let report = match mode {
        format::Mode::Stdout | format::Mode::Diff => std::mem::take(&mut outcome.stdout),
        format::Mode::Write if printed => std::mem::take(&mut outcome.stdout),
        format::Mode::Check => outcome
            .changed
            .iter()
            .map(|name| format!("{name}\n"))
            .collect(),
        format::Mode::Write => String::new(),
    };
    let verbatim = printed;
    if !outcome.errors.is_empty() {
        return Outcome {
            report,
            verbatim,
            messages,
            input_errors: Some(InputErrors {
                errors: outcome.errors,
                sources: outcome.sources,
                consequence: Consequence::FilesLeftUntouched,
            }),
            exit: Exit::InputError,
            ..Outcome::default()
        };
    }
    let would_change =
        matches!(mode, format::Mode::Check | format::Mode::Diff) && !outcome.changed.is_empty();
    Outcome {
        verbatim,
        messages,
        ..Outcome::report(report, would_change)
    }
}

/// One warning per file whose CRLF line endings become LF, said in the tense
/// of the mode.
fn line_ending_warnings(files: &[String], mode: format::Mode) -> String {
    files
        .iter()
        .map(|name| match mode {
            format::Mode::Write => {
                format!("warning: {name}: line endings changed from CRLF to LF\n")
            }
            format::Mode::Check | format::Mode::Diff => {
                format!("warning: {name}: line endings would change from CRLF to LF\n")
            }
            format::Mode::Stdout => {
                format!("warning: {name}: printed with LF line endings, not the file's CRLF\n")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fmt_check_lists_the_files_that_would_change_and_fails() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let untidy = folder.path().join("untidy.truce");
        std::fs::write(&untidy, "agreement a {   title \"A\" }\n").expect("written");
        let paths = [untidy.clone()];
        let outcome = fmt(&paths, format::Mode::Check, &Settings::default());
        assert_eq!(outcome.exit, Exit::Findings);
        assert_eq!(outcome.report, format!("{}\n", untidy.display()));
        // --check writes nothing.
        let text = std::fs::read_to_string(&untidy).expect("read");
        assert_eq!(text, "agreement a {   title \"A\" }\n");

        let written = fmt(&paths, format::Mode::Write, &Settings::default());
        assert_eq!((written.exit, written.report.as_str()), (Exit::Clean, ""));
        assert_eq!(
            fmt(&paths, format::Mode::Check, &Settings::default()).exit,
            Exit::Clean
        );
    }

    #[test]
    fn fmt_errors_say_the_files_were_left_untouched() {
        let paths = [PathBuf::from("tests/fixtures/truncated.truce")];
        let outcome = fmt(&paths, format::Mode::Check, &Settings::default());
        assert_eq!(outcome.exit, Exit::InputError);
        let stderr = outcome.stderr(false);
        assert!(
            stderr.ends_with("; the files with errors were left untouched\n"),
            "{stderr}"
        );
    }

    #[test]
    fn list_as_json_gives_each_document_its_facts() {
        let paths = [PathBuf::from("agreements/")];
        let lines = list(&paths, ListFormat::Text, &Settings::default()).report;
        let outcome = list(&paths, ListFormat::Json, &Settings::default());
        assert_eq!(outcome.exit, Exit::Clean);
        let listing: serde_json::Value = serde_json::from_str(&outcome.report).expect("JSON");
        assert_eq!(listing["version"], 1);
        let documents = listing["documents"].as_array().expect("documents");
        assert_eq!(documents.len(), lines.lines().count());
        let cairo = documents
            .iter()
            .find(|document| document["id"] == "cairo_2017")
            .expect("cairo_2017 is listed");
        let line = lines
            .lines()
            .find(|line| line.starts_with("cairo_2017 "))
            .expect("a line for cairo_2017");
        let date = cairo["date"].as_str().expect("a date");
        assert!(line.contains(date), "{line}");
        let kinds = cairo["kinds"].as_array().expect("kinds");
        let counted: u64 = kinds.iter().filter_map(|kind| kind["count"].as_u64()).sum();
        assert_eq!(Some(counted), cairo["clauses"].as_u64());
        for kind in kinds {
            assert!(
                line.contains(kind["kind"].as_str().expect("a kind")),
                "{line}"
            );
        }
        assert!(
            cairo["file"]
                .as_str()
                .is_some_and(|file| file.starts_with("agreements/"))
        );
        assert!(cairo["line"].as_u64().is_some_and(|line| line >= 1));
    }

    #[test]
    fn list_and_export_report_input_errors_and_nothing_else() {
        let bad = [PathBuf::from("tests/fixtures/bad_date.truce")];
        for outcome in [
            list(&bad, ListFormat::Text, &Settings::default()),
            list(&bad, ListFormat::Json, &Settings::default()),
            export(&bad, ExportFormat::Json, &Settings::default()),
        ] {
            assert_eq!(
                (outcome.exit, outcome.report.as_str()),
                (Exit::InputError, "")
            );
            assert!(outcome.input_errors.is_some());
        }
        let good = [PathBuf::from("tests/fixtures/clean.truce")];
        let exported = export(&good, ExportFormat::Json, &Settings::default());
        assert_eq!(exported.exit, Exit::Clean);
        assert!(serde_json::from_str::<serde_json::Value>(&exported.report).is_ok());
    }
}
