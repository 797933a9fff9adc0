//! `truce check`: the rule catalogue's findings, or with `--against` each red
//! line's outcome on each document.

use std::path::PathBuf;

use crate::model::{Basis, Document, RedLineStatus, Requirements};
use crate::redline;
use crate::report::{json, redlines, text};
use crate::rules::{self, Severity};

use super::requirements::load_with_requirements;
use super::{CiFormat, Outcome, Settings, ci_report};

/// How to write the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    /// SARIF 2.1.0, for code-scanning pages.
    Sarif,
    /// GitHub Actions workflow commands: one annotation per finding.
    Github,
}

/// What `truce check` shows beyond the findings' kind and place.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Show {
    /// Add each rule's explanation to its findings.
    pub explain: bool,
    /// Leave out findings that something is missing which rest on reports of a
    /// text, not the text.
    pub text_only: bool,
    /// List the findings `allow` lines cover, with their reasons.
    pub suppressed: bool,
    /// The text report is the findings alone: no summary lines.
    pub quiet: bool,
}

/// Check the files against every rule; findings at or above `deny` fail the run.
/// [`check_with`] with the default settings and nothing more shown than
/// `explain` and `text_only` ask.
pub fn findings(
    paths: &[PathBuf],
    format: Format,
    deny: Severity,
    explain: bool,
    text_only: bool,
    quiet: bool,
) -> Outcome {
    let show = Show {
        explain,
        text_only,
        suppressed: false,
        quiet,
    };
    check_with(paths, format, deny, show, &Settings::default())
}

/// Check the files against every rule, as `settings` configure them, and apply
/// the documents' `allow` lines; findings at or above `deny` fail the run.
///
/// A file with input errors does not hide the others: their findings are
/// reported with the errors (and the run fails with the input-error code). As
/// JSON, SARIF or GitHub annotations, the report holds both.
pub fn check_with(
    paths: &[PathBuf],
    format: Format,
    deny: Severity,
    show: Show,
    settings: &Settings,
) -> Outcome {
    let mut loaded = settings.load(paths);
    // The documents of files without errors are checked.
    let errors = super::set_aside_broken(&mut loaded);
    let checked = &loaded.corpus;
    let mut findings = settings.config.apply(rules::check(checked));
    if show.text_only {
        findings.retain(|finding| finding.basis != Some(Basis::Reports));
    }
    let (findings, suppressed) = crate::suppress::apply(findings, checked);
    let nothing_checked = !errors.is_empty() && checked.documents.is_empty();
    let report = match format {
        Format::Text if nothing_checked => String::new(),
        Format::Text => text::render_suppressed(
            &findings,
            &suppressed,
            show.suppressed,
            checked,
            &loaded.sources,
            text::Options {
                explain: show.explain,
                quiet: show.quiet,
            },
        ),
        Format::Json => json::render_report(&json::report_suppressed(
            &findings,
            &suppressed,
            show.suppressed,
            &errors,
            checked,
            &loaded.sources,
            json::Options {
                explain: show.explain,
            },
        )),
        Format::Sarif | Format::Github => {
            let ci = match format {
                Format::Sarif => CiFormat::Sarif,
                _ => CiFormat::Github,
            };
            let ordered = crate::report::in_report_order(&findings, checked);
            ci_report(ci, &ordered, &errors, &loaded.sources)
        }
    };
    let failed = findings.iter().any(|finding| finding.severity >= deny);
    let mut outcome = Outcome::partial(report, failed, errors, loaded.sources, !nothing_checked);
    outcome.retained.keep(loaded.corpus);
    outcome.retained.keep((findings, suppressed));
    outcome
}

