//! Typed values of the checked model: times, durations, counts, ratios, weapons.

use jiff::civil::DateTime;
use serde::Serialize;

use crate::source::Spanned;
use crate::text::Text;
use thin_vec::ThinVec;

/// How precisely a date was given.
///
/// `Serialize` (as the snake-case word) only for the timeline's JSON
/// (`report::compare_timeline`); the interchange has its own type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Month,
    Day,
    Minute,
}

/// A point in time as the source gives it: `2018-05-03T12:00[Asia/Damascus]`,
/// `2018-05-01`, `2017-08`, `mid 2018-05`. It may stand for an interval (a whole day
/// or month); `start` and `end` bound that interval in the local civil time of the
/// place (`end` exclusive).
///
/// `Serialize` only because [`crate::timeline::Event`] and its terms derive it for
/// library users; the interchange has its own type.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct When {
    /// As written, for display.
    pub text: Text,
    pub start: DateTime,
    pub end: DateTime,
    pub precision: Precision,
    /// IANA zone name or UTC offset, when given.
    pub zone: Option<Text>,
}

impl When {
    /// Whether this certainly ends no later than `other` begins.
    pub fn is_before(&self, other: &When) -> bool {
        self.end <= other.start
    }
}

/// A unit of calendar time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeUnit {
    Hours,
    Days,
    Weeks,
    Months,
    Years,
}

impl TimeUnit {
    pub fn parse(word: &str) -> Option<TimeUnit> {
        Some(match word {
            "hour" | "hours" => TimeUnit::Hours,
            "day" | "days" => TimeUnit::Days,
            "week" | "weeks" => TimeUnit::Weeks,
            "month" | "months" => TimeUnit::Months,
            "year" | "years" => TimeUnit::Years,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            TimeUnit::Hours => "hours",
            TimeUnit::Days => "days",
            TimeUnit::Weeks => "weeks",
            TimeUnit::Months => "months",
            TimeUnit::Years => "years",
        }
    }
}

/// A calendar-aware length of time: "6 months" from 31 August ends on 28 or 29
/// February, which a fixed number of days cannot say.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Duration {
    pub amount: i64,
    pub unit: TimeUnit,
}

impl Duration {
    pub fn to_span(self) -> jiff::Span {
        let span = jiff::Span::new();
        match self.unit {
            TimeUnit::Hours => span.hours(self.amount),
            TimeUnit::Days => span.days(self.amount),
            TimeUnit::Weeks => span.weeks(self.amount),
            TimeUnit::Months => span.months(self.amount),
            TimeUnit::Years => span.years(self.amount),
        }
    }

    /// Add to a civil date-time, calendar-aware. `None` past the calendar's range,
    /// however long the duration: jiff refuses spans [`Duration::to_span`] would
    /// panic on.
    pub fn after(self, from: DateTime) -> Option<DateTime> {
        let span = jiff::Span::new();
        let span = match self.unit {
            TimeUnit::Hours => span.try_hours(self.amount),
            TimeUnit::Days => span.try_days(self.amount),
            TimeUnit::Weeks => span.try_weeks(self.amount),
            TimeUnit::Months => span.try_months(self.amount),
            TimeUnit::Years => span.try_years(self.amount),
        };
        from.checked_add(span.ok()?).ok()
    }

    /// An approximate length in hours, for ordering durations of different units.
    pub fn approximate_hours(self) -> f64 {
        let per = match self.unit {
            TimeUnit::Hours => 1.0,
            TimeUnit::Days => 24.0,
            TimeUnit::Weeks => 168.0,
            TimeUnit::Months => 730.5,
            TimeUnit::Years => 8766.0,
        };
        self.amount as f64 * per
    }
}

impl std::fmt::Display for Duration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let unit = self.unit.name();
        if self.amount == 1 {
            write!(f, "1 {}", unit.trim_end_matches('s'))
        } else {
            write!(f, "{} {unit}", self.amount)
        }
    }
}

/// A duration or a range of them: `6 months`, `6 months to 2 years`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DurationRange {
    pub min: Duration,
    pub max: Option<Duration>,
}

