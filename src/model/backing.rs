//! Who stands behind a document and for whom it speaks: its guarantors and
//! monitors, which clauses they cover, and whether its signatories represent the
//! places it binds. Rules and red lines both ask these questions; this is the one
//! answer.

use std::collections::HashSet;

use super::{Actor, Clause, Document, Party, PlaceRef, Value};
use crate::source::{Span, Spanned};
use crate::vocabulary::{Backing, Key, Role};

/// A party the document names as guarantor or monitor: its path, where it is
/// named, and the clause that names it (none for the document as a whole).
#[derive(Clone, Copy, Debug)]
pub struct Named<'a> {
    pub path: &'a str,
    pub span: Span,
    pub clause: Option<&'a Clause>,
}

/// Which clauses a document's guarantee (or monitoring) clauses cover: a clause
/// without `covers` covers the whole document.
#[derive(Clone, Debug, Default)]
pub struct Coverage<'a> {
    pub all: bool,
    numbers: HashSet<&'a str>,
}

impl Coverage<'_> {
    /// Whether it covers no clause at all.
    pub fn is_empty(&self) -> bool {
        !self.all && self.numbers.is_empty()
    }

    pub fn covers(&self, clause: &Clause) -> bool {
        self.all
            || clause
                .number
                .as_ref()
                .is_some_and(|number| self.numbers.contains(number.value.as_str()))
    }
}

/// The places a document binds, and where it says so.
#[derive(Clone, Debug)]
pub struct BoundPlaces<'a> {
    /// Declared place ids, each once, in order.
    pub places: Vec<&'a str>,
    /// The clauses whose areas they are (none when they come from the region).
    pub clauses: Vec<&'a Clause>,
    /// The region, or the first area named, or the document's id.
    pub span: Span,
}

