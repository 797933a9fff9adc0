//! What stands at a position: the statements around it in the syntax tree, the
//! atom under it, and the declaration a name there refers to. Hover, go to
//! definition and completion all start here.

use crate::model::{Clause, Document, Party, Place, Unit};
use crate::source::Span;
use crate::syntax::{Atom, AtomKind, Statement, SyntaxFile};
use crate::vocabulary::{self, ClauseKind, ValueType};

/// The statements that hold an offset, outermost first, and the atom of the
/// innermost one under it (an offset at an atom's end counts, as a cursor just
/// after a word is on it).
pub struct Spot<'t, 'a> {
    pub path: Vec<&'t Statement<'a>>,
    pub atom: Option<(usize, &'t Atom<'a>)>,
    /// Whether the offset is inside the last statement's block, on no statement
    /// of it (a blank line, or a word being typed that starts none yet).
    pub in_block: bool,
}

impl<'t, 'a> Spot<'t, 'a> {
    pub fn find(tree: &'t SyntaxFile<'a>, offset: usize) -> Spot<'t, 'a> {
        let mut path = Vec::new();
        let mut statements = &tree.statements;
        while let Some(statement) = statements
            .iter()
            .find(|statement| contains(statement.span, offset))
        {
            path.push(statement);
            match &statement.block {
                Some(block) if block.open.end() <= offset => statements = &block.statements,
                _ => break,
            }
        }
        let in_block = path.last().is_some_and(|statement| {
            statement.block.as_ref().is_some_and(|block| {
                block.open.end() <= offset
                    && block.close.is_none_or(|close| offset <= close.start())
            })
        });
        let atom = path.last().filter(|_| !in_block).and_then(|statement| {
            statement
                .atoms
                .iter()
                .enumerate()
                .find(|(_, atom)| contains(atom.span, offset))
        });
        Spot {
            path,
            atom,
            in_block,
        }
    }

    /// The statement whose line the offset is on.
    pub fn statement(&self) -> Option<&'t Statement<'a>> {
        self.path.last().copied().filter(|_| !self.in_block)
    }

    /// The statement whose block holds the offset's line.
    pub fn parent(&self) -> Option<&'t Statement<'a>> {
        let skip = if self.in_block { 1 } else { 2 };
        self.path.len().checked_sub(skip).map(|at| self.path[at])
    }
}

/// `clause 7 detainee_release { ... }` → the kind `detainee_release`.
pub fn clause_kind_of(statement: &Statement) -> Option<&'static ClauseKind> {
    if !matches!(statement.keyword(), Some("clause" | "recital")) {
        return None;
    }
    statement
        .atoms
        .iter()
        .skip(1)
        .find_map(|atom| match atom.kind {
            AtomKind::Word(word) => vocabulary::clause_kind(word),
            _ => None,
        })
}

fn contains(span: Span, offset: usize) -> bool {
    span.start() <= offset && offset <= span.end()
}

/// A declaration a name refers to.
pub enum Declaration<'d> {
    Party(&'d Party),
    Unit(&'d Unit),
    Place(&'d Place),
    Clause(&'d Clause),
}

impl Declaration<'_> {
    /// Where the declaration names what it declares.
    pub fn name_span(&self) -> Span {
        match self {
            Declaration::Party(party) => party.id.span,
            Declaration::Unit(unit) => unit.path.span,
            Declaration::Place(place) => place.id.span,
            Declaration::Clause(clause) => match &clause.number {
                Some(number) => number.span.to(clause.kind.span),
                None => clause.kind.span,
            },
        }
    }

    /// The whole declaration, for showing it.
    pub fn span(&self, document: &Document) -> Span {
        match self {
            Declaration::Party(party) => party.span,
            Declaration::Place(place) => place.span,
            // A unit is declared within its party's line, or on a `unit` line.
            Declaration::Unit(unit) => document
                .parties
                .iter()
                .find(|party| {
                    party.span.start <= unit.path.span.start && unit.path.span.end <= party.span.end
                })
                .map_or(unit.path.span, |party| party.span),
            Declaration::Clause(clause) => clause.span,
        }
    }
}

/// The declaration the atom under the cursor names, in `document`.
pub fn declaration<'d>(spot: &Spot, document: &'d Document) -> Option<Declaration<'d>> {
    let statement = spot.statement()?;
    let (index, atom) = spot.atom?;
    let word = match &atom.kind {
        AtomKind::Word(word) => *word,
        AtomKind::Number { text, .. } => text,
        AtomKind::Text(text) => text.as_ref(),
        _ => return None,
    };
    if names_a_clause(spot, statement, index) {
        return document
            .clauses
            .iter()
            .find(|clause| clause.number.as_ref().is_some_and(|n| n.value == word))
            .map(Declaration::Clause);
    }
    if !matches!(atom.kind, AtomKind::Word(_)) {
        return None;
    }
    let party = document.parties.iter().find(|party| party.id.value == word);
    let unit = || document.units.iter().find(|unit| unit.path.value == word);
    let place = || document.places.iter().find(|place| place.id.value == word);
    party
        .map(Declaration::Party)
        .or_else(|| unit().map(Declaration::Unit))
        .or_else(|| place().map(Declaration::Place))
}

/// Whether the atom at `index` of `statement` is a clause number: the number of
/// a `clause` line itself, a number after the word `clause` (a deadline's
/// anchor), or an item of an attribute whose values are clause numbers (`after
/// 2, 3`) or of an event's `clauses`.
fn names_a_clause(spot: &Spot, statement: &Statement, index: usize) -> bool {
    let previous = index
        .checked_sub(1)
        .and_then(|at| statement.atoms.get(at))
        .map(|atom| &atom.kind);
    if matches!(previous, Some(AtomKind::Word("clause" | "clauses"))) {
        return true;
    }
    let Some(keyword) = statement.keyword() else {
        return false;
    };
    let in_clause = spot.parent().and_then(clause_kind_of);
    let clauses_typed = in_clause
        .and_then(|kind| kind.attribute_named(keyword))
        .is_some_and(|attribute| matches!(attribute.value, ValueType::Clauses));
    index > 0
        && (clauses_typed
            || (keyword == "clauses"
                && spot.parent().is_some_and(|p| p.keyword() == Some("event"))))
}

#[cfg(test)]
mod tests {
    use super::super::analysis::Analysis;
    use super::*;

    const TEXT: &str = "agreement a {
  date 2018-05-01
  place north_homs \"Northern Homs\" kind region
  party regime \"Syrian government\" side government units army role signatory
  clause 1 ceasefire {
    by regime.army
    area north_homs
  }
  clause 2 detainee_release {
    by regime
    after 1
  }
}
";

    /// The name of the declaration the word at the first `from` refers to.
    fn definition(from: &str) -> Option<&'static str> {
        let analysis = Analysis::new("a.truce", TEXT.to_string());
        let offset = TEXT.find(from)? + 1;
        let (tree, _) = crate::syntax::parse(0, TEXT);
        let spot = Spot::find(&tree, offset);
        let document = analysis.document_at(offset)?;
        let span = declaration(&spot, document)?.name_span();
        TEXT.get(span.start()..span.end())
    }

    #[test]
    fn names_lead_to_their_declarations() {
        assert_eq!(definition("army\n"), Some("army"));
        assert_eq!(definition("north_homs\n"), Some("north_homs"));
        assert_eq!(definition("regime\n    after"), Some("regime"));
        assert_eq!(definition("1\n  }\n}"), Some("1 ceasefire"));
        // A word that names nothing declared leads nowhere.
        assert_eq!(definition("ceasefire {"), None);
    }
}
