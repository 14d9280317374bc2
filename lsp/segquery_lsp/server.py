"""The language server: its state, and publishing diagnostics.

The state is the open documents (`DocumentStore`) and the project (settings
and workspace, `project.Project`). Handlers live in `notifications`
(they change the state) and `requests` (they read a snapshot of it); every
answer comes from a library function, converted at the boundary by `convert`.
"""

from __future__ import annotations

import logging
from functools import cached_property
from typing import Iterable

from lsprotocol import types
from pygls.capabilities import get_capability
from pygls.lsp.server import LanguageServer

from segquery import __version__
from segquery_lsp.convert import UTF16, LineIndex
from segquery_lsp.debounce import Debouncer
from segquery_lsp.diagnostics import DEFAULT_RULES_URL, to_lsp_diagnostic
from segquery_lsp.documents import Document, DocumentStore
from segquery_lsp.project import Project
from segquery_lsp.results import CompletionOptions
from segquery_lsp.protocol import SegqueryProtocol

logger = logging.getLogger(__name__)

NAME = "segquery"


class SegqueryLanguageServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(NAME, __version__, protocol_cls=SegqueryProtocol,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.documents = DocumentStore()
        self.project = Project()
        self.rules_url = DEFAULT_RULES_URL
        self.diagnostics = Debouncer(self.publish_diagnostics)
        self._published: dict[str, list[types.Diagnostic]] = {}

    # ------------------------------------------------------------ snapshots

    @property
    def encoding(self) -> str:
        return str(self.server_capabilities.position_encoding or UTF16)

    @cached_property
    def completion_options(self) -> CompletionOptions:
        capabilities = self.client_capabilities
        defaults = get_capability(capabilities, "text_document.completion.completion_list.item_defaults", None) or ()
        resolvable = get_capability(capabilities, "text_document.completion.completion_item.resolve_support", None)
        return CompletionOptions(
            snippets=bool(get_capability(capabilities, "text_document.completion.completion_item.snippet_support",
                                         False)),
            default_edit_range="editRange" in defaults,
            default_data="data" in defaults,
            lazy_documentation=resolvable is not None and "documentation" in (resolvable.properties or ()))

    @property
    def client_supports_label_offsets(self) -> bool:
        return bool(get_capability(
            self.client_capabilities,
            "text_document.signature_help.signature_information.parameter_information.label_offset_support",
            False))

    def document(self, uri: str) -> Document | None:
        return self.documents.get(uri)

    def index_for_path(self, path: str) -> LineIndex | None:
        """The text of another file, open or on disk, for related locations and edits."""
        document = self.documents.by_path(path)
        if document is not None:
            return document.index
        text = self.project.file_text(path)
        return LineIndex(text, self.encoding) if text is not None else None

    # ------------------------------------------------------------ diagnostics

    def schedule_diagnostics(self, uris: Iterable[str]) -> None:
        for uri in uris:
            if self.documents.get(uri) is not None:
                self.diagnostics.schedule(uri)

    def publish_diagnostics(self, uri: str) -> None:
        """Check the latest version of an open document and publish what changed."""
        document = self.documents.get(uri)
        if document is None:
            return
        try:
            report = self.project.check(document.text, document.path)
            diagnostics = [
                to_lsp_diagnostic(item, document.index, rules_url=self.rules_url, document_uri=uri,
                                  index_for_path=self.index_for_path)
                for item in report.diagnostics
            ]
        except Exception as error:  # noqa: BLE001 - report, keep serving
            logger.exception("checking %s failed", uri)
            self.log(types.MessageType.Error, f"checking {uri} failed: {type(error).__name__}: {error}")
            return
        self._published[uri] = diagnostics
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=document.version, diagnostics=diagnostics))

    def clear_diagnostics(self, uri: str) -> None:
        self.diagnostics.forget(uri)
        self._published.pop(uri, None)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def log(self, kind: types.MessageType, message: str) -> None:
        self.window_log_message(types.LogMessageParams(type=kind, message=message))


def create_server() -> SegqueryLanguageServer:
    """A server with every handler registered."""
    from segquery_lsp import notifications, requests

    server = SegqueryLanguageServer()
    notifications.register(server)
    requests.register(server)
    return server
