//! The corpus benchmark: `cargo bench --bench corpus [-- --documents N --seed S]`.
//!
//! On one generated corpus (`tests/support/generate.rs`) of N documents (5,000
//! by default), and again on ten times as many, both sizes well past a 32 MiB
//! last-level cache, it times:
//! 1. reading the DSL into the checked model (parse, resolve, check references),
//!    against serde_json reading the same model from its JSON form (the
//!    interchange's wire types, converted into the model);
//! 2. every rule over the corpus;
//! 3. comparing every consecutive pair of documents;
//!
//! then, on the smaller corpus, truce's own JSON reader
//! (`truce::interchange::import` of what `truce export` writes: compact JSON
//! 4.3 times the DSL, with the source texts, spans checked and rebased, values
//! validated)
//! against reading the DSL, and the peak resident memory of `truce check`'s work
//! (load the files, check them, compare every pair) at both sizes against the
//! corpus's size in bytes. Each figure is printed as it is measured; the last
//! line holds them all as `key=value` pairs.
//!
//! Each time is the CPU time of the thread doing the work (its own, and the
//! kernel's on its behalf, such as page faults), not the wall clock: on a
//! shared machine, time spent waiting for a core is not the work's, and a long
//! run at the larger size is more exposed to it than a short one, which
//! inflated the growth factors. Each time is the fastest of the same number of
//! runs at both sizes, the two sizes taking turns: noise only ever adds time,
//! so the minimum is the steadiest estimate of what the work costs, and equal
//! counts taken side by side keep the growth factors fair. There are at most
//! [`MOST_RUNS`] runs of a phase, fewer when one run of the larger size takes
//! long ([`PHASE_SECONDS`]), never fewer than [`FEWEST_RUNS`]. Each phase
//! (parse, import, check, compare) runs in a fresh process, this benchmark
//! again with `--phase NAME`, which generates the corpus anew and hands its
//! figures back on a `figures:` line: like `truce check`, each phase then
//! allocates in a heap no earlier phase has left scattered with freed memory.
//! Memory is measured in a fresh process too (`--memory FOLDER`), so that
//! nothing the timing runs allocated counts.
//!
//! `-- --profile dsl|json|import|check|compare` repeats one phase on the larger
//! corpus (`import` on the smaller) for ten seconds, for `perf record` or
//! `valgrind --tool=callgrind` to watch.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use cpu_time::ThreadTime;

use truce::interchange::wire::{self, IntoModel, ToWire};
use truce::model::Corpus;

// Dev-only, shared with `tests/generate.rs`: the library does not ship it. The
// benchmark uses only part of it (not `write`, which also exports the JSON).
#[path = "../tests/support/generate.rs"]
#[allow(dead_code)]
mod generate;

use generate::GeneratedFile;

/// Documents in the default corpus; the large one has ten times as many. The
/// model of 5,000 is some 150 MiB, so neither size fits in the cache.
const DEFAULT_DOCUMENTS: usize = 5000;
const DEFAULT_SEED: u64 = 2026;
/// Runs of each timed phase, at each size: at most this many...
const MOST_RUNS: usize = 20;
/// ...as many as take about this long at the larger size...
const PHASE_SECONDS: f64 = 40.0;
/// ...and at least this many: at 200,000 documents one run takes 8 to 25 s,
/// and on a shared machine the fastest of three still moved by a tenth.
const FEWEST_RUNS: usize = 5;

enum Command {
    Bench {
        documents: usize,
        seed: u64,
    },
    Profile {
        phase: String,
        documents: usize,
        seed: u64,
    },
    Memory {
        folder: PathBuf,
    },
    Phase {
        name: String,
        documents: usize,
        seed: u64,
    },
}

fn main() {
    match arguments() {
        Command::Bench { documents, seed } => bench(documents, seed),
        Command::Profile {
            phase,
            documents,
            seed,
        } => repeat(&phase, seed, documents),
        Command::Memory { folder } => memory_child(&folder),
        Command::Phase {
            name,
            documents,
            seed,
        } => phase(&name, documents, seed),
    }
}

/// The phases, each timed in a process of its own.
const PHASES: [&str; 4] = ["parse", "import", "check", "compare"];

