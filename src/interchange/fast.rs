//! The fast path of [`super::import`]: the wire types read straight from the
//! text, in one pass, as `serde_json::from_str` reads them, with the spans
//! rebased and tallied as they are read ([`super::spans::place`]). It accepts
//! exactly what the slow path accepts, and gives up, with no error of its own,
//! on anything else, which the slow path then reads again for a located error:
//! - a key twice in one object: serde's derived structs refuse a field seen
//!   twice, and every object of the format is a struct or an enum whose tag
//!   and content are fields (tested below), none of them taking unknown keys;
//! - the version, checked once read;
//! - a span outside its file, held against the `files` table once read (the
//!   table may come after the documents);
//! - everything the wire types refuse, which both paths refuse alike.

use super::spans::{self, Tally};
use super::{Import, VERSION};

/// The file read in one pass, with its spans rebased by `base`; `None` if
/// anything is wrong with it.
pub(super) fn read(text: &str, base: usize) -> Option<Import<'_>> {
    let (read, tally) = spans::tallied(base, || serde_json::from_str::<Import>(text));
    let import = read.ok()?;
    accepts(&import, &tally).then_some(import)
}

/// What the slow path checks that deserialising did not: the version, and the
/// spans against the files.
fn accepts(import: &Import, tally: &Tally) -> bool {
    let lengths: Vec<Option<usize>> = import
        .files
        .iter()
        .map(|file| file.text.as_deref().map(str::len))
        .collect();
    import.version.as_u64() == Some(VERSION) && tally.fits(&lengths)
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;
    use crate::interchange::wire;
    use crate::source::Sources;

    /// A file holding every value type, anchor, deadline and assertion.
    const COMPLETE: &str = include_str!("../../tests/fixtures/interchange/complete.json");

    /// The complete file with `key` written twice in the object at `pointer`:
    /// once as `extra`, once as it was.
    fn twice(pointer: &str, key: &str, extra: Value) -> String {
        let mut value: Value = serde_json::from_str(COMPLETE).expect("the fixture is JSON");
        let object = value
            .pointer_mut(pointer)
            .and_then(Value::as_object_mut)
            .unwrap_or_else(|| panic!("no object at {pointer}"));
        assert!(object.contains_key(key), "{pointer} has no `{key}`");
        object.insert("twice_marker".into(), Value::Null);
        let text = serde_json::to_string(&value).expect("serialises");
        text.replacen("\"twice_marker\":null", &format!("\"{key}\":{extra}"), 1)
    }

    /// Every kind of object the format has: structs, spans, the envelope, the
    /// tag and the content of adjacently tagged enums (values, actors, places),
    /// the tag and the fields of internally tagged ones (deadlines, anchors,
    /// assertions), and a struct variant inside an adjacently tagged enum.
    const TWICE: &[(&str, &str, &str)] = &[
        ("", "truce_json", "1"),
        ("/files/0", "name", "\"x\""),
        (
            "/documents/0",
            "id",
            "{\"value\": \"x\", \"span\": {\"file\": 0, \"start\": 0, \"end\": 0}}",
        ),
        ("/documents/0/span", "end", "0"),
        ("/documents/0/clauses/0", "recital", "true"),
        ("/documents/0/clauses/0/kind", "value", "\"ceasefire\""),
        (
            "/documents/0/clauses/0/attributes/0/value",
            "type",
            "\"text\"",
        ),
        (
            "/documents/0/clauses/0/attributes/0/value",
            "value",
            "\"x\"",
        ),
        (
            "/documents/0/clauses/0/attributes/0/value/value/0/value",
            "kind",
            "\"group\"",
        ),
        (
            "/documents/0/clauses/0/attributes/0/value/value/0/value",
            "name",
            "\"x\"",
        ),
        ("/documents/0/region/value", "name", "\"x\""),
        (
            "/documents/0/clauses/1/attributes/6/value/value",
            "kind",
            "\"relative\"",
        ),
        (
            "/documents/0/clauses/1/attributes/6/value/value/anchor",
            "kind",
            "\"signing\"",
        ),
        (
            "/documents/0/clauses/1/attributes/6/value/value/anchor",
            "point",
            "null",
        ),
        (
            "/documents/0/clauses/1/attributes/7/value/value",
            "kind",
            "\"immediate\"",
        ),
        (
            "/documents/0/clauses/3/attributes/0/value/value",
            "min",
            "1",
        ),
        ("/documents/2/in_force/value", "kind", "\"no_later_than\""),
        ("/tests/0/assertions/2/kind", "assert", "\"quiet\""),
        ("/tests/0/assertions/2/kind", "clause", "null"),
    ];

    #[test]
    fn the_complete_file_takes_the_fast_path() {
        assert!(read(COMPLETE, 0).is_some());
    }

    #[test]
    fn a_key_twice_anywhere_leaves_the_fast_path_for_the_located_error() {
        for (pointer, key, extra) in TWICE {
            let extra: Value = serde_json::from_str(extra).expect("the extra value is JSON");
            let text = twice(pointer, key, extra);
            assert!(read(&text, 0).is_none(), "`{key}` twice at {pointer}");
            let errors = crate::interchange::import("c.json", &text, &mut Sources::default())
                .expect_err("a key twice is an error");
            assert_eq!(
                errors[0].message,
                format!("invalid JSON: the key `{key}` appears twice"),
                "at {pointer}"
            );
        }
    }

    #[test]
    fn an_unknown_key_in_a_tagged_value_is_refused() {
        for pointer in [
            "/documents/0/clauses/0/attributes/0/value",
            "/documents/0/clauses/0/attributes/0/value/value/0/value",
            "/documents/0/region/value",
        ] {
            let mut value: Value = serde_json::from_str(COMPLETE).expect("the fixture is JSON");
            let object = value.pointer_mut(pointer).and_then(Value::as_object_mut);
            object.expect(pointer).insert("note".into(), Value::from(1));
            let text = value.to_string();
            assert!(read(&text, 0).is_none(), "{pointer}");
            let errors = crate::interchange::import("c.json", &text, &mut Sources::default())
                .expect_err("an unknown key is an error");
            // serde's words for it: `... .note: invalid value: string "note",
            // expected "type" or "value"`.
            assert!(
                errors[0].message.contains("string \"note\", expected"),
                "{pointer}: {}",
                errors[0].message
            );
        }
    }

    /// What each path read, as the format writes it.
    fn written(import: Import) -> String {
        let corpus = wire::Corpus {
            documents: import.documents,
            requirements: import.requirements,
            tests: import.tests,
        };
        serde_json::to_string(&corpus).expect("serialises")
    }

    #[test]
    fn both_paths_read_the_same_rebased_corpus_whatever_the_order_of_keys() {
        // Serialised from a map sorted by key: `documents` before `files`.
        let value: Value = serde_json::from_str(COMPLETE).expect("the fixture is JSON");
        for text in [COMPLETE.to_string(), value.to_string()] {
            let mut sources = Sources::default();
            for name in ["a", "b"] {
                sources.add(crate::source::SourceFile::new(name, ""));
            }
            let slow = crate::interchange::read_strictly("c.json", &text, &mut sources)
                .unwrap_or_else(|errors| panic!("{}", errors[0].message));
            let fast = read(&text, 2).expect("the fast path reads it");
            assert_eq!(fast.documents[0].span.file, 2);
            assert_eq!(written(fast), written(slow));
        }
    }

    #[test]
    fn a_span_outside_its_file_leaves_the_fast_path() {
        let mut value: Value = serde_json::from_str(COMPLETE).expect("the fixture is JSON");
        let length = value["files"][0]["text"].as_str().map_or(0, str::len);
        let span = |value: &mut Value| value["documents"][0]["span"].clone();
        assert!(read(&value.to_string(), 0).is_some());
        for (key, bad) in [
            ("end", Value::from(length + 1)),
            ("file", Value::from(3)),
            ("start", Value::from(length)),
        ] {
            let kept = span(&mut value);
            value["documents"][0]["span"][key] = bad;
            assert!(read(&value.to_string(), 0).is_none(), "{key}");
            value["documents"][0]["span"] = kept;
        }
        // Without its text, a file bounds nothing.
        value["files"][0]["text"] = Value::Null;
        value["documents"][0]["span"]["end"] = Value::from(length + 1);
        assert!(read(&value.to_string(), 0).is_some());
    }
}
