//! Clause kinds: the attributes each accepts, and what the checker and compare
//! know of it (whom it binds and benefits, whether it protects people or is a
//! concession, what access it grants, what it guarantees).
//!
//! Each kind is one `static` here and one line of [`CLAUSE_KINDS`]. Rules, compare
//! and the timeline read these facts; the few that concern one kind by nature
//! (an evacuation's destination) name its static, so a misspelt kind does not
//! compile.

use super::keys::Key;
use super::pax::Code::*;
use super::pax::When::*;
use super::pax::{
    ARREST, CHILDREN, Coding, ELDERLY, FAMILIES, FIGHTERS, INFRASTRUCTURE, WOMEN, always, when,
};

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

impl ValueType {
    /// The type's name, as the language reference titles its section.
    pub fn name(self) -> &'static str {
        match self {
            ValueType::Text => "text",
            ValueType::Parties => "parties",
            ValueType::Places => "places",
            ValueType::Actors => "actors",
            ValueType::When => "when",
            ValueType::Deadline => "deadline",
            ValueType::Duration => "duration",
            ValueType::Count => "count",
            ValueType::Ages => "ages",
            ValueType::Ratio => "ratio",
            ValueType::Distance => "distance",
            ValueType::Weapons => "weapons",
            ValueType::Strength => "strength",
            ValueType::Clauses => "clauses",
            ValueType::Words(_) => "word",
            ValueType::Labels => "labels",
            ValueType::Keys => "keys",
        }
    }
}

/// One attribute a clause kind accepts.
#[derive(Clone, Copy, Debug)]
pub struct Attribute {
    pub key: Key,
    pub value: ValueType,
    pub summary: &'static str,
}

const fn attr(key: Key, value: ValueType, summary: &'static str) -> Attribute {
    Attribute {
        key,
        value,
        summary,
    }
}

/// Whom a clause benefits when it does not say (`benefits`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Beneficiaries {
    /// The people it names under this key (an evacuation's evacuees), if any;
    /// else the other side.
    Named(Key),
    /// A group the kind is about, whoever they are (`detainees`).
    Group(&'static str),
    /// The parties on the other side from those it binds.
    OtherSide,
}

/// What a clause of the kind does for the rest of the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backing {
    /// Its `by` guarantees the clauses it `covers` (all, when it names none).
    Guarantees,
    /// Its `by` monitors the clauses it `covers` (all, when it names none).
    Monitors,
}

/// How a clause lets a party into an area.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// A road open to it.
    Road,
    /// Its forces deployed.
    Deployment,
    /// Its institutions back.
    Return,
    /// Passage along a route, as evacuee or escort.
    Passage,
    /// Control of territory, positions or a crossing handed to it.
    Control,
}

/// The access a kind grants: how, to whom (the parties under `grantees`), and
/// where (the places under `areas`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Access {
    pub entry: Entry,
    pub grantees: &'static [Key],
    pub areas: &'static [Key],
}

