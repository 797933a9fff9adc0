//! The limits of values: how long a duration and how old a person can be. The
//! model's calendar arithmetic relies on them (jiff refuses spans much longer), and
//! a range of ages is listed age by age when drafts are compared.
//!
//! The resolver keeps to them as it reads numbers from the source (its errors
//! point at the number as written); JSON input is checked against them here, on
//! the model, by [`check`].

use crate::diagnostic::Diagnostic;
use crate::error_code::ErrorCode;
use crate::model::{Corpus, Count, Deadline, Distance, Duration, Limit, TimeUnit, Value};
use crate::source::Span;

/// Durations are whole numbers of units from 0 to this many hours, days or weeks;
/// months and years stop at a thousand years ([`max_duration`]), so that a
/// duration added to any date an agreement gives stays inside the calendar.
pub const MAX_DURATION: i64 = 100_000;

/// The most units of `unit` a duration may hold.
pub fn max_duration(unit: TimeUnit) -> i64 {
    match unit {
        TimeUnit::Hours | TimeUnit::Days | TimeUnit::Weeks => MAX_DURATION,
        TimeUnit::Months => 12_000,
        TimeUnit::Years => 1_000,
    }
}

/// Ages are whole numbers up to this.
pub const MAX_AGE: u32 = 150;

/// Counts (people, weapons, corridors) are at most this: a trillion is more than
/// any agreement counts, and a larger number is a slip of the keyboard.
pub const MAX_COUNT: f64 = 1e12;

/// Whether a count's number is within the limits: not negative, and at most
/// [`MAX_COUNT`].
pub fn count_in_range(number: f64) -> bool {
    (0.0..=MAX_COUNT).contains(&number)
}

/// Whether a duration of `amount` units of `unit` is within the limits.
pub fn duration_in_range(amount: i64, unit: TimeUnit) -> bool {
    (0..=max_duration(unit)).contains(&amount)
}

/// Whether `min to max` is a range of ages: the lower first, neither past
/// [`MAX_AGE`].
pub fn ages_in_range(min: u32, max: u32) -> bool {
    min <= max && max <= MAX_AGE
}

/// Every value of the corpus outside the limits: clause attributes (of
/// documents and of red-line headers) and red-line bounds, in order.
pub fn check(corpus: &Corpus) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for attribute in corpus.every_clause().flat_map(|clause| &clause.attributes) {
        check_value(&attribute.value, attribute.span, &mut errors);
    }
    for requirements in &corpus.requirements {
        for bound in requirements.items.iter().flat_map(|item| &item.bounds) {
            check_value(&bound.value, bound.span, &mut errors);
        }
    }
    for error in &mut errors {
        error.default_code(ErrorCode::InvalidValue);
    }
    errors
}

