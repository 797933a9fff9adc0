//! Spans in JSON name their file by its index in the file's own `files` table;
//! once read, they must name the [`crate::source::FileId`] the file was given. The
//! walk is over the JSON value rather than the model's types, so that a field added
//! to the model can never be missed.

use serde_json::Value;

/// Add `base` to the `file` of every span (an object of exactly `file`, `start` and
/// `end`) under `documents`, `requirements` and `tests`, checking that each names
/// one of the `files` table's `count` files. Returns the JSON path of the first bad
/// span otherwise.
pub fn rebase(root: &mut Value, count: usize, base: usize) -> Result<(), (String, String)> {
    let Value::Object(fields) = root else {
        return Ok(());
    };
    for (key, value) in fields.iter_mut() {
        if ["documents", "requirements", "tests"].contains(&key.as_str()) {
            walk(value, count, base, &mut vec![Step::Key(key)])?;
        }
    }
    Ok(())
}

/// One step of the path to a value, borrowed from the JSON itself: the path is
/// only written out for an error, so the walk must not copy it at every step.
#[derive(Clone, Copy)]
enum Step<'v> {
    Key(&'v str),
    Index(usize),
}

fn walk<'v>(
    value: &'v mut Value,
    count: usize,
    base: usize,
    path: &mut Vec<Step<'v>>,
) -> Result<(), (String, String)> {
    // An explicit stack of work would avoid recursion, but serde_json has already
    // refused anything nested deeper than 128 levels.
    match value {
        Value::Object(fields) => {
            if is_span(fields) {
                let file = fields.get_mut("file").and_then(|file| {
                    let index = file.as_u64().and_then(|i| usize::try_from(i).ok())?;
                    (index < count).then_some((file, index))
                });
                match file {
                    Some((file, index)) => *file = Value::from(index + base),
                    None => {
                        path.push(Step::Key("file"));
                        return Err((
                            display(path),
                            format!(
                                "a span names file {}, but `files` lists {count}",
                                fields.get("file").map_or(Value::Null, Value::clone)
                            ),
                        ));
                    }
                }
                return Ok(());
            }
            for (key, child) in fields.iter_mut() {
                path.push(Step::Key(key));
                walk(child, count, base, path)?;
                path.pop();
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter_mut().enumerate() {
                path.push(Step::Index(index));
                walk(child, count, base, path)?;
                path.pop();
            }
        }
        _ => {}
    }
    Ok(())
}

fn is_span(fields: &serde_json::Map<String, Value>) -> bool {
    fields.len() == 3
        && ["file", "start", "end"]
            .iter()
            .all(|key| fields.contains_key(*key))
}

/// `documents[0].clauses[2].span.file`, as serde_path_to_error writes paths.
fn display(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Step::Index(index) => out.push_str(&format!("[{index}]")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn rebases_every_span_and_rejects_unknown_files() {
        let mut value = json!({
            "documents": [{ "id": { "value": "a", "span": { "file": 1, "start": 0, "end": 1 } },
                            "when": { "text": "x", "start": 2, "end": 3 } }]
        });
        rebase(&mut value, 2, 10).unwrap();
        assert_eq!(value["documents"][0]["id"]["span"]["file"], 11);
        assert_eq!(value["documents"][0]["when"]["start"], 2);
        let error = rebase(&mut value, 2, 0).unwrap_err();
        assert_eq!(error.0, "documents[0].id.span.file");
        assert_eq!(error.1, "a span names file 11, but `files` lists 2");
    }
}
