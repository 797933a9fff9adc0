//! [`Text`], the model's string. Most of a corpus's bytes are words and quoted
//! text that the kept source already holds, so a `Text` read from a source is a
//! slice of it, shared by a reference count; only text that escapes, JSON or a
//! derivation made new owns its bytes. The model of a corpus then holds no
//! second copy of its quotations, and no allocation for each of its names.

use std::borrow::{Borrow, Cow};
use std::cell::RefCell;
// FxHash: the keys are names from the input, and an offline check has no
// adversary to defend against with SipHash.
use rustc_hash::FxHashSet as HashSet;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::Arc;

/// An immutable string: a range of a shared buffer (a source file's text, or
/// a string of its own). Sixteen bytes, against a `String`'s 24; compared,
/// hashed and ordered as the `str` it holds.
#[derive(Clone)]
pub struct Text {
    /// Never null, so that an `Option<Text>` is sixteen bytes too.
    backing: Arc<String>,
    start: u32,
    end: u32,
}

impl Default for Text {
    /// The empty text, on one shared empty buffer.
    fn default() -> Text {
        static EMPTY: std::sync::OnceLock<Arc<String>> = std::sync::OnceLock::new();
        Text {
            backing: EMPTY.get_or_init(Arc::default).clone(),
            start: 0,
            end: 0,
        }
    }
}

/// The texts made (not sliced) while reading, so that equal ones share one
/// buffer: a unit's path (`regime.army`) or a date counted from another is made
/// once for every document that has it, not once each.
#[derive(Debug, Default)]
pub struct Pool(HashSet<Text>);

/// What [`reading`] and [`pooled`] set on their thread.
struct Reading {
    /// The source being read; `None` when only the pool is set.
    backing: Option<Arc<String>>,
    pool: Pool,
}

thread_local! {
    /// The source text being read on this thread, set only inside [`reading`].
    static READING: RefCell<Option<Reading>> = const { RefCell::new(None) };
    /// The texts of the files a JSON import brought, by file id, set only
    /// inside [`importing`].
    static IMPORTED: RefCell<Vec<Arc<String>>> = const { RefCell::new(Vec::new()) };
}

/// Run `import` with `sources` as the files the text being imported spans: a
/// string read with its span ([`Text::at`], [`Text::ending`]) that the file
/// holds there is shared with the file rather than kept twice. Scoped, like
/// [`reading`].
pub fn importing<R>(sources: &crate::source::Sources, import: impl FnOnce() -> R) -> R {
    struct Restore(Vec<Arc<String>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let previous = std::mem::take(&mut self.0);
            IMPORTED.with(|files| *files.borrow_mut() = previous);
        }
    }
    let files = sources
        .files()
        .iter()
        .map(|file| file.text.clone())
        .collect();
    let _restore = Restore(IMPORTED.with(|current| current.replace(files)));
    import()
}

/// The file `span` is in, among those being imported, and the range of it
/// that holds `text` when `at` places it there.
fn imported(
    text: &str,
    span: crate::source::Span,
    at: impl Fn(usize, usize) -> Option<std::ops::Range<usize>>,
) -> Option<Text> {
    IMPORTED.with(|files| {
        let files = files.borrow();
        let backing = files.get(span.file as usize)?;
        let range = at(span.start(), span.end())?;
        (backing.get(range.clone())? == text).then(|| Text::shared(backing, range))?
    })
}

/// Run `read` with `backing` as the text being read: inside it, a [`Text`] made
/// from a slice of `backing` shares it rather than copying, and a text made
/// anew shares the buffer of an equal one in `pool`. What is made is the same
/// either way; only the memory it takes differs. Scoped (what was set before
/// comes back, and `pool` gets what was added, when `read` returns or
/// unwinds), so nothing outlives the read.
pub fn reading<R>(backing: &Arc<String>, pool: &mut Pool, read: impl FnOnce() -> R) -> R {
    scoped(Some(backing.clone()), pool, read)
}

/// Run `make` with `pool` set: inside it, a [`Text`] made anew shares the
/// buffer of an equal one in the pool, as in [`reading`], with no source.
pub fn pooled<R>(pool: &mut Pool, make: impl FnOnce() -> R) -> R {
    scoped(None, pool, make)
}

fn scoped<R>(backing: Option<Arc<String>>, pool: &mut Pool, read: impl FnOnce() -> R) -> R {
    struct Restore<'p> {
        previous: Option<Reading>,
        pool: &'p mut Pool,
    }
    impl Drop for Restore<'_> {
        fn drop(&mut self) {
            let previous = self.previous.take();
            let ours = READING.with(|current| current.replace(previous));
            if let Some(ours) = ours {
                *self.pool = ours.pool;
            }
        }
    }
    let ours = Reading {
        backing,
        pool: std::mem::take(pool),
    };
    let _restore = Restore {
        previous: READING.with(|current| current.replace(Some(ours))),
        pool,
    };
    read()
}

