//! Typed values as the format writes them: `{ "type": "deadline", "value": ... }`,
//! with anchors, deadlines, actors and places tagged by `kind`.

use jiff::civil::DateTime;
use serde::{Deserialize, Serialize};

use super::{IntoModel, Spanned, Str, ToWire, words};
use crate::model;

words! {
    /// How precisely a date was given.
    Precision = model::Precision { Month, Day, Minute }
}

/// A point in time as the source gives it, with the interval it stands for in
/// local civil time (`end` exclusive); dates are jiff civil date-times.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct When<'a> {
    #[serde(borrow)]
    pub text: Str<'a>,
    pub start: DateTime,
    pub end: DateTime,
    pub precision: Precision,
    #[serde(borrow)]
    pub zone: Option<Str<'a>>,
}

impl ToWire for model::When {
    type Wire = When<'static>;
    fn to_wire(&self) -> When<'static> {
        let model::When {
            text,
            start,
            end,
            precision,
            zone,
        } = self;
        When {
            text: text.to_wire(),
            start: *start,
            end: *end,
            precision: precision.to_wire(),
            zone: zone.to_wire(),
        }
    }
}

impl IntoModel for When<'_> {
    type Model = model::When;
    fn into_model(self) -> model::When {
        model::When {
            text: self.text.into_model(),
            start: self.start,
            end: self.end,
            precision: self.precision.into_model(),
            zone: self.zone.into_model(),
        }
    }
}

words! {
    /// A unit of calendar time.
    TimeUnit = model::TimeUnit { Hours, Days, Weeks, Months, Years }
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Duration {
    pub amount: i64,
    pub unit: TimeUnit,
}

impl ToWire for model::Duration {
    type Wire = Duration;
    fn to_wire(&self) -> Duration {
        let model::Duration { amount, unit } = *self;
        Duration {
            amount,
            unit: unit.to_wire(),
        }
    }
}

impl IntoModel for Duration {
    type Model = model::Duration;
    fn into_model(self) -> model::Duration {
        model::Duration {
            amount: self.amount,
            unit: self.unit.into_model(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DurationRange {
    pub min: Duration,
    pub max: Option<Duration>,
}

impl ToWire for model::DurationRange {
    type Wire = DurationRange;
    fn to_wire(&self) -> DurationRange {
        let model::DurationRange { min, max } = self;
        DurationRange {
            min: min.to_wire(),
            max: max.to_wire(),
        }
    }
}

impl IntoModel for DurationRange {
    type Model = model::DurationRange;
    fn into_model(self) -> model::DurationRange {
        model::DurationRange {
            min: self.min.into_model(),
            max: self.max.into_model(),
        }
    }
}

/// What a relative deadline counts from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Anchor<'a> {
    Signing,
    Clause {
        #[serde(borrow)]
        number: Spanned<Str<'a>>,
        point: Option<AnchorPoint>,
    },
}

impl ToWire for model::Anchor {
    type Wire = Anchor<'static>;
    fn to_wire(&self) -> Anchor<'static> {
        match self {
            model::Anchor::Signing => Anchor::Signing,
            model::Anchor::Clause { number, point } => Anchor::Clause {
                number: number.to_wire(),
                point: point.to_wire(),
            },
        }
    }
}

impl IntoModel for Anchor<'_> {
    type Model = model::Anchor;
    fn into_model(self) -> model::Anchor {
        match self {
            Anchor::Signing => model::Anchor::Signing,
            Anchor::Clause { number, point } => model::Anchor::Clause {
                number: number.into_model(),
                point: point.into_model(),
            },
        }
    }
}

words! {
    /// Whether a clause anchor means the clause's start or its end.
    AnchorPoint = model::AnchorPoint { Starts, Ends }
}

/// When an obligation falls due.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Deadline<'a> {
    At {
        #[serde(borrow)]
        when: When<'a>,
    },
    Immediate,
    Relative {
        offset: Duration,
        #[serde(borrow)]
        anchor: Anchor<'a>,
    },
    /// Added within version 1.
    NoLaterThan {
        #[serde(borrow)]
        when: When<'a>,
    },
}

impl ToWire for model::Deadline {
    type Wire = Deadline<'static>;
    fn to_wire(&self) -> Deadline<'static> {
        match self {
            model::Deadline::At { when } => Deadline::At {
                when: when.to_wire(),
            },
            model::Deadline::Immediate => Deadline::Immediate,
            model::Deadline::Relative { offset, anchor } => Deadline::Relative {
                offset: offset.to_wire(),
                anchor: anchor.to_wire(),
            },
            model::Deadline::NoLaterThan { when } => Deadline::NoLaterThan {
                when: when.to_wire(),
            },
        }
    }
}

