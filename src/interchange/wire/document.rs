//! Documents, their declarations and their clauses, as the format writes them.

use serde::{Deserialize, Serialize};

use super::{
    Actor, Count, Deadline, IntoModel, KeyName, KindName, PlaceRef, Span, Spanned, ToWire, Value,
    When,
};
use crate::model;
use crate::vocabulary::{Evidence, Outcome, Relation, Role, Side, Status};

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Party {
    pub id: Spanned<String>,
    pub name: Option<Spanned<String>>,
    pub side: Option<Spanned<Side>>,
    pub aligned: Option<Spanned<String>>,
    pub roles: Vec<Spanned<Role>>,
    pub represents: Vec<Spanned<PlaceRef>>,
    /// Added within version 1: written only when given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub on_behalf_of: Vec<Spanned<String>>,
    /// Added within version 1: written only when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub territory: Option<Spanned<String>>,
    pub source: Vec<Spanned<String>>,
    pub span: Span,
}

impl ToWire for model::Party {
    type Wire = Party;
    fn to_wire(&self) -> Party {
        let model::Party {
            id,
            name,
            side,
            aligned,
            roles,
            represents,
            on_behalf_of,
            territory,
            source,
            span,
        } = self;
        Party {
            id: id.to_wire(),
            name: name.to_wire(),
            side: side.to_wire(),
            aligned: aligned.to_wire(),
            roles: roles.to_wire(),
            represents: represents.to_wire(),
            on_behalf_of: on_behalf_of.to_wire(),
            territory: territory.to_wire(),
            source: source.to_wire(),
            span: span.to_wire(),
        }
    }
}

