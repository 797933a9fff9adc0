//! The checked model: documents whose references are resolved, whose values are
//! typed and whose relative deadlines are turned into dates where they can be.
//! Rules, comparison and renderers read only this.
//!
//! The questions every later stage asks of a clause or a document (when is it
//! due, who does it bind, who guarantees it, whom does a signatory represent) are
//! answered here once, as methods, so that rules, red lines, compare and the
//! timeline give the same answer.

mod allow;
mod backing;
mod display;
mod redline;
mod time;
mod value;
mod versions;

pub use allow::Allow;
pub use backing::{BoundPlaces, Coverage, Named};
pub use display::and_list;
pub use redline::*;
pub use time::{Period, amounts_phrase, date_shift, iana_zone, time_zone};
pub use value::*;
pub use versions::ClauseIndex;

use std::collections::HashSet;

use crate::source::{Span, Spanned};
use crate::text::Text;
use crate::vocabulary::{Beneficiaries, ClauseKind, Entry, Guarantee, Key};
pub use crate::vocabulary::{Evidence, Outcome, Relation, Role, Side, Status, is_group};
use thin_vec::ThinVec;

/// Every document of a run.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    /// Red lines: what parties require of proposals.
    pub requirements: Vec<Requirements>,
    /// `test` blocks, run by `truce test`.
    pub tests: Vec<TestBlock>,
}

impl Corpus {
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents
            .iter()
            .find(|document| document.id.value == id)
    }

    /// Every clause and recital of every document and every red-line header, in
    /// order: all that holds attribute values.
    pub fn every_clause(&self) -> impl Iterator<Item = &Clause> {
        let headers = self
            .requirements
            .iter()
            .map(|requirements| &requirements.header);
        self.documents
            .iter()
            .chain(headers)
            .flat_map(|document| document.recitals.iter().chain(&document.clauses))
    }
}

#[derive(Clone, Debug)]
pub struct Party {
    pub id: Spanned<Text>,
    pub name: Option<Spanned<Text>>,
    pub side: Option<Spanned<Side>>,
    /// The side's party a third party is aligned with.
    /// Boxed, as rare (like `territory`): every party would pay for its size.
    pub aligned: Option<Box<Spanned<Text>>>,
    pub roles: ThinVec<Spanned<Role>>,
    pub represents: ThinVec<Spanned<PlaceRef>>,
    /// The parties it signs or agrees for: a committee for the factions, a
    /// delegation for its government.
    pub on_behalf_of: ThinVec<Spanned<Text>>,
    /// The place whose state it is: a state represents its own territory and
    /// population unless `represents` says otherwise.
    pub territory: Option<Box<Spanned<Text>>>,
    pub source: ThinVec<Spanned<Text>>,
    pub span: Span,
}

impl Party {
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.iter().any(|r| r.value == role)
    }

    /// Whether the party gave its consent: it signed, or agreed without signing.
    pub fn consents(&self) -> bool {
        self.roles.iter().any(|role| role.value.consents())
    }

    /// The declared places it speaks for: those it `represents`, else, for a
    /// state, its territory.
    pub fn speaks_for(&self) -> Vec<&str> {
        if !self.represents.is_empty() {
            return self
                .represents
                .iter()
                .filter_map(|place| match &place.value {
                    PlaceRef::Declared(id) => Some(id.as_str()),
                    PlaceRef::Described(_) => None,
                })
                .collect();
        }
        self.territory
            .iter()
            .map(|place| place.value.as_str())
            .collect()
    }

    pub fn side(&self) -> Option<Side> {
        self.side.as_ref().map(|side| side.value)
    }

    /// A party to the conflict, or a third party aligned with one side.
    pub fn is_partisan(&self) -> bool {
        match self.side() {
            Some(Side::Government | Side::Opposition) => true,
            Some(Side::Third) => self.aligned.is_some(),
            None => false,
        }
    }

    /// A third party aligned with no side.
    pub fn is_neutral(&self) -> bool {
        self.side() == Some(Side::Third) && !self.is_partisan()
    }
}

