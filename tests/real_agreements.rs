//! What real agreements say, said in the language: the roles, evidence, versions,
//! outcomes and provisions of national, interstate and local texts, and the
//! answers the checker gives on them. Each test here failed before the language
//! could say it, or before the rule it pins was right.

use truce::Loaded;

fn load(text: &str) -> Loaded {
    truce::load_str("agreement.truce", text)
}

/// Every input error as (message, line, column).
fn errors(text: &str) -> Vec<(String, usize, usize)> {
    let loaded = load(text);
    loaded
        .errors
        .iter()
        .map(|error| {
            let location = error.span.and_then(|span| loaded.sources.locate(span));
            let (line, column) = location.map_or((0, 0), |at| (at.line, at.column));
            (error.message.clone(), line, column)
        })
        .collect()
}

/// The findings of `rule` on the documents of `text`, as messages.
fn fired(rule: &str, text: &str) -> Vec<String> {
    let loaded = load(text);
    assert!(loaded.errors.is_empty(), "{:#?}", loaded.errors);
    truce::rules::check(&loaded.corpus)
        .into_iter()
        .filter(|finding| finding.rule == rule)
        .map(|finding| finding.message.to_string())
        .collect()
}

// Values.

#[test]
fn a_count_carries_its_source() {
    let loaded = load(
        r#"agreement un_evacuation {
  date 2014-02
  source s003 "Middle East Eye, April 2014"
  clause 1 evacuation { count about 1400 source s003; remaining about 1300 source s003 }
}"#,
    );
    assert!(loaded.errors.is_empty(), "{:#?}", loaded.errors);
    let clause = &loaded.corpus.documents[0].clauses[0];
    let sources: Vec<&str> = clause
        .attributes
        .iter()
        .flat_map(|attribute| attribute.source.iter().map(|s| s.value.as_str()))
        .collect();
    assert_eq!(sources, ["s003", "s003"]);
    assert_eq!(clause.attributes[0].value.to_string(), "about 1400");
}

#[test]
fn counts_say_everyone_and_distances_say_bounds_ranges_and_classes() {
    let loaded = load(
        r#"agreement a {
  date 2018-05-01
  clause 1 prisoner_exchange { count all for all prisoners }
  clause 2 detainee_release { count all hostages }
  clause 3 evacuation { count 400 to 500 fighters }
  clause 4 buffer_zone { depth at least 30 km for heavy; depth 10 to 15 km for medium, light }
  clause 5 weapons_withdrawal { distance up to 500 m }
}"#,
    );
    assert!(loaded.errors.is_empty(), "{:#?}", loaded.errors);
    let shown: Vec<String> = loaded.corpus.documents[0]
        .clauses
        .iter()
        .flat_map(|clause| clause.attributes.iter().map(|a| a.value.to_string()))
        .collect();
    assert_eq!(
        shown,
        [
            "all for all prisoners",
            "all hostages",
            "400 to 500 fighters",
            "at least 30 km for heavy",
            "10 km to 15 km for medium, light",
            "up to 500 m",
        ]
    );
}

#[test]
fn a_distance_range_that_runs_backwards_is_a_located_error() {
    let found = errors(
        r#"agreement a {
  date 2018-05-01
  clause 1 buffer_zone { depth 15 to 10 km }
}"#,
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].0.contains("runs backwards"), "{found:?}");
    assert_eq!((found[0].1, found[0].2), (3, 32));
}

#[test]
fn a_number_too_large_to_be_a_count_is_a_located_error() {
    assert_eq!(
        errors(
            "agreement a {\n  clause 1 humanitarian_access { corridors 100000000000000000000000000000 }\n}\n"
        ),
        [(
            "100000000000000000000000000000 is too large to be a count".to_string(),
            2,
            44
        )]
    );
    let _ = fired;
}

// Evidence: what a source leaves out is not what an agreement lacks.

const REPORTED: &str = r#"agreement cairo_2017 {
  date 2017-08-03
  known_from summary source s004
  source s004 "Syria Direct, 5 October 2017"
  clause detainee_release {
    text "The Cairo ceasefire stipulated the release of detainees, but did not set a specific mechanism for its implementation." source s004
  }
}"#;

#[test]
fn absences_in_a_reported_text_rest_on_the_reports() {
    let found = fired("detainee-no-mechanism", REPORTED);
    assert_eq!(
        found,
        [
            "as reported, the detainee release names no mechanism: who releases, through whom, how verified"
        ]
    );
    let from_text = REPORTED.replace(
        "  known_from summary source s004\n",
        "  known_from text source s004\n",
    );
    assert_eq!(
        fired("detainee-no-mechanism", &from_text),
        ["the detainee release names no mechanism: who releases, through whom, how verified"]
    );
}

