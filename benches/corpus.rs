//! The corpus benchmark: `cargo bench --bench corpus [-- --documents N --seed S]`.
//!
//! On one generated corpus (`tests/support/generate.rs`), and again on ten times as
//! many documents, it times:
//! 1. reading the DSL into the checked model (parse, resolve, check references),
//!    against serde_json reading the same model from its JSON form (the
//!    interchange's wire types, converted into the model);
//! 2. every rule over the corpus;
//! 3. comparing every consecutive pair of documents;
//!
//! then the peak resident memory of `truce check`'s work on the larger corpus
//! (load its files, check them, compare every pair) against its size in bytes.
//! Each figure is printed as it is measured; the last line holds them all as
//! `key=value` pairs.
//!
//! Each time is the fastest of the same number of runs at both sizes, the two
//! sizes taking turns: on a shared machine noise only ever adds time, so the
//! minimum is the steadiest estimate of what the work costs, and equal counts
//! taken side by side keep the growth factors fair. Memory is measured in a fresh process (this benchmark run again with
//! `--memory FOLDER`), so that nothing the timing runs allocated counts.
//!
//! `-- --profile dsl|json|check|compare` repeats one phase on the larger corpus
//! for ten seconds, for `perf record` or `valgrind --tool=callgrind` to watch.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use truce::interchange::wire::{self, IntoModel, ToWire};
use truce::model::Corpus;

// Dev-only, shared with `tests/generate.rs`: the library does not ship it. The
// benchmark uses only part of it (not the JSON path `write` returns).
#[path = "../tests/support/generate.rs"]
#[allow(dead_code)]
mod generate;

use generate::GeneratedFile;

/// Documents in the default corpus; the large one has ten times as many.
const DEFAULT_DOCUMENTS: usize = 500;
const DEFAULT_SEED: u64 = 2026;
/// Runs of each timed phase, at each size.
const RUNS: usize = 12;

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
}

fn main() {
    match arguments() {
        Command::Bench { documents, seed } => bench(documents, seed),
        Command::Profile {
            phase,
            documents,
            seed,
        } => repeat(&phase, seed, documents * 10),
        Command::Memory { folder } => memory_child(&folder),
    }
}

fn bench(documents: usize, seed: u64) {
    let started = Instant::now();
    println!(
        "truce corpus benchmark: seed {seed}; {documents} documents, then {} (10x); each time the fastest of {RUNS} runs, the two sizes taking turns",
        documents * 10
    );
    let small = Size::generate(seed, documents);
    let large = Size::generate(seed, documents * 10);

    let (dsl, large_dsl) = interleaved(&small, &large, |size| {
        let input = owned(&size.files);
        let start = Instant::now();
        let loaded = truce::load_texts(input);
        let elapsed = start.elapsed();
        black_box(&loaded);
        elapsed
    });
    let (json, large_json) = interleaved(&small, &large, |size| {
        let start = Instant::now();
        let read = read_json(&size.json);
        let elapsed = start.elapsed();
        black_box(&read);
        elapsed
    });
    let ratio = dsl.as_secs_f64() / json.as_secs_f64();
    let parse_growth = growth(large_dsl, dsl);
    for (size, dsl, json) in [(&small, dsl, json), (&large, large_dsl, large_json)] {
        println!(
            "parse+validate DSL, {:>5} documents: {:>8.2} ms ({:.0} MiB/s); serde_json, same model: {:>8.2} ms ({:.1} MiB of JSON); DSL/JSON {:.3}",
            size.documents,
            ms(dsl),
            mib(size.bytes) / dsl.as_secs_f64(),
            ms(json),
            mib(size.json.len()),
            dsl.as_secs_f64() / json.as_secs_f64(),
        );
    }
    println!("parse growth for 10x documents: {parse_growth:.2}");
    let import = truce_json_import(&small);
    println!(
        "for reference, truce's own JSON reader (interchange::import: the exported file with its source texts, spans rebased, values validated), {} documents: {:.2} ms",
        small.documents,
        ms(import)
    );

    let (check, large_check) = interleaved(&small, &large, |size| {
        let start = Instant::now();
        let findings = truce::rules::check(&size.corpus);
        let elapsed = start.elapsed();
        black_box(&findings);
        elapsed
    });
    let check_growth = growth(large_check, check);
    for (size, check) in [(&small, check), (&large, large_check)] {
        println!(
            "check, {:>5} documents: {:>8.2} ms ({:.0} documents/s, {} findings)",
            size.documents,
            ms(check),
            size.documents as f64 / check.as_secs_f64(),
            truce::rules::check(&size.corpus).len(),
        );
    }
    println!("check growth for 10x documents: {check_growth:.2}");

    let (compare, large_compare) = interleaved(&small, &large, |size| {
        let start = Instant::now();
        for pair in size.corpus.documents.windows(2) {
            black_box(truce::rules::compare(&pair[0], &pair[1]));
        }
        start.elapsed()
    });
    let compare_growth = growth(large_compare, compare);
    for (size, compare) in [(&small, compare), (&large, large_compare)] {
        println!(
            "compare, {:>5} documents: {:>8.2} ms ({:.0} pairs/s)",
            size.documents,
            ms(compare),
            size.pairs() as f64 / compare.as_secs_f64(),
        );
    }
    println!("compare growth for 10x documents: {compare_growth:.2}");
    drop((small, large));

    let memory = peak_memory(seed, documents * 10);
    let memory_ratio = memory.peak as f64 / memory.corpus_bytes as f64;
    println!(
        "peak memory of loading, checking and comparing {} documents from .truce files: {:.1} MiB for {:.1} MiB of source, {memory_ratio:.2}x",
        documents * 10,
        mib(memory.peak),
        mib(memory.corpus_bytes),
    );
    println!("done in {:.1} s", started.elapsed().as_secs_f64());
    println!(
        "dsl_vs_json_ratio={ratio:.3} check_docs_per_s={:.0} compare_pairs_per_s={:.0} parse_growth_10x={parse_growth:.2} check_growth_10x={check_growth:.2} compare_growth_10x={compare_growth:.2} peak_rss_vs_corpus={memory_ratio:.2}",
        documents as f64 / check.as_secs_f64(),
        (documents - 1) as f64 / compare.as_secs_f64(),
    );
}

