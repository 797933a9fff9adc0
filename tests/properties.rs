//! Properties over generated input (proptest):
//! - a generated syntax tree, printed in a random layout and parsed, is the same
//!   tree; formatting it keeps the tree and is idempotent;
//! - a generated model exports to JSON, reads back, and exports again identically;
//! - the checker never panics on any generated model, well typed or not.

use std::fmt::Write as _;

use proptest::prelude::*;
use proptest::sample::select;

use truce::model::{
    Actor, Allow, Anchor, AnchorPoint, AttributeValue, Backer, Bound, Citation, Clause, Comparison,
    Corpus, Count, Deadline, Demand, Distance, Document, Duration, DurationRange, Event, KnownFrom,
    Limit, Link, Party, Place, PlaceRef, Point, Precision, Ratio, Requirement, RequirementMode,
    Requirements, Side, StatusEntry, Strength, TimeUnit, Unit, Value, Weapon, When, Whole,
};
use truce::source::{SourceFile, Sources, Span, Spanned};
use truce::syntax::{self, AtomKind, SyntaxFile};
use truce::text::Text;
use truce::vocabulary::{self, ClauseKind, Evidence, Outcome, Relation, Role, Status, ValueType};

// Syntax trees.

/// An atom as generated: its kind, and how to spell it.
#[derive(Clone, Debug)]
enum GenAtom {
    Word(String),
    /// The decoded text and its escaped spelling.
    Text(String, String),
    Number(String),
    Date(String),
    DateTime(String),
    Comma,
}

#[derive(Clone, Debug)]
struct GenStatement {
    atoms: Vec<GenAtom>,
    block: Option<Vec<GenStatement>>,
}

/// The shape both trees are compared in: no spans.
#[derive(Debug, PartialEq)]
enum Shape {
    Statement(Vec<String>, Option<Vec<Shape>>),
}

fn word() -> impl Strategy<Value = String> {
    "[a-zA-Z_][a-zA-Z0-9_-]{0,8}(\\.[a-z_][a-z0-9_]{0,5}){0,2}"
}

fn text_atom() -> impl Strategy<Value = GenAtom> {
    let piece = prop_oneof![
        6 => "[a-zA-Z0-9 ,.;{}#'’“”é-]{1,6}".prop_map(|s| (s.clone(), s)),
        1 => Just(("\"".to_string(), "\\\"".to_string())),
        1 => Just(("\\".to_string(), "\\\\".to_string())),
        1 => Just(("\n".to_string(), "\\n".to_string())),
        1 => Just(("\n".to_string(), "\n".to_string())),
        1 => Just(("\t".to_string(), "\\t".to_string())),
    ];
    prop::collection::vec(piece, 0..6).prop_map(|pieces| {
        let text: String = pieces.iter().map(|(text, _)| text.as_str()).collect();
        let spelled: String = pieces.iter().map(|(_, spelled)| spelled.as_str()).collect();
        GenAtom::Text(text, format!("\"{spelled}\""))
    })
}

fn atom() -> impl Strategy<Value = GenAtom> {
    prop_oneof![
        6 => word().prop_map(GenAtom::Word),
        3 => text_atom(),
        2 => "[0-9][0-9_]{0,5}(\\.[0-9]{1,3})?".prop_map(GenAtom::Number),
        1 => "[0-9]{4}-[0-9]{2}(-[0-9]{2})?".prop_map(GenAtom::Date),
        1 => "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?(Z|[+-][0-9]{2}:[0-9]{2})?(\\[[A-Za-z_]{1,8}(/[A-Za-z_]{1,8})?\\])?"
            .prop_map(GenAtom::DateTime),
        2 => Just(GenAtom::Comma),
    ]
}

/// A statement's atoms: a word first, and no comma last (a trailing comma
/// continues the statement on the next line).
fn head() -> impl Strategy<Value = Vec<GenAtom>> {
    (word(), prop::collection::vec(atom(), 0..6)).prop_map(|(first, mut atoms)| {
        while matches!(atoms.last(), Some(GenAtom::Comma)) {
            atoms.pop();
        }
        atoms.insert(0, GenAtom::Word(first));
        atoms
    })
}

