//! PA-X coding: each document as a row of the PA-X Peace Agreements Database, in
//! PA-X's columns, derived from what its clauses hold.
//!
//! The codes a clause earns are the vocabulary's ([`crate::vocabulary::pax`]);
//! this module grades them and adds the agreement-level variables. Grades follow
//! the codebook: detail raises a grade (a mechanism, a verifier, lists or numbers,
//! modalities), a pledge lowers it, a review, an intent or a recital is rhetorical
//! (1). A deadline is not detail: PA-X grades detail, not deadlines. A document PA-X
//! would not include (an unsigned, rejected proposal; a notice) is coded but
//! flagged with why.
//!
//! [`diff`] sets the rows beside PA-X's own coding.

pub mod diff;

use std::collections::{BTreeMap, HashSet};

use crate::model::{Clause, Document, Party, Strength, Value};
use crate::source::Span;
use crate::vocabulary::pax::{self, Code, DETAIL, Scale, When};
use crate::vocabulary::{Key, Role, Side, Status};

/// PA-X's `Status` values.
pub const MULTIPARTY: &str = "Multiparty signed/agreed";
pub const UNILATERAL: &str = "Unilateral document";
pub const UNCLEAR: &str = "Status unclear";

/// One document as a PA-X row.
#[derive(Debug)]
pub struct Row<'a> {
    pub document: &'a Document,
    /// `AgtId`, when the document states it (`pax 1995`).
    pub id: Option<u32>,
    /// `Agt`: the title, else the id.
    pub name: String,
    /// `Dat`: the date as a day (`2017-08-03`), or a month where that is all the
    /// document gives.
    pub date: Option<String>,
    pub status: &'static str,
    pub agreement_type: &'static str,
    pub stage: &'static str,
    pub stage_sub: &'static str,
    /// `Part`: those who signed or agreed, as written.
    pub parties: Vec<String>,
    /// `ThrdPart`: guarantors, mediators, monitors and sponsors who did not sign.
    pub third_parties: Vec<String>,
    /// The codes earned, with their grade (1-3; 1 for a binary code) and why.
    pub codes: BTreeMap<Code, Earned>,
    /// Why PA-X would leave the document out, if it would.
    pub excluded: Option<&'static str>,
    /// Clause kinds present that code to nothing in the codebook.
    pub uncoded: Vec<&'static str>,
}

/// A code a document earned: its grade and what earned it.
#[derive(Clone, Debug, PartialEq)]
pub struct Earned {
    pub grade: u8,
    pub because: Vec<Because>,
}

/// One thing in a document that earns a code.
#[derive(Clone, Debug, PartialEq)]
pub struct Because {
    /// `clause 7 (detainee release), grade 2: a mechanism`, `party un (monitor)`.
    pub what: String,
    pub span: Span,
}

impl Row<'_> {
    /// The grade of `code`: 0 when absent.
    pub fn grade(&self, code: Code) -> u8 {
        self.codes.get(&code).map_or(0, |earned| earned.grade)
    }
}

/// Every document of `documents` as a PA-X row, in order.
pub fn rows<'a>(documents: impl IntoIterator<Item = &'a Document>) -> Vec<Row<'a>> {
    documents.into_iter().map(row).collect()
}

