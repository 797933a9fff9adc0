//! JSON input on any text: no panic in reading, checking or rendering; and what
//! reads back exports and reads again to the same JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use truce::interchange;
use truce::report::text;
use truce::source::Sources;

fuzz_target!(|input: &str| {
    let mut sources = Sources::default();
    let Ok(corpus) = interchange::import("fuzz.json", input, &mut sources) else {
        return;
    };
    let findings = truce::rules::check(&corpus);
    let _ = text::render(&findings, &corpus, &sources, text::Options::default());
    let once = interchange::export(&corpus, &sources).expect("exports");
    let mut again = Sources::default();
    let corpus = interchange::import("again.json", &once, &mut again).expect("reads back");
    let twice = interchange::export(&corpus, &again).expect("exports");
    assert_eq!(once, twice);
});
