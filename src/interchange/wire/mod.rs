//! The JSON interchange's own types: `truce_json` version 1, field for field.
//!
//! The model is free to change; this is the format. Export converts the model into
//! these types ([`ToWire`]) and serialises them; import deserialises them and
//! converts them into the model ([`IntoModel`]). A field renamed in the model is a
//! compile error in a conversion here, never a silent change to the JSON; a field
//! added to the model fails to compile here until the format says what becomes of
//! it (conversions take the model's structs apart field by field for that).
//! `tests/fixtures/interchange/complete.json` pins the result.
//!
//! Clause kinds and attribute keys are written as their names and read back
//! through the standard vocabulary, so JSON can only name what the language knows.
//! The vocabulary's word lists ([`Side`], [`Role`], [`Status`], [`Relation`],
//! `Evidence`, `Outcome`) are
//! used as they are: they serialise as the language's own words, which no Rust
//! rename changes.
//!
//! [`Side`]: crate::vocabulary::Side
//! [`Role`]: crate::vocabulary::Role
//! [`Status`]: crate::vocabulary::Status
//! [`Relation`]: crate::vocabulary::Relation

mod document;
mod redline;
mod value;

pub use document::*;
pub use redline::*;
pub use value::*;

use std::borrow::Cow;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model;
use crate::source;
use crate::vocabulary::{ClauseKind, Key, Vocabulary};

/// A model value as the format writes it.
pub trait ToWire {
    type Wire;
    fn to_wire(&self) -> Self::Wire;
}

/// A value read from the format, as the model holds it.
pub trait IntoModel {
    type Model;
    fn into_model(self) -> Self::Model;

    /// The value, read with the span it was written at: strings there are
    /// shared with the imported source files (see [`crate::text::importing`]).
    fn into_model_at(self, _span: source::Span) -> Self::Model
    where
        Self: Sized,
    {
        self.into_model()
    }
}

/// A list read from the format as the model's thin list, exactly sized.
pub(crate) fn thin<T: IntoModel>(list: Vec<T>) -> thin_vec::ThinVec<T::Model> {
    list.into_iter().map(IntoModel::into_model).collect()
}

impl<T: ToWire> ToWire for Vec<T> {
    type Wire = Vec<T::Wire>;
    fn to_wire(&self) -> Self::Wire {
        self.iter().map(ToWire::to_wire).collect()
    }
}

impl<T: IntoModel> IntoModel for Vec<T> {
    type Model = Vec<T::Model>;
    fn into_model(self) -> Self::Model {
        self.into_iter().map(IntoModel::into_model).collect()
    }
}

impl<T: ToWire> ToWire for thin_vec::ThinVec<T> {
    type Wire = Vec<T::Wire>;
    fn to_wire(&self) -> Self::Wire {
        self.iter().map(ToWire::to_wire).collect()
    }
}

impl<T: ToWire> ToWire for Box<T> {
    type Wire = T::Wire;
    fn to_wire(&self) -> Self::Wire {
        (**self).to_wire()
    }
}

impl<T: ToWire> ToWire for Option<T> {
    type Wire = Option<T::Wire>;
    fn to_wire(&self) -> Self::Wire {
        self.as_ref().map(ToWire::to_wire)
    }
}

impl<T: IntoModel> IntoModel for Option<T> {
    type Model = Option<T::Model>;
    fn into_model(self) -> Self::Model {
        self.map(IntoModel::into_model)
    }
}

/// Values written as they are: strings, and the vocabulary's word lists.
macro_rules! as_is {
    ($($type:ty),*) => {$(
        impl ToWire for $type {
            type Wire = $type;
            fn to_wire(&self) -> $type {
                self.clone()
            }
        }

        impl IntoModel for $type {
            type Model = $type;
            fn into_model(self) -> $type {
                self
            }
        }
    )*};
}

as_is!(
    u32,
    crate::vocabulary::Side,
    crate::vocabulary::Role,
    crate::vocabulary::Status,
    crate::vocabulary::Relation,
    crate::vocabulary::Evidence,
    crate::vocabulary::Outcome
);

