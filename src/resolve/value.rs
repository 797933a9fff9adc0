//! Atoms → typed values, driven by the attribute's [`ValueType`]. Each reader
//! consumes what its type understands and leaves the rest, so `deadline 6 months
//! after signing strength pledge` splits where the deadline ends.

use crate::text::Text;
// FxHash: the keys are names from the input, and an offline check has no
// adversary to defend against with SipHash.
use rustc_hash::FxHashSet as HashSet;

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::error_code::ErrorCode;
use crate::model::{
    Actor, Anchor, AnchorPoint, Count, Deadline, Distance, Duration, DurationRange, Limit,
    PlaceRef, Ratio, Strength, TimeUnit, Value, Weapon, When, Whole, is_group,
};
use crate::model_checks::limits::{
    MAX_AGE, MAX_COUNT, MAX_DURATION, ages_in_range, count_in_range, duration_in_range,
    max_duration,
};
use crate::source::{Span, Spanned};
use crate::syntax::{Atom, AtomKind};
use crate::vocabulary::{self, Key, ValueType};

use super::time::{MONTH_QUALIFIERS, read_when};

/// The parties and units a document declares, by which an actor's word is told
/// apart: a declared party (even one named like a group word), else a group word.
/// Whether names refer to declarations is checked on the model
/// ([`crate::model_checks`]), not here.
#[derive(Default)]
pub struct Scope {
    pub parties: HashSet<Text>,
    /// Unit paths: `regime.army`.
    pub units: HashSet<Text>,
}

impl Scope {
    fn is_party(&self, name: &str) -> bool {
        self.parties.contains(name) || self.units.contains(name)
    }
}

/// A cursor over a statement's atoms.
pub struct Cursor<'a> {
    atoms: &'a [Atom<'a>],
    position: usize,
    /// Where "expected more" errors point once the atoms run out.
    end: Span,
}

impl<'a> Cursor<'a> {
    pub fn new(atoms: &'a [Atom<'a>], end: Span) -> Cursor<'a> {
        Cursor {
            atoms,
            position: 0,
            end,
        }
    }

    pub fn peek(&self) -> Option<&'a Atom<'a>> {
        self.atoms.get(self.position)
    }

    pub fn next(&mut self) -> Option<&'a Atom<'a>> {
        let atom = self.atoms.get(self.position);
        self.position += usize::from(atom.is_some());
        atom
    }

    pub fn at_end(&self) -> bool {
        self.position >= self.atoms.len()
    }

    pub fn peek_word(&self) -> Option<&'a str> {
        match self.peek().map(|atom| &atom.kind) {
            Some(AtomKind::Word(word)) => Some(word),
            _ => None,
        }
    }

    /// Consume the word if it is next.
    pub fn eat(&mut self, word: &str) -> bool {
        if self.peek_word() == Some(word) {
            self.position += 1;
            true
        } else {
            false
        }
    }

    fn eat_comma(&mut self) -> bool {
        if matches!(self.peek().map(|atom| &atom.kind), Some(AtomKind::Comma)) {
            self.position += 1;
            true
        } else {
            false
        }
    }

    /// The span of the next atom, or the end of the statement.
    pub fn here(&self) -> Span {
        self.peek().map_or(self.end, |atom| atom.span)
    }

    /// The span from `start` to the last consumed atom.
    pub fn since(&self, start: usize) -> Span {
        let first = self.atoms.get(start).map_or(self.end, |atom| atom.span);
        let last = self
            .position
            .checked_sub(1)
            .and_then(|index| self.atoms.get(index))
            .map_or(first, |atom| atom.span);
        first.to(last)
    }

    pub fn position(&self) -> usize {
        self.position
    }

    /// The bare words from the cursor to the end of the statement, or none when
    /// anything else is among them.
    pub fn words_ahead(&self) -> Vec<Spanned<&'a str>> {
        let rest = self.atoms.get(self.position..).unwrap_or(&[]);
        rest.iter()
            .map(|atom| match atom.kind {
                AtomKind::Word(word) => Some(Spanned::new(word, atom.span)),
                _ => None,
            })
            .collect::<Option<Vec<_>>>()
            .unwrap_or_default()
    }

    /// "expected X, found Y" at the next atom.
    pub fn expected(&self, what: &str) -> Diagnostic {
        let found = self
            .peek()
            .map_or("the end of the statement".to_string(), |atom| {
                atom.kind.describe()
            });
        Diagnostic::new(format!("expected {what}, found {found}"), self.here())
            .code(ErrorCode::UnexpectedToken)
            .expected(what)
    }
}