fn bench(documents: usize, seed: u64) {
    let started = Instant::now();
    println!(
        "truce corpus benchmark: seed {seed}; {documents} documents, then {} (10x); each time the fastest of up to {MOST_RUNS} runs, the two sizes taking turns; each phase in a fresh process",
        documents * 10
    );
    let small = Size::generate(seed, documents);
    let large = Size::generate(seed, documents * 10);
    let mut figures = Figures::default();
    for phase in PHASES {
        figures.0.extend(phase_child(phase, documents, seed).0);
    }
    let figure = |key: &str| figures.get(key);
    let mut peaks = Vec::new();
    for size in [small, large] {
        let peak = peak_memory(&size);
        let ratio = peak as f64 / size.bytes as f64;
        println!(
            "peak memory of loading, checking and comparing {} documents from .truce files: {:.1} MiB for {:.1} MiB of source, {ratio:.2}x",
            size.documents,
            mib(peak),
            mib(size.bytes),
        );
        peaks.push((peak, ratio));
    }
    let (small_peak, small_memory_ratio) = peaks[0];
    let (large_peak, memory_ratio) = peaks[1];
    println!("done in {:.1} s", started.elapsed().as_secs_f64());
    println!(
        "dsl_vs_json_ratio={:.3} check_docs_per_s={:.0} compare_pairs_per_s={:.0} parse_growth_10x={:.2} check_growth_10x={:.2} compare_growth_10x={:.2} peak_rss_vs_corpus={memory_ratio:.2} json_import_vs_dsl_ratio={:.2} peak_rss_vs_corpus_small={small_memory_ratio:.2} peak_rss_mib_small={:.1} peak_rss_mib_large={:.1} documents_small={documents} documents_large={}",
        figure("dsl_vs_json_ratio"),
        documents as f64 / figure("check_seconds"),
        (documents - 1) as f64 / figure("compare_seconds"),
        figure("parse_growth"),
        figure("check_growth"),
        figure("compare_growth"),
        figure("json_import_vs_dsl_ratio"),
        mib(small_peak),
        mib(large_peak),
        documents * 10,
    );
}

/// What a phase's process found, as `name value` pairs.
#[derive(Default)]
struct Figures(Vec<(String, f64)>);

impl Figures {
    fn get(&self, key: &str) -> f64 {
        self.0
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, value)| *value)
            .unwrap_or_else(|| fail(format!("no figure `{key}` from the phases")))
    }
}

/// The prefix of the line on which a phase's process hands its figures over.
const FIGURES: &str = "figures:";

/// Run one phase in a fresh process (this benchmark again with `--phase`),
/// print what it prints, and read its figures. Each phase in its own process,
/// as `truce check` runs: in one process, each phase ran in the heap the ones
/// before it left, scattered with their freed memory, and allocation there
/// cost more at the larger size than at the smaller. Check's growth read 11.5
/// to 12.8 after the other phases, 10.4 in a process of its own.
fn phase_child(phase: &str, documents: usize, seed: u64) -> Figures {
    let exe = std::env::current_exe()
        .unwrap_or_else(|error| fail(format!("cannot find this benchmark's program: {error}")));
    let output = std::process::Command::new(exe)
        .args(["--phase", phase, "--documents", &documents.to_string()])
        .args(["--seed", &seed.to_string()])
        .stderr(std::process::Stdio::inherit())
        .output()
        .unwrap_or_else(|error| fail(format!("cannot run the {phase} phase: {error}")));
    if !output.status.success() {
        fail(format!("the {phase} phase failed: {}", output.status));
    }
    let mut figures = Figures::default();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        match line.strip_prefix(FIGURES) {
            Some(pairs) => {
                for pair in pairs.split_whitespace() {
                    let parsed = pair
                        .split_once('=')
                        .and_then(|(key, value)| Some((key.to_string(), value.parse().ok()?)));
                    match parsed {
                        Some(figure) => figures.0.push(figure),
                        None => fail(format!("the {phase} phase wrote `{pair}`")),
                    }
                }
            }
            None => println!("{line}"),
        }
    }
    figures
}

