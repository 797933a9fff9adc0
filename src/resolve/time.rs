//! Dates and deadlines: reading them against the calendar (via jiff) and turning
//! relative deadlines into dates where the anchors allow.

use std::collections::HashMap;

use jiff::ToSpan;
use jiff::civil::{Date, DateTime};

use crate::model::{Anchor, AnchorPoint, Deadline, Document, Point, Precision, Value, When};
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
                text: text.to_string(),
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
                    Some(word) => format!("{word} {text}"),
                    None => text.to_string(),
                },
                start: start.to_datetime(jiff::civil::Time::midnight()),
                end: end.to_datetime(jiff::civil::Time::midnight()),
                precision: Precision::Month,
                zone: None,
            })
        }
    }
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
    if let Some(zone) = zone {
        jiff::tz::TimeZone::get(zone)
            .map_err(|_| format!("`{zone}` is not a known IANA time zone"))?;
    }
    let zone = zone
        .map(str::to_string)
        .or_else(|| (!offset.is_empty()).then(|| offset.to_string()));
    let end = start
        .checked_add(1.minute())
        .map_err(|error| error.to_string())?;
    Ok(When {
        text: text.to_string(),
        start,
        end,
        precision: Precision::Minute,
        zone,
    })
}

/// Turn every clause's deadline and start into a date where the anchors allow:
/// `within 14 days of signing` needs the document's date; `day 5 after clause 2
/// starts` needs clause 2's start. Anchors are followed at most as deep as there
/// are clauses, so a cycle resolves to nothing rather than looping.
pub fn resolve_deadlines(document: &mut Document) {
    let numbers: HashMap<&str, usize> = document
        .clauses
        .iter()
        .enumerate()
        .filter_map(|(index, clause)| clause.number.as_ref().map(|n| (n.value.as_str(), index)))
        .collect();
    let signing = document.date.as_ref().map(|date| date.value.clone());
    let mut resolved = Vec::with_capacity(document.clauses.len());
    for index in 0..document.clauses.len() {
        // `start`: when the clause takes effect; `deadline`: when a written
        // deadline falls; `end`: when the clause ends (its deadline, else its
        // `until`, else its start plus its duration).
        let mut found = Vec::new();
        let at = |point| point_of(document, &numbers, signing.as_ref(), index, point, 0);
        if let Some(start) = at(AnchorPoint::Starts) {
            found.push((Point::Start, start));
        }
        if let Some(end) = at(AnchorPoint::Ends) {
            if document.clauses[index].has(Key::Deadline) {
                found.push((Point::Deadline, end.clone()));
            }
            found.push((Point::End, end));
        }
        resolved.push(found);
    }
    for (clause, found) in document.clauses.iter_mut().zip(resolved) {
        clause.resolved = found;
    }
}

/// When clause `index` starts or ends, as far as the document says.
fn point_of(
    document: &Document,
    numbers: &HashMap<&str, usize>,
    signing: Option<&When>,
    index: usize,
    point: AnchorPoint,
    depth: usize,
) -> Option<When> {
    if depth > document.clauses.len() {
        return None;
    }
    let clause = &document.clauses[index];
    let deadline_of = |key: Key| match clause.get(key).map(|a| &a.value) {
        Some(Value::Deadline(deadline)) => Some(deadline),
        _ => None,
    };
    let value = match point {
        AnchorPoint::Starts => deadline_of(Key::Start),
        AnchorPoint::Ends => deadline_of(Key::Deadline),
    };
    // A clause with no start of its own takes effect on signing.
    if value.is_none() && point == AnchorPoint::Starts {
        return signing.cloned();
    }
    if let Some(deadline) = value {
        return match deadline {
            // At the latest on its date: the date is as far as the text says.
            Deadline::At { when } | Deadline::NoLaterThan { when } => Some(when.clone()),
            Deadline::Immediate => signing.cloned(),
            Deadline::Relative { offset, anchor } => {
                let base = match anchor {
                    Anchor::Signing => signing.cloned()?,
                    Anchor::Clause { number, point } => {
                        let target = *numbers.get(number.value.as_str())?;
                        point_of(
                            document,
                            numbers,
                            signing,
                            target,
                            point.unwrap_or(AnchorPoint::Ends),
                            depth + 1,
                        )?
                    }
                };
                base.shifted(*offset)
            }
        };
    }
    // An end can also come from a start and a duration, or an `until`.
    if point == AnchorPoint::Ends {
        if let Some(Value::When(until)) = clause.get(Key::Until).map(|a| &a.value) {
            return Some(until.clone());
        }
        if let Some(Value::Duration(range)) = clause.get(Key::Duration).map(|a| &a.value) {
            let start = point_of(
                document,
                numbers,
                signing,
                index,
                AnchorPoint::Starts,
                depth + 1,
            )?;
            return start.shifted(range.max.unwrap_or(range.min));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

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
