//! Pairing the clauses of an older draft with those of a newer one.
//!
//! Drafts renumber and reorder, so numbers and positions count for nothing.
//! Clauses pair by kind, then by subject ([`Subject`]: who is bound, what, where),
//! with the similarity of their verbatim texts (a word diff from `similar`) to
//! break ties. Clauses whose subjects tell nothing pair by their texts: the same
//! wording is the same clause, whoever it now binds. A clause left without a
//! partner is added or removed.
//!
//! # How it scales
//!
//! Let n be the number of clauses in the two documents.
//!
//! 1. Clauses are bucketed by kind in one pass (a hash map): O(n). Clauses of
//!    different kinds are never compared.
//! 2. Within a kind, clauses with the same subject meet through a second hash
//!    map: O(k) for the k clauses of the kind. Where one subject occurs on several
//!    clauses of both sides, identical texts pair through a hash map, and the rest
//!    of that group by text similarity.
//! 3. The clauses still unpaired are scored pairwise: O(a·b) subject comparisons
//!    for a and b leftovers of the kind, with a word diff of the texts only among
//!    candidates whose subjects score the same.
//! 4. Then identical texts pair (a hash map, O(a + b)), and what is left is
//!    compared by text similarity, pairwise, while a·b stays under
//!    [`TEXT_PAIRWISE_LIMIT`].
//! 5. The last clause of a kind on each side pairs with the other; a clause
//!    that only sets out another's details (`details`) does not count.
//! 6. What is left is grouped again, through a hash map, by family (a release
//!    and an exchange) and paired as in steps 2 to 5; then by PA-X category,
//!    paired only on nearly the same wording (`MIN_RELATED_TEXT_SIMILARITY`).
//!
//! Successive drafts keep most subjects, so steps 3 and 4 see few clauses and
//! the common case is linear. Where a·b would exceed [`PAIRWISE_LIMIT`] (or
//! [`TEXT_PAIRWISE_LIMIT`] for text similarity), that step pairs in source
//! order instead, so no input makes alignment more than linear beyond those
//! bounds. Two generated documents of 2,000 clauses each (ten kinds, reordered
//! and renumbered, one deadline in ten moved; see `tests/compare.rs`) compare in
//! about 0.04 s with a release build, of which 0.02 s is loading; comparing
//! (with the JSON report) takes 0.015 s, 0.03 s and 0.07 s for 2,000, 4,000 and
//! 8,000 clauses a side: linear.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use similar::TextDiff;

use super::show;
use super::subject::Subject;
use crate::model::Clause;
use crate::vocabulary::{Key, kinds};

/// The most pairs of leftover clauses of one kind whose subjects are compared.
pub const PAIRWISE_LIMIT: usize = 250_000;

/// The most pairs of leftover clauses of one kind whose texts are diffed.
pub const TEXT_PAIRWISE_LIMIT: usize = 10_000;

/// The least subject similarity at which two leftover clauses pair.
const MIN_SIMILARITY: f64 = 0.3;

/// The least text similarity (share of words in common) at which two clauses
/// whose subjects tell nothing pair.
const MIN_TEXT_SIMILARITY: f64 = 0.5;

/// The least text similarity at which clauses of different kinds in one PA-X
/// category pair: nearly the same wording, coded as another kind. Words such
/// as "the opening of" are shared by a corridor and a road opened to an army.
const MIN_RELATED_TEXT_SIMILARITY: f64 = 0.8;

/// One row of an alignment: a pair, an added clause (no `older`) or a removed
/// one (no `newer`). Indices are into the documents' `clauses`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pairing {
    pub older: Option<usize>,
    pub newer: Option<usize>,
}

