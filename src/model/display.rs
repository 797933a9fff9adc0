//! Values in canonical words, so that equal terms print equally whatever their
//! spans and order (`regime, russia` whichever was written first). Rules,
//! comparison and red lines all word values through these.

use std::fmt;

use super::{
    Actor, Anchor, AnchorPoint, Count, Deadline, Distance, Limit, PlaceRef, Value, Weapon,
};

impl fmt::Display for PlaceRef {
    /// A place as a reader knows it: its id, or the source's words in quotes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlaceRef::Declared(id) => f.write_str(id),
            PlaceRef::Described(words) => write!(f, "\"{words}\""),
        }
    }
}

impl fmt::Display for Actor {
    /// A party or unit path, a group word, or the source's words in quotes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Actor::Party(name) | Actor::Group(name) => f.write_str(name),
            Actor::Described(words) => write!(f, "\"{words}\""),
        }
    }
}

impl fmt::Display for Weapon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.quantifier {
            Some(quantifier) => write!(f, "{quantifier} {}", self.class),
            None => f.write_str(&self.class),
        }
    }
}

impl fmt::Display for Count {
    /// As written: `about 1400`, `at least 12000 detainees`, `140 to 200`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.approximate {
            f.write_str("about ")?;
        }
        match (self.whole, self.min, self.max) {
            (Some(whole), _, _) => f.write_str(whole.words())?,
            (None, min, max) => write_range(f, min, max)?,
        }
        for word in &self.what {
            write!(f, " {word}")?;
        }
        Ok(())
    }
}

/// `1400`, `140 to 200`, `at least 300`, `at most 200`.
fn write_range(f: &mut fmt::Formatter<'_>, min: Option<f64>, max: Option<f64>) -> fmt::Result {
    match (min, max) {
        (Some(min), Some(max)) if min == max => write!(f, "{min}"),
        (Some(min), Some(max)) => write!(f, "{min} to {max}"),
        (Some(min), None) => write!(f, "at least {min}"),
        (None, Some(max)) => write!(f, "at most {max}"),
        (None, None) => f.write_str("unknown"),
    }
}

impl fmt::Display for Distance {
    /// `15 km`, `at least 30 km`, `10 to 15 km`, `500 m for heavy, medium`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.limit {
            Limit::Exact => {}
            Limit::AtLeast => f.write_str("at least ")?,
            Limit::AtMost => f.write_str("up to ")?,
        }
        let length = |metres: f64| {
            if metres >= 1000.0 {
                format!("{} km", metres / 1000.0)
            } else {
                format!("{metres} m")
            }
        };
        match self.to_metres {
            Some(to) => write!(f, "{} to {}", length(self.metres), length(to))?,
            None => f.write_str(&length(self.metres))?,
        }
        if !self.weapons.is_empty() {
            let classes: Vec<String> = self.weapons.iter().map(Weapon::to_string).collect();
            write!(f, " for {}", classes.join(", "))?;
        }
        Ok(())
    }
}

impl fmt::Display for Deadline {
    /// A date as written, `immediate`, `within 14 days of signing`,
    /// `5 days after clause 2 starts`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Deadline::At { when } => f.write_str(&when.text),
            Deadline::Immediate => f.write_str("immediate"),
            Deadline::NoLaterThan { when } => write!(f, "no later than {}", when.text),
            Deadline::Relative { offset, anchor } => match anchor {
                Anchor::Signing => write!(f, "within {offset} of signing"),
                Anchor::Clause { number, point } => {
                    let point = match point {
                        Some(AnchorPoint::Starts) => " starts",
                        Some(AnchorPoint::Ends) => " ends",
                        None => "",
                    };
                    write!(f, "{offset} after clause {}{point}", number.value)
                }
            },
        }
    }
}

impl Value {
    /// The members of a list-valued value in words (parties, places, actors,
    /// clause numbers, words, weapons); `None` for a single value.
    pub fn items(&self) -> Option<Vec<String>> {
        Some(match self {
            Value::Parties(names) | Value::Clauses(names) | Value::Words(names) => {
                names.iter().map(|name| name.value.to_string()).collect()
            }
            Value::Places(places) => places.iter().map(|p| p.value.to_string()).collect(),
            Value::Actors(actors) => actors.iter().map(|a| a.value.to_string()).collect(),
            Value::Weapons(weapons) => weapons.iter().map(Weapon::to_string).collect(),
            _ => return None,
        })
    }
}

impl fmt::Display for Value {
    /// One value in canonical words; lists are sorted and deduplicated.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(mut items) = self.items() {
            items.sort();
            items.dedup();
            return f.write_str(&items.join(", "));
        }
        match self {
            Value::Text(text) => write!(f, "\"{text}\""),
            Value::When(when) => f.write_str(&when.text),
            Value::Deadline(deadline) => write!(f, "{deadline}"),
            Value::Duration(range) => match range.max {
                Some(max) => write!(f, "{} to {max}", range.min),
                None => write!(f, "{}", range.min),
            },
            Value::Count(count) => write!(f, "{count}"),
            Value::Ages { min, max } => write!(f, "{min} to {max}"),
            Value::Ratio(ratio) => write!(f, "{} per {}", ratio.numerator, ratio.denominator),
            Value::Distance(distance) => write!(f, "{distance}"),
            Value::Strength(strength) => f.write_str(strength.name()),
            // Lists were written above.
            Value::Parties(_)
            | Value::Clauses(_)
            | Value::Words(_)
            | Value::Places(_)
            | Value::Actors(_)
            | Value::Weapons(_) => Ok(()),
        }
    }
}

/// `a`, `a and b`, `a, b and c`.
pub fn and_list(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_print_in_canonical_words() {
        let loaded = crate::load_str(
            "v.truce",
            r#"agreement a {
  party russia "Russia" side third
  party regime "Regime" side government
  clause 1 evacuation { escort russia, regime; count about 1400 people; weapons some medium, heavy }
  clause 2 weapons_withdrawal { distance 15 km; deadline 5 days after clause 1 starts }
}"#,
        );
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        let words: Vec<String> = loaded.corpus.documents[0]
            .clauses
            .iter()
            .flat_map(|c| c.attributes.iter().map(|a| a.value.to_string()))
            .collect();
        assert_eq!(
            words,
            [
                "regime, russia",
                "about 1400 people",
                "heavy, some medium",
                "15 km",
                "5 days after clause 1 starts"
            ]
        );
        assert_eq!(
            and_list(&["a".into(), "b".into(), "c".into()]),
            "a, b and c"
        );
    }
}
