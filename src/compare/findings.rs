//! Findings that appear and disappear between drafts: which of `check`'s
//! findings on the older draft the newer one no longer gives (resolved), and
//! which it gives that the older did not (new).
//!
//! A finding is the same in both drafts when its rule is the same and its
//! clauses are partners in the alignment. A finding on the document as a whole
//! (it points at the document's id: no guarantor for its protections) matches
//! one of its rule on the other document, whichever clauses it lists. Findings match as multisets, through a hash map, in
//! time linear in their number.

use std::collections::HashMap;

use super::Step;
use crate::finding::Finding;
use crate::model::Document;
use crate::source::Span;

/// What identifies a finding across drafts: its rule and, for each of its
/// clauses, the index of the newer clause it is (or pairs with); `None` for an
/// older clause with no partner.
type Identity = (&'static str, Vec<Option<usize>>);

/// The findings on the older draft the newer no longer gives, and those on the
/// newer the older did not give.
pub fn changes(step: &Step, older: &[Finding], newer: &[Finding]) -> (Vec<Finding>, Vec<Finding>) {
    let older_index = clause_index(step.older);
    let newer_index = clause_index(step.newer);
    let mut partner: HashMap<usize, usize> = HashMap::new();
    for row in &step.rows {
        if let (Some(old), Some(new)) = (row.older, row.newer) {
            partner.insert(old, new);
        }
    }
    let identity = |finding: &Finding, newer_side: bool| -> Identity {
        let document = if newer_side { step.newer } else { step.older };
        if finding.span == document.id.span {
            return (finding.rule, Vec::new());
        }
        let clauses = finding
            .clauses
            .iter()
            .map(|clause| {
                if newer_side {
                    newer_index.get(&clause.span).copied()
                } else {
                    older_index
                        .get(&clause.span)
                        .and_then(|old| partner.get(old).copied())
                }
            })
            .collect();
        (finding.rule, clauses)
    };
    let mut waiting: HashMap<Identity, usize> = HashMap::new();
    for finding in newer {
        *waiting.entry(identity(finding, true)).or_default() += 1;
    }
    let mut resolved = Vec::new();
    let mut matched: HashMap<Identity, usize> = HashMap::new();
    for finding in older {
        let key = identity(finding, false);
        match waiting.get_mut(&key) {
            Some(count) if *count > 0 => {
                *count -= 1;
                *matched.entry(key).or_default() += 1;
            }
            _ => resolved.push(finding.clone()),
        }
    }
    let mut appeared = Vec::new();
    for finding in newer {
        let key = identity(finding, true);
        match matched.get_mut(&key) {
            Some(count) if *count > 0 => *count -= 1,
            _ => appeared.push(finding.clone()),
        }
    }
    (resolved, appeared)
}

fn clause_index(document: &Document) -> HashMap<Span, usize> {
    document
        .clauses
        .iter()
        .enumerate()
        .map(|(index, clause)| (clause.span, index))
        .collect()
}

#[cfg(test)]
mod tests {
    fn changes(text: &str) -> (Vec<&'static str>, Vec<&'static str>) {
        let loaded = crate::load_str("drafts.truce", text);
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        let documents: Vec<_> = loaded.corpus.documents.iter().collect();
        let thread = crate::rules::thread_in(&documents, &loaded.corpus);
        let rules = |findings: &[crate::finding::Finding]| {
            findings
                .iter()
                .map(|finding| finding.rule)
                .collect::<Vec<_>>()
        };
        (
            rules(&thread.steps[0].resolved),
            rules(&thread.steps[0].appeared),
        )
    }

    #[test]
    fn a_finding_on_the_whole_document_persists_whatever_clauses_it_lists() {
        // No guarantor in either draft, for other protections each time.
        let (resolved, appeared) = changes(
            "agreement a {\n  clause 1 humanitarian_access { corridors 2 }\n}\n\
             agreement b {\n  clause 1 services { services water }\n}\n",
        );
        assert!(!resolved.contains(&"no-guarantor"), "{resolved:?}");
        assert!(!appeared.contains(&"no-guarantor"), "{appeared:?}");
    }

    #[test]
    fn a_finding_on_a_clause_is_resolved_when_its_partner_lacks_it() {
        let (resolved, appeared) = changes(
            "agreement a {\n  clause 7 detainee_release { strength review }\n}\n\
             agreement b {\n  clause 7 detainee_release { }\n}\n",
        );
        assert!(resolved.contains(&"weak-commitment"), "{resolved:?}");
        assert!(!appeared.contains(&"weak-commitment"), "{appeared:?}");
    }
}