/// What a relative deadline counts from.
#[derive(Clone, Debug, PartialEq)]
pub enum Anchor {
    /// The document's date.
    Signing,
    /// Another clause of the same document; `point` says whether its start or its
    /// end is meant, and is `None` when the source leaves that open.
    Clause {
        number: Spanned<Text>,
        point: Option<AnchorPoint>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnchorPoint {
    Starts,
    Ends,
}

/// When an obligation falls due.
#[derive(Clone, Debug, PartialEq)]
pub enum Deadline {
    /// A date or date-time.
    At { when: When },
    /// On signing, at once.
    Immediate,
    /// `within 14 days of signing`, `day 5 after clause 2 starts`,
    /// `48 hours after clause 1 ends`.
    Relative { offset: Duration, anchor: Anchor },
    /// At the latest on a date: `no later than 2018-05-05`. For a deadline that
    /// is what a date says anyway; for a start, the clause may begin earlier.
    NoLaterThan { when: When },
}

/// A count, possibly approximate, a range or a minimum, with what is counted:
/// `12000 detainees`, `about 1400 people`, `140 to 200`, `at least 300 fighters`;
/// or everyone of a kind, in words: `all residents`, `all for all`.
#[derive(Clone, Debug, PartialEq)]
pub struct Count {
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub approximate: bool,
    /// `all` or `all for all` in place of a number; `min` and `max` are then `None`.
    pub whole: Option<Whole>,
    /// The words after the number: `fighters`, `civilians evacuated`.
    pub what: Vec<Text>,
}

/// Everyone of a kind, where a source gives no number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Whole {
    /// `all detainees`, `all residents`.
    All,
    /// An exchange of all held by each side for all held by the other.
    AllForAll,
}

impl Whole {
    pub fn words(self) -> &'static str {
        match self {
            Whole::All => "all",
            Whole::AllForAll => "all for all",
        }
    }
}

impl Count {
    pub fn exact(value: f64) -> Count {
        Count {
            min: Some(value),
            max: Some(value),
            approximate: false,
            whole: None,
            what: Vec::new(),
        }
    }

    /// The least the count can be; everyone is more than any number.
    pub fn least(&self) -> Option<f64> {
        match self.whole {
            Some(_) => Some(f64::INFINITY),
            None => self.min,
        }
    }

    /// The most the count can be; everyone is more than any number.
    pub fn most(&self) -> Option<f64> {
        match self.whole {
            Some(_) => Some(f64::INFINITY),
            None => self.max,
        }
    }
}

impl Value {
    /// The deadline it is, if it is one.
    pub fn deadline(&self) -> Option<&Deadline> {
        match self {
            Value::Deadline(deadline) => Some(deadline),
            _ => None,
        }
    }

