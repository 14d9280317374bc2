// A stand-in for the `vscode` module: the part of VS Code's API that
// vscode-languageclient and the segquery extension use to start a server,
// open a document and show diagnostics. What the extension shows the user
// (messages, diagnostics) is written to standard output as JSON lines.
"use strict";

const { fileURLToPath, pathToFileURL } = require("url");

const reported = [];

function report(event) {
  process.stdout.write(JSON.stringify(event) + "\n");
  reported.push(event);
  waiters.splice(0).forEach((waiter) => waiter());
}

const waiters = [];

// Resolves with the first event reported from position `since` on (already
// reported or still to come) that satisfies `test`.
function waitFor(test, since) {
  return new Promise((resolve) => {
    const look = () => {
      const found = reported.slice(since).find(test);
      if (found) {
        resolve(found);
      } else {
        waiters.push(look);
      }
    };
    look();
  });
}

class Disposable {
  constructor(onDispose) {
    this.onDispose = onDispose;
  }

  static from(...disposables) {
    return new Disposable(() => disposables.forEach((item) => item && item.dispose && item.dispose()));
  }

  dispose() {
    const onDispose = this.onDispose;
    this.onDispose = undefined;
    if (onDispose) {
      onDispose();
    }
  }
}

class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (listener, thisArg, disposables) => {
      const bound = listener.bind(thisArg);
      this.listeners.add(bound);
      const disposable = new Disposable(() => this.listeners.delete(bound));
      if (Array.isArray(disposables)) {
        disposables.push(disposable);
      }
      return disposable;
    };
  }

  fire(value) {
    [...this.listeners].forEach((listener) => listener(value));
  }

  dispose() {
    this.listeners.clear();
  }
}

class Uri {
  constructor(scheme, authority, path, query, fragment) {
    Object.assign(this, { scheme, authority, path, query, fragment });
  }

  static parse(text) {
    const url = new URL(text);
    return new Uri(url.protocol.slice(0, -1), url.host, decodeURIComponent(url.pathname),
      url.search.slice(1), url.hash.slice(1));
  }

  static file(path) {
    return Uri.parse(pathToFileURL(path).href);
  }

  get fsPath() {
    return fileURLToPath(this.toString());
  }

  with(change) {
    const next = { ...this, ...change };
    return new Uri(next.scheme, next.authority, next.path, next.query, next.fragment);
  }

  toString() {
    const path = this.scheme === "file" ? pathToFileURL(this.path).pathname : this.path;
    return `${this.scheme}:${this.scheme === "file" ? "//" + this.authority : ""}${path}` +
      (this.query ? `?${this.query}` : "") + (this.fragment ? `#${this.fragment}` : "");
  }

  toJSON() {
    return this.toString();
  }
}

class Position {
  constructor(line, character) {
    Object.assign(this, { line, character });
  }
}

class Range {
  constructor(start, end, endLine, endCharacter) {
    if (typeof start === "number") {
      [start, end] = [new Position(start, end), new Position(endLine, endCharacter)];
    }
    Object.assign(this, { start, end });
  }
}

const DiagnosticSeverity = { Error: 0, Warning: 1, Information: 2, Hint: 3 };
const SEVERITY_NAMES = Object.keys(DiagnosticSeverity);

class Diagnostic {
  constructor(range, message, severity = DiagnosticSeverity.Error) {
    Object.assign(this, { range, message, severity });
  }
}

class DiagnosticRelatedInformation {
  constructor(location, message) {
    Object.assign(this, { location, message });
  }
}

class Location {
  constructor(uri, range) {
    Object.assign(this, { uri, range });
  }
}

class CodeActionKind {
  constructor(value) {
    this.value = value;
  }

  append(part) {
    return new CodeActionKind(this.value ? `${this.value}.${part}` : part);
  }

  contains(other) {
    return this.value === other.value || other.value.startsWith(`${this.value}.`);
  }
}
Object.assign(CodeActionKind, {
  Empty: new CodeActionKind(""),
  QuickFix: new CodeActionKind("quickfix"),
  Refactor: new CodeActionKind("refactor"),
  Source: new CodeActionKind("source"),
});