/// A string of the format. Read from JSON text, it borrows the text wherever
/// the string has no escapes, so that reading a corpus allocates no string
/// the model then shares with its source file ([`crate::text::Text::at`]) or
/// copies anyway. (serde borrows a `Cow` only as a field of its own, never
/// inside an `Option`, a `Vec` or a [`Spanned`], hence this type.)
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Str<'a>(pub Cow<'a, str>);

impl std::ops::Deref for Str<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl From<String> for Str<'_> {
    fn from(text: String) -> Self {
        Str(Cow::Owned(text))
    }
}

impl<'a> From<&'a str> for Str<'a> {
    fn from(text: &'a str) -> Self {
        Str(Cow::Borrowed(text))
    }
}

impl Serialize for Str<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Str<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Str<'a>, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Str<'de>;
            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, text: &'de str) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Borrowed(text)))
            }
            fn visit_str<E>(self, text: &str) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Owned(text.to_string())))
            }
            fn visit_string<E>(self, text: String) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Owned(text)))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// The model's strings are written as JSON strings.
impl ToWire for crate::text::Text {
    type Wire = Str<'static>;
    fn to_wire(&self) -> Str<'static> {
        Str(Cow::Owned(self.to_string()))
    }
}

impl IntoModel for Str<'_> {
    type Model = crate::text::Text;
    fn into_model(self) -> crate::text::Text {
        self.0.into()
    }

    fn into_model_at(self, span: source::Span) -> crate::text::Text {
        crate::text::Text::at(self.0, span)
    }
}

/// An enum of plain words, written in snake case, and its conversions from and to
/// the model's enum with the same variants.
macro_rules! words {
    ($(#[doc = $doc:literal])* $name:ident = $model:path { $($variant:ident),* $(,)? }) => {
        $(#[doc = $doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($variant,)*
        }

        impl $crate::interchange::wire::ToWire for $model {
            type Wire = $name;
            fn to_wire(&self) -> $name {
                use $model as Model;
                match self {
                    $(Model::$variant => $name::$variant,)*
                }
            }
        }

        impl $crate::interchange::wire::IntoModel for $name {
            type Model = $model;
            fn into_model(self) -> $model {
                use $model as Model;
                match self {
                    $($name::$variant => Model::$variant,)*
                }
            }
        }
    };
}
pub(crate) use words;

/// A byte range: `file` indexes the file's `files`, `start` and `end` are byte
/// offsets into that file's text. It is read as a [`RawSpan`], and placed among
/// the sources read before it by the interchange's span checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawSpan")]
pub struct Span {
    pub file: usize,
    pub start: usize,
    pub end: usize,
}

/// A [`Span`] as the JSON writes it, before it is placed.
#[derive(Deserialize)]
#[serde(rename = "Span", deny_unknown_fields)]
pub struct RawSpan {
    pub file: usize,
    pub start: usize,
    pub end: usize,
}

impl TryFrom<RawSpan> for Span {
    type Error = String;
    fn try_from(raw: RawSpan) -> Result<Span, String> {
        super::spans::place(raw)
    }
}

impl ToWire for source::Span {
    type Wire = Span;
    fn to_wire(&self) -> Span {
        let source::Span { file, start, end } = *self;
        Span {
            file: file as usize,
            start: start as usize,
            end: end as usize,
        }
    }
}

impl IntoModel for Span {
    type Model = source::Span;
    fn into_model(self) -> source::Span {
        let file = source::FileId::try_from(self.file).unwrap_or(source::FileId::MAX);
        source::Span::new(file, self.start, self.end)
    }
}

/// A value the user wrote, with where: `{ "value": ..., "span": ... }`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T: ToWire> ToWire for source::Spanned<T> {
    type Wire = Spanned<T::Wire>;
    fn to_wire(&self) -> Self::Wire {
        Spanned {
            value: self.value.to_wire(),
            span: self.span.to_wire(),
        }
    }
}

impl<T: IntoModel> IntoModel for Spanned<T> {
    type Model = source::Spanned<T::Model>;
    fn into_model(self) -> Self::Model {
        let span = self.span.into_model();
        source::Spanned::new(self.value.into_model_at(span), span)
    }
}

