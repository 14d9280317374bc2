// Starts the segquery language server (`segquery lsp`, over stdio) for *.segq files.
"use strict";

const fs = require("fs");
const path = require("path");
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

const DEFAULT_COMMAND = ["segquery", "lsp"];

let client;

function serverCommand() {
  const command = vscode.workspace.getConfiguration("segquery").get("server.command");
  return Array.isArray(command) && command.length > 0 ? command : DEFAULT_COMMAND;
}

function serverOptions([command, ...args]) {
  return { command, args, transport: TransportKind.stdio };
}

function clientOptions() {
  const settings = vscode.workspace.getConfiguration("segquery");
  const rulesUrl = settings.get("rulesUrl");
  const dialect = settings.get("dialect");
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
    initializationOptions: { ...(rulesUrl ? { rulesUrl } : {}), ...(dialect ? { dialect } : {}) },
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

// Whether `command` names a file that can be run: an absolute path, or a name
// found on PATH. A relative path is left to the client, which resolves it
// against the workspace folder.
function isRunnable(command) {
  const isPath = command.includes("/") || command.includes(path.sep);
  if (isPath && !path.isAbsolute(command)) {
    return true;
  }
  const extensions = process.platform === "win32"
    ? ["", ...(process.env.PATHEXT || ".EXE;.CMD;.BAT").split(";")]
    : [""];
  const folders = isPath ? [""] : (process.env.PATH || "").split(path.delimiter).filter(Boolean);
  return folders.some((folder) => extensions.some((extension) => {
    try {
      fs.accessSync(path.join(folder, command + extension), fs.constants.X_OK);
      return fs.statSync(path.join(folder, command + extension)).isFile();
    } catch {
      return false;
    }
  }));
}

function notFoundMessage(command) {
  return `Segment query: the language server command \`${command}\` was not found. ` +
    "Install segquery with `python -m pip install git+<repository URL>` " +
    "(or `python -m pip install .` in a clone of segquery), " +
    "or set `segquery.server.command` to the full path of `segquery` and its arguments " +
    '(for example ["/path/to/venv/bin/segquery", "lsp"]), ' +
    'then run "Segment query: Restart the language server".';
}

// Reads the settings afresh, then starts a client; says how to install the server when it is missing.
async function startClient() {
  const command = serverCommand();
  if (!isRunnable(command[0])) {
    // Not awaited: activation must not wait for the user to dismiss the message.
    void vscode.window.showErrorMessage(notFoundMessage(command[0]), "Open Settings").then((choice) => {
      if (choice === "Open Settings") {
        void vscode.commands.executeCommand("workbench.action.openSettings", "segquery.server.command");
      }
    });
    return;
  }
  client = new LanguageClient("segquery", "Segment query", serverOptions(command), clientOptions());
  try {
    await client.start();
  } catch {
    // The client has shown the error and logged it in its output channel;
    // the restart command stays available once the setting is fixed.
  }
}

async function stopClient() {
  const running = client;
  client = undefined;
  if (running) {
    await running.dispose();
  }
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand("segquery.restartServer", async () => {
      await stopClient();
      await startClient();
    }),
  );
  await startClient();
}

function deactivate() {
  return stopClient();
}

module.exports = { activate, deactivate };