type Read<T> = Result<T, Diagnostic>;

/// Read one value of `ty`. `stop` says which words start the next attribute, for
/// types that end in free words (counts, ratios).
pub fn read_value(
    cursor: &mut Cursor,
    ty: ValueType,
    scope: &Scope,
    stop: &dyn Fn(&str) -> bool,
) -> Read<Value> {
    Ok(match ty {
        ValueType::Text => Value::Text(read_text(cursor)?),
        ValueType::Parties => Value::Parties(list(cursor, read_party)?),
        ValueType::Places => Value::Places(list(cursor, read_place)?),
        ValueType::Actors => Value::Actors(list(cursor, |c| read_actor(c, scope))?),
        ValueType::When => Value::When(Box::new(read_when_atom(cursor)?)),
        ValueType::Deadline => Value::Deadline(Box::new(read_deadline(cursor)?)),
        ValueType::Duration => Value::Duration(Box::new(read_duration_range(cursor)?)),
        ValueType::Count => Value::Count(Box::new(read_count(cursor, stop, false)?)),
        ValueType::Ages => {
            let min = read_number(cursor, "an age such as 18")?;
            if !cursor.eat("to") {
                return Err(cursor.expected("`to` and the upper age, as in `18 to 42`"));
            }
            let max = read_number(cursor, "an age such as 42")?;
            let whole = |n: f64| (0.0..=f64::from(MAX_AGE)).contains(&n) && n.fract() == 0.0;
            if !whole(min) || !whole(max) || !ages_in_range(min as u32, max as u32) {
                return Err(Diagnostic::new(
                    format!("`{min} to {max}` is not an age range"),
                    cursor.since(cursor.position().saturating_sub(3)),
                )
                .code(ErrorCode::InvalidValue)
                .expected("whole ages, the lower first, as in `18 to 42`"));
            }
            Value::Ages {
                min: min as u32,
                max: max as u32,
            }
        }
        ValueType::Ratio => {
            let numerator = read_count(cursor, &|w| w == "per", true)?;
            if !cursor.eat("per") {
                return Err(
                    cursor.expected("`per`, as in `100 fighters surrender per 200 civilians`")
                );
            }
            let denominator = read_count(cursor, stop, true)?;
            Value::Ratio(Box::new(Ratio {
                numerator,
                denominator,
            }))
        }
        ValueType::Distance => Value::Distance(Box::new(read_distance(cursor)?)),
        ValueType::Weapons => Value::Weapons(list(cursor, read_weapon)?),
        ValueType::Strength => {
            let word = read_word_from(cursor, vocabulary::STRENGTHS, "strength")?;
            Value::Strength(Strength::parse(&word.value).unwrap_or(Strength::Binding))
        }
        ValueType::Clauses => Value::Clauses(list(cursor, read_clause_number)?),
        ValueType::Words(words) => {
            Value::Words(list(cursor, |c| read_word_from(c, words, "word"))?)
        }
        ValueType::Labels => Value::Words(list(cursor, read_label)?),
        ValueType::Keys => Value::Words(list(cursor, read_label)?),
    })
}

/// Items separated by commas.
pub fn list<T, List: FromIterator<T>>(
    cursor: &mut Cursor,
    mut item: impl FnMut(&mut Cursor) -> Read<T>,
) -> Read<List> {
    let first = item(cursor)?;
    if !cursor.eat_comma() {
        // Most lists hold one item: made at its length, with nothing gathered.
        return Ok(std::iter::once(first).collect());
    }
    // Gathered in a Vec, then moved into a list of exactly its length.
    let mut items = vec![first, item(cursor)?];
    while cursor.eat_comma() {
        items.push(item(cursor)?);
    }
    Ok(items.into_iter().collect())
}