/// In the child: one phase on both sizes; its figures on the last line.
fn phase(name: &str, documents: usize, seed: u64) {
    let small = Size::generate_quietly(seed, documents);
    let figures: Vec<(&str, f64)> = match name {
        "import" => vec![("json_import_vs_dsl_ratio", import_phase(&small))],
        _ => {
            let large = Size::generate_quietly(seed, documents * 10);
            match name {
                "parse" => {
                    let (ratio, growth) = parse_phase(&small, &large);
                    vec![("dsl_vs_json_ratio", ratio), ("parse_growth", growth)]
                }
                "check" => {
                    let (seconds, growth) = check_phase(&small, &large);
                    vec![("check_seconds", seconds), ("check_growth", growth)]
                }
                "compare" => {
                    let (seconds, growth) = compare_phase(&small, &large);
                    vec![("compare_seconds", seconds), ("compare_growth", growth)]
                }
                other => usage(&format!(
                    "unknown phase `{other}`: parse, import, check or compare"
                )),
            }
        }
    };
    let pairs: Vec<String> = figures
        .iter()
        .map(|(key, value)| format!("{key}={value}"))
        .collect();
    println!("{FIGURES} {}", pairs.join(" "));
}

/// The DSL against serde_json reading the same model: their ratio at the
/// smaller size, and the DSL's growth.
fn parse_phase(small: &Size, large: &Size) -> (f64, f64) {
    let (dsl, large_dsl, runs) = interleaved(small, large, time_dsl);
    println!("DSL: the fastest of {runs} runs");
    let small_json = small.json();
    let large_json = large.json();
    let (json, large_json_time, runs) = interleaved(small, large, |size| {
        let text = if size.documents == small.documents {
            &small_json
        } else {
            &large_json
        };
        let start = ThreadTime::now();
        let read = read_json(text);
        let elapsed = start.elapsed();
        black_box(&read);
        elapsed
    });
    println!("serde_json: the fastest of {runs} runs");
    let ratio = dsl.as_secs_f64() / json.as_secs_f64();
    let parse_growth = growth(large_dsl, dsl);
    for (size, dsl, json, text) in [
        (small, dsl, json, &small_json),
        (large, large_dsl, large_json_time, &large_json),
    ] {
        println!(
            "parse+validate DSL, {:>6} documents: {:>9.2} ms ({:.0} MiB/s); serde_json, same model: {:>9.2} ms ({:.1} MiB of JSON); DSL/JSON {:.3}",
            size.documents,
            ms(dsl),
            mib(size.bytes) / dsl.as_secs_f64(),
            ms(json),
            mib(text.len()),
            dsl.as_secs_f64() / json.as_secs_f64(),
        );
    }
    println!("parse growth for 10x documents: {parse_growth:.2}");
    (ratio, parse_growth)
}

/// truce's own JSON reader against the DSL, at the smaller size.
fn import_phase(small: &Size) -> f64 {
    let (import_dsl, import, runs) = truce_json_import(small);
    let import_ratio = import.as_secs_f64() / import_dsl.as_secs_f64();
    println!(
        "truce's own JSON reader (interchange::import of `truce export`), {} documents: {:.2} ms against {:.2} ms for the DSL, {import_ratio:.2}x (the fastest of {runs} runs each, taking turns)",
        small.documents,
        ms(import),
        ms(import_dsl),
    );
    import_ratio
}

/// The models of both sizes, loaded once for a phase that reads them.
struct Corpora {
    small_documents: usize,
    small: Corpus,
    large: Corpus,
}

impl Corpora {
    fn load(small: &Size, large: &Size) -> Corpora {
        Corpora {
            small_documents: small.documents,
            small: small.corpus(),
            large: large.corpus(),
        }
    }

    fn of(&self, size: &Size) -> &Corpus {
        if size.documents == self.small_documents {
            &self.small
        } else {
            &self.large
        }
    }
}

