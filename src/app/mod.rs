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
//! the timeline), [`corpus`] (list, export, fmt) and [`explain`] (the rules);
//! [`requirements`] finds what
//! `--against` names, and [`terminal`] the width text reports fit.

pub mod check;
pub mod compare;
pub mod corpus;
pub mod coverage;
pub mod explain;
pub mod requirements;
pub mod terminal;
pub mod test_blocks;

pub use requirements::{WithRequirements, load_with_requirements};
pub use terminal::{MAX_WIDTH, MIN_WIDTH, terminal_width};

use crate::diagnostic::Diagnostic;
use crate::report::diagnostics;
use crate::source::Sources;

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

    /// Everything for standard error: the input errors, the line saying what
    /// became of the input, then the messages.
    pub fn stderr(&self, color: bool) -> String {
        let mut out = String::new();
        if let Some(input) = &self.input_errors {
            out.push_str(&diagnostics::render(&input.errors, &input.sources, color));
            let count = input.errors.len();
            match input.consequence {
                Consequence::NothingChecked => {
                    out.push_str(&diagnostics::summary(count, color));
                }
                Consequence::FilesLeftUntouched => out.push_str(&format!(
                    "error: {count} input error{}; the files with errors were left untouched\n",
                    if count == 1 { "" } else { "s" }
                )),
                Consequence::BadArgument => {}
            }
        }
        out.push_str(&self.messages);
        out
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