fn statement() -> impl Strategy<Value = GenStatement> {
    let leaf = head().prop_map(|atoms| GenStatement { atoms, block: None });
    leaf.prop_recursive(4, 40, 6, move |inner| {
        (head(), prop::option::of(prop::collection::vec(inner, 0..5)))
            .prop_map(|(atoms, block)| GenStatement { atoms, block })
    })
}

/// Random layout choices, drawn from as the text is written.
struct Layout {
    choices: Vec<u8>,
    next: usize,
}

impl Layout {
    fn pick(&mut self, count: u8) -> u8 {
        let choice = self.choices.get(self.next).copied().unwrap_or(0);
        self.next += 1;
        choice % count
    }
}

fn spell(atom: &GenAtom) -> &str {
    match atom {
        GenAtom::Word(text)
        | GenAtom::Number(text)
        | GenAtom::Date(text)
        | GenAtom::DateTime(text)
        | GenAtom::Text(_, text) => text,
        GenAtom::Comma => ",",
    }
}

fn write_statements(out: &mut String, statements: &[GenStatement], layout: &mut Layout) {
    for statement in statements {
        match layout.pick(4) {
            0 => out.push_str("\n  "),
            1 => out.push_str("\n\n\t# a comment\n"),
            2 => out.push_str(" ; "),
            _ => out.push('\n'),
        }
        for (index, atom) in statement.atoms.iter().enumerate() {
            let after_comma = index > 0 && matches!(statement.atoms[index - 1], GenAtom::Comma);
            if index > 0 {
                match layout.pick(5) {
                    0 if after_comma => out.push_str(" # in a list\n    "),
                    1 if after_comma => out.push_str("\n\n"),
                    2 => out.push_str("\t "),
                    3 if !matches!(atom, GenAtom::Comma) => out.push_str("  "),
                    _ => out.push(' '),
                }
            }
            out.push_str(spell(atom));
        }
        if let Some(block) = &statement.block {
            out.push_str(if layout.pick(2) == 0 {
                " {"
            } else {
                "{ # open\n"
            });
            write_statements(out, block, layout);
            out.push_str(if layout.pick(2) == 0 {
                "\n}"
            } else {
                " } # close\n"
            });
        }
        if layout.pick(3) == 0 {
            out.push_str(" # end of line\n");
        }
    }
    out.push('\n');
}

fn expected_shape(statements: &[GenStatement]) -> Vec<Shape> {
    statements
        .iter()
        .map(|statement| {
            let atoms = statement
                .atoms
                .iter()
                .map(|atom| match atom {
                    GenAtom::Word(text) => format!("word {text}"),
                    GenAtom::Text(text, _) => format!("text {text:?}"),
                    GenAtom::Number(text) => format!("number {text}"),
                    GenAtom::Date(text) => format!("date {text}"),
                    GenAtom::DateTime(text) => format!("datetime {text}"),
                    GenAtom::Comma => ",".to_string(),
                })
                .collect();
            Shape::Statement(atoms, statement.block.as_deref().map(expected_shape))
        })
        .collect()
}

fn parsed_shape(statements: &[syntax::Statement]) -> Vec<Shape> {
    statements
        .iter()
        .map(|statement| {
            let atoms = statement
                .atoms
                .iter()
                .map(|atom| match &atom.kind {
                    AtomKind::Word(text) => format!("word {text}"),
                    AtomKind::Text(text) => format!("text {text:?}"),
                    AtomKind::Number { text, .. } => format!("number {text}"),
                    AtomKind::Date(text) => format!("date {text}"),
                    AtomKind::DateTime(text) => format!("datetime {text}"),
                    AtomKind::Comma => ",".to_string(),
                })
                .collect();
            let block = statement
                .block
                .as_ref()
                .map(|block| parsed_shape(&block.statements));
            Shape::Statement(atoms, block)
        })
        .collect()
}

