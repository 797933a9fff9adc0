//! `truce lsp` driven as an editor drives it: the real binary, JSON-RPC over its
//! stdin and stdout with `Content-Length` framing. The document has Arabic text
//! and a character outside the Basic Multilingual Plane before the places the
//! server must point at, so a range counted in bytes or in characters instead of
//! UTF-16 code units would be caught.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use serde_json::{Value, json};

/// How long any one answer may take before the test fails rather than hangs.
const PATIENCE: Duration = Duration::from_secs(20);

const URI: &str = "file:///work/proposal.truce";

/// Line 6 holds the error, after text whose UTF-16 length differs from its
/// length in bytes and in characters.
const BROKEN: &str = r#"agreement proposal_2018 {
  date 2018-05-01
  party regime "Syrian government" side government role signatory
  party factions "Northern Homs factions" side opposition role signatory
  clause 7 detainee_release {
    by regime
    text "الإفراج عن المعتقلين 𝄞"; strength revew
  }
}
"#;

struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    /// Messages read while waiting for another.
    pending: Vec<Value>,
    next_id: i64,
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_truce"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("truce lsp starts");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (sender, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if sender.send(message).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            messages,
            pending: Vec::new(),
            next_id: 1,
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Send a request and wait for its result.
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        let response = self.wait(|message| message["id"] == id && message.get("method").is_none());
        assert!(response.get("error").is_none(), "{method}: {response}");
        response["result"].clone()
    }

    /// The next notification of `method`.
    fn notification(&mut self, method: &str) -> Value {
        self.wait(|message| message["method"] == method)["params"].clone()
    }

    fn wait(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(at) = self.pending.iter().position(&wanted) {
            return self.pending.remove(at);
        }
        loop {
            let message = self
                .messages
                .recv_timeout(PATIENCE)
                .expect("the server answers in time");
            if wanted(&message) {
                return message;
            }
            self.pending.push(message);
        }
    }
}

/// One `Content-Length`-framed message; `None` at the end of the stream.
fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length: ") {
            length = value.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// The LSP position of the first `needle` in `text`: line, and character in
/// UTF-16 code units, counted here independently of the server.
fn position_of(text: &str, needle: &str) -> Value {
    let at = text.find(needle).expect("needle in text");
    let line = text[..at].matches('\n').count();
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let character = text[line_start..at].encode_utf16().count();
    json!({ "line": line, "character": character })
}

fn range_of(text: &str, needle: &str) -> Value {
    let start = position_of(text, needle);
    let mut end = start.clone();
    end["character"] =
        json!(start["character"].as_u64().unwrap_or(0) + needle.encode_utf16().count() as u64);
    json!({ "start": start, "end": end })
}

fn at(text: &str, needle: &str) -> Value {
    json!({ "textDocument": { "uri": URI }, "position": position_of(text, needle) })
}

#[test]
fn an_editor_opens_a_broken_document_fixes_it_and_asks_about_it() {
    let mut client = Client::start();
    let initialized = client.request(
        "initialize",
        json!({ "processId": null, "rootUri": null, "capabilities": {} }),
    );
    let capabilities = &initialized["capabilities"];
    for capability in [
        "hoverProvider",
        "definitionProvider",
        "completionProvider",
        "documentFormattingProvider",
    ] {
        assert!(
            !capabilities[capability].is_null(),
            "{capability}: {capabilities}"
        );
    }
    client.notify("initialized", json!({}));

    // An error, at the right range, with its code and its hint.
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": URI, "languageId": "truce", "version": 1, "text": BROKEN } }),
    );
    let published = client.notification("textDocument/publishDiagnostics");
    assert_eq!(published["uri"], URI);
    let diagnostics = published["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    let error = &diagnostics[0];
    assert_eq!(error["range"], range_of(BROKEN, "revew"), "{error}");
    assert_eq!(error["severity"], 1);
    assert_eq!(error["code"], "E0204");
    let message = error["message"].as_str().unwrap_or_default();
    assert!(message.contains("unknown strength `revew`"), "{message}");
    assert!(message.contains("did you mean `review`?"), "{message}");

    // Fixed: the rules' findings, a weak commitment among them, at its range.
    let fixed = BROKEN.replace("revew", "review");
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": URI, "version": 2 }, "contentChanges": [{ "text": fixed }] }),
    );
    let published = client.notification("textDocument/publishDiagnostics");
    let diagnostics = published["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let weak = diagnostics
        .iter()
        .find(|diagnostic| diagnostic["code"] == "weak-commitment")
        .unwrap_or_else(|| panic!("no weak-commitment in {diagnostics:?}"));
    assert_eq!(weak["range"], range_of(&fixed, "strength review"), "{weak}");
    assert_eq!(weak["severity"], 2, "a warning");
    assert!(
        diagnostics.iter().all(|d| d["code"]
            .as_str()
            .is_some_and(|code| !code.starts_with('E'))),
        "no input errors remain: {diagnostics:?}"
    );

    // Hover on the finding: the rule's explanation.
    let hover = client.request("textDocument/hover", at(&fixed, "strength review"));
    let shown = hover["contents"]["value"].as_str().unwrap_or_default();
    let rule = truce::rules::rule("weak-commitment").expect("the rule exists");
    assert!(shown.contains("weak-commitment"), "{shown}");
    assert!(shown.contains(rule.explanation), "{shown}");

    // Hover on a party named in a clause: its declaration.
    let by_regime = at(&fixed, "regime\n    text");
    let hover = client.request("textDocument/hover", by_regime.clone());
    let shown = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(
        shown.contains(r#"party regime "Syrian government" side government"#),
        "{shown}"
    );

    // Hover on an attribute: its meaning and type.
    let hover = client.request("textDocument/hover", at(&fixed, "strength review"));
    let shown = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(shown.contains("**`strength`**"), "{shown}");

    // Go to definition: from `by regime` to the party's id.
    let definition = client.request("textDocument/definition", by_regime);
    assert_eq!(definition["uri"], URI);
    assert_eq!(
        definition["range"],
        range_of(&fixed, "regime"),
        "{definition}"
    );

    // Completion after `clause 8 `: the clause kinds.
    let typing = fixed.replace("  }\n}", "  }\n  clause 8 \n}");
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": URI, "version": 3 }, "contentChanges": [{ "text": typing }] }),
    );
    client.notification("textDocument/publishDiagnostics");
    let mut position = position_of(&typing, "clause 8 ");
    position["character"] = json!(position["character"].as_u64().unwrap_or(0) + 9);
    let completion = client.request(
        "textDocument/completion",
        json!({ "textDocument": { "uri": URI }, "position": position }),
    );
    let labels: Vec<&str> = completion
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|item| item["label"].as_str())
                .collect()
        })
        .unwrap_or_default();
    assert!(labels.contains(&"detainee_release"), "{labels:?}");
    assert!(labels.contains(&"ceasefire"), "{labels:?}");

    // Shutdown, then exit: the server stops, with status 0.
    assert_eq!(client.request("shutdown", Value::Null), Value::Null);
    client.notify("exit", Value::Null);
    let status = wait_for_exit(&mut client.child);
    assert_eq!(status, Some(0));
}

