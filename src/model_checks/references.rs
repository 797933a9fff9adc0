//! Names that must refer to something the document declares (parties and units,
//! places, sources), and clause numbers that must name a clause of the document.

use crate::text::Text;
// FxHash: the keys are names from the input, and an offline check has no
// adversary to defend against with SipHash.
use rustc_hash::FxHashSet as HashSet;

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::error_code::ErrorCode;
use crate::model::{Actor, Anchor, Clause, Deadline, Document, PlaceRef, Value};
use crate::source::{Span, Spanned};
use crate::vocabulary;

/// What a document declares, in declaration order (for hints) and as sets (for
/// lookups).
pub(super) struct Declared<'d> {
    parties: Vec<&'d str>,
    units: Vec<&'d str>,
    places: Vec<&'d str>,
    sources: Vec<&'d str>,
    /// Numbers of the document's clauses (recitals are not named by number).
    clauses: Vec<&'d str>,
    party_set: HashSet<&'d str>,
    place_set: HashSet<&'d str>,
    source_set: HashSet<&'d str>,
    clause_set: HashSet<&'d str>,
}

impl<'d> Declared<'d> {
    pub(super) fn of(document: &'d Document) -> Declared<'d> {
        let parties: Vec<&str> = document
            .parties
            .iter()
            .map(|p| p.id.value.as_str())
            .collect();
        let units: Vec<&str> = document
            .units
            .iter()
            .map(|u| u.path.value.as_str())
            .collect();
        let places: Vec<&str> = document
            .places
            .iter()
            .map(|p| p.id.value.as_str())
            .collect();
        let sources: Vec<&str> = document
            .sources
            .iter()
            .map(|s| s.id.value.as_str())
            .collect();
        let clauses: Vec<&str> = document
            .clauses
            .iter()
            .filter_map(|clause| clause.number.as_ref().map(|n| n.value.as_str()))
            .collect();
        Declared {
            party_set: parties.iter().chain(&units).copied().collect(),
            place_set: places.iter().copied().collect(),
            source_set: sources.iter().copied().collect(),
            clause_set: clauses.iter().copied().collect(),
            parties,
            units,
            places,
            sources,
            clauses,
        }
    }

    /// A declared party or unit path.
    pub(super) fn is_party(&self, name: &str) -> bool {
        self.party_set.contains(name)
    }

    pub(super) fn is_place(&self, name: &str) -> bool {
        self.place_set.contains(name)
    }

    fn party_names(&self) -> impl Iterator<Item = &str> + Clone {
        self.parties.iter().chain(&self.units).copied()
    }

    /// `name` must be a declared party or unit.
    pub(super) fn party(&self, name: &Spanned<Text>, errors: &mut Vec<Diagnostic>) {
        if !self.is_party(&name.value) {
            errors.push(self.unknown_party(name));
        }
    }

    pub(super) fn unknown_party(&self, name: &Spanned<Text>) -> Diagnostic {
        Diagnostic::new(format!("unknown party `{}`", name.value), name.span)
            .code(ErrorCode::UndefinedName)
            .expected("a party or unit declared in this document")
            .hint(
                did_you_mean(&name.value, self.party_names()).unwrap_or_else(|| {
                    format!(
                        "declare it: `party {} \"its name\" side government|opposition|third`",
                        name.value
                    )
                }),
            )
    }

    /// An actor named as a party must be a declared party or unit.
    fn actor(&self, actor: &Spanned<Actor>, errors: &mut Vec<Diagnostic>) {
        let Actor::Party(name) = &actor.value else {
            return;
        };
        if self.is_party(name) {
            return;
        }
        let candidates = self.party_names().chain(vocabulary::GROUPS.iter().copied());
        errors.push(
            Diagnostic::new(format!("unknown party or group `{name}`"), actor.span)
                .code(ErrorCode::UndefinedName)
                .expected(format!(
                    "a declared party, one of the groups {}, or a \"quoted description\"",
                    vocabulary::GROUPS.join(", ")
                ))
                .hint(did_you_mean(name, candidates).unwrap_or_else(|| {
                    "quote a description in the source's words: \"those who wish to remain\"".into()
                })),
        );
    }

    /// A place named by id (not described in quotes) must be declared.
    fn place(&self, place: &Spanned<PlaceRef>, errors: &mut Vec<Diagnostic>) {
        let PlaceRef::Declared(id) = &place.value else {
            return;
        };
        if self.is_place(id) {
            return;
        }
        errors.push(
            Diagnostic::new(format!("unknown place `{id}`"), place.span)
                .code(ErrorCode::UndefinedName)
                .expected("a place declared in this document, or a \"quoted description\"")
                .hint(
                    did_you_mean(id, self.places.iter().copied()).unwrap_or_else(|| {
                        format!("declare it: `place {id} \"its name\" kind town`")
                    }),
                ),
        );
    }

    /// The place a place lies `within` must be declared.
    pub(super) fn unknown_container(&self, parent: &Spanned<Text>) -> Diagnostic {
        Diagnostic::new(format!("unknown place `{}`", parent.value), parent.span)
            .code(ErrorCode::UndefinedName)
            .expected("a place declared in this document")
            .maybe_hint(did_you_mean(&parent.value, self.places.iter().copied()))
    }

    /// Cited sources must be declared. A statement's sources may be shared by
    /// several attributes or backers; `reported` keeps each mention to one error.
    fn sources(
        &self,
        sources: &[Spanned<Text>],
        reported: &mut HashSet<Span>,
        errors: &mut Vec<Diagnostic>,
    ) {
        for id in sources {
            if !self.source_set.contains(id.value.as_str()) && reported.insert(id.span) {
                errors.push(unknown_source(id, self.sources.iter().copied()));
            }
        }
    }

    /// Clause numbers named by the clause must be clauses of the document.
    fn clause_numbers(&self, clause: &Clause, errors: &mut Vec<Diagnostic>) {
        for attribute in &clause.attributes {
            let numbers: Vec<&Spanned<Text>> = match (&attribute.value, attribute.value.deadline())
            {
                (Value::Clauses(numbers), _) => numbers.iter().collect(),
                (
                    _,
                    Some(Deadline::Relative {
                        anchor: Anchor::Clause { number, .. },
                        ..
                    }),
                ) => vec![number],
                _ => continue,
            };
            self.numbers(numbers, errors);
        }
    }

    fn numbers<'a>(
        &self,
        numbers: impl IntoIterator<Item = &'a Spanned<Text>>,
        errors: &mut Vec<Diagnostic>,
    ) {
        for number in numbers {
            if !self.clause_set.contains(number.value.as_str()) {
                errors.push(
                    Diagnostic::new(
                        format!("there is no clause {} in this document", number.value),
                        number.span,
                    )
                    .code(ErrorCode::UndefinedName)
                    .expected("the number of a clause of this document")
                    .maybe_hint(did_you_mean(&number.value, self.clauses.iter().copied())),
                );
            }
        }
    }
}

