"""Handlers that change the server's state: the session, the documents, the
project's files and settings. Each one updates the state, then schedules the
diagnostics it may have changed."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types

from segquery_lsp.diagnostics import DEFAULT_RULES_URL
from segquery_lsp.documents import uri_to_path
from segquery_lsp.server import SegqueryLanguageServer


def on_initialize(server: SegqueryLanguageServer, params: types.InitializeParams) -> None:
    options = params.initialization_options if isinstance(params.initialization_options, dict) else {}
    server.rules_url = str(options.get("rulesUrl") or DEFAULT_RULES_URL)
    server.documents.encoding = server.protocol.workspace.position_encoding or server.documents.encoding
    folders = [folder.uri for folder in params.workspace_folders or ()]
    if not folders and params.root_uri:
        folders = [params.root_uri]
    server.project.set_roots([Path(path) for path in map(uri_to_path, folders) if path])


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
    server.documents.close(params.text_document.uri)
    server.clear_diagnostics(params.text_document.uri)


def register(server: SegqueryLanguageServer) -> None:
    server.feature(types.INITIALIZE)(on_initialize)
    server.feature(types.TEXT_DOCUMENT_DID_OPEN)(on_did_open)
    server.feature(types.TEXT_DOCUMENT_DID_CHANGE)(on_did_change)
    server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))(on_did_save)
    server.feature(types.TEXT_DOCUMENT_DID_CLOSE)(on_did_close)
