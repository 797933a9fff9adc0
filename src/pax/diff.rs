//! truce's PA-X coding set beside PA-X's own: for every document that states its
//! PA-X id, the codes both give, those only PA-X gives, those only truce gives,
//! and whether the grades agree within one step.
//!
//! PA-X's coding is read from a CSV in PA-X's columns (`AgtId`, `Agt`, `Dat`,
//! `Status`, `Agtp`, `Stage`, `StageSub`, and a column per code), as PA-X
//! publishes it and as `truce export --format pax` writes it. Columns truce does
//! not know are kept aside and listed, never silently read as zero.
//!
//! A second, optional CSV explains disagreements (`AgtId`, `Code`, `Side`,
//! `Basis`, `Reason`): each disagreement is then shown with its reason, and an
//! explanation that explains no disagreement is stale and reported as such.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::{Row, row};
use crate::diagnostic::Diagnostic;
use crate::model::Corpus;
use crate::source::{FileId, SourceFile, Sources, Span};
use crate::vocabulary::pax::{Code, Scale};

/// One agreement as PA-X codes it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reference {
    pub id: u32,
    pub name: String,
    pub date: String,
    pub status: String,
    pub agreement_type: String,
    pub stage: String,
    pub stage_sub: String,
    /// The non-zero codes, with their grade (1 for a binary code).
    pub codes: BTreeMap<Code, u8>,
    #[serde(skip)]
    pub span: Span,
}

/// What kind of disagreement an explanation explains.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// A code PA-X gives and truce does not.
    Pax,
    /// A code truce gives and PA-X does not.
    Truce,
    /// A code both give, with grades more than one step apart.
    Grade,
}

impl Side {
    fn parse(word: &str) -> Option<Side> {
        match word.trim().to_ascii_lowercase().as_str() {
            "pax" => Some(Side::Pax),
            "truce" => Some(Side::Truce),
            "grade" => Some(Side::Grade),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Side::Pax => "only in PA-X",
            Side::Truce => "only in truce",
            Side::Grade => "grades apart",
        }
    }
}

/// Why truce and PA-X disagree on one code of one agreement.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Explanation {
    pub id: u32,
    pub code: Code,
    pub side: Side,
    /// A short class of reason: `source-silent` (the source truce encodes does
    /// not report the provision), `pax-reads-more`, `truce-reads-more`,
    /// `grading`, `truce-wrong`, ...
    pub basis: String,
    pub reason: String,
    #[serde(skip)]
    pub span: Span,
}

/// The basis of an explanation that says the source truce encodes is silent:
/// such codes are left out of the figure "found, of what the source states".
pub const SOURCE_SILENT: &str = "source-silent";

/// The basis of an explanation that says PA-X's code is one the codebook
/// excerpt does not describe, which truce never derives.
pub const UNDESCRIBED_CODE: &str = "undescribed-code";

/// One code on which the two disagree.
#[derive(Clone, Debug, Serialize)]
pub struct Disagreement<'e> {
    pub code: Code,
    pub side: Side,
    pub truce: u8,
    pub pax: u8,
    pub explanation: Option<&'e Explanation>,
}

/// One document beside its PA-X row.
#[derive(Debug)]
pub struct Paired<'a, 'e> {
    pub row: Row<'a>,
    pub reference: &'e Reference,
    /// Codes both give: (code, truce's grade, PA-X's grade).
    pub both: Vec<(Code, u8, u8)>,
    pub disagreements: Vec<Disagreement<'e>>,
    /// Agreement-level variables: (column, truce, PA-X), where they differ.
    pub fields: Vec<(&'static str, String, String)>,
}

/// Every paired document, with what could not be paired and the totals.
#[derive(Debug)]
pub struct Comparison<'a, 'e> {
    pub paired: Vec<Paired<'a, 'e>>,
    /// Documents whose PA-X id the reference does not hold.
    pub unmatched_documents: Vec<(&'a str, u32)>,
    /// Reference rows no document states the id of.
    pub unmatched_rows: Vec<&'e Reference>,
    /// Explanations that explain no disagreement.
    pub stale: Vec<&'e Explanation>,
    pub totals: Totals,
}

/// The agreement, in figures.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Totals {
    pub documents: usize,
    /// Codes PA-X gives, over the paired documents.
    pub pax_codes: usize,
    pub truce_codes: usize,
    pub both: usize,
    /// PA-X's codes that truce misses, explained as the source being silent.
    pub source_silent: usize,
    /// PA-X's codes that truce misses, explained as codes the codebook
    /// excerpt does not describe.
    pub undescribed: usize,
    /// Graded codes both give, and how many of them lie within one step.
    pub graded_both: usize,
    pub within_one: usize,
    pub equal: usize,
    pub explained: usize,
    pub unexplained: usize,
    /// Agreement-level variables compared, and how many agree.
    pub fields: usize,
    pub fields_agree: usize,
}

impl Totals {
    /// Share of PA-X's codes truce finds.
    pub fn found(&self) -> f64 {
        ratio(self.both, self.pax_codes)
    }

