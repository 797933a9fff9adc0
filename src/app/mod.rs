//! The commands of the `truce` binary, as library calls.
//!
//! Each command takes what the command line gave and returns an [`Outcome`]: the
//! report for standard output, input errors and messages for standard error, and
//! which exit code applies. The binary (`src/main.rs`) parses the arguments,
//! chooses colour, writes the outcome and exits; tests can run a command
//! in-process and read what it would have printed.
//!
//! One module per command family: [`check`] (findings, and red lines with
//! `--against`), [`test_blocks`] (`truce test`), [`coverage`], [`compare`] (and
//! the timeline), [`corpus`] (list, export, fmt), [`explain`] (the rules) and
//! [`stats`];
//! [`requirements`] finds what
//! `--against` names, and [`terminal`] the width text reports fit.

pub mod check;
pub mod compare;
pub mod corpus;
pub mod coverage;
pub mod explain;
pub mod pax;
pub mod requirements;
pub mod stats;
pub mod terminal;
pub mod test_blocks;

pub use requirements::{WithRequirements, load_with_requirements};
pub use terminal::{MAX_WIDTH, MIN_WIDTH, terminal_width};

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::load::{Loaded, STDIN_NAME};
use crate::report::{self, diagnostics};
use crate::source::{FileId, Sources};

/// What every command that reads paths shares: the project's settings
/// (`truce.toml`) and the name standard input goes by.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    pub config: Config,
    /// What messages call standard input (the path `-`); `<stdin>` when `None`.
    pub stdin_name: Option<String>,
}

impl Settings {
    /// `--config FILE`, else the nearest `truce.toml` from the working folder up,
    /// else the defaults. A file that cannot be read or has errors is an input
    /// error, reported as one.
    pub fn read(config: Option<&Path>, stdin_name: Option<String>) -> Result<Settings, Outcome> {
        let file = match config {
            Some(file) => Some(file.to_path_buf()),
            None => Config::discover(Path::new(".")),
        };
        let mut sources = Sources::default();
        let config = match file {
            Some(file) => match Config::load(&file, &mut sources) {
                Ok(config) => config,
                Err(errors) => return Err(Outcome::input_errors(errors, sources)),
            },
            None => Config::default(),
        };
        Ok(Settings { config, stdin_name })
    }

    /// The paths a command reads: those given, else the config's, else
    /// `agreements/`.
    pub fn paths(&self, given: &[PathBuf]) -> Vec<PathBuf> {
        self.config.paths_or_default(given)
    }

    pub fn stdin_name(&self) -> &str {
        self.stdin_name.as_deref().unwrap_or(STDIN_NAME)
    }

    /// Load what the command line gave (or the default paths).
    pub fn load(&self, given: &[PathBuf]) -> Loaded {
        crate::load_inputs(&self.paths(given), self.stdin_name())
    }
}

/// The files with an input error: the ones whose documents are left out when
/// the others are still checked.
pub fn files_with_errors(errors: &[Diagnostic]) -> std::collections::HashSet<FileId> {
    errors
        .iter()
        .filter_map(|error| error.span)
        .chain(
            errors
                .iter()
                .flat_map(|error| error.related.iter().map(|(span, _)| *span)),
        )
        .map(|span| span.file)
        .collect()
}

/// Take the input errors out of `loaded`, and with them the documents of the
/// files they are in (requirements and tests too), so that one bad file does
/// not hide what the others hold.
pub fn set_aside_broken(loaded: &mut Loaded) -> Vec<Diagnostic> {
    let errors = std::mem::take(&mut loaded.errors);
    if errors.is_empty() {
        return errors;
    }
    let broken = files_with_errors(&errors);
    let corpus = &mut loaded.corpus;
    corpus
        .documents
        .retain(|document| !broken.contains(&document.span.file));
    corpus
        .requirements
        .retain(|requirements| !broken.contains(&requirements.header.span.file));
    corpus
        .tests
        .retain(|test| !broken.contains(&test.span.file));
    errors
}

/// What a command built and hands back with its outcome instead of freeing
/// it: the binary, whose process ends next, leaves it to the operating system
/// (at 5,000 documents freeing the model cost 40-46 ms of every run); a
/// library caller or a test drops it as usual.
#[derive(Default)]
pub struct Retained(Vec<Box<dyn std::any::Any>>);

impl Retained {
    pub fn keep<T: 'static>(&mut self, value: T) {
        self.0.push(Box::new(value));
    }
}

impl std::fmt::Debug for Retained {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Retained({} values)", self.0.len())
    }
}

/// What a command did: what to write where, and which exit code applies.
#[derive(Debug, Default)]
pub struct Outcome {
    /// The report, for standard output, written whole; may be empty.
    pub report: String,
    /// Input errors, for standard error.
    pub input_errors: Option<InputErrors>,
    /// Plain lines for standard error after any input errors, such as the
    /// documents that lack a kind `--require` asks for.
    pub messages: String,
    pub exit: Exit,
    /// Whether the report is data to write byte for byte (formatted source, a
    /// JSON export) rather than text for a terminal, whose control characters
    /// are escaped.
    pub verbatim: bool,
    /// The model and findings the command built, for the binary to leave
    /// unfreed at exit.
    pub retained: Retained,
}

