// Starts the segquery language server (`segquery lsp`, over stdio) for *.segq files.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function serverOptions() {
  const config = vscode.workspace.getConfiguration("segquery");
  const [command, ...args] = config.get("server.command") || ["segquery", "lsp"];
  return { command, args, transport: TransportKind.stdio };
}

function clientOptions() {
  const rulesUrl = vscode.workspace.getConfiguration("segquery").get("rulesUrl");
  return {
    documentSelector: [
      { scheme: "file", language: "segquery" },
      { scheme: "untitled", language: "segquery" },
    ],
    // The server also registers these watchers itself; declaring them here
    // covers clients that cannot register them dynamically.
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher("**/{*.segq,pyproject.toml,segquery.toml}"),
    },
    initializationOptions: rulesUrl ? { rulesUrl } : {},
    middleware: { provideCodeLenses: showReferencesOnClick },
  };
}

// A reference lens's command is `segquery.showReferences` with the arguments of
// VS Code's `editor.action.showReferences` in protocol form: convert them, so a
// click lists the referencing segments.
async function showReferencesOnClick(document, token, next) {
  const lenses = await next(document, token);
  const convert = client.protocol2CodeConverter;
  for (const lens of lenses || []) {
    if (lens.command && lens.command.command === "segquery.showReferences") {
      const [uri, position, locations] = lens.command.arguments;
      lens.command.command = "editor.action.showReferences";
      lens.command.arguments = [
        convert.asUri(uri), convert.asPosition(position), locations.map((location) => convert.asLocation(location)),
      ];
    }
  }
  return lenses;
}

async function activate(context) {
  client = new LanguageClient("segquery", "Segment query", serverOptions(), clientOptions());
  context.subscriptions.push(
    vscode.commands.registerCommand("segquery.restartServer", () => client.restart()),
  );
  await client.start();
}

async function deactivate() {
  if (client) {
    await client.stop();
  }
}

module.exports = { activate, deactivate };