/// Whose camp a clause serves: who gains when it is added or made firmer, and
/// loses when it is dropped or weakened. Camps are the sides (`side`), each with
/// the third parties `aligned` with it; a clause binding both sides serves no
/// camp.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Serves {
    /// The camp other than that of the parties under the first of these keys
    /// the clause states (whoever holds the detainees, or is barred): what one
    /// side owes the other. With none stated, the camp of the area.
    OtherSideOf(&'static [Key]),
    /// The camp of the parties under these keys: who receives the weapons, whose
    /// forces deploy (and with whom, armed by whom), whose institutions return.
    /// Parties of both sides serve no camp; with none stated, the other side
    /// from the party bound.
    CampOf(&'static [Key]),
    /// The camp that holds the area the clause covers, or lives in it: relief
    /// for a besieged area serves the besieged.
    Area,
    /// An exit from the area. Under an ultimatum, or with no choice to stay, it
    /// is displacement, no gain for those who leave: the area passes to the camp
    /// that besieges or takes it. A chosen exit serves no camp in general.
    Exit,
    /// The state's camp (the government side): service in its forces.
    State,
    /// No camp in general, and why.
    Nobody(&'static str),
}

/// Kinds that are one matter in different forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Family {
    /// Releases and exchanges of detainees or prisoners.
    Detainees,
    /// Forces or their weapons pulled back from positions.
    Withdrawal,
}

/// One clause kind of the vocabulary.
#[derive(Clone, Copy, Debug)]
pub struct ClauseKind {
    pub name: &'static str,
    pub summary: &'static str,
    /// The PA-X provision codes this kind earns, and when (see [`super::pax`]).
    pub pax: &'static [Coding],
    /// Attributes this kind accepts beyond the common ones.
    pub attributes: &'static [Attribute],
    /// Whether the clause protects people (detainees, safety, status): weak
    /// commitments to such clauses are findings.
    pub protection: bool,
    /// Whether the clause is a military concession by the party bound.
    pub concession: bool,
    /// Who the clause binds: the parties under the first of these keys it states.
    pub bound: &'static [Key],
    /// Whom it benefits when it has no `benefits`.
    pub beneficiaries: Beneficiaries,
    /// Whether its `by` acts alone (issues an ultimatum, ends an agreement)
    /// rather than being bound by the parties' consent.
    pub unilateral: bool,
    /// What it guarantees or monitors for the rest of the document.
    pub backs: Option<Backing>,
    /// The entry it grants into an area.
    pub access: Option<Access>,
    /// Whether it brings people relief (evacuation, aid, services), which must
    /// never wait on a military concession.
    pub relief: bool,
    pub family: Option<Family>,
    /// Whether the clause obliges someone to act (hand over, release, open,
    /// restore), so that one naming no party bound leaves no one to answer for it.
    pub obliges: bool,
    /// Whether the clause holds a state from when it takes effect (a bar, a
    /// protection, free movement) rather than requiring an act by a date, so
    /// that stating no date leaves it in force from signing.
    pub standing: bool,
    /// Whether a document holds one such clause for an area, so that two which
    /// name no other subject (who or what) are one term stated twice. Clauses of
    /// other kinds that name no subject may be different matters (two political
    /// processes), and are never compared.
    pub one_per_area: bool,
    /// Whose camp it serves, for the balance `truce compare` draws.
    pub serves: Serves,
    /// How much a change of it weighs in that balance: 1 (a detail of the
    /// settlement) to 3 (what decides it: a ceasefire, a release, an exit, an
    /// ultimatum, forces or institutions entering).
    pub stakes: u8,
    /// How often the corpus generator draws it, against the other kinds.
    pub weight: u32,
}

impl PartialEq for ClauseKind {
    /// Names are unique in a vocabulary.
    fn eq(&self, other: &ClauseKind) -> bool {
        std::ptr::eq(self, other) || self.name == other.name
    }
}

impl Eq for ClauseKind {}

/// What a kind is unless it says otherwise.
const KIND: ClauseKind = ClauseKind {
    name: "",
    summary: "",
    pax: &[],
    attributes: &[],
    protection: false,
    concession: false,
    bound: &[Key::By, Key::Forces],
    beneficiaries: Beneficiaries::OtherSide,
    unilateral: false,
    backs: None,
    access: None,
    relief: false,
    family: None,
    obliges: false,
    standing: false,
    one_per_area: false,
    serves: Serves::Nobody("no camp gains from it in general"),
    stakes: 1,
    weight: 1,
};

use Key as K;
use ValueType as V;

/// Attributes every clause accepts.
pub const COMMON_ATTRIBUTES: &[Attribute] = &[
    attr(K::Text, V::Text, "the verbatim wording of the source"),
    attr(K::Note, V::Text, "an analyst's note; never read by rules"),
    attr(K::By, V::Actors, "who is bound to act"),
    attr(K::Benefits, V::Actors, "who benefits"),
    attr(K::Area, V::Places, "where the clause applies"),
    attr(K::Deadline, V::Deadline, "when the obligation falls due"),
    attr(K::Start, V::Deadline, "when the clause takes effect"),
    attr(K::Duration, V::Duration, "how long the clause lasts"),
    attr(K::Until, V::When, "when the clause ends"),
    attr(K::After, V::Clauses, "clauses that must be done first"),
    attr(K::If, V::Clauses, "clauses this one is conditional on"),
    attr(K::Condition, V::Text, "a condition stated in words"),
    attr(K::InExchangeFor, V::Clauses, "clauses given in return"),
    attr(
        K::InParallelWith,
        V::Clauses,
        "clauses carried out at the same time, in step",
    ),
    attr(
        K::Details,
        V::Clauses,
        "the clause whose terms this one sets out: an exit's allowances, its searches",
    ),
    attr(
        K::Every,
        V::Duration,
        "how often it recurs: a batch every week, a report every month",
    ),
    attr(
        K::Extendable,
        V::Text,
        "on what terms its period may be extended",
    ),
    attr(
        K::Renewal,
        V::Duration,
        "each further period it runs for, automatically unless ended",
    ),
    attr(K::Notice, V::Duration, "the notice a party gives to end it"),
    attr(
        K::Ratio,
        V::Ratio,
        "a proportion tying this clause to another",
    ),
    attr(K::Guarantor, V::Parties, "who guarantees this clause"),
    attr(K::Monitor, V::Parties, "who monitors this clause"),
    attr(
        K::Strength,
        V::Strength,
        "binding, pledge, review or intent",
    ),
    attr(
        K::Unstated,
        V::Keys,
        "attributes the source leaves unstated",
    ),
    attr(
        K::Deferred,
        V::Keys,
        "attributes the agreement itself leaves to later talks or a later agreement",
    ),
    attr(
        K::ConsentOf,
        V::Parties,
        "whose consent or approval the clause waits on",
    ),
    attr(
        K::Source,
        V::Labels,
        "which declared source gives this statement",
    ),
];

pub static CEASEFIRE: ClauseKind = ClauseKind {
    name: "ceasefire",
    summary: "a cessation of hostilities",
    pax: &[always(Ce), when(CeProv, Operative), when(CeGen, General)],
    attributes: &[
        attr(
            K::Violations,
            V::Text,
            "how violations are defined or handled",
        ),
        attr(
            K::Prohibits,
            V::Labels,
            "what the ceasefire prohibits: fire, flights, advances, fortifying",
        ),
    ],
    protection: true,
    weight: 4,
    one_per_area: true,
    standing: true,
    serves: Serves::Area,
    stakes: 3,
    ..KIND
};

pub static WEAPONS_HANDOVER: ClauseKind = ClauseKind {
    name: "weapons_handover",
    summary: "weapons given up to another party",
    pax: &[always(SsrDdr), always(DdrDemil)],
    attributes: &[
        attr(K::Weapons, V::Weapons, "weapon classes handed over"),
        attr(
            K::Calibre,
            V::Text,
            "a calibre bound, such as \"100 mm and above\"",
        ),
        attr(K::To, V::Parties, "who receives the weapons"),
        attr(K::People, V::Actors, "whose weapons"),
        attr(K::Count, V::Count, "how many people or weapons"),
        attr(
            K::Items,
            V::Labels,
            "what else is handed over: ammunition, stores, positions' maps",
        ),
        attr(K::StoredAt, V::Places, "where the weapons are kept"),
    ],
    concession: true,
    weight: 3,
    obliges: true,
    serves: Serves::CampOf(&[K::To]),
    stakes: 3,
    ..KIND
};

pub static WEAPONS_WITHDRAWAL: ClauseKind = ClauseKind {
    name: "weapons_withdrawal",
    summary: "weapons pulled back from a line or zone",
    pax: &[always(DdrDemil), when(CeProv, Operative)],
    attributes: &[
        attr(K::Weapons, V::Weapons, "weapon classes withdrawn"),
        attr(K::Calibre, V::Text, "a calibre bound"),
        attr(K::Distance, V::Distance, "how far back"),
        attr(K::Line, V::Places, "the line measured from or withdrawn to"),
        attr(K::AsOf, V::When, "the date the line stands as of"),
    ],
    concession: true,
    weight: 2,
    obliges: true,
    family: Some(Family::Withdrawal),
    serves: Serves::OtherSideOf(&[K::By, K::Forces]),
    stakes: 2,
    ..KIND
};

pub static EVACUATION: ClauseKind = ClauseKind {
    name: "evacuation",
    summary: "people leave an area",
    pax: &[
        always(HrMob),
        when(GRef, Civilians),
        when(SsrPsf, People(FIGHTERS)),
        when(GCh, People(CHILDREN)),
        when(GAge, People(ELDERLY)),
        when(GeWom, People(WOMEN)),
        when(GeFa, People(FAMILIES)),
        when(TjVet, Has(K::SearchedBy)),
        when(SsrPol, Police),
    ],
    attributes: &[
        attr(K::People, V::Actors, "who leaves"),
        attr(K::Count, V::Count, "how many leave"),
        attr(K::Remaining, V::Count, "how many stay behind"),
        attr(K::Destination, V::Places, "where they go"),
        attr(K::Route, V::Places, "the way they take"),
        attr(
            K::SafePassage,
            V::Parties,
            "who guarantees or escorts the passage",
        ),
        attr(K::Escort, V::Parties, "who escorts the evacuees"),
        attr(K::Weapons, V::Weapons, "what evacuees may carry"),
        attr(
            K::Allowance,
            V::Text,
            "a personal allowance, such as \"a rifle and three magazines\"",
        ),
        attr(
            K::Choice,
            V::Words(super::words::Choice::NAMES),
            "what evacuees may choose",
        ),
        attr(
            K::Belongings,
            V::Labels,
            "what else evacuees may take: belongings, money, devices",
        ),
        attr(
            K::Transport,
            V::Labels,
            "the transport provided: buses, trucks for furniture",
        ),
        attr(
            K::Search,
            V::Text,
            "how evacuees or their goods are searched or screened, or that they are not",
        ),
        attr(
            K::SearchedBy,
            V::Parties,
            "who searches, or in whose presence",
        ),
    ],
    protection: true,
    beneficiaries: Beneficiaries::Named(K::People),
    access: Some(Access {
        entry: Entry::Passage,
        grantees: &[K::People, K::Escort, K::SafePassage],
        areas: &[K::Route, K::Area],
    }),
    relief: true,
    weight: 6,
    serves: Serves::Exit,
    stakes: 3,
    ..KIND
};

pub static STATUS_SETTLEMENT: ClauseKind = ClauseKind {
    name: "status_settlement",
    summary: "amnesty, reconciliation, regularising status, defectors",
    pax: &[always(TjAm)],
    attributes: &[
        attr(K::People, V::Actors, "whose status is settled"),
        attr(
            K::Excludes,
            V::Text,
            "who is excluded, in the source's words",
        ),
        attr(K::JudgedBy, V::Parties, "who decides who is excluded"),
        attr(
            K::Protection,
            V::Text,
            "the protection given, such as non-arrest",
        ),
        attr(K::Offences, V::Text, "which offences are covered"),
        attr(
            K::Documents,
            V::Text,
            "the documents issued or reissued to those settled",
        ),
        attr(
            K::Resumes,
            V::Labels,
            "what they return to: study, work, posts",
        ),
        attr(
            K::Instrument,
            V::Words(super::words::INSTRUMENTS),
            "the act that grants it: a law, a decree, an amnesty law",
        ),
    ],
    protection: true,
    beneficiaries: Beneficiaries::Named(K::People),
    weight: 3,
    obliges: true,
    serves: Serves::Nobody(
        "a settlement protects those who stay and brings them under the state: it cuts both ways",
    ),
    stakes: 2,
    ..KIND
};

pub static CONSCRIPTION: ClauseKind = ClauseKind {
    name: "conscription",
    summary: "deadlines for compulsory military service",
    pax: &[always(SsrArm)],
    attributes: &[
        attr(K::People, V::Actors, "who must serve"),
        attr(K::Ages, V::Ages, "the age range concerned"),
        attr(K::Grace, V::Duration, "the time given before service"),
        attr(
            K::Service,
            V::Words(&["compulsory", "reserve"]),
            "which service: compulsory, reserve",
        ),
    ],
    concession: true,
    bound: &[K::People, K::By],
    weight: 2,
    one_per_area: true,
    serves: Serves::State,
    stakes: 3,
    ..KIND
};

pub static DETAINEE_RELEASE: ClauseKind = ClauseKind {
    name: "detainee_release",
    summary: "release of detainees or prisoners",
    pax: &[always(TjPrire)],
    attributes: &[
        attr(
            K::Mechanism,
            V::Text,
            "who releases, through whom, how verified",
        ),
        attr(K::Count, V::Count, "how many detainees"),
        attr(K::List, V::Text, "the list the release works from"),
        attr(K::Verifier, V::Parties, "who verifies the release"),
        attr(K::ReviewOn, V::When, "when the matter is to be reviewed"),
        attr(K::Holder, V::Parties, "who holds the detainees"),
        attr(
            K::To,
            V::Parties,
            "to whom the file or detainees are handed",
        ),
    ],
    protection: true,
    beneficiaries: Beneficiaries::Group("detainees"),
    family: Some(Family::Detainees),
    weight: 5,
    obliges: true,
    serves: Serves::OtherSideOf(&[K::Holder, K::By]),
    stakes: 3,
    ..KIND
};

pub static PRISONER_EXCHANGE: ClauseKind = ClauseKind {
    name: "prisoner_exchange",
    summary: "an exchange of prisoners between sides",
    pax: &[always(TjPrire)],
    attributes: &[
        attr(K::Mechanism, V::Text, "how the exchange is carried out"),
        attr(K::Count, V::Count, "how many prisoners"),
        attr(K::List, V::Text, "the list the exchange works from"),
        attr(K::Verifier, V::Parties, "who verifies the exchange"),
    ],
    protection: true,
    beneficiaries: Beneficiaries::Group("prisoners"),
    family: Some(Family::Detainees),
    weight: 2,
    obliges: true,
    serves: Serves::OtherSideOf(&[K::By]),
    stakes: 3,
    ..KIND
};

pub static HUMANITARIAN_ACCESS: ClauseKind = ClauseKind {
    name: "humanitarian_access",
    summary: "corridors, crossings and aid",
    pax: &[always(DevHum), always(HrMob)],
    attributes: &[
        attr(K::Corridors, V::Count, "how many corridors or crossings"),
        attr(K::Aid, V::Labels, "what aid passes"),
        attr(K::Route, V::Places, "where the corridors run"),
        attr(K::Width, V::Distance, "a corridor's width"),
    ],
    protection: true,
    relief: true,
    weight: 3,
    obliges: true,
    serves: Serves::Area,
    stakes: 3,
    ..KIND
};

pub static SERVICES: ClauseKind = ClauseKind {
    name: "services",
    summary: "water, electricity, fuel and other services",
    pax: &[
        always(DevHum),
        when(Wat, Names(K::Services, &["water"])),
        when(DevInfra, Names(K::Services, INFRASTRUCTURE)),
    ],
    attributes: &[attr(K::Services, V::Labels, "which services")],
    protection: true,
    relief: true,
    weight: 3,
    obliges: true,
    serves: Serves::Area,
    stakes: 2,
    ..KIND
};

pub static DEPLOYMENT: ClauseKind = ClauseKind {
    name: "deployment",
    summary: "police, military police, joint checkpoints, local committees",
    pax: &[
        when(ImPK, ThirdPartyForces),
        when(SsrPol, Police),
        when(SsrPsf, ParaStatal),
        when(Mps, Joint),
        when(MpsJt, Joint),
    ],
    attributes: &[
        attr(K::Forces, V::Actors, "who deploys"),
        attr(
            K::Checkpoints,
            V::Words(&["joint", "single"]),
            "checkpoints set up",
        ),
        attr(K::ArmedBy, V::Parties, "who arms the deployed force"),
        attr(K::With, V::Parties, "who they deploy alongside"),
        attr(K::Count, V::Count, "how many deploy"),
        attr(
            K::Tasks,
            V::Labels,
            "what the deployed force is there to do",
        ),
    ],
    concession: true,
    access: Some(Access {
        entry: Entry::Deployment,
        grantees: &[K::Forces, K::By, K::With],
        areas: &[K::Area],
    }),
    weight: 4,
    obliges: true,
    serves: Serves::CampOf(&[K::Forces, K::By, K::With, K::ArmedBy]),
    stakes: 3,
    ..KIND
};

pub static NON_ENTRY: ClauseKind = ClauseKind {
    name: "non_entry",
    summary: "a party is barred from an area",
    pax: &[when(CeProv, Operative)],
    attributes: &[attr(K::Barred, V::Parties, "who may not enter")],
    protection: true,
    bound: &[K::Barred, K::By],
    weight: 2,
    obliges: true,
    standing: true,
    serves: Serves::OtherSideOf(&[K::Barred]),
    stakes: 3,
    ..KIND
};

pub static WITHDRAWAL: ClauseKind = ClauseKind {
    name: "withdrawal",
    summary: "forces leave positions",
    pax: &[when(CeProv, Operative), when(SsrFf, ThirdPartyForces)],
    attributes: &[
        attr(K::Forces, V::Parties, "who withdraws"),
        attr(K::Distance, V::Distance, "how far"),
        attr(K::Line, V::Places, "the line withdrawn to or from"),
        attr(K::AsOf, V::When, "the date the line stands as of"),
    ],
    concession: true,
    weight: 2,
    obliges: true,
    family: Some(Family::Withdrawal),
    serves: Serves::OtherSideOf(&[K::Forces, K::By]),
    stakes: 3,
    ..KIND
};

pub static ROAD_OPENING: ClauseKind = ClauseKind {
    name: "road_opening",
    summary: "a road opened or protected for someone",
    pax: &[always(HrMob)],
    attributes: &[
        attr(K::Road, V::Places, "the road"),
        attr(K::OpenTo, V::Actors, "who may use it"),
        attr(K::ProtectedBy, V::Parties, "who protects it"),
    ],
    concession: true,
    access: Some(Access {
        entry: Entry::Road,
        grantees: &[K::OpenTo],
        areas: &[K::Road, K::Area],
    }),
    weight: 2,
    obliges: true,
    serves: Serves::CampOf(&[K::OpenTo]),
    stakes: 2,
    ..KIND
};

pub static INSTITUTIONS_RETURN: ClauseKind = ClauseKind {
    name: "institutions_return",
    summary: "state institutions return to an area",
    pax: &[always(Pubad), when(SsrPol, Police)],
    attributes: &[attr(K::Institutions, V::Parties, "which institutions")],
    concession: true,
    access: Some(Access {
        entry: Entry::Return,
        grantees: &[K::Institutions, K::By],
        areas: &[K::Area],
    }),
    weight: 1,
    obliges: true,
    bound: &[K::By, K::Institutions],
    serves: Serves::CampOf(&[K::Institutions, K::By]),
    stakes: 3,
    ..KIND
};

pub static BUFFER_ZONE: ClauseKind = ClauseKind {
    name: "buffer_zone",
    summary: "a zone kept free of forces or weapons",
    pax: &[when(CeProv, Operative)],
    attributes: &[
        attr(K::Depth, V::Distance, "how deep the zone is"),
        attr(K::Line, V::Places, "the line the zone is measured from"),
        attr(K::AsOf, V::When, "the date the line stands as of"),
    ],
    protection: true,
    weight: 1,
    one_per_area: true,
    standing: true,
    serves: Serves::Nobody("a buffer zone keeps both sides apart"),
    stakes: 2,
    ..KIND
};

pub static RETURN_OF_DISPLACED: ClauseKind = ClauseKind {
    name: "return_of_displaced",
    summary: "return of displaced people",
    pax: &[always(GRef)],
    attributes: &[attr(K::People, V::Actors, "who returns")],
    protection: true,
    beneficiaries: Beneficiaries::Named(K::People),
    weight: 2,
    obliges: true,
    serves: Serves::Nobody("whose camp a return serves depends on who holds the area returned to"),
    stakes: 2,
    ..KIND
};

pub static TERRITORY_TRANSFER: ClauseKind = ClauseKind {
    name: "territory_transfer",
    summary: "territory or positions handed over or returned",
    pax: &[],
    attributes: &[
        attr(K::Positions, V::Text, "which positions, lines or districts"),
        attr(K::To, V::Parties, "who takes control"),
        attr(K::Line, V::Places, "the line handed over or returned to"),
        attr(K::AsOf, V::When, "the date the line stands as of"),
    ],
    concession: true,
    access: Some(Access {
        entry: Entry::Control,
        grantees: &[K::To],
        areas: &[K::Area, K::Line],
    }),
    weight: 1,
    obliges: true,
    serves: Serves::CampOf(&[K::To]),
    stakes: 3,
    ..KIND
};

pub static BORDER_CONTROL: ClauseKind = ClauseKind {
    name: "border_control",
    summary: "control of a border, its posts or a crossing",
    pax: &[always(StBor)],
    attributes: &[
        attr(K::Crossing, V::Places, "the border, posts or crossing"),
        attr(K::To, V::Parties, "who takes control"),
        attr(K::Flag, V::Parties, "whose flag is raised"),
    ],
    concession: true,
    access: Some(Access {
        entry: Entry::Control,
        grantees: &[K::To],
        areas: &[K::Crossing, K::Area],
    }),
    weight: 1,
    obliges: true,
    serves: Serves::CampOf(&[K::To]),
    stakes: 2,
    ..KIND
};

pub static LEGISLATION: ClauseKind = ClauseKind {
    name: "legislation",
    summary: "a law, decree or constitutional change the agreement calls for",
    pax: &[],
    attributes: &[
        attr(
            K::Instrument,
            V::Words(super::words::INSTRUMENTS),
            "the act: a law, a decree, an amnesty law, the constitution",
        ),
        attr(K::Subject, V::Text, "what it provides"),
    ],
    weight: 1,
    obliges: true,
    ..KIND
};

pub static ELECTIONS: ClauseKind = ClauseKind {
    name: "elections",
    summary: "elections, and who observes them",
    pax: &[],
    attributes: &[
        attr(K::Office, V::Text, "what is elected"),
        attr(K::Observers, V::Parties, "who observes the vote"),
    ],
    weight: 1,
    obliges: true,
    ..KIND
};

pub static DEMINING: ClauseKind = ClauseKind {
    name: "demining",
    summary: "mines cleared, and maps of minefields or weapons stores handed over",
    pax: &[always(SsrDdr)],
    attributes: &[
        attr(
            K::Maps,
            V::Labels,
            "what is mapped and handed over: minefields, weapons stores, tunnels",
        ),
        attr(K::To, V::Parties, "who receives the maps"),
    ],
    weight: 1,
    obliges: true,
    serves: Serves::Nobody("cleared mines serve everyone in the area"),
    stakes: 1,
    ..KIND
};

pub static REINFORCEMENT_FREEZE: ClauseKind = ClauseKind {
    name: "reinforcement_freeze",
    summary: "no reinforcements, new positions or weapons brought in",
    pax: &[when(CeProv, Operative)],
    attributes: &[
        attr(K::Forces, V::Parties, "whose forces are frozen"),
        attr(
            K::Weapons,
            V::Weapons,
            "which weapons may not be brought in",
        ),
    ],
    weight: 1,
    obliges: true,
    standing: true,
    serves: Serves::OtherSideOf(&[K::By]),
    stakes: 2,
    ..KIND
};

pub static ECONOMY: ClauseKind = ClauseKind {
    name: "economy",
    summary: "revenues, salaries, banking and trade links",
    pax: &[always(Dev)],
    attributes: &[attr(
        K::Measures,
        V::Labels,
        "what is paid, shared or reopened: salaries, revenues, banking, trade",
    )],
    relief: true,
    weight: 1,
    obliges: true,
    serves: Serves::Area,
    stakes: 1,
    ..KIND
};

pub static RECONSTRUCTION: ClauseKind = ClauseKind {
    name: "reconstruction",
    summary: "rebuilding homes, infrastructure and public buildings",
    pax: &[always(DevInfra), always(Dev)],
    attributes: &[attr(K::Works, V::Labels, "what is rebuilt")],
    relief: true,
    weight: 1,
    obliges: true,
    serves: Serves::Area,
    stakes: 1,
    ..KIND
};

pub static MOVEMENT: ClauseKind = ClauseKind {
    name: "movement",
    summary: "freedom of movement: checkpoints lifted, people free to move",
    pax: &[always(HrMob)],
    attributes: &[
        attr(K::People, V::Actors, "who may move freely"),
        attr(K::Across, V::Places, "where they may move"),
        attr(
            K::Checkpoints,
            V::Words(&["lifted", "eased"]),
            "what happens to checkpoints",
        ),
    ],
    protection: true,
    beneficiaries: Beneficiaries::Named(K::People),
    relief: true,
    weight: 1,
    obliges: true,
    standing: true,
    serves: Serves::Area,
    stakes: 2,
    ..KIND
};

pub static PROTECTION: ClauseKind = ClauseKind {
    name: "protection",
    summary: "people protected from arrest, pursuit or reprisal",
    pax: &[
        always(Prot),
        when(ProtCiv, Civilians),
        when(HrDet, Names(K::From, ARREST)),
    ],
    attributes: &[
        attr(K::People, V::Actors, "who is protected"),
        attr(
            K::From,
            V::Labels,
            "what they are protected from: arrest, pursuit, reprisal",
        ),
        attr(
            K::Excludes,
            V::Text,
            "who is excluded, in the source's words",
        ),
        attr(K::JudgedBy, V::Parties, "who decides who is excluded"),
    ],
    protection: true,
    beneficiaries: Beneficiaries::Named(K::People),
    weight: 2,
    obliges: true,
    standing: true,
    serves: Serves::OtherSideOf(&[K::By]),
    stakes: 2,
    ..KIND
};

pub static MISSING_PERSONS: ClauseKind = ClauseKind {
    name: "missing_persons",
    summary: "the missing and the dead: lists, their fate made known, bodies handed over",
    pax: &[always(TjMis)],
    attributes: &[
        attr(K::People, V::Actors, "whose fate or remains"),
        attr(K::Count, V::Count, "how many"),
        attr(K::List, V::Text, "the list it works from"),
        attr(K::To, V::Parties, "to whom lists or remains are handed"),
        attr(K::Mechanism, V::Text, "how the fate is established"),
    ],
    protection: true,
    beneficiaries: Beneficiaries::Named(K::People),
    weight: 1,
    obliges: true,
    serves: Serves::OtherSideOf(&[K::By]),
    stakes: 2,
    ..KIND
};

pub static COMPENSATION: ClauseKind = ClauseKind {
    name: "compensation",
    summary: "compensation or reparations for losses",
    pax: &[always(TjRep)],
    attributes: &[
        attr(K::People, V::Actors, "who is compensated"),
        attr(K::Losses, V::Labels, "for what: homes, property, injuries"),
    ],
    protection: true,
    beneficiaries: Beneficiaries::Named(K::People),
    weight: 1,
    obliges: true,
    serves: Serves::OtherSideOf(&[K::By]),
    stakes: 1,
    ..KIND
};

pub static INTEGRATION: ClauseKind = ClauseKind {
    name: "integration",
    summary: "fighters join state forces, police or a local force",
    pax: &[always(SsrPsf)],
    attributes: &[
        attr(K::Forces, V::Actors, "who joins"),
        attr(K::Into, V::Parties, "the force they join"),
        attr(K::Count, V::Count, "how many"),
    ],
    concession: true,
    weight: 1,
    obliges: true,
    ..KIND
};

pub static ACCESSION: ClauseKind = ClauseKind {
    name: "accession",
    summary: "a party joins an existing agreement, zone or process",
    pax: &[when(SsrPsf, Opposition)],
    attributes: &[attr(
        K::Joins,
        V::Text,
        "what it joins: an agreement, a de-escalation zone, a settlement",
    )],
    weight: 1,
    ..KIND
};

pub static COMMITTEE: ClauseKind = ClauseKind {
    name: "committee",
    summary: "a committee set up to run or watch the agreement",
    pax: &[always(ImE)],
    attributes: &[
        attr(K::Members, V::Actors, "who sits on it"),
        attr(
            K::Covers,
            V::Clauses,
            "which clauses it oversees (all if absent)",
        ),
        attr(
            K::Tasks,
            V::Labels,
            "what it does: detainees, breaches, weapons",
        ),
        attr(K::Violations, V::Text, "how it handles breaches"),
        attr(K::ReportsTo, V::Parties, "to whom it reports"),
    ],
    bound: &[K::By, K::Members],
    backs: Some(Backing::Monitors),
    weight: 1,
    serves: Serves::Nobody("a committee serves whoever the clauses it runs protect"),
    stakes: 1,
    ..KIND
};

pub static POLITICAL_PROCESS: ClauseKind = ClauseKind {
    name: "political_process",
    summary: "talks, reconciliation processes, later negotiations",
    pax: &[],
    attributes: &[attr(K::Forum, V::Text, "where the process happens")],
    weight: 1,
    ..KIND
};

pub static GUARANTEE: ClauseKind = ClauseKind {
    name: "guarantee",
    summary: "a party guarantees the agreement or some of its clauses",
    pax: &[always(SsrGua)],
    attributes: &[
        attr(
            K::Covers,
            V::Clauses,
            "which clauses are guaranteed (all if absent)",
        ),
        attr(K::Consequence, V::Text, "what happens on breach"),
    ],
    backs: Some(Backing::Guarantees),
    weight: 2,
    serves: Serves::Nobody("a guarantee serves whoever the clauses it covers protect"),
    stakes: 2,
    ..KIND
};

pub static MONITORING: ClauseKind = ClauseKind {
    name: "monitoring",
    summary: "a party monitors the agreement or some of its clauses",
    pax: &[always(ImE), when(ImPK, ThirdPartyForces)],
    attributes: &[
        attr(
            K::Covers,
            V::Clauses,
            "which clauses are monitored (all if absent)",
        ),
        attr(
            K::Violations,
            V::Text,
            "how violations are defined or reported",
        ),
        attr(K::ReportsTo, V::Parties, "to whom the monitor reports"),
    ],
    backs: Some(Backing::Monitors),
    weight: 2,
    serves: Serves::Nobody("monitoring serves whoever the clauses it covers protect"),
    stakes: 2,
    ..KIND
};

pub static TERM: ClauseKind = ClauseKind {
    name: "term",
    summary: "validity, extension, renewal",
    pax: &[],
    attributes: &[attr(K::ExtendedUntil, V::When, "the latest extension")],
    weight: 1,
    one_per_area: true,
    ..KIND
};

pub static TERMINATION: ClauseKind = ClauseKind {
    name: "termination",
    summary: "a notice or clause ending an agreement",
    pax: &[],
    attributes: &[attr(
        K::Effective,
        V::When,
        "when the termination takes effect",
    )],
    unilateral: true,
    weight: 1,
    serves: Serves::Nobody("whom an end serves depends on what it ends"),
    stakes: 2,
    ..KIND
};

pub static ULTIMATUM: ClauseKind = ClauseKind {
    name: "ultimatum",
    summary: "a demand with a deadline and a threat",
    pax: &[],
    attributes: &[
        attr(K::Against, V::Parties, "who must comply"),
        attr(K::Issued, V::When, "when the ultimatum was given"),
        attr(K::Else, V::Text, "what is threatened"),
    ],
    bound: &[K::Against],
    unilateral: true,
    // Drawn apart by the generator: at most one to a document, unnumbered.
    weight: 0,
    serves: Serves::CampOf(&[K::By]),
    stakes: 3,
    ..KIND
};

pub static VENUE: ClauseKind = ClauseKind {
    name: "venue",
    summary: "where talks take place",
    pax: &[],
    attributes: &[
        attr(K::Place, V::Places, "the venue"),
        attr(K::MovedFrom, V::Places, "the previous venue"),
        attr(K::Protection, V::Text, "protection offered to delegates"),
    ],
    weight: 1,
    ..KIND
};

pub static OTHER: ClauseKind = ClauseKind {
    name: "other",
    summary: "anything else, in free text, so nothing is un-encodable",
    pax: &[],
    attributes: &[attr(K::Subject, V::Text, "what the clause is about")],
    weight: 2,
    ..KIND
};

/// Every clause kind of the standard vocabulary, in the order the reference
/// documents them.
pub static CLAUSE_KINDS: &[&ClauseKind] = &[
    &CEASEFIRE,
    &WEAPONS_HANDOVER,
    &WEAPONS_WITHDRAWAL,
    &EVACUATION,
    &STATUS_SETTLEMENT,
    &CONSCRIPTION,
    &DETAINEE_RELEASE,
    &PRISONER_EXCHANGE,
    &HUMANITARIAN_ACCESS,
    &SERVICES,
    &DEPLOYMENT,
    &NON_ENTRY,
    &WITHDRAWAL,
    &ROAD_OPENING,
    &INSTITUTIONS_RETURN,
    &BUFFER_ZONE,
    &RETURN_OF_DISPLACED,
    &TERRITORY_TRANSFER,
    &BORDER_CONTROL,
    &LEGISLATION,
    &ELECTIONS,
    &DEMINING,
    &REINFORCEMENT_FREEZE,
    &ECONOMY,
    &RECONSTRUCTION,
    &MOVEMENT,
    &PROTECTION,
    &MISSING_PERSONS,
    &COMPENSATION,
    &INTEGRATION,
    &ACCESSION,
    &POLITICAL_PROCESS,
    &GUARANTEE,
    &MONITORING,
    &COMMITTEE,
    &TERM,
    &TERMINATION,
    &ULTIMATUM,
    &VENUE,
    &OTHER,
];

impl ClauseKind {
    /// The PA-X code that names what the kind is about: its first coding.
    pub fn pax_category(&self) -> Option<super::pax::Code> {
        self.pax.first().map(|coding| coding.code)
    }

    /// The attribute with this key, common or particular to the kind.
    pub fn attribute(&self, key: Key) -> Option<&'static Attribute> {
        self.attributes_all().find(|attribute| attribute.key == key)
    }

    /// The attribute spelt `name`, common or particular to the kind.
    pub fn attribute_named(&self, name: &str) -> Option<&'static Attribute> {
        self.attributes_all()
            .find(|attribute| attribute.key.name() == name)
    }

    /// Every attribute this kind accepts: the common ones, then its own.
    pub fn attributes_all(&self) -> impl Iterator<Item = &'static Attribute> + use<> {
        COMMON_ATTRIBUTES.iter().chain(self.attributes)
    }

    /// Every key this kind accepts.
    pub fn keys(&self) -> impl Iterator<Item = Key> + use<> {
        self.attributes_all().map(|attribute| attribute.key)
    }

    /// Every key this kind accepts, as the language spells them.
    pub fn key_names(&self) -> impl Iterator<Item = &'static str> + use<> {
        self.keys().map(Key::name)
    }
}