#[test]
fn formatting_goes_through_truce_fmt() {
    let mut client = Client::start();
    client.request(
        "initialize",
        json!({ "processId": null, "rootUri": null, "capabilities": {} }),
    );
    client.notify("initialized", json!({}));
    let untidy = "agreement a {\n      date 2018-05-01\n}";
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": URI, "languageId": "truce", "version": 1, "text": untidy } }),
    );
    client.notification("textDocument/publishDiagnostics");
    let edits = client.request(
        "textDocument/formatting",
        json!({ "textDocument": { "uri": URI }, "options": { "tabSize": 2, "insertSpaces": true } }),
    );
    let expected = truce::format::format(0, untidy).unwrap_or_default();
    assert_eq!(edits[0]["newText"], expected);
    assert_eq!(
        edits[0]["range"]["start"],
        json!({ "line": 0, "character": 0 })
    );
    assert_eq!(client.request("shutdown", Value::Null), Value::Null);
    client.notify("exit", Value::Null);
    assert_eq!(wait_for_exit(&mut client.child), Some(0));
}

#[test]
fn a_document_is_read_with_the_files_beside_it() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    // The earlier agreement, in its own file, with an error of its own.
    let earlier = "agreement cairo_2017 {\n  date 2017-07-31\n  status signed\n  bogus 1\n}\n";
    std::fs::write(folder.path().join("cairo.truce"), earlier).expect("write");
    let later = "agreement october_2017 {\n  date 2017-10-04\n  link amends cairo_2017\n}\n";
    let path = folder.path().join("october.truce");
    std::fs::write(&path, later).expect("write");
    let uri = format!("file://{}", path.display());

    let mut client = Client::start();
    client.request(
        "initialize",
        json!({ "processId": null, "rootUri": null, "capabilities": {} }),
    );
    client.notify("initialized", json!({}));
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "truce", "version": 1, "text": later } }),
    );
    let published = client.notification("textDocument/publishDiagnostics");
    assert_eq!(published["uri"], uri.as_str());
    let diagnostics = published["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    // The link resolves, and the other file's error is not this document's.
    assert!(
        diagnostics.iter().all(|d| d["code"]
            .as_str()
            .is_some_and(|code| !code.starts_with('E'))),
        "{diagnostics:?}"
    );
    // Alone, the same text links to nothing.
    let alone = "untitled:october";
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": alone, "languageId": "truce", "version": 1, "text": later } }),
    );
    let published = client.notification("textDocument/publishDiagnostics");
    let codes: Vec<&str> = published["diagnostics"]
        .as_array()
        .map(|all| all.iter().filter_map(|d| d["code"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(published["uri"], alone);
    assert_eq!(codes, ["E0402"], "{published}");
    assert_eq!(client.request("shutdown", Value::Null), Value::Null);
    client.notify("exit", Value::Null);
    assert_eq!(wait_for_exit(&mut client.child), Some(0));
}

/// The exit status, or `None` if the server has not stopped in time (it is
/// killed then).
fn wait_for_exit(child: &mut Child) -> Option<i32> {
    let deadline = std::time::Instant::now() + PATIENCE;
    while std::time::Instant::now() < deadline {
        if let Ok(Some(status)) = child.try_wait() {
            return status.code();
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    None
}
