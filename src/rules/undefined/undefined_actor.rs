//! `undefined-actor`: a bound or empowered actor is a description, not a declared party.

use super::actors;
use crate::finding::{Finding, Severity};
use crate::model::{Actor, Clause};
use crate::rules::{Applies, Check, Context, Rule, fires, list_labels, name, quiet};
use crate::source::Span;
use crate::vocabulary::{Guarantee, Key, Role, is_collective, kinds};

pub static RULE: Rule = Rule {
    id: "undefined-actor",
    severity: Severity::Warning,
    summary: "a bound or empowered actor is a description, not a declared party",
    explanation: "An obligation on \"local forces\" or \"the militias\", or a power given \
        to \"the conflicting parties\" or to a committee no one is named to, binds no one \
        who signed and no one who can be held to it: nobody can say who broke it. The \
        Busra al-Sham settlement of July 2018 (Daraa) bars \"government forces and \
        militias\" from the villages, as Halab Today reports it, without saying which \
        militias; in Eastern Ghouta (March 2018) civilians who stay are \"not pursued by \
        the government or its allies\"; in al-Waer (2015, 2017) a \"joint committee\" \
        collects the weapons or monitors the ceasefire with no members named. It reads \
        descriptions of bodies (forces, allies, committees), parties declared with no \
        side and no part in the agreement, and bodies the agreement sets up whose members \
        no `committee` clause names; people who act for themselves (\"those who stay\" \
        hand over their own weapons) are not actors in this sense. A warning: the \
        actor may be known on the ground, but the text gives no one to hold to it.",
    example: r#"agreement settlement {
  date 2018-07-06
  party regime "Syrian government" side government units forces
  party militias "militias"
  clause 10 non_entry { barred regime.forces, militias; area "the villages" }
}"#,
    check: Check::Document(check),
    applies: Applies::Every,
    cases: &[
        // fires on a party with no side and no part in the agreement, once for
        // all the clauses that bind it, on a description of a body bound to
        // deploy, and on a committee set up with no members named
        fires(
            &[&["clause 1"], &["clause 3"], &["clause 10a", "clause 10b"]],
            r#"agreement a {
  date 2018-07-06
  party regime "Syrian government" side government units forces
  party militias "militias"
  party joint "the joint committee" side third role established
  clause 1 ceasefire { by regime; monitor joint }
  clause 3 deployment { forces "local forces" }
  clause "10a" non_entry { barred regime.forces, militias; area "the villages" }
  clause "10b" withdrawal { forces regime.forces, militias }
}"#,
        ),
        // quiet on declared parties, a body the agreement sets up with its
        // members, and people who act for themselves (those who stay hand over
        // their own weapons)
        quiet(
            r#"agreement a {
  date 2018-05-02
  party regime "Syrian government" side government units army
  party factions "Rebel factions" side opposition
  party committee "the implementation committee" role established
  party un "United Nations" role monitor
  clause 1 non_entry { barred regime.army; area "the area" }
  clause 2 committee { by committee; members regime, factions; tasks detainees }
  clause 3 weapons_handover { by "Those who stay"; weapons personal }
  clause 4 monitoring { by un }
}"#,
        ),
    ],
};

/// The keys under which a clause binds someone or gives someone a power.
fn binds_or_empowers(clause: &Clause) -> Vec<Key> {
    let mut keys: Vec<Key> = clause.kind().bound.to_vec();
    keys.extend([Key::Barred, Key::To, Key::Holder]);
    keys.extend(clause.attributes.iter().map(|a| a.key).filter(|key| {
        matches!(
            key.guarantee(),
            Some(Guarantee::Guarantor | Guarantee::Oversight)
        ) || *key == Key::JudgedBy
    }));
    keys.sort_unstable();
    keys.dedup();
    keys
}

fn check(context: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let document = context.document;
    // Declared parties the document says nothing about: no side, no role. One
    // finding per party, at its first mention, naming every clause that binds it.
    let mut undeclared: Vec<(&str, Span, Vec<&Clause>)> = Vec::new();
    for clause in document.principal_clauses() {
        for key in binds_or_empowers(clause) {
            for actor in actors(clause, key) {
                if let Actor::Described(description) = &actor.value
                    && is_collective(description)
                {
                    let message = format!(
                        "{} names \"{description}\" under `{key}`: a description, not a \
                         declared party that signed or can be held to it",
                        name(clause)
                    );
                    out.push(Finding::new(context, rule, &[clause], message, actor.span));
                }
            }
            for (path, span) in clause.actor_parties(key) {
                let Some(party) = document.owner_party(&path) else {
                    continue;
                };
                let undefined = (party.side.is_none() && party.roles.is_empty())
                    || (party.has_role(Role::Established) && !has_members(document, party));
                if !undefined {
                    continue;
                }
                let id = party.id.value.as_str();
                match undeclared.iter_mut().find(|(seen, _, _)| *seen == id) {
                    Some((_, _, clauses)) => {
                        // Clauses come in order: the same one is only ever last.
                        if !clauses.last().is_some_and(|c| std::ptr::eq(*c, clause)) {
                            clauses.push(clause);
                        }
                    }
                    None => undeclared.push((id, span, vec![clause])),
                }
            }
        }
    }
    for (id, span, clauses) in undeclared {
        let Some(party) = document.party(id) else {
            continue;
        };
        let called = party
            .name
            .as_ref()
            .map(|name| format!(" (\"{}\")", name.value))
            .unwrap_or_default();
        let verb = if clauses.len() == 1 { "names" } else { "name" };
        if party.has_role(Role::Established) {
            // Who sits on a body is something reports leave out.
            let message = format!(
                "{id}{called}, which {} {verb}, is a body the agreement sets up without \
                 saying who sits on it",
                list_labels(&clauses),
            );
            out.push(Finding::absent(context, rule, &clauses, message, span));
        } else {
            let message = format!(
                "{id}{called}, which {} {verb}, is not defined: the document gives it no \
                 side and no part in the agreement",
                list_labels(&clauses),
            );
            out.push(Finding::new(context, rule, &clauses, message, span));
        }
    }
}

/// Whether a `committee` clause of the document says who sits on the body.
fn has_members(document: &crate::model::Document, party: &crate::model::Party) -> bool {
    document.clauses.iter().any(|clause| {
        clause.is(&kinds::COMMITTEE)
            && clause.has(Key::Members)
            && clause
                .actor_parties(Key::By)
                .iter()
                .any(|(path, _)| document.owner(path) == party.id.value)
    })
}
