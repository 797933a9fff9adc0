//! nom parsers for single atoms. Each takes the rest of the input and returns the
//! atom's text; the statement parser turns text into spans and tree nodes.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while_m_n, take_while1};
use nom::character::complete::{char, one_of, satisfy};
use nom::combinator::{not, opt, peek, recognize};
use nom::{IResult, Parser};
use std::borrow::Cow;

fn digits(count: usize) -> impl Fn(&str) -> IResult<&str, &str> {
    move |input| take_while_m_n(count, count, |c: char| c.is_ascii_digit()).parse(input)
}

fn is_word_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_'
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

/// A word or dotted path: `clause`, `regime.army`. Every statement starts with
/// one and most atoms are one, so it scans bytes rather than combining
/// character parsers (which cost a sixth of all parsing); word characters are
/// ASCII, so a byte is a character here.
pub fn word(input: &str) -> IResult<&str, &str> {
    let bytes = input.as_bytes();
    let is_start = |at: usize| bytes.get(at).is_some_and(|&b| is_word_start(char::from(b)));
    if !is_start(0) {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Alpha,
        )));
    }
    let mut end = 1;
    loop {
        while bytes.get(end).is_some_and(|&b| is_word_char(char::from(b))) {
            end += 1;
        }
        // A dot continues the path only before another segment.
        if bytes.get(end) == Some(&b'.') && is_start(end + 1) {
            end += 2;
        } else {
            return Ok((&input[end..], &input[..end]));
        }
    }
}

/// `2018-05-03T12:00`, `...:30`, `...Z`, `...+03:00`, `...[Asia/Damascus]`.
pub fn datetime(input: &str) -> IResult<&str, &str> {
    let offset = alt((
        tag("Z"),
        recognize((one_of("+-"), digits(2), char(':'), digits(2))),
    ));
    let zone = recognize((
        char('['),
        take_while1(|c: char| c != ']' && !c.is_whitespace()),
        char(']'),
    ));
    recognize((
        date_only,
        char('T'),
        digits(2),
        char(':'),
        digits(2),
        opt((char(':'), digits(2))),
        opt(offset),
        opt(zone),
        not(peek(satisfy(is_word_char))),
    ))
    .parse(input)
}

fn date_only(input: &str) -> IResult<&str, &str> {
    recognize((digits(4), char('-'), digits(2), char('-'), digits(2))).parse(input)
}

/// `2018-05-01` or the month `2017-08`.
pub fn date(input: &str) -> IResult<&str, &str> {
    recognize((
        digits(4),
        char('-'),
        digits(2),
        opt((char('-'), digits(2))),
        not(peek(satisfy(|c| is_word_char(c) || c == '.'))),
    ))
    .parse(input)
}

/// A date in a form people write but truce does not read: `01/05/2018`,
/// `15.05.2018`, `2018/05/15`, `2018-5-15`, `2017-8`. Three groups of one to four
/// digits with the same `/`, `.` or `-` between them, or a year, `-` or `/` and
/// a month of one digit. Tried after [`date`] and [`datetime`], so an ISO date
/// never gets here.
pub fn foreign_date(input: &str) -> IResult<&str, &str> {
    let group = |input| take_while_m_n(1, 4, |c: char| c.is_ascii_digit()).parse(input);
    let end = not(peek(satisfy(|c| is_word_char(c) || matches!(c, '.' | '/'))));
    let three = |input| {
        let (rest, (_, separator, _)) = (group, one_of("/.-"), group).parse(input)?;
        (char(separator), group).parse(rest)
    };
    let year_month = (
        digits(4),
        one_of("-/"),
        take_while_m_n(1, 1, |c: char| c.is_ascii_digit()),
    );
    alt((
        recognize((three, end)),
        recognize((
            year_month,
            not(peek(satisfy(|c| is_word_char(c) || matches!(c, '.' | '/')))),
        )),
    ))
    .parse(input)
}

/// `12,000`, `1,400,000`: one to three digits, then groups of a comma and three
/// digits, and no digit or word straight after. A list of numbers is written
/// with spaces (`1, 234`), so this reads as one number with its thousands marked.
pub fn thousands(input: &str) -> IResult<&str, &str> {
    let group = (char(','), digits(3));
    recognize((
        take_while_m_n(1, 3, |c: char| c.is_ascii_digit()),
        nom::multi::many1_count(group),
        not(peek(satisfy(|c| is_word_char(c) || c == '.'))),
    ))
    .parse(input)
}

/// `12000`, `12_000`, `1.5`. A letter straight after is an error for the caller.
pub fn number(input: &str) -> IResult<&str, &str> {
    recognize((
        satisfy(|c| c.is_ascii_digit()),
        take_while(|c: char| c.is_ascii_digit() || c == '_'),
        opt((char('.'), take_while1(|c: char| c.is_ascii_digit()))),
    ))
    .parse(input)
}

