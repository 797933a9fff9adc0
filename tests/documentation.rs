//! The documents that describe the language and its rules stay in step with the
//! code: the language reference documents every clause kind and attribute as the
//! vocabulary declares it, the fuzz dictionary holds every word of the language,
//! and the README lists every rule of the registry. Each test says what to write
//! when it fails.

use std::fs;

use truce::error_code::ErrorCode;
use truce::rules::{FAMILIES, registry};
use truce::vocabulary::{
    self, Attribute, CLAUSE_KINDS, COMMON_ATTRIBUTES, DOCUMENT_STATEMENTS, Evidence, Outcome,
    Relation, Role, Side, Status, ValueType,
};

fn read(path: &str) -> String {
    fs::read_to_string(path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// The reference's name for a value type, linked to its section; a closed list
/// of words is spelt out.
fn type_cell(value: ValueType) -> String {
    match value {
        ValueType::Words(words) => {
            let words: Vec<String> = words.iter().map(|word| format!("`{word}`")).collect();
            format!("{}: {}", value.name(), words.join(", "))
        }
        _ => format!("[{0}](#{0})", value.name()),
    }
}

/// The table of attributes the reference gives, as the vocabulary declares them.
fn attribute_table(attributes: &[Attribute]) -> String {
    let mut table = String::from("| key | type | meaning |\n|---|---|---|\n");
    for attribute in attributes {
        table.push_str(&format!(
            "| `{}` | {} | {} |\n",
            attribute.key,
            type_cell(attribute.value),
            attribute.summary
        ));
    }
    table
}

/// The text of the reference's section under `heading`, up to the next heading.
fn section<'a>(reference: &'a str, heading: &str) -> Option<&'a str> {
    let start = reference.find(&format!("\n{heading}\n"))? + heading.len() + 2;
    let rest = &reference[start..];
    let end = rest.find("\n### ").or_else(|| rest.find("\n## "));
    Some(&rest[..end.unwrap_or(rest.len())])
}

#[test]
fn the_reference_documents_every_clause_kind_as_the_vocabulary_declares_it() {
    let reference = read("grammar/reference.md");
    let common = attribute_table(COMMON_ATTRIBUTES);
    assert!(
        reference.contains(&common),
        "the common attributes table of grammar/reference.md should read:\n{common}"
    );

    let mut kinds = format!(
        "The {} kinds, with the PA-X provision codes each can earn.",
        CLAUSE_KINDS.len()
    );
    kinds.push_str(
        " A\n*protection* clause protects people (detainees, safety, status); a *concession*\nis a military concession by the party bound.\n\n",
    );
    kinds.push_str("| kind | PA-X | protection | concession | summary |\n|---|---|---|---|---|\n");
    for kind in CLAUSE_KINDS {
        let yes = |flag: bool| if flag { "yes" } else { "" };
        kinds.push_str(&format!(
            "| [`{0}`](#{0}) | {1} | {2} | {3} | {4} |\n",
            kind.name,
            truce::vocabulary::pax::codes(kind.pax),
            yes(kind.protection),
            yes(kind.concession),
            kind.summary
        ));
    }
    assert!(
        reference.contains(&kinds),
        "the clause kinds table of grammar/reference.md should read:\n{kinds}"
    );

    for kind in CLAUSE_KINDS {
        let heading = format!("### `{}`", kind.name);
        let Some(text) = section(&reference, &heading) else {
            panic!("grammar/reference.md has no section `{heading}`");
        };
        assert!(
            text.contains(&format!(
                "PA-X: {}.",
                truce::vocabulary::pax::describe(kind.pax)
            )),
            "{heading} should give its PA-X codes: `PA-X: {}.`",
            truce::vocabulary::pax::describe(kind.pax)
        );
        if !kind.attributes.is_empty() {
            let table = attribute_table(kind.attributes);
            assert!(
                text.contains(&table),
                "{heading} should have this attribute table:\n{table}"
            );
        }
        let example = format!(" {} {{", kind.name);
        assert!(
            text.contains("```truce") && text.contains(&example),
            "{heading} should have a ```truce example with a `{}` clause",
            kind.name
        );
    }

    // Every kind section names a kind of the vocabulary.
    let clauses = &reference[reference
        .find("### Clause kinds")
        .expect("a `### Clause kinds` section")..];
    for line in clauses.lines().filter(|line| line.starts_with("### `")) {
        let name = line.trim_start_matches("### `").trim_end_matches('`');
        assert!(
            vocabulary::clause_kind(name).is_some(),
            "grammar/reference.md documents `{name}`, which is no clause kind"
        );
    }
}