impl IntoModel for Party {
    type Model = model::Party;
    fn into_model(self) -> model::Party {
        model::Party {
            id: self.id.into_model(),
            name: self.name.into_model(),
            side: self.side.into_model(),
            aligned: self.aligned.into_model().map(Box::new),
            roles: super::thin(self.roles),
            represents: super::thin(self.represents),
            on_behalf_of: super::thin(self.on_behalf_of),
            territory: self.territory.into_model().map(Box::new),
            source: super::thin(self.source),
            span: self.span.into_model(),
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub path: Spanned<String>,
    pub name: Option<Spanned<String>>,
    pub parent: String,
}

impl ToWire for model::Unit {
    type Wire = Unit;
    fn to_wire(&self) -> Unit {
        let model::Unit { path, name, parent } = self;
        Unit {
            path: path.to_wire(),
            name: name.to_wire(),
            parent: parent.to_wire(),
        }
    }
}

impl IntoModel for Unit {
    type Model = model::Unit;
    fn into_model(self) -> model::Unit {
        model::Unit {
            path: self.path.into_model(),
            name: self.name.into_model().map(Box::new),
            parent: self.parent.into_model(),
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub id: Spanned<String>,
    pub name: Option<Spanned<String>>,
    pub kind: Option<Spanned<String>>,
    pub within: Option<Spanned<String>>,
    /// Added within version 1: written only when given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub besieged_by: Vec<Spanned<String>>,
    pub span: Span,
}

impl ToWire for model::Place {
    type Wire = Place;
    fn to_wire(&self) -> Place {
        let model::Place {
            id,
            name,
            kind,
            within,
            besieged_by,
            span,
        } = self;
        Place {
            id: id.to_wire(),
            name: name.to_wire(),
            kind: kind.to_wire(),
            within: within.to_wire(),
            besieged_by: besieged_by.to_wire(),
            span: span.to_wire(),
        }
    }
}

impl IntoModel for Place {
    type Model = model::Place;
    fn into_model(self) -> model::Place {
        model::Place {
            id: self.id.into_model(),
            name: self.name.into_model(),
            kind: self.kind.into_model(),
            within: self.within.into_model(),
            besieged_by: super::thin(self.besieged_by),
            span: self.span.into_model(),
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusEntry {
    pub status: Spanned<Status>,
    pub on: Option<Spanned<When>>,
    pub by: Vec<Spanned<String>>,
    pub source: Vec<Spanned<String>>,
    pub span: Span,
}

impl ToWire for model::StatusEntry {
    type Wire = StatusEntry;
    fn to_wire(&self) -> StatusEntry {
        let model::StatusEntry {
            status,
            on,
            by,
            source,
            span,
        } = self;
        StatusEntry {
            status: status.to_wire(),
            on: on.to_wire(),
            by: by.to_wire(),
            source: source.to_wire(),
            span: span.to_wire(),
        }
    }
}

impl IntoModel for StatusEntry {
    type Model = model::StatusEntry;
    fn into_model(self) -> model::StatusEntry {
        model::StatusEntry {
            status: self.status.into_model(),
            on: self.on.into_model(),
            by: super::thin(self.by),
            source: super::thin(self.source),
            span: self.span.into_model(),
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    pub id: Spanned<String>,
    pub description: Option<Spanned<String>>,
    pub file: Option<Spanned<String>>,
}

impl ToWire for model::Citation {
    type Wire = Citation;
    fn to_wire(&self) -> Citation {
        let model::Citation {
            id,
            description,
            file,
        } = self;
        Citation {
            id: id.to_wire(),
            description: description.to_wire(),
            file: file.to_wire(),
        }
    }
}

impl IntoModel for Citation {
    type Model = model::Citation;
    fn into_model(self) -> model::Citation {
        model::Citation {
            id: self.id.into_model(),
            description: self.description.into_model(),
            file: self.file.into_model(),
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub relation: Spanned<Relation>,
    pub target: Spanned<String>,
}

impl ToWire for model::Link {
    type Wire = Link;
    fn to_wire(&self) -> Link {
        let model::Link { relation, target } = self;
        Link {
            relation: relation.to_wire(),
            target: target.to_wire(),
        }
    }
}

impl IntoModel for Link {
    type Model = model::Link;
    fn into_model(self) -> model::Link {
        model::Link {
            relation: self.relation.into_model(),
            target: self.target.into_model(),
        }
    }
}

/// A document-level guarantor or monitor.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Backer {
    pub party: Spanned<String>,
    pub source: Vec<Spanned<String>>,
}

impl ToWire for model::Backer {
    type Wire = Backer;
    fn to_wire(&self) -> Backer {
        let model::Backer { party, source } = self;
        Backer {
            party: party.to_wire(),
            source: source.to_wire(),
        }
    }
}

impl IntoModel for Backer {
    type Model = model::Backer;
    fn into_model(self) -> model::Backer {
        model::Backer {
            party: self.party.into_model(),
            source: self.source.into_model(),
        }
    }
}

/// `allow RULE "reason"` (added within version 1): the rule id as written.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Allow {
    pub rule: Spanned<String>,
    pub reason: Spanned<String>,
    pub span: Span,
}

impl ToWire for model::Allow {
    type Wire = Allow;
    fn to_wire(&self) -> Allow {
        let model::Allow { rule, reason, span } = self;
        Allow {
            rule: rule.to_wire(),
            reason: reason.to_wire(),
            span: span.to_wire(),
        }
    }
}

impl IntoModel for Allow {
    type Model = model::Allow;
    fn into_model(self) -> model::Allow {
        model::Allow {
            rule: self.rule.into_model(),
            reason: self.reason.into_model(),
            span: self.span.into_model(),
        }
    }
}

/// What a document's text is known from (added within version 1).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KnownFrom {
    pub evidence: Spanned<Evidence>,
    pub source: Vec<Spanned<String>>,
}

impl ToWire for model::KnownFrom {
    type Wire = KnownFrom;
    fn to_wire(&self) -> KnownFrom {
        let model::KnownFrom { evidence, source } = self;
        KnownFrom {
            evidence: evidence.to_wire(),
            source: source.to_wire(),
        }
    }
}

impl IntoModel for KnownFrom {
    type Model = model::KnownFrom;
    fn into_model(self) -> model::KnownFrom {
        model::KnownFrom {
            evidence: self.evidence.into_model(),
            source: self.source.into_model(),
        }
    }
}

/// Something that happened after the document was made (added within version 1).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub outcome: Spanned<Outcome>,
    pub on: Option<Spanned<When>>,
    pub by: Vec<Spanned<Actor>>,
    pub clauses: Vec<Spanned<String>>,
    pub count: Option<Spanned<Count>>,
    pub texts: Vec<Spanned<String>>,
    pub notes: Vec<Spanned<String>>,
    pub source: Vec<Spanned<String>>,
    pub span: Span,
}

impl ToWire for model::Event {
    type Wire = Event;
    fn to_wire(&self) -> Event {
        let model::Event {
            outcome,
            on,
            by,
            clauses,
            count,
            texts,
            notes,
            source,
            span,
        } = self;
        Event {
            outcome: outcome.to_wire(),
            on: on.to_wire(),
            by: by.to_wire(),
            clauses: clauses.to_wire(),
            count: count.to_wire(),
            texts: texts.to_wire(),
            notes: notes.to_wire(),
            source: source.to_wire(),
            span: span.to_wire(),
        }
    }
}

impl IntoModel for Event {
    type Model = model::Event;
    fn into_model(self) -> model::Event {
        model::Event {
            outcome: self.outcome.into_model(),
            on: self.on.into_model(),
            by: self.by.into_model(),
            clauses: self.clauses.into_model(),
            count: self.count.into_model(),
            texts: self.texts.into_model(),
            notes: self.notes.into_model(),
            source: self.source.into_model(),
            span: self.span.into_model(),
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub id: Spanned<String>,
    pub span: Span,
    pub title: Option<Spanned<String>>,
    pub date: Option<Spanned<When>>,
    pub region: Option<Spanned<PlaceRef>>,
    /// Added within version 1: written only when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pax: Option<Spanned<u32>>,
    pub statuses: Vec<StatusEntry>,
    pub sources: Vec<Citation>,
    pub links: Vec<Link>,
    pub places: Vec<Place>,
    pub parties: Vec<Party>,
    pub units: Vec<Unit>,
    pub guarantors: Vec<Backer>,
    pub monitors: Vec<Backer>,
    pub notes: Vec<Spanned<String>>,
    pub texts: Vec<Spanned<String>>,
    /// Added within version 1: written only when given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub known_from: Vec<KnownFrom>,
    /// Added within version 1: written only when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_force: Option<Spanned<Deadline>>,
    /// Added within version 1: written only when given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
    pub recitals: Vec<Clause>,
    pub clauses: Vec<Clause>,
    /// Added within version 1: written only when given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allows: Vec<Allow>,
}

impl ToWire for model::Document {
    type Wire = Document;
    fn to_wire(&self) -> Document {
        let model::Document {
            id,
            span,
            title,
            date,
            region,
            pax,
            statuses,
            sources,
            links,
            places,
            parties,
            units,
            guarantors,
            monitors,
            notes,
            texts,
            known_from,
            in_force,
            events,
            recitals,
            clauses,
            allows,
        } = self;
        Document {
            id: id.to_wire(),
            span: span.to_wire(),
            title: title.to_wire(),
            date: date.to_wire(),
            region: region.to_wire(),
            pax: pax.to_wire(),
            statuses: statuses.to_wire(),
            sources: sources.to_wire(),
            links: links.to_wire(),
            places: places.to_wire(),
            parties: parties.to_wire(),
            units: units.to_wire(),
            guarantors: guarantors.to_wire(),
            monitors: monitors.to_wire(),
            notes: notes.to_wire(),
            texts: texts.to_wire(),
            known_from: known_from.to_wire(),
            in_force: in_force.to_wire(),
            events: events.to_wire(),
            recitals: recitals.to_wire(),
            clauses: clauses.to_wire(),
            allows: allows.to_wire(),
        }
    }
}

impl IntoModel for Document {
    type Model = model::Document;
    fn into_model(self) -> model::Document {
        model::Document {
            id: self.id.into_model(),
            span: self.span.into_model(),
            title: self.title.into_model(),
            date: self.date.into_model(),
            region: self.region.into_model(),
            pax: self.pax.into_model(),
            statuses: super::thin(self.statuses),
            sources: super::thin(self.sources),
            links: super::thin(self.links),
            places: super::thin(self.places),
            parties: super::thin(self.parties),
            units: super::thin(self.units),
            guarantors: super::thin(self.guarantors),
            monitors: super::thin(self.monitors),
            notes: super::thin(self.notes),
            texts: super::thin(self.texts),
            known_from: super::thin(self.known_from),
            in_force: self.in_force.into_model(),
            events: super::thin(self.events),
            recitals: super::thin(self.recitals),
            clauses: super::thin(self.clauses),
            allows: super::thin(self.allows),
        }
    }
}

/// One attribute of a clause: its key by name, its typed value, the whole
/// statement's span, and the citations it names.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttributeValue {
    pub key: Spanned<KeyName>,
    pub value: Value,
    pub span: Span,
    pub source: Vec<Spanned<String>>,
}

impl ToWire for model::AttributeValue {
    type Wire = AttributeValue;
    fn to_wire(&self) -> AttributeValue {
        let model::AttributeValue {
            key,
            value,
            span,
            source,
        } = self;
        AttributeValue {
            // The format spans the key; the model derives its span.
            key: Spanned {
                value: key.to_wire(),
                span: self.key_span().to_wire(),
            },
            value: value.to_wire(),
            span: span.to_wire(),
            source: source.iter().map(ToWire::to_wire).collect(),
        }
    }
}

impl IntoModel for AttributeValue {
    type Model = model::AttributeValue;
    fn into_model(self) -> model::AttributeValue {
        let span = self.span.into_model();
        model::AttributeValue {
            key: self.key.value.into_model(),
            value: self.value.into_model_at(span),
            span,
            source: super::thin(self.source),
        }
    }
}

super::words! {
    /// A moment of a clause the resolver dates: `start`, `deadline`, `end`.
    Point = model::Point { Start, Deadline, End }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    pub number: Option<Spanned<String>>,
    #[serde(deserialize_with = "super::kind")]
    pub kind: Spanned<KindName>,
    pub recital: bool,
    pub attributes: Vec<AttributeValue>,
    /// Relative deadlines turned into dates: `[["start", { when }], ...]`.
    pub resolved: Vec<(Point, When)>,
    /// The clause's own sources. Added within version 1: written only when given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub source: Vec<Spanned<String>>,
    pub span: Span,
    /// Added within version 1: written only when given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allows: Vec<Allow>,
}

impl ToWire for model::Clause {
    type Wire = Clause;
    fn to_wire(&self) -> Clause {
        let model::Clause {
            number,
            kind,
            recital,
            attributes,
            resolved,
            source,
            span,
            allows,
        } = self;
        Clause {
            number: number.to_wire(),
            kind: kind.to_wire(),
            recital: *recital,
            attributes: attributes.to_wire(),
            // The format lists a written deadline's date, which the model
            // keeps once, as the clause's end.
            resolved: resolved
                .iter()
                .flat_map(|(point, when)| {
                    let deadline = (*point == model::Point::End
                        && self.has(crate::vocabulary::Key::Deadline))
                    .then(|| (Point::Deadline, when.to_wire()));
                    deadline
                        .into_iter()
                        .chain([(point.to_wire(), when.to_wire())])
                })
                .collect(),
            source: source.to_wire(),
            span: span.to_wire(),
            allows: allows.to_wire(),
        }
    }
}

impl IntoModel for Clause {
    type Model = model::Clause;
    fn into_model(self) -> model::Clause {
        model::Clause {
            number: self.number.into_model(),
            kind: self.kind.into_model(),
            recital: self.recital,
            attributes: self.attributes.into_model(),
            resolved: self
                .resolved
                .into_iter()
                .map(|(point, when)| (point.into_model(), when.into_model()))
                .filter(|(point, _)| *point != model::Point::Deadline)
                .collect(),
            source: super::thin(self.source),
            span: self.span.into_model(),
            allows: super::thin(self.allows),
        }
    }
}