impl IntoModel for Deadline<'_> {
    type Model = model::Deadline;
    fn into_model(self) -> model::Deadline {
        match self {
            Deadline::At { when } => model::Deadline::At {
                when: when.into_model(),
            },
            Deadline::Immediate => model::Deadline::Immediate,
            Deadline::Relative { offset, anchor } => model::Deadline::Relative {
                offset: offset.into_model(),
                anchor: anchor.into_model(),
            },
            Deadline::NoLaterThan { when } => model::Deadline::NoLaterThan {
                when: when.into_model(),
            },
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Count<'a> {
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub approximate: bool,
    /// `all` or `all_for_all` in place of a number; absent for a number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whole: Option<Whole>,
    #[serde(borrow)]
    pub what: Vec<Str<'a>>,
}

words! {
    /// Everyone of a kind, where a source gives no number.
    Whole = model::Whole { All, AllForAll }
}

impl ToWire for model::Count {
    type Wire = Count<'static>;
    fn to_wire(&self) -> Count<'static> {
        let model::Count {
            min,
            max,
            approximate,
            whole,
            what,
        } = self;
        Count {
            min: *min,
            max: *max,
            approximate: *approximate,
            whole: whole.as_ref().map(ToWire::to_wire),
            what: what.to_wire(),
        }
    }
}