fn parse_clean(text: &str) -> SyntaxFile<'_> {
    let (tree, errors) = syntax::parse(0, text);
    assert!(errors.is_empty(), "{errors:?}\n--- in\n{text}");
    tree
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn printed_trees_parse_back_and_format_idempotently(
        statements in prop::collection::vec(statement(), 0..6),
        choices in prop::collection::vec(any::<u8>(), 200),
    ) {
        let mut text = String::new();
        write_statements(&mut text, &statements, &mut Layout { choices, next: 0 });
        let tree = parse_clean(&text);
        let expected = expected_shape(&statements);
        prop_assert_eq!(&parsed_shape(&tree.statements), &expected, "in {:?}", text);

        let formatted = match truce::format::format(0, &text) {
            Ok(formatted) => formatted,
            Err(error) => panic!("{error:?}\n--- in\n{text}"),
        };
        let again = parse_clean(&formatted);
        prop_assert_eq!(&parsed_shape(&again.statements), &expected);
        prop_assert_eq!(again.comments.len(), tree.comments.len());
        let twice = truce::format::format(0, &formatted).expect("formatted text formats");
        prop_assert_eq!(twice, formatted);
    }
}

// Models.

const DOCUMENTS: &[&str] = &["cairo_2017", "october_2017", "ten_item_2018"];
const PARTIES: &[&str] = &["regime", "factions", "russia", "un"];
const UNITS: &[&str] = &["regime.army", "regime.security", "factions.brigade"];
const PLACES: &[&str] = &["homs", "north_homs", "old_homs"];
const NUMBERS: &[&str] = &["1", "2", "3", "7b"];
const SOURCES: &[&str] = &["s001", "s002"];
const FILES: u32 = 3;

fn span() -> impl Strategy<Value = Span> {
    (0..FILES, 0usize..2000, 0usize..80)
        .prop_map(|(file, start, length)| Span::new(file, start, start + length))
}

fn spanned<T: std::fmt::Debug + Clone>(
    value: impl Strategy<Value = T>,
) -> impl Strategy<Value = Spanned<T>> {
    (value, span()).prop_map(|(value, span)| Spanned::new(value, span))
}

/// Mostly a name from the pool, so that references resolve; sometimes not.
fn name(pool: &'static [&'static str]) -> impl Strategy<Value = Text> + Clone {
    prop_oneof![
        8 => select(pool).prop_map(Text::from),
        1 => "[a-z_]{1,8}".prop_map(Text::from),
    ]
}

fn free_text() -> impl Strategy<Value = Text> + Clone {
    "[a-zA-Z0-9 ,.'’é\"\\\\\n-]{0,24}".prop_map(Text::from)
}

fn spanned_names(pool: &'static [&'static str]) -> impl Strategy<Value = Vec<Spanned<Text>>> {
    prop::collection::vec(spanned(name(pool)), 0..3)
}

fn when() -> impl Strategy<Value = When> {
    (
        1990i16..2040,
        1i8..=12,
        1i8..=28,
        0i8..24,
        0i8..60,
        select(&[Precision::Month, Precision::Day, Precision::Minute][..]),
        prop::option::of(select(&["Asia/Damascus", "UTC", "+03:00"][..])),
    )
        .prop_map(|(year, month, day, hour, minute, precision, zone)| {
            let start = jiff::civil::datetime(year, month, day, hour, minute, 0, 0);
            let length = match precision {
                Precision::Month => jiff::Span::new().months(1),
                Precision::Day => jiff::Span::new().days(1),
                Precision::Minute => jiff::Span::new().minutes(1),
            };
            When {
                text: start.to_string().into(),
                start,
                end: start.checked_add(length).unwrap_or(start),
                precision,
                zone: zone.map(Text::from),
            }
        })
}

fn duration() -> impl Strategy<Value = Duration> {
    // Within the limits of every unit (a thousand years at most).
    (
        0i64..=1000,
        select(
            &[
                TimeUnit::Hours,
                TimeUnit::Days,
                TimeUnit::Weeks,
                TimeUnit::Months,
                TimeUnit::Years,
            ][..],
        ),
    )
        .prop_map(|(amount, unit)| Duration { amount, unit })
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![(0u32..100_000).prop_map(f64::from), -1.0e9f64..1.0e9,]
}

