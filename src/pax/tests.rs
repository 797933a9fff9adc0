//! One test per PA-X category truce codes, and the grading.

use super::*;
use crate::load::load_str;

/// The codes (with grades) of the one document in `text`.
fn coded(text: &str) -> Vec<(Code, u8)> {
    let loaded = load_str("test.truce", text);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let document = &loaded.corpus.documents[0];
    row(document)
        .codes
        .iter()
        .map(|(code, earned)| (*code, earned.grade))
        .collect()
}

fn has(codes: &[(Code, u8)], code: Code) -> bool {
    codes.iter().any(|(c, _)| *c == code)
}

fn grade_of(codes: &[(Code, u8)], code: Code) -> u8 {
    codes
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(0, |(_, g)| *g)
}

const HEADER: &str = r#"agreement a {
  date 2017-03-13
  place town "the town" kind town
  party regime "Syrian government" side government units police, army role signatory
  party rebels "Armed opposition of the town" side opposition represents town role signatory
  party russia "the Russian side" side third units military_police role signatory
  party un "United Nations" side third role mediator
"#;

fn document(clauses: &str) -> String {
    format!("{HEADER}{clauses}\n}}\n")
}

#[test]
fn humanitarian_access_is_assistance_and_mobility_not_civil_rights() {
    let codes = coded(&document(
        "  clause 1 humanitarian_access { area town aid food }",
    ));
    assert!(has(&codes, Code::DevHum), "{codes:?}");
    assert!(has(&codes, Code::HrMob), "{codes:?}");
}

#[test]
fn an_evacuation_of_civilians_is_mobility_and_displacement_and_names_its_groups() {
    let codes = coded(&document(
        "  clause 1 evacuation { area town people civilians, women, children, elderly, families }",
    ));
    for code in [
        Code::HrMob,
        Code::GRef,
        Code::GCh,
        Code::GAge,
        Code::GeWom,
        Code::GeFa,
    ] {
        assert!(has(&codes, code), "{code}: {codes:?}");
    }
    assert!(!has(&codes, Code::SsrPsf), "no fighters leave: {codes:?}");
}

#[test]
fn an_evacuation_of_fighters_is_rebel_forces_leaving_not_displacement() {
    let codes = coded(&document(
        "  clause 1 evacuation { area town people fighters }",
    ));
    assert!(has(&codes, Code::SsrPsf), "{codes:?}");
    assert!(has(&codes, Code::HrMob), "{codes:?}");
    assert!(!has(&codes, Code::GRef), "{codes:?}");
}

#[test]
fn screening_evacuees_is_vetting() {
    let codes = coded(&document(
        "  clause 1 evacuation { area town people civilians searched_by regime }",
    ));
    assert!(has(&codes, Code::TjVet), "{codes:?}");
}

#[test]
fn a_road_opening_is_mobility() {
    let codes = coded(&document(
        r#"  clause 1 road_opening { area town road "the main road" }"#,
    ));
    assert_eq!(
        codes,
        vec![(Code::HrMob, 1), (Code::ImUN, 1), (Code::ImOth, 1)]
    );
}

#[test]
fn regime_armed_local_committees_are_para_statal_forces() {
    let codes = coded(&document(
        r#"  unit rebels.committees "People's Committees" within rebels
  clause 1 deployment { by rebels forces rebels.committees armed_by regime }"#,
    ));
    assert!(has(&codes, Code::SsrPsf), "{codes:?}");
    assert!(!has(&codes, Code::ImPK), "{codes:?}");
}

#[test]
fn joint_checkpoints_with_the_other_side_are_joint_military_provisions() {
    let codes = coded(&document(
        "  clause 1 deployment { by rebels forces rebels checkpoints joint with regime.army }",
    ));
    assert!(has(&codes, Code::MpsJt), "{codes:?}");
    assert!(
        has(&codes, Code::SsrPsf),
        "opposition forces in a joint force: {codes:?}"
    );
}

#[test]
fn a_third_partys_military_police_is_an_international_team_and_police_is_police() {
    let codes = coded(&document(
        "  clause 1 deployment { forces russia.military_police area town }\n  clause 2 deployment { forces regime.police area town }",
    ));
    assert!(has(&codes, Code::ImPK), "{codes:?}");
    assert!(has(&codes, Code::SsrPol), "{codes:?}");
}

