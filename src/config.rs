//! `truce.toml`: a project's settings, so that a team agrees once on what its
//! runs check and how loudly.
//!
//! ```toml
//! # the paths commands read when given none
//! paths = ["agreements/"]
//! # only these rules report (all when left out); then these do not
//! select = ["no-guarantor", "weak-commitment", "unused-allow"]
//! ignore = ["weak-commitment"]
//!
//! [severity]          # allow (off), info, warning or error
//! no-guarantor = "error"
//! term-deferred = "allow"
//! ```
//!
//! The file is found by looking in the working folder, then in each folder
//! above it; `--config FILE` names one instead. Relative `paths` are read from
//! the folder holding the file. Rule ids are matched without regard to case.
//! Read with the `toml` crate through serde, whose errors carry the byte range
//! they are about, so a mistake in the file is reported like any input error:
//! file, line, column, the line with a caret.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::finding::{Finding, Severity};
use crate::rules;
use crate::source::{FileId, SourceFile, Sources, Span};

/// The name the file is looked for by.
pub const FILE_NAME: &str = "truce.toml";

/// Where the paths default to when neither the command line nor a config gives
/// any.
pub const DEFAULT_PATH: &str = "agreements/";

/// What one severity setting says: off, or report at this severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Allow,
    Report(Severity),
}

impl Level {
    pub const NAMES: &[&str] = &["allow", "info", "warning", "error"];

    pub fn parse(word: &str) -> Option<Level> {
        match word {
            "allow" => Some(Level::Allow),
            other => Severity::parse(other).map(Level::Report),
        }
    }
}

/// The settings of a run: those of a `truce.toml`, or the defaults.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    /// The file the settings come from, if any.
    pub file: Option<PathBuf>,
    /// The paths to read when the command line gives none; relative ones joined
    /// to the file's folder.
    pub paths: Vec<PathBuf>,
    /// Per-rule severity, by rule id.
    pub severity: HashMap<&'static str, Level>,
    /// When given, only these rules report.
    pub select: Option<HashSet<&'static str>>,
    /// These rules do not report.
    pub ignore: HashSet<&'static str>,
}

/// The file as written, every value with its byte range.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Written {
    paths: Option<Vec<Spanned<String>>>,
    select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Spanned<String>>,
}

impl Config {
    /// The nearest `truce.toml`: in `folder`, else in the folder above, and so
    /// on to the root. The path found is relative to `folder` when `folder` is
    /// the working directory given as `.`, so file names in messages stay short.
    pub fn discover(folder: &Path) -> Option<PathBuf> {
        let absolute = std::path::absolute(folder).ok()?;
        let mut relative = folder.to_path_buf();
        for _ in absolute.ancestors() {
            let candidate = relative.join(FILE_NAME);
            if candidate.is_file() {
                return Some(clean(&candidate));
            }
            relative.push("..");
        }
        None
    }

    /// Read the file at `path`. Its text joins `sources`, so that errors can be
    /// rendered with the line they are about.
    pub fn load(path: &Path, sources: &mut Sources) -> Result<Config, Vec<Diagnostic>> {
        let name = path.display().to_string();
        let bytes = crate::load::read_file(path, &name).map_err(|error| vec![error])?;
        let text = String::from_utf8(bytes).map_err(|error| {
            vec![
                Diagnostic::for_path(
                    format!(
                        "{name} is not valid UTF-8 (byte {})",
                        error.utf8_error().valid_up_to()
                    ),
                    name.clone(),
                )
                .hint("save the file as UTF-8"),
            ]
        })?;
        let folder = path.parent().unwrap_or(Path::new(""));
        let id = sources.add(SourceFile::new(name, text));
        // Errors of the file's own making are `invalid-config`; an unknown rule
        // keeps its own code.
        let mut config = parse(id, &sources.get(id).text, folder).map_err(|errors| {
            errors
                .into_iter()
                .map(|error| match error.code {
                    Some(_) => error,
                    None => error.code(crate::error_code::ErrorCode::InvalidConfig),
                })
                .collect::<Vec<_>>()
        })?;
        config.file = Some(path.to_path_buf());
        Ok(config)
    }

