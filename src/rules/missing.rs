//! Missing guarantees: what an agreement leaves out that the people it protects
//! would need. Every check reads only operative clauses (`document.clauses`): a
//! recital binds nobody and never satisfies a requirement.

use super::{Context, Finding, Rule, describe_side, name};
use crate::model::{Clause, Document, Party, Strength, Value, and_list};
use crate::vocabulary::{Backing, Family, Key, Role, kinds};

/// " (the source leaves it unstated)" when the encoder marked the gap.
fn unstated_note(clause: &Clause, key: Key) -> &'static str {
    if clause.is_unstated(key) {
        " (the source leaves it unstated)"
    } else {
        ""
    }
}

fn is_detainee_clause(clause: &Clause) -> bool {
    clause.kind().family == Some(Family::Detainees)
}

pub(super) fn detainee_no_mechanism(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    for clause in context
        .document
        .clauses
        .iter()
        .filter(|c| is_detainee_clause(c))
    {
        if !clause.has(Key::Mechanism) {
            let message = format!(
                "{} names no mechanism: who releases, through whom, how verified{}",
                name(clause),
                unstated_note(clause, Key::Mechanism),
            );
            out.push(Finding::new(context, rule, &[clause], message, clause.span));
        }
    }
}

pub(super) fn detainee_no_deadline(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    for clause in context
        .document
        .clauses
        .iter()
        .filter(|c| is_detainee_clause(c))
    {
        if !clause.has(Key::Deadline) {
            let message = format!(
                "{} has no deadline, absolute or relative{}",
                name(clause),
                unstated_note(clause, Key::Deadline),
            );
            out.push(Finding::new(context, rule, &[clause], message, clause.span));
        }
    }
}

pub(super) fn weak_commitment(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    for clause in context
        .document
        .clauses
        .iter()
        .filter(|c| c.is_protection())
    {
        let Some(strength) = clause.strength() else {
            continue;
        };
        if strength == Strength::Binding {
            continue;
        }
        let message = format!(
            "{} commits only to `{}` (PA-X grade {})",
            name(clause),
            strength.name(),
            strength.pax_grade(),
        );
        let span = clause.span_of(Key::Strength);
        out.push(Finding::new(context, rule, &[clause], message, span));
    }
}

fn evacuations(document: &Document) -> impl Iterator<Item = &Clause> {
    document
        .clauses
        .iter()
        .filter(|clause| clause.is(&kinds::EVACUATION))
}

pub(super) fn evacuation_no_destination(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    for clause in evacuations(context.document) {
        if !clause.has(Key::Destination) {
            let message = format!(
                "{} does not say where people go{}",
                name(clause),
                unstated_note(clause, Key::Destination),
            );
            out.push(Finding::new(context, rule, &[clause], message, clause.span));
        }
    }
}

pub(super) fn evacuation_no_safe_passage(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    if document.has_guarantor() {
        return;
    }
    let guaranteed = document.coverage(Backing::Guarantees);
    for clause in evacuations(document) {
        // An evacuation carried out by a neutral third party (a UN operation)
        // has that party as its escort.
        let neutral_operator = clause
            .actor_parties(Key::By)
            .iter()
            .any(|(path, _)| document.owner_party(path).is_some_and(Party::is_neutral));
        let arranged = neutral_operator || clause.has_guarantor();
        if !arranged && !guaranteed.covers(clause) {
            let message = format!(
                "{} has no safe passage, escort or guarantor, and no guarantee covers it",
                name(clause),
            );
            out.push(Finding::new(context, rule, &[clause], message, clause.span));
        }
    }
}

pub(super) fn no_guarantor(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    let protections: Vec<&Clause> = document
        .clauses
        .iter()
        .filter(|clause| clause.is_protection())
        .collect();
    if protections.is_empty() || document.has_guarantor() {
        return;
    }
    let guaranteed = document
        .clauses
        .iter()
        .any(|clause| clause.kind().backs == Some(Backing::Guarantees) || clause.has_guarantor());
    if guaranteed {
        return;
    }
    let named: Vec<String> = protections.iter().map(|clause| name(clause)).collect();
    let message = format!(
        "no party guarantees the agreement or its protections: {}",
        and_list(&named),
    );
    out.push(Finding::new(
        context,
        rule,
        &protections,
        message,
        document.id.span,
    ));
}

