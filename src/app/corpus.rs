//! The commands that write the documents back out rather than judge them:
//! `truce list`, `truce export` and `truce fmt`.

use std::path::PathBuf;

use crate::format;
use crate::interchange;
use crate::report::list;

use super::{Consequence, Exit, InputErrors, Outcome, Settings};

/// How to export the checked model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// The versioned JSON of `grammar/truce.schema.json`.
    Json,
}

/// One line per document. Only input errors fail the run.
///
/// A file with input errors does not hide the others: their documents are
/// listed, the errors reported, and the run fails with the input-error code.
pub fn list(paths: &[PathBuf], settings: &Settings) -> Outcome {
    let mut loaded = settings.load(paths);
    let errors = super::set_aside_broken(&mut loaded);
    let listed = !loaded.corpus.documents.is_empty();
    let report = if listed || errors.is_empty() {
        list::render(&loaded.corpus)
    } else {
        String::new()
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
    }
}

/// Format the files in the canonical layout ([`format::run`]). With
/// [`format::Mode::Check`], the report lists the files that would change and any
/// fails the run; with [`format::Mode::Stdout`], it is the formatted texts. Files
/// with errors are left untouched, the others formatted, and the run fails.
/// Standard input (`-`) has no file to rewrite: it is printed formatted.
pub fn fmt(paths: &[PathBuf], mode: format::Mode, settings: &Settings) -> Outcome {
    let outcome = format::run(&settings.paths(paths), mode, settings.stdin_name());
    let printed = mode == format::Mode::Stdout || !outcome.stdout.is_empty();
    let report = match mode {
        format::Mode::Stdout => outcome.stdout,
        format::Mode::Write if printed => outcome.stdout,
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
            input_errors: Some(InputErrors {
                errors: outcome.errors,
                sources: outcome.sources,
                consequence: Consequence::FilesLeftUntouched,
            }),
            exit: Exit::InputError,
            ..Outcome::default()
        };
    }
    let would_change = mode == format::Mode::Check && !outcome.changed.is_empty();
    Outcome {
        verbatim,
        ..Outcome::report(report, would_change)
    }
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
    fn list_and_export_report_input_errors_and_nothing_else() {
        let bad = [PathBuf::from("tests/fixtures/bad_date.truce")];
        for outcome in [
            list(&bad, &Settings::default()),
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
