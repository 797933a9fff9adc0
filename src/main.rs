//! The `truce` command: arguments in, library calls, output and an exit code out.
//! Each command is a call into `truce::app`, which returns what to write and
//! which exit code applies; everything else lives in the library.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use truce::rules::Severity;
use truce::{app, format};

/// Exit codes, as the README documents them.
const CLEAN: u8 = 0;
const FINDINGS: u8 = 1;
const INPUT_ERROR: u8 = 2;
const INTERNAL_ERROR: u8 = 3;

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

    /// Only the findings and errors: no summary lines (counts, `N passed`, the
    /// line after input errors) and no passing tests.
    #[arg(short, long, global = true)]
    quiet: bool,

    /// The settings to use, instead of the nearest truce.toml from the working
    /// folder up.
    #[arg(long, value_name = "FILE", global = true)]
    config: Option<PathBuf>,

    /// The file name standard input (the path `-`) goes by in messages; a name
    /// ending in `.json` reads it as an export.
    #[arg(long, value_name = "NAME", global = true)]
    stdin_filename: Option<String>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check agreements against the rule catalogue.
    Check {
        /// Files or folders (searched for *.truce, honouring .gitignore); `-` reads
        /// standard input. Default: `paths` in truce.toml, else agreements/.
        #[arg(value_name = "PATH")]
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

        /// List the findings `allow` lines cover, each with its reason.
        #[arg(long)]
        show_suppressed: bool,

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
        /// Files or folders (searched for *.truce, honouring .gitignore); `-` reads
        /// standard input. Default: `paths` in truce.toml, else agreements/.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,

        /// Also report which rules the tests showed firing and which they never did.
        #[arg(long)]
        coverage: bool,

        /// With --coverage: fail the run (exit code 1) when the tests show fewer
        /// than this percentage of the rules firing.
        #[arg(long, value_name = "PERCENT", requires = "coverage", value_parser = percentage)]
        threshold: Option<f64>,

        /// How to write the results.
        #[arg(long, value_enum, default_value_t = TestFormat::Text)]
        format: TestFormat,
    },
    /// The matrix of documents × clause kinds (and × red lines with --against).
    Coverage {
        /// Files or folders (searched for *.truce, honouring .gitignore); `-` reads
        /// standard input. Default: `paths` in truce.toml, else agreements/.
        #[arg(value_name = "PATH")]
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
        /// A rule id, such as `no-guarantor` (in any case).
        #[arg(value_name = "RULE")]
        rule: Option<String>,

        /// How to write the rules.
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
    },
    /// List documents: id, date, status, parties, clauses.
    List {
        /// Files or folders (searched for *.truce, honouring .gitignore); `-` reads
        /// standard input. Default: `paths` in truce.toml, else agreements/.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,

        /// How to write the list.
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
    },
    /// Rewrite files in the canonical layout, keeping every word and comment.
    /// Files that do not parse are left untouched (exit code 2).
    Fmt {
        /// Files or folders (searched for *.truce, honouring .gitignore); `-` reads
        /// standard input. Default: `paths` in truce.toml, else agreements/.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,

        /// Write nothing; list the files whose layout would change (exit code 1).
        #[arg(long, conflicts_with_all = ["stdout", "diff"])]
        check: bool,

        /// Print the canonical layout instead of rewriting the files.
        #[arg(long, conflicts_with = "diff")]
        stdout: bool,

        /// Write nothing; print a unified diff of what would change (exit code 1
        /// when anything would).
        #[arg(long)]
        diff: bool,
    },
    /// Write the checked model (documents, parties, places, clauses, resolved
    /// deadlines, spans) for other tools. Every command reads it back.
    Export {
        /// Files or folders (searched for *.truce, honouring .gitignore); `-` reads
        /// standard input. Default: `paths` in truce.toml, else agreements/.
        #[arg(value_name = "PATH")]
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
        /// Default: `paths` in truce.toml, else agreements/.
        #[arg(long = "in", value_name = "PATH")]
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
    /// Set truce's PA-X coding beside PA-X's own, for every document that states
    /// its PA-X id (`pax 1995`): codes in both, only in PA-X, only in truce, and
    /// grades within one step.
    PaxDiff {
        /// Files or folders (searched for *.truce).
        #[arg(value_name = "PATH", default_value = "agreements/")]
        paths: Vec<PathBuf>,

        /// PA-X's coding as CSV, in PA-X's column names.
        #[arg(long, value_name = "CSV")]
        against: PathBuf,

        /// Reasons for the disagreements, as CSV (AgtId,Code,Side,Basis,Reason).
        /// With it, an unexplained disagreement or a stale explanation fails the
        /// run (exit code 1).
        #[arg(long, value_name = "CSV")]
        explained: Option<PathBuf>,

        /// How to write the comparison.
        #[arg(long, value_enum, default_value_t = PaxDiffFormat::Text)]
        format: PaxDiffFormat,
    },
    /// Statistics over a corpus: how often each rule fires of how often it
    /// could, clause kinds and their gaps, rules against outcomes, and counts
    /// by year and by process (file).
    Stats {
        /// Files or folders (searched for *.truce).
        #[arg(value_name = "PATH", default_value = "agreements/")]
        paths: Vec<PathBuf>,

        /// How to write the statistics.
        #[arg(long, value_enum, default_value_t = StatsFormat::Text)]
        format: StatsFormat,
    },
    /// Every dated event of a thread in order: signings, deadlines (relative ones
    /// resolved), terms, terminations, ultimatums.
    Timeline {
        /// Files or folders (searched for *.truce, honouring .gitignore); `-` reads
        /// standard input. Default: `paths` in truce.toml, else agreements/.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,

        /// How to write the timeline.
        #[arg(long, value_enum, default_value_t = TimelineFormat::Text)]
        format: TimelineFormat,
    },
    /// Print a shell's completion script for truce, generated from these
    /// arguments; for example `truce completions bash > ~/.local/share/bash-completion/completions/truce`.
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), generated from these arguments: of truce,
    /// or of one command; for example `truce man | man -l -`.
    Man {
        /// A command, such as `check`, for its own page (`truce-check(1)`).
        #[arg(value_name = "COMMAND")]
        command: Option<String>,
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
    /// SARIF 2.1.0, for code-scanning pages.
    Sarif,
    /// GitHub Actions annotations (workflow commands).
    Github,
}