/// Why a string could not be read.
#[derive(Debug, PartialEq)]
pub enum StringError {
    /// No closing quote; the offset is the opening quote's.
    Unterminated,
    /// A backslash not followed by `"`, `\`, `n` or `t`; byte offset into the string.
    BadEscape(usize),
}

/// A string after its opening quote: returns the decoded text and the bytes used,
/// closing quote included. A string without escapes (nearly all) is borrowed.
pub fn string_body(input: &str) -> Result<(Cow<'_, str>, usize), StringError> {
    // Strings hold most of a corpus's bytes: find the end with memchr's
    // vectorised search rather than a character at a time.
    let plain = memchr::memchr2(b'"', b'\\', input.as_bytes()).ok_or(StringError::Unterminated)?;
    if input.as_bytes()[plain] == b'"' {
        return Ok((Cow::Borrowed(&input[..plain]), plain + 1));
    }
    let mut out = String::from(&input[..plain]);
    let mut chars = input[plain..].char_indices();
    while let Some((index, c)) = chars.next() {
        let index = plain + index;
        match c {
            '"' => return Ok((Cow::Owned(out), index + 1)),
            '\\' => match chars.next() {
                Some((_, '"')) => out.push('"'),
                Some((_, '\\')) => out.push('\\'),
                Some((_, 'n')) => out.push('\n'),
                Some((_, 't')) => out.push('\t'),
                Some(_) => return Err(StringError::BadEscape(index)),
                None => return Err(StringError::Unterminated),
            },
            c => out.push(c),
        }
    }
    Err(StringError::Unterminated)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_paths() {
        assert_eq!(word("regime.army rest"), Ok((" rest", "regime.army")));
        assert_eq!(word("detainee_release{"), Ok(("{", "detainee_release")));
        assert!(word("1abc").is_err());
        assert_eq!(word("a.b-c.d_e x"), Ok((" x", "a.b-c.d_e")));
        assert_eq!(word("regime. x"), Ok((". x", "regime")));
        assert_eq!(word("regime.1st"), Ok((".1st", "regime")));
        assert!(word("é").is_err());
        assert_eq!(word("aé"), Ok(("é", "a")));
    }

    #[test]
    fn dates_months_and_datetimes() {
        assert_eq!(date("2018-05-01 x"), Ok((" x", "2018-05-01")));
        assert_eq!(date("2017-08\n"), Ok(("\n", "2017-08")));
        assert!(date("2018-05-01x").is_err());
        assert_eq!(
            datetime("2018-05-03T12:00[Asia/Damascus] else"),
            Ok((" else", "2018-05-03T12:00[Asia/Damascus]"))
        );
        assert_eq!(
            datetime("2018-05-03T12:00:30+03:00"),
            Ok(("", "2018-05-03T12:00:30+03:00"))
        );
        assert!(datetime("2018-05-03").is_err());
    }

    #[test]
    fn dates_in_other_formats() {
        for text in [
            "01/05/2018",
            "15.05.2018",
            "2018/05/15",
            "2018-5-15",
            "2017-8",
            "1/5/18",
        ] {
            assert_eq!(foreign_date(text), Ok(("", text)));
        }
        assert_eq!(foreign_date("01/05/2018 x"), Ok((" x", "01/05/2018")));
        // Mixed separators, a decimal, a word straight after: not dates.
        assert!(foreign_date("01/05-2018").is_err());
        assert!(foreign_date("1.5").is_err());
        assert!(foreign_date("01/05/2018km").is_err());
    }

    #[test]
    fn numbers_with_thousands_marked() {
        assert_eq!(thousands("12,000 x"), Ok((" x", "12,000")));
        assert_eq!(thousands("1,400,000"), Ok(("", "1,400,000")));
        assert!(thousands("12, 000").is_err());
        assert!(thousands("12,0000").is_err());
        assert!(thousands("1234,000").is_err());
    }

    #[test]
    fn numbers() {
        assert_eq!(number("12_000 x"), Ok((" x", "12_000")));
        assert_eq!(number("1.5km"), Ok(("km", "1.5")));
        assert_eq!(number("6."), Ok((".", "6")));
    }

    #[test]
    fn strings_decode_escapes_and_report_errors() {
        assert_eq!(
            string_body(r#"say \"no\"\n" rest"#),
            Ok((Cow::Owned("say \"no\"\n".to_string()), 13))
        );
        assert_eq!(string_body("plain\" rest"), Ok((Cow::Borrowed("plain"), 6)));
        assert_eq!(string_body("open"), Err(StringError::Unterminated));
        assert_eq!(string_body(r"a\q"), Err(StringError::BadEscape(1)));
    }
}
