//! The PA-X codebook, as far as truce codes it: the provision codes of the PA-X
//! Peace Agreements Database (University of Edinburgh) that local agreements use,
//! their scales, and the conditions under which a clause codes to one.
//!
//! Each clause kind lists its [`Coding`]s in [`super::kinds`]: a code, and when
//! the clause earns it (always, or when it names children, when its forces are
//! a third party's, ...). `crate::pax` reads them; nothing else knows a code.
//! The codes and meanings are those of `../shared/pax.md`, PA-X's codebook
//! excerpt; codes PA-X uses in its coding of the corpus but the excerpt does not
//! describe are columns too, so that a row of PA-X and a row of truce line up.

use std::fmt;

use super::keys::Key;

/// How a provision is graded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    /// 0 absent; 1 rhetorical or general; 2 a concrete measure or process, less
    /// enforceable; 3 detailed and enforceable.
    Graded,
    /// 0 absent, 1 present.
    Binary,
}

/// Declares [`Code`] and its table in one list: `Variant "name" scale "meaning"`.
macro_rules! codes {
    ($($variant:ident $name:literal $scale:ident $meaning:expr,)*) => {
        /// A PA-X provision code.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $($variant,)*
        }

        impl Code {
            /// Every code, in the order of the export's columns.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The column name PA-X gives the code.
            pub fn name(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }

            pub fn scale(self) -> Scale {
                match self {
                    $(Code::$variant => Scale::$scale,)*
                }
            }

            /// What the code records, in the codebook's words.
            pub fn meaning(self) -> &'static str {
                match self {
                    $(Code::$variant => $meaning,)*
                }
            }

            /// The code PA-X spells `name`, in any case.
            pub fn parse(name: &str) -> Option<Code> {
                Code::ALL.iter().copied().find(|code| code.name().eq_ignore_ascii_case(name))
            }
        }
    };
}

/// Said of the codes PA-X uses in its coding of the corpus that the codebook
/// excerpt does not describe: truce never derives them.
const UNDESCRIBED: &str =
    "used in PA-X's coding of the corpus; not described in the codebook excerpt";

codes! {
    Ce "Ce" Graded "ceasefire or cessation of hostilities",
    CeProv "CeProv" Binary "actual ceasefire provisions with some mechanism",
    CeGen "CeGen" Binary "general reference to a ceasefire only",
    SsrGua "SsrGua" Binary "security guarantees",
    SsrDdr "SsrDdr" Graded "disarmament, demobilisation, reintegration (weapons handover, mine clearance)",
    DdrDemil "DdrDemil" Binary "demilitarisation, weapons removal outside a DDR programme",
    SsrPsf "SsrPsf" Binary "rebel or para-statal forces: they leave, are restructured or join a process",
    SsrArm "SsrArm" Graded "armed forces (structural, not incidental ceasefire logistics)",
    SsrPol "SsrPol" Graded "police, including the army handing functions to police",
    SsrInt "SsrInt" Graded "intelligence services",
    SsrFf "SsrFf" Binary "removal of foreign forces",
    Terr "Terr" Binary "terrorism",
    HrMob "HrMob" Binary "mobility and access: safe passage, transit routes, humanitarian flows",
    HrDet "HrDet" Binary "rules on detaining people (no arrest)",
    Prot "Prot" Graded "protection of civilians or groups",
    ProtCiv "ProtCiv" Binary "protection of civilians",
    GRef "GRef" Graded "refugees and displaced people, return",
    GCh "GCh" Graded "children",
    GAge "GAge" Graded "the elderly",
    GeWom "GeWom" Graded "women",
    GeFa "GeFa" Binary "family",
    GeMe "GeMe" Binary UNDESCRIBED,
    GRa "GRa" Graded UNDESCRIBED,
    DevHum "DevHum" Binary "humanitarian assistance",
    DevInfra "DevInfra" Binary "infrastructure, reconstruction",
    Dev "Dev" Graded "development and reconstruction (PA-X grades it; the excerpt lists only its sub-codes)",
    Wat "Wat" Binary "water",
    Pubad "Pubad" Graded "public administration, return of institutions",
    Civso "Civso" Binary "civil society",
    Tral "Tral" Binary "traditional and religious leaders",
    Mps "Mps" Graded "military power sharing (joint military provisions)",
    MpsJt "MpsJt" Binary "joint military units or operations",
    Terps "Terps" Binary UNDESCRIBED,
    TjGen "TjGen" Binary UNDESCRIBED,
    TjAm "TjAm" Graded "amnesty, pardon (status settlement)",
    TjAmPro "TjAmPro" Binary UNDESCRIBED,
    TjPrire "TjPrire" Graded "prisoner release: 1 a brief commitment or exchange of lists; 2 a measure or mechanism; 3 a mechanism with detailed modalities",
    TjMis "TjMis" Graded "missing persons and the dead",
    TjVic "TjVic" Graded "victims",
    TjRep "TjRep" Graded "reparations",
    TjRMa "TjRMa" Binary UNDESCRIBED,
    TjVet "TjVet" Graded "vetting (screening evacuees)",
    TjNR "TjNR" Graded "reconciliation",
    TjSan "TjSan" Binary UNDESCRIBED,
    TjPower "TjPower" Binary UNDESCRIBED,
    ImUN "ImUN" Binary "UN signatory or witness",
    ImOth "ImOth" Binary "other international signatory or witness",
    ImPK "ImPK" Binary "peacekeepers or similar international teams deployed",
    ImE "ImE" Binary "the agreement provides for its own enforcement (committee, referral)",
    StDef "StDef" Binary "state definition",
    StBor "StBor" Binary "borders",
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

/// When a clause of a kind earns a code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// Every clause of the kind.
    Always,
    /// An operative commitment (not a recital, not a mere intent or review):
    /// PA-X's "actual provisions".
    Operative,
    /// A recital, an intent or a review: PA-X's "general reference only".
    General,
    /// Its `people` name one of these groups (group words, or words of a
    /// description): evacuating children codes GCh.
    People(&'static [&'static str]),
    /// Its `people` name someone other than armed men, or no one: an exit of
    /// civilians is displacement, an exit of fighters is not.
    Civilians,
    /// Its forces (or, without forces, the party bound) are a third party's:
    /// an international presence.
    ThirdPartyForces,
    /// The parties it binds (its forces, else its `by`) are the opposition's:
    /// an armed group that joins a process.
    Opposition,
    /// It gives police a task: police are among its forces, the institutions it
    /// returns, or those who act, watch, escort or screen ([`POLICE_ROLES`]).
    Police,
    /// Its forces are armed by another party, or act jointly with another
    /// side's: para-statal forces.
    ParaStatal,
    /// It deploys forces jointly with another side's (`with`, joint
    /// checkpoints).
    Joint,
    /// The words of this attribute name one of these (`services water`).
    Names(Key, &'static [&'static str]),
    /// It states this attribute (`searched_by`: evacuees are screened).
    Has(Key),
}