/// A cited source the document does not declare.
fn unknown_source<'a>(
    id: &Spanned<Text>,
    declared: impl IntoIterator<Item = &'a str>,
) -> Diagnostic {
    let hint = did_you_mean(&id.value, declared).unwrap_or_else(|| {
        format!(
            "declare it: `source {} \"citation\" file \"...\"`",
            id.value
        )
    });
    Diagnostic::new(format!("unknown source `{}`", id.value), id.span)
        .code(ErrorCode::UndefinedName)
        .expected("a source declared in this document")
        .hint(hint)
}

/// Every reference of the document's statements and clauses, in the order of the
/// document's parts.
pub(super) fn check(document: &Document, declared: &Declared, errors: &mut Vec<Diagnostic>) {
    let mut reported = HashSet::default();
    for party in &document.parties {
        if let Some(aligned) = &party.aligned {
            if aligned.value == party.id.value {
                errors.push(
                    Diagnostic::new(
                        format!("party `{}` is aligned with itself", party.id.value),
                        aligned.span,
                    )
                    .code(ErrorCode::InvalidModel)
                    .expected("the party of the side it fights for or backs")
                    .hint("`aligned` names another party, such as `aligned regime`"),
                );
            } else {
                declared.party(aligned, errors);
            }
        }
        for place in &party.represents {
            declared.place(place, errors);
        }
        for behalf in &party.on_behalf_of {
            declared.party(behalf, errors);
        }
        if let Some(territory) = &party.territory
            && !declared.is_place(&territory.value)
        {
            errors.push(declared.unknown_container(territory));
        }
        declared.sources(&party.source, &mut reported, errors);
    }
    for place in &document.places {
        for besieger in &place.besieged_by {
            declared.party(besieger, errors);
        }
    }
    if let Some(region) = &document.region {
        declared.place(region, errors);
    }
    for status in &document.statuses {
        for party in &status.by {
            declared.party(party, errors);
        }
        declared.sources(&status.source, &mut reported, errors);
    }
    for backer in document.guarantors.iter().chain(&document.monitors) {
        declared.party(&backer.party, errors);
        declared.sources(&backer.source, &mut reported, errors);
    }
    for clause in document.recitals.iter().chain(&document.clauses) {
        for attribute in &clause.attributes {
            match &attribute.value {
                Value::Parties(parties) => {
                    for party in parties {
                        declared.party(party, errors);
                    }
                }
                Value::Actors(actors) => {
                    for actor in actors {
                        declared.actor(actor, errors);
                    }
                }
                Value::Places(places) => {
                    for place in places {
                        declared.place(place, errors);
                    }
                }
                _ => {}
            }
            declared.sources(&attribute.source, &mut reported, errors);
        }
        declared.sources(&clause.source, &mut reported, errors);
    }
    // Only operative clauses: the numbers a recital names were never checked, and
    // checking them now would fail `.truce` files that load today.
    for clause in &document.clauses {
        declared.clause_numbers(clause, errors);
    }
    for known in &document.known_from {
        declared.sources(&known.source, &mut reported, errors);
    }
    for event in &document.events {
        for actor in &event.by {
            declared.actor(actor, errors);
        }
        declared.numbers(&event.clauses, errors);
        declared.sources(&event.source, &mut reported, errors);
    }
}
