//! The standard catalogue: every rule once, as data. The ids are stable; tools,
//! tests and users depend on them. The checks live in `missing.rs` (guarantees an
//! agreement leaves out) and `conflicts.rs` (terms that cannot all hold).

use super::{Rule, Severity, conflicts, missing};

pub static CATALOGUE: &[Rule] = &[
    // Missing guarantees.
    Rule {
        id: "detainee-no-mechanism",
        severity: Severity::Warning,
        summary: "a detainee release or prisoner exchange names no mechanism",
        explanation: "A release that does not say who releases, through whom and how it is \
            verified cannot be held to account: each side can claim the other blocks it. \
            The Cairo agreement of August 2017 stipulated the release of detainees with no \
            mechanism, and nothing was released before it collapsed.",
        example: r#"agreement cairo {
  date 2017-08-03
  party regime "Syrian government" side government
  clause 3 detainee_release { by regime; deadline within 30 days of signing }
}"#,
        check: missing::detainee_no_mechanism,
    },
    Rule {
        id: "detainee-no-deadline",
        severity: Severity::Warning,
        summary: "a detainee release or prisoner exchange has no deadline",
        explanation: "Without a date, absolute or counted from signing or from another \
            clause, a release can be deferred indefinitely while the other side's \
            concessions fall due at once. Item 7 of the Russian 10-item proposal of May 2018 \
            set no date for any release, only a review of the prisoners' status in \
            mid-May.",
        example: r#"agreement proposal {
  date 2018-05-01
  party regime "Syrian government" side government
  clause 7 detainee_release { by regime; mechanism "through the Russian delegation" }
}"#,
        check: missing::detainee_no_deadline,
    },
    Rule {
        id: "weak-commitment",
        severity: Severity::Warning,
        summary: "a protection is only a pledge, a review or an intent",
        explanation: "A protection of detainees, safety or status graded pledge, review or \
            intent (PA-X grade 1 or 2) gives the protected nothing to enforce. The 10-item \
            proposal only vowed to review the detainees' file, and the October 2017 \
            agreement only pledged to work toward their release.",
        example: r#"agreement proposal {
  date 2018-05-01
  party regime "Syrian government" side government
  clause 7 detainee_release { by regime; strength review }
}"#,
        check: missing::weak_commitment,
    },
    Rule {
        id: "evacuation-no-destination",
        severity: Severity::Warning,
        summary: "an evacuation does not say where people go",
        explanation: "People who leave without a stated destination may be moved wherever \
            the stronger side decides, which is how evacuations become forced transfers. \
            Gen. Loka's first offer for Old Homs said who would leave and on what terms, \
            not where they would go.",
        example: r#"agreement offer {
  date 2014-01-15
  party un "United Nations" side third
  clause 1 evacuation { people civilians; escort un }
}"#,
        check: missing::evacuation_no_destination,
    },
    Rule {
        id: "evacuation-no-safe-passage",
        severity: Severity::Warning,
        summary: "an evacuation has no safe passage, escort or guarantor",
        explanation: "Evacuees cross the lines of the side they fought; without an escort, \
            safe passage or a guarantor answerable for the route, the convoy itself is the \
            risk. Gen. Loka's offers named routes but no one to guarantee them; \
            a guarantor of the whole agreement or a guarantee clause covering the evacuation \
            counts.",
        example: r#"agreement offer {
  date 2014-01-15
  place countryside "Northern Homs countryside"
  clause 2 evacuation { people civilians, fighters; destination countryside }
}"#,
        check: missing::evacuation_no_safe_passage,
    },
    Rule {
        id: "no-guarantor",
        severity: Severity::Warning,
        summary: "no party guarantees the agreement or its protections",
        explanation: "Protections without a guarantor depend on the goodwill of the party \
            they restrain. The factions rejected the May 2018 proposal for its \"lack of any \
            guarantee for the future of civilians\": it named no guarantor, no guarantee \
            clause and no escort.",
        example: r#"agreement proposal {
  date 2018-05-01
  party regime "Syrian government" side government
  clause 4 status_settlement { people fighters; by regime }
}"#,
        check: missing::no_guarantor,
    },
    Rule {
        id: "partisan-guarantor",
        severity: Severity::Warning,
        summary: "every guarantor is a party to the conflict or aligned with one side",
        explanation: "A guarantor that fights on one side, or backs one, guarantees the \
            other side nothing it could not already expect. Mediators look for at least \
            one guarantor outside the conflict; a guarantor aligned with the side bound by \
            the protection is the weakest case.",
        example: r#"agreement proposal {
  date 2018-05-01
  party regime "Syrian government" side government
  party russia "Russia" side third aligned regime role guarantor
  clause 4 status_settlement { people fighters; by regime }
}"#,
        check: missing::partisan_guarantor,
    },
    Rule {
        id: "ceasefire-no-monitoring",
        severity: Severity::Warning,
        summary: "a ceasefire has no monitor and no violation procedure",
        explanation: "Ceasefires without monitoring or an agreed way to handle violations \
            break down over the first incident, because each side's account of it stands \
            unchallenged (Fortna). The October 2017 ceasefire was violated the day it was \
            signed, with no one to report to.",
        example: r#"agreement october {
  date 2017-10-04
  clause 1 ceasefire { deadline immediate }
}"#,
        check: missing::ceasefire_no_monitoring,
    },
    Rule {
        id: "unbounded-exclusion",
        severity: Severity::Warning,
        summary: "a protection excludes people by a criterion no neutral party judges",
        explanation: "An exclusion such as \"those whose hands have blood on them\", left \
            undefined or judged by one side alone, lets that side withdraw the protection \
            from anyone. Item 4 of the 10-item proposal excluded people on such a criterion \
            and named no one to decide.",
        example: r#"agreement proposal {
  date 2018-05-01
  clause 4 status_settlement { people fighters; excludes "those whose hands have blood on them" }
}"#,
        check: missing::unbounded_exclusion,
    },
    Rule {
        id: "unrepresented-population",
        severity: Severity::Warning,
        summary: "no signatory represents the people of the area the agreement binds",
        explanation: "An agreement signed by people who do not speak for the area binds \
            neither its fighters nor its residents, and collapses on contact. The Cairo \
            agreement of August 2017 was signed for northern Homs by a body that did not \
            represent it, and fell apart within days.",
        example: r#"agreement cairo {
  date 2017-08-03
  region north_homs
  place north_homs "Northern Homs countryside" kind region
  party snc "Syrian National Coalition" side opposition role signatory
  clause 1 ceasefire { area north_homs }
}"#,
        check: missing::unrepresented_population,
    },
    Rule {
        id: "obligation-on-non-signatory",
        severity: Severity::Info,
        summary: "a clause of a signed document binds a party that did not sign",
        explanation: "A party that did not sign is not bound by its own consent; the clause \
            depends on whoever can make it comply. That is sometimes intended (a sponsor's \
            ally), but analysts should know which obligations rest on parties outside the \
            signature page.",
        example: r#"agreement october {
  date 2017-10-04
  status signed on 2017-10-04
  party regime "Syrian government" side government units army
  party factions "Rebel groups" side opposition role signatory
  clause 1 ceasefire { by regime.army, factions }
}"#,
        check: missing::obligation_on_non_signatory,
    },
    // Conflicts.
    Rule {
        id: "access-conflict",
        severity: Severity::Error,
        summary: "a party barred from an area is granted entry there in the same period",
        explanation: "A clause keeping a force out and another letting it in (by a road, a \
            deployment, returning institutions or an evacuation route) cannot both hold, and \
            the side that relied on the bar learns it when the force arrives. Items 8 and 10 \
            of the 10-item proposal bar the army from the city for six months and open a \
            road to it; where the areas are not known to be disjoint, the conflict is \
            reported as possible.",
        example: r#"agreement proposal {
  date 2018-05-01
  party regime "Syrian government" side government units army
  clause 8 non_entry { barred regime.army; area "the city"; duration 6 months }
  clause 10 road_opening { road "public road"; open_to regime.army }
}"#,
        check: conflicts::access_conflict,
    },
    Rule {
        id: "aid-conditioned-on-concession",
        severity: Severity::Error,
        summary: "evacuation, aid or services depend on a military concession",
        explanation: "Making civilians' evacuation, food, water or electricity wait on \
            surrender, a weapons handover or joint checkpoints turns humanitarian access into \
            leverage, which humanitarian law forbids. Gen. Loka offered 100 fighters' \
            surrender per 200 civilians evacuated; Gen. Salem offered water and electricity \
            only after joint checkpoints.",
        example: r#"agreement compromise {
  date 2014-01-20
  clause 1 deployment { checkpoints joint }
  clause 2 services { services water, electricity; after 1 }
}"#,
        check: conflicts::aid_conditioned_on_concession,
    },
    Rule {
        id: "early-termination",
        severity: Severity::Error,
        summary: "a termination takes effect before the agreed term ends",
        explanation: "Ending an agreement before the term its parties agreed, or last \
            extended, is a breach that leaves the protected exposed while they still rely on \
            it. Russia's notice that the de-escalation agreement ended on 15 February 2018 \
            came while its last extension ran to 4 May 2018.",
        example: r#"agreement de_escalation {
  date 2017-08
  clause 1 term { extended_until 2018-05-04 }
}
agreement notice {
  date 2018-02-01
  link terminates de_escalation
  clause 1 termination { effective 2018-02-15 }
}"#,
        check: conflicts::early_termination,
    },
    Rule {
        id: "deadline-before-signing",
        severity: Severity::Error,
        summary: "a deadline falls before the document's date",
        explanation: "An obligation due before the agreement exists is either an encoding \
            slip or a term no one can meet, and the other side may treat it as already \
            breached. Either way the date needs checking against the source.",
        example: r#"agreement proposal {
  date 2018-05-01
  clause 3 weapons_handover { weapons heavy; deadline 2018-04-20 }
}"#,
        check: conflicts::deadline_before_signing,
    },
    Rule {
        id: "deadline-order",
        severity: Severity::Error,
        summary: "a clause that must follow another is due no later than it",
        explanation: "If clause A comes after clause B but A's deadline is not later than \
            B's, one of the two deadlines must be missed, and the party bound by A is in \
            breach through no fault of its own. Sequenced exchanges (weapons, then \
            services, then return) are where this bites.",
        example: r#"agreement proposal {
  date 2018-05-01
  clause 1 weapons_handover { weapons heavy; deadline 2018-05-10 }
  clause 2 services { services water; after 1; deadline 2018-05-05 }
}"#,
        check: conflicts::deadline_order,
    },
    Rule {
        id: "condition-cycle",
        severity: Severity::Error,
        summary: "clauses wait on each other in a cycle",
        explanation: "When clause A waits for B and B, directly or through others, waits for \
            A, neither can start, and each side can say it is waiting for the other. A \
            mutual exchange (`in_exchange_for` both ways) is simultaneous and not a cycle; \
            any `after` or `if` in the loop makes it one.",
        example: r#"agreement proposal {
  date 2018-05-01
  clause 1 weapons_handover { weapons heavy; after 2 }
  clause 2 detainee_release { if 1 }
}"#,
        check: conflicts::condition_cycle,
    },
    Rule {
        id: "conflicting-terms",
        severity: Severity::Error,
        summary: "two clauses set different values for the same thing",
        explanation: "Two clauses of the same kind, for the same parties, people and area, \
            that give different values for the same term leave each side free to invoke the \
            one that suits it. Values attributed to different sources are disagreeing \
            reports, not conflicting terms, and are left to `version-discrepancy`.",
        example: r#"agreement proposal {
  date 2018-05-01
  clause 5 conscription { people fighters; grace 6 months }
  clause 9 conscription { people fighters; grace 1 year }
}"#,
        check: conflicts::conflicting_terms,
    },
    Rule {
        id: "short-ultimatum",
        severity: Severity::Warning,
        summary: "an ultimatum leaves less than 72 hours",
        explanation: "Less than three days is too short for armed groups to consult the \
            people they answer for, so an ultimatum that short is a demand to surrender \
            rather than an offer to negotiate. The May 2018 proposal was issued on 1 May \
            with a deadline of Thursday 3 May, 12:00 Damascus time.",
        example: r#"agreement proposal {
  date 2018-05-01
  party russia "Russia" side third
  party factions "Rebel groups" side opposition
  clause ultimatum { by russia; against factions; issued 2018-05-01; deadline 2018-05-03T12:00[Asia/Damascus] }
}"#,
        check: conflicts::short_ultimatum,
    },
];

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::CATALOGUE;
    use crate::rules::{Severity, check, fired, rule};

    #[test]
    fn ids_are_unique_and_the_standard_set() {
        let ids: Vec<&str> = CATALOGUE.iter().map(|rule| rule.id).collect();
        let unique: HashSet<&str> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len());
        assert_eq!(ids.len(), 19);
        for id in &ids {
            assert_eq!(rule(id).map(|rule| rule.id), Some(*id));
        }
        assert!(rule("no-such-rule").is_none());
    }

    #[test]
    fn every_example_loads_and_fires_its_rule() {
        for rule in CATALOGUE {
            assert!(
                !fired(rule.id, rule.example).is_empty(),
                "the example of `{}` does not fire it",
                rule.id
            );
        }
    }

    #[test]
    fn findings_carry_the_rule_severity_and_name_the_document() {
        for rule in CATALOGUE {
            let loaded = crate::load_str("example.truce", rule.example);
            assert!(loaded.errors.is_empty(), "{}: {:?}", rule.id, loaded.errors);
            for finding in check(&loaded.corpus) {
                let source = crate::rules::rule(finding.rule).map(|r| r.severity);
                assert_eq!(Some(finding.severity), source);
                assert!(!finding.message.is_empty());
                assert!(!finding.document.is_empty());
            }
        }
        assert_eq!(
            rule("obligation-on-non-signatory").map(|r| r.severity),
            Some(Severity::Info)
        );
    }
}
