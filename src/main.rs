//! The `truce` command: arguments in, library calls, output and an exit code out.
//! Each command is a call into `truce::app`, which returns what to write and
//! which exit code applies; everything else lives in the library.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use truce::rules::Severity;
use truce::{app, format};

/// Exit codes, as the README documents them.
const CLEAN: u8 = 0;
const FINDINGS: u8 = 1;
const INPUT_ERROR: u8 = 2;

#[derive(Parser)]
#[command(
    name = "truce",
    version,
    about = "Check ceasefire and local-settlement agreements for missing guarantees and conflicting terms"
)]
struct Cli {
    /// When to colour the output; `auto` colours a terminal unless NO_COLOR is set.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto, global = true)]
    color: ColorChoice,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check agreements against the rule catalogue.
    Check {
        /// Files or folders (searched for *.truce).
        #[arg(value_name = "PATH", default_value = "agreements/")]
        paths: Vec<PathBuf>,

        /// How to write the findings.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,

        /// The lowest severity that fails the run (exit code 1).
        #[arg(long, value_enum, value_name = "SEVERITY", default_value_t = Level::Error)]
        deny: Level,

        /// Add each rule's explanation to its findings.
        #[arg(long)]
        explain: bool,

        /// Show only findings that rest on an agreement's own text: leave out what
        /// is missing only from reports of a text (`known_from summary`, ...).
        #[arg(long)]
        text_only: bool,

        /// Check the documents against a party's red lines instead: a
        /// `requirements` id, or a file holding one. Unmet or violated red lines
        /// fail the run (exit code 1).
        #[arg(long, value_name = "REQUIREMENTS")]
        against: Option<String>,
    },
    /// Run the `test` blocks: one line per test, `N passed, N failed`, exit code 1
    /// on any failure.
    Test {
        /// Files or folders (searched for *.truce).
        #[arg(value_name = "PATH", default_value = "agreements/")]
        paths: Vec<PathBuf>,

        /// Also report which rules the tests showed firing and which they never did.
        #[arg(long)]
        coverage: bool,
    },
    /// The matrix of documents × clause kinds (and × red lines with --against).
    Coverage {
        /// Files or folders (searched for *.truce).
        #[arg(value_name = "PATH", default_value = "agreements/")]
        paths: Vec<PathBuf>,

        /// Add a column per red line of these requirements (an id or a file).
        #[arg(long, value_name = "REQUIREMENTS")]
        against: Option<String>,

        /// How to write the matrix.
        #[arg(long, value_enum, default_value_t = CoverageFormat::Text)]
        format: CoverageFormat,

        /// Clause kinds every document must have; any missing fails the run
        /// (exit code 1).
        #[arg(long, value_name = "KIND,...", value_delimiter = ',')]
        require: Vec<String>,
    },
    /// Explain a rule: what it finds, why it matters, an example. Without a rule,
    /// list every rule.
    Explain {
        /// A rule id, such as `no-guarantor`.
        #[arg(value_name = "RULE")]
        rule: Option<String>,
    },
    /// List documents: id, date, status, parties, clauses.
    List {
        /// Files or folders (searched for *.truce).
        #[arg(value_name = "PATH", default_value = "agreements/")]
        paths: Vec<PathBuf>,
    },
    /// Rewrite files in the canonical layout, keeping every word and comment.
    /// Files that do not parse are left untouched (exit code 2).
    Fmt {
        /// Files or folders (searched for *.truce).
        #[arg(value_name = "PATH", default_value = "agreements/")]
        paths: Vec<PathBuf>,

        /// Write nothing; list the files whose layout would change (exit code 1).
        #[arg(long, conflicts_with = "stdout")]
        check: bool,

        /// Print the canonical layout instead of rewriting the files.
        #[arg(long)]
        stdout: bool,
    },
    /// Write the checked model (documents, parties, places, clauses, resolved
    /// deadlines, spans) for other tools. Every command reads it back.
    Export {
        /// Files or folders (searched for *.truce).
        #[arg(value_name = "PATH", default_value = "agreements/")]
        paths: Vec<PathBuf>,

        /// The format to write.
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
    },
    /// Compare drafts clause by clause, oldest first: what each keeps, adds,
    /// drops, hardens or softens. With three or more, each against the one before.
    Compare {
        /// Document ids (searched for with --in) or files holding one document.
        #[arg(value_name = "DOCUMENT", num_args = 2.., required = true)]
        documents: Vec<String>,

        /// Where to search for document ids: a file or folder; repeat for more.
        #[arg(long = "in", value_name = "PATH", default_value = "agreements/")]
        search: Vec<PathBuf>,

        /// How to write the comparison.
        #[arg(long, value_enum, default_value_t = CompareFormat::Text)]
        format: CompareFormat,

        /// Width of the text report, 40 to 1000; default `COLUMNS`, the terminal's,
        /// or 100.
        #[arg(long, value_name = "COLUMNS", value_parser = width_in_range)]
        width: Option<usize>,

        /// The lowest severity of a comparison finding that fails the run (exit
        /// code 1): `warning` fails on a dropped guarantee or a weakened
        /// commitment.
        #[arg(long, value_enum, value_name = "SEVERITY", default_value_t = Level::Error)]
        deny: Level,
    },
    /// Every dated event of a thread in order: signings, deadlines (relative ones
    /// resolved), terms, terminations, ultimatums.
    Timeline {
        /// Files or folders (searched for *.truce).
        #[arg(value_name = "PATH", default_value = "agreements/")]
        paths: Vec<PathBuf>,

        /// How to write the timeline.
        #[arg(long, value_enum, default_value_t = TimelineFormat::Text)]
        format: TimelineFormat,
    },
    /// A language server for editors, over stdin and stdout: diagnostics as you
    /// type, hover, go to definition, completion and formatting.
    Lsp,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

impl Format {
    fn app(self) -> app::check::Format {
        match self {
            Format::Text => app::check::Format::Text,
            Format::Json => app::check::Format::Json,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum CoverageFormat {
    Text,
    Markdown,
    Csv,
    Json,
}

impl CoverageFormat {
    fn app(self) -> app::coverage::Format {
        match self {
            CoverageFormat::Text => app::coverage::Format::Text,
            CoverageFormat::Markdown => app::coverage::Format::Markdown,
            CoverageFormat::Csv => app::coverage::Format::Csv,
            CoverageFormat::Json => app::coverage::Format::Json,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    /// The versioned JSON of grammar/truce.schema.json.
    Json,
}

impl ExportFormat {
    fn app(self) -> app::corpus::ExportFormat {
        match self {
            ExportFormat::Json => app::corpus::ExportFormat::Json,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum CompareFormat {
    Text,
    Markdown,
    Json,
    /// One self-contained page.
    Html,
}

impl CompareFormat {
    fn app(self) -> app::compare::Format {
        match self {
            CompareFormat::Text => app::compare::Format::Text,
            CompareFormat::Markdown => app::compare::Format::Markdown,
            CompareFormat::Json => app::compare::Format::Json,
            CompareFormat::Html => app::compare::Format::Html,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum TimelineFormat {
    Text,
    Json,
}

impl TimelineFormat {
    fn app(self) -> app::compare::TimelineFormat {
        match self {
            TimelineFormat::Text => app::compare::TimelineFormat::Text,
            TimelineFormat::Json => app::compare::TimelineFormat::Json,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Level {
    Error,
    Warning,
    Info,
}

impl Level {
    fn severity(self) -> Severity {
        match self {
            Level::Error => Severity::Error,
            Level::Warning => Severity::Warning,
            Level::Info => Severity::Info,
        }
    }
}

/// Colour for one stream: `--color always|never` wins; `auto` colours a
/// terminal unless `NO_COLOR` is set (to anything non-empty) or `TERM=dumb`.
fn use_color(choice: ColorChoice, terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            terminal
                && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
                && std::env::var_os("TERM").is_none_or(|term| term != "dumb")
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    colored::control::set_override(use_color(cli.color, std::io::stdout().is_terminal()));
    let stderr_color = use_color(cli.color, std::io::stderr().is_terminal());
    let outcome = match cli.command {
        Command::Check {
            paths,
            against: Some(against),
            format,
            ..
        } => app::check::red_lines(&paths, &against, format.app()),
        Command::Check {
            paths,
            format,
            deny,
            explain,
            text_only,
            against: None,
        } => app::check::findings(&paths, format.app(), deny.severity(), explain, text_only),
        Command::Test { paths, coverage } => app::test_blocks::run(&paths, coverage),
        Command::Coverage {
            paths,
            against,
            format,
            require,
        } => app::coverage::run(
            &paths,
            against.as_deref(),
            format.app(),
            &require,
            app::terminal_width(),
        ),
        Command::Explain { rule } => app::explain::run(rule.as_deref()),
        Command::List { paths } => app::corpus::list(&paths),
        Command::Fmt {
            paths,
            check,
            stdout,
        } => {
            let mode = match (check, stdout) {
                (true, _) => format::Mode::Check,
                (false, true) => format::Mode::Stdout,
                (false, false) => format::Mode::Write,
            };
            app::corpus::fmt(&paths, mode)
        }
        Command::Export { paths, format } => app::corpus::export(&paths, format.app()),
        Command::Compare {
            documents,
            search,
            format,
            width,
            deny,
        } => {
            let width = width.unwrap_or_else(app::terminal_width);
            app::compare::run(&documents, &search, format.app(), width, deny.severity())
        }
        Command::Timeline { paths, format } => app::compare::timeline(&paths, format.app()),
        Command::Lsp => return serve_lsp(),
    };
    ExitCode::from(finish(outcome, stderr_color))
}

/// `truce lsp`: serve until the editor says `exit`; a broken connection is an
/// error on stderr (stdout carries the protocol).
fn serve_lsp() -> ExitCode {
    match truce::lsp::run() {
        Ok(()) => ExitCode::from(CLEAN),
        Err(error) => {
            write_stderr(&format!("error: truce lsp: {error}\n"));
            ExitCode::from(INPUT_ERROR)
        }
    }
}

/// Write what a command did, and give its exit code.
fn finish(outcome: app::Outcome, color: bool) -> u8 {
    if !outcome.report.is_empty() {
        if outcome.verbatim {
            write_stdout(&outcome.report);
        } else {
            write_stdout(&truce::report::terminal_safe(&outcome.report));
        }
    }
    let stderr = outcome.stderr(color);
    if !stderr.is_empty() {
        write_stderr(&stderr);
    }
    match outcome.exit {
        app::Exit::Clean => CLEAN,
        app::Exit::Findings => FINDINGS,
        app::Exit::InputError => INPUT_ERROR,
    }
}

/// Write a whole report at once. A closed pipe (`truce check | head`) is not an
/// error: the reader has what it wanted. Any other failure to write is.
fn write_stdout(text: &str) {
    let mut stdout = std::io::stdout().lock();
    if let Err(error) = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        && error.kind() != std::io::ErrorKind::BrokenPipe
    {
        write_stderr(&format!("error: cannot write the report: {error}\n"));
        std::process::exit(INPUT_ERROR.into());
    }
}

fn write_stderr(text: &str) {
    let text = truce::report::terminal_safe(text);
    let mut stderr = std::io::stderr().lock();
    let _ = stderr
        .write_all(text.as_bytes())
        .and_then(|()| stderr.flush());
}

/// A `--width` truce can lay out: from [`app::MIN_WIDTH`] to [`app::MAX_WIDTH`].
fn width_in_range(text: &str) -> Result<usize, String> {
    let width: usize = text
        .parse()
        .map_err(|_| format!("`{text}` is not a whole number of columns"))?;
    if (app::MIN_WIDTH..=app::MAX_WIDTH).contains(&width) {
        Ok(width)
    } else {
        Err(format!(
            "a width of {width} columns is outside {} to {}",
            app::MIN_WIDTH,
            app::MAX_WIDTH
        ))
    }
}
