//! What `--against REQUIREMENTS` names: the id of a `requirements` block in the
//! files given, or a file holding exactly one such block (loaded with them).

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::load::Loaded;
use crate::model::Requirements;

use super::{Settings, argument_error};

/// The loaded files and the requirements `--against` named among them.
#[derive(Debug)]
pub struct WithRequirements {
    loaded: Loaded,
    /// Into `loaded.corpus.requirements`.
    index: usize,
}

impl WithRequirements {
    /// The files loaded, with no input error.
    pub fn loaded(&self) -> &Loaded {
        &self.loaded
    }

    pub fn requirements(&self) -> &Requirements {
        &self.loaded.corpus.requirements[self.index]
    }
}

/// Load `paths` and, when `against` is a file, that file too; then find the
/// requirements by id, or the only ones in that file. Any input error, an
/// unknown id (with a did-you-mean) or a file holding other than one
/// requirements block gives back what was loaded, with the errors.
pub fn load_with_requirements(
    paths: &[PathBuf],
    against: &str,
    settings: &Settings,
) -> Result<WithRequirements, Loaded> {
    let as_path = PathBuf::from(against);
    let from_file = as_path.is_file();
    let paths = settings.paths(paths);
    let mut all = paths.clone();
    if from_file && !paths.contains(&as_path) {
        all.push(as_path.clone());
    }
    let mut loaded = crate::load_inputs(&all, settings.stdin_name());
    if !loaded.errors.is_empty() {
        return Err(loaded);
    }
    let index = if from_file {
        match only_requirements_in(&loaded, &as_path) {
            Ok(index) => Some(index),
            Err(count) => {
                loaded.errors.push(
                    Diagnostic::for_path(
                        format!("{against} holds {count} requirements blocks, not one"),
                        against,
                    )
                    .code(crate::error_code::ErrorCode::UnknownArgument)
                    .hint("give the id of the requirements instead"),
                );
                return Err(loaded);
            }
        }
    } else {
        let requirements = &loaded.corpus.requirements;
        requirements.iter().position(|r| r.id() == against)
    };
    match index {
        Some(index) => Ok(WithRequirements { loaded, index }),
        None => {
            let ids = loaded.corpus.requirements.iter().map(|r| r.id());
            let hint = did_you_mean(against, ids).unwrap_or_else(|| {
                "give a `requirements` id from the files checked, or a file".into()
            });
            let message = format!("unknown requirements `{against}`");
            loaded.errors.push(argument_error(message, Some(hint)));
            Err(loaded)
        }
    }
}

/// The index of the one requirements block loaded from `file`, or how many
/// blocks it holds.
fn only_requirements_in(loaded: &Loaded, file: &Path) -> Result<usize, usize> {
    let file_id = loaded
        .sources
        .files()
        .iter()
        .position(|source| Path::new(&source.name) == file)
        .and_then(|index| crate::source::FileId::try_from(index).ok());
    let in_file: Vec<usize> = loaded
        .corpus
        .requirements
        .iter()
        .enumerate()
        .filter(|(_, requirements)| Some(requirements.header.span.file) == file_id)
        .map(|(index, _)| index)
        .collect();
    match in_file.as_slice() {
        [one] => Ok(*one),
        many => Err(many.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROPOSAL: &str = "tests/fixtures/redlines/proposal.truce";
    const RED_LINES: &str = "tests/fixtures/redlines/red_lines.truce";

    fn paths(names: &[&str]) -> Vec<PathBuf> {
        names.iter().map(PathBuf::from).collect()
    }

    fn messages(loaded: &Loaded) -> Vec<(&str, Option<&str>)> {
        loaded
            .errors
            .iter()
            .map(|error| (error.message.as_str(), error.hint.as_deref()))
            .collect()
    }

    #[test]
    fn an_id_names_requirements_in_the_files_given() {
        let found = load_with_requirements(
            &paths(&[PROPOSAL, RED_LINES]),
            "factions_lines",
            &Settings::default(),
        )
        .expect("the id is found");
        assert_eq!(found.requirements().id(), "factions_lines");
        assert_eq!(found.loaded().corpus.documents.len(), 1);
    }

    #[test]
    fn a_file_is_loaded_with_the_paths_and_names_its_only_requirements() {
        let found = load_with_requirements(&paths(&[PROPOSAL]), RED_LINES, &Settings::default())
            .expect("the file is read");
        assert_eq!(found.requirements().id(), "factions_lines");
        // The file given as --against is loaded once, even when also a path.
        let again = load_with_requirements(
            &paths(&[PROPOSAL, RED_LINES]),
            RED_LINES,
            &Settings::default(),
        )
        .expect("the file is read once");
        assert_eq!(again.loaded().sources.files().len(), 2);
    }

    #[test]
    fn a_file_with_two_requirements_blocks_is_an_input_error() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let file = folder.path().join("two.truce");
        let block =
            |id: &str| format!("requirements {id} {{\n  require truce ceasefire {{}}\n}}\n");
        std::fs::write(&file, block("first") + &block("second")).expect("written");
        let against = file.display().to_string();
        let loaded = load_with_requirements(&paths(&[PROPOSAL]), &against, &Settings::default())
            .expect_err("two blocks name no one of them");
        let expected = format!("{against} holds 2 requirements blocks, not one");
        assert_eq!(
            messages(&loaded),
            [(
                expected.as_str(),
                Some("give the id of the requirements instead")
            )]
        );
        assert_eq!(loaded.errors[0].path.as_deref(), Some(against.as_str()));
    }

    #[test]
    fn a_file_with_no_requirements_block_is_an_input_error() {
        let loaded = load_with_requirements(&paths(&[RED_LINES]), PROPOSAL, &Settings::default())
            .expect_err("the proposal holds no requirements");
        assert_eq!(
            loaded.errors[0].message,
            format!("{PROPOSAL} holds 0 requirements blocks, not one")
        );
    }

    #[test]
    fn an_unknown_id_suggests_the_closest() {
        let loaded = load_with_requirements(
            &paths(&[PROPOSAL, RED_LINES]),
            "factions_line",
            &Settings::default(),
        )
        .expect_err("no such id");
        assert_eq!(
            messages(&loaded),
            [(
                "unknown requirements `factions_line`",
                Some("did you mean `factions_lines`?")
            )]
        );
        // About a word on the command line: no path to show.
        assert_eq!(loaded.errors[0].path, None);
        assert_eq!(loaded.errors[0].span, None);
    }

    #[test]
    fn an_unknown_id_with_nothing_close_says_what_to_give() {
        let loaded =
            load_with_requirements(&paths(&[PROPOSAL]), "factions_lines", &Settings::default())
                .expect_err("no requirements were loaded");
        assert_eq!(
            messages(&loaded),
            [(
                "unknown requirements `factions_lines`",
                Some("give a `requirements` id from the files checked, or a file")
            )]
        );
    }

    #[test]
    fn input_errors_come_back_before_any_lookup() {
        let loaded = load_with_requirements(
            &paths(&["tests/fixtures/missing.truce"]),
            "x",
            &Settings::default(),
        )
        .expect_err("the path does not exist");
        assert_eq!(loaded.errors.len(), 1);
        assert!(
            loaded.errors[0]
                .message
                .starts_with("cannot read tests/fixtures/missing.truce"),
            "{:?}",
            loaded.errors[0]
        );
    }
}