pub fn read_text(cursor: &mut Cursor) -> Read<Text> {
    match cursor.peek().map(|atom| &atom.kind) {
        Some(AtomKind::Text(text)) => {
            cursor.next();
            Ok(Text::from(text.as_ref()))
        }
        _ => {
            let words = cursor.words_ahead();
            let error = cursor.expected("a \"quoted string\"");
            Err(match (words.first(), words.last()) {
                (Some(first), Some(last)) => {
                    let text: Vec<&str> = words.iter().map(|word| word.value).collect();
                    let mut error = error.code(ErrorCode::UnquotedName).hint(format!(
                        "write \"{}\": free text goes between straight double quotes",
                        text.join(" ")
                    ));
                    error.span = Some(first.span.to(last.span));
                    error
                }
                _ => error.hint("put the source's words between straight double quotes"),
            })
        }
    }
}

/// A bare word, spanned.
pub fn read_word(cursor: &mut Cursor, what: &str) -> Read<Spanned<Text>> {
    read_word_str(cursor, what).map(|word| Spanned::new(Text::from(word.value), word.span))
}

/// A bare word, spanned, borrowed from the source: for words that are looked up
/// rather than kept.
pub fn read_word_str<'a>(cursor: &mut Cursor<'a>, what: &str) -> Read<Spanned<&'a str>> {
    match cursor.peek() {
        Some(Atom {
            kind: AtomKind::Word(word),
            span,
        }) => {
            cursor.next();
            Ok(Spanned::new(*word, *span))
        }
        _ => Err(cursor.expected(what)),
    }
}

fn read_word_from(cursor: &mut Cursor, allowed: &[&str], what: &str) -> Read<Spanned<Text>> {
    read_word_from_str(cursor, allowed, what)
        .map(|word| Spanned::new(Text::from(word.value), word.span))
}

/// A word from a closed list, borrowed; `what` names the list in messages
/// (`strength`: "unknown strength `revew`"). The list is spelled out in the
/// error only when there is one.
fn read_word_from_str<'a>(
    cursor: &mut Cursor<'a>,
    allowed: &[&str],
    what: &str,
) -> Read<Spanned<&'a str>> {
    let word = match cursor.peek_word() {
        Some(_) => read_word_str(cursor, what)?,
        None => return Err(cursor.expected(&format!("a {what}: {}", allowed.join(", ")))),
    };
    if allowed.contains(&word.value) {
        return Ok(word);
    }
    Err(
        Diagnostic::new(format!("unknown {what} `{}`", word.value), word.span)
            .code(ErrorCode::UnknownWord)
            .expected(format!("one of: {}", allowed.join(", ")))
            .maybe_hint(did_you_mean(word.value, allowed.iter().copied())),
    )
}

fn read_label(cursor: &mut Cursor) -> Read<Spanned<Text>> {
    match cursor.peek() {
        Some(Atom {
            kind: AtomKind::Text(text),
            span,
        }) => {
            cursor.next();
            Ok(Spanned::new(Text::from(text.as_ref()), *span))
        }
        _ => read_word(cursor, "a word or a \"string\""),
    }
}

/// A party or unit path, as written.
pub fn read_party(cursor: &mut Cursor) -> Read<Spanned<Text>> {
    read_word(cursor, "a party, such as `regime` or `regime.army`")
}

/// A quoted description in the source's words, where a place or actor may be
/// described rather than declared; `None` (nothing consumed) for anything else.
pub fn read_description(cursor: &mut Cursor) -> Option<Spanned<Text>> {
    match cursor.peek() {
        Some(Atom {
            kind: AtomKind::Text(text),
            span,
        }) => {
            cursor.next();
            Some(Spanned::new(Text::from(text.as_ref()), *span))
        }
        _ => None,
    }
}