/// A unit of a party (`regime.army`), with its parent in the hierarchy: the party
/// itself or another unit.
#[derive(Clone, Debug)]
pub struct Unit {
    pub path: Spanned<Text>,
    /// Boxed, as rare: most units are named only by their path.
    pub name: Option<Box<Spanned<Text>>>,
    pub parent: Text,
}

#[derive(Clone, Debug)]
pub struct Place {
    pub id: Spanned<Text>,
    pub name: Option<Spanned<Text>>,
    pub kind: Option<Spanned<Text>>,
    pub within: Option<Spanned<Text>>,
    /// The parties that besiege it, where the sources say it is besieged.
    pub besieged_by: ThinVec<Spanned<Text>>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct StatusEntry {
    pub status: Spanned<Status>,
    pub on: Option<Spanned<When>>,
    pub by: ThinVec<Spanned<Text>>,
    pub source: ThinVec<Spanned<Text>>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Citation {
    pub id: Spanned<Text>,
    pub description: Option<Spanned<Text>>,
    pub file: Option<Spanned<Text>>,
}

#[derive(Clone, Debug)]
pub struct Link {
    pub relation: Spanned<Relation>,
    pub target: Spanned<Text>,
}

/// What a document's text is known from, and the sources that show it.
#[derive(Clone, Debug)]
pub struct KnownFrom {
    pub evidence: Spanned<Evidence>,
    pub source: Vec<Spanned<Text>>,
}

/// Whether a finding about something missing rests on the agreement's text or on
/// what reports of it give: the reports leaving a term out is not the agreement
/// lacking it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The text itself, or a copy of it, leaves it out.
    Text,
    /// The reports of the text leave it out; the text may say more.
    Reports,
}

/// Something that happened after the document was made: a violation, terms
/// carried out or not, a release or an evacuation that took place.
#[derive(Clone, Debug)]
pub struct Event {
    pub outcome: Spanned<Outcome>,
    pub on: Option<Spanned<When>>,
    /// Who acted: parties, units, groups or descriptions.
    pub by: Vec<Spanned<Actor>>,
    /// The document's clauses it concerns, by number.
    pub clauses: Vec<Spanned<Text>>,
    pub count: Option<Spanned<Count>>,
    pub texts: Vec<Spanned<Text>>,
    pub notes: Vec<Spanned<Text>>,
    pub source: Vec<Spanned<Text>>,
    pub span: Span,
}

/// A document-level guarantor or monitor.
#[derive(Clone, Debug)]
pub struct Backer {
    pub party: Spanned<Text>,
    pub source: Vec<Spanned<Text>>,
}

#[derive(Clone, Debug)]
pub struct Document {
    pub id: Spanned<Text>,
    pub span: Span,
    pub title: Option<Spanned<Text>>,
    pub date: Option<Spanned<When>>,
    pub region: Option<Spanned<PlaceRef>>,
    /// Its agreement id in the PA-X Peace Agreements Database, when stated.
    pub pax: Option<Spanned<u32>>,
    pub statuses: ThinVec<StatusEntry>,
    pub sources: ThinVec<Citation>,
    pub links: ThinVec<Link>,
    pub places: ThinVec<Place>,
    pub parties: ThinVec<Party>,
    pub units: ThinVec<Unit>,
    pub guarantors: ThinVec<Backer>,
    pub monitors: ThinVec<Backer>,
    pub notes: ThinVec<Spanned<Text>>,
    pub texts: ThinVec<Spanned<Text>>,
    /// What the document's text is known from; none given means the text itself.
    pub known_from: ThinVec<KnownFrom>,
    /// When it enters into force, when it says.
    pub in_force: Option<Spanned<Deadline>>,
    /// What happened after it was made.
    pub events: ThinVec<Event>,
    /// Preamble statements: they bind nobody and never satisfy a requirement.
    pub recitals: ThinVec<Clause>,
    pub clauses: ThinVec<Clause>,
    /// Rules whose findings on the whole document are accepted, with why.
    pub allows: ThinVec<Allow>,
}

impl Document {
    /// An empty document with this id, spanning `span`.
    pub fn new(id: Spanned<Text>, span: Span) -> Document {
        Document {
            id,
            span,
            title: None,
            date: None,
            region: None,
            pax: None,
            statuses: ThinVec::new(),
            sources: ThinVec::new(),
            links: ThinVec::new(),
            places: ThinVec::new(),
            parties: ThinVec::new(),
            units: ThinVec::new(),
            guarantors: ThinVec::new(),
            monitors: ThinVec::new(),
            notes: ThinVec::new(),
            texts: ThinVec::new(),
            known_from: ThinVec::new(),
            in_force: None,
            events: ThinVec::new(),
            recitals: ThinVec::new(),
            clauses: ThinVec::new(),
            allows: ThinVec::new(),
        }
    }

