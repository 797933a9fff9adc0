//! Padding text to a column width. `format!("{:width$}")` panics on widths past
//! 65,535, which a document id can reach; these pad any width.

/// `text` followed by spaces up to `width` characters.
pub fn left(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + width);
    out.push_str(text);
    out.extend(std::iter::repeat_n(
        ' ',
        width.saturating_sub(text.chars().count()),
    ));
    out
}

/// Spaces up to `width` characters, then `text`.
pub fn right(text: &str, width: usize) -> String {
    let mut out: String =
        std::iter::repeat_n(' ', width.saturating_sub(text.chars().count())).collect();
    out.push_str(text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_by_characters_and_never_truncates() {
        assert_eq!(left("ab", 4), "ab  ");
        assert_eq!(right("ab", 4), "  ab");
        assert_eq!(left("عرب", 4), "عرب ");
        assert_eq!(left("abcdef", 4), "abcdef");
        let long = "x".repeat(70_000);
        assert_eq!(left(&long, 70_001).len(), 70_001);
        assert_eq!(right("x", 70_000).len(), 70_000);
    }
}
