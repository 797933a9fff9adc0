//! The corpus generator that the benchmark (`cargo bench --bench corpus`) runs
//! on: the same seed gives the same corpus, the corpus loads without an input
//! error, and its JSON form reads back to the same findings. No timings here.

// Dev-only, shared with the benchmark: the library does not ship it. Its own
// unit tests run here.
#[path = "support/generate.rs"]
mod generate;

use generate::GeneratedFile;
use truce::model::Point;
use truce::source::Sources;
use truce::vocabulary::Key;

fn load(files: &[GeneratedFile]) -> truce::Loaded {
    truce::load_texts(
        files
            .iter()
            .map(|file| (file.name.clone(), file.text.clone())),
    )
}

#[test]
fn a_seed_gives_the_same_corpus_every_time() {
    let first = generate::generate(7, 60);
    assert_eq!(first, generate::generate(7, 60));
    assert_ne!(first, generate::generate(8, 60));
    // A longer corpus from the same seed starts with the same threads.
    let longer = generate::generate(7, 200);
    assert_eq!(first[..first.len() - 1], longer[..first.len() - 1]);
}

#[test]
fn the_corpus_has_the_documents_asked_for_and_loads_without_input_errors() {
    for seed in [1, 2, 3, 2026] {
        let files = generate::generate(seed, 120);
        let loaded = load(&files);
        assert!(
            loaded.errors.is_empty(),
            "seed {seed}: {:#?}",
            &loaded.errors[..loaded.errors.len().min(3)]
        );
        assert_eq!(loaded.corpus.documents.len(), 120, "seed {seed}");
    }
}

#[test]
fn the_corpus_has_the_mix_of_real_agreements() {
    let loaded = load(&generate::generate(11, 200));
    let clauses: Vec<_> = loaded
        .corpus
        .documents
        .iter()
        .flat_map(|document| &document.clauses)
        .collect();
    // Every clause kind of the vocabulary appears.
    for kind in truce::vocabulary::CLAUSE_KINDS {
        assert!(
            clauses.iter().any(|clause| clause.kind_name() == kind.name),
            "no `{}` clause",
            kind.name
        );
    }
    // Conditions, relative deadlines and gaps, as in `agreements/`.
    for key in [
        Key::If,
        Key::After,
        Key::Deadline,
        Key::Unstated,
        Key::Strength,
    ] {
        assert!(
            clauses.iter().any(|clause| clause.has(key)),
            "no clause with `{key}`"
        );
    }
    assert!(
        clauses
            .iter()
            .any(|clause| clause.resolved(Point::Deadline).is_some())
    );
    assert!(clauses.iter().any(|clause| {
        clause
            .attributes
            .iter()
            .any(|attribute| !attribute.source.is_empty())
    }));
    // And the rules find things in it.
    assert!(!truce::rules::check(&loaded.corpus).is_empty());
}

#[test]
fn the_json_form_gives_the_same_findings_as_the_dsl() {
    let loaded = load(&generate::generate(5, 80));
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors.first());
    let json =
        truce::interchange::export(&loaded.corpus, &loaded.sources).expect("the corpus serialises");
    let mut sources = Sources::default();
    let imported = truce::interchange::import("corpus.json", &json, &mut sources)
        .unwrap_or_else(|errors| panic!("the JSON does not read back: {:?}", errors.first()));
    assert_eq!(imported.documents.len(), loaded.corpus.documents.len());
    assert_eq!(
        truce::rules::check(&imported),
        truce::rules::check(&loaded.corpus)
    );
}

#[test]
fn written_files_load_like_the_generated_texts() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let written = generate::write(folder.path(), 3, 30).expect("the corpus is written");
    assert!(written.json.exists());
    // One file a thread, as generated, each in the folder.
    assert_eq!(written.truce.len(), generate::generate(3, 30).len());
    assert!(
        written
            .truce
            .iter()
            .all(|path| path.starts_with(folder.path()))
    );
    let from_files = truce::load_paths(&[folder.path().to_path_buf()]);
    assert!(
        from_files.errors.is_empty(),
        "{:?}",
        from_files.errors.first()
    );
    assert_eq!(from_files.corpus.documents.len(), 30);
    let from_json = truce::load_paths(std::slice::from_ref(&written.json));
    assert!(
        from_json.errors.is_empty(),
        "{:?}",
        from_json.errors.first()
    );
    assert_eq!(
        truce::rules::check(&from_json.corpus),
        truce::rules::check(&from_files.corpus)
    );
}

#[test]
fn on_generated_corpora_no_rule_fires_outside_what_it_applies_to() {
    // `truce stats` counts each rule as "fires on N of the M documents it
    // could fire on"; a rule firing on a document outside its declared
    // precondition would make that a lie, and is reported as a breach.
    for seed in [1, 2, 3] {
        let loaded = load(&generate::generate(seed, 150));
        assert!(loaded.errors.is_empty(), "{:#?}", loaded.errors);
        let stats = truce::stats::compute(&loaded.corpus, &loaded.sources);
        let stats = stats.unwrap_or_else(|breaches| {
            panic!(
                "seed {seed}: {}",
                breaches
                    .iter()
                    .map(|b| b.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
        assert_eq!(stats.documents, loaded.corpus.documents.len());
        // The generated corpus exercises most rules' preconditions.
        let applicable = stats
            .rules
            .iter()
            .filter(|rule| rule.applicable > 0)
            .count();
        assert!(
            applicable > 30,
            "seed {seed}: only {applicable} rules could fire"
        );
        let firing = stats.rules.iter().filter(|rule| rule.documents > 0).count();
        assert!(firing > 15, "seed {seed}: only {firing} rules fired");
    }
}