/// An attribute key, written as its name and read back with [`Key::from_name`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyName(pub Key);

impl Serialize for KeyName {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0.name())
    }
}

impl<'de> Deserialize<'de> for KeyName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<KeyName, D::Error> {
        let name = std::borrow::Cow::<str>::deserialize(deserializer)?;
        Key::from_name(&name)
            .map(KeyName)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown attribute `{name}`")))
    }
}

impl ToWire for Key {
    type Wire = KeyName;
    fn to_wire(&self) -> KeyName {
        KeyName(*self)
    }
}

impl IntoModel for KeyName {
    type Model = Key;
    fn into_model(self) -> Key {
        self.0
    }
}

/// A clause kind, written as its name. It is read by the field that holds it
/// (`kind`, `optional_kind`), so that an unknown name is reported at the
/// field, as `documents[0].clauses[0].kind`.
#[derive(Clone, Copy, Debug)]
pub struct KindName(pub &'static ClauseKind);

impl Serialize for KindName {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0.name)
    }
}

impl ToWire for &'static ClauseKind {
    type Wire = KindName;
    fn to_wire(&self) -> KindName {
        KindName(self)
    }
}

impl IntoModel for KindName {
    type Model = &'static ClauseKind;
    fn into_model(self) -> &'static ClauseKind {
        self.0
    }
}

/// Read a spanned clause kind by its name in the standard vocabulary.
pub(crate) fn kind<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Spanned<KindName>, D::Error> {
    let named = Spanned::<String>::deserialize(deserializer)?;
    look_up(named).map_err(serde::de::Error::custom)
}

/// [`kind`], for a kind that may be absent (`null`).
pub(crate) fn optional_kind<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Spanned<KindName>>, D::Error> {
    Option::<Spanned<String>>::deserialize(deserializer)?
        .map(look_up)
        .transpose()
        .map_err(serde::de::Error::custom)
}

fn look_up(named: Spanned<String>) -> Result<Spanned<KindName>, String> {
    let vocabulary = Vocabulary::standard();
    match vocabulary.kind(&named.value) {
        Some(kind) => Ok(Spanned {
            value: KindName(kind),
            span: named.span,
        }),
        None => Err(format!(
            "unknown clause kind `{}`{}",
            named.value,
            crate::diagnostic::did_you_mean(&named.value, vocabulary.kind_names())
                .map(|hint| format!("; {hint}"))
                .unwrap_or_default()
        )),
    }
}

/// The documents, red lines and tests of a corpus. The file's envelope
/// ([`crate::interchange`]) adds the version and the source files.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Corpus<'a> {
    #[serde(borrow)]
    pub documents: Vec<Document<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    #[serde(borrow)]
    pub requirements: Vec<Requirements<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    #[serde(borrow)]
    pub tests: Vec<TestBlock<'a>>,
}

impl ToWire for model::Corpus {
    type Wire = Corpus<'static>;
    fn to_wire(&self) -> Corpus<'static> {
        let model::Corpus {
            documents,
            requirements,
            tests,
        } = self;
        Corpus {
            documents: documents.to_wire(),
            requirements: requirements.to_wire(),
            tests: tests.to_wire(),
        }
    }
}

impl IntoModel for Corpus<'_> {
    type Model = model::Corpus;
    fn into_model(self) -> model::Corpus {
        model::Corpus {
            documents: self.documents.into_model(),
            requirements: self.requirements.into_model(),
            tests: self.tests.into_model(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_borrow_the_json_text_unless_escapes_force_a_copy() {
        let json = r#"[{"value": "al-Waer", "span": {"file": 0, "start": 0, "end": 7}},
                       {"value": "Homs \"old city\"", "span": {"file": 0, "start": 0, "end": 7}}]"#;
        let read: Vec<Spanned<Str>> =
            crate::interchange::spans::tallied(0, || serde_json::from_str(json))
                .0
                .expect("reads");
        assert!(matches!(read[0].value.0, Cow::Borrowed("al-Waer")));
        assert!(matches!(&read[1].value.0, Cow::Owned(text) if text == "Homs \"old city\""));
    }
}
