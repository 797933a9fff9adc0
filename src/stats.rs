//! Statistics over a corpus: what `truce stats` prints.
//!
//! One pass over the documents, each checked once: for every document rule, on
//! how many documents it fires out of the documents it could fire on (its
//! [`Applies`]); for every clause kind, how often it appears and which rules name
//! its clauses; the rules against what became of the documents (their
//! implementation events and statuses); and documents, clauses and findings by
//! year and by process. Every table is counted with hash maps in time linear in
//! the corpus (documents × rules × clauses of each).
//!
//! A process is the file a document is written in: the corpus keeps one
//! negotiation (a town's agreements, proposals and drafts) to a file.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::finding::{Finding, Severity};
use crate::model::{Corpus, Document};
use crate::rules::{self, Rule};
use crate::source::{Sources, Span};
use crate::vocabulary::{Outcome, Status, Vocabulary};

/// Every table `truce stats` prints.
#[derive(Clone, Debug, Serialize)]
pub struct Stats {
    /// Documents in the corpus.
    pub documents: usize,
    /// Operative clauses (recitals bind nobody and are not counted).
    pub clauses: usize,
    /// Findings of the document rules.
    pub findings: usize,
    /// Every document rule, in the order `truce explain` lists them.
    pub rules: Vec<RuleCount>,
    /// Every clause kind the corpus holds, in the vocabulary's order.
    pub kinds: Vec<KindCount>,
    /// What became of all the documents.
    pub outcomes: Outcomes,
    /// Each document rule against outcomes, in the order of [`Stats::rules`].
    pub rule_outcomes: Vec<RuleOutcomes>,
    /// By the year of the document's date, oldest first; undated last.
    pub years: Vec<GroupCount>,
    /// By process (the file a document is written in), in load order.
    pub processes: Vec<GroupCount>,
}

/// How often one document rule fires.
#[derive(Clone, Debug, Serialize)]
pub struct RuleCount {
    pub rule: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    /// Which documents it could fire on, in words.
    pub applies: String,
    /// The documents it fires on.
    pub documents: usize,
    /// The documents it could fire on: never fewer than `documents`.
    pub applicable: usize,
    /// Its findings, over all documents.
    pub findings: usize,
}

/// How often one clause kind appears, and which rules name its clauses.
#[derive(Clone, Debug, Serialize)]
pub struct KindCount {
    pub kind: &'static str,
    /// Documents with an operative clause of the kind.
    pub documents: usize,
    /// Operative clauses of the kind.
    pub clauses: usize,
    /// Operative clauses of the kind that a finding names.
    pub with_gaps: usize,
    /// The rules whose findings name a clause of the kind (a recital too), most
    /// clauses first.
    pub gaps: Vec<Gap>,
}

/// One rule's findings on clauses of one kind.
#[derive(Clone, Debug, Serialize)]
pub struct Gap {
    pub rule: &'static str,
    /// Findings naming at least one clause of the kind.
    pub findings: usize,
    /// Distinct clauses of the kind those findings name.
    pub clauses: usize,
}

/// What became of a set of documents, as their events and statuses record it.
/// A document may count under several columns (violated, then collapsed), or
/// under none (an extension is recorded but fits no column).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Outcomes {
    pub documents: usize,
    /// A `collapsed` event, or a status `collapsed` or `terminated`.
    pub collapsed: usize,
    /// A `violation` event.
    pub violated: usize,
    /// An `implemented` or `partly_implemented` event, or people `released` or
    /// `evacuated` under it.
    pub implemented: usize,
    /// A `not_implemented` event.
    pub not_implemented: usize,
    /// No event, and no status after the document was made (rejected,
    /// collapsed, terminated, superseded, extended): the sources say nothing,
    /// which is not to say nothing happened.
    pub no_outcome: usize,
}

/// One rule against outcomes: the documents it fires on, and those it could
/// fire on but does not, so that the two can be compared.
#[derive(Clone, Debug, Serialize)]
pub struct RuleOutcomes {
    pub rule: &'static str,
    pub fires: Outcomes,
    pub quiet: Outcomes,
}

/// Documents, clauses and findings of one year or one process.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GroupCount {
    /// The year (`2017`), `undated`, or the process's name.
    pub name: String,
    pub documents: usize,
    pub clauses: usize,
    pub findings: usize,
    /// For a process: the years of its dated documents, first and last.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years: Option<(i16, i16)>,
}

