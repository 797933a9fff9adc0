//! What real agreements say, said in the language: the roles, evidence, versions,
//! outcomes and provisions of national, interstate and local texts, and the
//! answers the checker gives on them. Each test here failed before the language
//! could say it, or before the rule it pins was right.

use truce::Loaded;

fn load(text: &str) -> Loaded {
    truce::load_str("agreement.truce", text)
}

/// Every input error as (message, line, column).
fn errors(text: &str) -> Vec<(String, usize, usize)> {
    let loaded = load(text);
    loaded
        .errors
        .iter()
        .map(|error| {
            let location = error.span.and_then(|span| loaded.sources.locate(span));
            let (line, column) = location.map_or((0, 0), |at| (at.line, at.column));
            (error.message.clone(), line, column)
        })
        .collect()
}

/// The findings of `rule` on the documents of `text`, as messages.
fn fired(rule: &str, text: &str) -> Vec<String> {
    let loaded = load(text);
    assert!(loaded.errors.is_empty(), "{:#?}", loaded.errors);
    truce::rules::check(&loaded.corpus)
        .into_iter()
        .filter(|finding| finding.rule == rule)
        .map(|finding| finding.message)
        .collect()
}

// Values.

#[test]
fn a_count_carries_its_source() {
    let loaded = load(
        r#"agreement un_evacuation {
  date 2014-02
  source s003 "Middle East Eye, April 2014"
  clause 1 evacuation { count about 1400 source s003; remaining about 1300 source s003 }
}"#,
    );
    assert!(loaded.errors.is_empty(), "{:#?}", loaded.errors);
    let clause = &loaded.corpus.documents[0].clauses[0];
    let sources: Vec<&str> = clause
        .attributes
        .iter()
        .flat_map(|attribute| attribute.source.iter().map(|s| s.value.as_str()))
        .collect();
    assert_eq!(sources, ["s003", "s003"]);
    assert_eq!(clause.attributes[0].value.to_string(), "about 1400");
}

#[test]
fn a_number_too_large_to_be_a_count_is_a_located_error() {
    assert_eq!(
        errors(
            "agreement a {\n  clause 1 humanitarian_access { corridors 100000000000000000000000000000 }\n}\n"
        ),
        [(
            "100000000000000000000000000000 is too large to be a count".to_string(),
            2,
            44
        )]
    );
    let _ = fired;
}
