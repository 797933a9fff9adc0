//! `truce test`: run the `test` blocks of the files, one line per test, then
//! `N passed, N failed`.

use std::path::PathBuf;

use crate::report::{junit, redlines};
use crate::testing::{self, Checked, RuleCoverage};

use super::Outcome;

/// How to write the results.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// One line per test, the failures with their places, `N passed, N failed`.
    #[default]
    Text,
    /// JUnit XML, for a CI system's test report.
    Junit,
}

/// What to run and report beyond the tests' results.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    pub format: Format,
    /// Report which document rules a passing test showed firing, and which
    /// no test did.
    pub coverage: bool,
    /// With `coverage`: the least share of the rules, in percent, that the
    /// tests must show firing, or the run fails.
    pub threshold: Option<f64>,
    /// Leave out the passing tests and the closing count.
    pub quiet: bool,
}

/// Run every test block; any failure fails the run, and so does rule coverage
/// below `options.threshold`. Names in the tests that refer to nothing are
/// input errors, and then nothing runs.
pub fn run(paths: &[PathBuf], options: Options) -> Outcome {
    let rules: Vec<&'static str> = crate::rules::document_rules().map(|rule| rule.id).collect();
    run_accounting(paths, &rules, options)
}

/// [`run`], accounting for the rules of `catalogue` when coverage is asked for.
pub fn run_accounting(paths: &[PathBuf], catalogue: &[&'static str], options: Options) -> Outcome {
    let checked = match Checked::load(paths) {
        Ok(checked) => checked,
        Err(errors) => {
            // `Checked::load` keeps only the errors; their spans need the sources.
            let loaded = crate::load_paths(paths);
            return Outcome::input_errors(errors, loaded.sources);
        }
    };
    let errors = testing::validate(checked.corpus());
    if !errors.is_empty() {
        return Outcome::input_errors(errors, checked.loaded.sources);
    }
    let run = checked.run_tests();
    let sources = &checked.loaded.sources;
    let coverage = options.coverage.then(|| RuleCoverage::of(&run, catalogue));
    let mut messages = String::new();
    let report = match options.format {
        Format::Text => redlines::test_run(
            &run,
            sources,
            options.coverage.then_some(catalogue),
            options.quiet,
        ),
        Format::Junit => {
            // Standard output is the XML alone; the coverage line goes beside it.
            if let Some(coverage) = &coverage {
                messages.push_str(&format!("{}\n", coverage.line()));
            }
            junit::render(&run, sources)
        }
    };
    let mut failed = run.failed() > 0;
    if let (Some(coverage), Some(threshold)) = (&coverage, options.threshold)
        && coverage.percent() < threshold
    {
        failed = true;
        messages.push_str(&format!(
            "error: the tests show {} of {} rules firing ({:.1} %), below the threshold of {threshold} %\n",
            coverage.covered,
            coverage.total,
            coverage.percent()
        ));
    }
    Outcome {
        messages,
        ..Outcome::report(report, failed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Exit;

    fn paths(tests: &str) -> Vec<PathBuf> {
        ["proposal.truce", "red_lines.truce", tests]
            .iter()
            .map(|name| PathBuf::from("tests/fixtures/redlines").join(name))
            .collect()
    }

    #[test]
    fn passing_tests_pass_the_run_and_failing_ones_fail_it() {
        let passing = run(&paths("passing_tests.truce"), Options::default());
        assert_eq!(passing.exit, Exit::Clean);
        assert!(
            passing.report.ends_with("1 passed, 0 failed\n"),
            "{}",
            passing.report
        );
        let failing = run(&paths("failing_tests.truce"), Options::default());
        assert_eq!(failing.exit, Exit::Findings);
        assert!(failing.report.contains("FAILED"), "{}", failing.report);
    }

    #[test]
    fn coverage_accounts_for_the_rules_given() {
        let rules = ["weak-commitment", "no-guarantor"];
        let coverage = Options {
            coverage: true,
            ..Options::default()
        };
        let outcome = run_accounting(&paths("passing_tests.truce"), &rules, coverage);
        assert!(
            outcome
                .report
                .contains("rule coverage: 1 of 2 rules shown firing by a passing test"),
            "{}",
            outcome.report
        );
        let without = run(&paths("passing_tests.truce"), Options::default());
        assert!(!without.report.contains("rule coverage"));
    }

    #[test]
    fn a_test_naming_nothing_is_an_input_error() {
        let outcome = run(&paths("passing_tests.truce")[2..], Options::default());
        assert_eq!(outcome.exit, Exit::InputError);
        let stderr = outcome.stderr(false);
        assert!(stderr.contains("unknown document `proposal`"), "{stderr}");
    }
}
