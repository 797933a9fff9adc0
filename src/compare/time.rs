//! Dates across drafts. Two drafts of one date compare their terms' dates as
//! they stand; two drafts signed months apart compare each term's date from its
//! own draft's date (its entry into force, else its date), so a ceasefire that
//! starts "immediately" in both does not "start months later" only because the
//! second text was signed later.

use std::cmp::Ordering;

use jiff::SignedDuration;
use jiff::civil::DateTime;

use crate::model::{Anchor, Clause, Deadline, Document, When};
use crate::vocabulary::Key;

/// How two drafts' dates compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frame {
    /// The drafts share a date, or one has none: dates compare as they stand.
    Absolute,
    /// The drafts differ in date: each date counts from its own draft's.
    Relative,
}

/// A date attribute's change between two drafts: how far, which way, and in
/// which frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shift {
    /// `3 days`, `1 month 2 weeks`.
    pub size: String,
    /// `Greater`: later.
    pub direction: Ordering,
    pub frame: Frame,
}

/// The date every term of the document counts from: its entry into force, else
/// its own date.
fn reference(document: &Document) -> Option<When> {
    document
        .in_force_date()
        .or_else(|| document.date.as_ref().map(|date| date.value.clone()))
}

fn frame(older: &Document, newer: &Document) -> Frame {
    match (reference(older), reference(newer)) {
        (Some(a), Some(b)) if a.start != b.start => Frame::Relative,
        _ => Frame::Absolute,
    }
}

/// The origin absolute dates count from; any fixed point serves.
const ORIGIN: DateTime = DateTime::constant(1900, 1, 1, 0, 0, 0, 0);

/// Where the attribute falls in `frame`: from a fixed origin, or from the
/// document's own date.
fn moment(
    frame: Frame,
    (document, clause): (&Document, &Clause),
    key: Key,
) -> Option<SignedDuration> {
    match frame {
        Frame::Absolute => Some(clause.when(key)?.start.duration_since(ORIGIN)),
        Frame::Relative => {
            // Counted from signing as written, whatever the document's date.
            let written =
                clause
                    .all(key)
                    .find_map(|attribute| match attribute.value.deadline()? {
                        Deadline::Immediate => Some(SignedDuration::ZERO),
                        Deadline::Relative {
                            offset,
                            anchor: Anchor::Signing,
                        } => Some(SignedDuration::from_secs(
                            (offset.approximate_hours() * 3600.0) as i64,
                        )),
                        _ => None,
                    });
            if written.is_some() {
                return written;
            }
            let reference = reference(document)?;
            Some(clause.when(key)?.start.duration_since(reference.start))
        }
    }
}

/// The two drafts' moments of the attribute, in the frame the drafts call for.
pub fn moments(
    older: (&Document, &Clause),
    newer: (&Document, &Clause),
    key: Key,
) -> Option<(SignedDuration, SignedDuration, Frame)> {
    let frame = frame(older.0, newer.0);
    Some((
        moment(frame, older, key)?,
        moment(frame, newer, key)?,
        frame,
    ))
}

/// How far a date attribute moves, and which way.
pub fn shift(older: (&Document, &Clause), newer: (&Document, &Clause), key: Key) -> Option<Shift> {
    let (a, b, frame) = moments(older, newer, key)?;
    // Dates as they stand move in calendar units (1 month, not 30 days).
    let calendar = match frame {
        Frame::Absolute => older
            .1
            .when(key)
            .zip(newer.1.when(key))
            .and_then(|(a, b)| crate::model::date_shift(a, b)),
        Frame::Relative => None,
    };
    let size = match calendar {
        Some((size, _)) => size,
        None => size(b.checked_sub(a)?.abs()),
    };
    Some(Shift {
        size,
        direction: b.cmp(&a),
        frame,
    })
}

/// `3 days`, `2 weeks`, `1 day 12 hours`, `45 minutes`; months are not
/// guessed from days.
fn size(duration: SignedDuration) -> String {
    let minutes = duration.as_secs() / 60;
    let amounts = [0, 0, minutes / 1440, minutes / 60 % 24, minutes % 60];
    crate::model::amounts_phrase(amounts).unwrap_or_else(|| "0 days".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How clause `index` moves `key` between two drafts dated `older` and
    /// `newer` (the date lines), whose clauses are the same but for the
    /// handover's deadline: 3 days after signing, then 6 May 2018.
    fn shift_of(older: &str, newer: &str, index: usize, key: Key) -> Shift {
        let text = format!(
            "agreement a {{\n  {older}\n  clause 1 ceasefire {{ start immediate }}\n  clause 2 weapons_handover {{ deadline within 3 days of signing }}\n}}\n\
             agreement b {{\n  {newer}\n  clause 1 ceasefire {{ start immediate }}\n  clause 2 weapons_handover {{ deadline 2018-05-06 }}\n}}\n"
        );
        let loaded = crate::load_str("t.truce", &text);
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        let [a, b] = [&loaded.corpus.documents[0], &loaded.corpus.documents[1]];
        shift((a, &a.clauses[index]), (b, &b.clauses[index]), key).expect("both state it")
    }

    #[test]
    fn drafts_months_apart_compare_from_their_own_dates() {
        let start = shift_of("date 2017-10-04", "date 2018-05-01", 0, Key::Start);
        assert_eq!(
            (start.direction, start.frame),
            (Ordering::Equal, Frame::Relative)
        );
        let deadline = shift_of("date 2017-10-04", "date 2018-05-01", 1, Key::Deadline);
        // 3 days from 4 October 2017; 5 days from 1 May 2018.
        assert_eq!(deadline.size, "2 days");
        assert_eq!(deadline.direction, Ordering::Greater);
    }

    #[test]
    fn drafts_of_one_date_compare_dates_as_they_stand() {
        let deadline = shift_of("date 2018-05-01", "date 2018-05-01", 1, Key::Deadline);
        // "within 3 days of signing" falls on 4 May.
        assert_eq!(deadline.frame, Frame::Absolute);
        assert_eq!(
            (deadline.size.as_str(), deadline.direction),
            ("2 days", Ordering::Greater)
        );
    }

    #[test]
    fn sizes_are_said_in_days_weeks_hours_and_minutes() {
        let hours = |h: i64| size(SignedDuration::from_hours(h));
        assert_eq!(hours(36), "1 day 12 hours");
        assert_eq!(hours(14 * 24), "2 weeks");
        assert_eq!(size(SignedDuration::from_mins(45)), "45 minutes");
        assert_eq!(hours(0), "0 days");
    }
}