/// A number a count can hold, as the resolver reads them: from 0 up.
fn count_number() -> impl Strategy<Value = f64> {
    prop_oneof![(0u32..100_000).prop_map(f64::from), 0.0f64..1.0e9,]
}

fn count() -> impl Strategy<Value = Count> {
    let whole = prop::option::of(select(&[Whole::All, Whole::AllForAll]));
    (
        prop::option::of(count_number()),
        prop::option::of(count_number()),
        any::<bool>(),
        whole,
        prop::collection::vec("[a-z]{1,8}", 0..3),
    )
        .prop_map(|(min, max, approximate, whole, what)| {
            // A range runs from the lower number.
            let (min, max) = match (min, max) {
                (Some(a), Some(b)) if b < a => (Some(b), Some(a)),
                other => other,
            };
            Count {
                // A count is a number or everyone, never both.
                min: if whole.is_some() { None } else { min },
                max: if whole.is_some() { None } else { max },
                approximate,
                whole,
                what: what.into_iter().map(Text::from).collect(),
            }
        })
}

fn weapons() -> impl Strategy<Value = Vec<Weapon>> {
    prop::collection::vec(
        (
            prop::option::of(select(vocabulary::WEAPON_QUANTIFIERS)),
            select(vocabulary::WEAPON_CLASSES),
        )
            .prop_map(|(quantifier, class)| Weapon {
                quantifier: quantifier.map(Text::from),
                class: class.into(),
            }),
        0..3,
    )
}

fn distance() -> impl Strategy<Value = Distance> {
    let limit = select(&[Limit::Exact, Limit::AtLeast, Limit::AtMost]);
    // As the language reads them: a range only of exact distances, nearer end first.
    (number(), prop::option::of(number()), limit, weapons()).prop_map(
        |(metres, far, limit, weapons)| Distance {
            metres: metres.abs(),
            to_metres: far
                .filter(|_| limit == Limit::Exact)
                .map(|far| metres.abs() + far.abs()),
            limit,
            weapons,
        },
    )
}

fn place_ref() -> impl Strategy<Value = PlaceRef> {
    prop_oneof![
        4 => name(PLACES).prop_map(PlaceRef::Declared),
        1 => free_text().prop_map(PlaceRef::Described),
    ]
}

fn actor() -> impl Strategy<Value = Actor> {
    prop_oneof![
        4 => prop_oneof![name(PARTIES), name(UNITS)].prop_map(Actor::Party),
        2 => select(vocabulary::GROUPS).prop_map(|group| Actor::Group(group.into())),
        1 => free_text().prop_map(Actor::Described),
    ]
}

fn deadline() -> impl Strategy<Value = Deadline> {
    let anchor = prop_oneof![
        Just(Anchor::Signing),
        (
            spanned(name(NUMBERS)),
            prop::option::of(select(&[AnchorPoint::Starts, AnchorPoint::Ends][..]))
        )
            .prop_map(|(number, point)| Anchor::Clause { number, point }),
    ];
    prop_oneof![
        when().prop_map(|when| Deadline::At { when }),
        Just(Deadline::Immediate),
        (duration(), anchor).prop_map(|(offset, anchor)| Deadline::Relative { offset, anchor }),
        when().prop_map(|when| Deadline::NoLaterThan { when }),
    ]
}