impl Text {
    /// The text as a `str`.
    pub fn as_str(&self) -> &str {
        self.backing
            .get(self.start as usize..self.end as usize)
            .unwrap_or_default()
    }

    /// A range of `backing`, shared; `None` when the range is not a `str` of it
    /// or lies past what 32-bit offsets hold.
    pub fn shared(backing: &Arc<String>, range: std::ops::Range<usize>) -> Option<Text> {
        backing.get(range.clone())?;
        Some(Text {
            backing: backing.clone(),
            start: u32::try_from(range.start).ok()?,
            end: u32::try_from(range.end).ok()?,
        })
    }

    fn owned(text: String) -> Text {
        if text.is_empty() {
            return Text::default();
        }
        let end = u32::try_from(text.len()).unwrap_or(u32::MAX);
        let mut text = if end as usize == text.len() {
            text
        } else {
            // Past 4 GiB, which no input truce reads reaches: cut at a char
            // boundary rather than fail.
            let mut cut = end as usize;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text[..cut].to_string()
        };
        // Kept as long as the model: no room to grow (`format!` leaves some).
        text.shrink_to_fit();
        let end = u32::try_from(text.len()).unwrap_or(0);
        Text {
            backing: Arc::new(text),
            start: 0,
            end,
        }
    }

    /// `text`, read from JSON with the span it was written at: shared with the
    /// imported file (see [`importing`]) when the file holds it there, as a
    /// word or between quotes; else kept as it is.
    pub fn at(text: Cow<'_, str>, span: crate::source::Span) -> Text {
        let quoted = |start: usize, end: usize| Some(start + 1..end.checked_sub(1)?);
        imported(&text, span, |start, end| Some(start..end))
            .or_else(|| imported(&text, span, quoted))
            .unwrap_or_else(|| Text::from(text))
    }

    /// `text`, read from JSON as the quoted string that ends the statement
    /// `span` covers (`text "..."`): shared with the imported file when the
    /// file holds it there; else kept as it is.
    pub fn ending(text: Cow<'_, str>, span: crate::source::Span) -> Text {
        let length = text.len();
        let last = |_: usize, end: usize| Some(end.checked_sub(length + 1)?..end.checked_sub(1)?);
        imported(&text, span, last).unwrap_or_else(|| Text::from(text))
    }

    /// Whether it shares its bytes with `backing`.
    pub fn is_within(&self, backing: &Arc<String>) -> bool {
        Arc::ptr_eq(&self.backing, backing)
    }
}

/// The slice of the text being read (see [`reading`]) that `text` is, if it is
/// one.
fn share(text: &str) -> Option<Text> {
    READING.with(|current| {
        let current = current.borrow();
        let backing = current.as_ref()?.backing.as_ref()?;
        let base = backing.as_ptr() as usize;
        let at = (text.as_ptr() as usize).checked_sub(base)?;
        Text::shared(backing, at..at + text.len())
    })
}

/// `text` made anew: while reading, shared with an equal text made before.
fn made(text: std::borrow::Cow<'_, str>) -> Text {
    READING.with(|current| {
        let mut current = current.borrow_mut();
        let Some(reading) = current.as_mut() else {
            return Text::owned(text.into_owned());
        };
        if let Some(equal) = reading.pool.0.get(&*text) {
            return equal.clone();
        }
        let made = Text::owned(text.into_owned());
        reading.pool.0.insert(made.clone());
        made
    })
}

impl From<&str> for Text {
    /// Shared when `text` is a slice of the source being read, else copied.
    fn from(text: &str) -> Text {
        if text.is_empty() {
            return Text::default();
        }
        share(text).unwrap_or_else(|| made(text.into()))
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        if text.is_empty() {
            return Text::default();
        }
        made(text.into())
    }
}

impl From<&String> for Text {
    fn from(text: &String) -> Text {
        Text::from(text.as_str())
    }
}

impl From<std::borrow::Cow<'_, str>> for Text {
    fn from(text: std::borrow::Cow<'_, str>) -> Text {
        match text {
            std::borrow::Cow::Borrowed(text) => Text::from(text),
            std::borrow::Cow::Owned(text) => Text::from(text),
        }
    }
}

impl From<&Text> for Text {
    fn from(text: &Text) -> Text {
        text.clone()
    }
}

impl From<Text> for String {
    fn from(text: Text) -> String {
        text.as_str().to_string()
    }
}

