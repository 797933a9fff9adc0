//! `truce coverage`: the matrix of documents × clause kinds (× red lines with
//! `--against`), and `--require`: kinds every document must have.

use std::path::PathBuf;

use crate::coverage::{self, Matrix};
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::load::Loaded;
use crate::model::Requirements;
use crate::report::coverage as report;
use crate::vocabulary::{self, Vocabulary};

use super::requirements::load_with_requirements;
use super::{Outcome, Settings, argument_error};

/// How to write the matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Csv,
    Json,
}

/// A document that lacks kinds `--require` asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lacking {
    pub document: String,
    /// In the order `--require` gave them.
    pub kinds: Vec<String>,
}

/// The matrix of the files (with a column per red line of `against`, an id or a
/// file), a text table fitting `width`. A document lacking a `require`d kind
/// fails the run; a kind the vocabulary does not know is an input error.
pub fn run(
    paths: &[PathBuf],
    against: Option<&str>,
    format: Format,
    require: &[String],
    width: usize,
    settings: &Settings,
) -> Outcome {
    match against {
        Some(against) => match load_with_requirements(paths, against, settings) {
            Ok(found) => {
                let requirements = Some(found.requirements());
                matrix(found.loaded(), requirements, require, format, width)
            }
            Err(loaded) => Outcome::input_errors(loaded.errors, loaded.sources),
        },
        None => matrix(&settings.load(paths), None, require, format, width),
    }
}

fn matrix(
    loaded: &Loaded,
    requirements: Option<&Requirements>,
    require: &[String],
    format: Format,
    width: usize,
) -> Outcome {
    let errors: Vec<Diagnostic> = loaded
        .errors
        .iter()
        .cloned()
        .chain(unknown_kinds(require))
        .collect();
    if !errors.is_empty() {
        return Outcome::input_errors(errors, loaded.sources.clone());
    }
    let matrix = coverage::matrix(&loaded.corpus, requirements, require);
    let report = match format {
        Format::Text => report::text(&matrix, width),
        Format::Markdown => report::markdown(&matrix),
        Format::Csv => report::csv(&matrix),
        Format::Json => report::json(&matrix),
    };
    let lacking = missing_kinds(&matrix, require);
    Outcome {
        messages: lacking
            .iter()
            .map(|lacks| {
                format!(
                    "error: {} lacks required clause kinds: {}\n",
                    lacks.document,
                    lacks.kinds.join(", ")
                )
            })
            .collect(),
        ..Outcome::report(report, !lacking.is_empty())
    }
}

/// The kinds in `require` the vocabulary does not know, as input errors with a
/// did-you-mean.
pub fn unknown_kinds(require: &[String]) -> Vec<Diagnostic> {
    require
        .iter()
        .filter(|kind| vocabulary::clause_kind(kind).is_none())
        .map(|kind| {
            let known = Vocabulary::standard().kind_names();
            argument_error(
                format!("unknown clause kind `{kind}` in --require"),
                did_you_mean(kind, known),
            )
        })
        .collect()
}

/// The documents of the matrix, in its order, that lack kinds in `require`.
pub fn missing_kinds(matrix: &Matrix, require: &[String]) -> Vec<Lacking> {
    matrix
        .rows
        .iter()
        .filter_map(|row| {
            let kinds = matrix.missing(row, require);
            (!kinds.is_empty()).then(|| Lacking {
                document: row.document.clone(),
                kinds: kinds.into_iter().map(String::from).collect(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Exit;

    const PROPOSAL: &str = "tests/fixtures/redlines/proposal.truce";

    fn kinds(names: &[&str]) -> Vec<String> {
        names.iter().map(|name| name.to_string()).collect()
    }

    #[test]
    fn missing_kinds_name_each_document_and_what_it_lacks() {
        let text = r#"
agreement a { clause 1 ceasefire { text "x" } }
agreement b { clause 1 evacuation { people civilians } }
agreement c { clause 1 ceasefire { text "y" }; clause 2 evacuation { people civilians } }
"#;
        let loaded = crate::load_str("k.truce", text);
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        let require = kinds(&["evacuation", "ceasefire", "guarantee"]);
        let matrix = coverage::matrix(&loaded.corpus, None, &require);
        let lacking = |document: &str, kinds: &[&str]| Lacking {
            document: document.into(),
            kinds: self::kinds(kinds),
        };
        assert_eq!(
            missing_kinds(&matrix, &require),
            [
                lacking("a", &["evacuation", "guarantee"]),
                lacking("b", &["ceasefire", "guarantee"]),
                lacking("c", &["guarantee"]),
            ]
        );
        assert_eq!(missing_kinds(&matrix, &kinds(&["ceasefire"])).len(), 1);
        assert!(missing_kinds(&matrix, &[]).is_empty());
    }

    #[test]
    fn unknown_kinds_are_input_errors_with_a_did_you_mean() {
        let errors = unknown_kinds(&kinds(&["ceasefire", "ceasfire", "zzzz"]));
        let found: Vec<(&str, Option<&str>)> = errors
            .iter()
            .map(|error| (error.message.as_str(), error.hint.as_deref()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "unknown clause kind `ceasfire` in --require",
                    Some("did you mean `ceasefire`?")
                ),
                ("unknown clause kind `zzzz` in --require", None),
            ]
        );
        assert!(errors.iter().all(|error| error.path.is_none()));
    }

    #[test]
    fn a_document_lacking_a_required_kind_fails_the_run() {
        let paths = [PathBuf::from(PROPOSAL)];
        let require = kinds(&["ceasefire", "guarantee"]);
        let outcome = run(
            &paths,
            None,
            Format::Csv,
            &require,
            100,
            &Settings::default(),
        );
        assert_eq!(outcome.exit, Exit::Findings);
        assert_eq!(
            outcome.stderr(false),
            "error: proposal lacks required clause kinds: guarantee\n"
        );
        assert!(
            outcome.report.starts_with("document,"),
            "{}",
            outcome.report
        );

        let outcome = run(
            &paths,
            None,
            Format::Csv,
            &kinds(&["ceasefire"]),
            100,
            &Settings::default(),
        );
        assert_eq!((outcome.exit, outcome.messages.as_str()), (Exit::Clean, ""));
    }

    #[test]
    fn an_unknown_required_kind_is_an_input_error_and_nothing_is_reported() {
        let paths = [PathBuf::from(PROPOSAL)];
        let outcome = run(
            &paths,
            None,
            Format::Text,
            &kinds(&["ceasfire"]),
            100,
            &Settings::default(),
        );
        assert_eq!(outcome.exit, Exit::InputError);
        assert_eq!(outcome.report, "");
        let stderr = outcome.stderr(false);
        assert!(stderr.contains("did you mean `ceasefire`?"), "{stderr}");
    }
}
