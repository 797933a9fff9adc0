//! The closed word lists of the language: sides, roles, statuses, links, weapon
//! classes, kinds of place, group words, and the statements a document holds.
//!
//! Lists that code reasons about are enums ([`Side`], [`Role`], [`Status`],
//! [`Relation`]), declared with their spelling in one place by `words!`; the
//! rest are lists of words the resolver accepts.

use std::fmt;

/// Declares an enum of words with its spelling: `name()`, `parse()`, `ALL` and
/// `NAMES` (in declaration order), and serde as the word itself.
macro_rules! words {
    ($(#[doc = $doc:literal])* $name:ident { $($(#[doc = $variant_doc:literal])* $variant:ident = $word:literal,)* }) => {
        $(#[doc = $doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[doc = $variant_doc])* $variant,)*
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];
            pub const NAMES: &'static [&'static str] = &[$($word,)*];

            /// The word as the language spells it.
            pub fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $word,)*
                }
            }

            pub fn parse(word: &str) -> Option<$name> {
                match word {
                    $($word => Some($name::$variant),)*
                    _ => None,
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.name())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.name())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<$name, D::Error> {
                let word = std::borrow::Cow::<str>::deserialize(deserializer)?;
                $name::parse(&word).ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        "unknown {} `{word}`, expected one of {}",
                        stringify!($name).to_lowercase(),
                        $name::NAMES.join(", ")
                    ))
                })
            }
        }
    };
}

words! {
    /// Which side of the conflict a party stands on.
    Side {
        Government = "government",
        Opposition = "opposition",
        /// Neither: a state, an organisation, a mediator.
        Third = "third",
    }
}

words! {
    /// What evacuees may choose.
    Choice {
        Stay = "stay",
        Leave = "leave",
        Destination = "destination",
        Route = "route",
    }
}

words! {
    /// What a party does for a document.
    Role {
        Proposer = "proposer",
        Signatory = "signatory",
        Guarantor = "guarantor",
        Mediator = "mediator",
        Monitor = "monitor",
        Sponsor = "sponsor",
        /// The party a proposal is addressed to, whose acceptance it needs: not a
        /// signatory.
        Addressee = "addressee",
        /// A party that agreed without signing: a text announced by a mediator, a
        /// leader who agreed but did not sign. It consents, as a signatory does.
        Agreed = "agreed",
        /// A body the document itself establishes (a joint committee, a
        /// coordination centre): bound by the terms that create it.
        Established = "established",
    }
}

impl Role {
    /// The parties that play the role, as a document-level term: `signatories`.
    pub fn plural(self) -> &'static str {
        match self {
            Role::Proposer => "proposers",
            Role::Signatory => "signatories",
            Role::Guarantor => "guarantors",
            Role::Mediator => "mediators",
            Role::Monitor => "monitors",
            Role::Sponsor => "sponsors",
            Role::Addressee => "addressees",
            Role::Agreed => "agreeing",
            Role::Established => "established",
        }
    }

    /// Whether the role gives the party's consent to the document.
    pub fn consents(self) -> bool {
        matches!(self, Role::Signatory | Role::Agreed)
    }
}

words! {
    /// Where a document stands.
    Status {
        Proposed = "proposed",
        Signed = "signed",
        /// Agreed by its parties without a signature, or in principle.
        Agreed = "agreed",
        Announced = "announced",
        Ratified = "ratified",
        Rejected = "rejected",
        Collapsed = "collapsed",
        Terminated = "terminated",
        Superseded = "superseded",
        Extended = "extended",
    }
}

impl Status {
    /// Whether a document with this status binds the parties that consented.
    pub fn binds(self) -> bool {
        matches!(self, Status::Signed | Status::Agreed | Status::Ratified)
    }
}

words! {
    /// What a document's text is known from.
    Evidence {
        /// The agreement's own text.
        Text = "text",
        /// A leaked or published copy of the text.
        Copy = "copy",
        /// A party's statement about it.
        Statement = "statement",
        /// A press report or summary.
        Summary = "summary",
        /// A list dictated or read out, as one side took it down.
        Dictation = "dictation",
    }
}

impl Evidence {
    /// Whether what the document says rests on the text itself (or a copy of
    /// it), so that what it leaves out the agreement lacks.
    pub fn is_text(self) -> bool {
        matches!(self, Evidence::Text | Evidence::Copy)
    }
}

words! {
    /// Something that happened after a document was made.
    Outcome {
        /// A party broke its terms.
        Violation = "violation",
        /// Terms were carried out.
        Implemented = "implemented",
        /// Terms were carried out in part.
        PartlyImplemented = "partly_implemented",
        /// Terms were not carried out.
        NotImplemented = "not_implemented",
        /// The agreement broke down.
        Collapsed = "collapsed",
        /// The agreement was extended.
        Extended = "extended",
        /// People were released.
        Released = "released",
        /// People were evacuated.
        Evacuated = "evacuated",
    }
}

words! {
    /// How one document relates to another.
    Relation {
        Amends = "amends",
        Extends = "extends",
        Terminates = "terminates",
        Supersedes = "supersedes",
        RespondsTo = "responds_to",
        /// Applies a framework to one place: a local agreement under a national
        /// or interstate one (a de-escalation zone under the Astana memorandum).
        Implements = "implements",
    }
}

/// How a term becomes law: an `instrument` of a status settlement or legislation.
pub const INSTRUMENTS: &[&str] = &["law", "decree", "amnesty_law", "constitution", "regulation"];
pub const STRENGTHS: &[&str] = &["binding", "pledge", "review", "intent"];
pub const WEAPON_CLASSES: &[&str] = &["heavy", "medium", "light", "personal", "all"];
pub const WEAPON_QUANTIFIERS: &[&str] = &["some"];
pub const PLACE_KINDS: &[&str] = &[
    "region",
    "governorate",
    "city",
    "town",
    "district",
    "neighbourhood",
    "road",
    "crossing",
    "building",
    "line",
    "zone",
];
pub const START_OR_END: &[&str] = &["starts", "ends"];

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
    "women",
    "men",
    "children",
    "elderly",
    "students",
    "employees",
    "hostages",
    "missing",
    "dead",
    "pedestrians",
    "everyone",
];

