//! Hover: a rule's explanation on a finding, a clause kind's or an attribute's
//! meaning and type, and the declaration a name refers to.

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind};

use crate::rules;
use crate::syntax::AtomKind;
use crate::vocabulary::{self, ValueType};

use super::analysis::Analysis;
use super::lookup::{self, Spot};
use super::position::LineIndex;

/// What to show at `offset`, in Markdown; `None` where there is nothing to say.
pub fn hover(analysis: &Analysis, offset: usize) -> Option<Hover> {
    let (tree, _) = crate::syntax::parse(0, &analysis.text);
    let spot = Spot::find(&tree, offset);
    let mut sections: Vec<String> = analysis
        .findings_at(offset)
        .filter_map(|finding| {
            let rule = rules::rule(finding.rule)?;
            Some(format!(
                "**{}[{}]** {}\n\n{}",
                finding.severity.name(),
                rule.id,
                rule.summary,
                rule.explanation
            ))
        })
        .collect();
    if let Some(about) = about_atom(analysis, &spot) {
        sections.insert(0, about);
    }
    if sections.is_empty() {
        return None;
    }
    let lines = LineIndex::new(&analysis.text);
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: sections.join("\n\n---\n\n"),
        }),
        range: spot
            .atom
            .map(|(_, atom)| lines.range(atom.span.start(), atom.span.end())),
    })
}

/// What the atom under the cursor means: a keyword, a clause kind, or a name.
fn about_atom(analysis: &Analysis, spot: &Spot) -> Option<String> {
    let statement = spot.statement()?;
    let (index, atom) = spot.atom?;
    let AtomKind::Word(word) = atom.kind else {
        return declared(analysis, spot, atom.span.start());
    };
    let keyword = statement.keyword()?;
    if index == 0 {
        if let Some(kind) = spot.parent().and_then(lookup::clause_kind_of) {
            let attribute = kind.attribute_named(word)?;
            return Some(format!(
                "**`{word}`**: {}\n\nType: {}",
                attribute.summary,
                type_name(attribute.value)
            ));
        }
        if let Some((_, _, summary)) = vocabulary::DOCUMENT_STATEMENTS
            .iter()
            .find(|(name, _, _)| *name == word)
        {
            return Some(format!("**`{word}`**: {summary}"));
        }
        return None;
    }
    if matches!(keyword, "clause" | "recital")
        && let Some(kind) = vocabulary::clause_kind(word)
    {
        return Some(format!(
            "**`{}`** (clause kind): {}\n\nPA-X: {}",
            kind.name,
            kind.summary,
            crate::vocabulary::pax::describe(kind.pax)
        ));
    }
    declared(analysis, spot, atom.span.start())
}

/// The declaration of the party, unit, place or clause a name refers to, as it
/// is written.
fn declared(analysis: &Analysis, spot: &Spot, offset: usize) -> Option<String> {
    let document = analysis.document_at(offset)?;
    let declaration = lookup::declaration(spot, document)?;
    let span = declaration.span(document);
    let text = analysis.text.get(span.start()..span.end())?;
    // A clause's first line says what it is; its block can be long.
    let head = text
        .lines()
        .next()
        .unwrap_or(text)
        .trim_end_matches(['{', ' ']);
    Some(format!("```truce\n{head}\n```"))
}

/// `deadline`, or a closed list spelt out.
fn type_name(value: ValueType) -> String {
    match value {
        ValueType::Words(words) => format!("one or more of `{}`", words.join("`, `")),
        ValueType::Strength => format!(
            "`strength`: one of `{}`",
            vocabulary::STRENGTHS.join("`, `")
        ),
        other => format!("`{}`", other.name()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str, at: &str) -> String {
        let analysis = Analysis::new("a.truce", text.to_string());
        let offset = text.find(at).map_or(0, |at| at + 1);
        match hover(&analysis, offset).map(|hover| hover.contents) {
            Some(HoverContents::Markup(markup)) => markup.value,
            _ => String::new(),
        }
    }

    #[test]
    fn a_clause_kind_and_a_document_statement_say_what_they_are() {
        let text = "agreement a {\n  date 2018-05-01\n  clause 1 ceasefire {}\n}\n";
        let kind = shown(text, "ceasefire");
        assert!(kind.contains("**`ceasefire`** (clause kind)"), "{kind}");
        let date = shown(text, "date");
        assert!(
            date.starts_with("**`date`**: the date it was proposed or signed"),
            "{date}"
        );
        assert_eq!(shown(text, "2018"), "");
    }
}
