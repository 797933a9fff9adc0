//! The checked model: documents whose references are resolved, whose values are
//! typed and whose relative deadlines are turned into dates where they can be.
//! Rules, comparison and renderers read only this.

mod display;
mod redline;
mod value;

pub use display::and_list;
pub use redline::*;
pub use value::*;

use serde::{Deserialize, Serialize};

use crate::schema::{self, ClauseKind};
use crate::source::{Span, Spanned};

/// Every document of a run.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Corpus {
    pub documents: Vec<Document>,
    /// Red lines: what parties require of proposals.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub requirements: Vec<Requirements>,
    /// `test` blocks, run by `truce test`.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub tests: Vec<TestBlock>,
}

impl Corpus {
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents
            .iter()
            .find(|document| document.id.value == id)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Government,
    Opposition,
    Third,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Party {
    pub id: Spanned<String>,
    pub name: Option<Spanned<String>>,
    pub side: Option<Spanned<Side>>,
    /// The side's party a third party is aligned with.
    pub aligned: Option<Spanned<String>>,
    pub roles: Vec<Spanned<String>>,
    pub represents: Vec<Spanned<PlaceRef>>,
    pub source: Vec<Spanned<String>>,
    pub span: Span,
}

impl Party {
    pub fn has_role(&self, role: &str) -> bool {
        self.roles.iter().any(|r| r.value == role)
    }

    /// A party to the conflict, or a third party aligned with one side.
    pub fn is_partisan(&self) -> bool {
        match self.side.as_ref().map(|side| side.value) {
            Some(Side::Government | Side::Opposition) => true,
            Some(Side::Third) => self.aligned.is_some(),
            None => false,
        }
    }
}

/// A unit of a party (`regime.army`), with its parent in the hierarchy: the party
/// itself or another unit.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Unit {
    pub path: Spanned<String>,
    pub name: Option<Spanned<String>>,
    pub parent: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Place {
    pub id: Spanned<String>,
    pub name: Option<Spanned<String>>,
    pub kind: Option<Spanned<String>>,
    pub within: Option<Spanned<String>>,
    pub span: Span,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct StatusEntry {
    pub status: Spanned<String>,
    pub on: Option<Spanned<When>>,
    pub by: Vec<Spanned<String>>,
    pub source: Vec<Spanned<String>>,
    pub span: Span,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Citation {
    pub id: Spanned<String>,
    pub description: Option<Spanned<String>>,
    pub file: Option<Spanned<String>>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Link {
    pub relation: Spanned<String>,
    pub target: Spanned<String>,
}

/// A document-level guarantor or monitor.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Backer {
    pub party: Spanned<String>,
    pub source: Vec<Spanned<String>>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Document {
    pub id: Spanned<String>,
    pub span: Span,
    pub title: Option<Spanned<String>>,
    pub date: Option<Spanned<When>>,
    pub region: Option<Spanned<PlaceRef>>,
    pub statuses: Vec<StatusEntry>,
    pub sources: Vec<Citation>,
    pub links: Vec<Link>,
    pub places: Vec<Place>,
    pub parties: Vec<Party>,
    pub units: Vec<Unit>,
    pub guarantors: Vec<Backer>,
    pub monitors: Vec<Backer>,
    pub notes: Vec<Spanned<String>>,
    pub texts: Vec<Spanned<String>>,
    /// Preamble statements: they bind nobody and never satisfy a requirement.
    pub recitals: Vec<Clause>,
    pub clauses: Vec<Clause>,
}

impl Document {
    pub fn party(&self, id: &str) -> Option<&Party> {
        self.parties.iter().find(|party| party.id.value == id)
    }

    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|place| place.id.value == id)
    }

    pub fn clause(&self, number: &str) -> Option<&Clause> {
        self.clauses
            .iter()
            .find(|clause| clause.number.as_ref().is_some_and(|n| n.value == number))
    }

    /// The party a party or unit path belongs to: `regime.army` → `regime`.
    pub fn owner<'a>(&self, path: &'a str) -> &'a str {
        path.split('.').next().unwrap_or(path)
    }