#[test]
fn returning_institutions_are_public_administration_and_police_returning_is_police() {
    let codes = coded(&document(
        "  clause 1 institutions_return { by regime; institutions regime.police; area town }",
    ));
    assert!(has(&codes, Code::Pubad), "{codes:?}");
    assert!(has(&codes, Code::SsrPol), "{codes:?}");
}

#[test]
fn a_withdrawal_is_a_ceasefire_provision_not_ddr() {
    let codes = coded(&document(
        "  clause 1 withdrawal { forces regime.army area town }",
    ));
    assert!(has(&codes, Code::CeProv), "{codes:?}");
    assert!(!has(&codes, Code::SsrDdr), "{codes:?}");
    assert!(
        !has(&codes, Code::SsrFf),
        "the army is no foreign force: {codes:?}"
    );
    let foreign = coded(&document(
        "  clause 1 withdrawal { forces russia.military_police area town }",
    ));
    assert!(has(&foreign, Code::SsrFf), "{foreign:?}");
}

#[test]
fn weapons_handover_is_ddr_and_demilitarisation() {
    let codes = coded(&document(
        "  clause 1 weapons_handover { by rebels weapons heavy, medium to regime }",
    ));
    assert!(
        has(&codes, Code::SsrDdr) && has(&codes, Code::DdrDemil),
        "{codes:?}"
    );
}

#[test]
fn a_release_a_settlement_missing_persons_and_reparations_are_transitional_justice() {
    let codes = coded(&document(
        "  clause 1 detainee_release { by regime }
  clause 2 status_settlement { people fighters }
  clause 3 missing_persons { by regime }
  clause 4 compensation { by regime }",
    ));
    for code in [Code::TjPrire, Code::TjAm, Code::TjMis, Code::TjRep] {
        assert!(has(&codes, code), "{code}: {codes:?}");
    }
}

#[test]
fn protection_from_arrest_is_protection_and_a_rule_on_detention() {
    let codes = coded(&document(
        "  clause 1 protection { people civilians from arrest }",
    ));
    for code in [Code::Prot, Code::ProtCiv, Code::HrDet] {
        assert!(has(&codes, code), "{code}: {codes:?}");
    }
    let pursuit = coded(&document(
        "  clause 1 protection { people fighters from pursuit }",
    ));
    assert!(
        !has(&pursuit, Code::HrDet) && !has(&pursuit, Code::ProtCiv),
        "{pursuit:?}"
    );
}

#[test]
fn guarantees_committees_and_monitoring_are_security_guarantees_and_enforcement() {
    let codes = coded(&document(
        r#"  clause 1 guarantee { by russia covers 2 }
  clause 2 committee { members regime, rebels tasks "monitor the ceasefire" }
  clause 3 monitoring { by russia }"#,
    ));
    assert!(has(&codes, Code::SsrGua), "{codes:?}");
    assert!(has(&codes, Code::ImE), "{codes:?}");
    assert!(
        has(&codes, Code::ImPK),
        "a third party's forces monitor: {codes:?}"
    );
}

#[test]
fn services_code_water_and_infrastructure_apart() {
    let codes = coded(&document(
        "  clause 1 services { area town services water, electricity }",
    ));
    for code in [Code::DevHum, Code::Wat, Code::DevInfra] {
        assert!(has(&codes, code), "{code}: {codes:?}");
    }
}

#[test]
fn the_un_is_a_un_witness_and_other_states_are_other_international_parties() {
    let codes = coded(&document("  clause 1 ceasefire { area town }"));
    assert!(
        has(&codes, Code::ImUN) && has(&codes, Code::ImOth),
        "{codes:?}"
    );
}

#[test]
fn no_kind_codes_to_a_code_outside_the_codebook() {
    // Codes are a closed enum, so `Ps`, `ImRen` and `Other` cannot be written;
    // every kind with codes has a principal category for pairing drafts.
    for kind in crate::vocabulary::CLAUSE_KINDS {
        assert_eq!(
            kind.pax_category().is_some(),
            !kind.pax.is_empty(),
            "{}",
            kind.name
        );
    }
}