/// A value of the type an attribute takes.
fn value_of(value_type: ValueType) -> BoxedStrategy<Value> {
    let words = |pool: &'static [&'static str]| {
        prop::collection::vec(spanned(select(pool).prop_map(Text::from)), 1..3)
            .prop_map(|list| Value::Words(list.into()))
            .boxed()
    };
    match value_type {
        ValueType::Text => free_text().prop_map(Value::Text).boxed(),
        ValueType::Parties => {
            prop::collection::vec(spanned(prop_oneof![name(PARTIES), name(UNITS)]), 0..3)
                .prop_map(|list| Value::Parties(list.into()))
                .boxed()
        }
        ValueType::Places => prop::collection::vec(spanned(place_ref()), 0..3)
            .prop_map(|list| Value::Places(list.into()))
            .boxed(),
        ValueType::Actors => prop::collection::vec(spanned(actor()), 0..3)
            .prop_map(|list| Value::Actors(list.into()))
            .boxed(),
        ValueType::When => when()
            .prop_map(|value| Value::When(Box::new(value)))
            .boxed(),
        ValueType::Deadline => deadline()
            .prop_map(|value| Value::Deadline(Box::new(value)))
            .boxed(),
        ValueType::Duration => (duration(), prop::option::of(duration()))
            .prop_map(|(min, max)| {
                // A range runs from the shorter duration.
                let (min, max) = match max {
                    Some(max) if max.approximate_hours() < min.approximate_hours() => {
                        (max, Some(min))
                    }
                    other => (min, other),
                };
                Value::Duration(Box::new(DurationRange { min, max }))
            })
            .boxed(),
        ValueType::Count => count()
            .prop_map(|value| Value::Count(Box::new(value)))
            .boxed(),
        ValueType::Ages => (0u32..=150, 0u32..=150)
            .prop_map(|(a, b)| Value::Ages {
                min: a.min(b),
                max: a.max(b),
            })
            .boxed(),
        ValueType::Ratio => (count(), count())
            .prop_map(|(numerator, denominator)| {
                Value::Ratio(Box::new(Ratio {
                    numerator,
                    denominator,
                }))
            })
            .boxed(),
        ValueType::Distance => distance()
            .prop_map(|value| Value::Distance(Box::new(value)))
            .boxed(),
        ValueType::Weapons => weapons()
            .prop_map(|list| Value::Weapons(list.into()))
            .boxed(),
        ValueType::Strength => select(
            &[
                Strength::Intent,
                Strength::Review,
                Strength::Pledge,
                Strength::Binding,
            ][..],
        )
        .prop_map(Value::Strength)
        .boxed(),
        ValueType::Clauses => spanned_names(NUMBERS)
            .prop_map(|list| Value::Clauses(list.into()))
            .boxed(),
        ValueType::Words(pool) => words(pool),
        ValueType::Labels => spanned_names(SOURCES)
            .prop_map(|list| Value::Words(list.into()))
            .boxed(),
        ValueType::Keys => words(&["deadline", "by", "monitor", "guarantor", "destination"]),
    }
}

/// Values the resolver never makes, but rules must survive anyway.
fn wild_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        (0u32..1000, 0u32..1000).prop_map(|(min, max)| Value::Ages { min, max }),
        (-1000i64..0).prop_map(|amount| Value::Duration(Box::new(DurationRange {
            min: Duration {
                amount,
                unit: TimeUnit::Days,
            },
            max: None,
        }))),
        Just(Value::Parties(Default::default())),
        (when(), when()).prop_map(|(a, b)| Value::When(Box::new(When {
            start: a.end.max(b.end),
            end: a.start.min(b.start),
            ..a
        }))),
        Just(Value::Count(Box::new(Count {
            min: None,
            max: None,
            approximate: true,
            whole: None,
            what: Vec::new(),
        }))),
    ]
}

/// Any value at all, whatever its key.
fn any_value() -> impl Strategy<Value = Value> {
    select(
        vocabulary::COMMON_ATTRIBUTES
            .iter()
            .chain(
                vocabulary::CLAUSE_KINDS
                    .iter()
                    .flat_map(|kind| kind.attributes),
            )
            .map(|attribute| attribute.value)
            .collect::<Vec<_>>(),
    )
    .prop_flat_map(value_of)
}

fn clause_kind() -> impl Strategy<Value = &'static ClauseKind> {
    select(vocabulary::CLAUSE_KINDS.to_vec())
}