// Result classes the client subclasses when it loads (their features are not exercised here).
function resultClass(name, ...fields) {
  return {
    [name]: class {
      constructor(...values) {
        fields.forEach((field, index) => {
          this[field] = values[index];
        });
      }
    },
  }[name];
}

function describe(diagnostic) {
  const code = diagnostic.code && typeof diagnostic.code === "object" ? diagnostic.code.value : diagnostic.code;
  const { start, end } = diagnostic.range;
  return {
    code,
    severity: SEVERITY_NAMES[diagnostic.severity],
    range: [start.line, start.character, end.line, end.character],
    message: diagnostic.message,
  };
}

class DiagnosticCollection {
  constructor(name) {
    this.name = name;
    this.entries = new Map();
  }

  set(uri, diagnostics) {
    const pairs = Array.isArray(uri) ? uri : [[uri, diagnostics]];
    for (const [target, items] of pairs) {
      this.entries.set(target.toString(), items || []);
      report({ event: "diagnostics", uri: target.toString(), diagnostics: (items || []).map(describe) });
    }
  }

  get(uri) {
    return this.entries.get(uri.toString());
  }

  has(uri) {
    return this.entries.has(uri.toString());
  }

  delete(uri) {
    this.entries.delete(uri.toString());
  }

  clear() {
    this.entries.clear();
  }

  forEach(callback) {
    this.entries.forEach((items, uri) => callback(Uri.parse(uri), items, this));
  }

  dispose() {
    this.clear();
  }
}

function events(...names) {
  return Object.fromEntries(names.map((name) => [name, new EventEmitter().event]));
}

// The settings `workspace.getConfiguration` reads: the harness sets them.
const settings = {};

function getConfiguration(section) {
  const key = (name) => (section ? `${section}.${name}` : name);
  return {
    get: (name, fallback) => (key(name) in settings ? settings[key(name)] : fallback),
    has: (name) => key(name) in settings,
    inspect: () => undefined,
    update: async (name, value) => {
      settings[key(name)] = value;
    },
  };
}

const documentEvents = {
  open: new EventEmitter(),
  close: new EventEmitter(),
  change: new EventEmitter(),
};

const workspace = {
  workspaceFolders: [],
  textDocuments: [],
  notebookDocuments: [],
  fs: {},
  getConfiguration,
  getWorkspaceFolder: (uri) => workspace.workspaceFolders.find(
    (folder) => uri.toString().startsWith(folder.uri.toString() + "/")),
  createFileSystemWatcher: () => ({
    ...events("onDidCreate", "onDidChange", "onDidDelete"),
    dispose() {},
  }),
  applyEdit: async () => true,
  onDidOpenTextDocument: documentEvents.open.event,
  onDidCloseTextDocument: documentEvents.close.event,
  onDidChangeTextDocument: documentEvents.change.event,
  ...events("onDidSaveTextDocument", "onWillSaveTextDocument", "onDidChangeConfiguration",
    "onDidChangeWorkspaceFolders", "onDidOpenNotebookDocument", "onDidCloseNotebookDocument",
    "onDidChangeNotebookDocument", "onDidSaveNotebookDocument", "onDidCreateFiles", "onDidDeleteFiles",
    "onDidRenameFiles", "onWillCreateFiles", "onWillDeleteFiles", "onWillRenameFiles"),
};

// The buttons the user clicks, one per message shown (none: the message is dismissed).
const answers = [];

function showMessage(level) {
  return async (message, ...items) => {
    report({ event: "message", level, message, items: items.map((item) => item.title || item) });
    return answers.shift();
  };
}

const window = {
  activeTextEditor: undefined,
  visibleTextEditors: [],
  tabGroups: { all: [], ...events("onDidChangeTabGroups", "onDidChangeTabs") },
  createOutputChannel: (name) => ({
    name,
    lines: [],
    append(text) {
      this.lines.push(text);
    },
    appendLine(text) {
      this.lines.push(text + "\n");
    },
    replace(text) {
      this.lines = [text];
    },
    clear() {
      this.lines = [];
    },
    show() {},
    hide() {},
    dispose() {},
  }),
  showErrorMessage: showMessage("error"),
  showWarningMessage: showMessage("warning"),
  showInformationMessage: showMessage("information"),
  withProgress: (options, task) => task({ report() {} }, { isCancellationRequested: false, onCancellationRequested: () => new Disposable() }),
  showTextDocument: async () => undefined,
  ...events("onDidChangeActiveTextEditor", "onDidChangeVisibleTextEditors"),
};

