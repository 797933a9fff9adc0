//! The seed corpus's findings, pinned in full. Each was checked by hand against
//! the articles in shared/sources; a change here is a change in what truce tells
//! an analyst about a real agreement, so review it as such.

/// (document, rule, clauses involved); compared as sets, since order is the
/// renderer's business.
type Pinned = (&'static str, &'static str, &'static [&'static str]);

const SEED_FINDINGS: &[Pinned] = &[
    (
        "cairo_2017",
        "no-guarantor",
        &["ceasefire", "detainee_release"],
    ),
    ("cairo_2017", "unrepresented-population", &[]),
    ("cairo_2017", "version-discrepancy", &[]),
    ("cairo_2017", "ceasefire-no-monitoring", &["ceasefire"]),
    ("cairo_2017", "detainee-no-deadline", &["detainee_release"]),
    ("cairo_2017", "detainee-no-mechanism", &["detainee_release"]),
    ("cairo_2017", "unbound-obligation", &["detainee_release"]),
    (
        "russian_notice_2018_02",
        "early-termination",
        &["termination", "term"],
    ),
    (
        "october_4_2017",
        "no-guarantor",
        &["clause 1", "clause 2", "clause 3"],
    ),
    ("october_4_2017", "ceasefire-no-monitoring", &["clause 1"]),
    ("october_4_2017", "detainee-no-deadline", &["clause 3"]),
    ("october_4_2017", "detainee-no-mechanism", &["clause 3"]),
    ("october_4_2017", "weak-commitment", &["clause 3"]),
    ("october_4_2017", "unbound-obligation", &["clause 2"]),
    (
        "october_4_2017",
        "obligation-on-non-signatory",
        &["clause 1"],
    ),
    (
        "october_4_2017",
        "obligation-on-non-signatory",
        &["clause 1"],
    ),
    (
        "ten_item_proposal_2018",
        "access-conflict",
        &["clause 8", "clause 10"],
    ),
    (
        "ten_item_proposal_2018",
        "no-guarantor",
        &["clause 2", "clause 3", "clause 4", "clause 7", "clause 8"],
    ),
    (
        "ten_item_proposal_2018",
        "evacuation-no-safe-passage",
        &["clause 2"],
    ),
    (
        "ten_item_proposal_2018",
        "unbounded-exclusion",
        &["clause 4"],
    ),
    (
        "ten_item_proposal_2018",
        "detainee-no-deadline",
        &["clause 7"],
    ),
    (
        "ten_item_proposal_2018",
        "detainee-no-mechanism",
        &["clause 7"],
    ),
    ("ten_item_proposal_2018", "weak-commitment", &["clause 7"]),
    ("ten_item_proposal_2018", "weak-commitment", &["clause 8"]),
    ("ten_item_proposal_2018", "short-ultimatum", &["ultimatum"]),
    (
        "ten_item_proposal_2018",
        "unbound-obligation",
        &["clause 3"],
    ),
    (
        "ten_item_proposal_2018",
        "unbound-obligation",
        &["clause 4"],
    ),
    (
        "ten_item_proposal_2018",
        "unbound-obligation",
        &["clause 7"],
    ),
    (
        "ten_item_proposal_2018",
        "unbound-obligation",
        &["clause 10"],
    ),
    (
        "loka_first_offer",
        "aid-conditioned-on-concession",
        &["clause 1", "clause 2"],
    ),
    ("loka_first_offer", "no-guarantor", &["clause 1"]),
    (
        "loka_first_offer",
        "evacuation-no-destination",
        &["clause 1"],
    ),
    (
        "loka_first_offer",
        "evacuation-no-safe-passage",
        &["clause 1"],
    ),
    ("loka_second_offer", "no-guarantor", &["clause 1"]),
    (
        "loka_second_offer",
        "evacuation-no-safe-passage",
        &["clause 1"],
    ),
    (
        "salem_compromise",
        "aid-conditioned-on-concession",
        &["clause 3", "clause 2"],
    ),
    (
        "salem_compromise",
        "aid-conditioned-on-concession",
        &["clause 4", "clause 2"],
    ),
    (
        "salem_compromise",
        "no-guarantor",
        &["clause 3", "clause 4"],
    ),
    ("salem_compromise", "unbound-obligation", &["clause 3"]),
    ("salem_compromise", "unbound-obligation", &["clause 4"]),
    ("un_evacuation_2014_02", "no-guarantor", &["clause 1"]),
    (
        "un_evacuation_2014_02",
        "evacuation-no-destination",
        &["clause 1"],
    ),
    ("framework_2014_04_10", "no-guarantor", &["clause 1"]),
    (
        "framework_2014_04_10",
        "evacuation-no-destination",
        &["clause 1"],
    ),
    (
        "framework_2014_04_10",
        "evacuation-no-safe-passage",
        &["clause 1"],
    ),
];

fn seed_findings() -> Vec<(String, &'static str, Vec<String>)> {
    let loaded = truce::load_paths(&["agreements".into()]);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    truce::rules::check(&loaded.corpus)
        .into_iter()
        .map(|f| {
            (
                f.document,
                f.rule,
                f.clauses.into_iter().map(|c| c.label).collect(),
            )
        })
        .collect()
}

#[test]
fn the_seed_corpus_reports_exactly_the_pinned_findings() {
    let mut actual = seed_findings();
    let mut expected: Vec<(String, &str, Vec<String>)> = SEED_FINDINGS
        .iter()
        .map(|(document, rule, clauses)| {
            (
                document.to_string(),
                *rule,
                clauses.iter().map(|c| c.to_string()).collect(),
            )
        })
        .collect();
    actual.sort();
    expected.sort();
    assert_eq!(actual, expected);
}

/// The findings the language issue names, each on its document and clauses.
#[test]
fn the_findings_the_sources_call_for_are_among_them() {
    let actual = seed_findings();
    let has = |document: &str, rule: &str, clauses: &[&str]| {
        actual.iter().any(|(d, r, c)| {
            d == document
                && *r == rule
                && clauses.iter().all(|want| c.iter().any(|got| got == want))
        })
    };
    let required: &[Pinned] = &[
        (
            "loka_first_offer",
            "aid-conditioned-on-concession",
            &["clause 1"],
        ),
        (
            "salem_compromise",
            "aid-conditioned-on-concession",
            &["clause 3"],
        ),
        ("cairo_2017", "detainee-no-mechanism", &[]),
        ("october_4_2017", "weak-commitment", &["clause 3"]),
        ("ten_item_proposal_2018", "weak-commitment", &["clause 7"]),
        ("cairo_2017", "unrepresented-population", &[]),
        ("cairo_2017", "version-discrepancy", &[]),
        ("october_4_2017", "ceasefire-no-monitoring", &["clause 1"]),
        ("russian_notice_2018_02", "early-termination", &[]),
        (
            "ten_item_proposal_2018",
            "access-conflict",
            &["clause 8", "clause 10"],
        ),
        (
            "ten_item_proposal_2018",
            "unbounded-exclusion",
            &["clause 4"],
        ),
        ("ten_item_proposal_2018", "no-guarantor", &[]),
        ("ten_item_proposal_2018", "short-ultimatum", &[]),
    ];
    for (document, rule, clauses) in required {
        assert!(
            has(document, rule, clauses),
            "{rule} on {document} {clauses:?}"
        );
    }
}
