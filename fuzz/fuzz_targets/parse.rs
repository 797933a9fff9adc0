//! The parser on any text: no panic, and every span it returns lies inside the
//! text on character boundaries, so that renderers can slice with it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use truce::syntax::{self, MAX_ERRORS, Statement};

fuzz_target!(|text: &str| {
    let (tree, errors) = syntax::parse(0, text);
    assert!(errors.len() <= MAX_ERRORS);
    let inside = |start: usize, end: usize| {
        start <= end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end)
    };
    for error in &errors {
        if let Some(span) = error.span {
            assert!(span.start <= span.end && span.start() <= text.len().max(syntax::MAX_FILE_BYTES));
        }
    }
    let mut stack: Vec<&Statement> = tree.statements.iter().collect();
    while let Some(statement) = stack.pop() {
        assert!(inside(statement.span.start(), statement.span.end()));
        for atom in &statement.atoms {
            assert!(inside(atom.span.start(), atom.span.end()));
        }
        if let Some(block) = &statement.block {
            stack.extend(&block.statements);
        }
    }
    for comment in &tree.comments {
        assert!(inside(comment.start(), comment.end()));
    }
});