/// An attribute of `kind`, with a value of its type, or (when `typed` is false)
/// sometimes any value.
fn attribute(kind: &'static ClauseKind, typed: bool) -> impl Strategy<Value = AttributeValue> {
    let attributes: Vec<_> = vocabulary::COMMON_ATTRIBUTES
        .iter()
        .chain(kind.attributes)
        .collect();
    select(attributes).prop_flat_map(move |attribute| {
        let value = if typed {
            value_of(attribute.value)
        } else {
            prop_oneof![6 => value_of(attribute.value), 2 => any_value(), 1 => wild_value()].boxed()
        };
        (value, span(), spanned_names(SOURCES)).prop_map(move |(value, span, source)| {
            AttributeValue {
                key: attribute.key,
                value,
                span,
                source: source.into(),
            }
        })
    })
}

fn clause(recital: bool, typed: bool) -> impl Strategy<Value = Clause> {
    (clause_kind(), span()).prop_flat_map(move |(kind, kind_span)| {
        (
            prop::option::of(spanned(name(NUMBERS))),
            prop::collection::vec(attribute(kind, typed), 0..6),
            // As the resolver keeps them: a start and an end, each at most
            // once (a written deadline is read from the end).
            (prop::option::of(when()), prop::option::of(when())).prop_map(|(start, end)| {
                let start = start.map(|when| (Point::Start, when));
                let end = end.map(|when| (Point::End, when));
                start.into_iter().chain(end).collect::<Vec<_>>()
            }),
            span(),
            allows(),
        )
            .prop_map(move |(number, attributes, resolved, span, allows)| Clause {
                number,
                kind: Spanned::new(kind, kind_span),
                recital,
                attributes,
                resolved: resolved.into(),
                source: Default::default(),
                span,
                allows: allows.into(),
            })
    })
}

fn party() -> impl Strategy<Value = Party> {
    (
        spanned(name(PARTIES)),
        prop::option::of(spanned(free_text())),
        prop::option::of(spanned(select(
            &[Side::Government, Side::Opposition, Side::Third][..],
        ))),
        prop::option::of(spanned(name(PARTIES))),
        prop::collection::vec(spanned(select(Role::ALL)), 0..3),
        prop::collection::vec(spanned(place_ref()), 0..2),
        (
            spanned_names(PARTIES),
            prop::option::of(spanned(name(PLACES))),
        ),
        spanned_names(SOURCES),
        span(),
    )
        .prop_map(
            |(
                id,
                name,
                side,
                aligned,
                roles,
                represents,
                (on_behalf_of, territory),
                source,
                span,
            )| {
                Party {
                    id,
                    name,
                    side,
                    aligned: aligned.map(Box::new),
                    roles: roles.into(),
                    represents: represents.into(),
                    on_behalf_of: on_behalf_of.into(),
                    territory: territory.map(Box::new),
                    source: source.into(),
                    span,
                }
            },
        )
}

fn place() -> impl Strategy<Value = Place> {
    (
        spanned(name(PLACES)),
        prop::option::of(spanned(free_text())),
        prop::option::of(spanned(
            select(vocabulary::PLACE_KINDS).prop_map(Text::from),
        )),
        prop::option::of(spanned(name(PLACES))),
        spanned_names(PARTIES),
        span(),
    )
        .prop_map(|(id, name, kind, within, besieged_by, span)| Place {
            id,
            name,
            kind,
            within,
            besieged_by: besieged_by.into(),
            span,
        })
}

fn unit() -> impl Strategy<Value = Unit> {
    (
        spanned(name(UNITS)),
        prop::option::of(spanned(free_text())),
        prop_oneof![name(PARTIES), name(UNITS)],
    )
        .prop_map(|(path, name, parent)| Unit {
            path,
            name: name.map(Box::new),
            parent,
        })
}

const RULES: &[&str] = &["no-guarantor", "Weak-Commitment", "term-deferred"];

/// `allow RULE "reason"`: mostly a rule id, sometimes a word that names none.
fn allows() -> impl Strategy<Value = Vec<Allow>> {
    prop::collection::vec(
        (spanned(name(RULES)), spanned(free_text()), span())
            .prop_map(|(rule, reason, span)| Allow { rule, reason, span }),
        0..2,
    )
}

fn backer() -> impl Strategy<Value = Backer> {
    (spanned(name(PARTIES)), spanned_names(SOURCES))
        .prop_map(|(party, source)| Backer { party, source })
}

