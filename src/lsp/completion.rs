//! Completion: clause kinds after `clause N`, the attributes of the clause (or
//! the statements of the document) at the start of a line, and the ids the
//! document declares where a value goes.

use lsp_types::{CompletionItem, CompletionItemKind};

use crate::vocabulary::{self, ClauseKind};

use super::analysis::Analysis;
use super::lookup::{self, Spot};

/// The statements a file holds at its top level.
const TOP_LEVEL: &[(&str, &str)] = &[
    ("agreement", "an agreement, proposal or draft"),
    ("requirements", "a party's red lines"),
    ("test", "assertions on a document's findings and red lines"),
];

pub fn complete(analysis: &Analysis, offset: usize) -> Vec<CompletionItem> {
    let text = &analysis.text;
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..at];
    // The words before the one being typed.
    let typing_ends = before.ends_with(char::is_whitespace) || before.is_empty();
    let mut words: Vec<&str> = before.split_whitespace().collect();
    if !typing_ends {
        words.pop();
    }
    let (tree, _) = crate::syntax::parse(0, text);
    let spot = Spot::find(&tree, at);
    match words.as_slice() {
        [] => statement_starts(&spot),
        ["clause" | "recital", _] | ["recital"] => kinds(),
        _ => declared_ids(analysis, at),
    }
}

/// What may start a line where the cursor is: a clause's attributes, a
/// document's statements, or a file's top-level statements.
fn statement_starts(spot: &Spot) -> Vec<CompletionItem> {
    let Some(parent) = spot.parent() else {
        return TOP_LEVEL
            .iter()
            .map(|(word, summary)| item(word, summary, CompletionItemKind::KEYWORD))
            .collect();
    };
    if let Some(kind) = lookup::clause_kind_of(parent) {
        return attributes(kind);
    }
    vocabulary::DOCUMENT_STATEMENTS
        .iter()
        .map(|(word, _, summary)| item(word, summary, CompletionItemKind::KEYWORD))
        .collect()
}

fn attributes(kind: &ClauseKind) -> Vec<CompletionItem> {
    kind.attributes_all()
        .map(|attribute| {
            item(
                attribute.key.name(),
                attribute.summary,
                CompletionItemKind::PROPERTY,
            )
        })
        .collect()
}

fn kinds() -> Vec<CompletionItem> {
    vocabulary::CLAUSE_KINDS
        .iter()
        .map(|kind| item(kind.name, kind.summary, CompletionItemKind::CLASS))
        .collect()
}

/// The parties, units and places of the document at `offset`.
fn declared_ids(analysis: &Analysis, offset: usize) -> Vec<CompletionItem> {
    let Some(document) = analysis.document_at(offset) else {
        return Vec::new();
    };
    let parties = document.parties.iter().map(|party| {
        let name = party
            .name
            .as_ref()
            .map_or("a party", |name| name.value.as_str());
        item(&party.id.value, name, CompletionItemKind::VARIABLE)
    });
    let units = document
        .units
        .iter()
        .map(|unit| item(&unit.path.value, "a unit", CompletionItemKind::VARIABLE));
    let places = document.places.iter().map(|place| {
        let name = place
            .name
            .as_ref()
            .map_or("a place", |name| name.value.as_str());
        item(&place.id.value, name, CompletionItemKind::VALUE)
    });
    parties.chain(units).chain(places).collect()
}

fn item(label: &str, detail: &str, kind: CompletionItemKind) -> CompletionItem {
    CompletionItem {
        label: label.to_string(),
        kind: Some(kind),
        detail: Some(detail.to_string()),
        ..CompletionItem::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "agreement a {
  party regime \"Syrian government\" side government role signatory
  clause 1 detainee_release {
    by re
    
  }
  
}

";

    fn labels(after: &str, skip: usize) -> Vec<String> {
        let analysis = Analysis::new("a.truce", TEXT.to_string());
        let offset = TEXT.find(after).map_or(0, |at| at + skip);
        complete(&analysis, offset)
            .into_iter()
            .map(|item| item.label)
            .collect()
    }

    #[test]
    fn each_place_completes_what_may_stand_there() {
        // A blank line in a clause: its attributes.
        let attributes = labels("by re\n", 10);
        assert!(
            attributes.contains(&"deadline".to_string()),
            "{attributes:?}"
        );
        assert!(
            attributes.contains(&"strength".to_string()),
            "{attributes:?}"
        );
        // A blank line in a document: its statements.
        let statements = labels("  }\n", 6);
        assert!(statements.contains(&"party".to_string()), "{statements:?}");
        // Outside every block: what a file holds.
        assert_eq!(labels("}\n\n", 3), ["agreement", "requirements", "test"]);
        // After `by`: the declared parties.
        assert_eq!(labels("by re", 5), ["regime"]);
    }
}
