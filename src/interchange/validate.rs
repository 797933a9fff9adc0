//! What JSON can get wrong that the language cannot: an attribute a clause kind
//! does not take, or a value of the wrong type for its key. The resolver rules
//! these out for `.truce` input; JSON written by another tool gets the same
//! guarantee here, so rules see the same kind of model whatever was read.

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::model::{Clause, Corpus, Value};
use crate::vocabulary::ValueType;

/// Every clause of every document, in order.
pub fn corpus(corpus: &Corpus) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for clause in corpus.every_clause() {
        check_clause(clause, &mut errors);
    }
    errors
}

fn check_clause(clause: &Clause, errors: &mut Vec<Diagnostic>) {
    let kind = clause.kind.value;
    for attribute in &clause.attributes {
        let key = attribute.key;
        let Some(expected) = kind.attribute(key) else {
            errors.push(
                Diagnostic::new(
                    format!("clause kind `{}` has no attribute `{key}`", kind.name),
                    attribute.key_span(),
                )
                .expected(format!("one of the attributes of `{}`", kind.name))
                .maybe_hint(did_you_mean(key.name(), kind.key_names())),
            );
            continue;
        };
        let found = type_name(&attribute.value);
        if !fits(expected.value, &attribute.value) {
            errors.push(
                Diagnostic::new(
                    format!(
                        "`{key}` takes a value of type `{}`, found `{found}`",
                        expected_name(expected.value)
                    ),
                    attribute.span,
                )
                .hint(expected.summary),
            );
        } else if let (ValueType::Words(allowed), Value::Words(words)) =
            (expected.value, &attribute.value)
        {
            for word in words
                .iter()
                .filter(|w| !allowed.contains(&w.value.as_str()))
            {
                errors.push(
                    Diagnostic::new(
                        format!("`{}` is not a word `{key}` takes", word.value),
                        word.span,
                    )
                    .expected(format!("one of {}", allowed.join(", ")))
                    .maybe_hint(did_you_mean(&word.value, allowed.iter().copied())),
                );
            }
        }
    }
}

fn fits(expected: ValueType, value: &Value) -> bool {
    expected_name(expected) == type_name(value)
}

/// The `type` tag JSON gives a value of this type: the type's name, but one
/// tag, `words`, for word lists, labels and keys.
fn expected_name(value_type: ValueType) -> &'static str {
    match value_type {
        ValueType::Words(_) | ValueType::Labels | ValueType::Keys => "words",
        other => other.name(),
    }
}

/// The `type` tag the interchange writes a value with.
fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Text(_) => "text",
        Value::Parties(_) => "parties",
        Value::Places(_) => "places",
        Value::Actors(_) => "actors",
        Value::When(_) => "when",
        Value::Deadline(_) => "deadline",
        Value::Duration(_) => "duration",
        Value::Count(_) => "count",
        Value::Ages { .. } => "ages",
        Value::Ratio(_) => "ratio",
        Value::Distance(_) => "distance",
        Value::Weapons(_) => "weapons",
        Value::Strength(_) => "strength",
        Value::Clauses(_) => "clauses",
        Value::Words(_) => "words",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::wire::ToWire;
    use crate::model::{
        Count, Deadline, Duration, DurationRange, Precision, Ratio, Strength, TimeUnit, When,
    };

    /// What serde writes as the value's tag.
    #[test]
    fn type_names_are_the_wire_tags() {
        let count = Count::exact(1.0);
        let day = jiff::civil::date(2018, 5, 1).at(0, 0, 0, 0);
        let values = [
            Value::Text(Default::default()),
            Value::Parties(Default::default()),
            Value::Places(Default::default()),
            Value::Actors(Default::default()),
            Value::When(Box::new(When {
                text: "2018-05-01".into(),
                start: day,
                end: day,
                precision: Precision::Day,
                zone: None,
            })),
            Value::Deadline(Box::new(Deadline::Immediate)),
            Value::Duration(Box::new(DurationRange {
                min: Duration {
                    amount: 1,
                    unit: TimeUnit::Days,
                },
                max: None,
            })),
            Value::Count(Box::new(count.clone())),
            Value::Ages { min: 1, max: 2 },
            Value::Ratio(Box::new(Ratio {
                numerator: count.clone(),
                denominator: count,
            })),
            Value::Distance(Box::new(crate::model::Distance::metres(1.0))),
            Value::Weapons(Default::default()),
            Value::Strength(Strength::Pledge),
            Value::Clauses(Default::default()),
            Value::Words(Default::default()),
        ];
        for value in values {
            let json = serde_json::to_value(value.to_wire()).expect("a value serialises");
            assert_eq!(json["type"], type_name(&value));
        }
    }
}
