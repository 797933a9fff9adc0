//! `no-guarantor`: no party guarantees the agreement or its protections.

use crate::finding::{Finding, Severity};
use crate::model::{Clause, and_list};
use crate::rules::{Applies, Check, Context, Rule, fires, name, quiet};
use crate::vocabulary::Backing;

pub static RULE: Rule = Rule {
    id: "no-guarantor",
    severity: Severity::Warning,
    summary: "no party guarantees the agreement or some of its protections",
    explanation: "Protections without a guarantor depend on the goodwill of the party \
        they restrain. The factions rejected the May 2018 proposal for its \"lack of any \
        guarantee for the future of civilians\": it named no guarantor, no guarantee \
        clause and no escort. A guarantor of one road opening says nothing of an \
        unguaranteed ceasefire or exchange, so the finding names each protection that \
        no party guarantees.",
    example: r#"agreement proposal {
  date 2018-05-01
  party regime "Syrian government" side government
  clause 4 status_settlement { people fighters; by regime }
}"#,
    check: Check::Document(check),
    applies: Applies::Protections,
    cases: &[
        // fires on unguaranteed protections
        fires(
            &[&["clause 4", "clause 7"]],
            r#"agreement a {
  date 2018-05-01
  recital guarantee { text "the guarantors welcome the agreement" }
  clause 4 status_settlement { people fighters }
  clause 7 detainee_release { strength review }
  clause 9 political_process { forum "Astana" }
}"#,
        ),
        // fires on the protections a guarantor of other clauses leaves
        fires(
            &[&["clause 1", "clause 3"]],
            r#"agreement a {
  date 2018-05-01
  party russia "Russia" side third
  clause 1 ceasefire { duration 6 months }
  clause 2 road_opening { road "M5"; protected_by russia; guarantor russia }
  clause 3 prisoner_exchange { mechanism "lists" }
  clause 4 humanitarian_access { aid food }
  clause 5 guarantee { by russia; covers 4 }
}"#,
        ),
        // fires where guarantees are only asked for, by no one named
        fires(
            &[&["clause 2"]],
            r#"agreement a {
  date 2016-08-31
  clause 1 guarantee { strength intent; text "asked for guarantees" }
  clause 2 compensation { people residents; strength intent }
}"#,
        ),
        // quiet with clause level guarantor
        quiet(
            r#"agreement a {
  date 2018-05-01
  party russia "Russia" side third
  clause 4 status_settlement { people fighters; guarantor russia }
}"#,
        ),
        // quiet when a guarantee clause covers every protection
        quiet(
            r#"agreement a {
  date 2018-05-01
  party russia "Russia" side third
  clause 1 ceasefire { duration 6 months }
  clause 2 guarantee { by russia }
}"#,
        ),
    ],
};

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    if document.has_guarantor() {
        return;
    }
    let protections: Vec<&Clause> = document
        .principal_clauses()
        .filter(|clause| clause.is_protection())
        .collect();
    let coverage = document.coverage(Backing::Guarantees);
    let (guaranteed, unguaranteed): (Vec<&Clause>, Vec<&Clause>) = protections
        .iter()
        .partition(|clause| coverage.covers(clause) || clause.has_guarantor());
    let Some(first) = unguaranteed.first() else {
        return;
    };
    let named = |clauses: &[&Clause]| -> String {
        and_list(&clauses.iter().map(|clause| name(clause)).collect::<Vec<_>>())
    };
    // A guarantee of some clauses says nothing of the others: name those left.
    let (message, span) = if guaranteed.is_empty() && coverage.is_empty() {
        (
            format!(
                "no party guarantees the agreement or its protections: {}",
                named(&unguaranteed),
            ),
            document.id.span,
        )
    } else {
        let guaranteed_part = if guaranteed.is_empty() {
            String::new()
        } else {
            format!("; only {} {} one", named(&guaranteed), has(guaranteed.len()))
        };
        (
            format!(
                "{} {} no guarantor{guaranteed_part}",
                named(&unguaranteed),
                has(unguaranteed.len()),
            ),
            first.span,
        )
    };
    out.push(Finding::absent(context, rule, &unguaranteed, message, span));
}

fn has(count: usize) -> &'static str {
    if count == 1 { "has" } else { "have" }
}
