//! The vocabulary of the language: which statements a document holds, which clause
//! kinds exist, and which attributes each accepts with what type of value.
//!
//! The parser knows none of this; it builds a uniform tree of statements. Meaning
//! lives here, in one table, so the resolver, the "did you mean" hints and the
//! language reference all read the same facts.

/// The type of value an attribute takes. The resolver turns the atoms after an
/// attribute's key into a typed value according to this.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueType {
    /// One quoted string.
    Text,
    /// One or more declared parties or units (`regime`, `regime.army`), comma separated.
    Parties,
    /// One or more declared places, comma separated.
    Places,
    /// Parties or quoted descriptions of people (`civilians`, `"those who wish to remain"`).
    Actors,
    /// A date (`2018-05-01`, `2017-08`, `mid 2018-05`) or date-time with a zone.
    When,
    /// An absolute or relative deadline (`2018-05-03T12:00[Asia/Damascus]`,
    /// `within 14 days of signing`, `day 5 after clause 2 starts`).
    Deadline,
    /// A duration or a range of durations (`6 months`, `6 months to 2 years`).
    Duration,
    /// A count, an approximate count, a range or a minimum (`12000`, `about 1400`,
    /// `140 to 200`, `at least 300`), optionally followed by what is counted.
    Count,
    /// An age range (`18 to 42`).
    Ages,
    /// `100 fighters surrender per 200 civilians evacuated`.
    Ratio,
    /// A distance or depth (`15 km`, `500 m`).
    Distance,
    /// Weapon classes with optional quantifiers (`heavy, some medium`).
    Weapons,
    /// `binding`, `pledge`, `review` or `intent`.
    Strength,
    /// References to other clauses of the same document by number (`2`, `3`).
    Clauses,
    /// One or more words from a closed list.
    Words(&'static [&'static str]),
    /// One or more free words or quoted strings (`water, electricity`).
    Labels,
    /// Names of attributes the source leaves unstated.
    Keys,
}

/// One attribute a clause kind accepts.
#[derive(Clone, Copy, Debug)]
pub struct Attribute {
    pub key: &'static str,
    pub value: ValueType,
    pub summary: &'static str,
}

/// One clause kind of the starting vocabulary.
#[derive(Clone, Copy, Debug)]
pub struct ClauseKind {
    pub name: &'static str,
    pub summary: &'static str,
    /// The PA-X provision category this kind codes to.
    pub pax: &'static str,
    /// Attributes this kind accepts beyond the common ones.
    pub attributes: &'static [Attribute],
    /// Whether the clause protects people (detainees, safety, status): weak
    /// commitments to such clauses are findings.
    pub protection: bool,
    /// Whether the clause is a military concession by the party bound.
    pub concession: bool,
}

const fn attr(key: &'static str, value: ValueType, summary: &'static str) -> Attribute {
    Attribute {
        key,
        value,
        summary,
    }
}

pub const STRENGTHS: &[&str] = &["binding", "pledge", "review", "intent"];
pub const SIDES: &[&str] = &["government", "opposition", "third"];
pub const ROLES: &[&str] = &[
    "proposer",
    "signatory",
    "guarantor",
    "mediator",
    "monitor",
    "sponsor",
];
pub const STATUSES: &[&str] = &[
    "proposed",
    "signed",
    "announced",
    "ratified",
    "rejected",
    "collapsed",
    "terminated",
    "superseded",
    "extended",
];
pub const LINKS: &[&str] = &[
    "amends",
    "extends",
    "terminates",
    "supersedes",
    "responds_to",
];
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