/// Check each document against the red lines `against` names (an id, or a file
/// holding one requirements block); any unmet or violated fails the run.
pub fn red_lines(paths: &[PathBuf], against: &str, format: Format, settings: &Settings) -> Outcome {
    if matches!(format, Format::Sarif | Format::Github) {
        return Outcome::bad_argument(
            "red lines are reported as text or JSON only".to_string(),
            Some("use `--format text` or `--format json` with `--against`".to_string()),
        );
    }
    let found = match load_with_requirements(paths, against, settings) {
        Ok(found) => found,
        Err(loaded) => return Outcome::input_errors(loaded.errors, loaded.sources),
    };
    let (loaded, requirements) = (found.loaded(), found.requirements());
    let results = red_line_results(&loaded.corpus.documents, requirements);
    let report = match format {
        Format::Text => results
            .iter()
            .map(|(document, outcomes)| {
                redlines::text(document, requirements, outcomes, &loaded.sources)
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Format::Json | Format::Sarif | Format::Github => {
            redlines::json(requirements, &results, &loaded.sources)
        }
    };
    Outcome::report(report, any_failed(&results))
}

/// Each document with the outcome of every red line of `requirements` on it.
pub fn red_line_results<'a>(
    documents: &'a [Document],
    requirements: &Requirements,
) -> Vec<(&'a Document, Vec<redline::Outcome>)> {
    documents
        .iter()
        .map(|document| (document, redline::evaluate(requirements, document)))
        .collect()
}

/// Whether any red line is unmet or violated on any document.
pub fn any_failed(results: &[(&Document, Vec<redline::Outcome>)]) -> bool {
    results.iter().any(|(_, outcomes)| {
        outcomes
            .iter()
            .any(|outcome| outcome.status != RedLineStatus::Met)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Exit;

    const PROPOSAL: &str = "tests/fixtures/redlines/proposal.truce";
    const RED_LINES: &str = "tests/fixtures/redlines/red_lines.truce";

    fn paths(names: &[&str]) -> Vec<PathBuf> {
        names.iter().map(PathBuf::from).collect()
    }

    #[test]
    fn red_line_results_give_each_document_every_outcome() {
        let text = r#"
agreement a { clause 1 ceasefire { text "x" } }
agreement b { clause 1 evacuation { people civilians } }
requirements r { require truce ceasefire { text "a ceasefire" } }
"#;
        let loaded = crate::load_str("r.truce", text);
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        let requirements = &loaded.corpus.requirements[0];
        let results = red_line_results(&loaded.corpus.documents, requirements);
        let statuses: Vec<(&str, Vec<RedLineStatus>)> = results
            .iter()
            .map(|(document, outcomes)| {
                let statuses = outcomes.iter().map(|o| o.status).collect();
                (document.id.value.as_str(), statuses)
            })
            .collect();
        assert_eq!(
            statuses,
            [
                ("a", vec![RedLineStatus::Met]),
                ("b", vec![RedLineStatus::Unmet])
            ]
        );
        assert!(any_failed(&results));
        assert!(!any_failed(&results[..1]));
    }

    #[test]
    fn unmet_red_lines_fail_the_run() {
        let outcome = red_lines(
            &paths(&[PROPOSAL]),
            RED_LINES,
            Format::Text,
            &Settings::default(),
        );
        assert_eq!(outcome.exit, Exit::Findings);
        assert!(outcome.input_errors.is_none());
        assert!(
            outcome
                .report
                .ends_with("proposal: 1 met, 2 unmet, 1 violated\n"),
            "{}",
            outcome.report
        );
        assert_eq!(outcome.stderr(false), "");
    }

    #[test]
    fn unknown_requirements_are_an_input_error_with_a_hint() {
        let outcome = red_lines(
            &paths(&[PROPOSAL, RED_LINES]),
            "factions_line",
            Format::Json,
            &Settings::default(),
        );
        assert_eq!(outcome.exit, Exit::InputError);
        assert_eq!(outcome.report, "");
        let stderr = outcome.stderr(false);
        assert!(
            stderr.contains("unknown requirements `factions_line`"),
            "{stderr}"
        );
        assert!(
            stderr.contains("did you mean `factions_lines`?"),
            "{stderr}"
        );
        assert!(stderr.ends_with("nothing was checked until they are fixed\n"));
    }

    #[test]
    fn the_model_and_findings_are_handed_back_for_the_binary_to_leave_unfreed() {
        let outcome = findings(
            &paths(&["tests/fixtures/findings.truce"]),
            Format::Text,
            Severity::Error,
            false,
            false,
            false,
        );
        assert_eq!(format!("{:?}", outcome.retained), "Retained(2 values)");
    }

    #[test]
    fn findings_fail_the_run_from_the_deny_severity_up() {
        let fixture = paths(&["tests/fixtures/findings.truce"]);
        let severities: Vec<Severity> = {
            let loaded = crate::load_paths(&fixture);
            rules::check(&loaded.corpus)
                .iter()
                .map(|f| f.severity)
                .collect()
        };
        for deny in [Severity::Error, Severity::Warning, Severity::Info] {
            let outcome = findings(&fixture, Format::Text, deny, false, false, false);
            let fails = severities.iter().any(|severity| *severity >= deny);
            let expected = if fails { Exit::Findings } else { Exit::Clean };
            assert_eq!(outcome.exit, expected, "--deny {deny:?}");
        }
        // Any finding fails `--deny info`; a clean file passes it.
        assert!(!severities.is_empty());
        let clean = paths(&["tests/fixtures/clean.truce"]);
        let outcome = findings(&clean, Format::Text, Severity::Info, false, false, false);
        assert_eq!(outcome.exit, Exit::Clean);
    }

    #[test]
    fn input_errors_as_json_are_reported_on_stdout_too() {
        let bad = paths(&["tests/fixtures/bad_date.truce"]);
        let outcome = findings(&bad, Format::Json, Severity::Error, false, false, false);
        assert_eq!(outcome.exit, Exit::InputError);
        let report: serde_json::Value =
            serde_json::from_str(&outcome.report).expect("the report is JSON");
        let errors = outcome.input_errors.as_ref().map_or(0, |e| e.errors.len());
        assert!(errors > 0);
        assert_eq!(report["errors"].as_array().map(Vec::len), Some(errors));
        let text = findings(&bad, Format::Text, Severity::Error, false, false, false);
        assert_eq!((text.exit, text.report.as_str()), (Exit::InputError, ""));
    }
}
