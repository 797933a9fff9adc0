//! What to say about a number or date written the way people write them but not
//! the way truce reads them: `01/05/2018`, `2018-5-15`, `12,000`. The lexer finds
//! the token; this module turns it into an error that says how to write it.

use crate::diagnostic::Diagnostic;
use crate::error_code::ErrorCode;
use crate::source::Span;

/// The form every date takes, for messages.
const DATE_FORM: &str = "a date as YYYY-MM-DD, such as 2018-05-01, or a month as YYYY-MM";

/// A date in another format. `text` is the token: two or three groups of digits
/// with `/`, `.` or `-` between them.
pub fn foreign_date(text: &str, span: Span) -> Diagnostic {
    let groups: Vec<&str> = text.split(['/', '.', '-']).collect();
    let error = Diagnostic::new(format!("`{text}` is not a date truce reads"), span)
        .code(ErrorCode::DateFormat)
        .expected(DATE_FORM);
    let numbers: Option<Vec<u32>> = groups.iter().map(|group| group.parse().ok()).collect();
    let hint = match (groups.as_slice(), numbers.as_deref()) {
        // Year first: `2018-5-15`, `2018/05/15`, `2017-8`.
        ([year, ..], Some([y, m])) if year.len() == 4 => month(*y, *m)
            .map(|month| format!("write `{month}`: the month takes two digits")),
        ([year, ..], Some([y, m, d])) if year.len() == 4 => {
            iso(*y, *m, *d).map(|date| format!("write `{date}`: the year, the month and the day joined by `-`, the month and the day in two digits"))
        }
        // Year last: day and month in one order or the other.
        ([_, _, year], Some([first, second, y])) if year.len() == 4 || year.len() == 2 => {
            let y = if year.len() == 2 { 2000 + y } else { *y };
            day_and_month(text, y, *first, *second, year.len() == 2)
        }
        _ => None,
    };
    error.hint(
        hint.unwrap_or_else(|| "write the year, the month and the day, as in `2018-05-01`".into()),
    )
}

/// A number with commas between its thousands: `12,000`.
pub fn thousands_separator(text: &str, span: Span) -> Diagnostic {
    let digits: String = text.chars().filter(|c| *c != ',').collect();
    Diagnostic::new(
        format!("`{text}` has commas between its thousands"),
        span,
    )
    .code(ErrorCode::ThousandsSeparator)
    .expected("a number without commas, such as 12000 or 12_000")
    .hint(format!(
        "write `{digits}` (or with `_` between the thousands); a comma separates the items of a list"
    ))
}

/// `2017-08`, when the month exists.
fn month(year: u32, month: u32) -> Option<String> {
    (1..=12)
        .contains(&month)
        .then(|| format!("{year:04}-{month:02}"))
}

/// `2018-05-01`, when the calendar has that day.
fn iso(year: u32, month: u32, day: u32) -> Option<String> {
    let (y, m, d) = (
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    );
    jiff::civil::Date::new(y, m, d)
        .ok()
        .map(|date| date.to_string())
}

/// What to write for `first/second/year`: one date when only one order gives a
/// real date (or both give the same), both when the two orders differ.
fn day_and_month(
    text: &str,
    year: u32,
    first: u32,
    second: u32,
    short_year: bool,
) -> Option<String> {
    let day_month = iso(year, second, first);
    let month_day = iso(year, first, second);
    let full_year = if short_year {
        format!(" (the year in full: is it {year}?)")
    } else {
        String::new()
    };
    match (day_month, month_day) {
        (Some(a), Some(b)) if a != b => Some(format!(
            "`{text}` is ambiguous between day/month and month/day orders: write `{a}` if it means {} (day/month, the usual order in Syrian and European sources), `{b}` if it means {} (month/day){full_year}",
            spoken(second, first),
            spoken(first, second),
        )),
        (Some(date), _) | (None, Some(date)) => Some(format!("write `{date}`{full_year}")),
        (None, None) => None,
    }
}

/// `1 May`.
fn spoken(month: u32, day: u32) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let name = MONTHS
        .get(month.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("?");
    format!("{day} {name}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hint(text: &str) -> String {
        foreign_date(text, Span::default()).hint.unwrap_or_default()
    }

    #[test]
    fn day_and_month_both_possible_is_called_ambiguous() {
        let hint = hint("01/05/2018");
        assert!(
            hint.contains("ambiguous between day/month and month/day"),
            "{hint}"
        );
        assert!(hint.contains("`2018-05-01` if it means 1 May"), "{hint}");
        assert!(
            hint.contains("`2018-01-05` if it means 5 January"),
            "{hint}"
        );
    }

    #[test]
    fn one_possible_order_gives_one_date() {
        assert_eq!(hint("15/05/2018"), "write `2018-05-15`");
        assert_eq!(hint("05/15/2018"), "write `2018-05-15`");
        assert_eq!(hint("05.05.2018"), "write `2018-05-05`");
        assert!(hint("2018-5-15").starts_with("write `2018-05-15`"));
        assert!(hint("2018/05/15").starts_with("write `2018-05-15`"));
        assert!(hint("2017-8").starts_with("write `2017-08`"));
    }

    #[test]
    fn a_short_year_is_asked_about() {
        assert!(hint("15/05/18").contains("is it 2018?"));
    }

    #[test]
    fn no_real_date_gets_the_form_only() {
        assert_eq!(
            hint("31/31/2018"),
            "write the year, the month and the day, as in `2018-05-01`"
        );
    }

    #[test]
    fn thousands_are_written_without_commas() {
        let error = thousands_separator("1,400,000", Span::default());
        assert_eq!(error.code, Some(ErrorCode::ThousandsSeparator));
        assert!(
            error
                .hint
                .unwrap_or_default()
                .starts_with("write `1400000`")
        );
    }
}
