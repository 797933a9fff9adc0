//! `evacuation-single-destination`: evacuees get one destination and no choice.

use super::evacuations;
use crate::finding::{Finding, Severity};
use crate::rules::{Applies, Check, Context, Rule, fires, name, quiet, show_places};
use crate::vocabulary::{Choice, Key, kinds};

pub static RULE: Rule = Rule {
    id: "evacuation-single-destination",
    severity: Severity::Info,
    summary: "evacuees get one destination and no choice",
    explanation: "Sending every evacuee to one place (Idlib, Jarablus, \"northern Syria\") \
        gathers them where the next offensive may follow and leaves those who would be \
        in danger there no alternative; ICRC practice is to let evacuees choose where \
        to go. The Four Towns truce of 2015 sends the Zabadani fighters to \"Idlib \
        exclusively\"; the Harasta, Douma and Eastern Ghouta exits of 2018 each name one \
        destination; the final northern Homs agreement of May 2018 is the sound case, \
        with a free choice of route and of Idlib or Jarablus. An info: one destination \
        may be all the evacuees asked for.",
    example: r#"agreement a {
  date 2018-03-21
  place idlib "Idlib" kind governorate
  clause 1 evacuation { people fighters, civilians; destination idlib }
}"#,
    check: Check::Document(check),
    applies: Applies::Kinds(&[&kinds::EVACUATION]),
    cases: &[
        fires(
            &[&["clause 1"]],
            r#"agreement a {
  date 2018-03-21
  place idlib "Idlib" kind governorate
  clause 1 evacuation { people civilians; destination idlib }
  clause 2 evacuation { belongings phones; details 1 }
}"#,
        ),
        // quiet with two destinations, a choice of destination, or none stated
        quiet(
            r#"agreement a {
  date 2018-05-02
  place idlib "Idlib" kind governorate
  place jarablus "Jarablus" kind town
  clause 1 evacuation { people fighters; destination idlib, jarablus }
  clause 2 evacuation { people civilians; destination idlib; choice destination }
  clause 3 evacuation { people wounded }
}"#,
        ),
    ],
};

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    for evacuation in evacuations(context.document) {
        let destinations = evacuation.places(Key::Destination);
        let [only] = destinations.as_slice() else {
            continue;
        };
        if evacuation
            .names(Key::Choice)
            .iter()
            .any(|choice| Choice::parse(&choice.value) == Some(Choice::Destination))
        {
            continue;
        }
        let message = format!(
            "{} sends evacuees to {} only, with no choice of destination",
            name(evacuation),
            show_places([&only.value])
        );
        out.push(Finding::new(
            context,
            rule,
            &[evacuation],
            message,
            evacuation.span_of(Key::Destination),
        ));
    }
}
