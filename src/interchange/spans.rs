//! Spans in JSON name their file by its index in the file's own `files` table;
//! once read, they must name the [`crate::source::FileId`] the file was given.
//!
//! Two ways do it. [`rebase`] walks the JSON value, so that a field added to the
//! model can never be missed; it is the slow path's, and says where a bad span is.
//! The fast path (`super::fast`) reads the wire types straight from the text, and
//! every span it reads passes through [`place`] (the one way a
//! [`wire::Span`] is deserialised), which rebases it and keeps a [`Tally`] of what
//! it named; [`Tally::fits`] then holds the tally against the `files` table. Both
//! accept the same spans, and neither can miss one.

use std::cell::RefCell;

use serde_json::Value;

use super::wire;

/// Add `base` to the `file` of every span (an object of exactly `file`, `start` and
/// `end`) under `documents`, `requirements` and `tests`, checking that each names
/// one of the `files` table's files (`lengths` holds each one's length in bytes)
/// and lies inside its text, start before end. An object with those three keys
/// and more is refused, so a span cannot escape the checks by carrying an extra
/// key. Returns the JSON path of the first bad span otherwise.
pub fn rebase(
    root: &mut Value,
    lengths: &[Option<usize>],
    base: usize,
) -> Result<(), (String, String)> {
    let Value::Object(fields) = root else {
        return Ok(());
    };
    for (key, value) in fields.iter_mut() {
        if ["documents", "requirements", "tests"].contains(&key.as_str()) {
            walk(value, lengths, base, &mut vec![Step::Key(key)])?;
        }
    }
    Ok(())
}

/// One step of the path to a value, borrowed from the JSON itself: the path is
/// only written out for an error, so the walk must not copy it at every step.
#[derive(Clone, Copy)]
enum Step<'v> {
    Key(&'v str),
    Index(usize),
}

fn walk<'v>(
    value: &'v mut Value,
    lengths: &[Option<usize>],
    base: usize,
    path: &mut Vec<Step<'v>>,
) -> Result<(), (String, String)> {
    let count = lengths.len();
    // An explicit stack of work would avoid recursion, but serde_json has already
    // refused anything nested deeper than 128 levels.
    match value {
        Value::Object(fields) => {
            if looks_like_span(fields) && !is_span(fields) {
                let extra: Vec<&String> = fields
                    .keys()
                    .filter(|key| !["file", "start", "end"].contains(&key.as_str()))
                    .collect();
                return Err((
                    display(path),
                    format!(
                        "a span has a key besides file, start and end: `{}`",
                        extra[0]
                    ),
                ));
            }
            if is_span(fields) {
                let number = |key: &str| {
                    fields
                        .get(key)
                        .and_then(Value::as_u64)
                        .and_then(|n| usize::try_from(n).ok())
                };
                let (start, end) = (number("start"), number("end"));
                let file = fields.get_mut("file").and_then(|file| {
                    let index = file.as_u64().and_then(|i| usize::try_from(i).ok())?;
                    (index < count).then_some((file, index))
                });
                match file {
                    Some((file, index)) => {
                        match (start, end) {
                            (Some(start), Some(end))
                                if start <= end && lengths[index].is_none_or(|l| end <= l) => {}
                            _ => {
                                return Err((
                                    display(path),
                                    format!(
                                        "a span runs from {} to {}, which is not a range inside \
                                         the {} bytes of file {index}",
                                        start.map_or("?".to_string(), |s| s.to_string()),
                                        end.map_or("?".to_string(), |e| e.to_string()),
                                        lengths[index].unwrap_or(0)
                                    ),
                                ));
                            }
                        }
                        *file = Value::from(index + base)
                    }
                    None => {
                        path.push(Step::Key("file"));
                        return Err((
                            display(path),
                            format!(
                                "a span names file {}, but `files` lists {count}",
                                fields.get("file").map_or(Value::Null, Value::clone)
                            ),
                        ));
                    }
                }
                return Ok(());
            }
            for (key, child) in fields.iter_mut() {
                path.push(Step::Key(key));
                walk(child, lengths, base, path)?;
                path.pop();
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter_mut().enumerate() {
                path.push(Step::Index(index));
                walk(child, lengths, base, path)?;
                path.pop();
            }
        }
        _ => {}
    }
    Ok(())
}

/// Whether an object holds the keys of a span, whatever else it holds.
fn looks_like_span(fields: &serde_json::Map<String, Value>) -> bool {
    ["file", "start", "end"]
        .iter()
        .all(|key| fields.contains_key(*key))
}

fn is_span(fields: &serde_json::Map<String, Value>) -> bool {
    fields.len() == 3
        && ["file", "start", "end"]
            .iter()
            .all(|key| fields.contains_key(*key))
}

/// `documents[0].clauses[2].span.file`, as serde_path_to_error writes paths.
fn display(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Step::Index(index) => out.push_str(&format!("[{index}]")),
        }
    }
    out
}

/// What the fast path's spans named, as they were read: the file's `files`
/// table may come after the documents, so the spans are checked against it
/// once the whole file is read.
#[derive(Debug, Default)]
pub struct Tally {
    /// Added to every span's `file`: the first [`crate::source::FileId`] the
    /// JSON's files will be given.
    base: usize,
    /// The largest `end` of a span into each file, by the file's index in the
    /// JSON; its length is one more than the largest index named.
    ends: Vec<usize>,
}

