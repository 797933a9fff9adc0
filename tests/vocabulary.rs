//! The vocabulary is the one place that knows a clause kind or an attribute key.
//!
//! A kind added to a copy of the standard vocabulary, with no other change,
//! resolves, is checked by the rules, compared and put on the timeline through
//! the facts it declares; and no code of the rules, compare or the timeline names
//! a kind or a key in a string.

use std::fs;
use std::path::Path;

use truce::vocabulary::{
    Attribute, Beneficiaries, CLAUSE_KINDS, ClauseKind, Key, ValueType, Vocabulary, kinds, pax,
};

/// A kind the standard vocabulary lacks: an amnesty law, which protects the
/// people it pardons.
static AMNESTY_LAW: ClauseKind = ClauseKind {
    name: "amnesty_law",
    summary: "a law that pardons offences",
    pax: &[pax::always(pax::Code::TjAm)],
    attributes: &[Attribute {
        key: Key::People,
        value: ValueType::Actors,
        summary: "who is pardoned",
    }],
    protection: true,
    beneficiaries: Beneficiaries::Named(Key::People),
    ..kinds::OTHER
};

const DRAFTS: &str = r#"
agreement draft_1 {
  date 2018-05-01
  party regime "Syrian government" side government
  party factions "Rebel groups" side opposition
  clause 1 amnesty_law { by regime; people fighters; deadline 2018-06-01; strength pledge }
}
agreement draft_2 {
  date 2018-05-01
  party regime "Syrian government" side government
  party factions "Rebel groups" side opposition
  clause 1 amnesty_law { by regime; people fighters; deadline 2018-07-01; strength pledge }
}
"#;

fn load(vocabulary: &Vocabulary) -> truce::Loaded {
    truce::load_texts_in(
        vocabulary,
        [("drafts.truce".to_string(), DRAFTS.to_string())],
    )
}

#[test]
fn the_standard_vocabulary_does_not_know_the_new_kind() {
    let loaded = load(Vocabulary::standard());
    assert!(
        loaded
            .errors
            .iter()
            .any(|error| error.message == "unknown clause kind `amnesty_law`"),
        "{:#?}",
        loaded.errors
    );
}

#[test]
fn a_kind_added_to_a_copy_of_the_vocabulary_flows_through_rules_compare_and_timeline() {
    let vocabulary = Vocabulary::standard().with(&AMNESTY_LAW);
    let loaded = load(&vocabulary);
    assert!(loaded.errors.is_empty(), "{:#?}", loaded.errors);

    // The rules read its facts: a protection graded a pledge, with no guarantor.
    let findings = truce::rules::check(&loaded.corpus);
    let fired = |rule: &str| {
        findings
            .iter()
            .filter(|finding| finding.rule == rule && finding.document == "draft_1")
            .count()
    };
    assert_eq!(fired("weak-commitment"), 1, "{findings:#?}");
    assert_eq!(fired("no-guarantor"), 1, "{findings:#?}");

    // PA-X coding reads its codes: a pledge with no detail is TjAm 1.
    let row = truce::pax::row(&loaded.corpus.documents[0]);
    assert_eq!(row.grade(pax::Code::TjAm), 1);

    // Compare pairs the two clauses by kind and says whom the later deadline favours.
    let documents = &loaded.corpus.documents;
    let step = truce::rules::compare(&documents[0], &documents[1]);
    let moved: Vec<&str> = step
        .findings
        .iter()
        .filter(|finding| finding.rule == "deadline-moved")
        .map(|finding| finding.message.as_str())
        .collect();
    assert_eq!(
        moved,
        [
            "clause 1 amnesty_law: deadline moves 1 month later, 2018-06-01 → 2018-07-01; favours the government camp (regime): more time to act"
        ]
    );
    let thread = truce::rules::thread(&[&documents[0], &documents[1]]);
    assert!(
        thread
            .kinds()
            .iter()
            .any(|(kind, counts)| *kind == "amnesty_law" && counts == &[1, 1])
    );

    // The timeline puts its deadline on the calendar.
    let timeline = truce::timeline::timeline(&loaded.corpus);
    let deadlines: Vec<&str> = timeline
        .events
        .iter()
        .filter(|event| event.event == "deadline")
        .map(|event| event.description.as_str())
        .collect();
    assert_eq!(
        deadlines,
        [
            "clause 1 amnesty_law: deadline",
            "clause 1 amnesty_law: deadline"
        ]
    );

    // And its attributes are checked against what it declares.
    let wrong = truce::load_texts_in(
        &vocabulary,
        [(
            "wrong.truce".to_string(),
            "agreement a {\n  clause 1 amnesty_law { destination \"the north\" }\n}\n".to_string(),
        )],
    );
    let messages: Vec<&str> = wrong.errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        messages,
        ["unknown attribute `destination` for `amnesty_law` clauses"]
    );
    assert_eq!(
        wrong.errors[0].hint.as_deref(),
        Some("`destination` belongs to `evacuation` clauses")
    );
}

/// The names of every clause kind and attribute key.
fn vocabulary_names() -> Vec<&'static str> {
    CLAUSE_KINDS
        .iter()
        .map(|kind| kind.name)
        .chain(Key::ALL.iter().map(|key| key.name()))
        .collect()
}

/// The code of a Rust file without its test module and its raw strings (the
/// documents of a rule's cases and examples are truce text, not code).
fn code_of(text: &str) -> String {
    let code = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => text,
    };
    let mut out = String::new();
    let mut rest = code;
    while let Some(start) = rest.find("r#\"") {
        out.push_str(&rest[..start]);
        match rest[start..].find("\"#") {
            Some(end) => rest = &rest[start + end + 2..],
            None => rest = "",
        }
    }
    out.push_str(rest);
    out
}

fn rust_files(path: &Path, out: &mut Vec<std::path::PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<_> = fs::read_dir(path)
            .expect("a readable folder")
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .collect();
        entries.sort();
        for entry in entries {
            rust_files(&entry, out);
        }
    } else if path.extension().is_some_and(|ext| ext == "rs") {
        out.push(path.to_path_buf());
    }
}

#[test]
fn rules_compare_and_the_timeline_name_no_kind_or_key_in_a_string() {
    let names = vocabulary_names();
    let mut files = Vec::new();
    for place in ["src/rules", "src/compare", "src/timeline.rs"] {
        rust_files(Path::new(place), &mut files);
    }
    assert!(files.len() > 30, "only {} files found", files.len());
    let mut found = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("a readable file");
        let code = code_of(&text);
        for name in &names {
            if code.contains(&format!("\"{name}\"")) {
                found.push(format!("{}: \"{name}\"", file.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "ask the vocabulary (a Key, a kind's static or its facts) instead of naming these:\n{}",
        found.join("\n")
    );
}
