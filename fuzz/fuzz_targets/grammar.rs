//! Structure-aware: documents built from the grammar, not bytes, so the fuzzer
//! reaches deep values (long durations, chains and cycles of anchors, zoned
//! times at the calendar's ends, huge counts, long ids) that random bytes rarely
//! parse into. Each goes through load, check, compare, timeline, coverage,
//! export and import, and format; none may panic.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Corpus {
    documents: Vec<Document>,
}

#[derive(Arbitrary, Debug)]
struct Document {
    id_length: u16,
    year: u16,
    month: u8,
    besieged: bool,
    clauses: Vec<Clause>,
    /// `allow RULE "reason"` lines on the document, by rule index.
    allows: Vec<u8>,
}

#[derive(Arbitrary, Debug)]
struct Clause {
    kind: Kind,
    attributes: Vec<Attribute>,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Kind {
    Ceasefire,
    Evacuation,
    DetaineeRelease,
    WeaponsWithdrawal,
    NonEntry,
    StatusSettlement,
    Conscription,
    Termination,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Unit {
    Hours,
    Days,
    Weeks,
    Months,
    Years,
}

#[derive(Arbitrary, Debug)]
enum Attribute {
    Duration(u32, Unit),
    DurationRange(u32, Unit, u32, Unit),
    Within(u32, Unit),
    Day(u32, u8, Option<bool>),
    After(u32, Unit, u8, Option<bool>),
    Date(u16, u8, u8),
    Zoned(u16, u8, u8, u8, Zone),
    Count(u64),
    CountRange(u64, u64),
    Distance(u64),
    Ages(u8, u8),
    AfterClause(u8),
    Exchange(u8),
    Barred,
    Destination,
    /// `allow RULE "reason"` in the clause, by rule index.
    Allow(u8),
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Zone {
    Utc,
    Offset(i8, u8),
    Damascus,
    Kiritimati,
}

fn kind(kind: Kind) -> &'static str {
    match kind {
        Kind::Ceasefire => "ceasefire",
        Kind::Evacuation => "evacuation",
        Kind::DetaineeRelease => "detainee_release",
        Kind::WeaponsWithdrawal => "weapons_withdrawal",
        Kind::NonEntry => "non_entry",
        Kind::StatusSettlement => "status_settlement",
        Kind::Conscription => "conscription",
        Kind::Termination => "termination",
    }
}

fn unit(unit: Unit) -> &'static str {
    match unit {
        Unit::Hours => "hours",
        Unit::Days => "days",
        Unit::Weeks => "weeks",
        Unit::Months => "months",
        Unit::Years => "years",
    }
}

fn point(point: Option<bool>) -> &'static str {
    match point {
        None => "",
        Some(true) => " starts",
        Some(false) => " ends",
    }
}

fn zone(zone: Zone) -> String {
    match zone {
        Zone::Utc => "Z".to_string(),
        Zone::Offset(hours, minutes) => {
            format!("{}{:02}:{:02}", if hours < 0 { '-' } else { '+' }, hours.unsigned_abs() % 30, minutes % 70)
        }
        Zone::Damascus => "[Asia/Damascus]".to_string(),
        Zone::Kiritimati => "[Pacific/Kiritimati]".to_string(),
    }
}

fn attribute(attribute: &Attribute, clauses: usize) -> String {
    let clause = |n: u8| usize::from(n) % (clauses + 1) + 1;
    match attribute {
        Attribute::Duration(n, u) => format!("duration {n} {}", unit(*u)),
        Attribute::DurationRange(a, u, b, v) => format!("duration {a} {} to {b} {}", unit(*u), unit(*v)),
        Attribute::Within(n, u) => format!("deadline within {n} {} of signing", unit(*u)),
        Attribute::Day(n, c, p) => format!("deadline day {n} after clause {}{}", clause(*c), point(*p)),
        Attribute::After(n, u, c, p) => {
            format!("start {n} {} after clause {}{}", unit(*u), clause(*c), point(*p))
        }
        Attribute::Date(y, m, d) => format!("deadline {:04}-{:02}-{:02}", y % 10_000, m % 13, d % 32),
        Attribute::Zoned(y, m, d, h, z) => format!(
            "deadline {:04}-{:02}-{:02}T{:02}:30{}",
            y % 10_000,
            m % 13,
            d % 32,
            h % 25,
            zone(*z)
        ),
        Attribute::Count(n) => format!("count {n}"),
        Attribute::CountRange(a, b) => format!("count {a} to {b}"),
        Attribute::Distance(n) => format!("distance {n} km"),
        Attribute::Ages(a, b) => format!("ages {a} to {b}"),
        Attribute::AfterClause(c) => format!("after {}", clause(*c)),
        Attribute::Exchange(c) => format!("in_exchange_for {}", clause(*c)),
        Attribute::Barred => "barred regime.army".to_string(),
        Attribute::Destination => "destination p".to_string(),
        Attribute::Allow(rule) => allow(*rule),
    }
}

