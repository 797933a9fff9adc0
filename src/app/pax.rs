//! `truce pax-diff`: truce's PA-X coding beside PA-X's own.

use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::pax::diff;
use crate::report;

use super::{Exit, Outcome};

/// How to write the comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

/// Compare the documents under `paths` with PA-X's coding in `against`, with
/// the reasons for disagreements in `explained`. Input errors in any of the
/// three fail the run (exit 2); with `explained`, an unexplained disagreement
/// or a stale explanation fails it (exit 1).
pub fn diff(
    paths: &[PathBuf],
    against: &Path,
    explained: Option<&Path>,
    format: Format,
) -> Outcome {
    let mut loaded = crate::load_paths(paths);
    let reference = read(&mut loaded, against, diff::read_reference);
    let explanations = match explained {
        Some(path) => read(&mut loaded, path, diff::read_explanations),
        None => Some(Vec::new()),
    };
    let (Some(reference), Some(explanations)) = (reference, explanations) else {
        return Outcome::input_errors(loaded.errors, loaded.sources);
    };
    if !loaded.errors.is_empty() {
        return Outcome::input_errors(loaded.errors, loaded.sources);
    }
    let comparison = diff::compare(&loaded.corpus, &reference, &explanations);
    let report = match format {
        Format::Text => report::pax::diff_text(&comparison),
        Format::Json => report::pax::diff_json(&comparison),
    };
    let failed =
        explained.is_some() && (comparison.totals.unexplained > 0 || !comparison.stale.is_empty());
    let mut outcome = Outcome::report(report, failed);
    if failed {
        outcome.messages = format!(
            "error: {} unexplained disagreements and {} stale explanations\n",
            comparison.totals.unexplained,
            comparison.stale.len()
        );
        outcome.exit = Exit::Findings;
    }
    outcome
}

/// A reader of one CSV: its rows, or its errors.
type Parse<T> = fn(&mut crate::source::Sources, &str, String) -> Result<Vec<T>, Vec<Diagnostic>>;

/// Read one CSV into the run's sources, keeping its errors with the others.
fn read<T>(loaded: &mut crate::load::Loaded, path: &Path, parse: Parse<T>) -> Option<Vec<T>> {
    let name = path.display().to_string();
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) => {
            loaded.errors.push(Diagnostic::for_path(
                format!("cannot read {name}: {error}"),
                &name,
            ));
            return None;
        }
    };
    match parse(&mut loaded.sources, &name, text) {
        Ok(rows) => Some(rows),
        Err(errors) => {
            loaded.errors.extend(errors);
            None
        }
    }
}
