//! Attribute keys, and what the language knows of each: whether it states a term,
//! what it says about a clause's subject, whether it is a guarantee, a time, a
//! condition, and which way a change of it cuts.
//!
//! Every key is one line of `keys!` below; code names keys as [`Key`] variants, so a
//! misspelt key does not compile. The value type a key takes is given where a
//! clause kind accepts it (`Attribute`), since one key may take different types in
//! different kinds (`forces` names parties or actors).
//!
//! # Directions
//!
//! For `truce compare`, [`KeyInfo::direction`] says what "more" of an attribute
//! means and whom more of it favours; less of it favours the other end of the
//! clause. The party a clause binds must act; those it benefits receive.
//!
//! | attribute | more means | more favours | why |
//! |---|---|---|---|
//! | `deadline` | later (none at all is latest) | the party bound | more time to act |
//! | `start` | later | the party bound | the obligation begins later |
//! | `grace` | longer | the party bound | more time before service |
//! | `until`, `duration` | later, longer (none at all is longest) | those it benefits | the clause lasts longer |
//! | `renewal`, `notice` | longer | those it benefits | the clause lasts longer; more warning before it ends |
//! | `guarantor`, `monitor`, `verifier`, `safe_passage`, `escort`, `protected_by`, `observers` | present | those it benefits | someone answers for the clause |
//! | `mechanism`, `violations`, `consequence`, `protection`, `offences`, `reports_to` | present | those it benefits | the clause says how it is kept |
//! | `documents` | present | those it benefits | more is given |
//! | `strength` | stronger (absent is binding) | those it benefits | a firmer commitment |
//! | `count`, `corridors`, `width`, `depth`, `distance` | larger | those it benefits | more is given |
//! | `destination`, `route` | present | those it benefits | evacuees know where and how they go |
//! | `choice`, `services`, `aid`, `weapons`, `ages`, `items`, `prohibits`, `belongings`, `transport`, `resumes`, `maps`, `measures`, `works`, `from`, `across` | a superset | those it benefits | more is given or covered |
//! | `ratio`, `if`, `after`, `condition`, `in_exchange_for`, `in_parallel_with`, `consent_of` | present | the party bound | it may wait until the condition is met |
//! | `excludes` | present | the party bound | fewer people are covered |
//! | `by` | present | those it benefits | someone is named to act |
//!
//! Every other attribute (who is bound, areas, places, lists, texts, a date to
//! review a matter, which promises nothing about it) changes the
//! terms without a direction that holds in general, so none is claimed.

use std::fmt;

/// What "more" of an attribute means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// A later date; with `absent_is_never`, no date at all is the latest.
    Later { absent_is_never: bool },
    /// A longer duration; with `absent_is_unbounded`, none at all is the longest.
    Longer { absent_is_unbounded: bool },
    /// A larger number.
    Larger,
    /// A firmer commitment; an absent strength is binding.
    Stronger,
    /// Stated rather than not.
    Present,
    /// A superset of classes, services or choices.
    Wider,
}

/// The two ends of a clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Beneficiary {
    /// The party the clause binds: it must act.
    Bound,
    /// Those the clause benefits.
    Beneficiaries,
}

impl Beneficiary {
    pub fn other(self) -> Beneficiary {
        match self {
            Beneficiary::Bound => Beneficiary::Beneficiaries,
            Beneficiary::Beneficiaries => Beneficiary::Bound,
        }
    }
}

/// Which way a change of an attribute cuts: see the module documentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Direction {
    pub measure: Measure,
    pub more_favours: Beneficiary,
    pub why: &'static str,
}

/// How an attribute guarantees that a clause is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Guarantee {
    /// A party answers for the clause: a guarantor, a safe passage, an escort.
    Guarantor,
    /// A party watches or checks it: a monitor, a verifier, a protector.
    Oversight,
    /// The clause says how it is kept or what a breach brings.
    Procedure,
    /// The clause says by when it is due.
    Deadline,
}

