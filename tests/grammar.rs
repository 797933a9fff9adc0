//! The grammar and the language reference stay in step with the parser: every
//! example in them loads with no errors.

use std::fs;

/// The fenced ```truce blocks of a markdown file.
fn truce_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match &mut current {
            None if line.trim_start().starts_with("```truce") => current = Some(String::new()),
            Some(block) if line.trim_start().starts_with("```") => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            Some(block) => {
                block.push_str(line);
                block.push('\n');
            }
            None => {}
        }
    }
    blocks
}

fn assert_loads(name: &str, text: &str) {
    let loaded = truce::load_str(name, text);
    let messages: Vec<_> = loaded.errors.iter().map(|e| &e.message).collect();
    assert!(
        messages.is_empty(),
        "{name} does not load: {messages:?}\n{text}"
    );
    assert!(
        !loaded.corpus.documents.is_empty()
            || !loaded.corpus.requirements.is_empty()
            || !loaded.corpus.tests.is_empty(),
        "{name} holds nothing"
    );
}

#[test]
fn every_example_in_the_reference_loads() {
    let reference = fs::read_to_string("grammar/reference.md").expect("grammar/reference.md");
    let blocks = truce_blocks(&reference);
    assert!(blocks.len() >= 25, "only {} examples", blocks.len());
    for (index, block) in blocks.iter().enumerate() {
        assert_loads(&format!("reference example {}", index + 1), block);
    }
}

#[test]
fn the_example_in_the_ebnf_loads() {
    let ebnf = fs::read_to_string("grammar/truce.ebnf").expect("grammar/truce.ebnf");
    let start = ebnf.find("(* Example").expect("an example in the EBNF");
    let body = &ebnf[start..];
    let from = body.find("agreement").expect("an agreement in the example");
    let to = body.rfind("*)").expect("the example's end");
    assert_loads("truce.ebnf example", &body[from..to]);
}
