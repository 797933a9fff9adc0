//! Byte offsets ↔ LSP positions. The protocol counts a position's character in
//! UTF-16 code units (its default encoding, and the only one every client
//! speaks); truce's spans are byte offsets into UTF-8. One line index per
//! document version does both directions.

use lsp_types::{Position, Range};

/// Where each line of a text starts.
pub struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    pub fn new(text: &'t str) -> LineIndex<'t> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        LineIndex { text, starts }
    }

    /// The position of a byte offset; an offset inside a character counts from
    /// that character's start, one past the end is the end.
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let start = self.starts[line];
        let character = self.text[start..offset].encode_utf16().count();
        Position::new(to_u32(line), to_u32(character))
    }

    pub fn range(&self, start: usize, end: usize) -> Range {
        Range::new(self.position(start), self.position(end.max(start)))
    }

    /// The byte offset of a position; a character past the end of its line is
    /// the line's end (before its line break), a line past the last is the end.
    pub fn offset(&self, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return self.text.len();
        };
        let line = &self.text[start..];
        let line = &line[..line.find('\n').unwrap_or(line.len())];
        let line = line.strip_suffix('\r').unwrap_or(line);
        let mut units = 0;
        for (at, c) in line.char_indices() {
            if units >= position.character as usize {
                return start + at;
            }
            units += c.len_utf16();
        }
        start + line.len()
    }
}

fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_are_counted_in_utf16_code_units() {
        // 'é' is 2 bytes and 1 unit; '𝄞' is 4 bytes and 2 units.
        let text = "ab\né𝄞x\r\nlast";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap_or(0);
        assert_eq!(index.position(x), Position::new(1, 3));
        assert_eq!(index.offset(Position::new(1, 3)), x);
        assert_eq!(index.position(0), Position::new(0, 0));
        assert_eq!(index.position(text.len()), Position::new(2, 4));
    }

    #[test]
    fn positions_off_the_text_are_clamped() {
        let text = "ab\ncd\r\n";
        let index = LineIndex::new(text);
        // Past the end of line 1: before its CRLF.
        assert_eq!(index.offset(Position::new(1, 99)), 5);
        assert_eq!(index.offset(Position::new(9, 0)), text.len());
        // Inside a character: its start.
        let index = LineIndex::new("é");
        assert_eq!(index.position(1), Position::new(0, 0));
    }
}
