//! `truce test --format junit`: the test blocks' results as JUnit XML, which CI
//! systems show as a test report.
//!
//! ```xml
//! <testsuites name="truce test" tests="3" failures="1" errors="0">
//!   <testsuite name="agreements/tests.truce" tests="3" failures="1" errors="0" skipped="0">
//!     <testcase name="cairo_lacks_a_guarantee" classname="agreements/tests.truce"
//!               file="agreements/tests.truce" line="12" assertions="4">
//!       <failure type="assertion" message="expected …, but …">expected: …
//!   actual: …
//! at agreements/tests.truce:15:3
//! see agreements/r.truce:30:3</failure>
//!     </testcase>
//!   </testsuite>
//! </testsuites>
//! ```
//!
//! One `testsuite` per file holding tests, in the order the files were read;
//! one `testcase` per `test` block; a failing test has one `failure` whose
//! `message` is its first failed assertion (and how many more failed) and whose
//! text gives every failed assertion with what was expected, what was found,
//! and where. Characters XML cannot hold (control characters from a file) are
//! written as `\u{1b}`-style escapes; the writer (`quick-xml`) escapes markup.

use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use crate::source::{FileId, Sources};
use crate::testing::{TestResult, TestRun};

/// The run as one XML document, ending in a newline.
pub fn render(run: &TestRun, sources: &Sources) -> String {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    // Writing into a Vec<u8> cannot fail.
    write(&mut writer, run, sources).expect("writing XML into memory");
    let mut text = String::from_utf8(writer.into_inner()).unwrap_or_default();
    text.push('\n');
    text
}

fn write(writer: &mut Writer<Vec<u8>>, run: &TestRun, sources: &Sources) -> io::Result<()> {
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let suites = by_file(run);
    let (tests, failures) = (run.results.len(), run.failed());
    writer
        .create_element("testsuites")
        .with_attributes([
            ("name", "truce test"),
            ("tests", &tests.to_string()),
            ("failures", &failures.to_string()),
            ("errors", "0"),
        ])
        .write_inner_content(|writer| {
            for (file, results) in &suites {
                suite(writer, file_name(sources, *file), results, sources)?;
            }
            Ok(())
        })?;
    Ok(())
}

/// The results grouped by the file their test block is in, files in the order
/// of their first test.
fn by_file(run: &TestRun) -> Vec<(FileId, Vec<&TestResult>)> {
    let mut suites: Vec<(FileId, Vec<&TestResult>)> = Vec::new();
    for result in &run.results {
        match suites
            .iter_mut()
            .find(|(file, _)| *file == result.span.file)
        {
            Some((_, members)) => members.push(result),
            None => suites.push((result.span.file, vec![result])),
        }
    }
    suites
}

fn file_name(sources: &Sources, file: FileId) -> String {
    sources
        .files()
        .get(file as usize)
        .map_or(String::new(), |source| xml_safe(&source.name))
}

fn suite(
    writer: &mut Writer<Vec<u8>>,
    file: String,
    results: &[&TestResult],
    sources: &Sources,
) -> io::Result<()> {
    let failures = results.iter().filter(|result| !result.passed()).count();
    writer
        .create_element("testsuite")
        .with_attributes([
            ("name", file.as_str()),
            ("tests", &results.len().to_string()),
            ("failures", &failures.to_string()),
            ("errors", "0"),
            ("skipped", "0"),
        ])
        .write_inner_content(|writer| {
            for result in results {
                case(writer, &file, result, sources)?;
            }
            Ok(())
        })?;
    Ok(())
}

fn case(
    writer: &mut Writer<Vec<u8>>,
    file: &str,
    result: &TestResult,
    sources: &Sources,
) -> io::Result<()> {
    let name = xml_safe(&result.name);
    let line = sources
        .locate(result.span)
        .map_or(String::new(), |at| at.line.to_string());
    let element = writer.create_element("testcase").with_attributes([
        ("name", name.as_str()),
        ("classname", file),
        ("file", file),
        ("line", &line),
        ("assertions", &result.assertions.to_string()),
    ]);
    let Some((_, first)) = result.failures.first() else {
        element.write_empty()?;
        return Ok(());
    };
    let more = result.failures.len() - 1;
    let message = if more == 0 {
        first.to_string()
    } else {
        format!("{first} (and {more} more failed)")
    };
    let mut details = Vec::new();
    for (span, failure) in &result.failures {
        details.push(format!("expected: {}", failure.expected));
        details.push(format!("  actual: {}", failure.actual));
        details.extend(sources.locate(*span).map(|at| format!("at {at}")));
        details.extend(
            failure
                .spans
                .iter()
                .filter_map(|span| sources.locate(*span))
                .map(|at| format!("see {at}")),
        );
    }
    element.write_inner_content(|writer| {
        writer
            .create_element("failure")
            .with_attributes([
                ("type", "assertion"),
                ("message", xml_safe(&message.replace('\n', " ")).as_str()),
            ])
            .write_text_content(BytesText::new(&xml_safe(&details.join("\n"))))?;
        Ok(())
    })?;
    Ok(())
}

/// The text with every character XML 1.0 cannot hold, escaped or not,
/// written as `\u{…}`: C0 controls other than tab and line breaks, and the
/// non-characters U+FFFE and U+FFFF.
fn xml_safe(text: &str) -> String {
    let forbidden = |c: char| matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}');
    if !text.contains(forbidden) {
        return text.to_string();
    }
    text.chars()
        .map(|c| {
            if forbidden(c) {
                format!("\\u{{{:x}}}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_xml_cannot_hold_are_escaped() {
        assert_eq!(xml_safe("a\u{1b}[2Jb\tc"), "a\\u{1b}[2Jb\tc");
        assert_eq!(xml_safe("plain <text> & more"), "plain <text> & more");
    }
}