/// What an attribute tells about a clause's subject, for pairing drafts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Facet {
    /// Who the clause binds or concerns.
    Who,
    /// What it concerns.
    What,
    /// Where it applies.
    Where,
}

/// A date an attribute puts on the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timing {
    /// How the event reads: `deadline`, `takes effect`.
    pub event: &'static str,
    /// Whether the date is a term of the agreement (when something is due, starts
    /// or ends), rather than a record of when something was said.
    pub term: bool,
}

/// How a clause waits on the clauses an attribute names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wait {
    /// It comes after them, or depends on them: a cycle of these blocks.
    Sequenced,
    /// It is given in return for them, at the same time: a mutual exchange.
    Simultaneous,
}

/// What the language knows of one attribute key.
#[derive(Clone, Copy, Debug)]
pub struct KeyInfo {
    pub name: &'static str,
    /// Whether the attribute states a term (false for the wording, notes,
    /// citations and gaps, which compare and conflict checks leave aside).
    pub term: bool,
    /// What it says about the clause's subject, for pairing drafts.
    pub facet: Option<Facet>,
    /// Whether clauses that differ in it speak of different things: two clauses
    /// of a kind conflict only where they agree on every such key.
    pub identifies: bool,
    /// Whether values in different clauses add up rather than compete: a count in
    /// each of two clauses is two batches, not one number given twice.
    pub adds_up: bool,
    pub guarantee: Option<Guarantee>,
    pub timing: Option<Timing>,
    pub wait: Option<Wait>,
    pub direction: Option<Direction>,
}

impl KeyInfo {
    /// A key that states a term and nothing more.
    const PLAIN: KeyInfo = KeyInfo {
        name: "",
        term: true,
        facet: None,
        identifies: false,
        adds_up: false,
        guarantee: None,
        timing: None,
        wait: None,
        direction: None,
    };
}

const fn way(measure: Measure, more_favours: Beneficiary, why: &'static str) -> Option<Direction> {
    Some(Direction {
        measure,
        more_favours,
        why,
    })
}

const fn event(event: &'static str) -> Option<Timing> {
    Some(Timing { event, term: true })
}

use Beneficiary::{Beneficiaries, Bound};
use Measure::{Larger, Present, Stronger, Wider};

/// A later date; no date at all is the latest.
const LATER_OR_NEVER: Measure = Measure::Later {
    absent_is_never: true,
};
/// A longer duration; none at all is the longest.
const LONGER_OR_UNBOUNDED: Measure = Measure::Longer {
    absent_is_unbounded: true,
};

const TIME: &str = "more time to act";
const ANSWERS: &str = "someone answers for the clause";
const KEPT: &str = "the clause says how it is kept";
const GIVEN: &str = "more is given or covered";
const WAIT: &str = "it may wait until the condition is met";

/// Declares [`Key`] and its table in one list: `Variant "name" { facts }`.
macro_rules! keys {
    ($($variant:ident $name:literal { $($field:ident: $value:expr),* $(,)? })*) => {
        /// An attribute key. [`Key::info`] says what the language knows of it.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Key {
            $($variant,)*
        }

        impl Key {
            /// Every key, in the order of the table.
            pub const ALL: &'static [Key] = &[$(Key::$variant,)*];

            /// The key spelt `name` in the language.
            pub fn from_name(name: &str) -> Option<Key> {
                match name {
                    $($name => Some(Key::$variant),)*
                    _ => None,
                }
            }
        }

        /// The facts of each key, in the order of [`Key`]'s variants.
        static KEYS: &[KeyInfo] = &[
            $(KeyInfo { name: $name, $($field: $value,)* ..KeyInfo::PLAIN },)*
        ];
    };
}