/// Files past this index send a JSON file to the slow path, so that a span
/// naming file 4,000,000,000 cannot make the tally allocate for it.
const MOST_FILES: usize = 1 << 20;

impl Tally {
    /// Whether every span named one of the `files` table's files (`lengths`
    /// holds each one's length in bytes) and ended inside its text: what
    /// [`rebase`] checks, for what [`place`] counted.
    pub fn fits(&self, lengths: &[Option<usize>]) -> bool {
        self.ends.len() <= lengths.len()
            && self
                .ends
                .iter()
                .zip(lengths)
                .all(|(end, length)| length.is_none_or(|length| *end <= length))
    }
}

thread_local! {
    /// The tally of the fast path's read on this thread, if one is under way.
    /// serde's derived `Deserialize` passes no context down to a span, and
    /// the alternative, a hand-written walk over every wire type, is what
    /// a field added later could escape; the scope is one call of
    /// [`tallied`], and nothing else sets it.
    static TALLY: RefCell<Option<Tally>> = const { RefCell::new(None) };
}

/// Run `read` with every span it deserialises rebased by `base` and tallied;
/// returns what `read` returned and the tally.
pub fn tallied<T>(base: usize, read: impl FnOnce() -> T) -> (T, Tally) {
    /// Puts back the tally that was there before, even if `read` panics.
    struct Restore(Option<Tally>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let outer = self.0.take();
            TALLY.with(|tally| *tally.borrow_mut() = outer);
        }
    }
    let outer = TALLY.with(|tally| {
        tally.borrow_mut().replace(Tally {
            base,
            ends: Vec::new(),
        })
    });
    let restore = Restore(outer);
    let result = read();
    let tally = TALLY
        .with(|tally| tally.borrow_mut().take())
        .unwrap_or_default();
    drop(restore);
    (result, tally)
}

/// A span as deserialised: unchanged outside [`tallied`] (the slow path has
/// rebased it in the JSON value already); inside, rebased and counted, or
/// refused if it runs backwards or names a file past [`MOST_FILES`].
pub fn place(raw: wire::RawSpan) -> Result<wire::Span, String> {
    let wire::RawSpan { file, start, end } = raw;
    TALLY.with(|tally| {
        let mut tally = tally.borrow_mut();
        let Some(tally) = tally.as_mut() else {
            return Ok(wire::Span { file, start, end });
        };
        if start > end || file >= MOST_FILES {
            return Err(format!("a span runs from {start} to {end} in file {file}"));
        }
        if file >= tally.ends.len() {
            tally.ends.resize(file + 1, 0);
        }
        tally.ends[file] = tally.ends[file].max(end);
        let file = file
            .checked_add(tally.base)
            .ok_or_else(|| "a span's file is out of range".to_string())?;
        Ok(wire::Span { file, start, end })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn rebases_every_span_and_rejects_unknown_files() {
        let mut value = json!({
            "documents": [{ "id": { "value": "a", "span": { "file": 1, "start": 0, "end": 1 } },
                            "when": { "text": "x", "start": 2, "end": 3 } }]
        });
        rebase(&mut value, &[Some(5), Some(5)], 10).unwrap();
        assert_eq!(value["documents"][0]["id"]["span"]["file"], 11);
        assert_eq!(value["documents"][0]["when"]["start"], 2);
        let error = rebase(&mut value, &[Some(5), Some(5)], 0).unwrap_err();
        assert_eq!(error.0, "documents[0].id.span.file");
        assert_eq!(error.1, "a span names file 11, but `files` lists 2");
    }

    #[test]
    fn a_span_outside_its_file_or_with_an_extra_key_is_refused() {
        let span = |span: serde_json::Value| json!({ "documents": [{ "span": span }] });
        let mut outside = span(json!({ "file": 0, "start": 3, "end": 9 }));
        let error = rebase(&mut outside, &[Some(5)], 0).unwrap_err();
        assert_eq!(error.0, "documents[0].span");
        assert!(error.1.contains("from 3 to 9"), "{}", error.1);
        let mut backwards = span(json!({ "file": 0, "start": 4, "end": 2 }));
        assert!(rebase(&mut backwards, &[Some(5)], 0).is_err());
        let mut extra = span(json!({ "file": 0, "start": 0, "end": 1, "x": 0 }));
        let error = rebase(&mut extra, &[Some(5)], 0).unwrap_err();
        assert!(error.1.contains("`x`"), "{}", error.1);
        let mut fine = span(json!({ "file": 0, "start": 0, "end": 5 }));
        assert!(rebase(&mut fine, &[Some(5)], 0).is_ok());
    }

    #[test]
    fn spans_are_placed_only_inside_a_tally() {
        let raw = || wire::RawSpan {
            file: 1,
            start: 2,
            end: 7,
        };
        assert_eq!(place(raw()).map(|span| span.file), Ok(1));
        let (placed, tally) = tallied(10, || place(raw()));
        assert_eq!(placed.map(|span| span.file), Ok(11));
        assert!(tally.fits(&[None, Some(7)]));
        assert!(!tally.fits(&[None, Some(6)]));
        assert!(!tally.fits(&[None]));
        assert_eq!(place(raw()).map(|span| span.file), Ok(1));
        let backwards = wire::RawSpan {
            file: 0,
            start: 3,
            end: 2,
        };
        assert!(tallied(0, || place(backwards)).0.is_err());
    }
}
