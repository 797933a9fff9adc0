//! Documents, their declarations and their clauses, as the format writes them.

use serde::{Deserialize, Serialize};

use super::{
    Actor, Count, Deadline, IntoModel, KeyName, KindName, PlaceRef, Span, Spanned, Str, ToWire,
    Value, When,
};
use crate::model;
use crate::vocabulary::{Evidence, Outcome, Relation, Role, Side, Status};

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Party<'a> {
    #[serde(borrow)]
    pub id: Spanned<Str<'a>>,
    #[serde(borrow)]
    pub name: Option<Spanned<Str<'a>>>,
    pub side: Option<Spanned<Side>>,
    #[serde(borrow)]
    pub aligned: Option<Spanned<Str<'a>>>,
    pub roles: Vec<Spanned<Role>>,
    #[serde(borrow)]
    pub represents: Vec<Spanned<PlaceRef<'a>>>,
    /// Added within version 1: written only when given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(borrow)]
    pub on_behalf_of: Vec<Spanned<Str<'a>>>,
    /// Added within version 1: written only when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(borrow)]
    pub territory: Option<Spanned<Str<'a>>>,
    #[serde(borrow)]
    pub source: Vec<Spanned<Str<'a>>>,
    pub span: Span,
}

impl ToWire for model::Party {
    type Wire = Party<'static>;
    fn to_wire(&self) -> Party<'static> {
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

impl IntoModel for Party<'_> {
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
pub struct Unit<'a> {
    #[serde(borrow)]
    pub path: Spanned<Str<'a>>,
    #[serde(borrow)]
    pub name: Option<Spanned<Str<'a>>>,
    #[serde(borrow)]
    pub parent: Str<'a>,
}

impl ToWire for model::Unit {
    type Wire = Unit<'static>;
    fn to_wire(&self) -> Unit<'static> {
        let model::Unit { path, name, parent } = self;
        Unit {
            path: path.to_wire(),
            name: name.to_wire(),
            parent: parent.to_wire(),
        }
    }
}

impl IntoModel for Unit<'_> {
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
pub struct Place<'a> {
    #[serde(borrow)]
    pub id: Spanned<Str<'a>>,
    #[serde(borrow)]
    pub name: Option<Spanned<Str<'a>>>,
    #[serde(borrow)]
    pub kind: Option<Spanned<Str<'a>>>,
    #[serde(borrow)]
    pub within: Option<Spanned<Str<'a>>>,
    /// Added within version 1: written only when given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(borrow)]
    pub besieged_by: Vec<Spanned<Str<'a>>>,
    pub span: Span,
}

impl ToWire for model::Place {
    type Wire = Place<'static>;
    fn to_wire(&self) -> Place<'static> {
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

impl IntoModel for Place<'_> {
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
pub struct StatusEntry<'a> {
    pub status: Spanned<Status>,
    #[serde(borrow)]
    pub on: Option<Spanned<When<'a>>>,
    #[serde(borrow)]
    pub by: Vec<Spanned<Str<'a>>>,
    #[serde(borrow)]
    pub source: Vec<Spanned<Str<'a>>>,
    pub span: Span,
}

impl ToWire for model::StatusEntry {
    type Wire = StatusEntry<'static>;
    fn to_wire(&self) -> StatusEntry<'static> {
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

impl IntoModel for StatusEntry<'_> {
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
pub struct Citation<'a> {
    #[serde(borrow)]
    pub id: Spanned<Str<'a>>,
    #[serde(borrow)]
    pub description: Option<Spanned<Str<'a>>>,
    #[serde(borrow)]
    pub file: Option<Spanned<Str<'a>>>,
}

impl ToWire for model::Citation {
    type Wire = Citation<'static>;
    fn to_wire(&self) -> Citation<'static> {
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

impl IntoModel for Citation<'_> {
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
pub struct Link<'a> {
    pub relation: Spanned<Relation>,
    #[serde(borrow)]
    pub target: Spanned<Str<'a>>,
}

impl ToWire for model::Link {
    type Wire = Link<'static>;
    fn to_wire(&self) -> Link<'static> {
        let model::Link { relation, target } = self;
        Link {
            relation: relation.to_wire(),
            target: target.to_wire(),
        }
    }
}

impl IntoModel for Link<'_> {
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
pub struct Backer<'a> {
    #[serde(borrow)]
    pub party: Spanned<Str<'a>>,
    #[serde(borrow)]
    pub source: Vec<Spanned<Str<'a>>>,
}

impl ToWire for model::Backer {
    type Wire = Backer<'static>;
    fn to_wire(&self) -> Backer<'static> {
        let model::Backer { party, source } = self;
        Backer {
            party: party.to_wire(),
            source: source.to_wire(),
        }
    }
}

impl IntoModel for Backer<'_> {
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
pub struct Allow<'a> {
    #[serde(borrow)]
    pub rule: Spanned<Str<'a>>,
    #[serde(borrow)]
    pub reason: Spanned<Str<'a>>,
    pub span: Span,
}

impl ToWire for model::Allow {
    type Wire = Allow<'static>;
    fn to_wire(&self) -> Allow<'static> {
        let model::Allow { rule, reason, span } = self;
        Allow {
            rule: rule.to_wire(),
            reason: reason.to_wire(),
            span: span.to_wire(),
        }
    }
}

