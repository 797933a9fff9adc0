//! Parse, resolve, check and render, as `truce check` does: no panic on any text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use truce::report::{diagnostics, json, text};

fuzz_target!(|input: &str| {
    let loaded = truce::load_str("fuzz.truce", input);
    if !loaded.errors.is_empty() {
        let _ = diagnostics::render(&loaded.errors, &loaded.sources, false);
        let _ = json::render(
            &[],
            &loaded.errors,
            &loaded.corpus,
            &loaded.sources,
            json::Options::default(),
        );
    }
    // Rules run on whatever could be read, errors or not: they must not panic on a
    // partial model either.
    let findings = truce::rules::check(&loaded.corpus);
    let _ = text::render(
        &findings,
        &loaded.corpus,
        &loaded.sources,
        text::Options::default(),
    );
    let _ = json::render(
        &findings,
        &[],
        &loaded.corpus,
        &loaded.sources,
        json::Options::default(),
    );
});