    /// The paths a command reads: those given, else the config's, else
    /// `agreements/`.
    pub fn paths_or_default(&self, given: &[PathBuf]) -> Vec<PathBuf> {
        if !given.is_empty() {
            given.to_vec()
        } else if !self.paths.is_empty() {
            self.paths.clone()
        } else {
            vec![PathBuf::from(DEFAULT_PATH)]
        }
    }

    /// Whether the rule reports at all: selected, not ignored, not `allow`.
    pub fn enabled(&self, rule: &str) -> bool {
        self.select
            .as_ref()
            .is_none_or(|select| select.contains(rule))
            && !self.ignore.contains(rule)
            && self.severity.get(rule) != Some(&Level::Allow)
    }

    /// The findings of enabled rules, at the severity set for their rule.
    pub fn apply(&self, findings: Vec<Finding>) -> Vec<Finding> {
        if self.select.is_none() && self.ignore.is_empty() && self.severity.is_empty() {
            return findings;
        }
        findings
            .into_iter()
            .filter(|finding| self.enabled(finding.rule))
            .map(|mut finding| {
                if let Some(Level::Report(severity)) = self.severity.get(finding.rule) {
                    finding.severity = *severity;
                }
                finding
            })
            .collect()
    }
}

/// `a/./b/../c` as written, less its `./` steps: `./truce.toml` reads
/// `truce.toml`.
fn clean(path: &Path) -> PathBuf {
    path.components()
        .filter(|part| !matches!(part, std::path::Component::CurDir))
        .collect()
}

