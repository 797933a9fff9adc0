//! Declarations: `party`, `place`, `unit` and `source`. They are read before
//! everything else, so that statements may name what is declared below them.

use super::value::{Cursor, list, read_description, read_party, read_place, read_text, read_word};
use super::{DocumentResolver, end_span, split};
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::error_code::ErrorCode;
use crate::model::{Citation, Party, Place, Unit};
use crate::source::Spanned;
use crate::syntax::{Atom, AtomKind, Statement};
use crate::text::Text;
use crate::vocabulary::{self, Role, Side};
use thin_vec::ThinVec;

impl DocumentResolver<'_> {
    pub(super) fn declaration(&mut self, statement: &Statement) {
        match statement.keyword() {
            Some("party") => self.party(statement),
            Some("place") => self.place(statement),
            Some("source") => self.citation(statement),
            Some("unit") => self.unit(statement),
            _ => {}
        }
    }

    /// The id and optional name at the head of a declaration.
    fn id_and_name(
        &mut self,
        statement: &Statement,
        head: &[Atom],
        what: &str,
    ) -> Option<(Spanned<Text>, Option<Spanned<Text>>)> {
        let mut cursor = Cursor::new(head, end_span(statement));
        let id = match cursor.peek_word() {
            Some(_) => read_word(&mut cursor, ""),
            None => read_word(&mut cursor, &format!("the {what}'s id")),
        };
        let id = match id {
            Ok(id) => id,
            Err(error) => {
                self.error(error);
                return None;
            }
        };
        let name = read_description(&mut cursor);
        if name.is_none()
            && let Some(error) = unquoted_name(&cursor, statement, &id.value)
        {
            self.error(error);
            return Some((id, None));
        }
        self.finish(&cursor, format_args!("the {what}'s id and name"));
        Some((id, name))
    }

    fn party(&mut self, statement: &Statement) {
        let keys = Self::sub_keys("party");
        let parts = split(&statement.atoms, keys);
        let Some((id, name)) = self.id_and_name(statement, parts.head, "party") else {
            return;
        };
        self.scope.parties.insert(id.value.clone());
        let mut party = Party {
            id,
            name,
            side: None,
            aligned: None,
            roles: ThinVec::new(),
            represents: ThinVec::new(),
            on_behalf_of: ThinVec::new(),
            territory: None,
            source: ThinVec::new(),
            span: statement.span,
        };
        // Units and sides are read here; `aligned`, `represents`, `on_behalf_of`,
        // `territory` and `source` name other declarations and are read in the
        // second pass.
        for (key, word, atoms) in parts.groups {
            let mut cursor = Self::sub_cursor(atoms, key);
            let result: Result<(), Diagnostic> = (|| {
                match word {
                    "side" => {
                        let side = read_word(&mut cursor, "government, opposition or third")?;
                        let value = match Side::parse(&side.value) {
                            Some(value) => value,
                            None => {
                                let other = side.value.as_str();
                                return Err(Diagnostic::new(
                                    format!("unknown side `{other}`"),
                                    side.span,
                                )
                                .code(ErrorCode::UnknownWord)
                                .expected("government, opposition or third")
                                .maybe_hint(did_you_mean(other, Side::NAMES.iter().copied())));
                            }
                        };
                        party.side = Some(Spanned::new(value, side.span));
                    }
                    "role" => loop {
                        let role = read_word(&mut cursor, "a role")?;
                        let Some(parsed) = Role::parse(&role.value) else {
                            return Err(Diagnostic::new(
                                format!("unknown role `{}`", role.value),
                                role.span,
                            )
                            .code(ErrorCode::UnknownWord)
                            .expected(format!("one of: {}", Role::NAMES.join(", ")))
                            .maybe_hint(did_you_mean(&role.value, Role::NAMES.iter().copied())));
                        };
                        party.roles.push(Spanned::new(parsed, role.span));
                        if !matches!(cursor.peek().map(|a| &a.kind), Some(AtomKind::Comma)) {
                            break;
                        }
                        cursor.next();
                    },
                    "units" => loop {
                        let unit = read_word(&mut cursor, "a unit name, such as `army`")?;
                        let path = Text::from(format!("{}.{}", party.id.value, unit.value));
                        self.scope.units.insert(path.clone());
                        self.document.units.push(Unit {
                            path: Spanned::new(path, unit.span),
                            name: None,
                            parent: party.id.value.clone(),
                        });
                        if !matches!(cursor.peek().map(|a| &a.kind), Some(AtomKind::Comma)) {
                            break;
                        }
                        cursor.next();
                    },
                    // Read in the second pass.
                    "aligned" | "represents" | "on_behalf_of" | "territory" | "source" => {
                        cursor = Self::sub_cursor(&[], key);
                    }
                    _ => {}
                }
                Ok(())
            })();
            match result {
                Ok(()) => self.finish(&cursor, format_args!("`{word}`")),
                Err(error) => self.error(error),
            }
        }
        self.document.parties.push(party);
    }

    fn place(&mut self, statement: &Statement) {
        let keys = Self::sub_keys("place");
        let parts = split(&statement.atoms, keys);
        let Some((id, name)) = self.id_and_name(statement, parts.head, "place") else {
            return;
        };
        let mut place = Place {
            id,
            name,
            kind: None,
            within: None,
            besieged_by: ThinVec::new(),
            span: statement.span,
        };
        for (key, word, atoms) in parts.groups {
            let mut cursor = Self::sub_cursor(atoms, key);
            match word {
                "kind" => match read_word(&mut cursor, "a kind of place") {
                    Ok(kind) if vocabulary::PLACE_KINDS.contains(&kind.value.as_str()) => {
                        place.kind = Some(kind)
                    }
                    Ok(kind) => {
                        self.error(
                            Diagnostic::new(
                                format!("unknown kind of place `{}`", kind.value),
                                kind.span,
                            )
                            .code(ErrorCode::UnknownWord)
                            .expected(format!("one of: {}", vocabulary::PLACE_KINDS.join(", ")))
                            .maybe_hint(did_you_mean(
                                &kind.value,
                                vocabulary::PLACE_KINDS.iter().copied(),
                            )),
                        );
                        continue;
                    }
                    Err(error) => {
                        self.error(error);
                        continue;
                    }
                },
                // `within` names another place: checked on the model, where all
                // are declared.
                "within" => match read_word(&mut cursor, "the place that contains it") {
                    Ok(parent) => place.within = Some(parent),
                    Err(error) => {
                        self.error(error);
                        continue;
                    }
                },
                // Checked on the model, where all parties are declared.
                "besieged_by" => match list::<_, Vec<_>>(&mut cursor, read_party) {
                    Ok(parties) => place.besieged_by.extend(parties),
                    Err(error) => {
                        self.error(error);
                        continue;
                    }
                },
                _ => continue,
            }
            self.finish(&cursor, format_args!("`{word}`"));
        }
        self.document.places.push(place);
    }

    fn citation(&mut self, statement: &Statement) {
        let parts = split(&statement.atoms, Self::sub_keys("source"));
        let Some((id, description)) = self.id_and_name(statement, parts.head, "source") else {
            return;
        };
        let mut file = None;
        for (key, _, atoms) in parts.groups {
            let mut cursor = Self::sub_cursor(atoms, key);
            match read_text(&mut cursor) {
                Ok(text) => file = Some(Spanned::new(text, cursor.since(0))),
                Err(error) => self.error(error),
            }
            self.finish(&cursor, "the file name");
        }
        self.document.sources.push(Citation {
            id,
            description,
            file,
        });
    }

    fn unit(&mut self, statement: &Statement) {
        let parts = split(&statement.atoms, Self::sub_keys("unit"));
        let Some((path, name)) = self.id_and_name(statement, parts.head, "unit") else {
            return;
        };
        let owner = Text::from(path.value.split('.').next().unwrap_or(""));
        let mut parent = owner.clone();
        for (key, _, atoms) in parts.groups {
            let mut cursor = Self::sub_cursor(atoms, key);
            match read_word(&mut cursor, "the party or unit that contains it") {
                Ok(word) => parent = word.value,
                Err(error) => self.error(error),
            }
            self.finish(&cursor, "`within`");
        }
        if !path.value.contains('.') {
            self.error(
                Diagnostic::new(format!("unit `{}` names no party", path.value), path.span)
                    .expected("a path such as `regime.army`: the party, a dot, the unit")
                    .hint(format!("write `unit PARTY.{}`", path.value)),
            );
            return;
        }
        self.scope.units.insert(path.value.clone());
        self.document.units.push(Unit {
            path,
            name: name.map(Box::new),
            parent,
        });
    }

    pub(super) fn party_references(&mut self, statement: &Statement) {
        let parts = split(&statement.atoms, Self::sub_keys("party"));
        // Parties are kept in the order of their statements (a party declared
        // twice is kept twice, for the model checks to report): the party this
        // statement declared, if any, is found by its span.
        let Ok(index) = self
            .document
            .parties
            .binary_search_by_key(&statement.span.start, |party| party.span.start)
        else {
            return;
        };
        if self.document.parties[index].span != statement.span {
            return;
        }
        for (key, word, atoms) in parts.groups {
            let mut cursor = Self::sub_cursor(atoms, key);
            match word {
                "aligned" => match read_party(&mut cursor) {
                    Ok(party) => self.document.parties[index].aligned = Some(Box::new(party)),
                    Err(error) => {
                        self.error(error);
                        continue;
                    }
                },
                "represents" => match list(&mut cursor, read_place) {
                    Ok(places) => self.document.parties[index]
                        .represents
                        .extend::<Vec<_>>(places),
                    Err(error) => {
                        self.error(error);
                        continue;
                    }
                },
                "on_behalf_of" => match list(&mut cursor, read_party) {
                    Ok(parties) => self.document.parties[index]
                        .on_behalf_of
                        .extend::<Vec<_>>(parties),
                    Err(error) => {
                        self.error(error);
                        continue;
                    }
                },
                "territory" => match read_word(&mut cursor, "the place that is its territory") {
                    Ok(place) => self.document.parties[index].territory = Some(Box::new(place)),
                    Err(error) => {
                        self.error(error);
                        continue;
                    }
                },
                "source" => {
                    let sources = self.sources(&mut cursor);
                    self.document.parties[index].source = sources.into();
                }
                _ => continue,
            }
            self.finish(&cursor, format_args!("`{word}`"));
        }
    }
}

/// Words after a declaration's id where its name goes: a name written without
/// quotes (`party regime Syrian government side government`).
fn unquoted_name(cursor: &Cursor, statement: &Statement, id: &str) -> Option<Diagnostic> {
    let words = cursor.words_ahead();
    let (first, last) = (words.first()?, words.last()?);
    let name = words
        .iter()
        .map(|word| word.value)
        .collect::<Vec<_>>()
        .join(" ");
    let keyword = statement.keyword().unwrap_or("party");
    let noun = if words.len() > 1 {
        "a name of several words"
    } else {
        "a name"
    };
    Some(
        Diagnostic::new(
            format!("{noun} without quotes: `{name}`"),
            first.span.to(last.span),
        )
        .code(ErrorCode::UnquotedName)
        .expected("the name in double quotes, after the id")
        .hint(format!("write `{keyword} {id} \"{name}\"`")),
    )
}