    /// What the rules' findings about something missing rest on: the text, when
    /// the document is known from its text or a copy of it (or says nothing of
    /// where it comes from), else the reports of it.
    pub fn basis(&self) -> Basis {
        if self.known_from.is_empty()
            || self
                .known_from
                .iter()
                .any(|known| known.evidence.value.is_text())
        {
            Basis::Text
        } else {
            Basis::Reports
        }
    }

    /// What a finding about something missing from these clauses rests on. A
    /// clause whose sources the document says it is known from rests on what
    /// those sources are (a copy, a statement); any other on the document's
    /// evidence as a whole. The text, only where every clause rests on it.
    pub fn basis_of(&self, clauses: &[&Clause]) -> Basis {
        let of = |clause: &&Clause| {
            let cited = clause.reported_by();
            let evidence: Vec<&KnownFrom> = self
                .known_from
                .iter()
                .filter(|known| {
                    known
                        .source
                        .iter()
                        .any(|s| cited.contains(&s.value.as_str()))
                })
                .collect();
            if evidence.is_empty() {
                self.basis()
            } else if evidence.iter().any(|known| known.evidence.value.is_text()) {
                Basis::Text
            } else {
                Basis::Reports
            }
        };
        if clauses.is_empty() {
            self.basis()
        } else if clauses.iter().all(|clause| of(clause) == Basis::Text) {
            Basis::Text
        } else {
            Basis::Reports
        }
    }

    /// When the document enters into force: its `in_force`, resolved against its
    /// date where relative; `None` when it does not say, or the date is unknown.
    pub fn in_force_date(&self) -> Option<When> {
        self.date_of(&self.in_force.as_ref()?.value)
    }

    /// The date a deadline stands for in this document: as written, on signing,
    /// or counted from signing or from a clause's resolved start or end. `None`
    /// where what it counts from has no date.
    pub fn date_of(&self, deadline: &Deadline) -> Option<When> {
        self.date_in(deadline, &ClauseIndex::new(self))
    }

    /// [`Document::date_of`], looking clauses up in an index built once.
    pub fn date_in(&self, deadline: &Deadline, index: &ClauseIndex) -> Option<When> {
        let date = self.date.as_ref().map(|date| &date.value);
        match deadline {
            Deadline::At { when } | Deadline::NoLaterThan { when } => Some(when.clone()),
            Deadline::Immediate => date.cloned(),
            Deadline::Relative { offset, anchor } => {
                let base = match anchor {
                    Anchor::Signing => date?,
                    Anchor::Clause { number, point } => {
                        let point = match point {
                            Some(AnchorPoint::Starts) => Point::Start,
                            _ => Point::End,
                        };
                        index.get(&number.value)?.resolved(point)?
                    }
                };
                base.shifted(*offset)
            }
        }
    }