/// Read the settings of one file, every error at once.
fn parse(file: FileId, text: &str, folder: &Path) -> Result<Config, Vec<Diagnostic>> {
    let span = |range: std::ops::Range<usize>| Span::new(file, range.start, range.end);
    let written: Written = toml::from_str(text).map_err(|error| {
        let at = error.span().unwrap_or(0..0);
        vec![
            Diagnostic::new(error.message().trim().to_string(), span(at))
                .expected("settings as in the README: `paths`, `select`, `ignore`, `[severity]`")
                .hint("see the README's section on truce.toml"),
        ]
    })?;
    let mut errors = Vec::new();
    let mut rule = |id: &Spanned<String>| -> Option<&'static str> {
        let lower = id.get_ref().to_ascii_lowercase();
        match rules::rule(&lower) {
            Some(rule) => Some(rule.id),
            None => {
                errors.push(
                    Diagnostic::new(format!("unknown rule `{}`", id.get_ref()), span(id.span()))
                        .expected("the id of a rule, as `truce explain` lists them")
                        .hint(
                            did_you_mean(&lower, rules::registry().map(|rule| rule.id))
                                .unwrap_or_else(|| {
                                    "`truce explain` lists every rule with its id".to_string()
                                }),
                        )
                        .code(crate::error_code::ErrorCode::UnknownRule),
                );
                None
            }
        }
    };
    let select = written
        .select
        .as_ref()
        .map(|ids| ids.iter().filter_map(&mut rule).collect());
    let ignore = written.ignore.iter().filter_map(&mut rule).collect();
    let mut severity = HashMap::new();
    let mut levels = Vec::new();
    for (id, level) in &written.severity {
        if let Some(id) = rule(id) {
            levels.push((id, level));
        }
    }
    for (id, level) in levels {
        match Level::parse(level.get_ref()) {
            Some(level) => {
                severity.insert(id, level);
            }
            None => errors.push(
                Diagnostic::new(
                    format!("unknown severity `{}`", level.get_ref()),
                    span(level.span()),
                )
                .expected(format!("one of: {}", Level::NAMES.join(", ")))
                .maybe_hint(did_you_mean(
                    &level.get_ref().to_ascii_lowercase(),
                    Level::NAMES.iter().copied(),
                )),
            ),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let paths = written
        .paths
        .unwrap_or_default()
        .into_iter()
        .map(|path| folder.join(path.into_inner()))
        .collect();
    Ok(Config {
        file: None,
        paths,
        severity,
        select,
        ignore,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Config, Vec<String>> {
        let mut sources = Sources::default();
        let id = sources.add(SourceFile::new("truce.toml", text));
        parse(id, &sources.get(id).text, Path::new("project")).map_err(|errors| {
            errors
                .iter()
                .map(|error| {
                    let at = error.span.and_then(|span| sources.locate(span));
                    let at = at.map_or(String::new(), |at| at.to_string());
                    format!(
                        "{at}: {} ({})",
                        error.message,
                        error.hint.clone().unwrap_or_default()
                    )
                })
                .collect()
        })
    }

    #[test]
    fn reads_paths_severities_select_and_ignore() {
        let config = read(
            "paths = [\"agreements/\", \"/abs\"]\nselect = [\"No-Guarantor\", \"weak-commitment\"]\n\
             ignore = [\"weak-commitment\"]\n[severity]\nno-guarantor = \"error\"\nterm-deferred = \"allow\"\n",
        )
        .expect("reads");
        assert_eq!(
            config.paths,
            [PathBuf::from("project/agreements/"), PathBuf::from("/abs")]
        );
        assert_eq!(
            config.severity.get("no-guarantor"),
            Some(&Level::Report(Severity::Error))
        );
        assert!(config.enabled("no-guarantor"));
        assert!(!config.enabled("weak-commitment"), "ignored");
        assert!(!config.enabled("detainee-no-deadline"), "not selected");
        assert!(!config.enabled("term-deferred"), "allowed");
    }

    #[test]
    fn errors_are_located_with_a_did_you_mean() {
        let errors = read("[severity]\nno-guarantr = \"warning\"\nweak-commitment = \"loud\"\n")
            .expect_err("an unknown rule");
        assert_eq!(
            errors,
            [
                "truce.toml:2:1: unknown rule `no-guarantr` (did you mean `no-guarantor`?)",
                "truce.toml:3:19: unknown severity `loud` ()",
            ]
        );
        let errors = read("select = \"no-guarantor\"\n").expect_err("not a list");
        assert!(errors[0].starts_with("truce.toml:1:10: "), "{errors:?}");
        let errors = read("colour = 1\n").expect_err("an unknown key");
        assert!(errors[0].contains("colour"), "{errors:?}");
    }

    #[test]
    fn applies_severities_and_drops_what_is_off() {
        let finding = |rule: &'static str| Finding {
            rule,
            severity: Severity::Warning,
            document: "a".into(),
            clauses: Default::default(),
            message: Default::default(),
            span: Span::default(),
            basis: None,
            gain: None,
        };
        let config = read("[severity]\nno-guarantor = \"error\"\nweak-commitment = \"allow\"\n")
            .expect("reads");
        let applied = config.apply(vec![
            finding("no-guarantor"),
            finding("weak-commitment"),
            finding("term-deferred"),
        ]);
        let seen: Vec<(&str, Severity)> = applied.iter().map(|f| (f.rule, f.severity)).collect();
        assert_eq!(
            seen,
            [
                ("no-guarantor", Severity::Error),
                ("term-deferred", Severity::Warning)
            ]
        );
    }

    #[test]
    fn discovery_looks_in_the_folders_above() {
        let root = tempfile::tempdir().expect("a folder");
        let deep = root.path().join("a/b");
        std::fs::create_dir_all(&deep).expect("folders");
        std::fs::write(root.path().join(FILE_NAME), "").expect("written");
        let found = Config::discover(&deep).expect("found above");
        assert_eq!(
            std::fs::canonicalize(&found).ok(),
            std::fs::canonicalize(root.path().join(FILE_NAME)).ok()
        );
        assert!(
            found.starts_with(&deep),
            "relative to where it started: {found:?}"
        );
    }
}
