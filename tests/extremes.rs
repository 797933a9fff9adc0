//! A bounded adversarial property: documents drawn from the grammar with
//! extreme values (years at the calendar's ends, durations and day numbers at
//! and past their limits, huge counts and distances, long ids, anchors that form
//! chains and cycles, deep nesting) go through every stage and renderer: load,
//! check, compare, timeline, coverage, export and import, format. None may
//! panic; an input error is a fine answer. The fuzzers explore further; this
//! keeps the shapes they found in every `cargo test`.

use proptest::prelude::*;
use proptest::sample::select;

/// One attribute line with an extreme value, for a clause of `clauses` clauses.
/// With `valid`, every value is within its limits (at them, often) and every
/// attribute is one any clause takes, so the document loads and the later
/// stages run; without, anything goes and the resolver must say what is wrong.
fn attribute(clauses: usize, valid: bool) -> BoxedStrategy<String> {
    let amount = if valid {
        prop_oneof![0u64..10, Just(999u64), Just(1_000)].boxed()
    } else {
        prop_oneof![
            0u64..10,
            Just(999u64),
            Just(1_000),
            Just(1_001),
            Just(12_000),
            Just(19_999),
            Just(100_000),
            Just(100_001),
            Just(7_304_485),
            Just(u64::from(u32::MAX)),
        ]
        .boxed()
    };
    let unit = || select(&["hours", "days", "weeks", "months", "years"][..]);
    let clause = 1..=clauses.max(1);
    let point = || select(&["", " starts", " ends"][..]);
    let common = prop_oneof![
        (amount.clone(), unit()).prop_map(|(n, unit)| format!("duration {n} {unit}")),
        (amount.clone(), unit())
            .prop_map(|(n, unit)| format!("deadline within {n} {unit} of signing")),
        (amount.clone(), clause.clone(), point())
            .prop_map(|(n, c, p)| format!("deadline day {n} after clause {c}{p}")),
        (amount.clone(), unit(), clause.clone(), point())
            .prop_map(|(n, u, c, p)| format!("start {n} {u} after clause {c}{p}")),
        (1u32..=9999, 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, d)| format!("deadline {y:04}-{m:02}-{d:02}")),
        (
            1u32..=9999,
            0u32..=23,
            select(&["Z", "+14:00", "-12:00", "[Pacific/Kiritimati]"][..])
        )
            .prop_map(|(y, h, z)| format!("deadline {y:04}-03-30T{h:02}:30{z}")),
        clause.clone().prop_map(|c| format!("after {c}")),
        clause.clone().prop_map(|c| format!("in_exchange_for {c}")),
    ];
    if valid {
        return common.boxed();
    }
    prop_oneof![
        common,
        (amount.clone(), unit(), amount.clone(), unit())
            .prop_map(|(a, u, b, v)| format!("duration {a} {u} to {b} {v}")),
        (1u32..=9999, 0u32..=23)
            .prop_map(|(y, h)| format!("deadline {y:04}-03-30T{h:02}:30[Asia/Damascus]")),
        amount.clone().prop_map(|n| format!("count {n}")),
        (amount.clone(), amount.clone()).prop_map(|(a, b)| format!("count {a} to {b}")),
        amount.clone().prop_map(|n| format!("distance {n} km")),
        (0u32..200, 0u32..200).prop_map(|(a, b)| format!("ages {a} to {b}")),
    ]
    .boxed()
}

fn kind() -> impl Strategy<Value = &'static str> {
    select(
        &[
            "ceasefire",
            "evacuation",
            "detainee_release",
            "weapons_withdrawal",
            "non_entry",
            "status_settlement",
            "conscription",
        ][..],
    )
}

/// A document: a long or short id, a date at either end of the calendar, and
/// clauses whose attributes may not suit their kind (the resolver says so).
fn document(index: usize, valid: bool) -> impl Strategy<Value = String> {
    (
        prop_oneof![Just(1usize), 1usize..40, Just(5_000)],
        (1u32..=9999, 1u32..=12),
        // A valid document has every clause its anchors name.
        prop::collection::vec(
            (kind(), prop::collection::vec(attribute(12, valid), 0..4)),
            if valid { 12..13 } else { 1..12 },
        ),
    )
        .prop_map(move |(id_length, (year, month), clauses)| {
            let id = format!("d{index}{}", "x".repeat(id_length));
            let mut text = format!(
                "agreement {id} {{\n  date {year:04}-{month:02}-01\n  \
                 party regime \"R\" side government units army\n  \
                 place p \"P\" kind region besieged_by regime\n"
            );
            for (number, (kind, attributes)) in clauses.iter().enumerate() {
                text.push_str(&format!("  clause {} {kind} {{\n", number + 1));
                for attribute in attributes {
                    text.push_str(&format!("    {attribute}\n"));
                }
                text.push_str("  }\n");
            }
            text.push_str("}\n");
            text
        })
}

fn corpus() -> impl Strategy<Value = String> {
    any::<bool>().prop_flat_map(|valid| {
        (document(0, valid), document(1, valid)).prop_map(|(a, b)| format!("{a}\n{b}"))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn extreme_documents_pass_through_every_stage_without_a_panic(text in corpus()) {
        let loaded = truce::load_str("extreme.truce", &text);
        // Whatever is wrong is a located input error, rendered like any other.
        let _ = truce::report::diagnostics::render(&loaded.errors, &loaded.sources, false);
        for error in &loaded.errors {
            prop_assert!(error.span.is_some() || error.path.is_some(), "{error:?}");
        }
        let _ = truce::format::format(0, &text);
        if loaded.errors.is_empty() {

            let corpus = &loaded.corpus;
            let findings = truce::rules::check(corpus);
            let _ = truce::report::text::render(
                &findings,
                corpus,
                &loaded.sources,
                truce::report::text::Options {
                    explain: true,
                    quiet: false,
                },
            );
            let documents: Vec<&truce::model::Document> = corpus.documents.iter().collect();
            let thread = truce::rules::thread(&documents);
            let _ = truce::report::compare_text::render(
                &thread,
                &loaded.sources,
                truce::report::compare_text::Options::default(),
            );
            let timeline = truce::timeline::timeline(corpus);
            let _ = truce::report::compare_timeline::render(&timeline);
            let matrix = truce::coverage::matrix(corpus, None, &[]);
            let _ = truce::report::coverage::text(&matrix, 100);
            let json = truce::interchange::export(corpus, &loaded.sources).expect("exports");
            let mut sources = truce::source::Sources::default();
            let imported = truce::interchange::import("extreme.json", &json, &mut sources);
            // What the DSL accepts, JSON reads back, with the same findings.
            let imported = match imported {
                Ok(imported) => imported,
                Err(errors) => return Err(TestCaseError::fail(format!("{errors:#?}"))),
            };
            prop_assert_eq!(truce::rules::check(&imported).len(), findings.len());
        }
    }
}

#[test]
fn a_fair_share_of_the_extreme_documents_reach_every_stage() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let mut loaded = 0;
    for _ in 0..64 {
        let text = corpus().new_tree(&mut runner).expect("a corpus").current();
        if truce::load_str("extreme.truce", &text).errors.is_empty() {
            loaded += 1;
        }
    }
    assert!(loaded >= 8, "only {loaded} of 64 drawn corpora load");
}