impl Format {
    fn app(self) -> app::check::Format {
        match self {
            Format::Text => app::check::Format::Text,
            Format::Json => app::check::Format::Json,
            Format::Sarif => app::check::Format::Sarif,
            Format::Github => app::check::Format::Github,
        }
    }
}

/// `--format` of the commands that write text for people or JSON for tools.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum TextOrJson {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum TestFormat {
    Text,
    /// JUnit XML, for a CI system's test report.
    Junit,
}

impl TestFormat {
    fn app(self) -> app::test_blocks::Format {
        match self {
            TestFormat::Text => app::test_blocks::Format::Text,
            TestFormat::Junit => app::test_blocks::Format::Junit,
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
    /// One row per document in PA-X's columns (AgtId, Agt, Dat, Status, ...,
    /// every provision code graded 0-3 or 0/1), as CSV.
    Pax,
    /// The PA-X rows as JSON, with what earned each code and where.
    PaxJson,
}

impl ExportFormat {
    fn app(self) -> app::corpus::ExportFormat {
        match self {
            ExportFormat::Json => app::corpus::ExportFormat::Json,
            ExportFormat::Pax => app::corpus::ExportFormat::Pax,
            ExportFormat::PaxJson => app::corpus::ExportFormat::PaxJson,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum PaxDiffFormat {
    Text,
    Json,
}

impl PaxDiffFormat {
    fn app(self) -> app::pax::Format {
        match self {
            PaxDiffFormat::Text => app::pax::Format::Text,
            PaxDiffFormat::Json => app::pax::Format::Json,
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
    /// SARIF 2.1.0: the comparison findings, for code-scanning pages.
    Sarif,
    /// GitHub Actions annotations (workflow commands).
    Github,
}

impl CompareFormat {
    fn app(self) -> app::compare::Format {
        match self {
            CompareFormat::Text => app::compare::Format::Text,
            CompareFormat::Markdown => app::compare::Format::Markdown,
            CompareFormat::Json => app::compare::Format::Json,
            CompareFormat::Html => app::compare::Format::Html,
            CompareFormat::Sarif => app::compare::Format::Sarif,
            CompareFormat::Github => app::compare::Format::Github,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum StatsFormat {
    Text,
    Markdown,
    /// One long table: `table,row,column,value`.
    Csv,
    Json,
    /// One self-contained page with bar charts.
    Html,
}

impl StatsFormat {
    fn app(self) -> app::stats::Format {
        match self {
            StatsFormat::Text => app::stats::Format::Text,
            StatsFormat::Markdown => app::stats::Format::Markdown,
            StatsFormat::Csv => app::stats::Format::Csv,
            StatsFormat::Json => app::stats::Format::Json,
            StatsFormat::Html => app::stats::Format::Html,
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
    let quiet = cli.quiet;
    let settings = match cli.command {
        // `explain` reads no input, and a broken truce.toml must not hide the rules.
        Command::Explain { .. } | Command::Completions { .. } | Command::Man { .. } => {
            app::Settings::default()
        }
        _ => match app::Settings::read(cli.config.as_deref(), cli.stdin_filename) {
            Ok(settings) => settings,
            Err(outcome) => return ExitCode::from(finish(outcome, stderr_color, quiet)),
        },
    };
    let outcome = match cli.command {
        Command::Check {
            paths,
            against: Some(against),
            format,
            ..
        } => app::check::red_lines(&paths, &against, format.app(), &settings),
        Command::Check {
            paths,
            format,
            deny,
            explain,
            text_only,
            show_suppressed,
            against: None,
        } => {
            let show = app::check::Show {
                explain,
                text_only,
                suppressed: show_suppressed,
                quiet,
            };
            app::check::check_with(&paths, format.app(), deny.severity(), show, &settings)
        }
        Command::Test {
            paths,
            coverage,
            threshold,
            format,
        } => app::test_blocks::run(
            &paths,
            app::test_blocks::Options {
                format: format.app(),
                coverage,
                threshold,
                quiet,
            },
            &settings,
        ),
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
            &settings,
        ),
        Command::Explain { rule, format } => {
            let format = match format {
                TextOrJson::Text => app::explain::Format::Text,
                TextOrJson::Json => app::explain::Format::Json,
            };
            app::explain::run(rule.as_deref(), format)
        }
        Command::List { paths, format } => {
            let format = match format {
                TextOrJson::Text => app::corpus::ListFormat::Text,
                TextOrJson::Json => app::corpus::ListFormat::Json,
            };
            app::corpus::list(&paths, format, &settings)
        }
        Command::Fmt {
            paths,
            check,
            stdout,
            diff,
        } => {
            let mode = match (check, stdout, diff) {
                (true, _, _) => format::Mode::Check,
                (false, true, _) => format::Mode::Stdout,
                (false, false, true) => format::Mode::Diff,
                (false, false, false) => format::Mode::Write,
            };
            app::corpus::fmt(&paths, mode, &settings)
        }
        Command::Export { paths, format } => app::corpus::export(&paths, format.app(), &settings),
        Command::Compare {
            documents,
            search,
            format,
            width,
            deny,
        } => {
            let width = width.unwrap_or_else(app::terminal_width);
            app::compare::run(
                &documents,
                &search,
                format.app(),
                width,
                deny.severity(),
                &settings,
            )
        }
        Command::Timeline { paths, format } => {
            app::compare::timeline(&paths, format.app(), &settings)
        }
        Command::PaxDiff {
            paths,
            against,
            explained,
            format,
        } => app::pax::diff(
            &paths,
            &against,
            explained.as_deref(),
            format.app(),
            &settings,
        ),
        Command::Stats { paths, format } => {
            app::stats::run(&paths, format.app(), app::terminal_width(), &settings)
        }
        Command::Completions { shell } => completions(shell),
        Command::Man { command } => manual(command.as_deref()),
        Command::Lsp => return serve_lsp(),
    };
    let mut outcome = outcome;
    // The process ends next: the model the command built is left to the
    // operating system rather than freed piece by piece.
    std::mem::forget(std::mem::take(&mut outcome.retained));
    ExitCode::from(finish(outcome, stderr_color, quiet))
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

/// A shell's completion script, from the argument definitions above.
fn completions(shell: clap_complete::Shell) -> app::Outcome {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "truce", &mut script);
    app::Outcome {
        verbatim: true,
        ..app::Outcome::report(String::from_utf8_lossy(&script).into_owned(), false)
    }
}

/// The manual page of truce, or of one of its commands, in roff.
fn manual(command: Option<&str>) -> app::Outcome {
    let mut truce = Cli::command();
    // Built, so that a command's page lists the global options too.
    truce.build();
    let page = match command {
        None => truce,
        Some(name) => {
            let Some(found) = truce.find_subcommand(name) else {
                let names = truce.get_subcommands().map(|command| command.get_name());
                let hint = truce::diagnostic::did_you_mean(name, names)
                    .or_else(|| Some("run `truce --help` to list the commands".to_string()));
                return app::Outcome::bad_argument(format!("unknown command `{name}`"), hint);
            };
            // Its page is truce-NAME(1); its synopsis reads `truce NAME`.
            found
                .clone()
                .display_name(format!("truce-{name}"))
                .bin_name(format!("truce {name}"))
        }
    };
    let mut roff = Vec::new();
    let man = clap_mangen::Man::new(page).source(format!("truce {}", env!("CARGO_PKG_VERSION")));
    if let Err(error) = man.render(&mut roff) {
        return app::Outcome {
            messages: format!("error: cannot write the manual page: {error}\n"),
            exit: app::Exit::InputError,
            ..app::Outcome::default()
        };
    }
    app::Outcome {
        verbatim: true,
        ..app::Outcome::report(String::from_utf8_lossy(&roff).into_owned(), false)
    }
}

/// Write what a command did, and give its exit code. With `quiet`, standard
/// error leaves out the line saying what became of the input.
fn finish(outcome: app::Outcome, color: bool, quiet: bool) -> u8 {
    if !outcome.report.is_empty() {
        if outcome.verbatim {
            write_stdout(&outcome.report);
        } else {
            write_stdout(&truce::report::terminal_safe(&outcome.report));
        }
    }
    let stderr = outcome.stderr_with(color, quiet);
    if !stderr.is_empty() {
        write_stderr(&stderr);
    }
    match outcome.exit {
        app::Exit::Clean => CLEAN,
        app::Exit::Findings => FINDINGS,
        app::Exit::InputError => INPUT_ERROR,
        app::Exit::Internal => INTERNAL_ERROR,
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

/// A `--threshold`: a percentage from 0 to 100.
fn percentage(text: &str) -> Result<f64, String> {
    match text.trim_end_matches('%').parse::<f64>() {
        Ok(percent) if (0.0..=100.0).contains(&percent) => Ok(percent),
        Ok(percent) => Err(format!("{percent} is not a percentage from 0 to 100")),
        Err(_) => Err(format!("`{text}` is not a number")),
    }
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