keys! {
    // Common to every clause kind.
    Text "text" { term: false }
    Note "note" { term: false }
    By "by" {
        facet: Some(Facet::Who),
        identifies: true,
        direction: way(Present, Beneficiaries, "someone is named to act"),
    }
    Benefits "benefits" { identifies: true }
    Area "area" { facet: Some(Facet::Where), identifies: true }
    Deadline "deadline" {
        guarantee: Some(Guarantee::Deadline),
        timing: event("deadline"),
        direction: way(LATER_OR_NEVER, Bound, TIME),
    }
    Start "start" {
        timing: event("takes effect"),
        direction: way(Measure::Later { absent_is_never: false }, Bound, "the obligation begins later"),
    }
    Duration "duration" {
        direction: way(LONGER_OR_UNBOUNDED, Beneficiaries, "the clause lasts longer"),
    }
    Until "until" {
        timing: event("ends"),
        direction: way(LATER_OR_NEVER, Beneficiaries, "the clause lasts longer"),
    }
    After "after" { wait: Some(Wait::Sequenced), direction: way(Present, Bound, WAIT) }
    If "if" { wait: Some(Wait::Sequenced), direction: way(Present, Bound, WAIT) }
    Condition "condition" { direction: way(Present, Bound, WAIT) }
    InExchangeFor "in_exchange_for" {
        wait: Some(Wait::Simultaneous),
        direction: way(Present, Bound, WAIT),
    }
    InParallelWith "in_parallel_with" {
        wait: Some(Wait::Simultaneous),
        direction: way(Present, Bound, WAIT),
    }
    Details "details" {}
    Every "every" {}
    Extendable "extendable" {}
    Ratio "ratio" { direction: way(Present, Bound, WAIT) }
    Guarantor "guarantor" {
        guarantee: Some(Guarantee::Guarantor),
        direction: way(Present, Beneficiaries, ANSWERS),
    }
    Monitor "monitor" {
        guarantee: Some(Guarantee::Oversight),
        direction: way(Present, Beneficiaries, ANSWERS),
    }
    Strength "strength" { direction: way(Stronger, Beneficiaries, "a firmer commitment") }
    Unstated "unstated" { term: false }
    Deferred "deferred" { term: false }
    ConsentOf "consent_of" { direction: way(Present, Bound, WAIT) }
    Source "source" { term: false }

    // Particular to some kinds.
    Violations "violations" {
        guarantee: Some(Guarantee::Procedure),
        direction: way(Present, Beneficiaries, KEPT),
    }
    Weapons "weapons" {
        facet: Some(Facet::What),
        identifies: true,
        direction: way(Wider, Beneficiaries, GIVEN) }
    Calibre "calibre" { identifies: true }
    Items "items" {
        facet: Some(Facet::What),
        identifies: true,
        direction: way(Wider, Beneficiaries, GIVEN),
    }
    StoredAt "stored_at" {}
    Prohibits "prohibits" { direction: way(Wider, Beneficiaries, GIVEN) }
    To "to" {}
    People "people" { facet: Some(Facet::Who), identifies: true }
    Count "count" { adds_up: true, direction: way(Larger, Beneficiaries, GIVEN) }
    Distance "distance" { direction: way(Larger, Beneficiaries, GIVEN) }
    Remaining "remaining" {}
    Destination "destination" {
        facet: Some(Facet::Where),
        identifies: true,
        direction: way(Present, Beneficiaries, "evacuees know where they go"),
    }
    Route "route" {
        facet: Some(Facet::Where),
        direction: way(Present, Beneficiaries, "evacuees know how they go"),
    }
    SafePassage "safe_passage" {
        guarantee: Some(Guarantee::Guarantor),
        direction: way(Present, Beneficiaries, ANSWERS),
    }
    Escort "escort" {
        guarantee: Some(Guarantee::Guarantor),
        direction: way(Present, Beneficiaries, ANSWERS),
    }
    Allowance "allowance" {}
    Belongings "belongings" { direction: way(Wider, Beneficiaries, GIVEN) }
    Transport "transport" { direction: way(Wider, Beneficiaries, GIVEN) }
    Search "search" {}
    SearchedBy "searched_by" {}
    Choice "choice" { direction: way(Wider, Beneficiaries, GIVEN) }
    Excludes "excludes" { direction: way(Present, Bound, "fewer people are covered") }
    JudgedBy "judged_by" {}
    Protection "protection" {
        guarantee: Some(Guarantee::Procedure),
        direction: way(Present, Beneficiaries, KEPT),
    }
    Offences "offences" { direction: way(Present, Beneficiaries, KEPT) }
    Documents "documents" { direction: way(Present, Beneficiaries, GIVEN) }
    Resumes "resumes" { direction: way(Wider, Beneficiaries, GIVEN) }
    Instrument "instrument" {}
    Service "service" { facet: Some(Facet::What), identifies: true }
    Ages "ages" { direction: way(Wider, Beneficiaries, GIVEN) }
    Grace "grace" {
        direction: way(Measure::Longer { absent_is_unbounded: false }, Bound, "more time before service"),
    }
    Mechanism "mechanism" {
        guarantee: Some(Guarantee::Procedure),
        direction: way(Present, Beneficiaries, KEPT),
    }
    List "list" {}
    Verifier "verifier" {
        guarantee: Some(Guarantee::Oversight),
        direction: way(Present, Beneficiaries, ANSWERS),
    }
    // A date to review a matter promises nothing about it, sooner or later:
    // no direction.
    ReviewOn "review_on" { timing: event("review due") }
    Holder "holder" {}
    Corridors "corridors" { adds_up: true, direction: way(Larger, Beneficiaries, GIVEN) }
    Aid "aid" {
        facet: Some(Facet::What),
        identifies: true,
        direction: way(Wider, Beneficiaries, GIVEN),
    }
    Width "width" { direction: way(Larger, Beneficiaries, GIVEN) }
    Services "services" {
        facet: Some(Facet::What),
        identifies: true,
        direction: way(Wider, Beneficiaries, GIVEN),
    }
    Forces "forces" { facet: Some(Facet::Who), identifies: true }
    Checkpoints "checkpoints" { facet: Some(Facet::What) }
    ArmedBy "armed_by" {}
    With "with" {}
    Barred "barred" { facet: Some(Facet::Who), identifies: true }
    Road "road" { facet: Some(Facet::What), identifies: true }
    OpenTo "open_to" { facet: Some(Facet::Who), identifies: true }
    ProtectedBy "protected_by" {
        guarantee: Some(Guarantee::Oversight),
        direction: way(Present, Beneficiaries, ANSWERS),
    }
    Institutions "institutions" { facet: Some(Facet::What), identifies: true }
    Depth "depth" { direction: way(Larger, Beneficiaries, GIVEN) }
    Line "line" { facet: Some(Facet::Where) }
    AsOf "as_of" {}
    Positions "positions" { facet: Some(Facet::What), identifies: true }
    Crossing "crossing" { facet: Some(Facet::Where), identifies: true }
    Flag "flag" {}
    Office "office" { facet: Some(Facet::What), identifies: true }
    Observers "observers" {
        guarantee: Some(Guarantee::Oversight),
        direction: way(Present, Beneficiaries, ANSWERS),
    }
    Maps "maps" { facet: Some(Facet::What), identifies: true, direction: way(Wider, Beneficiaries, GIVEN) }
    Measures "measures" {
        facet: Some(Facet::What),
        identifies: true,
        direction: way(Wider, Beneficiaries, GIVEN),
    }
    Works "works" {
        facet: Some(Facet::What),
        identifies: true,
        direction: way(Wider, Beneficiaries, GIVEN),
    }
    Losses "losses" { facet: Some(Facet::What), identifies: true }
    From "from" {
        facet: Some(Facet::What),
        identifies: true,
        direction: way(Wider, Beneficiaries, GIVEN),
    }
    Across "across" { direction: way(Wider, Beneficiaries, GIVEN) }
    Into "into" { facet: Some(Facet::What), identifies: true }
    Joins "joins" { facet: Some(Facet::What), identifies: true }
    Members "members" { facet: Some(Facet::Who), identifies: true }
    Tasks "tasks" {}
    ReportsTo "reports_to" {
        guarantee: Some(Guarantee::Procedure),
        direction: way(Present, Beneficiaries, KEPT),
    }
    Forum "forum" { facet: Some(Facet::What), identifies: true }
    Covers "covers" { identifies: true }
    Consequence "consequence" {
        guarantee: Some(Guarantee::Procedure),
        direction: way(Present, Beneficiaries, KEPT),
    }
    ExtendedUntil "extended_until" { timing: event("extended until") }
    Renewal "renewal" {
        direction: way(Measure::Longer { absent_is_unbounded: false }, Beneficiaries, "the clause lasts longer"),
    }
    Notice "notice" {
        direction: way(Measure::Longer { absent_is_unbounded: false }, Beneficiaries, "more warning before it ends"),
    }
    Effective "effective" { timing: event("takes effect") }
    Against "against" { facet: Some(Facet::Who), identifies: true }
    Issued "issued" { timing: Some(Timing { event: "issued", term: false }) }
    Else "else" {}
    Place "place" { facet: Some(Facet::Where), identifies: true }
    MovedFrom "moved_from" {}
    Subject "subject" { facet: Some(Facet::What), identifies: true }
}

