// Starts `truce lsp` for .truce files. Everything else (diagnostics, hover, go
// to definition, completion, formatting) comes from the server.
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("truce").get("path", "truce");
  const server = { command, args: ["lsp"], transport: TransportKind.stdio };
  client = new LanguageClient(
    "truce",
    "truce",
    { run: server, debug: server },
    { documentSelector: [{ scheme: "file", language: "truce" }, { scheme: "untitled", language: "truce" }] }
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