impl IntoModel for Count<'_> {
    type Model = model::Count;
    fn into_model(self) -> model::Count {
        model::Count {
            min: self.min,
            max: self.max,
            approximate: self.approximate,
            whole: self.whole.map(IntoModel::into_model),
            what: self.what.into_model(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ratio<'a> {
    #[serde(borrow)]
    pub numerator: Count<'a>,
    #[serde(borrow)]
    pub denominator: Count<'a>,
}

impl ToWire for model::Ratio {
    type Wire = Ratio<'static>;
    fn to_wire(&self) -> Ratio<'static> {
        let model::Ratio {
            numerator,
            denominator,
        } = self;
        Ratio {
            numerator: numerator.to_wire(),
            denominator: denominator.to_wire(),
        }
    }
}

impl IntoModel for Ratio<'_> {
    type Model = model::Ratio;
    fn into_model(self) -> model::Ratio {
        model::Ratio {
            numerator: self.numerator.into_model(),
            denominator: self.denominator.into_model(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Distance<'a> {
    /// The distance; a range's near end; the bound of `at_least` or `at_most`.
    pub metres: f64,
    /// A range's far end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_metres: Option<f64>,
    #[serde(default = "exact", skip_serializing_if = "is_exact")]
    pub limit: Limit,
    /// The weapon classes the distance is given for; empty for all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(borrow)]
    pub weapons: Vec<Weapon<'a>>,
}

words! {
    /// Whether a distance is the value or a bound on it.
    Limit = model::Limit { Exact, AtLeast, AtMost }
}

fn exact() -> Limit {
    Limit::Exact
}

fn is_exact(limit: &Limit) -> bool {
    *limit == Limit::Exact
}

impl ToWire for model::Distance {
    type Wire = Distance<'static>;
    fn to_wire(&self) -> Distance<'static> {
        let model::Distance {
            metres,
            to_metres,
            limit,
            weapons,
        } = self;
        Distance {
            metres: *metres,
            to_metres: *to_metres,
            limit: limit.to_wire(),
            weapons: weapons.to_wire(),
        }
    }
}

impl IntoModel for Distance<'_> {
    type Model = model::Distance;
    fn into_model(self) -> model::Distance {
        model::Distance {
            metres: self.metres,
            to_metres: self.to_metres,
            limit: self.limit.into_model(),
            weapons: self.weapons.into_model(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Weapon<'a> {
    #[serde(borrow)]
    pub quantifier: Option<Str<'a>>,
    #[serde(borrow)]
    pub class: Str<'a>,
}

impl ToWire for model::Weapon {
    type Wire = Weapon<'static>;
    fn to_wire(&self) -> Weapon<'static> {
        let model::Weapon { quantifier, class } = self;
        Weapon {
            quantifier: quantifier.to_wire(),
            class: class.to_wire(),
        }
    }
}

impl IntoModel for Weapon<'_> {
    type Model = model::Weapon;
    fn into_model(self) -> model::Weapon {
        model::Weapon {
            quantifier: self.quantifier.into_model(),
            class: self.class.into_model(),
        }
    }
}

words! {
    /// How firmly a clause commits.
    Strength = model::Strength { Intent, Review, Pledge, Binding }
}

/// Someone a clause binds or protects: `{ "kind": "party", "name": "regime" }`.
/// Other keys are refused, as the schema says and every struct of the format
/// does, so that a key can neither hide a span nor appear twice unseen.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "name", rename_all = "snake_case")]
#[serde(deny_unknown_fields)]
pub enum Actor<'a> {
    Party(#[serde(borrow)] Str<'a>),
    Group(#[serde(borrow)] Str<'a>),
    Described(#[serde(borrow)] Str<'a>),
}

impl ToWire for model::Actor {
    type Wire = Actor<'static>;
    fn to_wire(&self) -> Actor<'static> {
        match self {
            model::Actor::Party(name) => Actor::Party(name.to_wire()),
            model::Actor::Group(name) => Actor::Group(name.to_wire()),
            model::Actor::Described(words) => Actor::Described(words.to_wire()),
        }
    }
}

impl<'a> Actor<'a> {
    /// The model's actor, its name made by `text`.
    fn map(self, text: impl FnOnce(Str<'a>) -> crate::text::Text) -> model::Actor {
        match self {
            Actor::Party(name) => model::Actor::Party(text(name)),
            Actor::Group(name) => model::Actor::Group(text(name)),
            Actor::Described(words) => model::Actor::Described(text(words)),
        }
    }
}

impl IntoModel for Actor<'_> {
    type Model = model::Actor;
    fn into_model(self) -> model::Actor {
        self.map(IntoModel::into_model)
    }

    fn into_model_at(self, span: crate::source::Span) -> model::Actor {
        self.map(|name| name.into_model_at(span))
    }
}

/// A place: `{ "kind": "declared", "name": "north_homs" }`. Other keys are
/// refused, as for [`Actor`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "name", rename_all = "snake_case")]
#[serde(deny_unknown_fields)]
pub enum PlaceRef<'a> {
    Declared(#[serde(borrow)] Str<'a>),
    Described(#[serde(borrow)] Str<'a>),
}

impl ToWire for model::PlaceRef {
    type Wire = PlaceRef<'static>;
    fn to_wire(&self) -> PlaceRef<'static> {
        match self {
            model::PlaceRef::Declared(id) => PlaceRef::Declared(id.to_wire()),
            model::PlaceRef::Described(words) => PlaceRef::Described(words.to_wire()),
        }
    }
}

impl<'a> PlaceRef<'a> {
    /// The model's place, its id or words made by `text`.
    fn map(self, text: impl FnOnce(Str<'a>) -> crate::text::Text) -> model::PlaceRef {
        match self {
            PlaceRef::Declared(id) => model::PlaceRef::Declared(text(id)),
            PlaceRef::Described(words) => model::PlaceRef::Described(text(words)),
        }
    }
}

impl IntoModel for PlaceRef<'_> {
    type Model = model::PlaceRef;
    fn into_model(self) -> model::PlaceRef {
        self.map(IntoModel::into_model)
    }

    fn into_model_at(self, span: crate::source::Span) -> model::PlaceRef {
        self.map(|name| name.into_model_at(span))
    }
}

/// The typed value of one attribute. The `type` tags are the names of the
/// vocabulary's value types (word lists, labels and keys are all `words`).
/// Other keys are refused, as for [`Actor`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
#[serde(deny_unknown_fields)]
pub enum Value<'a> {
    Text(#[serde(borrow)] Str<'a>),
    Parties(#[serde(borrow)] Vec<Spanned<Str<'a>>>),
    Places(#[serde(borrow)] Vec<Spanned<PlaceRef<'a>>>),
    Actors(#[serde(borrow)] Vec<Spanned<Actor<'a>>>),
    When(#[serde(borrow)] When<'a>),
    Deadline(#[serde(borrow)] Deadline<'a>),
    Duration(DurationRange),
    Count(#[serde(borrow)] Count<'a>),
    Ages { min: u32, max: u32 },
    Ratio(#[serde(borrow)] Ratio<'a>),
    Distance(#[serde(borrow)] Distance<'a>),
    Weapons(#[serde(borrow)] Vec<Weapon<'a>>),
    Strength(Strength),
    Clauses(#[serde(borrow)] Vec<Spanned<Str<'a>>>),
    Words(#[serde(borrow)] Vec<Spanned<Str<'a>>>),
}

impl ToWire for model::Value {
    type Wire = Value<'static>;
    fn to_wire(&self) -> Value<'static> {
        use model::Value as Model;
        match self {
            Model::Text(text) => Value::Text(text.to_wire()),
            Model::Parties(parties) => Value::Parties(parties.to_wire()),
            Model::Places(places) => Value::Places(places.to_wire()),
            Model::Actors(actors) => Value::Actors(actors.to_wire()),
            Model::When(when) => Value::When(when.to_wire()),
            Model::Deadline(deadline) => Value::Deadline(deadline.to_wire()),
            Model::Duration(range) => Value::Duration(range.to_wire()),
            Model::Count(count) => Value::Count(count.to_wire()),
            Model::Ages { min, max } => Value::Ages {
                min: *min,
                max: *max,
            },
            Model::Ratio(ratio) => Value::Ratio(ratio.to_wire()),
            Model::Distance(distance) => Value::Distance(distance.to_wire()),
            Model::Weapons(weapons) => Value::Weapons(weapons.to_wire()),
            Model::Strength(strength) => Value::Strength(strength.to_wire()),
            Model::Clauses(numbers) => Value::Clauses(numbers.to_wire()),
            Model::Words(words) => Value::Words(words.to_wire()),
        }
    }
}

impl IntoModel for Value<'_> {
    type Model = model::Value;
    fn into_model(self) -> model::Value {
        use model::Value as Model;
        match self {
            Value::Text(text) => Model::Text(text.into_model()),
            Value::Parties(parties) => Model::Parties(super::thin(parties)),
            Value::Places(places) => Model::Places(super::thin(places)),
            Value::Actors(actors) => Model::Actors(super::thin(actors)),
            Value::When(when) => Model::When(when.into_model().into()),
            Value::Deadline(deadline) => Model::Deadline(deadline.into_model().into()),
            Value::Duration(range) => Model::Duration(range.into_model().into()),
            Value::Count(count) => Model::Count(count.into_model().into()),
            Value::Ages { min, max } => Model::Ages { min, max },
            Value::Ratio(ratio) => Model::Ratio(Box::new(ratio.into_model())),
            Value::Distance(distance) => Model::Distance(distance.into_model().into()),
            Value::Weapons(weapons) => Model::Weapons(super::thin(weapons)),
            Value::Strength(strength) => Model::Strength(strength.into_model()),
            Value::Clauses(numbers) => Model::Clauses(super::thin(numbers)),
            Value::Words(words) => Model::Words(super::thin(words)),
        }
    }

    /// A text value is the quoted string that ends its statement.
    fn into_model_at(self, span: crate::source::Span) -> model::Value {
        match self {
            Value::Text(text) => model::Value::Text(crate::text::Text::ending(text.0, span)),
            other => other.into_model(),
        }
    }
}