fn status() -> impl Strategy<Value = StatusEntry> {
    (
        spanned(select(Status::ALL)),
        prop::option::of(spanned(when())),
        spanned_names(PARTIES),
        spanned_names(SOURCES),
        span(),
    )
        .prop_map(|(status, on, by, source, span)| StatusEntry {
            status,
            on,
            by: by.into(),
            source: source.into(),
            span,
        })
}

fn known_from() -> impl Strategy<Value = KnownFrom> {
    (spanned(select(Evidence::ALL)), spanned_names(SOURCES))
        .prop_map(|(evidence, source)| KnownFrom { evidence, source })
}

fn event() -> impl Strategy<Value = Event> {
    (
        spanned(select(Outcome::ALL)),
        prop::option::of(spanned(when())),
        prop::collection::vec(spanned(actor()), 0..2),
        spanned_names(NUMBERS),
        prop::option::of(spanned(count())),
        (
            prop::collection::vec(spanned(free_text()), 0..2),
            prop::collection::vec(spanned(free_text()), 0..2),
        ),
        spanned_names(SOURCES),
        span(),
    )
        .prop_map(
            |(outcome, on, by, clauses, count, (texts, notes), source, span)| Event {
                outcome,
                on,
                by,
                clauses,
                count,
                texts,
                notes,
                source,
                span,
            },
        )
}

fn document(typed: bool) -> impl Strategy<Value = Document> {
    let header = (
        spanned(name(DOCUMENTS)),
        span(),
        prop::option::of(spanned(free_text())),
        prop::option::of(spanned(when())),
        prop::option::of(spanned(place_ref())),
        prop::collection::vec(status(), 0..3),
        prop::collection::vec(
            (
                spanned(name(SOURCES)),
                prop::option::of(spanned(free_text())),
                prop::option::of(spanned(free_text())),
            )
                .prop_map(|(id, description, file)| Citation {
                    id,
                    description,
                    file,
                }),
            0..2,
        ),
        prop::collection::vec(
            (spanned(select(Relation::ALL)), spanned(name(DOCUMENTS)))
                .prop_map(|(relation, target)| Link { relation, target }),
            0..2,
        ),
    );
    let declarations = (
        prop::collection::vec(place(), 0..4),
        prop::collection::vec(party(), 0..4),
        prop::collection::vec(unit(), 0..3),
        prop::collection::vec(backer(), 0..2),
        prop::collection::vec(backer(), 0..2),
        prop::collection::vec(spanned(free_text()), 0..2),
        prop::collection::vec(spanned(free_text()), 0..2),
    );
    let clauses = (
        prop::collection::vec(clause(true, typed), 0..2),
        prop::collection::vec(clause(false, typed), 0..6),
    );
    let history = (
        prop::collection::vec(known_from(), 0..2),
        prop::option::of(spanned(deadline())),
        prop::collection::vec(event(), 0..2),
        prop::option::of(spanned(1u32..100_000)),
        allows(),
    );
    (header, declarations, clauses, history).prop_map(
        |(
            (id, span, title, date, region, statuses, sources, links),
            (places, parties, units, guarantors, monitors, notes, texts),
            (recitals, clauses),
            (known_from, in_force, events, pax, allows),
        )| Document {
            id,
            span,
            title,
            date,
            region,
            pax,
            statuses: statuses.into(),
            sources: sources.into(),
            links: links.into(),
            places: places.into(),
            parties: parties.into(),
            units: units.into(),
            guarantors: guarantors.into(),
            monitors: monitors.into(),
            notes: notes.into(),
            texts: texts.into(),
            known_from: known_from.into(),
            in_force,
            events: events.into(),
            recitals: recitals.into(),
            clauses: clauses.into(),
            allows: allows.into(),
        },
    )
}

