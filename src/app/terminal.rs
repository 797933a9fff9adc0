//! The width text reports fit: `truce coverage`'s table, and `truce compare`'s
//! side-by-side report when `--width` does not say.

/// The width when neither `COLUMNS` nor a terminal says.
pub const DEFAULT_WIDTH: usize = 100;
/// The narrowest width given: below it, a column holds a word or two.
pub const MIN_WIDTH: usize = 40;
/// The widest report truce lays out: wider terminals get this width, and a wider
/// `--width` is a usage error. A width is a promise of memory per line.
pub const MAX_WIDTH: usize = 1000;

/// The width to fit: `COLUMNS` when it holds a positive number, else the width
/// of the terminal that standard output, standard error or standard input is
/// (in that order, so `truce compare a b | less` still fits the screen), else
/// [`DEFAULT_WIDTH`]; never below [`MIN_WIDTH`] nor above [`MAX_WIDTH`].
///
/// Output is the same on every machine when `COLUMNS` is set, or when no
/// stream is a terminal, as in tests and CI.
pub fn terminal_width() -> usize {
    let columns = std::env::var("COLUMNS").ok();
    fit(columns.as_deref(), || {
        terminal_size::terminal_size().map(|(terminal_size::Width(width), _)| usize::from(width))
    })
}

/// [`terminal_width`] from the value of `COLUMNS` and a way to ask the terminal.
fn fit(columns: Option<&str>, terminal: impl FnOnce() -> Option<usize>) -> usize {
    columns
        .and_then(|columns| columns.trim().parse::<usize>().ok())
        .filter(|&columns| columns > 0)
        .or_else(terminal)
        .unwrap_or(DEFAULT_WIDTH)
        .clamp(MIN_WIDTH, MAX_WIDTH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_wins_over_the_terminal() {
        assert_eq!(fit(Some("60"), || Some(200)), 60);
        assert_eq!(fit(Some(" 120\n"), || None), 120);
    }

    #[test]
    fn without_a_usable_columns_the_terminal_then_the_default() {
        for columns in [None, Some(""), Some("wide"), Some("0"), Some("-5")] {
            assert_eq!(fit(columns, || Some(150)), 150, "{columns:?}");
            assert_eq!(fit(columns, || None), DEFAULT_WIDTH, "{columns:?}");
        }
    }

    #[test]
    fn never_narrower_than_the_minimum() {
        assert_eq!(fit(Some("30"), || Some(200)), MIN_WIDTH);
        assert_eq!(fit(None, || Some(12)), MIN_WIDTH);
        assert_eq!(fit(Some("40"), || None), 40);
        assert_eq!(fit(Some("99999999999"), || None), MAX_WIDTH);
        assert_eq!(fit(None, || Some(5000)), MAX_WIDTH);
    }
}
