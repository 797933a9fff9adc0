//! The stable codes of input errors: one table, read by the renderers (text and
//! JSON), the language server and the README's list (which
//! `tests/documentation.rs` keeps in step with it).
//!
//! A code names a kind of error, not a message: messages may be reworded, a code
//! never changes meaning and is never reused. The first two digits say which
//! stage found the error: `E00` the files and the command line, `E01` reading the
//! text (the lexer and the statement parser), `E02` the statements, `E03` the
//! values, `E04` the checks on the whole model, `E05` JSON input.

use serde::{Serialize, Serializer};

/// Declares the codes with their spelling, name and summary, in one place.
macro_rules! error_codes {
    ($($variant:ident = $code:literal, $name:literal, $summary:literal;)*) => {
        /// A kind of input error. See the module documentation.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum ErrorCode {
            $($variant,)*
        }

        impl ErrorCode {
            /// Every code, in the order of the table.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)*];

            /// `E0102`.
            pub fn code(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $code,)*
                }
            }

            /// `unclosed-block`: what the code means, in a word or two.
            pub fn name(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $name,)*
                }
            }

            /// One line on what the kind covers.
            pub fn summary(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $summary,)*
                }
            }
        }
    };
}

error_codes! {
    UnreadablePath = "E0001", "unreadable-path",
        "a path that cannot be read or written: missing, not a regular file, too large, a folder with no `.truce` files, a loop of links";
    NotUtf8 = "E0002", "not-utf8",
        "a file that is not valid UTF-8";
    TooManyErrors = "E0003", "too-many-errors",
        "a file has more errors than are shown";
    UnknownArgument = "E0004", "unknown-argument",
        "a command-line argument names no document, file, rule or red line";
    InvalidConfig = "E0005", "invalid-config",
        "a truce.toml that is not TOML, or sets an option or a severity truce does not have";
    UnexpectedCharacter = "E0101", "unexpected-character",
        "a character no word, string, number or date starts with";
    UnclosedBlock = "E0102", "unclosed-block",
        "a `{` that is never closed";
    UnmatchedBrace = "E0103", "unmatched-brace",
        "a `}` with no open `{`";
    UnclosedString = "E0104", "unclosed-string",
        "a string with no closing `\"` on its line";
    UnknownEscape = "E0105", "unknown-escape",
        "a backslash in a string not followed by `\"`, `\\`, `n` or `t`";
    DateFormat = "E0106", "date-format",
        "a date written in another format than YYYY-MM-DD (`01/05/2018`, `2018-5-15`)";
    ThousandsSeparator = "E0107", "thousands-separator",
        "a number written with commas between its thousands (`12,000`)";
    NumberJoinedToWord = "E0108", "number-joined-to-word",
        "a number with a word straight after it (`6months`)";
    NestingTooDeep = "E0109", "nesting-too-deep",
        "blocks nested deeper than the limit";
    LoneCarriageReturn = "E0110", "lone-carriage-return",
        "a carriage return that ends no line";
    MissingKeyword = "E0111", "missing-keyword",
        "a statement that does not start with a word";
    UnexpectedToken = "E0201", "unexpected-token",
        "a statement has a word, value or sign where another was expected";
    UnknownStatement = "E0202", "unknown-statement",
        "a statement or attribute the language does not have, or not in this place";
    UnknownClauseKind = "E0203", "unknown-clause-kind",
        "a clause kind the vocabulary does not have";
    UnknownWord = "E0204", "unknown-word",
        "a word outside its closed list: a side, role, strength, status, kind of place";
    UnquotedName = "E0205", "unquoted-name",
        "a name or free text written without quotes";
    InvalidStatement = "E0206", "invalid-statement",
        "a statement of the wrong shape: a missing body, a block where none belongs, a part given twice";
    MissingReason = "E0207", "missing-reason",
        "an `allow` line that gives no reason, or an empty one, for the gap it accepts";
    InvalidDate = "E0301", "invalid-date",
        "a date or time the calendar does not have";
    InvalidValue = "E0302", "invalid-value",
        "a value out of range, a range that runs backwards, a part of a number where a whole one is needed";
    DuplicateId = "E0401", "duplicate-id",
        "an id declared twice";
    UndefinedName = "E0402", "undefined-name",
        "a name or clause number that refers to nothing declared";
    Cycle = "E0403", "cycle",
        "a unit or place that contains itself, or links between documents that lead back where they start";
    InvalidModel = "E0404", "invalid-model",
        "any other inconsistency of the checked model";
    UnknownRule = "E0405", "unknown-rule",
        "an `allow` line or truce.toml naming a rule the registry does not have, or one it cannot take";
    InvalidJson = "E0501", "invalid-json",
        "JSON input that is not valid JSON or not of the interchange's schema";
}

impl ErrorCode {
    /// The code for `E0102`, `e0102` or `unclosed-block`.
    pub fn find(word: &str) -> Option<ErrorCode> {
        ErrorCode::ALL
            .iter()
            .copied()
            .find(|code| code.code().eq_ignore_ascii_case(word) || code.name() == word)
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// As its code, `"E0102"`.
impl Serialize for ErrorCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_and_names_are_unique_and_well_formed() {
        let codes: HashSet<_> = ErrorCode::ALL.iter().map(|c| c.code()).collect();
        let names: HashSet<_> = ErrorCode::ALL.iter().map(|c| c.name()).collect();
        assert_eq!(codes.len(), ErrorCode::ALL.len());
        assert_eq!(names.len(), ErrorCode::ALL.len());
        for code in ErrorCode::ALL {
            let text = code.code();
            assert!(
                text.len() == 5
                    && text.starts_with('E')
                    && text[1..].chars().all(|c| c.is_ascii_digit()),
                "{text}"
            );
            assert!(
                code.name()
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()),
                "{}",
                code.name()
            );
        }
    }

    #[test]
    fn found_by_code_in_any_case_or_by_name() {
        assert_eq!(ErrorCode::find("e0102"), Some(ErrorCode::UnclosedBlock));
        assert_eq!(
            ErrorCode::find("unclosed-block"),
            Some(ErrorCode::UnclosedBlock)
        );
        assert_eq!(ErrorCode::find("E9999"), None);
    }
}