    /// Whether `unit` is `ancestor` or lies under it in the unit hierarchy.
    pub fn is_within_unit(&self, unit: &str, ancestor: &str) -> bool {
        let mut current = unit.to_string();
        // The hierarchy is checked acyclic at resolution; the bound guards anyway.
        for _ in 0..=self.units.len() + 1 {
            if current == ancestor {
                return true;
            }
            match self.units.iter().find(|u| u.path.value == current) {
                Some(found) => current = found.parent.clone(),
                None => return false,
            }
        }
        false
    }

    /// Whether `place` is `ancestor` or lies inside it.
    pub fn is_within_place(&self, place: &str, ancestor: &str) -> bool {
        let mut current = place;
        for _ in 0..=self.places.len() + 1 {
            if current == ancestor {
                return true;
            }
            match self.place(current).and_then(|p| p.within.as_ref()) {
                Some(parent) => current = &parent.value,
                None => return false,
            }
        }
        false
    }

    pub fn signatories(&self) -> impl Iterator<Item = &Party> {
        self.parties
            .iter()
            .filter(|party| party.has_role("signatory"))
    }

    /// The latest status, in source order.
    pub fn status(&self) -> Option<&str> {
        self.statuses
            .last()
            .map(|entry| entry.status.value.as_str())
    }
}

/// One attribute of a clause, typed.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct AttributeValue {
    #[serde(deserialize_with = "deserialize_key")]
    pub key: Spanned<&'static str>,
    pub value: Value,
    /// The whole statement: key and value.
    pub span: Span,
    /// The citations this statement names, when reports disagree.
    pub source: Vec<Spanned<String>>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Clause {
    pub number: Option<Spanned<String>>,
    #[serde(
        serialize_with = "serialize_kind",
        deserialize_with = "deserialize_kind"
    )]
    pub kind: Spanned<&'static ClauseKind>,
    pub recital: bool,
    pub attributes: Vec<AttributeValue>,
    /// Relative deadlines turned into dates, by attribute key, where they can be.
    #[serde(deserialize_with = "deserialize_resolved")]
    pub resolved: Vec<(&'static str, When)>,
    pub span: Span,
}

fn serialize_kind<S: serde::Serializer>(
    kind: &Spanned<&'static ClauseKind>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    Spanned::new(kind.value.name, kind.span).serialize(serializer)
}

/// Reading the model back from JSON (`crate::interchange`): names that the model
/// holds as `&'static` are looked up in the vocabulary, so that JSON input can
/// only name what the language knows.
fn deserialize_kind<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Spanned<&'static ClauseKind>, D::Error> {
    let named = Spanned::<String>::deserialize(deserializer)?;
    static_kind(named).map_err(serde::de::Error::custom)
}

pub(crate) fn static_kind(named: Spanned<String>) -> Result<Spanned<&'static ClauseKind>, String> {
    match schema::clause_kind(&named.value) {
        Some(kind) => Ok(Spanned::new(kind, named.span)),
        None => Err(format!(
            "unknown clause kind `{}`{}",
            named.value,
            crate::diagnostic::did_you_mean(&named.value, clause_kind_names())
                .map(|hint| format!("; {hint}"))
                .unwrap_or_default()
        )),
    }
}

/// An attribute key of any clause kind, as the vocabulary spells it.
pub(crate) fn static_key(name: &str) -> Result<&'static str, String> {
    schema::COMMON_ATTRIBUTES
        .iter()
        .chain(schema::CLAUSE_KINDS.iter().flat_map(|kind| kind.attributes))
        .map(|attribute| attribute.key)
        .find(|key| *key == name)
        .ok_or_else(|| format!("unknown attribute `{name}`"))
}

pub(crate) fn deserialize_key<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Spanned<&'static str>, D::Error> {
    let named = Spanned::<String>::deserialize(deserializer)?;
    let key = static_key(&named.value).map_err(serde::de::Error::custom)?;
    Ok(Spanned::new(key, named.span))
}

/// The keys of [`Clause::resolved`] (`resolve::time` writes them): when a clause
/// starts, when its written deadline falls, and when it ends.
pub const RESOLVED_KEYS: &[&str] = &["start", "deadline", "end"];