/// A text known from a party's statement and from a published copy: what only
/// the statement gives rests on the reports, what the copy gives on the text.
#[test]
fn each_clause_rests_on_the_evidence_of_the_sources_it_cites() {
    let text = r#"agreement final_2018 {
  date 2018-05-02
  source committee "the Negotiation Committee's statement"
  source elaph "the copy published by Elaph"
  known_from statement source committee
  known_from copy source elaph
  party russia "Russian side" side third role signatory
  clause 3 evacuation { people fighters; text "from Saturday 5 May for a week" source committee }
  clause 4 evacuation { people civilians; text "within 3 days" source elaph }
}"#;
    let found = fired("evacuation-no-destination", text);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].starts_with("as reported, clause 3"), "{found:?}");
    assert!(found[1].starts_with("clause 4"), "{found:?}");
}

#[test]
fn check_marks_the_basis_of_absences_and_can_keep_to_the_text() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("cairo.truce");
    std::fs::write(&path, REPORTED).expect("written");
    let run = |args: &[&str]| {
        assert_cmd::cargo::cargo_bin_cmd!("truce")
            .args(args)
            .arg(&path)
            .env("NO_COLOR", "1")
            .output()
            .expect("truce runs")
    };
    let json = run(&["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let findings = report["findings"].as_array().expect("findings");
    let basis = |rule: &str| {
        findings
            .iter()
            .find(|finding| finding["rule"] == rule)
            .map(|finding| finding["basis"].clone())
    };
    assert_eq!(basis("detainee-no-mechanism"), Some("reports".into()));
    assert_eq!(basis("detainee-no-deadline"), Some("reports".into()));
    let text = String::from_utf8_lossy(&run(&["check"]).stdout).into_owned();
    assert!(
        text.contains("= rests on reports (summary s004), not the text: the text may say more"),
        "{text}"
    );
    let text_only = String::from_utf8_lossy(&run(&["check", "--text-only"]).stdout).into_owned();
    assert!(!text_only.contains("detainee-no-mechanism"), "{text_only}");
    assert!(
        text_only.contains("0 errors, 0 warnings, 0 infos"),
        "{text_only}"
    );
}

#[test]
fn an_entry_into_force_counts_from_signing() {
    let loaded = load(
        r#"agreement busra_2018 {
  date 2018-07-06
  in_force within 24 hours of signing
}"#,
    );
    assert!(loaded.errors.is_empty(), "{:#?}", loaded.errors);
    let date = loaded.corpus.documents[0].in_force_date();
    assert_eq!(
        date.map(|when| when.text.to_string()),
        Some("2018-07-07".to_string())
    );
}

// Outcomes, and the timeline.

#[test]
fn the_timeline_shows_what_happened_resolved_dates_and_what_has_none() {
    let loaded = load(
        r#"agreement october_2017 {
  date 2017-10-04
  party regime "Syrian government" side government units forces
  clause 1 ceasefire { by regime.forces; start immediate }
  clause 2 weapons_handover { deadline 2018-05-03T12:00[Asia/Damascus] }
  clause 3 evacuation { start 2 days after clause 2 ends; deadline 14 days after clause 3 starts }
  event violation {
    on 2017-10-05
    by regime.forces
    clauses 1
    text "Regime forces allegedly fired heavy machine guns at targets in the north Homs town of Rastan on Thursday"
  }
  event implemented { text "no date given" }
}
agreement undated_offer {
  clause 1 services { start 2 days after clause 2 starts }
  clause 2 ceasefire { by factions }
  party factions "Rebel factions" side opposition
}
agreement notice {
  link terminates october_2017
  clause 1 termination { effective 2018-02-15 }
}"#,
    );
    assert!(loaded.errors.is_empty(), "{:#?}", loaded.errors);
    let timeline = truce::timeline::timeline(&loaded.corpus);
    let lines: Vec<String> = timeline
        .events
        .iter()
        .map(|event| {
            format!(
                "{} {} {}",
                event.when.text, event.document, event.description
            )
        })
        .collect();
    for expected in [
        "2017-10-05 october_2017 violation of clause 1 by regime.forces",
        "2018-05-05T12:00[Asia/Damascus] october_2017 clause 3 evacuation: takes effect",
        "2018-05-19T12:00[Asia/Damascus] october_2017 clause 3 evacuation: deadline",
        "2018-02-15 october_2017 terminated by notice",
    ] {
        assert!(
            lines.iter().any(|line| line == expected),
            "no `{expected}` in {lines:#?}"
        );
    }
    assert!(!lines.iter().any(|line| line.contains(" + ")), "{lines:#?}");
    let unresolved: Vec<(&str, &str, &str)> = timeline
        .unresolved
        .iter()
        .map(|missing| {
            (
                missing.document.as_str(),
                missing.key,
                missing.written.as_str(),
            )
        })
        .collect();
    assert_eq!(
        unresolved,
        [("undated_offer", "start", "2 days after clause 2 starts")]
    );
}

// Versions: sources that disagree are kept apart, and every reader says whose
// version it shows.

