//! `truce stats`: aggregation over a corpus, in one of five formats.

use std::path::PathBuf;

use crate::report::{stats_csv, stats_html, stats_json, stats_markdown, stats_text};
use crate::stats;

use super::{Exit, Outcome, Settings};

/// How to write the statistics.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Csv,
    Json,
    Html,
}

/// The statistics of the files, a text report fitting `width`. Input errors
/// report nothing; a rule that fired outside what it declares it applies to is
/// an internal error, and nothing is reported either.
///
/// The files are read as `settings` say (default paths, standard input), and
/// every rule is counted as the registry declares it: a severity or an ignore
/// in `truce.toml` does not change what the corpus holds.
pub fn run(paths: &[PathBuf], format: Format, width: usize, settings: &Settings) -> Outcome {
    let loaded = settings.load(paths);
    if !loaded.errors.is_empty() {
        return Outcome::input_errors(loaded.errors, loaded.sources);
    }
    let stats = match stats::compute(&loaded.corpus, &loaded.sources) {
        Ok(stats) => stats,
        Err(breaches) => {
            let messages = breaches
                .iter()
                .map(|breach| format!("internal error: {breach}\n"))
                .chain(std::iter::once(
                    "internal error: the counts would be wrong, so none are reported; \
                     please report this with the input\n"
                        .to_string(),
                ))
                .collect();
            return Outcome {
                messages,
                exit: Exit::Internal,
                ..Outcome::default()
            };
        }
    };
    let (report, verbatim) = match format {
        Format::Text => (stats_text::render(&stats, width), false),
        Format::Markdown => (stats_markdown::render(&stats), false),
        Format::Csv => (stats_csv::render(&stats), true),
        Format::Json => (stats_json::render(&stats), true),
        Format::Html => (stats_html::render(&stats), true),
    };
    Outcome {
        verbatim,
        ..Outcome::report(report, false)
    }
}