const commandHandlers = new Map();

const commands = {
  registerCommand(id, handler) {
    commandHandlers.set(id, handler);
    return new Disposable(() => commandHandlers.delete(id));
  },
  async executeCommand(id, ...args) {
    if (!commandHandlers.has(id)) {
      report({ event: "command", id, args });
      return undefined;
    }
    return commandHandlers.get(id)(...args);
  },
};

function matches(filter, document) {
  return (!filter.language || filter.language === document.languageId) &&
    (!filter.scheme || filter.scheme === document.uri.scheme);
}

// Every `languages.register...Provider` gives back a disposable; the rest is explicit.
const languages = new Proxy({
  createDiagnosticCollection: (name) => new DiagnosticCollection(name),
  match: (selector, document) => ([].concat(selector).some((filter) => matches(filter, document)) ? 10 : 0),
}, {
  get(target, name) {
    if (name in target) {
      return target[name];
    }
    if (typeof name === "string" && /^register\w+Provider$/.test(name)) {
      return () => new Disposable();
    }
    return undefined;
  },
});

// A text document as the client reads it.
function textDocument(uri, languageId, text, version = 1) {
  return {
    uri,
    fileName: uri.scheme === "file" ? uri.fsPath : uri.path,
    languageId,
    version,
    isClosed: false,
    isDirty: false,
    isUntitled: uri.scheme === "untitled",
    eol: 1,
    lineCount: text.split("\n").length,
    getText: () => text,
  };
}

// What the harness does as the user: settings, the workspace folder, opening a document; and what it sees.
const harness = {
  settings,
  answers,
  report,
  waitFor,
  reportedCount: () => reported.length,
  setWorkspaceFolder(path) {
    workspace.workspaceFolders = [{ uri: Uri.file(path), name: "workspace", index: 0 }];
  },
  open(path, languageId, text) {
    const document = textDocument(Uri.file(path), languageId, text);
    workspace.textDocuments.push(document);
    documentEvents.open.fire(document);
    return document;
  },
};

module.exports = {
  version: "1.82.0",
  env: { appName: "Visual Studio Code", language: "en", machineId: "test", openExternal: async () => true },
  Disposable,
  EventEmitter,
  Uri,
  Position,
  Range,
  Diagnostic,
  DiagnosticSeverity,
  DiagnosticTag: { Unnecessary: 1, Deprecated: 2 },
  DiagnosticRelatedInformation,
  Location,
  CodeActionKind,
  CodeAction: resultClass("CodeAction", "title", "kind"),
  CodeLens: resultClass("CodeLens", "range", "command"),
  CompletionItem: resultClass("CompletionItem", "label", "kind"),
  DocumentLink: resultClass("DocumentLink", "range", "target"),
  InlayHint: resultClass("InlayHint", "position", "label", "kind"),
  SymbolInformation: resultClass("SymbolInformation", "name", "kind", "containerName", "location"),
  CallHierarchyItem: resultClass("CallHierarchyItem", "kind", "name", "detail", "uri", "range", "selectionRange"),
  TypeHierarchyItem: resultClass("TypeHierarchyItem", "kind", "name", "detail", "uri", "range", "selectionRange"),
  CancellationError: class CancellationError extends Error {},
  CancellationTokenSource: class CancellationTokenSource {
    constructor() {
      this.token = { isCancellationRequested: false, onCancellationRequested: () => new Disposable() };
    }

    cancel() {
      this.token.isCancellationRequested = true;
    }

    dispose() {}
  },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  TextDocumentSaveReason: { Manual: 1, AfterDelay: 2, FocusOut: 3 },
  workspace,
  window,
  commands,
  languages,
  harness,
};