/// One document as a PA-X row.
pub fn row(document: &Document) -> Row<'_> {
    let mut codes: BTreeMap<Code, Earned> = BTreeMap::new();
    let mut uncoded: Vec<&'static str> = Vec::new();
    // Clauses a monitoring or guarantee clause names under `covers`: only an
    // explicit cover counts as a verifier of a clause, not a committee that
    // watches the whole document.
    let backed: HashSet<&str> = document
        .clauses
        .iter()
        .filter(|clause| clause.kind().backs.is_some())
        .flat_map(|clause| clause.names(Key::Covers))
        .map(|number| number.value.as_str())
        .collect();
    for clause in document.recitals.iter().chain(&document.clauses) {
        let kind = clause.kind();
        if kind.pax.is_empty() {
            if !uncoded.contains(&kind.name) {
                uncoded.push(kind.name);
            }
            continue;
        }
        let covered = !clause.recital
            && clause
                .number
                .as_ref()
                .is_some_and(|number| backed.contains(number.value.as_str()));
        let (grade, detail) = grade(clause, covered);
        for coding in kind.pax {
            if !earns(document, clause, coding.when) {
                continue;
            }
            let grade = match (coding.code.scale(), coding.when) {
                (Scale::Binary, _) => 1,
                // Naming a group among those a measure covers, or police among
                // those who carry it out, is concrete, but it is no provision
                // detailed for that group or for the police.
                (Scale::Graded, When::People(_) | When::Police) => grade.min(2),
                (Scale::Graded, _) => grade,
            };
            let what = match coding.code.scale() {
                Scale::Graded => format!("{}, grade {grade}{detail}", describe(clause)),
                Scale::Binary => describe(clause),
            };
            earn(&mut codes, coding.code, grade, what, clause.span);
        }
    }
    document_codes(document, &mut codes);
    Row {
        document,
        id: document.pax.as_ref().map(|id| id.value),
        name: document.title.as_ref().map_or_else(
            || document.id.value.to_string(),
            |title| title.value.to_string(),
        ),
        date: document.date.as_ref().map(|date| {
            let when = &date.value;
            match when.precision {
                crate::model::Precision::Month => when.text.to_string(),
                _ => when.start.date().to_string(),
            }
        }),
        status: status(document),
        agreement_type: agreement_type(document),
        stage: stage(&codes).0,
        stage_sub: stage(&codes).1,
        parties: parties(document),
        third_parties: third_parties(document),
        excluded: excluded(document),
        uncoded,
        codes,
    }
}

fn earn(codes: &mut BTreeMap<Code, Earned>, code: Code, grade: u8, what: String, span: Span) {
    let earned = codes.entry(code).or_insert(Earned {
        grade: 0,
        because: Vec::new(),
    });
    earned.grade = earned.grade.max(grade);
    earned.because.push(Because { what, span });
}

/// `clause 7 (detainee release)`, or `recital (ceasefire)`.
fn describe(clause: &Clause) -> String {
    let kind = clause.kind_name().replace('_', " ");
    match (&clause.number, clause.recital) {
        (_, true) => format!("recital ({kind})"),
        (Some(number), false) => format!("clause {} ({kind})", number.value),
        (None, false) => format!("the {kind}"),
    }
}

/// A clause's PA-X grade and the detail that earned it (`: a mechanism, lists
/// or numbers`): 1 for a brief commitment, one more for each kind of detail it
/// states, at most 3; a pledge one lower; a review, an intent or a recital 1.
/// A clause that a monitoring or guarantee clause `covers` has a verifier.
pub fn grade(clause: &Clause, backed: bool) -> (u8, String) {
    if clause.recital {
        return (1, ": a recital".to_string());
    }
    let strength = clause.commitment();
    if matches!(strength, Strength::Review | Strength::Intent) {
        return (1, format!(": only `{}`", strength.name()));
    }
    let detail: Vec<&str> = DETAIL
        .iter()
        .filter(|(what, keys)| {
            keys.iter().any(|key| clause.has(*key)) || backed && *what == pax::VERIFIER
        })
        .map(|(what, _)| *what)
        .collect();
    let mut grade = (1 + detail.len()).min(3) as u8;
    if strength == Strength::Pledge {
        grade = grade.saturating_sub(1).max(1);
    }
    let mut why = if detail.is_empty() {
        ": no detail".to_string()
    } else {
        format!(": {}", detail.join(", "))
    };
    if strength == Strength::Pledge {
        why.push_str("; a pledge");
    }
    (grade, why)
}

/// Whether `clause` earns a coding that holds `when`.
fn earns(document: &Document, clause: &Clause, when: When) -> bool {
    match when {
        When::Always => true,
        When::Operative => {
            !clause.recital && !matches!(clause.commitment(), Strength::Review | Strength::Intent)
        }
        When::General => {
            clause.recital || matches!(clause.commitment(), Strength::Review | Strength::Intent)
        }
        When::People(groups) => mentions(&words_under(clause, Key::People), groups),
        When::Civilians => {
            let people = clause.people();
            people.is_empty() || people.iter().any(|actor| !actor.is_armed())
        }
        When::ThirdPartyForces => forces(clause)
            .iter()
            .any(|path| document.owner_party(path).and_then(Party::side) == Some(Side::Third)),
        When::Opposition => forces(clause)
            .iter()
            .any(|path| document.side_of(path) == Some(Side::Opposition)),
        When::Police => {
            let words: Vec<String> = pax::POLICE_ROLES
                .iter()
                .flat_map(|key| words_under(clause, *key))
                .collect();
            mentions(&words, pax::POLICE)
        }
        When::ParaStatal => {
            clause.has(Key::ArmedBy)
                || earns(document, clause, When::Joint)
                    && forces(clause)
                        .iter()
                        .any(|path| document.side_of(path) == Some(Side::Opposition))
        }
        When::Joint => {
            mentions(&words_under(clause, Key::Checkpoints), &["joint"]) || {
                let own: Vec<Option<Side>> = forces(clause)
                    .iter()
                    .map(|path| document.side_of(path))
                    .collect();
                clause.actor_parties(Key::With).iter().any(|(path, _)| {
                    let theirs = document.side_of(path);
                    theirs.is_some() && own.iter().any(|side| side.is_some() && *side != theirs)
                })
            }
        }
        When::Names(key, words) => mentions(&words_under(clause, key), words),
        When::Has(key) => clause.has(key),
    }
}

