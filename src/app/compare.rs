//! `truce compare` and `truce timeline`: drafts side by side, and every dated
//! event of a thread in order.

use std::path::PathBuf;

use crate::compare;
use crate::finding::Severity;
use crate::report::{compare_html, compare_json, compare_markdown, compare_text, compare_timeline};

use super::{CiFormat, Outcome, Settings, ci_report};

/// How to write a comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Side by side, fitting `width`.
    Text,
    Markdown,
    Json,
    /// One self-contained page.
    Html,
    /// SARIF 2.1.0: the comparison findings, for code-scanning pages.
    Sarif,
    /// GitHub Actions workflow commands: one annotation per comparison finding.
    Github,
}

/// How to write a timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimelineFormat {
    Text,
    Json,
}

/// Compare the documents `documents` name, oldest first: ids searched for in
/// `search`, or files holding one document each ([`compare::select()`]).
/// Comparison findings at or above `deny` fail the run, as in `check`.
pub fn run(
    documents: &[String],
    search: &[PathBuf],
    format: Format,
    width: usize,
    deny: Severity,
    settings: &Settings,
) -> Outcome {
    let selection = compare::select(documents, &settings.paths(search));
    if !selection.errors.is_empty() {
        let report = ci_format(format).map_or(String::new(), |ci| {
            ci_report(ci, &[], &selection.errors, &selection.loaded.sources)
        });
        return Outcome {
            report,
            ..Outcome::input_errors(selection.errors, selection.loaded.sources)
        };
    }
    let mut thread = crate::rules::thread_in(&selection.documents(), &selection.loaded.corpus);
    // truce.toml's severities and selection hold for comparison findings too.
    for step in &mut thread.steps {
        step.findings = settings.config.apply(std::mem::take(&mut step.findings));
        step.resolved = settings.config.apply(std::mem::take(&mut step.resolved));
        step.appeared = settings.config.apply(std::mem::take(&mut step.appeared));
    }
    let sources = &selection.loaded.sources;
    let report = match format {
        Format::Text => compare_text::render(&thread, sources, compare_text::Options { width }),
        Format::Markdown => compare_markdown::render(&thread, sources),
        Format::Json => compare_json::render(&thread, sources),
        Format::Html => compare_html::render(&thread, sources),
        Format::Sarif => ci_report(CiFormat::Sarif, &findings(&thread), &[], sources),
        Format::Github => ci_report(CiFormat::Github, &findings(&thread), &[], sources),
    };
    let failed = thread.findings().any(|finding| finding.severity >= deny);
    drop(thread);
    let mut outcome = Outcome::report(report, failed);
    outcome.retained.keep(selection);
    outcome
}

/// Every comparison finding of the thread, step by step.
fn findings<'a>(thread: &'a compare::Thread) -> Vec<&'a crate::rules::Finding> {
    thread.findings().collect()
}

/// The CI format a comparison format is, if it is one.
fn ci_format(format: Format) -> Option<CiFormat> {
    match format {
        Format::Sarif => Some(CiFormat::Sarif),
        Format::Github => Some(CiFormat::Github),
        Format::Text | Format::Markdown | Format::Json | Format::Html => None,
    }
}

/// The timeline of the files' documents. Only input errors fail the run; the
/// documents of the other files are still put in order.
pub fn timeline(paths: &[PathBuf], format: TimelineFormat, settings: &Settings) -> Outcome {
    let mut loaded = settings.load(paths);
    let errors = super::set_aside_broken(&mut loaded);
    let any = !loaded.corpus.documents.is_empty();
    if !any && !errors.is_empty() {
        return Outcome::input_errors(errors, loaded.sources);
    }
    let timeline = crate::timeline::timeline(&loaded.corpus);
    let report = match format {
        TimelineFormat::Text => compare_timeline::render(&timeline),
        TimelineFormat::Json => compare_timeline::render_json(&timeline, &loaded.sources),
    };
    Outcome::partial(report, false, errors, loaded.sources, any)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Exit;

    fn ids(names: &[&str]) -> Vec<String> {
        names.iter().map(|name| name.to_string()).collect()
    }

    #[test]
    fn two_ids_found_in_the_search_path_are_compared() {
        let search = [PathBuf::from("agreements/")];
        let documents = ids(&["loka_first_offer", "loka_second_offer"]);
        let outcome = run(
            &documents,
            &search,
            Format::Json,
            100,
            Severity::Error,
            &Settings::default(),
        );
        assert_eq!(outcome.exit, Exit::Clean);
        let report: serde_json::Value =
            serde_json::from_str(&outcome.report).expect("the report is JSON");
        assert!(report.is_object(), "{report}");
        assert!(outcome.report.contains("loka_second_offer"));
    }

    #[test]
    fn a_dropped_guarantee_fails_the_run_from_deny_warning() {
        let search = [PathBuf::from("agreements/")];
        let documents = ids(&["al_waer_proposal_2016", "al_waer_final_2017"]);
        let gate = |deny| {
            run(
                &documents,
                &search,
                Format::Text,
                100,
                deny,
                &Settings::default(),
            )
            .exit
        };
        assert_eq!(gate(Severity::Error), Exit::Clean);
        assert_eq!(gate(Severity::Warning), Exit::Findings);
        let report = run(
            &documents,
            &search,
            Format::Json,
            100,
            Severity::Warning,
            &Settings::default(),
        )
        .report;
        assert!(
            report.contains("\"rule\": \"guarantee-dropped\""),
            "{report}"
        );
        // The detainee release is gone, and nothing of its kind is left.
        assert!(
            report.contains("clause 7 detainee_release is gone: a protection"),
            "{report}"
        );
    }

    #[test]
    fn an_unknown_id_is_an_input_error_with_a_did_you_mean() {
        let search = [PathBuf::from("agreements/")];
        let documents = ids(&["loka_first_ofer", "loka_second_offer"]);
        let outcome = run(
            &documents,
            &search,
            Format::Text,
            100,
            Severity::Error,
            &Settings::default(),
        );
        assert_eq!(outcome.exit, Exit::InputError);
        assert_eq!(outcome.report, "");
        let stderr = outcome.stderr(false);
        assert!(stderr.contains("no document `loka_first_ofer`"), "{stderr}");
        assert!(
            stderr.contains("did you mean `loka_first_offer`?"),
            "{stderr}"
        );
    }

    #[test]
    fn a_timeline_with_input_errors_reports_nothing() {
        let bad = [PathBuf::from("tests/fixtures/bad_date.truce")];
        let outcome = timeline(&bad, TimelineFormat::Text, &Settings::default());
        assert_eq!(
            (outcome.exit, outcome.report.as_str()),
            (Exit::InputError, "")
        );
        let good = timeline(
            &[PathBuf::from("agreements/")],
            TimelineFormat::Json,
            &Settings::default(),
        );
        assert_eq!(good.exit, Exit::Clean);
        assert!(serde_json::from_str::<serde_json::Value>(&good.report).is_ok());
    }
}