/// Every rule over the corpus: the smaller size's time, and the growth.
fn check_phase(small: &Size, large: &Size) -> (f64, f64) {
    let corpora = Corpora::load(small, large);
    let corpus_of = |size: &Size| corpora.of(size);
    let (check, large_check, runs) = interleaved(small, large, |size| {
        let corpus = corpus_of(size);
        let start = ThreadTime::now();
        let findings = truce::rules::check(corpus);
        let elapsed = start.elapsed();
        black_box(&findings);
        elapsed
    });
    let check_growth = growth(large_check, check);
    for (size, check) in [(small, check), (large, large_check)] {
        println!(
            "check, {:>6} documents: {:>9.2} ms ({:.0} documents/s, {} findings; the fastest of {runs} runs)",
            size.documents,
            ms(check),
            size.documents as f64 / check.as_secs_f64(),
            truce::rules::check(corpus_of(size)).len(),
        );
    }
    println!("check growth for 10x documents: {check_growth:.2}");
    (check.as_secs_f64(), check_growth)
}

/// Comparing every consecutive pair: the smaller size's time, and the growth.
fn compare_phase(small: &Size, large: &Size) -> (f64, f64) {
    let corpora = Corpora::load(small, large);
    let corpus_of = |size: &Size| corpora.of(size);
    let (compare, large_compare, runs) = interleaved(small, large, |size| {
        let corpus = corpus_of(size);
        let start = ThreadTime::now();
        for pair in corpus.documents.windows(2) {
            black_box(truce::rules::compare(&pair[0], &pair[1]));
        }
        start.elapsed()
    });
    let compare_growth = growth(large_compare, compare);
    for (size, compare) in [(small, compare), (large, large_compare)] {
        println!(
            "compare, {:>6} documents: {:>9.2} ms ({:.0} pairs/s; the fastest of {runs} runs)",
            size.documents,
            ms(compare),
            corpus_of(size).documents.len().saturating_sub(1) as f64 / compare.as_secs_f64(),
        );
    }
    println!("compare growth for 10x documents: {compare_growth:.2}");
    (compare.as_secs_f64(), compare_growth)
}

fn arguments() -> Command {
    let mut documents = DEFAULT_DOCUMENTS;
    let mut seed = DEFAULT_SEED;
    let mut profile = None;
    let mut memory = None;
    let mut phase = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .unwrap_or_else(|| usage(&format!("{name} needs a value")))
        };
        let number = |name: &str, text: String| -> u64 {
            text.parse()
                .unwrap_or_else(|_| usage(&format!("{name} needs a number, not `{text}`")))
        };
        match arg.as_str() {
            "--documents" => {
                documents = number("--documents", value("--documents")).max(2) as usize
            }
            "--seed" => seed = number("--seed", value("--seed")),
            "--profile" => profile = Some(value("--profile")),
            "--memory" => memory = Some(PathBuf::from(value("--memory"))),
            "--phase" => phase = Some(value("--phase")),
            // `cargo bench` passes `--bench` to every target.
            "--bench" => {}
            other => usage(&format!("unknown argument `{other}`")),
        }
    }
    if let Some(name) = phase {
        return Command::Phase {
            name,
            documents,
            seed,
        };
    }
    match (memory, profile) {
        (Some(folder), _) => Command::Memory { folder },
        (None, Some(phase)) => Command::Profile {
            phase,
            documents,
            seed,
        },
        (None, None) => Command::Bench { documents, seed },
    }
}

fn usage(message: &str) -> ! {
    eprintln!(
        "{message}\nusage: cargo bench --bench corpus [-- --documents N --seed S --profile dsl|json|import|check|compare]"
    );
    std::process::exit(2)
}

fn fail(message: String) -> ! {
    eprintln!("{message}");
    std::process::exit(1)
}

/// One generated corpus: its files, each phase making what else it needs.
struct Size {
    documents: usize,
    files: Vec<GeneratedFile>,
    bytes: usize,
}

impl Size {
    /// The corpus, checked once for input errors (and dropped), and its size
    /// printed.
    fn generate(seed: u64, documents: usize) -> Size {
        let size = Size::generate_quietly(seed, documents);
        println!(
            "{documents} documents: {} files, {:.2} MiB of DSL",
            size.files.len(),
            mib(size.bytes),
        );
        size
    }