/// A rule that fired on a document outside what it declares it applies to: a
/// bug in the rule or its declaration, which `truce stats` will not hide behind
/// a count such as "4 of 3".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Breach {
    pub rule: &'static str,
    pub document: String,
    pub applies: String,
}

impl std::fmt::Display for Breach {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "rule `{}` fired on document `{}`, outside what it declares it could fire on: {}",
            self.rule, self.document, self.applies
        )
    }
}

/// What became of one document.
#[derive(Clone, Copy, Debug, Default)]
struct Fate {
    collapsed: bool,
    violated: bool,
    implemented: bool,
    not_implemented: bool,
    recorded: bool,
}

impl Fate {
    fn of(document: &Document) -> Fate {
        let mut fate = Fate::default();
        for event in &document.events {
            fate.recorded = true;
            match event.outcome.value {
                Outcome::Collapsed => fate.collapsed = true,
                Outcome::Violation => fate.violated = true,
                Outcome::Implemented
                | Outcome::PartlyImplemented
                | Outcome::Released
                | Outcome::Evacuated => fate.implemented = true,
                Outcome::NotImplemented => fate.not_implemented = true,
                Outcome::Extended => {}
            }
        }
        for entry in &document.statuses {
            match entry.status.value {
                Status::Collapsed | Status::Terminated => {
                    fate.collapsed = true;
                    fate.recorded = true;
                }
                Status::Rejected | Status::Superseded | Status::Extended => fate.recorded = true,
                // The making of the document, not what became of it.
                Status::Proposed
                | Status::Signed
                | Status::Agreed
                | Status::Announced
                | Status::Ratified => {}
            }
        }
        fate
    }
}

impl Outcomes {
    fn add(&mut self, fate: Fate) {
        self.documents += 1;
        self.collapsed += usize::from(fate.collapsed);
        self.violated += usize::from(fate.violated);
        self.implemented += usize::from(fate.implemented);
        self.not_implemented += usize::from(fate.not_implemented);
        self.no_outcome += usize::from(!fate.recorded);
    }
}

/// One year's or one process's running counts.
#[derive(Default)]
struct Group {
    documents: usize,
    clauses: usize,
    findings: usize,
    years: Option<(i16, i16)>,
}

impl Group {
    fn add(&mut self, document: &Document, findings: usize, year: Option<i16>) {
        self.documents += 1;
        self.clauses += document.clauses.len();
        self.findings += findings;
        if let Some(year) = year {
            self.years = Some(match self.years {
                Some((first, last)) => (first.min(year), last.max(year)),
                None => (year, year),
            });
        }
    }

    fn count(self, name: String) -> GroupCount {
        GroupCount {
            name,
            documents: self.documents,
            clauses: self.clauses,
            findings: self.findings,
            years: self.years,
        }
    }
}

/// One clause kind's running counts.
#[derive(Default)]
struct KindTally {
    documents: usize,
    clauses: usize,
    /// Spans of the clauses of the kind that a finding names, recitals too.
    named: HashSet<Span>,
    /// By rule: findings, and the spans of the clauses they name.
    gaps: HashMap<&'static str, (usize, HashSet<Span>)>,
}

/// The statistics of `corpus`, whose documents' spans point into `sources`; or
/// every rule that fired outside what it declares it applies to.
pub fn compute(corpus: &Corpus, sources: &Sources) -> Result<Stats, Vec<Breach>> {
    let document_rules: Vec<&Rule> = rules::document_rules().collect();
    let documents: Vec<&Document> = corpus.documents.iter().collect();
    let findings = rules::check_each(corpus, &documents);
    tabulate(&documents, &findings, &document_rules, sources)
}

