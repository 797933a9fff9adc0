//! The corpus-wide checks: each document id declared once, each link to a
//! document that exists and is not the linking one, and no loop along one
//! relation.
//!
//! A corpus can hold hundreds of thousands of documents, so ids are looked up
//! once each, and everything after works on document indices: hashing and
//! comparing the ids themselves again would read each one back from its
//! source text, scattered over the whole corpus.

use rustc_hash::FxHashMap as HashMap;

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::error_code::ErrorCode;
use crate::model::{Corpus, Link};
use crate::vocabulary::Relation;

/// A link between two documents, by the index of the first document declaring
/// each id: a duplicate id's links are that id's.
struct Edge<'a> {
    relation: Relation,
    from: u32,
    to: u32,
    link: &'a Link,
}

pub(super) fn check(corpus: &Corpus, errors: &mut Vec<Diagnostic>) {
    let documents = &corpus.documents[..];
    let mut first: HashMap<&str, u32> =
        HashMap::with_capacity_and_hasher(documents.len(), Default::default());
    let mut nodes: Vec<u32> = Vec::with_capacity(documents.len());
    for (index, document) in documents.iter().enumerate() {
        let index = index as u32;
        let node = *first.entry(&document.id.value).or_insert(index);
        if node != index {
            errors.push(
                Diagnostic::new(
                    format!("document `{}` is defined twice", document.id.value),
                    document.id.span,
                )
                .code(ErrorCode::DuplicateId)
                .related(documents[node as usize].id.span, "first defined here")
                .hint("give each document its own id"),
            );
        }
        nodes.push(node);
    }
    let mut edges = Vec::new();
    for (document, &from) in documents.iter().zip(&nodes) {
        for link in &document.links {
            if link.target.value == document.id.value {
                errors.push(
                    Diagnostic::new(
                        format!(
                            "document `{}` {} itself",
                            document.id.value,
                            link.relation.value.name()
                        ),
                        link.target.span,
                    )
                    .code(ErrorCode::InvalidModel)
                    .expected("the id of another document")
                    .hint("a link relates two documents: an earlier text, or a framework"),
                );
                continue;
            }
            match first.get(link.target.value.as_str()) {
                Some(&to) => edges.push(Edge {
                    relation: link.relation.value,
                    from,
                    to,
                    link,
                }),
                None => errors.push(
                    Diagnostic::new(
                        format!("unknown document `{}`", link.target.value),
                        link.target.span,
                    )
                    .code(ErrorCode::UndefinedName)
                    .expected("the id of a document in the files being checked")
                    .maybe_hint(did_you_mean(&link.target.value, first.keys().copied())),
                ),
            }
        }
    }
    for relation in Relation::ALL {
        loops(corpus, *relation, &edges, errors);
    }
}

/// Documents that, by one relation, lead back to themselves: `a supersedes b`
/// and `b supersedes a`. Each relation is a chain from newer to older texts, so
/// a loop in one is an error, reported once, at the link that closes it, in a
/// search that starts from each document in reading order.
fn loops(corpus: &Corpus, relation: Relation, edges: &[Edge], errors: &mut Vec<Diagnostic>) {
    let mut out: Vec<&Edge> = edges.iter().filter(|e| e.relation == relation).collect();
    if out.is_empty() {
        return;
    }
    // Each document's links, in reading order: `out[offsets[n]..offsets[n + 1]]`.
    out.sort_by_key(|edge| edge.from);
    let count = corpus.documents.len();
    let mut offsets = vec![0u32; count + 1];
    for edge in &out {
        offsets[edge.from as usize + 1] += 1;
    }
    for node in 0..count {
        offsets[node + 1] += offsets[node];
    }
    let links =
        |node: u32| &out[offsets[node as usize] as usize..offsets[node as usize + 1] as usize];
    let name = |node: u32| corpus.documents[node as usize].id.value.as_str();
    // Iterative depth-first search.
    const NEW: u8 = 0;
    const ON_PATH: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![NEW; count];
    let mut stack: Vec<(u32, usize)> = Vec::new();
    for start in out.iter().map(|edge| edge.from) {
        if state[start as usize] != NEW {
            continue;
        }
        state[start as usize] = ON_PATH;
        stack.push((start, 0));
        while let Some((node, next)) = stack.last().copied() {
            let Some(edge) = links(node).get(next) else {
                state[node as usize] = DONE;
                stack.pop();
                continue;
            };
            if let Some(top) = stack.last_mut() {
                top.1 += 1;
            }
            match state[edge.to as usize] {
                ON_PATH => {
                    let (node, target) = (name(node), name(edge.to));
                    errors.push(
                        Diagnostic::new(
                            format!(
                                "`{node} {} {target}` closes a loop: {target} leads back to {node}",
                                relation.name()
                            ),
                            edge.link.target.span,
                        )
                        .code(ErrorCode::Cycle)
                        .hint("each text can only link to texts that came before it"),
                    );
                }
                NEW => {
                    state[edge.to as usize] = ON_PATH;
                    stack.push((edge.to, 0));
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    /// The errors of loading these documents, each `(id, links)` a document of
    /// that id with those `link` lines, in this order.
    fn errors(documents: &[(&str, &[&str])]) -> Vec<String> {
        let text: String = documents
            .iter()
            .map(|(id, links)| {
                let links: String = links
                    .iter()
                    .map(|link| format!("  link {link}\n"))
                    .collect();
                format!("agreement {id} {{\n  date 2018-05-01\n{links}}}\n")
            })
            .collect();
        crate::load_str("links.truce", &text)
            .errors
            .into_iter()
            .map(|error| error.message)
            .collect()
    }

    #[test]
    fn links_between_existing_documents_in_one_direction_are_quiet() {
        let errors = errors(&[
            ("c", &["supersedes b", "amends a"]),
            ("b", &["supersedes a"]),
            ("a", &[]),
        ]);
        assert!(errors.is_empty(), "{errors:?}");
    }

    #[test]
    fn a_loop_is_reported_once_at_the_link_that_closes_it_in_reading_order() {
        let errors = errors(&[
            ("c", &["supersedes b"]),
            ("b", &["supersedes a"]),
            ("a", &["supersedes c"]),
        ]);
        assert_eq!(
            errors,
            ["`a supersedes c` closes a loop: c leads back to a"],
        );
    }

    #[test]
    fn links_of_different_relations_make_no_loop() {
        let errors = errors(&[("a", &["supersedes b"]), ("b", &["amends a"])]);
        assert!(errors.is_empty(), "{errors:?}");
    }

    #[test]
    fn a_duplicate_ids_links_are_that_ids() {
        let errors = errors(&[("a", &[]), ("b", &["extends a"]), ("a", &["extends b"])]);
        assert_eq!(
            errors,
            [
                "`b extends a` closes a loop: a leads back to b",
                "document `a` is defined twice",
            ],
        );
    }

    #[test]
    fn unknown_and_self_links_are_errors_and_no_part_of_a_loop() {
        let errors = errors(&[("a", &["amends a", "amends nowhere"])]);
        assert_eq!(
            errors,
            ["document `a` amends itself", "unknown document `nowhere`"],
        );
    }
}