/// `allow RULE "reason"` for one of the rules `truce check` runs (except
/// `unused-allow`, which an `allow` may not name).
fn allow(rule: u8) -> String {
    let ids: Vec<&str> = truce::rules::document_rules()
        .map(|rule| rule.id)
        .filter(|id| *id != "unused-allow")
        .collect();
    format!("allow {} \"accepted\"", ids[usize::from(rule) % ids.len()])
}

fn render(corpus: &Corpus) -> String {
    let mut text = String::new();
    for (index, document) in corpus.documents.iter().take(4).enumerate() {
        let id = format!("d{index}{}", "x".repeat(usize::from(document.id_length % 4096)));
        text.push_str(&format!(
            "agreement {id} {{\n  date {:04}-{:02}-01\n  party regime \"R\" side government units army\n  \
             place p \"P\" kind region{}\n",
            document.year % 10_000,
            document.month % 13,
            if document.besieged { " besieged_by regime" } else { "" }
        ));
        for rule in document.allows.iter().take(4) {
            text.push_str(&format!("  {}\n", allow(*rule)));
        }
        let clauses = document.clauses.len().min(64);
        for (number, clause) in document.clauses.iter().take(64).enumerate() {
            text.push_str(&format!("  clause {} {} {{\n", number + 1, kind(clause.kind)));
            for attribute in clause.attributes.iter().take(8) {
                text.push_str("    ");
                text.push_str(&self::attribute(attribute, clauses));
                text.push('\n');
            }
            text.push_str("  }\n");
        }
        text.push_str("}\n");
    }
    text
}

fuzz_target!(|corpus: Corpus| {
    let text = render(&corpus);
    let _ = truce::format::format(0, &text);
    let loaded = truce::load_str("fuzz.truce", &text);
    let _ = truce::report::diagnostics::render(&loaded.errors, &loaded.sources, false);
    let corpus = &loaded.corpus;
    let findings = truce::rules::check(corpus);
    let (_, suppressed) = truce::suppress::apply(findings.clone(), corpus);
    assert!(suppressed.len() <= findings.len());
    let _ = truce::report::text::render(
        &findings,
        corpus,
        &loaded.sources,
        truce::report::text::Options::default(),
    );
    let documents: Vec<&truce::model::Document> = corpus.documents.iter().collect();
    if documents.len() >= 2 {
        let thread = truce::rules::thread(&documents);
        let _ = truce::report::compare_text::render(
            &thread,
            &loaded.sources,
            truce::report::compare_text::Options::default(),
        );
    }
    let timeline = truce::timeline::timeline(corpus);
    let _ = truce::report::compare_timeline::render(&timeline);
    let matrix = truce::coverage::matrix(corpus, None, &[]);
    let _ = truce::report::coverage::text(&matrix, 100);
    if loaded.errors.is_empty() {
        // What the language accepts, JSON reads back, with the same findings.
        let json = truce::interchange::export(corpus, &loaded.sources).expect("exports");
        let mut sources = truce::source::Sources::default();
        let imported = truce::interchange::import("fuzz.json", &json, &mut sources)
            .unwrap_or_else(|errors| panic!("the export does not read back: {errors:#?}"));
        assert_eq!(truce::rules::check(&imported).len(), findings.len());
    }
});
