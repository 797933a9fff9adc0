//! Dates and deadlines: reading them against the calendar (via jiff) and turning
//! relative deadlines into dates where the anchors allow.

use crate::text::Text;
// FxHash: the keys are names from the input, and an offline check has no
// adversary to defend against with SipHash.
use rustc_hash::FxHashMap as HashMap;

use jiff::ToSpan;
use jiff::civil::{Date, DateTime};

use crate::diagnostic::Diagnostic;
use crate::error_code::ErrorCode;
use crate::model::{
    Anchor, AnchorPoint, Deadline, Document, Duration, Point, Precision, Value, When,
};
use crate::vocabulary::Key;

/// Qualifiers that narrow a month: `mid 2018-05`.
pub const MONTH_QUALIFIERS: &[&str] = &["early", "mid", "late"];

/// Read a date (`2018-05-01`, `2017-08`) or date-time atom's text, with an optional
/// qualifier. The error says what is wrong in words.
pub fn read_when(text: &str, qualifier: Option<&str>) -> Result<When, String> {
    if text.contains('T') {
        if qualifier.is_some() {
            return Err("a qualifier such as `mid` applies to a month, not a date-time".into());
        }
        return read_datetime(text);
    }
    let parts: Vec<&str> = text.split('-').collect();
    let number = |part: &str| {
        part.parse::<i16>()
            .map_err(|_| format!("`{part}` is not a number"))
    };
    let year = number(parts.first().copied().unwrap_or(""))?;
    let month = number(parts.get(1).copied().unwrap_or(""))?;
    let month_start = Date::new(year, month as i8, 1)
        .map_err(|_| format!("there is no month {month} in the calendar"))?;
    let month_end = month_start
        .checked_add(1.month())
        .map_err(|error| error.to_string())?;
    match parts.get(2) {
        Some(day) => {
            if qualifier.is_some() {
                return Err(
                    "a qualifier such as `mid` applies to a month such as `2018-05`".into(),
                );
            }
            let day = number(day)?;
            let date = Date::new(year, month as i8, day as i8).map_err(|_| {
                format!(
                    "{year:04}-{month:02} has {} days, not {day}",
                    month_start.days_in_month()
                )
            })?;
            let next = date
                .checked_add(1.day())
                .map_err(|error| error.to_string())?;
            Ok(When {
                text: text.into(),
                start: date.to_datetime(jiff::civil::Time::midnight()),
                end: next.to_datetime(jiff::civil::Time::midnight()),
                precision: Precision::Day,
                zone: None,
            })
        }
        None => {
            let (start, end) = match qualifier {
                None => (month_start, month_end),
                Some(word) => {
                    let day = |d: i8| month_start.with().day(d).build().map_err(|e| e.to_string());
                    match word {
                        "early" => (month_start, day(11)?),
                        "mid" => (day(11)?, day(21)?),
                        "late" => (day(21)?, month_end),
                        other => return Err(format!("unknown qualifier `{other}`")),
                    }
                }
            };
            Ok(When {
                text: match qualifier {
                    Some(word) => format!("{word} {text}").into(),
                    None => text.into(),
                },
                start: start.to_datetime(jiff::civil::Time::midnight()),
                end: end.to_datetime(jiff::civil::Time::midnight()),
                precision: Precision::Month,
                zone: None,
            })
        }
    }
}

/// Whether `zone` is a zone a time may carry: an IANA name or a UTC offset.
pub(crate) fn is_zone(zone: &str) -> bool {
    crate::model::iana_zone(zone).is_some() || read_offset(zone).is_ok()
}

/// A UTC offset as written after a time: `Z`, or `+HH:MM` / `-HH:MM` within
/// the offsets the world uses (at most 14 hours).
fn read_offset(text: &str) -> Result<jiff::tz::Offset, String> {
    if text.eq_ignore_ascii_case("z") {
        return Ok(jiff::tz::Offset::UTC);
    }
    let invalid = || format!("`{text}` is not a UTC offset: write `+03:00`, `-05:30` or `Z`");
    let (sign, rest) = match text.as_bytes().first() {
        Some(b'+') => (1, &text[1..]),
        Some(b'-') => (-1, &text[1..]),
        _ => return Err(invalid()),
    };
    let (hours, minutes) = rest.split_once(':').unwrap_or((rest, "00"));
    let hours: i32 = hours.parse().map_err(|_| invalid())?;
    let minutes: i32 = minutes.parse().map_err(|_| invalid())?;
    if !(0..=14).contains(&hours) || !(0..60).contains(&minutes) {
        return Err(format!(
            "`{text}` is not a UTC offset: hours go up to 14 and minutes up to 59"
        ));
    }
    jiff::tz::Offset::from_seconds(sign * (hours * 3600 + minutes * 60)).map_err(|_| invalid())
}