/// The party paths whose forces a clause moves: its `forces`, else its `by`.
fn forces(clause: &Clause) -> Vec<String> {
    let forces = clause.actor_parties(Key::Forces);
    let named = if forces.is_empty() {
        clause.actor_parties(Key::By)
    } else {
        forces
    };
    named.into_iter().map(|(path, _)| path.into()).collect()
}

/// Every word written under `key`: labels, texts, actors, party paths.
fn words_under(clause: &Clause, key: Key) -> Vec<String> {
    let mut out = Vec::new();
    for attribute in clause.all(key) {
        match &attribute.value {
            Value::Text(text) => out.push(text.to_string()),
            Value::Words(words) | Value::Parties(words) => {
                out.extend(words.iter().map(|word| word.value.to_string()))
            }
            Value::Actors(actors) => out.extend(actors.iter().map(|a| a.value.to_string())),
            _ => {}
        }
    }
    out
}

/// Whether one of `phrases` names one of `words`, as a whole word: `police`
/// in `regime.police` or "the military police", not in "policeman".
fn mentions(phrases: &[String], words: &[&str]) -> bool {
    phrases.iter().any(|phrase| {
        let lower = phrase.to_lowercase();
        words.iter().any(|word| {
            lower == *word
                || lower
                    .split(|c: char| !c.is_alphanumeric() && c != '_')
                    .flat_map(|part| std::iter::once(part).chain(part.split('_')))
                    .any(|part| part == *word)
                || word.contains(' ') && lower.contains(word)
        })
    })
}

/// Codes the document earns as a whole: international signatories and
/// witnesses, guarantees and monitors of the whole agreement, terrorism.
fn document_codes(document: &Document, codes: &mut BTreeMap<Code, Earned>) {
    const ACTIVE: &[Role] = &[
        Role::Signatory,
        Role::Agreed,
        Role::Proposer,
        Role::Guarantor,
        Role::Mediator,
        Role::Monitor,
        Role::Sponsor,
    ];
    for party in &document.parties {
        let roles: Vec<&str> = party
            .roles
            .iter()
            .filter(|role| ACTIVE.contains(&role.value))
            .map(|role| role.value.name())
            .collect();
        if party.side() == Some(Side::Third) && !roles.is_empty() {
            let code = if is_united_nations(party) {
                Code::ImUN
            } else {
                Code::ImOth
            };
            let what = format!("party {} ({})", party.id.value, roles.join(", "));
            earn(codes, code, 1, what, party.span);
        }
        if party.has_role(Role::Guarantor) {
            let what = format!("party {} (guarantor)", party.id.value);
            earn(codes, Code::SsrGua, 1, what, party.span);
        }
        if party.has_role(Role::Monitor) {
            let what = format!("party {} (monitor)", party.id.value);
            earn(codes, Code::ImE, 1, what, party.span);
        }
    }
    for backer in &document.guarantors {
        let what = format!("guarantor {}", backer.party.value);
        earn(codes, Code::SsrGua, 1, what, backer.party.span);
    }
    for backer in &document.monitors {
        let what = format!("monitor {}", backer.party.value);
        earn(codes, Code::ImE, 1, what, backer.party.span);
    }
    for clause in document.recitals.iter().chain(&document.clauses) {
        for key in [Key::Excludes, Key::Barred] {
            if mentions(&words_under(clause, key), pax::TERRORISM) {
                let what = format!("{} ({} names terrorists)", describe(clause), key.name());
                earn(codes, Code::Terr, 1, what, clause.span);
            }
        }
    }
}