/// Attributes every clause accepts.
pub const COMMON_ATTRIBUTES: &[Attribute] = &[
    attr(
        "text",
        ValueType::Text,
        "the verbatim wording of the source",
    ),
    attr(
        "note",
        ValueType::Text,
        "an analyst's note; never read by rules",
    ),
    attr("by", ValueType::Actors, "who is bound to act"),
    attr("benefits", ValueType::Actors, "who benefits"),
    attr("area", ValueType::Places, "where the clause applies"),
    attr(
        "deadline",
        ValueType::Deadline,
        "when the obligation falls due",
    ),
    attr("start", ValueType::Deadline, "when the clause takes effect"),
    attr("duration", ValueType::Duration, "how long the clause lasts"),
    attr("until", ValueType::When, "when the clause ends"),
    attr(
        "after",
        ValueType::Clauses,
        "clauses that must be done first",
    ),
    attr(
        "if",
        ValueType::Clauses,
        "clauses this one is conditional on",
    ),
    attr("condition", ValueType::Text, "a condition stated in words"),
    attr(
        "in_exchange_for",
        ValueType::Clauses,
        "clauses given in return",
    ),
    attr(
        "ratio",
        ValueType::Ratio,
        "a proportion tying this clause to another",
    ),
    attr(
        "guarantor",
        ValueType::Parties,
        "who guarantees this clause",
    ),
    attr("monitor", ValueType::Parties, "who monitors this clause"),
    attr(
        "strength",
        ValueType::Strength,
        "binding, pledge, review or intent",
    ),
    attr(
        "unstated",
        ValueType::Keys,
        "attributes the source leaves unstated",
    ),
    attr(
        "source",
        ValueType::Labels,
        "which declared source gives this statement",
    ),
];

use ValueType as V;