/// The tables, from each document's findings (in the order of `documents`) and
/// the rules that made them.
fn tabulate(
    documents: &[&Document],
    findings: &[Vec<Finding>],
    document_rules: &[&Rule],
    sources: &Sources,
) -> Result<Stats, Vec<Breach>> {
    let mut rule_counts: Vec<RuleCount> = document_rules
        .iter()
        .map(|rule| RuleCount {
            rule: rule.id,
            severity: rule.severity,
            summary: rule.summary,
            applies: rule.applies.describe(),
            documents: 0,
            applicable: 0,
            findings: 0,
        })
        .collect();
    let mut rule_outcomes: Vec<RuleOutcomes> = document_rules
        .iter()
        .map(|rule| RuleOutcomes {
            rule: rule.id,
            fires: Outcomes::default(),
            quiet: Outcomes::default(),
        })
        .collect();
    let position: HashMap<&str, usize> = document_rules
        .iter()
        .enumerate()
        .map(|(index, rule)| (rule.id, index))
        .collect();
    let mut kinds: HashMap<&'static str, KindTally> = HashMap::new();
    let mut years: HashMap<Option<i16>, Group> = HashMap::new();
    let mut processes: Vec<(usize, Group)> = Vec::new();
    let mut process_of_file: HashMap<usize, usize> = HashMap::new();
    let mut outcomes = Outcomes::default();
    let mut breaches = Vec::new();
    let mut clauses = 0;
    // Every operative clause, by span (unique across the corpus): a finding
    // may name a clause of another document (the term an early termination
    // cuts short).
    let mut operative: HashSet<Span> = HashSet::new();

    for (document, found) in documents.iter().zip(findings) {
        clauses += document.clauses.len();
        let fate = Fate::of(document);
        outcomes.add(fate);

        // Rules: which fired here, how often, and whether they could.
        let mut fired = vec![0usize; document_rules.len()];
        for finding in found {
            if let Some(&index) = position.get(finding.rule) {
                fired[index] += 1;
            }
        }
        for (index, rule) in document_rules.iter().enumerate() {
            let applies = rule.applies.holds(document);
            let count = &mut rule_counts[index];
            count.findings += fired[index];
            count.applicable += usize::from(applies);
            if fired[index] > 0 {
                count.documents += 1;
                rule_outcomes[index].fires.add(fate);
                if !applies {
                    breaches.push(Breach {
                        rule: rule.id,
                        document: document.id.value.to_string(),
                        applies: rule.applies.describe(),
                    });
                }
            } else if applies {
                rule_outcomes[index].quiet.add(fate);
            }
        }

        // Clause kinds: how often, and which rules name them.
        let mut seen_here: HashSet<&'static str> = HashSet::new();
        for clause in &document.clauses {
            let tally = kinds.entry(clause.kind_name()).or_default();
            tally.clauses += 1;
            if seen_here.insert(clause.kind_name()) {
                tally.documents += 1;
            }
            operative.insert(clause.span);
        }
        tally_gaps(found, &mut kinds);

        // By year and by process.
        let year = document.date.as_ref().map(|date| date.value.start.year());
        years
            .entry(year)
            .or_default()
            .add(document, found.len(), year);
        let file = document.span.file as usize;
        let index = *process_of_file.entry(file).or_insert_with(|| {
            processes.push((file, Group::default()));
            processes.len() - 1
        });
        processes[index].1.add(document, found.len(), year);
    }

    if !breaches.is_empty() {
        return Err(breaches);
    }
    Ok(Stats {
        documents: documents.len(),
        clauses,
        findings: findings.iter().map(Vec::len).sum(),
        rules: rule_counts,
        kinds: kind_counts(kinds, &operative, &position),
        outcomes,
        rule_outcomes,
        years: year_counts(years),
        processes: process_counts(processes, sources),
    })
}

/// Count each finding of one document under the kinds of the clauses it names.
fn tally_gaps(found: &[Finding], kinds: &mut HashMap<&'static str, KindTally>) {
    for finding in found {
        let mut counted: Vec<&'static str> = Vec::new();
        for clause in &finding.clauses {
            let tally = kinds.entry(clause.kind).or_default();
            tally.named.insert(clause.span);
            let gap = tally.gaps.entry(finding.rule).or_default();
            gap.1.insert(clause.span);
            // A finding naming two clauses of one kind is one finding on it.
            if !counted.contains(&clause.kind) {
                counted.push(clause.kind);
                gap.0 += 1;
            }
        }
    }
}

fn kind_counts(
    kinds: HashMap<&'static str, KindTally>,
    operative: &HashSet<Span>,
    rule_position: &HashMap<&str, usize>,
) -> Vec<KindCount> {
    let order: HashMap<&str, usize> = Vocabulary::standard()
        .kinds()
        .iter()
        .enumerate()
        .map(|(index, kind)| (kind.name, index))
        .collect();
    let mut counts: Vec<KindCount> = kinds
        .into_iter()
        .map(|(kind, tally)| {
            let mut gaps: Vec<Gap> = tally
                .gaps
                .into_iter()
                .map(|(rule, (findings, clauses))| Gap {
                    rule,
                    findings,
                    clauses: clauses.len(),
                })
                .collect();
            gaps.sort_by_key(|gap| {
                (
                    std::cmp::Reverse(gap.clauses),
                    rule_position.get(gap.rule).copied(),
                )
            });
            KindCount {
                kind,
                documents: tally.documents,
                clauses: tally.clauses,
                with_gaps: tally.named.intersection(operative).count(),
                gaps,
            }
        })
        .collect();
    // The vocabulary's order; a kind it does not know (another vocabulary's) by name after.
    counts.sort_by_key(|count| {
        (
            order.get(count.kind).copied().unwrap_or(usize::MAX),
            count.kind,
        )
    });
    counts
}