    /// The corpus, checked once for input errors (and dropped).
    fn generate_quietly(seed: u64, documents: usize) -> Size {
        let files = generate::generate(seed, documents);
        let bytes = files.iter().map(|file| file.text.len()).sum();
        let size = Size {
            documents,
            files,
            bytes,
        };
        let loaded = truce::load_texts(size.inputs());
        if let Some(error) = loaded.errors.first() {
            fail(format!(
                "the generated corpus has {} input errors; the first: {}",
                loaded.errors.len(),
                error.message
            ));
        }
        size
    }

    /// The files as `truce::load_texts` takes them.
    fn inputs(&self) -> Vec<(String, String)> {
        owned(&self.files)
    }

    fn corpus(&self) -> Corpus {
        truce::load_texts(self.inputs()).corpus
    }

    /// The model as compact JSON in the interchange's wire types.
    fn json(&self) -> String {
        corpus_json(&self.corpus())
            .unwrap_or_else(|error| fail(format!("cannot write the corpus as JSON: {error}")))
    }
}

/// The fastest run at each size, the sizes taking turns, so that a busy spell
/// on the machine slows both alike rather than one; and how many runs.
fn interleaved(
    small: &Size,
    large: &Size,
    mut run: impl FnMut(&Size) -> Duration,
) -> (Duration, Duration, usize) {
    let mut fastest = (run(small), run(large));
    let runs = runs_for(fastest.1);
    for _ in 1..runs {
        fastest.0 = fastest.0.min(run(small));
        fastest.1 = fastest.1.min(run(large));
    }
    (fastest.0, fastest.1, runs)
}

/// How many runs of a phase whose larger run took `first`.
fn runs_for(first: Duration) -> usize {
    let fit = (PHASE_SECONDS / first.as_secs_f64().max(1e-9)) as usize;
    fit.clamp(FEWEST_RUNS, MOST_RUNS)
}

/// Reading the corpus's `truce export` JSON with [`truce::interchange::import`],
/// which does more than deserialise, against reading its DSL, taking turns:
/// the fastest of each, and how many runs.
fn truce_json_import(size: &Size) -> (Duration, Duration, usize) {
    let exported = {
        let loaded = truce::load_texts(size.inputs());
        truce::interchange::export(&loaded.corpus, &loaded.sources)
            .unwrap_or_else(|error| fail(format!("cannot export the corpus: {error}")))
    };
    let import = || {
        let mut sources = truce::source::Sources::default();
        let start = ThreadTime::now();
        let read = truce::interchange::import("corpus.json", &exported, &mut sources);
        let elapsed = start.elapsed();
        if let Err(errors) = &read {
            fail(format!(
                "the exported corpus does not read back: {:?}",
                errors.first()
            ));
        }
        black_box(&read);
        elapsed
    };
    let dsl = || time_dsl(size);
    let mut fastest = (dsl(), import());
    let runs = runs_for(fastest.0 + fastest.1);
    for _ in 1..runs {
        fastest.0 = fastest.0.min(dsl());
        fastest.1 = fastest.1.min(import());
    }
    (fastest.0, fastest.1, runs)
}

/// One reading of the corpus's DSL into the checked model: its CPU time.
fn time_dsl(size: &Size) -> Duration {
    let input = size.inputs();
    let start = ThreadTime::now();
    let loaded = truce::load_texts(input);
    let elapsed = start.elapsed();
    black_box(&loaded);
    elapsed
}

fn growth(large: Duration, small: Duration) -> f64 {
    large.as_secs_f64() / small.as_secs_f64()
}

/// Write the corpus as `.truce` files and run this benchmark again on them with
/// `--memory`: a fresh process whose peak resident memory (in bytes) is only
/// what loading, checking and comparing took.
fn peak_memory(size: &Size) -> usize {
    let folder = tempfile::tempdir()
        .unwrap_or_else(|error| fail(format!("cannot make a temporary folder: {error}")));
    for file in &size.files {
        std::fs::write(folder.path().join(&file.name), &file.text)
            .unwrap_or_else(|error| fail(format!("cannot write the corpus: {error}")));
    }
    let exe = std::env::current_exe()
        .unwrap_or_else(|error| fail(format!("cannot find this benchmark's program: {error}")));
    let output = std::process::Command::new(exe)
        .arg("--memory")
        .arg(folder.path())
        .output()
        .unwrap_or_else(|error| fail(format!("cannot run the memory measurement: {error}")));
    let text = String::from_utf8_lossy(&output.stdout);
    text.trim()
        .parse()
        .unwrap_or_else(|_| fail(format!("the memory measurement failed: {text}")))
}