    /// Share of PA-X's codes truce finds, leaving out those the source it
    /// encodes does not report.
    pub fn found_of_stated(&self) -> f64 {
        ratio(self.both, self.pax_codes - self.source_silent)
    }

    /// Share of PA-X's codes truce finds, of those the encoded source states
    /// and the codebook describes: what truce could have found.
    pub fn found_of_derivable(&self) -> f64 {
        ratio(
            self.both,
            self.pax_codes - self.source_silent - self.undescribed,
        )
    }

    /// Share of truce's codes PA-X also gives.
    pub fn confirmed(&self) -> f64 {
        ratio(self.both, self.truce_codes)
    }

    pub fn grades_within_one(&self) -> f64 {
        ratio(self.within_one, self.graded_both)
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// The agreement-level columns, in PA-X's order.
pub const AGREEMENT_COLUMNS: &[&str] = &[
    "AgtId", "Agt", "Dat", "Status", "Agtp", "Stage", "StageSub", "Part", "ThrdPart",
];

/// Read PA-X's coding from CSV text; the file is added to `sources`, so
/// errors point at its lines.
pub fn read_reference(
    sources: &mut Sources,
    path: &str,
    text: String,
) -> Result<Vec<Reference>, Vec<Diagnostic>> {
    let file = sources.add(SourceFile::new(path, text.clone()));
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(headers) => headers.clone(),
        Err(error) => return Err(vec![csv_error(file, &text, path, &error)]),
    };
    let column = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
    let Some(id_column) = column("AgtId") else {
        return Err(vec![
            Diagnostic::new(
                "the PA-X table has no `AgtId` column",
                line_span(file, &text, 0),
            )
            .expected("a header row with PA-X's columns: AgtId, Agt, Dat, Status, ...")
            .hint("export PA-X's coding as CSV with its own column names, or see `truce export --format pax`"),
        ]);
    };
    let codes: Vec<(usize, Code)> = headers
        .iter()
        .enumerate()
        .filter_map(|(index, name)| Code::parse(name).map(|code| (index, code)))
        .collect();
    let text_of = |record: &csv::StringRecord, name: &str| {
        column(name)
            .and_then(|index| record.get(index))
            .unwrap_or("")
            .to_string()
    };
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    each_record(
        &mut reader,
        (file, &text, path),
        &mut errors,
        |record, span, errors| {
            let id_text = record.get(id_column).unwrap_or("");
            let Ok(id) = id_text.parse::<u32>() else {
                errors.push(
                    Diagnostic::new(format!("`{id_text}` is no PA-X agreement id"), span)
                        .expected("a whole number in the `AgtId` column"),
                );
                return;
            };
            let mut graded = BTreeMap::new();
            for (index, code) in &codes {
                let cell = record.get(*index).unwrap_or("");
                match parse_grade(cell, *code) {
                Ok(0) => {}
                Ok(grade) => {
                    graded.insert(*code, grade);
                }
                Err(expected) => errors.push(
                    Diagnostic::new(
                        format!("AgtId {id}, column {code}: `{cell}` is no grade"),
                        span,
                    )
                    .expected(expected)
                    .hint("PA-X grades provisions 0-3 and marks binary codes 0 or 1; leave a cell empty for 0"),
                ),
            }
            }
            rows.push(Reference {
                id,
                name: text_of(record, "Agt"),
                date: text_of(record, "Dat"),
                status: text_of(record, "Status"),
                agreement_type: text_of(record, "Agtp"),
                stage: text_of(record, "Stage"),
                stage_sub: text_of(record, "StageSub"),
                codes: graded,
                span,
            });
        },
    );
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

fn parse_grade(cell: &str, code: Code) -> Result<u8, &'static str> {
    if cell.is_empty() {
        return Ok(0);
    }
    let grade: u8 = cell.parse().map_err(|_| "a grade: 0, 1, 2 or 3")?;
    match (code.scale(), grade) {
        (Scale::Graded, 0..=3) | (Scale::Binary, 0..=1) => Ok(grade),
        (Scale::Graded, _) => Err("a grade from 0 to 3"),
        (Scale::Binary, _) => Err("0 or 1: this code is binary"),
    }
}

/// Read explanations of disagreements from CSV text: `AgtId`, `Code`, `Side`
/// (`pax`, `truce` or `grade`), `Basis`, `Reason`.
pub fn read_explanations(
    sources: &mut Sources,
    path: &str,
    text: String,
) -> Result<Vec<Explanation>, Vec<Diagnostic>> {
    let file = sources.add(SourceFile::new(path, text.clone()));
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    let mut errors = Vec::new();
    each_record(
        &mut reader,
        (file, &text, path),
        &mut errors,
        |record, span, errors| {
            let field = |index: usize| record.get(index).unwrap_or("");
            let (Ok(id), Some(code), Some(side)) = (
                field(0).parse::<u32>(),
                Code::parse(field(1)),
                Side::parse(field(2)),
            ) else {
                errors.push(
                Diagnostic::new("an explanation must name an agreement, a code and a side", span)
                    .expected("AgtId,Code,Side,Basis,Reason: a PA-X id, a PA-X code, then `pax`, `truce` or `grade`")
                    .hint("for example: 1441,SsrInt,pax,source-silent,\"the dossier does not report intelligence services\""),
            );
                return;
            };
            out.push(Explanation {
                id,
                code,
                side,
                basis: field(3).to_string(),
                reason: field(4).to_string(),
                span,
            });
        },
    );
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// Each record of `reader` with the span of its line; a record that cannot be
/// read is an error at its line, and the reading goes on.
fn each_record(
    reader: &mut csv::Reader<&[u8]>,
    (file, text, path): (FileId, &str, &str),
    errors: &mut Vec<Diagnostic>,
    mut read: impl FnMut(&csv::StringRecord, Span, &mut Vec<Diagnostic>),
) {
    for record in reader.records() {
        match record {
            Ok(record) => {
                let offset = record.position().map_or(0, |p| p.byte() as usize);
                read(&record, line_span(file, text, offset), errors);
            }
            Err(error) => errors.push(csv_error(file, text, path, &error)),
        }
    }
}

fn csv_error(file: FileId, text: &str, path: &str, error: &csv::Error) -> Diagnostic {
    match error.position() {
        Some(position) => Diagnostic::new(
            format!("cannot read the CSV: {error}"),
            line_span(file, text, position.byte() as usize),
        )
        .hint("every row needs as many fields as the header; quote fields that hold commas"),
        None => Diagnostic::for_path(format!("cannot read the CSV: {error}"), path),
    }
}

/// The line of `text` that holds `offset`, as a span.
fn line_span(file: FileId, text: &str, offset: usize) -> Span {
    let offset = offset.min(text.len());
    let end = text[offset..]
        .find('\n')
        .map_or(text.len(), |at| offset + at);
    Span::new(file, offset, end.max(offset))
}

/// Set the corpus's documents that state a PA-X id beside `reference`.
pub fn compare<'a, 'e>(
    corpus: &'a Corpus,
    reference: &'e [Reference],
    explanations: &'e [Explanation],
) -> Comparison<'a, 'e> {
    let by_id: HashMap<u32, &Reference> = reference.iter().map(|r| (r.id, r)).collect();
    let mut explained: HashMap<(u32, Code, Side), &Explanation> = HashMap::new();
    for explanation in explanations {
        explained
            .entry((explanation.id, explanation.code, explanation.side))
            .or_insert(explanation);
    }
    let mut used: std::collections::HashSet<(u32, Code, Side)> = Default::default();
    let mut paired = Vec::new();
    let mut unmatched_documents = Vec::new();
    let mut seen_ids = std::collections::HashSet::new();
    let mut totals = Totals::default();
    for document in &corpus.documents {
        let Some(id) = document.pax.as_ref().map(|id| id.value) else {
            continue;
        };
        let Some(reference) = by_id.get(&id).copied() else {
            unmatched_documents.push((document.id.value.as_str(), id));
            continue;
        };
        seen_ids.insert(id);
        let row = row(document);
        let mut both = Vec::new();
        let mut disagreements = Vec::new();
        let mut disagree = |code: Code, side: Side, truce: u8, pax: u8| {
            let key = (id, code, side);
            let explanation = explained.get(&key).copied();
            if explanation.is_some() {
                used.insert(key);
            }
            disagreements.push(Disagreement {
                code,
                side,
                truce,
                pax,
                explanation,
            });
        };
        for code in Code::ALL {
            let (truce, pax) = (
                row.grade(*code),
                reference.codes.get(code).copied().unwrap_or(0),
            );
            match (truce, pax) {
                (0, 0) => {}
                (0, _) => disagree(*code, Side::Pax, truce, pax),
                (_, 0) => disagree(*code, Side::Truce, truce, pax),
                _ => {
                    both.push((*code, truce, pax));
                    if code.scale() == Scale::Graded && truce.abs_diff(pax) > 1 {
                        disagree(*code, Side::Grade, truce, pax);
                    }
                }
            }
        }
        let fields = fields(&row, reference);
        totals.documents += 1;
        totals.pax_codes += reference.codes.len();
        totals.truce_codes += row.codes.len();
        totals.both += both.len();
        for (code, truce, pax) in &both {
            if code.scale() == Scale::Graded {
                totals.graded_both += 1;
                totals.within_one += usize::from(truce.abs_diff(*pax) <= 1);
                totals.equal += usize::from(truce == pax);
            }
        }
        for disagreement in &disagreements {
            match disagreement.explanation {
                Some(explanation) => {
                    totals.explained += 1;
                    if disagreement.side == Side::Pax {
                        match explanation.basis.as_str() {
                            SOURCE_SILENT => totals.source_silent += 1,
                            UNDESCRIBED_CODE => totals.undescribed += 1,
                            _ => {}
                        }
                    }
                }
                None => totals.unexplained += 1,
            }
        }
        totals.fields += COMPARED_FIELDS;
        totals.fields_agree += COMPARED_FIELDS - fields.len();
        paired.push(Paired {
            row,
            reference,
            both,
            disagreements,
            fields,
        });
    }
    let unmatched_rows = reference
        .iter()
        .filter(|row| !seen_ids.contains(&row.id))
        .collect();
    let stale = explanations
        .iter()
        .filter(|e| seen_ids.contains(&e.id) && !used.contains(&(e.id, e.code, e.side)))
        .collect();
    Comparison {
        paired,
        unmatched_documents,
        unmatched_rows,
        stale,
        totals,
    }
}

/// How many agreement-level variables [`fields`] compares.
const COMPARED_FIELDS: usize = 4;

/// The agreement-level variables on which truce and PA-X differ: (column,
/// truce, PA-X). PA-X's abbreviations (`MSA`, `Uni`) count as their words.
fn fields(row: &Row, reference: &Reference) -> Vec<(&'static str, String, String)> {
    let status = |text: &str| match text {
        "MSA" => super::MULTIPARTY.to_string(),
        "Uni" => super::UNILATERAL.to_string(),
        other => other.to_string(),
    };
    let pairs = [
        ("Status", row.status.to_string(), status(&reference.status)),
        (
            "Agtp",
            row.agreement_type.to_string(),
            reference.agreement_type.clone(),
        ),
        ("Stage", row.stage.to_string(), reference.stage.clone()),
        (
            "StageSub",
            row.stage_sub.to_string(),
            reference.stage_sub.clone(),
        ),
    ];
    pairs
        .into_iter()
        .filter(|(_, truce, pax)| !truce.eq_ignore_ascii_case(pax))
        .collect()
}
