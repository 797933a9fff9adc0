//! The formatter on any text that parses: it never refuses it, never changes its
//! words (the formatter checks that itself), and is idempotent.
#![no_main]

use libfuzzer_sys::fuzz_target;
use truce::format::{FormatError, format};

fuzz_target!(|text: &str| {
    match format(0, text) {
        Ok(once) => {
            let twice = format(0, &once).expect("formatted text formats");
            assert_eq!(once, twice, "not idempotent");
        }
        // Too large once indented: refused by name, never written.
        Err(FormatError::Syntax(_) | FormatError::TooLarge(_)) => {}
        Err(FormatError::Changed(detail)) => panic!("the formatter changed a word: {detail}"),
    }
});