/// One code a kind earns, and when.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Coding {
    pub code: Code,
    pub when: When,
}

impl When {
    /// The condition as the reference reads it: `when it names children`.
    pub fn describe(self) -> String {
        match self {
            When::Always => String::new(),
            When::Operative => "when it is an operative commitment".to_string(),
            When::General => "when it is only a recital, an intent or a review".to_string(),
            When::People(groups) => format!("when its `people` name {}", groups[0]),
            When::Civilians => "when it moves people other than armed men".to_string(),
            When::ThirdPartyForces => "when its forces are a third party's".to_string(),
            When::Opposition => "when the party bound is the opposition's".to_string(),
            When::Police => "when it gives police a task".to_string(),
            When::ParaStatal => {
                "when its forces are armed by another party or join the other side's".to_string()
            }
            When::Joint => "when forces act jointly with the other side's".to_string(),
            When::Names(key, words) => {
                format!("when its `{}` names {}", key.name(), words.join(" or "))
            }
            When::Has(key) => format!("when it states `{}`", key.name()),
        }
    }
}

/// A kind's codings as the reference gives them: `` `HrMob`; `GRef` when it
/// moves people other than armed men``, or `none`.
pub fn describe(codings: &[Coding]) -> String {
    if codings.is_empty() {
        return "none".to_string();
    }
    let parts: Vec<String> = codings
        .iter()
        .map(|coding| match coding.when {
            When::Always => format!("`{}`", coding.code),
            when => format!("`{}` {}", coding.code, when.describe()),
        })
        .collect();
    parts.join("; ")
}

