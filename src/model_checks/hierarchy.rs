//! Unit hierarchies and place containment: each parent exists, and following
//! parents never leads back.

// FxHash: the keys are names from the input, and an offline check has no
// adversary to defend against with SipHash.
use rustc_hash::FxHashMap as HashMap;

use super::references::Declared;
use crate::diagnostic::Diagnostic;
use crate::error_code::ErrorCode;
use crate::model::Document;
use crate::source::Spanned;

pub(super) fn check(document: &Document, declared: &Declared, errors: &mut Vec<Diagnostic>) {
    let mut unit_parents: HashMap<&str, &str> = HashMap::default();
    for unit in &document.units {
        unit_parents.entry(&unit.path.value).or_insert(&unit.parent);
    }
    let mut units = Loops::new(&unit_parents);
    for unit in &document.units {
        if !declared.is_party(&unit.parent) {
            // The unit has no span of its own parent: point at the unit.
            errors.push(declared.unknown_party(&Spanned::new(unit.parent.clone(), unit.path.span)));
        } else if units.leads_back(&unit.path.value) {
            errors.push(
                Diagnostic::new(
                    format!("unit `{}` lies within itself", unit.path.value),
                    unit.path.span,
                )
                .code(ErrorCode::Cycle)
                .hint("units must form a tree under their party"),
            );
        }
    }
    let mut place_parents: HashMap<&str, &str> = HashMap::default();
    for place in &document.places {
        if let Some(within) = &place.within {
            // The first declaration of a place id wins, as `Document::place` finds it.
            place_parents
                .entry(&place.id.value)
                .or_insert(&within.value);
        }
    }
    let mut places = Loops::new(&place_parents);
    for place in &document.places {
        let Some(parent) = &place.within else {
            continue;
        };
        if !declared.is_place(&parent.value) {
            errors.push(declared.unknown_container(parent));
        } else if places.leads_back(&place.id.value) {
            errors.push(
                Diagnostic::new(
                    format!("place `{}` lies within itself", place.id.value),
                    parent.span,
                )
                .code(ErrorCode::Cycle)
                .hint("containment must form a tree"),
            );
        }
    }
}

/// Which names lead back into a loop when their parents are followed: each name
/// is settled once, so a hierarchy of n names costs n steps, however deep.
struct Loops<'m, 'd> {
    parents: &'m HashMap<&'d str, &'d str>,
    settled: HashMap<&'d str, bool>,
    /// Parents followed so far: the work, which tests hold to linear.
    steps: usize,
    /// The walk in progress, kept between walks so that each does not allocate.
    path: Vec<&'d str>,
    on_path: HashMap<&'d str, usize>,
}

impl<'m, 'd> Loops<'m, 'd> {
    fn new(parents: &'m HashMap<&'d str, &'d str>) -> Self {
        Loops {
            parents,
            settled: HashMap::with_capacity_and_hasher(parents.len(), Default::default()),
            steps: 0,
            path: Vec::new(),
            on_path: HashMap::default(),
        }
    }

    /// Whether following parents from `start` comes back to `start`, or runs into
    /// a loop on the way.
    fn leads_back(&mut self, start: &str) -> bool {
        let Some((&start, _)) = self.parents.get_key_value(start) else {
            return false;
        };
        // Walk until a settled name, a name already on this path (a loop), or
        // the top; then settle every name on the path.
        let mut path = std::mem::take(&mut self.path);
        let mut on_path = std::mem::take(&mut self.on_path);
        path.clear();
        on_path.clear();
        let mut current = start;
        let loops = loop {
            if let Some(&known) = self.settled.get(current) {
                break known;
            }
            if on_path.contains_key(current) {
                break true;
            }
            on_path.insert(current, path.len());
            path.push(current);
            self.steps += 1;
            match self.parents.get(current) {
                Some(&parent) => current = parent,
                None => break false,
            }
        };
        for name in path.drain(..) {
            self.settled.insert(name, loops);
        }
        self.path = path;
        self.on_path = on_path;
        loops
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chain_leads_back_only_through_a_loop() {
        let parents: HashMap<&str, &str> = [
            ("a", "b"),
            ("b", "c"),
            ("x", "y"),
            ("y", "x"),
            ("t", "x"),
            ("s", "s"),
        ]
        .into_iter()
        .collect();
        let mut loops = Loops::new(&parents);
        assert!(!loops.leads_back("a"));
        assert!(!loops.leads_back("b"));
        assert!(!loops.leads_back("c"));
        assert!(loops.leads_back("x"));
        assert!(loops.leads_back("y"));
        // Into a loop on the way.
        assert!(loops.leads_back("t"));
        assert!(loops.leads_back("s"));
    }

    #[test]
    fn a_deep_chain_costs_one_step_per_name_whatever_the_order() {
        let names: Vec<String> = (0..5_000).map(|i| format!("p{i}")).collect();
        let parents: HashMap<&str, &str> = names
            .windows(2)
            .map(|pair| (pair[1].as_str(), pair[0].as_str()))
            .collect();
        for order in [
            names.iter().collect::<Vec<_>>(),
            names.iter().rev().collect(),
        ] {
            let mut loops = Loops::new(&parents);
            for name in order {
                assert!(!loops.leads_back(name));
            }
            assert!(loops.steps <= 2 * names.len(), "{} steps", loops.steps);
        }
    }
}