pub const CLAUSE_KINDS: &[ClauseKind] = &[
    ClauseKind {
        name: "ceasefire",
        summary: "a cessation of hostilities",
        pax: "Ce",
        attributes: &[attr(
            "violations",
            V::Text,
            "how violations are defined or handled",
        )],
        protection: true,
        concession: false,
    },
    ClauseKind {
        name: "weapons_handover",
        summary: "weapons given up to another party",
        pax: "SsrDdr",
        attributes: &[
            attr("weapons", V::Weapons, "weapon classes handed over"),
            attr(
                "calibre",
                V::Text,
                "a calibre bound, such as \"100 mm and above\"",
            ),
            attr("to", V::Parties, "who receives the weapons"),
            attr("people", V::Actors, "whose weapons"),
            attr("count", V::Count, "how many people or weapons"),
        ],
        protection: false,
        concession: true,
    },
    ClauseKind {
        name: "weapons_withdrawal",
        summary: "weapons pulled back from a line or zone",
        pax: "DdrDemil",
        attributes: &[
            attr("weapons", V::Weapons, "weapon classes withdrawn"),
            attr("calibre", V::Text, "a calibre bound"),
            attr("distance", V::Distance, "how far back"),
        ],
        protection: false,
        concession: true,
    },
    ClauseKind {
        name: "evacuation",
        summary: "people leave an area",
        pax: "HrCp",
        attributes: &[
            attr("people", V::Actors, "who leaves"),
            attr("count", V::Count, "how many leave"),
            attr("remaining", V::Count, "how many stay behind"),
            attr("destination", V::Places, "where they go"),
            attr("route", V::Places, "the way they take"),
            attr(
                "safe_passage",
                V::Parties,
                "who guarantees or escorts the passage",
            ),
            attr("escort", V::Parties, "who escorts the evacuees"),
            attr("weapons", V::Weapons, "what evacuees may carry"),
            attr(
                "allowance",
                V::Text,
                "a personal allowance, such as \"a rifle and three magazines\"",
            ),
            attr(
                "choice",
                V::Words(&["stay", "leave", "destination"]),
                "what evacuees may choose",
            ),
        ],
        protection: true,
        concession: false,
    },
    ClauseKind {
        name: "status_settlement",
        summary: "amnesty, reconciliation, regularising status, defectors",
        pax: "TjAm",
        attributes: &[
            attr("people", V::Actors, "whose status is settled"),
            attr(
                "excludes",
                V::Text,
                "who is excluded, in the source's words",
            ),
            attr("judged_by", V::Parties, "who decides who is excluded"),
            attr(
                "protection",
                V::Text,
                "the protection given, such as non-arrest",
            ),
            attr("offences", V::Text, "which offences are covered"),
        ],
        protection: true,
        concession: false,
    },
    ClauseKind {
        name: "conscription",
        summary: "deadlines for compulsory military service",
        pax: "SsrArm",
        attributes: &[
            attr("people", V::Actors, "who must serve"),
            attr("ages", V::Ages, "the age range concerned"),
            attr("grace", V::Duration, "the time given before service"),
        ],
        protection: false,
        concession: true,
    },
    ClauseKind {
        name: "detainee_release",
        summary: "release of detainees or prisoners",
        pax: "TjPrire",
        attributes: &[
            attr(
                "mechanism",
                V::Text,
                "who releases, through whom, how verified",
            ),
            attr("count", V::Count, "how many detainees"),
            attr("list", V::Text, "the list the release works from"),
            attr("verifier", V::Parties, "who verifies the release"),
            attr("review_on", V::When, "when the matter is to be reviewed"),
            attr("holder", V::Parties, "who holds the detainees"),
            attr("to", V::Parties, "to whom the file or detainees are handed"),
        ],
        protection: true,
        concession: false,
    },
    ClauseKind {
        name: "prisoner_exchange",
        summary: "an exchange of prisoners between sides",
        pax: "TjPrire",
        attributes: &[
            attr("mechanism", V::Text, "how the exchange is carried out"),
            attr("count", V::Count, "how many prisoners"),
            attr("list", V::Text, "the list the exchange works from"),
            attr("verifier", V::Parties, "who verifies the exchange"),
        ],
        protection: true,
        concession: false,
    },
    ClauseKind {
        name: "humanitarian_access",
        summary: "corridors, crossings and aid",
        pax: "HrCp",
        attributes: &[
            attr("corridors", V::Count, "how many corridors or crossings"),
            attr("aid", V::Labels, "what aid passes"),
            attr("route", V::Places, "where the corridors run"),
            attr("width", V::Distance, "a corridor's width"),
        ],
        protection: true,
        concession: false,
    },
    ClauseKind {
        name: "services",
        summary: "water, electricity, fuel and other services",
        pax: "HrCp",
        attributes: &[attr("services", V::Labels, "which services")],
        protection: true,
        concession: false,
    },
    ClauseKind {
        name: "deployment",
        summary: "police, military police, joint checkpoints, local committees",
        pax: "SsrPol",
        attributes: &[
            attr("forces", V::Actors, "who deploys"),
            attr(
                "checkpoints",
                V::Words(&["joint", "single"]),
                "checkpoints set up",
            ),
            attr("armed_by", V::Parties, "who arms the deployed force"),
            attr("with", V::Parties, "who they deploy alongside"),
        ],
        protection: false,
        concession: true,
    },
    ClauseKind {
        name: "non_entry",
        summary: "a party is barred from an area",
        pax: "Ce",
        attributes: &[attr("barred", V::Parties, "who may not enter")],
        protection: true,
        concession: false,
    },
    ClauseKind {
        name: "withdrawal",
        summary: "forces leave positions",
        pax: "SsrDdr",
        attributes: &[
            attr("forces", V::Parties, "who withdraws"),
            attr("distance", V::Distance, "how far"),
        ],
        protection: false,
        concession: true,
    },
    ClauseKind {
        name: "road_opening",
        summary: "a road opened or protected for someone",
        pax: "HrCp",
        attributes: &[
            attr("road", V::Places, "the road"),
            attr("open_to", V::Parties, "who may use it"),
            attr("protected_by", V::Parties, "who protects it"),
        ],
        protection: false,
        concession: true,
    },
    ClauseKind {
        name: "institutions_return",
        summary: "state institutions return to an area",
        pax: "Ps",
        attributes: &[attr("institutions", V::Parties, "which institutions")],
        protection: false,
        concession: true,
    },
    ClauseKind {
        name: "buffer_zone",
        summary: "a zone kept free of forces or weapons",
        pax: "Ce",
        attributes: &[attr("depth", V::Distance, "how deep the zone is")],
        protection: true,
        concession: false,
    },
    ClauseKind {
        name: "return_of_displaced",
        summary: "return of displaced people",
        pax: "GRef",
        attributes: &[attr("people", V::Actors, "who returns")],
        protection: true,
        concession: false,
    },
    ClauseKind {
        name: "political_process",
        summary: "talks, reconciliation processes, later negotiations",
        pax: "Pol",
        attributes: &[attr("forum", V::Text, "where the process happens")],
        protection: false,
        concession: false,
    },
    ClauseKind {
        name: "guarantee",
        summary: "a party guarantees the agreement or some of its clauses",
        pax: "SsrGua",
        attributes: &[
            attr(
                "covers",
                V::Clauses,
                "which clauses are guaranteed (all if absent)",
            ),
            attr("consequence", V::Text, "what happens on breach"),
        ],
        protection: false,
        concession: false,
    },
    ClauseKind {
        name: "monitoring",
        summary: "a party monitors the agreement or some of its clauses",
        pax: "ImE",
        attributes: &[
            attr(
                "covers",
                V::Clauses,
                "which clauses are monitored (all if absent)",
            ),
            attr(
                "violations",
                V::Text,
                "how violations are defined or reported",
            ),
        ],
        protection: false,
        concession: false,
    },
    ClauseKind {
        name: "term",
        summary: "validity, extension, renewal",
        pax: "ImRen",
        attributes: &[attr("extended_until", V::When, "the latest extension")],
        protection: false,
        concession: false,
    },
    ClauseKind {
        name: "termination",
        summary: "a notice or clause ending an agreement",
        pax: "ImRen",
        attributes: &[attr(
            "effective",
            V::When,
            "when the termination takes effect",
        )],
        protection: false,
        concession: false,
    },
    ClauseKind {
        name: "ultimatum",
        summary: "a demand with a deadline and a threat",
        pax: "Other",
        attributes: &[
            attr("against", V::Parties, "who must comply"),
            attr("issued", V::When, "when the ultimatum was given"),
            attr("else", V::Text, "what is threatened"),
        ],
        protection: false,
        concession: false,
    },
    ClauseKind {
        name: "venue",
        summary: "where talks take place",
        pax: "Pol",
        attributes: &[
            attr("place", V::Places, "the venue"),
            attr("moved_from", V::Places, "the previous venue"),
            attr("protection", V::Text, "protection offered to delegates"),
        ],
        protection: false,
        concession: false,
    },
    ClauseKind {
        name: "other",
        summary: "anything else, in free text, so nothing is un-encodable",
        pax: "Other",
        attributes: &[attr("subject", V::Text, "what the clause is about")],
        protection: false,
        concession: false,
    },
];