fn requirement(typed: bool) -> impl Strategy<Value = Requirement> {
    (
        prop::option::of(clause_kind()),
        spanned(name(&["detainees", "guarantee", "ceasefire"])),
        select(
            &[
                RequirementMode::Require,
                RequirementMode::Forbid,
                RequirementMode::Demand,
            ][..],
        ),
        span(),
    )
        .prop_flat_map(move |(kind, id, mode, kind_span)| {
            let keys: Vec<&'static vocabulary::Attribute> = vocabulary::COMMON_ATTRIBUTES
                .iter()
                .chain(kind.map_or(&[][..], |kind| kind.attributes))
                .collect();
            let key = select(keys);
            let bound = key.clone().prop_flat_map(move |attribute| {
                let value = if typed {
                    value_of(attribute.value)
                } else {
                    any_value().boxed()
                };
                (
                    span(),
                    select(&[Comparison::AtLeast, Comparison::AtMost][..]),
                    value,
                    span(),
                )
                    .prop_map(move |(key, comparison, value, span)| Bound {
                        key: Spanned::new(attribute.key, key),
                        comparison,
                        value,
                        span,
                    })
            });
            let keys = || {
                prop::collection::vec(
                    (key.clone(), span())
                        .prop_map(|(attribute, span)| Spanned::new(attribute.key, span)),
                    0..3,
                )
            };
            (
                prop::option::of(spanned(free_text())),
                (keys(), keys(), keys()),
                prop::collection::vec(bound, 0..2),
                prop::collection::vec(
                    spanned(select(
                        Demand::ALL
                            .iter()
                            .map(|(_, demand)| *demand)
                            .collect::<Vec<_>>(),
                    )),
                    0..2,
                ),
                prop::collection::vec(spanned(free_text()), 0..2),
                span(),
            )
                .prop_map(
                    move |(message, (has, lacks, exact), bounds, demands, texts, span)| {
                        Requirement {
                            id: id.clone(),
                            mode,
                            kind: kind.map(|kind| Spanned::new(kind, kind_span)),
                            message,
                            has,
                            lacks,
                            exact,
                            bounds,
                            demands,
                            texts,
                            notes: Vec::new(),
                            span,
                        }
                    },
                )
        })
}

fn corpus(typed: bool) -> impl Strategy<Value = Corpus> {
    let requirements = (
        document(typed).prop_map(|mut header| {
            header.clauses.clear();
            header.recitals.clear();
            header
        }),
        prop::option::of(spanned(name(PARTIES))),
        prop::collection::vec(requirement(typed), 0..4),
    )
        .prop_map(|(header, owner, items)| Requirements {
            header,
            owner,
            items,
        });
    (
        prop::collection::vec(document(typed), 0..4),
        prop::collection::vec(requirements, 0..2),
    )
        .prop_map(|(documents, requirements)| Corpus {
            documents,
            requirements,
            tests: Vec::new(),
        })
}

fn sources() -> Sources {
    let mut sources = Sources::default();
    for index in 0..FILES {
        // Longer than any generated span reaches (2,080 bytes): import holds
        // spans inside their file's text.
        let mut text = String::new();
        for line in 0..80 {
            let _ = writeln!(text, "line {line} of file {index}: “quoted” text");
        }
        sources.add(SourceFile::new(format!("file{index}.truce"), text));
    }
    sources
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn export_import_export_is_identical(corpus in corpus(true)) {
        let sources = sources();
        let once = truce::interchange::export(&corpus, &sources).expect("exports");
        let mut read = Sources::default();
        let imported = match truce::interchange::import("corpus.json", &once, &mut read) {
            Ok(imported) => imported,
            Err(errors) => panic!("{errors:#?}"),
        };
        let twice = truce::interchange::export(&imported, &read).expect("exports");
        prop_assert_eq!(once, twice);
    }

    #[test]
    fn the_checker_never_panics_on_any_model(corpus in corpus(false)) {
        let findings = truce::rules::check(&corpus);
        let sources = sources();
        let _ = truce::report::text::render(&findings, &corpus, &sources, Default::default());
        let _ = truce::report::json::render(&findings, &[], &corpus, &sources, Default::default());
        for requirements in &corpus.requirements {
            for document in &corpus.documents {
                let _ = truce::redline::evaluate(requirements, document);
            }
        }
    }
}