fn read_datetime(text: &str) -> Result<When, String> {
    let (body, zone) = match text.split_once('[') {
        Some((body, zone)) => (body, Some(zone.trim_end_matches(']'))),
        None => (text, None),
    };
    // The civil part is the first 16 or 19 characters; the rest is an offset.
    let civil_length = if body.as_bytes().get(16) == Some(&b':') {
        19
    } else {
        16
    };
    let civil = body.get(..civil_length).unwrap_or(body);
    let offset = body.get(civil_length..).unwrap_or("");
    let start: DateTime = civil
        .parse()
        .map_err(|_| format!("`{civil}` is not a valid date and time"))?;
    let written_offset = if offset.is_empty() {
        None
    } else {
        Some(read_offset(offset)?)
    };
    if let Some(zone) = zone {
        let tz = crate::model::iana_zone(zone)
            .ok_or_else(|| format!("`{zone}` is not a known IANA time zone"))?;
        match tz.to_ambiguous_zoned_datetime(start).offset() {
            jiff::tz::AmbiguousOffset::Unambiguous { offset: actual } => {
                if let Some(written) = written_offset
                    && written != actual
                {
                    return Err(format!(
                        "the offset {offset} contradicts {zone}, which is {actual} at {civil}"
                    ));
                }
            }
            jiff::tz::AmbiguousOffset::Gap { before, after } => {
                return Err(format!(
                    "{civil} does not exist in {zone}: the clocks moved from {before} to {after} \
                     across it"
                ));
            }
            // A time the clocks pass twice: the offset, if written, says which.
            jiff::tz::AmbiguousOffset::Fold { before, after } => {
                if let Some(written) = written_offset
                    && written != before
                    && written != after
                {
                    return Err(format!(
                        "the offset {offset} contradicts {zone}, which is {before} or {after} \
                         at {civil}"
                    ));
                }
            }
        }
    }
    let zone = zone
        .map(str::to_string)
        .or_else(|| (!offset.is_empty()).then(|| offset.to_string()));
    let end = start
        .checked_add(1.minute())
        .map_err(|error| error.to_string())?;
    Ok(When {
        text: text.into(),
        start,
        end,
        precision: Precision::Minute,
        zone: zone.map(Text::from),
    })
}

/// Turn every clause's deadline and start into a date where the anchors allow:
/// `within 14 days of signing` needs the document's date; `day 5 after clause 2
/// starts` needs clause 2's start.
///
/// Each moment (a clause's start or end) is worked out once and remembered, with
/// an explicit stack rather than recursion: a chain of anchors as long as the
/// document costs one step per link, and a cycle resolves to nothing.
pub fn resolve_deadlines(document: &mut Document) -> Vec<Diagnostic> {
    let numbers: HashMap<&str, usize> = document
        .clauses
        .iter()
        .enumerate()
        .filter_map(|(index, clause)| clause.number.as_ref().map(|n| (n.value.as_str(), index)))
        .collect();
    let signing = document.date.as_ref().map(|date| date.value.clone());
    let mut moments = Moments::new(document, &numbers, signing.as_ref());
    let mut resolved = Vec::with_capacity(document.clauses.len());
    for index in 0..document.clauses.len() {
        // `start`: when the clause takes effect; `deadline`: when a written
        // deadline falls; `end`: when the clause ends (its deadline, else its
        // `until`, else its start plus its duration).
        let mut found = Vec::new();
        if let Some(start) = moments.get(index, AnchorPoint::Starts) {
            found.push((Point::Start, start));
        }
        // A written deadline is the end: `Clause::resolved` answers for it
        // from the end, which is kept once.
        if let Some(end) = moments.get(index, AnchorPoint::Ends) {
            found.push((Point::End, end));
        }
        resolved.push(found);
    }
    // A time counted past the calendar's end is the source's error, where it
    // is written.
    let errors = moments
        .overflows
        .iter()
        .map(|&(index, point)| {
            let clause = &document.clauses[index];
            let key = match point {
                AnchorPoint::Starts => Key::Start,
                AnchorPoint::Ends if clause.has(Key::Deadline) => Key::Deadline,
                AnchorPoint::Ends => Key::Duration,
            };
            Diagnostic::new(
                format!(
                    "`{key}` of {} falls past the end of the calendar",
                    clause.label()
                ),
                clause.span_of(key),
            )
            .code(ErrorCode::InvalidDate)
            .expected("a time before the year 10000")
            .hint("a chain of long offsets adds up: check each link")
        })
        .collect();
    for (clause, found) in document.clauses.iter_mut().zip(resolved) {
        clause.resolved = found.into();
    }
    errors
}