    pub fn party(&self, id: &str) -> Option<&Party> {
        self.parties.iter().find(|party| party.id.value == id)
    }

    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|place| place.id.value == id)
    }

    pub fn clause(&self, number: &str) -> Option<&Clause> {
        self.clauses
            .iter()
            .find(|clause| clause.number.as_ref().is_some_and(|n| n.value == number))
    }

    /// The party a party or unit path belongs to: `regime.army` → `regime`.
    pub fn owner<'a>(&self, path: &'a str) -> &'a str {
        path.split('.').next().unwrap_or(path)
    }

    /// The declared party a party or unit path belongs to.
    pub fn owner_party(&self, path: &str) -> Option<&Party> {
        self.party(self.owner(path))
    }

    /// The side a party or unit path stands on; a third party aligned with a party
    /// stands on that party's side.
    pub fn side_of(&self, path: &str) -> Option<Side> {
        let party = self.owner_party(path)?;
        match party.side()? {
            Side::Third => {
                let aligned = self.party(&party.aligned.as_ref()?.value)?;
                match aligned.side()? {
                    Side::Third => None,
                    side => Some(side),
                }
            }
            side => Some(side),
        }
    }

    /// Whether `unit` is `ancestor` or lies under it in the unit hierarchy.
    pub fn is_within_unit(&self, unit: &str, ancestor: &str) -> bool {
        let mut current = unit.to_string();
        // The hierarchy is checked acyclic at resolution; the bound guards anyway.
        for _ in 0..=self.units.len() + 1 {
            if current == ancestor {
                return true;
            }
            match self.units.iter().find(|u| u.path.value == current) {
                Some(found) => current = found.parent.to_string(),
                None => return false,
            }
        }
        false
    }

    /// `place` and every declared place containing it, nearest first, each
    /// once: a `within` loop (an input error) ends the walk.
    pub fn enclosing<'d>(&'d self, place: &'d str) -> Vec<&'d str> {
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        let mut current = Some(place);
        while let Some(id) = current.filter(|id| seen.insert(*id)) {
            out.push(id);
            current = self
                .place(id)
                .and_then(|place| place.within.as_ref())
                .map(|within| within.value.as_str());
        }
        out
    }

    /// Whether `place` is `ancestor` or lies inside it. Rules ask it for
    /// pairs of places, so it walks without allocating, bounded by the number
    /// of places.
    pub fn is_within_place(&self, place: &str, ancestor: &str) -> bool {
        let mut current = place;
        for _ in 0..=self.places.len() + 1 {
            if current == ancestor {
                return true;
            }
            match self.place(current).and_then(|p| p.within.as_ref()) {
                Some(parent) => current = &parent.value,
                None => return false,
            }
        }
        false
    }

    /// The parties that besiege a place or a place that contains it.
    pub fn besiegers(&self, place: &str) -> Vec<&Spanned<Text>> {
        self.enclosing(place)
            .into_iter()
            .filter_map(|id| self.place(id))
            .flat_map(|place| place.besieged_by.iter())
            .collect()
    }

    /// Whether one of two declared places lies within the other.
    pub fn places_meet(&self, a: &str, b: &str) -> bool {
        self.is_within_place(a, b) || self.is_within_place(b, a)
    }

    pub fn signatories(&self) -> impl Iterator<Item = &Party> {
        self.parties
            .iter()
            .filter(|party| party.has_role(Role::Signatory))
    }

    /// The latest status, in source order.
    pub fn status(&self) -> Option<Status> {
        self.statuses.last().map(|entry| entry.status.value)
    }

    /// Whether the document was signed (or ratified): only then does it bind
    /// anyone by their consent.
    pub fn is_signed(&self) -> bool {
        self.statuses.iter().any(|entry| entry.status.value.binds())
    }

    /// The ids of the documents this one links to by `relation`, in order.
    pub fn linked(&self, relation: Relation) -> impl Iterator<Item = &Spanned<Text>> {
        self.links
            .iter()
            .filter(move |link| link.relation.value == relation)
            .map(|link| &link.target)
    }
}

/// One attribute of a clause, typed.
#[derive(Clone, Debug)]
pub struct AttributeValue {
    /// Written first, as its name: where is [`AttributeValue::key_span`].
    pub key: Key,
    pub value: Value,
    /// The whole statement: key and value.
    pub span: Span,
    /// The citations this statement names, when reports disagree.
    pub source: ThinVec<Spanned<Text>>,
}

