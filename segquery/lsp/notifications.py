"""Handlers that change the server's state: the session, the open documents,
the project's files and settings. Each one updates the state, then schedules
the diagnostics the change may have affected."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types
from pygls.capabilities import get_capability

from segquery.lsp.diagnostics import DEFAULT_RULES_URL
from segquery.lsp.documents import uri_to_path
from segquery.lsp.project import is_config_file
from segquery.lsp.server import SegqueryLanguageServer
from segquery.syntax.dialects import dialect_settings

WATCHED_GLOBS = ("**/*.segq", "**/*.json", "**/segquery.toml", "**/pyproject.toml")
WATCHER_REGISTRATION_ID = "segquery-watched-files"


# ---------------------------------------------------------------- session


def on_initialize(server: SegqueryLanguageServer, params: types.InitializeParams) -> None:
    options = params.initialization_options if isinstance(params.initialization_options, dict) else {}
    server.rules_url = str(options.get("rulesUrl") or DEFAULT_RULES_URL)
    server.project.dialect_setting = _dialect_setting(options)
    size = options.get("largeDocumentSize")
    if isinstance(size, int) and not isinstance(size, bool) and size >= 0:
        server.large_document_chars = size
    server.documents.encoding = str(server.protocol.workspace.position_encoding or server.documents.encoding)


def on_initialized(server: SegqueryLanguageServer, params: types.InitializedParams) -> None:
    load_project(server)
    if get_capability(server.client_capabilities,
                      "workspace.did_change_watched_files.dynamic_registration", False):
        watchers = [types.FileSystemWatcher(glob_pattern=glob) for glob in WATCHED_GLOBS]
        server.client_register_capability(types.RegistrationParams(registrations=[types.Registration(
            id=WATCHER_REGISTRATION_ID, method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers))]))


def load_project(server: SegqueryLanguageServer) -> None:
    """(Re)read the settings and files of the workspace folders, keeping the open documents' texts."""
    folders = [folder.uri for folder in server.protocol.workspace.folders.values()]
    if not folders and server.protocol.workspace.root_uri:
        folders = [server.protocol.workspace.root_uri]
    server.load_project([Path(path) for path in map(uri_to_path, folders) if path])


# ---------------------------------------------------------------- documents


def on_did_open(server: SegqueryLanguageServer, params: types.DidOpenTextDocumentParams) -> None:
    document = server.documents.open(params.text_document)
    server.diagnostics.schedule(document.uri)


def on_did_change(server: SegqueryLanguageServer, params: types.DidChangeTextDocumentParams) -> None:
    document = server.documents.change(params.text_document.uri, params.text_document.version,
                                       params.content_changes)
    if document is not None:
        server.diagnostics.schedule(document.uri)


def on_did_save(server: SegqueryLanguageServer, params: types.DidSaveTextDocumentParams) -> None:
    if server.documents.get(params.text_document.uri) is not None:
        server.diagnostics.run_now(params.text_document.uri)


def on_did_close(server: SegqueryLanguageServer, params: types.DidCloseTextDocumentParams) -> None:
    server.close_document(params.text_document.uri)


# ---------------------------------------------------------------- files and settings


def on_did_change_watched_files(server: SegqueryLanguageServer, params: types.DidChangeWatchedFilesParams) -> None:
    affected: list[str] = []
    for change in params.changes:
        path = uri_to_path(change.uri)
        if path is None:
            continue
        if is_config_file(path):
            load_project(server)
            return
        if server.documents.by_path(path) is not None:
            continue  # the editor's text wins over the disk while the document is open
        if change.type == types.FileChangeType.Deleted:
            affected += server.project.remove(path)
        else:
            affected += server.project.update(path)
    server.schedule_diagnostics(affected)


def on_did_change_configuration(server: SegqueryLanguageServer, params: types.DidChangeConfigurationParams) -> None:
    settings = params.settings if isinstance(params.settings, dict) else {}
    section = settings.get("segquery", settings)
    if isinstance(section, dict) and "dialect" in section:
        server.project.dialect_setting = _dialect_setting(section)
    load_project(server)


def _dialect_setting(options: dict) -> str | None:
    """The editor's `dialect` setting when it names a dialect or `auto`; otherwise the configuration decides."""
    value = options.get("dialect")
    if isinstance(value, str) and value.strip().lower() in dialect_settings():
        return value.strip().lower()
    return None


def on_did_change_workspace_folders(server: SegqueryLanguageServer,
                                   params: types.DidChangeWorkspaceFoldersParams) -> None:
    load_project(server)


def register(server: SegqueryLanguageServer) -> None:
    feature = server.feature
    feature(types.INITIALIZE)(on_initialize)
    feature(types.INITIALIZED)(on_initialized)
    feature(types.TEXT_DOCUMENT_DID_OPEN)(on_did_open)
    feature(types.TEXT_DOCUMENT_DID_CHANGE)(on_did_change)
    feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))(on_did_save)
    feature(types.TEXT_DOCUMENT_DID_CLOSE)(on_did_close)
    feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)(on_did_change_watched_files)
    feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)(on_did_change_configuration)
    feature(types.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)(on_did_change_workspace_folders)