/// A kind's codes, each once, for a table: `` `HrMob`, `GRef` ``, or `–`.
pub fn codes(codings: &[Coding]) -> String {
    let mut names: Vec<String> = Vec::new();
    for coding in codings {
        let name = format!("`{}`", coding.code);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    if names.is_empty() {
        "–".to_string()
    } else {
        names.join(", ")
    }
}

pub const fn always(code: Code) -> Coding {
    Coding {
        code,
        when: When::Always,
    }
}

pub const fn when(code: Code, when: When) -> Coding {
    Coding { code, when }
}

/// The kind of detail a monitor, a guarantor or an escort gives.
pub const VERIFIER: &str = "a verifier";

/// Codes of matters of state beyond a ceasefire's: with one of them, a
/// ceasefire agreement is a ceasefire "with broader issues" (PA-X's `CeaMix`).
pub const BROADER: &[Code] = &[
    Code::TjAm,
    Code::Pubad,
    Code::Dev,
    Code::DevInfra,
    Code::StDef,
    Code::StBor,
    Code::SsrArm,
    Code::Mps,
];

/// The kinds of detail that raise a provision's grade, and the attributes that
/// state each: the codebook's "a mechanism, modalities, a verifier, lists".
/// Who acts, where, and when (deadlines) are not detail: PA-X grades detail,
/// not deadlines.
pub const DETAIL: &[(&str, &[Key])] = &[
    (
        "a mechanism",
        &[
            Key::Mechanism,
            Key::Violations,
            Key::Consequence,
            Key::ReportsTo,
            Key::Tasks,
            Key::Protection,
            Key::Offences,
            Key::JudgedBy,
            Key::Forum,
            Key::Instrument,
        ],
    ),
    (
        VERIFIER,
        &[
            Key::Verifier,
            Key::Monitor,
            Key::Observers,
            Key::ProtectedBy,
            Key::Escort,
            Key::SafePassage,
            Key::Guarantor,
        ],
    ),
    (
        "lists or numbers",
        &[
            Key::List,
            Key::Count,
            Key::Ages,
            Key::Items,
            Key::Weapons,
            Key::Calibre,
            Key::Corridors,
            Key::Services,
            Key::Aid,
            Key::Institutions,
            Key::Positions,
            Key::Maps,
            Key::Measures,
            Key::Works,
            Key::Members,
            Key::Documents,
            Key::Belongings,
            Key::Checkpoints,
            Key::Prohibits,
        ],
    ),
    (
        "modalities",
        &[
            Key::Route,
            Key::Destination,
            Key::Transport,
            Key::StoredAt,
            Key::Every,
            Key::Line,
            Key::Width,
            Key::Depth,
            Key::Distance,
            Key::Crossing,
            Key::Road,
            Key::SearchedBy,
            Key::Choice,
            Key::Allowance,
            Key::Holder,
            Key::With,
            Key::ArmedBy,
            Key::Into,
            Key::Joins,
        ],
    ),
];

/// People words that are not armed men, for [`When::Civilians`].
pub const CIVILIAN_GROUPS: &[&str] = &[
    "civilians",
    "families",
    "residents",
    "women",
    "children",
    "elderly",
    "wounded",
    "sick",
    "evacuees",
    "everyone",
    "students",
    "employees",
];
pub const CHILDREN: &[&str] = &["children", "child", "minors"];
pub const ELDERLY: &[&str] = &["elderly"];
pub const WOMEN: &[&str] = &["women", "woman"];
pub const FAMILIES: &[&str] = &["families", "family", "relatives"];
pub const FIGHTERS: &[&str] = &["fighters", "officers", "defectors", "gunmen", "militants"];

/// Services that are infrastructure rather than relief.
pub const INFRASTRUCTURE: &[&str] = &[
    "electricity",
    "power",
    "maintenance",
    "infrastructure",
    "telecommunications",
    "roads",
];

/// What people are protected from that is detention.
pub const ARREST: &[&str] = &[
    "arrest",
    "arrests",
    "arrested",
    "detention",
    "detained",
    "detain",
];

/// The attributes under which a clause gives someone a task, for [`When::Police`].
pub const POLICE_ROLES: &[Key] = &[
    Key::By,
    Key::Forces,
    Key::Institutions,
    Key::Monitor,
    Key::Verifier,
    Key::Escort,
    Key::ProtectedBy,
    Key::SafePassage,
    Key::SearchedBy,
];

/// Unit and group names that are police forces.
pub const POLICE: &[&str] = &["police", "military_police", "police_force"];

/// Words naming terrorist organisations, in an `excludes` or a text: PA-X
/// codes a provision on them Terr.
pub const TERRORISM: &[&str] = &[
    "terrorist",
    "terrorists",
    "terrorism",
    "isis",
    "isil",
    "daesh",
    "nusra",
];

/// Words that make a third party the United Nations or one of its bodies.
pub const UNITED_NATIONS: &[&str] = &[
    "un",
    "united nations",
    "undp",
    "unhcr",
    "ocha",
    "unicef",
    "wfp",
    "special envoy",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_parses_back_from_its_name_in_any_case() {
        for code in Code::ALL {
            assert_eq!(Code::parse(code.name()), Some(*code));
            assert_eq!(Code::parse(&code.name().to_lowercase()), Some(*code));
        }
        assert_eq!(Code::parse("Ps"), None, "Ps is no PA-X code");
        assert_eq!(Code::parse("ImRen"), None, "ImRen is no PA-X code");
        assert_eq!(Code::parse("Other"), None, "Other is no PA-X code");
    }

    #[test]
    fn names_are_unique() {
        let mut names: Vec<&str> = Code::ALL.iter().map(|code| code.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Code::ALL.len());
    }
}