#[test]
fn the_reference_lists_the_document_statements_and_word_lists() {
    let reference = read("grammar/reference.md");
    let mut table = String::from("| statement | sub-keys on its line | meaning |\n|---|---|---|\n");
    for (name, sub_keys, summary) in DOCUMENT_STATEMENTS {
        let keys = if sub_keys.is_empty() {
            "–".to_string()
        } else {
            let keys: Vec<String> = sub_keys.iter().map(|key| format!("`{key}`")).collect();
            keys.join(", ")
        };
        table.push_str(&format!("| `{name}` | {keys} | {summary} |\n"));
    }
    assert!(
        reference.contains(&table),
        "the document statements table should read:\n{table}"
    );
    let listed = |words: &[&str]| {
        let words: Vec<String> = words.iter().map(|word| format!("`{word}`")).collect();
        words.join(", ")
    };
    for (what, words) in [
        ("statuses", Status::NAMES),
        ("evidence", Evidence::NAMES),
        ("events", Outcome::NAMES),
        ("event lines", vocabulary::EVENT_LINES),
        ("relations", Relation::NAMES),
        ("kinds of place", vocabulary::PLACE_KINDS),
        ("sides", Side::NAMES),
        ("roles", Role::NAMES),
    ] {
        let list = listed(words);
        assert!(
            reference.contains(&list),
            "the reference should list the {what}: {list}"
        );
    }
}

#[test]
fn the_fuzz_dictionary_holds_every_word_of_the_vocabulary() {
    let dictionary = read("fuzz/truce.dict");
    let entries: std::collections::HashSet<&str> = dictionary
        .lines()
        .filter_map(|line| line.strip_prefix('"')?.strip_suffix('"'))
        .collect();
    let mut words: Vec<&str> = Vec::new();
    words.extend(CLAUSE_KINDS.iter().map(|kind| kind.name));
    words.extend(vocabulary::Key::ALL.iter().map(|key| key.name()));
    words.extend(DOCUMENT_STATEMENTS.iter().map(|(name, _, _)| *name));
    words.extend(
        DOCUMENT_STATEMENTS
            .iter()
            .flat_map(|(_, sub_keys, _)| sub_keys.iter().copied()),
    );
    for list in [
        Status::NAMES,
        Evidence::NAMES,
        Outcome::NAMES,
        vocabulary::EVENT_LINES,
        Relation::NAMES,
        Role::NAMES,
        Side::NAMES,
        vocabulary::PLACE_KINDS,
        vocabulary::WEAPON_CLASSES,
        vocabulary::WEAPON_QUANTIFIERS,
        vocabulary::STRENGTHS,
        vocabulary::START_OR_END,
    ] {
        words.extend(list.iter().copied());
    }
    let missing: Vec<String> = words
        .iter()
        .filter(|word| !entries.contains(*word))
        .map(|word| format!("\"{word}\""))
        .collect();
    assert!(
        missing.is_empty(),
        "add these lines to fuzz/truce.dict:\n{}",
        missing.join("\n")
    );
}

/// Words wrapped at `width` columns, breaking only between words.
fn wrap(text: &str, width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ') {
        match lines.last_mut() {
            Some(line) if line.len() + 1 + word.len() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines.join("\n")
}

#[test]
fn the_readme_lists_every_rule_of_the_registry() {
    let readme = read("README.md");
    let paragraphs: Vec<String> = FAMILIES
        .iter()
        .map(|(title, rules)| {
            let ids: Vec<String> = rules.iter().map(|rule| format!("`{}`", rule.id)).collect();
            wrap(&format!("{title}: {}.", ids.join(", ")), 80)
        })
        .collect();
    let list = paragraphs.join("\n\n");
    let start = readme
        .find("keeps this list in step with the registry. -->\n")
        .map(|at| at + "keeps this list in step with the registry. -->\n".len());
    let end = readme.find("\n<!-- end of the rule ids -->");
    let shown = match (start, end) {
        (Some(start), Some(end)) if start <= end => &readme[start..end],
        _ => panic!("README.md lost the markers around its list of rule ids"),
    };
    assert_eq!(
        shown, list,
        "the README's list of rule ids should read:\n{list}"
    );
    assert_eq!(
        registry().count(),
        FAMILIES.iter().map(|(_, rules)| rules.len()).sum::<usize>()
    );
}

/// The README's table of error codes, as `truce::error_code` declares them.
fn error_code_table() -> String {
    let mut table = String::from("| code | name | what it covers |\n|---|---|---|\n");
    for code in ErrorCode::ALL {
        table.push_str(&format!(
            "| `{}` | `{}` | {} |\n",
            code.code(),
            code.name(),
            code.summary()
        ));
    }
    table
}

#[test]
fn the_readme_lists_every_error_code() {
    let readme = read("README.md");
    let table = error_code_table();
    assert!(
        readme.contains(&table),
        "the error codes table of README.md should read:\n{table}"
    );
}