/// What a moment of a clause is, before anchors are followed: a date, or a shift
/// from another moment.
enum Rule {
    Known(Option<When>),
    /// Counted from signing.
    FromSigning(Duration),
    After(Duration, usize, AnchorPoint),
}

#[derive(Clone)]
enum State {
    Unvisited,
    /// On the stack: meeting it again is a cycle.
    Working,
    Done(Option<When>),
}

/// Every clause's start and end, each worked out at most once.
struct Moments<'a> {
    document: &'a Document,
    numbers: &'a HashMap<&'a str, usize>,
    signing: Option<&'a When>,
    /// Two states per clause: its start, then its end.
    states: Vec<State>,
    /// The moments whose date a shift took past the calendar's end.
    overflows: Vec<(usize, AnchorPoint)>,
    /// Moments worked out so far: the work, which tests hold to linear.
    steps: usize,
    /// The moments [`Moments::get`] is following, kept between calls so that
    /// each call does not allocate its own.
    stack: Vec<(usize, AnchorPoint)>,
}

impl<'a> Moments<'a> {
    fn new(
        document: &'a Document,
        numbers: &'a HashMap<&'a str, usize>,
        signing: Option<&'a When>,
    ) -> Self {
        Moments {
            document,
            numbers,
            signing,
            states: vec![State::Unvisited; document.clauses.len() * 2],
            overflows: Vec::new(),
            steps: 0,
            stack: Vec::new(),
        }
    }

    fn slot(index: usize, point: AnchorPoint) -> usize {
        index * 2 + usize::from(point == AnchorPoint::Ends)
    }

    fn get(&mut self, index: usize, point: AnchorPoint) -> Option<When> {
        let goal = Self::slot(index, point);
        let mut stack = std::mem::take(&mut self.stack);
        stack.clear();
        stack.push((index, point));
        while let Some(&(index, point)) = stack.last() {
            self.steps += 1;
            let slot = Self::slot(index, point);
            match &self.states[slot] {
                State::Done(_) => {
                    stack.pop();
                    continue;
                }
                State::Working | State::Unvisited => {}
            }
            let result = match self.rule(index, point) {
                Rule::Known(when) => Some(when),
                Rule::FromSigning(offset) => {
                    Some(self.shift(self.signing.cloned(), offset, index, point))
                }
                Rule::After(offset, target, target_point) => {
                    match &self.states[Self::slot(target, target_point)] {
                        State::Done(base) => Some(self.shift(base.clone(), offset, index, point)),
                        // A cycle: nothing to count from.
                        State::Working => Some(None),
                        State::Unvisited => {
                            self.states[slot] = State::Working;
                            stack.push((target, target_point));
                            None
                        }
                    }
                }
            };
            if let Some(when) = result {
                self.states[slot] = State::Done(when);
                stack.pop();
            }
        }
        self.stack = stack;
        match &self.states[goal] {
            State::Done(when) => when.clone(),
            _ => None,
        }
    }

    /// `base` moved by `offset`, noting a move past the calendar's end.
    fn shift(
        &mut self,
        base: Option<When>,
        offset: Duration,
        index: usize,
        point: AnchorPoint,
    ) -> Option<When> {
        let base = base?;
        let shifted = base.shifted(offset);
        if shifted.is_none() {
            self.overflows.push((index, point));
        }
        shifted
    }