impl Key {
    /// What the language knows of this key.
    pub fn info(self) -> &'static KeyInfo {
        &KEYS[self as usize]
    }

    /// The key as the language spells it.
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// Whether the attribute states a term of the agreement.
    pub fn is_term(self) -> bool {
        self.info().term
    }

    pub fn guarantee(self) -> Option<Guarantee> {
        self.info().guarantee
    }

    pub fn timing(self) -> Option<Timing> {
        self.info().timing
    }

    pub fn wait(self) -> Option<Wait> {
        self.info().wait
    }

    pub fn direction(self) -> Option<Direction> {
        self.info().direction
    }

    pub fn facet(self) -> Option<Facet> {
        self.info().facet
    }

    /// Whether clauses that differ in this key speak of different things.
    pub fn identifies(self) -> bool {
        self.info().identifies
    }

    /// Whether values in different clauses add up rather than compete.
    pub fn adds_up(self) -> bool {
        self.info().adds_up
    }

    /// The keys that put a date on the timeline, in table order.
    pub fn timed() -> impl Iterator<Item = Key> {
        Key::ALL
            .iter()
            .copied()
            .filter(|key| key.timing().is_some())
    }

    /// The keys by which a clause waits on others (`after`, `if`,
    /// `in_exchange_for`), in table order.
    pub fn waiting() -> impl Iterator<Item = Key> {
        Key::ALL.iter().copied().filter(|key| key.wait().is_some())
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl serde::Serialize for Key {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> serde::Deserialize<'de> for Key {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Key, D::Error> {
        let name = std::borrow::Cow::<str>::deserialize(deserializer)?;
        Key::from_name(&name)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown attribute `{name}`")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_follows_the_enum_and_names_are_unique() {
        assert_eq!(KEYS.len(), Key::ALL.len());
        for (index, key) in Key::ALL.iter().enumerate() {
            assert_eq!(*key as usize, index);
            assert_eq!(Key::from_name(key.name()), Some(*key));
        }
        assert_eq!(Key::from_name("no_such_key"), None);
    }

    #[test]
    fn waiting_keys_come_in_the_order_rules_report_them() {
        let waiting: Vec<Key> = Key::waiting().collect();
        assert_eq!(
            waiting,
            [Key::After, Key::If, Key::InExchangeFor, Key::InParallelWith]
        );
    }
}