/// The clause kind with this name.
pub fn clause_kind(name: &str) -> Option<&'static ClauseKind> {
    CLAUSE_KINDS.iter().find(|kind| kind.name == name)
}

impl ClauseKind {
    /// The attribute with this key, common or specific to the kind.
    pub fn attribute(&self, key: &str) -> Option<&'static Attribute> {
        COMMON_ATTRIBUTES
            .iter()
            .chain(self.attributes.iter())
            .find(|attribute| attribute.key == key)
    }

    /// Every key this kind accepts.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        COMMON_ATTRIBUTES
            .iter()
            .chain(self.attributes.iter())
            .map(|attribute| attribute.key)
    }
}

/// Statements a document holds directly, with the sub-keys each accepts on its line.
pub const DOCUMENT_STATEMENTS: &[(&str, &[&str], &str)] = &[
    ("title", &[], "the document's title"),
    ("date", &[], "the date it was proposed or signed"),
    ("region", &[], "the declared place it concerns"),
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
        &["within", "kind"],
        "a place: id, name, what contains it",
    ),
    (
        "party",
        &["side", "aligned", "role", "represents", "units", "source"],
        "a party: id, name, side, roles, units",
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
    ("note", &[], "an analyst's note"),
    (
        "text",
        &[],
        "verbatim wording about the document as a whole",
    ),
    ("recital", &[], "a preamble statement that binds nobody"),
    ("clause", &[], "a numbered operative clause"),
];