/// A place: a declared id, or a description in quotes.
pub fn read_place(cursor: &mut Cursor) -> Read<Spanned<PlaceRef>> {
    if let Some(words) = read_description(cursor) {
        return Ok(Spanned::new(PlaceRef::Described(words.value), words.span));
    }
    let name = read_word(cursor, "a declared place or a \"description\"")?;
    Ok(Spanned::new(PlaceRef::Declared(name.value), name.span))
}

/// Someone a clause names: a description in quotes, a declared party or unit, a
/// group word, or else a party as written (which the model checks report).
fn read_actor(cursor: &mut Cursor, scope: &Scope) -> Read<Spanned<Actor>> {
    if let Some(words) = read_description(cursor) {
        return Ok(Spanned::new(Actor::Described(words.value), words.span));
    }
    let name = read_word(
        cursor,
        "a party, a group such as `civilians`, or a \"description\"",
    )?;
    if is_group(&name.value) && !scope.is_party(&name.value) {
        return Ok(Spanned::new(Actor::Group(name.value), name.span));
    }
    Ok(Spanned::new(Actor::Party(name.value), name.span))
}

/// A PA-X agreement id: a whole number, as PA-X's `AgtId` column gives it.
pub fn read_pax_id(cursor: &mut Cursor) -> Read<Spanned<u32>> {
    let start = cursor.position();
    let number = read_number(cursor, "a PA-X agreement id (a whole number, such as 1995)")?;
    let span = cursor.since(start);
    if number.fract() != 0.0 || !(1.0..=u32::MAX as f64).contains(&number) {
        return Err(
            Diagnostic::new(format!("`{number}` is no PA-X agreement id"), span)
                .expected("a whole number from 1, PA-X's `AgtId`")
                .hint("write the id PA-X gives the agreement, such as `pax 1995`"),
        );
    }
    Ok(Spanned::new(number as u32, span))
}

fn read_number(cursor: &mut Cursor, what: &str) -> Read<f64> {
    match cursor.peek().map(|atom| &atom.kind) {
        Some(AtomKind::Number { value, .. }) if value.is_finite() => {
            cursor.next();
            Ok(*value)
        }
        _ => Err(cursor.expected(what)),
    }
}

/// A date or date-time, with an optional `early|mid|late` before a month.
pub fn read_when_atom(cursor: &mut Cursor) -> Read<When> {
    let start = cursor.position();
    let qualifier = cursor
        .peek_word()
        .filter(|word| MONTH_QUALIFIERS.contains(word));
    if qualifier.is_some() {
        cursor.next();
    }
    let atom = cursor.peek();
    let text = match atom.map(|atom| &atom.kind) {
        Some(AtomKind::Date(text) | AtomKind::DateTime(text)) => text,
        _ => {
            return Err(cursor
                .expected("a date such as 2018-05-01, a month such as 2017-08, or a date-time such as 2018-05-03T12:00[Asia/Damascus]"));
        }
    };
    cursor.next();
    read_when(text, qualifier).map_err(|message| {
        Diagnostic::new(
            format!("invalid date `{text}`: {message}"),
            cursor.since(start),
        )
        .code(ErrorCode::InvalidDate)
        .expected("a real calendar date, such as 2018-02-28")
        .hint("check the day and month against the source")
    })
}

fn read_duration(cursor: &mut Cursor) -> Read<Duration> {
    let start = cursor.position();
    let amount = read_number(cursor, "a duration such as `6 months`")?;
    let unit = cursor.peek_word().and_then(TimeUnit::parse);
    let Some(unit) = unit else {
        return Err(cursor
            .expected("a unit of time: hours, days, weeks, months or years")
            .maybe_hint(
                cursor
                    .peek_word()
                    .and_then(|w| did_you_mean(w, ["hours", "days", "weeks", "months", "years"])),
            ));
    };
    cursor.next();
    if amount.fract() != 0.0 {
        return Err(
            Diagnostic::new("a duration needs a whole number", cursor.since(start))
                .code(ErrorCode::InvalidValue)
                .expected("a whole number of units, such as `36 hours`"),
        );
    }
    // Within the limits once whole (`as` saturates; the range check on the
    // integer is the limits' own).
    if !duration_in_range(amount as i64, unit) {
        return Err(Diagnostic::new(
            format!("a duration of {amount} {} is out of range", unit.name()),
            cursor.since(start),
        )
        .code(ErrorCode::InvalidValue)
        .expected(format!(
            "a whole number of {} from 0 to {}",
            unit.name(),
            max_duration(unit)
        )));
    }
    Ok(Duration {
        amount: amount as i64,
        unit,
    })
}

