//! `truce test`: run the `test` blocks of the files, one line per test, then
//! `N passed, N failed`.

use std::path::PathBuf;

use crate::report::redlines;
use crate::testing::{self, Checked};

use super::{Outcome, Settings};

/// Run every test block; any failure fails the run. Names in the tests that
/// refer to nothing are input errors, and then nothing runs. With `coverage`,
/// the report adds which document rules the tests showed firing and which they
/// never did.
pub fn run(paths: &[PathBuf], coverage: bool, settings: &Settings) -> Outcome {
    let rules: Vec<&'static str> = crate::rules::document_rules().map(|rule| rule.id).collect();
    run_accounting(paths, coverage.then_some(rules.as_slice()), settings)
}

/// [`run`], accounting for the rules `coverage` names, if any.
pub fn run_accounting(
    paths: &[PathBuf],
    coverage: Option<&[&'static str]>,
    settings: &Settings,
) -> Outcome {
    let loaded = settings.load(paths);
    if !loaded.errors.is_empty() {
        return Outcome::input_errors(loaded.errors, loaded.sources);
    }
    let checked = match Checked::from_loaded(loaded) {
        Ok(checked) => checked,
        Err(errors) => return Outcome::input_errors(errors, Default::default()),
    };
    let errors = testing::validate(checked.corpus());
    if !errors.is_empty() {
        return Outcome::input_errors(errors, checked.loaded.sources);
    }
    let run = checked.run_tests();
    let report = redlines::test_run(&run, &checked.loaded.sources, coverage);
    Outcome::report(report, run.failed() > 0)
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
        let passing = run(&paths("passing_tests.truce"), false, &Settings::default());
        assert_eq!(passing.exit, Exit::Clean);
        assert!(
            passing.report.ends_with("1 passed, 0 failed\n"),
            "{}",
            passing.report
        );
        let failing = run(&paths("failing_tests.truce"), false, &Settings::default());
        assert_eq!(failing.exit, Exit::Findings);
        assert!(failing.report.contains("FAILED"), "{}", failing.report);
    }

    #[test]
    fn coverage_accounts_for_the_rules_given() {
        let rules = ["weak-commitment", "no-guarantor"];
        let outcome = run_accounting(
            &paths("passing_tests.truce"),
            Some(&rules),
            &Settings::default(),
        );
        assert!(
            outcome
                .report
                .contains("rule coverage: 1 of 2 rules shown firing by a passing test"),
            "{}",
            outcome.report
        );
        let without = run(&paths("passing_tests.truce"), false, &Settings::default());
        assert!(!without.report.contains("rule coverage"));
    }

    #[test]
    fn a_test_naming_nothing_is_an_input_error() {
        let outcome = run(
            &paths("passing_tests.truce")[2..],
            false,
            &Settings::default(),
        );
        assert_eq!(outcome.exit, Exit::InputError);
        let stderr = outcome.stderr(false);
        assert!(stderr.contains("unknown document `proposal`"), "{stderr}");
    }
}