fn check_value(value: &Value, span: Span, errors: &mut Vec<Diagnostic>) {
    // A time's zone, from JSON, is one a time may carry.
    let when = value.date();
    if let Some(zone) = when.and_then(|when| when.zone.as_deref())
        && !crate::resolve::time::is_zone(zone)
    {
        errors.push(
            Diagnostic::new(format!("`{zone}` is not a time zone"), span)
                .code(ErrorCode::InvalidDate)
                .expected(
                    "an IANA time zone such as `Asia/Damascus`, or an offset such as `+03:00`",
                ),
        );
    }
    let durations: Vec<&Duration> = match value {
        Value::Duration(range) => {
            if range
                .max
                .is_some_and(|max| max.approximate_hours() < range.min.approximate_hours())
            {
                errors.push(
                    Diagnostic::new(format!("`{value}` runs backwards"), span)
                        .expected("a range with the shorter duration first"),
                );
            }
            std::iter::once(&range.min).chain(&range.max).collect()
        }
        Value::Deadline(deadline) => match &**deadline {
            Deadline::Relative { offset, .. } => vec![offset],
            _ => Vec::new(),
        },
        Value::Ages { min, max } => {
            if !ages_in_range(*min, *max) {
                errors.push(
                    Diagnostic::new(format!("`{min} to {max}` is not an age range"), span)
                        .expected(format!("whole ages up to {MAX_AGE}, the lower first")),
                );
            }
            Vec::new()
        }
        Value::Count(count) => {
            check_count(count, span, errors);
            Vec::new()
        }
        Value::Distance(distance) => {
            if let Some(problem) = distance_problem(distance) {
                errors.push(
                    Diagnostic::new(problem, span)
                        .expected("a distance from 0, a range with the nearer end first"),
                );
            }
            Vec::new()
        }
        Value::Ratio(ratio) => {
            check_count(&ratio.numerator, span, errors);
            check_count(&ratio.denominator, span, errors);
            Vec::new()
        }
        _ => Vec::new(),
    };
    for duration in durations {
        if !duration_in_range(duration.amount, duration.unit) {
            errors.push(
                Diagnostic::new(
                    format!(
                        "a duration of {} {} is out of range",
                        duration.amount,
                        duration.unit.name()
                    ),
                    span,
                )
                .expected(format!(
                    "a whole number of {} from 0 to {}",
                    duration.unit.name(),
                    max_duration(duration.unit)
                )),
            );
        }
    }
}

/// What is wrong with a distance, if anything: a negative length, a range whose
/// far end comes first, or a range that is also a bound.
pub fn distance_problem(distance: &Distance) -> Option<String> {
    let lengths = std::iter::once(distance.metres).chain(distance.to_metres);
    if lengths
        .clone()
        .any(|metres| !(metres >= 0.0 && metres.is_finite()))
    {
        return Some(format!("`{distance}` cannot be a distance"));
    }
    match distance.to_metres {
        Some(to) if to < distance.metres => Some(format!("`{distance}` runs backwards")),
        Some(_) if distance.limit != Limit::Exact => {
            Some(format!("`{distance}` is a range and a bound at once"))
        }
        _ => None,
    }
}

fn check_count(count: &Count, span: Span, errors: &mut Vec<Diagnostic>) {
    if let (Some(min), Some(max)) = (count.min, count.max)
        && max < min
    {
        errors.push(
            Diagnostic::new(format!("a count from {min} to {max} runs backwards"), span)
                .expected("a range with the lower number first"),
        );
    }
    if count.whole.is_some() && (count.min.is_some() || count.max.is_some()) {
        errors.push(
            Diagnostic::new("a count is everyone or a number, not both", span)
                .expected("`whole` with no `min` or `max`, or a number without `whole`"),
        );
    }
    for number in count.min.iter().chain(&count.max) {
        if !count_in_range(*number) {
            let message = if *number < 0.0 {
                format!("{number} cannot be a count: it is negative")
            } else {
                format!("{number} is too large to be a count")
            };
            errors.push(
                Diagnostic::new(message, span).expected(format!("a number from 0 to {MAX_COUNT}")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limits_are_inclusive() {
        assert!(duration_in_range(0, TimeUnit::Days));
        assert!(duration_in_range(MAX_DURATION, TimeUnit::Days));
        assert!(!duration_in_range(-1, TimeUnit::Days));
        assert!(!duration_in_range(MAX_DURATION + 1, TimeUnit::Hours));
        assert!(duration_in_range(1_000, TimeUnit::Years));
        assert!(!duration_in_range(20_000, TimeUnit::Years));
        assert!(!duration_in_range(12_001, TimeUnit::Months));
        assert!(ages_in_range(18, 18) && ages_in_range(0, MAX_AGE));
        assert!(!ages_in_range(42, 18) && !ages_in_range(18, MAX_AGE + 1));
        assert!(count_in_range(0.0) && count_in_range(MAX_COUNT));
        assert!(!count_in_range(-1.0) && !count_in_range(1e29));
    }
}