fn read_duration_range(cursor: &mut Cursor) -> Read<DurationRange> {
    let start = cursor.position();
    let min = read_duration(cursor)?;
    let max = if cursor.eat("to") {
        let max = read_duration(cursor)?;
        if max.approximate_hours() < min.approximate_hours() {
            return Err(Diagnostic::new(
                format!("`{min} to {max}` runs backwards"),
                cursor.since(start),
            )
            .code(ErrorCode::InvalidValue)
            .expected("a range with the shorter duration first, as in `6 months to 2 years`"));
        }
        Some(max)
    } else {
        None
    };
    Ok(DurationRange { min, max })
}

/// `immediate`, a date, `within N unit of ANCHOR`, `N unit after ANCHOR`,
/// `day N after ANCHOR`.
pub fn read_deadline(cursor: &mut Cursor) -> Read<Deadline> {
    if cursor.eat("immediate") {
        return Ok(Deadline::Immediate);
    }
    if cursor.eat("no") {
        if !cursor.eat("later") || !cursor.eat("than") {
            return Err(cursor.expected("`later than`, as in `no later than 2018-05-05`"));
        }
        return Ok(Deadline::NoLaterThan {
            when: read_when_atom(cursor)?,
        });
    }
    if cursor.eat("within") {
        let offset = read_duration(cursor)?;
        if !cursor.eat("of") && !cursor.eat("after") {
            return Err(cursor.expected("`of`, as in `within 14 days of signing`"));
        }
        let anchor = read_anchor(cursor)?;
        return Ok(Deadline::Relative { offset, anchor });
    }
    if cursor.eat("day") {
        let start = cursor.position() - 1;
        let day = read_number(cursor, "a day number, as in `day 5 after clause 2`")?;
        // A day number is a duration in days, with its limit.
        if day.fract() != 0.0 {
            return Err(Diagnostic::new(
                format!("day {day} is not a whole day"),
                cursor.since(start),
            )
            .code(ErrorCode::InvalidValue)
            .expected("a whole day number, as in `day 5 after clause 2`"));
        }
        if !duration_in_range(day.max(0.0) as i64, TimeUnit::Days) {
            return Err(
                Diagnostic::new(format!("day {day} is out of range"), cursor.since(start))
                    .code(ErrorCode::InvalidValue)
                    .expected(format!("a day number from 0 to {MAX_DURATION}")),
            );
        }
        if !cursor.eat("after") {
            return Err(cursor.expected("`after`, as in `day 5 after clause 2`"));
        }
        let anchor = read_anchor(cursor)?;
        return Ok(Deadline::Relative {
            offset: Duration {
                amount: day.max(0.0) as i64,
                unit: TimeUnit::Days,
            },
            anchor,
        });
    }
    if matches!(
        cursor.peek().map(|atom| &atom.kind),
        Some(AtomKind::Number { .. })
    ) {
        let offset = read_duration(cursor)?;
        if !cursor.eat("after") {
            return Err(cursor.expected("`after`, as in `48 hours after signing`"));
        }
        let anchor = read_anchor(cursor)?;
        return Ok(Deadline::Relative { offset, anchor });
    }
    match cursor.peek().map(|atom| &atom.kind) {
        Some(AtomKind::Date(_) | AtomKind::DateTime(_)) => Ok(Deadline::At {
            when: read_when_atom(cursor)?,
        }),
        Some(AtomKind::Word(word)) if MONTH_QUALIFIERS.contains(word) => {
            Ok(Deadline::At {
                when: read_when_atom(cursor)?,
            })
        }
        _ => Err(cursor.expected(
            "a deadline: a date, `immediate`, `within 14 days of signing`, or `day 5 after clause 2 starts`",
        )),
    }
}