fn deserialize_resolved<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<(&'static str, When)>, D::Error> {
    Vec::<(String, When)>::deserialize(deserializer)?
        .into_iter()
        .map(|(key, when)| {
            let key = RESOLVED_KEYS
                .iter()
                .find(|known| **known == key)
                .copied()
                .ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        "unknown resolved date `{key}`, expected one of {}",
                        RESOLVED_KEYS.join(", ")
                    ))
                })?;
            Ok((key, when))
        })
        .collect()
}

impl Clause {
    pub fn kind_name(&self) -> &'static str {
        self.kind.value.name
    }

    /// A display label: `clause 7` or `ultimatum`.
    pub fn label(&self) -> String {
        match &self.number {
            Some(number) => format!("clause {}", number.value),
            None => self.kind_name().to_string(),
        }
    }

    pub fn get(&self, key: &str) -> Option<&AttributeValue> {
        self.attributes
            .iter()
            .find(|attribute| attribute.key.value == key)
    }

    /// Every attribute given under `key`, in source order.
    pub fn all<'a>(&'a self, key: &str) -> impl Iterator<Item = &'a AttributeValue> + use<'a> {
        // Keys in the model are the schema's `&'static str`s; borrowing the
        // stored one keeps the iterator free of the caller's lifetime.
        let stored: Option<&'static str> = self
            .attributes
            .iter()
            .find(|attribute| attribute.key.value == key)
            .map(|attribute| attribute.key.value);
        self.attributes
            .iter()
            .filter(move |attribute| Some(attribute.key.value) == stored)
    }

    /// Whether the attribute is given (and not merely listed as unstated).
    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub fn strength(&self) -> Option<Strength> {
        match self.get("strength").map(|a| &a.value) {
            Some(Value::Strength(strength)) => Some(*strength),
            _ => None,
        }
    }

    /// Party and unit paths named under `key` (for `Parties` and `Actors` values).
    pub fn parties<'a>(&'a self, key: &'a str) -> Vec<&'a Spanned<String>> {
        let mut out = Vec::new();
        for attribute in self.all(key) {
            match &attribute.value {
                Value::Parties(parties) | Value::Clauses(parties) | Value::Words(parties) => {
                    out.extend(parties.iter())
                }
                _ => {}
            }
        }
        out
    }

    /// Party and unit paths among the actors named under `key`.
    pub fn actor_parties(&self, key: &str) -> Vec<(String, Span)> {
        let mut out = Vec::new();
        for attribute in self.all(key) {
            match &attribute.value {
                Value::Actors(actors) => {
                    out.extend(actors.iter().filter_map(|actor| match &actor.value {
                        Actor::Party(path) => Some((path.clone(), actor.span)),
                        _ => None,
                    }))
                }
                Value::Parties(parties) => out.extend(
                    parties
                        .iter()
                        .map(|party| (party.value.clone(), party.span)),
                ),
                _ => {}
            }
        }
        out
    }

    /// Clause numbers this one waits on (`after`, `if`, `in_exchange_for`).
    pub fn dependencies(&self) -> Vec<&Spanned<String>> {
        ["after", "if", "in_exchange_for"]
            .into_iter()
            .flat_map(|key| self.parties(key))
            .collect()
    }

    /// The date a deadline-like attribute resolves to, absolute or relative.
    pub fn resolved(&self, key: &str) -> Option<&When> {
        self.resolved
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, when)| when)
    }

    pub fn is_protection(&self) -> bool {
        self.kind.value.protection
    }

    pub fn is_concession(&self) -> bool {
        self.kind.value.concession
    }

    pub fn pax_category(&self) -> &'static str {
        self.kind.value.pax
    }
}

/// Words that may name a group of people without declaring a party.
pub const GROUPS: &[&str] = &[
    "civilians",
    "fighters",
    "defectors",
    "detainees",
    "prisoners",
    "wounded",
    "sick",
    "families",
    "residents",
    "evacuees",
    "officers",
    "delegates",
    "everyone",
];

/// Whether the name is a group word.
pub fn is_group(word: &str) -> bool {
    GROUPS.contains(&word)
}

/// Every clause kind name, for hints.
pub fn clause_kind_names() -> impl Iterator<Item = &'static str> {
    schema::CLAUSE_KINDS.iter().map(|kind| kind.name)
}
