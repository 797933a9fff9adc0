//! Findings for code-scanning pages: `--format sarif`, SARIF 2.1.0.
//!
//! One run, whose `tool.driver.rules` are every rule of the registry (id,
//! summary, explanation, an example, default level), so a viewer can explain any
//! result without truce. Each result names its rule, its level (`error`,
//! `warning`, or `note` for an info), its message, where it points (a URI
//! relative to the working directory, with one-based lines and columns counted
//! in Unicode code points, the end exclusive) and, as related locations, the
//! clauses it involves. Input errors are tool execution notifications of the
//! run's invocation, which is then not successful; there are no results.
//!
//! `tests/cli.rs` validates the output of `truce check agreements/ --format
//! sarif` against the official schema (`tests/fixtures/sarif-schema-2.1.0.json`).

use std::path::Path;

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::rules::{self, Finding, Rule, Severity};
use crate::source::{Sources, Span};

use super::catalogue::paragraphs;
use super::diagnostics::PlainError;

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// What every relative URI is relative to: the project a CI job checks out,
/// in SARIF's conventional name.
const SOURCE_ROOT: &str = "%SRCROOT%";

/// Characters a URI path may not hold as they are: controls, space, the
/// delimiters of RFC 3986 and `%` itself. `:` too, so that a relative path's
/// first segment is never read as a scheme (`c:` or `http:`). Non-ASCII
/// characters are always encoded, as UTF-8.
const NOT_IN_PATH: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b':')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// The SARIF log of a run: `findings` in the order given, `errors` as
/// notifications. `base` is the working directory: file names under it are
/// written relative to it, others as absolute `file:` URIs.
pub fn render(
    findings: &[&Finding],
    errors: &[Diagnostic],
    sources: &Sources,
    base: Option<&Path>,
) -> String {
    let registry: Vec<&Rule> = rules::registry().collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "truce",
                    version: env!("CARGO_PKG_VERSION"),
                    rules: registry.iter().map(|rule| descriptor(rule)).collect(),
                },
            },
            invocations: vec![Invocation {
                execution_successful: errors.is_empty(),
                tool_execution_notifications: errors
                    .iter()
                    .map(|error| notification(error, sources, base))
                    .collect(),
            }],
            column_kind: "unicodeCodePoints",
            results: findings
                .iter()
                .map(|finding| result(finding, &registry, sources, base))
                .collect(),
        }],
    };
    // Plain structs of strings and numbers: serialising them cannot fail.
    let mut text = serde_json::to_string_pretty(&log).expect("the log serialises");
    text.push('\n');
    text
}

/// A file's name as a path relative to `base` when it lies under it, with `/`
/// between its parts: what a CI system shows and links. `./` is dropped.
pub(crate) fn relative_path(name: &str, base: Option<&Path>) -> String {
    let path = Path::new(name);
    let relative = match base {
        Some(base) if path.is_absolute() => path.strip_prefix(base).unwrap_or(path),
        _ => path,
    };
    let text = relative.to_string_lossy().replace('\\', "/");
    let mut text = text.as_str();
    while let Some(rest) = text.strip_prefix("./") {
        text = rest;
    }
    text.to_string()
}

/// A file's name as a URI: relative to the source root where it can be, or an
/// absolute `file:` URI.
fn artifact(name: &str, base: Option<&Path>) -> ArtifactLocation {
    let path = relative_path(name, base);
    let encoded = |text: &str| -> String {
        text.split('/')
            .map(|segment| utf8_percent_encode(segment, NOT_IN_PATH).to_string())
            .collect::<Vec<_>>()
            .join("/")
    };
    if Path::new(&path).is_absolute() {
        ArtifactLocation {
            uri: format!("file://{}", encoded(&path)),
            uri_base_id: None,
        }
    } else {
        ArtifactLocation {
            uri: encoded(&path),
            uri_base_id: Some(SOURCE_ROOT),
        }
    }
}

