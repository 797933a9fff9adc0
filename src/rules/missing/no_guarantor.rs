//! `no-guarantor`: no party guarantees the agreement or its protections.

use crate::finding::{Finding, Severity};
use crate::model::{Clause, and_list};
use crate::rules::{Check, Context, Rule, fires, name, quiet};
use crate::vocabulary::Backing;

pub static RULE: Rule = Rule {
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
    check: Check::Document(check),
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
        // quiet with clause level guarantor
        quiet(
            r#"agreement a {
  date 2018-05-01
  party russia "Russia" side third
  clause 4 status_settlement { people fighters; guarantor russia }
}"#,
        ),
    ],
};

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
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
    out.push(Finding::absent(
        context,
        rule,
        &protections,
        message,
        document.id.span,
    ));
}
