// Runs the real VS Code extension (what its package.json names as `main`: the
// bundle of extension.js and vscode-languageclient) in node, against the real server, with the `vscode`
// module replaced by vscode_standin.js. It plays a script of user steps and
// writes what happens as JSON lines on standard output.
//
//   node vscode_harness.js EXTENSION_DIR SCRIPT_JSON
//
// The script: {"workspace": PATH, "settings": {...}, "answers": [BUTTON...], "steps": [STEP...]}
// (answers: the buttons clicked on the messages shown, in order), a step being
//   ["activate"], ["open", PATH, TEXT] (waits for the document's diagnostics),
//   ["set", SETTING, VALUE], ["command", ID], ["deactivate"].
"use strict";

const Module = require("module");
const path = require("path");

const STANDIN = path.join(__dirname, "vscode_standin.js");
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === "vscode" ? STANDIN : resolveFilename.call(this, request, ...rest);
};

const WAIT_MS = 60000;

async function play(extensionDir, script) {
  const { harness, Uri } = require("vscode");
  Object.assign(harness.settings, script.settings);
  harness.answers.push(...(script.answers || []));
  harness.setWorkspaceFolder(script.workspace);
  const { main } = require(path.join(extensionDir, "package.json"));
  const extension = require(path.join(extensionDir, main));
  const context = { subscriptions: [], extensionPath: extensionDir };
  for (const [step, ...args] of script.steps) {
    if (step === "activate") {
      await extension.activate(context);
    } else if (step === "open") {
      const [file, text] = args;
      const uri = Uri.file(file).toString();
      const since = harness.reportedCount();
      harness.open(file, "segquery", text);
      await harness.waitFor((event) => event.event === "diagnostics" && event.uri === uri, since);
    } else if (step === "set") {
      harness.settings[args[0]] = args[1];
    } else if (step === "command") {
      await require("vscode").commands.executeCommand(args[0]);
    } else if (step === "deactivate") {
      await extension.deactivate();
      context.subscriptions.forEach((item) => item.dispose());
    } else {
      throw new Error(`unknown step ${step}`);
    }
    harness.report({ event: "done", step });
  }
}

const [extensionDir, scriptJson] = process.argv.slice(2);
const watchdog = setTimeout(() => {
  process.stdout.write(JSON.stringify({ event: "timeout", after_ms: WAIT_MS }) + "\n");
  process.exit(1);
}, WAIT_MS);
play(path.resolve(extensionDir), JSON.parse(scriptJson)).then(() => {
  clearTimeout(watchdog);
  process.exit(0);
}, (error) => {
  process.stdout.write(JSON.stringify({ event: "error", message: String(error && error.stack || error) }) + "\n");
  process.exit(1);
});
