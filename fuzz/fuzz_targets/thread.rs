//! Compare, timeline and coverage, as their commands run them, on whatever a
//! text loads to: every document against the one before it, the thread's
//! timeline, and the coverage matrix, each rendered. No panic on any text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use truce::report::{compare_json, compare_markdown, compare_text, compare_timeline, coverage};

fuzz_target!(|input: &str| {
    let loaded = truce::load_str("fuzz.truce", input);
    let corpus = &loaded.corpus;
    let documents: Vec<&truce::model::Document> = corpus.documents.iter().collect();
    if documents.len() >= 2 {
        let thread = truce::rules::thread(&documents);
        let _ = compare_text::render(&thread, &loaded.sources, compare_text::Options::default());
        let _ = compare_markdown::render(&thread, &loaded.sources);
        let _ = compare_json::render(&thread, &loaded.sources);
    }
    let timeline = truce::timeline::timeline(corpus);
    let _ = compare_timeline::render(&timeline);
    let _ = compare_timeline::render_json(&timeline, &loaded.sources);
    let matrix = truce::coverage::matrix(corpus, None, &[]);
    let _ = coverage::text(&matrix, 100);
});