fn is_united_nations(party: &Party) -> bool {
    let mut names = vec![party.id.value.to_string()];
    names.extend(party.name.as_ref().map(|name| name.value.to_string()));
    mentions(&names, pax::UNITED_NATIONS)
}

/// Those who gave consent, as written: signatories and parties that agreed,
/// and those a `status signed ... by` names.
fn parties(document: &Document) -> Vec<String> {
    let mut ids: Vec<&str> = document
        .consenting()
        .map(|party| party.id.value.as_str())
        .collect();
    for entry in &document.statuses {
        if entry.status.value.binds() {
            for by in &entry.by {
                let id = document.owner(&by.value);
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
    }
    ids.into_iter().map(|id| as_written(document, id)).collect()
}

/// Third parties that back, broker or watch the agreement without consenting.
fn third_parties(document: &Document) -> Vec<String> {
    const THIRD: &[Role] = &[
        Role::Guarantor,
        Role::Mediator,
        Role::Monitor,
        Role::Sponsor,
    ];
    let consenting = parties(document);
    let mut ids: Vec<&str> = document
        .parties
        .iter()
        .filter(|party| party.roles.iter().any(|role| THIRD.contains(&role.value)))
        .map(|party| party.id.value.as_str())
        .collect();
    for backer in document.guarantors.iter().chain(&document.monitors) {
        let id = document.owner(&backer.party.value);
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids.into_iter()
        .map(|id| as_written(document, id))
        .filter(|name| !consenting.contains(name))
        .collect()
}

/// A party's name as the document writes it, else its id.
fn as_written(document: &Document, id: &str) -> String {
    document
        .party(id)
        .and_then(|party| party.name.as_ref())
        .map_or_else(|| id.to_string(), |name| name.value.to_string())
}

/// PA-X's `Status`: signed or agreed by its parties; one side's text (a
/// proposal); or unclear.
fn status(document: &Document) -> &'static str {
    let proposed = document
        .statuses
        .iter()
        .any(|entry| entry.status.value == Status::Proposed);
    match document.consenting().count() {
        _ if document.is_signed() => MULTIPARTY,
        2.. => MULTIPARTY,
        1 => UNILATERAL,
        0 if proposed => UNILATERAL,
        0 => UNCLEAR,
    }
}

/// Why PA-X would leave a document out: it is no agreement. One party's
/// statement that it signed is not signing an agreement.
fn excluded(document: &Document) -> Option<&'static str> {
    if document.is_signed() || document.consenting().count() >= 2 {
        return None;
    }
    let rejected = document
        .statuses
        .iter()
        .any(|entry| entry.status.value == Status::Rejected);
    if rejected {
        return Some("an unsigned, rejected proposal: PA-X leaves these out");
    }
    let provisions = document
        .clauses
        .iter()
        .any(|clause| !clause.kind().unilateral);
    if !provisions {
        return Some("a notice or statement with no provision agreed: not an agreement");
    }
    None
}

/// PA-X's `Agtp`: an interstate text about the conflict when states that are no
/// side outnumber the sides among those who consent; else a local agreement
/// when it concerns declared places; else intrastate.
fn agreement_type(document: &Document) -> &'static str {
    let consenting: Vec<&Party> = document
        .parties
        .iter()
        .filter(|party| party.consents() || party.has_role(Role::Guarantor))
        .collect();
    let third = consenting
        .iter()
        .filter(|party| party.side() == Some(Side::Third))
        .count();
    if third >= 2 && third > consenting.len() - third {
        "InterIntra"
    } else if !document.places.is_empty() || document.region.is_some() {
        "IntraLocal"
    } else {
        "Intra"
    }
}

/// PA-X's `Stage` and `StageSub`: a ceasefire stage when the document holds a
/// ceasefire provision; a ceasefire with broader issues (`CeaMix`) when it also
/// settles matters of state ([`pax::BROADER`]: amnesty, administration,
/// development, borders), else mainly a ceasefire (`Ceas`), its humanitarian
/// terms included; `Other` without a ceasefire.
fn stage(codes: &BTreeMap<Code, Earned>) -> (&'static str, &'static str) {
    let ceasefire = [Code::Ce, Code::CeProv, Code::CeGen];
    if !ceasefire.iter().any(|code| codes.contains_key(code)) {
        return ("Other", "");
    }
    if pax::BROADER.iter().any(|code| codes.contains_key(code)) {
        ("Cea", "CeaMix")
    } else {
        ("Cea", "Ceas")
    }
}

#[cfg(test)]
mod tests;