    /// When clause `index` starts or ends, as the clause itself says.
    fn rule(&self, index: usize, point: AnchorPoint) -> Rule {
        let clause = &self.document.clauses[index];
        let deadline_of = |key: Key| match clause.get(key).map(|a| &a.value) {
            Some(Value::Deadline(deadline)) => Some(deadline),
            _ => None,
        };
        let value = match point {
            AnchorPoint::Starts => deadline_of(Key::Start),
            AnchorPoint::Ends => deadline_of(Key::Deadline),
        };
        if let Some(deadline) = value {
            return match &**deadline {
                // At the latest on its date: the date is as far as the text says.
                Deadline::At { when } | Deadline::NoLaterThan { when } => {
                    Rule::Known(Some(when.clone()))
                }
                Deadline::Immediate => Rule::Known(self.signing.cloned()),
                Deadline::Relative {
                    offset,
                    anchor: Anchor::Signing,
                } => Rule::FromSigning(*offset),
                Deadline::Relative {
                    offset,
                    anchor: Anchor::Clause { number, point },
                } => match self.numbers.get(number.value.as_str()) {
                    Some(&target) => {
                        Rule::After(*offset, target, point.unwrap_or(AnchorPoint::Ends))
                    }
                    None => Rule::Known(None),
                },
            };
        }
        match point {
            // A clause with no start of its own takes effect on signing.
            AnchorPoint::Starts => Rule::Known(self.signing.cloned()),
            // An end can also come from an `until`, or a start and a duration.
            AnchorPoint::Ends => {
                if let Some(Value::When(until)) = clause.get(Key::Until).map(|a| &a.value) {
                    return Rule::Known(Some((**until).clone()));
                }
                if let Some(Value::Duration(range)) = clause.get(Key::Duration).map(|a| &a.value) {
                    return Rule::After(range.max.unwrap_or(range.min), index, AnchorPoint::Starts);
                }
                Rule::Known(None)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chain_of_anchors_costs_a_few_steps_per_link_in_any_order() {
        let chain = |forward: bool| {
            let mut text = String::from(
                "agreement a {\n  date 2018-05-01\n  clause 1 ceasefire { deadline 2018-05-02 }\n",
            );
            for i in 2..=4_000 {
                let anchor = if forward { i - 1 } else { i + 1 };
                let anchor = if anchor > 4_000 { 1 } else { anchor };
                text.push_str(&format!(
                    "  clause {i} ceasefire {{ deadline within 1 day after clause {anchor} ends }}\n"
                ));
            }
            text.push_str("}\n");
            text
        };
        for forward in [true, false] {
            let loaded = crate::load_str("chain.truce", &chain(forward));
            let document = &loaded.corpus.documents[0];
            let numbers: HashMap<&str, usize> = document
                .clauses
                .iter()
                .enumerate()
                .filter_map(|(index, clause)| {
                    clause.number.as_ref().map(|n| (n.value.as_str(), index))
                })
                .collect();
            let signing = document.date.as_ref().map(|date| date.value.clone());
            let mut moments = Moments::new(document, &numbers, signing.as_ref());
            for index in 0..document.clauses.len() {
                moments.get(index, AnchorPoint::Starts);
                moments.get(index, AnchorPoint::Ends);
            }
            let moments_count = 2 * document.clauses.len();
            assert!(
                moments.steps <= 3 * moments_count,
                "{} steps",
                moments.steps
            );
        }
    }

    #[test]
    fn rejects_days_the_calendar_lacks() {
        let error = read_when("2018-02-30", None).unwrap_err();
        assert_eq!(error, "2018-02 has 28 days, not 30");
        assert!(read_when("2018-13-01", None).is_err());
        assert!(read_when("2016-02-29", None).is_ok());
    }

    #[test]
    fn months_and_qualifiers_are_intervals() {
        let may = read_when("2018-05", Some("mid")).unwrap();
        assert_eq!(may.start.to_string(), "2018-05-11T00:00:00");
        assert_eq!(may.end.to_string(), "2018-05-21T00:00:00");
        let late = read_when("2018-02", Some("late")).unwrap();
        assert_eq!(late.end.to_string(), "2018-03-01T00:00:00");
    }

    #[test]
    fn datetimes_keep_their_zone_and_reject_unknown_ones() {
        let when = read_when("2018-05-03T12:00[Asia/Damascus]", None).unwrap();
        assert_eq!(when.zone.as_deref(), Some("Asia/Damascus"));
        assert_eq!(when.start.to_string(), "2018-05-03T12:00:00");
        assert!(read_when("2018-05-03T12:00[Mars/Olympus]", None).is_err());
        assert!(read_when("2018-05-03T25:00", None).is_err());
    }

    #[test]
    fn calendar_months_from_the_end_of_august() {
        let start = read_when("2017-08-31", None).unwrap();
        let six_months = crate::model::Duration {
            amount: 6,
            unit: crate::model::TimeUnit::Months,
        };
        let end = start.shifted(six_months).unwrap();
        assert_eq!(end.start.date().to_string(), "2018-02-28");
    }
}