/// `signing` or `clause N [starts|ends]`.
fn read_anchor(cursor: &mut Cursor) -> Read<Anchor> {
    if cursor.eat("signing") {
        return Ok(Anchor::Signing);
    }
    if cursor.eat("clause") {
        let number = read_clause_number(cursor)?;
        let point = if cursor.eat("starts") {
            Some(AnchorPoint::Starts)
        } else if cursor.eat("ends") {
            Some(AnchorPoint::Ends)
        } else {
            None
        };
        return Ok(Anchor::Clause { number, point });
    }
    Err(cursor.expected("`signing` or `clause N`, optionally followed by `starts` or `ends`"))
}

pub fn read_clause_number(cursor: &mut Cursor) -> Read<Spanned<Text>> {
    let text = match cursor.peek().map(|atom| &atom.kind) {
        Some(AtomKind::Number { text, .. } | AtomKind::Word(text)) => *text,
        Some(AtomKind::Text(text)) => text.as_ref(),
        _ => return Err(cursor.expected("a clause number")),
    };
    let span = cursor.here();
    cursor.next();
    Ok(Spanned::new(Text::from(text), span))
}

/// `12000 detainees`, `about 1400 people`, `over 12000`, `at least 300 fighters`,
/// `up to 200`, `140 to 200`. Trailing words say what is counted.
fn read_count(cursor: &mut Cursor, stop: &dyn Fn(&str) -> bool, many_words: bool) -> Read<Count> {
    let mut approximate = false;
    let mut minimum_only = false;
    let mut maximum_only = false;
    match cursor.peek_word() {
        Some("about") => {
            cursor.next();
            approximate = true;
        }
        Some("over") => {
            cursor.next();
            minimum_only = true;
        }
        Some("under") => {
            cursor.next();
            maximum_only = true;
        }
        Some("at") => {
            cursor.next();
            if cursor.eat("least") {
                minimum_only = true;
            } else if cursor.eat("most") {
                maximum_only = true;
            } else {
                return Err(cursor.expected("`least` or `most`"));
            }
        }
        Some("up") => {
            cursor.next();
            if !cursor.eat("to") {
                return Err(cursor.expected("`to`, as in `up to 200`"));
            }
            maximum_only = true;
        }
        Some("all") if !approximate => {
            cursor.next();
            let mut count = Count::exact(0.0);
            (count.min, count.max) = (None, None);
            count.whole = Some(if cursor.peek_word() == Some("for") {
                cursor.next();
                if !cursor.eat("all") {
                    return Err(cursor.expected("`all`, as in `all for all`"));
                }
                Whole::AllForAll
            } else {
                Whole::All
            });
            read_counted(cursor, &mut count, stop, many_words);
            return Ok(count);
        }
        _ => {}
    }
    let first = read_count_number(cursor, "a number, such as `12000`, `about 1400` or `all`")?;
    let mut count = Count::exact(first);
    count.approximate = approximate;
    if minimum_only {
        count.max = None;
    }
    if maximum_only {
        count.min = None;
    }
    if cursor.peek_word() == Some("to")
        && matches!(
            cursor.atoms.get(cursor.position + 1).map(|a| &a.kind),
            Some(AtomKind::Number { .. })
        )
    {
        let start = cursor.position();
        cursor.next();
        let max = read_count_number(cursor, "the upper bound")?;
        if count.min.is_some_and(|min| max < min) {
            return Err(Diagnostic::new(
                format!("`{first} to {max}` runs backwards"),
                cursor.since(start.saturating_sub(1)),
            )
            .code(ErrorCode::InvalidValue)
            .expected("a range with the lower number first, as in `140 to 200`"));
        }
        count.max = Some(max);
    }
    read_counted(cursor, &mut count, stop, many_words);
    Ok(count)
}