/// Pair the clauses and order the rows for reading: in the newer document's
/// order, each removed clause after the row of the older clause before it.
pub fn align(older: &[Clause], newer: &[Clause]) -> Vec<Pairing> {
    let mut aligner = Aligner {
        older_subjects: older.iter().map(Subject::of).collect(),
        newer_subjects: newer.iter().map(Subject::of).collect(),
        older_texts: older.iter().map(show::text).collect(),
        newer_texts: newer.iter().map(show::text).collect(),
        older_details: older
            .iter()
            .map(|clause| clause.has(Key::Details))
            .collect(),
        newer_details: newer
            .iter()
            .map(|clause| clause.has(Key::Details))
            .collect(),
        partner: vec![None; older.len()],
    };
    let all = (0..older.len()).collect();
    let kinds = groups(older, newer, all, (0..newer.len()).collect(), |clause| {
        Some(clause.kind_name())
    });
    for (kind, olds, news) in kinds {
        aligner.pair_kind(kind == kinds::OTHER.name, olds, news);
    }
    // Related kinds: what is left pairs across the kinds of one family (a
    // release with an exchange), then, on nearly the same wording alone,
    // across the kinds of one PA-X category.
    let (left_old, left_new) = aligner.unpaired(newer.len());
    for (_, olds, news) in groups(older, newer, left_old, left_new, |clause| {
        clause.kind().family
    }) {
        aligner.pair_kind(false, olds, news);
    }
    let (left_old, left_new) = aligner.unpaired(newer.len());
    let category = |clause: &Clause| clause.kind().pax_category();
    for (_, olds, news) in groups(older, newer, left_old, left_new, category) {
        let (pairs, _, _) = aligner.by_text(&olds, &news, MIN_RELATED_TEXT_SIMILARITY);
        for (old, new) in pairs {
            aligner.partner[old] = Some(new);
        }
    }
    order(&aligner.partner, newer.len())
}

/// The clauses `olds` and `news` grouped by `group` (those it gives none left
/// out), one hash map pass: the groups with clauses on both sides.
fn groups<K: std::hash::Hash + Eq>(
    older: &[Clause],
    newer: &[Clause],
    olds: Vec<usize>,
    news: Vec<usize>,
    group: impl Fn(&Clause) -> Option<K>,
) -> Vec<(K, Vec<usize>, Vec<usize>)> {
    let mut found: HashMap<K, (Vec<usize>, Vec<usize>)> = HashMap::new();
    for index in olds {
        if let Some(key) = group(&older[index]) {
            found.entry(key).or_default().0.push(index);
        }
    }
    for index in news {
        if let Some(key) = group(&newer[index]) {
            found.entry(key).or_default().1.push(index);
        }
    }
    found
        .into_iter()
        .filter(|(_, (olds, news))| !olds.is_empty() && !news.is_empty())
        .map(|(key, (olds, news))| (key, olds, news))
        .collect()
}

/// Pairs made by one step, and the clauses it left on each side.
type Split = (Vec<(usize, usize)>, Vec<usize>, Vec<usize>);

struct Aligner<'a> {
    older_subjects: Vec<Subject>,
    newer_subjects: Vec<Subject>,
    older_texts: Vec<Option<Cow<'a, str>>>,
    newer_texts: Vec<Option<Cow<'a, str>>>,
    /// Whether each clause sets out the details of another (an exit's
    /// allowances): not the principal clause of its matter.
    older_details: Vec<bool>,
    newer_details: Vec<bool>,
    /// For each older clause, its newer partner.
    partner: Vec<Option<usize>>,
}