/// Group words for armed men: an evacuation of them only is their exit, not
/// relief for civilians.
pub const ARMED_GROUPS: &[&str] = &["fighters", "officers"];

/// Unit names that cover a side's forces as a whole, or a class of them whose
/// bounds the agreement does not draw: barring "the forces" or "the security"
/// leaves open whether a police or an institution of the same side is among them.
pub const UMBRELLA_UNITS: &[&str] = &[
    "forces",
    "security",
    "security_forces",
    "armed_forces",
    "troops",
    "military",
];

/// Words that name people by a judgement rather than a fact: who is "innocent",
/// a "terrorist", or has "blood on their hands" is for someone to decide.
pub const JUDGEMENT_WORDS: &[&str] = &[
    "innocent",
    "terrorist",
    "terrorists",
    "extremist",
    "extremists",
    "blood",
    "criminal",
    "criminals",
    "guilty",
    "wanted",
    "outlaw",
    "outlaws",
    "gangs",
    "radical",
    "radicals",
    "hardliners",
    "irreconcilable",
];

/// Words that make a description name a body of people acting together (a force,
/// a committee, "the conflicting parties"), not persons each acting for
/// themselves ("those who stay").
pub const COLLECTIVE_WORDS: &[&str] = &[
    "forces",
    "force",
    "militia",
    "militias",
    "allies",
    "parties",
    "party",
    "groups",
    "group",
    "factions",
    "faction",
    "committee",
    "committees",
    "authorities",
    "authority",
    "units",
    "battalions",
    "brigades",
    "army",
    "armies",
    "police",
    "security",
    "side",
    "sides",
    "troops",
    "formations",
    "elements",
    "organisations",
    "organizations",
];

/// Whether a description names a body of people acting together.
pub fn is_collective(description: &str) -> bool {
    words_of(description).any(|word| is_one_of(word, COLLECTIVE_WORDS))
}

/// Whether a description names armed men only: it names fighters or officers
/// and no other group ("fighters who reject the agreement", not "fighters and
/// their families").
pub fn names_armed_only(description: &str) -> bool {
    let mut armed = false;
    for word in words_of(description) {
        if is_one_of(word, ARMED_GROUPS) {
            armed = true;
        } else if is_one_of(word, GROUPS) {
            return false;
        }
    }
    armed
}

/// The words of a description: runs of letters and digits.
fn words_of(description: &str) -> impl Iterator<Item = &str> {
    description
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
}

/// Whether `word` is one of `list`, in any case, without allocating: these
/// run on every description a rule or a comparison reads.
fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|known| known.eq_ignore_ascii_case(word))
}
/// Whether a description of people names them by a judgement.
pub fn is_judgement(description: &str) -> bool {
    words_of(description).any(|word| is_one_of(word, JUDGEMENT_WORDS))
}

/// Whether the name is a group word.
pub fn is_group(word: &str) -> bool {
    GROUPS.contains(&word)
}

/// The lines an `event` block holds.
pub const EVENT_LINES: &[&str] = &["on", "by", "clauses", "count", "text", "note", "source"];

/// Statements a document holds directly, with the sub-keys each accepts on its line.
pub const DOCUMENT_STATEMENTS: &[(&str, &[&str], &str)] = &[
    ("title", &[], "the document's title"),
    ("date", &[], "the date it was proposed or signed"),
    ("region", &[], "the declared place it concerns"),
    (
        "pax",
        &[],
        "its agreement id (AgtId) in the PA-X Peace Agreements Database",
    ),
    (
        "status",
        &["on", "by", "source"],
        "a status with its date and actor",
    ),
    (
        "source",
        &["file"],
        "a citation: id, description, and the file it comes from",
    ),
    (
        "link",
        &[],
        "a link to another document: amends, extends, terminates, supersedes, responds_to",
    ),
    (
        "place",
        &["within", "kind", "besieged_by"],
        "a place: id, name, what contains it, who besieges it",
    ),
    (
        "party",
        &[
            "side",
            "aligned",
            "role",
            "represents",
            "on_behalf_of",
            "territory",
            "units",
            "source",
        ],
        "a party: id, name, side, roles, whom it represents or acts for, units",
    ),
    (
        "unit",
        &["within"],
        "a unit of a party, for hierarchies deeper than `units`",
    ),
    (
        "guarantor",
        &["source"],
        "a party guaranteeing the whole document",
    ),
    (
        "monitor",
        &["source"],
        "a party monitoring the whole document",
    ),
    (
        "known_from",
        &["source"],
        "what the document's text is known from: text, copy, statement, summary, dictation",
    ),
    (
        "in_force",
        &[],
        "when the document enters into force, absolute or counted from signing",
    ),
    (
        "event",
        &[],
        "what happened after it was made: a violation, an implementation, a release",
    ),
    ("note", &[], "an analyst's note"),
    (
        "text",
        &[],
        "verbatim wording about the document as a whole",
    ),
    ("recital", &[], "a preamble statement that binds nobody"),
    ("clause", &[], "a numbered operative clause"),
];

/// The sub-keys a document statement accepts on its line.
pub fn sub_keys(statement: &str) -> &'static [&'static str] {
    DOCUMENT_STATEMENTS
        .iter()
        .find(|(name, _, _)| *name == statement)
        .map_or(&[], |(_, keys, _)| *keys)
}
