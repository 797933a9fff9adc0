//! truce in PA-X's terms: the export a spreadsheet opens, and truce's coding set
//! beside PA-X's own for every corpus document that states its PA-X id.
//!
//! The reference is `tests/fixtures/pax/pax_v6.csv` (PA-X's rows from
//! `../shared/pax.md`); every disagreement has its reason in
//! `tests/fixtures/pax/explained.csv`, so a change that makes truce code
//! differently fails here until the reason is written down.

mod common;

use common::*;

use truce::pax::diff::{self, Side};
use truce::source::Sources;
use truce::vocabulary::pax::Code;

const REFERENCE: &str = "tests/fixtures/pax/pax_v6.csv";
const EXPLAINED: &str = "tests/fixtures/pax/explained.csv";

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).expect("the fixture is readable")
}

#[test]
fn every_corpus_document_with_a_pax_id_is_compared_and_every_disagreement_explained() {
    let loaded = truce::load_paths(&[root().join("agreements")]);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let mut sources = Sources::default();
    let reference =
        diff::read_reference(&mut sources, REFERENCE, read(REFERENCE)).expect("PA-X's rows");
    let explanations =
        diff::read_explanations(&mut sources, EXPLAINED, read(EXPLAINED)).expect("the reasons");
    let comparison = diff::compare(&loaded.corpus, &reference, &explanations);

    let with_id = loaded
        .corpus
        .documents
        .iter()
        .filter(|document| document.pax.is_some())
        .count();
    assert_eq!(with_id, 10, "the corpus states ten PA-X ids");
    assert_eq!(comparison.totals.documents, 10, "each is in the PA-X table");
    assert!(comparison.unmatched_documents.is_empty() && comparison.unmatched_rows.is_empty());

    let unexplained: Vec<String> = comparison
        .paired
        .iter()
        .flat_map(|paired| {
            paired
                .disagreements
                .iter()
                .filter(|d| d.explanation.is_none())
                .map(move |d| {
                    format!(
                        "{},{},{:?} (truce {}, PA-X {})",
                        paired.reference.id, d.code, d.side, d.truce, d.pax
                    )
                })
        })
        .collect();
    assert!(
        unexplained.is_empty(),
        "explain in {EXPLAINED}: {unexplained:#?}"
    );
    let stale: Vec<String> = comparison
        .stale
        .iter()
        .map(|e| format!("{},{},{:?}", e.id, e.code, e.side))
        .collect();
    assert!(stale.is_empty(), "no longer disagreements: {stale:#?}");

    // The figures of the closing note; they may rise, never fall.
    let totals = comparison.totals;
    assert_eq!((totals.pax_codes, totals.both), (120, 58), "{totals:?}");
    assert!(totals.found_of_derivable() >= 0.95, "{totals:?}");
    assert!(totals.found_of_stated() >= 0.80, "{totals:?}");
    assert!(totals.grades_within_one() >= 0.90, "{totals:?}");
    assert!(totals.confirmed() >= 0.70, "{totals:?}");
}

#[test]
fn the_grades_pax_gives_the_detainee_releases_are_within_one_step() {
    // PA-X's two lessons: it grades detail, not deadlines, and TjPrire falls
    // from 3 in the al-Waer proposal to 0 in the final agreement.
    let loaded = truce::load_paths(&[root().join("agreements")]);
    let grade = |id: &str| {
        let document = loaded
            .corpus
            .documents
            .iter()
            .find(|d| d.id.value == id)
            .expect("the document");
        truce::pax::row(document).grade(Code::TjPrire)
    };
    assert_eq!(
        grade("al_waer_proposal_2016"),
        3,
        "140 to 200, held by the GSD"
    );
    assert_eq!(
        grade("al_waer_final_2017"),
        0,
        "no release in the final text"
    );
    assert_eq!(grade("cairo_2017"), 1, "stipulated with no mechanism");
    assert_eq!(
        grade("ghouta_faylaq_2017"),
        2,
        "a committee on the detainees"
    );
}

#[test]
fn pax_diff_gates_on_explanations_and_reports_them() {
    let explained = truce(&[
        "pax-diff",
        "agreements/",
        "--against",
        REFERENCE,
        "--explained",
        EXPLAINED,
    ]);
    assert_eq!(status(&explained), 0, "{}", stderr(&explained));
    let report = stdout(&explained);
    assert!(report.contains("PA-X 2437 al_waer_final_2017"), "{report}");
    assert!(
        report.contains("only in truce HrDet (truce 1) from clause 10 (protection)"),
        "{report}"
    );
    assert!(
        report.contains("disagreements: 85 explained, 0 unexplained"),
        "{report}"
    );

    let folder = tempfile::tempdir().expect("a temporary folder");
    let none = folder.path().join("none.csv");
    std::fs::write(
        &none,
        "AgtId,Code,Side,Basis,Reason\n1441,Ce,pax,stale,\"no longer\"\n",
    )
    .expect("written");
    let none = none.display().to_string();
    let unexplained = truce(&[
        "pax-diff",
        "agreements/",
        "--against",
        REFERENCE,
        "--explained",
        &none,
    ]);
    assert_eq!(status(&unexplained), 1);
    assert!(
        stderr(&unexplained).contains("85 unexplained disagreements and 1 stale explanations"),
        "{}",
        stderr(&unexplained)
    );
    // Without reasons to check, the comparison is a report: exit 0.
    assert_eq!(
        status(&truce(&["pax-diff", "agreements/", "--against", REFERENCE])),
        0
    );
}