impl Aligner<'_> {
    /// Pair clauses of one kind (or family); `free_text` for the kind `other`,
    /// whose only identity is its subject.
    fn pair_kind(&mut self, free_text: bool, olds: Vec<usize>, news: Vec<usize>) {
        // Step 2: the same subject, through a hash map. An empty subject is no
        // evidence.
        let mut groups: HashMap<&Subject, (Vec<usize>, Vec<usize>)> = HashMap::new();
        let mut left_old = Vec::new();
        let mut left_new = Vec::new();
        for &index in &olds {
            match &self.older_subjects[index] {
                subject if subject.is_empty() => left_old.push(index),
                subject => groups.entry(subject).or_default().0.push(index),
            }
        }
        for &index in &news {
            match &self.newer_subjects[index] {
                subject if subject.is_empty() => left_new.push(index),
                subject => groups.entry(subject).or_default().1.push(index),
            }
        }
        let mut pairs = Vec::new();
        for (_, (group_old, group_new)) in groups {
            let (paired, rest_old, rest_new) = self.same_subject(&group_old, &group_new);
            pairs.extend(paired);
            left_old.extend(rest_old);
            left_new.extend(rest_new);
        }
        left_old.sort_unstable();
        left_new.sort_unstable();
        // Step 3: similar subjects.
        let (paired, left_old, left_new) =
            if left_old.len().saturating_mul(left_new.len()) > PAIRWISE_LIMIT {
                (Vec::new(), left_old, left_new)
            } else {
                self.by_subject(&left_old, &left_new, free_text)
            };
        pairs.extend(paired);
        // Step 4: the same or similar text.
        let (paired, left_old, left_new) = self.by_text(&left_old, &left_new, MIN_TEXT_SIMILARITY);
        pairs.extend(paired);
        for (old, new) in pairs {
            self.partner[old] = Some(new);
        }
        // Step 5: the last of a kind on each side, unless the kind is `other`
        // (free text, whose only identity is its subject).
        // Clauses that only set out the details of another do not count: the
        // principal clause of a matter pairs with the other draft's.
        let principal_old: Vec<usize> = left_old
            .iter()
            .copied()
            .filter(|&i| !self.older_details[i])
            .collect();
        let principal_new: Vec<usize> = left_new
            .iter()
            .copied()
            .filter(|&i| !self.newer_details[i])
            .collect();
        if let ([old], [new]) = (principal_old.as_slice(), principal_new.as_slice())
            && !free_text
        {
            self.partner[*old] = Some(*new);
        }
    }

    /// The clauses of each side not yet paired, in order.
    fn unpaired(&self, newer_count: usize) -> (Vec<usize>, Vec<usize>) {
        let mut taken = vec![false; newer_count];
        let mut olds = Vec::new();
        for (old, partner) in self.partner.iter().enumerate() {
            match partner {
                Some(new) => taken[*new] = true,
                None => olds.push(old),
            }
        }
        let news = (0..newer_count).filter(|&new| !taken[new]).collect();
        (olds, news)
    }

    /// Clauses of one kind and one subject: they all pair, the same or the most
    /// alike texts first.
    fn same_subject(&self, olds: &[usize], news: &[usize]) -> Split {
        if let ([old], [new]) = (olds, news) {
            return (vec![(*old, *new)], Vec::new(), Vec::new());
        }
        let (mut pairs, rest_old, rest_new) = self.by_text(olds, news, 0.0);
        let (more, rest_old, rest_new) = in_order(&rest_old, &rest_new);
        pairs.extend(more);
        (pairs, rest_old, rest_new)
    }

    /// Identical texts through a hash map, then, while the pairs are few enough
    /// to diff, the most alike texts at or above `least`.
    fn by_text(&self, olds: &[usize], news: &[usize], least: f64) -> Split {
        if olds.is_empty() || news.is_empty() {
            return (Vec::new(), olds.to_vec(), news.to_vec());
        }
        let mut by_wording: HashMap<&str, Vec<usize>> = HashMap::new();
        for &new in news.iter().rev() {
            if let Some(text) = &self.newer_texts[new] {
                by_wording.entry(text).or_default().push(new);
            }
        }
        let mut pairs = Vec::new();
        let mut rest_old = Vec::new();
        for &old in olds {
            let partner = self.older_texts[old]
                .as_deref()
                .and_then(|text| by_wording.get_mut(text))
                .and_then(Vec::pop);
            match partner {
                Some(new) => pairs.push((old, new)),
                None => rest_old.push(old),
            }
        }
        let taken: HashSet<usize> = pairs.iter().map(|(_, new)| *new).collect();
        let rest_new: Vec<usize> = news
            .iter()
            .copied()
            .filter(|n| !taken.contains(n))
            .collect();
        if rest_old.is_empty()
            || rest_new.is_empty()
            || rest_old.len().saturating_mul(rest_new.len()) > TEXT_PAIRWISE_LIMIT
        {
            return (pairs, rest_old, rest_new);
        }
        let mut candidates: Vec<(i64, usize, usize)> = Vec::new();
        for &old in &rest_old {
            for &new in &rest_new {
                let score = self.text_similarity(old, new);
                if score >= least && score > 0.0 {
                    candidates.push((-rank(score), old, new));
                }
            }
        }
        candidates.sort_unstable();
        let (more, rest_old, rest_new) = greedy(
            &rest_old,
            &rest_new,
            candidates.into_iter().map(|(_, old, new)| (old, new)),
        );
        pairs.extend(more);
        (pairs, rest_old, rest_new)
    }

    /// Clauses of one kind whose subjects differ: pairs by subject similarity, the
    /// most alike first, text similarity breaking ties. `free_text` compares what
    /// the clauses concern alone.
    fn by_subject(&self, olds: &[usize], news: &[usize], free_text: bool) -> Split {
        let mut candidates: Vec<(i64, usize, usize)> = Vec::new();
        for &old in olds {
            for &new in news {
                let (a, b) = (&self.older_subjects[old], &self.newer_subjects[new]);
                let subject = if free_text {
                    a.what_similarity(b)
                } else {
                    a.similarity(b)
                };
                if let Some(score) = subject.filter(|score| *score >= MIN_SIMILARITY) {
                    candidates.push((-rank(score), old, new));
                }
            }
        }
        candidates.sort_unstable();
        // Break ties among equal scores by text similarity, computed only there
        // and only while the tied pairs are few enough to diff.
        let mut ordered = Vec::with_capacity(candidates.len());
        for run in candidates.chunk_by(|a, b| a.0 == b.0) {
            let mut run: Vec<(i64, usize, usize)> = run.to_vec();
            if run.len() > 1 && run.len() <= TEXT_PAIRWISE_LIMIT {
                for entry in &mut run {
                    entry.0 = -rank(self.text_similarity(entry.1, entry.2));
                }
                run.sort_unstable();
            }
            ordered.extend(run.into_iter().map(|(_, old, new)| (old, new)));
        }
        greedy(olds, news, ordered.into_iter())
    }

    /// The share of words two clauses' texts have in common, 0 to 1; 0 when either
    /// has no text.
    fn text_similarity(&self, old: usize, new: usize) -> f64 {
        match (&self.older_texts[old], &self.newer_texts[new]) {
            (Some(a), Some(b)) => f64::from(TextDiff::from_words(&**a, &**b).ratio()),
            _ => 0.0,
        }
    }
}