impl IntoModel for Allow<'_> {
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
pub struct KnownFrom<'a> {
    pub evidence: Spanned<Evidence>,
    #[serde(borrow)]
    pub source: Vec<Spanned<Str<'a>>>,
}

impl ToWire for model::KnownFrom {
    type Wire = KnownFrom<'static>;
    fn to_wire(&self) -> KnownFrom<'static> {
        let model::KnownFrom { evidence, source } = self;
        KnownFrom {
            evidence: evidence.to_wire(),
            source: source.to_wire(),
        }
    }
}

impl IntoModel for KnownFrom<'_> {
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
pub struct Event<'a> {
    pub outcome: Spanned<Outcome>,
    #[serde(borrow)]
    pub on: Option<Spanned<When<'a>>>,
    #[serde(borrow)]
    pub by: Vec<Spanned<Actor<'a>>>,
    #[serde(borrow)]
    pub clauses: Vec<Spanned<Str<'a>>>,
    #[serde(borrow)]
    pub count: Option<Spanned<Count<'a>>>,
    #[serde(borrow)]
    pub texts: Vec<Spanned<Str<'a>>>,
    #[serde(borrow)]
    pub notes: Vec<Spanned<Str<'a>>>,
    #[serde(borrow)]
    pub source: Vec<Spanned<Str<'a>>>,
    pub span: Span,
}

impl ToWire for model::Event {
    type Wire = Event<'static>;
    fn to_wire(&self) -> Event<'static> {
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

impl IntoModel for Event<'_> {
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
pub struct Document<'a> {
    #[serde(borrow)]
    pub id: Spanned<Str<'a>>,
    pub span: Span,
    #[serde(borrow)]
    pub title: Option<Spanned<Str<'a>>>,
    #[serde(borrow)]
    pub date: Option<Spanned<When<'a>>>,
    #[serde(borrow)]
    pub region: Option<Spanned<PlaceRef<'a>>>,
    /// Added within version 1: written only when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pax: Option<Spanned<u32>>,
    #[serde(borrow)]
    pub statuses: Vec<StatusEntry<'a>>,
    #[serde(borrow)]
    pub sources: Vec<Citation<'a>>,
    #[serde(borrow)]
    pub links: Vec<Link<'a>>,
    #[serde(borrow)]
    pub places: Vec<Place<'a>>,
    #[serde(borrow)]
    pub parties: Vec<Party<'a>>,
    #[serde(borrow)]
    pub units: Vec<Unit<'a>>,
    #[serde(borrow)]
    pub guarantors: Vec<Backer<'a>>,
    #[serde(borrow)]
    pub monitors: Vec<Backer<'a>>,
    #[serde(borrow)]
    pub notes: Vec<Spanned<Str<'a>>>,
    #[serde(borrow)]
    pub texts: Vec<Spanned<Str<'a>>>,
    /// Added within version 1: written only when given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(borrow)]
    pub known_from: Vec<KnownFrom<'a>>,
    /// Added within version 1: written only when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(borrow)]
    pub in_force: Option<Spanned<Deadline<'a>>>,
    /// Added within version 1: written only when given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(borrow)]
    pub events: Vec<Event<'a>>,
    #[serde(borrow)]
    pub recitals: Vec<Clause<'a>>,
    #[serde(borrow)]
    pub clauses: Vec<Clause<'a>>,
    /// Added within version 1: written only when given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(borrow)]
    pub allows: Vec<Allow<'a>>,
}

impl ToWire for model::Document {
    type Wire = Document<'static>;
    fn to_wire(&self) -> Document<'static> {
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

impl IntoModel for Document<'_> {
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
pub struct AttributeValue<'a> {
    pub key: Spanned<KeyName>,
    #[serde(borrow)]
    pub value: Value<'a>,
    pub span: Span,
    #[serde(borrow)]
    pub source: Vec<Spanned<Str<'a>>>,
}

impl ToWire for model::AttributeValue {
    type Wire = AttributeValue<'static>;
    fn to_wire(&self) -> AttributeValue<'static> {
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

impl IntoModel for AttributeValue<'_> {
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
pub struct Clause<'a> {
    #[serde(borrow)]
    pub number: Option<Spanned<Str<'a>>>,
    #[serde(deserialize_with = "super::kind")]
    pub kind: Spanned<KindName>,
    pub recital: bool,
    #[serde(borrow)]
    pub attributes: Vec<AttributeValue<'a>>,
    /// Relative deadlines turned into dates: `[["start", { when }], ...]`.
    #[serde(borrow)]
    pub resolved: Vec<(Point, When<'a>)>,
    /// The clause's own sources. Added within version 1: written only when given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(borrow)]
    pub source: Vec<Spanned<Str<'a>>>,
    pub span: Span,
    /// Added within version 1: written only when given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(borrow)]
    pub allows: Vec<Allow<'a>>,
}

impl ToWire for model::Clause {
    type Wire = Clause<'static>;
    fn to_wire(&self) -> Clause<'static> {
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

impl IntoModel for Clause<'_> {
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