fn arguments() -> Command {
    let mut documents = DEFAULT_DOCUMENTS;
    let mut seed = DEFAULT_SEED;
    let mut profile = None;
    let mut memory = None;
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
            // `cargo bench` passes `--bench` to every target.
            "--bench" => {}
            other => usage(&format!("unknown argument `{other}`")),
        }
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
        "{message}\nusage: cargo bench --bench corpus [-- --documents N --seed S --profile dsl|json|check|compare]"
    );
    std::process::exit(2)
}

fn fail(message: String) -> ! {
    eprintln!("{message}");
    std::process::exit(1)
}

/// One generated corpus, read once: its files, its model, and the model as JSON.
struct Size {
    documents: usize,
    files: Vec<GeneratedFile>,
    bytes: usize,
    corpus: Corpus,
    json: String,
}

impl Size {
    fn generate(seed: u64, documents: usize) -> Size {
        let files = generate::generate(seed, documents);
        let bytes = files.iter().map(|file| file.text.len()).sum();
        let loaded = truce::load_texts(owned(&files));
        if let Some(error) = loaded.errors.first() {
            fail(format!(
                "the generated corpus has {} input errors; the first: {}",
                loaded.errors.len(),
                error.message
            ));
        }
        let json = corpus_json(&loaded.corpus)
            .unwrap_or_else(|error| fail(format!("cannot write the corpus as JSON: {error}")));
        println!(
            "{documents} documents: {} files, {:.2} MiB of DSL, {:.2} MiB as JSON",
            files.len(),
            mib(bytes),
            mib(json.len())
        );
        Size {
            documents,
            files,
            bytes,
            corpus: loaded.corpus,
            json,
        }
    }

    fn pairs(&self) -> usize {
        self.corpus.documents.len().saturating_sub(1)
    }
}

/// The fastest of [`RUNS`] runs at each size, the sizes taking turns, so that
/// a busy spell on the machine slows both alike rather than one.
fn interleaved(
    small: &Size,
    large: &Size,
    mut run: impl FnMut(&Size) -> Duration,
) -> (Duration, Duration) {
    let mut fastest = (Duration::MAX, Duration::MAX);
    for _ in 0..RUNS {
        fastest.0 = fastest.0.min(run(small));
        fastest.1 = fastest.1.min(run(large));
    }
    fastest
}

/// The fastest of [`RUNS`] reads of the corpus's `truce export` JSON by
/// [`truce::interchange::import`], which does more than deserialise.
fn truce_json_import(size: &Size) -> Duration {
    let loaded = truce::load_texts(owned(&size.files));
    let exported = truce::interchange::export(&loaded.corpus, &loaded.sources)
        .unwrap_or_else(|error| fail(format!("cannot export the corpus: {error}")));
    (0..RUNS)
        .map(|_| {
            let mut sources = truce::source::Sources::default();
            let start = Instant::now();
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
        })
        .min()
        .unwrap_or_default()
}

fn growth(large: Duration, small: Duration) -> f64 {
    large.as_secs_f64() / small.as_secs_f64()
}

struct Memory {
    peak: usize,
    corpus_bytes: usize,
}

/// Write the corpus as files (and as JSON, which the child does not read), and
/// run this benchmark again on them with `--memory`: a fresh process whose
/// peak resident memory is only what loading, checking and comparing took.
fn peak_memory(seed: u64, documents: usize) -> Memory {
    let folder = tempfile::tempdir()
        .unwrap_or_else(|error| fail(format!("cannot make a temporary folder: {error}")));
    let written = generate::write(folder.path(), seed, documents)
        .unwrap_or_else(|error| fail(format!("cannot write the corpus: {error}")));
    let corpus_bytes = written
        .truce
        .iter()
        .map(|path| std::fs::metadata(path).map_or(0, |metadata| metadata.len() as usize))
        .sum();
    let exe = std::env::current_exe()
        .unwrap_or_else(|error| fail(format!("cannot find this benchmark's program: {error}")));
    let output = std::process::Command::new(exe)
        .arg("--memory")
        .arg(folder.path())
        .output()
        .unwrap_or_else(|error| fail(format!("cannot run the memory measurement: {error}")));
    let text = String::from_utf8_lossy(&output.stdout);
    let peak = text
        .trim()
        .parse()
        .unwrap_or_else(|_| fail(format!("the memory measurement failed: {text}")));
    Memory { peak, corpus_bytes }
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

/// One phase on the large corpus for ten seconds, and nothing else.
fn repeat(phase: &str, seed: u64, documents: usize) {
    let files = generate::generate(seed, documents);
    let loaded = truce::load_texts(owned(&files));
    let json_text = corpus_json(&loaded.corpus).unwrap_or_default();
    let run: Box<dyn Fn()> = match phase {
        "dsl" => Box::new(|| {
            black_box(truce::load_texts(owned(&files)));
        }),
        "json" => Box::new(|| {
            black_box(read_json(&json_text).ok());
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
            "unknown phase `{other}`: dsl, json, check or compare"
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
/// envelope of `truce export` (version, source files).
fn corpus_json(corpus: &Corpus) -> Result<String, serde_json::Error> {
    serde_json::to_string(&corpus.to_wire())
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