#[test]
fn a_ceasefire_is_an_actual_provision_unless_it_is_only_general() {
    let actual = coded(&document("  clause 1 ceasefire { area town }"));
    assert!(
        has(&actual, Code::CeProv) && !has(&actual, Code::CeGen),
        "{actual:?}"
    );
    let general = coded(&document(
        "  recital ceasefire { text \"the parties want peace\" }",
    ));
    assert!(
        has(&general, Code::CeGen) && !has(&general, Code::CeProv),
        "{general:?}"
    );
    assert_eq!(grade_of(&general, Code::Ce), 1);
}

#[test]
fn detail_raises_the_grade_a_pledge_lowers_it_and_a_deadline_does_not_count() {
    let brief = coded(&document("  clause 1 detainee_release { by regime }"));
    assert_eq!(grade_of(&brief, Code::TjPrire), 1);
    let dated = coded(&document(
        "  clause 1 detainee_release { by regime deadline 2017-04-01 }",
    ));
    assert_eq!(
        grade_of(&dated, Code::TjPrire),
        1,
        "a deadline is no detail"
    );
    let measure = coded(&document(
        "  clause 1 detainee_release { by regime; count 500 }",
    ));
    assert_eq!(grade_of(&measure, Code::TjPrire), 2);
    let detailed = coded(&document(
        r#"  clause 1 detainee_release { by regime; count 500; mechanism "lists through the ICRC"; verifier un }"#,
    ));
    assert_eq!(grade_of(&detailed, Code::TjPrire), 3);
    let pledged = coded(&document(
        r#"  clause 1 detainee_release { by regime; count 500; mechanism "lists"; verifier un; strength pledge }"#,
    ));
    assert_eq!(grade_of(&pledged, Code::TjPrire), 2);
    let reviewed = coded(&document(
        r#"  clause 1 detainee_release { by regime; count 500; mechanism "lists"; strength review }"#,
    ));
    assert_eq!(grade_of(&reviewed, Code::TjPrire), 1);
}

#[test]
fn a_rejected_proposal_and_a_notice_are_flagged_not_silently_coded() {
    let rejected = load_str(
        "t.truce",
        r#"agreement p {
  status proposed by regime
  status rejected by rebels
  party regime "Syrian government" side government role proposer
  party rebels "Rebels" side opposition role addressee
  clause 1 evacuation { people fighters }
}
agreement n {
  status announced by russia
  party russia "Russia" side third role proposer
  clause 1 ultimatum { by russia }
}
agreement r {
  status announced by factions
  party factions "Rebel groups" side opposition role signatory
}
agreement s {
  status proposed by regime
  party regime "Syrian government" side government role proposer
  clause 1 evacuation { people fighters }
}"#,
    );
    assert!(rejected.errors.is_empty(), "{:?}", rejected.errors);
    let rows = rows(&rejected.corpus.documents);
    assert!(rows[0].excluded.is_some_and(|why| why.contains("rejected")));
    assert!(rows[1].excluded.is_some_and(|why| why.contains("notice")));
    assert!(
        rows[2]
            .excluded
            .is_some_and(|why| why.contains("statement")),
        "one party signing its own statement of rejection is no agreement"
    );
    assert_eq!(rows[2].status, UNILATERAL);
    assert_eq!((rows[3].excluded, rows[3].status), (None, UNILATERAL));
    assert!(
        rows[0].codes.contains_key(&Code::SsrPsf),
        "flagged, and still coded"
    );
}

#[test]
fn the_row_carries_the_stated_pax_id_parties_and_third_parties() {
    let loaded = load_str(
        "t.truce",
        r#"agreement cairo {
  title "Cairo agreement"
  pax 1995
  date 2017-07-31
  status signed by russia, snc
  party russia "Russian delegation" side third role signatory
  party snc "Syrian National Coalition" side opposition role signatory
  party egypt "Egypt" side third role sponsor
  clause 1 ceasefire { }
}"#,
    );
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let row = row(&loaded.corpus.documents[0]);
    assert_eq!(row.id, Some(1995));
    assert_eq!(row.name, "Cairo agreement");
    assert_eq!(row.date.as_deref(), Some("2017-07-31"));
    assert_eq!(row.status, MULTIPARTY);
    assert_eq!(
        row.parties,
        ["Russian delegation", "Syrian National Coalition"]
    );
    assert_eq!(row.third_parties, ["Egypt"]);
    assert_eq!((row.stage, row.stage_sub), ("Cea", "Ceas"));
}