fn physical(span: Span, sources: &Sources, base: Option<&Path>) -> Option<PhysicalLocation> {
    let start = sources.locate(span)?;
    let end = sources.locate_end(span)?;
    Some(PhysicalLocation {
        artifact_location: artifact(start.file, base),
        region: Some(Region {
            start_line: start.line,
            start_column: start.column,
            end_line: end.line,
            end_column: end.column,
        }),
    })
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn descriptor(rule: &Rule) -> Descriptor {
    let explanation = paragraphs(rule.explanation);
    let example = rule.example.trim_matches('\n');
    let (help_text, help_markdown) = if example.trim().is_empty() {
        (explanation.clone(), explanation.clone())
    } else {
        (
            format!("{explanation}\n\nExample, on which the rule fires:\n\n{example}"),
            format!("{explanation}\n\nExample, on which the rule fires:\n\n```\n{example}\n```"),
        )
    };
    Descriptor {
        id: rule.id,
        short_description: Text {
            text: rule.summary.to_string(),
        },
        full_description: Text { text: explanation },
        help: Help {
            text: help_text,
            markdown: help_markdown,
        },
        default_configuration: Configuration {
            level: level(rule.severity),
        },
        properties: DescriptorProperties {
            tags: rules::family(rule).into_iter().collect(),
        },
    }
}

fn result(
    finding: &Finding,
    registry: &[&Rule],
    sources: &Sources,
    base: Option<&Path>,
) -> SarifResult {
    SarifResult {
        rule_id: finding.rule,
        rule_index: registry.iter().position(|rule| rule.id == finding.rule),
        level: level(finding.severity),
        message: Text {
            text: finding.message.to_string(),
        },
        locations: physical(finding.span, sources, base)
            .map(|physical_location| Location {
                id: None,
                physical_location,
                message: None,
            })
            .into_iter()
            .collect(),
        related_locations: finding
            .clauses
            .iter()
            .filter_map(|clause| {
                let physical_location = physical(clause.span, sources, base)?;
                Some((clause, physical_location))
            })
            .enumerate()
            .map(|(index, (clause, physical_location))| Location {
                id: Some(index),
                physical_location,
                message: Some(Text {
                    text: format!("{} ({})", clause.label(), clause.kind),
                }),
            })
            .collect(),
        properties: ResultProperties {
            document: finding.document.to_string(),
        },
    }
}

fn notification(error: &Diagnostic, sources: &Sources, base: Option<&Path>) -> Notification {
    let plain = PlainError::of(error, sources);
    let mut text = plain.message.clone();
    if let Some(expected) = &plain.expected {
        text.push_str("; ");
        text.push_str(expected);
    }
    if let Some(hint) = &plain.hint {
        text.push_str("; hint: ");
        text.push_str(hint);
    }
    let located = error.span.and_then(|span| physical(span, sources, base));
    let whole_file = || {
        error
            .path
            .as_deref()
            .filter(|path| !path.is_empty())
            .map(|path| PhysicalLocation {
                artifact_location: artifact(path, base),
                region: None,
            })
    };
    Notification {
        level: "error",
        message: Text { text },
        locations: located
            .or_else(whole_file)
            .map(|physical_location| Location {
                id: None,
                physical_location,
                message: None,
            })
            .into_iter()
            .collect(),
    }
}

// The wire types: the subset of SARIF 2.1.0 truce writes, in its property names.

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    invocations: Vec<Invocation>,
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
struct Driver {
    name: &'static str,
    version: &'static str,
    rules: Vec<Descriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor {
    id: &'static str,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
    properties: DescriptorProperties,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct DescriptorProperties {
    tags: Vec<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Text,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<Location>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    properties: ResultProperties,
}

#[derive(Serialize)]
struct ResultProperties {
    /// The id of the document the finding is about.
    document: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_relative_uris_with_their_odd_characters_encoded() {
        let base = Path::new("/home/analyst/truce");
        let uri = |name: &str| artifact(name, Some(base)).uri;
        assert_eq!(uri("agreements/a.truce"), "agreements/a.truce");
        assert_eq!(uri("./a.truce"), "a.truce");
        assert_eq!(uri("/home/analyst/truce/x/a b.truce"), "x/a%20b.truce");
        assert_eq!(uri("../other/ç#1.truce"), "../other/%C3%A7%231.truce");
        assert_eq!(uri("c:a.truce"), "c%3Aa.truce");
        assert_eq!(uri("/elsewhere/a.truce"), "file:///elsewhere/a.truce");
        assert_eq!(artifact("/elsewhere/a.truce", Some(base)).uri_base_id, None);
        assert_eq!(
            artifact("a.truce", Some(base)).uri_base_id,
            Some(SOURCE_ROOT)
        );
    }
}