fn year_counts(years: HashMap<Option<i16>, Group>) -> Vec<GroupCount> {
    let mut years: Vec<(Option<i16>, Group)> = years.into_iter().collect();
    // Dated years in order, then the undated.
    years.sort_by_key(|(year, _)| (year.is_none(), *year));
    years
        .into_iter()
        .map(|(year, mut group)| {
            group.years = None;
            let name = year.map_or_else(|| "undated".to_string(), |year| year.to_string());
            group.count(name)
        })
        .collect()
}

/// Each process named by its file's name without folder or extension, or by
/// the whole name where two files share a stem.
fn process_counts(processes: Vec<(usize, Group)>, sources: &Sources) -> Vec<GroupCount> {
    let name = |file: usize| -> String {
        sources
            .files()
            .get(file)
            .map_or_else(|| format!("file {file}"), |source| source.name.clone())
    };
    let stem = |name: &str| -> String {
        let path = std::path::Path::new(name);
        path.file_stem().map_or_else(
            || name.to_string(),
            |stem| stem.to_string_lossy().into_owned(),
        )
    };
    let mut stems: HashMap<String, usize> = HashMap::new();
    for (file, _) in &processes {
        *stems.entry(stem(&name(*file))).or_default() += 1;
    }
    processes
        .into_iter()
        .map(|(file, group)| {
            let full = name(file);
            let short = stem(&full);
            let shown = if stems.get(&short) == Some(&1) {
                short
            } else {
                full
            };
            group.count(shown)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Applies;

    /// Three documents in two files: two detainee releases (one without a
    /// mechanism), an evacuation, events and statuses.
    fn fixture() -> Stats {
        let first = r#"
agreement a {
  date 2016-03-01
  party regime "Syrian government" side government role signatory
  clause 1 detainee_release { by regime; deadline within 10 days of signing }
  clause 2 detainee_release { by regime; mechanism "through the ICRC"; deadline within 10 days of signing }
  status signed on 2016-03-01
  status collapsed on 2016-05
  event violation { on 2016-04-01; text "shelling" }
}
agreement b {
  date 2016-06-01
  party regime "Syrian government" side government role signatory
  clause 1 detainee_release { by regime; mechanism "lists"; deadline within 10 days of signing }
  event released { on 2016-06-10; text "40 released" }
}
"#;
        let second = r#"
agreement c {
  party regime "Syrian government" side government role signatory
  clause 1 evacuation { people civilians; by regime }
}
"#;
        let loaded = crate::load_texts([
            ("one/first.truce".to_string(), first.to_string()),
            ("two/second.truce".to_string(), second.to_string()),
        ]);
        assert!(loaded.errors.is_empty(), "{:#?}", loaded.errors);
        compute(&loaded.corpus, &loaded.sources).expect("no breach")
    }

    fn rule<'a>(stats: &'a Stats, id: &str) -> &'a RuleCount {
        stats.rules.iter().find(|r| r.rule == id).expect("the rule")
    }

    #[test]
    fn rules_count_documents_fired_on_out_of_those_they_apply_to() {
        let stats = fixture();
        assert_eq!((stats.documents, stats.clauses), (3, 4));
        let mechanism = rule(&stats, "detainee-no-mechanism");
        assert_eq!(
            (
                mechanism.documents,
                mechanism.applicable,
                mechanism.findings
            ),
            (1, 2, 1)
        );
        let destination = rule(&stats, "evacuation-no-destination");
        assert_eq!((destination.documents, destination.applicable), (1, 1));
        let ultimatum = rule(&stats, "short-ultimatum");
        assert_eq!((ultimatum.documents, ultimatum.applicable), (0, 0));
        assert_eq!(stats.rules.len(), rules::document_rules().count());
        assert_eq!(
            stats.findings,
            stats.rules.iter().map(|rule| rule.findings).sum::<usize>()
        );
        assert!(stats.rules.iter().all(|r| r.documents <= r.applicable));
    }

    #[test]
    fn kinds_count_documents_clauses_and_the_rules_naming_them() {
        let stats = fixture();
        let names: Vec<&str> = stats.kinds.iter().map(|kind| kind.kind).collect();
        assert_eq!(names, ["evacuation", "detainee_release"]);
        let release = &stats.kinds[1];
        assert_eq!((release.documents, release.clauses), (2, 3));
        let mechanism = release
            .gaps
            .iter()
            .find(|gap| gap.rule == "detainee-no-mechanism")
            .expect("the gap");
        assert_eq!((mechanism.findings, mechanism.clauses), (1, 1));
        // Clause 1 of `a` lacks a mechanism; no guarantor names all three.
        let guarantor = release.gaps.iter().find(|gap| gap.rule == "no-guarantor");
        assert_eq!(
            guarantor.map(|gap| (gap.findings, gap.clauses)),
            Some((2, 3))
        );
        assert_eq!(release.with_gaps, 3);
    }

    #[test]
    fn outcomes_are_counted_for_documents_a_rule_fires_on_and_those_it_spares() {
        let stats = fixture();
        assert_eq!(
            stats.outcomes,
            Outcomes {
                documents: 3,
                collapsed: 1,
                violated: 1,
                implemented: 1,
                not_implemented: 0,
                no_outcome: 1,
            }
        );
        let mechanism = stats
            .rule_outcomes
            .iter()
            .find(|row| row.rule == "detainee-no-mechanism")
            .expect("the row");
        // Fires on `a` (violated, collapsed); quiet on `b` (released).
        assert_eq!(
            (
                mechanism.fires.documents,
                mechanism.fires.collapsed,
                mechanism.fires.violated
            ),
            (1, 1, 1)
        );
        assert_eq!(
            (
                mechanism.quiet.documents,
                mechanism.quiet.implemented,
                mechanism.quiet.collapsed
            ),
            (1, 1, 0)
        );
    }

    #[test]
    fn years_put_the_undated_last_and_processes_are_files() {
        let stats = fixture();
        let years: Vec<(&str, usize, usize)> = stats
            .years
            .iter()
            .map(|year| (year.name.as_str(), year.documents, year.clauses))
            .collect();
        assert_eq!(years, [("2016", 2, 3), ("undated", 1, 1)]);
        let processes: Vec<(&str, usize, String)> = stats
            .processes
            .iter()
            .map(|process| {
                let years = format!("{:?}", process.years);
                (process.name.as_str(), process.documents, years)
            })
            .collect();
        assert_eq!(
            processes,
            [
                ("first", 2, "Some((2016, 2016))".to_string()),
                ("second", 1, "None".to_string())
            ]
        );
        let by_year: usize = stats.years.iter().map(|year| year.findings).sum();
        let by_process: usize = stats.processes.iter().map(|p| p.findings).sum();
        assert_eq!((by_year, by_process), (stats.findings, stats.findings));
    }

    #[test]
    fn two_files_with_one_stem_are_named_in_full() {
        let text = "agreement a { clause 1 ceasefire { text \"x\" } }";
        let loaded = crate::load_texts([
            ("north/talks.truce".to_string(), text.to_string()),
            ("south/talks.truce".to_string(), text.replace(" a ", " b ")),
        ]);
        assert!(loaded.errors.is_empty(), "{:#?}", loaded.errors);
        let stats = compute(&loaded.corpus, &loaded.sources).expect("no breach");
        let names: Vec<&str> = stats.processes.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["north/talks.truce", "south/talks.truce"]);
    }

    #[test]
    fn a_rule_firing_outside_what_it_applies_to_is_a_breach_not_a_count() {
        let text = r#"agreement a { clause 1 detainee_release { text "x" } }"#;
        let loaded = crate::load_str("x.truce", text);
        let documents: Vec<&Document> = loaded.corpus.documents.iter().collect();
        let findings = rules::check_each(&loaded.corpus, &documents);
        let real = rules::rule("detainee-no-mechanism").expect("the rule");
        // The rule as if it declared it applied to no document.
        let misdeclared = Rule {
            applies: Applies::Kinds(&[]),
            ..*real
        };
        let table: Vec<&Rule> = vec![&misdeclared];
        let breaches =
            tabulate(&documents, &findings, &table, &loaded.sources).expect_err("a breach");
        assert_eq!(breaches.len(), 1);
        assert_eq!(
            breaches[0].to_string(),
            "rule `detainee-no-mechanism` fired on document `a`, outside what it declares \
             it could fire on: no document"
        );
        let table: Vec<&Rule> = vec![real];
        let stats = tabulate(&documents, &findings, &table, &loaded.sources).expect("no breach");
        assert_eq!(
            (stats.rules[0].documents, stats.rules[0].applicable),
            (1, 1)
        );
    }
}