impl From<&Text> for String {
    fn from(text: &Text) -> String {
        text.as_str().to_string()
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<std::path::Path> for Text {
    fn as_ref(&self) -> &std::path::Path {
        std::path::Path::new(self.as_str())
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl PartialOrd for Text {
    fn partial_cmp(&self, other: &Text) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Text {
    fn cmp(&self, other: &Text) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for Text {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl serde::Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        String::deserialize(deserializer).map(Text::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_sixteen_bytes() {
        assert_eq!(std::mem::size_of::<Text>(), 16);
        assert_eq!(std::mem::size_of::<Option<Text>>(), 16);
    }

    #[test]
    fn a_slice_of_the_source_being_read_is_shared_and_any_other_copied() {
        let source = Arc::new(String::from("party regime \"Syrian government\""));
        let (word, quoted, other) = reading(&source, &mut Pool::default(), || {
            (
                Text::from(&source[6..12]),
                Text::from(&source[14..31]),
                Text::from("regime"),
            )
        });
        assert_eq!(word, "regime");
        assert_eq!(quoted, "Syrian government");
        assert!(word.is_within(&source) && quoted.is_within(&source));
        assert_eq!(other, word);
        assert!(!other.is_within(&source));
        // Outside `reading`, nothing is shared.
        assert!(!Text::from(&source[6..12]).is_within(&source));
    }

    #[test]
    fn texts_made_while_reading_share_one_buffer_across_reads() {
        let mut pool = Pool::default();
        let first = Arc::new(String::from("party regime units army"));
        let second = Arc::new(String::from("party regime units army"));
        let a = reading(&first, &mut pool, || {
            Text::from(format!("{}.{}", &first[6..12], &first[19..]))
        });
        let b = reading(&second, &mut pool, || {
            Text::from(String::from("regime.army"))
        });
        assert_eq!((a.as_str(), b.as_str()), ("regime.army", "regime.army"));
        assert!(Arc::ptr_eq(&a.backing, &b.backing));
        assert_eq!(pool.0.len(), 1);
        // Nothing is pooled outside a read, and the read leaves nothing set.
        let c = Text::from(String::from("regime.army"));
        assert!(!Arc::ptr_eq(&a.backing, &c.backing));
        // A pool with no source shares what is made, and slices nothing.
        let (d, e) = pooled(&mut pool, || {
            (
                Text::from(format!("regime{}", ".army")),
                Text::from(&first[6..12]),
            )
        });
        assert!(Arc::ptr_eq(&a.backing, &d.backing));
        assert!(!e.is_within(&first));
    }

    #[test]
    fn an_imported_string_is_shared_with_its_file_where_the_file_holds_it() {
        use crate::source::{SourceFile, Sources, Span};
        let mut sources = Sources::default();
        let text = "party regime \"Syrian government\"\n    text \"a \\\"b\\\"\"";
        sources.add(SourceFile::new("a.truce", text));
        let backing = sources.files()[0].text.clone();
        let (word, quoted, ending, elsewhere) = importing(&sources, || {
            (
                Text::at("regime".into(), Span::new(0, 6, 12)),
                Text::at("Syrian government".into(), Span::new(0, 13, 32)),
                Text::ending("Syrian government".into(), Span::new(0, 6, 32)),
                Text::at("regime".into(), Span::new(0, 0, 5)),
            )
        });
        assert!(word.is_within(&backing) && quoted.is_within(&backing));
        assert!(ending.is_within(&backing));
        assert_eq!(
            (word.as_str(), quoted.as_str()),
            ("regime", "Syrian government")
        );
        // Not what the file holds there (or an escaped string): kept as read.
        assert_eq!(elsewhere, "regime");
        assert!(!elsewhere.is_within(&backing));
        // Outside `importing`, nothing is shared.
        assert!(!Text::at("regime".into(), Span::new(0, 6, 12)).is_within(&backing));
    }

    #[test]
    fn texts_compare_and_hash_as_their_strs() {
        use std::collections::HashSet;
        let source = Arc::new(String::from("a regime b"));
        let shared = Text::shared(&source, 2..8).map(|text| text.to_string());
        assert_eq!(shared.as_deref(), Some("regime"));
        let set: HashSet<Text> = [Text::from("regime"), Text::from("army")].into();
        assert!(set.contains("regime"));
        let (a, b) = (Text::from("a"), Text::from("b"));
        assert_eq!(a.cmp(&b), std::cmp::Ordering::Less);
        assert_eq!(Text::default(), "");
        assert_eq!(Text::shared(&source, 2..99), None);
        let multibyte = Arc::new(String::from("é"));
        assert_eq!(Text::shared(&multibyte, 0..1), None);
    }
}