impl Document {
    /// Every guarantor the document names, in this order: its `guarantor`
    /// statements, parties with the guarantor role, then clause by clause the `by`
    /// of a clause that guarantees others and the clause's own `guarantor`.
    pub fn guarantors(&self) -> Vec<Named<'_>> {
        self.backers(
            &self.guarantors,
            Role::Guarantor,
            Backing::Guarantees,
            Key::Guarantor,
        )
    }

    /// Every monitor the document names, in the order of [`Document::guarantors`].
    pub fn monitors(&self) -> Vec<Named<'_>> {
        self.backers(
            &self.monitors,
            Role::Monitor,
            Backing::Monitors,
            Key::Monitor,
        )
    }

    fn backers<'a>(
        &'a self,
        statements: &'a [super::Backer],
        role: Role,
        backing: Backing,
        key: Key,
    ) -> Vec<Named<'a>> {
        let mut named: Vec<Named> = statements
            .iter()
            .map(|backer| Named {
                path: &backer.party.value,
                span: backer.party.span,
                clause: None,
            })
            .collect();
        for party in &self.parties {
            if let Some(held) = party.roles.iter().find(|held| held.value == role) {
                named.push(Named {
                    path: &party.id.value,
                    span: held.span,
                    clause: None,
                });
            }
        }
        for clause in &self.clauses {
            if clause.kind().backs == Some(backing) {
                // A committee backs through its members as much as through `by`.
                let backing_keys = [Key::By, Key::Members];
                for attribute in backing_keys.iter().flat_map(|key| clause.all(*key)) {
                    if let Value::Actors(actors) = &attribute.value {
                        for actor in actors {
                            if let Actor::Party(path) = &actor.value {
                                named.push(Named {
                                    path,
                                    span: actor.span,
                                    clause: Some(clause),
                                });
                            }
                        }
                    }
                }
            }
            for party in clause.names(key) {
                named.push(Named {
                    path: &party.value,
                    span: party.span,
                    clause: Some(clause),
                });
            }
        }
        named
    }

    /// The parties (not units) among `named`, sorted, each once.
    pub fn owners(&self, named: &[Named]) -> Vec<String> {
        let mut owners: Vec<String> = named
            .iter()
            .map(|named| self.owner(named.path).to_string())
            .collect();
        owners.sort();
        owners.dedup();
        owners
    }

    /// Whether a party guarantees the whole document: a `guarantor` statement or
    /// a party whose role is guarantor.
    pub fn has_guarantor(&self) -> bool {
        !self.guarantors.is_empty() || self.parties.iter().any(|p| p.has_role(Role::Guarantor))
    }

    /// Whether a party monitors the whole document: a `monitor` statement or a
    /// party whose role is monitor.
    pub fn has_monitor(&self) -> bool {
        !self.monitors.is_empty() || self.parties.iter().any(|p| p.has_role(Role::Monitor))
    }

    /// Whether anyone monitors the document or any of its clauses, or it has a
    /// monitoring clause at all.
    pub fn is_monitored(&self) -> bool {
        !self.monitors().is_empty()
            || self
                .clauses
                .iter()
                .any(|clause| clause.kind().backs == Some(Backing::Monitors))
    }

    /// Which clauses the document's guarantee (or monitoring) clauses cover.
    pub fn coverage(&self, backing: Backing) -> Coverage<'_> {
        let mut coverage = Coverage::default();
        // A guarantee that names no one to give it (a request for guarantees) backs
        // nothing.
        let names_a_backer = |clause: &&Clause| clause.has(Key::By) || clause.has(Key::Members);
        for clause in self
            .clauses
            .iter()
            .filter(|clause| clause.kind().backs == Some(backing))
            .filter(names_a_backer)
        {
            let covered = clause.names(Key::Covers);
            if covered.is_empty() {
                coverage.all = true;
            }
            coverage
                .numbers
                .extend(covered.iter().map(|number| number.value.as_str()));
        }
        coverage
    }

    /// The places the document binds: its declared region, else the declared
    /// places its operative clauses apply to (`area`).
    pub fn bound_places(&self) -> BoundPlaces<'_> {
        let mut bound = BoundPlaces {
            places: Vec::new(),
            clauses: Vec::new(),
            span: self.id.span,
        };
        if let Some(Spanned {
            value: PlaceRef::Declared(id),
            span,
        }) = self.region.as_ref()
        {
            bound.places.push(id);
            bound.span = *span;
            return bound;
        }
        for clause in &self.clauses {
            for place in clause.places(Key::Area) {
                if let PlaceRef::Declared(id) = &place.value {
                    if bound.places.is_empty() {
                        bound.span = place.span;
                    }
                    if !bound.places.contains(&id.as_str()) {
                        bound.places.push(id);
                    }
                    if !bound
                        .clauses
                        .last()
                        .is_some_and(|c| std::ptr::eq(*c, clause))
                    {
                        bound.clauses.push(clause);
                    }
                }
            }
        }
        bound
    }

    /// The parties that consented (signed, or agreed without signing), in order.
    pub fn consenting(&self) -> impl Iterator<Item = &Party> {
        self.parties.iter().filter(|party| party.consents())
    }

    /// Whether one of `parties`, or a party in whose name one of them signed or
    /// agreed, speaks for one of `places`, a place within one of them, or a place
    /// containing one.
    fn speak_for<'a>(&'a self, parties: impl Iterator<Item = &'a Party>, places: &[&str]) -> bool {
        parties
            .flat_map(|party| {
                let behalf = party
                    .on_behalf_of
                    .iter()
                    .filter_map(|name| self.owner_party(&name.value));
                std::iter::once(party).chain(behalf)
            })
            .flat_map(Party::speaks_for)
            .any(|spoken| places.iter().any(|place| self.places_meet(place, spoken)))
    }

    /// Whether a party that signed or agreed speaks for one of `places` (it
    /// represents it, its territory holds it, or it acted for a party that does).
    pub fn represented(&self, places: &[&str]) -> bool {
        self.speak_for(self.consenting(), places)
    }

    /// Whether a signatory speaks for one of `places`: [`Document::represented`],
    /// counting only those who signed.
    pub fn represented_by_signatory(&self, places: &[&str]) -> bool {
        self.speak_for(self.signatories(), places)
    }

    /// Whether a clause naming the party at `path` binds it by its own consent: it
    /// signed or agreed, a party that did acted in its name, or the document
    /// established it.
    pub fn binds_by_consent(&self, path: &str) -> bool {
        let Some(party) = self.owner_party(path) else {
            return false;
        };
        party.consents()
            || party.has_role(Role::Established)
            || self.consenting().any(|other| {
                other
                    .on_behalf_of
                    .iter()
                    .any(|name| self.owner(&name.value) == party.id.value)
            })
    }
}

impl Document {
    /// The clauses that stand for an item of the text: every clause but those
    /// that set out the terms of another clause of their kind (`details`). Rules
    /// about what an item lacks read the item's own clause, where its terms are.
    pub fn principal_clauses(&self) -> impl Iterator<Item = &Clause> {
        self.clauses
            .iter()
            .filter(move |clause| self.detailed_clause(clause).is_none())
    }

    /// The clause of the same kind that `clause` sets out the terms of, if any.
    pub fn detailed_clause(&self, clause: &Clause) -> Option<&Clause> {
        clause.names(Key::Details).iter().find_map(|number| {
            self.clauses.iter().find(|other| {
                other.kind() == clause.kind()
                    && other
                        .number
                        .as_ref()
                        .is_some_and(|n| n.value == number.value)
            })
        })
    }
}