/// A score as an integer, so equal scores compare equal and sort stably.
fn rank(score: f64) -> i64 {
    (score * 1_000_000.0).round() as i64
}

/// Take candidate pairs in order, skipping clauses already paired.
fn greedy(
    olds: &[usize],
    news: &[usize],
    candidates: impl Iterator<Item = (usize, usize)>,
) -> Split {
    let mut taken_old: HashSet<usize> = HashSet::new();
    let mut taken_new: HashSet<usize> = HashSet::new();
    let mut pairs = Vec::new();
    let limit = olds.len().min(news.len());
    for (old, new) in candidates {
        if pairs.len() == limit {
            break;
        }
        if taken_old.contains(&old) || taken_new.contains(&new) {
            continue;
        }
        taken_old.insert(old);
        taken_new.insert(new);
        pairs.push((old, new));
    }
    let rest_old = olds
        .iter()
        .copied()
        .filter(|o| !taken_old.contains(o))
        .collect();
    let rest_new = news
        .iter()
        .copied()
        .filter(|n| !taken_new.contains(n))
        .collect();
    (pairs, rest_old, rest_new)
}

/// Pair in source order: the fallback for buckets too large to score pairwise.
fn in_order(olds: &[usize], news: &[usize]) -> Split {
    let count = olds.len().min(news.len());
    let pairs = olds.iter().copied().zip(news.iter().copied()).collect();
    (pairs, olds[count..].to_vec(), news[count..].to_vec())
}

/// The rows in reading order.
fn order(partner: &[Option<usize>], newer_count: usize) -> Vec<Pairing> {
    let mut older_of: Vec<Option<usize>> = vec![None; newer_count];
    for (old, new) in partner.iter().enumerate() {
        if let Some(new) = new {
            older_of[*new] = Some(old);
        }
    }
    // (the newer row it follows, or -1 for before the first; 1 for a newer row,
    // 2 for a removed one after it; the older index), so removed clauses keep
    // their older order.
    let mut keyed: Vec<((i64, u8, usize), Pairing)> = Vec::new();
    for (new, old) in older_of.iter().enumerate() {
        keyed.push((
            (new as i64, 1, 0),
            Pairing {
                older: *old,
                newer: Some(new),
            },
        ));
    }
    let mut anchor: i64 = -1;
    for (old, new) in partner.iter().enumerate() {
        match new {
            Some(new) => anchor = *new as i64,
            None => keyed.push((
                (anchor, 2, old),
                Pairing {
                    older: Some(old),
                    newer: None,
                },
            )),
        }
    }
    keyed.sort_by_key(|(key, _)| *key);
    keyed.into_iter().map(|(_, pairing)| pairing).collect()
}