pub(super) fn partisan_guarantor(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    let named = document.guarantors();
    let Some(first) = named.first() else {
        return;
    };
    let mut parties: Vec<&Party> = Vec::new();
    for guarantor in &named {
        // A guarantor that resolves to no declared party cannot be shown partisan.
        let Some(party) = document.owner_party(guarantor.path) else {
            return;
        };
        if !party.is_partisan() {
            return;
        }
        if !parties.iter().any(|p| p.id.value == party.id.value) {
            parties.push(party);
        }
    }
    let mut clauses: Vec<&Clause> = Vec::new();
    // `guarantors` lists each clause's guarantors together.
    for clause in named.iter().filter_map(|guarantor| guarantor.clause) {
        if !clauses.last().is_some_and(|c| std::ptr::eq(*c, clause)) {
            clauses.push(clause);
        }
    }
    let described: Vec<String> = parties
        .iter()
        .map(|party| format!("{} ({})", party.id.value, describe_side(party)))
        .collect();
    let message = format!(
        "every guarantor is a party to the conflict or aligned with one: {}",
        and_list(&described),
    );
    out.push(Finding::new(context, rule, &clauses, message, first.span));
}

pub(super) fn ceasefire_no_monitoring(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    if document.has_monitor() {
        return;
    }
    let monitored = document.coverage(Backing::Monitors);
    for clause in document
        .clauses
        .iter()
        .filter(|clause| clause.is(&kinds::CEASEFIRE))
    {
        if clause.has_oversight() || monitored.covers(clause) {
            continue;
        }
        let message = format!("{} has no monitor and no violation procedure", name(clause),);
        out.push(Finding::new(context, rule, &[clause], message, clause.span));
    }
}

pub(super) fn unbounded_exclusion(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    for clause in &document.clauses {
        let Some(excludes) = clause.get(Key::Excludes) else {
            continue;
        };
        let criterion = match &excludes.value {
            Value::Text(text) => format!("\"{text}\""),
            _ => "people".to_string(),
        };
        let judges = clause.names(Key::JudgedBy);
        let problem = if judges.is_empty() {
            "with no one named to judge who falls under it".to_string()
        } else {
            let mut partisan = Vec::new();
            for judge in &judges {
                match document.owner_party(&judge.value) {
                    Some(party) if party.is_partisan() => {
                        partisan.push(format!("{} ({})", judge.value, describe_side(party)))
                    }
                    _ => break,
                }
            }
            if partisan.len() < judges.len() {
                continue;
            }
            format!("judged only by {}", and_list(&partisan))
        };
        let message = format!("{} excludes {criterion} {problem}", name(clause));
        out.push(Finding::new(
            context,
            rule,
            &[clause],
            message,
            excludes.span,
        ));
    }
}

pub(super) fn unrepresented_population(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    let signatories: Vec<&Party> = document.signatories().collect();
    if signatories.is_empty() {
        return;
    }
    // The area the agreement binds: its declared region, else the declared places
    // its clauses apply to.
    let bound = document.bound_places();
    if bound.places.is_empty() || document.represented(&bound.places) {
        return;
    }
    let who: Vec<String> = signatories
        .iter()
        .map(|party| {
            if party.represents.is_empty() {
                format!("{} represents no place", party.id.value)
            } else {
                let places: Vec<String> = party
                    .represents
                    .iter()
                    .map(|place| place.value.to_string())
                    .collect();
                format!("{} represents {}", party.id.value, and_list(&places))
            }
        })
        .collect();
    let areas: Vec<String> = bound.places.iter().map(|area| area.to_string()).collect();
    let message = format!(
        "no signatory represents the people of {}: {}",
        and_list(&areas),
        who.join("; "),
    );
    out.push(Finding::new(
        context,
        rule,
        &bound.clauses,
        message,
        bound.span,
    ));
}

