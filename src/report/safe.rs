//! Text for a terminal: control characters from sources, file names and ids are
//! shown as escapes, so a file cannot clear the screen, move the cursor, or
//! reorder what is shown with bidirectional overrides. The colour codes truce
//! writes itself (`ESC [ … m`) pass; nothing else that controls the terminal does.

use std::borrow::Cow;

/// `text` with every control character but newline and tab written as `\u{…}`,
/// keeping colour sequences (`ESC [` digits and `;` then `m`).
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '\u{1b}'
            && let Some(length) = colour_sequence(rest)
        {
            out.push_str(&rest[..length]);
            rest = &rest[length..];
            continue;
        }
        if needs_escape(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    Cow::Owned(out)
}

fn needs_escape(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        // Bidirectional embeddings, overrides and isolates, and the marks.
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The length of a colour sequence at the start of `text`: ESC, `[`, digits and
/// `;`, then `m`.
fn colour_sequence(text: &str) -> Option<usize> {
    let body = text.strip_prefix("\u{1b}[")?;
    let digits = body
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b';')
        .count();
    (body.as_bytes().get(digits) == Some(&b'm')).then_some(2 + digits + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_controls_and_keeps_colours_newlines_and_tabs() {
        assert_eq!(terminal_safe("plain\ttext\n"), "plain\ttext\n");
        assert!(matches!(terminal_safe("plain"), Cow::Borrowed(_)));
        assert_eq!(
            terminal_safe("\u{1b}[31merror\u{1b}[0m"),
            "\u{1b}[31merror\u{1b}[0m"
        );
        assert_eq!(terminal_safe("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(terminal_safe("line\rforged"), "line\\u{d}forged");
        assert_eq!(terminal_safe("x\u{7}\u{85}y"), "x\\u{7}\\u{85}y");
        assert_eq!(terminal_safe("abc\u{202e}def"), "abc\\u{202e}def");
        assert_eq!(terminal_safe("\u{1b}"), "\\u{1b}");
    }
}