/// The words after a count that say what is counted.
fn read_counted(
    cursor: &mut Cursor,
    count: &mut Count,
    stop: &dyn Fn(&str) -> bool,
    many_words: bool,
) {
    // One word names what is counted (`1400 people`), even if it is also an
    // attribute's name; a ratio's first part reads on to `per`. `source` never
    // is: it cites the line (`count about 1400 source s003`).
    while let Some(word) = cursor.peek_word() {
        let first_word = count.what.is_empty() && word != "per";
        if word == Key::Source.name() || (stop(word) && !first_word) {
            break;
        }
        count.what.push(Text::from(word));
        cursor.next();
        if !many_words {
            break;
        }
    }
}

/// `15 km`, `at least 30 km`, `up to 500 m`, `10 to 15 km`, `10 km to 15 km`,
/// each optionally `for` weapon classes: `20 km for heavy, medium`.
fn read_distance(cursor: &mut Cursor) -> Read<Distance> {
    let start = cursor.position();
    let limit = if cursor.peek_word() == Some("at") {
        cursor.next();
        if cursor.eat("least") {
            Limit::AtLeast
        } else if cursor.eat("most") {
            Limit::AtMost
        } else {
            return Err(cursor.expected("`least` or `most`, as in `at least 30 km`"));
        }
    } else if cursor.peek_word() == Some("up") {
        cursor.next();
        if !cursor.eat("to") {
            return Err(cursor.expected("`to`, as in `up to 500 m`"));
        }
        Limit::AtMost
    } else {
        Limit::Exact
    };
    let first = read_number(cursor, "a distance such as `15 km`")?;
    let first_unit = read_distance_unit(cursor);
    let mut distance = Distance::metres(0.0);
    distance.limit = limit;
    let range = cursor.peek_word() == Some("to")
        && matches!(
            cursor.atoms.get(cursor.position + 1).map(|a| &a.kind),
            Some(AtomKind::Number { .. })
        );
    if limit == Limit::Exact && range {
        cursor.next();
        let second = read_number(cursor, "the far end of the range, as in `10 to 15 km`")?;
        let Some(unit) = read_distance_unit(cursor) else {
            return Err(cursor.expected("a unit of distance: `km` or `m`"));
        };
        distance.metres = first * first_unit.unwrap_or(unit);
        distance.to_metres = Some(second * unit);
    } else {
        let Some(unit) = first_unit else {
            return Err(cursor.expected("a unit of distance: `km` or `m`"));
        };
        distance.metres = first * unit;
    }
    if let Some(problem) = crate::model_checks::limits::distance_problem(&distance) {
        return Err(Diagnostic::new(problem, cursor.since(start))
            .code(ErrorCode::InvalidValue)
            .expected("a range with the nearer end first, as in `10 to 15 km`"));
    }
    if cursor.eat("for") {
        distance.weapons = list(cursor, read_weapon)?;
    }
    Ok(distance)
}

/// Metres per unit, for the unit word at the cursor, which it consumes.
fn read_distance_unit(cursor: &mut Cursor) -> Option<f64> {
    let per = match cursor.peek_word()? {
        "km" | "kilometres" | "kilometers" => 1000.0,
        "m" | "metres" | "meters" => 1.0,
        _ => return None,
    };
    cursor.next();
    Some(per)
}

/// A number a count can hold: not past [`MAX_COUNT`], which no agreement counts
/// up to.
fn read_count_number(cursor: &mut Cursor, what: &str) -> Read<f64> {
    let at = cursor.here();
    let number = read_number(cursor, what)?;
    if !count_in_range(number) {
        return Err(
            Diagnostic::new(format!("{number} is too large to be a count"), at)
                .code(ErrorCode::InvalidValue)
                .expected(format!("a number from 0 to {MAX_COUNT}"))
                .hint("write the count the source gives; `about 1400` for an estimate"),
        );
    }
    Ok(number)
}

fn read_weapon(cursor: &mut Cursor) -> Read<Weapon> {
    let quantifier = cursor
        .peek_word()
        .filter(|word| vocabulary::WEAPON_QUANTIFIERS.contains(word))
        .map(Text::from);
    if quantifier.is_some() {
        cursor.next();
    }
    let class = read_word_from(cursor, vocabulary::WEAPON_CLASSES, "weapon class")?;
    Ok(Weapon {
        quantifier,
        class: class.value,
    })
}