    /// The date it names: a date, or a deadline on or no later than one.
    pub fn date(&self) -> Option<&When> {
        match self {
            Value::When(when) => Some(when),
            Value::Deadline(deadline) => match &**deadline {
                Deadline::At { when } | Deadline::NoLaterThan { when } => Some(when),
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether the value is one figure: not a range, a bound, an estimate or
    /// everyone. Values that are not figures are exact as written.
    pub fn is_exact(&self) -> bool {
        match self {
            Value::Count(count) => {
                !count.approximate
                    && count.whole.is_none()
                    && count.min.is_some()
                    && count.min == count.max
            }
            Value::Duration(range) => range.max.is_none(),
            Value::Distance(distance) => {
                distance.limit == Limit::Exact && distance.to_metres.is_none()
            }
            _ => true,
        }
    }
}

/// `100 fighters surrender per 200 civilians evacuated`.
#[derive(Clone, Debug, PartialEq)]
pub struct Ratio {
    pub numerator: Count,
    pub denominator: Count,
}

/// `15 km`, `at least 30 km`, `10 to 15 km`, `20 km for heavy`, held in metres.
#[derive(Clone, Debug, PartialEq)]
pub struct Distance {
    /// The distance; for a range, its lower end; for `up to`, the bound.
    pub metres: f64,
    /// A range's upper end: `10 to 15 km`.
    pub to_metres: Option<f64>,
    pub limit: Limit,
    /// The weapon classes it is given for (`for heavy, medium`); empty for all.
    pub weapons: Vec<Weapon>,
}

impl Distance {
    pub fn metres(metres: f64) -> Distance {
        Distance {
            metres,
            to_metres: None,
            limit: Limit::Exact,
            weapons: Vec::new(),
        }
    }
}

/// Whether a number is the value or a bound on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Limit {
    /// The value, or the ends of a range.
    #[default]
    Exact,
    /// `at least 30 km`.
    AtLeast,
    /// `up to 500 m`, `at most 500 m`.
    AtMost,
}

/// A weapon class with an optional quantifier: `heavy`, `some medium`.
#[derive(Clone, Debug, PartialEq)]
pub struct Weapon {
    pub quantifier: Option<Text>,
    pub class: Text,
}

/// How firmly a clause commits, mapped onto the PA-X scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    Intent,
    Review,
    Pledge,
    Binding,
}

impl Strength {
    pub fn parse(word: &str) -> Option<Strength> {
        Some(match word {
            "binding" => Strength::Binding,
            "pledge" => Strength::Pledge,
            "review" => Strength::Review,
            "intent" => Strength::Intent,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Strength::Binding => "binding",
            Strength::Pledge => "pledge",
            Strength::Review => "review",
            Strength::Intent => "intent",
        }
    }

    /// The PA-X grade: 1 rhetorical, 2 concrete but not enforceable, 3 enforceable.
    pub fn pax_grade(self) -> u8 {
        match self {
            Strength::Intent | Strength::Review => 1,
            Strength::Pledge => 2,
            Strength::Binding => 3,
        }
    }
}

/// Someone a clause binds or protects: a declared party or unit, a group word
/// (`civilians`), or a description in the source's words.
#[derive(Clone, Debug, PartialEq)]
pub enum Actor {
    Party(Text),
    Group(Text),
    Described(Text),
}

impl Actor {
    /// Whether the actor is armed men: a party (its forces), fighters or
    /// officers, or a description that names only them.
    pub fn is_armed(&self) -> bool {
        match self {
            Actor::Party(_) => true,
            Actor::Group(group) => crate::vocabulary::ARMED_GROUPS.contains(&group.as_str()),
            Actor::Described(words) => crate::vocabulary::names_armed_only(words),
        }
    }
}

/// A place: declared, or described in words the source leaves vague.
#[derive(Clone, Debug, PartialEq)]
pub enum PlaceRef {
    Declared(Text),
    Described(Text),
}

/// The typed value of one attribute.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(Text),
    // Lists are thin (a pointer; the length lives with the items), so that a
    // list costs every other value nothing.
    Parties(ThinVec<Spanned<Text>>),
    Places(ThinVec<Spanned<PlaceRef>>),
    Actors(ThinVec<Spanned<Actor>>),
    // Dates, deadlines, counts and distances are boxed, as larger than the
    // rest: unboxed, every attribute would pay for their size.
    When(Box<When>),
    Deadline(Box<Deadline>),
    Duration(Box<DurationRange>),
    Count(Box<Count>),
    Ages {
        min: u32,
        max: u32,
    },
    /// Boxed, as rare and large (two counts): every other value would pay for
    /// its size.
    Ratio(Box<Ratio>),
    Distance(Box<Distance>),
    Weapons(ThinVec<Weapon>),
    Strength(Strength),
    Clauses(ThinVec<Spanned<Text>>),
    Words(ThinVec<Spanned<Text>>),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_duration_past_the_calendar_adds_to_nothing() {
        let from = jiff::civil::date(2018, 5, 1).at(0, 0, 0, 0);
        let days = |amount| Duration {
            amount,
            unit: TimeUnit::Days,
        };
        assert_eq!(
            days(2).after(from),
            Some(jiff::civil::date(2018, 5, 3).at(0, 0, 0, 0))
        );
        assert_eq!(days(99_999_999_999).after(from), None);
        assert_eq!(days(-99_999_999_999).after(from), None);
    }
}

#[cfg(test)]
mod sizes {
    use super::*;

    /// Ceilings that can only fall: every attribute of a corpus pays for these
    /// sizes (issue 15 aimed at under 64 and 96 bytes). Boxed dates, deadlines,
    /// counts, distances, ranges and ratios, spans of u32 offsets, text as
    /// 16-byte [`Text`]s, lists as ThinVecs and a key span derived, not kept,
    /// bring them here from 128 and 208.
    #[test]
    fn values_and_attributes_stay_small() {
        use std::mem::size_of;
        assert_eq!(size_of::<crate::source::Span>(), 12);
        assert_eq!(size_of::<Text>(), 16);
        assert!(size_of::<When>() <= 64, "{}", size_of::<When>());
        assert!(size_of::<Value>() <= 24, "{}", size_of::<Value>());
        let attribute = size_of::<crate::model::AttributeValue>();
        assert!(attribute <= 48, "{attribute}");
    }
}
