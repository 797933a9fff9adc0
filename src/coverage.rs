//! Coverage: which clause kinds each document has, and which red lines it meets.

use serde::Serialize;

use crate::model::{Corpus, RedLineStatus, Requirements};
use crate::redline;
use crate::vocabulary::Vocabulary;

/// Documents × clause kinds (and × red lines), with totals.
#[derive(Clone, Debug, Serialize)]
pub struct Matrix {
    /// Clause kinds shown, in the vocabulary's order.
    pub kinds: Vec<&'static str>,
    /// Red-line ids shown, in the requirements' order.
    pub red_lines: Vec<String>,
    pub rows: Vec<Row>,
    /// Per kind: operative clauses of that kind across all documents.
    pub kind_totals: Vec<usize>,
    /// Per red line: documents that meet it.
    pub red_line_totals: Vec<usize>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Row {
    pub document: String,
    /// Per kind: the number of operative clauses of that kind.
    pub counts: Vec<usize>,
    /// Per red line: its outcome.
    pub red_lines: Vec<RedLineStatus>,
    /// Operative clauses in the document.
    pub total: usize,
    /// Red lines met.
    pub met: usize,
    /// The sources whose versions of the text differ, counted together here;
    /// empty where the sources agree.
    pub versions: Vec<String>,
}

impl Matrix {
    /// The kinds a document lacks among `required`.
    pub fn missing<'a>(&self, row: &Row, required: &'a [String]) -> Vec<&'a str> {
        required
            .iter()
            .filter(|kind| {
                self.kinds
                    .iter()
                    .position(|k| k == kind)
                    .is_none_or(|index| row.counts[index] == 0)
            })
            .map(String::as_str)
            .collect()
    }
}

/// Build the matrix. Kinds shown are those any document has, plus `also`
/// (kinds a user requires, shown even when no document has them).
pub fn matrix(corpus: &Corpus, requirements: Option<&Requirements>, also: &[String]) -> Matrix {
    let kinds: Vec<&'static str> = Vocabulary::standard()
        .kinds()
        .iter()
        .map(|kind| kind.name)
        .filter(|name| {
            also.iter().any(|k| k == name)
                || corpus
                    .documents
                    .iter()
                    .any(|d| d.clauses.iter().any(|c| c.kind_name() == *name))
        })
        .collect();
    let red_lines: Vec<String> = requirements
        .map(|r| r.items.iter().map(|i| i.id.value.to_string()).collect())
        .unwrap_or_default();
    let rows: Vec<Row> = corpus
        .documents
        .iter()
        .map(|document| {
            let counts = kinds
                .iter()
                .map(|kind| {
                    document
                        .clauses
                        .iter()
                        .filter(|c| c.kind_name() == *kind)
                        .count()
                })
                .collect();
            let outcomes: Vec<RedLineStatus> = requirements
                .map(|r| {
                    redline::evaluate(r, document)
                        .into_iter()
                        .map(|o| o.status)
                        .collect()
                })
                .unwrap_or_default();
            Row {
                document: document.id.value.to_string(),
                counts,
                met: outcomes
                    .iter()
                    .filter(|s| **s == RedLineStatus::Met)
                    .count(),
                red_lines: outcomes,
                total: document.clauses.len(),
                versions: document.version_sources(),
            }
        })
        .collect();
    let kind_totals = (0..kinds.len())
        .map(|index| rows.iter().map(|row| row.counts[index]).sum())
        .collect();
    let red_line_totals = (0..red_lines.len())
        .map(|index| {
            rows.iter()
                .filter(|row| row.red_lines[index] == RedLineStatus::Met)
                .count()
        })
        .collect();
    Matrix {
        kinds,
        red_lines,
        rows,
        kind_totals,
        red_line_totals,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_totals() {
        let text = r#"
agreement a { clause 1 ceasefire { text "x" }; clause 2 ceasefire { text "y" } }
agreement b { clause 1 evacuation { people civilians }; recital ceasefire { text "z" } }
requirements r { require truce ceasefire { text "a ceasefire" } }
"#;
        let loaded = crate::load_str("c.truce", text);
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        let requirements = &loaded.corpus.requirements[0];
        let matrix = matrix(&loaded.corpus, Some(requirements), &["conscription".into()]);
        assert_eq!(matrix.kinds, ["ceasefire", "evacuation", "conscription"]);
        assert_eq!(matrix.rows[0].counts, [2, 0, 0]);
        // The recital is not counted: it binds nobody.
        assert_eq!(matrix.rows[1].counts, [0, 1, 0]);
        assert_eq!(matrix.kind_totals, [2, 1, 0]);
        assert_eq!(matrix.red_line_totals, [1]);
        assert_eq!(matrix.rows[1].red_lines, [RedLineStatus::Unmet]);
        let required = ["ceasefire".to_string(), "conscription".to_string()];
        assert_eq!(matrix.missing(&matrix.rows[0], &required), ["conscription"]);
    }

    #[test]
    fn a_row_names_the_versions_it_counts_together() {
        let text = r#"
agreement a {
  source committee "the committee"
  source elaph "Elaph"
  party regime "Syrian government" side government units army
  clause 7 non_entry { barred regime.army; source committee }
  clause 7 deployment { forces regime.army; source elaph }
}
agreement b { clause 1 ceasefire { text "x" } }
"#;
        let loaded = crate::load_str("c.truce", text);
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        let matrix = matrix(&loaded.corpus, None, &[]);
        assert_eq!(matrix.rows[0].versions, ["committee", "elaph"]);
        assert!(matrix.rows[1].versions.is_empty());
        let text = crate::report::coverage::text(&matrix, 100);
        assert!(text.ends_with("a: the versions of committee; elaph are counted together\n"));
    }
}