/// In the child: `truce check`'s work on the folder, then print VmHWM in bytes.
fn memory_child(folder: &Path) {
    let loaded = truce::load_paths(&[folder.to_path_buf()]);
    if !loaded.errors.is_empty() {
        fail(format!("{} input errors", loaded.errors.len()));
    }
    let findings = truce::rules::check(&loaded.corpus);
    for pair in loaded.corpus.documents.windows(2) {
        black_box(truce::rules::compare(&pair[0], &pair[1]));
    }
    black_box(&findings);
    match vm_hwm() {
        Some(peak) => println!("{peak}"),
        None => fail("no VmHWM in /proc/self/status".into()),
    }
}

/// VmHWM (the peak resident set) from /proc/self/status, in bytes.
fn vm_hwm() -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kib: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// One phase for ten seconds, and nothing else: on the larger corpus, or
/// `import` on the smaller one, as the benchmark measures them.
fn repeat(phase: &str, seed: u64, documents: usize) {
    let documents = if phase == "import" {
        documents
    } else {
        documents * 10
    };
    let size = Size::generate(seed, documents);
    let loaded = truce::load_texts(size.inputs());
    let text = match phase {
        "json" => corpus_json(&loaded.corpus).unwrap_or_default(),
        "import" => truce::interchange::export(&loaded.corpus, &loaded.sources).unwrap_or_default(),
        _ => String::new(),
    };
    let run: Box<dyn Fn()> = match phase {
        "dsl" => Box::new(|| {
            black_box(truce::load_texts(size.inputs()));
        }),
        "json" => Box::new(|| {
            black_box(read_json(&text).ok());
        }),
        "import" => Box::new(|| {
            let mut sources = truce::source::Sources::default();
            black_box(truce::interchange::import("corpus.json", &text, &mut sources).ok());
        }),
        "check" => Box::new(|| {
            black_box(truce::rules::check(&loaded.corpus));
        }),
        "compare" => Box::new(|| {
            for pair in loaded.corpus.documents.windows(2) {
                black_box(truce::rules::compare(&pair[0], &pair[1]));
            }
        }),
        other => usage(&format!(
            "unknown phase `{other}`: dsl, json, import, check or compare"
        )),
    };
    let start = Instant::now();
    let mut runs = 0;
    while start.elapsed() < Duration::from_secs(10) {
        run();
        runs += 1;
    }
    println!(
        "{phase}: {runs} runs in {:.1} s",
        start.elapsed().as_secs_f64()
    );
}

/// The corpus as compact JSON in the interchange's wire types, without the
/// envelope of `truce export` (version, source files): `wire::Corpus`, written
/// a document at a time, so that the wire copy of a large model is never
/// whole.
fn corpus_json(corpus: &Corpus) -> Result<String, serde_json::Error> {
    let mut json = String::from("{\"documents\":[");
    for (index, document) in corpus.documents.iter().enumerate() {
        if index > 0 {
            json.push(',');
        }
        json.push_str(&serde_json::to_string(&document.to_wire())?);
    }
    json.push_str("],\"requirements\":");
    json.push_str(&serde_json::to_string(&corpus.requirements.to_wire())?);
    json.push_str(",\"tests\":");
    json.push_str(&serde_json::to_string(&corpus.tests.to_wire())?);
    json.push('}');
    Ok(json)
}

/// The serde_json baseline: the wire types read and converted into the model,
/// with none of the interchange's checks.
fn read_json(json: &str) -> Result<Corpus, serde_json::Error> {
    serde_json::from_str::<wire::Corpus>(json).map(IntoModel::into_model)
}

fn owned(files: &[GeneratedFile]) -> Vec<(String, String)> {
    files
        .iter()
        .map(|file| (file.name.clone(), file.text.clone()))
        .collect()
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}