pub(super) fn obligation_on_non_signatory(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    // Only a signed text binds anyone: a proposal's proposer commits nobody.
    if !document.is_signed() || document.signatories().next().is_none() {
        return;
    }
    for clause in &document.clauses {
        if clause.kind().unilateral {
            continue;
        }
        let mut reported: Vec<&str> = Vec::new();
        for (path, span) in clause.actor_parties(Key::By) {
            let Some(party) = document.owner_party(&path) else {
                continue;
            };
            if party.has_role(Role::Signatory) || reported.contains(&party.id.value.as_str()) {
                continue;
            }
            reported.push(&party.id.value);
            let through = if path == party.id.value {
                String::new()
            } else {
                format!(" (through {path})")
            };
            let message = format!(
                "{} binds {}{through}, which did not sign",
                name(clause),
                party.id.value,
            );
            out.push(Finding::new(context, rule, &[clause], message, span));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::{fired, labels};

    #[test]
    fn detainee_no_mechanism_fires_without_mechanism() {
        let text = r#"agreement a {
  date 2017-08-03
  clause 3 detainee_release { deadline within 30 days of signing }
  clause 4 prisoner_exchange { mechanism "through the ICRC" }
}"#;
        assert_eq!(
            fired("detainee-no-mechanism", text),
            labels(&[&["clause 3"]])
        );
    }

    #[test]
    fn detainee_no_mechanism_quiet_with_mechanism() {
        let text = r#"agreement a {
  date 2017-08-03
  clause 3 detainee_release { mechanism "lists exchanged through the Russian delegation" }
  recital detainee_release { text "the parties care about detainees" }
}"#;
        assert!(fired("detainee-no-mechanism", text).is_empty());
    }

    #[test]
    fn detainee_no_deadline_fires_without_deadline() {
        let text = r#"agreement a {
  date 2018-05-01
  clause 7 detainee_release { mechanism "through the Russian delegation"; unstated deadline }
}"#;
        assert_eq!(
            fired("detainee-no-deadline", text),
            labels(&[&["clause 7"]])
        );
    }

    #[test]
    fn detainee_no_deadline_quiet_with_relative_deadline() {
        let text = r#"agreement a {
  date 2018-05-01
  clause 1 ceasefire { deadline immediate }
  clause 7 prisoner_exchange { deadline day 5 after clause 1 starts }
}"#;
        assert!(fired("detainee-no-deadline", text).is_empty());
    }

    #[test]
    fn weak_commitment_fires_on_review_of_protection() {
        let text = r#"agreement a {
  date 2018-05-01
  clause 7 detainee_release { strength review }
  clause 8 political_process { strength intent }
}"#;
        assert_eq!(fired("weak-commitment", text), labels(&[&["clause 7"]]));
    }

    #[test]
    fn weak_commitment_quiet_when_binding_or_unstated() {
        let text = r#"agreement a {
  date 2018-05-01
  clause 7 detainee_release { strength binding }
  clause 8 status_settlement { people fighters }
}"#;
        assert!(fired("weak-commitment", text).is_empty());
    }

    #[test]
    fn evacuation_no_destination_fires_without_destination() {
        let text = r#"agreement a {
  date 2014-01-15
  clause 1 evacuation { people civilians }
}"#;
        assert_eq!(
            fired("evacuation-no-destination", text),
            labels(&[&["clause 1"]])
        );
    }

    #[test]
    fn evacuation_no_destination_quiet_with_described_destination() {
        let text = r#"agreement a {
  date 2014-01-15
  clause 1 evacuation { people civilians; destination "the northern Homs countryside" }
}"#;
        assert!(fired("evacuation-no-destination", text).is_empty());
    }

    #[test]
    fn evacuation_no_safe_passage_fires_when_guarantee_covers_other_clauses() {
        let text = r#"agreement a {
  date 2014-01-15
  party un "United Nations" side third
  clause 1 evacuation { people civilians }
  clause 2 evacuation { people fighters; escort un }
  clause 3 guarantee { by un; covers 2 }
}"#;
        assert_eq!(
            fired("evacuation-no-safe-passage", text),
            labels(&[&["clause 1"]])
        );
    }

    #[test]
    fn evacuation_no_safe_passage_quiet_with_guarantee_of_everything() {
        let text = r#"agreement a {
  date 2014-01-15
  party un "United Nations" side third
  clause 1 evacuation { people civilians }
  clause 3 guarantee { by un }
}"#;
        assert!(fired("evacuation-no-safe-passage", text).is_empty());
    }

    #[test]
    fn no_guarantor_fires_on_unguaranteed_protections() {
        let text = r#"agreement a {
  date 2018-05-01
  recital guarantee { text "the guarantors welcome the agreement" }
  clause 4 status_settlement { people fighters }
  clause 7 detainee_release { strength review }
  clause 9 political_process { forum "Astana" }
}"#;
        assert_eq!(
            fired("no-guarantor", text),
            labels(&[&["clause 4", "clause 7"]])
        );
    }

    #[test]
    fn no_guarantor_quiet_with_clause_level_guarantor() {
        let text = r#"agreement a {
  date 2018-05-01
  party russia "Russia" side third
  clause 4 status_settlement { people fighters; guarantor russia }
}"#;
        assert!(fired("no-guarantor", text).is_empty());
    }

    #[test]
    fn partisan_guarantor_fires_when_every_guarantor_is_partisan() {
        let text = r#"agreement a {
  date 2018-05-01
  party regime "Syrian government" side government units military_police
  party russia "Russia" side third aligned regime role guarantor
  clause 4 status_settlement { people fighters; guarantor regime.military_police }
}"#;
        assert_eq!(fired("partisan-guarantor", text), labels(&[&["clause 4"]]));
    }

    #[test]
    fn partisan_guarantor_quiet_with_one_neutral_guarantor() {
        let text = r#"agreement a {
  date 2018-05-01
  party regime "Syrian government" side government
  party russia "Russia" side third aligned regime role guarantor
  party un "United Nations" side third
  clause 9 guarantee { by un }
}"#;
        assert!(fired("partisan-guarantor", text).is_empty());
    }

    #[test]
    fn ceasefire_no_monitoring_fires_without_monitor() {
        let text = r#"agreement a {
  date 2017-10-04
  party un "United Nations" side third
  clause 1 ceasefire { deadline immediate }
  clause 2 ceasefire { area "the corridors" }
  clause 3 monitoring { by un; covers 2 }
}"#;
        assert_eq!(
            fired("ceasefire-no-monitoring", text),
            labels(&[&["clause 1"]])
        );
    }

    #[test]
    fn ceasefire_no_monitoring_quiet_with_violation_procedure() {
        let text = r#"agreement a {
  date 2017-10-04
  clause 1 ceasefire { violations "reported to the joint committee" }
}"#;
        assert!(fired("ceasefire-no-monitoring", text).is_empty());
    }

    #[test]
    fn unbounded_exclusion_fires_when_judged_by_one_side() {
        let text = r#"agreement a {
  date 2018-05-01
  party regime "Syrian government" side government
  clause 4 status_settlement { people fighters; excludes "those whose hands have blood on them"; judged_by regime }
  clause 5 status_settlement { people defectors; excludes "officers" }
}"#;
        assert_eq!(
            fired("unbounded-exclusion", text),
            labels(&[&["clause 4"], &["clause 5"]])
        );
    }

    #[test]
    fn unbounded_exclusion_quiet_when_a_neutral_party_judges() {
        let text = r#"agreement a {
  date 2018-05-01
  party regime "Syrian government" side government
  party un "United Nations" side third
  clause 4 status_settlement { people fighters; excludes "those convicted of war crimes"; judged_by regime, un }
}"#;
        assert!(fired("unbounded-exclusion", text).is_empty());
    }

    #[test]
    fn unrepresented_population_fires_when_signatory_represents_elsewhere() {
        let text = r#"agreement a {
  date 2017-08-03
  place north_homs "Northern Homs countryside" kind region
  place rastan "Al-Rastan" kind town within north_homs
  place ghouta "Eastern Ghouta" kind region
  party snc "Syrian National Coalition" side opposition represents ghouta role signatory
  clause 1 ceasefire { area rastan }
}"#;
        assert_eq!(
            fired("unrepresented-population", text),
            labels(&[&["clause 1"]])
        );
    }

    #[test]
    fn unrepresented_population_quiet_when_signatory_represents_containing_area() {
        let text = r#"agreement a {
  date 2018-05-01
  region rastan
  place north_homs "Northern Homs countryside" kind region
  place rastan "Al-Rastan" kind town within north_homs
  party factions "Rebel groups" side opposition represents north_homs role signatory
  clause 1 ceasefire { area rastan }
}"#;
        assert!(fired("unrepresented-population", text).is_empty());
    }

    #[test]
    fn obligation_on_non_signatory_fires_once_per_party_per_clause() {
        let text = r#"agreement a {
  date 2017-10-04
  status signed on 2017-10-04
  party regime "Syrian government" side government units army, security
  party factions "Rebel groups" side opposition role signatory
  party russia "Russia" side third
  clause 1 ceasefire { by regime.army, regime.security, factions, civilians }
  clause ultimatum { by russia; against factions; deadline 2017-10-10 }
}"#;
        assert_eq!(
            fired("obligation-on-non-signatory", text),
            labels(&[&["clause 1"]])
        );
    }

    #[test]
    fn obligation_on_non_signatory_quiet_without_signatories() {
        let text = r#"agreement a {
  date 2018-05-01
  party regime "Syrian government" side government
  clause 1 ceasefire { by regime }
}"#;
        assert!(fired("obligation-on-non-signatory", text).is_empty());
    }

    #[test]
    fn obligation_on_non_signatory_quiet_on_a_proposal_never_signed() {
        let text = r#"agreement a {
  date 2018-05-01
  status proposed on 2018-05-01 by russia
  party regime "Syrian government" side government
  party russia "Russia" side third aligned regime role proposer
  party factions "Rebel groups" side opposition role signatory
  clause venue { by russia; place "Safir Hotel" }
}"#;
        assert!(fired("obligation-on-non-signatory", text).is_empty());
    }

    #[test]
    fn evacuation_no_safe_passage_quiet_when_a_neutral_party_carries_it_out() {
        let text = r#"agreement a {
  date 2014-02
  party un "United Nations" side third
  clause 1 evacuation { by un; people civilians }
}"#;
        assert!(fired("evacuation-no-safe-passage", text).is_empty());
    }
}
