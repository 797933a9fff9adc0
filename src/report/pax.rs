//! PA-X rows as a spreadsheet reads them (CSV in PA-X's column names) and as
//! tools read them (JSON), and the comparison with PA-X's own coding as text
//! and JSON.

use serde_json::{Map, Value, json};

use crate::pax::diff::{Comparison, Side};
use crate::pax::{Row, diff::AGREEMENT_COLUMNS};
use crate::source::Sources;
use crate::vocabulary::pax::Code;

/// The version of the JSON `export --format pax-json` and `pax-diff --format
/// json` write; a change that breaks a reader raises it.
pub const VERSION: u32 = 1;

/// Columns truce adds after PA-X's: the document, and why PA-X would leave it
/// out, and the clause kinds that code to nothing.
const TRUCE_COLUMNS: &[&str] = &["truce_document", "truce_excluded", "truce_uncoded"];

/// One row per document in PA-X's columns, then truce's own.
pub fn csv(rows: &[Row]) -> Result<String, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut header: Vec<&str> = AGREEMENT_COLUMNS.to_vec();
    header.extend(Code::ALL.iter().map(|code| code.name()));
    header.extend(TRUCE_COLUMNS);
    writer.write_record(&header)?;
    for row in rows {
        let mut record: Vec<String> = vec![
            row.id.map(|id| id.to_string()).unwrap_or_default(),
            cell(&row.name),
            row.date.clone().unwrap_or_default(),
            row.status.to_string(),
            row.agreement_type.to_string(),
            row.stage.to_string(),
            row.stage_sub.to_string(),
            cell(&row.parties.join("; ")),
            cell(&row.third_parties.join("; ")),
        ];
        record.extend(Code::ALL.iter().map(|code| row.grade(*code).to_string()));
        record.push(cell(&row.document.id.value));
        record.push(row.excluded.unwrap_or("").to_string());
        record.push(row.uncoded.join("; "));
        writer.write_record(&record)?;
    }
    let bytes = writer.into_inner().map_err(|error| error.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// A cell a spreadsheet shows as text: one that would start a formula (`=`,
/// `+`, `-`, `@`) gets a leading apostrophe, as OWASP advises against CSV
/// injection.
fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// The rows as JSON, with what earned each code and where.
pub fn json(rows: &[Row], sources: &Sources) -> String {
    let codebook: Vec<Value> = Code::ALL
        .iter()
        .map(
            |code| json!({ "code": code.name(), "scale": code.scale(), "meaning": code.meaning() }),
        )
        .collect();
    let agreements: Vec<Value> = rows.iter().map(|row| row_json(row, sources)).collect();
    let value = json!({
        "version": VERSION,
        "codebook": codebook,
        "agreements": agreements,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}

fn row_json(row: &Row, sources: &Sources) -> Value {
    let location = sources.locate(row.document.id.span).unwrap_or_default();
    let mut codes = Map::new();
    let mut because = Map::new();
    for (code, earned) in &row.codes {
        codes.insert(code.name().to_string(), json!(earned.grade));
        let reasons: Vec<Value> = earned
            .because
            .iter()
            .map(|reason| {
                let at = sources.locate(reason.span).unwrap_or_default();
                json!({ "what": reason.what, "line": at.line, "column": at.column })
            })
            .collect();
        because.insert(code.name().to_string(), Value::Array(reasons));
    }
    json!({
        "AgtId": row.id,
        "Agt": row.name,
        "Dat": row.date,
        "Status": row.status,
        "Agtp": row.agreement_type,
        "Stage": row.stage,
        "StageSub": row.stage_sub,
        "Part": row.parties,
        "ThrdPart": row.third_parties,
        "codes": codes,
        "because": because,
        "document": row.document.id.value,
        "file": location.file,
        "line": location.line,
        "excluded": row.excluded,
        "uncoded": row.uncoded,
    })
}

/// The comparison with PA-X, for a reader: per agreement the codes both give,
/// then each disagreement with its explanation, then the figures.
pub fn diff_text(comparison: &Comparison) -> String {
    let mut out = String::new();
    for paired in &comparison.paired {
        let row = &paired.row;
        out.push_str(&format!(
            "PA-X {} {} ({})\n",
            paired.reference.id, row.document.id.value, paired.reference.name
        ));
        let both: Vec<String> = paired
            .both
            .iter()
            .map(|(code, truce, pax)| match code.scale() {
                crate::vocabulary::pax::Scale::Graded => format!("{code} {truce}/{pax}"),
                crate::vocabulary::pax::Scale::Binary => code.to_string(),
            })
            .collect();
        out.push_str(&format!(
            "  both ({}): {}\n",
            both.len(),
            if both.is_empty() {
                "-".to_string()
            } else {
                both.join(", ")
            }
        ));
        for side in [Side::Pax, Side::Truce, Side::Grade] {
            for disagreement in paired.disagreements.iter().filter(|d| d.side == side) {
                let grades = match side {
                    Side::Pax => format!("PA-X {}", disagreement.pax),
                    Side::Truce => format!("truce {}", disagreement.truce),
                    Side::Grade => {
                        format!("truce {}, PA-X {}", disagreement.truce, disagreement.pax)
                    }
                };
                let earned = row
                    .codes
                    .get(&disagreement.code)
                    .map(|earned| {
                        let what: Vec<&str> =
                            earned.because.iter().map(|b| b.what.as_str()).collect();
                        format!(" from {}", what.join("; "))
                    })
                    .unwrap_or_default();
                let why = match disagreement.explanation {
                    Some(explanation) => {
                        format!("\n      {}: {}", explanation.basis, explanation.reason)
                    }
                    None => "\n      unexplained".to_string(),
                };
                out.push_str(&format!(
                    "  {} {} ({grades}){earned}{why}\n",
                    side.name(),
                    disagreement.code
                ));
            }
        }
        for (column, truce, pax) in &paired.fields {
            out.push_str(&format!("  {column}: truce {truce}, PA-X {pax}\n"));
        }
        out.push('\n');
    }
    for (document, id) in &comparison.unmatched_documents {
        out.push_str(&format!(
            "{document} states PA-X id {id}, which the PA-X table does not hold\n"
        ));
    }
    for reference in &comparison.unmatched_rows {
        out.push_str(&format!(
            "PA-X {} ({}) is in the table but no document states its id\n",
            reference.id, reference.name
        ));
    }
    for explanation in &comparison.stale {
        out.push_str(&format!(
            "stale explanation: PA-X {} {} ({}) is no longer a disagreement\n",
            explanation.id,
            explanation.code,
            explanation.side.name()
        ));
    }
    let totals = &comparison.totals;
    let stated = totals.pax_codes - totals.source_silent;
    let derivable = stated - totals.undescribed;
    let lines = [
        format!("{} agreements with a PA-X id", totals.documents),
        format!(
            "  PA-X's codes found by truce: {} of {} ({})",
            totals.both,
            totals.pax_codes,
            percent(totals.found())
        ),
        format!(
            "    of those the encoded sources state: {} of {stated} ({})",
            totals.both,
            percent(totals.found_of_stated())
        ),
        format!(
            "    of those they state and the codebook describes: {} of {derivable} ({})",
            totals.both,
            percent(totals.found_of_derivable())
        ),
        format!(
            "  truce's codes PA-X also gives: {} of {} ({})",
            totals.both,
            totals.truce_codes,
            percent(totals.confirmed())
        ),
        format!(
            "  grades within one step: {} of {} graded codes in both ({}); equal: {}",
            totals.within_one,
            totals.graded_both,
            percent(totals.grades_within_one()),
            totals.equal
        ),
        format!(
            "  agreement-level variables (Status, Agtp, Stage, StageSub) agree: {} of {}",
            totals.fields_agree, totals.fields
        ),
        format!(
            "  disagreements: {} explained, {} unexplained",
            totals.explained, totals.unexplained
        ),
    ];
    for line in lines {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// The comparison as JSON.
pub fn diff_json(comparison: &Comparison) -> String {
    let agreements: Vec<Value> = comparison
        .paired
        .iter()
        .map(|paired| {
            let both: Vec<Value> = paired
                .both
                .iter()
                .map(
                    |(code, truce, pax)| json!({ "code": code.name(), "truce": truce, "pax": pax }),
                )
                .collect();
            let fields: Vec<Value> = paired
                .fields
                .iter()
                .map(|(column, truce, pax)| json!({ "column": column, "truce": truce, "pax": pax }))
                .collect();
            json!({
                "AgtId": paired.reference.id,
                "document": paired.row.document.id.value,
                "both": both,
                "disagreements": paired.disagreements,
                "fields": fields,
            })
        })
        .collect();
    let unmatched_documents: Vec<Value> = comparison
        .unmatched_documents
        .iter()
        .map(|(document, id)| json!({ "document": document, "AgtId": id }))
        .collect();
    let unmatched_rows: Vec<u32> = comparison.unmatched_rows.iter().map(|r| r.id).collect();
    let totals = &comparison.totals;
    let value = json!({
        "version": VERSION,
        "agreements": agreements,
        "unmatched_documents": unmatched_documents,
        "unmatched_rows": unmatched_rows,
        "stale": comparison.stale,
        "totals": totals,
        "found": totals.found(),
        "found_of_stated": totals.found_of_stated(),
        "found_of_derivable": totals.found_of_derivable(),
        "confirmed": totals.confirmed(),
        "grades_within_one": totals.grades_within_one(),
    });
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}
