//! The VS Code extension in `editors/vscode/`: its files are valid JSON, it starts
//! `truce lsp`, and its TextMate grammar highlights every word of the vocabulary
//! (clause kinds, attributes, document statements, closed word lists) as what
//! it is. When a kind or an attribute is added to `src/vocabulary/`, the last
//! test says what to add to the grammar.

use std::fs;

use regex::Regex;
use serde_json::Value;
use truce::vocabulary::{
    CLAUSE_KINDS, DOCUMENT_STATEMENTS, Key, PLACE_KINDS, Relation, Role, STRENGTHS, Side, Status,
};

const EXTENSION: &str = "editors/vscode";

fn json(path: &str) -> Value {
    let text = fs::read_to_string(format!("{EXTENSION}/{path}"))
        .unwrap_or_else(|error| panic!("{path}: {error}"));
    serde_json::from_str(&text).unwrap_or_else(|error| panic!("{path} is not valid JSON: {error}"))
}

/// The grammar's single-line patterns in the order its top-level `patterns`
/// includes them: each regex, and the scope of what it highlights (its first
/// capture's, if it has one).
fn patterns(grammar: &Value) -> Vec<(Regex, String)> {
    let includes = grammar["patterns"].as_array().cloned().unwrap_or_default();
    includes
        .iter()
        .filter_map(|include| {
            let name = include["include"].as_str()?.strip_prefix('#')?;
            Some(grammar["repository"][name].clone())
        })
        .flat_map(|rule| {
            let nested = rule["patterns"].as_array().cloned().unwrap_or_default();
            std::iter::once(rule).chain(nested)
        })
        .filter_map(|rule| {
            let pattern = rule["match"].as_str()?;
            let regex = Regex::new(pattern).unwrap_or_else(|error| {
                panic!("the grammar's `{pattern}` does not compile: {error}")
            });
            let scope = rule["captures"]["1"]["name"]
                .as_str()
                .or(rule["name"].as_str())?
                .to_string();
            Some((regex, scope))
        })
        .collect()
}

/// The scope the grammar gives `word` in `line`, tokenised as a TextMate engine
/// does: from left to right, the match that starts first wins, the earlier
/// pattern on a tie, and the next search starts where it ended.
fn scope_of(patterns: &[(Regex, String)], word: &str, line: &str) -> Option<String> {
    let mut at = 0;
    while at < line.len() {
        let best = patterns
            .iter()
            .filter_map(|(regex, scope)| Some((regex.captures_at(line, at)?, scope)))
            .min_by_key(|(captures, _)| captures.get(0).map_or(usize::MAX, |m| m.start()))?;
        let (captures, scope) = best;
        let whole = captures.get(0)?;
        let token = captures.get(1).unwrap_or(whole);
        if token.as_str() == word {
            return Some(scope.clone());
        }
        at = whole.end().max(at + 1);
    }
    None
}

#[test]
fn the_extension_is_valid_json_and_starts_truce_lsp() {
    let package = json("package.json");
    assert_eq!(package["contributes"]["languages"][0]["id"], "truce");
    assert_eq!(
        package["contributes"]["languages"][0]["extensions"][0],
        ".truce"
    );
    assert_eq!(
        package["contributes"]["grammars"][0]["scopeName"],
        "source.truce"
    );
    assert!(package["dependencies"]["vscode-languageclient"].is_string());
    let configuration = json("language-configuration.json");
    assert_eq!(configuration["comments"]["lineComment"], "#");
    assert_eq!(configuration["brackets"][0], serde_json::json!(["{", "}"]));
    let extension = fs::read_to_string(format!("{EXTENSION}/extension.js")).unwrap_or_default();
    assert!(extension.contains("vscode-languageclient"), "{extension}");
    assert!(extension.contains(r#"args: ["lsp"]"#), "{extension}");
}

#[test]
fn the_grammar_covers_the_words_of_the_vocabulary() {
    let grammar = json("syntaxes/truce.tmLanguage.json");
    assert_eq!(grammar["scopeName"], "source.truce");
    let patterns = patterns(&grammar);
    let mut missing = Vec::new();
    let mut expect = |word: &str, line: String, scope: &str| match scope_of(&patterns, word, &line)
    {
        Some(found) if found.contains(scope) => {}
        found => missing.push(format!("`{word}` in `{line}`: {found:?}, not {scope}")),
    };
    for kind in CLAUSE_KINDS {
        expect(
            kind.name,
            format!("  clause 7 {} {{", kind.name),
            "clause-kind",
        );
    }
    for key in Key::ALL {
        // Some keys are document statements too (`text`, `note`, `source`).
        let scope = if DOCUMENT_STATEMENTS
            .iter()
            .any(|(name, _, _)| *name == key.name())
        {
            "statement"
        } else {
            "attribute"
        };
        expect(key.name(), format!("    {} x", key.name()), scope);
    }
    for (statement, sub_keys, _) in DOCUMENT_STATEMENTS {
        let scope = if matches!(*statement, "clause" | "recital") {
            "keyword.control.clause"
        } else {
            "statement"
        };
        expect(statement, format!("  {statement} x"), scope);
        for sub_key in *sub_keys {
            expect(sub_key, format!("  {statement} x {sub_key} y"), "sub-key");
        }
    }
    let words = STRENGTHS
        .iter()
        .chain(Side::NAMES)
        .chain(Role::NAMES)
        .chain(Status::NAMES)
        .chain(Relation::NAMES)
        .chain(PLACE_KINDS);
    for word in words {
        expect(word, format!("    x {word}"), "constant.language");
    }
    assert!(
        missing.is_empty(),
        "add these to editors/vscode/syntaxes/truce.tmLanguage.json:\n{}",
        missing.join("\n")
    );
}
