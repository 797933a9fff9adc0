//! Checks on the checked model, whichever front end built it: the `.truce`
//! resolver or the JSON interchange. Loading ([`crate::load`]) runs them on every
//! corpus, so JSON input is held to what the language promises:
//!
//! - [`documents`], on what one front end read (a `.truce` file, a JSON corpus):
//!   ids declared twice within a document (parties, places, units, sources, clause
//!   numbers); names that must refer to declarations (parties and units, places,
//!   sources) and clause numbers that must exist (`after`, `if`,
//!   `in_exchange_for`, `covers`, deadline anchors); unit hierarchies and place
//!   containment (a parent that exists, no cycle); `allow` lines that name a
//!   rule `truce check` runs and give a reason.
//! - [`corpus`], on everything loaded together: document ids declared twice, and
//!   links to documents that exist.
//! - [`limits`]: how long a duration and how old a person can be. The resolver
//!   keeps to them as it reads numbers, and the interchange checks JSON against
//!   them before the model is handed out, because the model's arithmetic relies on
//!   them; so they are not checked again here.
//!
//! The resolver does none of these checks itself: it reads names as written and
//! leaves them to this pass, so each error is reported once, with the same
//! message, span and hint for either front end.

mod allows;
mod hierarchy;
pub mod limits;
mod links;
mod names;
mod references;

use crate::diagnostic::Diagnostic;
use crate::error_code::ErrorCode;
use crate::model::{Corpus, Document, Requirements};

/// The document-level checks on documents and red lines that one front end read,
/// in the order of the documents; errors are appended.
pub fn documents(
    documents: &[Document],
    requirements: &[Requirements],
    errors: &mut Vec<Diagnostic>,
) {
    let first = errors.len();
    for document in documents {
        document_checks(document, errors);
    }
    for requirements in requirements {
        document_checks(&requirements.header, errors);
        if let Some(owner) = &requirements.owner {
            let declared = references::Declared::of(&requirements.header);
            declared.party(owner, errors);
        }
    }
    default_codes(&mut errors[first..]);
}

/// The code of a model check's error that has none of its own.
fn default_codes(errors: &mut [Diagnostic]) {
    for error in errors {
        error.default_code(ErrorCode::InvalidModel);
    }
}

fn document_checks(document: &Document, errors: &mut Vec<Diagnostic>) {
    let declared = references::Declared::of(document);
    names::check(document, errors);
    allows::check(document, errors);
    hierarchy::check(document, &declared, errors);
    references::check(document, &declared, errors);
}

/// Checks across everything loaded: unique document ids, links to documents that
/// exist.
pub fn corpus(corpus: &Corpus, errors: &mut Vec<Diagnostic>) {
    let first = errors.len();
    links::check(corpus, errors);
    default_codes(&mut errors[first..]);
}

#[cfg(test)]
mod tests {
    /// The error messages of a document of these declarations and statements.
    fn errors(body: &str) -> Vec<String> {
        let text = format!(
            "agreement a {{\n  source s1 \"r\"\n  place homs \"Homs\" kind city\n  \
             party regime \"R\" side government units army\n  \
             party factions \"F\" side opposition\n{body}\n}}\n"
        );
        let loaded = crate::load_str("a.truce", &text);
        loaded
            .errors
            .into_iter()
            .map(|error| error.message)
            .collect()
    }

    #[test]
    fn every_reference_is_checked_where_it_is_made() {
        for (body, expected) in [
            (
                "  party un \"UN\" side third aligned nobody",
                "unknown party `nobody`",
            ),
            (
                "  party un \"UN\" represents nowhere",
                "unknown place `nowhere`",
            ),
            ("  party un \"UN\" source s9", "unknown source `s9`"),
            ("  region nowhere", "unknown place `nowhere`"),
            ("  status signed by nobody", "unknown party `nobody`"),
            ("  guarantor nobody", "unknown party `nobody`"),
            ("  monitor regime source s9", "unknown source `s9`"),
            (
                "  clause 1 ceasefire {\n    by nobody\n  }",
                "unknown party or group `nobody`",
            ),
            (
                "  clause 1 ceasefire {\n    monitor nobody\n  }",
                "unknown party `nobody`",
            ),
            (
                "  clause 1 ceasefire {\n    area nowhere\n  }",
                "unknown place `nowhere`",
            ),
            (
                "  clause 1 ceasefire {\n    after 9\n  }",
                "there is no clause 9 in this document",
            ),
            ("  place x \"X\" within nowhere", "unknown place `nowhere`"),
            (
                "  unit regime.a \"A\" within regime.b",
                "unknown party `regime.b`",
            ),
        ] {
            assert_eq!(errors(body), [expected], "{body}");
        }
    }

    #[test]
    fn every_name_of_a_list_is_checked() {
        assert_eq!(
            errors("  clause 1 ceasefire {\n    by nobody, regime.army, noone\n  }"),
            [
                "unknown party or group `nobody`",
                "unknown party or group `noone`"
            ]
        );
    }

    #[test]
    fn ids_declared_twice() {
        for (body, expected) in [
            (
                "  party regime \"R\" side government",
                "party `regime` is declared twice",
            ),
            ("  place homs \"H\"", "place `homs` is declared twice"),
            ("  source s1 \"again\"", "source `s1` is declared twice"),
            (
                "  unit regime.army \"Army\"",
                "unit `regime.army` is declared twice",
            ),
            (
                "  clause 1 ceasefire {\n    by regime\n  }\n  clause 1 ceasefire {\n    by regime\n  }",
                "clause 1 appears twice",
            ),
        ] {
            assert_eq!(errors(body), [expected], "{body}");
        }
        // A party declared twice with its units says it once.
        assert_eq!(
            errors("  party regime \"R\" side government units army"),
            ["party `regime` is declared twice"]
        );
    }

    #[test]
    fn hierarchies_form_trees() {
        assert_eq!(
            errors("  unit regime.a \"A\" within regime.b\n  unit regime.b \"B\" within regime.a"),
            [
                "unit `regime.a` lies within itself",
                "unit `regime.b` lies within itself"
            ]
        );
        assert_eq!(
            errors("  place x \"X\" within x"),
            ["place `x` lies within itself"]
        );
    }

    #[test]
    fn a_source_is_reported_once_however_many_attributes_cite_it() {
        // The clause's own `source` line goes to both attributes.
        assert_eq!(
            errors("  clause 1 ceasefire {\n    by regime\n    area homs\n    source s9\n  }"),
            ["unknown source `s9`"]
        );
        // No attribute takes it, so the model does not hold it: still checked.
        assert_eq!(
            errors("  clause 1 ceasefire {\n    by regime source s1\n    source s9\n  }"),
            ["unknown source `s9`"]
        );
    }

    #[test]
    fn a_second_region_keeps_the_first_for_the_checks() {
        assert_eq!(
            errors("  region nowhere\n  region homs"),
            [
                "unknown place `nowhere`",
                "the document has a second region"
            ]
        );
    }

    #[test]
    fn red_lines_are_checked_like_documents() {
        let loaded = crate::load_str(
            "r.truce",
            "requirements r {\n  party factions \"F\" side opposition\n  owner nobody\n  \
             place x \"X\" within x\n}\n",
        );
        let messages: Vec<&str> = loaded.errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(
            messages,
            ["unknown party `nobody`", "place `x` lies within itself"]
        );
    }
}