const FINAL: &str = r#"agreement final_2018 {
  date 2018-05-02
  source committee "the Negotiation Committee's statement"
  source elaph "the copy published by Elaph"
  party factions "Rebel factions" side opposition
  party regime "Syrian government" side government units army, institutions
  clause 2 weapons_handover {
    by factions
    weapons heavy source committee
    weapons heavy, medium source elaph
    deadline within 3 days of signing source committee
    deadline within 2 days of signing source elaph
  }
  clause 7 non_entry {
    barred regime.army
    duration 6 months to 2 years
    source committee
  }
  clause 7 deployment {
    forces regime.army
    source elaph
  }
}"#;

#[test]
fn versions_of_one_item_do_not_conflict_but_disagree() {
    let loaded = load(FINAL);
    assert!(loaded.errors.is_empty(), "{:#?}", loaded.errors);
    let findings = truce::rules::check(&loaded.corpus);
    let rules: Vec<&str> = findings.iter().map(|finding| finding.rule).collect();
    assert!(!rules.contains(&"access-conflict"), "{findings:#?}");
    let discrepancies: Vec<&str> = findings
        .iter()
        .filter(|finding| finding.rule == "version-discrepancy")
        .map(|finding| finding.message.as_str())
        .collect();
    assert_eq!(
        discrepancies,
        [
            "clause 2 (weapons handover): the sources disagree on `weapons`: heavy (committee) vs heavy, medium (elaph)",
            "clause 2 (weapons handover): the sources disagree on `deadline`: within 3 days of signing (committee) vs within 2 days of signing (elaph)",
            "clause 7: the sources disagree on what it provides: non_entry (committee) vs deployment (elaph)",
        ]
    );
}

#[test]
fn the_same_number_twice_from_one_source_is_still_an_error() {
    let text = FINAL.replace("    source elaph\n  }\n}", "    source committee\n  }\n}");
    let found = errors(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].0, "clause 7 appears twice");
}

#[test]
fn compare_and_the_timeline_say_whose_version_they_show() {
    let loaded = load(FINAL);
    let clause = &loaded.corpus.documents[0].clauses[0];
    assert_eq!(
        truce::compare::show::attribute(clause, truce::vocabulary::Key::Weapons).as_deref(),
        Some("heavy (committee); heavy, medium (elaph)")
    );
    let timeline = truce::timeline::timeline(&loaded.corpus);
    let deadlines: Vec<String> = timeline
        .events
        .iter()
        .filter(|event| event.event == "deadline")
        .map(|event| format!("{} {}", event.when.text, event.description))
        .collect();
    assert_eq!(
        deadlines,
        [
            "2018-05-04 clause 2 weapons_handover: deadline [as elaph gives it]",
            "2018-05-05 clause 2 weapons_handover: deadline [as committee gives it]",
        ]
    );
}

// The provisions real agreements hold, as the rules read them.

#[test]
fn handing_territory_to_a_force_that_is_barred_there_is_an_access_conflict() {
    let found = fired(
        "access-conflict",
        r#"agreement a {
  date 2018-07-06
  place villages "the villages" kind zone
  party regime "Syrian government" side government units army
  party factions "Southern Front factions" side opposition role signatory
  clause 1 non_entry { barred regime.army; area villages }
  clause 2 territory_transfer { by factions; to regime.army; area villages }
}"#,
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("hands regime.army control of"),
        "{found:?}"
    );
}

#[test]
fn salaries_that_wait_on_fighters_joining_state_forces_are_aid_conditioned() {
    let found = fired(
        "aid-conditioned-on-concession",
        r#"agreement a {
  date 2018-07-06
  party regime "Syrian government" side government role signatory
  party factions "Factions" side opposition role signatory
  clause 1 integration { by factions; forces fighters; into regime }
  clause 2 economy { by regime; measures salaries; after 1 }
  clause 3 reconstruction { by regime; works schools }
}"#,
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("clause 2"), "{found:?}");
}

#[test]
fn clauses_carried_out_in_step_are_no_cycle() {
    let text = r#"agreement a {
  date 2015-09-20
  party regime "Syrian army" side government role signatory
  party jaf "Jaysh al-Fatah" side opposition role signatory
  clause 2 evacuation { by jaf; people fighters, families; in_parallel_with 4 }
  clause 4 evacuation { by regime; people civilians; in_parallel_with 2 }
}"#;
    assert_eq!(fired("condition-cycle", text), Vec::<String>::new());
}

#[test]
fn a_joint_committee_that_watches_the_ceasefire_is_its_monitor() {
    let text = |covers: &str| {
        format!(
            r#"agreement a {{
  date 2017-03-13
  party waer "Representatives of al-Waer" side opposition role signatory
  party security "Homs security committee" side government role signatory
  clause 1 ceasefire {{ by waer, security }}
  clause 2 detainee_release {{ by security; deadline within 7 days of signing; mechanism "lists" }}
  clause 6 committee {{ members waer, security; covers {covers}; violations "addresses breaches" }}
}}"#
        )
    };
    assert_eq!(
        fired("ceasefire-no-monitoring", &text("1")),
        Vec::<String>::new()
    );
    assert_eq!(fired("ceasefire-no-monitoring", &text("2")).len(), 1);
}