impl AttributeValue {
    /// Where the key is written: the statement's first word, which is always
    /// the key's name. Derived, not kept with every attribute.
    pub fn key_span(&self) -> Span {
        let end = (self.span.start() + self.key.name().len()).min(self.span.end());
        Span::new(self.span.file, self.span.start(), end)
    }
}

/// The moments the resolver dates for every clause it can.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Point {
    /// When the clause takes effect: its `start`, else signing.
    Start,
    /// When its written `deadline` falls.
    Deadline,
    /// When it ends: its deadline, else its `until`, else its start plus its
    /// duration.
    End,
}

impl Point {
    /// The point a deadline-valued key is dated as.
    pub fn of(key: Key) -> Option<Point> {
        match key {
            Key::Start => Some(Point::Start),
            Key::Deadline => Some(Point::Deadline),
            _ => None,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Clause {
    pub number: Option<Spanned<Text>>,
    pub kind: Spanned<&'static ClauseKind>,
    pub recital: bool,
    pub attributes: Vec<AttributeValue>,
    /// Relative deadlines turned into dates, where they can be.
    pub resolved: ThinVec<(Point, When)>,
    /// The sources the clause as a whole cites (its own `source` lines; each of
    /// its attributes cites them too unless it names its own). Two clauses of one
    /// number citing disjoint sources are two reports of one item: versions.
    pub source: ThinVec<Spanned<Text>>,
    pub span: Span,
    /// Rules whose findings on this clause are accepted, with why.
    pub allows: ThinVec<Allow>,
}

impl Clause {
    pub fn kind(&self) -> &'static ClauseKind {
        self.kind.value
    }

    pub fn kind_name(&self) -> &'static str {
        self.kind.value.name
    }

    /// Whether the clause is of this kind.
    pub fn is(&self, kind: &ClauseKind) -> bool {
        self.kind.value == kind
    }

    /// Whether the two clauses may come from one report of the text: they do not
    /// cite disjoint sources of their own. Two versions of a text never conflict
    /// with each other; they disagree (`version-discrepancy`).
    pub fn same_report(&self, other: &Clause) -> bool {
        let (mine, theirs) = (self.reported_by(), other.reported_by());
        mine.is_empty() || theirs.is_empty() || mine.iter().any(|source| theirs.contains(source))
    }

    /// The sources that report the clause: its own `source` line, else every
    /// source its lines cite (an item only one outlet reports cites it on its
    /// text). Empty where it cites none.
    pub fn reported_by(&self) -> Vec<&str> {
        let cited = if self.source.is_empty() {
            self.attributes
                .iter()
                .flat_map(|attribute| &attribute.source)
                .collect::<Vec<_>>()
        } else {
            self.source.iter().collect()
        };
        let mut names: Vec<&str> = cited.into_iter().map(|s| s.value.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    /// A display label: `clause 7` or `ultimatum`.
    pub fn label(&self) -> String {
        match &self.number {
            Some(number) => format!("clause {}", number.value),
            None => self.kind_name().to_string(),
        }
    }

    /// The first attribute given under `key`.
    pub fn get(&self, key: Key) -> Option<&AttributeValue> {
        self.attributes
            .iter()
            .find(|attribute| attribute.key == key)
    }

    /// Every attribute given under `key`, in source order.
    pub fn all(&self, key: Key) -> impl Iterator<Item = &AttributeValue> {
        self.attributes
            .iter()
            .filter(move |attribute| attribute.key == key)
    }

    /// Whether the attribute is given (and not merely listed as unstated).
    pub fn has(&self, key: Key) -> bool {
        self.get(key).is_some()
    }

    /// The span of the attribute when the clause has it, else the clause's.
    pub fn span_of(&self, key: Key) -> Span {
        self.get(key).map_or(self.span, |attribute| attribute.span)
    }

    /// Whether the source explicitly leaves `key` unstated in this clause.
    pub fn is_unstated(&self, key: Key) -> bool {
        self.names(Key::Unstated)
            .iter()
            .any(|word| word.value == key.name())
    }

    /// Whether the agreement itself leaves `key` to later talks or a later
    /// agreement (`deferred`), which is not the source leaving it unstated.
    pub fn is_deferred(&self, key: Key) -> bool {
        self.names(Key::Deferred)
            .iter()
            .any(|word| word.value == key.name())
    }

    pub fn strength(&self) -> Option<Strength> {
        match self.get(Key::Strength).map(|a| &a.value) {
            Some(Value::Strength(strength)) => Some(*strength),
            _ => None,
        }
    }

    /// How firmly the clause commits: its strength, binding where it states
    /// none (a plain obligation, as the language reference says).
    pub fn commitment(&self) -> Strength {
        self.strength().unwrap_or(Strength::Binding)
    }

    /// The names given under `key`: parties and units, clause numbers, or words.
    pub fn names(&self, key: Key) -> Vec<&Spanned<Text>> {
        let mut out = Vec::new();
        for attribute in self.all(key) {
            match &attribute.value {
                Value::Parties(names) | Value::Clauses(names) | Value::Words(names) => {
                    out.extend(names.iter())
                }
                _ => {}
            }
        }
        out
    }

    /// Party and unit paths among the parties or actors named under `key`.
    pub fn actor_parties(&self, key: Key) -> Vec<(Text, Span)> {
        let mut out = Vec::new();
        for attribute in self.all(key) {
            match &attribute.value {
                Value::Actors(actors) => {
                    out.extend(actors.iter().filter_map(|actor| match &actor.value {
                        Actor::Party(path) => Some((path.clone(), actor.span)),
                        _ => None,
                    }))
                }
                Value::Parties(parties) => out.extend(
                    parties
                        .iter()
                        .map(|party| (party.value.clone(), party.span)),
                ),
                _ => {}
            }
        }
        out
    }

    /// Places named under `key`, in order.
    pub fn places(&self, key: Key) -> Vec<&Spanned<PlaceRef>> {
        self.all(key)
            .flat_map(|attribute| match &attribute.value {
                Value::Places(places) => places.iter().collect(),
                _ => Vec::new(),
            })
            .collect()
    }

    /// Who or what is named under `key`, in canonical words, sorted and each once:
    /// party and unit paths, group words, descriptions in quotes.
    pub fn words(&self, key: Key) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for attribute in self.all(key) {
            match &attribute.value {
                Value::Actors(actors) => out.extend(actors.iter().map(|a| a.value.to_string())),
                Value::Parties(parties) => out.extend(parties.iter().map(|p| p.value.to_string())),
                _ => {}
            }
        }
        out.sort();
        out.dedup();
        out
    }

    /// The clauses this one waits on (`after`, `if`, `in_exchange_for`), with the
    /// key that says how.
    pub fn waits_on(&self) -> Vec<(Key, &Spanned<Text>)> {
        Key::waiting()
            .flat_map(|key| self.names(key).into_iter().map(move |number| (key, number)))
            .collect()
    }

    /// Clause numbers this one waits on, however it waits.
    pub fn dependencies(&self) -> Vec<&Spanned<Text>> {
        self.waits_on()
            .into_iter()
            .map(|(_, number)| number)
            .collect()
    }

    /// The date a moment of the clause resolves to (its start, its written
    /// deadline, its end), absolute or counted from signing or another clause.
    pub fn resolved(&self, point: Point) -> Option<&When> {
        // A written deadline is when the clause ends: kept once, as its end.
        let point = match point {
            Point::Deadline if self.has(Key::Deadline) => Point::End,
            Point::Deadline => return None,
            other => other,
        };
        self.resolved
            .iter()
            .find(|(at, _)| *at == point)
            .map(|(_, when)| when)
    }

    /// The date a time-valued attribute the clause states stands for: the
    /// resolver's date for a deadline or start, else the date as written. `None`
    /// when the clause does not state the attribute, or it resolves to no date.
    pub fn when(&self, key: Key) -> Option<&When> {
        if !self.has(key) {
            return None;
        }
        Point::of(key)
            .and_then(|point| self.resolved(point))
            .or_else(|| self.all(key).find_map(|attribute| attribute.value.date()))
    }

    /// The clause's `duration`: the longest of a range, or the shortest.
    pub fn duration(&self, longest: bool) -> Option<Duration> {
        match self.get(Key::Duration).map(|attribute| &attribute.value) {
            Some(Value::Duration(range)) if longest => Some(range.max.unwrap_or(range.min)),
            Some(Value::Duration(range)) => Some(range.min),
            _ => None,
        }
    }

    /// The attributes that guarantee the clause is kept: who answers for it, who
    /// watches it, how it is kept, by when.
    pub fn guarantees(&self) -> impl Iterator<Item = &AttributeValue> {
        self.attributes
            .iter()
            .filter(|attribute| attribute.key.guarantee().is_some())
    }

    /// Whether the clause names someone who answers for it: a guarantor, a safe
    /// passage, an escort.
    pub fn has_guarantor(&self) -> bool {
        self.guarantees()
            .any(|attribute| attribute.key.guarantee() == Some(Guarantee::Guarantor))
    }

    /// Whether the clause names someone to watch it, or says how breaches are
    /// handled.
    pub fn has_oversight(&self) -> bool {
        self.guarantees().any(|attribute| {
            matches!(
                attribute.key.guarantee(),
                Some(Guarantee::Oversight | Guarantee::Procedure)
            )
        })
    }

    /// Who the clause binds, in canonical words: the parties under the first of
    /// the kind's binding keys that the clause states.
    pub fn bound(&self) -> Vec<String> {
        match self.kind().bound.iter().copied().find(|key| self.has(*key)) {
            Some(key) => self.words(key),
            None => Vec::new(),
        }
    }

    /// Whom the clause benefits, in canonical words: its `benefits`, else those the
    /// kind is for (the evacuees, the detainees), else the parties on the other side
    /// from those it binds.
    pub fn beneficiaries(&self, document: &Document) -> Vec<String> {
        if self.has(Key::Benefits) {
            return self.words(Key::Benefits);
        }
        match self.kind().beneficiaries {
            Beneficiaries::Named(key) if self.has(key) => return self.words(key),
            Beneficiaries::Group(group) => return vec![group.to_string()],
            _ => {}
        }
        let bound = self.bound();
        let Some(first) = bound.iter().find_map(|name| document.side_of(name)) else {
            return Vec::new();
        };
        document
            .parties
            .iter()
            .filter(|party| {
                document
                    .side_of(&party.id.value)
                    .is_some_and(|side| side != first)
            })
            .map(|party| party.id.value.to_string())
            .collect()
    }

    pub fn is_protection(&self) -> bool {
        self.kind.value.protection
    }

    /// Whether the clause is a military concession by the party bound. A road
    /// opened only to people who are no party (pedestrians, civilians) is relief
    /// for them, not a concession.
    pub fn is_concession(&self) -> bool {
        let kind = self.kind();
        if !kind.concession {
            return false;
        }
        match kind.access {
            Some(access) if access.entry == Entry::Road => {
                let open_to: Vec<&Actor> = access
                    .grantees
                    .iter()
                    .flat_map(|key| self.all(*key))
                    .flat_map(|attribute| match &attribute.value {
                        Value::Actors(actors) => actors.iter().map(|a| &a.value).collect(),
                        _ => Vec::new(),
                    })
                    .collect();
                open_to.is_empty() || open_to.iter().any(|actor| matches!(actor, Actor::Party(_)))
            }
            _ => true,
        }
    }

    /// Whether the clause brings people relief (aid, services, an exit), which
    /// must never wait on a military concession. An evacuation of armed men only
    /// (fighters, officers, a party's forces) is no relief: it is their exit.
    pub fn brings_relief(&self) -> bool {
        if !self.kind().relief {
            return false;
        }
        let people = self.people();
        people.is_empty() || !people.iter().all(|actor| actor.is_armed())
    }

    /// The people the clause names under `people`: parties, groups, descriptions.
    pub fn people(&self) -> Vec<&Actor> {
        self.all(Key::People)
            .flat_map(|attribute| match &attribute.value {
                Value::Actors(actors) => actors.iter().map(|actor| &actor.value).collect(),
                _ => Vec::new(),
            })
            .collect()
    }
}