/// Which of the exit codes the README documents applies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Exit {
    /// Nothing failed the run.
    #[default]
    Clean,
    /// What the command checks failed: findings at or above `--deny`, unmet or
    /// violated red lines, failed tests, files `fmt --check` would change,
    /// documents lacking required kinds.
    Findings,
    /// The input could not be read, or an argument names nothing.
    InputError,
    /// truce itself went wrong (a rule fired outside what it declares it
    /// applies to); nothing was reported.
    Internal,
}

/// Input errors with the sources their spans point into.
#[derive(Debug)]
pub struct InputErrors {
    pub errors: Vec<Diagnostic>,
    pub sources: Sources,
    /// What the line after the errors says became of the input.
    pub consequence: Consequence,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Consequence {
    /// Nothing was checked until the errors are fixed.
    NothingChecked,
    /// `truce fmt`: the files with errors were left untouched, the rest formatted.
    FilesLeftUntouched,
    /// An argument named nothing; no input was read, and the error says it all.
    BadArgument,
    /// The files with errors were left out; the others were checked, and what
    /// was found in them is reported.
    OthersChecked,
}

impl Outcome {
    /// A report; `failed` says whether what it reports fails the run.
    pub fn report(report: String, failed: bool) -> Outcome {
        Outcome {
            report,
            exit: if failed { Exit::Findings } else { Exit::Clean },
            ..Outcome::default()
        }
    }

    /// Input errors: nothing was checked.
    pub fn input_errors(errors: Vec<Diagnostic>, sources: Sources) -> Outcome {
        Outcome {
            input_errors: Some(InputErrors {
                errors,
                sources,
                consequence: Consequence::NothingChecked,
            }),
            exit: Exit::InputError,
            ..Outcome::default()
        }
    }

    /// An argument that names nothing, or asks for what cannot be: no input was
    /// read, and the error says it all.
    pub fn bad_argument(message: String, hint: Option<String>) -> Outcome {
        let mut outcome =
            Outcome::input_errors(vec![argument_error(message, hint)], Sources::default());
        if let Some(InputErrors { consequence, .. }) = &mut outcome.input_errors {
            *consequence = Consequence::BadArgument;
        }
        outcome
    }

    /// A report on the files that loaded, with the input errors of the others
    /// (if any): then the run fails with the input-error code, and the line
    /// after the errors says whether anything was checked.
    pub fn partial(
        report: String,
        failed: bool,
        errors: Vec<Diagnostic>,
        sources: Sources,
        checked_any: bool,
    ) -> Outcome {
        if errors.is_empty() {
            return Outcome::report(report, failed);
        }
        Outcome {
            report,
            input_errors: Some(InputErrors {
                errors,
                sources,
                consequence: if checked_any {
                    Consequence::OthersChecked
                } else {
                    Consequence::NothingChecked
                },
            }),
            exit: Exit::InputError,
            ..Outcome::default()
        }
    }

    /// Everything for standard error: the input errors, the line saying what
    /// became of the input, then the messages.
    pub fn stderr(&self, color: bool) -> String {
        self.stderr_with(color, false)
    }

    /// [`Outcome::stderr`]; with `quiet` (`--quiet`), without the line saying
    /// what became of the input: only the errors and messages.
    pub fn stderr_with(&self, color: bool, quiet: bool) -> String {
        let mut out = String::new();
        if let Some(input) = &self.input_errors {
            out.push_str(&diagnostics::render(&input.errors, &input.sources, color));
            let count = input.errors.len();
            match input.consequence {
                _ if quiet => {}
                Consequence::NothingChecked => {
                    out.push_str(&diagnostics::summary(count, color));
                }
                Consequence::FilesLeftUntouched => out.push_str(&format!(
                    "error: {count} input error{}; the files with errors were left untouched\n",
                    if count == 1 { "" } else { "s" }
                )),
                Consequence::OthersChecked => out.push_str(&format!(
                    "error: {count} input error{}; the files with errors were left out, the others checked\n",
                    if count == 1 { "" } else { "s" }
                )),
                Consequence::BadArgument => {}
            }
        }
        out.push_str(&self.messages);
        out
    }
}

/// The formats a CI system reads, which `check` and `compare` both write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CiFormat {
    /// SARIF 2.1.0, for code-scanning pages.
    Sarif,
    /// GitHub Actions workflow commands, shown as annotations.
    Github,
}

/// Findings (in the order given) and input errors for a CI system, paths
/// relative to the working directory: the one place that reads it.
fn ci_report(
    format: CiFormat,
    findings: &[&crate::rules::Finding],
    errors: &[Diagnostic],
    sources: &Sources,
) -> String {
    let base = std::env::current_dir().ok();
    match format {
        CiFormat::Sarif => report::sarif::render(findings, errors, sources, base.as_deref()),
        CiFormat::Github => report::github::render(findings, errors, sources, base.as_deref()),
    }
}

/// An input error about a word on the command line: no file, no path.
fn argument_error(message: String, hint: Option<String>) -> Diagnostic {
    let mut error = Diagnostic::for_path(message, "")
        .code(crate::error_code::ErrorCode::UnknownArgument)
        .maybe_hint(hint);
    error.path = None;
    error
}