#[test]
fn a_bad_pax_table_is_an_input_error_pointing_at_its_line() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let table = folder.path().join("pax.csv");
    std::fs::write(
        &table,
        "AgtId,Agt,TjPrire,CeProv\n1995,Cairo,x,1\n1441,Homs,2,3\n",
    )
    .expect("written");
    let table = table.display().to_string();
    let output = truce(&["pax-diff", "agreements/", "--against", &table]);
    assert_eq!(status(&output), 2);
    let message = stderr(&output);
    assert!(
        message.contains("AgtId 1995, column TjPrire: `x` is no grade"),
        "{message}"
    );
    assert!(
        message.contains("AgtId 1441, column CeProv: `3` is no grade"),
        "{message}"
    );
    assert!(message.contains("0 or 1: this code is binary"), "{message}");
    assert!(
        message.contains(":2:1"),
        "file:line:column of the row: {message}"
    );
    assert!(stdout(&output).is_empty(), "nothing written half-way");

    std::fs::write(folder.path().join("no_id.csv"), "Agt,Ce\nCairo,2\n").expect("written");
    let no_id = folder.path().join("no_id.csv").display().to_string();
    let output = truce(&["pax-diff", "agreements/", "--against", &no_id]);
    assert_eq!(status(&output), 2);
    assert!(
        stderr(&output).contains("no `AgtId` column"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn export_pax_writes_a_csv_in_paxs_column_names_one_row_per_document() {
    let output = truce(&["export", "agreements/", "--format", "pax"]);
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("\r\n"), "CRLF, as spreadsheets expect");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .expect("a header row")
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(
        headers[..9],
        [
            "AgtId", "Agt", "Dat", "Status", "Agtp", "Stage", "StageSub", "Part", "ThrdPart"
        ]
    );
    for code in Code::ALL {
        assert!(headers.iter().any(|h| h == code.name()), "column {code}");
    }
    for wrong in ["HrCp", "Ps", "ImRen", "Other"] {
        assert!(
            !headers.iter().any(|h| h == wrong),
            "{wrong} is no PA-X code"
        );
    }
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    let listed = stdout(&truce(&["list", "agreements/"])).lines().count();
    assert_eq!(rows.len(), listed, "one row per document");
    let column = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let row = |id: &str| {
        rows.iter()
            .find(|r| &r[column("truce_document")] == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    let cairo = row("cairo_2017");
    assert_eq!(&cairo[column("AgtId")], "1995");
    assert_eq!(&cairo[column("Status")], "Multiparty signed/agreed");
    assert_eq!(&cairo[column("TjPrire")], "1");
    assert_eq!(&cairo[column("ThrdPart")], "Egypt");
    let proposal = row("ten_item_proposal_2018");
    assert!(proposal[column("truce_excluded")].contains("rejected proposal"));
    assert_eq!(&proposal[column("AgtId")], "", "PA-X holds no such row");
    let notice = row("russian_notice_2018_02");
    assert!(notice[column("truce_excluded")].contains("notice"));
    let final_waer = row("al_waer_final_2017");
    assert_eq!(&final_waer[column("Pubad")], "0");
    assert_eq!(&final_waer[column("ImPK")], "1");
}

#[test]
fn export_pax_json_says_what_earned_each_code_and_where() {
    let output = truce(&[
        "export",
        "agreements/al_waer_2015_2017.truce",
        "--format",
        "pax-json",
    ]);
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(json["version"], 1);
    let proposal = json["agreements"]
        .as_array()
        .and_then(|rows| {
            rows.iter()
                .find(|r| r["document"] == "al_waer_proposal_2016")
        })
        .expect("the proposal");
    assert_eq!(proposal["AgtId"], 1989);
    assert_eq!(proposal["codes"]["TjPrire"], 3);
    let because = proposal["because"]["TjPrire"][0]["what"]
        .as_str()
        .unwrap_or("");
    assert!(
        because.starts_with("clause 3 (detainee release), grade 3"),
        "{because}"
    );
    assert!(
        proposal["because"]["TjPrire"][0]["line"]
            .as_u64()
            .unwrap_or(0)
            > 1
    );
    assert_eq!(
        json["codebook"].as_array().map(Vec::len),
        Some(Code::ALL.len())
    );
}

#[test]
fn pax_diff_json_carries_the_figures() {
    let output = truce(&[
        "pax-diff",
        "agreements/",
        "--against",
        REFERENCE,
        "--explained",
        EXPLAINED,
        "--format",
        "json",
    ]);
    assert_eq!(status(&output), 0);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(json["totals"]["both"], 58);
    assert_eq!(json["totals"]["unexplained"], 0);
    let sides: Vec<&str> = json["agreements"][0]["disagreements"]
        .as_array()
        .map(|d| d.iter().filter_map(|x| x["side"].as_str()).collect())
        .unwrap_or_default();
    assert!(
        sides
            .iter()
            .all(|side| ["pax", "truce", "grade"].contains(side)),
        "{sides:?}"
    );
    assert_eq!(Side::Pax.name(), "only in PA-X");
}
